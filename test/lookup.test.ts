import { describe, expect, it } from "vitest";
import {
  classInfo,
  classOf,
  codeOf,
  CONTENT_TOO_LARGE,
  formatStatus,
  getStatus,
  IM_A_TEAPOT,
  isBodyless,
  isCacheableByDefault,
  isClientError,
  isError,
  isInformational,
  isRedirect,
  isRedirection,
  isRetryable,
  isServerError,
  isStatusCode,
  isSuccess,
  isValidCode,
  MOVED_TEMPORARILY,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  reasonPhrase,
  REQUEST_ENTITY_TOO_LARGE,
  REQUEST_TOO_LONG,
  REQUEST_URI_TOO_LARGE,
  REQUEST_URI_TOO_LONG,
  REQUESTED_RANGE_NOT_SATISFIABLE,
  STATUSES,
  SWITCH_PROXY,
  UNPROCESSABLE_ENTITY,
} from "../src/index";

// Values that every helper must answer plainly: never a throw, never an inherited member.
const JUNK: unknown[] = [
  NaN, Infinity, -Infinity, -0, 0, 404.5, 99, 600, 1e21, -404, "404", " 404", "", null, undefined, {}, [], [404],
  { valueOf: () => 404 }, { toString: () => "404" }, Symbol("404"), 404n, true, () => 404,
  "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf",
];

describe("constants", () => {
  it.each([
    [NOT_FOUND, 404],
    [CONTENT_TOO_LARGE, 413],
    [IM_A_TEAPOT, 418],
    [SWITCH_PROXY, 306],
    [PAYLOAD_TOO_LARGE, 413],
    [REQUEST_ENTITY_TOO_LARGE, 413],
    [REQUEST_TOO_LONG, 413],
    [REQUEST_URI_TOO_LONG, 414],
    [REQUESTED_RANGE_NOT_SATISFIABLE, 416],
    [UNPROCESSABLE_ENTITY, 422],
    [MOVED_TEMPORARILY, 302],
    [REQUEST_URI_TOO_LARGE, 414],
  ])("constant %i is %i", (constant, code) => expect(constant).toBe(code));
});

describe("getStatus()", () => {
  it.each(STATUSES.map((s) => [s.code, s] as const))("getStatus(%i) is the STATUSES record", (code, record) => {
    expect(getStatus(code)).toBe(record);
  });

  it.each([
    [413, { phrase: "Content Too Large", constant: "CONTENT_TOO_LARGE", class: "client-error", status: "standard" }],
    [422, { phrase: "Unprocessable Content", constant: "UNPROCESSABLE_CONTENT" }],
    [104, { phrase: "Upload Resumption Supported", status: "provisional", expires: "2026-11-13" }],
    [305, { status: "deprecated", spec: { document: "RFC 9110", section: "15.4.6", url: "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.6" } }],
    [306, { phrase: "Switch Proxy", status: "unused" }],
    [418, { phrase: "I'm a teapot", constant: "IM_A_TEAPOT", status: "unused" }],
    [510, { status: "obsoleted", spec: { document: "RFC 2774", section: "7", url: "https://www.rfc-editor.org/rfc/rfc2774#section-7" } }],
    [429, { spec: { document: "RFC 6585", section: "4", url: "https://www.rfc-editor.org/rfc/rfc6585#section-4" } }],
  ])("getStatus(%i) has %o", (code, expected) => {
    expect(getStatus(code)).toMatchObject(expected);
  });

  it("returns the same frozen object on every call", () => {
    const record = getStatus(404);
    expect(getStatus(404)).toBe(record);
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record.spec)).toBe(true);
    expect(Object.isFrozen(getStatus(413).aliases)).toBe(true);
    expect(Object.isFrozen(getStatus(413).aliases[0])).toBe(true);
    expect(Object.isFrozen(STATUSES)).toBe(true);
  });

  it.each([499, 105, 509, 599, 100.5, ...JUNK])("getStatus(%o) is undefined", (value) => {
    expect(getStatus(value as number)).toBeUndefined();
  });
});

describe("reasonPhrase()", () => {
  it.each([
    [200, "OK"],
    [404, "Not Found"],
    [413, "Content Too Large"],
    [414, "URI Too Long"],
    [416, "Range Not Satisfiable"],
    [422, "Unprocessable Content"],
    [207, "Multi-Status"],
    [505, "HTTP Version Not Supported"],
    [418, "I'm a teapot"],
  ])("reasonPhrase(%i) is %j", (code, phrase) => expect(reasonPhrase(code)).toBe(phrase));

  it.each([499, 509, 600, ...JUNK])("reasonPhrase(%o) is undefined", (value) => {
    expect(reasonPhrase(value as number)).toBeUndefined();
  });
});

