// data/*.json → src/codes.ts, src/tables.ts, src/unofficial-table.ts and the codes table in
// data/README.md: the data and the types derived from it. The records' shapes are written by hand
// in src/record.ts and src/unofficial-record.ts. `npm run generate` writes the files; `npm run
// generate -- --check` only reports stale ones.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { constantOf, DEFAULT_DOCUMENT, DEFAULT_STATUS, nameKey as keyOf, specUrl } from "../src/internal";
import type { ClassInfo, LegacyName } from "../src/types";
import type { UnofficialStatus, VendorTable } from "../src/unofficial";

const root = fileURLToPath(new URL("..", import.meta.url));

/** `page` with the text between the markers of section `name` replaced by `body`. */
function replaceSection(page: string, name: string, body: string): string {
  const marked = new RegExp(`(<!-- ${name}:start.*-->\\n)[^]*(<!-- ${name}:end -->)`);
  if (!marked.test(page)) throw new Error(`markers <!-- ${name}:start … --> and <!-- ${name}:end --> not found`);
  return page.replace(marked, (_, start: string, end: string) => `${start}${body}\n${end}`);
}
export const paths = { codes: "data/status-codes.json", classes: "data/classes.json", out: "src/codes.ts", tables: "src/tables.ts", dataReadme: "data/README.md" };
export const UNOFFICIAL = { data: "data/unofficial.json", out: "src/unofficial-table.ts" };
/** The data files each output is made from, for the messages that say what to edit. */
export const SOURCES: Record<string, string[]> = {
  [paths.out]: [paths.codes],
  [paths.tables]: [paths.codes, paths.classes],
  [paths.dataReadme]: [paths.codes],
  [UNOFFICIAL.out]: [UNOFFICIAL.data, paths.codes],
};

const CLASS_NAMES = ["informational", "success", "redirection", "client-error", "server-error"];
const STATUSES = ["standard", "provisional", "deprecated", "obsoleted", "unused"];

export class DataError extends Error {}
function fail(where: string, message: string): never {
  throw new DataError(`${where}: ${message}`);
}
const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const SENTENCE = /^[A-Z].*\.$/;
const HTTPS = /^https:\/\/\S+$/;

/** Fails unless `value` is an object with every field of `required` and no field outside `allowed`. */
// Raw JSON comes in as `any`: checking its shape is the job of the validators.
function shape(where: string, value: any, required: string[], allowed = required): void {
  if (typeof value !== "object" || value === null) fail(where, "not an object");
  for (const field of required) if (!(field in value)) fail(where, `missing field "${field}"`);
  for (const field of Object.keys(value)) if (!allowed.includes(field)) fail(where, `unknown field "${field}"`);
}

/** A record as statuskit gives it (`StatusInfo`), with its fields widened. */
interface Entry {
  code: number;
  phrase: string;
  constant: string;
  class: string;
  description: string;
  status: string;
  expires: string | null;
  spec: { document: string; section: string; url: string };
  aliases: readonly LegacyName[];
}
export interface Data {
  entries: Entry[];
  classes: ClassInfo[];
}

