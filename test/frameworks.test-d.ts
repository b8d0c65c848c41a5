// statuskit's types against the web frameworks' own (devDependencies), the way handlers are
// written: Hono, Express 5, Fastify 5 and the Fetch `Response`. docs/frameworks.md's
// snippets are compiled by test/examples.test.ts.
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { FastifyInstance } from "fastify";
import type { Context } from "hono";
import type {
  ClientErrorStatusCode,
  ContentfulStatusCode,
  ContentlessStatusCode,
  InfoStatusCode,
  RedirectStatusCode,
  ServerErrorStatusCode,
  StatusCode as HonoStatusCode,
  SuccessStatusCode,
} from "hono/utils/http-status";
import { describe, expectTypeOf, it } from "vitest";
import {
  FOUND,
  isBodyless,
  isContentfulCode,
  isRedirect,
  NO_CONTENT,
  NOT_FOUND,
  NOT_MODIFIED,
  reasonPhrase,
  TOO_MANY_REQUESTS,
  UPLOAD_RESUMPTION_SUPPORTED,
  type BodylessCode,
  type CacheableCode,
  type ClientErrorCode,
  type ContentfulCode,
  type ErrorCode,
  type InformationalCode,
  type RedirectCode,
  type RedirectionCode,
  type RetryableCode,
  type ServerErrorCode,
  type StatusCode,
  type SuccessCode,
} from "../src/index";

declare const code: StatusCode;
declare const n: number;
declare const value: unknown;

describe("ContentfulCode and isContentfulCode()", () => {
  it("ContentfulCode is every registered code but the bodyless ones", () => {
    expectTypeOf<ContentfulCode>().toEqualTypeOf<Exclude<StatusCode, BodylessCode>>();
    expectTypeOf<404>().toExtend<ContentfulCode>();
    expectTypeOf<200>().toExtend<ContentfulCode>();
    expectTypeOf<204>().not.toExtend<ContentfulCode>();
    expectTypeOf<304>().not.toExtend<ContentfulCode>();
    expectTypeOf<103>().not.toExtend<ContentfulCode>();
    expectTypeOf<499>().not.toExtend<ContentfulCode>();
  });
  it("isContentfulCode() narrows a StatusCode to ContentfulCode, and to BodylessCode on the false branch", () => {
    if (isContentfulCode(code)) expectTypeOf(code).toEqualTypeOf<ContentfulCode>();
    else expectTypeOf(code).toEqualTypeOf<BodylessCode>();
  });
  it("isContentfulCode() narrows a number or an unknown value, which stay as they are on the false branch", () => {
    if (isContentfulCode(n)) expectTypeOf(n).toEqualTypeOf<ContentfulCode>();
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isContentfulCode(value)) expectTypeOf(value).toEqualTypeOf<ContentfulCode>();
    else expectTypeOf(value).toEqualTypeOf<unknown>();
  });
  it("isBodyless() on a StatusCode leaves ContentfulCode on the false branch", () => {
    if (!isBodyless(code)) expectTypeOf(code).toEqualTypeOf<ContentfulCode>();
  });
});

describe("Hono's status types", () => {
  it("take every statuskit union without 104, which Hono's lists lack", () => {
    expectTypeOf<SuccessCode>().toEqualTypeOf<SuccessStatusCode>();
    expectTypeOf<RedirectionCode>().toEqualTypeOf<RedirectStatusCode>();
    expectTypeOf<ClientErrorCode>().toEqualTypeOf<ClientErrorStatusCode>();
    expectTypeOf<ServerErrorCode>().toEqualTypeOf<ServerErrorStatusCode>();
    expectTypeOf<Exclude<InformationalCode, 104>>().toEqualTypeOf<InfoStatusCode>();
    expectTypeOf<ContentfulCode>().toExtend<ContentfulStatusCode>();
    expectTypeOf<ErrorCode>().toExtend<ContentfulStatusCode>();
    expectTypeOf<RedirectCode>().toExtend<RedirectStatusCode>();
    expectTypeOf<RetryableCode>().toExtend<ContentfulStatusCode>();
    expectTypeOf<CacheableCode>().toExtend<HonoStatusCode>();
    expectTypeOf<Exclude<StatusCode, 104>>().toEqualTypeOf<Exclude<HonoStatusCode, -1>>();
  });
  it("reject StatusCode, InformationalCode and BodylessCode, for 104", () => {
    expectTypeOf<StatusCode>().not.toExtend<HonoStatusCode>();
    expectTypeOf<InformationalCode>().not.toExtend<HonoStatusCode>();
    expectTypeOf<BodylessCode>().not.toExtend<HonoStatusCode>();
    expectTypeOf<typeof UPLOAD_RESUMPTION_SUPPORTED>().not.toExtend<HonoStatusCode>();
  });
  it("count 100, 102 and 103 as contentful, which ContentfulCode does not: they are interim responses", () => {
    expectTypeOf<100 | 102 | 103>().toExtend<ContentfulStatusCode>();
    expectTypeOf<100 | 102 | 103>().not.toExtend<ContentfulCode>();
    expectTypeOf<ContentlessStatusCode>().toExtend<BodylessCode>();
  });
});

