// Types of codeOf of a literal, REASON_PHRASES and statusTextOf.
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expectTypeOf, it } from "vitest";
import { codeOf, REASON_PHRASES, statusTextOf } from "../src/index";
import type { CodeOf, CodesByLegacyName, CodesByName, ReasonPhrase, ReasonPhrases, ResponseStatus, StatusCode, StatusInfo } from "../src/index";

declare const text: string;
declare const n: number;

describe("codeOf() of a literal", () => {
  it("is the literal code of an exact phrase, legacy phrase, constant name or legacy constant name", () => {
    expectTypeOf(codeOf("Not Found")).toEqualTypeOf<404>();
    expectTypeOf(codeOf("NOT_FOUND")).toEqualTypeOf<404>();
    expectTypeOf(codeOf("Payload Too Large")).toEqualTypeOf<413>();
    expectTypeOf(codeOf("PAYLOAD_TOO_LARGE")).toEqualTypeOf<413>();
    expectTypeOf(codeOf("REQUEST_TOO_LONG")).toEqualTypeOf<413>();
    expectTypeOf(codeOf("Request-URI Too Long")).toEqualTypeOf<414>();
    expectTypeOf(codeOf("I'm a teapot")).toEqualTypeOf<418>();
    expectTypeOf(codeOf("IM_A_TEAPOT")).toEqualTypeOf<418>();
    expectTypeOf(codeOf("Teapot")).toEqualTypeOf<418>();
    expectTypeOf(codeOf("Non-Authoritative Information")).toEqualTypeOf<203>();
    expectTypeOf(codeOf("Unprocessable Entity")).toEqualTypeOf<422>();
  });

  it("is the literal code of a bare registered code", () => {
    expectTypeOf(codeOf("404")).toEqualTypeOf<404>();
    expectTypeOf(codeOf("104")).toEqualTypeOf<104>();
    expectTypeOf(codeOf("511")).toEqualTypeOf<511>();
  });

  it("is StatusCode | undefined for a name written otherwise, which codeOf still finds at run time", () => {
    for (const other of ["not found", "NOT FOUND", "not-found", "im a teapot", "I’m a Teapot", "payload_too_large", "Not Found "] as const) {
      expectTypeOf(codeOf(other)).toEqualTypeOf<StatusCode | undefined>();
    }
  });

  it("is StatusCode | undefined for any other string", () => {
    expectTypeOf(codeOf(text)).toEqualTypeOf<StatusCode | undefined>();
    for (const other of ["499", " 404", "404.0", "0404", "4e2", "nope", "", "not found!", "Not  Found.", "constructor", "toString"] as const) {
      expectTypeOf(codeOf(other)).toEqualTypeOf<StatusCode | undefined>();
    }
    expectTypeOf(codeOf(`${text}found`)).toEqualTypeOf<StatusCode | undefined>();
    expectTypeOf(codeOf(`Not ${text}`)).toEqualTypeOf<StatusCode | undefined>();
    expectTypeOf(codeOf(text.toUpperCase() as Uppercase<string>)).toEqualTypeOf<StatusCode | undefined>();
  });

  it("distributes over a union of names", () => {
    const name = JSON.parse('"Gone"') as "Not Found" | "Gone";
    expectTypeOf(codeOf(name)).toEqualTypeOf<404 | 410>();
    const some = JSON.parse('"Gone"') as "Gone" | "nope";
    expectTypeOf(codeOf(some)).toEqualTypeOf<StatusCode | undefined>();
  });

  it("CodeOf<Name> reads CodesByName, which holds every exact name and nothing else", () => {
    expectTypeOf<CodeOf<"Not Found">>().toEqualTypeOf<404>();
    expectTypeOf<CodeOf<"too many requests">>().toEqualTypeOf<StatusCode | undefined>();
    expectTypeOf<CodeOf<"499">>().toEqualTypeOf<StatusCode | undefined>();
    expectTypeOf<CodeOf<string>>().toEqualTypeOf<StatusCode | undefined>();
    expectTypeOf<CodesByName["TOO_MANY_REQUESTS"]>().toEqualTypeOf<429>();
    expectTypeOf<CodesByName["429"]>().toEqualTypeOf<429>();
    expectTypeOf<CodesByLegacyName["Moved Temporarily"]>().toEqualTypeOf<302>();
    // Three names per code (phrase, constant, digits) and the legacy names.
    expectTypeOf<keyof CodesByName>().toEqualTypeOf<ReasonPhrase | StatusInfo["constant"] | `${StatusCode}` | keyof CodesByLegacyName>();
  });

  it("takes strings only", () => {
    // @ts-expect-error codeOf takes text
    codeOf(404);
  });
});

