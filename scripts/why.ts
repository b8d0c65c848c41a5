// The "Why statuskit" table, every cell measured on statuskit's build and on the peers installed as
// devDependencies (Deno's, which cannot be installed, says so). `npm run why` prints it, `-- --write`
// puts it into docs/why.md, `-- --check` fails when docs/why.md is out of date.
import { build } from "esbuild";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import * as statuskit from "statuskit";
import { status as httpStatus } from "http-status";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(root, "package.json"));
// The CommonJS peers through `require`, so that what is searched is their `module.exports`
// whichever loader runs this file (tsx and vitest wrap CommonJS namespaces differently).
const httpStatusCodes = require("http-status-codes") as typeof import("http-status-codes");
const statuses = require("statuses") as typeof import("statuses");

// Each subject: its package (`null` for Node's), its phrase lookup called as its README shows, the
// exports searched for data (links, lifecycle flags, frozen objects, type guards), a type probe
// (an import, a phrase and a constant expression), and consumers bundled as its README shows them.
type Subject = { name: string; pkg: string | null; lookup: (code: any) => unknown; exports: object } & {
  probe: [imports: string, phrase: string, constant: string | null];
  consumers?: [constant: string | null, phrase: string];
};
const SUBJECTS: Subject[] = [
  { name: "statuskit", pkg: "statuskit", lookup: statuskit.reasonPhrase, exports: statuskit,
    probe: [`import { reasonPhrase, NOT_FOUND } from "statuskit";`, "reasonPhrase(404)", "NOT_FOUND"],
    consumers: [`import { NOT_FOUND } from "statuskit"; console.log(NOT_FOUND);`, `import { reasonPhrase } from "statuskit"; console.log(reasonPhrase);`] },
  { name: "http-status-codes", pkg: "http-status-codes", lookup: (code) => httpStatusCodes.getReasonPhrase(code), exports: httpStatusCodes,
    probe: [`import { getReasonPhrase, StatusCodes } from "http-status-codes";`, "getReasonPhrase(404)", "StatusCodes.NOT_FOUND"],
    consumers: [`import { StatusCodes } from "http-status-codes"; console.log(StatusCodes.NOT_FOUND);`, `import { getReasonPhrase } from "http-status-codes"; console.log(getReasonPhrase);`] },
  { name: "http-status", pkg: "http-status", lookup: (code) => (httpStatus as Record<PropertyKey, unknown>)[code], exports: { status: httpStatus },
    probe: [`import { status } from "http-status";`, "status[404]", "status.NOT_FOUND"],
    consumers: [`import { status } from "http-status"; console.log(status.NOT_FOUND);`, `import { status } from "http-status"; console.log((code) => status[code]);`] },
  { name: "statuses", pkg: "statuses", lookup: (code) => statuses.message[code], exports: { statuses },
    probe: [`import statuses from "statuses";`, "statuses.message[404]", null],
    consumers: [null, `import statuses from "statuses"; console.log((code) => statuses.message[code]);`] },
  { name: "node:http", pkg: null, lookup: (code) => http.STATUS_CODES[code], exports: { STATUS_CODES: http.STATUS_CODES },
    probe: [`import { STATUS_CODES } from "node:http";`, "STATUS_CODES[404]", null] },
];

// What is measured per subject beyond calling it: its types and its bundles.
type Facts = { phrase: string; constant: string | null; guards: string; bundles: [constant: string, phrase: string] };

const RECORDS = statuskit.STATUSES;
const quote = (value: unknown) => (typeof value === "string" ? `“${value}”` : String(value));
const list = (items: readonly unknown[], max = 3) => items.slice(0, max).join(", ") + (items.length > max ? `, … (${items.length})` : "");
const THREW = Symbol("threw");
const call = (s: Subject, value: unknown): unknown => {
  try {
    return s.lookup(value);
  } catch {}
  return THREW;
};
const phraseOf = (s: Subject, code: number) => [call(s, code)].find((value): value is string => typeof value === "string");

