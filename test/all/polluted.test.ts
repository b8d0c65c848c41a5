// Prototypes polluted before statuskit loads, as an old library loaded earlier can do: data members
// (flags, descriptor fields, record fields) and accessors (a getter, a getter and a setter that
// does nothing, a getter and a setter that throws) on Object.prototype and Array.prototype.
//
// Each child process loads every entry of the installed tarball once on clean prototypes and
// records what every export answers. Then, one case at a time, it pollutes, evaluates each entry
// afresh, compares the answers with the clean ones, and removes the pollution before the next
// case, so that cases cannot disturb one another and many share a process. A fresh evaluation is
// `import("…/index.js?case=N")` for ESM (its imports of the core are the clean instance, itself
// re-evaluated as its own entry), and the module wrapper of the CommonJS file, compiled on clean
// prototypes, for CommonJS: Node's own `require` fails under some of these cases for any package
// (it builds each module's list of search paths with `push`), while the CommonJS builds require
// nothing (their `require` throws here), so the wrapper is the whole of what statuskit runs.
import { describe, it, inject } from "vitest";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { entrypoints, readPackage, specifier } from "../package";

const pkg = readPackage();
const specifiers = entrypoints(pkg).map((entry) => specifier(pkg, entry));
const FORMATS = ["require", "import"] as const;
type Format = (typeof FORMATS)[number];

const TARGETS = ["Object.prototype", "Array.prototype"] as const;
// Every index of the tables indexed by code - 100 (0–499), which covers the indexes of every
// smaller array statuskit builds (aliases, conflicts, record lists) too. Data members also go on
// -1 and on 500–700, the codes themselves and the numbers next to the range.
const INDEXES = Array.from({ length: 500 }, (_, i) => String(i));
const NUMERIC = Array.from({ length: 702 }, (_, i) => String(i - 1));
// A flag an old library might add, the members of a property descriptor (which
// Object.defineProperty reads, inherited ones included), and the fields of statuskit's records.
const NAMED = ["isAdmin", "get", "set", "value", "writable", "enumerable", "configurable", "default", "__esModule", "length"].concat(
  ["code", "phrase", "vendor", "aliases", "spec", "conflicts", "status"],
);
// Data members go on every key of a list at once, each value in one case.
const VALUES = {
  object: `{ code: 499, phrase: "Evil", vendor: "nginx" }`,
  array: `["Evil", { phrase: "Evil" }]`,
  string: `"Evil"`,
  boolean: "true",
} as const;
// Accessors go on one key per case.
const ACCESSORS = {
  "a getter only": `{ get: () => "Evil" }`,
  "a getter and a setter that does nothing": `{ get: () => "Evil", set() {} }`,
  "a getter and a setter that throws": `{ get: () => "Evil", set() { throw new Error("polluted setter"); } }`,
} as const;

interface Case {
  target: (typeof TARGETS)[number];
  keys: readonly string[];
  /** An expression for the value of each key, or for the accessor's descriptor. */
  value?: string;
  accessor?: string;
}

// One batch (one child process) per target for data members, and per target and kind for accessors.
const batches: { name: string; cases: Case[] }[] = [
  ...TARGETS.map((target) => ({
    name: `data members on ${target} (numeric keys -1–700 at once, or named keys at once)`,
    cases: [NUMERIC, NAMED].flatMap((keys) => Object.values(VALUES).map((value) => ({ target, keys, value }))),
  })),
  ...TARGETS.flatMap((target) =>
    Object.entries(ACCESSORS).map(([kind, accessor]) => ({
      name: `${kind} on ${target}, on each index 0–499 in turn`,
      cases: INDEXES.map((key) => ({ target, keys: [key], accessor })),
    })),
  ),
];

