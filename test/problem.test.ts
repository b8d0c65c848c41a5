import { readFileSync } from "node:fs";
import { createServer, type RequestListener } from "node:http";
import { connect, createServer as createHttp2Server } from "node:http2";
import type { AddressInfo } from "node:net";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classInfo, classOf, isBodyless, isValidCode, reasonPhrase, STATUSES, statusTextOf } from "../src/index";
import {
  createProblem,
  isProblem,
  isProblemResponse,
  parseProblem,
  PROBLEM_MEDIA_TYPE,
  problemResponse,
  readProblem,
  readProblemResult,
  sendProblem,
  type Problem,
  type ProblemInit,
} from "../src/problem";

// RFC 9457 §3's examples: a problem with extension members, and one listing several errors.
const OUT_OF_CREDIT = {
  type: "https://example.com/probs/out-of-credit",
  title: "You do not have enough credit.",
  status: 403,
  detail: "Your current balance is 30, but that costs 50.",
  instance: "/account/12345/msgs/abc",
  balance: 30,
  accounts: ["/account/12345", "/account/67890"],
};
const VALIDATION = {
  type: "https://example.net/validation-error",
  title: "Your request is not valid.",
  errors: [
    { detail: "must be a positive integer", pointer: "#/age" },
    { detail: "must be 'green', 'red' or 'blue'", pointer: "#/profile/color" },
  ],
};

// The names of Object.prototype's members, and `prototype`: an independent list of the reserved names.
const RESERVED = [...Object.getOwnPropertyNames(Object.prototype), "prototype"];
const STANDARD = ["type", "title", "status", "detail", "instance"];

const json = (body: ConstructorParameters<typeof Response>[0], type: string | null = PROBLEM_MEDIA_TYPE) =>
  new Response(body, type === null ? {} : { headers: { "Content-Type": type } });

