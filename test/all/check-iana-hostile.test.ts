// check:iana run as a command on hostile files: huge, endless, blocking, pathological, or written to
// a full disk. Each run is a child process killed after a bound far above its need (about a second,
// startup included), so a read that hangs fails its test instead of stalling the suite.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MAX_FILE_BYTES } from "../../scripts/check-iana";

const KILL_AFTER_MS = 20_000;

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = join(root, "scripts", "check-iana.ts");
const fixtures = join(root, "test", "fixtures", "iana");
const SMALL_DATA = join(fixtures, "data-small.json");
const inSync = join(fixtures, "in-sync.csv");
const inSyncCsv = readFileSync(inSync, "utf8");

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "check-iana-hostile-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** check:iana on `registry` with `args`, by default against the small data. */
function check(registry: string, { args = ["--data", SMALL_DATA, "--today", "2026-01-01"], ...options }: SpawnSyncOptions & { args?: string[] } = {}) {
  const run = spawnSync(process.execPath, ["--import", "tsx", script, registry, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: KILL_AFTER_MS,
    killSignal: "SIGKILL",
    ...options,
  });
  return { status: run.status, stdout: String(run.stdout ?? ""), stderr: String(run.stderr ?? "") };
}

/** Refused: exit 2, nothing on stdout, one short line on stderr, no stack trace. */
function expectRefused(run: ReturnType<typeof check>, message: RegExp) {
  expect(run.status, `killed or crashed:\n${run.stderr.slice(0, 2000)}`).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^check-iana: [^\n]{1,500}\n$/);
  expect(run.stderr).toMatch(message);
}

describe("check-iana as a command", () => {
  it.each([
    ["in sync", inSync, 0, /^in sync: 9 codes \(test\/fixtures\/iana\/in-sync\.csv; /],
    ["out of sync", join(fixtures, "drift.csv"), 1, /^out of sync: 7 differences between /],
  ])("check-iana exits with the status for a registry %s", (_name, registry, status, stdout) => {
    const run = check(registry);
    expect(run).toMatchObject({ status, stderr: "" });
    expect(run.stdout).toMatch(stdout);
  });

  it("check-iana refuses IANA's XML as not CSV, in one line", () => {
    expectRefused(check(file("http-status-codes.xml", "<?xml version='1.0' encoding='UTF-8'?>\n<registry/>\n")), /: not CSV: it looks like XML or HTML; /);
  });
});

describe("check-iana reads only a regular file of at most 1 MiB", () => {
  it("check-iana refuses a 100 MB file by its size", () => {
    // Sparse: a header, then zeros that are never written to the disk.
    const path = file("100mb.csv", "Value,Description,Reference\n");
    truncateSync(path, 100_000_000);
    expectRefused(check(path), /100mb\.csv: it is larger than 1048576 bytes \(1 MiB\), the most that is read$/m);
  });

  it("check-iana reads a file of exactly 1 MiB and refuses one byte more", () => {
    const padded = inSyncCsv + "\n".repeat(MAX_FILE_BYTES - Buffer.byteLength(inSyncCsv));
    expect(check(file("exact.csv", padded))).toMatchObject({ status: 0, stdout: expect.stringMatching(/^in sync: 9 codes/) });
    expectRefused(check(file("over.csv", `${padded}\n`)), /over\.csv: it is larger than 1048576 bytes/);
  });

  it.skipIf(!existsSync("/dev/zero"))("check-iana refuses /dev/zero, which never ends, as registry and as --data", () => {
    expectRefused(check("/dev/zero"), /^check-iana: cannot read registry file \/dev\/zero: it is not a regular file/);
    expectRefused(check(inSync, { args: ["--data", "/dev/zero"] }), /^check-iana: cannot read data file \/dev\/zero: it is not a regular file/);
  });

  it.skipIf(process.platform === "win32")("check-iana refuses a FIFO that nobody writes to, instead of waiting", () => {
    const fifo = join(dir, "fifo.csv");
    execFileSync("mkfifo", [fifo]);
    expectRefused(check(fifo), /fifo\.csv: it is not a regular file \(pipes, devices and sockets are not read\)/);
  });
});

describe.skipIf(!existsSync("/dev/full"))("check-iana when its output cannot be written", () => {
  const withStdio = (stdout: "pipe" | "full", stderr: "pipe" | "full", registry: string) => {
    const full = openSync("/dev/full", "w");
    try {
      return check(registry, { stdio: ["ignore", stdout === "full" ? full : "pipe", stderr === "full" ? full : "pipe"] });
    } finally {
      closeSync(full);
    }
  };

  it("check-iana exits 2 with one line on stderr when stdout is full", () => {
    expect(withStdio("full", "pipe", inSync)).toMatchObject({ status: 2, stderr: "check-iana: cannot write to stdout: ENOSPC\n" });
  });

  it("check-iana exits 2 when stdout and stderr are both full, and keeps its status when only stderr is", () => {
    expect(withStdio("full", "full", inSync).status).toBe(2);
    expect(withStdio("pipe", "full", inSync)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^in sync/) });
    expect(withStdio("pipe", "full", join(fixtures, "drift.csv")).status).toBe(1);
  });
});