/** The child script: `cases` is the JSON of a batch; prints one line per case, "ok" or what differs. */
function script(format: Format): string {
  const header =
    format === "require"
      ? `const { createRequire } = require("node:module");
const { compileFunction } = require("node:vm");
const { readFileSync } = require("node:fs");
const main = async () => {
const nodeRequire = createRequire(__filename);
const files = specs.map((spec) => nodeRequire.resolve(spec));
// The module wrapper, compiled now; running it evaluates the file as require would.
const wrappers = files.map((file) => compileFunction(readFileSync(file, "utf8"), ["exports", "require", "module", "__filename", "__dirname"], { filename: file }));
const noRequire = (name) => { throw new Error("the CommonJS build requires " + name); };
const load = (i) => { const module = { exports: {} }; wrappers[i](module.exports, noRequire, module, files[i], ""); return module.exports; };
const namespaces = files.map((file) => nodeRequire(file));`
      : `const main = async () => {
const urls = specs.map((spec) => import.meta.resolve(spec));
const load = (i, n) => import(urls[i] + "?case=" + n);
const namespaces = [];
for (const url of urls) namespaces.push(await import(url));`;
  return `const [specsJson, casesJson] = process.argv.slice(2);
const specs = JSON.parse(specsJson);
const cases = JSON.parse(casesJson);
${header}

// Own members only, so that showing an answer reads nothing inherited.
function show(x, memo = new Map()) {
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "function") return "function " + x.name + "/" + x.length;
  if (x === null || typeof x !== "object") return typeof x + " " + String(x);
  if (memo.has(x)) return memo.get(x);
  memo.set(x, "(cycle)");
  let body = "";
  for (const key of Object.getOwnPropertyNames(x)) body += key + ": " + show(x[key], memo) + ", ";
  const text = (Array.isArray(x) ? "[" : "{") + body + (Array.isArray(x) ? "]" : "}") + (Object.isFrozen(x) ? " frozen" : "");
  memo.set(x, text);
  return text;
}
const answer = (fn, args) => {
  try {
    return show(args.length === 1 ? fn(args[0]) : fn(args[0], args[1]));
  } catch (error) {
    return "threw " + (error && error.name);
  }
};

// Short lower-case words in the exported data (vendor ids, class names) are second arguments.
const found = new Set();
(function collect(x, depth) {
  if (typeof x === "string" && /^[a-z][a-z0-9-]{0,20}$/.test(x)) found.add(x);
  else if (x !== null && typeof x === "object" && depth < 4) for (const k of Object.getOwnPropertyNames(x)) collect(x[k], depth + 1);
})(namespaces.flatMap((ns) => Object.getOwnPropertyNames(ns).map((name) => ns[name])), 0);
const junk = [404.5, -0, NaN, Infinity, 404n, "404", " 404", "404x", "not found", "NOT_FOUND", "Payload Too Large",
  "__proto__", "constructor", "toString", "hasOwnProperty", "isAdmin", "get", "value", "length", "phrase", "0", "499", "",
  "x".repeat(64), "x".repeat(65), null, undefined, true, {}, [], [404], Symbol("404"), () => 404];
const firsts = [...Array.from({ length: 702 }, (_, i) => i - 1), ...junk];
const words = [...found].sort();
const seconds = [...words, ...junk];

// Codes with a record, whose arrays (aliases, conflicts, the records of a code) a small index reaches.
const recorded = new Set(namespaces.flatMap((ns) => Object.values(ns)).flatMap((x) => (Array.isArray(x) ? x : [])).map((r) => r && r.code));
// Every export's clean value, and every call's clean answer by its first argument, for each entry:
// [name, args or null for a value, answer]. Two-argument functions take every word as second
// argument, and the junk too where the first is junk or a code with a record, in data cases only.
const dataCases = cases.some((c) => c.value !== undefined);
const clean = namespaces.map((ns) => {
  const values = [];
  const byFirst = new Map(firsts.map((first) => [first, []]));
  for (const name of Object.keys(ns).sort()) {
    const fn = ns[name];
    if (typeof fn !== "function") values.push([name, null, show(fn)]);
    else for (const first of firsts) {
      const list = byFirst.get(first);
      list.push([name, [first], answer(fn, [first])]);
      if (fn.length < 2) continue;
      const all = dataCases && (typeof first !== "number" || recorded.has(first) || first % 1 !== 0);
      for (const second of all ? seconds : words) list.push([name, [first, second], answer(fn, [first, second])]);
    }
  }
  return { values, byFirst };
});
// What one accessor can change: the answers for the code its index stands for in a table indexed
// by code - 100, and for the code it is. No other array statuskit builds is longer than the
// registry's 64 codes, so below 64 the answers for every code with a record too.
const focusOf = (key) => [Number(key), Number(key) + 100, ...(Number(key) < 64 ? recorded : [])];
const PROBLEM = specs.indexOf("statuskit/problem");

for (let n = 0; n < cases.length; n++) {
  const { target, keys, value, accessor } = cases[n];
  const proto = target === "Array.prototype" ? Array.prototype : Object.prototype;
  const polluting = value === undefined ? undefined : (0, eval)("(" + value + ")");
  const descriptor = accessor === undefined ? undefined : { __proto__: null, enumerable: true, configurable: true, ...(0, eval)("(" + accessor + ")") };
  // Accessor cases check the lookups of the core and statuskit/unofficial, and that
  // statuskit/problem loads; data cases check every call of every entry.
  const focus = accessor === undefined ? firsts : focusOf(keys[0]);
  const todo = clean.map(({ values, byFirst }, i) =>
    values.concat(...(accessor !== undefined && i === PROBLEM ? [] : focus.map((first) => byFirst.get(first) ?? []))),
  );
  // A member the prototype owns (Array.prototype.length) is a built-in, not pollution.
  const added = keys.filter((key) => !Object.hasOwn(proto, key));
  let result = "ok";
  try {
    for (const key of added) {
      if (descriptor) Object.defineProperty(proto, key, descriptor);
      else proto[key] = polluting;
    }
    for (let i = 0; i < specs.length && result === "ok"; i++) {
      let ns;
      try {
        ns = await load(i, n);
      } catch (error) {
        result = specs[i] + " does not load: " + String(error && error.message);
        break;
      }
      for (const [name, args, expected] of todo[i]) {
        const got = args === null ? show(ns[name]) : answer(ns[name], args);
        if (got === expected) continue;
        const call = args === null ? name : name + "(" + args.map((a) => show(a)).join(", ") + ")";
        result = specs[i] + ": " + call + " gives " + got.slice(0, 200) + ", unpolluted " + expected.slice(0, 200);
        break;
      }
    }
  } finally {
    for (const key of added) delete proto[key];
  }
  if (result === "ok" && typeof polluting === "object" && Object.isFrozen(polluting)) result = "froze the polluting value";
  process.stdout.write(JSON.stringify(result) + "\\n");
}
};
main().catch((error) => {
  process.stderr.write(String(error && error.stack) + "\\n");
  process.exit(1);
});
`;
}

