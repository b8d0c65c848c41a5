// The `statuskit/unofficial` entry: codes that no RFC defines but that logs are full of. It reads
// only its own generated table, so the registry's data never ends up in its bundle, and the core
// entry never imports this file, so none of this data ends up in a bundle of `statuskit`. It takes
// `isRetryable` from the core's built file and its type by the package's name (tsup.config.ts), so
// that neither its build nor its types hold a second copy of the core.
import { isRetryable } from "./index";
import type { RetryableCode } from "statuskit";
import {
  RETRYABLE_UNOFFICIAL,
  UNOFFICIAL_ROWS,
  VENDOR_LIST,
  type UnofficialTable,
  type VendorRetryableCode,
  type VendorTable,
} from "./unofficial-table";
import type { Vendor } from "./unofficial-record";
import { deepFreeze, slot } from "./internal";

export type { UnofficialTable, VendorRetryableCode, VendorTable } from "./unofficial-table";
export type { RetrySource, UnofficialConflict, UnofficialRecord, Vendor } from "./unofficial-record";
export type { RetryableCode } from "statuskit";

/** Every code that statuskit/unofficial has at least one record for. */
export type UnofficialCode = UnofficialTable[number]["code"];

/**
 * The record of code `C` at vendor `V`: `UnofficialStatus<499, "nginx">` has phrase
 * "Client Closed Request". Without arguments, any record.
 */
export type UnofficialStatus<C extends UnofficialCode = UnofficialCode, V extends Vendor = Vendor> = Extract<
  UnofficialTable[number],
  { readonly code: C; readonly vendor: V }
>;

/** The vendors that give code `C` a meaning: `VendorOf<499>` is `"nginx" | "esri"`. */
export type VendorOf<C extends UnofficialCode> = UnofficialStatus<C>["vendor"];

/**
 * The vendors that give every member of `C` a meaning: for a union of codes, only a vendor they
 * share can promise a record. `SharedVendor<419 | 420>` is `"spring"`; `VendorOf<419 | 420>` is
 * `"laravel" | "twitter" | "spring"`.
 */
export type SharedVendor<C extends UnofficialCode> = (C extends unknown ? (vendor: VendorOf<C>) => void : never) extends (
  vendor: infer V extends Vendor,
) => void
  ? V
  : never;

/**
 * Every vendor statuskit/unofficial knows, deeply frozen, in a fixed order.
 *
 * @example List the vendors
 * ```ts
 * import { VENDORS } from "statuskit/unofficial";
 *
 * VENDORS.map((v) => v.id); // => ["nginx", "cloudflare", "aws-elb", "iis", "windows", "laravel", "twitter", "spring", "esri", "pantheon", "anthropic", "qualys", "informal"]
 * VENDORS[2]; // => { id: "aws-elb", name: "AWS ELB" }
 * ```
 */
export const VENDORS: VendorTable = /* @__PURE__ */ deepFreeze(VENDOR_LIST);

/**
 * Every unofficial record, deeply frozen, sorted by code and, within a code, by vendor.
 *
 * @example Filter by vendor
 * ```ts
 * import { UNOFFICIAL_STATUSES } from "statuskit/unofficial";
 *
 * UNOFFICIAL_STATUSES.filter((s) => s.vendor === "nginx").map((s) => s.code); // => [444, 494, 495, 496, 497, 499]
 * UNOFFICIAL_STATUSES.filter((s) => !s.sent).map((s) => s.code); // => [444, 460, 494, 495, 496, 497, 499]
 * ```
 */
export const UNOFFICIAL_STATUSES: readonly UnofficialStatus[] = /* @__PURE__ */ deepFreeze(/* @__PURE__ */ records());

function records(): UnofficialStatus[] {
  return UNOFFICIAL_ROWS.map(([code, vendor, phrase, description, sent, url, conflicts, retry = []]) => ({
    code,
    vendor,
    phrase,
    description,
    sent,
    url,
    conflicts: conflicts.map(([source, other]) => ({ source, phrase: other })),
    retry: retry.map(([by, link]) => ({ by, url: link })),
  })) as unknown as UnofficialStatus[];
}

const NONE: readonly never[] = /* @__PURE__ */ Object.freeze([]);
// Dense, and made by `map` and `filter`, as in src/lookup.ts: an assignment to a missing index
// (`push` included) would run a setter that an older library may have put on a prototype.
const BY_SLOT: readonly (readonly UnofficialStatus[] | undefined)[] = /* @__PURE__ */ bySlot(UNOFFICIAL_STATUSES);

function bySlot(all: readonly UnofficialStatus[]): (readonly UnofficialStatus[] | undefined)[] {
  // `keys()` yields the indexes of an empty array of 500 without reading any of them.
  return [...Array(500).keys()].map((i) => {
    const list = all.filter((record) => record.code === i + 100);
    return list.length > 0 ? Object.freeze(list) : undefined;
  });
}

/** The records of a code; the index is checked first, as reading index -1 is slow. */
function recordsOf(code: unknown): readonly UnofficialStatus[] {
  const i = slot(code);
  return (i < 0 ? undefined : BY_SLOT[i]) ?? NONE;
}

const NAMES: ReadonlyMap<string, string> = /* @__PURE__ */ new Map(/* @__PURE__ */ VENDOR_LIST.map((v) => [v.id, v.name]));

