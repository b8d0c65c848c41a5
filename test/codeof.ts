// `codeOf`'s literal types, checked in the test's process through the TypeScript compiler API on
// the built declarations (`npm run build` first; `npm test` does). A program of type assertions,
// one per text, must compile: `CodeOf<text>` is the code of a text that `CodesByName` holds (a
// phrase, constant name or legacy name written exactly, or a code's digits), which codeOf gives at
// run time, and `StatusCode | undefined` for any other text. And a literal call must stay cheap to check: instantiation counts are the same
// on every run, so a budget on them is no timing.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { STATUSES } from "../src/index";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Every name that has a literal type, with its code: phrases, constants, legacy names, digits. */
export const exact = new Map<string, number>(
  STATUSES.flatMap((s) => [s.phrase, s.constant, String(s.code), ...s.aliases.flatMap((a) => [a.phrase ?? [], a.constant ?? []].flat())].map((name) => [name, s.code])),
);

// Texts to check: every exact name, the same names case-folded and with separators codeOf ignores
// put in (which codeOf finds at run time, but which are no exact name), texts around the
// 64-character limit, digits, keys of Object.prototype, and random text over the same alphabet
// (fixed seed, so the program is the same on every run).
const mangle = (name: string, i: number) => {
  const c = [" ", "-", "_", "'", "\u2019", "\u00a0", "\t"][i % 7]!;
  const folded = i % 2 ? name.toLowerCase() : name.toUpperCase();
  return `${c}${folded.slice(0, 3)}${c}${folded.slice(3)}`;
};
const names = [...exact.keys()];
const texts = [
  ...names,
  ...names.map(mangle),
  ...names.map((name) => name.padEnd(64, " ")),
  "404", "499", "100", "599", "600", " 404", "404 ", "0404", "404.0", "4e2", "", "Not Found!", "Not Fount", "not found",
  "constructor", "toString", "__proto__", "hasOwnProperty", "valueOf",
  ...fc.sample(fc.string({ unit: fc.constantFrom(..."notfundNOTFUND _-'’\u00a0\u200b01459"), maxLength: 70 }), { numRuns: 300, seed: 10 }),
];

/** A string literal in ASCII: TypeScript 5.0 reads U+2028 and U+2029 in a literal as line ends. */
const literal = (text: string) => JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const IMPORT = `import { codeOf, type CodeOf, type StatusCode } from ${JSON.stringify(join(root, "dist/index.js"))};\n`;

const options: ts.CompilerOptions = {
  noEmit: true,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  types: [],
  lib: ["lib.es5.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
};

/** Compiles `source` as a file of its own program; files on disk are parsed once per compiler. */
const compilers = new Map<typeof ts, (name: string, source: string) => { errors: string[]; instantiations: number }>();
function compile(compiler: typeof ts, name: string, source: string): { errors: string[]; instantiations: number } {
  let run = compilers.get(compiler);
  if (!run) {
    const parsed = new Map<string, ts.SourceFile | undefined>();
    const files = new Map<string, string>();
    const host = compiler.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
    host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
    host.getSourceFile = (file, version, ...rest) => {
      const text = files.get(file);
      if (text !== undefined) return compiler.createSourceFile(file, text, version);
      if (!parsed.has(file)) parsed.set(file, getSourceFile.call(host, file, version, ...rest));
      return parsed.get(file);
    };
    run = (fileName, text) => {
      const file = join(root, "test", `${fileName}.ts`);
      files.set(file, text);
      const program = compiler.createProgram([file], options, host);
      const sourceFile = program.getSourceFile(file)!;
      const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
      const errors = diagnostics.map((d) => compiler.flattenDiagnosticMessageText(d.messageText, "\n"));
      return { errors, instantiations: program.getInstantiationCount() };
    };
    compilers.set(compiler, run);
  }
  return run(name, source);
}

/** The checks of `CodeOf` under one compiler: test/codeof-types.test.ts runs them with the build's TypeScript, test/all/codeof-types.test.ts with the oldest supported. */
export function checkCodeOf(name: string, compiler: typeof ts): void {
  describe(`CodeOf under ${name}`, () => {
    it(`agrees with codeOf() on ${texts.length} texts`, () => {
      const lines = [
        IMPORT,
        "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
        "declare function check<T extends true>(): void;",
        ...texts.map((text) => `check<Equal<CodeOf<${literal(text)}>, ${exact.get(text) ?? "StatusCode | undefined"}>>();`),
      ];
      expect(compile(compiler, `codeof-agree-${name}`, lines.join("\n")).errors).toEqual([]);
    });

    // Against the same calls with `string` arguments, which tell nothing apart: what is left is what
    // the literals cost, the first lookup's work on the table included.
    it.each([
      ["phrase", STATUSES.map((s) => s.phrase)],
      ["constant name", STATUSES.map((s) => s.constant)],
      ["case-folded phrase (no literal type)", STATUSES.map((s) => s.phrase.toLowerCase())],
      ["text of 64 characters (no literal type)", STATUSES.map((s) => s.phrase.padEnd(64, "x"))],
    ])("a call with a literal %s costs at most 50 type instantiations", (_, literals) => {
      const calls = (args: string[]) => `${IMPORT}declare const text: string;\n${args.map((arg, i) => `export const c${i} = codeOf(${arg});`).join("\n")}`;
      const withLiterals = compile(compiler, `codeof-literals-${name}`, calls(literals.map(literal)));
      const withStrings = compile(compiler, `codeof-strings-${name}`, calls(literals.map(() => "text")));
      expect([...withLiterals.errors, ...withStrings.errors]).toEqual([]);
      const perCall = (withLiterals.instantiations - withStrings.instantiations) / literals.length;
      expect(perCall, `${withLiterals.instantiations} - ${withStrings.instantiations} instantiations over ${literals.length} calls`).toBeLessThanOrEqual(50);
    });
  });
}

