// A static file server for the built site, as any static host serves it: `/404/` is
// `/404/index.html`, anything else that is not a file is a 404. For `npm run site -- --serve` and
// the browser tests; no dependency.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The file a URL path names inside `dir`, `"/"` for a folder named without its slash, or `undefined`: never outside `dir`. */
async function resolve(dir: string, pathname: string): Promise<string | undefined> {
  let path: string;
  try {
    path = normalize(join(dir, decodeURIComponent(pathname)));
  } catch {
    return undefined;
  }
  if (path !== dir && !path.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
  if (pathname.endsWith("/")) path = join(path, "index.html");
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return (await resolve(dir, `${pathname}/`)) && "/";
  return info?.isFile() ? path : undefined;
}

export interface Running {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1; port 0 picks a free one. */
export function serve(dir: string, port = 0): Promise<Running> {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const file = req.method === "GET" || req.method === "HEAD" ? await resolve(dir, pathname) : undefined;
    if (file === undefined) {
      res.writeHead(404, { "content-type": TYPES[".txt"] }).end("not found\n");
      return;
    }
    // A folder without its slash: redirect, as static hosts do, so that relative links resolve.
    if (file === "/") {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : port;
      done({
        url: `http://127.0.0.1:${bound}/`,
        server,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