/**
 * The unofficial meanings of a status code: every vendor's record, or one vendor's.
 *
 * Registered meanings are not here: `getStatus` from `statuskit` gives those, and a record's
 * `conflicts` names the registry's phrase (`source: "iana"`) when the vendor reuses a registered
 * code. Every call returns the same deeply frozen objects.
 *
 * @param code A status code (any value at run time).
 * @param vendor A vendor id (see `VENDORS`). Omitted or `undefined`: every vendor.
 * @returns Without `vendor`, the records of every vendor that gives `code` a meaning, sorted as
 * in `VENDORS` (an empty frozen array when there are none); with `vendor`, that vendor's record,
 * or `undefined`.
 *
 * @example Look up a code from a log
 * ```ts
 * import { getUnofficialStatus } from "statuskit/unofficial";
 *
 * getUnofficialStatus(499).map((s) => s.vendor); // => ["nginx", "esri"]
 * getUnofficialStatus(499, "nginx").phrase; // => "Client Closed Request"
 * getUnofficialStatus(499, "nginx").sent; // => false
 * getUnofficialStatus(460, "aws-elb").phrase; // => null
 * getUnofficialStatus(451, "iis").conflicts; // => [{ source: "iana", phrase: "Unavailable For Legal Reasons" }]
 * getUnofficialStatus(404); // => []
 * getUnofficialStatus(499, "cloudflare"); // => undefined
 * ```
 */
export function getUnofficialStatus<C extends UnofficialCode, V extends SharedVendor<C>>(
  code: C,
  vendor: V,
): UnofficialStatus<C, V>;
export function getUnofficialStatus(code: number, vendor: Vendor): UnofficialStatus | undefined;
export function getUnofficialStatus<C extends UnofficialCode>(code: C): readonly UnofficialStatus<C>[];
export function getUnofficialStatus(code: number): readonly UnofficialStatus[];
export function getUnofficialStatus(
  code: unknown,
  vendor?: unknown,
): readonly UnofficialStatus[] | UnofficialStatus | undefined {
  const list = recordsOf(code);
  // Strict equality against the records' own values: no key lookup, so "__proto__" finds nothing.
  return vendor === undefined ? list : list.find((record) => record.vendor === vendor);
}

/**
 * A log line for an unofficial code that names the vendor: `"499 Client Closed Request (nginx)"`.
 * Where the vendor gives no phrase, only the vendor is named (`"460 (AWS ELB)"`); without
 * `vendor`, every vendor's meaning is listed, joined by "or".
 *
 * Standard meanings are not used: `formatStatus` from `statuskit` formats those.
 *
 * @param code A status code (any value at run time).
 * @param vendor A vendor id (see `VENDORS`). Omitted or `undefined`: every vendor.
 * @returns The line, or `undefined` when no record matches.
 *
 * @example Format for a log line
 * ```ts
 * import { formatUnofficialStatus } from "statuskit/unofficial";
 *
 * formatUnofficialStatus(499, "nginx"); // => "499 Client Closed Request (nginx)"
 * formatUnofficialStatus(460); // => "460 (AWS ELB)"
 * formatUnofficialStatus(499); // => "499 Client Closed Request (nginx) or Token Required (Esri ArcGIS)"
 * formatUnofficialStatus(404); // => undefined
 * ```
 */
export function formatUnofficialStatus<C extends UnofficialCode, V extends SharedVendor<C>>(code: C, vendor: V): string;
export function formatUnofficialStatus(code: UnofficialCode): string;
export function formatUnofficialStatus(code: number, vendor?: Vendor): string | undefined;
export function formatUnofficialStatus(code: unknown, vendor?: unknown): string | undefined {
  const list = recordsOf(code);
  const matches = vendor === undefined ? list : list.filter((record) => record.vendor === vendor);
  if (matches.length === 0) return undefined;
  const meanings = matches.map((r) => `${r.phrase === null ? "" : `${r.phrase} `}(${NAMES.get(r.vendor)})`);
  return `${code as number} ${meanings.join(" or ")}`;
}

/**
 * Whether a code is worth retrying, vendor codes included: `isRetryable` from `statuskit`, or a
 * vendor code that a widely used client retries by default or its vendor says to: 509 (Boto3),
 * 521, 522, 524 (got), 529 (Anthropic's SDKs, SSL Labs). A client that retries a whole range
 * ("every 5xx") does not count. Retrying is only safe for idempotent requests (RFC 9110 §9.2.2).
 *
 * @param code A status code (any value at run time).
 * @returns `true` for the codes above, `false` for everything else.
 *
 * @example Retry what clients retry
 * ```ts
 * import { isRetryableWithVendors } from "statuskit/unofficial";
 *
 * isRetryableWithVendors(503); // => true
 * isRetryableWithVendors(522); // => true (Cloudflare: connection timed out)
 * isRetryableWithVendors(529); // => true
 * isRetryableWithVendors(520); // => false
 * isRetryableWithVendors(413); // => false
 * ```
 */
export function isRetryableWithVendors(code: number): code is RetryableCode | VendorRetryableCode {
  return isRetryable(code) || (RETRYABLE_UNOFFICIAL as readonly number[]).includes(code);
}
