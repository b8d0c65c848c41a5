import { writeFile } from "node:fs/promises";
import { defineConfig } from "tsup";

// The bundler's whole configuration: the package checks (attw, publint, budgets) run on the packed
// tarball, so a change of bundler changes this file and the `build` script alone.
const entry = { index: "src/index.ts", unofficial: "src/unofficial.ts" };
// statuskit/unofficial imports the core by the package's name: kept external, never copied into
// it. The declarations are built before dist/ has any, so the name points at the source there.
const external = ["statuskit"];
const dts = { compilerOptions: { paths: { statuskit: ["./src/index.ts"] } } };

export default defineConfig([
  {
    entry,
    external,
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
  { entry, external, format: ["cjs"], dts, target: "es2022" },
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
