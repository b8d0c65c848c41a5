import { writeFile } from "node:fs/promises";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

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
// core or shares a chunk with it: `statuskit` bundles stay what they are, and an app that imports
// several entries ships one phrase table. The CommonJS builds bundle what they use of the core
// instead, and require nothing: Node 18 and 20 resolve every `require` through the package scope,
// which fails when Object.prototype has numeric members (test/polluted.test.ts).
const coreFromBuild: Plugin = {
  name: "core-from-build",
  setup(build) {
    if (build.initialOptions.format === "cjs") return;
    build.onResolve({ filter: /^\.\/index$/ }, () => ({ path: "./index.js", external: true }));
  },
};
// Minified by terser, which keeps the pure annotations that let bundles of the package tree-shake
// (esbuild's minifier drops them). The tarball has a budget of 180 kB, README and declarations
// included (test/package.test.ts), and the builds are mostly data. Each format gets options of its
// own: terser writes the ESM build's `module` into the nested `compress` options, and a CommonJS
// build that shared them would lose its "use strict" whenever it ran second.
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
    // One set of declarations serves both formats: each ESM `.d.ts` re-exports its `.d.cts`,
    // which TypeScript allows (ESM may import CommonJS), and both builds export the same names
    // (test/package.test.ts compares them). This halves the declarations in the tarball.
    async onSuccess() {
      for (const name of Object.keys(entry)) {
        await writeFile(`dist/${name}.d.ts`, `export * from "./${name}.cjs";\n`);
      }
    },
  },
  { ...library("cjs"), dts: { compilerOptions: { paths: { statuskit: ["./src/index.ts"] } } } },
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
