// @ts-check
/**
 * check-iana: compare IANA's "HTTP Status Code Registry" with data/status-codes.json.
 *
 *   node scripts/check-iana.js <registry file> [--data <path>] [--today YYYY-MM-DD]
 *   npm run check:iana -- <registry file>
 *
 * The registry file is IANA's CSV (http-status-codes-1.csv, header
 * `Value,Description,Reference`) or XML (http-status-codes.xml), both from
 * https://www.iana.org/assignments/http-status-codes/. The format is detected from the content.
 *
 * Exit codes:
 *   0  in sync (prints "in sync: N codes ...")
 *   1  differences found (one line per difference, sorted by code)
 *   2  the registry file or the data file cannot be read or parsed, or bad arguments
 *      (reason on stderr, never a stack trace)
 *
 * No npm dependencies: Node built-ins only. The pure parts are exported for the tests.
 */

import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * @typedef {object} Reference
 * @property {"rfc" | "draft" | "other"} kind
 * @property {string} document  "RFC 9110", "draft-ietf-httpbis-resumable-upload-05", or the text of a non-document reference
 * @property {string | null} section  "15.5.5" when the registry cites a section, else null
 * @property {string} label  the reference as IANA writes it in the CSV, e.g. "[RFC9110, Section 15.5.5]"
 */

/**
 * @typedef {object} RegistryEntry
 * @property {number} code
 * @property {string} description  the description cell as published
 * @property {string | null} phrase  the description without its "(TEMPORARY ...)" / "(OBSOLETED)" suffix; null for "(Unused)"
 * @property {boolean} unused
 * @property {boolean} obsoleted
 * @property {boolean} temporary
 * @property {string | null} registered  TEMPORARY: "registered YYYY-MM-DD"
 * @property {string | null} expires  TEMPORARY: "expires YYYY-MM-DD"
 * @property {Reference[]} references
 * @property {string} where  "line 7" / "record 5 (line 40)", for messages
 */

/**
 * @typedef {object} UnassignedRange
 * @property {number} from
 * @property {number} to
 */

/**
 * @typedef {object} Registry
 * @property {"csv" | "xml"} format
 * @property {string | null} updated  the registry's own date (XML <updated>); the CSV has none
 * @property {RegistryEntry[]} entries  assigned codes, in file order
 * @property {UnassignedRange[]} unassigned
 */

/**
 * @typedef {object} DataEntry  the fields of data/status-codes.json this checker reads
 * @property {number} code
 * @property {string} phrase
 * @property {string} status  standard | provisional | deprecated | obsoleted | unused
 * @property {{ document: string, section?: string | null | undefined }} spec
 * @property {string | undefined} [expires]
 */

/**
 * @typedef {"added" | "removed" | "phrase" | "status" | "reference" | "expires" | "expired"} DifferenceKind
 */

/**
 * @typedef {object} Difference
 * @property {number} code
 * @property {DifferenceKind} kind
 * @property {string} label  "404 Not Found": the code and its name (data name when known)
 * @property {string | null} old  the data side (null when absent)
 * @property {string | null} new  the registry side (null when absent)
 * @property {string} message  one readable line, starting with the label
 */

/** Thrown for any input that cannot be read or understood; the CLI turns it into exit 2. */
export class CheckIanaError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "CheckIanaError";
  }
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a real calendar date written YYYY-MM-DD.
 * @param {string} s
 */
