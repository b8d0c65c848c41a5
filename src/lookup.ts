import { CLASS_NAMES, CLASSES, LEGACY_NAMES, PHRASES, ROWS } from "./tables";
import { classIndex, constantOf, DEFAULT_DOCUMENT, DEFAULT_STATUS, deepFreeze, nameKey, slot, specUrl } from "./internal";
import type { CodeOf, FormattedStatus, ReasonPhrase, StatusCode, StatusInfo } from "./types";

/**
 * Every registered status as a deeply frozen record, sorted by code.
 *
 * @example Count the registry
 * ```ts
 * import { STATUSES } from "statuskit";
 *
 * STATUSES.length; // => 64
 * STATUSES.filter((s) => s.status === "unused").map((s) => s.code); // => [306, 418]
 * ```
 */
export const STATUSES: readonly StatusInfo[] = /* @__PURE__ */ deepFreeze(/* @__PURE__ */ records());

// The generated rows hold only what cannot be derived; src/tables.ts's `StatusTable` type spells out
// each record (in the shape of src/record.ts), and test/data.test.ts checks these records against
// data/status-codes.json.
function records(): StatusInfo[] {
  return ROWS.map(([code, description, section, aliases = [], document = DEFAULT_DOCUMENT, status = DEFAULT_STATUS, expires = null]) => {
    const phrase = PHRASES[code - 100]!;
    return {
      code,
      phrase,
      constant: constantOf(phrase),
      class: CLASS_NAMES[classIndex(code)],
      description,
      status,
      expires,
      spec: { document, section, url: specUrl(document, section) },
      aliases: aliases.map(([legacy, constant, source]) => ({ phrase: legacy, constant, source })),
    };
  }) as unknown as StatusInfo[];
}

// Every table here is dense and made by `map` or `split`, which define each index on the new array
// itself. Never by assigning to a missing index, which runs a setter that an older library may
// have put on Array.prototype or Object.prototype (and a hole reads their getter).
const BY_SLOT: readonly (StatusInfo | undefined)[] = /* @__PURE__ */ PHRASES.map((_, i) => STATUSES.find((s) => s.code === i + 100));

/**
 * The registry record of a status code: phrase, constant, class, description, lifecycle,
 * defining spec and legacy names.
 *
 * Every call returns the same deeply frozen object.
 *
 * @param code A status code (any value at run time).
 * @returns The record, or `undefined` when `code` is not a registered code.
 *
 * @example Read a record
 * ```ts
 * import { getStatus } from "statuskit";
 *
 * getStatus(413).phrase; // => "Content Too Large"
 * getStatus(413).spec.url; // => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14"
 * getStatus(413).aliases.map((a) => a.constant); // => ["PAYLOAD_TOO_LARGE", "REQUEST_ENTITY_TOO_LARGE", "REQUEST_TOO_LONG"]
 * getStatus(104).expires; // => "2026-11-13"
 * getStatus(499); // => undefined
 * ```
 */
export function getStatus<C extends StatusCode>(code: C): StatusInfo<C>;
export function getStatus(code: number): StatusInfo | undefined;
export function getStatus(code: unknown): StatusInfo | undefined {
  // Checking the index first keeps every lookup an in-bounds array read: reading index -1 is slow.
  const i = slot(code);
  return i < 0 ? undefined : BY_SLOT[i];
}

/**
 * The registry reason phrase of a status code (RFC 9110 names: 413 is "Content Too Large").
 *
 * @param code A status code (any value at run time).
 * @returns The phrase, or `undefined` when `code` is not a registered code.
 *
 * @example Phrases for logs
 * ```ts
 * import { reasonPhrase } from "statuskit";
 *
 * reasonPhrase(404); // => "Not Found"
 * reasonPhrase(422); // => "Unprocessable Content"
 * reasonPhrase(499); // => undefined
 * ```
 */
export function reasonPhrase<C extends StatusCode>(code: C): ReasonPhrase<C>;
export function reasonPhrase(code: number): ReasonPhrase | undefined;
export function reasonPhrase(code: unknown): string | undefined {
  const i = slot(code);
  return i < 0 ? undefined : PHRASES[i];
}

/**
 * Whether a value is a code in the IANA registry.
 *
 * @param value Any value.
 * @returns `true` for the 64 registered codes, `false` for everything else.
 *
 * @example Narrow an unknown value
 * ```ts
 * import { isStatusCode } from "statuskit";
 *
 * isStatusCode(404); // => true
 * isStatusCode(499); // => false
 * isStatusCode("404"); // => false
 * ```
 */
export function isStatusCode(value: unknown): value is StatusCode {
  const i = slot(value);
  return i >= 0 && PHRASES[i] !== undefined;
}

// Each name under its own spelling and under its key, so that an exact name is found without
// building a key (which allocates).
const NAMES: ReadonlyMap<string, StatusCode> = /* @__PURE__ */ names();

function names(): Map<string, StatusCode> {
  const map = new Map<string, StatusCode>();
  const add = (name: string, code: number) => map.set(name, code as StatusCode).set(nameKey(name), code as StatusCode);
  PHRASES.forEach((phrase, i) => phrase !== undefined && add(phrase, i + 100));
  for (const [code, name] of LEGACY_NAMES) add(name, code);
  return map;
}

const DIGITS = /^[1-5]\d\d$/;

/**
 * The code for a phrase, a legacy phrase, a constant name, or a three-digit string.
 *
 * Case, spaces, hyphens, underscores and apostrophes are ignored. Text longer than 64
 * characters is never a name, so it is not looked at. A literal written exactly as a phrase, a
 * legacy name, a constant's name or a code's digits has its code's literal type
 * (`codeOf("Not Found")` has type `404`; see `CodeOf`); other text has `StatusCode | undefined`.
 *
 * @param text A name or a bare three-digit code (any value at run time).
 * @returns The registered code, or `undefined`.
 *
 * @example Parse names
 * ```ts
 * import { codeOf } from "statuskit";
 *
 * codeOf("not found"); // => 404
 * codeOf("NOT_FOUND"); // => 404
 * codeOf("Payload Too Large"); // => 413
 * codeOf("im a teapot"); // => 418
 * codeOf("404"); // => 404
 * codeOf("404.0"); // => undefined
 * ```
 */
export function codeOf<Name extends string>(text: Name): CodeOf<Name>;
export function codeOf(text: unknown): StatusCode | undefined {
  if (typeof text !== "string" || text.length > 64) return undefined;
  if (DIGITS.test(text)) return PHRASES[+text - 100] ? (+text as StatusCode) : undefined;
  return NAMES.get(text) ?? NAMES.get(nameKey(text));
}

/**
 * A status line for logs: the code and its phrase, or its class title when the code is valid but
 * not registered.
 *
 * @param code A status code (any value at run time).
 * @returns `"404 Not Found"`, `"499 Client Error"`, or `undefined` outside 100–599.
 *
 * @example Format for a log line
 * ```ts
 * import { formatStatus } from "statuskit";
 *
 * formatStatus(404); // => "404 Not Found"
 * formatStatus(499); // => "499 Client Error"
 * formatStatus(600); // => undefined
 * ```
 */
export function formatStatus<C extends StatusCode>(code: C): FormattedStatus<C>;
export function formatStatus(code: number): string | undefined;
export function formatStatus(code: unknown): string | undefined {
  const i = slot(code);
  if (i < 0) return undefined;
  return `${i + 100} ${PHRASES[i] ?? CLASSES[classIndex(code)]!.title}`;
}
