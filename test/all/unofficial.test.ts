// statuskit/unofficial as Node resolves it from the repository, through package.json `exports`
// (run `npm run build` first; `npm test` does).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it.each([
  ["import", 'import("statuskit/unofficial").then((m) => console.log(m.formatUnofficialStatus(499, "nginx")))'],
  ["require", 'console.log(require("statuskit/unofficial").formatUnofficialStatus(499, "nginx"))'],
])("Node resolves statuskit/unofficial with %s", (_, script) => {
  const out = execFileSync(process.execPath, ["-e", script], { cwd: fileURLToPath(new URL("../..", import.meta.url)), encoding: "utf8" });
  expect(out.trim()).toBe("499 Client Closed Request (nginx)");
});
