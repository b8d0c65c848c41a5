import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import {
  CheckIanaError,
  compareRegistry,
  formatReport,
  parseCsv,
  parseDescription,
  parseReferenceCell,
  parseRegistry,
  parseRegistryCsv,
  parseRegistryXml,
  runCli,
  validateData,
} from "../scripts/check-iana";

const root = fileURLToPath(new URL("..", import.meta.url));
const script = join(root, "scripts", "check-iana.ts");
const fixtures = join(root, "test", "fixtures", "iana");
const fixture = (name: string) => join(fixtures, name);
const readFixture = (name: string) => readFileSync(fixture(name), "utf8");

const SMALL_DATA = fixture("data-small.json");
const smallData = validateData(JSON.parse(readFixture("data-small.json")));
const inSyncCsv = readFixture("in-sync.csv");
const inSyncXml = readFixture("in-sync.xml");

/** Today for the tests: before 104's expiry (2026-11-13) unless a case says otherwise. */
const TODAY = "2026-01-01";

function diffCsv(csv: string, today = TODAY) {
  return compareRegistry(parseRegistryCsv(csv), smallData, { today });
}
function diffXml(xml: string, today = TODAY) {
  return compareRegistry(parseRegistryXml(xml), smallData, { today });
}
function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function runScript(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------
// A registry rendered from the project's own data/status-codes.json, in IANA's layout.
// ---------------------------------------------------------------------------

type DataJson = Array<{
  code: number;
  phrase: string;
  status: string;
  expires?: string;
  spec: { document: string; section?: string };
}>;

const realData = JSON.parse(readFileSync(join(root, "data", "status-codes.json"), "utf8")) as DataJson;

function registryRows(data: DataJson): Array<{ value: string; description: string; refs: string[] }> {
  const rows: Array<{ value: string; description: string; refs: string[] }> = [];
  const sorted = [...data].sort((a, b) => a.code - b.code);
  for (const cls of [100, 200, 300, 400, 500]) {
    let next = cls;
    const inClass = sorted.filter((e) => e.code >= cls && e.code < cls + 100);
    const gap = (to: number) => {
      if (to >= next) rows.push({ value: to === next ? `${next}` : `${next}-${to}`, description: "Unassigned", refs: [] });
    };
    for (const e of inClass) {
      gap(e.code - 1);
      let description = e.status === "unused" ? "(Unused)" : e.phrase;
      if (e.status === "obsoleted") description += " (OBSOLETED)";
      if (e.status === "provisional") description += ` (TEMPORARY - registered 2024-11-13, expires ${e.expires ?? "?"})`;
      const doc = e.spec.document.replace(/^RFC (\d+)$/, "RFC$1");
      const refs = [doc === "RFC9110" ? `${doc}, Section ${e.spec.section}` : doc];
      if (e.status === "obsoleted") refs.push("Status change of HTTP experiments to Historic");
      rows.push({ value: `${e.code}`, description, refs });
      next = e.code + 1;
    }
    gap(cls + 99);
  }
  return rows;
}

function csvFromData(data: DataJson): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = registryRows(data).map((r) =>
    [r.value, q(r.description), q(r.refs.map((x) => `[${x}]`).join(""))].join(","),
  );
  return ["Value,Description,Reference", ...lines, ""].join("\r\n");
}

function xmlFromData(data: DataJson, updated = "2025-09-15"): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&apos;");
  const xref = (ref: string) => {
    const rfc = /^RFC(\d+)(, Section .*)?$/.exec(ref);
    if (rfc) return rfc[2] ? `<xref type="rfc" data="rfc${rfc[1]}">${ref}</xref>` : `<xref type="rfc" data="rfc${rfc[1]}"/>`;
    if (ref.startsWith("draft-")) return `<xref type="draft" data="${ref}"/>`;
    return `<xref type="uri" data="https://example.org/">${esc(ref)}</xref>`;
  };
  const records = registryRows(data).map(
    (r) =>
      `    <record>\n      <value>${r.value}</value>\n      <description>${esc(r.description)}</description>\n` +
      r.refs.map((x) => `      ${xref(x)}\n`).join("") +
      "    </record>",
  );
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    '<registry xmlns="http://www.iana.org/assignments" id="http-status-codes">',
    `  <updated>${updated}</updated>`,
    '  <registry id="http-status-codes-1">',
    ...records,
    "  </registry>",
    "</registry>",
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------

