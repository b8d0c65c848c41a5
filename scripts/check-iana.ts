// Compares IANA's HTTP Status Code Registry, as its CSV, with data/status-codes.json and edits neither:
//   npm run check:iana -- <http-status-codes-1.csv> [--data <path>] [--today YYYY-MM-DD]
// Exit 0: in sync. Exit 1: differences, one line each, sorted by code. Exit 2: bad arguments, a file
// that cannot be read or is not that CSV, or a report that cannot be written; the reason goes to
// stderr as one line, never a stack trace. The CSV is input from outside: it is read only if it is
// a regular UTF-8 file of at most 1 MiB, each step is linear in its size, and its text reaches a
// message only clipped and escaped (src/quote.ts).
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Writable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { clip, escapeHidden, quote } from "../src/quote";

/** Thrown for input that cannot be read or understood; the command turns it into exit 2. */
export class CheckIanaError extends Error {}

function fail(message: string): never {
  throw new CheckIanaError(message);
}

/** The most characters of one value from a file that a message shows. */
const SHOWN = 200;
const shown = (s: string) => escapeHidden(clip(s, SHOWN));
const quoted = (s: string) => quote(s, SHOWN);
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The rows of CSV text (RFC 4180: quoted cells, "" escapes, CRLF or LF) with the line each starts on; blank lines are dropped. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows = [];
  // A quoted cell or an unquoted one; the two branches of the quoted one never match the same text,
  // so a cell that is never closed fails in one pass.
  const CELL = /"((?:""|[^"])*)"|[^",\r\n]*/y;
  let cells: string[] = [];
  for (let i = 0, line = 1, rowLine = 1; ; ) {
    CELL.lastIndex = i;
    const [raw = "", inQuotes] = CELL.exec(text) ?? [];
    i += raw.length;
    const end = text[i++];
    if (end === '"') fail(`line ${line}: ${inQuotes === undefined && raw ? "a quote inside an unquoted cell (quote the whole cell)" : "quoted cell is never closed"}`);
    for (let nl = raw.indexOf("\n"); nl >= 0; nl = raw.indexOf("\n", nl + 1)) line++;
    const cell = inQuotes === undefined ? raw : inQuotes.replace(/""/g, '"');
    cells.push(cell);
    if (end === ",") continue;
    if (end !== undefined && end !== "\r" && end !== "\n") fail(`line ${line}: text after the closing quote of a cell (quote the whole cell)`);
    if (cells.length > 1 || cell.trim()) rows.push({ line: rowLine, cells });
    if (end === undefined) return rows;
    if (end === "\r" && text[i] === "\n") i++;
    rowLine = ++line;
    cells = [];
  }
}

const STATUSES = ["standard", "provisional", "deprecated", "obsoleted", "unused"] as const;
type Status = (typeof STATUSES)[number];
const MARKERS: Partial<Record<Status, string>> = { unused: "(Unused)", provisional: "TEMPORARY", obsoleted: "OBSOLETED" };

/** IANA's Description conventions: "(Unused)", "Name (OBSOLETED)", "Name (TEMPORARY - registered …, expires 2026-11-13)". */
export function parseDescription(description: string): { phrase: string | null; status: Status; expires: string | null } {
  if (/^\(Unused\)$/i.test(description)) return { phrase: null, status: "unused", expires: null };
  // Only the last bracket is read, so that a Description of a million brackets costs one pass.
  const open = description.lastIndexOf(" (");
  const suffix = open < 0 ? null : /^ \((?:(OBSOLETED)|TEMPORARY\b([^()]*))\)$/i.exec(description.slice(open));
  if (!suffix) return { phrase: description, status: "standard", expires: null };
  const expires = [...(suffix[2] ?? "").matchAll(/expires (\d{4}-\d{2}-\d{2})/gi)].at(-1)?.[1] ?? null;
  return { phrase: description.slice(0, open), status: suffix[1] ? "obsoleted" : "provisional", expires };
}

/** An assigned code; `references` is the Reference cell as published ("[RFC2518]"). */
export type RegistryEntry = ReturnType<typeof parseDescription> & { code: number; description: string; references: string };

