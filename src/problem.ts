// The `statuskit/problem` entry: Problem Details for HTTP APIs (RFC 9457). It takes the core's code
// from the core's built file and the core's types by the package's name (tsup.config.ts), so it
// shares nothing with the core's build. No Node module and no DOM type: the platform's `Response`
// is found through `globalThis`, and Node's `ServerResponse` is described by the members used.
//
// Every object this module makes is written with literals or `Object.defineProperty`, never by
// assignment or `push`: an older library may have put an accessor on `Object.prototype` or
// `Array.prototype` under a name or index that a write would run into.
import { isError, isValidCode, reasonPhrase } from "./index";
import type { ClassInfo, ReasonPhrase, StatusCode } from "statuskit";

export type { ClassInfo, ReasonPhrase, StatusCode } from "statuskit";

// Declared here, not taken from a DOM or Node lib, so that the package's types need neither.
declare const Response: new (body: string, init: object) => FetchResponse;
declare const Headers: new (init: unknown) => { set(name: string, value: string): void };
declare const TextDecoder: new (
  label: "utf-8",
  options: { fatal: true; ignoreBOM: true },
) => { decode(bytes?: Uint8Array, options?: { stream: true }): string };
declare const URL: new (url: string, base: string) => { readonly href: string };

/** The five members RFC 9457 §3.1 defines. */
export type StandardMember = "type" | "title" | "status" | "detail" | "instance";

// StandardMember's names in RFC 9457's order; `satisfies` rejects a misspelt one. The type is not
// derived from this constant, as its declaration would then name one that is not exported
// (api-extractor's ae-forgotten-export); a name left out fails test/problem.test.ts.
const ORDER: readonly string[] = ["type", "title", "status", "detail", "instance"] satisfies StandardMember[];
const ABOUT_BLANK = "about:blank";

/**
 * Whether a name is never an extension member: a standard member's, an `Object.prototype`
 * member's, which would shadow a problem's methods (a `toString` member breaks `${problem}`), or
 * `prototype`, a prototype-pollution gadget. Object.prototype's own members are the built-in ones
 * that are not enumerable: what an old library adds by assignment is enumerable, and not reserved.
 * Below the top level only `__proto__` is left out: nested values are `unknown` to their readers,
 * and `__proto__` is the one name that an assignment or `Object.assign` turns into a prototype.
 */
const reserved = (key: string) => ORDER.includes(key) || key === "prototype" || Object.getOwnPropertyDescriptor(Object.prototype, key)?.enumerable === false;
// Schemes are case-insensitive (RFC 3986 §3.1, §6.2.2.1); the rest of `about:blank` is not.
const IS_ABOUT_BLANK = /^[Aa][Bb][Oo][Uu][Tt]:blank$/;
// A URI reference with a scheme is absolute (RFC 3986 §4.3); any other is resolved (§5).
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
// readProblem's default maxBytes: 64 KiB.
const DEFAULT_MAX_BYTES = 65_536;

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

/** `C` if it is `number`, a union (`StatusCode`), or one literal from 400 to 599 (statuskit's guard); else `never`. `All`: leave it out. */
export type ProblemStatus<C extends number, All extends number = C> = number extends C
  ? C
  : C extends unknown
    ? [Exclude<All, C>] extends [never]
      ? `${C}` extends `${4 | 5}${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`
        ? C
        : never
      : C
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
  /** Extension members (§3.2): JSON data, not named as standard or `Object.prototype` members. */
  readonly extensions?: object;
}

/** `I` with `never` for an unknown member (`detial`) and an extension named as a standard member. */
export type CheckedProblemInit<I> = { readonly [K in Exclude<keyof I, keyof ProblemInit>]: never } & (I extends { readonly extensions: infer E }
  ? string extends keyof E
    ? unknown
    : { readonly extensions: { readonly [K in keyof E & StandardMember]: never } }
  : unknown);

/** An `about:blank` problem's title (§4.2.1): the phrase, or an unregistered code's class title. */
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
      : T extends `${infer S}:blank`
        ? Lowercase<S> extends "about"
          ? { readonly title: AboutBlankTitle<C> }
          : unknown
        : "about:blank" extends T
          ? { readonly title?: string }
          : unknown) &
      Pick<I, Extract<keyof I, "detail" | "instance">> &
      (I extends { readonly extensions: infer E } ? Readonly<E> : unknown)
  : never;

/** A problem built by `createProblem` with status `C` from `I`; `Problem` is any. */
export type Problem<C extends number = number, I extends ProblemInit = ProblemInit> = { readonly [K in keyof ProblemMembers<C, I>]: ProblemMembers<C, I>[K] };

/** A problem read: every member optional (§3.1), extensions `unknown`. */
export interface ProblemDetails {
  /** The problem type's URI reference (§3.1.1). */
  readonly type?: string;
  /** The problem type's summary (§3.1.3). */
  readonly title?: string;
  /** The status code (§3.1.2). */
  readonly status?: number;
  /** This occurrence's explanation (§3.1.4). */
  readonly detail?: string;
  /** This occurrence's URI reference (§3.1.5). */
  readonly instance?: string;
  /** Extension members (§3.2). */
  readonly [extension: string]: unknown;
}

/** What the readers use of a Fetch `Response`. */
export interface ResponseLike {
  /** Its headers. */
  readonly headers: { get(name: string): string | null };
  /** Its body. */
  readonly body: { getReader(): { read(): Promise<{ done: boolean; value?: unknown }>; cancel(reason?: unknown): Promise<void> } } | null;
  /** Its URL, against which relative references are resolved. */
  readonly url?: string;
}

