// The `statuskit/problem` entry: Problem Details for HTTP APIs (RFC 9457). It takes the core's code
// from the core's built file and the core's types by the package's name (tsup.config.ts), so it
// shares nothing with the core's build. No Node module and no DOM type: the platform's `Response`
// is found through `globalThis`, and Node's `ServerResponse` is described by the members used.
import { formatStatus, isError, isValidCode } from "./index";
import type { ClassInfo, ReasonPhrase, StatusCode } from "statuskit";

export type { ClassInfo, ReasonPhrase, StatusCode } from "statuskit";

// Declared here, not taken from a DOM or Node lib, so that the package's types need neither.
declare const Response: new (body: string, init: object) => FetchResponse;
declare const Headers: new (init: unknown) => { set(name: string, value: string): void };
declare const TextDecoder: new (
  label: "utf-8",
  options: { fatal: true },
) => { decode(bytes?: Uint8Array, options?: { stream: true }): string };

/** The five members RFC 9457 §3.1 defines. */
export type StandardMember = "type" | "title" | "status" | "detail" | "instance";

// Names that are never extension members, besides the standard ones: Object.prototype's, which
// would shadow an object's methods, and `prototype`, a prototype-pollution gadget. A fixed list,
// so nothing is read from a prototype that may be polluted.
const RESERVED = /^(?:__proto__|__(?:define|lookup)[GS]etter__|constructor|prototype|hasOwnProperty|isPrototypeOf|propertyIsEnumerable|toLocaleString|toString|valueOf)$/;
// What `typeof` says of a value JSON can hold (null is an "object").
const JSON_VALUE = /^(?:string|number|boolean|object)$/;
// StandardMember's names in RFC 9457's order; `satisfies` rejects a misspelt one. The type is not
// derived from this constant, as its declaration would then name one that is not exported
// (api-extractor's ae-forgotten-export); a name left out fails test/problem.test.ts.
const ORDER: readonly string[] = ["type", "title", "status", "detail", "instance"] satisfies StandardMember[];
const ABOUT_BLANK = "about:blank";

/**
 * The media type of a problem in JSON (RFC 9457 §6.1).
 *
 * @example
 * ```ts
 * import { PROBLEM_MEDIA_TYPE } from "statuskit/problem";
 *
 * PROBLEM_MEDIA_TYPE; // => "application/problem+json"
 * ```
 */
export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** `C` if it can be a problem's status: `number`, or a literal from 400 to 599 (problems are errors, RFC 9457 §1); else `never`. */
export type ProblemStatus<C extends number> = number extends C
  ? C
  : `${C}` extends `${4 | 5}${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`
    ? C
    : never;

/** The members `createProblem` takes besides the status (RFC 9457 §3.1). */
export interface ProblemInit {
  /** A URI reference naming the problem type; `"about:blank"` when omitted. */
  readonly type?: string;
  /** A short summary of the type; for `about:blank`, the status phrase when omitted (§4.2.1). */
  readonly title?: string;
  /** An explanation of this occurrence, for people. */
  readonly detail?: string;
  /** A URI reference naming this occurrence. */
  readonly instance?: string;
  /** Extension members (§3.2): JSON values, named neither as a standard member nor as an `Object.prototype` member. */
  readonly extensions?: object;
}

/** `I` with `never` for what `createProblem` rejects: an unknown member (a typo such as `detial`), and an extension named as a standard member (unless named by a `string` index). */
export type CheckedProblemInit<I> = { readonly [K in Exclude<keyof I, keyof ProblemInit>]: never } & (I extends { readonly extensions: infer E }
  ? string extends keyof E
    ? unknown
    : { readonly extensions: { readonly [K in keyof E & StandardMember]: never } }
  : unknown);

/** The title of an `about:blank` problem of status `C` (RFC 9457 §4.2.1): its phrase, or an unregistered code's class title. */
export type AboutBlankTitle<C extends number> = number extends C
  ? string
  : C extends StatusCode
    ? ReasonPhrase<C>
    : `${C}` extends `4${string}`
      ? ClassInfo<"client-error">["title"]
      : ClassInfo<"server-error">["title"];

