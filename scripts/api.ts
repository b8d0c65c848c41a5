// API reports: api-extractor reads the built declarations of each entry point of package.json
// `exports` and writes its report to test/api/, so that every change of the public API shows in
// review. `npm run api` writes them (after `npm run build`), `-- --check` fails on a stale one; both
// fail on a type that a signature uses but no entry exports, an export without TSDoc, bad TSDoc.
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from "@microsoft/api-extractor";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const REPORT_FOLDER = join(root, "test", "api");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; exports: Record<string, { import?: { types?: string } }> };

/** The report of an `exports` subpath: `statuskit.api.md`, `statuskit-unofficial.api.md`. */
export const reportName = (subpath: string): string => `${(pkg.name + subpath.slice(1)).replace(/\//g, "-")}.api.md`;

// House style follows Deno's TSDoc (`@param code The code`), without TSDoc's hyphen; there are no
// release tags, as everything exported is public.
const IGNORED = new Set(["tsdoc-param-tag-missing-hyphen", "ae-missing-release-tag"]);
const WARN = { logLevel: ExtractorLogLevel.Warning };

// Whether an ae-undocumented finding is about a later overload of a function whose first overload
// has TSDoc: editors show that TSDoc for every overload, and a comment of its own would replace it.
function laterOverload({ messageId, sourceFilePath, sourceFileLine }: ExtractorMessage): boolean {
  if (messageId !== "ae-undocumented" || !sourceFilePath || !sourceFileLine) return false;
  const lines = readFileSync(sourceFilePath, "utf8").split("\n");
  const declaration = (name: string) => new RegExp(`^(?:export )?declare function ${name}\\b`);
  const name = lines[sourceFileLine - 1]?.match(declaration("(\\w+)"))?.[1];
  const first = name === undefined ? -1 : lines.findIndex((line) => declaration(name).test(line));
  return first >= 0 && first < sourceFileLine - 1 && lines[first - 1]?.trim() === "*/";
}

/** Runs api-extractor on every entry point: one line per finding or stale report (`write` replaces stale reports). */
export function checkApi({ write }: { write: boolean }): string[] {
  const temp = mkdtempSync(join(tmpdir(), "statuskit-api-"));
  // An entry point may import another by the package's name (`statuskit/unofficial` from
  // `statuskit`). Read in place, that resolves back into this package, and api-extractor would ask
  // the importer to export the other's types. So the declarations are read from a project of
  // another name beside a node_modules/statuskit: as for users, the import names another entry.
  const project = join(temp, "project");
  const installed = join(project, "node_modules", pkg.name);
  for (const to of [project, installed]) cpSync(join(root, "dist"), join(to, "dist"), { recursive: true, filter: (f) => !/\.c?js$/.test(f) });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: `${pkg.name}-api-report`, private: true }));
  cpSync(join(root, "package.json"), join(installed, "package.json"));
  try {
    const entries = Object.entries(pkg.exports).filter(([subpath]) => !subpath.endsWith(".json"));
    const untyped = entries.filter(([, target]) => !target.import?.types).map(([subpath]) => `${subpath}: no "import"."types" in its exports entry`);
    if (untyped.length) return untyped;
    const configs = entries.map(([subpath, target]) => ExtractorConfig.prepare({
      configObject: {
        projectFolder: project,
        mainEntryPointFilePath: join(project, target.import!.types!),
        // The reports are about the API; which globals the declarations may assume is the
        // TypeScript matrix's concern, so Fetch's types are available here.
        compiler: { overrideTsconfig: { compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], types: [], strict: true } } },
        newlineKind: "lf",
        apiReport: { enabled: true, reportFolder: REPORT_FOLDER, reportTempFolder: temp, reportFileName: reportName(subpath).replace(/\.api\.md$/, "") },
        docModel: { enabled: false }, dtsRollup: { enabled: false }, tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: WARN }, tsdocMessageReporting: { default: WARN },
          extractorMessageReporting: { default: WARN, "ae-forgotten-export": { ...WARN, addToApiReportFile: false } },
        },
      },
      configObjectFullPath: undefined, packageJsonFullPath: join(root, "package.json"),
    }));
    // One compiler program for every entry point: it is most of the time spent.
    const compilerState = CompilerState.create(configs[0]!, { additionalEntryPoints: configs.map((c) => c.mainEntryPointFilePath) });
    return entries.flatMap(([subpath], i) => {
      const [entry, report] = [pkg.name + subpath.slice(1), `test/api/${reportName(subpath)}`];
      const problems: string[] = [];
      const result = Extractor.invoke(configs[i]!, {
        localBuild: write,
        compilerState,
        messageCallback(message: ExtractorMessage) {
          message.handled = true;
          const level = message.logLevel === ExtractorLogLevel.Warning || message.logLevel === ExtractorLogLevel.Error;
          if (!level || message.category === "console" || IGNORED.has(message.messageId) || laterOverload(message)) return;
          const where = message.sourceFilePath ? ` (${relative(project, message.sourceFilePath)}:${message.sourceFileLine})` : "";
          problems.push(`${entry}: ${message.messageId}: ${message.text}${where}`);
        },
      });
      if (!write && result.apiReportChanged) problems.push(`${report} is out of date with the declarations of ${entry}: run \`npm run build && npm run api\` and commit it`);
      return problems;
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failures = checkApi({ write: !process.argv.includes("--check") });
  for (const line of failures) console.error(`api: ${line}`);
  if (failures.length) process.exitCode = 1;
  else console.log(`api: the reports in test/api/ are up to date`);
}
