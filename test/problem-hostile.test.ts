// Bad input for statuskit/problem, whose functions look into objects (test/hostile-input.test.ts
// leaves it out). The readers take any value without throwing or rejecting (but for invalid
// options, a TypeError); the builders throw a TypeError or RangeError and nothing else. None calls
// a getter, valueOf, toString or toJSON of an argument itself, at any depth (the readers of a
// response read its `headers`, `body` and `url`; sendProblem uses its `res`; problemFromError reads
// an error's `status`, `statusCode`, `expose` and `message`; validationProblem reads its issues); a
// proxy may see its prototype, keys and property descriptors read, and nothing more. The
// platform's `Headers` reads problemResponse's `init.headers` as it reads any.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import * as problemModule from "../src/problem";
import { createProblem, isProblem, parseProblem, problemFromError, problemResponse, readProblem, readProblemResult, sendProblem } from "../src/problem";

type Fn = (...args: unknown[]) => unknown;

const touched: string[] = [];
let armed = false;
const trap = (what: string, otherwise: () => unknown) => () => {
  if (!armed) return otherwise();
  touched.push(what);
  throw new Error(`touched: ${what}`);
};

// Reflection that reading a JSON-like object needs; any other trap is a touch.
const REFLECTION = ["getPrototypeOf", "ownKeys", "getOwnPropertyDescriptor"];
const NAMES = ["type", "title", "status", "detail", "instance", "extensions", "headers", "body", "url", "statusCode", "setHeader", "end", "raw", "then", "toJSON", "valueOf", "toString", "message", "expose", "issues"];

/** Objects that record (and, armed, throw on) every getter, coercion and proxy trap. */
function traps(): object[] {
  const coercing = {
    valueOf: trap("valueOf", () => 404),
    toString: trap("toString", () => "404"),
    toJSON: trap("toJSON", () => ({})),
    [Symbol.toPrimitive]: trap("Symbol.toPrimitive", () => 404),
  };
  const getters = Object.defineProperties(
    {},
    Object.fromEntries(NAMES.map((key) => [key, { get: trap(`get ${key}`, () => undefined), enumerable: true }])),
  );
  const handler: ProxyHandler<object> = Object.fromEntries(
    (["get", "set", "has", "ownKeys", "getOwnPropertyDescriptor", "defineProperty", "deleteProperty", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "apply", "construct"] as const).map(
      (name) => [name, (...args: unknown[]) => (armed ? (touched.push(`proxy ${name}`), (() => { throw new Error(`touched: proxy ${name}`); })()) : (Reflect[name] as Fn)(...args))],
    ),
  );
  return [coercing, getters, Object.create(getters) as object, new Proxy({}, handler), new Proxy({ status: 404 }, handler), new Proxy(() => {}, handler), Object.assign(Object.create(null) as object, coercing), [coercing]];
}

/** A revoked proxy throws on any operation, armed or not, so it is tried apart from fast-check. */
function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/**
 * Calls `fn` armed; returns what it threw (or the rejection), and the touches other than reflection
 * and, for the functions that take a response, reading its `headers` and `body` (a Response's own
 * members are getters).
 */
async function call(fn: Fn, args: unknown[]): Promise<{ threw?: unknown; touches: string[] }> {
  touched.length = 0;
  armed = true;
  let threw: unknown;
  try {
    await fn(...args);
  } catch (error) {
    threw = error;
  } finally {
    armed = false;
  }
  const allowed = [...REFLECTION.map((r) => `proxy ${r}`), ...(READS.get(fn) ?? [])];
  return { threw, touches: touched.filter((t) => !allowed.includes(t)) };
}

