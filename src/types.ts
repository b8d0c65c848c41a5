import type {
  FOUND,
  MOVED_PERMANENTLY,
  NO_CONTENT,
  NOT_MODIFIED,
  PERMANENT_REDIRECT,
  RESET_CONTENT,
  SEE_OTHER,
  TEMPORARY_REDIRECT,
} from "./codes";
import type { ClassTable, CodesByLegacyName, StatusTable } from "./tables";

export type { ClassTable, CodesByLegacyName, StatusTable } from "./tables";
export type { ConstantOf, LegacyName, SpecUrl, StatusRecord } from "./record";

/** Every code in the IANA registry. */
export type StatusCode = StatusTable[number]["code"];

/** The record `getStatus` returns for code `C` (for any registered code by default). */
export type StatusInfo<C extends StatusCode = StatusCode> = Extract<StatusTable[number], { readonly code: C }>;

/** The registry phrase of code `C`: `ReasonPhrase<404>` is `"Not Found"`. */
export type ReasonPhrase<C extends StatusCode = StatusCode> = StatusInfo<C>["phrase"];

/** A class of status codes, named after the first digit's meaning. */
export type StatusClass = ClassTable[number]["name"];

/** The record `classInfo` returns for class `N`. */
export type ClassInfo<N extends StatusClass = StatusClass> = Extract<ClassTable[number], { readonly name: N }>;

/** The registered codes of class `N`. */
export type CodeOfClass<N extends StatusClass> = Extract<StatusTable[number], { readonly class: N }>["code"];

/** Registered 1xx codes. */
export type InformationalCode = CodeOfClass<"informational">;
/** Registered 2xx codes. */
export type SuccessCode = CodeOfClass<"success">;
/** Registered 3xx codes (304 included; see `RedirectCode` for the ones that redirect). */
export type RedirectionCode = CodeOfClass<"redirection">;
/** Registered 4xx codes. */
export type ClientErrorCode = CodeOfClass<"client-error">;
/** Registered 5xx codes. */
export type ServerErrorCode = CodeOfClass<"server-error">;
/** Registered 4xx and 5xx codes. */
export type ErrorCode = ClientErrorCode | ServerErrorCode;

/** The Fetch standard's redirect statuses: 301, 302, 303, 307, 308. */
export type RedirectCode =
  | typeof MOVED_PERMANENTLY
  | typeof FOUND
  | typeof SEE_OTHER
  | typeof TEMPORARY_REDIRECT
  | typeof PERMANENT_REDIRECT;

/** `formatStatus(C)`'s result: `"404 Not Found"` for 404. */
export type FormattedStatus<C extends StatusCode = StatusCode> = C extends StatusCode
  ? `${C} ${ReasonPhrase<C>}`
  : never;

/** `classOf(C)` for a registered code `C`. */
export type ClassOf<C extends StatusCode> = StatusInfo<C>["class"];

/** Codes whose responses carry no content: registered 1xx, 204, 205 and 304. */
export type BodylessCode = InformationalCode | typeof NO_CONTENT | typeof RESET_CONTENT | typeof NOT_MODIFIED;

/**
 * The code of every name that `codeOf` gives a literal type: each registered code's phrase, its
 * constant's name and its three digits, and the legacy names (`CodesByLegacyName`).
 */
export type CodesByName = {
  readonly [R in StatusTable[number] as R["phrase"] | R["constant"] | `${R["code"]}`]: R["code"];
} & CodesByLegacyName;

/**
 * `codeOf(Name)`'s type: the code of a name written exactly as `CodesByName` has it
 * (`CodeOf<"Not Found">`, `CodeOf<"NOT_FOUND">` and `CodeOf<"404">` are `404`), else
 * `StatusCode | undefined`, also for text that codeOf finds by ignoring case and separators
 * (`CodeOf<"not found">`): a direct lookup keeps each call cheap to type-check.
 */
export type CodeOf<Name extends string> = Name extends keyof CodesByName ? CodesByName[Name] : StatusCode | undefined;

/**
 * Registered codes whose responses may carry content: every registered code but the
 * `BodylessCode`s, so the 2xx–5xx codes other than 204, 205 and 304. Web frameworks take these
 * where a response has a body: Hono's `c.json(body, status)` accepts every one of them.
 */
export type ContentfulCode = Exclude<StatusCode, BodylessCode>;