/** The platform's `Response`, or `ResponseLike` where no lib declares one. */
export type FetchResponse = typeof globalThis extends { Response: new (...args: never) => infer R } ? R : ResponseLike;

/** The platform's `ResponseInit`, or its `headers`, `status` and `statusText`. */
export type ProblemResponseInit = typeof globalThis extends { Response: new (body?: never, init?: infer I) => unknown }
  ? NonNullable<I>
  : {
      readonly headers?: Readonly<Record<string, string>> | readonly (readonly [string, string])[];
      readonly status?: number;
      readonly statusText?: string;
    };

/** What `sendProblem` uses of Node's `ServerResponse` (Express's too). */
export interface ServerResponseLike {
  /** Set to the status. */
  statusCode: number;
  /** When `true`, nothing is sent. */
  readonly headersSent?: boolean;
  /** Sets the content type. */
  setHeader(name: string, value: string): unknown;
  /** Sends the JSON. */
  end(body: string): unknown;
}

/** What `sendProblem` uses of a Fastify reply. */
export interface FastifyReplyLike {
  /** Node's response. */
  readonly raw: object;
  /** Set to the status. */
  statusCode: number;
  /** Sets the content type. */
  header(key: string, value: string): unknown;
  /** Sends the JSON. */
  send(payload: string): unknown;
}

/** What `readProblem` uses of an `AbortSignal`. */
export interface AbortSignalLike {
  /** Whether it fired. */
  readonly aborted: boolean;
  /** Listens while the body is read. */
  addEventListener(type: "abort", listener: () => void): void;
  /** Stops listening. */
  removeEventListener(type: "abort", listener: () => void): void;
}

/** `readProblem`'s options; others, or wrong types, are a `TypeError`. */
export interface ReadProblemOptions {
  /** Read `application/json` too (default `false`). */
  readonly acceptJson?: boolean;
  /** The most bytes read (default 65,536). */
  readonly maxBytes?: number;
  /** Gives up reading when it fires. */
  readonly signal?: AbortSignalLike;
}

/** Why `readProblemResult` found no problem (`media-type`: its body is left unread). */
export type ProblemReadFailure = "not-a-response" | "media-type" | "no-body" | "body-used" | "too-large" | "aborted" | "read-error" | "not-utf-8" | "not-json" | "not-an-object";

/** The problem, or the reason there is none. */
export type ProblemReadResult =
  | { readonly problem: ProblemDetails; readonly reason?: undefined }
  | { readonly problem?: undefined; readonly reason: ProblemReadFailure };

/** `value` in an error message, calling nothing on it: `"404"`, `600`, `null`, `object`. */
const describe = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value) : typeof value === "number" || value === null ? `${value}` : typeof value;

/**
 * Defines `object[key]` as an enumerable data member, where `object[key] = value` would run a
 * setter inherited from a polluted prototype. The descriptor has no prototype either, or an
 * inherited `get` would make it an accessor's.
 */
function put<T extends object>(object: T, key: string | number, value: unknown): T {
  return Object.defineProperty(object, key, { __proto__: null, value, enumerable: true } as PropertyDescriptor);
}

/** Whether `object[key]` is a function; `false` when reading it throws (null, a revoked proxy). */
function callable(object: unknown, key: string): boolean {
  try {
    return typeof (object as Record<string, unknown>)[key] === "function";
  } catch {
    return false;
  }
}

/**
 * The keys of a JSON-like object, read by reflection only (no getter, `valueOf` or proxy `get`
 * runs): an object's own enumerable keys when its prototype is an `Object.prototype` of any realm
 * or null; an array's indexes when it is an array of any realm (not a subclass) with no holes,
 * which would be read from `Array.prototype`, and no other members; else `undefined`, for a
 * proxy that throws too.
 */
function keysOf(value: unknown): string[] | undefined {
  try {
    const array = Array.isArray(value);
    // Primitives fail here too: a Number.prototype's prototype is not null.
    const proto = Object.getPrototypeOf(array ? Object.getPrototypeOf(value) : value);
    const keys = Object.keys(value as object);
    const n = keys.length;
    // Index keys come first, in order: n keys ending with the index n - 1 are the indexes 0 to n - 1.
    if ((!proto || !Object.getPrototypeOf(proto)) && (!array || (Object.getOwnPropertyDescriptor(value, "length")!.value === n && (!n || keys[n - 1] === `${n - 1}`)))) {
      return keys;
    }
  } catch {
    // null, undefined, or a proxy that throws.
  }
  return undefined;
}

/** An object or array being written: its keys, and where it sits. */
interface Frame {
  readonly from: object;
  readonly keys: string[];
  readonly array: boolean;
  i: number;
  readonly up: Frame | undefined;
  readonly key: string;
}

/** What `write` tells of what is not JSON data: where it is (`pathOf`), and what it is. */
type Bad = (frame: Frame | undefined, key: string, what: string) => void;

/**
 * The JSON text of JSON data (RFC 8259 §3: plain objects, arrays, strings, finite numbers,
 * booleans, null), walked with a stack of its own so that memory alone bounds its depth
 * (`JSON.stringify` overflows the call stack at a few thousand levels, which a problem read within
 * 64 KiB can have). Members are read from own data properties only: no getter, `toJSON` or proxy
 * `get` runs. Anything else is told to `bad` and left out as `JSON.stringify` leaves out a
 * function: dropped from an object, `null` in an array; so is a member named `__proto__`, the one
 * name that an assignment or `Object.assign` turns into a prototype. A member whose value is
 * `undefined` is dropped without a word, as `JSON.stringify` drops it.
 */
