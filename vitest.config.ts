import { defineConfig } from "vitest/config";

// Two tiers. `unit` is `npm test`: in-process tests and type tests, no child process, no tarball,
// no browser. `all` is what `npm run test:all` adds: the packed tarball on every Node line, Bun
// and Deno, the TypeScript matrix, Chromium, API reports, spawned commands.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/*.test.ts"],
          typecheck: { enabled: true, include: ["test/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        test: {
          name: "all",
          include: ["test/all/*.test.ts"],
          globalSetup: ["test/all/setup.ts"],
          // Child processes and a browser on a shared 2-core machine can be slow.
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
