import { describe, expectTypeOf, it } from "vitest";
import {
  classInfo,
  classOf,
  codeOf,
  formatStatus,
  getStatus,
  isBodyless,
  isCacheableByDefault,
  isClientError,
  isError,
  isInformational,
  isRedirect,
  isRedirection,
  isRetryable,
  isServerError,
  isStatusCode,
  isSuccess,
  isValidCode,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  reasonPhrase,
  STATUSES,
} from "../src/index";
import type {
  BodylessCode,
  CacheableCode,
  ClientErrorCode,
  ConstantOf,
  ErrorCode,
  InformationalCode,
  ReasonPhrase,
  RedirectCode,
  RedirectionCode,
  RetryableCode,
  ServerErrorCode,
  StatusClass,
  StatusCode,
  StatusInfo,
  SuccessCode,
} from "../src/index";

declare const code: StatusCode;
declare const n: number;

describe("literal types", () => {
  it("constants are their numbers", () => {
    expectTypeOf<typeof NOT_FOUND>().toEqualTypeOf<404>();
    expectTypeOf<typeof PAYLOAD_TOO_LARGE>().toEqualTypeOf<413>();
  });
  it("reasonPhrase() of a literal is its phrase", () => {
    expectTypeOf(reasonPhrase(404)).toEqualTypeOf<"Not Found">();
    expectTypeOf(reasonPhrase(413)).toEqualTypeOf<"Content Too Large">();
    expectTypeOf(reasonPhrase(n)).toEqualTypeOf<ReasonPhrase | undefined>();
    expectTypeOf<ReasonPhrase<422>>().toEqualTypeOf<"Unprocessable Content">();
  });
  it("getStatus() of a literal is its exact record", () => {
    expectTypeOf(getStatus(404).phrase).toEqualTypeOf<"Not Found">();
    expectTypeOf(getStatus(404).constant).toEqualTypeOf<"NOT_FOUND">();
    expectTypeOf(getStatus(404).class).toEqualTypeOf<"client-error">();
    expectTypeOf(getStatus(104).status).toEqualTypeOf<"provisional">();
    expectTypeOf(getStatus(104).expires).toEqualTypeOf<"2026-11-13">();
    expectTypeOf(getStatus(404).spec.url).toEqualTypeOf<"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5">();
    expectTypeOf(getStatus(n)).toEqualTypeOf<StatusInfo | undefined>();
    expectTypeOf(STATUSES).toEqualTypeOf<readonly StatusInfo[]>();
  });
  it("records are read-only", () => {
    // @ts-expect-error records are frozen
    getStatus(404).phrase = "Gone";
    // @ts-expect-error arrays are frozen
    STATUSES.push(getStatus(404));
  });
  it("classOf() and formatStatus() of a literal are literal", () => {
    expectTypeOf(classOf(503)).toEqualTypeOf<"server-error">();
    expectTypeOf(classOf(n)).toEqualTypeOf<StatusClass | undefined>();
    expectTypeOf(formatStatus(404)).toEqualTypeOf<"404 Not Found">();
    expectTypeOf(formatStatus(n)).toEqualTypeOf<string | undefined>();
    expectTypeOf(classInfo("client-error").title).toEqualTypeOf<"Client Error">();
    expectTypeOf(codeOf("Not Found")).toEqualTypeOf<404>();
    expectTypeOf(codeOf("not found" as string)).toEqualTypeOf<StatusCode | undefined>();
  });
  it("records' constant names and class unions come from the table", () => {
    expectTypeOf<"NOT_FOUND">().toMatchTypeOf<StatusInfo["constant"]>();
    // Each record's constant is derived from its phrase (ConstantOf): all 64, as the run time has them.
    expectTypeOf<StatusInfo["constant"]>().toEqualTypeOf<
      "CONTINUE" | "SWITCHING_PROTOCOLS" | "PROCESSING" | "EARLY_HINTS"
      | "UPLOAD_RESUMPTION_SUPPORTED" | "OK" | "CREATED" | "ACCEPTED"
      | "NON_AUTHORITATIVE_INFORMATION" | "NO_CONTENT" | "RESET_CONTENT" | "PARTIAL_CONTENT"
      | "MULTI_STATUS" | "ALREADY_REPORTED" | "IM_USED" | "MULTIPLE_CHOICES" | "MOVED_PERMANENTLY"
      | "FOUND" | "SEE_OTHER" | "NOT_MODIFIED" | "USE_PROXY" | "SWITCH_PROXY" | "TEMPORARY_REDIRECT"
      | "PERMANENT_REDIRECT" | "BAD_REQUEST" | "UNAUTHORIZED" | "PAYMENT_REQUIRED" | "FORBIDDEN"
      | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "NOT_ACCEPTABLE" | "PROXY_AUTHENTICATION_REQUIRED"
      | "REQUEST_TIMEOUT" | "CONFLICT" | "GONE" | "LENGTH_REQUIRED" | "PRECONDITION_FAILED"
      | "CONTENT_TOO_LARGE" | "URI_TOO_LONG" | "UNSUPPORTED_MEDIA_TYPE" | "RANGE_NOT_SATISFIABLE"
      | "EXPECTATION_FAILED" | "IM_A_TEAPOT" | "MISDIRECTED_REQUEST" | "UNPROCESSABLE_CONTENT"
      | "LOCKED" | "FAILED_DEPENDENCY" | "TOO_EARLY" | "UPGRADE_REQUIRED" | "PRECONDITION_REQUIRED"
      | "TOO_MANY_REQUESTS" | "REQUEST_HEADER_FIELDS_TOO_LARGE" | "UNAVAILABLE_FOR_LEGAL_REASONS"
      | "INTERNAL_SERVER_ERROR" | "NOT_IMPLEMENTED" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE"
      | "GATEWAY_TIMEOUT" | "HTTP_VERSION_NOT_SUPPORTED" | "VARIANT_ALSO_NEGOTIATES"
      | "INSUFFICIENT_STORAGE" | "LOOP_DETECTED" | "NOT_EXTENDED"
      | "NETWORK_AUTHENTICATION_REQUIRED"
    >();
    expectTypeOf<ConstantOf<"I'm a teapot">>().toEqualTypeOf<"IM_A_TEAPOT">();
    expectTypeOf<ConstantOf<"Non-Authoritative Information">>().toEqualTypeOf<"NON_AUTHORITATIVE_INFORMATION">();
    expectTypeOf<StatusClass>().toEqualTypeOf<"informational" | "success" | "redirection" | "client-error" | "server-error">();
    expectTypeOf<ErrorCode>().toEqualTypeOf<ClientErrorCode | ServerErrorCode>();
    expectTypeOf<InformationalCode>().toEqualTypeOf<100 | 101 | 102 | 103 | 104>();
    expectTypeOf<RedirectCode>().toEqualTypeOf<301 | 302 | 303 | 307 | 308>();
    expectTypeOf<RetryableCode>().toEqualTypeOf<408 | 425 | 429 | 500 | 502 | 503 | 504>();
    expectTypeOf<CacheableCode>().toEqualTypeOf<200 | 203 | 204 | 206 | 300 | 301 | 308 | 404 | 405 | 410 | 414 | 451 | 501>();
    expectTypeOf<BodylessCode>().toEqualTypeOf<100 | 101 | 102 | 103 | 104 | 204 | 205 | 304>();
  });
  it("number helpers reject other types", () => {
    // @ts-expect-error a string is not a code
    reasonPhrase("404");
    // @ts-expect-error codeOf takes text
    codeOf(404);
    // @ts-expect-error "4xx" is not a class name (so the result may be undefined)
    classInfo("4xx").title;
    expectTypeOf<"PAYLOAD_TOO_LARGE">().not.toExtend<StatusInfo["constant"]>();
  });
});

