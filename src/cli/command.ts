// The `statuskit` command as a function: arguments, standard input and today's date in, output
// and an exit status out. src/cli.ts connects it to the process; tests call it directly. It uses
// no Node API, so src/tsconfig.json checks it with the library. It imports the library by its
// package name (kept external by tsup), so dist/cli.js holds no second copy of the tables and
// importing the library never loads this file. `statuskit/unofficial` is imported the same way,
// and only when --unofficial asks for it.
import { classInfo, classOf, codeOf, formatStatus, getStatus, STATUSES } from "statuskit";
import type { ClassInfo, StatusClass, StatusInfo } from "statuskit";
import type { UnofficialStatus } from "statuskit/unofficial";
import { version } from "../../package.json";
import { nameKey } from "../internal";
import { quote as quoteUpTo } from "../quote";
import { search, words } from "../search";

const USAGE = `Usage: statuskit [-j|--json] [-u|--unofficial] <code|name|class>...
       statuskit [-j|--json] (-s|--search <words>... | -l|--list)
       statuskit [-j|--json] < lines
       statuskit -h|--help | -v|--version`;

const HELP = `${USAGE}

Look up HTTP status codes in the IANA registry.

  statuskit 404               a code: phrase, class, lifecycle, spec, meaning
  statuskit 401 403           several codes
  statuskit not found         a phrase, legacy phrase or constant (NOT_FOUND,
                              payload too large); case, spaces, hyphens,
                              underscores and apostrophes do not matter
  statuskit 4xx               the registered codes of a class (client-error)
  statuskit --list            every registered code, by class
  statuskit -u 499            also the meanings vendors give a code
  statuskit --search rate limit
                              codes with a word starting with each word given:
                              in the phrase first, then legacy names, then the
                              description
  echo 404 | statuskit        no arguments: each line of standard input (not a
                              terminal) as it comes, answered in one line:
                              "404 Not Found", or "?" and why; -j: JSON lines

Words are read from the left, each time the longest run that names a status or
a class: "found not found" is 302 then 404. A number always stands alone.

Options:
  -j, --json        a JSON array of status records (with -u, each code's vendor
                    records follow it); standard output then holds only JSON
  -u, --unofficial  also the vendor meanings (for codes and names)
  -l, --list        list every registered code
  -s, --search      search instead of looking up
  -h, --help        show this help
  -v, --version     show the version
  --                end of options; short options group: -ju is -j -u

Exit status: 0 when everything was found, 1 when something was not (499
included, unless --unofficial finds it), 2 for a usage error. Colour only on a
terminal, not with NO_COLOR or TERM=dumb; FORCE_COLOR as in Node.
`;

// A new option is one more entry here: its name and its letter.
const OPTIONS = { json: "j", list: "l", search: "s", unofficial: "u", help: "h", version: "v" } as const;

type Options = Record<keyof typeof OPTIONS, boolean>;

const LETTERS = new Map(Object.entries(OPTIONS).map(([name, letter]) => [letter as string, name as keyof Options]));

/** What the command reads and writes: src/cli.ts gives it the process's, tests their own. */
export interface Io {
  /** Whether to colour the output. */
  readonly colour: boolean;
  /** Today's date, `YYYY-MM-DD`: a provisional code's registration expires on a date. */
  readonly today: string;
  /** Whether standard input is a terminal: one is never read, a pipe or file is when no argument is given. */
  readonly stdinIsTTY: boolean;
  /** Standard input as text, in pieces as they arrive; called only to read it. */
  readonly stdin: () => AsyncIterable<string>;
  /**
   * Writes to standard output, with the exit status the command ends with if its output stops
   * there (a reader closes the pipe); a promise holds the command until the output takes more.
   */
  readonly out: (text: string, status: number) => void | Promise<void>;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
}

/** What the command prints and the exit status it ends with. */
interface Result {
  out: string;
  err: string;
  code: number;
}

const WIDTH = 80;