function write(root: unknown, bad: Bad): string {
  const open = new Set<unknown>();
  let up: Frame | undefined;
  let key = "";
  let value = root;
  let text = "";
  let what = "";
  let first = true;
  for (;;) {
    // `value` sits at `key` in `up`, unless `what` says it is not JSON data.
    const keys = what || open.has(value) ? undefined : keysOf(value);
    // JSON data: an object or array, a string, a boolean (`value === !!value`), null, a finite number.
    const ok = !!keys || typeof value === "string" || value === !!value || value === null || Number.isFinite(value);
    const member = up && !up.array;
    if (!what && !ok && !(value === undefined && member)) what = open.has(value) ? "a cycle" : typeof value === "object" ? "an instance" : describe(value);
    if (what) bad(up, key, what);
    if (keys) {
      open.add(value);
      up = { from: value as object, keys, array: Array.isArray(value), i: 0, up, key };
    }
    if (what ? !member : ok) {
      text += `${first ? "" : ","}${member ? `${JSON.stringify(key)}:` : ""}${what ? "null" : !keys ? JSON.stringify(value) : up!.array ? "[" : "{"}`;
      first = !!keys;
    }
    what = "";
    // The next value: the next member of the innermost object that has one left.
    for (;;) {
      if (!up) return text;
      if (up.i < up.keys.length) {
        key = up.keys[up.i++]!;
        value = undefined;
        if (!up.array && key === "__proto__") what = key;
        else {
          try {
            const found = Object.getOwnPropertyDescriptor(up.from, key);
            if (found && !Object.hasOwn(found, "value")) throw found;
            value = found?.value;
          } catch {
            // An accessor, or a proxy that throws.
            what = "a getter";
          }
        }
        break;
      }
      text += up.array ? "]" : "}";
      first = false;
      open.delete(up.from);
      up = up.up;
    }
  }
}

/** `.name` and `[2]` steps from the root to `key` in `frame`, for an error message. */
function pathOf(frame: Frame | undefined, key: string): string {
  let path = "";
  for (let f = frame, k = key; f; k = f.key, f = f.up) path = (f.array ? `[${k}]` : `.${k}`) + path;
  return path;
}

/** A linked list of values still to freeze. */
interface Todo {
  readonly value: unknown;
  readonly next: Todo | undefined;
}

/**
 * JSON text parsed, frozen in place at every depth, less its members named `__proto__` (which
 * `JSON.parse` makes own members, not prototypes); walked with a list of its own, as `write` is.
 * Throws a SyntaxError for text that is not JSON.
 */
function parse(text: string): unknown {
  const root: unknown = JSON.parse(text);
  for (let todo: Todo | undefined = { value: root, next: undefined }; todo; ) {
    const { value } = todo;
    todo = todo.next;
    if (typeof value === "object" && value !== null) {
      delete (value as Record<string, unknown>)["__proto__"];
      for (const key of Object.keys(value)) todo = { value: (value as Record<string, unknown>)[key], next: todo };
      Object.freeze(value);
    }
  }
  return root;
}

/**
 * A problem from an object's members: the standard ones of their types in RFC 9457's order (§3.1:
 * others "MUST be ignored"; a status is a valid code, RFC 9110 §15), then the extension members
 * whose names are not reserved.
 */
function pick(members: Members): ProblemDetails {
  const problem = {};
  for (const key of ORDER) {
    const value = members[key];
    if (key === "status" ? isValidCode(value) : typeof value === "string") put(problem, key, value);
  }
  for (const key of Object.keys(members)) if (!reserved(key)) put(problem, key, members[key]);
  return Object.freeze(problem);
}

/** An object's members, copied onto no prototype, so that reading an absent one gives `undefined`. */
type Members = Record<string, unknown>;

/** The own data members of a plain object, else a TypeError naming `name`. */
function plain(name: string, value: unknown): Members {
  const data: Members = Object.create(null);
  try {
    if (Array.isArray(value)) throw value;
    for (const key of keysOf(value)!) {
      const found = Object.getOwnPropertyDescriptor(value, key)!;
      if (!Object.hasOwn(found, "value")) throw found;
      put(data, key, found.value);
    }
  } catch {
    // An array, no keys, an accessor, or a proxy that throws.
    throw new TypeError(`${name} must be a plain object, not ${describe(value)}`);
  }
  return data;
}

/** A value's problem (its members as they are) and JSON text, if `parseProblem` keeps all of it; else `undefined`. */
function whole(value: unknown): [ProblemDetails, string] | undefined {
  try {
    const text = write(value, () => {
      throw value;
    });
    const members = plain("", value);
    const problem = pick(members);
    return Object.keys(problem).length < Object.keys(members).length ? undefined : [problem, text];
  } catch {
    // Not JSON data, or not an object.
    return undefined;
  }
}

/** A status: an integer from 100 to 599 (RFC 9110 §15), else a TypeError or RangeError naming `name`. */
function checkStatus(name: string, status: unknown): number {
  if (isValidCode(status)) return status as number;
  throw new (typeof status === "number" ? RangeError : TypeError)(`${name} must be an integer from 100 to 599, not ${describe(status)}`);
}

// The class titles, which test/problem.test.ts checks against the core's `classInfo`: the core's
// records hold a description each, which a bundle of the builders would carry for five words.
const CLASS_TITLES = ["Informational", "Success", "Redirection", "Client Error", "Server Error"];

/** The phrase of a valid status: the registry's, or an unregistered code's class title ("499 Client Error"). */
const phraseOf = (status: number) => reasonPhrase(status) ?? CLASS_TITLES[((status / 100) | 0) - 1]!;

