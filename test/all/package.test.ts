// Checks on the package as users get it: the tarball that test/all/setup.ts packs (from the
// dist/ that `npm test` has just built) and installs into an empty folder; every check reads that.
import { describe, it, expect, beforeAll, inject } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { binFiles, entrypoints, type PackageJson, readPackage, root, specifier } from "../package";
import type { Packed } from "./setup";
import * as source from "../../src/index";
import { runtimeBinary } from "./runtimes";

const { STATUSES } = source;

const pkg: PackageJson = readPackage();
const entries = entrypoints(pkg);
const bins = binFiles(pkg);

/** Budget for the unpacked tarball, in bytes (npm's kB are 1000 bytes). */
const UNPACKED_BUDGET = 180_000;

/** Every file path the manifest points at (`exports` targets, `main`, `module`, `types`, `bin`). */
function referencedFiles(manifest: PackageJson): string[] {
  const found = new Set(binFiles(manifest));
  const walk = (value: unknown) => {
    if (typeof value === "string") found.add(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  for (const field of ["exports", "main", "module", "types", "typings"]) walk(manifest[field]);
  return [...found].filter((file) => !file.includes("*"));
}

/** The tarball's files by size, largest first, with the totals: shown when the budget is exceeded. */
function renderBreakdown(packed: Packed): string {
  const files = [...packed.files].sort((a, b) => b.size - a.size);
  const width = Math.max(...files.map((f) => f.path.length), "unpacked total".length);
  const line = (name: string, bytes: number) => `${name.padEnd(width)}  ${String(bytes).padStart(7)} B`;
  return [...files.map((f) => line(f.path, f.size)), line("unpacked total", packed.unpackedSize), line("tarball (gzip)", packed.size)].join("\n");
}

const packed = inject("packed");
const consumer = inject("consumer");

beforeAll(() => {
  writeFileSync(join(consumer, "smoke.mjs"), smokeScript("esm"));
  writeFileSync(join(consumer, "smoke.cjs"), smokeScript("cjs"));
});

describe("the tarball", () => {
  // CommonJS modules are sloppy unless they say otherwise; the minifier must keep the directive.
  it("holds CommonJS builds that run in strict mode", () => {
    const cjs = packed.files.map((f) => f.path).filter((path) => path.endsWith(".cjs"));
    expect(cjs.length).toBeGreaterThan(0);
    for (const path of cjs) expect(readFileSync(join(consumer, "node_modules", "statuskit", path), "utf8"), path).toMatch(/^"use strict";/);
  });

  it("holds only the build, package.json, README.md, LICENSE and CHANGELOG.md", () => {
    const extra = packed.files
      .map((f) => f.path)
      .filter((path) => !/^(dist\/[\w.-]+\.(js|cjs|d\.ts|d\.cts)|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(path));
    expect(extra).toEqual([]);
  });

  it("holds every file that package.json points at", () => {
    const paths = new Set(packed.files.map((f) => f.path));
    expect(referencedFiles(pkg).filter((file) => !paths.has(file))).toEqual([]);
  });

  it(`is at most ${UNPACKED_BUDGET} bytes unpacked`, () => {
    expect(packed.unpackedSize, `\n${renderBreakdown(packed)}\n`).toBeLessThanOrEqual(UNPACKED_BUDGET);
  });
});

describe.runIf(bins.length > 0)("the command-line entry", () => {
  it.each(bins)("%s imports the library instead of carrying a copy of the table", (file) => {
    const code = readFileSync(join(consumer, "node_modules", "statuskit", file), "utf8");
    expect(code).toMatch(/from\s*["']statuskit["']|require\(\s*["']statuskit["']\s*\)/);
    expect(STATUSES.filter((s) => code.includes(s.description)).map((s) => s.code)).toEqual([]);
    // Help text may quote a phrase or two; a table would bring most of them.
    expect(STATUSES.filter((s) => code.includes(`"${s.phrase}"`)).length).toBeLessThan(5);
  });

  it("runs from the installed tarball: `statuskit 404` prints the phrase", () => {
    const name = typeof pkg.bin === "string" ? pkg.name : Object.keys(pkg.bin!)[0]!;
    const run = spawnSync(join(consumer, "node_modules", ".bin", name), ["404"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Not Found");
  });
});

describe("type resolution (Are The Types Wrong)", () => {
  it("finds no problem for any entrypoint under node10, node16 from CJS, node16 from ESM and bundler", () => {
    const attw = join(root, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js");
    const run = spawnSync(process.execPath, [attw, packed.tarball, "--format", "json"], { encoding: "utf8" });
    const { analysis } = JSON.parse(run.stdout) as {
      analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }>; problems: unknown[] };
    };
    const checked = Object.entries(analysis.entrypoints).map(([name, e]) => [name, Object.keys(e.resolutions).sort()]);
    expect(checked).toEqual(
      [...entries, "./package.json"].map((name) => [name, ["bundler", "node10", "node16-cjs", "node16-esm"]]),
    );
    expect(analysis.problems).toEqual([]);
  }, 60_000);
});

describe("publint", () => {
  it("reports nothing in strict mode, not even a suggestion", async () => {
    const bytes = readFileSync(packed.tarball);
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      strict: true,
      level: "suggestion",
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, manifest)}`)).toEqual([]);
  });
});

/**
 * A script that loads every entrypoint of the installed package and prints, as JSON, each export's
 * name, kind and value, what every exported function answers for a fixed set of inputs, and which
 * exports an assignment could replace.
 */
function smokeScript(format: "esm" | "cjs"): string {
  const load = entries.map((entry, i) =>
    format === "esm"
      ? `import * as e${i} from ${JSON.stringify(specifier(pkg, entry))};`
      : `const e${i} = require(${JSON.stringify(specifier(pkg, entry))});`,
  );
  const inputs = `[404, 413, 499, 600, 0, -1, 404.5, NaN, "404", "not found", "Payload Too Large", "client-error", "__proto__", "constructor", null, undefined, true, {}, []]`;
  return `${load.join("\n")}
const inputs = ${inputs};
function describe(ns) {
  const out = {};
  for (const name of Object.keys(ns).sort()) {
    const value = ns[name];
    out[name] =
      typeof value === "function"
        ? { function: value.length, answers: inputs.map((input) => { try { return value(input) ?? null; } catch (e) { return "threw " + e; } }) }
        : { value, frozen: Object.isFrozen(value) };
  }
  return out;
}
// Names whose export a sloppy or a strict assignment could replace.
const sloppySet = new Function("o", "k", "o[k] = 'changed';");
function replaceable(ns) {
  return Object.keys(ns).filter((name) => {
    const before = ns[name];
    try { sloppySet(ns, name); } catch {}
    try { (() => { "use strict"; ns[name] = "changed"; })(); } catch {}
    return ns[name] !== before;
  });
}
const described = [${entries.map((_, i) => `describe(e${i})`).join(", ")}];
console.log(JSON.stringify({ entries: described, notFound: e0.getStatus(404), replaceable: [${entries.map((_, i) => `replaceable(e${i})`).join(", ")}] }));
`;
}

function smoke(runtime: "node" | "bun" | "deno", format: "esm" | "cjs"): unknown {
  const binary = runtime === "node" ? process.execPath : runtimeBinary(runtime);
  const file = format === "esm" ? "smoke.mjs" : "smoke.cjs";
  const args = runtime === "deno" ? ["run", "--no-lock", "--allow-read", "--allow-env", file] : [file];
  const env = { ...process.env, DENO_DIR: join(dirname(consumer), "deno-cache"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
  const run = spawnSync(binary, args, { cwd: consumer, encoding: "utf8", env, timeout: 60_000 });
  if (run.status !== 0) throw new Error(`${runtime} ${file} failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe("the installed tarball", () => {
  let reference: { entries: Record<string, unknown>[]; notFound: unknown; replaceable: string[][] };

  beforeAll(() => {
    reference = smoke("node", "esm") as typeof reference;
  }, 60_000);

  it("exports the same names and values from `import` as the sources do", () => {
    expect(Object.keys(reference.entries[0]!)).toEqual(Object.keys(source).sort());
    expect(reference.notFound).toEqual(JSON.parse(JSON.stringify(STATUSES.find((s) => s.code === 404))));
  });

  it("lets no assignment replace an export, in sloppy or strict mode", () => {
    expect(reference.replaceable).toEqual(entries.map(() => []));
  });

  it.each([
    ["node", "cjs"],
    ["bun", "esm"],
    ["bun", "cjs"],
    ["deno", "esm"],
    ["deno", "cjs"],
  ] as const)("%s loading the %s build gives what Node's `import` gives: names, values, answers, getStatus(404)", (runtime, format) => {
    expect(smoke(runtime, format)).toEqual(reference);
  }, 60_000);
});
