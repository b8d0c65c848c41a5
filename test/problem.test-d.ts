import type { ServerResponse } from "node:http";
import type { type as arktype } from "arktype";
import type { Response as ExpressResponse } from "express";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as v from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { ClientErrorCode, StatusCode } from "../src/index";
import {
  createProblem,
  defineProblemType,
  isProblem,
  isProblemResponse,
  parseProblem,
  PROBLEM_MEDIA_TYPE,
  ProblemError,
  problemFromError,
  problemResponse,
  readProblem,
  readProblemResult,
  sendProblem,
  validationProblem,
  type AboutBlankTitle,
  type AbortSignalLike,
  type FastifyReplyLike,
  type FetchResponse,
  type Problem,
  type ProblemDetails,
  type ProblemInit,
  type ProblemReadFailure,
  type ProblemReadResult,
  type ProblemStatus,
  type ProblemType,
  type ResponseLike,
  type ServerResponseLike,
  type StandardSchemaIssue,
  type ValidationErrorItem,
} from "../src/problem";

declare const n: number;
declare const text: string;
declare const code: StatusCode;
declare const honoStatus: ContentfulStatusCode;
declare const clientError: ClientErrorCode;

describe("createProblem() types", () => {
  it("has the literal status, about:blank and the literal phrase as title", () => {
    expectTypeOf(createProblem(404)).toEqualTypeOf<{ readonly type: "about:blank"; readonly status: 404; readonly title: "Not Found" }>();
    expectTypeOf(createProblem(422).title).toEqualTypeOf<"Unprocessable Content">();
    expectTypeOf(createProblem(404, { type: "about:blank" }).title).toEqualTypeOf<"Not Found">();
    expectTypeOf<AboutBlankTitle<413>>().toEqualTypeOf<"Content Too Large">();
  });

  it("compares the about: scheme without case, and the rest of about:blank with it", () => {
    expectTypeOf(createProblem(404, { type: "About:blank" }).title).toEqualTypeOf<"Not Found">();
    expectTypeOf(createProblem(404, { type: "ABOUT:blank" }).title).toEqualTypeOf<"Not Found">();
    expectTypeOf(createProblem(404, { type: "about:BLANK" })).not.toHaveProperty("title");
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

  it("accepts number and any union of codes: StatusCode, ClientErrorCode, Hono's ContentfulStatusCode", () => {
    expectTypeOf<ProblemStatus<number>>().toEqualTypeOf<number>();
    expectTypeOf<ProblemStatus<StatusCode>>().toEqualTypeOf<StatusCode>();
    expectTypeOf<ProblemStatus<404 | 200>>().toEqualTypeOf<404 | 200>();
    expectTypeOf<ProblemStatus<ContentfulStatusCode>>().toEqualTypeOf<ContentfulStatusCode>();
    expectTypeOf(createProblem(code).status).toEqualTypeOf<StatusCode>();
    expectTypeOf(createProblem(clientError).status).toEqualTypeOf<ClientErrorCode>();
    expectTypeOf(createProblem(honoStatus).status).toEqualTypeOf<ContentfulStatusCode>();
    expectTypeOf(createProblem(code === 404 ? 404 : 503).title).toEqualTypeOf<"Not Found" | "Service Unavailable">();
  });

  it("rejects a single literal that is not an error code, as a guard against slips", () => {
    expectTypeOf<ProblemStatus<404>>().toEqualTypeOf<404>();
    expectTypeOf<ProblemStatus<499>>().toEqualTypeOf<499>();
    expectTypeOf<ProblemStatus<200>>().toEqualTypeOf<never>();
    expectTypeOf<ProblemStatus<600>>().toEqualTypeOf<never>();
    // @ts-expect-error 200 is not an error status
    createProblem(200);
    // @ts-expect-error 302 is not an error status
    createProblem(302);
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
    problemResponse(createProblem(404), { status: 500 });
    // @ts-expect-error a status is not a problem
    problemResponse(404);
  });

  it("problemResponse() and sendProblem() take a problem read, with the status to send it with when it has none", () => {
    const read = parseProblem(text)!;
    expectTypeOf(problemResponse(read, { status: 502 })).toEqualTypeOf<FetchResponse>();
    expectTypeOf(sendProblem({ statusCode: 200, setHeader: () => {}, end: () => {} }, read, { status: 502 })).toEqualTypeOf<boolean>();
    // @ts-expect-error a problem read may have no status: give one
    problemResponse(read);
    // @ts-expect-error a problem read may have no status: give one
    problemResponse(read, {});
    // @ts-expect-error a problem read may have no status: give one
    sendProblem({ statusCode: 200, setHeader: () => {}, end: () => {} }, read);
  });

  it("sendProblem() takes Node's ServerResponse, Express's response and Fastify's reply, and says whether it sent", () => {
    expectTypeOf<ServerResponse>().toExtend<ServerResponseLike>();
    expectTypeOf<ExpressResponse>().toExtend<ServerResponseLike>();
    expectTypeOf<FastifyReply>().toExtend<FastifyReplyLike>();
    expectTypeOf(sendProblem).parameter(0).toEqualTypeOf<ServerResponseLike | FastifyReplyLike>();
    expectTypeOf(sendProblem({ statusCode: 200, setHeader: () => {}, end: () => {} }, createProblem(500))).toEqualTypeOf<boolean>();
    // @ts-expect-error end() is missing
    sendProblem({ statusCode: 200, setHeader: () => {} }, createProblem(500));
    // @ts-expect-error sendProblem() takes a status, not headers: they are set on the response
    sendProblem({ statusCode: 200, setHeader: () => {}, end: () => {} }, createProblem(500), { headers: {} });
  });

  it("sendProblem() fits Fastify's setErrorHandler and routes without a cast", () => {
    const app = {} as FastifyInstance;
    app.setErrorHandler((error, _request, reply) => {
      sendProblem(reply, error instanceof Error ? createProblem(500) : createProblem(503));
    });
    app.get("/", (_request, reply) => {
      sendProblem(reply, createProblem(404));
    });
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

  it("readProblem() takes any Response and its options, the platform's AbortSignal among them", () => {
    expectTypeOf<Response>().toExtend<ResponseLike>();
    expectTypeOf<AbortSignal>().toExtend<AbortSignalLike>();
    readProblem(new Response(), { acceptJson: true, maxBytes: 1024, signal: AbortSignal.timeout(5000) });
    // @ts-expect-error an option that does not exist
    readProblem(new Response(), { limit: 1024 });
    // @ts-expect-error acceptJson is a boolean
    readProblem(new Response(), { acceptJson: "yes" });
    // @ts-expect-error a string is not a response
    readProblem("{}");
  });

  it("readProblemResult() gives the problem or the reason, one of a union", async () => {
    const result = await readProblemResult(new Response());
    expectTypeOf(result).toEqualTypeOf<ProblemReadResult>();
    if (result.problem) {
      expectTypeOf(result.problem).toEqualTypeOf<ProblemDetails>();
      expectTypeOf(result.reason).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(result.reason).toEqualTypeOf<ProblemReadFailure>();
    }
    expectTypeOf<"too-large">().toExtend<ProblemReadFailure>();
    expectTypeOf<"timeout">().not.toExtend<ProblemReadFailure>();
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

describe("errors into problems", () => {
  it("problemFromError() takes anything thrown and gives a Problem", () => {
    expectTypeOf(problemFromError).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(problemFromError(new Error())).toEqualTypeOf<Problem>();
  });

  it("ProblemError keeps its problem's type, and its status", () => {
    const error = new ProblemError(createProblem(404, { detail: "No user 42." }));
    expectTypeOf(error.problem.detail).toEqualTypeOf<"No user 42.">();
    expectTypeOf(error.status).toEqualTypeOf<404>();
    expectTypeOf(error).toExtend<Error>();
    new ProblemError(createProblem(500), { cause: new Error("database") });
    // @ts-expect-error a problem read may have no status: ProblemError takes one with a status
    new ProblemError(parseProblem(text)!);
  });
});

describe("validation problems", () => {
  it("validationProblem() has status 400, or 422 when asked, and typed errors", () => {
    const problem = validationProblem([{ message: "required", path: ["name"] }]);
    expectTypeOf(problem.status).toEqualTypeOf<400>();
    expectTypeOf(problem.title).toEqualTypeOf<"Bad Request">();
    expectTypeOf(problem.errors).toEqualTypeOf<readonly ValidationErrorItem[]>();
    const unprocessable = validationProblem([], { status: 422, detail: "See errors." });
    expectTypeOf(unprocessable.status).toEqualTypeOf<422>();
    expectTypeOf(unprocessable.title).toEqualTypeOf<"Unprocessable Content">();
    expectTypeOf(unprocessable.detail).toEqualTypeOf<"See errors.">();
    const typed = validationProblem([], { type: "https://example.net/validation-error", title: "Your request is not valid.", extensions: { requestId: "r1" } });
    expectTypeOf(typed.title).toEqualTypeOf<"Your request is not valid.">();
    expectTypeOf(typed.requestId).toEqualTypeOf<"r1">();
    expectTypeOf(typed).toExtend<Problem<400>>();
    // @ts-expect-error 400 or 422
    validationProblem([], { status: 500 });
    // @ts-expect-error a typo
    validationProblem([], { detial: "x" });
    // @ts-expect-error an issue has a message
    validationProblem([{ path: ["a"] }]);
  });

  it("validationProblem() takes the issues of Zod, Valibot and ArkType as they come, and a Standard Schema result", () => {
    expectTypeOf<z.ZodError>().toExtend<{ readonly issues: readonly StandardSchemaIssue[] }>();
    expectTypeOf<z.core.$ZodIssue[]>().toExtend<readonly StandardSchemaIssue[]>();
    expectTypeOf<[v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]>().toExtend<readonly StandardSchemaIssue[]>();
    expectTypeOf<InstanceType<typeof arktype.errors>>().toExtend<readonly StandardSchemaIssue[]>();
  });
});

describe("problem types", () => {
  const OutOfCredit = defineProblemType<{ readonly balance: number; readonly accounts?: readonly string[] }>({
    type: "https://example.com/probs/out-of-credit",
    title: "You do not have enough credit.",
    status: 403,
  });
  const Maintenance = defineProblemType({ type: "https://example.com/probs/maintenance", title: "Down for maintenance.", status: 503 });

  it("keeps the definition's literals where no extension type is given", () => {
    expectTypeOf(Maintenance.type).toEqualTypeOf<"https://example.com/probs/maintenance">();
    expectTypeOf(Maintenance.status).toEqualTypeOf<503>();
    const problem = Maintenance.create({ detail: "Back at noon." });
    expectTypeOf(problem.type).toEqualTypeOf<"https://example.com/probs/maintenance">();
    expectTypeOf(problem.title).toEqualTypeOf<"Down for maintenance.">();
    expectTypeOf(problem.status).toEqualTypeOf<503>();
    expectTypeOf(problem.detail).toEqualTypeOf<string | undefined>();
    expectTypeOf(Maintenance.create()).toExtend<Problem<503>>();
    // @ts-expect-error this type has no extension members
    Maintenance.create({ extensions: { eta: "noon" } });
  });

  it("types the extension members of its occurrences, required where the definition says so", () => {
    expectTypeOf(OutOfCredit).toEqualTypeOf<ProblemType<{ readonly balance: number; readonly accounts?: readonly string[] }>>();
    const problem = OutOfCredit.create({ detail: "Your balance is 30.", extensions: { balance: 30 } });
    expectTypeOf(problem.balance).toEqualTypeOf<number>();
    expectTypeOf(problem.accounts).toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf(problem.status).toEqualTypeOf<number>();
    // @ts-expect-error a wrong extension member type
    OutOfCredit.create({ extensions: { balance: "30" } });
    // @ts-expect-error an extension member the type does not define
    OutOfCredit.create({ extensions: { balance: 30, balanse: 30 } });
    // @ts-expect-error balance is required
    OutOfCredit.create({ extensions: {} });
    // @ts-expect-error balance is required
    OutOfCredit.create();
    // @ts-expect-error the title is the type's
    OutOfCredit.create({ title: "Other", extensions: { balance: 1 } });
  });

  it("rejects a definition without a member, with a non-error literal status, or extensions named as standard members", () => {
    // @ts-expect-error a definition has a title
    defineProblemType({ type: "https://example.com/probs/x", status: 400 });
    // @ts-expect-error 200 is not an error status
    defineProblemType({ type: "https://example.com/probs/x", title: "x", status: 200 });
    // @ts-expect-error an extension member may not replace a standard one
    defineProblemType<{ status: string }>({ type: "https://example.com/probs/x", title: "x", status: 400 });
  });
});