/** The assigned codes, and for each code in an Unassigned row where the report says it went. */
export type Registry = { entries: RegistryEntry[]; unassigned: Map<number, string> };

const HEADER = "Value,Description,Reference";

/** IANA's http-status-codes-1.csv; anything else, or a row that does not read cleanly, is refused. */
export function parseRegistry(text: string): Registry {
  const csv = text.replace(/^\uFEFF/, "");
  const first = /^[^\r\n]*/.exec(csv)?.[0] ?? "";
  if (first.trim() !== HEADER) {
    const found = /^\s*</.test(csv) ? "it looks like XML or HTML" : csv.trim() ? `its first line is ${quoted(first)}` : "it is empty";
    fail(`not CSV: ${found}; IANA's http-status-codes-1.csv starts with the header ${HEADER}`);
  }
  const [, ...body] = parseCsv(csv);
  if (body.length === 0) fail("the CSV has a header row but no rows");
  const entries: RegistryEntry[] = [];
  const unassigned = new Map<number, string>();
  const listed = new Map<number, number>(); // code → line
  for (const { line, cells } of body) {
    if (cells.length !== 3) fail(`line ${line}: expected 3 cells like the header, found ${cells.length} (an unquoted comma?)`);
    const [value, description, references] = [cells[0]!.trim(), squash(cells[1]!), squash(cells[2]!)];
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(value);
    const from = Number(m?.[1]);
    const to = m?.[2] ? Number(m[2]) : from;
    if (!m || from < 100 || to > 599 || to < from) fail(`line ${line}: Value ${quoted(value)} is not a status code (100-599) or a range such as 105-199`);
    if (!description) fail(`line ${line}: code ${value} has an empty Description`);
    const isUnassigned = /^unassigned$/i.test(description);
    if (!isUnassigned && to > from) fail(`line ${line}: range ${value} is described as ${quoted(description)}; only "Unassigned" ranges are understood`);
    // Refused at the first overlap, so that at most 500 codes are ever marked.
    for (let code = from; code <= to; code++) {
      if (listed.has(code)) fail(`line ${line}: code ${code} is listed twice (first on line ${listed.get(code)})`);
      listed.set(code, line);
      if (isUnassigned) unassigned.set(code, from === to ? "now Unassigned" : `now inside Unassigned ${value}`);
    }
    if (!isUnassigned) entries.push({ code: from, description, references, ...parseDescription(description) });
  }
  return { entries, unassigned };
}

/** The fields of a data/status-codes.json entry that the comparison reads. */
export type DataEntry = { code: number; phrase: string; status: Status; expires?: string; spec: { document: string; section: string } };

/** The entries of a parsed data file, if they have the fields compared; `npm run generate` checks the rest. */
export function checkData(json: unknown): DataEntry[] {
  if (!Array.isArray(json)) fail("expected an array of entries");
  json.forEach((e, i) => {
    const ok = Number.isInteger(e?.code) && typeof e.phrase === "string" && STATUSES.includes(e.status as Status) &&
      typeof e.spec?.document === "string" && typeof e.spec.section === "string" && ["undefined", "string"].includes(typeof e.expires);
    if (!ok) fail(`entry ${i} lacks one of code, phrase, status, spec.document, spec.section (npm run generate says which)`);
  });
  return json;
}

const normDoc = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/** Whether the Reference cell cites the data's document and, when it cites sections of it, the data's section. */
function citesSpec(cell: string, spec: DataEntry["spec"]): boolean {
  const same = [...cell.matchAll(/\[([^[\]]*)\]/g)]
    .map(([, ref = ""]) => /^(.*?)(?:, ?Section (\S+))?$/i.exec(squash(ref)))
    .filter((m) => normDoc(m?.[1] ?? "") === normDoc(spec.document));
  const sections = same.flatMap((m) => (m?.[2] ? [m[2]] : []));
  return same.length > 0 && (sections.length === 0 || sections.includes(spec.section));
}

export type Difference = { code: number; kind: "added" | "removed" | "phrase" | "status" | "reference" | "expires" | "expired"; message: string };

