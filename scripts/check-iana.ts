// Compares IANA's HTTP Status Code Registry with data/status-codes.json and never edits either:
//   npm run check:iana -- <registry file> [--data <path>] [--today YYYY-MM-DD]
// The registry file is IANA's http-status-codes-1.csv or http-status-codes.xml, both from
// https://www.iana.org/assignments/http-status-codes/, told apart by their content.
// Exit 0: in sync. Exit 1: differences, one line each, sorted by code. Exit 2: a file cannot be
// read or parsed, bad arguments, or the report cannot be written; the reason goes to stderr as
// one short line, never a stack trace. A registry file is input from outside: it is read only if
// it is a regular file of at most 1 MiB in UTF-8, and every step is linear in its size.
// The pure parts are exported for the tests.
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { clip, escapeHidden, quote } from "../src/quote";
import { type Data, DataError, paths, validate } from "./generate";

export interface Reference {
  kind: "rfc" | "draft" | "other";
  /** "RFC 9110", "draft-ietf-httpbis-resumable-upload-05", or the text of a non-document reference. */
  document: string;
  section: string | null;
  /** The reference as IANA's CSV writes it, e.g. "[RFC9110, Section 15.5.5]". */
  label: string;
}

/** What a registry Description says besides the phrase. */
interface Markers {
  /** The Description without its "(TEMPORARY …)" / "(OBSOLETED)" suffixes; null for "(Unused)". */
  phrase: string | null;
  unused: boolean;
  obsoleted: boolean;
  temporary: boolean;
  registered: string | null;
  expires: string | null;
}

export interface ParsedDescription extends Markers {
  kind: "unassigned" | "assigned";
}

export interface RegistryEntry extends Markers {
  code: number;
  /** The Description cell as published. */
  description: string;
  references: Reference[];
  /** "line 7" or "record 5 (line 40)", for messages. */
  where: string;
}

export interface Registry {
  format: "csv" | "xml";
  /** The XML's <updated>; the CSV has no date. */
  updated: string | null;
  /** Assigned codes, in file order. */
  entries: RegistryEntry[];
  unassigned: { from: number; to: number }[];
}

type DataEntry = Data["entries"][number];

const KINDS = ["added", "removed", "phrase", "status", "reference", "expires", "expired"] as const;

export interface Difference {
  code: number;
  kind: (typeof KINDS)[number];
  /** "404 Not Found": the code and the data's name for it when there is one. */
  label: string;
  /** The data's side; null when absent. */
  old: string | null;
  /** The registry's side; null when absent. */
  new: string | null;
  /** One readable line, starting with the label. */
  message: string;
}

interface Row {
  value: string;
  description: string;
  references: Reference[];
  where: string;
}

/** Thrown for any input that cannot be read or understood; the CLI turns it into exit 2. */
export class CheckIanaError extends Error {
  override name = "CheckIanaError";
}