const CLASSES = (["informational", "success", "redirection", "client-error", "server-error"] as const).map((name) =>
  classInfo(name),
);

// SGR colours by class, so a table reads at a glance.
const CLASS_COLOURS: Readonly<Record<StatusClass, string>> = {
  informational: "36",
  success: "32",
  redirection: "35",
  "client-error": "33",
  "server-error": "31",
};

/**
 * The options and operands of `argv`, or the usage error. The POSIX utility conventions, as Node's
 * util.parseArgs reads them: options and operands mix, `--` ends the options, a lone `-` is an
 * operand, and letters group (`-ju` is `-j -u`). A `-` in a group is no option letter (parseArgs
 * reads it as `--`, so that `-j-u` would look up "-u").
 */
export function parse(argv: readonly string[]): { options: Options; operands: string[] } | Result {
  const options = Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, false])) as Options;
  const operands: string[] = [];
  for (const [i, arg] of argv.entries()) {
    if (arg === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const end = arg.indexOf("=");
      const name = arg.slice(2, end < 0 ? undefined : end);
      if (!Object.hasOwn(OPTIONS, name)) return usageError(`unknown option ${quote(`--${name}`)}`);
      if (end >= 0) return usageError(`option "--${name}" takes no value`);
      options[name as keyof Options] = true;
    } else if (arg.startsWith("-") && arg !== "-") {
      for (const letter of arg.slice(1)) {
        const name = LETTERS.get(letter);
        if (name === undefined) {
          return usageError(`unknown option ${letter === "-" ? `"-" in ${quote(arg)}` : quote(`-${letter}`)}`);
        }
        options[name] = true;
      }
    } else operands.push(arg);
  }
  return { options, operands };
}

