// The release flow on copies, so nothing in the working tree changes: the manifest the tarball
// carries, `changeset version` on the pending changesets, and `npm publish --dry-run` of the
// tarball that test/all/setup.ts packed.
import { describe, it, expect, inject } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPackage, root } from "../package";

const packed = inject("packed");
const consumer = inject("consumer");
const installed = () => JSON.parse(readFileSync(join(consumer, "node_modules", "statuskit", "package.json"), "utf8"));

describe("the packed package.json", () => {
  it("carries no scripts (install-time or development) and no devDependencies", () => {
    const manifest = installed();
    expect(manifest).not.toHaveProperty("scripts");
    expect(manifest).not.toHaveProperty("devDependencies");
  });

  it("is the working tree's manifest without those two fields", () => {
    const { scripts, devDependencies, ...rest } = readPackage();
    expect(scripts).toHaveProperty("prepare");
    expect(devDependencies).toBeDefined();
    expect(installed()).toEqual(rest);
  });

  it("says where the repository, the home page and the issues are", () => {
    const { repository, homepage, bugs } = installed();
    expect(repository).toMatchObject({ type: "git", url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/) });
    const home = repository.url.slice("git+".length, -".git".length);
    expect(homepage).toBe(`${home}#readme`);
    expect(bugs).toEqual({ url: `${home}/issues` });
  });
});

describe("changeset version", () => {
  it("turns the pending changesets into the first minor release and its CHANGELOG.md", () => {
    const dir = mkdtempSync(join(tmpdir(), "statuskit-changeset-"));
    try {
      cpSync(join(root, "package.json"), join(dir, "package.json"));
      cpSync(join(root, ".changeset"), join(dir, ".changeset"), { recursive: true });
      const pending = readdirSync(join(dir, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
      expect(pending, "one changeset for the first release").toHaveLength(1);
      const summary = readFileSync(join(dir, ".changeset", pending[0]!), "utf8").split(/^---$/m)[2]!.trim();
      execFileSync(process.execPath, [join(root, "node_modules", "@changesets", "cli", "bin.js"), "version"], { cwd: dir, stdio: "pipe" });
      expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version).toBe("0.1.0");
      const changelog = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
      expect(changelog.startsWith("# statuskit\n\n## 0.1.0\n\n### Minor Changes\n\n")).toBe(true);
      expect(changelog).toContain(summary.split("\n")[0]!);
      expect(readdirSync(join(dir, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md")).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm publish --dry-run", () => {
  it("accepts the tarball, with no script to run and the files the tarball holds", () => {
    const run = spawnSync("npm", ["publish", "--dry-run", "--json", packed.tarball], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, { id: string; unpackedSize: number; files: { path: string }[] }>;
    const { id, unpackedSize, files } = report["statuskit"]!;
    expect(id).toBe(`statuskit@${readPackage().version}`);
    expect(unpackedSize).toBe(packed.unpackedSize);
    expect(files.map((f) => f.path).sort()).toEqual(packed.files.map((f) => f.path).sort());
    expect(run.stderr).not.toMatch(/\bscript\b/i);
  });
});