describe("codeOf()", () => {
  it.each([
    ["Not Found", 404],
    ["not found", 404],
    ["NOT_FOUND", 404],
    ["not-found", 404],
    ["  Not   Found ", 404],
    ["Payload Too Large", 413],
    ["PAYLOAD_TOO_LARGE", 413],
    ["Request Entity Too Large", 413],
    ["REQUEST_TOO_LONG", 413],
    ["Request-URI Too Long", 414],
    ["Requested Range Not Satisfiable", 416],
    ["Unprocessable Entity", 422],
    ["Moved Temporarily", 302],
    ["im a teapot", 418],
    ["I'm a Teapot", 418],
    ["I’m a teapot", 418],
    ["IM_A_TEAPOT", 418],
    ["switch proxy", 306],
    ["multi status", 207],
    ["Non-Authoritative Information", 203],
    ["404", 404],
    ["100", 100],
  ])("codeOf(%j) is %i", (text, code) => expect(codeOf(text)).toBe(code));

  it.each([" 404x", "404.0", "", " 404", "0404", "499", "999", "4O4", "not", "Not Found!", "x".repeat(10_000), " ".repeat(60) + "Not Found", ...JUNK.filter((v) => v !== "404")])(
    "codeOf(%o) is undefined",
    (value) => expect(codeOf(value as string)).toBeUndefined(),
  );
});

describe("classOf() and the class guards", () => {
  const guards = { isInformational, isSuccess, isRedirection, isClientError, isServerError };
  const classes = ["informational", "success", "redirection", "client-error", "server-error"] as const;
  it.each([
    [100, "informational"],
    [199, "informational"],
    [200, "success"],
    [304, "redirection"],
    [404, "client-error"],
    [499, "client-error"],
    [500, "server-error"],
    [599, "server-error"],
  ] as const)("classOf(%i) is %j, and only its guard is true", (code, cls) => {
    expect(classOf(code)).toBe(cls);
    Object.values(guards).forEach((guard, i) => expect(guard(code)).toBe(classes[i] === cls));
    expect(isError(code)).toBe(cls === "client-error" || cls === "server-error");
    expect(isValidCode(code)).toBe(true);
  });

  it.each([99, 600, 404.5, ...JUNK])("classOf(%o) is undefined and every guard false", (value) => {
    expect(classOf(value as number)).toBeUndefined();
    for (const guard of [...Object.values(guards), isError, isValidCode]) expect(guard(value as number)).toBe(false);
  });
});

describe("classInfo()", () => {
  it.each([
    ["informational", "Informational", [100, 199]],
    ["success", "Success", [200, 299]],
    ["redirection", "Redirection", [300, 399]],
    ["client-error", "Client Error", [400, 499]],
    ["server-error", "Server Error", [500, 599]],
  ] as const)("classInfo(%j) is titled %j with range %j", (name, title, range) => {
    const info = classInfo(name);
    expect(info).toMatchObject({ name, title, range });
    expect(Object.isFrozen(info.range)).toBe(true);
  });

  it.each(["Client Error", "4xx", ...JUNK])("classInfo(%o) is undefined", (value) => {
    expect(classInfo(value as string)).toBeUndefined();
  });
});

describe("rule sets", () => {
  const codes = Array.from({ length: 500 }, (_, i) => i + 100);
  const members = (guard: (code: number) => boolean) => codes.filter(guard);

  it("isRedirect() is exactly the Fetch standard's redirect statuses", () => {
    expect(members(isRedirect)).toEqual([301, 302, 303, 307, 308]);
  });
  it("isBodyless() is every 1xx, 204, 205 and 304", () => {
    expect(members(isBodyless)).toEqual([...codes.filter((c) => c < 200), 204, 205, 304]);
  });
  it("isRetryable() is 408, 425, 429, 500, 502, 503, 504", () => {
    expect(members(isRetryable)).toEqual([408, 425, 429, 500, 502, 503, 504]);
  });
  it("isCacheableByDefault() is RFC 9110 §15.1's list and RFC 7725's 451", () => {
    expect(members(isCacheableByDefault)).toEqual([200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501]);
  });
  it("isStatusCode() is exactly the registered codes", () => {
    expect(members(isStatusCode)).toEqual(STATUSES.map((s) => s.code));
  });
  it.each(JUNK)("every rule set rejects %o", (value) => {
    for (const guard of [isRedirect, isBodyless, isRetryable, isCacheableByDefault, isStatusCode]) {
      expect(guard(value as number)).toBe(false);
    }
  });
});

describe("formatStatus()", () => {
  it.each([
    [404, "404 Not Found"],
    [413, "413 Content Too Large"],
    [499, "499 Client Error"],
    [150, "150 Informational"],
    [599, "599 Server Error"],
  ])("formatStatus(%i) is %j", (code, text) => expect(formatStatus(code)).toBe(text));

  it.each([600, 99, ...JUNK])("formatStatus(%o) is undefined", (value) => {
    expect(formatStatus(value as number)).toBeUndefined();
  });
});

