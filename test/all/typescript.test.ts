// TypeScript consumers of the packed tarball: each supported TypeScript version, in each module
// mode, with the strictest settings users have, compiles a consumer that uses every entry point,
// exports every public function's result with an annotation (as `isolatedDeclarations` wants)
// and, in a second project, with the inferred type (as a `declaration: true` build emits it).
import { describe, it, expect, beforeAll, inject } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { entrypoints, readPackage, root, specifier } from "../package";
import { COMPILERS, type Compiler, compilerDir } from "./runtimes";

const pkg = readPackage();
const entries = entrypoints(pkg);
const fixtures = join(root, "test", "fixtures", "consumer");

/**
 * The compilers: the oldest supported; 5.2 and 5.4, either side of the releases that changed how an
 * emitted declaration names another package's types; the build's own; and the newest majors.
 */
const TYPESCRIPTS = COMPILERS;
const versionOf = (ts: Compiler): string => JSON.parse(readFileSync(join(compilerDir(ts), "package.json"), "utf8")).version;
/** `5.4` for 5.4.5: enough to compare feature thresholds. */
const minor = (ts: Compiler): number => Number(versionOf(ts).split(".").slice(0, 2).join("."));

type Mode = "nodenext-esm" | "nodenext-cjs" | "bundler" | "commonjs";
const MODES: Mode[] = ["nodenext-esm", "nodenext-cjs", "bundler", "commonjs"];
const esm = (mode: Mode) => mode === "nodenext-esm" || mode === "bundler";

/**
 * One tsconfig per compiler and mode, every strict setting combined. Where a version lacks a
 * setting, the nearest it has: `preserve` came in 5.4 (5.0 gets `esnext`), `isolatedDeclarations`
 * in 5.5; `node10` resolution needs `ignoreDeprecations` in 6.0 and is gone in 7.0, whose
 * `commonjs` takes its default resolution. `verbatimModuleSyntax` is for ESM: in a CommonJS
 * project it forbids `import { … }` and `export const` altogether (`import x = require()` and
 * `export =` instead), which no CommonJS project that imports with `import` has on.
 */
function compilerOptions(ts: Compiler, mode: Mode, project: "main" | "inferred"): Record<string, unknown> {
  const v = minor(ts);
  const modules: Record<Mode, Record<string, unknown>> = {
    "nodenext-esm": { module: "nodenext", moduleResolution: "nodenext" },
    "nodenext-cjs": { module: "nodenext", moduleResolution: "nodenext" },
    bundler: { module: v >= 5.4 ? "preserve" : "esnext", moduleResolution: "bundler" },
    commonjs: v >= 7 ? { module: "commonjs" } : { module: "commonjs", moduleResolution: "node10", ...(v >= 6 ? { ignoreDeprecations: "6.0" } : {}) },
  };
  return {
    ...modules[mode],
    target: "es2022",
    lib: ["es2022"],
    types: [],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    ...(esm(mode) ? { verbatimModuleSyntax: true } : {}),
    ...(project === "main" && v >= 5.5 ? { isolatedDeclarations: true } : {}),
    composite: true,
    emitDeclarationOnly: true,
    outDir: "out",
    skipLibCheck: false,
    // TypeScript's own lib files are not ours to check; statuskit's declarations are.
    skipDefaultLibCheck: true,
  };
}

interface Cell {
  ts: Compiler;
  mode: Mode;
  dir: string;
  output?: string;
  status?: number | null;
}

