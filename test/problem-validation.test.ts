import { type } from "arktype";
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createProblem, defineProblemType, isProblem, parseProblem, problemResponse, readProblem, validationProblem, type StandardSchemaIssue } from "../src/problem";

// RFC 9457 §3's validation example, the request it answers, and the same schema in three validators.
const REQUEST = { age: -3, profile: { color: "purple" } };
const EXPECTED_POINTERS = ["#/age", "#/profile/color"];
const schemas = {
  zod: z.object({ age: z.number().int().positive(), profile: z.object({ color: z.enum(["green", "red", "blue"]) }) }),
  valibot: v.object({ age: v.pipe(v.number(), v.integer(), v.minValue(1)), profile: v.object({ color: v.picklist(["green", "red", "blue"]) }) }),
  arktype: type({ age: "number.integer > 0", profile: { color: "'green' | 'red' | 'blue'" } }),
};

/** An independent JSON Pointer (RFC 6901) evaluator over a value, from a pointer's URI fragment form (§6). */
function evaluate(root: unknown, fragment: string): unknown {
  expect(fragment.startsWith("#")).toBe(true);
  const pointer = decodeURIComponent(fragment.slice(1));
  if (pointer === "") return root;
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((value, token) => (value as Record<string, unknown>)[token], root);
}