/** `depth` arrays, one in another, around `inner`. */
const nested = (depth: number, inner = "") => `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;

/** A `node:http` server on 127.0.0.1 and a free port, answering with `handler`. */
async function serve(handler: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A test name's text for a value: its JSON, bigints as `1n`, or `(a cycle)`. */
function label(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value);
  } catch {
    return "(a cycle)";
  }
}

/** What `fn` throws, as `[constructor name, message]`. */
function thrown(fn: () => unknown): [string, string] | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return [(error as Error).constructor.name, (error as Error).message];
  }
}

describe("createProblem()", () => {
  it.each([
    [404, undefined, { type: "about:blank", title: "Not Found", status: 404 }],
    [422, {}, { type: "about:blank", title: "Unprocessable Content", status: 422 }],
    [413, { type: "about:blank" }, { type: "about:blank", title: "Content Too Large", status: 413 }],
    [413, { type: "About:blank" }, { type: "About:blank", title: "Content Too Large", status: 413 }],
    [413, { type: "ABOUT:blank" }, { type: "ABOUT:blank", title: "Content Too Large", status: 413 }],
    // Only the scheme is case-insensitive (RFC 3986 §6.2.2.1): about:BLANK is another URI.
    [413, { type: "about:BLANK" }, { type: "about:BLANK", status: 413 }],
    [499, {}, { type: "about:blank", title: "Client Error", status: 499 }],
    [599, {}, { type: "about:blank", title: "Server Error", status: 599 }],
    [404, { title: "Nicht gefunden" }, { type: "about:blank", title: "Nicht gefunden", status: 404 }],
    [404, { detail: "No user 42.", instance: "/users/42" }, { type: "about:blank", title: "Not Found", status: 404, detail: "No user 42.", instance: "/users/42" }],
    [403, { type: "https://example.com/probs/x" }, { type: "https://example.com/probs/x", status: 403 }],
    [404, { detail: undefined, extensions: { retry: undefined } }, { type: "about:blank", title: "Not Found", status: 404 }],
    [400, { extensions: { extensions: 1 } }, { type: "about:blank", title: "Bad Request", status: 400, extensions: 1 }],
    [400, { extensions: { deep: { list: [1, "a", null, true, { x: -0.5 }] } } }, { type: "about:blank", title: "Bad Request", status: 400, deep: { list: [1, "a", null, true, { x: -0.5 }] } }],
    // Any code at run time: a problem read from upstream keeps its status when relayed.
    [302, {}, { type: "about:blank", title: "Found", status: 302 }],
    [200, {}, { type: "about:blank", title: "OK", status: 200 }],
    [100, {}, { type: "about:blank", title: "Continue", status: 100 }],
    [299, {}, { type: "about:blank", title: "Success", status: 299 }],
  ] as const)("createProblem(%j, %j) is %j", (status, init, expected) => {
    expect((createProblem as (...args: unknown[]) => unknown)(status, init)).toStrictEqual(expected);
  });

  it("createProblem() builds RFC 9457's example with its members in the RFC's order", () => {
    const { status, balance, accounts, ...members } = OUT_OF_CREDIT;
    const problem = createProblem(status, { ...members, extensions: { balance, accounts } });
    expect(JSON.stringify(problem)).toBe(JSON.stringify(OUT_OF_CREDIT));
  });

  it("createProblem() gives every code from 100 to 599 its phrase as about:blank title, or its class's title (classInfo's)", () => {
    for (let code = 100; code < 600; code++) {
      expect(createProblem(code).title, `${code}`).toBe(reasonPhrase(code) ?? classInfo(classOf(code)!).title);
    }
    expect(STATUSES.every((s) => createProblem(s.code as number).title === s.phrase)).toBe(true);
  });

  it("createProblem() returns a frozen plain object and keeps extension values as given", () => {
    const accounts = ["/account/1"];
    const problem = createProblem(403, { extensions: { accounts } });
    expect(Object.isFrozen(problem)).toBe(true);
    expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
    expect(problem.accounts).toBe(accounts);
    expect(Object.isFrozen(accounts)).toBe(false);
  });

  const cyclic: Record<string, unknown> = { name: "a" };
  cyclic.self = cyclic;
  const shared = { n: 1 };
  it.each(([
    [["404"], TypeError, 'createProblem(): status must be an integer from 100 to 599, not "404"'],
    [[undefined], TypeError, "createProblem(): status must be an integer from 100 to 599, not undefined"],
    [[404n], TypeError, "createProblem(): status must be an integer from 100 to 599, not bigint"],
    [[{ valueOf: () => 404 }], TypeError, "createProblem(): status must be an integer from 100 to 599, not object"],
    [[600], RangeError, "createProblem(): status must be an integer from 100 to 599, not 600"],
    [[99], RangeError, "not 99"],
    [[42.5], RangeError, "not 42.5"],
    [[404.5], RangeError, "not 404.5"],
    [[NaN], RangeError, "not NaN"],
    [[Infinity], RangeError, "not Infinity"],
    [[-404], RangeError, "not -404"],
    [[404, null], TypeError, "createProblem(): init must be a plain object, not null"],
    [[404, "detail"], TypeError, 'init must be a plain object, not "detail"'],
    [[404, []], TypeError, "init must be a plain object, not object"],
    [[404, new Date()], TypeError, "createProblem(): init must be a JSON value, not an instance"],
    [[404, { detial: "x" }], TypeError, "createProblem(): init.detial is not a member (extensions go in init.extensions)"],
    [[404, { balance: 30 }], TypeError, "init.balance is not a member"],
    [[404, { status: 500 }], TypeError, "createProblem(): init.status is not a member"],
    [[404, { detail: 42 }], TypeError, "createProblem(): init.detail must be a string, not 42"],
    [[404, { type: null }], TypeError, "init.type must be a string, not null"],
    [[404, { extensions: [] }], TypeError, "createProblem(): init.extensions must be a plain object, not object"],
    [[404, { extensions: "x" }], TypeError, 'init.extensions must be a plain object, not "x"'],
    [[404, { extensions: { status: 500 } }], TypeError, "createProblem(): init.extensions.status has a reserved name"],
    [[404, { extensions: { title: "x" } }], TypeError, "init.extensions.title has a reserved name"],
    [[404, { extensions: { constructor: {} } }], TypeError, "init.extensions.constructor has a reserved name"],
    [[404, { extensions: JSON.parse('{"__proto__":{}}') }], TypeError, "init.extensions.__proto__ has a reserved name"],
    [[404, { extensions: { toString: "x" } }], TypeError, "init.extensions.toString has a reserved name"],
    // Below the top level: the whole value is checked, and the path named.
    [[400, { extensions: { id: 1n } }], TypeError, "createProblem(): init.extensions.id must be a JSON value, not bigint"],
    [[400, { extensions: { d: { n: 10n } } }], TypeError, "createProblem(): init.extensions.d.n must be a JSON value, not bigint"],
    [[400, { extensions: { run: () => 1 } }], TypeError, "init.extensions.run must be a JSON value, not function"],
    [[400, { extensions: { list: [1, () => 1] } }], TypeError, "init.extensions.list[1] must be a JSON value, not function"],
    [[400, { extensions: { list: [undefined] } }], TypeError, "init.extensions.list[0] must be a JSON value, not undefined"],
    [[400, { extensions: { n: NaN } }], TypeError, "init.extensions.n must be a JSON value, not NaN"],
    [[400, { extensions: { a: { b: [Infinity] } } }], TypeError, "init.extensions.a.b[0] must be a JSON value, not Infinity"],
    [[400, { extensions: { a: { b: -Infinity } } }], TypeError, "init.extensions.a.b must be a JSON value, not -Infinity"],
    [[400, { extensions: { s: Symbol("s") } }], TypeError, "init.extensions.s must be a JSON value, not symbol"],
    [[400, { extensions: { at: new Date(0) } }], TypeError, "init.extensions.at must be a JSON value, not an instance"],
    [[400, { extensions: { m: new Map() } }], TypeError, "init.extensions.m must be a JSON value, not an instance"],
    [[400, { extensions: { sparse: [1, , 3] } }], TypeError, "init.extensions.sparse must be a JSON value, not an instance"],
    [[400, { extensions: { sub: new (class extends Array {})() } }], TypeError, "init.extensions.sub must be a JSON value"],
    [[400, { extensions: { c: cyclic } }], TypeError, "createProblem(): init.extensions.c.self must be a JSON value, not a cycle"],
    [[400, { extensions: { a: { b: JSON.parse('{"ok":1,"__proto__":{"admin":true}}') } } }], TypeError, "createProblem(): init.extensions.a.b.__proto__ has a reserved name"],
    [[400, { detail: Object.defineProperty({}, "x", { get: () => 1, enumerable: true }) }], TypeError, "createProblem(): init.detail.x must be a JSON value, not a getter"],
  ] as [unknown[], ErrorConstructor, string][]).map(([args, type, message]) => [args.map(label).join(", "), args, type, message] as const))(
    "createProblem(%s) throws %o naming the argument",
    (_, args, type, message) => {
      const [name, text] = thrown(() => (createProblem as (...a: unknown[]) => unknown)(...args))!;
      expect(name).toBe(type.name);
      expect(text).toContain(message);
    },
  );

  it("createProblem() takes an object met twice, as JSON.stringify does", () => {
    expect(JSON.stringify(createProblem(400, { extensions: { a: shared, b: [shared, shared] } }))).toContain('"a":{"n":1},"b":[{"n":1},{"n":1}]');
  });

  it("createProblem() rejects a getter in init without calling it", () => {
    let called = false;
    const init = {
      get detail() {
        called = true;
        return "x";
      },
    };
    expect(() => createProblem(404, init)).toThrow("createProblem(): init.detail must be a JSON value, not a getter");
    expect(() => createProblem(404, { extensions: init } as never)).toThrow("init.extensions.detail must be a JSON value, not a getter");
    expect(called).toBe(false);
  });

  it("createProblem() walks a value nested 100,000 deep without overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(createProblem(400, { extensions: { deep } }).deep).toBe(deep);
    let bad: unknown = 1n;
    for (let i = 0; i < 100_000; i++) bad = { a: bad };
    expect(() => createProblem(400, { extensions: { bad } })).toThrow(`init.extensions.bad${".a".repeat(100_000)} must be a JSON value, not bigint`);
  });
});

describe("problemResponse()", () => {
  it("problemResponse() answers with the problem's status, its JSON and application/problem+json", async () => {
    const problem = createProblem(403, { detail: "No.", extensions: { balance: 30 } });
    const response = problemResponse(problem);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.text()).toBe(JSON.stringify(problem));
  });

  it.each([
    ["a record", { "Retry-After": "60", "content-type": "text/html" }],
    ["pairs", [["Retry-After", "60"], ["CONTENT-TYPE", "text/html"]]],
    ["a Headers", new Headers({ "Retry-After": "60", "Content-Type": "text/html; charset=utf-8" })],
  ] as const)("problemResponse() keeps the caller's headers given as %s and forces the content type", (_, headers) => {
    const response = problemResponse(createProblem(503), { headers: headers as never });
    expect([...response.headers]).toEqual([
      ["content-type", "application/problem+json"],
      ["retry-after", "60"],
    ]);
  });

  it.each([
    [413, "Content Too Large"],
    [422, "Unprocessable Content"],
    [404, "Not Found"],
    [499, "Client Error"],
  ])("problemResponse() of a %i problem has the registry's statusText %j, which statusTextOf() agrees with", (status, text) => {
    const response = problemResponse(createProblem(status));
    expect([response.statusText, statusTextOf(response)]).toEqual([text, createProblem(status).title]);
  });

  it("problemResponse() keeps init.statusText, and uses init.status only when the problem has no status to send", () => {
    const response = problemResponse(createProblem(404), { statusText: "Missing", status: 200 });
    expect([response.status, response.statusText]).toEqual([404, "Missing"]);
  });

  it.each([
    ["no status", "{}", 502, 502],
    ["status 302", '{"status":302}', 502, 302],
    ["status 204, which has no content", '{"status":204}', 502, 502],
    ["status 103, an interim response", '{"status":103}', 500, 500],
    ["status 499", '{"status":499}', undefined, 499],
  ])("problemResponse() of a problem read with %s, given init.status %j, answers %i", async (_, text, status, expected) => {
    const problem = parseProblem(text)!;
    const response = problemResponse(problem, (status === undefined ? {} : { status }) as { status: number });
    expect([response.status, await response.json()]).toEqual([expected, problem]);
  });

  it.each([
    [undefined, {}, TypeError, "problemResponse(): problem must be a problem, not undefined"],
    [404, {}, TypeError, "problem must be a problem, not 404"],
    [[], {}, TypeError, "problem must be a problem"],
    [{ status: "404" }, {}, TypeError, "problem must be a problem"],
    [{ status: 404, constructor: 1 }, {}, TypeError, "problem must be a problem"],
    [{ status: 404, nested: { f: () => 1 } }, {}, TypeError, "problem must be a problem"],
    [{ status: 404, at: new Date(0) }, {}, TypeError, "problem must be a problem"],
    [{ status: 600 }, {}, TypeError, "problemResponse(): problem must be a problem, not object"],
    [{ status: 404.5 }, {}, TypeError, "problem must be a problem"],
    [{}, {}, RangeError, "problemResponse(): problem.status is undefined, init.status undefined: neither has content"],
    [{ status: 304 }, {}, RangeError, "problemResponse(): problem.status is 304, init.status undefined: neither has content"],
    [{ status: 101 }, { status: 204 }, RangeError, "problem.status is 101, init.status 204: neither has content"],
    [{}, { status: "502" }, RangeError, 'init.status "502": neither has content'],
    [{}, { status: 600 }, RangeError, "init.status 600"],
    [createProblem(404), null, TypeError, "problemResponse(): init must be a plain object, not null"],
  ])("problemResponse(%j, %j) throws %o", (problem, init, type, message) => {
    const [name, text] = thrown(() => problemResponse(problem as never, init as never))!;
    expect(name).toBe(type.name);
    expect(text).toContain(message);
  });

  it("problemResponse() can send exactly the problems whose status allows content, as isBodyless() says", () => {
    for (let code = 100; code < 600; code++) {
      expect(thrown(() => problemResponse(createProblem(code))) === undefined, `${code}`).toBe(!isBodyless(code));
    }
  });

  it("problemResponse() sends a hand-written problem as it is", async () => {
    expect(await problemResponse({ status: 404, type: "about:blank" } as never).json()).toEqual({ status: 404, type: "about:blank" });
  });

  it("problemResponse() writes a problem nested 100,000 deep, which JSON.stringify cannot", async () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const problem = createProblem(400, { extensions: { deep } });
    expect(() => JSON.stringify(problem)).toThrow(RangeError);
    expect(await problemResponse(problem).text()).toBe(`{"type":"about:blank","title":"Bad Request","status":400,"deep":${nested(100_001)}}`);
  });
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

describe("sendProblem() through node:http", () => {
  let server: Awaited<ReturnType<typeof serve>>;
  const outcomes: unknown[] = [];
  beforeAll(async () => {
    server = await serve((req, res) => {
      res.setHeader("X-Request-Id", "abc");
      res.setHeader("Content-Type", "text/html");
      // The guide's error handler.
      try {
        if (req.url === "/users/42") throw new HttpError(404, "No user 42.");
        if (req.url === "/upload") throw new HttpError(413, "Too big.");
        if (req.url === "/stream") {
          // The error comes once part of the page is on its way.
          res.write("<p>part of a page", () => {
            const sent = sendProblem(res, createProblem(500));
            outcomes.push(sent);
            if (!sent) res.destroy();
          });
          return;
        }
        throw new Error("database password expired");
      } catch (error) {
        const problem = error instanceof HttpError ? createProblem(error.status, { detail: error.message }) : createProblem(500);
        const sent = sendProblem(res, problem);
        outcomes.push(sent);
        if (!sent) res.destroy();
      }
    });
  });
  afterAll(() => server.close());

  it("sendProblem() sets the status and content type, keeps other headers, and sends the JSON", async () => {
    const response = await fetch(new URL("/users/42", server.url));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-request-id")).toBe("abc");
    expect(response.headers.get("content-length")).toBe(String(JSON.stringify(createProblem(404, { detail: "No user 42." })).length));
    expect(await response.json()).toEqual({ type: "about:blank", title: "Not Found", status: 404, detail: "No user 42." });
  });

  it("sendProblem() puts the registry's phrase on the HTTP/1.1 status line, where Node would send its own", async () => {
    const response = await fetch(new URL("/upload", server.url));
    const problem = await readProblem(response);
    expect([response.status, response.statusText, statusTextOf(response), problem?.title]).toEqual([413, "Content Too Large", "Content Too Large", "Content Too Large"]);
  });

  it("the guide's error handler tells nothing of a server error", async () => {
    const response = await fetch(new URL("/crash", server.url));
    expect([response.status, await response.text()]).toEqual([500, '{"type":"about:blank","title":"Internal Server Error","status":500}']);
  });

  it("sendProblem() returns false and throws nothing once headers are sent, and the handler cuts the response short", async () => {
    outcomes.length = 0;
    const response = await fetch(new URL("/stream", server.url));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(outcomes).toEqual([false]);
  });

  it("readProblem() reads what sendProblem() sent, as the guide's Fetch client does", async () => {
    const res = await fetch(new URL("/users/42", server.url), { signal: AbortSignal.timeout(10_000) });
    expect(res.ok).toBe(false);
    const problem = await readProblem(res, { signal: AbortSignal.timeout(10_000) });
    expect(problem).toEqual({ type: "about:blank", title: "Not Found", status: 404, detail: "No user 42." });
    expect(problem?.detail ?? problem?.title ?? `HTTP ${res.status}`).toBe("No user 42.");
  });

  it.each([
    [null],
    [undefined],
    [{}],
    [{ statusCode: 200, setHeader() {} }],
    [{ statusCode: 200, end() {} }],
    [{ raw: { setHeader() {} }, statusCode: 200 }],
  ])("sendProblem(%j, problem) throws a TypeError", (res) => {
    expect(() => sendProblem(res as never, createProblem(500))).toThrow("sendProblem(): res must be a Node or Fastify response");
  });

  it("sendProblem() checks the problem before it touches res", () => {
    const touched: PropertyKey[] = [];
    const res = new Proxy({}, { get: (_, key) => touched.push(key) });
    expect(() => sendProblem(res as never, { status: 304 } as never)).toThrow(RangeError);
    expect(() => sendProblem(res as never, { status: 600 } as never)).toThrow("sendProblem(): problem must be a problem, not object");
    expect(touched).toEqual([]);
  });

  it("sendProblem() gives a problem without status the status in init", () => {
    const res = { statusCode: 200, headersSent: false, setHeader() {}, end() {} };
    expect(sendProblem(res, parseProblem('{"title":"Upstream failed"}')!, { status: 502 })).toBe(true);
    expect(res.statusCode).toBe(502);
  });

  it("sendProblem() leaves the status line of HTTP/2, which has no phrase, and Node gives no warning", async () => {
    const warnings: Error[] = [];
    const warn = (warning: Error) => warnings.push(warning);
    process.on("warning", warn);
    const h2 = createHttp2Server((_, res) => sendProblem(res as never, createProblem(413)));
    await new Promise<void>((resolve) => h2.listen(0, "127.0.0.1", resolve));
    const client = connect(`http://127.0.0.1:${(h2.address() as AddressInfo).port}`);
    try {
      const [headers, body] = await new Promise<[Record<string, unknown>, string]>((resolve, reject) => {
        const request = client.request({ ":path": "/" });
        let text = "";
        let head: Record<string, unknown> = {};
        request.on("response", (h) => (head = h));
        request.on("data", (chunk: Buffer) => (text += chunk));
        request.on("end", () => resolve([head, text]));
        request.on("error", reject);
        request.end();
      });
      expect([headers[":status"], headers["content-type"], JSON.parse(body).title]).toEqual([413, PROBLEM_MEDIA_TYPE, "Content Too Large"]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map(String)).toEqual([]);
    } finally {
      process.off("warning", warn);
      client.close();
      await new Promise((resolve) => h2.close(resolve));
    }
  });
});

