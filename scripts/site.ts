// The reference site: `npm run site` writes a static site into site/ (git-ignored) from the library
// and data/: the index (a table per class, vendor codes, rules, references, questions), a page per
// code (`404/`) and per vendor code (`499/`), a search script bundled from the library, and the API
// reference by TypeDoc (`api/`). Options: `--today YYYY-MM-DD` sets the build date (lifecycle dates
// are shown as passed or not relative to it), `--out <dir>`, and `--serve [--port <n>]` to serve
// the result on 127.0.0.1.
import { build, type Plugin } from "esbuild";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Application, JSX } from "typedoc";
import { STATUSES } from "../src/index";
import { codePage, indexPage, vendorPage, VENDOR_CODES, type Context } from "./site/pages";
import { readRules } from "./site/rules";
import { serve } from "./site/serve";

const root = fileURLToPath(new URL("..", import.meta.url));
const readPackage = (): { name: string; version: string; exports: Record<string, unknown> } => JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const entrypoints = (pkg: ReturnType<typeof readPackage>) => Object.keys(pkg.exports).filter((subpath) => !subpath.endsWith(".json"));
const specifier = (pkg: ReturnType<typeof readPackage>, subpath: string) => pkg.name + subpath.slice(1);

/** Where `npm run site` writes the site. */
const siteDir = join(root, "site");

/** A public entry point: the specifier users import, its source file, and the module's file name. */
interface Entry {
  /** `"statuskit/unofficial"`. */
  specifier: string;
  /** `"src/unofficial.ts"`. */
  source: string;
  /** `"unofficial"`: the name TypeDoc gives the module. */
  name: string;
}

let entryList: Entry[] | undefined;

/** The public entry points, from package.json `exports`, read once. */
function entries(): Entry[] {
  return (entryList ??= readEntries());
}

function readEntries(): Entry[] {
  const pkg = readPackage();
  return entrypoints(pkg).map((subpath) => {
    // tsup names each output after its entry: ./dist/unofficial.js comes from src/unofficial.ts.
    const name = JSON.stringify((pkg.exports as Record<string, unknown>)[subpath]).match(/"\.\/dist\/([\w-]+)\.c?js"/)?.[1];
    const source = `src/${name}.ts`;
    if (name === undefined || !existsSync(join(root, source))) throw new Error(`site: no source file for export ${subpath}`);
    return { specifier: specifier(pkg, subpath), source, name };
  });
}

/** The date of the IANA registry that data/ follows, as data/README.md's Sources give it. */
function registryDate(): string {
  const readme = readFileSync(join(root, "data/README.md"), "utf8");
  const found = readme.match(/HTTP Status Code Registry\]\([^)]*\),\s+last updated\s+(\d{4}-\d{2}-\d{2})/)?.[1];
  if (found === undefined) throw new Error("site: data/README.md does not say when the IANA registry was last updated");
  return found;
}

/** What every page is rendered with. */
export function siteContext(today: string): Context {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`site: the build date must be YYYY-MM-DD, not ${JSON.stringify(today)}`);
  const pkg = readPackage();
  return {
    today,
    registry: registryDate(),
    version: pkg.version,
    rules: readRules(),
    core: specifier(pkg, "."),
  };
}

/** esbuild: the library by its package name is the source in src/, as the site shows this checkout. */
const librarySource: Plugin = {
  name: "statuskit-source",
  setup(b) {
    const sources = new Map(entries().map((e) => [e.specifier, join(root, e.source)]));
    const exact = [...sources.keys()].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    b.onResolve({ filter: new RegExp(`^(?:${exact.join("|")})$`) }, (args) => ({ path: sources.get(args.path)! }));
  },
};

/** The search script, minified. */
async function searchScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "scripts/site/search.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    platform: "browser",
    legalComments: "none",
    write: false,
    logLevel: "silent",
    plugins: [librarySource],
  });
  return result.outputFiles[0]!.text;
}

export interface Options {
  /** The build date, `YYYY-MM-DD`. */
  today: string;
}

/**
 * Every file of the site except the API reference, by path (`index.html`, `404/index.html`,
 * `style.css`, `favicon.svg`, `search.js`). The same options give the same bytes.
 */
export async function renderSite({ today }: Options): Promise<Map<string, string>> {
  const ctx = siteContext(today);
  const files = new Map<string, string>();
  files.set("index.html", indexPage(ctx));
  for (const s of STATUSES) files.set(`${s.code}/index.html`, codePage(s, ctx));
  for (const code of VENDOR_CODES) files.set(`${code}/index.html`, vendorPage(code, ctx));
  for (const asset of ["style.css", "favicon.svg"]) files.set(asset, readFileSync(join(root, "scripts/site", asset), "utf8"));
  files.set("search.js", await searchScript());
  return files;
}

/** The API reference from the TSDoc of every public entry point, into `out`. */
async function apiReference(out: string): Promise<void> {
  const app = await Application.bootstrapWithPlugins({
    entryPoints: entries().map((e) => join(root, e.source)),
    // The library's own settings; `npm test` type-checks, so TypeDoc need not.
    tsconfig: join(root, "src/tsconfig.json"),
    skipErrorChecking: true,
    name: `statuskit ${readPackage().version}`,
    readme: "none",
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    hideGenerator: true,
    favicon: join(root, "scripts/site/favicon.svg"),
    githubPages: false,
    logLevel: "Warn",
  });
  // A way back to the status codes on every page, relative to the page.
  for (const hook of ["sidebar.begin", "footer.begin"] as const) {
    app.renderer.hooks.on(hook, (context) =>
      JSX.createElement("p", null, JSX.createElement("a", { href: context.relativeURL("../index.html") }, "← HTTP status codes")),
    );
  }
  const project = await app.convert();
  if (project === undefined) throw new Error("site: TypeDoc could not read the entry points");
  // Modules under the names users import them by, not their file names.
  const names = new Map(entries().map((e) => [e.name, e.specifier]));
  for (const child of project.children ?? []) child.name = names.get(child.name) ?? child.name;
  await app.generateDocs(project, out);
  if (app.logger.hasErrors()) throw new Error("site: TypeDoc reported errors");
}

/** Writes the whole site into `out`, emptied first. */
export async function buildSite(out: string, options: Options): Promise<Map<string, string>> {
  const files = await renderSite(options);
  rmSync(out, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  await apiReference(join(out, "api"));
  return files;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main() {
  const today = option("--today") ?? new Date().toISOString().slice(0, 10);
  const out = resolve(option("--out") ?? siteDir);
  const files = await buildSite(out, { today });
  const pages = [...files.keys()].filter((path) => path.endsWith(".html")).length;
  console.log(`site: wrote ${pages} pages and the API reference into ${out} (built ${today})`);
  if (process.argv.includes("--serve")) {
    const running = await serve(out, Number(option("--port") ?? 8080));
    console.log(`site: serving ${out} at ${running.url} (Ctrl-C stops)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