/** `createProblem`, whose messages name its arguments after `name`: `createProblem()`, a problem type's `create()`. */
function build(name: string, status: unknown, init: unknown): Problem {
  const code = checkStatus(`${name}: status`, status);
  const fail = (path: string, what: string): never => {
    throw new TypeError(`${name}: init${path} ${what}`);
  };
  // All of `init` is JSON data: a getter, a bigint or a cycle at any depth is a mistake, named by its path.
  write(init, (frame, key, what) => fail(pathOf(frame, key), what === "__proto__" ? "has a reserved name" : `must be a JSON value, not ${what}`));
  const given = plain(`${name}: init`, init);
  const extensions = plain(`${name}: init.extensions`, given.extensions ?? {});
  for (const [key, value] of Object.entries(given)) {
    if (!/^(?:type|title|detail|instance|extensions)$/.test(key)) fail(`.${key}`, "is not a member (extensions go in init.extensions)");
    if (key !== "extensions" && value !== undefined && typeof value !== "string") fail(`.${key}`, `must be a string, not ${describe(value)}`);
  }
  for (const key of Object.keys(extensions)) if (reserved(key)) fail(`.extensions.${key}`, "has a reserved name");
  const type = (given.type as string | undefined) ?? ABOUT_BLANK;
  // "404 Not Found", "499 Client Error": the phrase, or an unregistered code's class title (§4.2.1).
  const title = given.title ?? (IS_ABOUT_BLANK.test(type) ? phraseOf(code) : undefined);
  const problem: Record<string, unknown> = { type, title, status: code, detail: given.detail, instance: given.instance, ...extensions };
  for (const key of Object.keys(problem)) if (problem[key] === undefined) delete problem[key];
  return Object.freeze(problem) as Problem;
}

/**
 * Builds a frozen problem (RFC 9457); an `about:blank` one's title is the status phrase (§4.2.1).
 * Throws a TypeError or RangeError naming what is wrong (`init.extensions.d.n`).
 *
 * @param status A code from 100 to 599; a literal one from 400 to 599.
 * @param init `type`, `title`, `detail`, `instance`, `extensions`: JSON data.
 * @returns The problem.
 *
 * @example
 * ```ts
 * import { createProblem } from "statuskit/problem";
 *
 * createProblem(404); // => { type: "about:blank", title: "Not Found", status: 404 }
 * createProblem(403, { extensions: { balance: 30 } }).balance; // => 30
 * ```
 */
export function createProblem<C extends number, const I extends ProblemInit = {}>(
  status: C & ProblemStatus<C>,
  init?: I & CheckedProblemInit<I>,
): Problem<C, I>;
export function createProblem(status: unknown, init: unknown = {}): Problem {
  return build("createProblem()", status, init);
}

/**
 * What a sender needs: the status to send `problem` with, its JSON text, and the options in
 * `init`. The status is the problem's when a response with it has content (not
 * 1xx, 204, 205 or 304: RFC 9110 §15), else `init.status` (for a problem read from upstream, the
 * status of the response it came in).
 */
function prepare(name: string, problem: unknown, init: unknown): [number, string, Members] {
  const options = plain(`${name}: init`, init);
  const found = whole(problem);
  if (!found) throw new TypeError(`${name}: problem must be a problem, not ${describe(problem)}`);
  // A response with content: not 1xx, 204, 205 or 304 (RFC 9110 §15; the core's `isBodyless`).
  const sendable = (status: unknown): status is number => isValidCode(status) && (status as number) > 199 && status !== 204 && status !== 205 && status !== 304;
  const status = sendable(found[0].status) ? found[0].status : options.status;
  if (!sendable(status)) {
    throw new RangeError(`${name}: problem.status is ${found[0].status}, init.status ${describe(status)}: neither has content`);
  }
  return [status, found[1], options];
}

/**
 * A Fetch `Response` for a problem, `application/problem+json`. `init.status` is for a problem
 * without a status that allows content (a relayed one: the upstream status).
 *
 * @param problem A problem.
 * @param init Headers, status text, status.
 * @returns The response.
 *
 * @example
 * ```ts
 * import { createProblem, parseProblem, problemResponse } from "statuskit/problem";
 *
 * problemResponse(createProblem(413)).statusText; // => "Content Too Large"
 * problemResponse(parseProblem("{}"), { status: 502 }).status; // => 502
 * ```
 */
export function problemResponse(problem: Problem, init?: ProblemResponseInit): FetchResponse;
export function problemResponse(problem: ProblemDetails, init: ProblemResponseInit & { readonly status: number }): FetchResponse;
export function problemResponse(problem: unknown, init: unknown = {}): FetchResponse {
  const [status, body, options] = prepare("problemResponse()", problem, init);
  const headers = new Headers(options.headers);
  headers.set("content-type", PROBLEM_MEDIA_TYPE);
  // Own members only, on no prototype: a polluted Object.prototype adds no header or status text.
  return new Response(body, { __proto__: null, statusText: phraseOf(status), ...options, status, headers });
}


/**
 * Sends a problem through Node's `ServerResponse` (Express's) or a Fastify reply. Once a response
 * has started, it sends nothing and returns `false`.
 *
 * @param res The response or reply.
 * @param problem A problem.
 * @param init `status`, as `problemResponse` takes it.
 * @returns Whether it sent the problem.
 *
 * @example
 * ```ts
 * import { createProblem, sendProblem } from "statuskit/problem";
 *
 * const res = { statusCode: 200, setHeader(name, value) { this[name] = value; }, end(body) { this.body = body; } };
 * sendProblem(res, createProblem(503)); // => true
 * [res.statusCode, res["content-type"], JSON.parse(res.body).title]; // => [503, "application/problem+json", "Service Unavailable"]
 * ```
 */