function isIsoDate(s: string): boolean {
  const time = Date.parse(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The most characters of one value from a file that a message shows. */
const SHOWN = 200;
/** A value from a file, as a message shows it: clipped, hidden characters escaped (src/quote.ts). */
const shown = (s: string): string => escapeHidden(clip(s, SHOWN));
/** The same in JSON quotes. */
const quoted = (s: string): string => quote(s, SHOWN);

/**
 * Line numbers for increasing offsets into `text`, in one pass over it: `lineAt(i)` counts only
 * the line breaks since the previous call, so a file's records cost linear time, not quadratic.
 */
function lineCounter(text: string): (index: number) => number {
  let at = 0;
  let line = 1;
  return (index) => {
    if (index < at) [at, line] = [0, 1];
    for (let nl = text.indexOf("\n", at); nl >= 0 && nl < index; nl = text.indexOf("\n", nl + 1)) line++;
    at = index;
    return line;
  };
}

// ---- Cells shared by CSV and XML

const SECTION = String.raw`(?: ?, ?(?:Section|Sec\.?|§) ?([0-9A-Za-z][0-9A-Za-z.]*))?$`;
const RFC = new RegExp(String.raw`^RFC ?-? ?(\d+)${SECTION}`, "i");
// Internet-Drafts, and IANA's "RFC-ietf-wg-name-NN" for drafts approved but not yet numbered.
const DRAFT = new RegExp(String.raw`^((?:draft|RFC)-[A-Za-z0-9][A-Za-z0-9._-]*)${SECTION}`, "i");

function documentReference(kind: "rfc" | "draft", document: string, section: string | null): Reference {
  const cited = document.replace(/^RFC /, "RFC"); // IANA writes "RFC9110"
  return { kind, document, section, label: `[${cited}${section ? `, Section ${section}` : ""}]` };
}

const otherReference = (text: string): Reference => ({ kind: "other", document: text, section: null, label: `[${text}]` });

/** One reference as IANA writes it inside brackets, e.g. "RFC9110, Section 15.5.5". */
function classifyReference(text: string): Reference {
  const t = squash(text);
  const rfc = RFC.exec(t);
  if (rfc) return documentReference("rfc", `RFC ${Number(rfc[1])}`, rfc[2] ?? null);
  const draft = DRAFT.exec(t);
  if (draft?.[1]) return documentReference("draft", draft[1], draft[2] ?? null);
  return otherReference(t);
}

/**
 * The references in a CSV Reference cell such as "[RFC2774][Status change of HTTP experiments to
 * Historic]". Text outside brackets (IANA uses none today) is kept as a reference of its own.
 */
export function parseReferenceCell(cell: string): Reference[] {
  // split() with a capturing group alternates the text between brackets and the text inside them.
  // No "[" inside brackets: a run of "[" never closed would otherwise be rescanned from each one.
  return cell.split(/\[([^[\]]*)\]/).flatMap((part) => (part.trim() ? [classifyReference(part)] : []));
}

/**
 * IANA's Description conventions: "Unassigned", "(Unused)", "Name (OBSOLETED)",
 * "Name (TEMPORARY - registered 2024-11-13, extension registered 2025-09-15, expires 2026-11-13)".
 */
export function parseDescription(description: string): ParsedDescription {
  let rest = squash(description);
  const out: ParsedDescription = {
    kind: "assigned",
    phrase: null,
    unused: false,
    obsoleted: false,
    temporary: false,
    registered: null,
    expires: null,
  };
  if (/^unassigned$/i.test(rest)) return { ...out, kind: "unassigned" };
  // Suffixes may in principle be stacked; peel them off from the end, reading only the last
  // bracket each time, so that a long stack costs linear time.
  for (let open = rest.lastIndexOf("("); open >= 0; open = rest.lastIndexOf("(")) {
    const suffix = /^\((?:(OBSOLETED)|TEMPORARY\b([^()]*))\)$/i.exec(rest.slice(open));
    if (!suffix) break;
    if (suffix[1]) out.obsoleted = true;
    else {
      out.temporary = true;
      const details = suffix[2] ?? "";
      // "registered X" is the first registration, unlike "extension registered Y"; the last "expires" counts.
      out.registered = /(?:^|[-,] ?)registered (\d{4}-\d{2}-\d{2})/i.exec(details)?.[1] ?? out.registered;
      out.expires = [...details.matchAll(/expires (\d{4}-\d{2}-\d{2})/gi)].at(-1)?.[1] ?? out.expires;
    }
    rest = rest.slice(0, open).trim();
  }
  if (/^\(Unused\)$/i.test(rest)) out.unused = true;
  else out.phrase = rest;
  return out;
}

function buildRegistry(format: Registry["format"], updated: string | null, rows: Row[]): Registry {
  const entries: RegistryEntry[] = [];
  const unassigned: Registry["unassigned"] = [];
  const seen = new Map<number, string>();
  for (const { value, description, references, where } of rows) {
    const v = value.trim();
    const m = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(v);
    if (!m) throw new CheckIanaError(`${where}: Value ${quoted(v)} is not a status code or a range such as 105-199`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 100 || to > 599 || to < from) {
      throw new CheckIanaError(`${where}: Value ${quoted(v)} is not a status code (100-599) or a valid range`);
    }
    const desc = squash(description);
    if (!desc) throw new CheckIanaError(`${where}: code ${v} has an empty Description`);
    const { kind, ...markers } = parseDescription(desc);
    if (kind === "unassigned") {
      unassigned.push({ from, to });
      continue;
    }
    if (m[2]) {
      throw new CheckIanaError(`${where}: range ${v} is described as ${quoted(desc)}; only "Unassigned" ranges are understood`);
    }
    if (!markers.unused && !markers.phrase) {
      throw new CheckIanaError(`${where}: code ${v} has no name in its Description ${quoted(desc)}`);
    }
    const first = seen.get(from);
    if (first) throw new CheckIanaError(`${where}: code ${from} appears twice (first at ${first})`);
    seen.set(from, where);
    entries.push({ code: from, description: desc, ...markers, references, where });
  }
  for (const e of entries) {
    const inside = unassigned.find((u) => e.code >= u.from && e.code <= u.to);
    if (inside) {
      throw new CheckIanaError(`${e.where}: code ${e.code} is assigned but also inside the Unassigned range ${inside.from}-${inside.to}`);
    }
  }
  return { format, updated, entries, unassigned };
}

// ---- CSV

/**
 * Rows of CSV text with the line each starts on. RFC 4180: quoted cells, "" escapes, commas and
 * newlines inside quotes, CRLF or LF.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0; // the line an open quoted cell started on; 0 outside quotes
  let quotedCell = false; // the cell so far was quoted: only spaces may follow the closing quote
  // Blank lines are dropped as they end, so that a file of line breaks keeps no rows in memory.
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cell.trim()) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
    quotedCell = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoteLine) {
      if (ch !== '"') {
        if (ch === "\n") line++;
        cell += ch;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoteLine = 0;
    } else if (ch === '"') {
      if (quotedCell || cell.trim() !== "") throw new CheckIanaError(`line ${line}: stray quote inside an unquoted cell`);
      cell = "";
      quoteLine = line;
      quotedCell = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
      quotedCell = false;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      if (ch === "\r" && text[i + 1] === "\n") i++;
      rowLine = ++line;
    } else if (quotedCell && ch !== " " && ch !== "\t") {
      throw new CheckIanaError(`line ${line}: text after the closing quote of a cell (quote the whole cell)`);
    } else cell += ch;
  }
  if (quoteLine) throw new CheckIanaError(`line ${quoteLine}: quoted cell is never closed`);
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

/** IANA's http-status-codes-1.csv. */
export function parseRegistryCsv(text: string): Registry {
  const [header, ...body] = parseCsv(stripBom(text));
  if (!header) throw new CheckIanaError("the CSV is empty: expected a header row Value,Description,Reference");
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const iValue = names.indexOf("value");
  const iDesc = names.indexOf("description");
  const iRef = names.indexOf("reference");
  if (iValue < 0 || iDesc < 0 || iRef < 0) {
    throw new CheckIanaError(
      `line ${header.line}: no header row: expected Value,Description,Reference, found ${quoted(header.cells.join(","))}`,
    );
  }
  if (body.length === 0) throw new CheckIanaError("the CSV has a header row but no rows");
  const rows = body.map(({ line, cells }): Row => {
    const where = `line ${line}`;
    if (cells.length !== header.cells.length) {
      throw new CheckIanaError(`${where}: expected ${header.cells.length} cells like the header, found ${cells.length} (an unquoted comma?)`);
    }
    return {
      value: cells[iValue] ?? "",
      description: cells[iDesc] ?? "",
      references: parseReferenceCell(cells[iRef] ?? ""),
      where,
    };
  });
  return buildRegistry("csv", null, rows);
}

// ---- XML: a small reader for IANA's registry format

const ENTITIES = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

/** Whether XML allows the code point as a character (XML 1.0 §2.2, `Char`). */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const codePointOf = (ref: string) => (ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));

/**
 * Text with its references resolved. A character reference to what XML does not allow as a
 * character stays as written: prepareXml refuses it in the text, but reads the XML declaration
 * through this function first, so it must never throw.
 */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (all, ref: string) => {
    const entity = ENTITIES.get(ref);
    if (entity !== undefined) return entity;
    const cp = codePointOf(ref);
    return isXmlChar(cp) ? String.fromCodePoint(cp) : all;
  });
}