describe("validationProblem() with Standard Schema validators", () => {
  it.each(Object.entries(schemas))("validationProblem() builds RFC 9457's example from %s's issues, through ~standard", async (_, schema) => {
    const result = await schema["~standard"].validate(REQUEST);
    expect(result.issues).toBeDefined();
    const problem = validationProblem(result as { issues: readonly StandardSchemaIssue[] }, { type: "https://example.net/validation-error", title: "Your request is not valid." });
    expect([problem.type, problem.title, problem.status]).toEqual(["https://example.net/validation-error", "Your request is not valid.", 400]);
    expect(problem.errors.map((e) => e.pointer)).toEqual(EXPECTED_POINTERS);
    for (const error of problem.errors) {
      expect(typeof error.detail).toBe("string");
      expect(evaluate(REQUEST, error.pointer)).not.toBeUndefined();
    }
  });

  it("validationProblem() takes each validator's own failure: ZodError, Valibot's safeParse result and issues, ArkErrors", () => {
    const zodResult = schemas.zod.safeParse(REQUEST);
    const valibotResult = v.safeParse(schemas.valibot, REQUEST);
    const arkResult = schemas.arktype(REQUEST);
    expect(zodResult.success || valibotResult.success || !(arkResult instanceof type.errors)).toBe(false);
    if (zodResult.success || valibotResult.success || !(arkResult instanceof type.errors)) return;
    for (const issues of [zodResult.error, zodResult.error.issues, valibotResult, valibotResult.issues, arkResult]) {
      expect(validationProblem(issues).errors.map((e) => e.pointer)).toEqual(EXPECTED_POINTERS);
    }
  });

  it("validationProblem()'s details are the validators' messages", () => {
    const result = schemas.zod.safeParse({ age: 3, profile: { color: "purple" } });
    expect(validationProblem(result.error!).errors).toEqual([{ detail: result.error!.issues[0]!.message, pointer: "#/profile/color" }]);
  });

  it("validationProblem() points into arrays by index, and at the whole value for an issue without a path", async () => {
    const list = z.array(z.object({ id: z.string() }));
    const result = await list["~standard"].validate([{ id: "a" }, { id: 2 }]);
    expect(validationProblem(result as never).errors.map((e) => e.pointer)).toEqual(["#/1/id"]);
    const notAList = await list["~standard"].validate("x");
    expect(validationProblem(notAList as never).errors.map((e) => e.pointer)).toEqual(["#"]);
  });

  it("validationProblem() escapes keys as RFC 6901 says (~ is ~0, / is ~1), then as a URI fragment (§6)", async () => {
    const odd = z.object({ "a/b": z.number(), "m~n": z.number(), "c%d": z.number(), "e f": z.number(), "é": z.number(), "x:y@z": z.number(), "": z.number() });
    const result = await odd["~standard"].validate({});
    const pointers = validationProblem(result as never).errors.map((e) => e.pointer);
    expect(pointers).toEqual(["#/a~1b", "#/m~0n", "#/c%25d", "#/e%20f", "#/%C3%A9", "#/x:y@z", "#/"]);
    const value = { "a/b": 1, "m~n": 2, "c%d": 3, "e f": 4, é: 5, "x:y@z": 6, "": 7 };
    expect(pointers.map((pointer) => evaluate(value, pointer))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("validationProblem() ends a pointer at a key that JSON cannot hold: a symbol, a Map's object key", () => {
    const at = Symbol("meta");
    expect(validationProblem([{ message: "x", path: ["a", at, "b"] }, { message: "y", path: [{ key: "m" }, { key: { id: 1 } }] }]).errors).toEqual([
      { detail: "x", pointer: "#/a" },
      { detail: "y", pointer: "#/m" },
    ]);
  });

  it("validationProblem() has status 400, or 422 when asked, and the other members of createProblem()", () => {
    expect(validationProblem([])).toStrictEqual({ type: "about:blank", title: "Bad Request", status: 400, errors: [] });
    expect(validationProblem([{ message: "m" }], { status: 422, detail: "See errors.", instance: "/orders/7", extensions: { requestId: "r1" } })).toStrictEqual({
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "See errors.",
      instance: "/orders/7",
      requestId: "r1",
      errors: [{ detail: "m", pointer: "#" }],
    });
  });

  it("validationProblem() gives a frozen problem that parseProblem() keeps whole, and survives the wire", async () => {
    const problem = validationProblem([{ message: "required", path: ["name"] }]);
    expect(Object.isFrozen(problem)).toBe(true);
    expect(isProblem(problem)).toBe(true);
    expect(await readProblem(problemResponse(problem))).toEqual(JSON.parse(JSON.stringify(problem)));
  });

  it.each([
    [undefined, {}, TypeError, "validationProblem(): issues must be an array, or hold one as issues, not undefined"],
    [{ issues: "x" }, {}, TypeError, "issues must be an array, or hold one as issues, not object"],
    [[{ path: [] }], {}, TypeError, "validationProblem(): issues[0].message must be a string, not undefined"],
    [[{ message: "a" }, null], {}, TypeError, "validationProblem(): issues[1].message must be a string, not undefined"],
    [[{ message: "a", path: "a.b" }], {}, TypeError, 'validationProblem(): issues[0].path must be an array, not "a.b"'],
    [[], { status: 500 }, RangeError, "validationProblem(): init.status must be 400 or 422, not 500"],
    [[], { status: "422" }, TypeError, 'init.status must be 400 or 422, not "422"'],
    [[], { extensions: { errors: [] } }, TypeError, "validationProblem(): init.extensions.errors is the issues' place"],
    [[], { detial: "x" }, TypeError, "validationProblem(): init.detial is not a member"],
    [[], null, TypeError, "validationProblem(): init must be a plain object, not null"],
  ])("validationProblem(%j, %j) throws %o", (issues, init, kind, message) => {
    expect(() => validationProblem(issues as never, init as never)).toThrow(kind);
    expect(() => validationProblem(issues as never, init as never)).toThrow(message);
  });

  it("validationProblem() makes a pointer of any string path that JSON Pointer evaluation finds again", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.nat({ max: 3 })), { maxLength: 5 }), (path) => {
        const [error] = validationProblem([{ message: "m", path }]).errors;
        // Build a value along the path, then evaluate the pointer on it.
        const value: Record<string, unknown> = {};
        let cursor = value;
        path.forEach((key, i) => {
          const next = i === path.length - 1 ? "found" : {};
          // Defined, not assigned: a key "__proto__" is a member like any other here.
          Object.defineProperty(cursor, key, { value: next, enumerable: true });
          cursor = next as Record<string, unknown>;
        });
        expect(evaluate(value, error!.pointer)).toBe(path.length ? "found" : value);
      }),
      { numRuns: 500 },
    );
  });
});

