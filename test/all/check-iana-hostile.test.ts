// check:iana on hostile files: huge, endless, blocking, malformed, in another encoding, or
// written to a full disk. Each case runs the command in a child process killed after BOUND_MS, so a
// slow or hanging read fails its test instead of stalling the suite. The bound is fixed and
// generous: these files took the earlier reader from 20 seconds to hours (it was quadratic in the
// records and cubic in a run of spaces) and take the linear one about a second, startup included.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MAX_FILE_BYTES } from "../../scripts/check-iana";

const BOUND_MS = 10_000;

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = join(root, "scripts", "check-iana.ts");
const fixtures = join(root, "test", "fixtures", "iana");
const SMALL_DATA = join(fixtures, "data-small.json");
const inSyncXml = readFileSync(join(fixtures, "in-sync.xml"), "utf8");
const inSyncCsv = readFileSync(join(fixtures, "in-sync.csv"), "utf8");

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** The in-sync XML with `extra` records of an Unassigned range the fixture already has. */
const withRecords = (extra: number) =>
  replaceOnce(inSyncXml, "    <footnote", `${"    <record>\n      <value>105-199</value>\n      <description>Unassigned</description>\n    </record>\n".repeat(extra)}    <footnote`);

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "check-iana-hostile-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** check:iana on `registry` with `args`, by default against the small data, killed after BOUND_MS. */
function check(registry: string, { args = ["--data", SMALL_DATA, "--today", "2026-01-01"], ...options }: SpawnSyncOptions & { args?: string[] } = {}): Run {
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", script, registry, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: BOUND_MS,
    killSignal: "SIGKILL",
    maxBuffer: 16 * MAX_FILE_BYTES,
    ...options,
  });
  return { status: run.status, stdout: String(run.stdout ?? ""), stderr: String(run.stderr ?? ""), ms: performance.now() - start };
}

/** Refused: exit 2 within the bound, nothing on stdout, one short line on stderr, no stack trace. */
function expectRefused(run: Run, message: RegExp) {
  expect(run.status, `killed after ${BOUND_MS} ms or crashed:\n${run.stderr.slice(0, 2000)}`).toBe(2);
  expect(run.ms).toBeLessThan(BOUND_MS);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^check-iana: [^\n]*\n$/);
  expect(run.stderr.length).toBeLessThan(500);
  expect(run.stderr).toMatch(message);
}