export function sendProblem(res: ServerResponseLike | FastifyReplyLike, problem: Problem, init?: { readonly status?: number }): boolean;
export function sendProblem(res: ServerResponseLike | FastifyReplyLike, problem: ProblemDetails, init: { readonly status: number }): boolean;
export function sendProblem(res: unknown, problem: unknown, init: unknown = {}): boolean {
  const [status, body] = prepare("sendProblem()", problem, init);
  // Either kind, told apart and checked below.
  const reply = res as Record<string, any>;
  let raw = reply;
  let fastify = false;
  let shaped = false;
  try {
    // A Fastify reply's own `raw`: an Express response has none, nor is one read from a prototype.
    if ((fastify = Object.hasOwn(reply, "raw"))) raw = reply.raw;
    shaped = typeof raw.setHeader === "function" && typeof reply[fastify ? "send" : "end"] === "function";
  } catch {
    // null, undefined, or a proxy that throws: not a response.
  }
  if (!shaped) throw new TypeError("sendProblem(): res must be a Node or Fastify response");
  if (raw.headersSent) return false;
  // An HTTP/1.x status line has a phrase, which Node takes from its own table (413 "Payload Too
  // Large") unless told; HTTP/2 has none (RFC 9113 §8.3.2), and Node warns when given one.
  try {
    if (raw.req.httpVersionMajor < 2) raw.statusMessage = phraseOf(status);
  } catch {
    // No request to tell: an object shaped like a response.
  }
  // Fastify's `statusCode` setter is its `code()`.
  reply.statusCode = status;
  reply[fastify ? "header" : "setHeader"]("content-type", PROBLEM_MEDIA_TYPE);
  reply[fastify ? "send" : "end"](body);
  return true;
}

/** Text as a problem: one BOM ignored (RFC 8259 §8.1; `readProblem` and `parseProblem` alike), then JSON, then `pick`. */
function parseText(text: string): ProblemDetails | ProblemReadFailure {
  let value: unknown;
  try {
    value = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return "not-json";
  }
  try {
    return pick(plain("", value));
  } catch {
    return "not-an-object";
  }
}

/**
 * Reads a problem from JSON text or a value, frozen at every depth: members of the wrong type,
 * `Object.prototype`'s names, and `__proto__` at any depth are left out (§3.1).
 *
 * @param input Anything.
 * @returns The problem, or `undefined`.
 *
 * @example
 * ```ts
 * import { parseProblem } from "statuskit/problem";
 *
 * parseProblem('{"status":"404","title":"Not Found","__proto__":{}}'); // => { title: "Not Found" }
 * parseProblem("<html>"); // => undefined
 * ```
 */
