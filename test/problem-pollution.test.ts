// statuskit/problem with accessors put on Array.prototype and Object.prototype after loading, in
// this process (test/polluted.test.ts loads the packed builds into polluted child processes). An
// old library can define a getter, a getter and setter, or a setter that throws; every object this
// module makes is written with literals or Object.defineProperty, so none of them runs, and every
// answer is the one an unpolluted process gives. Each case installs the accessor, calls, and
// restores the prototype before anything else runs: the test runner's own objects are not this
// module's, and an accessor on a property descriptor's names breaks them.
import { describe, expect, it } from "vitest";
import {
  createProblem,
  defineProblemType,
  isProblem,
  parseProblem,
  ProblemError,
  problemFromError,
  readProblemResult,
  sendProblem,
  validationProblem,
} from "../src/problem";

// An error as http-errors makes it; class fields are defined, not assigned.
class NotFound extends Error {
  readonly status = 404;
  readonly expose = true;
}

/**
 * Every answer that the cases compare, as JSON text taken while the prototype is polluted (an
 * array's hole, an object's absent member would read the accessor). Kept in a Map: an array's
 * `push` would run an accessor on its next index.
 */
function digest(): Map<number, string> {
  const answers = new Map<number, string>();
  const attempt = (fn: () => unknown) => {
    let answer: unknown;
    try {
      answer = fn();
    } catch (error) {
      answer = `${(error as Error).name}: ${(error as Error).message}`;
    }
    answers.set(answers.size, JSON.stringify(answer) ?? String(answer));
  };
  const sent = (problem: unknown, init?: object) => {
    const res = { statusCode: 200, headersSent: false, header: "", body: "", setHeader: (_: string, value: string) => void (res.header = value), end: (body: string) => void (res.body = body) };
    return { sent: sendProblem(res, problem as never, init as never), status: res.statusCode, type: res.header, body: res.body };
  };
  attempt(() => createProblem(404));
  attempt(() => sent(createProblem(403, { type: "https://example.com/probs/out-of-credit", detail: "d", instance: "/i", extensions: { balance: 30, list: [1, 2, 3, 4, { a: [5, 6, 7, 8, 9, 10] }], o: { k: "v" } } })));
  attempt(() => createProblem(400, { extensions: { a: [1, 2, 3n] } }));
  attempt(() => parseProblem('{"status":404,"title":"x","zz":1}'));
  attempt(() => parseProblem('{"type":"t","title":"x","status":404,"detail":"d","instance":"i","a":1,"b":[0,1,2,3,4,5,6,7,8,9,10,{"c":[1,2,3]}],"errors":[{"detail":"e","pointer":"#/a"}]}'));
  attempt(() => parseProblem({ status: 404, title: "x", zz: 1, list: [1, 2, 3, [4, 5, 6]] }));
  attempt(() => isProblem({ status: 404, title: "x", zz: 1, list: [1, 2, 3] }));
  attempt(() => sent(parseProblem('{"title":"x","a":[1,2,3]}'), { status: 502 }));
  attempt(() => validationProblem([{ message: "a", path: ["x", 0, { key: "y" }] }, { message: "b" }, { message: "c", path: ["z"] }]));
  attempt(() => defineProblemType<{ balance: number }>({ type: "https://x/y", title: "T", status: 403 }).create({ detail: "d", extensions: { balance: 1 } }));
  attempt(() => problemFromError(new NotFound("No user.")));
  attempt(() => problemFromError(new ProblemError(createProblem(409, { detail: "d" }))));
  attempt(() => {
    const error = new ProblemError(createProblem(409));
    return { message: error.message, status: error.status, cause: Object.hasOwn(error, "cause") };
  });
  return answers;
}

type Kind = "getter" | "getter and setter" | "throwing setter";
const KINDS: Kind[] = ["getter", "getter and setter", "throwing setter"];
const accessor = (kind: Kind): PropertyDescriptor => ({
  get: () => "EVIL",
  ...(kind === "getter and setter" && { set() {} }),
  ...(kind === "throwing setter" && {
    set() {
      throw new Error("EVIL setter");
    },
  }),
  enumerable: true,
  configurable: true,
});

/** `fn`'s answer with an accessor of `kind` on `target[key]`, which is removed before returning. */
function polluted<T>(target: object, key: string, kind: Kind, fn: () => T): T {
  expect(Object.hasOwn(target, key), `${key} is the prototype's own`).toBe(false);
  Object.defineProperty(target, key, accessor(kind));
  try {
    return fn();
  } finally {
    delete (target as Record<string, unknown>)[key];
  }
}

const baseline = digest();

// Indexes of the arrays this module makes (the "2" of a problem's third member among them), and
// the names of the members of the objects it makes and reads: problems, property descriptors,
// options, results, its walk's frames.
const INDEXES = Array.from({ length: 12 }, (_, i) => `${i}`);
const NAMES = [
  "type", "title", "status", "detail", "instance", "extensions", "errors", "pointer", "balance", "zz",
  "value", "get", "set", "enumerable", "writable", "configurable",
  "headers", "statusText", "acceptJson", "maxBytes", "signal", "reason", "problem", "cause", "raw", "req",
  "from", "keys", "array", "i", "up", "key", "next",
];

describe("statuskit/problem with accessors on Array.prototype's indexes", () => {
  it.each(INDEXES.flatMap((key) => KINDS.map((kind) => [key, kind] as const)))("Array.prototype[%s] with a %s: every answer is the same", (key, kind) => {
    expect(polluted(Array.prototype, key, kind, digest)).toEqual(baseline);
  });

  it.each(KINDS)("readProblemResult() reads a problem of three members with a %s on Array.prototype[2]", async (kind) => {
    const response = new Response('{"status":404,"title":"x","zz":1}', { headers: { "content-type": "application/problem+json" } });
    // The reading runs while the prototype is polluted; its awaits give no other code a turn
    // here but the stream's, which is the platform's and answers at once.
    const reading = polluted(Array.prototype, "2", kind, () => readProblemResult(response));
    expect(await reading).toEqual({ problem: { title: "x", status: 404, zz: 1 } });
  });
});

describe("statuskit/problem with accessors on Object.prototype's names", () => {
  it.each(NAMES.flatMap((key) => KINDS.map((kind) => [key, kind] as const)))("Object.prototype.%s with a %s: every answer is the same", (key, kind) => {
    expect(polluted(Object.prototype, key, kind, digest)).toEqual(baseline);
  });
});
