// REASON_PHRASES and statusTextOf(): table-driven cases, Node's STATUS_CODES as oracle, real
// Fetch and Node responses, and objects that throw or count what is read.
import { IncomingMessage, STATUS_CODES } from "node:http";
import { Socket } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classInfo, classOf, formatStatus, reasonPhrase, REASON_PHRASES, STATUSES, statusTextOf, type ResponseStatus } from "../src/index";

const text = statusTextOf as (response: unknown) => string | undefined;

describe("REASON_PHRASES", () => {
  it.each(STATUSES.map((s) => [s.code, s.phrase] as const))("REASON_PHRASES[%i] is %j", (code, phrase) => {
    expect(REASON_PHRASES[code]).toBe(phrase);
    expect(REASON_PHRASES[String(code)]).toBe(phrase);
  });

  it("has exactly the registered codes as keys, in order, and no prototype", () => {
    expect(Object.keys(REASON_PHRASES)).toEqual(STATUSES.map((s) => String(s.code)));
    expect(Object.getPrototypeOf(REASON_PHRASES)).toBeNull();
    expect(Object.isFrozen(REASON_PHRASES)).toBe(true);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "499", "600", "404.0", " 404", "length", "prototype"])(
    "REASON_PHRASES[%j] is undefined",
    (key) => {
      expect(REASON_PHRASES[key]).toBeUndefined();
      expect(key in REASON_PHRASES).toBe(false);
    },
  );

  it("agrees with reasonPhrase() for every integer from -1 to 1000", () => {
    for (let code = -1; code <= 1000; code++) expect(REASON_PHRASES[code], String(code)).toBe(reasonPhrase(code));
  });

  // The README's migration note from Node: what changes when STATUS_CODES becomes REASON_PHRASES.
  it("differs from Node's STATUS_CODES only by 413, 418 and 422's names, 104 and 306 added, and 509 dropped", () => {
    const codes = new Set([...Object.keys(STATUS_CODES), ...Object.keys(REASON_PHRASES)].map(Number));
    const changed = [...codes].filter((c) => STATUS_CODES[c] !== REASON_PHRASES[c]).sort((a, b) => a - b);
    expect(changed.map((c) => [c, STATUS_CODES[c] ?? null, REASON_PHRASES[c] ?? null])).toEqual([
      [104, null, "Upload Resumption Supported"],
      [306, null, "Switch Proxy"],
      [413, "Payload Too Large", "Content Too Large"],
      [418, "I'm a Teapot", "I'm a teapot"],
      [422, "Unprocessable Entity", "Unprocessable Content"],
      [509, "Bandwidth Limit Exceeded", null],
    ]);
  });

  it("throws on writes in strict mode and changes nothing", () => {
    const table = REASON_PHRASES as unknown as Record<string, unknown>;
    expect(() => (table[404] = "Gone")).toThrow(TypeError);
    expect(() => (table[499] = "Client Closed Request")).toThrow(TypeError);
    expect(() => delete table[404]).toThrow(TypeError);
    expect(() => Object.setPrototypeOf(table, {})).toThrow(TypeError);
    expect(REASON_PHRASES[404]).toBe("Not Found");
    expect(REASON_PHRASES[499]).toBeUndefined();
  });
});

