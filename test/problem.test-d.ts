import type { ServerResponse } from "node:http";
import { describe, expectTypeOf, it } from "vitest";
import {
  createProblem,
  isProblem,
  isProblemResponse,
  parseProblem,
  PROBLEM_MEDIA_TYPE,
  problemResponse,
  readProblem,
  sendProblem,
  type AboutBlankTitle,
  type FetchResponse,
  type Problem,
  type ProblemDetails,
  type ProblemInit,
  type ProblemStatus,
  type ResponseLike,
  type ServerResponseLike,
} from "../src/problem";

declare const n: number;
declare const text: string;

describe("createProblem() types", () => {
  it("has the literal status, about:blank and the literal phrase as title", () => {
    expectTypeOf(createProblem(404)).toEqualTypeOf<{ readonly type: "about:blank"; readonly status: 404; readonly title: "Not Found" }>();
    expectTypeOf(createProblem(422).title).toEqualTypeOf<"Unprocessable Content">();
    expectTypeOf(createProblem(404, { type: "about:blank" }).title).toEqualTypeOf<"Not Found">();
    expectTypeOf<AboutBlankTitle<413>>().toEqualTypeOf<"Content Too Large">();
  });

  it("gives an unregistered code its class's title, and a plain number a string", () => {
    expectTypeOf(createProblem(499).title).toEqualTypeOf<"Client Error">();
    expectTypeOf(createProblem(599).title).toEqualTypeOf<"Server Error">();
    expectTypeOf(createProblem(n).title).toEqualTypeOf<string>();
    expectTypeOf(createProblem(n).status).toEqualTypeOf<number>();
  });

  it("keeps a given title and type; a custom type without title has no title member", () => {
    expectTypeOf(createProblem(404, { title: "Nicht gefunden" }).title).toEqualTypeOf<"Nicht gefunden">();
    const custom = createProblem(403, { type: "https://example.com/probs/out-of-credit" });
    expectTypeOf(custom.type).toEqualTypeOf<"https://example.com/probs/out-of-credit">();
    expectTypeOf(custom).not.toHaveProperty("title");
    expectTypeOf(createProblem(403, { type: text }).title).toEqualTypeOf<string | undefined>();
  });

  it("has detail and instance only when given", () => {
    expectTypeOf(createProblem(404, { detail: "No user 42." }).detail).toEqualTypeOf<"No user 42.">();
    expectTypeOf(createProblem(404, { detail: text }).detail).toEqualTypeOf<string>();
    expectTypeOf(createProblem(404)).not.toHaveProperty("detail");
    expectTypeOf(createProblem(404, { instance: "/users/42" }).instance).toEqualTypeOf<"/users/42">();
  });

  it("types extension members at the top level, read-only", () => {
    const problem = createProblem(403, { extensions: { balance: 30, accounts: ["/account/1"] } });
    expectTypeOf(problem.balance).toEqualTypeOf<30>();
    expectTypeOf(problem.accounts).toEqualTypeOf<readonly ["/account/1"]>();
    const counted = createProblem(429, { extensions: { retryAfter: n } });
    expectTypeOf(counted.retryAfter).toEqualTypeOf<number>();
    // @ts-expect-error a problem is frozen
    problem.balance = 0;
    // @ts-expect-error a problem is frozen
    problem.title = "Forbidden!";
  });

  it("is assignable to Problem and to ProblemDetails", () => {
    expectTypeOf(createProblem(403, { type: "https://example.com/x", detail: "d", extensions: { a: 1 } })).toExtend<Problem>();
    expectTypeOf(createProblem(404)).toExtend<ProblemDetails>();
    expectTypeOf(createProblem(404)).toExtend<Problem<404>>();
    expectTypeOf<Problem>().toExtend<ProblemDetails>();
  });

  it("accepts a ProblemInit that is not a literal", () => {
    const init: ProblemInit = { detail: text };
    expectTypeOf(createProblem(500, init)).toEqualTypeOf<Problem<500>>();
    expectTypeOf(createProblem(500, init).title).toEqualTypeOf<string | undefined>();
  });

  it("rejects statuses that are not literal error codes", () => {
    expectTypeOf<ProblemStatus<404>>().toEqualTypeOf<404>();
    expectTypeOf<ProblemStatus<499>>().toEqualTypeOf<499>();
    expectTypeOf<ProblemStatus<number>>().toEqualTypeOf<number>();
    expectTypeOf<ProblemStatus<200>>().toEqualTypeOf<never>();
    expectTypeOf<ProblemStatus<404 | 200>>().toEqualTypeOf<never>();
    // @ts-expect-error 200 is not an error status
    createProblem(200);
    // @ts-expect-error 600 is not a status
    createProblem(600);
    // @ts-expect-error not an integer
    createProblem(404.5);
    // @ts-expect-error a string is not a status
    createProblem("404");
  });

  it("rejects unknown members, a status member and standard or reserved extension names", () => {
    // @ts-expect-error a typo is not an extension member
    createProblem(404, { detial: "No user 42." });
    // @ts-expect-error the status is the first argument
    createProblem(404, { status: 404 });
    // @ts-expect-error members are strings
    createProblem(404, { detail: 42 });
    // @ts-expect-error an extension member may not replace a standard one
    createProblem(404, { extensions: { status: 500 } });
    // @ts-expect-error an extension member may not replace a standard one
    createProblem(404, { extensions: { title: "x", other: 1 } });
    // A record of extensions indexed by string is checked at run time.
    const dynamic: Record<string, number> = { retries: 3 };
    expectTypeOf(createProblem(503, { extensions: dynamic })).toExtend<Problem>();
  });
});