function expectInSync(run: Run) {
  expect(run.stderr).toBe("");
  expect(run.stdout).toMatch(/^in sync: 9 codes \(/);
  expect(run.status).toBe(0);
  expect(run.ms).toBeLessThan(BOUND_MS);
}

describe("check-iana reads pathological files in linear time", () => {
  it("check-iana reads a <updated> holding 8,000 spaces and a valid `</updated >`", () => {
    const xml = replaceOnce(inSyncXml, "<updated>2025-09-15</updated>", `<updated>${" ".repeat(8_000)}2025-09-15</updated >`);
    const run = check(file("updated-spaces.xml", xml));
    expectInSync(run);
    expect(run.stdout).toContain("updated 2025-09-15");
  });

  it("check-iana reads a registry of 9,000 records up to the size cap", () => {
    const xml = withRecords(Math.floor((MAX_FILE_BYTES - inSyncXml.length) / 100));
    expect(xml.length).toBeGreaterThan(0.9 * MAX_FILE_BYTES);
    expect(xml.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expectInSync(check(file("many-records.xml", xml)));
  });

  it.each([
    ["<!--", /line 1: a comment <!-- is never closed/],
    ["<![CDATA[", /line 1: a CDATA section is never closed/],
    ["<record", /line 1: malformed tag "<record<record/],
    ["<record>", /record 1 \(line 1\): <record> is never closed/],
    ["<?", /line 1: a processing instruction <\? is never closed/],
  ])("check-iana refuses %s repeated 100,000 times and never closed", (open, message) => {
    expectRefused(check(file("unclosed.xml", `<registry>${open.repeat(100_000)}\n`)), message);
  });

  // The parser itself, beyond the size cap, and every construct repeated up to 1 MiB: one child
  // process reads them all and reports each time; a quadratic step would take minutes on any.
  it("parseRegistry takes linear time on a 4 MB registry of 40,000 records and on 1 MiB of any construct", () => {
    const xml = (prefix: string, suffix: string) => [`<registry>${prefix}`, `${suffix}</registry>`];
    const record = "<record><value>100</value><description>Continue</description>";
    const contexts = {
      xml: xml("", ""),
      updated: xml("<updated>", "2025-09-15</updated >"),
      record: xml("<record>", "</record>"),
      body: xml(record, "</record>"),
      description: xml("<record><value>100</value><description>Continue", "</description></record>"),
      xref: xml(`${record}<xref type="rfc" data="rfc9110">`, "</xref></record>"),
      attribute: xml(`${record}<xref type="rfc" data="`, `"/></record>`),
      csv: ["Value,Description,Reference\n", ""],
      "csv description": ['Value,Description,Reference\n100,"Continue', '",[RFC9110]\n'],
      "csv reference": ['Value,Description,Reference\n100,Continue,"', '"\n'],
    };
    const units: [keyof typeof contexts, string[]][] = [
      ["xml", ["<!--", "<![CDATA[", "<?", "<record", "<record>", "<", "&", "&#x1", "&amp", "<a b='", " ", "<registry", "]]>", "-->"]],
      ["updated", [" "]],
      ["record", ["<value>", "<description>", "<xref", "<!--"]],
      ["body", ["<xref>", "<xref/>", "<value>", "&amp;"]],
      ["description", ["(OBSOLETED)", "(TEMPORARY ", "(", "&#x41;"]],
      ["xref", ["Section ", "RFC ", "§"]],
      ["attribute", ["RFC ", ", Section 1", "draft-a"]],
      ["csv", ['"', ",", "\n", "\r", "\r\n", "a,", '"a"', "105-199,Unassigned,\n"]],
      ["csv description", ["(OBSOLETED)", "(TEMPORARY ", '""']],
      ["csv reference", ["[", "RFC ", ", Section 1", "[RFC9110]"]],
    ];
    const cases = units.flatMap(([context, list]) =>
      list.map((unit) => {
        const [prefix = "", suffix = ""] = contexts[context];
        return { name: `${JSON.stringify(unit)} in ${context}`, prefix, unit, count: Math.ceil(MAX_FILE_BYTES / unit.length), suffix };
      }),
    );
    const [head, tail] = withRecords(1).split("    <record>\n      <value>105-199</value>");
    cases.push({ name: "40,000 records", prefix: head!, unit: "    <record>\n      <value>105-199</value>\n      <description>Unassigned</description>\n    </record>\n", count: 40_000, suffix: `    <record>\n      <value>105-199</value>${tail}` });

    const code = `import { parseRegistry } from ${JSON.stringify(pathToFileURL(script).href)};
for (const { name, prefix, unit, count, suffix } of ${JSON.stringify(cases)}) {
  const text = prefix + unit.repeat(count) + suffix;
  const start = performance.now();
  let outcome = "parsed";
  try { parseRegistry(text); } catch (error) { outcome = error.name; }
  process.stdout.write(JSON.stringify({ name, bytes: text.length, ms: Math.round(performance.now() - start), outcome }) + "\\n");
}`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
      killSignal: "SIGKILL",
    });
    const results = run.stdout.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as { name: string; bytes: number; ms: number; outcome: string });
    expect(results.map((r) => r.name), `stopped after the last one listed:\n${run.stderr}`).toEqual(cases.map((c) => c.name));
    expect(results.filter((r) => r.ms >= BOUND_MS)).toEqual([]);
    // Every file is read or refused as unreadable; nothing breaks the reader itself.
    expect(results.filter((r) => r.outcome !== "parsed" && r.outcome !== "CheckIanaError")).toEqual([]);
    expect(results.at(-1)).toMatchObject({ name: "40,000 records", outcome: "parsed" });
    expect(results.at(-1)!.bytes).toBeGreaterThan(4_000_000);
  }, 150_000);
});

describe("check-iana reads only a regular file of at most 1 MiB", () => {
  it("check-iana refuses the 4 MB registry of 40,000 records by its size", () => {
    expectRefused(check(file("40000-records.xml", withRecords(40_000))), /larger than 1048576 bytes \(1 MiB\)/);
  });

  it("check-iana refuses a 100 MB CSV by its size before reading it", () => {
    // Sparse: a header, an invalid line 2, then zeros that are never written to the disk.
    const path = file("100mb.csv", "Value,Description,Reference\nabc,Not a code,[RFC9110]\n");
    truncateSync(path, 100_000_000);
    expectRefused(check(path), /100mb\.csv: it is larger than 1048576 bytes \(1 MiB\), the most that is read$/m);
  });

  it("check-iana reads a file of exactly 1 MiB and refuses one byte more", () => {
    const padded = inSyncCsv + "\n".repeat(MAX_FILE_BYTES - Buffer.byteLength(inSyncCsv));
    expectInSync(check(file("exact.csv", padded)));
    expectRefused(check(file("over.csv", `${padded}\n`)), /larger than 1048576 bytes/);
  });

  it.skipIf(!existsSync("/dev/zero"))("check-iana refuses /dev/zero, which never ends", () => {
    expectRefused(check("/dev/zero"), /cannot read registry file \/dev\/zero: it is not a regular file/);
  });

  it.skipIf(process.platform === "win32")("check-iana refuses a FIFO that nobody writes to, instead of waiting", () => {
    const fifo = join(dir, "fifo.csv");
    execFileSync("mkfifo", [fifo]);
    expectRefused(check(fifo), /fifo\.csv: it is not a regular file \(pipes, devices and sockets are not read\)/);
  });

  it.skipIf(!existsSync("/dev/zero"))("check-iana applies the same rules to --data", () => {
    expectRefused(check(join(fixtures, "in-sync.csv"), { args: ["--data", "/dev/zero"] }), /^check-iana: cannot read data file \/dev\/zero: it is not a regular file/);
  });
});