/** Every value reachable from the exports through own enumerable properties, functions' included. */
function reachable(start: object): unknown[] {
  const seen = new Set<unknown>();
  const walk = (value: unknown, depth: number): void => {
    if (seen.has(value) || depth > 6) return;
    seen.add(value);
    if ((typeof value === "object" && value !== null) || typeof value === "function") Object.values(value).forEach((v) => walk(v, depth + 1));
  };
  Object.values(start).forEach((value) => walk(value, 0));
  return [...seen];
}

const manifest = (name: string) => JSON.parse(readFileSync(join(root, name === "statuskit" ? "" : `node_modules/${name}`, "package.json"), "utf8"));

/** The format of the file Node loads for `import` and for `require`, and a `module` field for bundlers. */
function formatsOf(name: string): string {
  const formatOf = (file: string): string => {
    if (/\.[mc]js$/.test(file)) return file.endsWith(".mjs") ? "ESM" : "CJS";
    let dir = dirname(file);
    while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).type === "module" ? "ESM" : "CJS";
  };
  const [imported, required] = [formatOf(fileURLToPath(import.meta.resolve(name))), formatOf(require.resolve(name))];
  if (imported === "ESM" && required === "CJS") return "ESM and CJS";
  return `${required} only${imported === "CJS" && manifest(name).module ? ", ESM for bundlers (`module`)" : ""}`;
}

/** Node: its exports about problems; a package: its code and declaration files that name the media type. */
function problemDetails(name: string | null): string {
  const dir = join(root, name === "statuskit" ? "dist" : `node_modules/${name}`);
  const found = name === null
    ? Object.keys(http).filter((key) => /problem/i.test(key))
    : readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
        (file) => /\.[cm]?js$|\.d\.[cm]?ts$/.test(file) && !file.startsWith("node_modules") && readFileSync(join(dir, file), "utf8").includes("application/problem+json"),
      );
  if (name === "statuskit") return found.some((file) => file.endsWith("problem.js")) ? "build, send, read (`statuskit/problem`)" : "none";
  return found.length ? `named in ${found.length} files` : "none";
}

// Each row: a label, a subject's cell, and Deno's cell where it is not "not measured".
type Cell = (s: Subject, f: Facts) => string;
const packageOnly = (cell: (pkg: string, f: Facts) => string): Cell => (s, f) => (s.pkg === null ? "built into Node" : cell(s.pkg, f));
const ROWS: [label: string, cell: Cell, deno?: string][] = [
  ['RFC 9110 names (the 44 codes it names; 306 and 418 are "(Unused)")', (s) => {
    const codes = RECORDS.filter((r) => r.spec.document === "RFC 9110" && r.status !== "unused");
    const wrong = codes.filter((r) => phraseOf(s, r.code) !== r.phrase).map((r) => `${r.code} ${quote(phraseOf(s, r.code))}`);
    return `${codes.length - wrong.length} of ${codes.length}${wrong.length ? ` (${list(wrong, 2)})` : ""}`;
  }],
  ["Registered codes covered", (s) => {
    const extra = Array.from({ length: 500 }, (_, i) => i + 100).filter((code) => !statuskit.isStatusCode(code) && phraseOf(s, code) !== undefined);
    return `${RECORDS.filter((r) => phraseOf(s, r.code) !== undefined).length} of ${RECORDS.length}${extra.length ? `, and ${extra.length} unregistered (${list(extra)})` : ""}`;
  }],
  ["Spec link per code", (s) => {
    const links = new Set(reachable(s.exports).filter((v) => typeof v === "string" && /^https:\/\/\S*(rfc|ietf)/i.test(v)));
    return links.size ? `${links.size} links` : "none";
  }],
  ["Lifecycle (provisional, deprecated, obsoleted, unused)", (s) => {
    const flags = reachable(s.exports).filter((v): v is { code: number; status: string } => typeof v === "object" && typeof (v as { status?: unknown } | null)?.status === "string");
    const codes = [...new Set(flags.filter((f) => f.status !== "standard").map((f) => `${f.code} ${f.status}`))];
    return codes.length ? list(codes, 5) : "none";
  }],
  ['Phrase lookup of `"__proto__"`, `"constructor"`, `"toString"`', (s) => {
    const answers = ["__proto__", "constructor", "toString"].map((key) => [call(s, key), ({} as Record<string, unknown>)[key]] as const)
      .flatMap(([value, inherited]) => (value === undefined ? [] : [value === THREW ? "throws" : value === inherited ? "inherited" : typeof value]));
    return answers.length ? `no: ${answers.length} of 3 ${[...new Set(answers)].join(" or ")}` : "yes (`undefined`)";
  }],
  ["Frozen data", (s) => {
    const objects = reachable(s.exports).filter((v) => typeof v === "object" && v !== null);
    const frozen = objects.filter((o) => Object.isFrozen(o)).length;
    return frozen === objects.length ? `yes (${frozen} objects)` : `no (${frozen} of ${objects.length} objects)`;
  }],
  ["Type of the phrase of 404", (_, f) => `\`${f.phrase}\``],
  ["Type of the constant for 404", (_, f) => (f.constant === null ? "no constants" : `\`${f.constant}\``)],
  ["Type guards, checked against their types", (_, f) => f.guards],
  ["Bundle for one constant (gzip)", packageOnly((_, f) => f.bundles[0])],
  ["Bundle for a phrase lookup (gzip)", packageOnly((_, f) => f.bundles[1])],
  ["Module formats", packageOnly(formatsOf)],
  ["Runtime dependencies", packageOnly((pkg) => String(Object.keys(manifest(pkg).dependencies ?? {}).length))],
  ["RFC 9457 problem details (`application/problem+json`)", (s) => problemDetails(s.pkg), "builds a `Response`, reads; read from its source²"],
];

