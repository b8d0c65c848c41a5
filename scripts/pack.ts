// The package as users get it: `npm pack` into a folder, the files and sizes in the tarball, and an
// install of the tarball into an empty folder. test/tarball.setup.ts packs and installs once for
// the tests of the tarball (package, node, typescript and polluted); `npm run size:pack` prints
// the per-file breakdown and fails over the unpacked-size budget.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** Budget for the unpacked tarball, in bytes (npm's kB are 1000 bytes). */
export const UNPACKED_BUDGET = 180_000;

export interface PackageJson {
  name: string;
  version: string;
  exports?: Record<string, unknown>;
  bin?: string | Record<string, string>;
  [field: string]: unknown;
}

export interface Packed {
  /** Absolute path of the .tgz. */
  tarball: string;
  /** Gzipped size of the tarball. */
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

export const readPackage = (dir = root): PackageJson => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

/** The subpaths of `exports` that name code (`"."`, `"./unofficial"`), without `./package.json`. */
export function entrypoints(pkg: PackageJson): string[] {
  return Object.keys(pkg.exports ?? { ".": null }).filter((key) => !key.endsWith(".json"));
}

/** The specifier a consumer imports for an `exports` subpath: `"statuskit"`, `"statuskit/unofficial"`. */
export const specifier = (pkg: PackageJson, subpath: string): string => pkg.name + subpath.slice(1);

/** Every file that `bin` names, as paths inside the package (`dist/cli.js`). */
export function binFiles(pkg: PackageJson): string[] {
  const bin = typeof pkg.bin === "string" ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  return Object.values(bin).map((file) => file.replace(/^\.\//, ""));
}

/** Every file path the manifest points at (`exports` targets, `main`, `module`, `types`, `bin`). */
export function referencedFiles(pkg: PackageJson): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") found.add(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  for (const field of ["main", "module", "types", "typings"]) walk(pkg[field]);
  binFiles(pkg).forEach((file) => found.add(file));
  return [...found].filter((file) => !file.includes("*"));
}

/**
 * Packs the package in `dir` into `outDir`. Scripts are skipped, so packing never rebuilds dist/
 * under a test that is reading it: build first.
 */
export function pack(outDir: string, dir = root): Packed {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", outDir], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [info] = JSON.parse(out) as { filename: string; size: number; unpackedSize: number; files: Packed["files"] }[];
  return {
    tarball: join(outDir, info!.filename),
    size: info!.size,
    unpackedSize: info!.unpackedSize,
    files: info!.files.map(({ path, size }) => ({ path, size })),
  };
}

/** Installs the tarball into `dir` (created when missing) as an ordinary dependency, from no registry. */
export function installTarball(tarball: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, dependencies: { statuskit: `file:${tarball}` } }),
  );
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/**
 * The executable of Bun or Deno from their npm packages (devDependencies). Each ships its binary in
 * a platform package; Bun's install script moves it into `bun/bin/bun.exe`, so both places are
 * tried, and the answer does not depend on whether npm ran install scripts.
 */
export function runtimeBinary(runtime: "bun" | "deno"): string | undefined {
  const require = createRequire(join(root, "package.json"));
  const { platform, arch } = process;
  const candidates =
    runtime === "bun"
      ? [[`@oven/bun-${platform}-${arch}`, "bin/bun"], ["bun", "bin/bun.exe"]]
      : [[`@deno/${platform}-${arch}-glibc`, "deno"], [`@deno/${platform}-${arch}`, "deno"], ["deno", "deno"]];
  for (const [name, file] of candidates) {
    let dir: string;
    try {
      dir = join(require.resolve(`${name}/package.json`), "..");
    } catch {
      continue;
    }
    const path = join(dir, file!);
    // A binary of a few hundred bytes is the placeholder an unrun install script leaves.
    if (existsSync(path) && readFileSync(path).length > 1_000_000) return path;
  }
  return undefined;
}

/** A table of the tarball's files by size, largest first, with the total. */
export function renderBreakdown(packed: Packed): string {
  const files = [...packed.files].sort((a, b) => b.size - a.size);
  const width = Math.max(...files.map((f) => f.path.length), "unpacked total".length);
  const line = (name: string, bytes: number) => `${name.padEnd(width)}  ${String(bytes).padStart(7)} B`;
  return [
    ...files.map((f) => line(f.path, f.size)),
    line("unpacked total", packed.unpackedSize),
    line("tarball (gzip)", packed.size),
    `budget: ${UNPACKED_BUDGET} B unpacked`,
  ].join("\n");
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), "statuskit-pack-"));
  try {
    const packed = pack(dir);
    console.log(renderBreakdown(packed));
    if (packed.unpackedSize > UNPACKED_BUDGET) {
      console.error(`size:pack: ${packed.unpackedSize} B unpacked exceeds ${UNPACKED_BUDGET} B`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