/** The members of `createProblem(status: C, init: I)`, which `Problem` flattens. */
export type ProblemMembers<C extends number, I> = ("type" extends keyof I ? (I extends { readonly type: infer T extends string } ? T : string) : "about:blank") extends infer T
  ? { readonly type: T; readonly status: C } & ("title" extends keyof I
      ? I extends { readonly title: infer U extends string }
        ? { readonly title: U }
        : { readonly title?: string }
      : T extends "about:blank"
        ? { readonly title: AboutBlankTitle<C> }
        : "about:blank" extends T
          ? { readonly title?: string }
          : unknown) &
      Pick<I, Extract<keyof I, "detail" | "instance">> &
      (I extends { readonly extensions: infer E } ? Readonly<E> : unknown)
  : never;

/** A problem built by `createProblem` with status `C` from `I`: frozen, and its JSON is the body. `Problem` is any. */
export type Problem<C extends number = number, I extends ProblemInit = ProblemInit> = { readonly [K in keyof ProblemMembers<C, I>]: ProblemMembers<C, I>[K] };

/** A problem read from JSON: every member optional (RFC 9457 §3.1; no `type` means `"about:blank"`), extensions `unknown`. */
export interface ProblemDetails {
  /** A URI reference that identifies the problem type (§3.1.1). */
  readonly type?: string;
  /** A short summary of the problem type (§3.1.3). */
  readonly title?: string;
  /** The HTTP status code of this occurrence (§3.1.2). */
  readonly status?: number;
  /** An explanation of this occurrence (§3.1.4). */
  readonly detail?: string;
  /** A URI reference that identifies this occurrence (§3.1.5). */
  readonly instance?: string;
  /** Extension members (§3.2). */
  readonly [extension: string]: unknown;
}

/** What the readers use of a Fetch `Response`; every platform's `Response` fits. */
export interface ResponseLike {
  /** The response headers; only `get` is used. */
  readonly headers: { get(name: string): string | null };
  /** The response body as a stream, read until the size limit. */
  readonly body: { getReader(): { read(): Promise<{ done: boolean; value?: unknown }>; cancel(reason?: unknown): Promise<void> } } | null;
}

/** The platform's `Response` (DOM, Node, Deno, Bun), or `ResponseLike` where no lib declares one. */
export type FetchResponse = typeof globalThis extends { Response: new (...args: never) => infer R } ? R : ResponseLike;

/** `ResponseInit` without `status`, which is the problem's: the platform's type, or `headers` and `statusText`. */
export type ProblemResponseInit = Omit<
  typeof globalThis extends { Response: new (body?: never, init?: infer I) => unknown }
    ? NonNullable<I>
    : { readonly headers?: Readonly<Record<string, string>> | readonly (readonly [string, string])[]; readonly statusText?: string },
  "status"
>;

/** What `sendProblem` uses of Node's `http.ServerResponse` (Express's `res`, Fastify's `reply.raw`). */
export interface ServerResponseLike {
  /** Set to the problem's status. */
  statusCode: number;
  /** Called once, for `Content-Type`. */
  setHeader(name: string, value: string): unknown;
  /** Called once, with the JSON body. */
  end(body: string): unknown;
}

/** `readProblem`'s options. */
export interface ReadProblemOptions {
  /** Also read `application/json` bodies. */
  readonly acceptJson?: boolean;
  /** The most bytes read (default 65,536); a longer body gives `undefined`. */
  readonly maxBytes?: number;
}

/**
 * The own enumerable data members of a JSON-like object (its prototype is an `Object.prototype` of
 * any realm, or null), and whether it has an accessor; `undefined` for anything else, a throwing
 * proxy included. No getter, `valueOf` or `toJSON` is called.
 */
function dataOf(value: unknown): [Map<string, unknown>, boolean] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return undefined;
    const data = new Map<string, unknown>();
    let accessor = false;
    for (const key of Object.keys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d && Object.hasOwn(d, "value")) data.set(key, d.value);
      else accessor = true;
    }
    return [data, accessor];
  } catch {
    return undefined;
  }
}