/** A consumer bundled as an app ships it (esbuild: bundle, minify, ESM, browser), in gzip bytes. */
async function bundleSize(source: string | null): Promise<string> {
  if (source === null) return "no constants";
  const options = { bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" } as const;
  return `${gzipSync((await build({ stdin: { contents: source, resolveDir: root, loader: "js" }, ...options })).outputFiles[0]!.text, { level: 9 }).length} B`;
}

// Values each guard is tried on: every integer from -1 to 1000 and values of other kinds.
const SAMPLES: unknown[] = [...Array.from({ length: 1002 }, (_, i) => i - 1), 404.5, NaN, Infinity, -0, "404", "", null, undefined, true, {}, [], 404n];

/** Number literals of a type, `"number"` for `number`, or `"any"` for anything else. */
function domainOf(type: ts.Type): Set<number> | "number" | "any" {
  const parts = type.isUnion() ? type.types : [type];
  if (parts.every((p) => p.isNumberLiteral())) return new Set(parts.map((p) => (p as ts.NumberLiteralType).value));
  return parts.length === 1 && parts[0]!.flags & ts.TypeFlags.Number ? "number" : "any";
}
const inDomain = (domain: ReturnType<typeof domainOf>, value: unknown) => domain === "any" || (domain === "number" ? typeof value === "number" : domain.has(value as number));

/**
 * Compiles one probe of every subject: the types of each phrase of 404 and constant, and every
 * exported function whose signature is a type guard. Each guard is called on SAMPLES: a `true`
 * must mean the value has the guarded type and, when the parameter is a union of codes, a `false`
 * that it has not, since TypeScript narrows both branches.
 */
async function measure(): Promise<Facts[]> {
  const path = join(root, "__why_probe__.ts");
  const probe = SUBJECTS.map((s, i) => `${s.probe[0]}\nexport const phrase${i} = ${s.probe[1]};\nexport const constant${i} = ${s.probe[2] ?? "null"};`).join("\n");
  const json = { module: "esnext", moduleResolution: "bundler", target: "es2022", strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ["node"] };
  const { options } = ts.convertCompilerOptionsFromJson(json, root);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists } = host;
  host.getSourceFile = (name, ...rest) => (name === path ? ts.createSourceFile(name, probe, rest[0]) : getSourceFile(name, ...rest));
  host.fileExists = (name) => name === path || fileExists(name);
  const program = ts.createProgram([path], options, host);
  const [checker, file] = [program.getTypeChecker(), program.getSourceFile(path)!];
  const errors = ts.getPreEmitDiagnostics(program, file);
  if (errors.length) throw new Error(`why: the type probe: ${ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n")}`);
  const declared = (name: string) => checker.typeToString(checker.getTypeOfSymbol(checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((e) => e.name === name)!));
  return Promise.all(SUBJECTS.map(async (subject, i): Promise<Facts> => {
    const module = checker.getSymbolAtLocation((file.statements[3 * i] as ts.ImportDeclaration).moduleSpecifier)!;
    let guards = 0;
    const unsound: string[] = [];
    for (const symbol of checker.getExportsOfModule(module)) {
      const fn = (subject.exports as Record<string, unknown>)[symbol.name];
      const predicates = checker.getTypeOfSymbol(symbol).getCallSignatures().flatMap((sig) => {
        const predicate = checker.getTypePredicateOfSignature(sig);
        return predicate?.type ? [[domainOf(checker.getTypeOfSymbol(sig.parameters[predicate.parameterIndex ?? 0]!)), domainOf(predicate.type)] as const] : [];
      });
      if (typeof fn !== "function" || !predicates.length) continue;
      guards++;
      for (const [param, guarded] of predicates) {
        for (const value of SAMPLES.filter((v) => inDomain(param, v) && Boolean(fn(v)) !== inDomain(guarded, v))) unsound.push(`${symbol.name}(${String(value)})`);
      }
    }
    return {
      phrase: declared(`phrase${i}`),
      constant: subject.probe[2] === null ? null : declared(`constant${i}`),
      guards: guards === 0 ? "none" : unsound.length ? `${guards}, wrong for ${list(unsound)}` : `${guards}, all sound`,
      bundles: [await bundleSize(subject.consumers?.[0] ?? null), await bundleSize(subject.consumers?.[1] ?? null)],
    };
  }));
}