// What a function may read of its arguments, besides reflection.
const READS = new Map<unknown, string[]>([
  [problemModule.isProblemResponse, ["get headers", "get body", "proxy get", "proxy has"]],
  [problemModule.readProblem, ["get headers", "get body", "get url", "proxy get", "proxy has"]],
  [problemModule.readProblemResult, ["get headers", "get body", "get url", "proxy get", "proxy has"]],
  [problemModule.problemFromError, ["get status", "get statusCode", "get expose", "get message", "proxy get"]],
]);
const BUILDERS = ["createProblem", "problemResponse", "sendProblem", "validationProblem", "defineProblemType", "ProblemError"];
const readers = Object.entries(problemModule).filter((e): e is [string, never] => typeof e[1] === "function" && !BUILDERS.includes(e[0])) as [string, Fn][];
const builders = (Object.entries(problemModule).filter(([name]) => BUILDERS.includes(name)) as [string, Fn][]).map(
  ([name, fn]): [string, Fn] => [name, name === "ProblemError" ? (...args: unknown[]) => new (fn as unknown as new (...a: unknown[]) => unknown)(...args) : fn],
);

const anyValue = fc.oneof(
  fc.integer({ min: 300, max: 700 }),
  fc.constantFrom(404, 499, 600, 404.5, NaN, -0, 404n, "404", "{}", '{"status":404}', "__proto__", null, undefined),
  fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }),
  fc.constantFrom(...traps()),
  fc.constantFrom(Symbol("404"), () => 404, new Response("{}", { headers: { "content-type": "application/problem+json" } })),
);

