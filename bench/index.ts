// `npm run bench`: statuskit's lookups against the peers and against a plain array index (the
// physical limit), in one process, on the same mixed list of inputs. Prints ns/op, the ratio to
// the limit, and the bytes each call allocates. `npm run bench -- --write` pastes the table into
// bench/README.md, and statuskit's row of each lookup, its limit and its fastest peer into
// README.md. Never part of `npm test`: timings vary from run to run and machine to machine.
import { STATUS_CODES } from "node:http";
import { arch, cpus, platform } from "node:os";
import { fileURLToPath } from "node:url";
import { measure, do_not_optimize } from "mitata";
import { classOf, codeOf, getStatus, isRedirect, reasonPhrase, STATUSES } from "statuskit";
import { getReasonPhrase, getStatusCode } from "http-status-codes";
import { status as httpStatus } from "http-status";
import statuses from "statuses";
import { publish } from "../scripts/readme";


// Common codes, unregistered ones in range, and values that are not codes at all.
const CODES: unknown[] = [
  200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 404, 404, 409, 422, 429, 500, 502, 503,
  299, 419, 499, 509, 599,
  0, -1, 600, 1000, 404.5, NaN, "404", null, undefined,
];
const NAMES: unknown[] = [
  "Not Found", "not found", "NOT_FOUND", "OK", "Internal Server Error", "Bad Request", "Too Many Requests",
  "Payload Too Large", "Unprocessable Entity", "im a teapot", "Service Unavailable", "Moved Permanently",
  "bogus", "", "__proto__", "404", 404, null,
];

// The physical limits: an index into a dense array built for the purpose, or an exact Map lookup.
const PHRASE_ARRAY: (string | undefined)[] = Array.from({ length: 600 }, (_, c) => reasonPhrase(c));
const RECORD_ARRAY = Array.from({ length: 600 }, (_, c) => getStatus(c));
const CLASS_ARRAY = Array.from({ length: 600 }, (_, c) => classOf(c));
const REDIRECT_ARRAY = Array.from({ length: 600 }, (_, c) => isRedirect(c));
const NAME_MAP = new Map<unknown, number>(STATUSES.flatMap((s) => [[s.phrase, s.code], [s.constant, s.code]]));

const attempt = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};
const table = httpStatus as unknown as Record<PropertyKey, unknown>;

type Impl = [name: string, fn: (value: any) => unknown];
interface Op {
  name: string;
  inputs: unknown[];
  limit: Impl;
  statuskit: Impl;
  peers: Impl[];
  /** README.md's fastest-peer cell when `peers` is empty: why no peer is timed. */
  noPeer?: string;
}

const OPS: Op[] = [
  {
    name: "phrase of a code",
    inputs: CODES,
    limit: ["array index", (c) => PHRASE_ARRAY[c]],
    statuskit: ["`reasonPhrase(c)`", (c) => reasonPhrase(c)],
    peers: [
      ["statuses `message[c]`", (c) => statuses.message[c]],
      ["http-status-codes `getReasonPhrase(c)` in try", (c) => attempt(() => getReasonPhrase(c))],
      ["http-status `status[c]`", (c) => table[c]],
      ["Node `STATUS_CODES[c]`", (c) => STATUS_CODES[c]],
    ],
  },
  {
    name: "record of a code",
    inputs: CODES,
    limit: ["array index", (c) => RECORD_ARRAY[c]],
    statuskit: ["`getStatus(c)`", (c) => getStatus(c)],
    peers: [],
    noPeer: "none has records",
  },
  {
    name: "class of a code",
    inputs: CODES,
    limit: ["array index", (c) => CLASS_ARRAY[c]],
    statuskit: ["`classOf(c)`", (c) => classOf(c)],
    peers: [["http-status `` status[`${c}_CLASS`] ``", (c) => table[`${c}_CLASS`]]],
  },
  {
    name: "is a redirect",
    inputs: CODES,
    limit: ["array index", (c) => REDIRECT_ARRAY[c]],
    statuskit: ["`isRedirect(c)`", (c) => isRedirect(c)],
    peers: [["statuses `redirect[c]`", (c) => statuses.redirect[c]]],
  },
  {
    name: "code of a name",
    inputs: NAMES,
    limit: ["exact `Map.get`", (n) => NAME_MAP.get(n)],
    statuskit: ["`codeOf(name)`", (n) => codeOf(n)],
    peers: [
      ["statuses `status(name)` in try", (n) => attempt(() => statuses(n))],
      ["http-status-codes `getStatusCode(name)` in try", (n) => attempt(() => getStatusCode(n))],
      ["http-status `status[name]`", (n) => table[n]],
    ],
  },
];

/** Average ns per call of `fn` over the inputs, from mitata. */
async function nsPerCall(fn: Impl[1], inputs: unknown[]): Promise<number> {
  const stats = await measure(() => {
    for (let i = 0; i < inputs.length; i++) do_not_optimize(fn(inputs[i]));
  });
  return stats.avg / inputs.length;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Bytes allocated per call: heap growth over many calls with no collection in between (run with
 * --expose-gc and a young generation large enough that no scavenge interrupts the loop).
 */
function bytesPerCall(fn: Impl[1], inputs: unknown[]): number {
  const growth = (f: Impl[1]) => {
    const calls = 50_000;
    let sink: unknown;
    for (let i = 0; i < 10_000; i++) sink = f(inputs[i % inputs.length]);
    gc!();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < calls; i++) sink = f(inputs[i % inputs.length]);
    const after = process.memoryUsage().heapUsed;
    do_not_optimize(sink);
    return (after - before) / calls;
  };
  // What the loop and the measuring allocate themselves, measured with a function that does
  // nothing; the least of three runs, so that one-off work (compiling the loop) does not count.
  const least = (f: Impl[1]) => Math.min(growth(f), growth(f), growth(f));
  return Math.max(0, least(fn) - least((value) => value));
}

