// The ranking of `statuskit --search`. Not part of the public API. It imports the library by its
// package name, as src/cli/command.ts does, so that dist/cli.js holds no second copy of the tables.
import { getStatus, STATUSES } from "statuskit";
import type { StatusInfo } from "statuskit";

/** Lower-case words of a text: apostrophes dropped, anything but letters and digits separates. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, "").split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
}

// The words each status can be found by, from the narrowest field to the widest: a match in the
// phrase ranks before one that needs a legacy name, which ranks before one in the description.
const namesOf = (s: StatusInfo) => [...words(s.phrase), ...s.aliases.flatMap((a) => words(`${a.phrase ?? ""} ${a.constant ?? ""}`))];
// A description that refers to another code ("Like 301, but …" for 308) also answers to that
// code's names, last: so "moved" finds 307 and 308 after 301 and 302.
function indexed(): { status: StatusInfo; fields: string[][] }[] {
  return STATUSES.map((s) => {
    const names = namesOf(s);
    const description = [...names, ...words(s.description)];
    const referred = (s.description.match(/\b[1-5]\d\d\b/g) ?? []).flatMap((code) => {
      const other = getStatus(Number(code));
      return other === undefined ? [] : namesOf(other);
    });
    return { status: s, fields: [words(s.phrase), names, description, [...description, ...referred]] };
  });
}

// Built on the first search, not on load: most runs of the command never search.
let searchable: ReturnType<typeof indexed> | undefined;

/** Statuses where every query word starts a word, best match first. */
export function search(query: readonly string[]): StatusInfo[] {
  const ranked = (searchable ??= indexed()).map(({ status, fields }) => ({
    status,
    rank: fields.findIndex((field) => query.every((q) => field.some((w) => w.startsWith(q)))),
  }));
  // Array#sort is stable and STATUSES is in code order, so equal ranks stay by code.
  return ranked
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((r) => r.status);
}
