import { writeFile } from "node:fs/promises";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

// The bundler's whole configuration: the package checks (attw, publint, budgets) run on the packed
// tarball, so a change of bundler changes this file and the `build` script alone.
const entry = { index: "src/index.ts", unofficial: "src/unofficial.ts" };

// statuskit/problem is built on its own. It takes the core's code from the core's built file
// ("./index.js", "./index.cjs") and its types by the package's name, so that it shares no chunk
// with the core: `statuskit` bundles and declarations stay byte for byte what they were, and an app
// that imports both entries ships one phrase table. It is minified: it is code, not data, and the
// tarball has a budget (test/package.test.ts).
const coreFromBuild: Plugin = {
  name: "core-from-build",
  setup(build) {
    const path = build.initialOptions.format === "cjs" ? "./index.cjs" : "./index.js";
    build.onResolve({ filter: /^\.\/index$/ }, () => ({ path, external: true }));
  },
};
const problem: Options = { entry: { problem: "src/problem.ts" }, target: "es2022", minify: true, esbuildPlugins: [coreFromBuild] };

export default defineConfig([
  {
    entry,
    format: ["esm"],
    target: "es2022",
    // One set of declarations serves both formats: each ESM `.d.ts` re-exports its `.d.cts`,
    // which TypeScript allows (ESM may import CommonJS), and both builds export the same names
    // (test/package.test.ts compares them). This halves the declarations in the tarball.
    async onSuccess() {
      for (const name of Object.keys(entry)) {
        await writeFile(`dist/${name}.d.ts`, `export * from "./${name}.cjs";\n`);
      }
    },
  },
  { entry, format: ["cjs"], dts: true, target: "es2022" },
  { ...problem, format: ["esm"], onSuccess: () => writeFile("dist/problem.d.ts", `export * from "./problem.cjs";\n`) },
  {
    ...problem,
    format: ["cjs"],
    dts: { compilerOptions: { paths: { statuskit: ["./src/index.ts"] } } },
    external: ["statuskit"],
  },
  {
    // The command imports the library by its package name, kept external so that dist/cli.js
    // holds no second copy of the tables. It is an application, not a library: minified.
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "es2022",
    minify: true,
    banner: { js: "#!/usr/bin/env node" },
    external: ["statuskit"],
  },
]);
