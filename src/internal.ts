// Helpers shared by the modules and by scripts/generate.ts, so each rule is written once.
import type { StatusRecord } from "./record";

/** What a generated row leaves out at its end: `StatusRecord`'s defaults. */
export const DEFAULT_DOCUMENT = "RFC 9110" satisfies StatusRecord<number, string, string>["spec"]["document"];
export const DEFAULT_STATUS = "standard" satisfies StatusRecord<number, string, string>["status"];

/** Freezes `value` and everything reachable from it; returns `value`. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * `code - 100` when `code` is an integer in 100–599, else -1: the index into the generated
 * tables. `typeof` comes first, so an object's `valueOf` is never called.
 */
export function slot(code: unknown): number {
  return typeof code === "number" && code >= 100 && code < 600 && code % 1 === 0 ? code - 100 : -1;
}

/** 0–4 for the class of a valid code (its first digit less one), else -1. */
export function classIndex(code: unknown): number {
  return Math.floor(slot(code) / 100);
}

/** SCREAMING_SNAKE_CASE of a phrase: apostrophes dropped, other runs of non-alphanumerics `_`. */
export function constantOf(phrase: string): string {
  return phrase.toUpperCase().replace(/['’]/g, "").replace(/[^A-Z0-9]+/g, "_").replace(/^_|_$/g, "");
}

const IGNORED = /[\s\-_'’]/g;

/** The key `codeOf` compares names by: case, spaces, hyphens, underscores and apostrophes ignored. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(IGNORED, "");
}

/** The link to a section: the RFC Editor's page for an RFC, the IETF datatracker's for a draft. */
export function specUrl(document: string, section: string): string {
  return document.startsWith("RFC ")
    ? `https://www.rfc-editor.org/rfc/rfc${document.slice(4)}#section-${section}`
    : `https://datatracker.ietf.org/doc/html/${document}#section-${section}`;
}