/** The markdown table that goes between docs/why.md's markers. */
export async function renderWhyTable(): Promise<string> {
  const facts = await measure();
  // Peers' versions go in the header; statuskit's own would make the table stale at every release.
  const title = (s: Subject) => (s.pkg === null ? `Node ${process.versions.node.split(".")[0]} \`STATUS_CODES\`` : s.pkg === "statuskit" ? "statuskit" : `${s.name} ${manifest(s.pkg).version}`);
  // Deno's column goes before Node's, the last.
  const withDeno = (cells: string[], deno: string) => [...cells.slice(0, -1), deno, cells.at(-1)!];
  const rows = [withDeno(["", ...SUBJECTS.map(title)], "Deno `@std/http`")];
  rows.push(rows[0]!.map(() => "---"), ...ROWS.map(([label, cell, deno]) => withDeno([label, ...SUBJECTS.map((s, i) => cell(s, facts[i]!))], deno ?? "not measured¹")));
  return [
    ...rows.map((r) => `| ${r.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`),
    "",
    "¹ Deno's `@std/http` is published on JSR, not on the npm registry, which is the only registry these scripts install from, so nothing about it is measured here.",
    "",
    "² Not measured, for the same reason: read from Deno's source, in [Problem details](problem.md).",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const table = await renderWhyTable();
  console.log(table);
  const [path, page] = [join(root, "docs/why.md"), readFileSync(join(root, "docs/why.md"), "utf8")];
  const updated = page.replace(/(<!-- why:start.*-->\n)[^]*(<!-- why:end -->)/, (_, start, end) => `${start}${table}\n${end}`);
  if (process.argv.includes("--write")) writeFileSync(path, updated);
  else if (process.argv.includes("--check") && updated !== page) {
    console.error("why: docs/why.md is out of date: run `npm run why -- --write`");
    process.exitCode = 1;
  }
}
