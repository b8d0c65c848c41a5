// Byte budgets per named import: each case is a one-line consumer bundled the way an app would
// ship it (esbuild: bundle, minify, ESM, browser), then gzipped. `npm run size` prints the table
// and fails when a budget is exceeded; `-- --write` puts the table into README.md, `-- --check`
// fails when README.md is out of date. test/size.test.ts runs the same checks.
import { build, transform } from "esbuild";
import { rollup } from "rollup";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { STATUSES } from "../src/index";
import { LEGACY_NAMES } from "../src/tables";
import { UNOFFICIAL_STATUSES } from "../src/unofficial";
import { publish } from "./readme";
import { renderSite } from "./site";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The packages a consumer may import; each is linked into the consumer folder. */
const PEERS = ["http-status-codes", "http-status", "statuses"];

export interface Bundle {
  /** Minified code. */
  code: string;
  /** Bytes of `code` after gzip -9. */
  gzip: number;
}

const gzipSize = (code: string): number => gzipSync(code, { level: 9 }).length;

/**
 * A folder whose node_modules links statuskit (the package folder `pkgDir`, so its package.json
 * `exports` decide what gets bundled) and the peers, for consumer files to import by name.
 */
export function consumerFolder(pkgDir = root): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "statuskit-size-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(pkgDir, join(dir, "node_modules", "statuskit"), "dir");
  for (const peer of PEERS) symlinkSync(join(root, "node_modules", peer), join(dir, "node_modules", peer), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Bundles one consumer with esbuild: bundle, minify, ESM, browser. */
export async function esbuildBundle(dir: string, source: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: dir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzip: gzipSize(code) };
}

/** Bundles one consumer with rollup and node-resolve, then minifies with esbuild (no bundling). */
async function rollupBundle(dir: string, source: string): Promise<Bundle> {
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, source);
  const bundle = await rollup({ input: entry, plugins: [nodeResolve({ browser: true })], logLevel: "silent" });
  const { output } = await bundle.generate({ format: "es" });
  await bundle.close();
  const { code } = await transform(output[0].code, { minify: true, format: "esm" });
  return { code, gzip: gzipSize(code) };
}

/** A hand-written safe phrase table: an object literal of the registered phrases and an own-property check. */
function handWrittenPhraseTable(): string {
  const table = Object.fromEntries(STATUSES.map((s) => [s.code, s.phrase]));
  return `const PHRASES = ${JSON.stringify(table)};
const reasonPhrase = (code) => (Object.hasOwn(PHRASES, code) ? PHRASES[code] : undefined);
console.log(reasonPhrase);`;
}

const consumer = (name: string) => `import { ${name} } from "statuskit"; console.log(${name});`;

export interface Case {
  /** A short name for tests: `constant`, `isRedirect`, `constant (rollup)`. */
  id: string;
  /** The README row. */
  label: string;
  bundle: Bundle;
  /** The budget in gzip bytes, or `null` when the row is reported only. */
  budget: number | null;
  /** How the budget is set. */
  rule: string;
  /** Problems found beyond the byte count. */
  problems: string[];
}

export interface Measurement {
  cases: Case[];
  /** Bundles of the peers, for the "Why statuskit" table: `null` where a peer has no such import. */
  peers: Record<string, { constant: Bundle | null; phrase: Bundle | null }>;
}

// Consumers of the peers, written the way each peer's README shows them.
const PEER_CONSUMERS: Record<string, { constant: string | null; phrase: string | null }> = {
  "http-status-codes": {
    constant: `import { StatusCodes } from "http-status-codes"; console.log(StatusCodes.NOT_FOUND);`,
    phrase: `import { getReasonPhrase } from "http-status-codes"; console.log(getReasonPhrase);`,
  },
  "http-status": {
    constant: `import { status } from "http-status"; console.log(status.NOT_FOUND);`,
    phrase: `import { status } from "http-status"; console.log((code) => status[code]);`,
  },
  statuses: {
    constant: null,
    phrase: `import statuses from "statuses"; console.log((code) => statuses.message[code]);`,
  },
};

