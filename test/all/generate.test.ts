// The generator's command line, run on a copy of what it reads (scripts/, src/, data/, README.md),
// so that the repository is never written.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { paths, staleness } from "../../scripts/generate";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "statuskit-generate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const path of ["scripts", "src", "data", "README.md"]) cpSync(join(root, path), join(dir, path), { recursive: true });
// One description changed: only src/tables.ts holds descriptions.
const file = join(dir, paths.codes);
writeFileSync(file, readFileSync(file, "utf8").replace('"description": "The resource does not exist at this URL."', '"description": "Nothing here."'));

const generate = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", join(dir, "scripts/generate.ts"), ...args], { cwd: root, encoding: "utf8" });

describe("npm run generate", () => {
  it("with --check, names the stale file, what to edit and the command, writes nothing, and exits 1", () => {
    const run = generate("--check");
    expect([run.status, run.stderr.trim()]).toEqual([1, `generate: stale: ${staleness(paths.tables)}.`]);
    expect(readFileSync(join(dir, paths.tables), "utf8")).toBe(readFileSync(join(root, paths.tables), "utf8"));
  });

  it("writes the stale file, and then finds every file up to date: its output is byte-stable", () => {
    const first = generate();
    expect([first.status, first.stdout.trim()]).toEqual([0, `generate: wrote ${paths.tables}`]);
    expect(readFileSync(join(dir, paths.tables), "utf8")).toContain('"Nothing here."');
    const second = generate("--check");
    expect([second.status, second.stdout.trim()]).toEqual([0, "generate: up to date"]);
  });
});
