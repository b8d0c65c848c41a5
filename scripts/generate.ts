// data/*.json → src/codes.ts, src/tables.ts, src/unofficial-table.ts and the codes table in
// data/README.md. Run with `npm run generate`; `npm run generate -- --check` only reports staleness.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { constantOf, nameKey as keyOf, specUrl } from "../src/internal";

const root = fileURLToPath(new URL("..", import.meta.url));

/** `page` with the text between the markers of section `name` replaced by `body`. */
function replaceSection(page: string, name: string, body: string): string {
  const marked = new RegExp(`(<!-- ${name}:start.*-->\\n)[^]*(<!-- ${name}:end -->)`);
  if (!marked.test(page)) throw new Error(`markers <!-- ${name}:start … --> and <!-- ${name}:end --> not found`);
  return page.replace(marked, (_, start: string, end: string) => `${start}${body}\n${end}`);
}

export const paths = {
  codes: "data/status-codes.json",
  classes: "data/classes.json",
  out: "src/codes.ts",
  tables: "src/tables.ts",
  dataReadme: "data/README.md",
};

const STATUSES = ["standard", "provisional", "deprecated", "obsoleted", "unused"];
const CLASS_NAMES = ["informational", "success", "redirection", "client-error", "server-error"];
const ENTRY_FIELDS = ["code", "phrase", "constant", "description", "spec", "status", "expires", "aliases"];
const REQUIRED = ["code", "phrase", "constant", "description", "spec", "status", "aliases"];

export class DataError extends Error {}

interface Alias {
  phrase: string | null;
  constant: string | null;
  source: string;
}
interface Entry {
  code: number;
  phrase: string;
  constant: string;
  class: string;
  description: string;
  status: string;
  expires: string | null;
  spec: { document: string; section: string; url: string };
  aliases: Alias[];
}
interface ClassEntry {
  name: string;
  title: string;
  range: [number, number];
  description: string;
}
export interface Data {
  entries: Entry[];
  classes: ClassEntry[];
}

function fail(where: string, message: string): never {
  throw new DataError(`${where}: ${message}`);
}

function isString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/**
 * Checks the data and returns it with each entry's class added.
 * Throws an error naming the file and the entry for the first problem found.
 */