describe("parseDescription", () => {
  it.each([
    ["Continue", { phrase: "Continue", unused: false, obsoleted: false, temporary: false }],
    ["(Unused)", { phrase: null, unused: true, obsoleted: false, temporary: false }],
    ["Not Extended (OBSOLETED)", { phrase: "Not Extended", obsoleted: true, temporary: false }],
    [
      "Upload Resumption Supported (TEMPORARY - registered 2024-11-13, extension registered 2025-09-15, expires 2026-11-13)",
      { phrase: "Upload Resumption Supported", temporary: true, registered: "2024-11-13", expires: "2026-11-13" },
    ],
    [
      "Foo (TEMPORARY - registered 2024-11-13, expires 2025-11-13)",
      { phrase: "Foo", temporary: true, registered: "2024-11-13", expires: "2025-11-13" },
    ],
    ["Unassigned", { kind: "unassigned" }],
  ])("parseDescription understands %j", (description, expected) => {
    expect(parseDescription(description)).toMatchObject(expected);
  });
});

describe("parseReferenceCell", () => {
  it.each([
    ["[RFC9110, Section 15.5.5]", [{ kind: "rfc", document: "RFC 9110", section: "15.5.5" }]],
    ["[RFC4918]", [{ kind: "rfc", document: "RFC 4918", section: null }]],
    [
      "[draft-ietf-httpbis-resumable-upload-05]",
      [{ kind: "draft", document: "draft-ietf-httpbis-resumable-upload-05", section: null }],
    ],
    [
      "[RFC2774][Status change of HTTP experiments to Historic]",
      [
        { kind: "rfc", document: "RFC 2774", section: null },
        { kind: "other", document: "Status change of HTTP experiments to Historic" },
      ],
    ],
    ["", []],
  ])("parseReferenceCell splits %j into references", (cell, expected) => {
    expect(parseReferenceCell(cell)).toMatchObject(expected);
  });

  it("parseReferenceCell keeps IANA's label for each reference", () => {
    expect(parseReferenceCell("[RFC2774][Status change of HTTP experiments to Historic]").map((r) => r.label)).toEqual([
      "[RFC2774]",
      "[Status change of HTTP experiments to Historic]",
    ]);
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

  it("parseCsv round-trips any cell text when quoted IANA-style", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");
        expect(parseCsv(text).map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});

describe("parseRegistryCsv / parseRegistryXml", () => {
  it("parseRegistryCsv skips Unassigned rows and ranges and keeps the assigned codes", () => {
    const reg = parseRegistryCsv(inSyncCsv);
    expect(reg.format).toBe("csv");
    expect(reg.updated).toBeNull();
    expect(reg.entries.map((e) => e.code)).toEqual([100, 102, 104, 305, 306, 404, 413, 418, 510]);
    expect(reg.unassigned).toContainEqual({ from: 105, to: 199 });
  });

  it("parseRegistryXml reads records, <updated> and xrefs the same way as the CSV", () => {
    const xml = parseRegistryXml(inSyncXml);
    const csv = parseRegistryCsv(inSyncCsv);
    expect(xml.updated).toBe("2025-09-15");
    const strip = (r: typeof xml) =>
      r.entries.map((e) => ({ ...e, where: "", references: e.references.filter((x) => x.kind !== "other") }));
    expect(strip(xml)).toEqual(strip(csv));
    expect(xml.entries.find((e) => e.code === 404)?.references).toMatchObject([
      { kind: "rfc", document: "RFC 9110", section: "15.5.5", label: "[RFC9110, Section 15.5.5]" },
      { kind: "other" },
    ]);
    expect(xml.entries.find((e) => e.code === 510)?.references.map((r) => r.label)).toEqual([
      "[RFC2774]",
      "[Status change of HTTP experiments to Historic]",
    ]);
  });

  it("parseRegistry detects XML and CSV by content, not by file name", () => {
    expect(parseRegistry(inSyncXml).format).toBe("xml");
    expect(parseRegistry(`\uFEFF${inSyncCsv}`).format).toBe("csv");
  });
});

describe("compareRegistry", () => {
  it("compareRegistry finds no difference for the in-sync CSV and XML fixtures", () => {
    expect(diffCsv(inSyncCsv)).toEqual([]);
    expect(diffXml(inSyncXml)).toEqual([]);
  });

  it("compareRegistry finds no difference between data/status-codes.json and a registry rendered from it", () => {
    const data = validateData(realData);
    expect(compareRegistry(parseRegistryCsv(csvFromData(realData)), data, { today: TODAY })).toEqual([]);
    expect(compareRegistry(parseRegistryXml(xmlFromData(realData)), data, { today: TODAY })).toEqual([]);
  });

  // One registry change each, applied to the in-sync CSV; every case expects exactly these lines.
  const csvCases: Array<{ name: string; from: string; to: string; today?: string; lines: string[] }> = [
    {
      name: "reports an added code",
      from: "419-499,Unassigned,",
      to: '419-420,Unassigned,\n421,Misdirected Request,"[RFC9110, Section 15.5.20]"\n422-499,Unassigned,',
      lines: [
        '421 Misdirected Request: added to the registry, missing from data: "Misdirected Request" [RFC9110, Section 15.5.20]',
      ],
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
      name: "reports a code that became (Unused) without a phrase change",
      from: "404,Not Found,",
      to: "404,(Unused),",
      lines: ["404 Not Found: became (Unused): status standard → unused"],
    },
    {
      name: "reports a code that stopped being (Unused)",
      from: "306,(Unused),",
      to: "306,Switch Proxy,",
      lines: ["306 Switch Proxy: stopped being (Unused): status unused → standard"],
    },
    {
      name: "reports a reassigned (Unused) code with its new phrase",
      from: "418,(Unused),",
      to: "418,Teapot Mode,",
      lines: [
        `418 I'm a teapot: phrase changed: "I'm a teapot" → "Teapot Mode"`,
        "418 I'm a teapot: stopped being (Unused): status unused → standard",
      ],
    },
    {
      name: "reports a code that became OBSOLETED",
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
      lines: [
        "104 Upload Resumption Supported: reference changed: draft-ietf-httpbis-resumable-upload-05, Section 4 → [draft-ietf-httpbis-resumable-upload-06]",
      ],
    },
    {
      name: "reports a changed expiry date",
      from: "expires 2026-11-13",
      to: "expires 2027-11-13",
      lines: ["104 Upload Resumption Supported: expiry changed: 2026-11-13 → 2027-11-13"],
    },
    {
      name: "reports an expired provisional entry against today",
      from: "",
      to: "",
      today: "2026-11-25",
      lines: [
        "104 Upload Resumption Supported: provisional registration expired 2026-11-13 (today 2026-11-25): check whether IANA renewed or removed it",
      ],
    },
    {
      name: "does not report a provisional entry on its expiry day",
      from: "",
      to: "",
      today: "2026-11-13",
      lines: [],
    },
    {
      name: "ignores an extra non-document reference",
      from: '404,Not Found,"[RFC9110, Section 15.5.5]"',
      to: '404,Not Found,"[RFC9110, Section 15.5.5][Julian_Reschke]"',
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
  ];

  it.each(csvCases)("check-iana (CSV) $name", ({ from, to, today, lines }) => {
    const diffs = diffCsv(replaceOnce(inSyncCsv, from, to), today ?? TODAY);
    expect(diffs.map((d) => d.message)).toEqual(lines);
  });

  const xmlCases: Array<{ name: string; from: string; to: string; today?: string; lines: string[] }> = [
    {
      name: "reports a renamed phrase with old and new",
      from: "<description>Content Too Large</description>",
      to: "<description>Payload Too Large</description>",
      lines: ['413 Content Too Large: phrase changed: "Content Too Large" → "Payload Too Large"'],
    },
    {
      name: "reports a changed reference section from the xref text",
      from: "RFC9110, Section 15.5.5</xref>",
      to: "RFC9110, Section 15.5.6</xref>",
      // The fixture's 404 record also carries a <xref type="note" data="1"/>, shown but not compared.
      lines: ["404 Not Found: reference changed: RFC 9110, Section 15.5.5 → [RFC9110, Section 15.5.6][note 1]"],
    },
    {
      name: "reports a changed draft xref",
      from: 'data="draft-ietf-httpbis-resumable-upload-05"',
      to: 'data="draft-ietf-httpbis-resumable-upload-07"',
      lines: [
        "104 Upload Resumption Supported: reference changed: draft-ietf-httpbis-resumable-upload-05, Section 4 → [draft-ietf-httpbis-resumable-upload-07]",
      ],
    },
    {
      name: "reports a provisional entry that expired before the registry's own <updated> date",
      from: "<updated>2025-09-15</updated>",
      to: "<updated>2027-02-01</updated>",
      lines: [
        "104 Upload Resumption Supported: provisional registration expired 2026-11-13 (registry updated 2027-02-01): check whether IANA renewed or removed it",
      ],
    },
    {
      name: "reports a code that became OBSOLETED",
      from: "<description>Use Proxy</description>",
      to: "<description>Use Proxy (OBSOLETED)</description>",
      lines: ["305 Use Proxy: became OBSOLETED: status deprecated → obsoleted"],
    },
  ];

  it.each(xmlCases)("check-iana (XML) $name", ({ from, to, today, lines }) => {
    const diffs = diffXml(replaceOnce(inSyncXml, from, to), today ?? TODAY);
    expect(diffs.map((d) => d.message)).toEqual(lines);
  });

  it("compareRegistry returns differences sorted by code with old and new values", () => {
    const diffs = diffCsv(readFixture("drift.csv"), "2028-01-01");
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
    expect(diffs.find((d) => d.kind === "phrase")).toMatchObject({ old: "Content Too Large", new: "Payload Too Large" });
    expect(diffs.find((d) => d.kind === "expires")).toMatchObject({ old: "2026-11-13", new: "2027-11-13" });
  });
});

describe("parse errors", () => {
  const csvErrors: Array<{ name: string; text: string; message: RegExp }> = [
    { name: "an empty file", text: "", message: /empty/ },
    { name: "no header row", text: '100,Continue,"[RFC9110, Section 15.2.1]"\n', message: /no header row/ },
    { name: "a header but no rows", text: "Value,Description,Reference\n", message: /no rows/ },
    {
      name: "a Value that is not a code",
      text: "Value,Description,Reference\nabc,Continue,[RFC9110]\n",
      message: /line 2: Value "abc" is not a status code or a range/,
    },
    {
      name: "a Value outside 100-599",
      text: "Value,Description,Reference\n600,Whatever,[RFC9110]\n",
      message: /line 2: Value "600"/,
    },
    {
      name: "a backwards range",
      text: "Value,Description,Reference\n199-105,Unassigned,\n",
      message: /not a status code \(100-599\) or a valid range/,
    },
    {
      name: "a range that is not Unassigned",
      text: "Value,Description,Reference\n105-199,Reserved,\n",
      message: /only "Unassigned" ranges/,
    },
    {
      name: "an unquoted comma",
      text: "Value,Description,Reference\n404,Not Found,[RFC9110, Section 15.5.5]\n",
      message: /line 2: expected 3 cells like the header, found 4/,
    },
    {
      name: "an unclosed quote",
      text: 'Value,Description,Reference\n404,"Not Found,[RFC9110]\n',
      message: /line 2: quoted cell is never closed/,
    },
    {
      name: "an empty description",
      text: "Value,Description,Reference\n404,,[RFC9110]\n",
      message: /empty Description/,
    },
    {
      name: "a code listed twice",
      text: "Value,Description,Reference\n404,Not Found,[RFC9110]\n404,Not Found,[RFC9110]\n",
      message: /line 3: code 404 appears twice \(first at line 2\)/,
    },
    {
      name: "a code inside an Unassigned range",
      text: "Value,Description,Reference\n400-499,Unassigned,\n404,Not Found,[RFC9110]\n",
      message: /inside the Unassigned range 400-499/,
    },
    {
      name: "the plain-text rendering",
      text: "   Internet Assigned Numbers Authority\n\n   Last Updated\n   2025-09-15\n",
      message: /no header row/,
    },
  ];

  it.each(csvErrors)("parseRegistry rejects a CSV with $name", ({ text, message }) => {
    expect(() => parseRegistry(text)).toThrow(CheckIanaError);
    expect(() => parseRegistry(text)).toThrow(message);
  });

  const xmlErrors: Array<{ name: string; text: string; message: RegExp }> = [
    { name: "no records", text: readFixture("no-records.xml"), message: /no <record> elements/ },
    {
      name: "a record without <value>",
      text: "<registry><record><description>Continue</description></record></registry>",
      message: /record 1 \(line 1\): <record> has no <value>/,
    },
    {
      name: "a record without <description>",
      text: "<registry><record><value>100</value></record></registry>",
      message: /<record> 100 has no <description>/,
    },
    {
      name: "an unclosed record",
      text: "<registry>\n<record><value>100</value><description>Continue</description>\n</registry>",
      message: /record 1 \(line 2\): <record> is never closed/,
    },
    {
      name: "a bad value",
      text: "<registry><record><value>1xx</value><description>Informational</description></record></registry>",
      message: /Value "1xx" is not a status code/,
    },
    {
      name: "a bad <updated> date",
      text: "<registry><updated>soon</updated><record><value>100</value><description>Continue</description></record></registry>",
      message: /<updated> is not a date/,
    },
    {
      name: "the HTML page instead of the XML",
      text: "<!DOCTYPE html><html><body>HTTP Status Codes</body></html>",
      message: /HTML page/,
    },
    {
      name: "IANA's XHTML page instead of the XML",
      text: '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><table><tr><td>100</td></tr></table></body></html>',
      message: /HTML page/,
    },
  ];

  it.each(xmlErrors)("parseRegistry rejects an XML with $name", ({ text, message }) => {
    expect(() => parseRegistry(text)).toThrow(CheckIanaError);
    expect(() => parseRegistry(text)).toThrow(message);
  });

  const [entry] = JSON.parse(readFixture("data-small.json")) as DataJson;
  const { phrase: _phrase, ...withoutPhrase } = entry!;
  const { document: _document, ...specWithoutDocument } = entry!.spec;
  it.each([
    [{ code: 100 }, /expected an array of entries/],
    [[withoutPhrase], /entry 0 \(code 100\): missing field "phrase"/],
    [[{ ...entry, code: "100" }], /code must be an integer/],
    [[{ ...entry, spec: specWithoutDocument }], /spec needs document/],
  ])("validateData rejects malformed data %j", (json, message) => {
    expect(() => validateData(json)).toThrow(CheckIanaError);
    expect(() => validateData(json)).toThrow(message);
  });
});

describe("formatReport", () => {
  it("formatReport prints a one-line in-sync summary", () => {
    const registry = parseRegistryXml(inSyncXml);
    expect(formatReport([], { registryFile: "r.xml", dataFile: "d.json", registry, today: TODAY })).toBe(
      "in sync: 9 codes (r.xml, updated 2025-09-15; d.json; today 2026-01-01)\n",
    );
  });
});

describe("runCli", () => {
  it("runCli returns exit 0 for the in-sync fixtures", () => {
    for (const name of ["in-sync.csv", "in-sync.xml"]) {
      const r = runCli([fixture(name), "--data", SMALL_DATA, "--today", TODAY]);
      expect(r).toMatchObject({ exitCode: 0, stderr: "" });
      expect(r.stdout).toMatch(/^in sync: 9 codes/);
    }
  });

  it.each([
    [[], /no registry file given/],
    [["a.csv", "b.csv"], /only one registry file/],
    [["a.csv", "--today", "2026-13-01"], /--today must be a date/],
    [["a.csv", "--today"], /--today needs a value/],
    [["a.csv", "--frobnicate"], /unknown option --frobnicate/],
  ])("runCli exits 2 for bad arguments %j", (args, message) => {
    const r = runCli(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("check-iana CLI (spawned with node --import tsx)", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "check-iana-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(["in-sync.csv", "in-sync.xml"])("check-iana exits 0 with an in-sync summary for %s", (name) => {
    const r = runScript([fixture(name), "--data", SMALL_DATA, "--today", TODAY]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toMatch(/^in sync: 9 codes \(/);
  });

  it("check-iana reads data/status-codes.json by default and exits 0 for a registry rendered from it", () => {
    const csv = join(dir, "http-status-codes-1.csv");
    const xml = join(dir, "registry-without-xml-extension.txt");
    writeFileSync(csv, csvFromData(realData));
    writeFileSync(xml, xmlFromData(realData));
    for (const file of [csv, xml]) {
      const r = runScript([file, "--today", TODAY]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(new RegExp(`^in sync: ${realData.length} codes \\(.*data/status-codes\\.json`));
      expect(r.status).toBe(0);
    }
  });

  it("check-iana exits 1 with one line per difference, sorted by code", () => {
    const r = runScript([fixture("drift.csv"), "--data", SMALL_DATA, "--today", TODAY]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^out of sync: 7 differences between .*data-small\.json \(old\) and the IANA registry .*drift\.csv \(new\):$/);
    expect(lines.slice(1, -1).map((l) => l.trim())).toEqual([
      "102 Processing: removed from the registry (now inside Unassigned 101-103), still in data as standard",
      "104 Upload Resumption Supported: reference changed: draft-ietf-httpbis-resumable-upload-05, Section 4 → [draft-ietf-httpbis-resumable-upload-06]",
      "104 Upload Resumption Supported: expiry changed: 2026-11-13 → 2027-11-13",
      "404 Not Found: became (Unused): status standard → unused",
      '413 Content Too Large: phrase changed: "Content Too Large" → "Payload Too Large"',
      '421 Misdirected Request: added to the registry, missing from data: "Misdirected Request" [RFC9110, Section 15.5.20]',
      "510 Not Extended: stopped being OBSOLETED: status obsoleted → standard",
    ]);
    expect(lines.at(-1)).toMatch(/npm run generate/);
  });

  it("check-iana exits 1 and names an expired provisional registration", () => {
    const r = runScript([fixture("in-sync.xml"), "--data", SMALL_DATA, "--today", "2026-11-25"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      "104 Upload Resumption Supported: provisional registration expired 2026-11-13 (today 2026-11-25): check whether IANA renewed or removed it",
    );
  });

  it.each([
    ["no-header.csv", /cannot parse .*no-header\.csv: line 1: no header row/],
    ["bad-value.csv", /line 3: Value "1OO" is not a status code or a range/],
    ["unquoted-comma.csv", /line 3: expected 3 cells like the header, found 4/],
    ["no-records.xml", /no <record> elements/],
    ["does-not-exist.csv", /cannot read registry file .*does-not-exist\.csv: no such file/],
    [".", /cannot read registry file .*: it is a directory/],
  ])("check-iana exits 2 with the reason on stderr for %s", (name, message) => {
    const r = runScript([fixture(name), "--data", SMALL_DATA]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^check-iana: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("check-iana exits 2 when the data file is missing, not JSON or not valid data", () => {
    const notJson = join(dir, "not-json.json");
    const invalid = join(dir, "invalid.json");
    writeFileSync(notJson, "{ nope");
    writeFileSync(invalid, JSON.stringify([{ code: 100 }]));
    for (const [data, message] of [
      [join(dir, "missing.json"), /cannot read data file .*missing\.json: no such file/],
      [notJson, /cannot parse data file .*not-json\.json/],
      [invalid, /^check-iana: data file .*invalid\.json: entry 0 \(code 100\): missing field "phrase"/],
    ] as const) {
      const r = runScript([fixture("in-sync.csv"), "--data", data]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("check-iana exits 2 with usage when no file is given", () => {
    const r = runScript([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no registry file given\nusage: npm run check:iana -- /);
  });
});

describe("check-iana details that a looser reader would get wrong", () => {
  it("compareRegistry reports a phrase that changed only its case", () => {
    expect(diffCsv(replaceOnce(inSyncCsv, "404,Not Found,", "404,Not found,")).map((d) => d.message)).toEqual([
      '404 Not Found: phrase changed: "Not Found" → "Not found"',
    ]);
  });

  it("parseRegistryXml does not read a commented-out record", () => {
    const commented =
      '<!-- <record><value>421</value><description>Misdirected Request</description><xref type="rfc" data="rfc9110">RFC9110, Section 15.5.20</xref></record> -->\n    <footnote';
    expect(diffXml(replaceOnce(inSyncXml, "<footnote", commented))).toEqual([]);
  });

  it("parseRegistryCsv rejects a quote inside an unquoted cell", () => {
    const csv = replaceOnce(inSyncCsv, "404,Not Found,", '404,Not "Found",');
    expect(() => parseRegistryCsv(csv)).toThrow(CheckIanaError);
    expect(() => parseRegistryCsv(csv)).toThrow(/^line 14: stray quote inside an unquoted cell$/);
  });

  it("parseRegistryCsv counts a CRLF as one line break in its messages", () => {
    const csv = "Value,Description,Reference\r\n100,Continue,[RFC9110]\r\n1OO,Processing,[RFC2518]\r\n";
    expect(() => parseRegistryCsv(csv)).toThrow(/^line 3: Value "1OO"/);
  });
});
