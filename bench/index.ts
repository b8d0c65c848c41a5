// `npm run bench` (bench/README.md): statuskit's lookups against the peers and a plain array index
// (the limit), on the same mixed inputs: ns and bytes allocated per call.
import { readFileSync, writeFileSync } from "node:fs";
import { STATUS_CODES } from "node:http";
import { arch, cpus, platform } from "node:os";
import { measure, do_not_optimize } from "mitata";
import { classOf, codeOf, getStatus, isRedirect, reasonPhrase, STATUSES } from "statuskit";
import { getReasonPhrase, getStatusCode } from "http-status-codes";
import { status as httpStatus } from "http-status";
import statuses from "statuses";

// Common codes, unregistered ones in range, and values that are not codes at all.
const CODES: unknown[] = [
  200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 404, 404, 409, 422, 429, 500, 502, 503, 299, 419, 499, 509, 599,
  0, -1, 600, 1000, 404.5, NaN, "404", null, undefined,
];
const NAMES: unknown[] = [
  "Not Found", "not found", "NOT_FOUND", "OK", "Internal Server Error", "Bad Request", "Too Many Requests", "Payload Too Large",
  "Unprocessable Entity", "im a teapot", "Service Unavailable", "Moved Permanently", "bogus", "", "__proto__", "404", 404, null,
];

// The limits: an index into a dense array built for the purpose, or an exact Map lookup.
const dense = (fn: (code: number) => unknown) => Array.from({ length: 600 }, (_, c) => fn(c));
const [PHRASES, RECORDS, CLASSES, REDIRECTS] = [dense(reasonPhrase), dense(getStatus), dense(classOf), dense(isRedirect)];
const NAME_MAP = new Map<unknown, number>(STATUSES.flatMap((s) => [[s.phrase, s.code], [s.constant, s.code]]));
const attempt = (fn: () => unknown) => {
  try {
    return fn();
  } catch {}
};
const table = httpStatus as unknown as Record<PropertyKey, unknown>;

type Impl = [name: string, fn: (value: any) => unknown];
/** A lookup: its inputs, the limit, statuskit, the peers, and why no peer is timed when none is. */
type Op = [name: string, inputs: unknown[], limit: Impl, statuskit: Impl, peers: Impl[] | string];

const OPS: Op[] = [
  ["phrase of a code", CODES, ["array index", (c) => PHRASES[c]], ["`reasonPhrase(c)`", (c) => reasonPhrase(c)], [
    ["statuses `message[c]`", (c) => statuses.message[c]],
    ["http-status-codes `getReasonPhrase(c)` in try", (c) => attempt(() => getReasonPhrase(c))],
    ["http-status `status[c]`", (c) => table[c]],
    ["Node `STATUS_CODES[c]`", (c) => STATUS_CODES[c]],
  ]],
  ["record of a code", CODES, ["array index", (c) => RECORDS[c]], ["`getStatus(c)`", (c) => getStatus(c)], "none has records"],
  ["class of a code", CODES, ["array index", (c) => CLASSES[c]], ["`classOf(c)`", (c) => classOf(c)], [["http-status `` status[`${c}_CLASS`] ``", (c) => table[`${c}_CLASS`]]]],
  ["is a redirect", CODES, ["array index", (c) => REDIRECTS[c]], ["`isRedirect(c)`", (c) => isRedirect(c)], [["statuses `redirect[c]`", (c) => statuses.redirect[c]]]],
  ["code of a name", NAMES, ["exact `Map.get`", (n) => NAME_MAP.get(n)], ["`codeOf(name)`", (n) => codeOf(n)], [
    ["statuses `status(name)` in try", (n) => attempt(() => statuses(n))],
    ["http-status-codes `getStatusCode(name)` in try", (n) => attempt(() => getStatusCode(n))],
    ["http-status `status[name]`", (n) => table[n]],
  ]],
];

const gc = (globalThis as { gc?: () => void }).gc;

// Bytes allocated per call: heap growth over 50,000 calls with no collection in between (with
// --expose-gc and a young generation large enough that no scavenge interrupts), less the loop's own
// (measured with a function that does nothing); the least of three runs, so that one-off work
// (compiling the loop) does not count.
function bytesPerCall(fn: Impl[1], inputs: unknown[]): number {
  const growth = (f: Impl[1]) => {
    let sink: unknown;
    for (let i = 0; i < 10_000; i++) sink = f(inputs[i % inputs.length]);
    gc!();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 50_000; i++) sink = f(inputs[i % inputs.length]);
    const after = process.memoryUsage().heapUsed;
    do_not_optimize(sink);
    return (after - before) / 50_000;
  };
  const least = (f: Impl[1]) => Math.min(growth(f), growth(f), growth(f));
  return Math.max(0, least(fn) - least((value) => value));
}

