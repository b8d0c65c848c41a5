// Vitest's globalSetup: packs the package once per run (from the dist/ that `npm test` has just
// built) and installs the tarball into an empty folder. Packing and installing take seconds, and
// test/package.test.ts, node.test.ts, typescript.test.ts and polluted.test.ts all test the same
// tarball, so they share it: each reads `inject("packed")` and `inject("consumer")`, and writes
// its own scripts and projects into the consumer folder under names no other file uses
// (package: smoke.*; node: lookups.*, identity.mjs; typescript: <compiler>-<mode>/, frameworks/;
// polluted: digest.*, warm.mjs).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { installTarball, pack, type Packed, root } from "../scripts/pack";

declare module "vitest" {
  export interface ProvidedContext {
    /** The tarball `npm pack` made, with its files and sizes. */
    packed: Packed;
    /** A folder whose package.json depends on the tarball, installed. */
    consumer: string;
  }
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
    throw new Error(`test/tarball.setup.ts: packing and installing the package failed: ${(error as Error).message}`, { cause: error });
  }
}

export default function setup(project: TestProject): () => void {
  let dir = prepare(project);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // In watch mode, a rerun tests the dist/ of that moment, as a fresh run would.
  project.onTestsRerun(() => {
    remove();
    dir = prepare(project);
  });
  return remove;
}