export function parseProblem(input: unknown): ProblemDetails | undefined {
  try {
    const found = parseText(typeof input === "string" ? input : write(input, () => {}));
    return typeof found === "object" ? found : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `parseProblem` keeps all of a value.
 *
 * @param value Anything.
 * @returns Whether it is a problem.
 *
 * @example
 * ```ts
 * import { isProblem } from "statuskit/problem";
 *
 * isProblem({}); // => true
 * isProblem({ errors: [{ at: 1n }] }); // => false
 * ```
 */
export function isProblem(value: ProblemDetails): boolean;
export function isProblem(value: unknown): value is ProblemDetails;
export function isProblem(value: unknown): boolean {
  try {
    return whole(value) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Whether a response's media type is `application/problem+json`, or `application/json` when
 * accepted: case and parameters ignored (RFC 9110 §8.3.1).
 */
function typed(response: unknown, acceptJson: boolean): boolean {
  const type: unknown = (response as ResponseLike).headers.get("content-type");
  const match = typeof type === "string" && /^application\/(problem\+)?json[\t ]*(?:;|$)/i.exec(type);
  return !!match && (match[1] !== undefined || acceptJson);
}

/**
 * Whether a response is typed `application/problem+json`.
 *
 * @param value Anything.
 * @returns Whether it is.
 *
 * @example
 * ```ts
 * import { isProblemResponse } from "statuskit/problem";
 *
 * isProblemResponse(new Response("{}", { headers: { "Content-Type": "application/problem+json" } })); // => true
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

/** `problem` with a relative `type` and `instance` resolved against `base` (RFC 9457 §3.1.1, §3.1.5; RFC 3986 §5). */
function resolve(problem: ProblemDetails, base: string): ProblemDetails {
  const resolved = {};
  for (const key of Object.keys(problem)) {
    let value = problem[key];
    if ((key === "type" || key === "instance") && !HAS_SCHEME.test(value as string)) {
      try {
        value = new URL(value as string, base).href;
      } catch {
        // A base or reference that the platform cannot resolve: kept as it is.
      }
    }
    put(resolved, key, value);
  }
  return Object.freeze(resolved);
}

/** `readProblem`'s options, checked at once: invalid ones are a programming error, a TypeError. */
function optionsOf(name: string, options: unknown): [json: boolean, maxBytes: number, signal: AbortSignalLike | undefined] {
  const given = plain(`${name}: options`, options === undefined ? {} : options);
  const { acceptJson, maxBytes = DEFAULT_MAX_BYTES, signal } = given as { acceptJson?: unknown; maxBytes?: unknown; signal?: AbortSignalLike };
  const json = acceptJson === true;
  const check = (ok: unknown, key: string, expected?: string) => {
    if (!ok) throw new TypeError(`${name}: options.${key} ${expected ? `must be ${expected}, not ${describe(given[key])}` : "is not an option"}`);
  };
  for (const key of Object.keys(given)) check(/^(?:acceptJson|maxBytes|signal)$/.test(key), key);
  check(json || acceptJson === undefined || acceptJson === false, "acceptJson", "a boolean");
  check(typeof maxBytes === "number" && maxBytes >= 0, "maxBytes", "a number from 0 up");
  check(signal === undefined || (callable(signal, "addEventListener") && callable(signal, "removeEventListener")), "signal", "an AbortSignal");
  return [json, maxBytes as number, signal];
}

/** Reads a problem from a response with checked options; never rejects. */
async function read(response: unknown, [json, maxBytes, signal]: ReturnType<typeof optionsOf>): Promise<ProblemReadResult> {
  // A function, not a narrowed member: the signal can fire while the body is read.
  const fired = () => signal?.aborted === true;
  let body: ResponseLike["body"];
  try {
    if (!typed(response, json)) return { reason: "media-type" };
    body = (response as ResponseLike).body;
  } catch {
    return { reason: "not-a-response" };
  }
  if (body === null) return { reason: "no-body" };
  if (!callable(body, "getReader")) return { reason: "not-a-response" };
  if (fired()) return { reason: "aborted" };
  let reader: ReturnType<NonNullable<ResponseLike["body"]>["getReader"]>;
  try {
    reader = body.getReader();
  } catch {
    return { reason: "body-used" };
  }
  let stop!: () => void;
  const aborted = new Promise<undefined>((resolve) => (stop = () => resolve(undefined)));
  // BOMs are kept, for parseText to treat as parseProblem does.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let text = "";
  let reason: ProblemReadFailure | undefined;
  try {
    signal?.addEventListener("abort", stop);
    for (let size = 0; !reason; ) {
      let chunk: Awaited<ReturnType<typeof reader.read>> | undefined;
      try {
        chunk = await Promise.race([reader.read(), aborted]);
      } catch {
        // The stream failed; a signal given to `fetch` fails it when it fires.
        reason = fired() ? "aborted" : "read-error";
        break;
      }
      try {
        if (!chunk) reason = "aborted";
        else if (chunk.done) {
          // The last call flushes the decoder: a sequence cut off at the end is not UTF-8.
          text += decoder.decode();
          break;
        } else if (!(chunk.value instanceof Uint8Array)) reason = "read-error";
        else if ((size += chunk.value.length) > maxBytes) reason = "too-large";
        else text += decoder.decode(chunk.value, { stream: true });
      } catch {
        reason = "not-utf-8";
      }
    }
  } catch {
    // A signal whose addEventListener throws.
    reason = "read-error";
  } finally {
    try {
      signal?.removeEventListener("abort", stop);
    } catch {
      // A signal whose method throws: it was called once already.
    }
  }
  if (reason) {
    // Stops the body, which is not read to its end.
    Promise.resolve(reader)
      .then((r) => r.cancel())
      .catch(() => {});
    return { reason };
  }
  const found = parseText(text);
  if (typeof found === "string") return { reason: found };
  let url: unknown;
  try {
    url = (response as ResponseLike).url;
  } catch {
    // Read as no URL.
  }
  return { problem: typeof url === "string" && url ? resolve(found, url) : found };
}

/**
 * `readProblem`, telling why there is no problem.
 *
 * @param response A `Response`.
 * @param options As `readProblem` takes them.
 * @returns `{ problem }` or `{ reason }`.
 *
 * @example
 * ```ts
 * import { readProblemResult } from "statuskit/problem";
 *
 * await readProblemResult(new Response("<h1>Not Found</h1>")); // => { reason: "media-type" }
 * ```
 */
export function readProblemResult(response: ResponseLike, options?: ReadProblemOptions): Promise<ProblemReadResult> {
  return read(response, optionsOf("readProblemResult()", options));
}

/**
 * Reads a problem from a `Response` typed `application/problem+json`: strict UTF-8, up to
 * `maxBytes`, until `signal` fires; relative URIs resolved (§3.1.1). Invalid options throw a
 * TypeError at once; the promise never rejects.
 *
 * @param response A `Response`.
 * @param options `acceptJson`, `maxBytes`, `signal`.
 * @returns The problem, or `undefined`.
 *
 * @example
 * ```ts
 * import { readProblem } from "statuskit/problem";
 *
 * await readProblem(new Response('{"status":404}', { headers: { "Content-Type": "application/problem+json" } })); // => { status: 404 }
 * ```
 */
export function readProblem(response: ResponseLike, options?: ReadProblemOptions): Promise<ProblemDetails | undefined> {
  return read(response, optionsOf("readProblem()", options)).then((result) => result.problem);
}

// Marks a ProblemError of any copy of this module: an app can load both builds of
// statuskit/problem (ESM and CommonJS), and `instanceof` knows the class of one.
const BRAND = /* @__PURE__ */ Symbol.for("statuskit/problem.ProblemError");

/** An `Error` that carries a problem: what `new ProblemError(problem)` makes. */
export interface ProblemError<P extends Problem = Problem> extends Error {
  /** The problem, sent as it is. */
  readonly problem: P;
  /** The problem's status, which frameworks read of an error. */
  readonly status: P["status"];
  /** `"ProblemError"`. */
  readonly name: "ProblemError";
}

/**
 * An `Error` that carries a problem, which `problemFromError` gives back. `options.cause` is kept,
 * never sent.
 *
 * @example
 * ```ts
 * import { createProblem, ProblemError, problemFromError } from "statuskit/problem";
 *
 * const error = new ProblemError(createProblem(404, { detail: "No user 42." }));
 * [error.status, error.message, problemFromError(error) === error.problem]; // => [404, "Not Found: No user 42.", true]
 * ```
 */
export const ProblemError: new <P extends Problem = Problem>(problem: P, options?: { readonly cause?: unknown }) => ProblemError<P> = /* @__PURE__ */ (() => {
  // A function, not a class: the builds' minifier shortens a class's name, which V8 then shows
  // (`Class constructor u cannot be invoked without 'new'`), differently in each build.
  function ProblemError(problem: unknown, options?: unknown): object {
    if (!new.target) throw new TypeError("ProblemError: call it with new");
    const [status] = prepare("new ProblemError()", problem, {});
    // Its own members: an absent detail is not read from Object.prototype.
    const { title, detail } = plain("", problem) as { readonly title?: string; readonly detail?: string };
    const given = plain("new ProblemError(): options", options ?? {});
    const message = title && detail ? `${title}: ${detail}` : (detail ?? title ?? `${status}`);
    const error: object = Reflect.construct(Error, [message, "cause" in given ? { cause: given.cause } : undefined], new.target);
    put(put(error, "problem", problem), "status", status);
    return Object.defineProperty(error, BRAND, { __proto__: null, value: true } as PropertyDescriptor);
  }
  Object.setPrototypeOf(ProblemError.prototype, Error.prototype);
  // The bundler renames an inner function that has an outer one's name.
  for (const target of [ProblemError, ProblemError.prototype]) {
    Object.defineProperty(target, "name", { __proto__: null, value: "ProblemError", writable: target !== ProblemError, configurable: true } as PropertyDescriptor);
  }
  return ProblemError as never;
})();

/**
 * The problem for a thrown value: a `ProblemError`'s; an error's `status` or `statusCode` from 400
 * to 599, its message as `detail` if `expose` is `true`; else a 500 without its message (§5).
 *
 * @param error Anything.
 * @returns The problem.
 *
 * @example
 * ```ts
 * import { problemFromError } from "statuskit/problem";
 *
 * problemFromError(Object.assign(new Error("No user."), { status: 404, expose: true })).detail; // => "No user."
 * problemFromError(new Error("secret")).status; // => 500
 * ```
 */
export function problemFromError(error: unknown): Problem {
  try {
    if (member(error, BRAND) === true) {
      const { problem } = error as ProblemError;
      prepare("", problem, {});
      return problem;
    }
    for (const key of ["status", "statusCode"]) {
      const status = member(error, key) as number;
      if (isError(status)) {
        const message = member(error, "message");
        const shown = member(error, "expose") === true && typeof message === "string" && message && message !== phraseOf(status);
        return createProblem(status, shown ? { detail: message } : {});
      }
    }
  } catch {
    // A problem that is not one, or an error that throws: a 500.
  }
  return createProblem(500);
}

/**
 * The descriptor of `key` on `object` or on a prototype below the root of its chain: a member that
 * only an `Object.prototype` has is pollution, not the object's (an object made by
 * `Object.create(null)` keeps its own). Throws for null and undefined.
 */
function lookup(object: unknown, key: PropertyKey): PropertyDescriptor | undefined {
  for (let o = object; o !== null && (o === object || Object.getPrototypeOf(o)); o = Object.getPrototypeOf(o)) {
    const found = Object.getOwnPropertyDescriptor(o, key);
    if (found) return found;
  }
  return undefined;
}

/** `object[key]` where `lookup` finds it (a getter runs), else `undefined`, as when reading throws. */
function member(object: unknown, key: PropertyKey): unknown {
  try {
    return lookup(object, key) && (object as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** What `validationProblem` reads of a Standard Schema issue. */
export interface StandardSchemaIssue {
  /** What is wrong. */
  readonly message: string;
  /** Where: keys, or `{ key }` segments. */
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: unknown }> | undefined;
}

/** An item of a validation problem's `errors` (RFC 9457 §3). */
export interface ValidationErrorItem {
  /** The issue's message. */
  readonly detail: string;
  /** A JSON Pointer as a URI fragment (RFC 6901 §6): `"#/profile/color"`. */
  readonly pointer: string;
}

/** `validationProblem`'s `init`. */
export interface ValidationProblemInit extends ProblemInit {
  /** 400 (default) or 422. */
  readonly status?: 400 | 422;
}

/** A problem from `validationProblem(issues, init: I)`. */
export type ValidationProblem<I extends ValidationProblemInit = {}> = (Omit<I, "status" | "extensions"> & {
  readonly extensions: (I extends { readonly extensions: infer E } ? E : unknown) & { readonly errors: readonly ValidationErrorItem[] };
}) extends infer J extends ProblemInit
  ? Problem<I extends { readonly status: infer S extends number } ? S : 400, J>
  : never;

/** `${key}` as a JSON Pointer token (RFC 6901 §3: `~` is `~0`, `/` is `~1`) in a URI fragment (§6): percent-encoded but for what a fragment allows (RFC 3986 §3.5). */
const token = (key: string | number) =>
  encodeURIComponent(`${key}`.replace(/~/g, "~0").replace(/\//g, "~1")).replace(/%(?:2[46BCF]|3[ABDF]|40)/g, decodeURIComponent);

/** `array[i]` if it is the array's own element, else `undefined`: a hole is never read from Array.prototype. */
const at = (array: readonly unknown[], i: number): unknown => (Object.hasOwn(array, i) ? array[i] : undefined);

/**
 * A validation problem (RFC 9457 §3) from Standard Schema issues (Zod, Valibot, ArkType): status
 * 400 or 422, `errors` of `{ detail, pointer }`.
 *
 * @param issues The issues, or a failed result.
 * @param init `status`, and `createProblem`'s members.
 * @returns The problem.
 *
 * @example
 * ```ts
 * import { validationProblem } from "statuskit/problem";
 *
 * validationProblem([{ message: "required", path: ["items", 0, "n"] }]).errors; // => [{ detail: "required", pointer: "#/items/0/n" }]
 * ```
 */
export function validationProblem<const I extends ValidationProblemInit = {}>(
  issues: readonly StandardSchemaIssue[] | { readonly issues: readonly StandardSchemaIssue[] },
  init?: I & CheckedProblemInit<Omit<I, "status">>,
): ValidationProblem<I>;
export function validationProblem(issues: unknown, init: unknown = {}): Problem {
  const name = "validationProblem()";
  const list = Array.isArray(issues) ? issues : member(issues, "issues");
  if (!Array.isArray(list)) throw new TypeError(`${name}: issues must be an array, or hold one as issues, not ${describe(issues)}`);
  const errors: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const issue = at(list, i);
    const message = member(issue, "message");
    const path = member(issue, "path");
    if (typeof message !== "string") throw new TypeError(`${name}: issues[${i}].message must be a string, not ${describe(message)}`);
    if (path !== undefined && !Array.isArray(path)) throw new TypeError(`${name}: issues[${i}].path must be an array, not ${describe(path)}`);
    let pointer = "#";
    for (let j = 0; j < (path?.length ?? 0); j++) {
      const segment = at(path!, j);
      const key = typeof segment === "object" && segment !== null ? member(segment, "key") : segment;
      if (typeof key !== "string" && typeof key !== "number") break;
      pointer += `/${token(key)}`;
    }
    put(errors, i, { detail: message, pointer });
  }
  // Spread into literals, whose members are defined: no inherited setter runs.
  const { status = 400, extensions = {}, ...members } = plain(`${name}: init`, init);
  if (status !== 400 && status !== 422) throw new (typeof status === "number" ? RangeError : TypeError)(`${name}: init.status must be 400 or 422, not ${describe(status)}`);
  const others = plain(`${name}: init.extensions`, extensions);
  if (Object.hasOwn(others, "errors")) throw new TypeError(`${name}: init.extensions.errors is the issues' place`);
  return build(name, status, { ...members, extensions: { ...others, errors } });
}

/** What a problem type documents (RFC 9457 §4). */
export interface ProblemTypeDefinition {
  /** The type URI. */
  readonly type: string;
  /** The title. */
  readonly title: string;
  /** The status. */
  readonly status: number;
}

/** What a problem type's `create` takes. */
export type ProblemTypeInit<E extends object> = { readonly detail?: string; readonly instance?: string } & ([keyof E] extends [never]
  ? { readonly extensions?: never }
  : {} extends E
    ? { readonly extensions?: E }
    : { readonly extensions: E });

/** A problem type from `defineProblemType`. */
export interface ProblemType<E extends object = {}, D extends ProblemTypeDefinition = ProblemTypeDefinition> {
  /** The type URI. */
  readonly type: D["type"];
  /** The title. */
  readonly title: D["title"];
  /** The status. */
  readonly status: D["status"];
  /** An occurrence of this type. */
  create(
    ...init: {} extends E ? [init?: ProblemTypeInit<E>] : [init: ProblemTypeInit<E>]
  ): Problem<D["status"], { readonly type: D["type"]; readonly title: D["title"]; readonly detail?: string; readonly instance?: string; readonly extensions: E }>;
}

/**
 * Defines a problem type (RFC 9457 §4), whose `create` makes occurrences; type its extension
 * members as `defineProblemType<{ balance: number }>(…)`.
 *
 * @param definition `type`, `title`, `status`.
 * @returns The problem type.
 *
 * @example
 * ```ts
 * import { defineProblemType } from "statuskit/problem";
 *
 * const Down = defineProblemType({ type: "https://example.com/down", title: "Down.", status: 503 });
 * Down.create({ detail: "Back at noon." }); // => { type: "https://example.com/down", title: "Down.", status: 503, detail: "Back at noon." }
 * ```
 */
export function defineProblemType<E extends object = {}, const D extends ProblemTypeDefinition = ProblemTypeDefinition>(
  definition: D & { readonly status: ProblemStatus<D["status"]> } & ([keyof E & StandardMember] extends [never] ? unknown : never),
): ProblemType<E, D>;
export function defineProblemType(definition: unknown): ProblemType {
  const name = "defineProblemType()";
  const given = plain(`${name}: definition`, definition);
  for (const key of Object.keys(given)) if (!/^(?:type|title|status)$/.test(key)) throw new TypeError(`${name}: definition.${key} is not type, title or status`);
  const { type, title, status } = given;
  if (typeof type !== "string" || !type) throw new TypeError(`${name}: definition.type must be a URI, not ${describe(type)}`);
  if (typeof title !== "string") throw new TypeError(`${name}: definition.title must be a string, not ${describe(title)}`);
  checkStatus(`${name}: definition.status`, status);
  const create = (init: unknown = {}) => {
    const at = `create() of ${type}`;
    const given = plain(`${at}: init`, init);
    for (const key of Object.keys(given)) {
      if (!/^(?:detail|instance|extensions)$/.test(key)) throw new TypeError(`${at}: init.${key} is not detail, instance or extensions`);
    }
    return build(at, status, { ...given, type, title });
  };
  return Object.freeze({ type, title, status, create }) as ProblemType;
}