const textOf = (xml: string) => squash(decodeEntities(xml.replace(/<[^>]*>/g, "")));

function attributesOf(tag: string): Map<string | undefined, string> {
  const found = tag.matchAll(/([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g);
  return new Map([...found].map((m) => [m[1], decodeEntities(m[2] ?? m[3] ?? "")]));
}

const NAME = String.raw`[A-Za-z_:][\w.:-]*`;
// A start, end or empty-element tag, read from a "<" (sticky). Attribute values hold no "<"
// (XML 1.0 §3.1), so no tag reaches past the next one.
const TAG = new RegExp(String.raw`<(?:/${NAME}\s*|${NAME}(?:\s+${NAME}\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*/?)>`, "y");
const lineBreaks = (s: string) => s.replace(/[^\n]+/g, "");
const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The XML with comments, processing instructions and CDATA sections resolved in one pass from
 * left to right, as an XML parser meets them (so "<!--" inside CDATA is text): comments and
 * instructions become their line breaks, so that line numbers stay the file's, and CDATA becomes
 * escaped text. Refuses what this reader does not read: a DOCTYPE (its entities are never
 * expanded), an encoding other than UTF-8, a construct that is never closed, a malformed tag, and
 * an entity that XML does not predefine.
 */
function prepareXml(xml: string): string {
  const lineAt = lineCounter(xml);
  const unclosed = (what: string, at: number): never => {
    throw new CheckIanaError(`line ${lineAt(at)}: ${what} is never closed`);
  };
  const parts: string[] = [];
  let pos = 0;
  for (let lt = xml.indexOf("<"); lt >= 0; lt = xml.indexOf("<", pos)) {
    parts.push(xml.slice(pos, lt));
    if (xml.startsWith("<!--", lt)) {
      pos = xml.indexOf("-->", lt + 4) + 3;
      if (pos < 3) unclosed("a comment <!--", lt);
      parts.push(lineBreaks(xml.slice(lt, pos)));
    } else if (xml.startsWith("<![CDATA[", lt)) {
      pos = xml.indexOf("]]>", lt + 9) + 3;
      if (pos < 3) unclosed("a CDATA section", lt);
      parts.push(escapeText(xml.slice(lt + 9, pos - 3)));
    } else if (xml.startsWith("<?", lt)) {
      pos = xml.indexOf("?>", lt + 2) + 2;
      if (pos < 2) unclosed("a processing instruction <?", lt);
      const instruction = xml.slice(lt, pos);
      const encoding = /^<\?xml\s/.test(instruction) ? attributesOf(instruction).get("encoding") : undefined;
      if (encoding !== undefined && !/^utf-8$/i.test(encoding)) {
        throw new CheckIanaError(`line ${lineAt(lt)}: the file declares the encoding ${quoted(encoding)}; only UTF-8 is read: convert it to UTF-8`);
      }
      parts.push(lineBreaks(instruction));
    } else if (/^<!doctype\b/i.test(xml.slice(lt, lt + 10))) {
      throw new CheckIanaError(
        `line ${lineAt(lt)}: the file has a DOCTYPE, which IANA's registry does not: document type declarations and their entities are not read`,
      );
    } else {
      TAG.lastIndex = lt;
      const tag = TAG.exec(xml);
      if (!tag) throw new CheckIanaError(`line ${lineAt(lt)}: malformed tag ${quoted(xml.slice(lt, lt + 40))}`);
      pos = TAG.lastIndex;
      parts.push(tag[0]);
    }
  }
  parts.push(xml.slice(pos));
  const src = parts.join("");
  const srcLineAt = lineCounter(src);
  for (const m of src.matchAll(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_:][\w.:-]*)?(;?)/g)) {
    const [all, ref = "", semicolon] = m;
    if (semicolon && (ENTITIES.has(ref) || (ref.startsWith("#") && isXmlChar(codePointOf(ref))))) continue;
    throw new CheckIanaError(
      `line ${srcLineAt(m.index)}: ` +
        (semicolon && ref && !ref.startsWith("#")
          ? `the entity ${quoted(all)} is not one of XML's five: entities from a DTD are not read`
          : `${quoted(all)} is not a character reference or an entity (write "&amp;" for "&")`),
    );
  }
  return src;
}

