// `codeOf`'s literal types against its run-time answers. The generated key map and ignored
// characters (src/tables.ts) are checked through codeOf itself, and a program of type assertions,
// one per name, is compiled with the oldest supported and the newest TypeScript: for each text,
// `CodeOf<text>` must be the code codeOf(text) gives, or `StatusCode | undefined` where it gives
// none. Run `npm run build` first (`npm test` does): the program imports the built declarations.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { codeOf, STATUSES } from "../src/index";

const root = fileURLToPath(new URL("..", import.meta.url));
const tables = readFileSync(join(root, "src/tables.ts"), "utf8");

/** `CodesByNameKey` from the generated file, as [key, code] pairs. */
const keyMap = [...tables.match(/export type CodesByNameKey = \{\n([\s\S]*?)\n\};/)![1]!.matchAll(/^ {2}"(.+)": (\d+);$/gm)].map(
  (m) => [m[1]!, Number(m[2])] as const,
);
/** `IgnoredCharacter` from the generated file, as characters. */
const ignored: string[] = JSON.parse(`[${tables.match(/export type IgnoredCharacter = (.*);/)![1]!.split(" | ").join(", ")}]`);

/** Every name a record gives codeOf: phrase, constant, legacy phrases and constants. */
const names = STATUSES.flatMap((s) => [
  [s.phrase, s.code] as const,
  [s.constant, s.code] as const,
  ...s.aliases.flatMap((a) => [a.phrase, a.constant].flatMap((name) => (name ? [[name, s.code] as const] : []))),
]);

describe("the generated name types", () => {
  it("CodesByNameKey holds keys that codeOf() answers with their code", () => {
    expect(keyMap.length).toBeGreaterThan(STATUSES.length);
    for (const [key, code] of keyMap) expect(codeOf(key), key).toBe(code);
  });

  it("CodesByNameKey holds the key of every name of every record", () => {
    const keys = new Map(keyMap);
    for (const [name, code] of names) {
      const key = name.toLowerCase().replace(/[\s\-_'’]/g, "");
      expect(keys.get(key), name).toBe(code);
    }
  });

  it("IgnoredCharacter holds exactly the characters codeOf() ignores, of all 65,536 UTF-16 code units", () => {
    const found: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit);
      if (codeOf(`not${c}found`) === 404) found.push(c);
    }
    expect(found).toEqual(ignored);
  });
});

// Texts to check: every name, case-folded and with ignored characters put in, texts around the
// 64-character limit, digits, and random text over the same alphabet (fixed seed, so the program
// is the same on every run).
const mangle = (name: string, i: number) => {
  const c = ignored[i % ignored.length]!;
  const folded = i % 2 ? name.toLowerCase() : name.toUpperCase();
  return `${c}${folded.slice(0, 3)}${c}${folded.slice(3)}`;
};
const texts = [
  ...names.map(([name]) => name),
  ...names.map(([name], i) => mangle(name, i)),
  ...names.map(([name]) => name.padEnd(64, " ")),
  ...names.map(([name]) => name.padEnd(65, " ")),
  "404", "499", "100", "599", "600", " 404", "404 ", "0404", "404.0", "4e2", "", "Not Found!", "Not Fount",
  ...fc.sample(
    fc.string({ unit: fc.constantFrom(..."notfundNOTFUND _-'’\u00a0\u200b01459"), maxLength: 70 }),
    { numRuns: 300, seed: 10 },
  ),
];

/** A string literal in ASCII: TypeScript 5.0 reads U+2028 and U+2029 in a literal as line ends. */
const literal = (text: string) => JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A program of assertions on `CodeOf`, imported from the built declarations. */
function program(): string {
  const lines = [
    `import type { CodeOf, StatusCode } from ${JSON.stringify(join(root, "dist/index.js"))};`,
    "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
    "declare function check<T extends true>(): void;",
  ];
  for (const text of texts) {
    const code = codeOf(text);
    lines.push(`check<Equal<CodeOf<${literal(text)}>, ${code ?? "StatusCode | undefined"}>>();`);
  }
  return lines.join("\n");
}

const TYPESCRIPTS = ["typescript-5.0", "typescript"] as const;
const dir = mkdtempSync(join(tmpdir(), "statuskit-codeof-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compilerOptions = {
  noEmit: true,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: false,
  types: [],
  module: "esnext",
  moduleResolution: "bundler",
  target: "es2022",
  lib: ["es2022"],
};

function compile(ts: string, file: string, source: string): { output: string; instantiations: number } {
  writeFileSync(join(dir, file), source);
  writeFileSync(join(dir, `tsconfig.${file}.json`), JSON.stringify({ compilerOptions, files: [file] }));
  const tsc = join(root, "node_modules", ts, "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(dir, `tsconfig.${file}.json`), "--extendedDiagnostics"], { encoding: "utf8" });
  const output = `${run.stdout}${run.stderr}`;
  return { output: output.split("\n").filter((l) => /error/.test(l)).join("\n"), instantiations: Number(output.match(/Instantiations:\s+(\d+)/)?.[1]) };
}

describe.each(TYPESCRIPTS)("CodeOf under %s", (ts) => {
  // Instantiation counts are the same on every run, so a generous fixed bound is no timing.
  it(`agrees with codeOf() on ${texts.length} texts, at under 2,000 type instantiations each`, () => {
    const { output, instantiations } = compile(ts, `agree-${ts}.ts`, program());
    expect(output).toBe("");
    expect(instantiations).toBeGreaterThan(0);
    expect(instantiations, `${instantiations} instantiations`).toBeLessThan(50_000 + 2_000 * texts.length);
  }, 120_000);
});
