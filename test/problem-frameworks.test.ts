// docs/problem.md's recipes, each run against the real framework in this process: Hono through
// `app.request()`, Fastify through `app.inject()`, Express on a node:http server on 127.0.0.1. A
// Next.js App Router route handler is a Fetch function; `next` itself is too heavy to install
// here, so the recipe's handler is called with a real `Request`.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import cors from "@fastify/cors";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import Fastify, { type FastifyInstance } from "fastify";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusTextOf } from "../src/index";
import {
  createProblem,
  defineProblemType,
  PROBLEM_MEDIA_TYPE,
  ProblemError,
  problemFromError,
  problemResponse,
  readProblem,
  readProblemResult,
  sendProblem,
  validationProblem,
} from "../src/problem";

const OutOfCredit = defineProblemType<{ readonly balance: number }>({
  type: "https://example.com/probs/out-of-credit",
  title: "You do not have enough credit.",
  status: 403,
});
const outOfCredit = { type: OutOfCredit.type, title: OutOfCredit.title, status: 403, detail: "Your balance is 30.", balance: 30 };
const INTERNAL = { type: "about:blank", title: "Internal Server Error", status: 500 };

/** The status, content type and problem of a response. */
async function outcome(response: Response): Promise<[number, string | null, unknown]> {
  return [response.status, response.headers.get("content-type"), await readProblem(response)];
}

describe("Hono: app.onError", () => {
  const app = new Hono();
  app.get("/users/:id", (c) => {
    throw new HTTPException(404, { message: `No user ${c.req.param("id")}.` });
  });
  app.get("/orders/:id", () => {
    throw new ProblemError(OutOfCredit.create({ detail: "Your balance is 30.", extensions: { balance: 30 } }));
  });
  app.get("/crash", () => {
    throw new Error("database password expired", { cause: new Error("at db.internal:5432") });
  });
  // The recipe.
  app.onError((error) => problemResponse(problemFromError(error)));

  it("a ProblemError is sent as it is", async () => {
    expect(await outcome(await app.request("/orders/7"))).toEqual([403, PROBLEM_MEDIA_TYPE, outOfCredit]);
  });

  it("an HTTPException keeps its status; its message, which it does not say is safe, is not shown", async () => {
    const response = await app.request("/users/42");
    expect(await outcome(response)).toEqual([404, PROBLEM_MEDIA_TYPE, { type: "about:blank", title: "Not Found", status: 404 }]);
  });

  it("any other error is a 500 without its message, stack or cause", async () => {
    const response = await app.request("/crash");
    const text = await response.clone().text();
    expect(await outcome(response)).toEqual([500, PROBLEM_MEDIA_TYPE, INTERNAL]);
    expect(text).not.toMatch(/database|db\.internal|at /);
  });

  it("createProblem() takes HTTPException's status, a ContentfulStatusCode, without a cast", async () => {
    const typed = new Hono();
    typed.get("/", () => {
      throw new HTTPException(413);
    });
    typed.onError((error) => problemResponse(error instanceof HTTPException ? createProblem(error.status, { detail: "Send less." }) : problemFromError(error)));
    const response = await typed.request("/");
    expect([response.status, response.statusText, statusTextOf(response), (await readProblem(response))?.title]).toEqual([413, "Content Too Large", "Content Too Large", "Content Too Large"]);
  });
});