export function isIsoDate(s) {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// ---------------------------------------------------------------------------
// Cells shared by CSV and XML
// ---------------------------------------------------------------------------

/**
 * Classify one reference as IANA writes it inside brackets: "RFC9110, Section 15.5.5",
 * "RFC4918", "draft-ietf-httpbis-resumable-upload-05", or anything else (kept as "other").
 * @param {string} text  without the brackets
 * @returns {Reference}
 */
export function classifyReference(text) {
  const t = text.replace(/\s+/g, " ").trim();
  const rfc = /^RFC ?-? ?(\d+)(?: ?, ?(?:Section|Sec\.?|§) ?([0-9A-Za-z][0-9A-Za-z.]*))?$/i.exec(t);
  if (rfc) {
    const num = String(Number(rfc[1]));
    const section = rfc[2] ?? null;
    return {
      kind: "rfc",
      document: `RFC ${num}`,
      section,
      label: `[RFC${num}${section ? `, Section ${section}` : ""}]`,
    };
  }
  // Internet-Drafts, and IANA's "RFC-ietf-wg-name-NN" for drafts approved but not yet numbered.
  const draft = /^((?:draft|RFC)-[A-Za-z0-9][A-Za-z0-9._-]*)(?: ?, ?(?:Section|Sec\.?|§) ?([0-9A-Za-z][0-9A-Za-z.]*))?$/i.exec(t);
  if (draft && draft[1]) {
    const document = draft[1];
    const section = draft[2] ?? null;
    return { kind: "draft", document, section, label: `[${document}${section ? `, Section ${section}` : ""}]` };
  }
  return { kind: "other", document: t, section: null, label: `[${t}]` };
}

/**
 * Split a CSV Reference cell such as "[RFC2774][Status change of HTTP experiments to Historic]"
 * into references. Text outside brackets (not used by IANA today) is kept as its own reference.
 * @param {string} cell
 * @returns {Reference[]}
 */
export function parseReferenceCell(cell) {
  /** @type {Reference[]} */
  const refs = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  /** @param {string} loose */
  const pushLoose = (loose) => {
    const t = loose.trim();
    if (t) refs.push(classifyReference(t));
  };
  for (let m = re.exec(cell); m; m = re.exec(cell)) {
    pushLoose(cell.slice(last, m.index));
    const inner = (m[1] ?? "").trim();
    if (inner) refs.push(classifyReference(inner));
    last = m.index + m[0].length;
  }
  pushLoose(cell.slice(last));
  return refs;
}

/**
 * @typedef {object} ParsedDescription
 * @property {"unassigned" | "assigned"} kind
 * @property {string | null} phrase
 * @property {boolean} unused
 * @property {boolean} obsoleted
 * @property {boolean} temporary
 * @property {string | null} registered
 * @property {string | null} expires
 */

/**
 * Understand IANA's description conventions: "Unassigned", "(Unused)", "Name (OBSOLETED)",
 * "Name (TEMPORARY - registered 2024-11-13, extension registered 2025-09-15, expires 2026-11-13)".
 * @param {string} description
 * @returns {ParsedDescription}
 */
export function parseDescription(description) {
  let rest = description.replace(/\s+/g, " ").trim();
  /** @type {ParsedDescription} */
  const out = {
    kind: "assigned",
    phrase: null,
    unused: false,
    obsoleted: false,
    temporary: false,
    registered: null,
    expires: null,
  };
  if (/^unassigned$/i.test(rest)) return { ...out, kind: "unassigned" };
  // Suffixes may in principle be stacked; peel them off from the end.
  for (;;) {
    const obs = /^(.*?) ?\(OBSOLETED\)$/i.exec(rest);
    if (obs) {
      out.obsoleted = true;
      rest = (obs[1] ?? "").trim();
      continue;
    }
    const tmp = /^(.*?) ?\(TEMPORARY\b([^()]*)\)$/i.exec(rest);
    if (tmp) {
      out.temporary = true;
      const details = tmp[2] ?? "";
      // "registered X" (the first registration), "extension registered Y", "expires Z"
      const reg = /(?:^|[-,] ?)registered (\d{4}-\d{2}-\d{2})/i.exec(details);
      if (reg && reg[1]) out.registered = reg[1];
      const expiries = [...details.matchAll(/expires (\d{4}-\d{2}-\d{2})/gi)];
      const lastExpiry = expiries[expiries.length - 1];
      if (lastExpiry && lastExpiry[1]) out.expires = lastExpiry[1];
      rest = (tmp[1] ?? "").trim();
      continue;
    }
    break;
  }
  if (/^\(Unused\)$/i.test(rest)) {
    out.unused = true;
    return out;
  }
  out.phrase = rest;
  return out;
}

/**
 * Turn one registry row (CSV row or XML record) into an entry, an unassigned range, or an error.
 * @param {string} value
 * @param {string} description
 * @param {Reference[]} references
 * @param {string} where
 * @returns {{ entry: RegistryEntry } | { range: UnassignedRange }}
 */
function interpretRow(value, description, references, where) {
  const v = value.trim();
  const m = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(v);
  if (!m || !m[1]) {
    throw new CheckIanaError(`${where}: Value ${JSON.stringify(v)} is not a status code or a range such as 105-199`);
  }
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (from < 100 || to > 599 || to < from) {
    throw new CheckIanaError(`${where}: Value ${JSON.stringify(v)} is not a status code (100-599) or a valid range`);
  }
  const desc = description.replace(/\s+/g, " ").trim();
  if (!desc) throw new CheckIanaError(`${where}: code ${v} has an empty Description`);
  const parsed = parseDescription(desc);
  if (parsed.kind === "unassigned") return { range: { from, to } };
  if (m[2]) {
    throw new CheckIanaError(
      `${where}: range ${v} is described as ${JSON.stringify(desc)}; only "Unassigned" ranges are understood`,
    );
  }
  if (!parsed.unused && !parsed.phrase) {
    throw new CheckIanaError(`${where}: code ${v} has no name in its Description ${JSON.stringify(desc)}`);
  }
  return {
    entry: {
      code: from,
      description: desc,
      phrase: parsed.phrase,
      unused: parsed.unused,
      obsoleted: parsed.obsoleted,
      temporary: parsed.temporary,
      registered: parsed.registered,
      expires: parsed.expires,
      references,
      where,
    },
  };
}

/**
 * @param {"csv" | "xml"} format
 * @param {string | null} updated
 * @param {Array<{ value: string, description: string, references: Reference[], where: string }>} rows
 * @returns {Registry}
 */
function buildRegistry(format, updated, rows) {
  /** @type {RegistryEntry[]} */
  const entries = [];
  /** @type {UnassignedRange[]} */
  const unassigned = [];
  /** @type {Map<number, string>} */
  const seen = new Map();
  for (const row of rows) {
    const r = interpretRow(row.value, row.description, row.references, row.where);
    if ("range" in r) {
      unassigned.push(r.range);
      continue;
    }
    const prev = seen.get(r.entry.code);
    if (prev) throw new CheckIanaError(`${row.where}: code ${r.entry.code} appears twice (first at ${prev})`);
    seen.set(r.entry.code, row.where);
    entries.push(r.entry);
  }
  for (const e of entries) {
    const inside = unassigned.find((u) => e.code >= u.from && e.code <= u.to);
    if (inside) {
      throw new CheckIanaError(
        `${e.where}: code ${e.code} is assigned but also inside the Unassigned range ${inside.from}-${inside.to}`,
      );
    }
  }
  return { format, updated, entries, unassigned };
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/**
 * Parse CSV text (RFC 4180: quoted cells, "" escapes, commas and newlines inside quotes,
 * CRLF or LF). Returns rows with the 1-based line each row starts on.
 * @param {string} text
 * @returns {Array<{ line: number, cells: string[] }>}
 */
export function parseCsv(text) {
  /** @type {Array<{ line: number, cells: string[] }>} */
  const rows = [];
  /** @type {string[]} */
  let cells = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let inQuotes = false;
  let quoteLine = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (cell.trim() !== "") {
        throw new CheckIanaError(`line ${line}: stray quote inside an unquoted cell`);
      }
      cell = "";
      inQuotes = true;
      quoteLine = line;
      i++;
      continue;
    }
    if (ch === ",") {
      cells.push(cell);
      cell = "";
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      if (ch === "\r" && text[i + 1] === "\n") i++;
      i++;
      line++;
      rowLine = line;
      continue;
    }
    cell += ch;
    i++;
  }
  if (inQuotes) throw new CheckIanaError(`line ${quoteLine}: quoted cell is never closed`);
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  // Drop blank lines.
  return rows.filter((r) => !(r.cells.length === 1 && (r.cells[0] ?? "").trim() === ""));
}