describe("class guards narrow a StatusCode on both branches", () => {
  it("isInformational()", () => {
    if (isInformational(code)) expectTypeOf(code).toEqualTypeOf<InformationalCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, InformationalCode>>();
  });
  it("isSuccess()", () => {
    if (isSuccess(code)) expectTypeOf(code).toEqualTypeOf<SuccessCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, SuccessCode>>();
  });
  it("isRedirection()", () => {
    if (isRedirection(code)) expectTypeOf(code).toEqualTypeOf<RedirectionCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, RedirectionCode>>();
  });
  it("isClientError()", () => {
    if (isClientError(code)) expectTypeOf(code).toEqualTypeOf<ClientErrorCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, ClientErrorCode>>();
  });
  it("isServerError()", () => {
    if (isServerError(code)) expectTypeOf(code).toEqualTypeOf<ServerErrorCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, ServerErrorCode>>();
  });
  it("isError()", () => {
    if (isError(code)) expectTypeOf(code).toEqualTypeOf<ErrorCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, ErrorCode>>();
  });
  it("isBodyless()", () => {
    if (isBodyless(code)) expectTypeOf(code).toEqualTypeOf<BodylessCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, BodylessCode>>();
  });
});

describe("range guards never narrow a plain number", () => {
  it("isClientError(499) keeps number, so `case 499` still compiles", () => {
    if (isClientError(n)) {
      expectTypeOf(n).toEqualTypeOf<number>();
      switch (n) {
        case 499:
          break;
      }
    } else expectTypeOf(n).toEqualTypeOf<number>();
  });
  // Written out one by one: a parameter typed as a union of guards would be checked only once.
  it("isInformational(), isSuccess(), isRedirection(), isServerError(), isError(), isBodyless() keep number", () => {
    if (isInformational(n)) expectTypeOf(n).toEqualTypeOf<number>();
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isSuccess(n)) expectTypeOf(n).toEqualTypeOf<number>();
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isRedirection(n)) expectTypeOf(n).toEqualTypeOf<number>();
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isServerError(n)) expectTypeOf(n).toEqualTypeOf<number>();
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isError(n)) expectTypeOf(n).toEqualTypeOf<number>();
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isBodyless(n)) expectTypeOf(n).toEqualTypeOf<number>();
    else expectTypeOf(n).toEqualTypeOf<number>();
  });
  it("a plain number inside a class guard is not a registered-code union", () => {
    if (isClientError(n)) {
      // @ts-expect-error 499 is in range, so n is not narrowed to ClientErrorCode
      const narrowed: ClientErrorCode = n;
      expectTypeOf(narrowed).toEqualTypeOf<ClientErrorCode>();
    }
  });
});

