import { CLASS_NAMES, CLASSES } from "./tables";
import { classIndex, deepFreeze, slot } from "./internal";
import type {
  ClassInfo,
  ClassOf,
  ClientErrorCode,
  ErrorCode,
  InformationalCode,
  RedirectionCode,
  ServerErrorCode,
  StatusClass,
  StatusCode,
  SuccessCode,
} from "./types";

/**
 * The class of a status code, by its first digit (RFC 9110 §15). Unregistered codes in range
 * have a class too.
 *
 * @param code A status code (any value at run time).
 * @returns The class name, or `undefined` unless `code` is an integer in 100–599.
 *
 * @example Classify
 * ```ts
 * import { classOf } from "statuskit";
 *
 * classOf(404); // => "client-error"
 * classOf(499); // => "client-error"
 * classOf(600); // => undefined
 * classOf(404.5); // => undefined
 * ```
 */
export function classOf<C extends StatusCode>(code: C): ClassOf<C>;
export function classOf(code: number): StatusClass | undefined;
export function classOf(code: unknown): StatusClass | undefined {
  // classIndex(code) inlined: the extra call would cost classOf's bundle its 200-byte budget.
  const i = slot(code);
  return i < 0 ? undefined : CLASS_NAMES[(i / 100) | 0];
}

const FROZEN_CLASSES = /* @__PURE__ */ deepFreeze(CLASSES);

/**
 * The name, title, range and meaning of a class.
 *
 * @param cls A class name; any value is accepted at run time.
 * @returns The frozen class record, or `undefined` for anything that is not a class name.
 *
 * @example Describe a class
 * ```ts
 * import { classInfo } from "statuskit";
 *
 * classInfo("client-error").title; // => "Client Error"
 * classInfo("client-error").range; // => [400, 499]
 * classInfo("redirection").description; // => "Further action is needed to complete the request."
 * ```
 */
export function classInfo<N extends StatusClass>(cls: N): ClassInfo<N>;
export function classInfo(cls: string): ClassInfo | undefined;
export function classInfo(cls: unknown): ClassInfo | undefined {
  const i = CLASS_NAMES.indexOf(cls as StatusClass);
  return i < 0 ? undefined : FROZEN_CLASSES[i];
}


// The class guards go by range, like `classOf`. Their first overload narrows an argument already
// typed as registered codes; any other number takes the second, which does not narrow, since an
// unregistered code such as 499 is in the class too.

/**
 * Whether a code is informational (1xx).
 *
 * @param code A status code (any value at run time).
 * @returns `true` for integers in 100–199.
 *
 * @example
 * ```ts
 * import { isInformational } from "statuskit";
 *
 * isInformational(103); // => true
 * isInformational(200); // => false
 * ```
 */
export function isInformational(code: StatusCode): code is InformationalCode;
export function isInformational(code: number): boolean;
export function isInformational(code: unknown): boolean {
  return classIndex(code) === 0;
}

/**
 * Whether a code is a success (2xx).
 *
 * @param code A status code (any value at run time).
 * @returns `true` for integers in 200–299.
 *
 * @example
 * ```ts
 * import { isSuccess } from "statuskit";
 *
 * isSuccess(204); // => true
 * isSuccess(299); // => true
 * isSuccess(304); // => false
 * ```
 */
export function isSuccess(code: StatusCode): code is SuccessCode;
export function isSuccess(code: number): boolean;
export function isSuccess(code: unknown): boolean {
  return classIndex(code) === 1;
}

/**
 * Whether a code is in the redirection class (3xx). 304 is; see `isRedirect` for the codes that
 * actually redirect.
 *
 * @param code A status code (any value at run time).
 * @returns `true` for integers in 300–399.
 *
 * @example
 * ```ts
 * import { isRedirection } from "statuskit";
 *
 * isRedirection(304); // => true
 * isRedirection(404); // => false
 * ```
 */
export function isRedirection(code: StatusCode): code is RedirectionCode;
export function isRedirection(code: number): boolean;
export function isRedirection(code: unknown): boolean {
  return classIndex(code) === 2;
}

/**
 * Whether a code is a client error (4xx).
 *
 * @param code A status code (any value at run time).
 * @returns `true` for integers in 400–499.
 *
 * @example
 * ```ts
 * import { isClientError } from "statuskit";
 *
 * isClientError(404); // => true
 * isClientError(499); // => true
 * isClientError(500); // => false
 * ```
 */
export function isClientError(code: StatusCode): code is ClientErrorCode;
export function isClientError(code: number): boolean;
export function isClientError(code: unknown): boolean {
  return classIndex(code) === 3;
}

/**
 * Whether a code is a server error (5xx).
 *
 * @param code A status code (any value at run time).
 * @returns `true` for integers in 500–599.
 *
 * @example
 * ```ts
 * import { isServerError } from "statuskit";
 *
 * isServerError(503); // => true
 * isServerError(404); // => false
 * ```
 */
export function isServerError(code: StatusCode): code is ServerErrorCode;
export function isServerError(code: number): boolean;
export function isServerError(code: unknown): boolean {
  return classIndex(code) === 4;
}

/**
 * Whether a code is an error, client or server (4xx or 5xx).
 *
 * @param code A status code (any value at run time).
 * @returns `true` for integers in 400–599.
 *
 * @example
 * ```ts
 * import { isError } from "statuskit";
 *
 * isError(404); // => true
 * isError(503); // => true
 * isError(304); // => false
 * ```
 */
export function isError(code: StatusCode): code is ErrorCode;
export function isError(code: number): boolean;
export function isError(code: unknown): boolean {
  return classIndex(code) >= 3;
}

/**
 * Whether a value is a valid status code: an integer in 100–599 (RFC 9110 §15), registered or not.
 *
 * Not a type guard: `value is number` would narrow a `number | undefined` to `undefined` on the
 * false branch, and 600 is a number too.
 *
 * @param value Any value.
 * @returns `true` for integers in 100–599.
 *
 * @example
 * ```ts
 * import { isValidCode } from "statuskit";
 *
 * isValidCode(499); // => true
 * isValidCode(600); // => false
 * isValidCode("404"); // => false
 * ```
 */
export function isValidCode(value: unknown): boolean {
  return slot(value) >= 0;
}
