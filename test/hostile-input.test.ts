// Bad input, harder: every export of every entrypoint gets values of every JavaScript type,
// including objects that throw or count when anything touches them. No export may throw, call
// into its argument, or disagree with another export; and frozen data stays frozen under writes
// in sloppy and in strict mode.
import { describe, it, expect, beforeAll, afterEach } from "vitest";
import fc from "fast-check";
import { join } from "node:path";
import { entrypoints, readPackage, root } from "./package";
import {
  classInfo,
  classOf,
  codeOf,
  formatStatus,
  getStatus,
  isBodyless,
  isCacheableByDefault,
  isRedirect,
  isRetryable,
  isStatusCode,
  isValidCode,
  reasonPhrase,
  REASON_PHRASES,
  STATUSES,
  statusTextOf,
} from "../src/index";
import {
  formatUnofficialStatus,
  getUnofficialStatus,
  UNOFFICIAL_STATUSES,
  type Vendor,
} from "../src/unofficial";

type Module = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

/** Each entrypoint of package.json `exports` and its source module: "." is src/index.ts, "./x" src/x.ts. */
const ENTRIES = entrypoints(readPackage()).map((entry) => [entry, join(root, "src", `${entry === "." ? "index" : entry.slice(2)}.ts`)] as const);
const modules = new Map<string, Module>();

beforeAll(async () => {
  for (const [entry, file] of ENTRIES) modules.set(entry, (await import(file)) as Module);
});

// statuskit/problem's builders throw a TypeError or RangeError for a programming error, and its
// readers look into objects (which a proxy sees): test/problem-hostile.test.ts holds its own rules.
const BUILDERS = ["createProblem", "problemResponse", "sendProblem", "validationProblem", "defineProblemType", "ProblemError"];
const READS_OBJECTS = "./problem";

const functionsOf = (entry: string) =>
  Object.entries(modules.get(entry)!).filter((e): e is [string, Fn] => typeof e[1] === "function" && !BUILDERS.includes(e[0]));

// Functions whose job is to read an object's properties may read those, and nothing else: a getter
// of one of them, or a proxy's traps for finding and reading a member. Every other function
// touches nothing.
const READS: Record<string, string[]> = {
  statusTextOf: ["get status", "get statusText", "get statusCode", "get statusMessage", "proxy get", "proxy getOwnPropertyDescriptor", "proxy getPrototypeOf"],
};
const untouched = (name: string) => touched.filter((what) => !READS[name]?.includes(what));

// While armed, every access to a trap is recorded here and throws; a test clears the list, arms,
// calls, disarms and expects the list empty. Disarmed, the traps behave like plain objects, so
// fast-check can generate, clone and print them.
const touched: string[] = [];
let armed = false;
function touch(what: string): never {
  touched.push(what);
  throw new Error(`touched: ${what}`);
}
function call(fn: Fn, args: unknown[]): unknown {
  touched.length = 0;
  armed = true;
  try {
    fn(...args);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    armed = false;
  }
}

/** Objects and functions that throw and record any coercion, property read or proxy trap. */
function traps(): unknown[] {
  const trap = (what: string, otherwise: () => unknown) => () => (armed ? touch(what) : otherwise());
  const coercing = {
    valueOf: trap("valueOf", () => 404),
    toString: trap("toString", () => "404"),
    [Symbol.toPrimitive]: trap("Symbol.toPrimitive", () => 404),
  };
  const getters = Object.defineProperties(
    {},
    Object.fromEntries(
      ["code", "status", "phrase", "name", "length", "then", "toJSON", "constructor", "valueOf", "toString"].map((key) => [
        key,
        { get: trap(`get ${key}`, () => undefined), enumerable: true },
      ]),
    ),
  );
  const handler: ProxyHandler<object> = Object.fromEntries(
    (
      ["get", "set", "has", "ownKeys", "getOwnPropertyDescriptor", "defineProperty", "deleteProperty", "getPrototypeOf",
        "setPrototypeOf", "isExtensible", "preventExtensions", "apply", "construct"] as const
    ).map((name) => [name, (...args: unknown[]) => (armed ? touch(`proxy ${name}`) : (Reflect[name] as Fn)(...args))]),
  );
  return [
    coercing,
    getters,
    new Proxy({}, handler),
    new Proxy(() => {}, handler),
    Object.assign(Object(404) as object, coercing),
    Object.assign(Object("404") as object, coercing),
    Object.assign(trap("call", () => 404), coercing),
    Object.create(getters) as object,
    Object.assign(Object.create(null) as object, coercing),
    [coercing],
    Object.assign([404], coercing),
  ];
}

