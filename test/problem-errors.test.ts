import { createRequire } from "node:module";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { createProblem, parseProblem, ProblemError, problemFromError, problemResponse } from "../src/problem";

const INTERNAL = { type: "about:blank", title: "Internal Server Error", status: 500 };

// http-errors is what Express 5 and its body parsers throw (express depends on it).
const createError = createRequire(createRequire(import.meta.url).resolve("express"))("http-errors") as (status: number, message?: string, props?: object) => Error;

class StatusError extends Error {
  constructor(
    readonly status: unknown,
    message: string,
    readonly expose?: unknown,
  ) {
    super(message);
  }
}

describe("problemFromError()", () => {
  it.each([
    ["http-errors' 404, exposed", createError(404, "No user 42."), { type: "about:blank", title: "Not Found", status: 404, detail: "No user 42." }],
    ["http-errors' 404 with its default message", createError(404), { type: "about:blank", title: "Not Found", status: 404 }],
    ["http-errors' 413, exposed with Node's old phrase", createError(413), { type: "about:blank", title: "Content Too Large", status: 413, detail: "Payload Too Large" }],
    ["http-errors' 503, not exposed", createError(503, "database password expired"), { type: "about:blank", title: "Service Unavailable", status: 503 }],
    ["http-errors' 503, exposed on purpose", createError(503, "Back at noon.", { expose: true }), { type: "about:blank", title: "Service Unavailable", status: 503, detail: "Back at noon." }],
    ["Hono's HTTPException", new HTTPException(401, { message: "Bad token." }), { type: "about:blank", title: "Unauthorized", status: 401 }],
    ["an error with statusCode, as Fastify's", Object.assign(new Error("body must have required property 'name'"), { statusCode: 400 }), { type: "about:blank", title: "Bad Request", status: 400 }],
    ["an error with a status from 100 to 399", new StatusError(302, "Moved"), INTERNAL],
    ["an error with status 600", new StatusError(600, "x", true), INTERNAL],
    ["an error with status \"404\"", new StatusError("404", "x", true), INTERNAL],
    ["an error with expose that is not true", new StatusError(404, "x", "yes"), { type: "about:blank", title: "Not Found", status: 404 }],
    ["an error with an empty message", new StatusError(404, "", true), { type: "about:blank", title: "Not Found", status: 404 }],
    ["a plain Error", new Error("database password expired"), INTERNAL],
    ["a TypeError", new TypeError("x is not a function"), INTERNAL],
    ["a string", "oops", INTERNAL],
    ["undefined", undefined, INTERNAL],
    ["null", null, INTERNAL],
    ["an object with a status", { status: 404, message: "No user.", expose: true }, { type: "about:blank", title: "Not Found", status: 404, detail: "No user." }],
    ["a null-prototype object with a status", Object.assign(Object.create(null) as object, { status: 409 }), { type: "about:blank", title: "Conflict", status: 409 }],
  ])("problemFromError() of %s", (_, error, expected) => {
    expect(problemFromError(error)).toStrictEqual(expected);
  });

  it("problemFromError() of a ProblemError is its problem, as it is", () => {
    const problem = createProblem(409, { type: "https://example.com/probs/conflict", extensions: { version: 3 } });
    expect(problemFromError(new ProblemError(problem))).toBe(problem);
  });

  it("problemFromError() knows a ProblemError of another copy of statuskit/problem, as when both builds are loaded", async () => {
    // A query makes Vite load the module a second time, as an app loads a second build of the package.
    // @ts-expect-error TypeScript resolves no query
    const other = (await import("../src/problem?copy")) as typeof import("../src/problem");
    expect(other.ProblemError).not.toBe(ProblemError);
    const problem = createProblem(422);
    expect(problemFromError(new other.ProblemError(problem))).toBe(problem);
    expect(other.problemFromError(new ProblemError(problem))).toBe(problem);
  });

  it("problemFromError() does not take a problem from an error that only carries one", () => {
    const upstream = Object.assign(new Error("upstream said no"), { problem: createProblem(403, { detail: "internal: tenant 7 disabled" }) });
    expect(problemFromError(upstream)).toStrictEqual(INTERNAL);
  });

  it("problemFromError() gives a 500 without the message, stack or cause of any error that is not a 4xx or 5xx one", async () => {
    const error = new Error("secret: db://admin:hunter2@db", { cause: new Error("hunter2") });
    const text = await problemResponse(problemFromError(error)).text();
    expect(text).toBe(JSON.stringify(INTERNAL));
  });

  it("problemFromError() reads a status through the error's prototype chain, as http-errors puts it there", () => {
    const error = createError(410);
    expect(Object.hasOwn(error, "status")).toBe(false);
    expect(problemFromError(error).status).toBe(410);
  });

  it("problemFromError() gives a 500 when reading the error throws", () => {
    const error = {
      get status(): number {
        throw new Error("getter");
      },
    };
    expect(problemFromError(error)).toStrictEqual(INTERNAL);
    expect(problemFromError(new Proxy({}, { getPrototypeOf: () => { throw new Error("trap"); } }))).toStrictEqual(INTERNAL);
  });
});

