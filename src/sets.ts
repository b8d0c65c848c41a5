import {
  BAD_GATEWAY,
  GATEWAY_TIMEOUT,
  GONE,
  INTERNAL_SERVER_ERROR,
  METHOD_NOT_ALLOWED,
  MOVED_PERMANENTLY,
  MULTIPLE_CHOICES,
  NO_CONTENT,
  NON_AUTHORITATIVE_INFORMATION,
  NOT_FOUND,
  NOT_IMPLEMENTED,
  OK,
  PARTIAL_CONTENT,
  PERMANENT_REDIRECT,
  REQUEST_TIMEOUT,
  SERVICE_UNAVAILABLE,
  TOO_EARLY,
  TOO_MANY_REQUESTS,
  UNAVAILABLE_FOR_LEGAL_REASONS,
  URI_TOO_LONG,
} from "./codes";
import { classIndex } from "./internal";
import { isStatusCode } from "./lookup";
import type { BodylessCode, ContentfulCode, RedirectCode, StatusCode } from "./types";

// The sets are lists of the generated constants. Their types are written out as unions of the
// same constants, so that the declarations name no private list; `satisfies` keeps every list
// member in its type, and test/types.test-d.ts and test/lookup.test.ts check both exactly.

/** Codes where repeating the same request later may succeed: see `isRetryable`. */
export type RetryableCode =
  | typeof REQUEST_TIMEOUT
  | typeof TOO_EARLY
  | typeof TOO_MANY_REQUESTS
  | typeof INTERNAL_SERVER_ERROR
  | typeof BAD_GATEWAY
  | typeof SERVICE_UNAVAILABLE
  | typeof GATEWAY_TIMEOUT;

/** Codes whose responses are cacheable by default: see `isCacheableByDefault`. */
export type CacheableCode =
  | typeof OK
  | typeof NON_AUTHORITATIVE_INFORMATION
  | typeof NO_CONTENT
  | typeof PARTIAL_CONTENT
  | typeof MULTIPLE_CHOICES
  | typeof MOVED_PERMANENTLY
  | typeof PERMANENT_REDIRECT
  | typeof NOT_FOUND
  | typeof METHOD_NOT_ALLOWED
  | typeof GONE
  | typeof URI_TOO_LONG
  | typeof UNAVAILABLE_FOR_LEGAL_REASONS
  | typeof NOT_IMPLEMENTED;

// Each retryable code's source is in isRetryable's TSDoc.
const RETRYABLE = [
  REQUEST_TIMEOUT,
  TOO_EARLY,
  TOO_MANY_REQUESTS,
  INTERNAL_SERVER_ERROR,
  BAD_GATEWAY,
  SERVICE_UNAVAILABLE,
  GATEWAY_TIMEOUT,
] as const satisfies readonly RetryableCode[];
// RFC 9110 §15.1 names its own heuristically cacheable codes; RFC 7725 §3 adds 451.
const CACHEABLE = [
  OK,
  NON_AUTHORITATIVE_INFORMATION,
  NO_CONTENT,
  PARTIAL_CONTENT,
  MULTIPLE_CHOICES,
  MOVED_PERMANENTLY,
  PERMANENT_REDIRECT,
  NOT_FOUND,
  METHOD_NOT_ALLOWED,
  GONE,
  URI_TOO_LONG,
  UNAVAILABLE_FOR_LEGAL_REASONS,
  NOT_IMPLEMENTED,
] as const satisfies readonly CacheableCode[];

/**
 * Whether a code is one of the Fetch standard's redirect statuses: 301, 302, 303, 307, 308
 * (https://fetch.spec.whatwg.org/#redirect-status). 304 is in the 3xx class but does not
 * redirect, nor do 300, 305 and 306. The set is exact, so any number narrows to `RedirectCode`.
 *
 * @param code A status code (any value at run time).
 * @returns `true` for 301, 302, 303, 307 and 308.
 *
 * @example
 * ```ts
 * import { isRedirect } from "statuskit";
 *
 * isRedirect(308); // => true
 * isRedirect(304); // => false
 * ```
 */
export function isRedirect(code: number): code is RedirectCode {
  return code === 301 || code === 302 || code === 303 || code === 307 || code === 308;
}

/**
 * Whether a response with this code carries no content: every 1xx (RFC 9110 §15.2), 204
 * (§15.3.5), 205 (§15.3.6) and 304 (§15.4.5). A response to HEAD has none either, whatever
 * its code.
 *
 * This is about content, not message framing. RFC 9112 §6.3 ends a message at its header section
 * for any response to HEAD and for 1xx, 204 and 304, but not for 205: a 205 is framed as usual
 * (with `Content-Length: 0`, say), it just carries no content. Frame messages by §6.3, not by
 * this function.
 *
 * @param code A status code (any value at run time).
 * @returns `true` for 100–199, 204, 205 and 304.
 *
 * @example
 * ```ts
 * import { isBodyless } from "statuskit";
 *
 * isBodyless(204); // => true
 * isBodyless(304); // => true
 * isBodyless(200); // => false
 * ```
 */