/**
 * Runs the command on `argv`, writing as it goes; resolves to the exit status. Never throws for
 * any arguments or input.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parse(argv);
  const result = "code" in parsed ? parsed : await run(parsed.options, parsed.operands, io);
  if (typeof result === "number") return result;
  // Nothing to print is not written at all: an empty write to an unwritable stdout still fails, and
  // would turn a usage error (2) into a write error (1).
  const written = result.out === "" ? undefined : io.out(result.out, result.code);
  // The errors go out without waiting for the output to be taken, so a reader that stops early
  // (`| head`) does not lose them.
  if (result.err !== "") io.err(result.err);
  await written;
  return result.code;
}

/** What the options and operands print, or, for standard input, the exit status once it is answered. */
async function run(options: Options, operands: readonly string[], io: Io): Promise<Result | number> {
  // With --json, standard output holds JSON only; the help is prose, so it is refused.
  if (options.help && options.json) return usageError("--help cannot be used with --json");
  if (options.help) return { out: HELP, err: "", code: 0 };
  if (options.version) return { out: options.json ? `${JSON.stringify(version)}\n` : `${version}\n`, err: "", code: 0 };
  if (options.list && options.search) return usageError("--list and --search cannot be used together");
  if (options.list && operands.length > 0) return usageError("--list takes no arguments (use 4xx to list a class)");
  if (options.unofficial && (options.list || options.search)) {
    return usageError(`--unofficial cannot be used with ${options.list ? "--list" : "--search"}`);
  }
  if (!options.list && operands.length === 0) {
    if (options.search) return usageError("--search needs words to look for");
    if (io.stdinIsTTY) return usageError("nothing to look up");
    // A line names one status; the vendor meanings of a code take a card, not a line.
    if (options.unofficial) return usageError("--unofficial takes codes and names as arguments, not standard input");
    return answerLines(io, options.json);
  }

  const paint = painter(io.colour);
  const blocks: string[] = [];
  const found: (StatusInfo | UnofficialStatus)[] = [];
  const errors: string[] = [];
  // Loaded only when asked for, so that a plain lookup never reads the vendor table.
  const vendors = options.unofficial ? await import("statuskit/unofficial") : undefined;
  /** Adds a code's card, then its unofficial meanings when asked for; says whether it has any. */
  const addCard = (text: string, code: number): boolean => {
    if (vendors === undefined) {
      blocks.push(text);
      return false;
    }
    const records = vendors.getUnofficialStatus(code);
    blocks.push(`${text}\n\n${unofficialBlock(records, vendors.formatUnofficialStatus, paint)}`);
    found.push(...records);
    return records.length > 0;
  };

  if (options.list) {
    const width = phraseWidth(STATUSES);
    for (const cls of CLASSES) blocks.push(classTable(cls, width, paint));
    found.push(...STATUSES);
  } else if (options.search) {
    const query = words(operands.join(" "));
    if (query.length === 0) return usageError("--search needs words to look for");
    const matches = search(query);
    if (matches.length === 0) errors.push(`no status code matches every word of ${quote(operands.join(" "))}`);
    else blocks.push(table(matches, phraseWidth(matches), paint, true));
    found.push(...matches);
  } else {
    for (const arg of lookups(operands)) {
      const text = arg.trim();
      const code = codeOf(text);
      const info = code === undefined ? undefined : getStatus(code);
      const cls = classNamed(text);
      if (info !== undefined) {
        found.push(info);
        addCard(card(info, io.today, paint), info.code);
      } else if (cls !== undefined) {
        // A class view is a table of the registry; vendor codes have no place in it.
        if (vendors !== undefined) {
          return usageError(`--unofficial takes codes and names, not a class such as ${quote(arg)}`);
        }
        const codes = STATUSES.filter((s) => s.class === cls.name);
        blocks.push(classTable(cls, phraseWidth(codes), paint));
        found.push(...codes);
      } else if (/^\d{3}$/.test(text) && classAt(Number(text)) !== undefined) {
        const unregistered = Number(text);
        if (!addCard(unregisteredCard(unregistered, paint), unregistered)) {
          const none = vendors === undefined ? "" : " and has no unofficial meaning";
          errors.push(`${text} is not a registered status code${none}`);
        }
      } else if (NUMBER.test(text)) {
        errors.push(notACode(arg, text));
      } else {
        errors.push(`no status code matches ${quote(arg)}${suggestion(text)}`);
      }
    }
  }

  const out = options.json ? `${JSON.stringify(found, null, 2)}\n` : blocks.map((b) => `${b}\n`).join("\n");
  const err = errors.map((e) => `statuskit: ${e}\n`).join("");
  return { out, err, code: errors.length > 0 ? 1 : 0 };
}

function usageError(message: string): Result {
  return { out: "", err: `statuskit: ${message}\n${USAGE}\n`, code: 2 };
}

const NUMBER = /^-?\d+$/;

/**
 * Why a number is not a status code. A status code is three digits (RFC 9110 §15), so `0404` is
 * none; it is named as what it likely means.
 */
function notACode(arg: string, text: string): string {
  const unpadded = text.replace(/^0+(?=\d)/, "");
  const meant = unpadded !== text && /^\d{3}$/.test(unpadded) && classOf(Number(unpadded)) !== undefined;
  const rule = meant ? "codes are 100 to 599, with no leading zero" : "codes are 100 to 599";
  return `${quote(arg)} is not a status code (${rule})${meant ? `; did you mean ${unpadded}?` : ""}`;
}

// Past this many characters a line of standard input names nothing (no name is longer than 64),
// and the rest of it is skipped as it arrives: a huge line costs no memory.
const LINE_LIMIT = 1024;

/** A line of standard input: its first LINE_LIMIT characters, and whether there were more. */
interface Line {
  text: string;
  cut: boolean;
}

/**
 * The lines of a text that arrives in pieces, in batches: those each piece completes. The line
 * break is LF; a CR before it is the line's to trim. A last line without a break is a line.
 */