/**
 * A problem's members: the standard ones of their types in RFC 9457's order (§3.1: others "MUST
 * be ignored"; a status is a valid code, RFC 9110 §15), then the extensions of a JSON type whose
 * names are not reserved; and whether anything was left out.
 */
function clean(value: unknown): [[string, unknown][], boolean] | undefined {
  const found = dataOf(value);
  if (!found) return undefined;
  const [data, accessor] = found;
  const members = ORDER.filter((key) => (key === "status" ? isValidCode(data.get(key)) : typeof data.get(key) === "string")).map(
    (key): [string, unknown] => [key, data.get(key)],
  );
  for (const [key, member] of data) {
    if (!ORDER.includes(key) && !RESERVED.test(key) && JSON_VALUE.test(typeof member)) members.push([key, member]);
  }
  return [members, accessor || members.length < data.size];
}

/** `value` in an error message, calling nothing on it: `"404"`, `600`, `null`, `object`. */
const describe = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value === "number" || value === null ? `${value}` : typeof value;

/** A problem's status: an integer from 400 to 599, else a TypeError or RangeError naming `name`. */
function errorStatus(name: string, status: unknown): number {
  if (typeof status !== "number") throw new TypeError(`${name} must be a number, not ${describe(status)}`);
  if (!isError(status)) {
    throw new RangeError(`${name} must be an integer from 400 to 599, not ${describe(status)}`);
  }
  return status;
}

/** The data members of `value`, else a TypeError naming `name`. */
function plain(name: string, value: unknown): Map<string, unknown> {
  const found = dataOf(value);
  if (!found || found[1]) throw new TypeError(`${name} must be a plain object of data members, not ${describe(value)}`);
  return found[0];
}

/**
 * Builds a problem (RFC 9457): a frozen object with `type` (default `"about:blank"`), `title`,
 * `status`, then `init`'s `detail`, `instance` and extension members. An `about:blank` problem's
 * title defaults to the status phrase (§4.2.1), or an unregistered code's class title.
 *
 * @param status An integer from 400 to 599 (problems are errors, §1).
 * @param init The other members; `extensions` holds the extension members (§3.2).
 * @returns The problem; extension values are kept, not copied.
 * @throws TypeError For a `status` that is not a number, or an unknown, misnamed or mistyped member.
 * @throws RangeError For a `status` outside 400–599.
 *
 * @example
 * ```ts
 * import { createProblem } from "statuskit/problem";
 *
 * createProblem(404); // => { type: "about:blank", title: "Not Found", status: 404 }
 * createProblem(499, { detail: "Closed early." }).title; // => "Client Error"
 * createProblem(403, { extensions: { balance: 30 } }).balance; // => 30
 * ```
 */
export function createProblem<C extends number, const I extends ProblemInit = {}>(
  status: C & ProblemStatus<C>,
  init?: I & CheckedProblemInit<I>,
): Problem<C, I>;
export function createProblem(status: unknown, init: unknown = {}): Problem {
  const code = errorStatus("createProblem(): status", status);
  const members = new Map<string, unknown>([["type", ABOUT_BLANK]]);
  let extensions: [string, unknown][] = [];
  for (const [key, value] of plain("createProblem(): init", init)) {
    if (value === undefined) continue;
    if (key === "extensions") {
      extensions = [...plain("createProblem(): init.extensions", value)].filter(([, member]) => member !== undefined);
      for (const [name, member] of extensions) {
        if (ORDER.includes(name) || RESERVED.test(name)) throw new TypeError(`createProblem(): init.extensions.${name} has a reserved name`);
        if (!JSON_VALUE.test(typeof member)) {
          throw new TypeError(`createProblem(): init.extensions.${name} must be a JSON value, not ${describe(member)}`);
        }
      }
    } else if (key === "status" || !ORDER.includes(key)) {
      throw new TypeError(
        `createProblem(): init.${key} is not a member (the status is the first argument; extension members go in init.extensions)`,
      );
    } else if (typeof value === "string") members.set(key, value);
    else throw new TypeError(`createProblem(): init.${key} must be a string, not ${describe(value)}`);
  }
  // "404 Not Found", "499 Client Error": the phrase, or an unregistered code's class title.
  if (members.get("type") === ABOUT_BLANK && !members.has("title")) members.set("title", formatStatus(code)!.slice(4));
  members.set("status", code);
  const standard = ORDER.filter((key) => members.has(key)).map((key) => [key, members.get(key)]);
  return Object.freeze(Object.fromEntries([...standard, ...extensions])) as Problem;
}

