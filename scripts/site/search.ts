/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The index page's search box, bundled by scripts/site.ts into search.js. It answers with the
// library: `codeOf` first (a code, phrase, legacy name or constant), then the codes that start with
// the digits typed, then `statuskit --search`'s ranking, then the vendor codes of
// `statuskit/unofficial` whose name, vendor or meaning has a word starting with each word typed.
// The page is complete without it: the form stays hidden unless this script runs.
import { codeOf, getStatus, isStatusCode, STATUSES, type StatusInfo } from "statuskit";
import { UNOFFICIAL_STATUSES, VENDORS, type UnofficialStatus } from "statuskit/unofficial";
import { search, words } from "../../src/search";

interface Row {
  code: number;
  name: string;
  meaning: string;
  note: string;
  href: string;
}

const vendorName = new Map<string, string>(VENDORS.map((v) => [v.id, v.name]));

const statusRow = (s: StatusInfo): Row => ({
  code: s.code,
  name: s.phrase,
  meaning: s.description,
  note: s.status === "standard" ? "" : s.status,
  href: `${s.code}/`,
});

const vendorRow = (r: UnofficialStatus): Row => ({
  code: r.code,
  name: r.phrase ?? "",
  meaning: r.description,
  note: `${vendorName.get(r.vendor)}, not in the registry`,
  href: isStatusCode(r.code) ? `${r.code}/#vendors` : `${r.code}/`,
});

const VENDOR_WORDS = UNOFFICIAL_STATUSES.map((r) => ({
  record: r,
  words: words(`${r.phrase ?? ""} ${vendorName.get(r.vendor)} ${r.vendor} ${r.description}`),
}));

/** The rows for a query, best first, each code or vendor record once. */
function find(text: string): Row[] {
  const query = text.trim();
  const rows = new Map<string, Row>();
  const addStatus = (s: StatusInfo | undefined) => s && !rows.has(`${s.code}`) && rows.set(`${s.code}`, statusRow(s));
  const addVendor = (r: UnofficialStatus) => rows.has(`${r.code} ${r.vendor}`) || rows.set(`${r.code} ${r.vendor}`, vendorRow(r));
  const exact = codeOf(query);
  if (exact !== undefined) addStatus(getStatus(exact));
  if (/^\d{1,3}$/.test(query)) {
    STATUSES.filter((s) => String(s.code).startsWith(query)).forEach(addStatus);
    UNOFFICIAL_STATUSES.filter((r) => String(r.code).startsWith(query)).forEach(addVendor);
  }
  const q = words(query);
  if (q.length > 0) {
    search(q).forEach(addStatus);
    for (const v of VENDOR_WORDS) if (q.every((w) => v.words.some((x) => x.startsWith(w)))) addVendor(v.record);
  }
  return [...rows.values()];
}

function cell(tag: "th" | "td", ...content: (Node | string)[]): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.append(...content);
  return element;
}

function show(input: HTMLInputElement, status: HTMLElement, table: HTMLTableElement): void {
  const rows = input.value.trim() === "" ? undefined : find(input.value);
  const body = table.tBodies[0]!;
  body.replaceChildren(
    ...(rows ?? []).map((row) => {
      const link = document.createElement("a");
      link.href = row.href;
      link.textContent = String(row.code);
      const code = cell("th", link);
      code.scope = "row";
      const name = cell("td", row.name);
      if (row.note !== "") {
        const note = document.createElement("small");
        note.className = "mark";
        note.textContent = row.note;
        name.append(" ", note);
      }
      const tr = document.createElement("tr");
      tr.append(code, name, cell("td", row.meaning));
      return tr;
    }),
  );
  table.hidden = !rows?.length;
  status.textContent = rows === undefined ? "" : `${rows.length === 0 ? "No" : rows.length} ${rows.length === 1 ? "code matches" : "codes match"}.`;
  const url = new URL(location.href);
  if (rows === undefined) url.searchParams.delete("q");
  else url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
}

const form = document.getElementById("search");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const table = document.getElementById("results");
if (form instanceof HTMLFormElement && input instanceof HTMLInputElement && status && table instanceof HTMLTableElement) {
  form.hidden = false;
  input.value = new URLSearchParams(location.search).get("q") ?? "";
  const update = () => show(input, status, table);
  input.addEventListener("input", update);
  // Enter opens the best match.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    table.querySelector<HTMLAnchorElement>("tbody a")?.click();
  });
  if (input.value !== "") update();
}