describe("ProblemError", () => {
  it("ProblemError carries its problem and status, with the title and detail as its message", () => {
    const problem = createProblem(404, { detail: "No user 42." });
    const error = new ProblemError(problem);
    expect([error.problem, error.status, error.message, error.name, error instanceof Error]).toEqual([problem, 404, "Not Found: No user 42.", "ProblemError", true]);
    expect(String(error)).toBe("ProblemError: Not Found: No user 42.");
    expect(new ProblemError(createProblem(403, { type: "https://example.com/probs/x" })).message).toBe("403");
    expect(new ProblemError(createProblem(503)).message).toBe("Service Unavailable");
  });

  it("ProblemError keeps a cause, which problemFromError() never sends", async () => {
    const cause = new Error("database password expired");
    const error = new ProblemError(createProblem(503), { cause });
    expect(error.cause).toBe(cause);
    expect(await problemResponse(problemFromError(error)).text()).not.toContain("database");
    expect(Object.hasOwn(new ProblemError(createProblem(503)), "cause")).toBe(false);
  });

  it("ProblemError takes a problem read, that has a status", () => {
    const problem = parseProblem('{"status":502,"title":"Upstream failed"}')!;
    expect(new ProblemError(problem as never).status).toBe(502);
  });

  it.each([
    [undefined, TypeError, "new ProblemError(): problem must be a problem, not undefined"],
    [{ status: "404" }, TypeError, "new ProblemError(): problem must be a problem, not object"],
    [{ title: "No status" }, RangeError, "new ProblemError(): problem.status is undefined, init.status undefined: neither has content"],
    [{ status: 204 }, RangeError, "problem.status is 204"],
  ])("new ProblemError(%j) throws %o", (problem, type, message) => {
    expect(() => new ProblemError(problem as never)).toThrow(type);
    expect(() => new ProblemError(problem as never)).toThrow(message);
  });

  it("ProblemError is named ProblemError, needs new, and can be extended", () => {
    expect([ProblemError.name, Object.getPrototypeOf(ProblemError.prototype)]).toEqual(["ProblemError", Error.prototype]);
    expect(() => (ProblemError as unknown as (p: unknown) => unknown)(createProblem(404))).toThrow(new TypeError("ProblemError: call it with new"));
    class NotFound extends ProblemError {
      constructor(detail: string) {
        super(createProblem(404, { detail }));
      }
    }
    const error = new NotFound("No user 42.");
    expect([error instanceof NotFound, error instanceof ProblemError, error instanceof Error, error.status, error.message]).toEqual([true, true, true, 404, "Not Found: No user 42."]);
    expect(problemFromError(error)).toBe(error.problem);
  });

  it("a ProblemError's status is what frameworks read of an error", () => {
    // Express's final handler, Koa and Fastify read `status` (or `statusCode`) of what was thrown.
    const error: { status?: unknown } = new ProblemError(createProblem(429));
    expect(error.status).toBe(429);
  });
});