// Raw JSON comes in as `any`: checking its shape is this function's job.
export function validate(entries: any, classes: any): Data {
  if (!Array.isArray(classes) || classes.length !== CLASS_NAMES.length) {
    fail(paths.classes, `expected the ${CLASS_NAMES.length} classes ${CLASS_NAMES.join(", ")}`);
  }
  classes.forEach((cls: any, i: number) => {
    const where = `${paths.classes} entry ${i}`;
    const first = (i + 1) * 100;
    if (cls?.name !== CLASS_NAMES[i]) fail(where, `name must be "${CLASS_NAMES[i]}"`);
    if (!isString(cls.title) || !isString(cls.description)) fail(where, "title and description are required");
    if (!Array.isArray(cls.range) || cls.range[0] !== first || cls.range[1] !== first + 99) {
      fail(where, `range must be [${first}, ${first + 99}]`);
    }
  });
  if (!Array.isArray(entries)) fail(paths.codes, "expected an array of entries");

  // Every name a code answers to, with what claimed it, so a clash names both sides.
  const constants = new Map<string, { code: number; what: string }>();
  const keys = new Map<string, { code: number; what: string }>();
  const claim = (map: typeof keys, key: string, code: number, where: string, what: string) => {
    const owner = map.get(key);
    if (owner !== undefined && owner.code !== code) fail(where, `${what} clashes with ${owner.what} of code ${owner.code}`);
    map.set(key, { code, what });
  };
  let previous = 0;
  const out: Entry[] = entries.map((entry: any, i: number): Entry => {
    const where = `${paths.codes} entry ${i} (code ${entry?.code})`;
    if (typeof entry !== "object" || entry === null) fail(where, "not an object");
    for (const field of REQUIRED) if (!(field in entry)) fail(where, `missing field "${field}"`);
    for (const field of Object.keys(entry)) {
      if (!ENTRY_FIELDS.includes(field)) fail(where, `unknown field "${field}"`);
    }
    const { code, phrase, constant, description, spec, status, expires, aliases } = entry;
    if (!Number.isInteger(code) || code < 100 || code > 599) fail(where, "code must be an integer in 100–599");
    if (code === previous) fail(where, `duplicate code ${code}`);
    if (code < previous) fail(where, `entries must be sorted by code (${code} after ${previous})`);
    previous = code;
    if (!isString(phrase)) fail(where, "phrase must be a non-empty string");
    if (constant !== constantOf(phrase)) {
      fail(where, `constant "${constant}" does not follow from phrase "${phrase}" (expected "${constantOf(phrase)}")`);
    }
    // codeOf finds a constant through its phrase's key, so the two keys must be one.
    if (keyOf(constant) !== keyOf(phrase)) fail(where, `phrase "${phrase}" may only hold letters, digits, spaces, hyphens and apostrophes`);
    // The declarations derive each constant from its phrase a character at a time (`ConstantOf`).
    if ([...phrase].map((c) => (c === " " || c === "-" ? "_" : c === "'" ? "" : c.toUpperCase())).join("") !== constantOf(phrase)) {
      fail(where, `phrase "${phrase}" must not start or end with a space, hyphen or apostrophe, nor repeat one`);
    }
    if (!isString(description) || !/^[A-Z].*\.$/.test(description)) {
      fail(where, "description must be one sentence starting with a capital and ending with a full stop");
    }
    if (typeof spec !== "object" || spec === null || !isString(spec.document) || !isString(spec.section)) {
      fail(where, "spec needs document, section and url");
    }
    if (spec.url !== specUrl(spec.document, spec.section)) {
      fail(where, `spec.url must be ${specUrl(spec.document, spec.section)} (see data/README.md)`);
    }
    if (Object.keys(spec).length !== 3) fail(where, "spec has exactly document, section and url");
    if (!STATUSES.includes(status)) fail(where, `status must be one of ${STATUSES.join(", ")}`);
    if ((status === "provisional") !== (expires !== undefined)) {
      fail(where, "expires (YYYY-MM-DD) is required for provisional entries and only for them");
    }
    if (expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) fail(where, "expires must be YYYY-MM-DD");
    if (!Array.isArray(aliases)) fail(where, "aliases must be an array");

    claim(constants, constant, code, where, `constant "${constant}"`);
    claim(keys, keyOf(phrase), code, where, `phrase "${phrase}"`);
    const legacy = aliases.map((alias: any, j: number): Alias => {
      const at = `${where} alias ${j}`;
      if (typeof alias !== "object" || alias === null) fail(at, "not an object");
      for (const field of Object.keys(alias)) {
        if (!["phrase", "constant", "source"].includes(field)) fail(at, `unknown field "${field}"`);
      }
      if (!isString(alias.source)) fail(at, "source is required");
      if (alias.phrase === undefined && alias.constant === undefined) fail(at, "phrase or constant is required");
      // A class's name or title names the class (`statuskit server error`), so it cannot also name a code.
      for (const name of [alias.phrase, alias.constant]) {
        const cls = classes.find((c: ClassEntry) => typeof name === "string" && [c.title, c.name].some((n) => keyOf(n) === keyOf(name)));
        if (cls !== undefined) fail(at, `alias "${name}" would be ambiguous: it names the ${cls.name} class`);
      }
      if (alias.phrase !== undefined) {
        if (!isString(alias.phrase)) fail(at, "phrase must be a non-empty string");
        if (alias.phrase === phrase) fail(at, `phrase "${alias.phrase}" repeats the current phrase`);
        if (keyOf(constantOf(alias.phrase)) !== keyOf(alias.phrase)) {
          fail(at, `phrase "${alias.phrase}" may only hold letters, digits, spaces, hyphens and apostrophes`);
        }
        if (alias.constant !== undefined && alias.constant !== constantOf(alias.phrase)) {
          fail(at, `constant "${alias.constant}" does not follow from phrase "${alias.phrase}" (expected "${constantOf(alias.phrase)}")`);
        }
        claim(keys, keyOf(alias.phrase), code, at, `alias "${alias.phrase}"`);
      }
      if (alias.constant !== undefined) {
        if (!isString(alias.constant) || !/^[A-Z][A-Z0-9_]*$/.test(alias.constant)) {
          fail(at, `constant "${alias.constant}" is not SCREAMING_SNAKE_CASE`);
        }
        // A legacy constant is exported as deprecated; the current one must never be.
        if (alias.constant === constant) fail(at, `constant "${alias.constant}" repeats the current constant; leave it out`);
        claim(constants, alias.constant, code, at, `alias constant "${alias.constant}"`);
        claim(keys, keyOf(alias.constant), code, at, `alias constant "${alias.constant}"`);
      }
      return { phrase: alias.phrase ?? null, constant: alias.constant ?? null, source: alias.source };
    });
    const cls = CLASS_NAMES[Math.floor(code / 100) - 1]!;
    return { code, phrase, constant, class: cls, description, status, expires: expires ?? null, spec, aliases: legacy };
  });
  return { entries: out, classes };
}