describe("REASON_PHRASES", () => {
  it("is literal-typed per registered code", () => {
    expectTypeOf(REASON_PHRASES[404]).toEqualTypeOf<"Not Found">();
    expectTypeOf(REASON_PHRASES[413]).toEqualTypeOf<"Content Too Large">();
    expectTypeOf(REASON_PHRASES["404"]).toEqualTypeOf<"Not Found">();
    expectTypeOf<ReasonPhrases[418]>().toEqualTypeOf<"I'm a teapot">();
  });

  it("indexes like Node's STATUS_CODES: any number or string may be undefined", () => {
    expectTypeOf(REASON_PHRASES[n]).toEqualTypeOf<ReasonPhrase | undefined>();
    expectTypeOf(REASON_PHRASES[text]).toEqualTypeOf<ReasonPhrase | undefined>();
    expectTypeOf(REASON_PHRASES["__proto__"]).toEqualTypeOf<ReasonPhrase | undefined>();
    const fromNode: { readonly [code: number]: string | undefined } = REASON_PHRASES;
    expectTypeOf(fromNode).toEqualTypeOf<{ readonly [code: number]: string | undefined }>();
  });

  it("is read-only", () => {
    // @ts-expect-error frozen
    REASON_PHRASES[404] = "Gone";
  });

  it("has none of Object.prototype's members, as the object has no prototype", () => {
    expectTypeOf(REASON_PHRASES["constructor"]).toEqualTypeOf<undefined>();
    expectTypeOf(REASON_PHRASES.toString).toEqualTypeOf<undefined>();
    expectTypeOf(REASON_PHRASES.hasOwnProperty).toEqualTypeOf<undefined>();
    expectTypeOf<ReasonPhrases["valueOf"]>().toEqualTypeOf<undefined>();
    // @ts-expect-error there is no toString to call
    REASON_PHRASES.toString();
    // @ts-expect-error there is no hasOwnProperty to call
    REASON_PHRASES.hasOwnProperty(404);
    // @ts-expect-error there is no valueOf to call
    REASON_PHRASES.valueOf();
    // What has no prototype is still an object, and its phrases are still literal.
    expectTypeOf(REASON_PHRASES).toExtend<object>();
    expectTypeOf(REASON_PHRASES[404]).toEqualTypeOf<"Not Found">();
  });
});

describe("statusTextOf()", () => {
  it("takes a Fetch Response, Node's responses and any { status, statusText }", () => {
    expectTypeOf(statusTextOf(new Response(null, { status: 404 }))).toEqualTypeOf<string | undefined>();
    expectTypeOf(statusTextOf({} as IncomingMessage)).toEqualTypeOf<string | undefined>();
    expectTypeOf(statusTextOf({} as ServerResponse)).toEqualTypeOf<string | undefined>();
    expectTypeOf(statusTextOf({ status: 404 })).toEqualTypeOf<string | undefined>();
    expectTypeOf(statusTextOf({ statusCode: 404, statusMessage: "" })).toEqualTypeOf<string | undefined>();
    expectTypeOf<Response>().toExtend<ResponseStatus>();
    expectTypeOf<IncomingMessage>().toExtend<ResponseStatus>();
  });

  it("rejects what is not a response", () => {
    // @ts-expect-error a code is not a response: use reasonPhrase
    statusTextOf(404);
    // @ts-expect-error a status must be a number
    statusTextOf({ status: "404", statusText: "" });
    // @ts-expect-error an object with none of the properties
    statusTextOf({ code: 404 });
  });
});