// The patterns that find each element's start and end tags, made once: element() runs about five
// times per record.
const TAGS = new Map<string, { open: RegExp; close: RegExp }>();

/**
 * The first `<name …>…</name>` (or `<name …/>`) in `xml` from `from` on, or null; `where` names
 * its position in the message when it is never closed. It searches only forward, so a caller that
 * moves `from` past each element reads the text once.
 */
function element(xml: string, name: string, where: (index: number) => string, from = 0) {
  let tags = TAGS.get(name);
  if (!tags) TAGS.set(name, (tags = { open: new RegExp(`<${name}\\b([^>]*)>`, "g"), close: new RegExp(`</${name}\\s*>`, "g") }));
  const { open, close } = tags;
  open.lastIndex = from;
  const start = open.exec(xml);
  if (!start) return null;
  const { index } = start;
  const attributes = start[1] ?? "";
  const innerStart = open.lastIndex;
  if (attributes.endsWith("/")) return { index, end: innerStart, attributes: attributes.slice(0, -1), inner: null };
  close.lastIndex = innerStart;
  const end = close.exec(xml);
  if (!end) throw new CheckIanaError(`${where(index)}: <${name}> is never closed`);
  return { index, end: close.lastIndex, attributes, inner: xml.slice(innerStart, end.index) };
}

