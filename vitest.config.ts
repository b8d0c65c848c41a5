import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packs and installs the tarball once for every test of the package as users get it.
    globalSetup: ["test/tarball.setup.ts"],
    // Many tests spawn the built command or the installed tarball; a shared 2-core machine can be slow.
    testTimeout: 30_000,
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