describe.skipIf(!existsSync("/dev/full"))("check-iana when its output cannot be written", () => {
  const withStdio = (stdout: "pipe" | "full", stderr: "pipe" | "full", registry: string) => {
    const full = openSync("/dev/full", "w");
    try {
      return check(registry, { stdio: ["ignore", stdout === "full" ? full : "pipe", stderr === "full" ? full : "pipe"] });
    } finally {
      closeSync(full);
    }
  };

  it("check-iana exits 2 with one line on stderr when stdout is full", () => {
    const run = withStdio("full", "pipe", join(fixtures, "in-sync.xml"));
    expect(run.stderr).toBe("check-iana: cannot write to stdout: ENOSPC\n");
    expect(run.status).toBe(2);
  });

  it("check-iana exits 2 when stdout and stderr are both full", () => {
    expect(withStdio("full", "full", join(fixtures, "in-sync.xml")).status).toBe(2);
    expect(withStdio("full", "full", join(fixtures, "no-such-file.xml")).status).toBe(2);
  });

  it("check-iana keeps its exit status when only stderr is full", () => {
    expect(withStdio("pipe", "full", join(fixtures, "in-sync.xml"))).toMatchObject({ status: 0, stdout: expect.stringMatching(/^in sync/) });
    expect(withStdio("pipe", "full", join(fixtures, "drift.csv")).status).toBe(1);
    expect(withStdio("pipe", "full", join(fixtures, "no-such-file.xml")).status).toBe(2);
  });
});

describe("check-iana messages are short single lines", () => {
  it("check-iana shows at most 200 characters of a 1 MB cell in a difference", () => {
    const csv = replaceOnce(inSyncCsv, "404,Not Found,", `404,Not Found ${"x".repeat(1_000_000)},`);
    const run = check(file("long-phrase.csv", csv));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`404 Not Found: phrase changed: "Not Found" → "Not Found ${"x".repeat(189)}…"\n`);
    expect(Math.max(...run.stdout.split("\n").map((line) => line.length))).toBeLessThan(500);
  });

  it("check-iana shows at most 200 characters of a 1 MB cell in an error", () => {
    expectRefused(check(file("long-value.csv", replaceOnce(inSyncCsv, "404,Not Found,", `${"4".repeat(1_000_000)},Not Found,`))), /line 14: Value "4{199}…" is not/);
  });

  it("check-iana escapes control characters and bidirectional overrides from the file", () => {
    const csv = replaceOnce(inSyncCsv, "404,Not Found,", "404,Not \u001b[31mFound\u009b2J\u202e,");
    const run = check(file("controls.csv", csv));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('phrase changed: "Not Found" → "Not \\u001b[31mFound\\u009b2J\\u202e"');
    expect(run.stdout).not.toMatch(/[\u001b\u009b\u202e]/);
  });

  // A space other than U+0020 in a phrase is folded into one before comparing, so it makes no
  // difference; these characters do, and would print as "Not Found" → "Not Found".
  it.each([
    ["a zero-width space", "Not Found\u200b", '"Not Found\\u200b"'],
    ["a soft hyphen", "Not Fo\u00adund", '"Not Fo\\u00adund"'],
    ["a word joiner", "Not\u2060 Found", '"Not\\u2060 Found"'],
  ])("check-iana shows a phrase that changed only by %s", (_name, phrase, shown) => {
    const run = check(file("invisible.csv", replaceOnce(inSyncCsv, "404,Not Found,", `404,${phrase},`)));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`404 Not Found: phrase changed: "Not Found" → ${shown}\n`);
  });

  it("check-iana shows a no-break space from the file in an error", () => {
    expectRefused(check(file("nbsp.csv", replaceOnce(inSyncCsv, "404,Not Found,", "4\u00a004,Not Found,"))), /line 14: Value "4\\u00a004" is not/);
  });
});