/** A revoked proxy throws on any operation, armed or not, so it is tried apart from fast-check. */
function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

// Numbers in and near the range, strings that look like codes or names, keys of Object.prototype,
// every kind of value fast-check makes, and the traps.
const anyValue = fc.oneof(
  fc.integer({ min: -1, max: 700 }),
  fc.double(),
  fc.constantFrom(404, 413, 499, 599, 600, 404.5, -0, NaN, Infinity, 404n, "404", " 404", "not found", "NOT_FOUND", "client-error"),
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "length"),
  fc.string(),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
  fc.constantFrom(...traps()),
  fc.constantFrom(Symbol("404"), Symbol.iterator, () => 404, class {}),
);

describe.each(ENTRIES.map(([entry]) => entry).filter((entry) => entry !== READS_OBJECTS))("every function of entrypoint %s", (entry) => {
  it("takes any one or two values without throwing and without touching them", () => {
    const fns = functionsOf(entry);
    expect(fns.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(anyValue, anyValue, (a, b) => {
        for (const [name, fn] of fns) {
          for (const args of [[a], [a, b], [b, a], []]) {
            const threw = call(fn, args);
            expect(threw, `${name}(${args.map((x) => typeof x).join(", ")}) threw`).toBeUndefined();
            expect(untouched(name), `${name} touched its argument`).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("calls nothing on each trap, a revoked proxy included", () => {
    for (const trap of [...traps(), revoked()]) {
      for (const [name, fn] of functionsOf(entry)) {
        for (const args of [[trap], [404, trap], [trap, trap]]) {
          expect(call(fn, args), name).toBeUndefined();
          expect(untouched(name), name).toEqual([]);
        }
      }
    }
  });
});

describe("answers agree across functions for any value", () => {
  it("formatStatus(), reasonPhrase(), classOf() and classInfo() tell one story", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const code = value as number;
        const cls = classOf(code);
        expect(isValidCode(value)).toBe(cls !== undefined);
        expect(formatStatus(code)).toBe(
          cls === undefined ? undefined : `${code} ${reasonPhrase(code) ?? classInfo(cls).title}`,
        );
        const record = getStatus(code);
        if (record) {
          expect(record.code).toBe(value);
          expect(record.class).toBe(cls);
          expect(codeOf(record.constant)).toBe(record.code);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("the rule sets hold registered codes (or, for isBodyless, valid ones) only", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const code = value as number;
        if (isRedirect(code)) expect([isStatusCode(value), classOf(code)]).toEqual([true, "redirection"]);
        if (isRetryable(code)) expect(isStatusCode(value)).toBe(true);
        if (isCacheableByDefault(code)) expect(isStatusCode(value)).toBe(true);
        if (isBodyless(code)) expect(isValidCode(value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("codeOf() answers only for strings, and then with a code whose record names it", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const code = codeOf(value as string);
        if (code === undefined) return;
        expect(typeof value).toBe("string");
        expect(getStatus(code)).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("getUnofficialStatus() and formatUnofficialStatus() agree, with or without a vendor", () => {
    const vendors = [...new Set(UNOFFICIAL_STATUSES.map((s) => s.vendor))];
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.constantFrom(...UNOFFICIAL_STATUSES.map((s) => s.code))), fc.oneof(anyValue, fc.constantFrom(undefined, ...vendors)), (code, vendor) => {
        const all = getUnofficialStatus(code as number);
        for (const record of all) expect([record.code, UNOFFICIAL_STATUSES.includes(record)]).toEqual([code, true]);
        const found = vendor === undefined ? all.length > 0 : getUnofficialStatus(code as number, vendor as Vendor) !== undefined;
        expect(formatUnofficialStatus(code as number, vendor as Vendor) !== undefined).toBe(found);
      }),
      { numRuns: 3000 },
    );
  });

  it("classInfo() answers only for the five class names", () => {
    const names = new Set(STATUSES.map((s) => s.class));
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.constantFrom(...names)), (value) => {
        expect(classInfo(value as string) !== undefined).toBe(typeof value === "string" && names.has(value as never));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Every object reachable from the exports of every entrypoint, and from what the lookups return. */
function publicObjects(): object[] {
  const seen = new Set<object>();
  const walk = (value: unknown) => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) walk(Object.getOwnPropertyDescriptor(value, key)!.value);
  };
  for (const module of modules.values()) for (const value of Object.values(module)) walk(value);
  for (const record of STATUSES) walk(getStatus(record.code));
  for (const name of new Set(STATUSES.map((s) => s.class))) walk(classInfo(name));
  return [...seen];
}

/** An object's own properties, values by identity, and its prototype: what a write could change. */
const shape = (object: object) => [Object.getPrototypeOf(object), Reflect.ownKeys(object).map((key) => [key, Object.getOwnPropertyDescriptor(object, key)])];

// Function bodies made by `Function` are sloppy unless they say otherwise.
const sloppyWrites = new Function(
  "o",
  "k",
  `o[k] = "changed"; delete o[k]; o.added = 1; o[0] = "changed"; o.length = 0; return true;`,
) as (o: object, k: PropertyKey) => boolean;
// Writes to an own property `k`; the others add, delete or reshape.
const strictWrites: ((o: Record<PropertyKey, unknown>, k: PropertyKey) => void)[] = [
  (o, k) => {
    o[k] = "changed";
  },
  (o, k) => {
    delete o[k];
  },
  (o, k) => Object.defineProperty(o, k, { value: "changed" }),
  (o) => {
    o.added = 1;
  },
  (o) => Object.defineProperty(o, "added", { value: 1 }),
  (o) => {
    o.__proto__ = null;
  },
  // A different prototype: setting the one an object already has (null) is allowed when frozen.
  (o) => Object.setPrototypeOf(o, Object.getPrototypeOf(o) === null ? Object.prototype : null),
  (o) => (Array.isArray(o) ? o.push("changed") : Object.assign(o, { added: 1 })),
];

describe("frozen data", () => {
  it("every object reachable from the exports is frozen", () => {
    const objects = publicObjects();
    expect(objects.length).toBeGreaterThan(STATUSES.length);
    expect(objects.filter((o) => !Object.isFrozen(o))).toEqual([]);
  });

  it("writes in sloppy mode change nothing", () => {
    for (const object of publicObjects()) {
      const before = shape(object);
      for (const key of [...Reflect.ownKeys(object), "added"]) sloppyWrites(object, key);
      expect(shape(object)).toEqual(before);
    }
  });

  it("writes in strict mode throw and change nothing", () => {
    for (const object of publicObjects()) {
      const before = shape(object);
      // Own keys for the writes that take one, and a missing key ("added") for the others.
      for (const key of [...Reflect.ownKeys(object), "added"]) {
        const writes = strictWrites.slice(...(key === "added" ? [3] : [0, 3]));
        // TypeError, or RangeError for an array's length.
        for (const write of writes) expect(() => write(object as Record<PropertyKey, unknown>, key), String(key)).toThrow();
      }
      expect(shape(object)).toEqual(before);
    }
  });
});

describe("polluted prototypes", () => {
  // Out-of-range indexes and holes in the tables would find these: 399 and 409 are where 499 and
  // 509 (valid, unregistered) sit in tables indexed by code - 100.
  const keys = ["-1", "-100", "399", "409", "499", "500", "600", "NaN", "404.5", "__proto__"];
  afterEach(() => {
    for (const key of keys) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it("no export answers with an Object.prototype property", () => {
    for (const key of keys) (Object.prototype as Record<string, unknown>)[key] = "polluted";
    for (const entry of modules.keys()) {
      for (const [name, fn] of functionsOf(entry)) {
        for (const value of [99, 499, 509, 600, 404.5, NaN, -1, "404", null, "nope", "__proto__"]) {
          expect(fn(value), `${name}(${String(value)})`).not.toBe("polluted");
          expect(JSON.stringify(fn(value)) ?? "", `${name}(${String(value)})`).not.toContain("polluted");
        }
      }
    }
  });
});

describe("REASON_PHRASES and statusTextOf() agree with the core for any value", () => {
  it("REASON_PHRASES[key] is reasonPhrase(key) for a number, and the phrase of the code it spells for a string", () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.constantFrom(..."404 413 499 __proto__ constructor 404.0 -0".split(" "))), (value) => {
        if (typeof value !== "string" && typeof value !== "number") return;
        const phrase = (REASON_PHRASES as Record<string, unknown>)[value];
        const code = typeof value === "number" ? value : /^[1-5]\d\d$/.test(value) ? Number(value) : undefined;
        expect(phrase).toBe(reasonPhrase(code as number));
      }),
      { numRuns: 3000 },
    );
  });

  it("statusTextOf() of { status, statusText: '' } is formatStatus() without its code", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const line = formatStatus(value as number);
        expect(statusTextOf({ status: value as number, statusText: "" })).toBe(typeof value === "number" && line ? line.slice(4) : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