async function* linesOf(pieces: AsyncIterable<string>): AsyncGenerator<Line[]> {
  let line: Line = { text: "", cut: false };
  const add = (piece: string, from: number, to: number) => {
    const end = Math.min(to, from + LINE_LIMIT - line.text.length);
    if (end > from) line.text += piece.slice(from, end);
    if (to > end) line.cut = true;
  };
  for await (const piece of pieces) {
    const batch: Line[] = [];
    let from = 0;
    for (let end = piece.indexOf("\n"); end >= 0; end = piece.indexOf("\n", from)) {
      add(piece, from, end);
      batch.push(line);
      line = { text: "", cut: false };
      from = end + 1;
    }
    add(piece, from, piece.length);
    if (batch.length > 0) yield batch;
  }
  if (line.text !== "" || line.cut) yield [line];
}

/**
 * Answers each line of standard input as it arrives, one line each: `404 Not Found`, `499 Client
 * Error` (formatStatus), or `?` and why the line names no status; with `json`, the status record
 * or null. A line is looked up without the spaces and quotes around it, so that `grep -o '"
 * [1-5][0-9][0-9] '` on an access log feeds it. Exit status 1 when a line named no registered
 * status (499 included), as for arguments.
 */
async function answerLines(io: Io, json: boolean): Promise<number> {
  let status = 0;
  const paint = painter(io.colour);
  const answer = ({ text: line, cut }: Line): string => {
    const text = cut ? line : line.replace(/^[\s"']+|[\s"']+$/g, "");
    const registered = cut ? undefined : codeOf(text);
    if (registered === undefined) status = 1;
    if (json) return JSON.stringify(registered === undefined ? null : getStatus(registered));
    const code = registered ?? (!cut && /^\d{3}$/.test(text) ? Number(text) : 0);
    const cls = classOf(code);
    if (cls === undefined) return `? ${NUMBER.test(text) ? notACode(text, text) : `no status code matches ${quote(text)}`}`;
    return `${paint(String(code), CLASS_COLOURS[cls])}${formatStatus(code)!.slice(3)}`;
  };
  try {
    for await (const lines of linesOf(io.stdin())) await io.out(lines.map((line) => `${answer(line)}\n`).join(""), status);
  } catch (error) {
    io.err(`statuskit: cannot read the input: ${String(error instanceof Error ? error.message : error).split("\n")[0]}\n`);
    return 1;
  }
  return status;
}

/** Whether a text, as one argument, names a status or a class. */
const names = (text: string): boolean => codeOf(text) !== undefined || classNamed(text) !== undefined;

/** Whether an argument is never read as part of a longer name: a number, or blank. */
const alone = (operand: string): boolean => NUMBER.test(operand.trim()) || operand.trim() === "";

/**
 * The operands as the things to look up: from the left, each time the longest run of operands
 * that, joined by spaces, names a status or a class (`not found` is 404, `401 403` two codes).
 * A number or a blank stands alone; operands that start no name are joined up to the next
 * number, blank or name, so that `not foud` is one thing not found, with one suggestion.
 */
function lookups(operands: readonly string[]): string[] {
  const out: string[] = [];
  let unnamed: string[] = [];
  const flush = () => {
    if (unnamed.length > 0) out.push(unnamed.join(" "));
    unnamed = [];
  };
  for (let i = 0; i < operands.length; ) {
    if (alone(operands[i]!)) {
      flush();
      out.push(operands[i++]!);
      continue;
    }
    // No name is longer than 64 characters (codeOf's limit), which bounds the runs tried.
    let end = i + 1;
    for (let length = operands[i]!.length; end < operands.length && !alone(operands[end]!); end++) {
      length += 1 + operands[end]!.length;
      if (length > 64) break;
    }
    for (; end > i + 1 && !names(operands.slice(i, end).join(" ").trim()); end--);
    const run = operands.slice(i, end).join(" ");
    if (names(run.trim())) {
      flush();
      out.push(run);
    } else unnamed.push(run);
    i = end;
  }
  flush();
  return out;
}

/** An argument as JSON text, shortened to 40 characters, with every hidden character escaped: one visible line. */
function quote(text: string): string {
  return quoteUpTo(text, 40);
}

type Paint = (text: string, sgr: string) => string;

/** Text in an SGR colour, when `colour`; blank text and an empty SGR stay plain. */
function painter(colour: boolean): Paint {
  return (text, sgr) => (colour && sgr !== "" && text.trim() !== "" ? `\x1b[${sgr}m${text}\x1b[0m` : text);
}

function classAt(code: number): ClassInfo | undefined {
  const name = classOf(code);
  return name === undefined ? undefined : classInfo(name);
}

function classLabel(cls: ClassInfo): string {
  return `${cls.range[0] / 100}xx ${cls.title}`;
}

/** The class an argument names: `4xx`, `client-error` or `Client Error`. */
function classNamed(text: string): ClassInfo | undefined {
  const key = text.toLowerCase().replace(/[\s_-]/g, "");
  return CLASSES.find((cls) => key === `${cls.range[0] / 100}xx` || key === cls.name.replace("-", ""));
}

/** One status in full: phrase, meaning, class, lifecycle, spec, constant and legacy names. */
function card(info: StatusInfo, today: string, paint: Paint): string {
  const lines = [`${paint(String(info.code), CLASS_COLOURS[info.class])} ${paint(info.phrase, "1")}`];
  lines.push(...wrap(info.description, WIDTH - 2).map((line) => `  ${line}`), "");
  const field = (label: string, value: string, sgr = "") => {
    for (const [i, line] of wrap(value, WIDTH - 12).entries()) {
      lines.push(`  ${paint((i === 0 ? label : "").padEnd(10), "2")}${paint(line, sgr)}`);
    }
  };
  field("class", classLabel(classAt(info.code)!));
  if (info.status !== "standard") field("status", lifecycle(info, today), "33");
  field("spec", `${info.spec.document} §${info.spec.section}`);
  field("", info.spec.url);
  field("constant", info.constant);
  for (const [i, alias] of info.aliases.entries()) {
    const name = [alias.phrase, alias.constant].filter((n) => n !== null).join(", ");
    field(i === 0 ? "legacy" : "", `${name} (${alias.source})`);
  }
  return lines.join("\n");
}

function lifecycle(info: StatusInfo, today: string): string {
  if (info.status !== "provisional" || info.expires === null) return info.status;
  // IANA registers provisional codes until a date; past it, the registry may have changed.
  const passed = today > info.expires ? " (date passed; check the IANA registry)" : "";
  return `provisional, registration expires ${info.expires}${passed}`;
}

function unregisteredCard(code: number, paint: Paint): string {
  const cls = classAt(code)!;
  const fallback = getStatus(cls.range[0])!;
  // RFC 9110 §15: a client treats an unrecognized code as the x00 code of its class.
  const meaning =
    "Not in the IANA registry; a client that does not recognise it treats it as " +
    `${fallback.code} ${fallback.phrase} (RFC 9110 §15).`;
  return [
    `${paint(String(code), CLASS_COLOURS[cls.name])} ${paint("(unregistered)", "1")}`,
    ...wrap(meaning, WIDTH - 2).map((line) => `  ${line}`),
    "",
    `  ${paint("class".padEnd(10), "2")}${classLabel(cls)}`,
  ].join("\n");
}

/**
 * Vendor meanings under a heading that sets them apart from the registry's: each one's log line
 * (`499 Client Closed Request (nginx)`), description, whether a client ever sees it, and source.
 */
function unofficialBlock(
  records: readonly UnofficialStatus[],
  format: (code: number, vendor: UnofficialStatus["vendor"]) => string | undefined,
  paint: Paint,
): string {
  if (records.length === 0) return `  ${paint("no unofficial meanings", "2")}`;
  const lines = [`  ${paint("unofficial meanings (not in the IANA registry):", "33")}`];
  for (const r of records) {
    const line = format(r.code, r.vendor)!;
    const code = String(r.code);
    lines.push(`  ${paint(code, CLASS_COLOURS[classAt(r.code)!.name])} ${paint(line.slice(code.length + 1), "1")}`);
    lines.push(...wrap(r.description, WIDTH - 4).map((text) => `    ${text}`));
    if (!r.sent) lines.push(`    ${paint("logged only, never sent to the client", "33")}`);
    if (r.url !== null) lines.push(`    ${r.url}`);
  }
  return lines.join("\n");
}

function classTable(cls: ClassInfo, width: number, paint: Paint): string {
  const heading = `${paint(classLabel(cls), "1")}: ${cls.description}`;
  return `${heading}\n${table(STATUSES.filter((s) => s.class === cls.name), width, paint)}`;
}

function phraseWidth(records: readonly StatusInfo[]): number {
  return Math.max(...records.map((s) => s.phrase.length));
}

/**
 * A row per status in 80 columns: code, phrase, lifecycle and description, the description cut to
 * one line, or wrapped in full when `full` (search results, to show what matched).
 */
function table(records: readonly StatusInfo[], width: number, paint: Paint, full = false): string {
  const room = WIDTH - width - 7;
  return records
    .map((s) => {
      const note = s.status === "standard" ? "" : `[${s.status}] `;
      const text = `${note}${s.description}`;
      const rest = (full ? wrap(text, room) : [cut(text, room)]).join(`\n${" ".repeat(WIDTH - room)}`);
      const described = paint(rest.slice(0, note.length), "33") + rest.slice(note.length);
      return `${paint(String(s.code), CLASS_COLOURS[s.class])}  ${s.phrase.padEnd(width)}  ${described}`;
    })
    .join("\n");
}

/** `text` shortened to `max` characters at a word boundary, with an ellipsis when cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, "")}…`;
}

/** `text` word-wrapped to lines of at most `width` characters (a longer word gets its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

// Every name `codeOf` accepts, compared the way it compares them, for "did you mean".
const NAMES = STATUSES.flatMap((s) => [
  { key: nameKey(s.phrase), phrase: s.phrase, constant: s.constant, code: s.code },
  ...s.aliases.map((a) => {
    // Every alias has a phrase or a constant; one without a constant suggests the current one.
    const phrase = (a.phrase ?? a.constant)!;
    return { key: nameKey(phrase), phrase, constant: a.constant ?? s.constant, code: s.code };
  }),
]);

/** A hint for a name that matches nothing: the nearest name if close, else a search that finds it. */
function suggestion(text: string): string {
  const key = nameKey(text);
  if (key.length < 2 || key.length > 64) return "";
  // One edit per four characters: close enough for a typo, far enough to stay silent for junk.
  const limit = Math.max(1, Math.floor(key.length / 4));
  let best: (typeof NAMES)[number] | undefined;
  let bestDistance = limit + 1;
  for (const name of NAMES) {
    const d = distance(key, name.key, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  if (best !== undefined) {
    const name = /^[A-Z0-9_]+$/.test(text) ? best.constant : JSON.stringify(best.phrase);
    return `; did you mean ${name} (${best.code})?`;
  }
  const matches = /^[\p{L}\p{N}][\p{L}\p{N} '-]*$/u.test(text) ? search(words(text)).length : 0;
  if (matches === 0) return "";
  return `; ${matches} ${matches === 1 ? "code mentions" : "codes mention"} it: statuskit --search ${quote(text)}`;
}

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment), or `stop`
 * once it cannot be less than `stop`.
 */
function distance(a: string, b: string, stop: number): number {
  if (Math.abs(a.length - b.length) >= stop) return stop;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (same ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    if (Math.min(...current) >= stop) return stop;
    [before, previous] = [previous, current];
  }
  return Math.min(previous[b.length]!, stop);
}
