// The shape of statuskit/unofficial's records. The generated src/unofficial-table.ts gives each
// record's literal values as type arguments, and its rows as data.
import type { VendorTable } from "./unofficial-table";

/** The id of a vendor whose codes statuskit/unofficial knows. */
export type Vendor = VendorTable[number]["id"];

/** Another meaning of the same number: the IANA registry's (`source: "iana"`) or another vendor's. */
export interface UnofficialConflict {
  /** Whose meaning it is: `"iana"` for the registry, else a vendor id. */
  readonly source: Vendor | "iana";
  /** The other meaning's phrase, or `null` where that vendor gives none. */
  readonly phrase: string | null;
}

/** A client that retries a code by default, or a document that tells clients to, and the link that says so. */
export interface RetrySource {
  /** The client or document. */
  readonly by: string;
  /** The link that says so. */
  readonly url: string;
}

/**
 * The shape of every unofficial record, with its literal values as type arguments, and its retry
 * sources as a tuple of their number (none by default). Write `UnofficialStatus<499, "nginx">` for
 * the record of a code at a vendor.
 *
 * @example A record with a retry source
 * ```ts
 * import { getUnofficialStatus } from "statuskit/unofficial";
 *
 * getUnofficialStatus(522, "cloudflare").retry[0].by; // => "got's default retry.statusCodes"
 * getUnofficialStatus(499, "nginx").retry; // => []
 * ```
 */
export interface UnofficialRecord<
  Code extends number,
  V extends Vendor,
  Phrase extends string | null,
  Sent extends boolean,
  Retry extends readonly RetrySource[] = readonly [],
> {
  /** The status code. */
  readonly code: Code;
  /** The vendor that gives the code this meaning. */
  readonly vendor: V;
  /** The vendor's own name for the code, or `null` where the vendor gives none. */
  readonly phrase: Phrase;
  /** One plain-English sentence. */
  readonly description: string;
  /** Whether the code ever reaches a client; `false` for codes that only appear in the vendor's logs. */
  readonly sent: Sent;
  /** The vendor's page or source that defines the code, or `null` where it publishes none. */
  readonly url: string | null;
  /** The other meanings of the same number, the registry's first. */
  readonly conflicts: readonly UnofficialConflict[];
  /** Who retries the code by default, with the link that says so; empty where no widely used client does. */
  readonly retry: Retry;
}

/** A generated row of src/unofficial-table.ts; `conflicts` are `[source, phrase]` pairs, and `retry` `[by, url]`. */
export type UnofficialRow = readonly [
  code: number,
  vendor: Vendor,
  phrase: string | null,
  description: string,
  sent: boolean,
  url: string | null,
  conflicts: readonly (readonly [source: Vendor | "iana", phrase: string | null])[],
  retry?: readonly (readonly [by: string, url: string])[],
];
