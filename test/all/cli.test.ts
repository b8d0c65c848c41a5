import { describe, expect, it } from "vitest";
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, closeSync, copyFileSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { UNOFFICIAL_STATUSES } from "../../src/unofficial";

// The built command in a process of its own, for what test/cli.test.ts cannot show in-process: the
// bin file, pipes, standard input and output that fail, the exit status, colour from the terminal
// and the environment. `npm run build` first (`npm test` does).
const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run build` first (`npm test` does)");
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { bin: Record<string, string> };

// The colour variables of the environment the tests run in must not leak into the command's.
// CI too: under CI=true, Node (and so the command) gives a terminal no colour unless it knows the
// CI service.
const { FORCE_COLOR, NO_COLOR, NODE_DISABLE_COLORS, CI, ...baseEnv } = process.env;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Options {
  env?: Record<string, string>;
  /** Standard input; without it, /dev/null. */
  input?: string;
  /** Node options, before the script. */
  node?: readonly string[];
  bin?: string;
  stdio?: SpawnSyncOptions["stdio"];
}

/** `statuskit ...args`, run to its end. */
function run(args: readonly string[], { env = {}, input, node = [], bin = cli, stdio }: Options = {}): Run {
  const r = spawnSync(process.execPath, [...node, bin, ...args], {
    encoding: "utf8",
    env: { ...baseEnv, ...env },
    input,
    stdio: stdio ?? [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

const ESC = "\x1b";
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");
const full = existsSync("/dev/full");

// util-linux `script` runs the command on a pseudo-terminal: its standard input and output.
const tty = process.platform === "linux" && spawnSync("script", ["-qec", "true", "/dev/null"]).status === 0;
/** `statuskit ...args` on a terminal: its exit status and what the terminal shows. */
function onTerminal(env: Record<string, string>, args = ["404"]): { code: number | null; stdout: string } {
  const r = spawnSync("script", ["-qec", [process.execPath, cli, ...args].map((a) => JSON.stringify(a)).join(" "), "/dev/null"], {
    encoding: "utf8",
    env: { ...baseEnv, TERM: "xterm-256color", ...env },
  });
  return { code: r.status, stdout: r.stdout };
}

/**
 * Node options that make the command run on `day` (at noon UTC): a module loaded first replaces
 * `Date` with one whose current time is fixed, so the command itself is run unchanged.
 */
const onDay = (day: string) => {
  const source =
    `const RealDate = globalThis.Date, now = RealDate.parse("${day}T12:00:00Z");` +
    "globalThis.Date = class extends RealDate {" +
    "constructor(...args) { if (args.length === 0) super(now); else super(...args); }" +
    "static now() { return now; } };";
  return [`--import=data:text/javascript,${encodeURIComponent(source)}`];
};

describe("the installed command", () => {
  it("is package.json's bin, a Node script that imports the library instead of bundling its table", () => {
    expect(pkg.bin).toEqual({ statuskit: "./dist/cli.js" });
    const source = readFileSync(cli, "utf8");
    expect(source.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(source).toMatch(/from ?"statuskit"/);
    expect(source).not.toContain("Network Authentication Required");
  });

  it("runs as a program, through its shebang", () => {
    const r = spawnSync(cli, ["404"], { encoding: "utf8", env: baseEnv });
    expect({ code: r.status, first: r.stdout.split("\n")[0], stderr: r.stderr }).toEqual({ code: 0, first: "404 Not Found", stderr: "" });
  });

  it("imports statuskit/unofficial by name, only through import(), and holds none of its data", () => {
    const source = readFileSync(cli, "utf8");
    expect(source).toContain('import("statuskit/unofficial")');
    expect(source).not.toMatch(/from ?"statuskit\/unofficial"/);
    for (const s of UNOFFICIAL_STATUSES) expect(source).not.toContain(s.description);
  });

  it("loads statuskit/unofficial only for --unofficial, and reports a failure to load it in one line", () => {
    // A copy of the package whose statuskit/unofficial throws as soon as it is loaded.
    const dir = mkdtempSync(join(tmpdir(), "statuskit-cli-"));
    try {
      cpSync(fileURLToPath(new URL("../../dist", import.meta.url)), join(dir, "dist"), { recursive: true });
      copyFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), join(dir, "package.json"));
      writeFileSync(join(dir, "dist", "unofficial.js"), 'throw new Error("statuskit/unofficial was loaded");\n');
      const bin = join(dir, "dist", "cli.js");
      for (const args of [["404"], ["499"], ["--json", "404"], ["4xx"], ["--list"], ["--search", "gone"]]) {
        expect(run(args, { bin }).stderr, args.join(" ")).not.toContain("statuskit/unofficial was loaded");
      }
      expect(run([], { bin, input: "404\n" }).stderr).toBe("");
      const r = run(["--unofficial", "404"], { bin });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^statuskit: [^\n]*statuskit\/unofficial was loaded[^\n]*\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // 104's registration expires 2026-11-13; the note that the date passed starts the day after.
  it("takes today's date from the clock", () => {
    const status = (day: string) => run(["104"], { node: onDay(day) }).stdout.split("\n").find((line) => line.startsWith("  status "));
    expect(status("2026-11-13")).toBe("  status    provisional, registration expires 2026-11-13");
    expect(status("2026-11-25")).toBe("  status    provisional, registration expires 2026-11-13 (date passed; check the");
  });
});

describe("exit status and failing output", () => {
  /** Runs until its first output, then closes the pipe as `| head -c1` would. */
  function readFirst(args: readonly string[], input?: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { env: baseEnv });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once("data", () => child.stdout.destroy());
      // The command stops reading when it stops: the rest of the input has nowhere to go.
      child.stdin.on("error", () => {});
      if (input !== undefined) child.stdin.end(input);
      child.on("close", (code) => resolve({ code, stderr }));
    });
  }

  it("stops quietly, exit status 0, when the reader closes the pipe early", async () => {
    expect(await readFirst(Array.from({ length: 2000 }, () => "404"))).toEqual({ code: 0, stderr: "" });
  });

  it("stops quietly with exit status 1 when something was not found", async () => {
    expect(await readFirst(["fobar", ...Array.from({ length: 2000 }, () => "404")])).toEqual({
      code: 1,
      stderr: 'statuskit: no status code matches "fobar"\n',
    });
  });

  it("stops quietly when the reader of its answers to standard input closes the pipe", async () => {
    expect(await readFirst([], "404\n".repeat(200_000))).toEqual({ code: 0, stderr: "" });
    expect(await readFirst([], `fobar\n${"404\n".repeat(200_000)}`)).toEqual({ code: 1, stderr: "" });
  });

  /** `statuskit ...args` with standard output (1) or standard error (2) on /dev/full, which takes no byte. */
  const devFull = (stream: 1 | 2, args: readonly string[], input?: string) => {
    const fd = openSync("/dev/full", "w");
    try {
      const stdio: SpawnSyncOptions["stdio"] = [input === undefined ? "ignore" : "pipe", stream === 1 ? fd : "pipe", stream === 2 ? fd : "pipe"];
      return run(args, input === undefined ? { stdio } : { stdio, input });
    } finally {
      closeSync(fd);
    }
  };

  it.skipIf(!full).each([[["404"]], [["--help"]], [["--list"]]])(
    "statuskit %j exits 1 with one line when standard output cannot be written",
    (args) => {
      const r = devFull(1, args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^statuskit: cannot write the output: ENOSPC[^\n]*\n$/);
    },
  );

  it.skipIf(!full)("statuskit reading standard input exits 1 with one line when standard output cannot be written", () => {
    const r = devFull(1, [], "404\n");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^statuskit: cannot write the output: ENOSPC[^\n]*\n$/);
  });

  it.skipIf(!full).each([[["--bogus"]], [["--json", "--help"]], [["-j-u", "404"]], [["-u"]]])(
    "statuskit %j exits 2 for its usage error even when standard output cannot be written",
    (args) => {
      // Standard input is a pipe here, so that a run without arguments would read it.
      const r = devFull(1, args, "404\n");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^statuskit: [^\n]*\nUsage: statuskit/);
      expect(r.stderr).not.toContain("cannot write");
    },
  );

  it.skipIf(!full).each([
    [["404"], 0],
    [["fobar"], 1],
    [["404", "fobar"], 1],
    [["--bogus"], 2],
    [["--unofficial"], 2],
  ])("statuskit %j exits %i when standard error cannot be written", (args, code) => {
    const r = devFull(2, args, "404\n");
    expect(r.code).toBe(code);
    if (args[0] === "404") expect(r.stdout.split("\n")[0]).toBe("404 Not Found");
  });

  it.skipIf(!full)("statuskit reading standard input exits 0 when standard error cannot be written", () => {
    expect(devFull(2, [], "404\n")).toEqual({ code: 0, stdout: "404 Not Found\n", stderr: "" });
  });
});

describe("statuskit with standard input", () => {
  it("answers a pipe, a line for each line, with exit status 1 when a line names nothing", () => {
    expect(run([], { input: '404\n" 499 \r\nfobar\nnot found' })).toEqual({
      code: 1,
      stdout: '404 Not Found\n499 Client Error\n? no status code matches "fobar"\n404 Not Found\n',
      stderr: "",
    });
    expect(run(["--json"], { input: "404\n500\n" }).stdout.split("\n").map((line) => line.slice(0, 12))).toEqual([
      '{"code":404,',
      '{"code":500,',
      "",
    ]);
  });

  it("prints nothing and exits 0 for empty standard input", () => {
    expect(run([], { stdio: ["ignore", "pipe", "pipe"] })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(run([], { input: "" })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("answers each line as it arrives, the pipe still open", async () => {
    const child = spawn(process.execPath, [cli], { env: baseEnv });
    child.stdout.setEncoding("utf8");
    const next = () => new Promise<string>((resolve) => child.stdout.once("data", resolve));
    const answers: string[] = [];
    for (const line of ["404\n", "fobar\n", "not found\n"]) {
      const answer = next();
      child.stdin.write(line);
      answers.push(await answer);
    }
    child.stdin.end();
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect({ answers, code }).toEqual({ answers: ["404 Not Found\n", '? no status code matches "fobar"\n', "404 Not Found\n"], code: 1 });
  });

  it("reads a character whose UTF-8 bytes arrive apart", async () => {
    const child = spawn(process.execPath, [cli], { env: baseEnv });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const bytes = Buffer.from("I’m a teapot\n");
    const apart = bytes.indexOf(0x80);
    child.stdin.write(bytes.subarray(0, apart));
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.stdin.end(bytes.subarray(apart));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect({ code, stdout }).toEqual({ code: 0, stdout: "418 I'm a teapot\n" });
  });

  it.skipIf(!tty)("with no arguments and standard input a terminal, reads nothing and exits 2 with the usage", () => {
    const { code, stdout } = onTerminal({}, []);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^statuskit: nothing to look up\r?\nUsage: statuskit/);
  });

  // A heap of 16 MB cannot hold the line (32 million characters), only a bounded part of it.
  it("reads a line of 32 MB in a 16 MB heap", () => {
    const r = run([], { input: `${"x".repeat(32_000_000)}\n404\n`, node: ["--max-old-space-size=16"] });
    expect(r).toEqual({ code: 1, stdout: `? no status code matches "${"x".repeat(39)}…"\n404 Not Found\n`, stderr: "" });
  });
});

describe("colour", () => {
  const args = ["104", "499", "4xx"];
  const plain = run(args);

  it("is off when standard output is not a terminal", () => {
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).toContain("104 Upload Resumption Supported");
  });

  it.each([{ FORCE_COLOR: "0" }, { NO_COLOR: "1" }])("is off with %j", (env) => {
    expect(run(args, { env }).stdout).toBe(plain.stdout);
  });

  it.each(["1", "true", ""])("FORCE_COLOR=%j turns it on through a pipe, the text unchanged", (value) => {
    const r = run(args, { env: { FORCE_COLOR: value } });
    expect(r.stdout).toContain(`${ESC}[`);
    expect(stripAnsi(r.stdout)).toBe(plain.stdout);
    expect(r.stderr).not.toContain(ESC);
  });

  it.skipIf(!tty)("is on when standard output is a terminal", () => {
    expect(onTerminal({}).stdout).toContain(`${ESC}[`);
  });

  it.skipIf(!tty).each([{ NO_COLOR: "1" }, { TERM: "dumb" }])("is off on a terminal with %j", (env) => {
    const { stdout } = onTerminal(env);
    expect(stdout).toContain("404 Not Found");
    expect(stdout).not.toContain(ESC);
  });
});

describe("docs/command.md", () => {
  // Every ```console block: each `$ ` line run by sh in test/fixtures/cli/ (which holds the
  // access.log it shows) with `npx statuskit` the built command, its output and errors the lines
  // that follow it.
  const doc = readFileSync(new URL("../../docs/command.md", import.meta.url), "utf8");
  // A block in a list item is indented: its lines are read without the indent.
  const runs = [...doc.matchAll(/^( *)```console\n([\s\S]*?)^\1```/gm)].flatMap(([, indent, block]) =>
    block!.replace(new RegExp(`^${indent}`, "gm"), "").split(/^(?=\$ )/m).map((text) => {
      const [command, ...output] = text.split("\n");
      return [command!.slice(2), output.join("\n")] as const;
    }),
  );

  it("shows the command's output in console blocks", () => {
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.some(([command]) => command.includes("| npx statuskit"))).toBe(true);
  });

  it.each(runs)("$ %s", (command, output) => {
    const bin = mkdtempSync(join(tmpdir(), "statuskit-bin-"));
    try {
      writeFileSync(join(bin, "statuskit"), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} "$@"\n`);
      chmodSync(join(bin, "statuskit"), 0o755);
      const r = spawnSync("sh", ["-c", `${command.replaceAll("npx statuskit", "statuskit")} 2>&1`], {
        cwd: fileURLToPath(new URL("../fixtures/cli/", import.meta.url)),
        encoding: "utf8",
        env: { ...baseEnv, PATH: `${bin}:${baseEnv["PATH"]}` },
      });
      expect(r.stdout).toBe(output);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
