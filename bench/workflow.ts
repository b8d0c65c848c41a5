// `npm run bench:workflow`: a new contributor's first minutes. On a fresh clone of HEAD (committed
// work only): wall-clock seconds of `npm ci` and `npm test`, and node_modules' size, against the
// targets. Each `-- --node <path>` measures with that Node, running npm's CLI with it first on PATH
// (`npm run test:all` leaves Node 24 in .cache/test-matrix/). `-- --write` puts the table into
// bench/README.md. npm's cache is the machine's; the load average is shown, as other work slows it.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TARGETS = { ci: 25, modules: 350, test: 60 };
const nodes = process.argv.flatMap((arg, i) => (process.argv[i - 1] === "--node" ? [resolve(arg)] : []));
const npm = process.env["npm_execpath"] ?? join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js");
const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
const load = () => loadavg()[0]!.toFixed(1);
const cell = (value: number, target: number, unit: string, failed = false) => `${value.toFixed(0)} ${unit}${value > target ? " (over)" : ""}${failed ? ", failed" : ""}`;

/** One row of the table: a fresh clone, `npm ci` and `npm test` with the Node at `node`. */
function measure(node: string): string {
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  // The child npm starts afresh: none of this run's npm_* settings, and its Node first on PATH.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))), PATH: `${dirname(node)}:${process.env["PATH"]}` };
  const dir = mkdtempSync(join(tmpdir(), "statuskit-workflow-"));
  const before = load();
  // A failing `npm test` is timed all the same, and its cell says so; its output's end is shown.
  const time = (args: string[]) => {
    const started = performance.now();
    const run = spawnSync(node, [npm, ...args], { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 28 });
    if (run.status !== 0) {
      console.error(`npm ${args.join(" ")} failed on Node ${version}:\n${`${run.stdout}${run.stderr}`.slice(-4000)}`);
      process.exitCode = 1;
    }
    return { seconds: (performance.now() - started) / 1000, failed: run.status !== 0 };
  };
  try {
    execFileSync("git", ["clone", "--quiet", root, dir]);
    execFileSync("git", ["checkout", "--quiet", head], { cwd: dir });
    const ci = time(["ci", "--no-audit", "--no-fund"]);
    if (ci.failed) throw new Error(`npm ci failed on Node ${version}`);
    const megabytes = (Number(execFileSync("du", ["-sk", "node_modules"], { cwd: dir, encoding: "utf8" }).split("\t")[0]) * 1024) / 1e6;
    const test = time(["test"]);
    return `| Node ${version}, ${head.slice(0, 7)} | ${cell(ci.seconds, TARGETS.ci, "s")} | ${cell(megabytes, TARGETS.modules, "MB")} | ${cell(test.seconds, TARGETS.test, "s", test.failed)} | ${before} → ${load()} |`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const table = [
  `| Host, commit | \`npm ci\` (target ≤ ${TARGETS.ci} s) | node_modules (≤ ${TARGETS.modules} MB) | \`npm test\` (≤ ${TARGETS.test} s) | Load average, 1 min, ${cpus().length} cores |`,
  "| --- | ---: | ---: | ---: | --- |",
  ...(nodes.length ? nodes : [process.execPath]).map(measure),
].join("\n");
console.log(table);
const file = new URL("README.md", import.meta.url);
if (process.argv.includes("--write")) writeFileSync(file, readFileSync(file, "utf8").replace(/(<!-- workflow:start.*-->\n)[^]*(<!-- workflow:end -->)/, (_, start, end) => `${start}${table}\n${end}`));
