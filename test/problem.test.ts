import { readFileSync } from "node:fs";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classInfo, classOf, isError, STATUSES } from "../src/index";
import {
  createProblem,
  isProblem,
  isProblemResponse,
  parseProblem,
  PROBLEM_MEDIA_TYPE,
  problemResponse,
  readProblem,
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

const json = (body: ConstructorParameters<typeof Response>[0], type: string | null = PROBLEM_MEDIA_TYPE) =>
  new Response(body, type === null ? {} : { headers: { "Content-Type": type } });

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

describe("createProblem()", () => {
  it.each([
    [404, undefined, { type: "about:blank", title: "Not Found", status: 404 }],
    [422, {}, { type: "about:blank", title: "Unprocessable Content", status: 422 }],
    [413, { type: "about:blank" }, { type: "about:blank", title: "Content Too Large", status: 413 }],
    [499, {}, { type: "about:blank", title: "Client Error", status: 499 }],
    [599, {}, { type: "about:blank", title: "Server Error", status: 599 }],
    [404, { title: "Nicht gefunden" }, { type: "about:blank", title: "Nicht gefunden", status: 404 }],
    [404, { detail: "No user 42.", instance: "/users/42" }, { type: "about:blank", title: "Not Found", status: 404, detail: "No user 42.", instance: "/users/42" }],
    [403, { type: "https://example.com/probs/x" }, { type: "https://example.com/probs/x", status: 403 }],
    [404, { detail: undefined, extensions: { retry: undefined } }, { type: "about:blank", title: "Not Found", status: 404 }],
    [400, { extensions: { extensions: 1 } }, { type: "about:blank", title: "Bad Request", status: 400, extensions: 1 }],
  ] as const)("createProblem(%j, %j) is %j", (status, init, expected) => {
    expect(createProblem(status, init as never)).toStrictEqual(expected);
  });

  it("createProblem() builds RFC 9457's example with its members in the RFC's order", () => {
    const { status, balance, accounts, ...members } = OUT_OF_CREDIT;
    const problem = createProblem(status, { ...members, extensions: { balance, accounts } });
    expect(JSON.stringify(problem)).toBe(JSON.stringify(OUT_OF_CREDIT));
  });

  it("createProblem() gives every registered error code its phrase as about:blank title, and a valid unregistered one its class title", () => {
    for (const record of STATUSES.filter((s) => isError(s.code))) expect(createProblem(record.code as number).title).toBe(record.phrase);
    for (let code = 400; code < 600; code++) {
      if (!STATUSES.some((s) => s.code === code)) expect(createProblem(code).title).toBe(classInfo(classOf(code)!).title);
    }
  });

  it("createProblem() returns a frozen plain object and keeps extension values as given", () => {
    const accounts = ["/account/1"];
    const problem = createProblem(403, { extensions: { accounts } });
    expect(Object.isFrozen(problem)).toBe(true);
    expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
    expect(problem.accounts).toBe(accounts);
    expect(Object.isFrozen(accounts)).toBe(false);
  });

  it.each(([
    [["404"], TypeError, 'createProblem(): status must be a number, not "404"'],
    [[undefined], TypeError, "createProblem(): status must be a number, not undefined"],
    [[404n], TypeError, "createProblem(): status must be a number, not bigint"],
    [[{ valueOf: () => 404 }], TypeError, "createProblem(): status must be a number, not object"],
    [[600], RangeError, "createProblem(): status must be an integer from 400 to 599, not 600"],
    [[42.5], RangeError, "not 42.5"],
    [[404.5], RangeError, "not 404.5"],
    [[NaN], RangeError, "not NaN"],
    [[Infinity], RangeError, "not Infinity"],
    [[200], RangeError, "not 200"],
    [[399], RangeError, "not 399"],
    [[-404], RangeError, "not -404"],
    [[404, null], TypeError, "createProblem(): init must be a plain object of data members, not null"],
    [[404, "detail"], TypeError, 'init must be a plain object of data members, not "detail"'],
    [[404, []], TypeError, "init must be a plain object of data members, not object"],
    [[404, new Date()], TypeError, "init must be a plain object"],
    [[404, { detial: "x" }], TypeError, "createProblem(): init.detial is not a member (the status is the first argument; extension members go in init.extensions)"],
    [[404, { balance: 30 }], TypeError, "init.balance is not a member"],
    [[404, { status: 500 }], TypeError, "createProblem(): init.status is not a member (the status is the first argument"],
    [[404, { detail: 42 }], TypeError, "createProblem(): init.detail must be a string, not 42"],
    [[404, { type: null }], TypeError, "init.type must be a string, not null"],
    [[404, { extensions: [] }], TypeError, "createProblem(): init.extensions must be a plain object of data members"],
    [[404, { extensions: "x" }], TypeError, "init.extensions must be a plain object"],
    [[404, { extensions: { status: 500 } }], TypeError, "createProblem(): init.extensions.status has a reserved name"],
    [[404, { extensions: { title: "x" } }], TypeError, "init.extensions.title has a reserved name"],
    [[404, { extensions: { constructor: {} } }], TypeError, "init.extensions.constructor has a reserved name"],
    [[404, { extensions: JSON.parse('{"__proto__":{}}') }], TypeError, "init.extensions.__proto__ has a reserved name"],
    [[404, { extensions: { toString: "x" } }], TypeError, "init.extensions.toString has a reserved name"],
    [[404, { extensions: { id: 1n } }], TypeError, "createProblem(): init.extensions.id must be a JSON value, not bigint"],
    [[404, { extensions: { run: () => 1 } }], TypeError, "init.extensions.run must be a JSON value, not function"],
  ] as [unknown[], ErrorConstructor, string][]).map(([args, type, message]) => [args.map((a) => JSON.stringify(a, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))).join(", "), args, type, message] as const))(
    "createProblem(%s) throws %o naming the argument",
    (_, args, type, message) => {
      expect(() => (createProblem as (...a: unknown[]) => unknown)(...args)).toThrow(type);
      expect(() => (createProblem as (...a: unknown[]) => unknown)(...args)).toThrow(message);
    },
  );

  it("createProblem() rejects a getter in init without calling it", () => {
    let called = false;
    const init = {
      get detail() {
        called = true;
        return "x";
      },
    };
    expect(() => createProblem(404, init)).toThrow(TypeError);
    expect(() => createProblem(404, { extensions: init } as never)).toThrow("init.extensions must be a plain object of data members");
    expect(called).toBe(false);
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

  it("problemResponse() keeps statusText and ignores a status in init", () => {
    const response = problemResponse(createProblem(404), { statusText: "Missing", status: 200 } as never);
    expect([response.status, response.statusText]).toEqual([404, "Missing"]);
  });

  it.each([
    [undefined, TypeError, "problemResponse(): problem must be a problem, not undefined"],
    [404, TypeError, "problem must be a problem, not 404"],
    [[], TypeError, "problem must be a problem"],
    [{ status: "404" }, TypeError, "problem must be a problem"],
    [{ status: 404, constructor: 1 }, TypeError, "problem must be a problem"],
    [{}, TypeError, "problemResponse(): problem.status must be a number, not undefined"],
    [{ status: 200 }, RangeError, "problemResponse(): problem.status must be an integer from 400 to 599, not 200"],
    [{ status: 304 }, RangeError, "not 304"],
    // A status that is not a code is dropped, as parseProblem() drops it: the rest is not a problem.
    [{ status: 600 }, TypeError, "problemResponse(): problem must be a problem, not object"],
    [{ status: 404.5 }, TypeError, "problem must be a problem"],
    [{ status: 99 }, TypeError, "problem must be a problem"],
  ])("problemResponse(%j) throws %o", (problem, type, message) => {
    expect(() => problemResponse(problem as never)).toThrow(type);
    expect(() => problemResponse(problem as never)).toThrow(message);
  });

  it("problemResponse() sends a hand-written problem as it is", async () => {
    expect(await problemResponse({ status: 404, type: "about:blank" } as never).json()).toEqual({ status: 404, type: "about:blank" });
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
  beforeAll(async () => {
    server = await serve((req, res) => {
      res.setHeader("X-Request-Id", "abc");
      res.setHeader("Content-Type", "text/html");
      // The README's error handler.
      try {
        if (req.url === "/users/42") throw new HttpError(404, "No user 42.");
        throw new Error("database password expired");
      } catch (error) {
        const problem = error instanceof HttpError ? createProblem(error.status, { detail: error.message }) : createProblem(500);
        sendProblem(res, problem);
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

  it("the README's error handler tells nothing of a server error", async () => {
    const response = await fetch(new URL("/crash", server.url));
    expect([response.status, await response.text()]).toEqual([500, '{"type":"about:blank","title":"Internal Server Error","status":500}']);
  });

  it("readProblem() reads what sendProblem() sent, as the README's Fetch client does", async () => {
    const res = await fetch(new URL("/users/42", server.url));
    expect(res.ok).toBe(false);
    const problem = await readProblem(res);
    expect(problem).toEqual({ type: "about:blank", title: "Not Found", status: 404, detail: "No user 42." });
    expect(problem?.detail ?? problem?.title ?? `HTTP ${res.status}`).toBe("No user 42.");
  });

  it.each([
    [null],
    [{}],
    [{ statusCode: 200, setHeader() {} }],
    [{ statusCode: 200, end() {} }],
  ])("sendProblem(%j, problem) throws a TypeError", (res) => {
    expect(() => sendProblem(res as never, createProblem(500))).toThrow("sendProblem(): res must have setHeader() and end(), like Node's http.ServerResponse");
  });

  it("sendProblem() checks the problem before it touches res", () => {
    const touched: PropertyKey[] = [];
    const res = new Proxy({}, { get: (_, key) => touched.push(key) });
    expect(() => sendProblem(res as never, { status: 200 } as never)).toThrow(RangeError);
    expect(() => sendProblem(res as never, { status: 600 } as never)).toThrow(TypeError);
    expect(() => sendProblem(res as never, { status: 600 } as never)).toThrow("sendProblem(): problem must be a problem, not object");
    expect(touched).toEqual([]);
  });
});

describe("parseProblem()", () => {
  it.each([
    ["RFC 9457's example as text", JSON.stringify(OUT_OF_CREDIT), OUT_OF_CREDIT],
    ["RFC 9457's example as a value", OUT_OF_CREDIT, OUT_OF_CREDIT],
    ["a list of errors", JSON.stringify(VALIDATION), VALIDATION],
    ["an empty object", "{}", {}],
    ["a null-prototype object", Object.assign(Object.create(null) as object, { status: 404 }), { status: 404 }],
    ["an object from another realm", runInNewContext("({ status: 404 })"), { status: 404 }],
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
    ["extension values JSON cannot hold", { a: () => 1, b: Symbol("b"), c: 1n, d: undefined, e: null, f: false, g: 0 }, { e: null, f: false, g: 0 }],
    ["reserved names", '{"__proto__":{"status":404},"constructor":{"prototype":{"x":1}},"prototype":1,"toString":"x","valueOf":1,"hasOwnProperty":1,"status":500}', { status: 500 }],
    ["a BOM", "\uFEFF{}", undefined],
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
    expect(parseProblem(input)).toStrictEqual(expected === undefined ? undefined : { ...expected });
  });

  it("parseProblem() puts the standard members first, in RFC 9457's order, then the extensions as found", () => {
    expect(Object.keys(parseProblem('{"z":1,"instance":"/i","status":404,"a":2,"detail":"d","title":"t","type":"x"}')!)).toEqual([
      "type", "title", "status", "detail", "instance", "z", "a",
    ]);
  });

  it("parseProblem() returns a new frozen object with Object.prototype, never the input", () => {
    const input = { status: 404 };
    const problem = parseProblem(input)!;
    expect(problem).not.toBe(input);
    expect(Object.isFrozen(problem)).toBe(true);
    expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
  });

  it("parseProblem() drops reserved keys at every depth of text, and lets no key set a prototype", () => {
    const problem = parseProblem('{"__proto__":{"detail":"x"},"errors":[{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}},"field":"name"}]}')!;
    expect(Object.getPrototypeOf(problem)).toBe(Object.prototype);
    expect(problem.detail).toBeUndefined();
    const [error] = problem.errors as Record<string, unknown>[];
    expect(error).toEqual({ field: "name" });
    expect(Object.keys(error!)).toEqual(["field"]);
    expect(error!.admin).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("parseProblem() checks a parsed value at its top level only", () => {
    const nested = JSON.parse('{"__proto__":1}');
    expect(parseProblem({ errors: [nested] })!.errors).toEqual([nested]);
  });

  it("parseProblem() calls no getter of its input", () => {
    let called = false;
    const input = {
      title: "t",
      get status() {
        called = true;
        return 404;
      },
    };
    expect(parseProblem(input)).toEqual({ title: "t" });
    expect(called).toBe(false);
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
    [{ status: "404" }, false],
    [{ status: 600 }, false],
    [{ title: 1 }, false],
    [{ constructor: 1 }, false],
    [JSON.parse('{"__proto__":{}}'), false],
    [{ run: () => 1 }, false],
    [Object.defineProperty({}, "status", { get: () => 404, enumerable: true }), false],
    [[], false],
    [null, false],
    ["{}", false],
    [json("{}"), false],
  ])("isProblem(%j) is %s", (value, expected) => expect(isProblem(value)).toBe(expected));
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

describe("readProblem()", () => {
  const body = JSON.stringify(OUT_OF_CREDIT);

  it.each([
    ["application/problem+json", undefined, OUT_OF_CREDIT],
    ["Application/Problem+JSON; charset=utf-8", undefined, OUT_OF_CREDIT],
    ["application/json", undefined, undefined],
    ["application/json", { acceptJson: true }, OUT_OF_CREDIT],
    ["application/json; charset=utf-8", { acceptJson: true }, OUT_OF_CREDIT],
    ["text/html", { acceptJson: true }, undefined],
    [null, undefined, undefined],
  ])("readProblem() of %j with %j", async (type, options, expected) => {
    expect(await readProblem(json(body, type), options)).toEqual(expected);
  });

  it("readProblem() leaves the body of another media type unread", async () => {
    const response = json("<html></html>", "text/html");
    expect(await readProblem(response)).toBeUndefined();
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe("<html></html>");
  });

  it.each([
    ["a body that is not JSON", json("Not Found")],
    ["a JSON array", json("[]")],
    ["JSON null", json("null")],
    ["an empty body", json("")],
    ["no body", json(null)],
    ["bytes that are not UTF-8", json(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))],
    ["a truncated UTF-8 sequence", json(new Uint8Array([0x7b, 0x22, 0xc3]))],
    ["a body already read", (() => { const r = json("{}"); void r.text(); return r; })()],
    ["a stream that errors", json(new ReadableStream({ pull: (c) => c.error(new Error("reset")) }))],
    ["a stream of strings", json(new ReadableStream<unknown>({ start: (c) => { c.enqueue("{}"); c.close(); } }) as never)],
    ["a value that is not a response", { headers: null, body: null }],
    ["a Headers-like without body", { headers: new Headers({ "content-type": PROBLEM_MEDIA_TYPE }), body: null }],
    ["null", null],
  ])("readProblem() of %s gives undefined", async (_, response) => {
    expect(await readProblem(response as never)).toBeUndefined();
  });

  it("readProblem() decodes UTF-8 split across chunks and ignores a BOM (RFC 8259 §8.1)", async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"detail":"Café ☕"}');
    const stream = new ReadableStream({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    expect(await readProblem(json(stream))).toEqual({ detail: "Café ☕" });
  });

  // maxBytes that is not a number from 0 up means the default, 65,536.
  it.each([
    [16, 16, { status: 404 }],
    [17, 16, undefined],
    [14, 0, undefined],
    [65_536, undefined, { status: 404 }],
    [65_537, undefined, undefined],
    [65_536, "1k", { status: 404 }],
    [65_537, "1k", undefined],
    [65_537, -1, undefined],
    [65_537, NaN, undefined],
    [65_537, Infinity, { status: 404 }],
  ])("readProblem() of a %i-byte body with maxBytes %j", async (size, maxBytes, expected) => {
    const text = '{"status":404}'.padEnd(size, " ");
    expect(await readProblem(json(text), { maxBytes: maxBytes as number })).toEqual(expected);
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
    expect(await readProblem(json(endless), { maxBytes: 4096 })).toBeUndefined();
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

  it("isProblem(value) is true exactly when parseProblem(value) keeps every member", () => {
    fc.assert(
      fc.property(fc.oneof(anything, members), (value) => {
        const problem = parseProblem(value);
        const kept = problem !== undefined && Object.keys(problem).length === Object.keys(value as object).length;
        expect(isProblem(value)).toBe(kept);
      }),
      { numRuns: 2000 },
    );
  });

  it("readProblem() never rejects, whatever the bytes and the content type", async () => {
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
      fc.property(fc.oneof(fc.integer({ min: 300, max: 700 }), anything), fc.oneof(members, anything, fc.record({ extensions: anything })), (status, init) => {
        try {
          const problem = (createProblem as (...args: unknown[]) => Problem)(status, init);
          expect([isProblem(problem), problem.status]).toEqual([true, status]);
        } catch (error) {
          expect(error instanceof TypeError || error instanceof RangeError, String(error)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("a problem survives problemResponse(), readProblem() and parseProblem(JSON.stringify())", async () => {
    const text = fc.string({ maxLength: 20 });
    // Extension names that are neither standard nor reserved: `{ [name]: 0 }` is a problem then.
    const name = fc.string({ minLength: 1, maxLength: 8 }).filter((n) => isProblem({ [n]: 0 }) && !["type", "title", "status", "detail", "instance"].includes(n));
    const init = fc.record(
      { type: text, title: text, detail: text, instance: text, extensions: fc.dictionary(name, fc.jsonValue(), { maxKeys: 4 }) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 400, max: 599 }), init, async (status, members) => {
        const problem = createProblem(status, members as ProblemInit);
        // What the receiver gets: the JSON, without reserved keys at any depth.
        const wire = JSON.parse(JSON.stringify(problem), (key, value: unknown) => (RESERVED.includes(key) ? undefined : value));
        expect(parseProblem(JSON.stringify(problem))).toEqual(wire);
        expect(await readProblem(problemResponse(problem))).toEqual(wire);
      }),
      { numRuns: 300 },
    );
  });
});

// The statuskit column of docs/problem.md's comparison with Deno's helpers, row by row.
describe("docs/problem.md: comparison with Deno's helpers", () => {
  const readme = readFileSync(new URL("../docs/problem.md", import.meta.url), "utf8");
  const rows = readme.slice(readme.indexOf("| | statuskit | Deno (read from source) |")).split("\n\n")[0]!.split("\n").slice(2);
  const cell = (label: string) => rows.find((row) => row.startsWith(`| ${label} |`))?.split(" | ")[1];

  it.each([
    ["`about:blank` title of 422", () => `"${createProblem(422).title}"`],
    ["`about:blank` title of 499", () => `"${createProblem(499).title}"`],
    [
      "Status omitted, 200, 600",
      () => {
        const errors = [[], [200], [600]].map((args) => {
          try {
            (createProblem as (...a: unknown[]) => unknown)(...args);
            return "none";
          } catch (error) {
            return (error as Error).constructor.name;
          }
        });
        expect(errors).toEqual(["TypeError", "RangeError", "RangeError"]);
        return "a `TypeError` or `RangeError` from the builder";
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
        // Anything shaped like a ServerResponse: the node:http block above sends through a real one.
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
