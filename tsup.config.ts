import { defineConfig } from "tsup";

// The only bundler-specific file: the package checks (attw, publint, budgets) run on the packed
// tarball, so a change of bundler changes this file alone.
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
  },
]);
