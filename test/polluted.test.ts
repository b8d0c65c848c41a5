// Prototypes polluted before statuskit is first loaded, as an old library loaded earlier can do.
// Each case is a fresh Node process that installs enumerable members on Object.prototype or
// Array.prototype, then loads one entry of the installed tarball with `require` or `import`, and
// digests every export: its values, and what each function answers for the codes -1 to 700 and
// junk. The digest must equal the one of an unpolluted process; the polluting value must not be
// frozen (a table that adopted it would freeze it).
import { describe, it, expect, beforeAll, inject } from "vitest";
import { execFile, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { entrypoints, readPackage, specifier } from "./package";

const pkg = readPackage();
const specifiers = entrypoints(pkg).map((entry) => specifier(pkg, entry));
const FORMATS = ["require", "import"] as const;
type Format = (typeof FORMATS)[number];

const TARGETS = ["Object.prototype", "Array.prototype"] as const;
// Numeric keys cover every slot of a table indexed by `code - 100`, and the codes themselves.
// Named keys: a flag an old library might add, the members of a property descriptor (which
// Object.defineProperty reads, inherited ones included), and the fields of statuskit's records.
const KEYS = {
  numeric: "Array.from({ length: 702 }, (_, i) => String(i - 1))",
  named: JSON.stringify(
    ["isAdmin", "get", "set", "value", "writable", "enumerable", "configurable", "default", "__esModule", "length"].concat(
      ["code", "phrase", "vendor", "aliases", "spec", "conflicts", "status"],
    ),
  ),
} as const;
const VALUES = {
  object: `{ code: 499, phrase: "Evil", vendor: "nginx" }`,
  array: `["Evil", { phrase: "Evil" }]`,
  string: `"Evil"`,
  boolean: "true",
} as const;

const cases = TARGETS.flatMap((target) =>
  (Object.keys(KEYS) as (keyof typeof KEYS)[]).flatMap((keys) =>
    (Object.keys(VALUES) as (keyof typeof VALUES)[]).map((value) => ({ target, keys, value })),
  ),
);
type Case = (typeof cases)[number];

/**
 * The digest script. Node's own modules are loaded and the specifier resolved before polluting:
 * Node 20's ESM loader breaks on some pollution by itself, for any package (it reads index 0 of
 * an internal array, and lazily defines properties with plain descriptors).
 */
function script(format: Format): string {
  const loader =
    format === "require"
      ? `const { createHash } = require("node:crypto");\nrequire.resolve(spec);\nconst load = () => require(spec);`
      : `import { createHash } from "node:crypto";\nawait import("./warm.mjs");\nimport.meta.resolve(spec);\nconst load = () => import(spec);`;
  return `const [spec, target, keys, value] = process.argv.slice(2);
${loader}
const out = process.stdout;
const KEYS = { ${Object.entries(KEYS).map(([name, expr]) => `${name}: () => ${expr}`).join(", ")} };
const VALUES = { ${Object.entries(VALUES).map(([name, expr]) => `${name}: () => (${expr})`).join(", ")} };
const polluting = value ? VALUES[value]() : undefined;
const proto = target === "Array.prototype" ? Array.prototype : Object.prototype;
// A member the prototype owns (Array.prototype.length) is a built-in, not pollution.
if (target) for (const key of KEYS[keys]()) if (!Object.hasOwn(proto, key)) proto[key] = polluting;

const ns = ${format === "import" ? "await load()" : "load()"};

// Own members only, so that the digest itself reads nothing inherited.
const memo = new Map();
function show(x) {
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "function") return "function " + x.name + "/" + x.length;
  if (x === null || typeof x !== "object") return typeof x + " " + String(x);
  if (memo.has(x)) return memo.get(x);
  memo.set(x, "(cycle)");
  const keys = Object.getOwnPropertyNames(x);
  const body = keys.map((k) => k + ": " + show(x[k])).join(", ");
  const text = (Array.isArray(x) ? "[" : "{") + body + (Array.isArray(x) ? "]" : "}") + (Object.isFrozen(x) ? " frozen" : "");
  memo.set(x, text);
  return text;
}
function call(fn, args) {
  try { return show(fn(...args)); } catch (error) { return "threw " + (error && error.name); }
}
// Short lower-case words in the exported data (vendor ids, class names) are second arguments.
const words = new Set();
(function collect(x, depth) {
  if (typeof x === "string" && /^[a-z][a-z0-9-]{0,20}$/.test(x)) words.add(x);
  else if (x !== null && typeof x === "object" && depth < 4) for (const k of Object.getOwnPropertyNames(x)) collect(x[k], depth + 1);
})(Object.getOwnPropertyNames(ns).map((name) => ns[name]), 0);
const junk = [404.5, -0, NaN, Infinity, 404n, "404", " 404", "404x", "not found", "NOT_FOUND", "Payload Too Large",
  "__proto__", "constructor", "toString", "hasOwnProperty", "isAdmin", "get", "value", "length", "phrase", "0", "499", "",
  "x".repeat(64), "x".repeat(65), null, undefined, true, {}, [], [404], Symbol("404"), () => 404];
const firsts = [...Array.from({ length: 702 }, (_, i) => i - 1), ...junk];
const seconds = [...[...words].sort(), ...junk];
const hash = createHash("sha256");
for (const name of Object.keys(ns).sort()) {
  const member = ns[name];
  hash.update(name + " = " + show(member) + "\\n");
  if (typeof member !== "function") continue;
  for (const first of firsts) {
    hash.update(call(member, [first]) + "\\n");
    if (member.length > 1) for (const second of seconds) hash.update(call(member, [first, second]) + "\\n");
  }
}
out.write(hash.digest("hex") + " " + (typeof polluting === "object" && Object.isFrozen(polluting) ? "froze the polluting value" : "ok") + "\\n");
`;
}

/** The installed tarball (test/tarball.setup.ts). */
const consumer = inject("consumer");

beforeAll(() => {
  writeFileSync(join(consumer, "warm.mjs"), "");
  writeFileSync(join(consumer, "digest.cjs"), script("require"));
  writeFileSync(join(consumer, "digest.mjs"), script("import"));
});

const digestArgs = (spec: string, format: Format, pollution?: Case) => [
  format === "require" ? "digest.cjs" : "digest.mjs",
  spec,
  ...(pollution ? [pollution.target, pollution.keys, pollution.value] : []),
];
const failure = (stderr: string) => stderr.split("\n").find((line) => /Error/.test(line)) ?? stderr;

function cleanDigest(spec: string, format: Format): string {
  const run = spawnSync(process.execPath, digestArgs(spec, format), { cwd: consumer, encoding: "utf8", timeout: 60_000 });
  return run.status === 0 ? run.stdout.trim() : `exit ${run.status}: ${failure(run.stderr)}`;
}

/** Asynchronous, so that the cases run a few processes at a time. */
function pollutedDigest(spec: string, format: Format, pollution: Case): Promise<string> {
  return new Promise((resolve) => {
    execFile(process.execPath, digestArgs(spec, format, pollution), { cwd: consumer, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve(error ? `exit ${error.code}: ${failure(stderr)}` : stdout.trim()),
    );
  });
}

describe.each(specifiers)("%s under prototypes polluted before it loads", (spec) => {
  const clean = new Map<Format, string>();

  beforeAll(() => {
    for (const format of FORMATS) clean.set(format, cleanDigest(spec, format));
  }, 60_000);

  it(`${spec}: require and import answer alike in an unpolluted process`, () => {
    expect(clean.get("require")).toMatch(/^[0-9a-f]{64} ok$/);
    expect(clean.get("import")).toBe(clean.get("require"));
  });

  describe.each(FORMATS)(`%s(${JSON.stringify(spec)})`, (format) => {
    it.concurrent.for(cases)(`loads and answers as unpolluted with $keys keys holding $value on $target`, async (pollution, { expect }) => {
      expect(await pollutedDigest(spec, format, pollution)).toBe(clean.get(format));
    });
  });
});