describe("statuskit/problem's readers", () => {
  it("are parseProblem, isProblem, isProblemResponse, readProblem, readProblemResult and problemFromError", () => {
    expect(readers.map(([name]) => name).sort()).toEqual(["isProblem", "isProblemResponse", "parseProblem", "problemFromError", "readProblem", "readProblemResult"]);
    expect(builders.map(([name]) => name).sort()).toEqual([...BUILDERS].sort());
  });

  // readProblem's options are the one exception: invalid ones are a TypeError.
  const TAKES_OPTIONS = ["readProblem", "readProblemResult"];
  const allowedError = (name: string, args: unknown[], threw: unknown) =>
    threw === undefined || (TAKES_OPTIONS.includes(name) && args.length > 1 && args[1] !== undefined && threw instanceof TypeError && /: options/.test(threw.message));

  it.each(readers)("%s() takes any one or two values without throwing, rejecting, or calling into them", async (name, fn) => {
    await fc.assert(
      fc.asyncProperty(anyValue, anyValue, async (a, b) => {
        for (const args of [[a], [a, b], []]) {
          const { threw, touches } = await call(fn, args);
          expect(allowedError(name, args, threw), `${name} threw ${String(threw)}`).toBe(true);
          expect(touches, `${name} touched its argument`).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each(readers)("%s() calls nothing on each trap, and survives proxies that throw", async (name, fn) => {
    for (const value of [...traps(), revoked()]) {
      for (const args of [[value], [value, value]]) {
        const { threw, touches } = await call(fn, args);
        expect(allowedError(name, args, threw), `${name} threw ${String(threw)}`).toBe(true);
        expect(touches).toEqual([]);
      }
    }
  });

  it("problemFromError() gives a 500 for anything that throws when read", () => {
    for (const value of [...traps(), revoked()]) {
      armed = true;
      try {
        expect(problemFromError(value)).toEqual({ type: "about:blank", title: "Internal Server Error", status: 500 });
      } finally {
        armed = false;
      }
    }
  });

  it("readProblem() never resolves to its input, even a thenable", async () => {
    const thenable = { then: (resolve: (v: unknown) => void) => resolve("hijacked") };
    expect(await readProblem(thenable as never)).toBeUndefined();
    expect(await readProblem({ headers: { get: () => "application/problem+json" }, body: thenable } as never)).toBeUndefined();
  });
});

describe("statuskit/problem's builders", () => {
  it.each(builders)("%s() returns, or throws a TypeError or RangeError, for any one or two values, calling nothing on them", async (name, fn) => {
    await fc.assert(
      fc.asyncProperty(anyValue, anyValue, async (a, b) => {
        for (const args of [[a], [a, b], [404, a], [createProblem(404), a], [a, { extensions: { a } }], [404, { extensions: { list: [a, { b }] } }]]) {
          const { threw, touches } = await call(fn, args);
          if (threw !== undefined) expect(threw instanceof TypeError || threw instanceof RangeError, `${name}: ${String(threw)}`).toBe(true);
          // sendProblem calls its `res`; validationProblem reads its issues as a validator made them.
          if (name !== "sendProblem" && name !== "validationProblem") expect(touches, `${name} touched its argument`).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("createProblem(), problemResponse() and sendProblem() reject a toJSON or getter at any depth, calling none", () => {
    let called = false;
    const toJSON = () => ((called = true), "then");
    expect(() => createProblem(404, { extensions: { at: { toJSON } } } as never)).toThrow("createProblem(): init.extensions.at.toJSON must be a JSON value, not function");
    const handWritten = { status: 404, at: [{ get x() { return (called = true); } }] };
    expect(() => problemResponse(handWritten as never)).toThrow("problemResponse(): problem must be a problem, not object");
    expect(() => sendProblem({ statusCode: 200, setHeader() {}, end() {} }, handWritten as never)).toThrow(TypeError);
    expect(called).toBe(false);
  });

  it.each([...traps(), revoked()].map((value, i) => [i, value] as const))("sendProblem() with trap %i as res throws a TypeError", async (_, res) => {
    const { threw } = await call(sendProblem as Fn, [res, createProblem(500)]);
    expect(threw).toBeInstanceOf(TypeError);
  });
});

describe("statuskit/problem with a polluted Object.prototype", () => {
  const keys = ["type", "title", "status", "detail", "instance", "extensions", "balance", "headers", "statusText", "acceptJson", "maxBytes", "0", "-1"];
  const pollute = () => {
    for (const key of keys) (Object.prototype as Record<string, unknown>)[key] = key === "maxBytes" ? 1 : key === "headers" ? { "x-polluted": "1" } : key === "acceptJson" ? true : "polluted";
  };
  afterEach(() => {
    for (const key of keys) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it("createProblem() and parseProblem() take only own members, and the results have only their own", () => {
    pollute();
    expect(Object.keys(createProblem(404))).toEqual(["type", "title", "status"]);
    expect(JSON.stringify(createProblem(404, {}))).toBe('{"type":"about:blank","title":"Not Found","status":404}');
    expect(Object.keys(parseProblem("{}")!)).toEqual([]);
    expect(JSON.stringify(parseProblem({ status: 404 }))).toBe('{"status":404}');
    expect(isProblem({})).toBe(true);
  });

  it("problemResponse() and readProblem() read no inherited option", async () => {
    // Made before polluting: the platform's Response reads its init's inherited members.
    const problemJson = new Response('{"status":404}', { headers: { "content-type": "application/problem+json" } });
    const plainJson = new Response('{"status":404}', { headers: { "content-type": "application/json" } });
    pollute();
    const response = problemResponse(createProblem(404), {});
    expect([response.status, response.headers.get("x-polluted"), response.statusText]).toEqual([404, null, "Not Found"]);
    expect(await readProblem(problemJson, {})).toEqual({ status: 404 });
    expect(await readProblemResult(plainJson, {})).toEqual({ reason: "media-type" });
  });

  it("problemFromError() reads no status, expose or message that only Object.prototype has", () => {
    for (const key of ["status", "statusCode", "expose", "message"]) (Object.prototype as Record<string, unknown>)[key] = key === "expose" ? true : key === "message" ? "secret" : 404;
    try {
      expect(problemFromError({})).toEqual({ type: "about:blank", title: "Internal Server Error", status: 500 });
      expect(problemFromError(Object.create(null))).toEqual({ type: "about:blank", title: "Internal Server Error", status: 500 });
    } finally {
      for (const key of ["statusCode", "expose", "message"]) delete (Object.prototype as Record<string, unknown>)[key];
    }
  });
});