export function isBodyless(code: StatusCode): code is BodylessCode;
export function isBodyless(code: number): boolean;
export function isBodyless(code: unknown): boolean {
  return code === 204 || code === 205 || code === 304 || classIndex(code) === 0;
}

/**
 * Whether repeating the same request later may succeed. A code is in when its spec says a
 * repeat may succeed, or when got, ky, the AWS SDKs and Polly all retry it by default:
 * - 408: RFC 9110 §15.5.9, "If the client has an outstanding request in transit, it MAY repeat
 *   that request."
 * - 425: RFC 8470 §5.2, "A user agent SHOULD retry automatically, but any retries MUST NOT be
 *   sent in early data."
 * - 429: RFC 6585 §4, a Retry-After header says "how long to wait before making a new request".
 * - 503: RFC 9110 §15.6.4, "a temporary overload or scheduled maintenance, which will likely be
 *   alleviated after some delay".
 * - 500, 502, 504: no spec says so, but every one of these clients retries them by default:
 *   got and ky (`retry.statusCodes`), the AWS SDKs (`TRANSIENT_ERROR_STATUS_CODES`) and .NET's
 *   Polly (`HandleTransientHttpError`: 408 and every 5xx). Google's api-core retries 500 too.
 *
 * Left out:
 * - 413: RFC 9110 §15.5.14 allows a retry only when the condition is temporary, which the server
 *   says with Retry-After ("the client MAY try again" after it); the code alone does not say it.
 *   urllib3's `Retry` retries 413 only with that field (`RETRY_AFTER_STATUS_CODES`), the AWS
 *   SDKs and Polly never; got and ky do by default. Check `Retry-After` yourself.
 * - 501 and 505–511: lasting conditions; of the clients above only Polly retries them, as it
 *   does every 5xx.
 *
 * Retry only idempotent requests: "A client SHOULD NOT automatically retry a request with a
 * non-idempotent method" (RFC 9110 §9.2.2).
 *
 * Sources: https://github.com/sindresorhus/got/blob/main/documentation/7-retry.md,
 * https://github.com/sindresorhus/ky#retry,
 * https://github.com/smithy-lang/smithy-typescript/blob/main/packages/service-error-classification/src/constants.ts,
 * https://github.com/App-vNext/Polly.Extensions.Http,
 * https://github.com/urllib3/urllib3/blob/main/src/urllib3/util/retry.py.
 *
 * @param code A status code (any value at run time).
 * @returns `true` for 408, 425, 429, 500, 502, 503 and 504.
 *
 * @example
 * ```ts
 * import { isRetryable } from "statuskit";
 *
 * isRetryable(503); // => true
 * isRetryable(413); // => false
 * ```
 */
export function isRetryable(code: number): code is RetryableCode {
  return (RETRYABLE as readonly number[]).includes(code);
}

/**
 * Whether a response with this code may be cached heuristically, without explicit freshness
 * information: RFC 9110 §15.1 lists 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414 and
 * 501 among its own codes, and RFC 7725 §3 makes 451 cacheable by default too.
 *
 * @param code A status code (any value at run time).
 * @returns `true` for the thirteen codes above.
 *
 * @example
 * ```ts
 * import { isCacheableByDefault } from "statuskit";
 *
 * isCacheableByDefault(404); // => true
 * isCacheableByDefault(451); // => true
 * isCacheableByDefault(302); // => false
 * ```
 */
export function isCacheableByDefault(code: number): code is CacheableCode {
  return (CACHEABLE as readonly number[]).includes(code);
}

/**
 * Whether a value is a registered code whose responses may carry content: any code of the
 * registry except the 1xx codes (interim responses, RFC 9110 §15.2), 204 (§15.3.5), 205 (§15.3.6)
 * and 304 (§15.4.5). It narrows any value to `ContentfulCode`, so a computed status can go where a
 * framework wants a code that allows a body, such as Hono's `c.json(body, status)` or
 * `new Response(body, { status })`, which throws for the others. A code outside the registry
 * (499) is `false`: nothing says what its responses carry.
 *
 * @param value Any value.
 * @returns `true` for the registered codes in 200–599 other than 204, 205 and 304.
 *
 * @example
 * ```ts
 * import { isContentfulCode } from "statuskit";
 *
 * isContentfulCode(404); // => true
 * isContentfulCode(204); // => false
 * isContentfulCode(103); // => false
 * isContentfulCode(499); // => false (not registered)
 * ```
 */
export function isContentfulCode(value: unknown): value is ContentfulCode {
  return isStatusCode(value) && !isBodyless(value);
}