/**
 * Parse IANA's http-status-codes-1.csv.
 * @param {string} text
 * @returns {Registry}
 */
export function parseRegistryCsv(text) {
  const rows = parseCsv(stripBom(text));
  const header = rows[0];
  if (!header) throw new CheckIanaError("the CSV is empty: expected a header row Value,Description,Reference");
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const iValue = names.indexOf("value");
  const iDesc = names.indexOf("description");
  const iRef = names.indexOf("reference");
  if (iValue < 0 || iDesc < 0 || iRef < 0) {
    throw new CheckIanaError(
      `line ${header.line}: no header row: expected Value,Description,Reference, found ${JSON.stringify(header.cells.join(","))}`,
    );
  }
  const width = header.cells.length;
  const body = rows.slice(1).map((r) => {
    const where = `line ${r.line}`;
    if (r.cells.length !== width) {
      throw new CheckIanaError(
        `${where}: expected ${width} cells like the header, found ${r.cells.length} (an unquoted comma?)`,
      );
    }
    return {
      value: r.cells[iValue] ?? "",
      description: r.cells[iDesc] ?? "",
      references: parseReferenceCell(r.cells[iRef] ?? ""),
      where,
    };
  });
  if (body.length === 0) throw new CheckIanaError("the CSV has a header row but no rows");
  return buildRegistry("csv", null, body);
}