/** An <xref>'s reference, labelled the way IANA's CSV writes it. */
function xrefToReference(tag: string, text: string): Reference {
  const attributes = attributesOf(tag);
  const type = (attributes.get("type") ?? "").toLowerCase();
  const data = (attributes.get("data") ?? "").trim();
  if (type === "rfc" || type === "draft") {
    // The data attribute names the document; the text, when present, is e.g. "RFC9110, Section 15.5.5".
    const fromData = classifyReference(data);
    const fromText = text ? classifyReference(text) : null;
    if (fromData.kind !== "other") {
      const section =
        fromText && fromText.kind !== "other" && fromText.document.toLowerCase() === fromData.document.toLowerCase()
          ? fromText.section
          : (/(?:Section|Sec\.?|§)\s*([0-9A-Za-z][0-9A-Za-z.]*)/i.exec(text)?.[1] ?? null);
      return documentReference(fromData.kind, fromData.document, section);
    }
    if (fromText && fromText.kind !== "other") return fromText;
  }
  // note, uri, person, or an rfc/draft xref we cannot read: a non-document reference.
  return otherReference(text || (type === "note" ? `note ${data}` : data) || type || "xref");
}

/** IANA's http-status-codes.xml. */
export function parseRegistryXml(text: string): Registry {
  const raw = stripBom(text);
  if (/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!doctype html|<html[\s>])/i.test(raw) && !/<record\b/.test(raw)) {
    throw new CheckIanaError("this is an HTML page, not the registry XML: download http-status-codes.xml or http-status-codes-1.csv");
  }
  if (!/^\s*</.test(raw)) throw new CheckIanaError("not XML: the file does not start with '<'");
  const src = prepareXml(raw);
  const lineAt = lineCounter(src);

  // The registry's own date: the first <updated> (the top-level one comes before any record).
  const lineOf = (i: number) => `line ${lineAt(i)}`;
  const upd = element(src, "updated", lineOf);
  const updated = upd ? textOf(upd.inner ?? "") : null;
  if (upd && !isIsoDate(updated ?? "")) throw new CheckIanaError(`${lineOf(upd.index)}: <updated> is not a date: ${quoted(updated ?? "")}`);

  // Only the status-code sub-registry when the file has several.
  const sub = /<registry\b[^>]*\bid\s*=\s*["']http-status-codes-1["'][^>]*>/.exec(src);
  const offset = sub?.index ?? 0;
  const end = src.indexOf("</registry>", offset);
  const scope = sub ? src.slice(offset, end < 0 ? undefined : end) : src;

  const rows: Row[] = [];
  const recordAt = (i: number) => `record ${rows.length + 1} (line ${lineAt(offset + i)})`;
  for (let record = element(scope, "record", recordAt); record; record = element(scope, "record", recordAt, record.end)) {
    const where = recordAt(record.index);
    const body = record.inner;
    if (body === null) throw new CheckIanaError(`${where}: empty <record/>`);
    const here = () => where;
    const value = element(body, "value", here);
    if (!value) throw new CheckIanaError(`${where}: <record> has no <value>`);
    const valueText = textOf(value.inner ?? "");
    const description = element(body, "description", here);
    if (!description) throw new CheckIanaError(`${where}: <record> ${shown(valueText)} has no <description>`);
    // Record-level xrefs only: an xref inside <description> is part of the text, not the Reference column.
    const outside = body.slice(0, description.index) + body.slice(description.end);
    const references: Reference[] = [];
    for (let x = element(outside, "xref", here); x; x = element(outside, "xref", here, x.end)) {
      references.push(xrefToReference(x.attributes, textOf(x.inner ?? "")));
    }
    rows.push({ value: valueText, description: textOf(description.inner ?? ""), references, where });
  }
  if (rows.length === 0) throw new CheckIanaError("the XML has no <record> elements: is this IANA's http-status-codes.xml?");
  return buildRegistry("xml", updated, rows);
}

const stripBom = (text: string) => text.replace(/^\uFEFF/, "");

/** A registry file's text, CSV or XML, told apart by its content. */
export function parseRegistry(text: string): Registry {
  const t = stripBom(text);
  if (t.trim() === "") throw new CheckIanaError("the file is empty");
  return /^\s*</.test(t) ? parseRegistryXml(t) : parseRegistryCsv(t);
}