/** Bytes per call as both tables print them: less than one byte per call shows as 0. */
const bytesCell = (bytes: number): string => (bytes < 1 ? "0" : bytes.toFixed(0));

interface Row {
  op: string;
  impl: string;
  ns: number;
  ratio: number;
  bytes: number;
  kind: "limit" | "statuskit" | "peer";
}

async function main() {
  if (!gc) throw new Error("bench: run with node --expose-gc (npm run bench does)");
  // Checked before the timing starts, not when the summary is written at the end.
  for (const op of OPS) if (op.peers.length === 0 && !op.noPeer) throw new Error(`bench: "${op.name}" has no peer: give \`noPeer\`, the reason`);
  const rows: Row[] = [];
  for (const op of OPS) {
    const impls: [Impl, Row["kind"]][] = [[op.limit, "limit"], [op.statuskit, "statuskit"], ...op.peers.map((p) => [p, "peer"] as [Impl, Row["kind"]])];
    let limit = 0;
    for (const [[name, fn], kind] of impls) {
      const ns = await nsPerCall(fn, op.inputs);
      if (kind === "limit") limit = ns;
      rows.push({ op: op.name, impl: name, ns, ratio: ns / limit, bytes: bytesPerCall(fn, op.inputs), kind });
    }
  }
  const cpu = cpus();
  const machine = `Node ${process.version}, ${cpu[0]?.model.trim() ?? "unknown CPU"} (${cpu.length} cores), ${platform()} ${arch()}`;
  const lines = [
    `One run of \`npm run bench\` on ${machine}. Inputs: ${CODES.length} codes (common, unregistered, invalid) and ${NAMES.length} names, mixed; ns per call, averaged over the list.`,
    "",
    "| Lookup | Implementation | ns/call | × limit | Bytes allocated per call |",
    "| --- | --- | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.op} | ${r.kind === "statuskit" ? `**statuskit ${r.impl}**` : r.impl} | ${r.ns.toFixed(1)} | ${r.ratio.toFixed(2)} | ${bytesCell(r.bytes)} |`,
    ),
  ];
  publish("bench", lines.join("\n"), "npm run bench -- --write", fileURLToPath(new URL("README.md", import.meta.url)));
  // README.md gets statuskit's row of each lookup beside the limit and the fastest peer.
  const summary = [
    `One run on ${machine}; ns per call over mixed inputs. Every implementation: [bench/README.md](../bench/README.md).`,
    "",
    "| Lookup | statuskit | ns/call | Array index (the limit) | Fastest peer | Bytes allocated per call |",
    "| --- | --- | ---: | ---: | --- | ---: |",
    ...OPS.map((op) => {
      const of = rows.filter((r) => r.op === op.name);
      const own = of.find((r) => r.kind === "statuskit")!;
      const limit = of.find((r) => r.kind === "limit")!;
      const peer = of.filter((r) => r.kind === "peer").sort((a, b) => a.ns - b.ns)[0];
      const peerCell = peer ? `${peer.impl}: ${peer.ns.toFixed(1)}` : op.noPeer;
      return `| ${op.name} | ${own.impl} | ${own.ns.toFixed(1)} | ${limit.ns.toFixed(1)} | ${peerCell} | ${bytesCell(own.bytes)} |`;
    }),
  ];
  publish("bench", summary.join("\n"), "npm run bench -- --write", fileURLToPath(new URL("../docs/speed.md", import.meta.url)));

  const problems: string[] = [];
  // Lookups by code must not allocate. `codeOf` finds an exact name without allocating, but a
  // name that needs normalising ("not found") needs a new string for its key: reported, not failed.
  for (const r of rows.filter((row) => row.kind === "statuskit" && row.bytes >= 1)) {
    if (r.op === "code of a name") console.log(`note: ${r.impl} allocates ${r.bytes.toFixed(1)} B per call on average, for the names that need normalising`);
    else problems.push(`${r.impl} allocates ${r.bytes.toFixed(1)} B per call`);
  }
  // The goal for the two hot lookups: within 1.2 × the array index, and ahead of every peer.
  for (const op of ["phrase of a code", "record of a code"]) {
    const own = rows.find((r) => r.op === op && r.kind === "statuskit")!;
    const fastestPeer = Math.min(Infinity, ...rows.filter((r) => r.op === op && r.kind === "peer").map((r) => r.ns));
    const met = own.ratio <= 1.2 && own.ns < fastestPeer;
    console.log(`goal ${met ? "met" : "missed"}: ${own.impl} at ${own.ratio.toFixed(2)} × the array index, fastest peer ${fastestPeer.toFixed(1)} ns`);
  }
  for (const problem of problems) console.error(`bench: ${problem}`);

  if (problems.length) process.exitCode = 1;
}

await main();
