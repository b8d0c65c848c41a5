import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { classInfo, formatStatus, getStatus, STATUSES } from "../src/index";
import type { StatusInfo } from "../src/index";
import { main, parse } from "../src/cli/command";
import { formatUnofficialStatus, getUnofficialStatus, UNOFFICIAL_STATUSES } from "../src/unofficial";

// The command in-process: src/cli/command.ts given arguments, standard input, colour and a date as
// the process would give them. test/all/cli.test.ts runs the built command for what needs a process.
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Context {
  /** Standard input, in pieces; without it, standard input is a terminal. */
  stdin?: string | readonly string[] | AsyncIterable<string>;
  colour?: boolean;
  today?: string;
}

async function* pieces(list: readonly string[]): AsyncGenerator<string> {
  yield* list;
}

/** What `statuskit ...args` prints and its exit status. */
async function run(args: readonly string[], { stdin, colour = false, today = "2026-06-01" }: Context = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const input = typeof stdin === "string" ? [stdin] : (stdin ?? []);
  const code = await main(args, {
    colour,
    today,
    stdinIsTTY: stdin === undefined,
    stdin: () => (Symbol.asyncIterator in input ? input : pieces(input)),
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

const ESC = "\x1b";
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");
const lines = (text: string) => text.split("\n").filter((line) => line !== "");
/** The codes of the table rows in an output, in order. */
const rowCodes = (text: string) => lines(text).flatMap((line) => /^(\d{3}) {2}/.exec(line)?.[1] ?? []).map(Number);
const classLabel = (s: StatusInfo) => `${classInfo(s.class).range[0] / 100}xx ${classInfo(s.class).title}`;
/** Lines wider than 80 columns, colour aside; a line that is only a link is left whole, to be copied or clicked. */
const overflow = (text: string) =>
  stripAnsi(text)
    .split("\n")
    .filter((line) => line.length > 80 && !/^ +https:\/\/\S+$/.test(line));

/** No stack trace or internal error, whatever happened. */
function expectNoTrace(r: Run) {
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|Error:/);
  expect(r.stdout).not.toMatch(/\n\s+at /);
}

describe("statuskit <code|name>", () => {
  it.each([
    ["404", 404],
    ["not found", 404],
    ["NOT_FOUND", 404],
    ["Not-Found", 404],
    [" 404 ", 404],
    ["payload too large", 413],
    ["REQUEST_ENTITY_TOO_LARGE", 413],
    ["unprocessable entity", 422],
    ["im a teapot", 418],
  ])("statuskit %j prints the card of %i", async (arg, code) => {
    const r = await run([arg]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.split("\n")[0]).toBe(`${code} ${getStatus(code)!.phrase}`);
  });

  it("prints every registered code's phrase, description, class, lifecycle, spec, constant and legacy names", async () => {
    const r = await run(STATUSES.map((s) => String(s.code)));
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const cards = r.stdout.split(/\n\n(?=\d{3} )/);
    expect(cards).toHaveLength(STATUSES.length);
    STATUSES.forEach((s, i) => {
      const card = cards[i]!;
      const flat = card.replace(/\s+/g, " ");
      expect(card.split("\n")[0]).toBe(`${s.code} ${s.phrase}`);
      expect(flat).toContain(s.description);
      expect(flat).toContain(`class ${classLabel(s)}`);
      if (s.status === "standard") expect(card).not.toMatch(/^ {2}status/m);
      // The date note of a provisional code is checked on fixed days below.
      else expect(flat).toContain(`status ${s.status}`);
      expect(flat).toContain(`spec ${s.spec.document} §${s.spec.section} ${s.spec.url}`);
      expect(flat).toContain(`constant ${s.constant}`);
      if (s.aliases.length === 0) expect(card).not.toContain("legacy");
      for (const alias of s.aliases) {
        expect(flat).toContain(`${[alias.phrase, alias.constant].filter((n) => n !== null).join(", ")} (${alias.source})`);
      }
    });
  });

  it("statuskit 401 403 prints both cards, in the order given", async () => {
    const r = await run(["401", "403"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.split(/\n\n(?=\d{3} )/).map((card) => card.split("\n")[0])).toEqual(["401 Unauthorized", "403 Forbidden"]);
  });

  // Each `$ npx statuskit <words>` that docs/command.md or README.md shows, and the lines after it
  // (test/all/cli.test.ts also runs docs/command.md's, pipes included, in a shell).
  const shown = ["docs/command.md", "README.md"].flatMap((file) =>
    [...readFileSync(new URL(`../${file}`, import.meta.url), "utf8").matchAll(/^( *)\$ npx statuskit ([\w ]+)\n((?:\1(?!\$ |```).*\n)*)/gm)].map(
      ([, indent, args, output]) => [file, args!, output!.replace(new RegExp(`^${indent}`, "gm"), "")] as const,
    ),
  );
  it("docs/command.md shows statuskit 401 403", () => {
    expect(shown).toContainEqual(["docs/command.md", "401 403", expect.stringMatching(/^401 Unauthorized\n/)]);
  });
  it.each(shown)("%s: statuskit %s prints what it shows, line for line", async (_, args, output) => {
    const r = await run(args.split(" "));
    expect(r.stdout + r.stderr).toBe(output);
    // A run shown with no message found everything.
    if (!output.includes("statuskit: ")) expect(r).toMatchObject({ code: 0, stderr: "" });
  });

  // 104's registration expires 2026-11-13; it runs through that day, so the note starts the day after.
  it.each([
    ["2026-11-01", "the expiry", ["  status    provisional, registration expires 2026-11-13"]],
    ["2026-11-13", "the expiry, not yet passed", ["  status    provisional, registration expires 2026-11-13"]],
    [
      "2026-11-25",
      "the expiry, passed",
      [
        "  status    provisional, registration expires 2026-11-13 (date passed; check the",
        "            IANA registry)",
      ],
    ],
  ])("statuskit 104 run on %s shows %s", async (day, _, status) => {
    const r = await run(["104"], { today: day });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const card = r.stdout.split("\n");
    const from = card.findIndex((line) => line.startsWith("  status "));
    expect(card.slice(from, card.findIndex((line) => line.startsWith("  spec ")))).toEqual(status);
  });

  it("every card, and 499's unregistered card, fits 80 columns with and without colour, but for links", async () => {
    const args = [...STATUSES.map((s) => String(s.code)), "499"];
    const [plain, coloured] = await Promise.all([run(args), run(args, { colour: true })]);
    expect(coloured.stdout).toContain(`${ESC}[`);
    for (const r of [plain, coloured]) {
      expect(r.code).toBe(1);
      expect(stripAnsi(r.stdout).match(/^\d{3} /gm)).toHaveLength(args.length);
      expect(overflow(r.stdout)).toEqual([]);
    }
  });

  it.each([
    ["499", "4xx Client Error", "400 Bad Request"],
    ["299", "2xx Success", "200 OK"],
    ["199", "1xx Informational", "100 Continue"],
  ])("statuskit %s says it is unregistered, prints its class and exits 1", async (arg, label, fallback) => {
    const r = await run([arg]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toBe(`${arg} (unregistered)`);
    expect(r.stdout).toContain(`class     ${label}`);
    expect(r.stdout.replace(/\s+/g, " ")).toContain(`treats it as ${fallback} (RFC 9110 §15)`);
    expect(r.stderr).toBe(`statuskit: ${arg} is not a registered status code\n`);
  });
});

describe("statuskit <class> and --list", () => {
  it.each(["4xx", "4XX", "client-error", "Client Error"])("statuskit %j lists the registered 4xx codes", async (arg) => {
    const r = await run([arg]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.split("\n")[0]).toBe(`4xx Client Error: ${classInfo("client-error").description}`);
    expect(rowCodes(r.stdout)).toEqual(STATUSES.filter((s) => s.class === "client-error").map((s) => s.code));
  });

  it.each([["--list"], ["-l"]])("statuskit %s lists every registered code under its class heading", async (flag) => {
    const r = await run([flag]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(rowCodes(r.stdout)).toEqual(STATUSES.map((s) => s.code));
    const headings = lines(r.stdout).filter((line) => /^\dxx /.test(line));
    const classes = ["informational", "success", "redirection", "client-error", "server-error"] as const;
    expect(headings).toEqual(classes.map((c, i) => `${i + 1}xx ${classInfo(c).title}: ${classInfo(c).description}`));
  });

  it("marks codes that are not standard in the table", async () => {
    const rows = lines((await run(["--list"])).stdout);
    for (const s of STATUSES.filter((s) => s.status !== "standard")) {
      expect(rows.find((row) => row.startsWith(`${s.code}  `))).toContain(`  [${s.status}] `);
    }
  });

  it.each([[["--list"]], [["1xx", "2xx", "3xx", "4xx", "5xx"]], [["--search", "the"]], [["--help"]]])(
    "statuskit %j fits 80 columns, with and without colour",
    async (args) => {
      for (const colour of [false, true]) {
        const r = await run(args, { colour });
        expect(r.code).toBe(0);
        for (const line of stripAnsi(r.stdout).split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
      }
    },
  );
});

describe("statuskit --search", () => {
  it.each([
    [["rate", "limit"], [429]],
    [["rate limit"], [429]],
    [["RATE", "LIMIT"], [429]],
    // The phrase "Moved Permanently" ranks before the legacy name "Moved Temporarily", then 307
    // and 308 through the codes their descriptions name ("Like 302", "Like 301"); "removed" (410)
    // is not a match.
    [["moved"], [301, 302, 307, 308]],
    [["payload"], [413]],
    [["timeout"], [408, 504]],
    // "time" starts words of 408's and 504's phrases, and of 102's description: phrases first.
    [["time"], [408, 504, 102]],
    [["webdav", "locked"], [423]],
    [["i'm", "a", "teapot"], [418]],
  ])("statuskit --search %j finds %j, best match first", async (words, codes) => {
    const r = await run(["--search", ...words]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(rowCodes(r.stdout)).toEqual(codes);
    // Search results keep the whole description, wrapped, so that the match shows.
    for (const code of codes) expect(r.stdout.replace(/\s+/g, " ")).toContain(getStatus(code)!.description);
    expect((JSON.parse((await run(["-s", "--json", ...words])).stdout) as StatusInfo[]).map((s) => s.code)).toEqual(codes);
  });

  it("statuskit --search with no match exits 1 with one line, and [] with --json", async () => {
    expect(await run(["--search", "xyzzy"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'statuskit: no status code matches every word of "xyzzy"\n',
    });
    expect(await run(["--search", "xyzzy", "--json"])).toMatchObject({ code: 1, stdout: "[]\n" });
  });
});

describe("statuskit --json", () => {
  it("prints an array of the records the library returns, for codes, names and classes alike", async () => {
    const r = await run(["--json", "404", "payload too large", "5xx"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual([getStatus(404), getStatus(413), ...STATUSES.filter((s) => s.class === "server-error")]);
  });

  it("statuskit --list --json prints every record", async () => {
    expect(JSON.parse((await run(["--list", "--json"])).stdout)).toEqual(STATUSES);
  });

  it("leaves unregistered and unknown codes out of the array, and exits 1", async () => {
    const r = await run(["-j", "404", "499", "fobar"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([getStatus(404)]);
    expect(lines(r.stderr)).toEqual(["statuskit: 499 is not a registered status code", 'statuskit: no status code matches "fobar"']);
  });
});

describe("statuskit --unofficial", () => {
  const HEADING = "  unofficial meanings (not in the IANA registry):";
  /** The vendor block of a one-code run, split into one list of lines per record. */
  const vendorRecords = (stdout: string, code: number) =>
    stdout
      .slice(stdout.indexOf(`${HEADING}\n`) + HEADING.length + 1)
      .split(new RegExp(`^(?=  ${code} )`, "m"))
      .map((record) => record.split("\n").filter((line) => line !== ""));

  it.each([
    ["499", ["499 Client Closed Request (nginx)", "499 Token Required (Esri ArcGIS)"]],
    ["451", ["451 Redirect (Microsoft IIS)"]],
    ["103", ["103 Checkpoint (Spring)"]],
    ["520", ["520 Web Server Returned an Unknown Error (Cloudflare)"]],
    ["530", ["530 (Cloudflare)", "530 Site is frozen (Pantheon)"]],
    ["460", ["460 (AWS ELB)"]],
  ])("statuskit --unofficial %s prints the standard answer, then each vendor meaning under a label", async (arg, headers) => {
    const code = Number(arg);
    const [r, plain] = await Promise.all([run(["--unofficial", arg]), run([arg])]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    // The standard answer comes first, exactly as without the flag: a card, or the unregistered card.
    const head = `${plain.stdout}\n${HEADING}\n`;
    expect(r.stdout.slice(0, head.length)).toBe(head);
    const records = vendorRecords(r.stdout, code);
    expect(records.map((lines) => lines[0])).toEqual(headers.map((h) => `  ${h}`));
    getUnofficialStatus(code).forEach((s, i) => {
      const lines = records[i]!;
      expect(lines[0]).toBe(`  ${formatUnofficialStatus(code, s.vendor)}`);
      expect(lines.slice(1).every((line) => line.startsWith("    "))).toBe(true);
      expect(lines.join(" ").replace(/\s+/g, " ")).toContain(s.description);
      expect(lines.includes("    logged only, never sent to the client")).toBe(!s.sent);
      expect(lines.includes(`    ${s.url}`)).toBe(s.url !== null);
    });
  });

  it("statuskit --unofficial 499 says nginx's meaning is only logged and Esri's is sent", async () => {
    const [nginx, esri] = vendorRecords((await run(["--unofficial", "499"])).stdout, 499);
    expect(nginx).toContain("    logged only, never sent to the client");
    expect(esri).not.toContain("    logged only, never sent to the client");
  });

  it.each([["404"], ["not found"], ["NOT_FOUND"]])(
    "statuskit --unofficial %j prints the 404 card and one line saying there is none",
    async (arg) => {
      const [r, plain] = await Promise.all([run(["--unofficial", arg]), run(["404"])]);
      expect(r).toEqual({ code: 0, stdout: `${plain.stdout}\n  no unofficial meanings\n`, stderr: "" });
    },
  );

  it("statuskit -u is statuskit --unofficial", async () => {
    const [short, long] = await Promise.all([run(["-u", "499", "404"]), run(["--unofficial", "499", "404"])]);
    expect(short).toEqual(long);
  });

  it.each([
    [["499"], 0, ""],
    [["520"], 0, ""],
    [["451"], 0, ""],
    [["404"], 0, ""],
    [["999"], 1, 'statuskit: "999" is not a status code (codes are 100 to 599)\n'],
    [["299"], 1, "statuskit: 299 is not a registered status code and has no unofficial meaning\n"],
    [["499", "999"], 1, 'statuskit: "999" is not a status code (codes are 100 to 599)\n'],
    [["520", "fobar"], 1, 'statuskit: no status code matches "fobar"\n'],
  ])("statuskit --unofficial %j exits %i", async (args, code, stderr) => {
    expect(await run(["--unofficial", ...args])).toMatchObject({ code, stderr });
  });

  it("statuskit --unofficial 299 prints the unregistered card and says there is no unofficial meaning", async () => {
    const [r, plain] = await Promise.all([run(["--unofficial", "299"]), run(["299"])]);
    expect(r.stdout).toBe(`${plain.stdout}\n  no unofficial meanings\n`);
  });

  it("statuskit --json --unofficial puts each code's vendor records after its status record, in one array", async () => {
    const r = await run(["--json", "--unofficial", "499", "451", "404", "520", "299"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      ...getUnofficialStatus(499),
      getStatus(451),
      ...getUnofficialStatus(451),
      getStatus(404),
      ...getUnofficialStatus(520),
    ]);
    expect(r.stderr).toBe("statuskit: 299 is not a registered status code and has no unofficial meaning\n");
  });

  it("statuskit --json --unofficial items are told apart by a vendor field, which no status record has", async () => {
    const items = JSON.parse((await run(["-j", "-u", "499", "451", "103"])).stdout) as Record<string, unknown>[];
    expect(items.filter((item) => "vendor" in item)).toEqual([
      ...getUnofficialStatus(499),
      ...getUnofficialStatus(451),
      ...getUnofficialStatus(103),
    ]);
    expect(items.filter((item) => !("vendor" in item))).toEqual([getStatus(451), getStatus(103)]);
    expect(STATUSES.some((s) => "vendor" in s)).toBe(false);
  });

  const every = [...new Set(UNOFFICIAL_STATUSES.map((s) => String(s.code)))];

  it("statuskit --unofficial fits 80 columns for every code with a vendor meaning, but for links", async () => {
    for (const colour of [false, true]) {
      const r = await run(["--unofficial", ...every], { colour });
      expect(r).toMatchObject({ code: 0, stderr: "" });
      expect(overflow(r.stdout)).toEqual([]);
    }
  });

  it("statuskit --unofficial prints the same text with colour as without", async () => {
    const args = ["--unofficial", "499", "451", "404"];
    const [plain, coloured] = await Promise.all([run(args), run(args, { colour: true })]);
    expect(plain.stdout).not.toContain(ESC);
    expect(coloured.stdout).toContain(`${ESC}[`);
    expect(stripAnsi(coloured.stdout)).toBe(plain.stdout);
  });

  it("statuskit --unofficial prints every record once for all its codes, and no stack trace", async () => {
    const r = await run(["--unofficial", ...every]);
    const headers = lines(r.stdout).filter((line) => /^ {2}\d{3} /.test(line));
    expect(headers).toEqual(UNOFFICIAL_STATUSES.map((s) => `  ${formatUnofficialStatus(s.code, s.vendor)}`));
    expectNoTrace(r);
  });
});

describe("statuskit with something it cannot find", () => {
  it.each([
    ["fobar", 'no status code matches "fobar"'],
    ["forbiden", 'no status code matches "forbiden"; did you mean "Forbidden" (403)?'],
    ["unauthorised", 'no status code matches "unauthorised"; did you mean "Unauthorized" (401)?'],
    ["NOT_FUOND", 'no status code matches "NOT_FUOND"; did you mean NOT_FOUND (404)?'],
    ["payload to large", 'no status code matches "payload to large"; did you mean "Payload Too Large" (413)?'],
    ["coffee", 'no status code matches "coffee"; 1 code mentions it: statuskit --search "coffee"'],
    ["", 'no status code matches ""'],
    ["  ", 'no status code matches "  "'],
    ["404.0", 'no status code matches "404.0"'],
    ["4044444444444444444444", '"4044444444444444444444" is not a status code (codes are 100 to 599)'],
    ["600", '"600" is not a status code (codes are 100 to 599)'],
    ["099", '"099" is not a status code (codes are 100 to 599)'],
    // A status code is three digits (RFC 9110 §15): a leading zero makes another number.
    ["0404", '"0404" is not a status code (codes are 100 to 599, with no leading zero); did you mean 404?'],
    ["000499", '"000499" is not a status code (codes are 100 to 599, with no leading zero); did you mean 499?'],
    ["0099", '"0099" is not a status code (codes are 100 to 599)'],
    ["0600", '"0600" is not a status code (codes are 100 to 599)'],
    ["-", 'no status code matches "-"'],
    // NUL cannot be passed in an argument list; other control characters are escaped in the message.
    ["\u0001\u00ff\u001b[31m", 'no status code matches "\\u0001ÿ\\u001b[31m"'],
    ["__proto__", 'no status code matches "__proto__"'],
    ["constructor", 'no status code matches "constructor"'],
    ["toString", 'no status code matches "toString"'],
    ["x".repeat(100_000), `no status code matches "${"x".repeat(39)}…"`],
  ])("statuskit %j exits 1 with one line on stderr", async (arg, message) => {
    const r = await run([arg]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: `statuskit: ${message}\n` });
  });

  it("still prints what it found, and exits 1", async () => {
    const r = await run(["404", "fobar"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toBe("404 Not Found");
    expect(r.stderr).toBe('statuskit: no status code matches "fobar"\n');
  });

  it("takes arguments after -- as names, not options", async () => {
    expect(await run(["--", "--list"])).toEqual({ code: 1, stdout: "", stderr: 'statuskit: no status code matches "--list"\n' });
    expect(await run(["--", "-1"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'statuskit: "-1" is not a status code (codes are 100 to 599)\n',
    });
  });
});

describe("statuskit with thousands of arguments", () => {
  it("prints 5000 cards for 5000 codes", async () => {
    const r = await run(Array.from({ length: 5000 }, () => "404"));
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.match(/^404 Not Found$/gm)).toHaveLength(5000);
  });

  it("prints one line per piece of junk for 5000 pieces between codes, and no stack trace", async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCodePoint(1 + (i % 0xd7ff)).repeat(1 + (i % 70)));
    // A code between two pieces ends a run of words that name nothing.
    const r = await run(["--", ...junk.flatMap((piece) => [piece, "404"])]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^404 Not Found$/gm)).toHaveLength(5000);
    expect(lines(r.stderr)).toHaveLength(5000);
    expect(lines(r.stderr).every((line) => line.startsWith("statuskit: "))).toBe(true);
    expectNoTrace(r);
  });

  it("reports 5000 pieces of junk in a row as one thing not found, and no stack trace", async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCodePoint(1 + (i % 0xd7ff)).repeat(1 + (i % 70)));
    const r = await run(["--", ...junk.filter((piece) => !/^\s*(-?\d+)?\s*$/.test(piece))]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^statuskit: no status code matches "[^\n]*…"\n$/);
    expectNoTrace(r);
  });
});

const USAGE = [
  "Usage: statuskit [-j|--json] [-u|--unofficial] <code|name|class>...",
  "       statuskit [-j|--json] (-s|--search <words>... | -l|--list)",
  "       statuskit [-j|--json] < lines",
  "       statuskit -h|--help | -v|--version",
].join("\n");

describe("usage", () => {
  it.each([
    [["--foo"], 'unknown option "--foo"'],
    [["-x", "404"], 'unknown option "-x"'],
    [["-jx", "404"], 'unknown option "-x"'],
    [["--j", "404"], 'unknown option "--j"'],
    [["--foo=1"], 'unknown option "--foo"'],
    [["--__proto__", "404"], 'unknown option "--__proto__"'],
    [["--constructor", "404"], 'unknown option "--constructor"'],
    [["-1"], 'unknown option "-1"'],
    [["--json=1"], 'option "--json" takes no value'],
    // A "-" is no option letter: Node's util.parseArgs would read -j-u as -j -- -u, and look up "-u".
    [["-j-u", "404"], 'unknown option "-" in "-j-u"'],
    [["-u-j", "404"], 'unknown option "-" in "-u-j"'],
    [["404", "-j-"], 'unknown option "-" in "-j-"'],
    [["--json", "--help"], "--help cannot be used with --json"],
    [["-jh"], "--help cannot be used with --json"],
    [["-h", "-j", "-v"], "--help cannot be used with --json"],
    [[], "nothing to look up"],
    [["--json"], "nothing to look up"],
    [["--list", "404"], "--list takes no arguments (use 4xx to list a class)"],
    [["--list", "--search", "gone"], "--list and --search cannot be used together"],
    [["--search"], "--search needs words to look for"],
    [["--search", "!!!"], "--search needs words to look for"],
    [["--unofficial"], "nothing to look up"],
    [["--unofficial", "--list"], "--unofficial cannot be used with --list"],
    [["-u", "--search", "gone"], "--unofficial cannot be used with --search"],
    [["--unofficial", "4xx"], '--unofficial takes codes and names, not a class such as "4xx"'],
    [["--unofficial", "404", "server error"], '--unofficial takes codes and names, not a class such as "server error"'],
    [["--unofficial", "404", "server", "error"], '--unofficial takes codes and names, not a class such as "server error"'],
  ])("statuskit %j exits 2 with the error and the usage lines", async (args, message) => {
    expect(await run(args)).toEqual({ code: 2, stdout: "", stderr: `statuskit: ${message}\n${USAGE}\n` });
  });

  it("the usage names every option, -u/--unofficial included, and the help starts with it", async () => {
    for (const option of ["-j|--json", "-u|--unofficial", "-s|--search", "-l|--list", "-h|--help", "-v|--version"]) {
      expect(USAGE).toContain(option);
    }
    expect((await run(["--help"])).stdout.startsWith(`${USAGE}\n`)).toBe(true);
  });

  it.each([["--help"], ["-h"], ["404", "--help"]])("statuskit %j prints the help and exits 0", async (...args) => {
    const r = await run(args);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Usage: statuskit/);
    const flags = ["--json", "--list", "--search", "--unofficial", "--help", "--version", "NO_COLOR", "FORCE_COLOR"];
    for (const flag of flags) expect(r.stdout).toContain(flag);
  });

  it.each([["--version"], ["-v"]])("statuskit %s prints the package version", async (flag) => {
    expect(await run([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it.each([[["--json", "--version"]], [["-jv"]], [["-v", "--json", "404"]]])(
    "statuskit %j prints the version as JSON, as everything --json prints",
    async (args) => {
      const r = await run(args);
      expect(r).toEqual({ code: 0, stdout: `${JSON.stringify(pkg.version)}\n`, stderr: "" });
      expect(JSON.parse(r.stdout)).toBe(pkg.version);
    },
  );

  it.each([[["-ju", "499"], ["--json", "--unofficial", "499"]], [["-lj"], ["--list", "--json"]], [["-sj", "rate"], ["--search", "--json", "rate"]]])(
    "statuskit %j groups short options: it is statuskit %j",
    async (grouped, long) => {
      const [a, b] = await Promise.all([run(grouped), run(long)]);
      expect(a.code).toBe(0);
      expect(a).toEqual(b);
    },
  );
});

// An independent oracle for the argument parser: Node's util.parseArgs, strict, with the options
// the help lists. The two read every argument list alike, except that statuskit refuses a "-" in a
// group of letters.
describe("parse() reads options as util.parseArgs does", () => {
  const letters = { json: "j", list: "l", search: "s", unofficial: "u", help: "h", version: "v" };
  const options = Object.fromEntries(Object.entries(letters).map(([name, short]) => [name, { type: "boolean", short } as const]));
  const none = Object.fromEntries(Object.keys(letters).map((name) => [name, false]));
  const node = (args: string[]) => {
    try {
      const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
      return { options: { ...none, ...values }, operands: positionals };
    } catch {
      return undefined;
    }
  };
  const token = fc.oneof(
    fc.constantFrom("-j", "-ju", "-lsv", "-jx", "-x", "--json", "--list", "--json=1", "--foo", "--__proto__", "--", "-", "", "404", "-1", "-j-u", "-u-"),
    fc.string({ unit: fc.constantFrom(..."-=jlsuhvx4 _") }),
    fc.string(),
  );

  it("gives parseArgs' options and operands, or a usage error where parseArgs throws", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (argv) => {
        const ours = parse(argv);
        const end = argv.indexOf("--");
        if ((end < 0 ? argv : argv.slice(0, end)).some((arg) => /^-[^-].*-/.test(arg))) expect(ours).toMatchObject({ code: 2 });
        else expect(ours).toEqual(node(argv) ?? expect.objectContaining({ code: 2 }));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads -j-u as a usage error, where parseArgs would take -u as an operand", () => {
    expect(node(["-j-u", "404"])).toEqual({ options: { ...none, json: true }, operands: ["-u", "404"] });
    expect(parse(["-j-u", "404"])).toMatchObject({ code: 2 });
  });
});

describe("colour", () => {
  const args = ["104", "499", "4xx"];

  it("is off unless asked for", async () => {
    const { stdout } = await run(args);
    expect(stdout).not.toContain(ESC);
    expect(stdout).toContain("104 Upload Resumption Supported");
  });

  it("when asked for, is on standard output only, the text unchanged", async () => {
    const [plain, coloured] = await Promise.all([run(args), run([...args, "fobar"], { colour: true })]);
    expect(coloured.stdout).toContain(`${ESC}[`);
    expect(stripAnsi(coloured.stdout)).toBe(plain.stdout);
    expect(coloured.stderr).toBe('statuskit: 499 is not a registered status code\nstatuskit: no status code matches "fobar"\n');
  });
});

describe("statuskit with several words", () => {
  // How an argument list is read: from the left, the longest run that names a status or a class.
  it.each([
    [["not", "found"], ["404 Not Found"], ""],
    [["too", "many", "requests"], ["429 Too Many Requests"], ""],
    [["401", "403"], ["401 Unauthorized", "403 Forbidden"], ""],
    [["found", "not", "found"], ["302 Found", "404 Not Found"], ""],
    [["not", "found", "404"], ["404 Not Found", "404 Not Found"], ""],
    [["im", "a", "teapot"], ["418 I'm a teapot"], ""],
    [["I'm", "a", "Teapot"], ["418 I'm a teapot"], ""],
    [["teapot"], ["418 I'm a teapot"], ""],
    [["payload", "too", "large", "gone"], ["413 Content Too Large", "410 Gone"], ""],
    [["too", "many", "requests", "request", "timeout"], ["429 Too Many Requests", "408 Request Timeout"], ""],
    [["request", "timeout", "too", "early"], ["408 Request Timeout", "425 Too Early"], ""],
    [["service", "temporarily", "unavailable"], ["503 Service Unavailable"], ""],
    [["NOT_FOUND", "gone"], ["404 Not Found", "410 Gone"], ""],
    [["not found", "gone"], ["404 Not Found", "410 Gone"], ""],
    [["too many", "requests"], ["429 Too Many Requests"], ""],
    [["server", "error"], ["5xx Server Error"], ""],
    [["client", "error", "404"], ["4xx Client Error", "404 Not Found"], ""],
    [["not", "foud"], [], 'statuskit: no status code matches "not foud"; did you mean "Not Found" (404)?\n'],
    [["payload", "to", "large"], [], 'statuskit: no status code matches "payload to large"; did you mean "Payload Too Large" (413)?\n'],
    [["fobar", "not", "found"], ["404 Not Found"], 'statuskit: no status code matches "fobar"\n'],
    [["fobar", "999", "xyzzy"], [], 'statuskit: no status code matches "fobar"\nstatuskit: "999" is not a status code (codes are 100 to 599)\nstatuskit: no status code matches "xyzzy"\n'],
    [["404", "fobar", "qux", "410"], ["404 Not Found", "410 Gone"], 'statuskit: no status code matches "fobar qux"\n'],
    [["499", "not", "found"], ["499 (unregistered)", "404 Not Found"], "statuskit: 499 is not a registered status code\n"],
    [["", "404"], ["404 Not Found"], 'statuskit: no status code matches ""\n'],
    [["gonne", " ", "found"], ["302 Found"], 'statuskit: no status code matches "gonne"; did you mean "Gone" (410)?\nstatuskit: no status code matches " "\n'],
  ])("statuskit %j prints %j", async (args, headings, stderr) => {
    const r = await run(args);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(stderr === "" ? 0 : 1);
    expect(lines(r.stdout).filter((line) => /^\d(\d\d|xx) \S/.test(line)).map((line) => line.replace(/:.*/, ""))).toEqual(headings);
  });

  it("statuskit not found prints exactly what statuskit \"not found\" prints", async () => {
    const [words, quoted] = await Promise.all([run(["not", "found"]), run(["not found"])]);
    expect(words).toEqual(quoted);
  });

  it("statuskit --json too many requests 401 403 prints the three records", async () => {
    const r = await run(["--json", "too", "many", "requests", "401", "403"]);
    expect(JSON.parse(r.stdout)).toEqual([getStatus(429), getStatus(401), getStatus(403)]);
  });

  it("takes no run longer than a name can be, so 5000 words of a name repeated read as 2500 names", async () => {
    const r = await run(Array.from({ length: 2500 }, () => ["not", "found"]).flat());
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.match(/^404 Not Found$/gm)).toHaveLength(2500);
  });
});

describe("statuskit 418 and peers' names", () => {
  it("lists 418's other spellings as legacy, never its current constant IM_A_TEAPOT", async () => {
    const r = await run(["418"]);
    expect(r.code).toBe(0);
    const legacy = r.stdout.slice(r.stdout.indexOf("  legacy"));
    expect(legacy).toContain("I'm a Teapot (Node http.STATUS_CODES");
    expect(legacy).toContain("Teapot (Go net/http (StatusTeapot)");
    expect(legacy).not.toContain("IM_A_TEAPOT");
  });

  it.each([
    ["NonAuthoritativeInfo", 203],
    ["Non Authoritative Info", 203],
    ["Not Allowed", 405],
    ["ProxyAuthRequired", 407],
    ["Teapot", 418],
    ["Service Temporarily Unavailable", 503],
  ])("statuskit %j prints the card of %i", async (arg, code) => {
    const r = await run([arg]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.split("\n")[0]).toBe(`${code} ${getStatus(code)!.phrase}`);
  });

  it.each([["Server Error"], ["StatusTeapot"]])("statuskit %j is no code: a class title, and a Go prefix", async (arg) => {
    const r = await run([arg]);
    expect(r.stdout.split("\n")[0]).not.toMatch(/^\d{3} /);
  });
});

describe("statuskit in hostile conditions", () => {
  // Each is a character that a terminal acts on or does not show; every one is escaped as JSON does.
  it.each([
    ["C1 CSI", "\u009b31m", "\\u009b31m"],
    ["C1 NEL", "a\u0085b", "a\\u0085b"],
    ["DEL", "a\u007fb", "a\\u007fb"],
    ["line separator", "a\u2028b", "a\\u2028b"],
    ["paragraph separator", "a\u2029b", "a\\u2029b"],
    ["right-to-left override", "\u202eabc", "\\u202eabc"],
    ["left-to-right embedding and pop", "\u202aab\u202c", "\\u202aab\\u202c"],
    ["right-to-left isolate and pop", "\u2067ab\u2069", "\\u2067ab\\u2069"],
    ["first strong isolate", "\u2068ab", "\\u2068ab"],
    ["left-to-right mark", "a\u200eb", "a\\u200eb"],
    ["Arabic letter mark", "a\u061cb", "a\\u061cb"],
    ["zero-width space and joiner", "a\u200bb\u200dc", "a\\u200bb\\u200dc"],
    ["byte order mark", "\ufeffab", "\\ufeffab"],
    ["soft hyphen", "a\u00adb", "a\\u00adb"],
    ["word joiner", "a\u2060b", "a\\u2060b"],
    ["Hangul filler", "a\u3164b", "a\\u3164b"],
    ["variation selector", "a\ufe0fb", "a\\ufe0fb"],
    ["no-break space", "a\u00a0b", "a\\u00a0b"],
    ["ideographic space", "a\u3000b", "a\\u3000b"],
    ["tag character (astral)", "a\u{e0041}b", "a\\udb40\\udc41b"],
    ["C0 escape, as before", "\u001b[2J", "\\u001b[2J"],
  ])("statuskit escapes a %s in the argument it quotes", async (_, arg, shown) => {
    const r = await run(["--", `x${arg}`]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: `statuskit: no status code matches "x${shown}"\n` });
  });

  it("escapes in usage errors and search messages too, and keeps visible text as typed", async () => {
    expect((await run(["--\u202efoo"])).stderr.split("\n")[0]).toBe('statuskit: unknown option "--\\u202efoo"');
    expect((await run(["--search", "zzq\u2028"])).stderr).toBe('statuskit: no status code matches every word of "zzq\\u2028"\n');
    expect((await run(["--", "é ü 😀 x"])).stderr).toBe('statuskit: no status code matches "é ü 😀 x"\n');
  });
});

describe("statuskit with no arguments reads standard input when it is not a terminal", () => {
  it.each([
    ["404\n", "404 Not Found\n", 0],
    // What `grep -o '" [1-5][0-9][0-9] '` takes out of an access log line.
    ['" 404 \n', "404 Not Found\n", 0],
    ["'410'\n", "410 Gone\n", 0],
    ["404\r\n", "404 Not Found\n", 0],
    ["404", "404 Not Found\n", 0],
    ["not found\n", "404 Not Found\n", 0],
    ["  NOT_FOUND  \n", "404 Not Found\n", 0],
    ["\t404\t\n", "404 Not Found\n", 0],
    ["payload too large\n", "413 Content Too Large\n", 0],
    ["I'm a teapot\n", "418 I'm a teapot\n", 0],
    ["104\n", "104 Upload Resumption Supported\n", 0],
    ["404\nnot found\r\n503", "404 Not Found\n404 Not Found\n503 Service Unavailable\n", 0],
    ["", "", 0],
    ["499\n", "499 Client Error\n", 1],
    ["299\n", "299 Success\n", 1],
    ["fobar\n", '? no status code matches "fobar"\n', 1],
    ["forbiden\n", '? no status code matches "forbiden"\n', 1],
    ["\n", '? no status code matches ""\n', 1],
    ["\r\n", '? no status code matches ""\n', 1],
    ["600\n", '? "600" is not a status code (codes are 100 to 599)\n', 1],
    ["0404\n", '? "0404" is not a status code (codes are 100 to 599, with no leading zero); did you mean 404?\n', 1],
    ["-1\n", '? "-1" is not a status code (codes are 100 to 599)\n', 1],
    ["4xx\n", '? no status code matches "4xx"\n', 1],
    ["401 403\n", '? no status code matches "401 403"\n', 1],
    ["GET / HTTP/1.1 404\n", '? no status code matches "GET / HTTP/1.1 404"\n', 1],
    ["404\nfobar\n500\n", '404 Not Found\n? no status code matches "fobar"\n500 Internal Server Error\n', 1],
    ["\u202e404\n", '? no status code matches "\\u202e404"\n', 1],
    ["a\u0000\u001b[2Jb\n", '? no status code matches "a\\u0000\\u001b[2Jb"\n', 1],
  ])("statuskit <<< %j prints %j, exit status %i", async (stdin, stdout, code) => {
    expect(await run([], { stdin })).toEqual({ code, stdout, stderr: "" });
  });

  it("answers each code from 100 to 599 as formatStatus() gives it", async () => {
    const codes = Array.from({ length: 500 }, (_, i) => 100 + i);
    const r = await run([], { stdin: codes.map((code) => `${code}\n`).join("") });
    expect(r.stdout).toBe(codes.map((code) => `${formatStatus(code)}\n`).join(""));
  });

  it("statuskit --json prints a JSON value a line: the status record, or null", async () => {
    const r = await run(["--json"], { stdin: '404\n" 499 \nfobar\nnot found\r\n\n0404\n4xx' });
    expect(r).toMatchObject({ code: 1, stderr: "" });
    const answers = r.stdout.split("\n");
    expect(answers.pop()).toBe("");
    expect(answers.map((line) => JSON.parse(line))).toEqual([getStatus(404), null, null, getStatus(404), null, null, null]);
    expect((await run(["-j"], { stdin: "404\n500\n" })).code).toBe(0);
  });

  it("reads lines split across the pieces standard input arrives in", async () => {
    const stdin = ["4", "0", "4\r", "\nnot ", "found\n5", "0", "0"];
    expect(await run([], { stdin })).toEqual({ code: 0, stdout: "404 Not Found\n404 Not Found\n500 Internal Server Error\n", stderr: "" });
  });

  it("answers the lines of each piece before it reads the next, with the exit status so far", async () => {
    const writes: [string, number][] = [];
    const seen: number[] = [];
    async function* stdin() {
      for (const piece of ["404\n", "not ", "found\nfobar\n", "500\n"]) {
        yield piece;
        seen.push(writes.length);
      }
    }
    const io = { colour: false, today: "2026-06-01", stdinIsTTY: false, stdin, err: () => {} };
    expect(await main([], { ...io, out: (text, status) => void writes.push([text, status]) })).toBe(1);
    expect(seen).toEqual([1, 1, 2, 3]);
    expect(writes).toEqual([
      ["404 Not Found\n", 0],
      ['404 Not Found\n? no status code matches "fobar"\n', 1],
      ["500 Internal Server Error\n", 1],
    ]);
  });

  it("waits for the output to take more before it reads on", async () => {
    let release = () => {};
    const order: string[] = [];
    async function* stdin() {
      yield "404\n";
      order.push("read");
      yield "500\n";
    }
    const io = { colour: false, today: "2026-06-01", stdinIsTTY: false, stdin, err: () => {} };
    const done = main([], {
      ...io,
      out: (text) => {
        order.push(text);
        if (order.length === 1) return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["404 Not Found\n"]);
    release();
    expect(await done).toBe(0);
    expect(order).toEqual(["404 Not Found\n", "read", "500 Internal Server Error\n"]);
  });

  // More characters than a string can hold (V8: 2**29 - 24), so a reader that kept the line would fail.
  it("reads a line of 600 million characters without keeping it, and answers the lines after it", async () => {
    const mebi = "x".repeat(2 ** 20);
    async function* stdin() {
      for (let i = 0; i < 600; i++) yield mebi;
      yield "\n404\n";
    }
    expect(await run([], { stdin: stdin() })).toEqual({
      code: 1,
      stdout: `? no status code matches "${"x".repeat(39)}…"\n404 Not Found\n`,
      stderr: "",
    });
  });

  it("reads the first 1024 characters of a line: a longer one names nothing", async () => {
    const padded = (length: number) => `404${" ".repeat(length - 3)}`;
    expect(await run([], { stdin: `${padded(1024)}\n` })).toMatchObject({ code: 0, stdout: "404 Not Found\n" });
    expect(await run([], { stdin: [`${padded(1000)}`, `${" ".repeat(25)}\n`] })).toEqual({
      code: 1,
      stdout: `? no status code matches "404${" ".repeat(36)}…"\n`,
      stderr: "",
    });
    expect((await run([], { stdin: `${"4".repeat(5000)}\n` })).stdout).toBe(`? "${"4".repeat(39)}…" is not a status code (codes are 100 to 599)\n`);
  });

  it("says in one line when standard input cannot be read, after what it answered, and exits 1", async () => {
    async function* stdin() {
      yield "404\n";
      throw new Error("EIO: i/o error, read\n    at stack");
    }
    expect(await run([], { stdin: stdin() })).toEqual({
      code: 1,
      stdout: "404 Not Found\n",
      stderr: "statuskit: cannot read the input: EIO: i/o error, read\n",
    });
  });

  it("colours each code by its class when asked for, the text unchanged", async () => {
    const stdin = "404\n200\n503\n499\nfobar\n";
    const [plain, coloured] = await Promise.all([run([], { stdin }), run([], { stdin, colour: true })]);
    expect(coloured.stdout.split("\n").slice(0, 3)).toEqual([`${ESC}[33m404${ESC}[0m Not Found`, `${ESC}[32m200${ESC}[0m OK`, `${ESC}[31m503${ESC}[0m Service Unavailable`]);
    expect(stripAnsi(coloured.stdout)).toBe(plain.stdout);
  });

  // Standard input that fails the run if it is read.
  const unread = { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error("standard input was read")) }) };

  it.each([
    [["404"], 0],
    [["--list"], 0],
    [["--help"], 0],
    [["--version"], 0],
    [["-j", "fobar"], 1],
    [["--search"], 2],
    [["--unofficial"], 2],
  ])("statuskit %j leaves standard input unread, exit status %i", async (args, code) => {
    const r = await run(args, { stdin: unread });
    expect(r.code).toBe(code);
    expect(r.stderr).not.toContain("standard input was read");
  });

  it("statuskit -u with standard input is a usage error: vendor meanings take a card", async () => {
    expect(await run(["-u"], { stdin: unread })).toEqual({
      code: 2,
      stdout: "",
      stderr: `statuskit: --unofficial takes codes and names as arguments, not standard input\n${USAGE}\n`,
    });
  });

  it("statuskit with no arguments, standard input a terminal, is the usage error it always was", async () => {
    expect(await run([])).toEqual({ code: 2, stdout: "", stderr: `statuskit: nothing to look up\n${USAGE}\n` });
  });
});