// ---- Data file

const CLASSES: unknown = JSON.parse(readFileSync(new URL(`../${paths.classes}`, import.meta.url), "utf8"));

/** The entries of a parsed data file, checked as `npm run generate` checks them. */
export function validateData(json: unknown): DataEntry[] {
  try {
    return validate(json, CLASSES).entries;
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    // validate() names data/status-codes.json; runCli names the file it actually read.
    throw new CheckIanaError(err.message.startsWith(paths.codes) ? err.message.slice(paths.codes.length + 1).trim() : err.message);
  }
}

// ---- Compare

const normDoc = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/** The data status a registry entry's marker stands for. */
const statusOf = (r: RegistryEntry) => (r.unused ? "unused" : r.temporary ? "provisional" : r.obsoleted ? "obsoleted" : "standard");

const MARKERS = new Map([["unused", "(Unused)"], ["provisional", "TEMPORARY"], ["obsoleted", "OBSOLETED"]]);

const formatCell = (refs: Reference[]) => (refs.length ? shown(refs.map((r) => r.label).join("")) : "(no reference)");

/**
 * Whether the registry's Reference cell supports the data's spec: its document must be one of the
 * RFC/draft references and, when the registry cites sections of it, its section one of them.
 * Non-document references are ignored.
 */
function referenceMatches(spec: DataEntry["spec"], refs: Reference[]): boolean {
  const same = refs.filter((r) => r.kind !== "other" && normDoc(r.document) === normDoc(spec.document));
  const sections = same.flatMap((r) => (r.section === null ? [] : [r.section]));
  return same.length > 0 && (sections.length === 0 || sections.includes(spec.section));
}

/** The differences between a registry and the data, sorted by code, then in the order of `KINDS`. */
export function compareRegistry(registry: Registry, data: DataEntry[], { today }: { today: string }): Difference[] {
  const diffs: Difference[] = [];
  const byCode = new Map(data.map((d) => [d.code, d]));
  const registered = new Set(registry.entries.map((r) => r.code));
  const add = (code: number, kind: Difference["kind"], label: string, old: string | null, now: string | null, text: string) =>
    diffs.push({ code, kind, label, old, new: now, message: `${label}: ${text}` });

  for (const r of registry.entries) {
    const d = byCode.get(r.code);
    const status = statusOf(r);
    const marker = MARKERS.get(status);
    const expiry = r.temporary && r.expires ? r.expires : null;
    const regName = r.unused ? "(Unused)" : shown(r.phrase ?? "");
    if (!d) {
      const extra = marker ? ` (${marker}${expiry ? `, expires ${expiry}` : ""})` : "";
      add(r.code, "added", `${r.code} ${regName}`, null, r.description,
        `added to the registry, missing from data: ${quoted(r.description)} ${formatCell(r.references)}${extra}`);
    } else {
      const label = `${d.code} ${shown(d.phrase)}`;
      // Unused entries keep their historic name in data, so "(Unused)" is not compared.
      if (!r.unused && r.phrase !== null && r.phrase !== d.phrase) {
        add(r.code, "phrase", label, d.phrase, r.phrase, `phrase changed: ${quoted(d.phrase)} → ${quoted(r.phrase)}`);
      }
      // 305 is "deprecated" by RFC 9110's prose; the registry shows it as a plain entry.
      if (d.status !== status && !(status === "standard" && d.status === "deprecated")) {
        // validate() allows only the five statuses, so `was` and `marker` differ and one is set.
        const was = MARKERS.get(d.status);
        const what = [];
        if (was) what.push(`stopped being ${was}`);
        if (marker) what.push(`became ${marker}${expiry ? ` (expires ${expiry})` : ""}`);
        add(r.code, "status", label, d.status, status, `${what.join(", ")}: status ${d.status} → ${status}`);
      }
      if (!referenceMatches(d.spec, r.references)) {
        const spec = shown(`${d.spec.document}, Section ${d.spec.section}`);
        add(r.code, "reference", label, spec, formatCell(r.references), `reference changed: ${spec} → ${formatCell(r.references)}`);
      }
      // The expiry of a provisional registration that both sides know about.
      if (r.temporary && d.status === "provisional" && d.expires !== r.expires) {
        add(r.code, "expires", label, d.expires, r.expires,
          `expiry changed: ${d.expires ?? "(none)"} → ${r.expires ?? "(none given by the registry)"}`);
      }
    }
    // Expired: a TEMPORARY entry whose expiry is before the registry's own date or before today.
    if (expiry) {
      const reasons = [];
      if (registry.updated && expiry < registry.updated) reasons.push(`registry updated ${registry.updated}`);
      if (expiry < today) reasons.push(`today ${today}`);
      if (reasons.length) {
        add(r.code, "expired", `${r.code} ${d ? shown(d.phrase) : regName}`, d?.expires ?? null, expiry,
          `provisional registration expired ${expiry} (${reasons.join(", ")}): check whether IANA renewed or removed it`);
      }
    }
  }

  for (const d of data) {
    if (registered.has(d.code)) continue;
    const range = registry.unassigned.find((u) => d.code >= u.from && d.code <= u.to);
    const where = !range ? "not listed" : range.from === range.to ? "now Unassigned" : `now inside Unassigned ${range.from}-${range.to}`;
    add(d.code, "removed", `${d.code} ${shown(d.phrase)}`, d.status, null, `removed from the registry (${where}), still in data as ${d.status}`);
  }
  // Array.prototype.sort is stable, so lines of the same code and kind keep their order.
  return diffs.sort((a, b) => a.code - b.code || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
}

// ---- Report and CLI

/** The report, ending with a newline. */
export function formatReport(
  diffs: Difference[],
  ctx: { registryFile: string; dataFile: string; registry: Registry; today: string },
): string {
  const updated = ctx.registry.updated ? `, updated ${ctx.registry.updated}` : "";
  if (diffs.length === 0) {
    return `in sync: ${ctx.registry.entries.length} codes (${ctx.registryFile}${updated}; ${ctx.dataFile}; today ${ctx.today})\n`;
  }
  const n = diffs.length;
  return [
    `out of sync: ${n} difference${n === 1 ? "" : "s"} between ${ctx.dataFile} (old) and the IANA registry ${ctx.registryFile}${updated} (new):`,
    ...diffs.map((d) => `  ${d.message}`),
    `Update ${ctx.dataFile} by hand, then run \`npm run generate\` and the tests (data/README.md, "Refreshing from IANA").`,
    "",
  ].join("\n");
}

const USAGE =
  "usage: npm run check:iana -- <http-status-codes-1.csv | http-status-codes.xml> [--data <status-codes.json>] [--today YYYY-MM-DD]";


function shownPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith("..") ? rel : p;
}

