// check:iana in process: the CSV reader, the comparison, and the command through runCli and main.
// The command run as a child process, on files that could hang it, is in test/all/check-iana-hostile.test.ts.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import {
  CheckIanaError,
  checkData,
  compareRegistry,
  main,
  parseCsv,
  parseDescription,
  parseRegistry,
  runCli,
  type DataEntry,
} from "../scripts/check-iana";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = (name: string) => join(root, "test", "fixtures", "iana", name);
const SMALL_DATA = fixture("data-small.json");
const smallData = checkData(JSON.parse(readFileSync(SMALL_DATA, "utf8")));
const inSyncCsv = readFileSync(fixture("in-sync.csv"), "utf8");

/** Today for the tests: before 104's expiry (2026-11-13) unless a case says otherwise. */
const TODAY = "2026-01-01";
const diff = (csv: string, today = TODAY) => compareRegistry(parseRegistry(csv), smallData, today).map((d) => d.message);

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "check-iana-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** runCli on `registry` against the small data, today TODAY. */
const check = (registry: string, ...args: string[]) => runCli([registry, "--data", SMALL_DATA, "--today", TODAY, ...args]);

/** Refused: exit 2, nothing on stdout, one line on stderr. */
function expectRefused(result: ReturnType<typeof runCli>, message: RegExp) {
  expect(result).toMatchObject({ exitCode: 2, stdout: "" });
  expect(result.stderr).toMatch(/^check-iana: [^\n]*\n$/);
  expect(result.stderr).toMatch(message);
}

// A registry in IANA's CSV layout rendered from data/status-codes.json.
const realData = checkData(JSON.parse(readFileSync(join(root, "data", "status-codes.json"), "utf8")));