describe("check-iana refuses what it cannot read as a registry, in one line", () => {
  const laughs = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE registry [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
    ...Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`),
    "]>",
  ].join("\n");
  const xmlCases: [string, string, RegExp][] = [
    [
      "a DOCTYPE whose entities would expand a billionfold",
      replaceOnce(inSyncXml, "<?xml version='1.0' encoding='UTF-8'?>", laughs).replace("<description>Not Found</description>", "<description>&lol9;</description>"),
      /line 2: the file has a DOCTYPE, which IANA's registry does not: document type declarations and their entities are not read$/m,
    ],
    [
      "a DOCTYPE with an external entity",
      replaceOnce(inSyncXml, "<registry xmlns", '<!DOCTYPE registry [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<registry xmlns').replace(
        "<description>Not Found</description>",
        "<description>&xxe;</description>",
      ),
      /line 4: the file has a DOCTYPE/,
    ],
    [
      "an entity that no DOCTYPE declares",
      replaceOnce(inSyncXml, "<description>Not Found</description>", "<description>&lol9;</description>"),
      /the entity "&lol9;" is not one of XML's five: entities from a DTD are not read/,
    ],
    ["a bare ampersand", replaceOnce(inSyncXml, "<description>Not Found</description>", "<description>Not & Found</description>"), /"&" is not a character reference or an entity/],
    ["a character reference XML does not allow", replaceOnce(inSyncXml, "<description>Not Found</description>", "<description>Not&#0;Found</description>"), /"&#0;" is not a character reference/],
    ["an XML declaration naming ISO-8859-1", replaceOnce(inSyncXml, "encoding='UTF-8'", "encoding='ISO-8859-1'"), /line 1: the file declares the encoding "ISO-8859-1"; only UTF-8 is read/],
    [
      "an XML declaration whose encoding is a character reference beyond Unicode",
      replaceOnce(inSyncXml, "encoding='UTF-8'", "encoding='&#x110000;'"),
      /line 1: the file declares the encoding "&#x110000;"; only UTF-8 is read/,
    ],
    ["a malformed tag", replaceOnce(inSyncXml, "<value>404</value>", "<value 404</value>"), /malformed tag "<value 404<\/value>/],
    ["a <value> never closed", replaceOnce(inSyncXml, "<value>404</value>", "<value>404"), /record 11 \(line 57\): <value> is never closed$/m],
    ["a <description> never closed", replaceOnce(inSyncXml, "<description>Not Found</description>", "<description>Not Found"), /record 11 \(line 57\): <description> is never closed$/m],
    ["an <xref> never closed", replaceOnce(inSyncXml, "RFC9110, Section 15.5.5</xref>", "RFC9110, Section 15.5.5"), /record 11 \(line 57\): <xref> is never closed$/m],
  ];

  it.each(xmlCases)("check-iana refuses %s", (_name, xml, message) => {
    expectRefused(check(file("refused.xml", xml)), message);
  });

  it("check-iana reads a CDATA section holding <!-- as text, so a later comment swallows no record", () => {
    const xml = replaceOnce(
      replaceOnce(inSyncXml, "<note>1xx: Informational - Request received, continuing process</note>", "<note><![CDATA[see <!-- here]]></note>"),
      "    <footnote",
      "    <!-- a comment after the records -->\n    <footnote",
    );
    expectInSync(check(file("cdata.xml", xml)));
  });

  it("check-iana refuses text after the closing quote of a CSV cell", () => {
    expectRefused(check(file("quote.csv", replaceOnce(inSyncCsv, "404,Not Found,", '404,"Not" Found,'))), /line 14: text after the closing quote of a cell/);
  });

  const latin1 = Buffer.from(replaceOnce(inSyncCsv, "404,Not Found,", "404,Not Found é,"), "latin1");
  const utf16 = (text: string, littleEndian: boolean) => {
    const bytes = Buffer.from(text, "utf16le");
    if (!littleEndian) bytes.swap16();
    return bytes;
  };
  it.each([
    ["Latin-1", latin1, /it is not UTF-8 \(byte 0xE9 on line 14; Latin-1 or Windows-1252\?\): convert it to UTF-8$/m],
    ["UTF-16 with its byte order mark, little-endian", utf16(`\uFEFF${inSyncCsv}`, true), /it is UTF-16 \(little-endian\): only UTF-8 is read/],
    ["UTF-16 with its byte order mark, big-endian", utf16(`\uFEFF${inSyncCsv}`, false), /it is UTF-16 \(big-endian\): only UTF-8 is read/],
    ["UTF-16 without a byte order mark", utf16(inSyncCsv, true), /it has a NUL byte at offset 1: UTF-16 or UTF-32 without a byte order mark/],
    ["UTF-32 with its byte order mark", Buffer.from([0xff, 0xfe, 0, 0, 0x56, 0, 0, 0]), /it is UTF-32 \(little-endian\)/],
  ])("check-iana names the encoding of a %s file and refuses it", (_name, bytes, message) => {
    expectRefused(check(file("encoded.csv", bytes)), message);
  });

  it("check-iana reads UTF-8 with a byte order mark", () => {
    expectInSync(check(file("bom.csv", `\uFEFF${inSyncCsv}`)));
  });
});
