// The reference site: `npm run site` writes a static site into site/ (git-ignored) from the library,
// data/ and docs/: the index, a page per code (`404/`) and per vendor code (`499/`), the guides
// (`guide/size/`), the API reference (`api/`), a not-found page, a sitemap and the search script.
// Options: `--today YYYY-MM-DD` sets the build date (lifecycle dates are shown as passed or not
// relative to it), `--url <address>` the site's address for canonical links and the sitemap,
// `--out <dir>`, and `--serve [--port <n>]` to serve the result on 127.0.0.1.
import { build, type Plugin } from "esbuild";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { dirname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { STATUSES } from "../src/index";
import { entries, readApi, readPackage, readRules, root } from "./site/api";
import { readGuides } from "./site/markdown";
import { apiPage, codePage, guidePage, guidesPage, indexPage, notFoundPage, VENDOR_CODES, vendorPage, type Context } from "./site/pages";

/** The date of the IANA registry that data/ follows, as data/README.md's Sources give it. */
function registryDate(): string {
  const readme = readFileSync(join(root, "data/README.md"), "utf8");
  const found = readme.match(/HTTP Status Code Registry\]\([^)]*\),\s+last updated\s+(\d{4}-\d{2}-\d{2})/)?.[1];
  if (found === undefined) throw new Error("site: data/README.md does not say when the IANA registry was last updated");
  return found;
}

export interface Options {
  /** The build date, `YYYY-MM-DD`. */
  today: string;
  /** The site's address; by default GitHub Pages' for the repository (`https://statuskit.github.io/statuskit/`). */
  url?: string | undefined;
}

/** What every page is rendered with. */
export function siteContext({ today, url }: Options): Context {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`site: the build date must be YYYY-MM-DD, not ${JSON.stringify(today)}`);
  const pkg = readPackage();
  const repository = String((pkg.repository as { url: string }).url).replace(/^git\+|\.git$/g, "");
  const [, owner, name] = repository.match(/^https:\/\/github\.com\/([^/]+)\/([^/]+)$/) ?? [];
  const site = url ?? `https://${owner}.github.io/${name}/`;
  if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(site)) throw new Error(`site: the address must be an http(s) URL ending in /, not ${JSON.stringify(site)}`);
  return {
    today,
    site,
    repository,
    registry: registryDate(),
    version: pkg.version,
    rules: readRules(),
    api: readApi(),
    guides: readGuides(repository),
    details: JSON.parse(readFileSync(join(root, "data/details.json"), "utf8")),
  };
}

/** esbuild: the library by its package name is the source in src/, as the site shows this checkout. */
const librarySource: Plugin = {
  name: "statuskit-source",
  setup(b) {
    const sources = new Map(entries().map((e) => [e.specifier, join(root, e.source)]));
    b.onResolve({ filter: /^statuskit(\/[\w-]+)?$/ }, (args) => ({ path: sources.get(args.path)! }));
  },
};

/** The search script, minified. */
async function searchScript(): Promise<string> {
  const entryPoints = [join(root, "scripts/site/search.ts")];
  const result = await build({ entryPoints, bundle: true, minify: true, format: "iife", target: "es2022", legalComments: "none", write: false, plugins: [librarySource] });
  return result.outputFiles[0]!.text;
}

/** Every file of the site by path (`index.html`, `404/index.html`, `api/index.html`, `style.css`, …). The same options give the same bytes. */
export async function renderSite(options: Options): Promise<Map<string, string>> {
  const ctx = siteContext(options);
  const files = new Map<string, string>([["index.html", indexPage(ctx)]]);
  for (const s of STATUSES) files.set(`${s.code}/index.html`, codePage(s, ctx));
  for (const code of VENDOR_CODES) files.set(`${code}/index.html`, vendorPage(code, ctx));
  files.set("guide/index.html", guidesPage(ctx));
  for (const guide of ctx.guides) files.set(`guide/${guide.name}/index.html`, guidePage(guide, ctx));
  for (const entry of ctx.api) files.set(`${entry.path}index.html`, apiPage(entry, ctx));
  const pages = [...files.keys()].map((path) => ctx.site + path.replace(/index\.html$/, ""));
  files.set("404.html", notFoundPage(ctx));
  files.set("sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages.map((url) => `<url><loc>${url}</loc></url>\n`).join("")}</urlset>\n`);
  files.set("robots.txt", `Sitemap: ${ctx.site}sitemap.xml\n`);
  for (const asset of ["style.css", "favicon.svg"]) files.set(asset, readFileSync(join(root, "scripts/site", asset), "utf8"));
  files.set("search.js", await searchScript());
  return files;
}

/** Writes the whole site into `out`, emptied first. */
export async function buildSite(out: string, options: Options): Promise<Map<string, string>> {
  const files = await renderSite(options);
  rmSync(out, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  return files;
}

const TYPES: Readonly<Record<string, string>> = { html: "text/html", css: "text/css", js: "text/javascript", svg: "image/svg+xml", xml: "application/xml", txt: "text/plain" };

export interface Running {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1 as a static host does (port 0 picks a free one): `/404/` is
 * `/404/index.html`, a folder without its slash is redirected to it, and any other path that is
 * not a file inside `dir` gets 404.html with status 404.
 */
export function serve(dir: string, port = 0): Promise<Running> {
  const base = resolve(dir) + sep;
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const respond = async () => {
      const path = normalize(join(base, decodeURIComponent(pathname).replace(/\/$/, "/index.html")));
      const info = path.startsWith(base) ? await stat(path).catch(() => undefined) : undefined;
      if (info?.isDirectory()) return void res.writeHead(301, { location: `${pathname}/` }).end();
      const found = info?.isFile() === true;
      const body = await readFile(found ? path : join(base, "404.html"));
      const type = TYPES[(found ? path : ".html").split(".").pop()!] ?? "application/octet-stream";
      res.writeHead(found ? 200 : 404, { "content-type": `${type}; charset=utf-8`, "content-length": body.length }).end(body);
    };
    // A malformed address (`%E0`) is the client's error.
    respond().catch(() => res.writeHead(400).end());
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const bound = (server.address() as { port: number }).port;
      done({ url: `http://127.0.0.1:${bound}/`, server, close: () => new Promise((closed) => server.close(() => closed())) });
    });
  });
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main() {
  const today = option("--today") ?? new Date().toISOString().slice(0, 10);
  const out = resolve(option("--out") ?? join(root, "site"));
  const port = process.argv.includes("--serve") ? Number(option("--port") ?? 8080) : undefined;
  // Served here, the site's address is this server's, so that the not-found page finds its stylesheet.
  const files = await buildSite(out, { today, url: option("--url") ?? (port === undefined ? undefined : `http://127.0.0.1:${port}/`) });
  const pages = [...files.keys()].filter((path) => path.endsWith(".html")).length;
  console.log(`site: wrote ${pages} pages into ${out} (built ${today})`);
  if (port !== undefined) {
    const running = await serve(out, port);
    console.log(`site: serving ${out} at ${running.url} (Ctrl-C stops)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