// ---------------------------------------------------------------------------
// XML (a small reader for IANA's registry format; no dependencies)
// ---------------------------------------------------------------------------

/** @param {string} s */
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, name) => {
    const n = String(name).toLowerCase();
    if (n === "amp") return "&";
    if (n === "lt") return "<";
    if (n === "gt") return ">";
    if (n === "quot") return '"';
    if (n === "apos") return "'";
    const cp = n.startsWith("#x") ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
    return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

/**
 * Text content of an XML fragment: tags removed, entities decoded, whitespace collapsed.
 * @param {string} s
 */
function textOf(s) {
  return decodeEntities(s.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
}

/** @param {string} s */
function attributesOf(s) {
  /** @type {Record<string, string>} */
  const attrs = {};
  for (const m of s.matchAll(/([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (m[1]) attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? "");
  }
  return attrs;
}

/**
 * Turn an <xref> into a Reference, labelled the way IANA's CSV writes it.
 * @param {Record<string, string>} attrs
 * @param {string} text
 * @returns {Reference}
 */
export function xrefToReference(attrs, text) {
  const type = (attrs["type"] ?? "").toLowerCase();
  const data = (attrs["data"] ?? "").trim();
  if (type === "rfc" || type === "draft") {
    // The text, when present, is e.g. "RFC9110, Section 15.5.5"; the data attribute names the document.
    const fromData = classifyReference(data);
    const fromText = text ? classifyReference(text) : null;
    if (fromData.kind !== "other") {
      const section =
        fromText && fromText.kind !== "other" && fromText.document.toLowerCase() === fromData.document.toLowerCase()
          ? fromText.section
          : (/(?:Section|Sec\.?|§)\s*([0-9A-Za-z][0-9A-Za-z.]*)/i.exec(text)?.[1] ?? null);
      const label = fromData.kind === "rfc" ? `RFC${fromData.document.slice(4)}` : fromData.document;
      return { ...fromData, section, label: `[${label}${section ? `, Section ${section}` : ""}]` };
    }
    if (fromText && fromText.kind !== "other") return fromText;
  }
  // note, uri, person, or an rfc/draft xref we cannot read: a non-document reference.
  const shown = text || (type === "note" ? `note ${data}` : data) || type || "xref";
  return { kind: "other", document: shown, section: null, label: `[${shown}]` };
}

/**
 * Parse IANA's http-status-codes.xml.
 * @param {string} text
 * @returns {Registry}
 */
export function parseRegistryXml(text) {
  const src = stripBom(text)
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_all, inner) =>
      String(inner).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    );
  if (/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!doctype html|<html[\s>])/i.test(src) && !/<record\b/.test(src)) {
    throw new CheckIanaError(
      "this is an HTML page, not the registry XML: download http-status-codes.xml or http-status-codes-1.csv",
    );
  }
  if (!/^\s*</.test(src)) throw new CheckIanaError("not XML: the file does not start with '<'");
  /** @param {number} index */
  const lineAt = (index) => src.slice(0, index).split("\n").length;

  // The registry's own date: the first <updated> (the top-level one comes before any record).
  const upd = /<updated>\s*([^<]*?)\s*<\/updated>/.exec(src);
  /** @type {string | null} */
  let updated = null;
  if (upd && upd[1] !== undefined) {
    if (!isIsoDate(upd[1])) throw new CheckIanaError(`line ${lineAt(upd.index)}: <updated> is not a date: ${JSON.stringify(upd[1])}`);
    updated = upd[1];
  }

  // Only the status-code sub-registry when the file has several.
  let scope = src;
  let scopeOffset = 0;
  const sub = /<registry\b[^>]*\bid\s*=\s*["']http-status-codes-1["'][^>]*>/.exec(src);
  if (sub) {
    const end = src.indexOf("</registry>", sub.index);
    scopeOffset = sub.index;
    scope = src.slice(sub.index, end < 0 ? undefined : end);
  }

  /** @type {Array<{ value: string, description: string, references: Reference[], where: string }>} */
  const rows = [];
  const open = /<record\b([^>]*?)(\/?)>/g;
  let count = 0;
  for (let m = open.exec(scope); m; m = open.exec(scope)) {
    count++;
    const where = `record ${count} (line ${lineAt(scopeOffset + m.index)})`;
    if (m[2] === "/") throw new CheckIanaError(`${where}: empty <record/>`);
    const bodyStart = m.index + m[0].length;
    const close = scope.indexOf("</record>", bodyStart);
    if (close < 0) throw new CheckIanaError(`${where}: <record> is never closed`);
    const body = scope.slice(bodyStart, close);
    open.lastIndex = close + "</record>".length;
    const value = /<value>([\s\S]*?)<\/value>/.exec(body);
    if (!value) throw new CheckIanaError(`${where}: <record> has no <value>`);
    const description = /<description>([\s\S]*?)<\/description>/.exec(body);
    const valueText = textOf(value[1] ?? "");
    if (!description) throw new CheckIanaError(`${where}: <record> ${valueText} has no <description>`);
    /** @type {Reference[]} */
    const references = [];
    // Record-level xrefs only (an xref inside <description> is part of the text, not the Reference column).
    const outside = body.replace(/<description>[\s\S]*?<\/description>/, "");
    for (const x of outside.matchAll(/<xref\b([^>]*?)(?:\/>|>([\s\S]*?)<\/xref>)/g)) {
      references.push(xrefToReference(attributesOf(x[1] ?? ""), textOf(x[2] ?? "")));
    }
    rows.push({ value: valueText, description: textOf(description[1] ?? ""), references, where });
  }
  if (rows.length === 0) {
    throw new CheckIanaError("the XML has no <record> elements: is this IANA's http-status-codes.xml?");
  }
  return buildRegistry("xml", updated, rows);
}

/** @param {string} text */
function stripBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parse a registry file's text, CSV or XML, detected from the content.
 * @param {string} text
 * @returns {Registry}
 */
export function parseRegistry(text) {
  const t = stripBom(text);
  if (t.trim() === "") throw new CheckIanaError("the file is empty");
  return /^\s*</.test(t) ? parseRegistryXml(t) : parseRegistryCsv(t);
}

// ---------------------------------------------------------------------------
// Data file
// ---------------------------------------------------------------------------

/**
 * Check the fields this checker relies on; throw CheckIanaError otherwise.
 * @param {unknown} json
 * @returns {DataEntry[]}
 */
export function validateData(json) {
  if (!Array.isArray(json)) throw new CheckIanaError("the data file is not a JSON array of entries");
  /** @type {Set<number>} */
  const codes = new Set();
  return json.map((e, i) => {
    const where = `data entry ${i}`;
    if (!e || typeof e !== "object") throw new CheckIanaError(`${where} is not an object`);
    const o = /** @type {Record<string, unknown>} */ (e);
    const code = o["code"];
    if (typeof code !== "number" || !Number.isInteger(code)) throw new CheckIanaError(`${where} has no integer "code"`);
    if (codes.has(code)) throw new CheckIanaError(`${where}: code ${code} appears twice`);
    codes.add(code);
    if (typeof o["phrase"] !== "string") throw new CheckIanaError(`${where} (code ${code}) has no string "phrase"`);
    if (typeof o["status"] !== "string") throw new CheckIanaError(`${where} (code ${code}) has no string "status"`);
    const spec = o["spec"];
    if (!spec || typeof spec !== "object" || typeof (/** @type {any} */ (spec).document) !== "string") {
      throw new CheckIanaError(`${where} (code ${code}) has no "spec.document"`);
    }
    const s = /** @type {Record<string, unknown>} */ (spec);
    const section = s["section"];
    const expires = o["expires"];
    /** @type {DataEntry} */
    const entry = {
      code,
      phrase: o["phrase"],
      status: o["status"],
      spec: { document: String(s["document"]), section: typeof section === "string" ? section : null },
    };
    if (typeof expires === "string") entry.expires = expires;
    return entry;
  });
}

// ---------------------------------------------------------------------------
// Compare
// ---------------------------------------------------------------------------

/** @param {string} s */
const normDoc = (s) => s.replace(/\s+/g, "").toLowerCase();

/**
 * The data `status` values that agree with a registry entry.
 * @param {RegistryEntry} r
 * @returns {string[]}
 */
function expectedStatuses(r) {
  if (r.unused) return ["unused"];
  if (r.temporary) return ["provisional"];
  if (r.obsoleted) return ["obsoleted"];
  // 305 is "deprecated" by RFC 9110 prose; the registry shows it as a plain entry.
  return ["standard", "deprecated"];
}

/**
 * The registry markers of a data status, for wording "became (Unused)" and so on.
 * @param {string} status
 */
function markerOfStatus(status) {
  if (status === "unused") return "(Unused)";
  if (status === "provisional") return "TEMPORARY";
  if (status === "obsoleted") return "OBSOLETED";
  return null;
}

/** @param {RegistryEntry} r */
function markerOfEntry(r) {
  if (r.unused) return "(Unused)";
  if (r.temporary) return "TEMPORARY";
  if (r.obsoleted) return "OBSOLETED";
  return null;
}

/** @param {DataEntry["spec"]} spec */
function formatDataSpec(spec) {
  return spec.section ? `${spec.document}, Section ${spec.section}` : spec.document;
}

/** @param {Reference[]} refs */
function formatCell(refs) {
  return refs.length ? refs.map((r) => r.label).join("") : "(no reference)";
}

/**
 * Does the registry's Reference cell support the data's spec?
 * The data's document must be one of the RFC/draft references; when the registry cites a section of
 * that document, the data's section must equal it. Non-document references are ignored.
 * @param {DataEntry["spec"]} spec
 * @param {Reference[]} refs
 */
export function referenceMatches(spec, refs) {
  const same = refs.filter((r) => r.kind !== "other" && normDoc(r.document) === normDoc(spec.document));
  if (same.length === 0) return false;
  const sections = same.flatMap((r) => (r.section === null ? [] : [r.section]));
  if (sections.length === 0) return true;
  return spec.section != null && sections.includes(spec.section);
}

/**
 * Compare a parsed registry with the data entries.
 * @param {Registry} registry
 * @param {DataEntry[]} data
 * @param {{ today: string }} options  today as YYYY-MM-DD
 * @returns {Difference[]} sorted by code, in a fixed order of kinds per code
 */
export function compareRegistry(registry, data, options) {
  const { today } = options;
  /** @type {Difference[]} */
  const diffs = [];
  const byCode = new Map(data.map((d) => [d.code, d]));
  const regByCode = new Map(registry.entries.map((r) => [r.code, r]));
  /**
   * @param {number} code
   * @param {DifferenceKind} kind
   * @param {string} label
   * @param {string | null} oldV
   * @param {string | null} newV
   * @param {string} text
   */
  const add = (code, kind, label, oldV, newV, text) =>
    diffs.push({ code, kind, label, old: oldV, new: newV, message: `${label}: ${text}` });

  for (const r of registry.entries) {
    const d = byCode.get(r.code);
    const regName = r.unused ? "(Unused)" : (r.phrase ?? "");
    if (!d) {
      const marker = markerOfEntry(r);
      const extra = marker ? ` (${marker}${r.temporary && r.expires ? `, expires ${r.expires}` : ""})` : "";
      add(r.code, "added", `${r.code} ${regName}`, null, r.description,
        `added to the registry, missing from data: ${JSON.stringify(r.description)} ${formatCell(r.references)}${extra}`);
    } else {
      const label = `${d.code} ${d.phrase}`;
      // Phrase: unused entries keep their historic name in data, so "(Unused)" is not compared.
      if (!r.unused && r.phrase !== null && r.phrase !== d.phrase) {
        add(r.code, "phrase", label, d.phrase, r.phrase,
          `phrase changed: ${JSON.stringify(d.phrase)} → ${JSON.stringify(r.phrase)}`);
      }
      // Status: (Unused), OBSOLETED, TEMPORARY.
      const expected = expectedStatuses(r);
      if (!expected.includes(d.status)) {
        const was = markerOfStatus(d.status);
        const now = markerOfEntry(r);
        /** @type {string[]} */
        const what = [];
        if (was && was !== now) what.push(`stopped being ${was}`);
        if (now && now !== was) {
          what.push(`became ${now}${r.temporary && r.expires ? ` (expires ${r.expires})` : ""}`);
        }
        if (what.length === 0) what.push("status differs");
        const suggested = expected[0] ?? "standard";
        add(r.code, "status", label, d.status, suggested,
          `${what.join(", ")}: status ${d.status} → ${suggested}`);
      }
      // Reference.
      if (!referenceMatches(d.spec, r.references)) {
        add(r.code, "reference", label, formatDataSpec(d.spec), formatCell(r.references),
          `reference changed: ${formatDataSpec(d.spec)} → ${formatCell(r.references)}`);
      }
      // Expiry of a provisional registration that both sides know about.
      if (r.temporary && d.status === "provisional" && (d.expires ?? null) !== r.expires) {
        add(r.code, "expires", label, d.expires ?? null, r.expires,
          `expiry changed: ${d.expires ?? "(none)"} → ${r.expires ?? "(none given by the registry)"}`);
      }
    }
    // Expired: a TEMPORARY entry whose expiry is before the registry's own date or before today.
    if (r.temporary && r.expires) {
      /** @type {string[]} */
      const reasons = [];
      if (registry.updated && r.expires < registry.updated) reasons.push(`registry updated ${registry.updated}`);
      if (r.expires < today) reasons.push(`today ${today}`);
      if (reasons.length) {
        const name = d ? d.phrase : regName;
        add(r.code, "expired", `${r.code} ${name}`, d?.expires ?? null, r.expires,
          `provisional registration expired ${r.expires} (${reasons.join(", ")}): check whether IANA renewed or removed it`);
      }
    }
  }

  for (const d of data) {
    if (regByCode.has(d.code)) continue;
    const range = registry.unassigned.find((u) => d.code >= u.from && d.code <= u.to);
    const where = range ? (range.from === range.to ? "now Unassigned" : `now inside Unassigned ${range.from}-${range.to}`) : "not listed";
    add(d.code, "removed", `${d.code} ${d.phrase}`, d.status, null,
      `removed from the registry (${where}), still in data as ${d.status}`);
  }

  /** @type {DifferenceKind[]} */
  const order = ["added", "removed", "phrase", "status", "reference", "expires", "expired"];
  return diffs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.code - b.d.code || order.indexOf(a.d.kind) - order.indexOf(b.d.kind) || a.i - b.i)
    .map((x) => x.d);
}

// ---------------------------------------------------------------------------
// Report and CLI
// ---------------------------------------------------------------------------

/**
 * @param {Difference[]} diffs
 * @param {{ registryFile: string, dataFile: string, registry: Registry, today: string }} ctx
 * @returns {string} the report, ending with a newline
 */
export function formatReport(diffs, ctx) {
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

const USAGE = "usage: node scripts/check-iana.js <http-status-codes-1.csv | http-status-codes.xml> [--data <status-codes.json>] [--today YYYY-MM-DD]";

/** The default data file, relative to this script. */
export const DEFAULT_DATA_PATH = fileURLToPath(new URL("../data/status-codes.json", import.meta.url));

/** Local date as YYYY-MM-DD. */
function localToday() {
  const now = new Date();
  const p = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** @param {string} p */
function shownPath(p) {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith("..") ? rel : p;
}

/**
 * @param {string} path
 * @param {string} what
 */
function readText(path, what) {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const e = /** @type {NodeJS.ErrnoException} */ (err);
    const reason =
      e.code === "ENOENT" ? "no such file" : e.code === "EISDIR" ? "it is a directory" : e.code === "EACCES" ? "permission denied" : (e.message ?? String(err));
    throw new CheckIanaError(`cannot read ${what} ${path}: ${reason}`);
  }
}

/**
 * Run the checker as the CLI would, without touching process state.
 * @param {string[]} argv  arguments after the script name
 * @returns {{ exitCode: 0 | 1 | 2, stdout: string, stderr: string }}
 */
export function runCli(argv) {
  try {
    /** @type {string | undefined} */
    let file;
    let dataPath = DEFAULT_DATA_PATH;
    let today = localToday();
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] ?? "";
      const eq = arg.indexOf("=");
      const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
      /** @returns {string} */
      const valueOf = () => {
        if (arg.startsWith("--") && eq > 0) return arg.slice(eq + 1);
        const v = argv[++i];
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
    /** @type {Registry} */
    let registry;
    try {
      registry = parseRegistry(text);
    } catch (err) {
      if (err instanceof CheckIanaError) throw new CheckIanaError(`cannot parse ${shownPath(filePath)}: ${err.message}`);
      throw err;
    }
    /** @type {unknown} */
    let json;
    try {
      json = JSON.parse(readText(dataPath, "data file"));
    } catch (err) {
      if (err instanceof CheckIanaError) throw err;
      throw new CheckIanaError(`cannot parse data file ${shownPath(dataPath)}: ${err instanceof Error ? err.message : String(err)}`);
    }
    let data;
    try {
      data = validateData(json);
    } catch (err) {
      if (err instanceof CheckIanaError) throw new CheckIanaError(`data file ${shownPath(dataPath)}: ${err.message}`);
      throw err;
    }
    const diffs = compareRegistry(registry, data, { today });
    const report = formatReport(diffs, { registryFile: shownPath(filePath), dataFile: shownPath(dataPath), registry, today });
    return { exitCode: diffs.length ? 1 : 0, stdout: report, stderr: "" };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const prefix = err instanceof CheckIanaError ? "" : "internal error: ";
    return { exitCode: 2, stdout: "", stderr: `check-iana: ${prefix}${msg}\n` };
  }
}

const isEntryPoint = (() => {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
  } catch {
    return false;
  }
})();

if (isEntryPoint) {
  const result = runCli(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
