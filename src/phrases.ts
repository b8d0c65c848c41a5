// Drop-ins for code written against a phrase table, and the status text a log line needs.
import { CLASSES, PHRASES } from "./tables";
import { slot } from "./internal";
import type { ReasonPhrase, StatusCode } from "./types";

/**
 * `REASON_PHRASES`'s type: literal per registered code, indexable like Node's `STATUS_CODES`, and
 * without `Object.prototype`'s members (`toString`, `constructor`…), since the object has no prototype.
 */
export type ReasonPhrases = { readonly [C in StatusCode]: ReasonPhrase<C> } & {
  readonly [code: number]: ReasonPhrase | undefined;
  readonly [key: string]: ReasonPhrase | undefined;
} & { readonly [K in keyof Object]?: undefined };

/**
 * The registry phrase of every registered code, to index like Node's `http.STATUS_CODES` or Deno's
 * `STATUS_TEXT`. Frozen, with no prototype, so `REASON_PHRASES["constructor"]` is `undefined`.
 *
 * @example Index it like Node's `STATUS_CODES`
 * ```ts
 * import { REASON_PHRASES } from "statuskit";
 *
 * REASON_PHRASES[404]; // => "Not Found"
 * REASON_PHRASES["413"]; // => "Content Too Large"
 * REASON_PHRASES[499]; // => undefined
 * REASON_PHRASES["__proto__"]; // => undefined
 * REASON_PHRASES["constructor"]; // => undefined
 * Object.keys(REASON_PHRASES).length; // => 64
 * ```
 */
export const REASON_PHRASES: ReasonPhrases = /* @__PURE__ */ phraseTable();

// Written from the generated phrases, reading only their own indexes. With no prototype, no
// assignment here runs a setter that a library may have put on Object.prototype.
function phraseTable(): ReasonPhrases {
  const table: Record<number, string> = Object.create(null);
  for (let i = 0; i < PHRASES.length; i++) {
    const phrase = PHRASES[i];
    if (phrase !== undefined) table[i + 100] = phrase;
  }
  return Object.freeze(table) as ReasonPhrases;
}

/** A response's status as Fetch gives it (`status`, `statusText`) or as Node does (`statusCode`, `statusMessage`). */
export type ResponseStatus =
  | { readonly status: number; readonly statusText?: string | undefined }
  | { readonly statusCode?: number | undefined; readonly statusMessage?: string | undefined };

/**
 * One property of an object the caller passed, found on the object or on a prototype of its own
 * (Fetch's `Response.prototype` has getters for `status` and `statusText`). A member of
 * `Object.prototype` or `Array.prototype` is pollution, not a response's status, and reads as
 * missing; so does a getter or proxy that throws.
 */
function read(object: object, key: string): unknown {
  try {
    let o: object | null = object;
    while (o !== null && !Object.hasOwn(o, key)) o = Object.getPrototypeOf(o);
    return o === null || o === Object.prototype || o === Array.prototype ? undefined : (object as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

// C0 (CR, LF, TAB, ESC…), DEL and C1: RFC 9112 §4 allows none of them in a reason phrase but TAB.
const CONTROL = /[\0-\x1f\x7f-\x9f]/;

/**
 * The status text of a response, for logs and errors: its own reason phrase (trimmed) if any, else
 * the registry's phrase, else the class title. HTTP/2 and HTTP/3 send no reason phrase (RFC 9113
 * §8.3.2, RFC 9114 §4.3.2), so `statusText` is often `""`.
 *
 * A text that still holds a control character once trimmed (U+0000–U+001F, such as CR, LF, TAB
 * and ESC, U+007F, or U+0080–U+009F) counts as missing, so the answer never holds one and cannot
 * split or forge a log line.
 *
 * Reads `status` and `statusText`, or else `statusCode` and `statusMessage`, each at most once and
 * only used when of the right type; a getter that throws counts as missing.
 *
 * @param response A Fetch `Response`, a Node response, any `{ status, statusText }`; any value is
 * accepted at run time.
 * @returns The text, or `undefined` unless the status is an integer in 100–599.
 *
 * @example Text for an error message
 * ```ts
 * import { statusTextOf } from "statuskit";
 *
 * statusTextOf(new Response(null, { status: 404 })); // => "Not Found"
 * statusTextOf({ status: 404, statusText: "" }); // => "Not Found" (as over HTTP/2)
 * statusTextOf({ status: 404, statusText: "No Such User" }); // => "No Such User"
 * statusTextOf({ status: 404, statusText: "Gone\r\nX-Forged: 1" }); // => "Not Found"
 * statusTextOf({ status: 499, statusText: "" }); // => "Client Error"
 * statusTextOf({ statusCode: 503, statusMessage: "" }); // => "Service Unavailable"
 * statusTextOf({ status: 0, statusText: "" }); // => undefined
 * ```
 */
export function statusTextOf(response: ResponseStatus): string | undefined;
export function statusTextOf(response: unknown): string | undefined {
  if (typeof response !== "object" || response === null) return undefined;
  const status = read(response, "status");
  const fetchLike = typeof status === "number";
  const code = fetchLike ? status : read(response, "statusCode");
  const i = slot(code);
  if (i < 0) return undefined;
  const text = read(response, fetchLike ? "statusText" : "statusMessage");
  const own = typeof text === "string" ? text.trim() : "";
  // The class by the index's first digit, as classOf does: classIndex would check the code again.
  return (CONTROL.test(own) ? "" : own) || PHRASES[i] || CLASSES[(i / 100) | 0]!.title;
}