describe("exact sets narrow any number", () => {
  it("isRedirect()", () => {
    if (isRedirect(n)) {
      expectTypeOf(n).toEqualTypeOf<RedirectCode>();
      // @ts-expect-error 304 is not a redirect
      const notModified: 304 = n;
      expectTypeOf(notModified).toEqualTypeOf<304>();
    }
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isRedirect(code)) expectTypeOf(code).toEqualTypeOf<RedirectCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, RedirectCode>>();
  });
  it("isRetryable()", () => {
    if (isRetryable(n)) expectTypeOf(n).toEqualTypeOf<RetryableCode>();
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isRetryable(code)) expectTypeOf(code).toEqualTypeOf<RetryableCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, RetryableCode>>();
  });
  it("isCacheableByDefault()", () => {
    if (isCacheableByDefault(n)) expectTypeOf(n).toEqualTypeOf<CacheableCode>();
    else expectTypeOf(n).toEqualTypeOf<number>();
    if (isCacheableByDefault(code)) expectTypeOf(code).toEqualTypeOf<CacheableCode>();
    else expectTypeOf(code).toEqualTypeOf<Exclude<StatusCode, CacheableCode>>();
  });
  it("isStatusCode() narrows unknown and number", () => {
    const value: unknown = JSON.parse("404");
    if (isStatusCode(value)) expectTypeOf(value).toEqualTypeOf<StatusCode>();
    else expectTypeOf(value).toEqualTypeOf<unknown>();
    if (isStatusCode(n)) expectTypeOf(n).toEqualTypeOf<StatusCode>();
    else expectTypeOf(n).toEqualTypeOf<number>();
  });
  it("isValidCode() narrows nothing, since a number can be invalid", () => {
    const maybe = JSON.parse("600") as number | undefined;
    if (isValidCode(maybe)) expectTypeOf(maybe).toEqualTypeOf<number | undefined>();
    else expectTypeOf(maybe).toEqualTypeOf<number | undefined>();
    expectTypeOf(isValidCode).returns.toEqualTypeOf<boolean>();
  });
});

describe("StatusCode", () => {
  it("supports an exhaustive switch", () => {
    function describeCode(c: StatusCode): string {
      const cls = classOf(c);
      switch (cls) {
        case "informational":
        case "success":
        case "redirection":
          return "fine";
        case "client-error":
          return "yours";
        case "server-error":
          return "ours";
        default: {
          const never: never = cls;
          return never;
        }
      }
    }
    // The check is the `never` assignment above: it compiles only if every class is handled.
    expectTypeOf(describeCode).parameter(0).toEqualTypeOf<StatusCode>();
  });
  it("covers every registered code in a switch over constants", () => {
    function phraseOf(c: StatusCode): string {
      switch (c) {
        // @ts-expect-error 499 is not a registered code
        case 499:
          return "no";
        default:
          return reasonPhrase(c);
      }
    }
    // The checks are the @ts-expect-error on 499 and reasonPhrase(c) being a string for every c.
    expectTypeOf(phraseOf).parameter(0).toEqualTypeOf<StatusCode>();
  });
});

describe("legacy names", () => {
  it("an alias's constant is a string, or null for a name that only codeOf accepts", () => {
    type Alias = StatusInfo["aliases"][number];
    expectTypeOf<Alias["constant"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Alias["phrase"]>().toEqualTypeOf<string | null>();
    // @ts-expect-error a name without a constant (Go's and Deno's "Teapot") exports none
    expectTypeOf<(typeof import("../src/index"))["TEAPOT"]>().toEqualTypeOf<418>();
    expectTypeOf<(typeof import("../src/index"))["PAYLOAD_TOO_LARGE"]>().toEqualTypeOf<413>();
  });
});