/** The largest file read: 1 MiB, some 75 times IANA's registry XML (14 kB in 2025). */
export const MAX_FILE_BYTES = 1024 * 1024;

const READ_ERRORS = new Map([["ENOENT", "no such file"], ["EISDIR", "it is a directory"], ["EACCES", "permission denied"]]);

const BOMS: [number[], string][] = [
  [[0x00, 0x00, 0xfe, 0xff], "UTF-32 (big-endian)"],
  [[0xff, 0xfe, 0x00, 0x00], "UTF-32 (little-endian)"], // before UTF-16LE, whose mark starts it
  [[0xfe, 0xff], "UTF-16 (big-endian)"],
  [[0xff, 0xfe], "UTF-16 (little-endian)"],
];

/** The file's text, or why it is not UTF-8, naming the encoding it looks like. */
function decodeUtf8(bytes: Buffer): string {
  const bom = BOMS.find(([mark]) => mark.every((byte, i) => bytes[i] === byte));
  if (bom) throw new Error(`it is ${bom[1]}: only UTF-8 is read, convert it to UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new Error(`it has a NUL byte at offset ${nul}: UTF-16 or UTF-32 without a byte order mark, or not text; only UTF-8 is read`);
  const text = bytes.toString("utf8");
  if (isUtf8(bytes)) return text;
  // The first U+FFFD that the file did not spell as EF BF BD is where decoding failed.
  let offset = 0;
  let from = 0;
  for (let i = text.indexOf("\uFFFD"); i >= 0; i = text.indexOf("\uFFFD", i + 1)) {
    offset += Buffer.byteLength(text.slice(from, i));
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) {
      const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
      throw new Error(`it is not UTF-8 (byte 0x${byte} on line ${lineCounter(text)(i)}; Latin-1 or Windows-1252?): convert it to UTF-8`);
    }
    offset += 3;
    from = i + 1;
  }
  throw new Error("it is not UTF-8: convert it to UTF-8");
}

/**
 * A file named on the command line, as text. Only a regular file is read (a FIFO or a device may
 * block or never end), only up to MAX_FILE_BYTES (checked before reading and while reading, as
 * the file may grow), and only UTF-8.
 */
function readText(path: string, what: string): string {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO that nobody writes to returns at once instead of waiting.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new Error("it is a directory");
    if (!stat.isFile()) throw new Error("it is not a regular file (pipes, devices and sockets are not read)");
    const tooBig = () => new Error(`it is larger than ${MAX_FILE_BYTES} bytes (1 MiB), the most that is read`);
    if (stat.size > MAX_FILE_BYTES) throw tooBig();
    const bytes = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_FILE_BYTES) throw tooBig();
    return decodeUtf8(bytes.subarray(0, length));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code ? (READ_ERRORS.get(code) ?? code) : err instanceof Error ? err.message : String(err);
    throw new CheckIanaError(`cannot read ${what} ${path}: ${reason}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Runs the checker as the CLI would, without touching process state; `argv` follows the script name. */
export function runCli(argv: string[]): { exitCode: 0 | 1 | 2; stdout: string; stderr: string } {
  try {
    let file: string | undefined;
    let dataPath = fileURLToPath(new URL(`../${paths.codes}`, import.meta.url));
    // UTC, as the registry's dates are, and as the command line's lifecycle note uses.
    let today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] ?? "";
      const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      const valueOf = () => {
        const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new CheckIanaError(`${name} needs a value\n${USAGE}`);
        return v;
      };
      if (name === "--help" || name === "-h") return { exitCode: 0, stdout: `${USAGE}\n`, stderr: "" };
      if (name === "--data") dataPath = resolve(valueOf());
      else if (name === "--today") {
        today = valueOf();
        if (!isIsoDate(today)) throw new CheckIanaError(`--today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
      } else if (name.startsWith("-") && name !== "-") throw new CheckIanaError(`unknown option ${name}\n${USAGE}`);
      else if (file === undefined) file = arg;
      else throw new CheckIanaError(`only one registry file, got ${JSON.stringify(file)} and ${JSON.stringify(arg)}\n${USAGE}`);
    }
    if (file === undefined) throw new CheckIanaError(`no registry file given\n${USAGE}`);
    const filePath = resolve(file);

    const text = readText(filePath, "registry file");
    let registry: Registry;
    try {
      registry = parseRegistry(text);
    } catch (err) {
      if (err instanceof CheckIanaError) throw new CheckIanaError(`cannot parse ${shownPath(filePath)}: ${err.message}`);
      throw err;
    }
    const dataText = readText(dataPath, "data file");
    let data: DataEntry[];
    try {
      data = validateData(JSON.parse(dataText));
    } catch (err) {
      // The data file may be any file too: its values in a message are clipped like the registry's.
      const message = escapeHidden(clip(err instanceof Error ? err.message : String(err), 2 * SHOWN));
      if (err instanceof SyntaxError) throw new CheckIanaError(`cannot parse data file ${shownPath(dataPath)}: ${message}`);
      if (err instanceof CheckIanaError) throw new CheckIanaError(`data file ${shownPath(dataPath)}: ${message}`);
      throw err;
    }
    const diffs = compareRegistry(registry, data, { today });
    const report = formatReport(diffs, { registryFile: shownPath(filePath), dataFile: shownPath(dataPath), registry, today });
    return { exitCode: diffs.length ? 1 : 0, stdout: report, stderr: "" };
  } catch (err) {
    const prefix = err instanceof CheckIanaError ? "" : "internal error: ";
    return { exitCode: 2, stdout: "", stderr: `check-iana: ${prefix}${err instanceof Error ? err.message : String(err)}\n` };
  }
}

/** Writes `text`; resolves with the error when the stream cannot take it (a full disk, a closed pipe). */
function write(stream: NodeJS.WriteStream, text: string): Promise<Error | null> {
  return new Promise((resolve) => {
    stream.on("error", () => {}); // the write callback below gets the same error
    if (text === "") resolve(null);
    else stream.write(text, (error) => resolve(error ?? null));
  });
}

async function main(): Promise<void> {
  const result = runCli(process.argv.slice(2));
  let { exitCode, stderr } = result;
  const failed = await write(process.stdout, result.stdout);
  if (failed) {
    exitCode = 2;
    stderr += `check-iana: cannot write to stdout: ${(failed as NodeJS.ErrnoException).code ?? failed.message}\n`;
  }
  // When stderr fails too, nothing is left to tell; the exit status still says it.
  await write(process.stderr, stderr);
  process.exitCode = exitCode;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) void main();