/** The status of a problem to send, checked like `createProblem`'s. */
function statusOf(fn: string, problem: unknown): number {
  const found = clean(problem);
  if (!found || found[1]) throw new TypeError(`${fn}(): problem must be a problem, not ${describe(problem)}`);
  return errorStatus(`${fn}(): problem.status`, found[0].find(([key]) => key === "status")?.[1]);
}

/**
 * A Fetch `Response` for a problem: its JSON, its status (§3.1.2; `init.status` is ignored), and
 * `Content-Type: application/problem+json` in place of any in `init.headers`; the rest is kept.
 *
 * @param problem A problem from `createProblem`.
 * @param init Headers and status text.
 * @returns The response.
 * @throws TypeError For a `problem` that is not one (status 600 included), or an `init` that is not a plain object.
 * @throws RangeError For a status from 100 to 399.
 *
 * @example
 * ```ts
 * import { createProblem, problemResponse } from "statuskit/problem";
 *
 * problemResponse(createProblem(429), { headers: { "Retry-After": "60" } }).headers.get("content-type"); // => "application/problem+json"
 * await problemResponse(createProblem(404)).json(); // => { type: "about:blank", title: "Not Found", status: 404 }
 * ```
 */
export function problemResponse(problem: Problem, init?: ProblemResponseInit): FetchResponse;
export function problemResponse(problem: unknown, init: unknown = {}): FetchResponse {
  const status = statusOf("problemResponse", problem);
  const options = plain("problemResponse(): init", init);
  const headers = new Headers(options.get("headers"));
  headers.set("content-type", PROBLEM_MEDIA_TYPE);
  // Own members only, on no prototype: a polluted Object.prototype adds no header or status text.
  return new Response(JSON.stringify(problem), { __proto__: null, ...Object.fromEntries(options), status, headers });
}

/**
 * Sends a problem through a `ServerResponseLike` (`node:http`, Express, Fastify's `reply.raw`):
 * its status, `Content-Type: application/problem+json` in place of any set, and its JSON.
 *
 * @param res The response, with nothing sent yet.
 * @param problem A problem from `createProblem`.
 * @throws TypeError For a `problem` that is not one (status 600 included), or a `res` without `setHeader()` and `end()`.
 * @throws RangeError For a status from 100 to 399.
 *
 * @example
 * ```ts
 * import { createProblem, sendProblem } from "statuskit/problem";
 *
 * const res = { statusCode: 200, setHeader(name, value) { this[name] = value; }, end(body) { this.body = body; } };
 * sendProblem(res, createProblem(503)); // => undefined
 * [res.statusCode, res["Content-Type"], JSON.parse(res.body).title]; // => [503, "application/problem+json", "Service Unavailable"]
 * ```
 */
export function sendProblem(res: ServerResponseLike, problem: Problem): void {
  const status = statusOf("sendProblem", problem);
  let shaped = false;
  try {
    shaped = typeof res.setHeader === "function" && typeof res.end === "function";
  } catch {
    // null, undefined, or a proxy that throws.
  }
  if (!shaped) throw new TypeError("sendProblem(): res must have setHeader() and end(), like Node's http.ServerResponse");
  res.statusCode = status;
  res.setHeader("Content-Type", PROBLEM_MEDIA_TYPE);
  res.end(JSON.stringify(problem));
}

/**
 * Reads a problem from JSON text or a parsed value, ignoring members of the wrong type (§3.1: a
 * status is an integer from 100 to 599, so `"404"` is dropped, not coerced), extension values of
 * no JSON type (functions, symbols, bigints), and `Object.prototype`'s names (at any depth of text,
 * at the top of a value).
 *
 * @param input Anything.
 * @returns A new frozen problem, or `undefined` unless `input` is a JSON object or its text.
 *
 * @example
 * ```ts
 * import { parseProblem } from "statuskit/problem";
 *
 * parseProblem('{"status":"404","title":"Not Found","__proto__":{"admin":true}}'); // => { title: "Not Found" }
 * parseProblem("<html>"); // => undefined
 * ```
 */