describe("statusTextOf()", () => {
  it.each([
    ["a response's own text", { status: 404, statusText: "No Such User" }, "No Such User"],
    ["an empty text (HTTP/2, HTTP/3)", { status: 404, statusText: "" }, "Not Found"],
    ["text of only spaces", { status: 503, statusText: "  \t" }, "Service Unavailable"],
    ["padded text, trimmed", { status: 200, statusText: " Fine " }, "Fine"],
    ["no statusText", { status: 413 }, "Content Too Large"],
    ["an unregistered code", { status: 499, statusText: "" }, "Client Error"],
    ["an unregistered code with its own text", { status: 499, statusText: "Client Closed Request" }, "Client Closed Request"],
    ["a 1xx code", { status: 199, statusText: "" }, "Informational"],
    ["Node's statusCode and statusMessage", { statusCode: 404, statusMessage: "Not There" }, "Not There"],
    ["Node's statusCode without a message", { statusCode: 502 }, "Bad Gateway"],
    ["an Express res, whose status is a method", { status: () => undefined, statusCode: 201, statusMessage: "" }, "Created"],
    ["a statusText that is not a string", { status: 404, statusText: 42 }, "Not Found"],
    ["a boxed statusText, never converted", { status: 404, statusText: Object("Boxed") }, "Not Found"],
    ["Fetch's fields over Node's", { status: 404, statusText: "", statusCode: 200, statusMessage: "OK" }, "Not Found"],
    ["a network error's status 0", { status: 0, statusText: "" }, undefined],
    ["status 600", { status: 600, statusText: "Too High" }, undefined],
    ["a fractional status", { status: 404.5, statusText: "Half" }, undefined],
    ["a status that is a string", { status: "404", statusText: "Not Found" }, undefined],
    ["a boxed status", { status: Object(404), statusText: "" }, undefined],
    ["Node's statusCode when status is 0", { status: 0, statusCode: 404 }, undefined],
    ["an empty object", {}, undefined],
  ])("gives %s: %o → %j", (_, response, expected) => {
    expect(text(response)).toBe(expected);
  });

  // A control character would let a status text split a log line or forge one.
  it.each([
    ["CR LF and a forged line", "Gone\r\nX-Forged: 1", "Not Found"],
    ["a bare LF", "Not\nFound", "Not Found"],
    ["a TAB inside", "No\tSuch User", "Not Found"],
    ["an ANSI escape", "\u001b[31mRed\u001b[0m", "Not Found"],
    ["a NUL", "Nope\u0000", "Not Found"],
    ["DEL", "No\u007fpe", "Not Found"],
    ["a C1 control (NEL)", "Next\u0085Line", "Not Found"],
    ["C1 controls from UTF-8 read as Latin-1", "Bad \u00e2\u0080\u0094 Gateway", "Not Found"],
    ["a CR LF at the ends, trimmed away", "\r\nNo Such User\r\n", "No Such User"],
    ["a TAB at the ends, trimmed away", "\tNo Such User\t", "No Such User"],
    ["Latin-1 letters, which are not controls", "Trouv\u00e9", "Trouvé"],
    ["U+00A0, trimmed at the ends, kept inside", "\u00a0No\u00a0Such\u00a0", "No\u00a0Such"],
  ])("counts its own text as missing when it holds a control character: %s", (_, statusText, expected) => {
    expect(text({ status: 404, statusText })).toBe(expected);
    expect(text({ statusCode: 404, statusMessage: statusText })).toBe(expected);
  });

  it("never answers with a control character, and keeps any other text as it is, trimmed", () => {
    const control = /[\0-\x1f\x7f-\x9f]/;
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom(..."ab \t\r\n\u0000\u001b\u007f\u0085\u009f\u00a0") })),
        (status, statusText) => {
          const answer = text({ status, statusText })!;
          expect(answer).not.toMatch(control);
          const own = statusText.trim();
          expect(answer).toBe(own !== "" && !control.test(own) ? own : formatStatus(status)!.slice(4));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([404, "404", null, undefined, true, 404n, Symbol("404"), () => 404, Object.assign(() => 404, { status: 404 })])(
    "gives undefined for %o, which is not a response object",
    (value) => {
      expect(text(value)).toBeUndefined();
    },
  );

  it("reads a real Fetch Response, with and without its own text", () => {
    expect(statusTextOf(new Response(null, { status: 404 }))).toBe("Not Found");
    expect(statusTextOf(new Response(null, { status: 404, statusText: "Gone Fishing" }))).toBe("Gone Fishing");
    expect(statusTextOf(new Response(null, { status: 599 }))).toBe("Server Error");
    expect(statusTextOf(Response.error())).toBeUndefined();
  });

  it("reads a real Node IncomingMessage", () => {
    const message = new IncomingMessage(new Socket());
    message.statusCode = 429;
    message.statusMessage = "";
    expect(statusTextOf(message)).toBe("Too Many Requests");
    message.statusMessage = "Slow Down";
    expect(statusTextOf(message)).toBe("Slow Down");
  });

  it("matches formatStatus() for every valid code when the response has no text", () => {
    for (let code = 100; code <= 599; code++) {
      expect(`${code} ${text({ status: code, statusText: "" })}`).toBe(formatStatus(code));
      expect(text({ statusCode: code })).toBe(reasonPhrase(code) ?? classInfo(classOf(code)!).title);
    }
  });

  it("reads each property at most once, only the documented ones, and only those the object has", () => {
    const reads: PropertyKey[] = [];
    const spy = (target: object) => new Proxy(target, { get: (t, key, r) => (reads.push(key), Reflect.get(t, key, r)) });
    const cases: [object, PropertyKey[]][] = [
      [{ status: 404, statusText: "x" }, ["status", "statusText"]],
      [{ statusCode: 404, statusMessage: "x" }, ["statusCode", "statusMessage"]],
      [{ status: 0, statusText: "x" }, ["status"]],
      [{ statusCode: 700, statusMessage: "x" }, ["statusCode"]],
      [{ status: 404, statusCode: 500, statusMessage: "x" }, ["status"]],
    ];
    for (const [target, expected] of cases) {
      reads.length = 0;
      text(spy(target));
      expect(reads).toEqual(expected);
    }
  });

  it("counts a property whose getter throws as missing, and never throws itself", () => {
    const throwing = (key: string) =>
      Object.defineProperty({ status: 404, statusText: "" }, key, {
        get() {
          throw new Error(`get ${key}`);
        },
      });
    expect(text(throwing("statusText"))).toBe("Not Found");
    expect(text(throwing("status"))).toBeUndefined();
    const { proxy, revoke } = Proxy.revocable({ status: 404 }, {});
    revoke();
    expect(text(proxy)).toBeUndefined();
    expect(text(new Proxy({}, { get: () => { throw new Error("trap"); } }))).toBeUndefined();
  });

  it("answers undefined or a non-empty string for any value, and a string exactly for a valid status", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ status: fc.oneof(fc.integer({ min: -1, max: 700 }), fc.anything()), statusText: fc.anything() }, { requiredKeys: [] }),
          fc.record({ statusCode: fc.oneof(fc.integer({ min: -1, max: 700 }), fc.anything()), statusMessage: fc.anything() }, { requiredKeys: [] }),
          fc.anything({ withBoxedValues: true, withNullPrototype: true, withMap: true }),
        ),
        (value) => {
          const answer = text(value);
          const object = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
          const code = typeof object?.status === "number" ? object.status : object?.statusCode;
          expect(answer === undefined).toBe(classOf(code as number) === undefined);
          if (answer !== undefined) expect(answer.trim()).toBe(answer);
          if (answer !== undefined) expect(answer).not.toMatch(/[\0-\x1f\x7f-\x9f]/);
          if (answer !== undefined) expect(answer.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("statusTextOf() under polluted prototypes", () => {
  const members = { status: 404, statusText: "Evil", statusCode: 500, statusMessage: "Evil" };
  // The same members as data, or as getters (with a setter that does nothing), on either prototype.
  const pollutions = (["Object.prototype", "Array.prototype"] as const).flatMap((target) =>
    (["data members", "getters"] as const).map((form) => ({ target, form })),
  );
  const responses: [string, unknown, string | undefined][] = [
    ["an empty object", {}, undefined],
    ["an empty array", [], undefined],
    ["an array with its own status", Object.assign([], { status: 410 }), "Gone"],
    ["an object with its own status", { status: 503 }, "Service Unavailable"],
    ["Node's fields of its own", { statusCode: 201 }, "Created"],
    ["a Fetch Response, whose status is a getter on its prototype", new Response(null, { status: 204 }), "No Content"],
    ["an instance whose class declares the status", new (class { status = 429; })(), "Too Many Requests"],
    ["an object whose own prototype has the status", Object.create({ status: 302, statusText: "" }), "Found"],
  ];

  describe.each(pollutions)("with $form of a response on $target", ({ target, form }) => {
    it.each(responses)("statusTextOf() reads no member that only the built-in prototype has: %s", (_, response, expected) => {
      const proto = (target === "Array.prototype" ? Array.prototype : Object.prototype) as unknown as Record<string, unknown>;
      try {
        for (const [key, value] of Object.entries(members)) {
          Object.defineProperty(proto, key, { configurable: true, enumerable: true, ...(form === "getters" ? { get: () => value, set() {} } : { value, writable: true }) });
        }
        expect(statusTextOf(response as ResponseStatus)).toBe(expected);
      } finally {
        for (const key of Object.keys(members)) delete proto[key];
      }
    });
  });
});