/** The differences between the registry and the data, one per line of the report, sorted by code. */
export function compareRegistry(registry: Registry, data: DataEntry[], today: string): Difference[] {
  const diffs: Difference[] = [];
  const add = (code: number, kind: Difference["kind"], label: string, text: string) => diffs.push({ code, kind, message: `${label}: ${text}` });
  const byCode = new Map(data.map((d) => [d.code, d]));
  for (const r of registry.entries) {
    const d = byCode.get(r.code);
    const label = `${r.code} ${shown(d?.phrase ?? r.phrase ?? "(Unused)")}`;
    const cell = r.references ? shown(r.references) : "(no reference)";
    if (!d) add(r.code, "added", label, `added to the registry, missing from data: ${quoted(r.description)} ${cell}`);
    else {
      // The data keeps a historic name for an (Unused) code, so that phrase is not compared.
      if (r.phrase !== null && r.phrase !== d.phrase) add(r.code, "phrase", label, `phrase changed: ${quoted(d.phrase)} → ${quoted(r.phrase)}`);
      // 305 is deprecated by RFC 9110's prose (Section 15.4.6); the registry shows a plain entry.
      if (d.status !== r.status && !(r.status === "standard" && d.status === "deprecated")) {
        const [was, now] = [MARKERS[d.status], MARKERS[r.status]];
        const what = [was && `stopped being ${was}`, now && `became ${now}${r.expires ? ` (expires ${r.expires})` : ""}`];
        add(r.code, "status", label, `${what.filter(Boolean).join(", ")}: status ${d.status} → ${r.status}`);
      }
      if (!citesSpec(r.references, d.spec)) {
        add(r.code, "reference", label, `reference changed: ${shown(`${d.spec.document}, Section ${d.spec.section}`)} → ${cell}`);
      }
      if (r.status === "provisional" && d.status === "provisional" && d.expires !== (r.expires ?? undefined)) {
        add(r.code, "expires", label, `expiry changed: ${shown(d.expires ?? "(none)")} → ${r.expires ?? "(none given by the registry)"}`);
      }
    }
    if (r.expires && r.expires < today) {
      add(r.code, "expired", label, `provisional registration expired ${r.expires} (today ${today}): check whether IANA renewed or removed it`);
    }
  }
  const registered = new Set(registry.entries.map((r) => r.code));
  for (const d of data.filter((d) => !registered.has(d.code))) {
    const where = registry.unassigned.get(d.code) ?? "not listed";
    add(d.code, "removed", `${d.code} ${shown(d.phrase)}`, `removed from the registry (${where}), still in data as ${d.status}`);
  }
  // A stable sort: each code's lines stay in the order above.
  return diffs.sort((a, b) => a.code - b.code);
}

/** The largest file read: 1 MiB, some 300 times IANA's CSV (3 kB in 2025). */
export const MAX_FILE_BYTES = 1024 * 1024;
const READ_ERRORS = new Map([["ENOENT", "no such file"], ["EACCES", "permission denied"]]);