const q = (value: unknown): string => JSON.stringify(value);

function statusNote(e: Entry): string {
  if (e.status === "provisional") return `Provisional registration, expires ${e.expires}.`;
  if (e.status === "deprecated") return `Deprecated by ${e.spec.document} §${e.spec.section}.`;
  if (e.status === "obsoleted") return "Obsoleted: the specification that defines it is historic.";
  if (e.status === "unused") return "Reserved and unused: no server should send it.";
  return "";
}

// Trailing fields equal to their defaults are left out, as in the `StatusRecord` type.
function row(e: Entry): string {
  const aliases = `[${e.aliases.map((a) => `[${q(a.phrase)}, ${q(a.constant)}, ${q(a.source)}]`).join(", ")}]`;
  const fields = [q(e.code), q(e.description), q(e.spec.section), aliases, q(e.spec.document), q(e.status), q(e.expires)];
  const defaults = ["[]", ...ROW_DEFAULTS.map(q)];
  while (fields.length > 3 && fields[fields.length - 1] === defaults[fields.length - 4]) fields.pop();
  return `  [${fields.join(", ")}],`;
}

// The table's type is written out once with a generic row type, so that the declaration files
// stay about as small as the data instead of repeating every field name per code.
// Trailing arguments that equal the defaults of `StatusRecord` are left out.
const ROW_DEFAULTS = ["RFC 9110", "standard", null];

function recordType(e: Entry): string {
  const args: unknown[] = [e.code, e.phrase, e.spec.section, e.spec.document, e.status, e.expires];
  while (args.length > 3 && args[args.length - 1] === ROW_DEFAULTS[args.length - 4]) args.pop();
  return `  StatusRecord<${args.map(q).join(", ")}>,`;
}

const header = `// Generated by scripts/generate.ts from ${paths.codes} and ${paths.classes}. Do not edit: edit data/*.json and run \`npm run generate\`.`;

/** src/codes.ts for validated data: one constant per code and per legacy constant name. */
function renderCodes({ entries }: Data): string {
  const out = [header, ""];
  for (const e of entries) {
    const note = statusNote(e);
    out.push(
      // The description stays out of the declarations (getStatus has it) to keep the package small.
      `/** \`${e.code} ${e.phrase}\` (${e.spec.document} §${e.spec.section}).${note ? ` ${note}` : ""} */`,
      `export const ${e.constant} = ${e.code};`,
    );
  }
  for (const e of entries) {
    for (const a of e.aliases) {
      if (a.constant === null) continue;
      out.push(
        `/** Legacy name of \`${e.code} ${e.phrase}\`${a.phrase ? ` ("${a.phrase}")` : ""}. @deprecated Use {@link ${e.constant}}. */`,
        `export const ${a.constant} = ${e.code};`,
      );
    }
  }
  return out.join("\n");
}