export function parseProblem(input: unknown): ProblemDetails | undefined {
  try {
    const value: unknown = typeof input === "string" ? JSON.parse(input, (key, v: unknown) => (RESERVED.test(key) ? undefined : v)) : input;
    const found = clean(value);
    return found && (Object.freeze(Object.fromEntries(found[0])) as ProblemDetails);
  } catch {
    // Text that is not JSON.
    return undefined;
  }
}

/**
 * Whether `parseProblem` would keep every member of a value. All members are optional (§3.1).
 *
 * @param value Anything.
 * @returns `true` for a problem; narrows `unknown` to `ProblemDetails`.
 *
 * @example
 * ```ts
 * import { isProblem } from "statuskit/problem";
 *
 * isProblem({}); // => true
 * isProblem({ status: "404" }); // => false
 * ```
 */
export function isProblem(value: ProblemDetails): boolean;
export function isProblem(value: unknown): value is ProblemDetails;
export function isProblem(value: unknown): boolean {
  const found = clean(value);
  return found !== undefined && !found[1];
}

/**
 * Whether a response's media type is `application/problem+json`, or `application/json` when
 * accepted: case and parameters ignored (RFC 9110 §8.3.1).
 */
function typed(response: unknown, acceptJson: unknown): boolean {
  const type: unknown = (response as ResponseLike).headers.get("content-type");
  const match = typeof type === "string" && /^application\/(problem\+)?json[\t ]*(?:;|$)/i.exec(type);
  return !!match && (match[1] !== undefined || acceptJson === true);
}

/**
 * Whether a response's `Content-Type` is `application/problem+json`, in any case, with any
 * parameters. The body is not read.
 *
 * @param value Anything.
 * @returns `true` for a problem response; narrows `unknown` to `ResponseLike`.
 *
 * @example
 * ```ts
 * import { isProblemResponse } from "statuskit/problem";
 *
 * isProblemResponse(new Response("{}", { headers: { "Content-Type": "Application/Problem+JSON; charset=utf-8" } })); // => true
 * ```
 */
export function isProblemResponse(value: ResponseLike): boolean;
export function isProblemResponse(value: unknown): value is ResponseLike;
export function isProblemResponse(value: unknown): boolean {
  try {
    return typed(value, false) && "body" in (value as object);
  } catch {
    return false;
  }
}

/**
 * Reads a problem from a `Response` typed `application/problem+json` (or `application/json` with
 * `acceptJson`; another type keeps its body unread): streamed, no further than `maxBytes`, strict
 * UTF-8 (RFC 8259 §8.1), then `parseProblem`.
 *
 * @param response A `Response`, or anything.
 * @param options `acceptJson` (default `false`), `maxBytes` (default 65,536).
 * @returns The problem, or `undefined`; never rejects.
 *
 * @example
 * ```ts
 * import { readProblem } from "statuskit/problem";
 *
 * await readProblem(new Response('{"status":404}', { headers: { "Content-Type": "application/problem+json" } })); // => { status: 404 }
 * await readProblem(new Response('{"status":404}', { headers: { "Content-Type": "application/json" } })); // => undefined
 * ```
 */
export async function readProblem(response: ResponseLike, options?: ReadProblemOptions): Promise<ProblemDetails | undefined> {
  try {
    // Own members only: a polluted Object.prototype sets no option.
    const own = dataOf(options)?.[0];
    const max = own?.get("maxBytes");
    const limit = typeof max === "number" && max >= 0 ? max : 65_536;
    if (!typed(response, own?.get("acceptJson"))) return undefined;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let text = "";
    for (let read = 0; ; ) {
      const { done, value } = await reader.read();
      if (done) return parseProblem(text + decoder.decode());
      if (!(value instanceof Uint8Array) || (read += value.length) > limit) {
        reader.cancel().catch(() => {});
        return undefined;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return undefined;
  }
}
