// Vitest's globalSetup for `npm run test:all`. Two things every file of test/all/ shares:
// - the matrix: the Node versions, Bun, Deno and TypeScript compilers of test/all/matrix/, installed
//   from its lockfile into .cache/test-matrix/ (git-ignored) the first time, and again only when
//   the lockfile changes, so the everyday `npm ci` stays small;
// - the tarball: `npm pack` of the dist/ that `npm test` has just built, installed into an empty
//   folder. Each file writes its own scripts and projects into that folder under names no other
//   file uses (package: smoke.*; node: lookups.*, identity.mjs; typescript: <compiler>-<mode>/,
//   frameworks/; polluted: digest.*, warm.mjs).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { root } from "../package";

declare module "vitest" {
  export interface ProvidedContext {
    /** The tarball `npm pack` made, with its files and sizes. */
    packed: Packed;
    /** A folder whose package.json depends on the tarball, installed. */
    consumer: string;
    /** The node_modules folder of the installed matrix (test/all/matrix/package.json). */
    matrix: string;
  }
}

export interface Packed {
  /** Absolute path of the .tgz. */
  tarball: string;
  /** Gzipped size of the tarball. */
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

/** `npm pack` into `outDir`, with the package's own pack scripts (they strip the packed manifest). */
function pack(outDir: string): Packed {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", outDir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [{ filename, size, unpackedSize, files }] = JSON.parse(out) as [{ filename: string; size: number; unpackedSize: number; files: Packed["files"] }];
  return { tarball: join(outDir, filename), size, unpackedSize, files: files.map(({ path, size }) => ({ path, size })) };
}

/** Installs the tarball into `dir` as an ordinary dependency, from no registry. */
function installTarball(tarball: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const manifest = { name: "consumer", version: "1.0.0", private: true, dependencies: { statuskit: `file:${tarball}` } };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
}

const MANIFEST = join(root, "test", "all", "matrix");
const CACHE = join(root, ".cache", "test-matrix");

/** Installs the matrix unless the cache already holds this lockfile's install; returns its node_modules. */
function installMatrix(): string {
  const lock = readFileSync(join(MANIFEST, "package-lock.json"), "utf8");
  const stamp = join(CACHE, "node_modules", ".installed-lock.json");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock) return join(CACHE, "node_modules");
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(MANIFEST, file), join(CACHE, file));
  const started = Date.now();
  console.log("test:all: installing test/all/matrix (Node 18–26, Bun, Deno, TypeScript 5.0–7.0) into .cache/test-matrix/ …");
  // No install scripts: every binary the tests run ships inside its package (test/all/runtimes.ts).
  execFileSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: CACHE, stdio: ["ignore", "ignore", "inherit"] });
  cpSync(join(CACHE, "package-lock.json"), stamp);
  console.log(`test:all: matrix installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return join(CACHE, "node_modules");
}

/** Packs and installs into a new folder, and provides it; a failure says where, with npm's output. */
function prepare(project: TestProject): string {
  const dir = mkdtempSync(join(tmpdir(), "statuskit-tarball-"));
  try {
    if (!existsSync(join(root, "dist"))) throw new Error("dist/ is missing: run `npm run build` (`npm test` does)");
    const packed = pack(dir);
    const consumer = join(dir, "consumer");
    installTarball(packed.tarball, consumer);
    project.provide("packed", packed);
    project.provide("consumer", consumer);
    return dir;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    // Every test file stops here, so name this file; npm's error message carries its stderr.
    throw new Error(`test/all/setup.ts: packing and installing the package failed: ${(error as Error).message}`, { cause: error });
  }
}

export default function setup(project: TestProject): () => void {
  project.provide("matrix", installMatrix());
  let dir = prepare(project);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // In watch mode, a rerun tests the dist/ of that moment, as a fresh run would.
  project.onTestsRerun(() => {
    remove();
    dir = prepare(project);
  });
  return remove;
}
