// How the command line and scripts/check-iana.ts show text they did not write (an argument, a cell
// of a downloaded file) in a message: as one visible line that cannot rewrite the terminal, and in
// which every character a reader would miss shows. No library entry imports this file, so only
// dist/cli.js holds it.

// What a terminal would act on or not show: controls (C0, DEL, C1), format characters such as
// bidirectional overrides and isolates and zero-width ones, other default-ignorable characters,
// line and paragraph separators, and spaces other than U+0020.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{DI}]|(?! )\p{Zs}/gu;

/** `text` with each hidden character written as `\uXXXX`, one per UTF-16 unit. */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN, (c) => c.split("").map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""));
}

/** `text` cut to at most `max` characters, the last of them an ellipsis when it is cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `text` as JSON text, clipped to `max` characters, with every hidden character escaped. */
export function quote(text: string, max: number): string {
  return escapeHidden(JSON.stringify(clip(text, max)));
}
