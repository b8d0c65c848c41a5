// Byte budgets per named import (scripts/size.ts) on the dist/ that `npm test` has just built,
// and the guides' tables generated from them and by scripts/why.ts.
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { type Case, measure, renderSizeTable } from "../scripts/size";
import { STATUSES } from "../src/index";
import { renderWhyTable } from "../scripts/why";

let cases: Case[];

beforeAll(async () => {
  cases = await measure();
}, 60_000);

const byId = (id: string): Case => cases.find((c) => c.id === id)!;

describe("byte budgets", () => {
  it.each([
    ["constant", "one constant bundles to the number alone with esbuild"],
    ["constant (rollup)", "one constant bundles to the number alone with rollup"],
    ["isRedirect", "isRedirect stays within 100 B with esbuild"],
    ["isRedirect (rollup)", "isRedirect stays within 100 B with rollup"],
    ["classOf", "classOf stays within 200 B"],
    ["reasonPhrase", "reasonPhrase stays within 1.1 × a hand-written safe phrase table, with no description"],
    ["codeOf", "codeOf stays within 1.2 × reasonPhrase plus the legacy names, with no description"],
    ["getStatus", "getStatus is measured"],
    ["REASON_PHRASES", "REASON_PHRASES stays within 1.1 × a hand-written safe phrase table, and no other bundle holds it"],
    ["statusTextOf", "statusTextOf stays within formatStatus + 200 B, with no description"],
    ["isRetryableWithVendors", "isRetryableWithVendors stays within isRetryable + 50 B, with no phrase and no unofficial description"],
    ["problem: build and respond", "statuskit/problem's builders stay within 2600 B, with no description, error mapping or validation; an app importing the core too ships the phrase table once"],
    ["problem: read", "statuskit/problem's readers stay within 1700 B, with no phrase table"],
    ["problem: errors", "statuskit/problem's error mapping stays within 2900 B, with no validation"],
    ["problem: validation", "statuskit/problem's validation stays within 2900 B, with no error mapping"],
  ])("%s: %s", (id) => {
    const c = byId(id);
    expect(c.bundle.gzip).toBeGreaterThan(0);
    expect(c.problems, `${c.label}: ${c.bundle.gzip} B\n${c.bundle.code.slice(0, 400)}`).toEqual([]);
  });

  // The rows above each name a budget; this one holds every row scripts/size.ts measures, so that a
  // new row is checked before it gets a test of its own.
  it("every row of scripts/size.ts is within its budget and has no other problem", () => {
    expect(cases.flatMap((c) => c.problems.map((p) => `${c.label}: ${p}`))).toEqual([]);
  });

  it("getStatus's bundle holds the descriptions that the other bundles are checked not to hold", () => {
    const code = byId("getStatus").bundle.code;
    expect(STATUSES.every((s) => code.includes(JSON.stringify(s.description).slice(1, -1)))).toBe(true);
  });
});

describe("the guides' generated tables", () => {
  /** The text between the `name` markers of a guide page. */
  const section = (file: string, name: string) =>
    readFileSync(new URL(`../docs/${file}`, import.meta.url), "utf8").match(new RegExp(`<!-- ${name}:start.*-->\\n([^]*)\\n<!-- ${name}:end -->`))?.[1];

  it("docs/size.md has the size table that `npm run size -- --write` generates", () => {
    expect(section("size.md", "size"), "run `npm run size -- --write`").toBe(renderSizeTable(cases));
  });

  // Node's column is measured on the Node that runs the script, so it is compared only when that is
  // the Node line that wrote docs/why.md; every other column, on any Node.
  it("docs/why.md has the \"Why statuskit\" table that `npm run why -- --write` generates, Node's column on the Node line that wrote it", async () => {
    const [page, fresh] = [section("why.md", "why")!, await renderWhyTable()];
    const withoutLast = (table: string) => table.split("\n").map((line) => (line.startsWith("|") ? line.split(/(?<!\\)\|/).slice(0, -2).join("|") : line));
    expect(withoutLast(page), "run `npm run why -- --write`").toEqual(withoutLast(fresh));
    const nodeLine = (table: string) => table.match(/Node (\d+) `STATUS_CODES`/)?.[1];
    expect(nodeLine(page)).toBeDefined();
    if (nodeLine(page) === nodeLine(fresh)) expect(page, "run `npm run why -- --write`").toBe(fresh);
  }, 60_000);
});

describe("CommonJS", () => {
  it("one constant through `require` bundles the whole table, as docs/size.md says", () => {
    const c = byId("constant (require)");
    expect(c.problems, c.label).toEqual([]);
    expect(c.bundle.gzip).toBeGreaterThan(byId("getStatus").bundle.gzip);
  });
});

describe("statuskit/problem beside the core", () => {
  it("no bundle of the core holds anything of statuskit/problem", () => {
    const core = cases.filter((c) => !c.id.startsWith("problem"));
    for (const c of core) expect(c.bundle.code, c.label).not.toContain("problem+json");
  });
});
