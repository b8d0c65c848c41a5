/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The search box on the index, bundled by scripts/site.ts into search.js; the other pages send their
// box's query here (`?q=`). It searches the index's own tables, so it holds no second copy of them:
// `codeOf` first (a code, phrase, legacy name or constant), then the rows where every word typed
// starts a word of the row, best field first: the number or class (`404`, `4xx`), the name and
// the rules it is in (`redirect`, `retryable`), the meaning and vendor, the class's title. A word that starts
// nothing may be a misspelling or a British spelling: it then matches a word one edit away (two
// for long words), ranked after every exact match. With JavaScript off the box is hidden (CSS).
import { codeOf, isRedirect, isRetryable } from "statuskit";

const words = (text: string) => text.toLowerCase().replace(/['’]/g, "").split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");

interface Row {
  code: number;
  row: HTMLTableRowElement;
  /** The row's words, by field, best first. */
  fields: string[][];
}

const titles: string[][] = [];
const rows: Row[] = [...document.querySelectorAll<HTMLTableRowElement>("main section tbody tr")].map((row) => {
  const [number, name, meaning] = [...row.cells].map((cell) => cell.textContent ?? "");
  const code = Number(number);
  const digit = Math.floor(code / 100);
  // The class sections come first: a vendor code takes its class's title from them.
  const title = (titles[digit] ??= words(row.closest("section")?.querySelector("h2")?.textContent ?? ""));
  const registered = /^\d+$/.test(row.id);
  const rules = registered ? [isRedirect(code) && "redirect", isRetryable(code) && "retryable"].filter((w) => w !== false) : [];
  return { code, row, fields: [[String(code), `${digit}xx`], [...words(row.cells[1]?.firstChild?.textContent ?? ""), ...rules], words(`${name} ${meaning}`), title] };
});

/** The edit distance of two words, a swap of neighbours counting as one edit. */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(last[j]! + 1, next[j - 1]! + 1, last[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) next[j] = Math.min(next[j]!, before[j - 2]! + 1);
    }
    [before, last] = [last, next];
  }
  return last[b.length]!;
}

/** Whether `typed` is `word`, or how it starts, but for a typo: one edit in up to 7 letters, two in more. */
const near = (typed: string, word: string) =>
  /^\p{L}{4,}$/u.test(typed) && [0, 1, -1].some((d) => distance(typed, word.slice(0, typed.length + d)) <= (typed.length > 7 ? 2 : 1));

/** The rank of a row for the words typed: the worst of each word's best field, 10 more for a typo; `Infinity` when a word is not there. */
function rank(query: readonly string[], fields: string[][]): number {
  const best = (typed: string) => {
    const exact = fields.findIndex((field) => field.some((w) => w.startsWith(typed)));
    const fuzzy = fields.findIndex((field) => field.some((w) => near(typed, w)));
    return exact >= 0 ? exact : fuzzy >= 0 ? fuzzy + 10 : Infinity;
  };
  return Math.max(...query.map(best));
}

function find(text: string): Row[] {
  const exact = codeOf(text.trim());
  const query = words(text);
  if (query.length === 0) return [];
  return rows
    .map((row) => ({ row, rank: row.code === exact && /^\d+$/.test(row.row.id) ? -1 : rank(query, row.fields) }))
    .filter((r) => r.rank < Infinity)
    .sort((a, b) => a.rank - b.rank)
    .map((r) => r.row);
}

const form = document.querySelector<HTMLFormElement>("form.search")!;
const input = document.querySelector<HTMLInputElement>("#q")!;
const status = document.getElementById("search-status")!;
const list = document.getElementById("results")!;

function show(): void {
  const found = input.value.trim() === "" ? undefined : find(input.value);
  list.replaceChildren(
    ...(found ?? []).map(({ row }) => {
      // The row's link, its number and name as the link's text, then its meaning.
      const [number, name, meaning] = [...row.cells].map((cell) => [...cell.cloneNode(true).childNodes]);
      const [item, link] = [document.createElement("li"), number![0] as Element];
      link.append(" ", ...name!);
      item.append(link, document.createElement("br"), ...meaning!);
      return item;
    }),
  );
  status.textContent = found === undefined ? "" : `${found.length === 0 ? "No" : found.length} ${found.length === 1 ? "code matches" : "codes match"}.`;
  const url = new URL(location.href);
  if (found === undefined) url.searchParams.delete("q");
  else url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
}

input.value = new URLSearchParams(location.search).get("q") ?? "";
input.addEventListener("input", show);
// Enter opens the best match.
form.addEventListener("submit", (event) => {
  event.preventDefault();
  list.querySelector("a")?.click();
});
if (input.value !== "") show();