/** Runs `tsc -b` for every cell, at most two compilers at a time. */
async function compileAll(cells: Cell[]): Promise<void> {
  const queue = [...cells];
  const worker = async () => {
    for (let cell = queue.shift(); cell; cell = queue.shift()) {
      const tsc = join(compilerDir(cell.ts), "bin", "tsc");
      const child = spawn(process.execPath, [tsc, "-b", cell.dir], { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      const current = cell;
      current.status = await new Promise<number | null>((resolve) => child.on("close", resolve));
      current.output = output;
    }
  };
  await Promise.all([worker(), worker()]);
}

/** The installed tarball (test/all/setup.ts). */
const consumer = inject("consumer");
const cells: Cell[] = TYPESCRIPTS.flatMap((ts) => MODES.map((mode) => ({ ts, mode, dir: "" })));

beforeAll(async () => {
  for (const cell of cells) {
    cell.dir = join(consumer, `${cell.ts}-${cell.mode}`);
    const projects = ["main", "inferred"] as const;
    for (const project of projects) {
      const files = project === "main" ? ["consumer.ts", "annotated.ts", "entries.ts"] : ["inferred.ts"];
      mkdirSync(join(cell.dir, project), { recursive: true });
      for (const file of files.filter((f) => f !== "entries.ts")) cpSync(join(fixtures, file), join(cell.dir, project, file));
      const options = compilerOptions(cell.ts, cell.mode, project);
      writeFileSync(join(cell.dir, project, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files }, null, 2));
    }
    // Every entry point must resolve with types, in every mode, as a namespace.
    const lines = esm(cell.mode)
      ? entries.map((entry, i) => `import * as e${i} from ${JSON.stringify(specifier(pkg, entry))};`)
      : entries.map((entry, i) => `import e${i} = require(${JSON.stringify(specifier(pkg, entry))});`);
    lines.push(`export const loaded: readonly object[] = [${entries.map((_, i) => `e${i}`).join(", ")}];`);
    writeFileSync(join(cell.dir, "main", "entries.ts"), `${lines.join("\n")}\n`);
    writeFileSync(join(cell.dir, "package.json"), JSON.stringify({ type: esm(cell.mode) ? "module" : "commonjs" }));
    writeFileSync(join(cell.dir, "tsconfig.json"), JSON.stringify({ files: [], references: projects.map((p) => ({ path: p })) }));
  }
  await compileAll(cells);
}, 300_000);

describe("the compilers", () => {
  it.each(TYPESCRIPTS)("%s runs here and reports its version", (ts) => {
    // TypeScript 7 ships its native compiler in a platform package (@typescript/typescript-linux-x64
    // and the like); the matrix's install must have the one for this machine.
    const run = spawnSync(process.execPath, [join(compilerDir(ts), "bin", "tsc"), "--version"], { encoding: "utf8" });
    expect(run.stdout.trim(), run.stderr).toBe(`Version ${versionOf(ts)}`);
  });
});

describe("a TypeScript consumer of the tarball", () => {
  it.each(cells.map((cell) => [cell.mode, `${cell.ts} ${versionOf(cell.ts)}`, cell] as const))(
    "compiles under %s with %s, strict settings, annotated and inferred exports",
    (_, __, cell) => {
      expect(cell.output, `tsc -b ${cell.dir}`).toBe("");
      expect(cell.status).toBe(0);
    },
  );

  // What a library's users get: a type reached through a path into node_modules, or with a
  // `resolution-mode` (which TypeScript before 5.3 does not read), would break their builds.
  it.each(cells.map((cell) => [cell.mode, `${cell.ts} ${versionOf(cell.ts)}`, cell] as const))(
    "under %s with %s, the inferred declarations name each statuskit type by an entry point's specifier",
    (_, __, cell) => {
      const emitted = readFileSync(join(cell.dir, "inferred", "out", "inferred.d.ts"), "utf8");
      const references = new Set([...emitted.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1]!));
      expect(references.size).toBeGreaterThan(0);
      expect([...references].filter((ref) => !entries.some((entry) => ref === JSON.stringify(specifier(pkg, entry))))).toEqual([]);
    },
  );

  it("the annotated and inferred consumers call every function that an entry point exports", () => {
    const load = createRequire(join(consumer, "package.json"));
    for (const file of ["annotated.ts", "inferred.ts"]) {
      const text = readFileSync(join(fixtures, file), "utf8");
      for (const entry of entries) {
        const module = load(specifier(pkg, entry)) as Record<string, unknown>;
        const missing = Object.keys(module).filter((name) => typeof module[name] === "function" && !text.includes(`${name}(`));
        expect(missing, `test/fixtures/consumer/${file} must export the result of each of these (${specifier(pkg, entry)})`).toEqual([]);
      }
    }
  });
});
