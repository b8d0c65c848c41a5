import { readFile, writeFile } from "node:fs/promises";
import type { Plugin } from "esbuild";
import { build as tsup, defineConfig, type Options } from "tsup";
import ts from "typescript";

// esbuild's CommonJS export helpers walk the export object with `for…in` and pass object literals
// as property descriptors, so one enumerable member on Object.prototype (`isAdmin`, `get`,
// `value`) makes `require("statuskit")` throw. The same helpers, reading own members only; a
// helper this list does not know fails the build rather than ship.
const HELPERS = [
  ["for (var name in all)", "for (var name of Object.keys(all))"],
  ["{ get: all[name], enumerable: true }", "{ __proto__: null, get: all[name], enumerable: true }"],
  ["{ get: () => from[key], enumerable: ", "{ __proto__: null, get: () => from[key], enumerable: "],
  ['__defProp({}, "__esModule", { value: true })', '__defProp({}, "__esModule", { __proto__: null, value: true })'],
] as const;

const ownMembersOnly: NonNullable<Options["plugins"]>[number] = {
  name: "own-members-only",
  renderChunk(code, { path }) {
    const fixed = HELPERS.reduce((text, [from, to]) => text.replaceAll(from, to), code);
    const unsafe = /\bfor\s*\((?:var|let|const)\s+[\w$]+\s+in\s|__defProp\([^()]*\{ (?!__proto__: null)/.exec(fixed);
    if (unsafe) throw new Error(`${path}: unknown bundler helper ${JSON.stringify(unsafe[0])}: update HELPERS in tsup.config.ts`);
    return { code: fixed };
  },
};

// The bundler's whole configuration: the package checks (attw, publint, budgets) run on the packed
// tarball, so a change of bundler changes this file and the `build` script alone.
const entry = { index: "src/index.ts", unofficial: "src/unofficial.ts", problem: "src/problem.ts" };

// statuskit/unofficial and statuskit/problem take the core's code from "./index" and its types by
// the package's name (the declarations are built before dist/ has any, so the name points at the
// source). In the ESM build "./index" is the core's built file, so no entry holds a copy of the
// core's tables: an app that imports several entries ships one phrase table. The small helpers of
// src/internal.ts that the core and statuskit/unofficial both use go into one shared chunk
// (dist/chunk-*.js), which bundlers tree-shake like any module. The CommonJS builds bundle what they use of the core
// instead, and require nothing: Node 18 and 20 resolve every `require` through the package scope,
// which fails when Object.prototype has numeric members (test/all/polluted.test.ts).
const coreFromBuild: Plugin = {
  name: "core-from-build",
  setup(build) {
    if (build.initialOptions.format === "cjs") return;
    build.onResolve({ filter: /^\.\/index$/ }, () => ({ path: "./index.js", external: true }));
  },
};
// The declaration bundler declares each export (`declare function getStatus…`) and lists them all
// at the end (`export { getStatus, … }`). TypeScript before 5.4 names a type declared that way only
// through its own file, here a `.d.cts`, which ESM and `bundler` projects cannot import: their
// `declaration: true` builds fail (TS2841, TS2742). A type declared with `export` can also be named
// through a module the project imports that re-exports it: the `.d.ts`. Names declared elsewhere
// stay listed, and the list stays even if empty: without one, every declaration would be exported.
function exportInPlace(path: string, text: string): string {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lists = file.statements.filter((s): s is ts.ExportDeclaration => ts.isExportDeclaration(s) && !s.moduleSpecifier);
  const listed = lists.flatMap((s) => (s.exportClause && ts.isNamedExports(s.exportClause) ? [...s.exportClause.elements] : []));
  const plain = new Set(listed.filter((e) => !e.propertyName).map((e) => e.name.text));
  const names = (s: ts.Statement) =>
    ts.isVariableStatement(s) ? s.declarationList.declarations.map((d) => d.name.getText()) : "name" in s && s.name ? [(s.name as ts.Node).getText()] : [];
  const declarations = file.statements.filter((s) => !ts.isImportDeclaration(s) && names(s).length > 0 && names(s).every((n) => plain.has(n)));
  const moved = new Set(declarations.flatMap(names));
  const rest = listed.filter((e) => !moved.has(e.name.text)).map((e) => e.getText());
  const edits = [
    ...declarations.map((s) => [s.getStart(), s.getStart(), "export "] as const),
    ...lists.map((s, i) => [s.getFullStart(), s.end, i === 0 ? `\nexport {${rest.length > 0 ? ` ${rest.join(", ")} ` : ""}};` : ""] as const),
  ];
  return edits.sort((a, b) => b[0] - a[0]).reduce((out, [start, end, insert]) => out.slice(0, start) + insert + out.slice(end), text);
}

// Minified by terser, which keeps the pure annotations that let bundles of the package tree-shake
// (esbuild's minifier drops them). The tarball has a budget of 180 kB, README and declarations
// included (test/all/package.test.ts), and the builds are mostly data. Each format gets options of
// its own: terser writes the ESM build's `module` into the nested `compress` options, and a
// CommonJS build that shared them would lose its "use strict" whenever it ran second.
const library = (format: "esm" | "cjs"): Options => ({
  entry,
  format: [format],
  external: ["statuskit"],
  target: "es2022",
  plugins: [ownMembersOnly],
  esbuildPlugins: [coreFromBuild],
  minify: "terser",
  terserOptions: { format: { comments: false, preserve_annotations: true }, keep_fnames: true, toplevel: true, compress: { passes: 2 } },
});

export default defineConfig([
  {
    ...library("esm"),
    // One set of declarations serves both formats: each ESM `.d.ts` re-exports its `.d.cts`, as
    // ESM may import CommonJS, and both builds export the same names (test/all/package.test.ts
    // compares them). A second full set would take 65 kB of the 180 kB budget; the reverse layout
    // fails, as a `.d.cts` cannot re-export an ES module before TypeScript 5.8 (TS1479). Built
    // here, not by the CommonJS build's `dts`, as tsup calls no hook after that to rewrite them.
    async onSuccess() {
      const compilerOptions = { paths: { statuskit: ["./src/index.ts"] } };
      await tsup({ config: false, entry, format: ["cjs"], external: ["statuskit"], silent: true, dts: { only: true, compilerOptions } });
      for (const name of Object.keys(entry)) {
        const path = `dist/${name}.d.cts`;
        await writeFile(path, exportInPlace(path, await readFile(path, "utf8")));
        await writeFile(`dist/${name}.d.ts`, `export * from "./${name}.cjs";\n`);
      }
    },
  },
  library("cjs"),
  {
    // The command imports the library by its package name, kept external so that dist/cli.js
    // holds no second copy of the tables. It is an application, not a library: minified.
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "es2022",
    minify: true,
    banner: { js: "#!/usr/bin/env node" },
    external: ["statuskit"],
    plugins: [ownMembersOnly],
  },
]);