/** Prints `body`; with `--write`, puts it between the bench markers of a markdown file. */
function write(file: URL, body: string) {
  console.log(body);
  const page = readFileSync(file, "utf8");
  if (process.argv.includes("--write")) writeFileSync(file, page.replace(/(<!-- bench:start.*-->\n)[^]*(<!-- bench:end -->)/, (_, start, end) => `${start}${body}\n${end}`));
}

if (!gc) throw new Error("bench: run with node --expose-gc (npm run bench does)");
type Row = { impl: string; ns: number; ratio: number; bytes: number };
const results: { op: string; limit: Row; own: Row; peers: Row[]; noPeer: string }[] = [];
for (const [op, inputs, limit, own, peers] of OPS) {
  const rows: Row[] = [];
  for (const [impl, fn] of [limit, own, ...(typeof peers === "string" ? [] : peers)]) {
    const { avg } = await measure(() => {
      for (let i = 0; i < inputs.length; i++) do_not_optimize(fn(inputs[i]));
    });
    const ns = avg / inputs.length;
    rows.push({ impl, ns, ratio: ns / (rows[0]?.ns ?? ns), bytes: bytesPerCall(fn, inputs) });
  }
  results.push({ op, limit: rows[0]!, own: rows[1]!, peers: rows.slice(2), noPeer: typeof peers === "string" ? peers : "" });
}
// Less than one byte per call shows as 0.
const bytes = (r: Row) => (r.bytes < 1 ? "0" : r.bytes.toFixed(0));
const cpu = cpus();
const machine = `Node ${process.version}, ${cpu[0]?.model.trim() ?? "unknown CPU"} (${cpu.length} cores), ${platform()} ${arch()}`;
write(new URL("README.md", import.meta.url), [
  `One run of \`npm run bench\` on ${machine}. Inputs: ${CODES.length} codes (common, unregistered, invalid) and ${NAMES.length} names, mixed; ns per call, averaged over the list.`,
  "",
  "| Lookup | Implementation | ns/call | × limit | Bytes allocated per call |",
  "| --- | --- | ---: | ---: | ---: |",
  ...results.flatMap(({ op, limit, own, peers }) =>
    [limit, { ...own, impl: `**statuskit ${own.impl}**` }, ...peers].map((r) => `| ${op} | ${r.impl} | ${r.ns.toFixed(1)} | ${r.ratio.toFixed(2)} | ${bytes(r)} |`),
  ),
].join("\n"));
write(new URL("../docs/speed.md", import.meta.url), [
  `One run on ${machine}; ns per call over mixed inputs. Every implementation: [bench/README.md](../bench/README.md).`,
  "",
  "| Lookup | statuskit | ns/call | Array index (the limit) | Fastest peer | Bytes allocated per call |",
  "| --- | --- | ---: | ---: | --- | ---: |",
  ...results.map(({ op, limit, own, peers, noPeer }) => {
    const peer = [...peers].sort((a, b) => a.ns - b.ns)[0];
    return `| ${op} | ${own.impl} | ${own.ns.toFixed(1)} | ${limit.ns.toFixed(1)} | ${peer ? `${peer.impl}: ${peer.ns.toFixed(1)}` : noPeer} | ${bytes(own)} |`;
  }),
].join("\n"));

for (const { op, own, peers } of results) {
  // Lookups by code must not allocate. `codeOf` finds an exact name without allocating, but a name
  // that needs normalising ("not found") needs a new string for its key: reported, not failed.
  if (own.bytes >= 1 && op === "code of a name") console.log(`note: ${own.impl} allocates ${own.bytes.toFixed(1)} B per call on average, for the names that need normalising`);
  else if (own.bytes >= 1) {
    console.error(`bench: ${own.impl} allocates ${own.bytes.toFixed(1)} B per call`);
    process.exitCode = 1;
  }
  // The goal for the two hot lookups: within 1.2 × the array index, and ahead of every peer.
  if (op !== "phrase of a code" && op !== "record of a code") continue;
  const fastestPeer = Math.min(Infinity, ...peers.map((r) => r.ns));
  const met = own.ratio <= 1.2 && own.ns < fastestPeer;
  console.log(`goal ${met ? "met" : "missed"}: ${own.impl} at ${own.ratio.toFixed(2)} × the array index, fastest peer ${fastestPeer.toFixed(1)} ns`);
}