describe("responding", () => {
  it("problemResponse() takes a built problem and gives the platform's Response", () => {
    expectTypeOf(problemResponse(createProblem(404))).toEqualTypeOf<FetchResponse>();
    expectTypeOf<FetchResponse>().toEqualTypeOf<Response>();
    problemResponse(createProblem(404), { headers: { "Retry-After": "60" }, statusText: "Not Found" });
    // @ts-expect-error the status is the problem's
    problemResponse(createProblem(404), { status: 500 });
    // @ts-expect-error a problem without a status cannot be sent
    problemResponse(parseProblem(text)!);
    // @ts-expect-error a status is not a problem
    problemResponse(404);
  });

  it("sendProblem() takes Node's ServerResponse and anything with its members", () => {
    expectTypeOf<ServerResponse>().toExtend<ServerResponseLike>();
    expectTypeOf(sendProblem).parameter(0).toEqualTypeOf<ServerResponseLike>();
    expectTypeOf(sendProblem({ statusCode: 200, setHeader: () => {}, end: () => {} }, createProblem(500))).toEqualTypeOf<void>();
    // @ts-expect-error end() is missing
    sendProblem({ statusCode: 200, setHeader: () => {} }, createProblem(500));
  });

  it("the media type is a literal", () => {
    expectTypeOf<typeof PROBLEM_MEDIA_TYPE>().toEqualTypeOf<"application/problem+json">();
  });
});

describe("reading", () => {
  it("parseProblem() and readProblem() give ProblemDetails or undefined, extensions unknown", () => {
    expectTypeOf(parseProblem(text)).toEqualTypeOf<ProblemDetails | undefined>();
    expectTypeOf(readProblem(new Response())).toEqualTypeOf<Promise<ProblemDetails | undefined>>();
    const problem = parseProblem(text)!;
    expectTypeOf(problem.status).toEqualTypeOf<number | undefined>();
    expectTypeOf(problem.type).toEqualTypeOf<string | undefined>();
    expectTypeOf(problem.balance).toEqualTypeOf<unknown>();
    // @ts-expect-error a problem read is frozen
    problem.detail = "";
  });

  it("readProblem() takes any Response and its options", () => {
    expectTypeOf<Response>().toExtend<ResponseLike>();
    readProblem(new Response(), { acceptJson: true, maxBytes: 1024 });
    // @ts-expect-error an option that does not exist
    readProblem(new Response(), { limit: 1024 });
    // @ts-expect-error a string is not a response
    readProblem("{}");
  });
});

describe("guards", () => {
  it("isProblem() narrows unknown on the true branch and leaves it on the false branch", () => {
    const value: unknown = JSON.parse(text);
    if (isProblem(value)) {
      expectTypeOf(value).toEqualTypeOf<ProblemDetails>();
      expectTypeOf(value.title).toEqualTypeOf<string | undefined>();
    } else {
      expectTypeOf(value).toEqualTypeOf<unknown>();
    }
  });

  it("isProblem() does not narrow what is typed ProblemDetails already", () => {
    const problem = parseProblem(text)!;
    expectTypeOf(isProblem(problem)).toEqualTypeOf<boolean>();
    if (!isProblem(problem)) expectTypeOf(problem).toEqualTypeOf<ProblemDetails>();
  });

  it("isProblemResponse() narrows unknown to ResponseLike, and leaves a Response a Response", () => {
    const thrown: unknown = new Response();
    if (isProblemResponse(thrown)) {
      expectTypeOf(thrown).toEqualTypeOf<ResponseLike>();
    } else {
      expectTypeOf(thrown).toEqualTypeOf<unknown>();
    }
    const response = new Response();
    if (isProblemResponse(response)) expectTypeOf(response).toEqualTypeOf<Response>();
    else expectTypeOf(response).toEqualTypeOf<Response>();
  });
});