/** A file named on the command line, as text: only a regular UTF-8 file of at most MAX_FILE_BYTES. */
function readText(path: string, what: string): string {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO that nobody writes to returns at once instead of waiting.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(stat.isDirectory() ? "it is a directory" : "it is not a regular file (pipes, devices and sockets are not read)");
    // The size is checked before reading, and again after, as the file may grow meanwhile.
    const tooBig = new Error(`it is larger than ${MAX_FILE_BYTES} bytes (1 MiB), the most that is read`);
    if (stat.size > MAX_FILE_BYTES) throw tooBig;
    const bytes = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < bytes.length; length += n) n = readSync(fd, bytes, length, bytes.length - length, null);
    if (length > MAX_FILE_BYTES) throw tooBig;
    const text = bytes.subarray(0, length);
    // NUL is valid UTF-8, but in a text file it means UTF-16 or UTF-32.
    if (text.includes(0) || !isUtf8(text)) throw new Error("it is not UTF-8 (UTF-16? Latin-1?): convert it to UTF-8");
    return text.toString("utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CheckIanaError(`cannot read ${what} ${shownPath(path)}: ${code ? (READ_ERRORS.get(code) ?? code) : (err as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A path as messages show it: relative when inside the working directory. */
const shownPath = (path: string, rel = relative(process.cwd(), path)) => escapeHidden(rel && !rel.startsWith("..") ? rel : path);

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(Date.parse(s) || 0).toISOString().startsWith(s);
const USAGE = "usage: npm run check:iana -- <http-status-codes-1.csv> [--data <status-codes.json>] [--today YYYY-MM-DD]";

/** The command's outcome for `argv` (the arguments after the script), without touching process state. */
export function runCli(argv: string[]): { exitCode: 0 | 1 | 2; stdout: string; stderr: string } {
  let about = ""; // the file that a refusal from a parser is about
  try {
    let file: string | undefined;
    let dataPath = fileURLToPath(new URL("../data/status-codes.json", import.meta.url));
    let today = new Date().toISOString().slice(0, 10); // UTC, as IANA's dates are
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] ?? "";
      const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]) ?? fail(`${name} needs a value; ${USAGE}`);
      if (name === "--help" || name === "-h") return { exitCode: 0, stdout: `${USAGE}\n`, stderr: "" };
      if (name === "--data") dataPath = resolve(value());
      else if (name === "--today") today = value();
      else if (name.startsWith("-")) fail(`unknown option ${quoted(name)}; ${USAGE}`);
      else if (file === undefined) file = arg;
      else fail(`only one registry file, got ${quoted(file)} and ${quoted(arg)}; ${USAGE}`);
    }
    if (!isDate(today)) fail(`--today must be a date YYYY-MM-DD, got ${quoted(today)}`);
    if (file === undefined) fail(`no registry file given; ${USAGE}`);
    const registryPath = resolve(file);
    const [registryText, dataText] = [readText(registryPath, "registry file"), readText(dataPath, "data file")];
    about = `cannot parse ${shownPath(registryPath)}: `;
    const registry = parseRegistry(registryText);
    about = `cannot read data file ${shownPath(dataPath)}: `;
    const data = checkData(JSON.parse(dataText));
    about = "";
    const diffs = compareRegistry(registry, data, today);
    const [registryFile, dataFile, n] = [shownPath(registryPath), shownPath(dataPath), diffs.length];
    const report = n === 0
      ? [`in sync: ${registry.entries.length} codes (${registryFile}; ${dataFile}; today ${today})`]
      : [
          `out of sync: ${n} difference${n === 1 ? "" : "s"} between ${dataFile} (old) and the IANA registry ${registryFile} (new):`,
          ...diffs.map((d) => `  ${d.message}`),
          `Update ${dataFile} by hand, then run \`npm run generate\` and the tests (data/README.md, "Refreshing from IANA").`,
        ];
    return { exitCode: n ? 1 : 0, stdout: `${report.join("\n")}\n`, stderr: "" };
  } catch (err) {
    // JSON.parse's message quotes the file: clipped and escaped like any value from a file.
    const refused = err instanceof CheckIanaError || (about && err instanceof SyntaxError);
    const reason = refused ? about + escapeHidden(clip(err.message, 2 * SHOWN)) : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    return { exitCode: 2, stdout: "", stderr: `check-iana: ${reason}\n` };
  }
}

/** Writes `text`; resolves with the error when the stream cannot take it (a full disk, a closed pipe). */
function write(stream: Writable, text: string): Promise<NodeJS.ErrnoException | null | undefined> {
  // The stream emits the error that the callback gets; a listener keeps it from ending the process.
  return new Promise((done) => (text ? stream.on("error", () => {}).write(text, done) : done(null)));
}

/** Runs the command on `argv` and writes its report; resolves with the exit status. */
export async function main(argv: string[], stdout: Writable, stderr: Writable): Promise<number> {
  const result = runCli(argv);
  const failed = await write(stdout, result.stdout);
  // When stderr fails too, nothing is left to tell; the exit status still says it.
  await write(stderr, result.stderr + (failed ? `check-iana: cannot write to stdout: ${failed.code ?? failed.message}\n` : ""));
  return failed ? 2 : result.exitCode;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void main(process.argv.slice(2), process.stdout, process.stderr).then((code) => (process.exitCode = code));
}