describe("codeOf() and other libraries' names", () => {
  // The names of Go's net/http (src/net/http/status.go: StatusXxx without its prefix, and
  // StatusText), Deno's @std/http (http/status.ts: STATUS_CODE keys, STATUS_TEXT values) and
  // nginx's status lines that are not the registry's phrase spelled differently.
  it.each([
    ["NonAuthoritativeInfo", 203, "Go, Deno"],
    ["Non Authoritative Info", 203, "Deno STATUS_TEXT"],
    ["IMUsed", 226, "Go, Deno"],
    ["MultiStatus", 207, "Go, Deno"],
    ["Multi Status", 207, "Deno STATUS_TEXT"],
    ["ProxyAuthRequired", 407, "Go, Deno"],
    ["Proxy Auth Required", 407, "Deno STATUS_TEXT"],
    ["RequestEntityTooLarge", 413, "Go"],
    ["ContentTooLarge", 413, "Deno"],
    ["RequestURITooLong", 414, "Go"],
    ["Request URI Too Long", 414, "Go StatusText"],
    ["URITooLong", 414, "Deno"],
    ["RequestedRangeNotSatisfiable", 416, "Go"],
    ["Teapot", 418, "Go, Deno"],
    ["I'm a teapot", 418, "Go StatusText, Deno STATUS_TEXT"],
    ["UnprocessableEntity", 422, "Go, Deno"],
    ["HTTPVersionNotSupported", 505, "Go, Deno"],
    ["Not Allowed", 405, "nginx"],
    ["Request Time-out", 408, "nginx"],
    ["Service Temporarily Unavailable", 503, "nginx"],
    ["Gateway Time-out", 504, "nginx"],
  ])("codeOf(%j) is %i (%s)", (name, code) => expect(codeOf(name)).toBe(code));

  // Go's prefix is namespace, not name; a class title names a class, not a code.
  it.each(["StatusTeapot", "StatusNotFound", "NGX_HTTP_NOT_ALLOWED", "Server Error", "Client Error", "server-error"])(
    "codeOf(%j) is undefined",
    (name) => expect(codeOf(name)).toBeUndefined(),
  );

  it("getStatus(418) lists Node's casing and Go's and Deno's name, neither with a constant", () => {
    expect(getStatus(418).aliases.map((a) => [a.phrase, a.constant])).toEqual([
      ["I'm a Teapot", null],
      ["Teapot", null],
    ]);
    expect(getStatus(418).aliases.map((a) => a.source).join(" ")).not.toMatch(/RFC 2324 casing/);
  });

  it("no alias repeats its code's constant, so no current constant is deprecated", () => {
    for (const s of STATUSES) for (const a of s.aliases) expect(a.constant).not.toBe(s.constant);
  });
});

describe("isRetryable() and its sources", () => {
  // Each client's documented default, as its source says (links in isRetryable's TSDoc).
  const got = [408, 413, 429, 500, 502, 503, 504, 521, 522, 524]; // documentation/7-retry.md, retry.statusCodes
  const ky = [408, 413, 429, 500, 502, 503, 504]; // readme, retry.statusCodes
  const aws = [429, 500, 502, 503, 504]; // @smithy/service-error-classification: isThrottlingError, TRANSIENT_ERROR_STATUS_CODES
  const polly = (code: number) => code === 408 || code >= 500; // HandleTransientHttpError
  // The codes whose own spec says a repeat may succeed: RFC 9110 §15.5.9 (408), RFC 8470 §5.2
  // (425), RFC 6585 §4 (429), RFC 9110 §15.6.4 (503).
  const spec = [408, 425, 429, 503];
  const registered = STATUSES.map((s) => s.code);
  const everyClient = registered.filter((c) => got.includes(c) && ky.includes(c) && aws.includes(c) && polly(c));

  it("holds exactly the codes a spec names, and those got, ky, the AWS SDKs and Polly all retry", () => {
    expect(everyClient).toEqual([500, 502, 503, 504]);
    expect(registered.filter((c) => isRetryable(c))).toEqual([...new Set([...spec, ...everyClient])].sort((a, b) => a - b));
  });

  it("leaves out 413, which RFC 9110 §15.5.14 makes retryable only with Retry-After", () => {
    expect(isRetryable(413)).toBe(false);
    expect([got.includes(413), ky.includes(413), aws.includes(413), polly(413)]).toEqual([true, true, false, false]);
  });

  it("leaves out the vendors' 521, 522 and 524, which only got retries (see statuskit/unofficial)", () => {
    for (const code of [521, 522, 524]) expect(isRetryable(code)).toBe(false);
  });
});

describe("codeOf() and its 64-character cap", () => {
  it.each([
    ["NOT_FOUND".padEnd(64, "_"), 404],
    [" not found ".padStart(64), 404],
    ["NOT_FOUND".padEnd(65, "_"), undefined],
  ])("codeOf() reads text of up to 64 characters and no more: %j is %s", (text, code) => {
    expect(codeOf(text)).toBe(code);
  });
});