describe("defineProblemType()", () => {
  const OutOfCredit = defineProblemType<{ readonly balance: number; readonly accounts: readonly string[] }>({
    type: "https://example.com/probs/out-of-credit",
    title: "You do not have enough credit.",
    status: 403,
  });

  it("defineProblemType() makes occurrences with the type's URI, title and status (RFC 9457 §4), in RFC 9457's §3 example", () => {
    const problem = OutOfCredit.create({
      detail: "Your current balance is 30, but that costs 50.",
      instance: "/account/12345/msgs/abc",
      extensions: { balance: 30, accounts: ["/account/12345", "/account/67890"] },
    });
    expect(JSON.stringify(problem)).toBe(
      JSON.stringify({
        type: "https://example.com/probs/out-of-credit",
        title: "You do not have enough credit.",
        status: 403,
        detail: "Your current balance is 30, but that costs 50.",
        instance: "/account/12345/msgs/abc",
        balance: 30,
        accounts: ["/account/12345", "/account/67890"],
      }),
    );
    expect(parseProblem(JSON.stringify(problem))?.type).toBe(OutOfCredit.type);
  });

  it("defineProblemType() returns a frozen type whose members are its definition's", () => {
    expect([Object.isFrozen(OutOfCredit), OutOfCredit.type, OutOfCredit.title, OutOfCredit.status]).toEqual([true, "https://example.com/probs/out-of-credit", "You do not have enough credit.", 403]);
  });

  it.each([
    [undefined, TypeError, "defineProblemType(): definition must be a plain object, not undefined"],
    [{ title: "t", status: 400 }, TypeError, "defineProblemType(): definition.type must be a URI, not undefined"],
    [{ type: "", title: "t", status: 400 }, TypeError, 'definition.type must be a URI, not ""'],
    [{ type: "https://x/y", status: 400 }, TypeError, "defineProblemType(): definition.title must be a string, not undefined"],
    [{ type: "https://x/y", title: "t" }, TypeError, "defineProblemType(): definition.status must be an integer from 100 to 599, not undefined"],
    [{ type: "https://x/y", title: "t", status: 600 }, RangeError, "definition.status must be an integer from 100 to 599, not 600"],
    [{ type: "https://x/y", title: "t", status: 400, detail: "d" }, TypeError, "defineProblemType(): definition.detail is not type, title or status"],
  ])("defineProblemType(%j) throws %o", (definition, kind, message) => {
    expect(() => defineProblemType(definition as never)).toThrow(kind);
    expect(() => defineProblemType(definition as never)).toThrow(message);
  });

  it.each([
    [{ title: "Other" }, "create() of https://example.com/probs/out-of-credit: init.title is not detail, instance or extensions"],
    [{ status: 500 }, "init.status is not detail, instance or extensions"],
    [{ extensions: { balance: 1n } }, "create() of https://example.com/probs/out-of-credit: init.extensions.balance must be a JSON value, not bigint"],
    [{ extensions: { type: "x" } }, "init.extensions.type has a reserved name"],
    [{ detail: 1 }, "init.detail must be a string, not 1"],
  ])("a problem type's create(%o) throws a TypeError naming the argument", (init, message) => {
    expect(() => OutOfCredit.create(init as never)).toThrow(TypeError);
    expect(() => OutOfCredit.create(init as never)).toThrow(message);
  });

  it("a problem type's occurrences are problems as createProblem() makes them", () => {
    const Maintenance = defineProblemType({ type: "https://example.com/probs/maintenance", title: "Down for maintenance.", status: 503 });
    expect(Maintenance.create({ detail: "Back at noon." })).toStrictEqual(
      createProblem(503, { type: "https://example.com/probs/maintenance", title: "Down for maintenance.", detail: "Back at noon." }),
    );
  });
});