describe("parseProblem()", () => {
  it.each([
    ["RFC 9457's example as text", JSON.stringify(OUT_OF_CREDIT), OUT_OF_CREDIT],
    ["RFC 9457's example as a value", OUT_OF_CREDIT, OUT_OF_CREDIT],
    ["a list of errors", JSON.stringify(VALIDATION), VALIDATION],
    ["an empty object", "{}", {}],
    ["a null-prototype object", Object.assign(Object.create(null) as object, { status: 404 }), { status: 404 }],
    ["an object from another realm", runInNewContext("({ status: 404, list: [{ a: 1 }] })"), { status: 404, list: [{ a: 1 }] }],
    ['status "404"', { status: "404" }, {}],
    ["status 404.5", { status: 404.5 }, {}],
    ["status 600", { status: 600 }, {}],
    ["status 99", { status: 99 }, {}],
    ["status 1e3", '{"status":1e3}', {}],
    ["status true", { status: true }, {}],
    ["status null", '{"status":null}', {}],
    ["status 100", { status: 100 }, { status: 100 }],
    ["status 599", '{"status":599}', { status: 599 }],
    ["standard members of the wrong types", { type: 1, title: null, detail: {}, instance: [], extra: "kept" }, { extra: "kept" }],
    ["extension values JSON cannot hold", { a: () => 1, b: Symbol("b"), c: 1n, d: undefined, e: null, f: false, g: 0, h: NaN, i: new Date(0) }, { e: null, f: false, g: 0 }],
    ["values JSON cannot hold, nested", { list: [1, () => 1, 2n, undefined, NaN], o: { f: () => 1, k: 1 } }, { list: [1, null, null, null, null], o: { k: 1 } }],
    ["reserved names", '{"__proto__":{"status":404},"constructor":{"prototype":{"x":1}},"prototype":1,"toString":"x","valueOf":1,"hasOwnProperty":1,"status":500}', { status: 500 }],
    ["a BOM", "\uFEFF{}", {}],
    ["two BOMs", "\uFEFF\uFEFF{}", undefined],
    ["an array", "[{\"status\":404}]", undefined],
    ["a JSON string", JSON.stringify(JSON.stringify(OUT_OF_CREDIT)), undefined],
    ["a number", "404", undefined],
    ["null", "null", undefined],
    ["text that is not JSON", "<html>Not Found</html>", undefined],
    ["an empty string", "", undefined],
    ["an object with a prototype", Object.create({ status: 404 }), undefined],
    ["a class instance", new (class Problem { status = 404; })(), undefined],
    ["a Date", new Date(0), undefined],
    ["a Map", new Map([["status", 404]]), undefined],
    ["a Response", json("{}"), undefined],
    ["undefined", undefined, undefined],
  ])("parseProblem() of %s", (_, input, expected) => {
    expect(parseProblem(input)).toStrictEqual(expected === undefined ? undefined : JSON.parse(JSON.stringify(expected)));
  });

  it("parseProblem() puts the standard members first, in RFC 9457's order, then the extensions as found", () => {
    expect(Object.keys(parseProblem('{"z":1,"instance":"/i","status":404,"a":2,"detail":"d","title":"t","type":"x"}')!)).toEqual([
      "type", "title", "status", "detail", "instance", "z", "a",
    ]);
  });

  it("parseProblem() returns a new object frozen at every depth, with Object.prototype, never the input", () => {
    const input = { status: 404, list: [{ a: [1] }] };
    for (const problem of [parseProblem(input)!, parseProblem(JSON.stringify(input))!]) {
      expect(problem).not.toBe(input);
      expect(problem.list).not.toBe(input.list);
      const [item] = problem.list as { a: number[] }[];
      expect([Object.isFrozen(problem), Object.isFrozen(problem.list), Object.isFrozen(item), Object.isFrozen(item!.a)]).toEqual([true, true, true, true]);
      expect([Object.getPrototypeOf(problem), Object.getPrototypeOf(item)]).toEqual([Object.prototype, Object.prototype]);
    }
  });

  // Only __proto__ makes a prototype; the other names of Object.prototype are data below the top level.
  it.each([
    ['{"errors":[{"constructor":"x","valueOf":1}]}', { errors: [{ constructor: "x", valueOf: 1 }] }],
    ['{"a":{"toString":"t","hasOwnProperty":{"prototype":1},"__defineGetter__":0}}', { a: { toString: "t", hasOwnProperty: { prototype: 1 }, __defineGetter__: 0 } }],
    ['{"a":[[{"constructor":{"prototype":{"admin":true}}}]]}', { a: [[{ constructor: { prototype: { admin: true } } }]] }],
  ])("parseProblem() keeps %s as own data at every depth, from text and from the parsed value alike", (text, expected) => {
    const fromText = parseProblem(text)!;
    const fromValue = parseProblem(JSON.parse(text))!;
    for (const problem of [fromText, fromValue]) {
      expect(JSON.stringify(problem)).toBe(JSON.stringify(expected));
      expect(isProblem(problem)).toBe(true);
    }
  });

  it("parseProblem() drops __proto__ at every depth of text and of a value, and lets no key set a prototype", () => {
    const text = '{"__proto__":{"detail":"x"},"errors":[{"__proto__":{"admin":true},"field":"name"}]}';
    for (const problem of [parseProblem(text)!, parseProblem(JSON.parse(text))!]) {
      expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
      expect(problem.detail).toBeUndefined();
      const [error] = problem.errors as Record<string, unknown>[];
      expect(Object.keys(error!)).toEqual(["field"]);
      expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
      expect(error!.admin).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("parseProblem() calls no getter of its input, at any depth", () => {
    let called = false;
    const getter = {
      get x() {
        called = true;
        return 1;
      },
    };
    expect(parseProblem({ title: "t", nested: getter, list: [getter] })).toEqual({ title: "t", nested: {}, list: [{}] });
    expect(parseProblem(Object.defineProperty({ title: "t" }, "status", { get: Object.getOwnPropertyDescriptor(getter, "x")!.get!, enumerable: true }))).toEqual({ title: "t" });
    expect(called).toBe(false);
  });

  it("parseProblem() reads a valid 6 KB problem nested 3,000 arrays deep, and 100,000 deep", async () => {
    // JSON.stringify overflows the stack at such depths: problemResponse() writes the JSON back.
    const text = `{"status":400,"deep":${nested(3000)}}`;
    expect(text.length).toBeGreaterThan(6000);
    expect(await problemResponse(parseProblem(text)!, { status: 400 }).text()).toBe(text);
    const deeper = `{"status":400,"deep":${nested(100_000, '{"x":1}')}}`;
    expect(await problemResponse(parseProblem(deeper)!, { status: 400 }).text()).toBe(deeper);
    let value: unknown = { x: 1 };
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(isProblem({ status: 400, deep: value })).toBe(true);
    expect(await problemResponse(parseProblem({ status: 400, deep: value })!, { status: 400 }).text()).toBe(deeper);
  });

  it("parseProblem() drops a cycle and copies an object met twice", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const shared = { n: 1 };
    expect(parseProblem({ c: cyclic, s: [shared, shared] })).toEqual({ c: { a: 1 }, s: [{ n: 1 }, { n: 1 }] });
    expect(isProblem({ c: cyclic })).toBe(false);
    expect(isProblem({ s: [shared, shared] })).toBe(true);
  });
});

describe("reserved names", () => {
  it.each(RESERVED)("%s is not an extension member: parseProblem() drops it, createProblem() rejects it", (name) => {
    expect(parseProblem(`{${JSON.stringify(name)}:1,"status":404}`)).toStrictEqual({ status: 404 });
    expect(isProblem({ [name]: 1 })).toBe(false);
    expect(() => createProblem(404, { extensions: { [name]: 1 } })).toThrow(TypeError);
  });

  it.each(["proto", "__proto", "constructors", "toJSON", "then", "__defineGetter", "Prototype"])("%s is an extension member like any other", (name) => {
    expect(parseProblem(`{${JSON.stringify(name)}:1}`)).toStrictEqual({ [name]: 1 });
    expect(createProblem(404, { extensions: { [name]: 1 } })[name]).toBe(1);
  });
});

describe("isProblem()", () => {
  it.each([
    [{}, true],
    [OUT_OF_CREDIT, true],
    [VALIDATION, true],
    [createProblem(404), true],
    [parseProblem('{"status":"404"}'), true],
    [{ errors: [{ constructor: 1 }] }, true],
    [{ status: "404" }, false],
    [{ status: 600 }, false],
    [{ title: 1 }, false],
    [{ constructor: 1 }, false],
    [JSON.parse('{"__proto__":{}}'), false],
    [{ errors: [JSON.parse('{"__proto__":{}}')] }, false],
    [{ run: () => 1 }, false],
    [{ list: [1n] }, false],
    [{ at: { when: new Date(0) } }, false],
    [Object.defineProperty({}, "status", { get: () => 404, enumerable: true }), false],
    [{ nested: Object.defineProperty({}, "x", { get: () => 404, enumerable: true }) }, false],
    [[], false],
    [null, false],
    ["{}", false],
    [json("{}"), false],
  ])("isProblem(%o) is %s", (value, expected) => expect(isProblem(value)).toBe(expected));
});

describe("isProblemResponse()", () => {
  it.each([
    ["application/problem+json", true],
    ["application/problem+json; charset=utf-8", true],
    ["application/problem+json;charset=UTF-8", true],
    ["application/problem+json ; charset=utf-8", true],
    ["APPLICATION/PROBLEM+JSON", true],
    ["Application/Problem+Json", true],
    ["  application/problem+json  ", true],
    ["application/json", false],
    ["application/json; charset=utf-8", false],
    ["application/problem+xml", false],
    ["application/problem+jsonx", false],
    ["application/problem", false],
    ["application/vnd.problem+json", false],
    ["xapplication/problem+json", false],
    ["text/plain", false],
    [null, false],
  ])("isProblemResponse() of a response typed %j is %s", (type, expected) => {
    expect(isProblemResponse(json("{}", type))).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    ["application/problem+json"],
    [{}],
    [{ headers: {} }],
    [{ headers: { "content-type": PROBLEM_MEDIA_TYPE } }],
    [{ headers: new Headers({ "content-type": PROBLEM_MEDIA_TYPE }) }],
  ])("isProblemResponse(%j) is false", (value) => expect(isProblemResponse(value)).toBe(false));

  it("isProblemResponse() leaves the body unread", () => {
    const response = json("{}");
    isProblemResponse(response);
    expect(response.bodyUsed).toBe(false);
  });
});

describe("readProblem() and readProblemResult()", () => {
  const body = JSON.stringify(OUT_OF_CREDIT);

  it.each([
    ["application/problem+json", undefined, OUT_OF_CREDIT],
    ["Application/Problem+JSON; charset=utf-8", undefined, OUT_OF_CREDIT],
    ["application/json", undefined, undefined],
    ["application/json", { acceptJson: false }, undefined],
    ["application/json", { acceptJson: true }, OUT_OF_CREDIT],
    ["application/json; charset=utf-8", { acceptJson: true }, OUT_OF_CREDIT],
    ["text/html", { acceptJson: true }, undefined],
    [null, undefined, undefined],
  ])("readProblem() of %j with %j", async (type, options, expected) => {
    expect(await readProblem(json(body, type), options)).toEqual(expected);
  });

  it("readProblem() leaves the body of another media type unread", async () => {
    const response = json("<html></html>", "text/html");
    expect(await readProblemResult(response)).toEqual({ reason: "media-type" });
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe("<html></html>");
  });

  it.each([
    ["a body that is not JSON", "not-json", () => json("Not Found")],
    ["a JSON array", "not-an-object", () => json("[]")],
    ["JSON null", "not-an-object", () => json("null")],
    ["an empty body", "not-json", () => json("")],
    ["no body", "no-body", () => json(null)],
    ["bytes that are not UTF-8", "not-utf-8", () => json(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))],
    ["a truncated UTF-8 sequence", "not-utf-8", () => json(new Uint8Array([0x7b, 0x22, 0xc3]))],
    // A complete problem, then the first byte of "é": the decoder holds it until its last call.
    ["a problem and a UTF-8 sequence cut off at the end", "not-utf-8", () => json(new Uint8Array([...new TextEncoder().encode('{"status":404}'), 0xc3]))],
    ["a body already read", "body-used", () => { const r = json("{}"); void r.text(); return r; }],
    ["a locked body", "body-used", () => { const r = json("{}"); r.body!.getReader(); return r; }],
    ["a stream that errors", "read-error", () => json(new ReadableStream({ pull: (c) => c.error(new Error("reset")) }))],
    ["a stream of strings", "read-error", () => json(new ReadableStream<unknown>({ start: (c) => { c.enqueue("{}"); c.close(); } }) as never)],
    ["a body longer than maxBytes", "too-large", () => json(" ".repeat(65_537))],
    ["a value that is not a response", "not-a-response", () => ({ headers: null, body: null })],
    ["a response-like object without getReader", "not-a-response", () => ({ headers: new Headers({ "content-type": PROBLEM_MEDIA_TYPE }), body: {} })],
    ["a Headers-like without body", "no-body", () => ({ headers: new Headers({ "content-type": PROBLEM_MEDIA_TYPE }), body: null })],
    ["null", "not-a-response", () => null],
  ] as [string, string, () => unknown][])("readProblemResult() of %s gives the reason %j, and readProblem() undefined", async (_, reason, response) => {
    expect(await readProblemResult(response() as never)).toEqual({ reason });
    expect(await readProblem(response() as never)).toBeUndefined();
  });

  it("readProblemResult() gives { problem } for a problem", async () => {
    expect(await readProblemResult(json('{"status":404}'))).toEqual({ problem: { status: 404 } });
  });

  it("readProblem() decodes UTF-8 split across chunks and ignores a BOM (RFC 8259 §8.1), as parseProblem() does", async () => {
    const text = '\uFEFF{"detail":"Café ☕"}';
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    expect(await readProblem(json(stream))).toEqual({ detail: "Café ☕" });
    expect(parseProblem(text)).toEqual({ detail: "Café ☕" });
    expect(await readProblemResult(json(`\uFEFF${text}`))).toEqual({ reason: "not-json" });
    expect(parseProblem(`\uFEFF${text}`)).toBeUndefined();
  });

  it.each([
    [16, 16, { status: 404 }],
    [17, 16, undefined],
    [14, 0, undefined],
    [65_536, undefined, { status: 404 }],
    [65_537, undefined, undefined],
    [65_537, Infinity, { status: 404 }],
    [65_537, 1e6, { status: 404 }],
  ])("readProblem() of a %i-byte body with maxBytes %j", async (size, maxBytes, expected) => {
    const text = '{"status":404}'.padEnd(size, " ");
    expect(await readProblem(json(text), maxBytes === undefined ? {} : { maxBytes })).toEqual(expected);
  });

  // An invalid option is a programming error: a TypeError at once, before anything is read; the
  // promise never rejects.
  it.each([
    [{ maxBytes: -1 }, "readProblem(): options.maxBytes must be a number from 0 up, not -1"],
    [{ maxBytes: NaN }, "options.maxBytes must be a number from 0 up, not NaN"],
    [{ maxBytes: "1k" }, 'options.maxBytes must be a number from 0 up, not "1k"'],
    [{ acceptJson: "yes" }, 'readProblem(): options.acceptJson must be a boolean, not "yes"'],
    [{ acceptJson: 1 }, "options.acceptJson must be a boolean, not 1"],
    [{ acceptJson: "false" }, "options.acceptJson must be a boolean"],
    [{ signal: {} }, "readProblem(): options.signal must be an AbortSignal, not object"],
    [{ signal: true }, "options.signal must be an AbortSignal, not boolean"],
    [{ limit: 1024 }, "readProblem(): options.limit is not an option"],
    [null, "readProblem(): options must be a plain object, not null"],
    [Object.defineProperty({}, "maxBytes", { get: () => 1, enumerable: true }), "options must be a plain object"],
  ])("readProblem(response, %j) throws a TypeError, and reads nothing", (options, message) => {
    const response = json('{"status":404}', "application/json");
    expect(() => readProblem(response, options as never)).toThrow(TypeError);
    expect(() => readProblem(response, options as never)).toThrow(message);
    expect(() => readProblemResult(response, options as never)).toThrow(message.replace("readProblem()", "readProblemResult()"));
    expect(response.bodyUsed).toBe(false);
  });

  it("readProblem() stops pulling a body at maxBytes and cancels it", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(1024).fill(0x20));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    expect(await readProblemResult(json(endless), { maxBytes: 4096 })).toEqual({ reason: "too-large" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(6);
  });

  it("readProblem() stops reading a real server's endless body at maxBytes, and the server sees the connection close", async () => {
    const total = 64 * 1024 * 1024;
    let written = 0;
    let closed!: () => void;
    const done = new Promise<void>((resolve) => (closed = resolve));
    const server = await serve((_, res) => {
      res.setHeader("Content-Type", PROBLEM_MEDIA_TYPE);
      res.on("close", closed);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const write = (): void => {
        while (!res.destroyed && written < total) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", write);
        }
        if (!res.destroyed) res.end();
      };
      write();
    });
    try {
      expect(await readProblem(await fetch(server.url), { maxBytes: 1024 })).toBeUndefined();
      await done;
      expect(written).toBeLessThan(total);
    } finally {
      await server.close();
    }
  });

  describe("a body that stalls", () => {
    let server: Awaited<ReturnType<typeof serve>>;
    let wrote!: Promise<void>;
    let closed!: Promise<void>;
    beforeAll(async () => {
      server = await serve((_, res) => {
        res.setHeader("Content-Type", PROBLEM_MEDIA_TYPE);
        closed = new Promise((resolve) => res.on("close", resolve));
        wrote = new Promise((resolve) => res.write('{"sta', () => resolve()));
      });
    });
    afterAll(() => server.close());

    it("readProblem() gives up when its signal fires, and the server sees the connection close", async () => {
      const controller = new AbortController();
      const response = await fetch(server.url);
      await wrote;
      const reading = readProblem(response, { signal: controller.signal });
      controller.abort();
      expect(await reading).toBeUndefined();
      await closed;
    });

    it("readProblemResult() gives \"aborted\" when the signal given to fetch() times out while the body is read", async () => {
      const signal = AbortSignal.timeout(200);
      const response = await fetch(server.url, { signal });
      expect(await readProblemResult(response, { signal })).toEqual({ reason: "aborted" });
    });

    it("readProblemResult() with a signal that has fired reads nothing", async () => {
      const response = json('{"status":404}');
      expect(await readProblemResult(response, { signal: AbortSignal.abort() })).toEqual({ reason: "aborted" });
      expect(response.bodyUsed).toBe(false);
    });
  });

  it("readProblem() reads a 64 KiB problem nested 32,000 arrays deep: only the size limit bounds it", async () => {
    const text = `{"deep":${nested(32_000)}}`;
    expect(text.length).toBeLessThanOrEqual(65_536);
    const problem = await readProblem(json(text));
    expect(await problemResponse(problem!, { status: 400 }).text()).toBe(text);
  });

  describe("relative URI references", () => {
    let server: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      server = await serve((req, res) => {
        res.setHeader("Content-Type", PROBLEM_MEDIA_TYPE);
        const members: Record<string, string> = {
          "/api/orders/7": '{"type":"/probs/out-of-stock","instance":"items/3","status":409}',
          "/api/absolute": '{"type":"HTTPS://Example.com/Probs/X","instance":"urn:uuid:2f1d","status":409}',
          "/api/blank": '{"type":"about:blank","status":404}',
        };
        res.statusCode = 409;
        res.end(members[req.url!] ?? "{}");
      });
    });
    afterAll(() => server.close());

    it("readProblem() resolves a relative type and instance against the response's URL (RFC 9457 §3.1.1)", async () => {
      const problem = await readProblem(await fetch(new URL("/api/orders/7", server.url)));
      expect(problem).toEqual({ type: new URL("/probs/out-of-stock", server.url).href, instance: new URL("/api/orders/items/3", server.url).href, status: 409 });
    });

    it("readProblem() leaves absolute references as they are, and a response without URL unresolved", async () => {
      expect(await readProblem(await fetch(new URL("/api/absolute", server.url)))).toEqual({ type: "HTTPS://Example.com/Probs/X", instance: "urn:uuid:2f1d", status: 409 });
      expect(await readProblem(await fetch(new URL("/api/blank", server.url)))).toEqual({ type: "about:blank", status: 404 });
      expect(await readProblem(json('{"type":"/probs/x"}'))).toEqual({ type: "/probs/x" });
    });

    it("readProblem() resolves before a gateway passes the problem on, so the reference still names the same thing", async () => {
      const upstream = await fetch(new URL("/api/orders/7", server.url));
      const problem = (await readProblem(upstream))!;
      const relayed = problemResponse(problem, { status: upstream.status });
      expect((await relayed.json()).type).toBe(new URL("/probs/out-of-stock", server.url).href);
    });
  });
});

