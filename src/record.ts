// The shape of the registry's records. The generated src/tables.ts gives each record's literal
// values as type arguments, and its rows as data. (statuskit/unofficial's are in
// src/unofficial-record.ts, so that the two entries share no declarations.)
import type { ClassTable } from "./tables";

/** A legacy name of a code, and where it is still in use: an entry of `StatusInfo["aliases"]`. */
export interface LegacyName {
  /** The legacy phrase ("Payload Too Large"), or `null` for a constant name that no phrase gives. */
  readonly phrase: string | null;
  /** The deprecated constant statuskit exports under this name (`PAYLOAD_TOO_LARGE`), or `null` for a name that only `codeOf` accepts. */
  readonly constant: string | null;
  /** Where the name comes from and where it is still in use. */
  readonly source: string;
}

/**
 * The link to a section of a specification: the RFC Editor's page for an RFC, else the IETF
 * datatracker's, as `specUrl` in src/internal.ts. `SpecUrl<"RFC 9110", "15.5.5">` is
 * `"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"`.
 */
export type SpecUrl<Document extends string, Section extends string> = Document extends `RFC ${infer N}`
  ? `https://www.rfc-editor.org/rfc/rfc${N}#section-${Section}`
  : `https://datatracker.ietf.org/doc/html/${Document}#section-${Section}`;

/**
 * The constant name of a phrase, as `constantOf` in src/internal.ts: apostrophes dropped, each
 * hyphen or space `_`, upper case (`ConstantOf<"I'm a teapot">` is `"IM_A_TEAPOT"`).
 */
export type ConstantOf<Phrase extends string> = Phrase extends `${infer A}'${infer B}`
  ? ConstantOf<`${A}${B}`>
  : Phrase extends `${infer A}-${infer B}`
    ? ConstantOf<`${A} ${B}`>
    : Phrase extends `${infer A} ${infer B}`
      ? `${Uppercase<A>}_${ConstantOf<B>}`
      : Uppercase<Phrase>;

/**
 * The shape of every registry record, with its literal values as type arguments (trailing ones
 * left out where they are the defaults). Write `StatusInfo<404>` for the record of a code.
 *
 * @example A record's fields, typed as literals
 * ```ts
 * import { getStatus } from "statuskit";
 *
 * getStatus(418).constant; // => "IM_A_TEAPOT"
 * getStatus(418).class; // => "client-error"
 * ```
 */
export interface StatusRecord<
  Code extends number,
  Phrase extends string,
  Section extends string,
  Document extends string = "RFC 9110",
  Status extends string = "standard",
  Expires extends string | null = null,
> {
  /** The status code. */
  readonly code: Code;
  /** The registry's reason phrase (RFC 9110's names: "Content Too Large"). */
  readonly phrase: Phrase;
  /** The name of the constant statuskit exports for the code (`CONTENT_TOO_LARGE`). */
  readonly constant: ConstantOf<Phrase>;
  /** The class, by the first digit (RFC 9110 §15). */
  readonly class: `${Code}` extends `${infer D extends 1 | 2 | 3 | 4 | 5}${string}` ? ClassTable[[never, 0, 1, 2, 3, 4][D]]["name"] : never;
  /** One plain-English sentence. */
  readonly description: string;
  /** The lifecycle: `standard`, `provisional`, `deprecated`, `obsoleted` or `unused`. */
  readonly status: Status;
  /** The date (`YYYY-MM-DD`) a provisional registration expires; `null` for the others. */
  readonly expires: Expires;
  /** The defining document, its section, and the link to that section. */
  readonly spec: { readonly document: Document; readonly section: Section; readonly url: SpecUrl<Document, Section> };
  /** Legacy names of the code, which `codeOf` accepts and which are deprecated constants. */
  readonly aliases: readonly LegacyName[];
}

/** A generated row of src/tables.ts: what a registry record holds that cannot be derived (src/lookup.ts). */
export type StatusRow = readonly [
  code: number,
  description: string,
  section: string,
  aliases?: readonly (readonly [phrase: string | null, constant: string | null, source: string])[],
  document?: string,
  status?: string,
  expires?: string | null,
];
