// API reports: api-extractor reads the built declarations of every entry point that package.json
// `exports` names and writes one report per entry point to test/api/, so that every change of the
// public API shows in review. `npm run api` writes the reports (after `npm run build`);
// `npm run api -- --check` writes nothing and fails on a stale report. Both fail on any finding: a
// type that a public signature uses but no entry point exports (ae-forgotten-export), an export
// without TSDoc (ae-undocumented), malformed TSDoc, or a compiler error in the declarations.
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from "@microsoft/api-extractor";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { entrypoints, type PackageJson, readPackage, root, specifier } from "./pack";

export const REPORT_FOLDER = join(root, "test", "api");
const COMMAND = "npm run build && npm run api";

export interface ApiResult {
  /** The specifier users import: `statuskit`, `statuskit/unofficial`. */
  entry: string;
  /** The report file, relative to the repository. */
  report: string;
  /** Whether the committed report differs from the declarations (always `false` after a write). */
  stale: boolean;
  /** Findings, one line each. */
  problems: string[];
}

/** The declaration file a condition object leads to, preferring what `import` resolves to. */
function typesOf(target: unknown): string | undefined {
  if (typeof target !== "object" || target === null) return undefined;
  const conditions = target as Record<string, unknown>;
  if (typeof conditions["types"] === "string") return conditions["types"];
  for (const key of ["import", ...Object.keys(conditions)]) {
    const found = typesOf(conditions[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The report file name for an entry point: `statuskit.api.md`, `statuskit-unofficial.api.md`. */
export const reportName = (pkg: PackageJson, subpath: string): string => `${specifier(pkg, subpath).replace(/\//g, "-")}.api.md`;

// House style follows Deno's TSDoc (`@param code The code`), without TSDoc's hyphen; we use no
// release tags, as everything exported is public.
const IGNORED = new Set(["tsdoc-param-tag-missing-hyphen", "ae-missing-release-tag"]);

/**
 * Whether an ae-undocumented finding is about a later overload of a function whose first overload
 * has TSDoc: editors show that TSDoc for every overload, and a comment of its own would replace it.
 */
function laterOverload(message: ExtractorMessage): boolean {
  if (message.messageId !== "ae-undocumented" || !message.sourceFilePath || !message.sourceFileLine) return false;
  const lines = readFileSync(message.sourceFilePath, "utf8").split("\n");
  const name = lines[message.sourceFileLine - 1]?.match(/^(?:export )?declare function (\w+)\b/)?.[1];
  if (name === undefined) return false;
  const first = lines.findIndex((line) => new RegExp(`^(?:export )?declare function ${name}\\b`).test(line));
  return first < message.sourceFileLine - 1 && lines[first - 1]?.trim() === "*/";
}

/** Runs api-extractor on every entry point; `write` replaces stale reports instead of failing. */
export function extractApi({ write }: { write: boolean }): ApiResult[] {
  const pkg = readPackage();
  const temp = mkdtempSync(join(tmpdir(), "statuskit-api-"));
  if (write) mkdirSync(REPORT_FOLDER, { recursive: true });
  // An entry point may import another by the package's name (`statuskit/unofficial` takes
  // `RetryableCode` from `statuskit`). Read in place, that import resolves back into this package
  // and api-extractor asks the importing entry to export the other entry's types too. So each
  // entry is read from a copy of the declarations in a project of another name, next to a
  // node_modules/statuskit that holds the package: the import is then what it is for users, a
  // reference to another entry point.
  const project = join(temp, "project");
  const installed = join(project, "node_modules", pkg.name);
  const copyDeclarations = (to: string) => cpSync(join(root, "dist"), join(to, "dist"), { recursive: true, filter: (f) => !/\.(c?js)$/.test(f) });
  copyDeclarations(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: `${pkg.name}-api-report`, private: true }));
  copyDeclarations(installed);
  cpSync(join(root, "package.json"), join(installed, "package.json"));
  try {
    const entries = entrypoints(pkg).map((subpath) => {
      const types = typesOf(pkg.exports?.[subpath]);
      const report = reportName(pkg, subpath);
      const config = types === undefined ? undefined : ExtractorConfig.prepare({
        configObject: {
          projectFolder: project,
          mainEntryPointFilePath: join(project, types),
          // The reports are about each entry point's API; which globals its declarations may assume
          // is test/typescript.test.ts's concern, so Fetch's types are available here.
          compiler: {
            overrideTsconfig: {
              compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], types: [], strict: true },
            },
          },
          newlineKind: "lf",
          apiReport: { enabled: true, reportFolder: REPORT_FOLDER, reportTempFolder: temp, reportFileName: report.replace(/\.api\.md$/, "") },
          docModel: { enabled: false },
          dtsRollup: { enabled: false },
          tsdocMetadata: { enabled: false },
          messages: {
            compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
            extractorMessageReporting: {
              default: { logLevel: ExtractorLogLevel.Warning },
              "ae-forgotten-export": { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: false },
            },
            tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
          },
        },
        configObjectFullPath: undefined,
        packageJsonFullPath: join(root, "package.json"),
      });
      return { entry: specifier(pkg, subpath), report, config };
    });
    // One compiler program for every entry point: it is most of the time spent.
    const configs = entries.flatMap((e) => (e.config ? [e.config] : []));
    const shared = configs[0] && {
      compilerState: CompilerState.create(configs[0], { additionalEntryPoints: configs.map((c) => c.mainEntryPointFilePath) }),
    };
    return entries.map(({ entry, report, config }): ApiResult => {
      if (config === undefined) return { entry, report, stale: false, problems: [`${entry}: no "types" in its exports entry`] };
      const problems: string[] = [];
      const result = Extractor.invoke(config, {
        localBuild: write,
        ...shared,
        messageCallback(message: ExtractorMessage) {
          message.handled = true;
          if (message.category === "console" || IGNORED.has(message.messageId) || laterOverload(message)) return;
          if (message.logLevel !== ExtractorLogLevel.Warning && message.logLevel !== ExtractorLogLevel.Error) return;
          const where = message.sourceFilePath ? ` (${relative(project, message.sourceFilePath)}:${message.sourceFileLine})` : "";
          problems.push(`${entry}: ${message.messageId}: ${message.text}${where}`);
        },
      });
      return { entry, report: relative(root, join(REPORT_FOLDER, report)), stale: !write && result.apiReportChanged, problems };
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** One line per failure, each naming what to do. */
export function failures(results: ApiResult[]): string[] {
  return results.flatMap((r) => [
    ...r.problems,
    ...(r.stale ? [`${r.report} is out of date with the declarations of ${r.entry}: run \`${COMMAND}\` and commit it`] : []),
  ]);
}

function main() {
  const results = extractApi({ write: !process.argv.includes("--check") });
  const failed = failures(results);
  for (const line of failed) console.error(`api: ${line}`);
  if (failed.length) process.exit(1);
  for (const r of results) console.log(`api: ${r.report} (${r.entry}) is up to date`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