describe("properties", () => {
  const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true });
  const members = fc.record(
    {
      type: fc.oneof(fc.string(), anything),
      title: fc.oneof(fc.string(), anything),
      status: fc.oneof(fc.integer({ min: 0, max: 700 }), fc.double(), anything),
      detail: fc.oneof(fc.string(), anything),
      instance: fc.oneof(fc.string(), anything),
      constructor: anything,
      extra: anything,
    },
    { requiredKeys: [] },
  );
  const input = fc.oneof(anything, members, fc.json(), members.map((m) => { try { return JSON.stringify(m) ?? ""; } catch { return ""; } }), fc.string());

  it("parseProblem() never throws and gives undefined or a frozen problem that isProblem() accepts", () => {
    fc.assert(
      fc.property(input, (value) => {
        const problem = parseProblem(value);
        if (problem === undefined) return;
        expect(Object.isFrozen(problem)).toBe(true);
        expect(isProblem(problem)).toBe(true);
        expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
      }),
      { numRuns: 2000 },
    );
  });

  it("isProblem(value) is true exactly when parseProblem(value) keeps every member, at every depth", () => {
    fc.assert(
      fc.property(fc.oneof(anything, members, fc.jsonValue().map((v) => ({ v }))), (value) => {
        const problem = parseProblem(value);
        let kept = false;
        try {
          // What JSON keeps of the value, when all of it is JSON: the same problem.
          // A member whose value is undefined is absent, in JSON as in a problem.
          const members = Object.entries(value as object).filter(([, member]) => member !== undefined);
          kept = problem !== undefined && JSON.stringify(problem) === JSON.stringify(parseProblem(JSON.stringify(value))) && Object.keys(problem).length === members.length;
        } catch {
          // A bigint or a cycle: not all of it is JSON.
        }
        if (isProblem(value)) expect(kept).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("readProblem() never rejects for a response, whatever the bytes and the content type", async () => {
    const type = fc.constantFrom(PROBLEM_MEDIA_TYPE, "application/json", "APPLICATION/PROBLEM+JSON; x=y", "text/plain", "");
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.json().map((t) => new TextEncoder().encode(t)));
    await fc.assert(
      fc.asyncProperty(bytes, type, fc.boolean(), async (body, contentType, acceptJson) => {
        const problem = await readProblem(json(body, contentType), { acceptJson });
        if (problem !== undefined) expect(isProblem(problem)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("createProblem() returns a problem or throws a TypeError or RangeError, for anything", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 50, max: 700 }), anything), fc.oneof(members, anything, fc.record({ extensions: anything })), (status, init) => {
        try {
          const problem = (createProblem as (...args: unknown[]) => Problem)(status, init);
          expect([isProblem(problem), problem.status]).toEqual([true, status]);
          expect(isValidCode(status)).toBe(true);
        } catch (error) {
          expect(error instanceof TypeError || error instanceof RangeError, String(error)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  // Extension names that are neither standard nor reserved: `{ [name]: 0 }` is a problem then.
  const name = fc.string({ minLength: 1, maxLength: 8 }).filter((n) => isProblem({ [n]: 0 }) && !STANDARD.includes(n));
  const text = fc.string({ maxLength: 20 });
  // JSON values with no __proto__ member, which createProblem() rejects at any depth.
  const jsonData = fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"__proto__"'));

  it("a problem that createProblem() accepts survives problemResponse(), readProblem() and parseProblem(JSON.stringify())", async () => {
    const init = fc.record(
      { type: text, title: text, detail: text, instance: text, extensions: fc.dictionary(name, jsonData, { maxKeys: 4 }) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 200, max: 599 }).filter((code) => !isBodyless(code)), init, async (status, members) => {
        const problem = createProblem(status, members as ProblemInit);
        const wire = JSON.parse(JSON.stringify(problem));
        expect(parseProblem(JSON.stringify(problem))).toEqual(wire);
        expect(await readProblem(problemResponse(problem))).toEqual(wire);
      }),
      { numRuns: 300 },
    );
  });

  it("read → send → read is lossless for any problem, the upstream status standing in for a missing or contentless one", async () => {
    const upstream = fc.oneof(
      fc.integer({ min: 100, max: 599 }),
      fc.constant(undefined),
      fc.constantFrom(204, 205, 304, 103),
    );
    const problemText = fc
      .record(
        { type: text, title: text, status: upstream, detail: text, instance: text, extensions: fc.dictionary(name, fc.jsonValue(), { maxKeys: 4 }) },
        { requiredKeys: [] },
      )
      .map(({ extensions, ...standard }) => JSON.stringify({ ...standard, ...extensions }));
    const status = fc.integer({ min: 200, max: 599 }).filter((code) => !isBodyless(code));
    await fc.assert(
      fc.asyncProperty(problemText, status, async (body, upstreamStatus) => {
        const read = (await readProblem(json(body)))!;
        const relayed = problemResponse(read, { status: upstreamStatus });
        expect(relayed.status).toBe(isValidCode(read.status) && !isBodyless(read.status!) ? read.status : upstreamStatus);
        expect(await readProblem(relayed)).toStrictEqual(read);
      }),
      { numRuns: 300 },
    );
  });
});

// The statuskit column of docs/problem.md's comparison with Deno's helpers, row by row.
describe("docs/problem.md: comparison with Deno's helpers", () => {
  const guide = readFileSync(new URL("../docs/problem.md", import.meta.url), "utf8");
  const rows = guide.slice(guide.indexOf("| | statuskit | Deno (read from source) |")).split("\n\n")[0]!.trim().split("\n").slice(2);
  const cell = (label: string) => rows.find((row) => row.startsWith(`| ${label} |`))?.split(" | ")[1];

  it.each([
    ["`about:blank` title of 422", () => `"${createProblem(422).title}"`],
    ["`about:blank` title of 499", () => `"${createProblem(499).title}"`],
    [
      "Status omitted, 200, 600",
      () => {
        expect([thrown(() => (createProblem as (...a: unknown[]) => unknown)())?.[0], createProblem(200 as number).status, thrown(() => createProblem(600 as number))?.[0]]).toEqual([
          "TypeError",
          200,
          "RangeError",
        ]);
        return "a `TypeError`; a problem to relay (a literal `200` is a type error); a `RangeError`";
      },
    ],
    [
      "Typo `detial`",
      () => {
        // @ts-expect-error the typo is a type error
        expect(() => createProblem(404, { detial: "x" })).toThrow(TypeError);
        return "a type error and a `TypeError`";
      },
    ],
    [
      "A problem as a value; Node's `ServerResponse`",
      () => {
        const res = { statusCode: 200, type: "", body: "", setHeader: (_: string, value: string) => void (res.type = value), end: (body: string) => void (res.body = body) };
        sendProblem(res, createProblem(404));
        expect([Object.isFrozen(createProblem(404)), res.statusCode, res.type, JSON.parse(res.body)]).toEqual([
          true,
          404,
          "application/problem+json",
          { type: "about:blank", title: "Not Found", status: 404 },
        ]);
        return "`createProblem`; `sendProblem`";
      },
    ],
    [
      "Reading `null`, `[]`, text that is not JSON",
      () => {
        expect([parseProblem(null), parseProblem([]), parseProblem("not JSON")]).toEqual([undefined, undefined, undefined]);
        return "`undefined`";
      },
    ],
    ['`{"__proto__": {"status": "404"}}`', () => `\`${JSON.stringify(parseProblem('{"__proto__": {"status": "404"}}'))}\``],
    ["A `status` of 42", () => (parseProblem({ status: 42 })!.status === undefined ? "dropped" : "kept")],
    [
      "Reading a response",
      async () => {
        expect(await readProblem(json('{"status":404}', "text/plain"))).toBeUndefined();
        expect(await readProblem(json(`{"status":404}${" ".repeat(64 * 1024)}`))).toBeUndefined();
        return "checks the media type, reads at most 64 KiB";
      },
    ],
    [
      "Guards",
      () => {
        const value: unknown = createProblem(404);
        expect([isProblem(value), isProblemResponse(problemResponse(createProblem(404)))]).toEqual([true, true]);
        return "`isProblem`, `isProblemResponse` narrow";
      },
    ],
  ])("%s: the statuskit cell holds", async (label, check) => {
    expect(cell(label)).toBe(await check());
  });

  it("has a test for every row", () => expect(rows).toHaveLength(10));
});