// Every construct of the CSV repeated up to 1 MiB, read and compared in one child process: a step
// that is quadratic in the file's size would take hours on one of them, and the child is killed.
describe("check-iana reads pathological files in linear time", () => {
  it("parseRegistry and compareRegistry read or refuse 1 MiB of any construct", () => {
    const H = "Value,Description,Reference\n";
    const contexts: Record<string, [string, string, string[]]> = {
      rows: [H, "", ['"', ",", "\n", "\r", "\r\n", " ", "a,", '"a"', '""', "105-199,Unassigned,\n", "100,Continue,[RFC9110]\n"]],
      value: [H, ",Continue,\n", ["4", " ", "-", "1-"]],
      description: [`${H}100,"Continue`, '",[RFC9110]\n', [" ", "(", " (", "(OBSOLETED)", " (TEMPORARY", " (TEMPORARY expires 2026-01-01", '""', "\n"]],
      reference: [`${H}100,Continue,"`, '"\n', ["[", "]", " ", "RFC ", ", Section 1", "[RFC 9110, Section 15.2.1", "[RFC9110]", "[RFC9110, Section 1]"]],
    };
    const cases = Object.entries(contexts).flatMap(([context, [prefix, suffix, units]]) =>
      units.map((unit) => ({ name: `${JSON.stringify(unit)} in ${context}`, prefix, suffix, unit, count: Math.ceil(MAX_FILE_BYTES / unit.length) })),
    );
    const code = `import { readFileSync } from "node:fs";
import { CheckIanaError, checkData, compareRegistry, parseRegistry } from ${JSON.stringify(pathToFileURL(script).href)};
const data = checkData(JSON.parse(readFileSync(${JSON.stringify(SMALL_DATA)}, "utf8")));
for (const { name, prefix, unit, count, suffix } of ${JSON.stringify(cases)}) {
  let outcome = "compared";
  try { compareRegistry(parseRegistry(prefix + unit.repeat(count) + suffix), data, "2026-01-01"); }
  catch (error) { outcome = error instanceof CheckIanaError ? "refused" : String(error); }
  process.stdout.write(JSON.stringify({ name, outcome }) + "\\n");
}`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: root,
      encoding: "utf8",
      timeout: 3 * KILL_AFTER_MS,
      killSignal: "SIGKILL",
    });
    const results = run.stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { name: string; outcome: string });
    expect(results.map((r) => r.name), `killed or crashed after the last one listed:\n${run.stderr}`).toEqual(cases.map((c) => c.name));
    // Every file is read or refused as unreadable; none breaks the reader itself.
    expect(results.filter((r) => r.outcome !== "compared" && r.outcome !== "refused")).toEqual([]);
  }, 4 * KILL_AFTER_MS);
});