/** Checks the data and returns the records it describes; the first problem throws, naming file and entry. */
export function validate(entries: any, classes: any): Data {
  if (!Array.isArray(classes) || classes.length !== CLASS_NAMES.length) {
    fail(paths.classes, `expected the ${CLASS_NAMES.length} classes ${CLASS_NAMES.join(", ")}`);
  }
  classes.forEach((cls: any, i: number) => {
    const where = `${paths.classes} entry ${i}`;
    if (cls?.name !== CLASS_NAMES[i]) fail(where, `name must be "${CLASS_NAMES[i]}"`);
    if (!isText(cls.title) || !isText(cls.description)) fail(where, "title and description are required");
    const first = (i + 1) * 100;
    if (!Array.isArray(cls.range) || cls.range[0] !== first || cls.range[1] !== first + 99) fail(where, `range must be [${first}, ${first + 99}]`);
  });
  if (!Array.isArray(entries)) fail(paths.codes, "expected an array of entries");

  // Every constant, and every name's key (what codeOf compares), with what claimed it.
  const claimed = new Map<string, { code: number; what: string }>();
  const claim = (key: string, code: number, where: string, what: string) => {
    const owner = claimed.get(key);
    if (owner !== undefined && owner.code !== code) fail(where, `${what} clashes with ${owner.what} of code ${owner.code}`);
    claimed.set(key, { code, what });
  };
  let previous = 0;
  const out = entries.map((entry: any, i: number): Entry => {
    const where = `${paths.codes} entry ${i} (code ${entry?.code})`;
    shape(where, entry, ["code", "phrase", "constant", "description", "spec", "status", "aliases"], ["code", "phrase", "constant", "description", "spec", "status", "expires", "aliases"]);
    const { code, phrase, constant, description, spec, status, expires, aliases } = entry;
    if (!Number.isInteger(code) || code < 100 || code > 599) fail(where, "code must be an integer in 100–599");
    if (code === previous) fail(where, `duplicate code ${code}`);
    if (code < previous) fail(where, `entries must be sorted by code (${code} after ${previous})`);
    previous = code;
    if (!isText(phrase)) fail(where, "phrase must be a non-empty string");
    if (constant !== constantOf(phrase)) fail(where, `constant "${constant}" does not follow from phrase "${phrase}" (expected "${constantOf(phrase)}")`);
    // codeOf finds a constant through its phrase's key, so the two keys must be one.
    if (keyOf(constant) !== keyOf(phrase)) fail(where, `phrase "${phrase}" may only hold letters, digits, spaces, hyphens and apostrophes`);
    // The declarations derive each constant from its phrase (`ConstantOf` in src/record.ts).
    if (phrase.replace(/'/g, "").replace(/[ -]/g, "_").toUpperCase() !== constant) {
      fail(where, `phrase "${phrase}" must not start or end with a space, hyphen or apostrophe, nor repeat one`);
    }
    if (!isText(description) || !SENTENCE.test(description)) fail(where, "description must be one sentence starting with a capital and ending with a full stop");
    if (typeof spec !== "object" || spec === null || !isText(spec.document) || !isText(spec.section)) fail(where, "spec needs document, section and url");
    if (spec.url !== specUrl(spec.document, spec.section)) fail(where, `spec.url must be ${specUrl(spec.document, spec.section)} (see data/README.md)`);
    if (Object.keys(spec).length !== 3) fail(where, "spec has exactly document, section and url");
    if (!STATUSES.includes(status)) fail(where, `status must be one of ${STATUSES.join(", ")}`);
    if ((status === "provisional") !== (expires !== undefined)) fail(where, "expires (YYYY-MM-DD) is required for provisional entries and only for them");
    if (expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) fail(where, "expires must be YYYY-MM-DD");
    if (!Array.isArray(aliases)) fail(where, "aliases must be an array");

    claim(constant, code, where, `constant "${constant}"`);
    claim(`key ${keyOf(phrase)}`, code, where, `phrase "${phrase}"`);
    const legacy = aliases.map((alias: any, j: number): LegacyName => {
      const at = `${where} alias ${j}`;
      shape(at, alias, [], ["phrase", "constant", "source"]);
      if (!isText(alias.source)) fail(at, "source is required");
      if (alias.phrase === undefined && alias.constant === undefined) fail(at, "phrase or constant is required");
      // A class's name or title names the class (`statuskit server error`), so it cannot also name a code.
      for (const name of [alias.phrase, alias.constant]) {
        const cls = classes.find((c: ClassInfo) => typeof name === "string" && [c.title, c.name].some((n) => keyOf(n) === keyOf(name)));
        if (cls !== undefined) fail(at, `alias "${name}" would be ambiguous: it names the ${cls.name} class`);
      }
      if (alias.phrase !== undefined) {
        if (!isText(alias.phrase)) fail(at, "phrase must be a non-empty string");
        if (alias.phrase === phrase) fail(at, `phrase "${alias.phrase}" repeats the current phrase`);
        if (keyOf(constantOf(alias.phrase)) !== keyOf(alias.phrase)) fail(at, `phrase "${alias.phrase}" may only hold letters, digits, spaces, hyphens and apostrophes`);
        if (alias.constant !== undefined && alias.constant !== constantOf(alias.phrase)) {
          fail(at, `constant "${alias.constant}" does not follow from phrase "${alias.phrase}" (expected "${constantOf(alias.phrase)}")`);
        }
        claim(`key ${keyOf(alias.phrase)}`, code, at, `alias "${alias.phrase}"`);
      }
      if (alias.constant !== undefined) {
        if (!isText(alias.constant) || !/^[A-Z][A-Z0-9_]*$/.test(alias.constant)) fail(at, `constant "${alias.constant}" is not SCREAMING_SNAKE_CASE`);
        // A legacy constant is exported as deprecated; the current one must never be.
        if (alias.constant === constant) fail(at, `constant "${alias.constant}" repeats the current constant; leave it out`);
        claim(alias.constant, code, at, `alias constant "${alias.constant}"`);
        claim(`key ${keyOf(alias.constant)}`, code, at, `alias constant "${alias.constant}"`);
      }
      return { phrase: alias.phrase ?? null, constant: alias.constant ?? null, source: alias.source };
    });
    const cls = CLASS_NAMES[Math.floor(code / 100) - 1]!;
    return { code, phrase, constant, class: cls, description, status, expires: expires ?? null, spec, aliases: legacy };
  });
  return { entries: out, classes };
}

type UnofficialEntry = UnofficialStatus;
export interface UnofficialData {
  vendors: VendorTable[number][];
  entries: UnofficialEntry[];
}

/** Checks data/unofficial.json and derives each entry's conflicts; the first problem throws, naming the entry. */
export function validateUnofficial(raw: any, { entries: registry }: Data): UnofficialData {
  const file = UNOFFICIAL.data;
  if (typeof raw !== "object" || raw === null || !Array.isArray(raw.vendors) || !Array.isArray(raw.codes)) fail(file, 'expected { "vendors": [...], "codes": [...] }');
  shape(file, raw, ["vendors", "codes"]);
  const order = new Map<string, number>(); // vendor id → position in `vendors`
  const vendors = raw.vendors.map((vendor: any, i: number) => {
    const where = `${file} vendor ${i} (${vendor?.id})`;
    shape(where, vendor, [], ["id", "name"]);
    if (typeof vendor.id !== "string" || !/^[a-z][a-z0-9-]*$/.test(vendor.id)) fail(where, "id must be lower-case kebab-case");
    if (!isText(vendor.name)) fail(where, "name must be a non-empty string");
    if (order.has(vendor.id)) fail(where, `duplicate vendor id "${vendor.id}"`);
    if (raw.vendors.slice(0, i).some((v: any) => v.name === vendor.name)) fail(where, `duplicate vendor name "${vendor.name}"`);
    order.set(vendor.id, i);
    return { id: vendor.id, name: vendor.name };
  });

  let previous: [number, number] = [0, -1];
  const entries: UnofficialEntry[] = raw.codes.map((entry: any, i: number) => {
    const where = `${file} entry ${i} (${entry?.code} ${entry?.vendor})`;
    shape(where, entry, ["code", "vendor", "phrase", "description", "sent", "url", "retry"]);
    const { code, vendor, phrase, description, sent, url, retry } = entry;
    if (!Number.isInteger(code) || code < 100 || code > 599) fail(where, "code must be an integer in 100–599");
    const position = order.get(vendor);
    if (position === undefined) fail(where, `vendor "${vendor}" is not in the vendors list`);
    if (code === previous[0] && position === previous[1]) fail(where, `duplicate entry for code ${code} and vendor "${vendor}"`);
    if (code < previous[0] || (code === previous[0] && position < previous[1])) fail(where, "entries must be sorted by code, then by the vendors' order in the vendors list");
    previous = [code, position];
    if (phrase !== null && !isText(phrase)) fail(where, "phrase must be a non-empty string, or null where the vendor gives none");
    if (!isText(description) || !SENTENCE.test(description)) fail(where, "description must be one sentence starting with a capital and ending with a full stop");
    if (typeof sent !== "boolean") fail(where, "sent must be true or false");
    if (url !== null && !HTTPS.test(url)) fail(where, "url must be an https:// link, or null where the vendor documents none");
    if (!Array.isArray(retry)) fail(where, "retry must be an array ([] when no widely used client retries the code)");
    retry.forEach((source: any, j: number) => {
      const at = `${where} retry ${j}`;
      shape(at, source, [], ["by", "url"]);
      if (!isText(source.by)) fail(at, "by must name the client or document that retries the code");
      if (!HTTPS.test(source.url)) fail(at, "url must be an https:// link to the source");
    });
    // The registry's codes are retried or not by the core's isRetryable, with its own sources.
    if (retry.length > 0 && registry.some((r) => r.code === code)) fail(where, `retry must be [] for a registered code (${code}): isRetryable in the core decides it`);
    return { code, vendor, phrase, description, sent, url, conflicts: [], retry: retry.map((r: any) => ({ by: r.by, url: r.url })) };
  });
  for (const { id } of vendors) if (!entries.some((e) => e.vendor === id)) fail(file, `vendor "${id}" has no entries`);
  // Derived, never written by hand: the registry's meaning of the code, then the other vendors'.
  const conflicts = (e: UnofficialEntry) => [
    ...registry.filter((r) => r.code === e.code).map((r) => ({ source: "iana" as const, phrase: r.phrase })),
    ...entries.filter((other) => other !== e && other.code === e.code).map((other) => ({ source: other.vendor, phrase: other.phrase })),
  ];
  return { vendors, entries: entries.map((e) => ({ ...e, conflicts: conflicts(e) })) };
}

const q = (value: unknown): string => JSON.stringify(value);
const header = (path: string) =>
  `// Generated by scripts/generate.ts from ${SOURCES[path]!.join(" and ")}. Do not edit: edit ${SOURCES[path]!.join(" or ")} and run \`npm run generate\`.\n`;
/** Trailing items equal to `defaults` (which line up with the end of `items`) left out, as a row or type leaves them. */
function trim(items: string[], defaults: string[], keep: number): string[] {
  const out = [...items];
  while (out.length > keep && out.at(-1) === defaults[defaults.length - (items.length - out.length) - 1]) out.pop();
  return out;
}

function statusNote(e: Entry): string {
  if (e.status === "provisional") return ` Provisional registration, expires ${e.expires}.`;
  if (e.status === "deprecated") return ` Deprecated by ${e.spec.document} §${e.spec.section}.`;
  if (e.status === "obsoleted") return " Obsoleted: the specification that defines it is historic.";
  return e.status === "unused" ? " Reserved and unused: no server should send it." : "";
}

/** src/codes.ts: one constant per code and per legacy constant name. */
function renderCodes({ entries }: Data): string {
  // The description stays out of the declarations (getStatus has it) to keep the package small.
  const current = entries.map((e) => `/** \`${e.code} ${e.phrase}\` (${e.spec.document} §${e.spec.section}).${statusNote(e)} */\nexport const ${e.constant} = ${e.code};`);
  const legacy = entries.flatMap((e) =>
    e.aliases.flatMap((a) =>
      a.constant === null ? [] : [`/** Legacy name of \`${e.code} ${e.phrase}\`${a.phrase ? ` ("${a.phrase}")` : ""}. @deprecated Use {@link ${e.constant}}. */\nexport const ${a.constant} = ${e.code};`],
    ),
  );
  return [header(paths.out), ...current, ...legacy].join("\n");
}

/** src/tables.ts: the records' types and rows, and the tables behind the lookups. */
function renderTables({ entries, classes }: Data): string {
  const defaults = [q(DEFAULT_DOCUMENT), q(DEFAULT_STATUS), "null"];
  const type = (e: Entry) => `  StatusRecord<${trim([e.code, e.phrase, e.spec.section, e.spec.document, e.status, e.expires].map(q), defaults, 3).join(", ")}>,`;
  const aliases = (e: Entry) => `[${e.aliases.map((a) => `[${[a.phrase, a.constant, a.source].map(q).join(", ")}]`).join(", ")}]`;
  const row = (e: Entry) => `  [${trim([q(e.code), q(e.description), q(e.spec.section), aliases(e), q(e.spec.document), q(e.status), q(e.expires)], ["[]", ...defaults], 3).join(", ")}],`;
  // One field per code from 100 to 599, "" where none is registered; phrases hold no "|".
  const phrases = Array.from({ length: 500 }, (_, i) => entries.find((e) => e.code === i + 100)?.phrase ?? "");
  const legacy = entries.flatMap((e) => e.aliases.map((a): [number, string] => [e.code, (a.phrase ?? a.constant)!]));
  const classType = (c: ClassInfo) => `readonly name: ${q(c.name)}; readonly title: ${q(c.title)}; readonly range: readonly [${c.range.join(", ")}]; readonly description: ${q(c.description)}`;
  return `${header(paths.tables)}import type { StatusRecord, StatusRow } from "./record";

/** The type of every registered code's record, sorted by code. */
export type StatusTable = readonly [
${entries.map(type).join("\n")}
];

/** What each record holds that cannot be derived; src/lookup.ts derives the rest. */
export const ROWS: readonly StatusRow[] = [
${entries.map(row).join("\n")}
];

/**
 * The phrase of every code from 100 to 599 at index \`code - 100\`, \`undefined\` where none is
 * registered. Made by \`split\` and \`map\`, which define every index on the array itself.
 */
export const PHRASES: readonly (string | undefined)[] = /* @__PURE__ */ (/* @__PURE__ */ ${q(phrases.join("|"))}.split("|")).map(
  (phrase) => phrase || undefined,
);

/** Legacy phrases and constant names that \`codeOf\` also accepts: \`[code, name]\`. */
export const LEGACY_NAMES: readonly (readonly [number, string])[] = [
${legacy.map(([code, name]) => `  [${code}, ${q(name)}],`).join("\n")}
];

/** The class names, in order of their first digit. */
export const CLASS_NAMES = [${classes.map((c) => q(c.name)).join(", ")}] as const;

/** The type of the five class records, in order of their first digit. */
export type ClassTable = readonly [
${classes.map((c) => `  { ${classType(c)} },`).join("\n")}
];

/** The five classes, in order of their first digit. */
export const CLASSES: ClassTable = [
${classes.map((c) => `  { name: ${q(c.name)}, title: ${q(c.title)}, range: [${c.range.join(", ")}], description: ${q(c.description)} },`).join("\n")}
];

/** The code of each legacy phrase and legacy constant name, for \`CodesByName\`. */
export type CodesByLegacyName = {
${[...new Map(entries.flatMap((e) => e.aliases.flatMap((a) => [a.phrase, a.constant].flatMap((name) => (name ? [[name, e.code]] : [])))))].map(([name, code]) => `  ${q(name)}: ${code};`).join("\n")}
};
`;
}

/** src/unofficial-table.ts: the vendors, the records' types and rows. */
function renderUnofficial({ vendors, entries }: UnofficialData): string {
  const retry = (e: UnofficialEntry) => `[${e.retry.map((r) => `[${q(r.by)}, ${q(r.url)}]`).join(", ")}]`;
  const conflicts = (e: UnofficialEntry) => `[${e.conflicts.map((c) => `[${q(c.source)}, ${q(c.phrase)}]`).join(", ")}]`;
  const row = (e: UnofficialEntry) => `  [${trim([...[e.code, e.vendor, e.phrase, e.description, e.sent, e.url].map(q), conflicts(e), retry(e)], ["[]"], 7).join(", ")}],`;
  // A record's retry sources are typed as a tuple of its length, so that `retry[0]` of a record that has one is a RetrySource.
  const tuple = (e: UnofficialEntry) => (e.retry.length ? [`readonly [${e.retry.map(() => "RetrySource").join(", ")}]`] : []);
  const type = (e: UnofficialEntry) => `  UnofficialRecord<${[...[e.code, e.vendor, e.phrase, e.sent].map(q), ...tuple(e)].join(", ")}>,`;
  const retryable = [...new Set(entries.filter((e) => e.retry.length > 0).map((e) => e.code))];
  return `${header(UNOFFICIAL.out)}import type { RetrySource, UnofficialRecord, UnofficialRow } from "./unofficial-record";

/** The type of the vendor list, in the order of data/unofficial.json: \`id\` names a vendor in records, \`name\` in formatted lines. */
export type VendorTable = readonly [
${vendors.map((v) => `  { readonly id: ${q(v.id)}; readonly name: ${q(v.name)} },`).join("\n")}
];

/** The vendors, in the order of data/unofficial.json. */
export const VENDOR_LIST: VendorTable = [
${vendors.map((v) => `  { id: ${q(v.id)}, name: ${q(v.name)} },`).join("\n")}
];

/** The type of every unofficial record, sorted by code, then vendor. */
export type UnofficialTable = readonly [
${entries.map(type).join("\n")}
];

/** Every record, sorted by code then vendor. */
export const UNOFFICIAL_ROWS: readonly UnofficialRow[] = [
${entries.map(row).join("\n")}
];

/** The codes of the records whose \`retry\` is not empty. */
export type VendorRetryableCode = ${retryable.join(" | ")};

/** The same codes, in code order, for \`isRetryableWithVendors\`. */
export const RETRYABLE_UNOFFICIAL: readonly VendorRetryableCode[] = [${retryable.join(", ")}];
`;
}

/** data/README.md's table of the codes: constant, spec link and lifecycle of each. */
function renderTable({ entries }: Data): string {
  const lifecycle = (e: Entry) => (e.status === "provisional" ? `provisional, expires ${e.expires}` : e.status === "standard" ? "" : e.status);
  const rows = entries.map((e) => `| ${e.code} | ${e.phrase} | \`${e.constant}\` | [${e.spec.document} §${e.spec.section}](${e.spec.url}) | ${lifecycle(e)} |`);
  return ["| Code | Phrase | Constant | Spec | Lifecycle |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

const read = (path: string): string => readFileSync(new URL(path, pathToFileURL(root)), "utf8");
function readJson(path: string): unknown {
  try {
    return JSON.parse(read(path));
  } catch (error) {
    throw new DataError(`cannot read ${path}: ${error instanceof Error ? error.message : error}`);
  }
}

/** Reads data/, validates it and returns every output file with its expected content. */
export function build(): Record<string, string> {
  const data = validate(readJson(paths.codes), readJson(paths.classes));
  return {
    [paths.out]: renderCodes(data),
    [paths.tables]: renderTables(data),
    [paths.dataReadme]: replaceSection(read(paths.dataReadme), "codes", renderTable(data)),
    [UNOFFICIAL.out]: renderUnofficial(validateUnofficial(readJson(UNOFFICIAL.data), data)),
  };
}

/** What to do about a stale output: which files to edit, and the command. */
export function staleness(path: string): string {
  const what = path === paths.dataReadme ? `${path}'s table of the codes` : path;
  return `${what} is generated from ${SOURCES[path]!.join(" and ")}: edit ${SOURCES[path]!.length > 1 ? "those" : "that"}, never ${what}, then run \`npm run generate\``;
}

function main() {
  const check = process.argv.includes("--check");
  let outputs;
  try {
    outputs = build();
  } catch (error) {
    // Bad data or missing README markers: one line that names the place, no stack trace.
    console.error(`generate: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const stale = Object.keys(outputs).filter((path) => {
    try {
      return read(path) !== outputs[path];
    } catch {
      return true;
    }
  });
  if (check && stale.length) {
    for (const path of stale) console.error(`generate: stale: ${staleness(path)}.`);
    process.exit(1);
  }
  for (const path of stale) writeFileSync(new URL(path, pathToFileURL(root)), outputs[path]!);
  console.log(stale.length ? `generate: wrote ${stale.join(", ")}` : "generate: up to date");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
