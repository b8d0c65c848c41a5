// Byte budgets per named import of the built package: each row bundles a one-line consumer the way
// an app ships it (esbuild: bundle, minify, ESM, browser; two rows with rollup) and gzips it.
// `npm run size` prints the table and fails on any problem; `-- --write` puts it into docs/size.md,
// `-- --check` also fails when that is out of date. test/size.test.ts runs the same checks.
// Not size-limit: it would replace only the lines that bundle and gzip. Most budgets here are
// relative to another bundle of the same run (a hand-written phrase table, `formatStatus`), and the
// checks that matter most read the bundled code (no description where only phrases are imported,
// the number alone for a constant, one phrase table for core + problem): they would stay here.
import { build, transform } from "esbuild";
import { rollup } from "rollup";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { STATUSES } from "statuskit";
import { UNOFFICIAL_STATUSES } from "statuskit/unofficial";

// Consumers are resolved from the repository, so `statuskit` is this package through its `exports`.
const root = fileURLToPath(new URL("..", import.meta.url));

/** Minified code and its bytes after gzip -9. */
export type Bundle = { code: string; gzip: number };
const gzipped = (code: string): Bundle => ({ code, gzip: gzipSync(code, { level: 9 }).length });

/** A consumer's source bundled with esbuild: bundle, minify, ESM, browser. */
export async function esbuildBundle(source: string): Promise<Bundle> {
  const options = { bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" } as const;
  return gzipped((await build({ stdin: { contents: source, resolveDir: root, loader: "js" }, ...options })).outputFiles[0]!.text);
}

/** The same with rollup and node-resolve, then minified by esbuild. */
async function rollupBundle(source: string): Promise<Bundle> {
  const entry = `${root}size-entry.js`;
  const load = { name: "entry", resolveId: (id: string) => (id === entry ? id : null), load: (id: string) => (id === entry ? source : null) };
  const bundle = await rollup({ input: entry, plugins: [load, nodeResolve({ browser: true })], logLevel: "silent" });
  const { output } = await bundle.generate({ format: "es" });
  await bundle.close();
  return gzipped((await transform(output[0].code, { minify: true, format: "esm" })).code);
}

/** A row: a short name for tests (`constant (rollup)`), the table's label and rule, and every problem found. */
export type Case = { id: string; label: string; bundle: Bundle; rule: string; problems: string[] };

const use = (names: string, from = "statuskit") => `import { ${names} } from "${from}"; console.log(${names});`;
const text = (s: string) => JSON.stringify(s).slice(1, -1);
const DESCRIPTIONS = STATUSES.map((s) => s.description);
const leaks = (code: string, what: string, texts: readonly string[], found = texts.filter((t) => code.includes(text(t)))) =>
  found.length ? [`${found.length} ${what} in the bundle (first: "${found[0]}")`] : [];
const noText = (b: Bundle) => leaks(b.code, "descriptions", DESCRIPTIONS);
const noTable = (b: Bundle) => [...noText(b), ...leaks(b.code, "phrases", STATUSES.map((s) => s.phrase))];
/** Problems unless the code is the number alone: no string, no function, no table. */
const numberAlone = (b: Bundle, value: number) => [
  ...(b.code.includes(String(value)) ? [] : [`${value} is not in the bundle`]),
  ...(/["'`]/.test(b.code) ? ["the bundle has a string literal"] : []),
  ...(/function|=>|\[/.test(b.code) ? ["the bundle has a function or an array"] : []),
  ...noTable(b),
];

const NAMED = ["NOT_FOUND", "isRedirect", "classOf", "reasonPhrase", "codeOf", "getStatus", "REASON_PHRASES", "statusTextOf", "formatStatus", "isRetryable"] as const;
const SOURCES = {
  ...(Object.fromEntries(NAMED.map((name) => [name, use(name)])) as Record<(typeof NAMED)[number], string>),
  isRetryableWithVendors: use("isRetryableWithVendors", "statuskit/unofficial"),
  required: `const { NOT_FOUND } = require("statuskit"); console.log(NOT_FOUND);`,
  problemBuild: use("createProblem, problemResponse, sendProblem", "statuskit/problem"),
  problemRead: use("readProblem, isProblemResponse", "statuskit/problem"),
  problemErrors: use("problemFromError, ProblemError", "statuskit/problem"),
  problemValidation: use("validationProblem", "statuskit/problem"),
  withCore: `import { reasonPhrase } from "statuskit"; import { createProblem } from "statuskit/problem"; console.log(reasonPhrase, createProblem);`,
  // The references: a hand-written safe phrase table (an object literal and an own-property check),
  // and `reasonPhrase` plus the legacy names that `codeOf` also accepts.
  handWritten: `const PHRASES = ${JSON.stringify(Object.fromEntries(STATUSES.map((s) => [s.code, s.phrase])))};
const reasonPhrase = (code) => (Object.hasOwn(PHRASES, code) ? PHRASES[code] : undefined);
console.log(reasonPhrase);`,
  phrasePlusLegacy: `import { reasonPhrase } from "statuskit"; console.log(reasonPhrase, ${JSON.stringify(
    STATUSES.flatMap((s) => s.aliases.map((a) => [s.code, a.phrase ?? a.constant])),
  )});`,
};

/** Bundles every consumer and checks each row. */
export async function measure(): Promise<Case[]> {
  const entries = await Promise.all(Object.entries(SOURCES).map(async ([id, source]) => [id, await esbuildBundle(source)] as const));
  const b = Object.fromEntries(entries) as Record<keyof typeof SOURCES, Bundle>;
  const [rollupConstant, rollupRedirect] = await Promise.all([rollupBundle(SOURCES.NOT_FOUND), rollupBundle(SOURCES.isRedirect)]);
  const tableBudget = [Math.floor(1.1 * b.handWritten.gzip), `≤ 1.1 × a hand-written safe phrase table (${b.handWritten.gzip} B)`] as const;
  // REASON_PHRASES is built by a pure call; no other bundle may hold its builder.
  const builder = "create(null)";
  const others = ["NOT_FOUND", "isRedirect", "classOf", "reasonPhrase", "codeOf", "getStatus", "statusTextOf"] as const;
  const holders = others.filter((id) => b[id].code.includes(builder)).map((id) => `\`REASON_PHRASES\` is in the bundle of \`${id}\``);
  const tables = b.withCore.code.split("Unprocessable Content").length - 1;
  // Strings that only the error mapping, or only the validation, holds.
  const mapping = (bundle: Bundle) => leaks(bundle.code, "error-mapping strings", ["statuskit/problem.ProblemError"]);
  const validating = (bundle: Bundle) => leaks(bundle.code, "validation strings", ["issues' place"]);
  const rows: [id: string, label: string, bundle: Bundle, budget: number | null, rule: string, problems: string[]][] = [
    ["constant", "one constant (`NOT_FOUND`)", b.NOT_FOUND, null, "the number alone", numberAlone(b.NOT_FOUND, 404)],
    ["isRedirect", "`isRedirect`", b.isRedirect, 100, "≤ 100 B", noTable(b.isRedirect)],
    ["classOf", "`classOf`", b.classOf, 200, "≤ 200 B", noTable(b.classOf)],
    ["reasonPhrase", "`reasonPhrase`", b.reasonPhrase, ...tableBudget, noText(b.reasonPhrase)],
    ["codeOf", "`codeOf`", b.codeOf, Math.floor(1.2 * b.phrasePlusLegacy.gzip), `≤ 1.2 × \`reasonPhrase\` plus the legacy names (${b.phrasePlusLegacy.gzip} B)`, noText(b.codeOf)],
    ["getStatus", "`getStatus` (full records)", b.getStatus, null, "reported", []],
    ["constant (rollup)", "one constant (`NOT_FOUND`), rollup", rollupConstant, null, "the number alone", numberAlone(rollupConstant, 404)],
    ["isRedirect (rollup)", "`isRedirect`, rollup", rollupRedirect, 100, "≤ 100 B", noTable(rollupRedirect)],
    ["REASON_PHRASES", "`REASON_PHRASES`", b.REASON_PHRASES, ...tableBudget, [
      ...noText(b.REASON_PHRASES), ...holders, ...(b.REASON_PHRASES.code.includes(builder) ? [] : ["the table's builder is not found"]),
    ]],
    ["statusTextOf", "`statusTextOf`", b.statusTextOf, b.formatStatus.gzip + 200, `≤ \`formatStatus\` + 200 B (${b.formatStatus.gzip + 200} B)`, noText(b.statusTextOf)],
    ["isRetryableWithVendors", "`isRetryableWithVendors` (`statuskit/unofficial`)", b.isRetryableWithVendors, b.isRetryable.gzip + 50,
      `≤ the core's \`isRetryable\` + 50 B (${b.isRetryable.gzip + 50} B)`,
      [...noTable(b.isRetryableWithVendors), ...leaks(b.isRetryableWithVendors.code, "unofficial descriptions", UNOFFICIAL_STATUSES.map((s) => s.description))]],
    // A bundler packs the whole module that `require` names: it cannot tell which exports a
    // CommonJS consumer reads. The row says so, and fails when that stops being true.
    ["constant (require)", "one constant through `require` (CommonJS)", b.required, null, "reported: the whole table",
      DESCRIPTIONS.every((d) => b.required.code.includes(text(d))) ? [] : ["the bundle no longer holds every description"]],
    // Building a problem takes the phrase table (about:blank titles), reading takes none; an app
    // that imports the core too must get the one table, not a second copy. Error mapping and
    // validation are imports of their own: an app that uses neither ships none of their code.
    ["problem: build and respond", "`statuskit/problem`: `createProblem`, `problemResponse`, `sendProblem`", b.problemBuild, 2600,
      "≤ 2600 B, without error mapping or validation", [...noText(b.problemBuild), ...mapping(b.problemBuild), ...validating(b.problemBuild),
        ...(tables === 1 ? [] : [`an app importing statuskit and statuskit/problem ships the phrase table ${tables} times`])]],
    ["problem: read", "`statuskit/problem`: `readProblem`, `isProblemResponse`", b.problemRead, 1700,
      "≤ 1700 B, no phrase table (with reasons, a signal, checked options, relative URIs resolved, no recursion)", noTable(b.problemRead)],
    ["problem: errors", "`statuskit/problem`: `problemFromError`, `ProblemError`", b.problemErrors, 2900, "≤ 2900 B",
      [...noText(b.problemErrors), ...validating(b.problemErrors)]],
    ["problem: validation", "`statuskit/problem`: `validationProblem`", b.problemValidation, 2900, "≤ 2900 B",
      [...noText(b.problemValidation), ...mapping(b.problemValidation)]],
  ];
  const over = (bundle: Bundle, budget: number | null) => (budget !== null && bundle.gzip > budget ? [`${bundle.gzip} B exceeds the budget of ${budget} B`] : []);
  return rows.map(([id, label, bundle, budget, rule, problems]) => ({ id, label, bundle, rule, problems: [...problems, ...over(bundle, budget)] }));
}

/** The markdown table that goes between docs/size.md's markers. */
export const renderSizeTable = (cases: Case[]): string =>
  ["| Import | Bundle, minified and gzipped | Budget |", "| --- | ---: | --- |", ...cases.map((c) => `| ${c.label} | ${c.bundle.gzip} B | ${c.rule} |`)].join("\n");

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cases = await measure();
  const table = renderSizeTable(cases);
  console.log(table);
  const failures = cases.flatMap((c) => c.problems.map((p) => `${c.label}: ${p}`));
  const [path, page] = [`${root}docs/size.md`, readFileSync(`${root}docs/size.md`, "utf8")];
  const updated = page.replace(/(<!-- size:start.*-->\n)[^]*(<!-- size:end -->)/, (_, start, end) => `${start}${table}\n${end}`);
  if (process.argv.includes("--write")) writeFileSync(path, updated);
  else if (process.argv.includes("--check") && updated !== page) failures.push("docs/size.md is out of date: run `npm run size -- --write`");
  for (const failure of failures) console.error(`size: ${failure}`);
  if (failures.length) process.exitCode = 1;
}