describe("Express: error middleware", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post("/users", (req, res) => void res.json(req.body));
    app.get("/orders/:id", () => {
      throw new ProblemError(OutOfCredit.create({ detail: "Your balance is 30.", extensions: { balance: 30 } }));
    });
    app.get("/users/:id", (req, _res, next) => next(Object.assign(new Error(`No user ${req.params.id}.`), { status: 404, expose: true })));
    app.get("/crash", () => {
      throw new Error("database password expired");
    });
    app.get("/stream", (_req, res, next) => {
      res.write("[1,2,");
      next(new Error("the rest went away"));
    });
    // The recipe.
    app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
      if (res.headersSent) return next(error);
      sendProblem(res, problemFromError(error));
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  it("a ProblemError is sent as it is", async () => {
    expect(await outcome(await fetch(`${base}/orders/7`))).toEqual([403, PROBLEM_MEDIA_TYPE, outOfCredit]);
  });

  it("an http-errors error that may be shown (expose) gives its message as detail", async () => {
    expect(await outcome(await fetch(`${base}/users/42`))).toEqual([404, PROBLEM_MEDIA_TYPE, { type: "about:blank", title: "Not Found", status: 404, detail: "No user 42." }]);
  });

  it("express.json()'s own error for a body that is not JSON keeps its 400", async () => {
    const response = await fetch(`${base}/users`, { method: "POST", headers: { "content-type": "application/json" }, body: "{name" });
    const [status, type, problem] = await outcome(response);
    expect([status, type, (problem as { title: string }).title]).toEqual([400, PROBLEM_MEDIA_TYPE, "Bad Request"]);
  });

  it("any other error is a 500 without its message, and the status line has the registry's phrase", async () => {
    const response = await fetch(`${base}/crash`);
    expect(response.statusText).toBe("Internal Server Error");
    expect(await outcome(response)).toEqual([500, PROBLEM_MEDIA_TYPE, INTERNAL]);
  });

  it("with headers sent, the recipe passes the error on to Express, which cuts the response short", async () => {
    const response = await fetch(`${base}/stream`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});

describe("Fastify: setErrorHandler", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    await app.register(cors, { origin: "https://app.example" });
    app.addHook("onSend", async (_request, reply, payload) => {
      reply.header("x-hooked", "yes");
      return payload;
    });
    app.get("/orders/:id", async () => {
      throw new ProblemError(OutOfCredit.create({ detail: "Your balance is 30.", extensions: { balance: 30 } }));
    });
    app.get("/gone", (_request, reply) => {
      reply.header("x-request-id", "abc");
      sendProblem(reply, createProblem(410, { detail: "This list was archived." }));
    });
    app.post("/users", { schema: { body: { type: "object", required: ["name"], properties: { name: { type: "string" } } } } }, async () => ({}));
    app.get("/crash", async () => {
      throw new Error("database password expired");
    });
    // The recipe.
    app.setErrorHandler((error, _request, reply) => {
      sendProblem(reply, problemFromError(error));
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const inject = async (url: string, method: "GET" | "POST" = "GET", body?: object) => {
    const response = await app.inject({ url, method, headers: { origin: "https://app.example" }, ...(body && { payload: body }) });
    return new Response(response.body, { status: response.statusCode, statusText: response.statusMessage, headers: response.headers as Record<string, string> });
  };

  it("a problem sent from a route keeps the headers set with reply.header(), the CORS ones, and the hooks' ", async () => {
    const response = await inject("/gone");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("x-request-id")).toBe("abc");
    expect(response.headers.get("x-hooked")).toBe("yes");
    expect([response.statusText, await readProblem(response)]).toEqual(["Gone", { type: "about:blank", title: "Gone", status: 410, detail: "This list was archived." }]);
  });

  it("a problem sent from setErrorHandler keeps the CORS headers, and a ProblemError is sent as it is", async () => {
    const response = await inject("/orders/7");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("x-hooked")).toBe("yes");
    expect(await outcome(response)).toEqual([403, "application/problem+json; charset=utf-8", outOfCredit]);
  });

  it("Fastify's validation error keeps its 400; its message, which it does not say is safe, is not shown", async () => {
    expect(await outcome(await inject("/users", "POST", {}))).toEqual([400, "application/problem+json; charset=utf-8", { type: "about:blank", title: "Bad Request", status: 400 }]);
  });

  it("any other error is a 500 without its message", async () => {
    const response = await inject("/crash");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(await outcome(response)).toEqual([500, "application/problem+json; charset=utf-8", INTERNAL]);
  });

  it("sendProblem() returns false for a reply sent already, and sends nothing", async () => {
    const twice = Fastify();
    const outcomes: boolean[] = [];
    twice.get("/", async (_request, reply) => {
      await reply.send("done");
      outcomes.push(sendProblem(reply, createProblem(500)));
      return reply;
    });
    const response = await twice.inject({ url: "/" });
    expect([response.statusCode, response.body, outcomes]).toEqual([200, "done", [false]]);
    await twice.close();
  });
});

describe("Next.js App Router: a route handler", () => {
  // The recipe: app/api/users/[id]/route.ts, as a Fetch function of a Request.
  async function GET(request: Request): Promise<Response> {
    try {
      const id = new URL(request.url).pathname.split("/").pop();
      if (id === "7") throw new ProblemError(OutOfCredit.create({ detail: "Your balance is 30.", extensions: { balance: 30 } }));
      if (id === "crash") throw new Error("database password expired");
      return Response.json({ id });
    } catch (error) {
      return problemResponse(problemFromError(error));
    }
  }

  async function POST(request: Request): Promise<Response> {
    const body: unknown = await request.json().catch(() => undefined);
    const issues = typeof body === "object" && body !== null && typeof (body as { name?: unknown }).name === "string" ? [] : [{ message: "must be a string", path: ["name"] }];
    if (issues.length) return problemResponse(validationProblem(issues));
    return Response.json(body, { status: 201 });
  }

  it("answers with a ProblemError's problem, a 500 for anything else, and its own JSON otherwise", async () => {
    expect(await outcome(await GET(new Request("http://localhost/api/users/7")))).toEqual([403, PROBLEM_MEDIA_TYPE, outOfCredit]);
    expect(await outcome(await GET(new Request("http://localhost/api/users/crash")))).toEqual([500, PROBLEM_MEDIA_TYPE, INTERNAL]);
    expect(await (await GET(new Request("http://localhost/api/users/1"))).json()).toEqual({ id: "1" });
  });

  it("answers a request that fails validation with a validation problem", async () => {
    const response = await POST(new Request("http://localhost/api/users", { method: "POST", body: '{"name":1}' }));
    expect(await outcome(response)).toEqual([400, PROBLEM_MEDIA_TYPE, { type: "about:blank", title: "Bad Request", status: 400, errors: [{ detail: "must be a string", pointer: "#/name" }] }]);
  });
});

describe("a Fetch client with a time limit", () => {
  it("reads the problem of a response within the signal's time, as the guide shows", async () => {
    const app = new Hono();
    app.get("/users/:id", () => problemResponse(createProblem(404, { detail: "No user 42." })));
    const fetchFromApp = (url: string, init: RequestInit) => app.request(url, init);
    // The recipe, with the app's own fetch in place of the network's.
    const signal = AbortSignal.timeout(10_000);
    const res = await fetchFromApp("http://localhost/users/42", { signal });
    const problem = res.ok ? undefined : await readProblem(res, { signal });
    expect(problem?.detail ?? problem?.title ?? `HTTP ${res.status}`).toBe("No user 42.");
    expect(await readProblemResult(await fetchFromApp("http://localhost/users/42", { signal }), { signal: AbortSignal.abort() })).toEqual({ reason: "aborted" });
  });
});