function csvFromData(data: DataEntry[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ["Value,Description,Reference"];
  for (const cls of [100, 200, 300, 400, 500]) {
    let next = cls;
    const gap = (to: number) => {
      if (to >= next) rows.push(`${to === next ? next : `${next}-${to}`},Unassigned,`);
    };
    for (const e of data.filter((e) => e.code >= cls && e.code < cls + 100).sort((a, b) => a.code - b.code)) {
      gap(e.code - 1);
      let description = e.status === "unused" ? "(Unused)" : e.phrase;
      if (e.status === "obsoleted") description += " (OBSOLETED)";
      if (e.status === "provisional") description += ` (TEMPORARY - registered 2024-11-13, expires ${e.expires})`;
      const doc = e.spec.document.replace(/^RFC (\d+)$/, "RFC$1");
      const refs = [doc === "RFC9110" ? `${doc}, Section ${e.spec.section}` : doc];
      if (e.status === "obsoleted") refs.push("Status change of HTTP experiments to Historic");
      rows.push([e.code, q(description), q(refs.map((x) => `[${x}]`).join(""))].join(","));
      next = e.code + 1;
    }
    gap(cls + 99);
  }
  return `${rows.join("\r\n")}\r\n`;
}

describe("parseDescription", () => {
  it.each([
    ["Continue", { phrase: "Continue", status: "standard", expires: null }],
    ["(Unused)", { phrase: null, status: "unused", expires: null }],
    ["Not Extended (OBSOLETED)", { phrase: "Not Extended", status: "obsoleted", expires: null }],
    [
      "Upload Resumption Supported (TEMPORARY - registered 2024-11-13, extension registered 2025-09-15, expires 2026-11-13)",
      { phrase: "Upload Resumption Supported", status: "provisional", expires: "2026-11-13" },
    ],
    ["Foo (TEMPORARY - registered 2024-11-13)", { phrase: "Foo", status: "provisional", expires: null }],
    ["Foo (Bar)", { phrase: "Foo (Bar)", status: "standard", expires: null }],
  ])("parseDescription reads %j", (description, expected) => {
    expect(parseDescription(description)).toEqual(expected);
  });
});

describe("parseCsv", () => {
  it("parseCsv reads quoted cells with commas, doubled quotes, CRLF and a missing final newline", () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""",\r\n2,z,"[A][B]"').map((r) => r.cells)).toEqual([
      ["a", "b", "c"],
      ["1", 'x, "y"', ""],
      ["2", "z", "[A][B]"],
    ]);
  });

  it("parseCsv gives each row the line it starts on, counting CRLF once and skipping blank lines", () => {
    expect(parseCsv('a\r\n\r\n"b\nc",d\ne').map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it("parseCsv round-trips any cell text when quoted IANA-style", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");
        expect(parseCsv(text).map((r) => r.cells)).toEqual(rows);
      }),
    );
  });

  it.each([
    ['a,b\n1,"x\n2,y', /^line 2: quoted cell is never closed$/],
    ['a,b\n1,"x""', /^line 2: quoted cell is never closed$/],
    ['a,b\n1,x"y"', /^line 2: a quote inside an unquoted cell/],
    ['a,b\n1,"x" y', /^line 2: text after the closing quote of a cell/],
  ])("parseCsv refuses %j", (text, message) => {
    expect(() => parseCsv(text)).toThrow(CheckIanaError);
    expect(() => parseCsv(text)).toThrow(message);
  });
});

describe("parseRegistry", () => {
  it("parseRegistry keeps the assigned codes and the codes of Unassigned rows", () => {
    const registry = parseRegistry(inSyncCsv);
    expect(registry.entries.map((e) => e.code)).toEqual([100, 102, 104, 305, 306, 404, 413, 418, 510]);
    expect(registry.entries.find((e) => e.code === 510)).toMatchObject({
      phrase: "Not Extended",
      status: "obsoleted",
      references: "[RFC2774][Status change of HTTP experiments to Historic]",
    });
    expect(registry.unassigned.get(101)).toBe("now Unassigned");
    expect(registry.unassigned.get(150)).toBe("now inside Unassigned 105-199");
  });

  it("parseRegistry reads UTF-8 with a byte order mark", () => {
    expect(parseRegistry(`\uFEFF${inSyncCsv}`).entries).toHaveLength(9);
  });

  const H = "Value,Description,Reference\n";
  it.each([
    ["IANA's XML", "<?xml version='1.0' encoding='UTF-8'?>\n<registry>", /^not CSV: it looks like XML or HTML; IANA's http-status-codes-1\.csv starts with the header Value,Description,Reference$/],
    ["IANA's HTML page", "<!DOCTYPE html><html>", /^not CSV: it looks like XML or HTML/],
    ["the plain-text rendering", "   Internet Assigned Numbers Authority\n", /^not CSV: its first line is "   Internet Assigned Numbers Authority"/],
    ["rows without the header", '100,Continue,"[RFC9110, Section 15.2.1]"\n', /^not CSV: its first line is "100,Continue,\\"\[RFC9110/],
    ["an empty file", "\n", /^not CSV: it is empty/],
    ["a header but no rows", H, /^the CSV has a header row but no rows$/],
    ["a Value that is not a code", `${H}100,Continue,\n1OO,Processing,\n`, /^line 3: Value "1OO" is not a status code \(100-599\) or a range such as 105-199$/],
    ["a Value outside 100-599", `${H}600,Whatever,[RFC9110]\n`, /^line 2: Value "600" is not a status code/],
    ["a backwards range", `${H}199-105,Unassigned,\n`, /^line 2: Value "199-105" is not a status code/],
    ["a range that is not Unassigned", `${H}105-199,Reserved,\n`, /^line 2: range 105-199 is described as "Reserved"; only "Unassigned" ranges are understood$/],
    ["an unquoted comma", `${H}404,Not Found,[RFC9110, Section 15.5.5]\n`, /^line 2: expected 3 cells like the header, found 4 \(an unquoted comma\?\)$/],
    ["an empty Description", `${H}404,,[RFC9110]\n`, /^line 2: code 404 has an empty Description$/],
    ["a code listed twice", `${H}404,Not Found,\n404,Not Found,\n`, /^line 3: code 404 is listed twice \(first on line 2\)$/],
    ["a code inside an Unassigned range", `${H}400-499,Unassigned,\n404,Not Found,\n`, /^line 3: code 404 is listed twice \(first on line 2\)$/],
    ["a CSV error", replaceOnce(inSyncCsv, "404,Not Found,", '404,Not "Found",'), /^line 14: a quote inside an unquoted cell/],
  ])("parseRegistry refuses %s", (_name, text, message) => {
    expect(() => parseRegistry(text)).toThrow(CheckIanaError);
    expect(() => parseRegistry(text)).toThrow(message);
  });

  it("parseRegistry shows at most 200 characters of a value, with hidden characters escaped", () => {
    expect(() => parseRegistry(replaceOnce(inSyncCsv, "404,Not Found,", `${"4".repeat(1_000_000)},Not Found,`))).toThrow(/^line 14: Value "4{199}…" is not/);
    expect(() => parseRegistry(replaceOnce(inSyncCsv, "404,Not Found,", "4\u00a004,Not Found,"))).toThrow(/^line 14: Value "4\\u00a004" is not/);
  });
});

describe("checkData", () => {
  const [entry] = JSON.parse(readFileSync(SMALL_DATA, "utf8")) as Record<string, unknown>[];
  it.each([
    [{ code: 100 }, /^expected an array of entries$/],
    [[{ ...entry, phrase: undefined }], /^entry 0 lacks one of code, phrase, status, spec\.document, spec\.section/],
    [[entry, { ...entry, code: "100" }], /^entry 1 lacks one of/],
    [[{ ...entry, status: "toString" }], /^entry 0 lacks one of/],
    [[{ ...entry, spec: { section: "1" } }], /^entry 0 lacks one of/],
  ])("checkData refuses %j", (json, message) => {
    expect(() => checkData(json)).toThrow(CheckIanaError);
    expect(() => checkData(json)).toThrow(message);
  });
});

describe("compareRegistry", () => {
  it("compareRegistry finds no difference for the in-sync fixture", () => {
    expect(diff(inSyncCsv)).toEqual([]);
  });

  it("compareRegistry finds no difference between data/status-codes.json and a registry rendered from it", () => {
    expect(compareRegistry(parseRegistry(csvFromData(realData)), realData, TODAY)).toEqual([]);
  });

  // One registry change each, applied to the in-sync CSV; every case expects exactly these lines.
  it.each<{ name: string; from: string; to: string; today?: string; lines: string[] }>([
    {
      name: "reports an added code",
      from: "419-499,Unassigned,",
      to: '419-420,Unassigned,\n421,Misdirected Request,"[RFC9110, Section 15.5.20]"\n422-499,Unassigned,',
      lines: ['421 Misdirected Request: added to the registry, missing from data: "Misdirected Request" [RFC9110, Section 15.5.20]'],
    },
    {
      name: "reports an added code without a reference, under the registry's name",
      from: "419-499,Unassigned,",
      to: "419-420,Unassigned,\n421,(Unused),\n422-499,Unassigned,",
      lines: ['421 (Unused): added to the registry, missing from data: "(Unused)" (no reference)'],
    },
    {
      name: "reports a removed code that is now Unassigned",
      from: '404,Not Found,"[RFC9110, Section 15.5.5]"',
      to: "404,Unassigned,",
      lines: ["404 Not Found: removed from the registry (now Unassigned), still in data as standard"],
    },
    {
      name: "reports a removed code that is no longer listed at all",
      from: '404,Not Found,"[RFC9110, Section 15.5.5]"\n',
      to: "",
      lines: ["404 Not Found: removed from the registry (not listed), still in data as standard"],
    },
    {
      name: "reports a renamed phrase with old and new",
      from: "413,Content Too Large,",
      to: "413,Payload Too Large,",
      lines: ['413 Content Too Large: phrase changed: "Content Too Large" → "Payload Too Large"'],
    },
    {
      name: "reports a phrase that changed only its case",
      from: "404,Not Found,",
      to: "404,Not found,",
      lines: ['404 Not Found: phrase changed: "Not Found" → "Not found"'],
    },
    {
      name: "reports a code that became (Unused) without a phrase change",
      from: "404,Not Found,",
      to: "404,(Unused),",
      lines: ["404 Not Found: became (Unused): status standard → unused"],
    },
    {
      name: "reports a reassigned (Unused) code with its new phrase",
      from: "418,(Unused),",
      to: "418,Teapot Mode,",
      lines: [`418 I'm a teapot: phrase changed: "I'm a teapot" → "Teapot Mode"`, "418 I'm a teapot: stopped being (Unused): status unused → standard"],
    },
    {
      name: "reports a deprecated code that became OBSOLETED",
      from: "305,Use Proxy,",
      to: "305,Use Proxy (OBSOLETED),",
      lines: ["305 Use Proxy: became OBSOLETED: status deprecated → obsoleted"],
    },
    {
      name: "reports a code that stopped being OBSOLETED",
      from: "510,Not Extended (OBSOLETED),",
      to: "510,Not Extended,",
      lines: ["510 Not Extended: stopped being OBSOLETED: status obsoleted → standard"],
    },
    {
      name: "reports a code that became TEMPORARY",
      from: "413,Content Too Large,",
      to: '413,"Content Too Large (TEMPORARY - registered 2025-01-01, expires 2026-01-01)",',
      lines: ["413 Content Too Large: became TEMPORARY (expires 2026-01-01): status standard → provisional"],
    },
    {
      name: "reports a provisional code that stopped being TEMPORARY",
      from: '"Upload Resumption Supported (TEMPORARY - registered 2024-11-13, extension registered 2025-09-15, expires 2026-11-13)"',
      to: "Upload Resumption Supported",
      lines: ["104 Upload Resumption Supported: stopped being TEMPORARY: status provisional → standard"],
    },
    {
      name: "reports a changed reference section",
      from: "[RFC9110, Section 15.5.5]",
      to: "[RFC9110, Section 15.5.6]",
      lines: ["404 Not Found: reference changed: RFC 9110, Section 15.5.5 → [RFC9110, Section 15.5.6]"],
    },
    {
      name: "reports a changed reference document",
      from: "102,Processing,[RFC2518]",
      to: "102,Processing,[RFC9999]",
      lines: ["102 Processing: reference changed: RFC 2518, Section 10.1 → [RFC9999]"],
    },
    {
      name: "reports a new draft version as a changed reference",
      from: "[draft-ietf-httpbis-resumable-upload-05]",
      to: "[draft-ietf-httpbis-resumable-upload-06]",
      lines: ["104 Upload Resumption Supported: reference changed: draft-ietf-httpbis-resumable-upload-05, Section 4 → [draft-ietf-httpbis-resumable-upload-06]"],
    },
    {
      name: "reports a changed expiry date",
      from: "expires 2026-11-13",
      to: "expires 2027-11-13",
      lines: ["104 Upload Resumption Supported: expiry changed: 2026-11-13 → 2027-11-13"],
    },
    {
      name: "reports an expiry the registry no longer gives",
      from: ", expires 2026-11-13",
      to: "",
      lines: ["104 Upload Resumption Supported: expiry changed: 2026-11-13 → (none given by the registry)"],
    },
    {
      name: "reports an expired provisional entry against today",
      from: "",
      to: "",
      today: "2026-11-25",
      lines: ["104 Upload Resumption Supported: provisional registration expired 2026-11-13 (today 2026-11-25): check whether IANA renewed or removed it"],
    },
    { name: "does not report a provisional entry on its expiry day", from: "", to: "", today: "2026-11-13", lines: [] },
    {
      name: "ignores an extra non-document reference",
      from: '"[RFC9110, Section 15.5.5]"',
      to: '"[RFC9110, Section 15.5.5][Julian_Reschke]"',
      lines: [],
    },
    {
      name: "accepts the data's section when the registry cites the document without one",
      from: '404,Not Found,"[RFC9110, Section 15.5.5]"',
      to: "404,Not Found,[RFC9110]",
      lines: [],
    },
    {
      name: "accepts the data's document among several registry documents",
      from: "102,Processing,[RFC2518]",
      to: '102,Processing,"[RFC2518][RFC9110, Section 15.2]"',
      lines: [],
    },
  ])("compareRegistry $name", ({ from, to, today, lines }) => {
    expect(diff(replaceOnce(inSyncCsv, from, to), today)).toEqual(lines);
  });

  it("compareRegistry sorts its lines by code, each code's in a fixed order", () => {
    const diffs = compareRegistry(parseRegistry(readFileSync(fixture("drift.csv"), "utf8")), smallData, "2028-01-01");
    expect(diffs.map((d) => [d.code, d.kind])).toEqual([
      [102, "removed"],
      [104, "reference"],
      [104, "expires"],
      [104, "expired"],
      [404, "status"],
      [413, "phrase"],
      [421, "added"],
      [510, "status"],
    ]);
  });

  it("compareRegistry shows at most 200 characters of a 1 MB cell", () => {
    const [line] = diff(replaceOnce(inSyncCsv, "404,Not Found,", `404,Not Found ${"x".repeat(1_000_000)},`));
    expect(line).toBe(`404 Not Found: phrase changed: "Not Found" → "Not Found ${"x".repeat(189)}…"`);
  });

  // A space other than U+0020 is folded into one before comparing; these characters are not, and
  // unescaped they would print as "Not Found" → "Not Found".
  it("compareRegistry escapes hidden characters in a Reference cell", () => {
    expect(diff(replaceOnce(inSyncCsv, "[RFC2518]", "[RFC2518\u001b[2J\u202e]"))).toEqual(["102 Processing: reference changed: RFC 2518, Section 10.1 → [RFC2518\\u001b[2J\\u202e]"]);
  });

  it.each([
    ["terminal escapes and a bidirectional override", "Not \u001b[31mFound\u009b2J\u202e", '"Not \\u001b[31mFound\\u009b2J\\u202e"'],
    ["a zero-width space", "Not Found\u200b", '"Not Found\\u200b"'],
    ["a soft hyphen", "Not Fo\u00adund", '"Not Fo\\u00adund"'],
  ])("compareRegistry escapes %s from the file", (_name, phrase, shown) => {
    expect(diff(replaceOnce(inSyncCsv, "404,Not Found,", `404,${phrase},`))).toEqual([`404 Not Found: phrase changed: "Not Found" → ${shown}`]);
  });
});

describe("runCli", () => {
  it("runCli exits 0 with a one-line summary for the in-sync fixture", () => {
    expect(check(fixture("in-sync.csv"))).toEqual({
      exitCode: 0,
      stdout: "in sync: 9 codes (test/fixtures/iana/in-sync.csv; test/fixtures/iana/data-small.json; today 2026-01-01)\n",
      stderr: "",
    });
  });

  it("runCli reads data/status-codes.json by default", () => {
    const r = runCli([file("http-status-codes-1.csv", csvFromData(realData)), `--today=${TODAY}`]);
    expect(r).toMatchObject({ exitCode: 0, stderr: "" });
    expect(r.stdout).toMatch(new RegExp(`^in sync: ${realData.length} codes \\(.*; data/status-codes\\.json; today ${TODAY}\\)\\n$`));
  });

  it("runCli exits 1 with one line per difference, sorted by code", () => {
    const r = check(fixture("drift.csv"));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")).toEqual([
      "out of sync: 7 differences between test/fixtures/iana/data-small.json (old) and the IANA registry test/fixtures/iana/drift.csv (new):",
      "  102 Processing: removed from the registry (now inside Unassigned 101-103), still in data as standard",
      "  104 Upload Resumption Supported: reference changed: draft-ietf-httpbis-resumable-upload-05, Section 4 → [draft-ietf-httpbis-resumable-upload-06]",
      "  104 Upload Resumption Supported: expiry changed: 2026-11-13 → 2027-11-13",
      "  404 Not Found: became (Unused): status standard → unused",
      '  413 Content Too Large: phrase changed: "Content Too Large" → "Payload Too Large"',
      '  421 Misdirected Request: added to the registry, missing from data: "Misdirected Request" [RFC9110, Section 15.5.20]',
      "  510 Not Extended: stopped being OBSOLETED: status obsoleted → standard",
      'Update test/fixtures/iana/data-small.json by hand, then run `npm run generate` and the tests (data/README.md, "Refreshing from IANA").',
      "",
    ]);
  });

  it("runCli prints its usage for --help", () => {
    expect(runCli(["--help"])).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^usage: npm run check:iana -- <http-status-codes-1\.csv>/), stderr: "" });
  });

  it.each([
    [[], /^check-iana: no registry file given; usage: /],
    [["a.csv", "b.csv"], /only one registry file, got "a\.csv" and "b\.csv"/],
    [["a.csv", "--today", "2026-02-30"], /--today must be a date YYYY-MM-DD, got "2026-02-30"/],
    [["a.csv", "--today"], /--today needs a value/],
    [["a.csv", "--frob\u001b[2J"], /unknown option "--frob\\u001b\[2J"/],
  ])("runCli exits 2 with one line for the arguments %j", (args, message) => {
    expectRefused(runCli(args), message);
  });

  it.each([
    ["no such file", () => join(dir, "missing.csv"), /^check-iana: cannot read registry file .*missing\.csv: no such file$/m],
    ["a directory", () => dir, /cannot read registry file .*: it is a directory$/m],
    ["a file that is not the CSV", () => fixture("bad-value.csv"), /^check-iana: cannot parse test\/fixtures\/iana\/bad-value\.csv: line 3: Value "1OO"/],
    ["an XML file", () => file("registry\u001b[2J.xml", "<?xml version='1.0'?>\n<registry/>\n"), /cannot parse .*registry\\u001b\[2J\.xml: not CSV: it looks like XML/],
    ["Latin-1", () => file("latin1.csv", Buffer.from(`${inSyncCsv}é`, "latin1")), /latin1\.csv: it is not UTF-8 \(UTF-16\? Latin-1\?\): convert it to UTF-8$/m],
    ["UTF-16 without a byte order mark", () => file("utf16.csv", Buffer.from(inSyncCsv, "utf16le")), /utf16\.csv: it is not UTF-8/],
  ])("runCli exits 2 with one line for %s", (_name, path, message) => {
    expectRefused(check(path()), message);
  });

  it.each([
    ["missing", () => join(dir, "missing.json"), /^check-iana: cannot read data file .*missing\.json: no such file$/m],
    ["not JSON", () => file("not-json.json", "nope \u202e"), /^check-iana: cannot read data file .*not-json\.json: Unexpected token .*"nope \\u202e"/],
    ["not valid data", () => file("invalid.json", JSON.stringify([{ code: 100 }])), /^check-iana: cannot read data file .*invalid\.json: entry 0 lacks one of/],
  ])("runCli exits 2 with one line when the data file is %s", (_name, path, message) => {
    expectRefused(runCli([fixture("in-sync.csv"), "--data", path()]), message);
  });
});

describe("main", () => {
  const sink = (error?: NodeJS.ErrnoException) => {
    const stream = Object.assign(
      new Writable({ write: (chunk, _encoding, done) => (error ? done(error) : (stream.text += String(chunk), done())) }),
      { text: "" },
    );
    return stream;
  };
  const enospc = () => Object.assign(new Error("no space left on device"), { code: "ENOSPC" });

  it("main writes the report and resolves with its exit status", async () => {
    const [stdout, stderr] = [sink(), sink()];
    expect(await main([fixture("drift.csv"), "--data", SMALL_DATA], stdout, stderr)).toBe(1);
    expect(stdout.text).toMatch(/^out of sync: 7 differences/);
    expect(stderr.text).toBe("");
  });

  it("main exits 2 with one line on stderr when stdout cannot be written", async () => {
    const stderr = sink();
    expect(await main([fixture("in-sync.csv"), "--data", SMALL_DATA, "--today", TODAY], sink(enospc()), stderr)).toBe(2);
    expect(stderr.text).toBe("check-iana: cannot write to stdout: ENOSPC\n");
  });

  it("main keeps its exit status when only stderr cannot be written", async () => {
    expect(await main([fixture("in-sync.csv"), "--data", SMALL_DATA, "--today", TODAY], sink(), sink(enospc()))).toBe(0);
    expect(await main([join(dir, "missing.csv")], sink(), sink(enospc()))).toBe(2);
  });
});