/** The installed tarball (test/tarball.setup.ts). */
const consumer = inject("consumer");
const scripts = { require: "digest.cjs", import: "digest.mjs" } as const;
for (const format of FORMATS) writeFileSync(join(consumer, scripts[format]), script(format));

/** Runs one batch in a child process; resolves with one line per case. */
function run(format: Format, cases: Case[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const args = [scripts[format], JSON.stringify(specifiers), JSON.stringify(cases)];
    execFile(process.execPath, args, { cwd: consumer, timeout: 240_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${scripts[format]} exited with ${error.code}: ${stderr.trim().split("\n").slice(0, 8).join("\n")}`));
      else resolve(stdout.trim().split("\n").map((line) => JSON.parse(line) as string));
    });
  });
}

const describeCase = ({ target, keys, value, accessor }: Case) =>
  `${keys.length === 1 ? `key ${keys[0]}` : `${keys.length} keys`} of ${target} ${value ? `holding ${value}` : `as ${accessor}`}`;

// Node 20's ESM loader keeps the modules a module imports in an array, and an accessor on one of its
// indexes breaks the import (or aborts the process) for any package: with statuskit/unofficial's
// two imports, indexes 0 and 1 are left to require.
const BROKEN_FOR_IMPORT = new Set(["0", "1"]);
const runs = (format: Format, cases: Case[]) =>
  format === "require" ? cases : cases.filter((c) => c.accessor === undefined || !BROKEN_FOR_IMPORT.has(c.keys[0]!));

describe.each(FORMATS)("%s of every entry point under prototypes polluted before it loads", (format) => {
  it.concurrent.for(batches)("loads and answers as unpolluted with $name", { timeout: 300_000 }, async (batch, { expect }) => {
    const cases = runs(format, batch.cases);
    const results = await run(format, cases);
    expect(results).toHaveLength(cases.length);
    const failures = results.flatMap((result, i) => (result === "ok" ? [] : [`${describeCase(cases[i]!)}: ${result}`]));
    expect(failures.slice(0, 20), `${failures.length} of ${cases.length} cases fail`).toEqual([]);
  });
});