/** Every description, to prove that none ends up where only numbers or phrases were imported. */
const DESCRIPTIONS = STATUSES.map((s) => s.description);
const PHRASES = STATUSES.map((s) => s.phrase);
const UNOFFICIAL_DESCRIPTIONS = UNOFFICIAL_STATUSES.map((s) => s.description);

function leaks(code: string, what: string, texts: readonly string[]): string[] {
  const found = texts.filter((text) => code.includes(JSON.stringify(text).slice(1, -1)));
  return found.length ? [`${found.length} ${what} in the bundle (first: "${found[0]}")`] : [];
}

/** Whether the code is the number alone: no string, no function, no table. */
function numberAlone(code: string, value: number): string[] {
  const problems: string[] = [];
  if (!code.includes(String(value))) problems.push(`${value} is not in the bundle`);
  if (/["'`]/.test(code)) problems.push("the bundle has a string literal");
  if (/function|=>|\[/.test(code)) problems.push("the bundle has a function or an array");
  return problems;
}

function overBudget(c: Pick<Case, "bundle" | "budget">): string[] {
  return c.budget !== null && c.bundle.gzip > c.budget ? [`${c.bundle.gzip} B exceeds the budget of ${c.budget} B`] : [];
}

/** Bundles every case and checks it; `pkgDir` is the package folder (the repository by default). */
export async function measure(pkgDir = root): Promise<Measurement> {
  const folder = consumerFolder(pkgDir);
  try {
    const esb = (source: string) => esbuildBundle(folder.dir, source);
    const [constant, redirect, classOf, phrase, codeOf, status, baseline, phrasePlusLegacy, rollupConstant, rollupRedirect] =
      await Promise.all([
        esb(consumer("NOT_FOUND")),
        esb(consumer("isRedirect")),
        esb(consumer("classOf")),
        esb(consumer("reasonPhrase")),
        esb(consumer("codeOf")),
        esb(consumer("getStatus")),
        esb(handWrittenPhraseTable()),
        esb(`import { reasonPhrase } from "statuskit"; console.log(reasonPhrase, ${JSON.stringify(LEGACY_NAMES)});`),
        rollupBundle(folder.dir, consumer("NOT_FOUND")),
        rollupBundle(folder.dir, consumer("isRedirect")),
      ]);
    const noText = (b: Bundle) => [...leaks(b.code, "descriptions", DESCRIPTIONS)];
    const noTable = (b: Bundle) => [...noText(b), ...leaks(b.code, "phrases", PHRASES)];
    const cases: Omit<Case, "problems">[] = [];
    const problems: string[][] = [];
    const add = (c: Omit<Case, "problems">, extra: string[]) => {
      cases.push(c);
      problems.push([...extra, ...overBudget(c)]);
    };
    add({ id: "constant", label: "one constant (`NOT_FOUND`)", bundle: constant, budget: null, rule: "the number alone" }, [
      ...numberAlone(constant.code, 404),
      ...noTable(constant),
    ]);
    add({ id: "isRedirect", label: "`isRedirect`", bundle: redirect, budget: 100, rule: "≤ 100 B" }, noTable(redirect));
    add({ id: "classOf", label: "`classOf`", bundle: classOf, budget: 200, rule: "≤ 200 B" }, noTable(classOf));
    add(
      {
        id: "reasonPhrase",
        label: "`reasonPhrase`",
        bundle: phrase,
        budget: Math.floor(1.1 * baseline.gzip),
        rule: `≤ 1.1 × a hand-written safe phrase table (${baseline.gzip} B)`,
      },
      noText(phrase),
    );
    add(
      {
        id: "codeOf",
        label: "`codeOf`",
        bundle: codeOf,
        budget: Math.floor(1.2 * phrasePlusLegacy.gzip),
        rule: `≤ 1.2 × \`reasonPhrase\` plus the legacy names (${phrasePlusLegacy.gzip} B)`,
      },
      noText(codeOf),
    );
    add({ id: "getStatus", label: "`getStatus` (full records)", bundle: status, budget: null, rule: "reported" }, []);
    add(
      { id: "constant (rollup)", label: "one constant (`NOT_FOUND`), rollup", bundle: rollupConstant, budget: null, rule: "the number alone" },
      [...numberAlone(rollupConstant.code, 404), ...noTable(rollupConstant)],
    );
    add({ id: "isRedirect (rollup)", label: "`isRedirect`, rollup", bundle: rollupRedirect, budget: 100, rule: "≤ 100 B" }, noTable(rollupRedirect));

    // The lookups of issue 10. REASON_PHRASES is built by a pure call; no other bundle may hold it.
    const [phraseObject, statusText, formatStatus, retryable, retryWithVendors] = await Promise.all([
      esb(consumer("REASON_PHRASES")),
      esb(consumer("statusTextOf")),
      esb(consumer("formatStatus")),
      esb(consumer("isRetryable")),
      esb(`import { isRetryableWithVendors } from "statuskit/unofficial"; console.log(isRetryableWithVendors);`),
    ]);
    const phraseObjectBuilder = "create(null)";
    const holders = Object.entries({ constant, isRedirect: redirect, classOf, reasonPhrase: phrase, codeOf, getStatus: status, statusTextOf: statusText })
      .filter(([, b]) => b.code.includes(phraseObjectBuilder))
      .map(([name]) => `\`REASON_PHRASES\` is in the bundle of \`${name}\``);
    add(
      {
        id: "REASON_PHRASES",
        label: "`REASON_PHRASES`",
        bundle: phraseObject,
        budget: Math.floor(1.1 * baseline.gzip),
        rule: `≤ 1.1 × a hand-written safe phrase table (${baseline.gzip} B)`,
      },
      [...noText(phraseObject), ...holders, ...(phraseObject.code.includes(phraseObjectBuilder) ? [] : ["the table's builder is not found"])],
    );
    add(
      {
        id: "statusTextOf",
        label: "`statusTextOf`",
        bundle: statusText,
        budget: formatStatus.gzip + 200,
        rule: `≤ \`formatStatus\` + 200 B (${formatStatus.gzip + 200} B)`,
      },
      noText(statusText),
    );
    add(
      {
        id: "isRetryableWithVendors",
        label: "`isRetryableWithVendors` (`statuskit/unofficial`)",
        bundle: retryWithVendors,
        budget: retryable.gzip + 50,
        rule: `≤ the core's \`isRetryable\` + 50 B (${retryable.gzip + 50} B)`,
      },
      [...noTable(retryWithVendors), ...leaks(retryWithVendors.code, "unofficial descriptions", UNOFFICIAL_DESCRIPTIONS)],
    );

    // CommonJS: a bundler packs the whole module that `require` names, since it cannot tell which
    // exports a CommonJS consumer reads. The row states that, and fails if it stops being true.
    const required = await esb(`const { NOT_FOUND } = require("statuskit"); console.log(NOT_FOUND);`);
    add(
      { id: "constant (require)", label: "one constant through `require` (CommonJS)", bundle: required, budget: null, rule: "reported: the whole table" },
      DESCRIPTIONS.every((d) => required.code.includes(JSON.stringify(d).slice(1, -1))) ? [] : ["the bundle no longer holds every description"],
    );

    // statuskit/problem. Building takes the phrase table (for about:blank titles); reading takes none.
    // An app that imports the core too must get the one table, not a second copy. Error mapping and
    // validation are separate imports: an app that uses neither ships none of their code.
    const [problemBuild, problemRead, both, problemErrors, problemValidation] = await Promise.all([
      esb(`import { createProblem, problemResponse, sendProblem } from "statuskit/problem"; console.log(createProblem, problemResponse, sendProblem);`),
      esb(`import { readProblem, isProblemResponse } from "statuskit/problem"; console.log(readProblem, isProblemResponse);`),
      esb(`import { reasonPhrase } from "statuskit"; import { createProblem } from "statuskit/problem"; console.log(reasonPhrase, createProblem);`),
      esb(`import { problemFromError, ProblemError } from "statuskit/problem"; console.log(problemFromError, ProblemError);`),
      esb(`import { validationProblem } from "statuskit/problem"; console.log(validationProblem);`),
    ]);
    const tables = both.code.split("Unprocessable Content").length - 1;
    // Strings that only the error mapping and the validation have.
    const others = [...leaks(problemBuild.code, "error-mapping strings", ["statuskit/problem.ProblemError"]), ...leaks(problemBuild.code, "validation strings", ["issues' place"])];
    add(
      {
        id: "problem: build and respond",
        label: "`statuskit/problem`: `createProblem`, `problemResponse`, `sendProblem`",
        bundle: problemBuild,
        budget: 2600,
        rule: "≤ 2600 B, without error mapping or validation",
      },
      [...noText(problemBuild), ...others, ...(tables === 1 ? [] : [`an app importing statuskit and statuskit/problem ships the phrase table ${tables} times`])],
    );
    add(
      {
        id: "problem: read",
        label: "`statuskit/problem`: `readProblem`, `isProblemResponse`",
        bundle: problemRead,
        budget: 1700,
        rule: "≤ 1700 B, no phrase table (with reasons, a signal, checked options, relative URIs resolved, no recursion)",
      },
      noTable(problemRead),
    );
    add(
      {
        id: "problem: errors",
        label: "`statuskit/problem`: `problemFromError`, `ProblemError`",
        bundle: problemErrors,
        budget: 2900,
        rule: "≤ 2900 B",
      },
      [...noText(problemErrors), ...leaks(problemErrors.code, "validation strings", ["issues' place"])],
    );
    add(
      {
        id: "problem: validation",
        label: "`statuskit/problem`: `validationProblem`",
        bundle: problemValidation,
        budget: 2900,
        rule: "≤ 2900 B",
      },
      [...noText(problemValidation), ...leaks(problemValidation.code, "error-mapping strings", ["statuskit/problem.ProblemError"])],
    );

    // The reference site (not in the package): what a reader downloads for a page, each file
    // gzipped on its own as a server sends it. A fixed build date keeps the bytes stable.
    const site = await renderSite({ today: "2026-12-01" });
    const weigh = (paths: string[]): Bundle => {
      const texts = paths.map((path) => site.get(path)!);
      return { code: texts.join("\n"), gzip: texts.reduce((sum, text) => sum + gzipSize(text), 0) };
    };
    add({ id: "site index", label: "site: the index page (HTML, CSS, JS)", bundle: weigh(["index.html", "style.css", "search.js"]), budget: 20_000, rule: "≤ 20 kB" }, []);
    add({ id: "site code page", label: "site: a code page, `404/` (HTML, CSS)", bundle: weigh(["404/index.html", "style.css"]), budget: 4_000, rule: "≤ 4 kB" }, []);

    const peers: Measurement["peers"] = {};
    for (const [peer, sources] of Object.entries(PEER_CONSUMERS)) {
      peers[peer] = {
        constant: sources.constant === null ? null : await esb(sources.constant),
        phrase: sources.phrase === null ? null : await esb(sources.phrase),
      };
    }
    return { cases: cases.map((c, i) => ({ ...c, problems: problems[i]! })), peers };
  } finally {
    folder.remove();
  }
}

/** The markdown table that goes between the README markers. */
export function renderSizeTable({ cases }: Measurement): string {
  const rows = cases.map((c) => `| ${c.label} | ${c.bundle.gzip} B | ${c.rule} |`);
  return [
    "| Import | Bundle, minified and gzipped | Budget |",
    "| --- | ---: | --- |",
    ...rows,
  ].join("\n");
}


async function main() {
  const m = await measure();
  const failures = m.cases.flatMap((c) => c.problems.map((p) => `${c.label}: ${p}`));
  failures.push(...publish("size", renderSizeTable(m), "npm run size -- --write"));
  for (const failure of failures) console.error(`size: ${failure}`);
  if (failures.length) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
