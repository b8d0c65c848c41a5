export * from "./codes";
export { classInfo, classOf, isClientError, isError, isInformational, isRedirection, isServerError, isSuccess, isValidCode } from "./classes";
export { codeOf, formatStatus, getStatus, isStatusCode, reasonPhrase, STATUSES } from "./lookup";
export { isBodyless, isCacheableByDefault, isContentfulCode, isRedirect, isRetryable, type CacheableCode, type RetryableCode } from "./sets";
export { REASON_PHRASES, statusTextOf, type ReasonPhrases, type ResponseStatus } from "./phrases";
export type * from "./types";