/** src/tables.ts for validated data: the records and lookup tables behind the helpers. */
function renderTables({ entries, classes }: Data): string {
  const out = [header, ""];
  // One field per code from 100 to 599, "" where none is registered. Validation keeps "|" out of
  // phrases (they hold only letters, digits, spaces, hyphens and apostrophes).
  const phrases = Array.from({ length: 500 }, (_, i) => entries.find((e) => e.code === i + 100)?.phrase ?? "");
  const legacyNames = entries.flatMap((e) =>
    e.aliases.map((a): [number, string] => [e.code, (a.phrase ?? a.constant)!]),
  );
  const legacy = legacyNames.map(([code, name]) => `[${code}, ${q(name)}]`);
  out.push(
    "/** A legacy name of a code, and where it is still in use: an entry of `StatusInfo[\"aliases\"]`. */",
    "export interface LegacyName {",
    "  /** The legacy phrase (\"Payload Too Large\"), or `null` for a constant name that no phrase gives. */",
    "  readonly phrase: string | null;",
    "  /** The deprecated constant statuskit exports under this name (`PAYLOAD_TOO_LARGE`), or `null` for a name that only `codeOf` accepts. */",
    "  readonly constant: string | null;",
    "  /** Where the name comes from and where it is still in use. */",
    "  readonly source: string;",
    "}",
    "",
    "/**",
    " * The link to a section of a specification: the RFC Editor's page for an RFC, else the IETF",
    " * datatracker's. `SpecUrl<\"RFC 9110\", \"15.5.5\">` is",
    " * `\"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5\"`.",
    " */",
    "export type SpecUrl<Document extends string, Section extends string> = Document extends `RFC ${infer N}`",
    "  ? `https://www.rfc-editor.org/rfc/rfc${N}#section-${Section}`",
    "  : `https://datatracker.ietf.org/doc/html/${Document}#section-${Section}`;",
    "",
    "/** What a record has when its row leaves the document, the status or the expiry out. */",
    `export const DEFAULT_DOCUMENT = ${q(ROW_DEFAULTS[0])};`,
    `export const DEFAULT_STATUS = ${q(ROW_DEFAULTS[1])};`,
    "",
    "/**",
    " * The constant name of a phrase: upper case, each space or hyphen `_`, apostrophes dropped",
    " * (`ConstantOf<\"I'm a teapot\">` is `\"IM_A_TEAPOT\"`).",
    " */",
    "export type ConstantOf<Phrase extends string> = Phrase extends `${infer C}${infer Rest}`",
    "  ? `${C extends \" \" | \"-\" ? \"_\" : C extends \"'\" ? \"\" : Uppercase<C>}${ConstantOf<Rest>}`",
    "  : \"\";",
    "",
    "/**",
    " * The shape of every registry record, with its literal values as type arguments (trailing ones",
    " * left out where they are the defaults). Write `StatusInfo<404>` for the record of a code.",
    " */",
    "export interface StatusRecord<",
    "  Code extends number,",
    "  Phrase extends string,",
    "  Section extends string,",
    `  Document extends string = ${q(ROW_DEFAULTS[0])},`,
    `  Status extends string = ${q(ROW_DEFAULTS[1])},`,
    "  Expires extends string | null = null,",
    "> {",
    "  /** The status code. */",
    "  readonly code: Code;",
    "  /** The registry's reason phrase (RFC 9110's names: \"Content Too Large\"). */",
    "  readonly phrase: Phrase;",
    "  /** The name of the constant statuskit exports for the code (`CONTENT_TOO_LARGE`). */",
    "  readonly constant: ConstantOf<Phrase>;",
    "  /** The class, by the first digit (RFC 9110 §15). */",
    `  readonly class: ${classes.map((c, i) => (i < classes.length - 1 ? `\`\${Code}\` extends \`${c.range[0] / 100}\${string}\` ? ${q(c.name)} : ` : q(c.name))).join("")};`,
    "  /** One plain-English sentence. */",
    "  readonly description: string;",
    "  /** The lifecycle: `standard`, `provisional`, `deprecated`, `obsoleted` or `unused`. */",
    "  readonly status: Status;",
    "  /** The date (`YYYY-MM-DD`) a provisional registration expires; `null` for the others. */",
    "  readonly expires: Expires;",
    "  /** The defining document, its section, and the link to that section. */",
    "  readonly spec: { readonly document: Document; readonly section: Section; readonly url: SpecUrl<Document, Section> };",
    "  /** Legacy names of the code, which `codeOf` accepts and which are deprecated constants. */",
    "  readonly aliases: readonly LegacyName[];",
    "}",
    "",
    "/** The type of every registered code's record, sorted by code. */",
    `export type StatusTable = readonly [\n${entries.map(recordType).join("\n")}\n];`,
    "",
    "/**",
    " * The facts behind each record that cannot be derived: phrase, constant, class and link are",
    " * derived from the code, `PHRASES` and the document (see src/lookup.ts).",
    " */",
    "export const ROWS: readonly (readonly [",
    "  code: number,",
    "  description: string,",
    "  section: string,",
    "  aliases?: readonly (readonly [phrase: string | null, constant: string | null, source: string])[],",
    "  document?: string,",
    "  status?: string,",
    "  expires?: string | null,",
    "])[] = [",
    ...entries.map(row),
    "];",
    "",
    "/**",
    " * The phrase of every code from 100 to 599 at index `code - 100`, `undefined` where none is",
    " * registered. The array is dense, so no read of it ever reaches `Array.prototype`.",
    " */",
    `export const PHRASES: readonly (string | undefined)[] = /* @__PURE__ */ (/* @__PURE__ */ ${q(phrases.join("|"))}.split("|")).map(`,
    "  (phrase) => phrase || undefined,",
    ");",
    "",
    "/** Legacy phrases and constant names that `codeOf` also accepts: `[code, name]`. */",
    `export const LEGACY_NAMES: readonly (readonly [number, string])[] = [${legacy.map((l) => `\n  ${l},`).join("")}\n];`,
    "",
    "/** The class names, in order of their first digit. */",
    `export const CLASS_NAMES = [${classes.map((c) => q(c.name)).join(", ")}] as const;`,
    "",
    "/** The type of the five class records, in order of their first digit. */",
    "export type ClassTable = readonly [",
    ...classes.map(
      (c) =>
        `  { readonly name: ${q(c.name)}; readonly title: ${q(c.title)}; readonly range: readonly [${c.range[0]}, ${c.range[1]}]; readonly description: ${q(c.description)} },`,
    ),
    "];",
    "",
    "/** The five classes, in order of their first digit. */",
    "export const CLASSES: ClassTable = [",
    ...classes.map(
      (c) =>
        `  { name: ${q(c.name)}, title: ${q(c.title)}, range: [${c.range[0]}, ${c.range[1]}], description: ${q(c.description)} },`,
    ),
    "];",
    "",
    ...renderNameKeys(entries, legacyNames),
  );
  return out.join("\n");
}

// Types only, so no bundle grows: `CodeOf<Name>` in src/types.ts reads them.

/** Every UTF-16 code unit that `nameKey` removes, escaped: what the type-level `NameKey` strips. */
function ignoredUnits(): string[] {
  const units: string[] = [];
  for (let unit = 0; unit <= 0xffff; unit++) {
    if (keyOf(String.fromCharCode(unit)) !== "") continue;
    units.push(unit >= 0x20 && unit < 0x7f ? q(String.fromCharCode(unit)) : `"\\u${unit.toString(16).padStart(4, "0")}"`);
  }
  return units;
}

/** The name-key types: every key `codeOf` finds (a phrase's, a legacy name's), with its code. */
function renderNameKeys(entries: Entry[], legacy: [code: number, name: string][]): string[] {
  const keys = new Map<string, number>();
  for (const [code, name] of [...entries.map((e): [number, string] => [e.code, e.phrase]), ...legacy]) {
    if (!keys.has(keyOf(name))) keys.set(keyOf(name), code);
  }
  return [
    "/** The characters `codeOf` ignores in a name (src/internal.ts `nameKey`), found by trying every UTF-16 code unit. */",
    `export type IgnoredCharacter = ${ignoredUnits().join(" | ")};`,
    "",
    "/** The code of every name `codeOf` accepts, by the name's key (`NameKey`): phrases, legacy phrases and constant names. */",
    "export type CodesByNameKey = {",
    ...[...keys].map(([key, code]) => `  ${q(key)}: ${code};`),
    "};",
    "",
  ];
}

/** data/README.md's table of the codes: constant, spec link and lifecycle of each. */
function renderTable({ entries }: Data): string {
  const rows = entries.map((e) => `| ${e.code} | ${e.phrase} | \`${e.constant}\` | [${e.spec.document} §${e.spec.section}](${e.spec.url}) | ${lifecycle(e)} |`);
  return ["| Code | Phrase | Constant | Spec | Lifecycle |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

function lifecycle(e: Entry): string {
  return e.status === "provisional" ? `provisional, expires ${e.expires}` : e.status === "standard" ? "" : e.status;
}


const read = (path: string): string => readFileSync(new URL(path, pathToFileURL(root)), "utf8");

// ---- Unofficial codes: data/unofficial.json → src/unofficial-table.ts (the `statuskit/unofficial` entry).

export const UNOFFICIAL = { data: "data/unofficial.json", out: "src/unofficial-table.ts" };
const UNOFFICIAL_FIELDS = ["code", "vendor", "phrase", "description", "sent", "url", "retry"];

interface Vendor {
  id: string;
  name: string;
}
interface UnofficialEntry {
  code: number;
  vendor: string;
  phrase: string | null;
  description: string;
  sent: boolean;
  url: string | null;
  /** Who retries the code by default, or tells clients to: `{ by, url }`. */
  retry: { by: string; url: string }[];
  /** Derived, never written by hand: the registry's meaning of the code, then the other vendors'. */
  conflicts: [source: string, phrase: string | null][];
}
export interface UnofficialData {
  vendors: Vendor[];
  entries: UnofficialEntry[];
}

/**
 * Checks data/unofficial.json and adds each entry's conflicts: the registry's phrase for the same
 * code, then the other entries'.
 * Throws an error naming the file and the entry for the first problem found.
 */
// Raw JSON comes in as `any`: checking its shape is this function's job.
export function validateUnofficial(raw: any, { entries: registry }: Data): UnofficialData {
  const file = UNOFFICIAL.data;
  if (typeof raw !== "object" || raw === null || !Array.isArray(raw.vendors) || !Array.isArray(raw.codes)) {
    fail(file, 'expected { "vendors": [...], "codes": [...] }');
  }
  for (const key of Object.keys(raw)) if (key !== "vendors" && key !== "codes") fail(file, `unknown field "${key}"`);
  const order = new Map<string, number>(); // vendor id → position in `vendors`
  const names = new Set<string>();
  const vendors: Vendor[] = raw.vendors.map((vendor: any, i: number): Vendor => {
    const where = `${file} vendor ${i} (${vendor?.id})`;
    if (typeof vendor !== "object" || vendor === null) fail(where, "not an object");
    for (const key of Object.keys(vendor)) if (key !== "id" && key !== "name") fail(where, `unknown field "${key}"`);
    if (typeof vendor.id !== "string" || !/^[a-z][a-z0-9-]*$/.test(vendor.id)) fail(where, "id must be lower-case kebab-case");
    if (!isString(vendor.name)) fail(where, "name must be a non-empty string");
    if (order.has(vendor.id)) fail(where, `duplicate vendor id "${vendor.id}"`);
    if (names.has(vendor.name)) fail(where, `duplicate vendor name "${vendor.name}"`);
    order.set(vendor.id, i);
    names.add(vendor.name);
    return { id: vendor.id, name: vendor.name };
  });

  const seen = new Set<string>();
  let previous: [number, number] = [0, -1];
  const entries: UnofficialEntry[] = raw.codes.map((entry: any, i: number): UnofficialEntry => {
    const where = `${file} entry ${i} (${entry?.code} ${entry?.vendor})`;
    if (typeof entry !== "object" || entry === null) fail(where, "not an object");
    for (const field of UNOFFICIAL_FIELDS) if (!(field in entry)) fail(where, `missing field "${field}"`);
    for (const field of Object.keys(entry)) {
      if (!UNOFFICIAL_FIELDS.includes(field)) fail(where, `unknown field "${field}"`);
    }
    const { code, vendor, phrase, description, sent, url, retry } = entry;
    if (!Number.isInteger(code) || code < 100 || code > 599) fail(where, "code must be an integer in 100–599");
    const position = order.get(vendor);
    if (position === undefined) fail(where, `vendor "${vendor}" is not in the vendors list`);
    if (seen.has(`${code} ${vendor}`)) fail(where, `duplicate entry for code ${code} and vendor "${vendor}"`);
    seen.add(`${code} ${vendor}`);
    if (code < previous[0] || (code === previous[0] && position < previous[1])) {
      fail(where, "entries must be sorted by code, then by the vendors' order in the vendors list");
    }
    previous = [code, position];
    if (phrase !== null && !isString(phrase)) fail(where, "phrase must be a non-empty string, or null where the vendor gives none");
    if (!isString(description) || !/^[A-Z].*\.$/.test(description)) {
      fail(where, "description must be one sentence starting with a capital and ending with a full stop");
    }
    if (typeof sent !== "boolean") fail(where, "sent must be true or false");
    if (url !== null && (typeof url !== "string" || !/^https:\/\/\S+$/.test(url))) {
      fail(where, "url must be an https:// link, or null where the vendor documents none");
    }
    if (!Array.isArray(retry)) fail(where, "retry must be an array ([] when no widely used client retries the code)");
    retry.forEach((source: any, j: number) => {
      const at = `${where} retry ${j}`;
      if (typeof source !== "object" || source === null) fail(at, "not an object");
      for (const key of Object.keys(source)) if (key !== "by" && key !== "url") fail(at, `unknown field "${key}"`);
      if (!isString(source.by)) fail(at, "by must name the client or document that retries the code");
      if (typeof source.url !== "string" || !/^https:\/\/\S+$/.test(source.url)) fail(at, "url must be an https:// link to the source");
    });
    // The registry's codes are retried or not by the core's isRetryable, with its own sources.
    if (retry.length > 0 && registry.some((r) => r.code === code)) {
      fail(where, `retry must be [] for a registered code (${code}): isRetryable in the core decides it`);
    }
    return { code, vendor, phrase, description, sent, url, retry: retry.map((r: any) => ({ by: r.by, url: r.url })), conflicts: [] };
  });
  for (const { id } of vendors) {
    if (!entries.some((e) => e.vendor === id)) fail(file, `vendor "${id}" has no entries`);
  }
  for (const e of entries) {
    const registered = registry.find((r) => r.code === e.code);
    if (registered) e.conflicts.push(["iana", registered.phrase]);
    for (const other of entries) if (other !== e && other.code === e.code) e.conflicts.push([other.vendor, other.phrase]);
  }
  return { vendors, entries };
}

/** src/unofficial-table.ts for validated unofficial data. */
function renderUnofficial({ vendors, entries }: UnofficialData): string {
  // An empty retry list is left out, as it is the default.
  const row = (e: UnofficialEntry) =>
    `  [${[e.code, e.vendor, e.phrase, e.description, e.sent, e.url].map(q).join(", ")}, [${e.conflicts.map((c) => `[${c.map(q).join(", ")}]`).join(", ")}]${e.retry.length ? `, [${e.retry.map((r) => `[${q(r.by)}, ${q(r.url)}]`).join(", ")}]` : ""}],`;
  const retryable = [...new Set(entries.filter((e) => e.retry.length > 0).map((e) => e.code))];
  return [
    `// Generated by scripts/generate.ts from ${UNOFFICIAL.data} and ${paths.codes}. Do not edit: edit ${UNOFFICIAL.data} and run \`npm run generate\`.`,
    "",
    "/** The type of the vendor list, in the order of data/unofficial.json: `id` names a vendor in records, `name` in formatted lines. */",
    "export type VendorTable = readonly [",
    ...vendors.map((v) => `  { readonly id: ${q(v.id)}; readonly name: ${q(v.name)} },`),
    "];",
    "",
    "/** The vendors, in the order of data/unofficial.json. */",
    "export const VENDOR_LIST: VendorTable = [",
    ...vendors.map((v) => `  { id: ${q(v.id)}, name: ${q(v.name)} },`),
    "];",
    "",
    "/** The id of a vendor whose codes statuskit/unofficial knows. */",
    "export type Vendor = VendorTable[number][\"id\"];",
    "",
    "/** Another meaning of the same number: the IANA registry's (`source: \"iana\"`) or another vendor's. */",
    "export interface UnofficialConflict {",
    "  /** Whose meaning it is: `\"iana\"` for the registry, else a vendor id. */",
    "  readonly source: Vendor | \"iana\";",
    "  /** The other meaning's phrase, or `null` where that vendor gives none. */",
    "  readonly phrase: string | null;",
    "}",
    "",
    "/** A client that retries a code by default, or a document that tells clients to, and the link that says so. */",
    "export interface RetrySource {",
    "  /** The client or document. */",
    "  readonly by: string;",
    "  /** The link that says so. */",
    "  readonly url: string;",
    "}",
    "",
    "/**",
    " * The shape of every unofficial record, with its literal values as type arguments. Write",
    " * `UnofficialStatus<499, \"nginx\">` for the record of a code at a vendor.",
    " */",
    "export interface UnofficialRecord<Code extends number, V extends Vendor, Phrase extends string | null, Sent extends boolean> {",
    "  /** The status code. */",
    "  readonly code: Code;",
    "  /** The vendor that gives the code this meaning. */",
    "  readonly vendor: V;",
    "  /** The vendor's own name for the code, or `null` where the vendor gives none. */",
    "  readonly phrase: Phrase;",
    "  /** One plain-English sentence. */",
    "  readonly description: string;",
    "  /** Whether the code ever reaches a client; `false` for codes that only appear in the vendor's logs. */",
    "  readonly sent: Sent;",
    "  /** The vendor's page or source that defines the code, or `null` where it publishes none. */",
    "  readonly url: string | null;",
    "  /** The other meanings of the same number, the registry's first. */",
    "  readonly conflicts: readonly UnofficialConflict[];",
    "  /** Who retries the code by default, with the link that says so; empty where no widely used client does. */",
    "  readonly retry: readonly RetrySource[];",
    "}",
    "",
    "/** The type of every unofficial record, sorted by code, then vendor. */",
    `export type UnofficialTable = readonly [\n${entries.map((e) => `  UnofficialRecord<${[e.code, e.vendor, e.phrase, e.sent].map(q).join(", ")}>,`).join("\n")}\n];`,
    "",
    "/** Every record, sorted by code then vendor; `conflicts` are `[source, phrase]` pairs. */",
    "export const UNOFFICIAL_ROWS: readonly (readonly [",
    "  code: number,",
    "  vendor: Vendor,",
    "  phrase: string | null,",
    "  description: string,",
    "  sent: boolean,",
    "  url: string | null,",
    "  conflicts: readonly (readonly [source: Vendor | \"iana\", phrase: string | null])[],",
    "  retry?: readonly (readonly [by: string, url: string])[],",
    "])[] = [",
    ...entries.map(row),
    "];",
    "",
    "/** The codes of the records whose `retry` is not empty. */",
    `export type VendorRetryableCode = ${retryable.join(" | ")};`,
    "",
    "/** The same codes, in code order, for `isRetryableWithVendors`. */",
    `export const RETRYABLE_UNOFFICIAL: readonly VendorRetryableCode[] = [${retryable.join(", ")}];`,
    "",
  ].join("\n");
}

/** Reads, checks and renders the unofficial codes; `registry` is the validated status-codes data. */
function buildUnofficial(registry: Data): string {
  let raw;
  try {
    raw = JSON.parse(read(UNOFFICIAL.data));
  } catch (error) {
    throw new DataError(`cannot read ${UNOFFICIAL.data}: ${error instanceof Error ? error.message : error}`);
  }
  return renderUnofficial(validateUnofficial(raw, registry));
}

/** Reads data/, validates it and returns every output file with its expected content. */
export function build(): Record<string, string> {
  let codes;
  let classes;
  try {
    codes = JSON.parse(read(paths.codes));
    classes = JSON.parse(read(paths.classes));
  } catch (error) {
    throw new DataError(`cannot read data: ${error instanceof Error ? error.message : error}`);
  }
  const data = validate(codes, classes);
  return {
    [paths.out]: renderCodes(data),
    [paths.tables]: renderTables(data),
    [paths.dataReadme]: replaceSection(read(paths.dataReadme), "codes", renderTable(data)),
    [UNOFFICIAL.out]: buildUnofficial(data),
  };
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
  const stale: string[] = [];
  for (const [path, content] of Object.entries(outputs)) {
    let current: string | null = null;
    try {
      current = read(path);
    } catch {}
    if (current === content) continue;
    stale.push(path);
    if (!check) writeFileSync(new URL(path, pathToFileURL(root)), content);
  }
  if (check && stale.length) {
    console.error(`generate: stale: ${stale.join(", ")}. Edit data/*.json, then run \`npm run generate\`.`);
    process.exit(1);
  }
  console.log(stale.length ? `generate: wrote ${stale.join(", ")}` : "generate: up to date");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