declare const c: Context;
declare const app: FastifyInstance;

describe("a Hono handler", () => {
  it("c.status(), c.json(), c.body() and c.redirect() take the constants", () => {
    c.status(NOT_FOUND);
    c.json({ error: reasonPhrase(NOT_FOUND) }, NOT_FOUND);
    c.body(null, NO_CONTENT);
    c.body(null, NOT_MODIFIED);
    c.redirect("/elsewhere", FOUND);
  });
  it("a computed code goes through once narrowed", () => {
    // @ts-expect-error Hono's StatusCode lacks 104
    c.status(code);
    // @ts-expect-error c.json takes only codes that may carry content
    c.json({}, code);
    if (isContentfulCode(code)) {
      c.status(code);
      c.json({ phrase: reasonPhrase(code) }, code);
      c.text("body", code);
    }
    if (isContentfulCode(n)) c.json({}, n);
    if (isRedirect(n)) c.redirect("/elsewhere", n);
  });
  it("typed unions go through without narrowing", () => {
    const error = TOO_MANY_REQUESTS as ErrorCode;
    c.json({ error: reasonPhrase(error) }, error);
    c.status(TOO_MANY_REQUESTS as RetryableCode);
    c.redirect("/elsewhere", FOUND as RedirectCode);
  });
  it("a bodyless code is rejected by c.json()", () => {
    // @ts-expect-error 204 carries no content
    c.json({}, NO_CONTENT);
    // @ts-expect-error 304 carries no content
    c.text("body", NOT_MODIFIED);
  });
});

describe("an Express 5 handler", () => {
  it("res.status() and res.sendStatus() take any code", () => {
    const handler = (_req: ExpressRequest, res: ExpressResponse) => {
      res.status(NOT_FOUND).json({ error: reasonPhrase(NOT_FOUND) });
      res.sendStatus(code);
      res.status(TOO_MANY_REQUESTS as ErrorCode).send(reasonPhrase(TOO_MANY_REQUESTS));
    };
    expectTypeOf(handler).returns.toEqualTypeOf<void>();
  });
});

describe("a Fastify 5 handler", () => {
  it("reply.code() takes any code on an untyped route", () => {
    app.get("/", async (_request, reply) => reply.code(code).send({ phrase: reasonPhrase(code) }));
  });
  it("reply.code() takes the statuskit union that matches a typed route's reply keys", () => {
    app.get<{ Reply: { 200: { name: string }; "4xx": { error: string } } }>("/user", async (_request, reply) => {
      const status = NOT_FOUND as ClientErrorCode;
      reply.code(status).send({ error: reasonPhrase(status) });
      // @ts-expect-error the route declares no 5xx reply
      reply.code(503);
      // @ts-expect-error a server error is not one of the route's codes
      reply.code(TOO_MANY_REQUESTS as ServerErrorCode | ClientErrorCode);
    });
  });
});

describe("the Fetch Response", () => {
  it("takes a code and its phrase as status and statusText", () => {
    const status = NOT_FOUND as ContentfulCode;
    expectTypeOf(new Response("body", { status, statusText: reasonPhrase(status) })).toEqualTypeOf<Response>();
  });
});
