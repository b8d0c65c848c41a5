// The public API as the site shows it: every export of every entry point, with its declaration as
// the API report in test/api/ gives it (api-extractor's reading of the built declarations, kept
// current by `npm run api`) and its TSDoc, read from src/ with the TypeScript compiler. The rules
// (redirect, bodyless, retryable, cacheable, …) are the functions that src/sets.ts declares: a
// new rule, or a changed set or citation, shows up on the site as soon as it is in the library.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Lexer, type Tokens } from "marked";
import ts from "typescript";
import * as statuskit from "../../src/index";
import { camelWords, capitalise, documentUrl, URL_TEXT, urlLabel } from "./html";

/** The repository, and its package.json with the entry points of `exports` (not `./package.json`). */
export const root = fileURLToPath(new URL("../..", import.meta.url));
export const readPackage = (): { name: string; version: string; exports: Record<string, unknown>; repository: { url: string } } =>
  JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const entrypoints = (pkg: ReturnType<typeof readPackage>) => Object.keys(pkg.exports).filter((subpath) => !subpath.endsWith(".json"));
const specifier = (pkg: ReturnType<typeof readPackage>, subpath: string) => pkg.name + subpath.slice(1);

/** An entry point: the specifier users import (`"statuskit/unofficial"`), its source file (`"src/unofficial.ts"`), its page on the site (`"api/unofficial/"`) and its exports. */
export interface Entry { specifier: string; source: string; path: string; exports: Export[] }

export interface Export {
  name: string;
  /** What the report declares: `function`, `const`, `type`, `interface`. */
  kind: string;
  /** The declarations in the report, overloads included; `undefined` for a re-export of another entry's. */
  signature?: string;
  /** The TSDoc text without its tags. */
  doc: string;
  /** The tags in order, as `[name, text]`: `["param", "code A status code."]`. */
  tags: [string, string][];
  /** An interface's documented members, as `[name, doc]`. */
  members: [string, string][];
  /** The declaring file and position. */
  file: string;
  pos: number;
}

/** The public entry points, from package.json `exports`. */
export function entries(): Omit<Entry, "exports">[] {
  const pkg = readPackage();
  return entrypoints(pkg).map((subpath) => {
    // tsup names each output after its entry: ./dist/unofficial.js comes from src/unofficial.ts.
    const name = JSON.stringify(pkg.exports?.[subpath]).match(/"\.\/dist\/([\w-]+)\.c?js"/)?.[1];
    const source = `src/${name}.ts`;
    if (name === undefined || !existsSync(join(root, source))) throw new Error(`site: no source file for export ${subpath}`);
    return { specifier: specifier(pkg, subpath), source, path: `api/${subpath.replace(/^\.\/?/, "")}${subpath === "." ? "" : "/"}` };
  });
}

let api: Entry[] | undefined;

/** Every entry point with its exports, in the report's order, read once. */
export function readApi(): Entry[] {
  return (api ??= entries().map(readEntry));
}

let program: ts.Program | undefined;

const text = (parts: ts.SymbolDisplayPart[] | undefined) => ts.displayPartsToString(parts).replace(/\{@link (\w+)\}/g, "[`$1`](#$1)");

function readEntry(entry: Omit<Entry, "exports">): Entry {
  // The report's file name is api-extractor's for the entry (scripts/api.ts): `statuskit-unofficial.api.md`.
  const report = `test/api/${entry.specifier.replace(/\//g, "-")}.api.md`;
  const declared = new Map<string, { kind: string; signature: string }>();
  for (const m of readFileSync(join(root, report), "utf8").matchAll(/^\/\/ @public.*\n(export (\w+) (\w+)[^]*?)(?=\n\n(?:\/\/|export|```))/gm)) {
    const found = declared.get(m[3]!);
    declared.set(m[3]!, { kind: m[2]!, signature: found === undefined ? m[1]! : `${found.signature}\n${m[1]!}` });
  }
  program ??= ts.createProgram(
    entries().map((e) => join(root, e.source)),
    { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true, types: [], noEmit: true },
  );
  const checker = program.getTypeChecker();
  const order = [...declared.keys()];
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(root, entry.source))!)!).map((exported): Export => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations![0]!;
    const members = symbol.flags & ts.SymbolFlags.Interface ? checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)) : [];
    return {
      name: exported.name,
      ...(declared.get(exported.name) ?? { kind: "re-export" }),
      doc: text(symbol.getDocumentationComment(checker)),
      tags: symbol.getJsDocTags(checker).map((tag) => [tag.name, text(tag.text)]),
      members: members.map((m): [string, string] => [m.name, text(m.getDocumentationComment(checker))]).filter(([, doc]) => doc !== ""),
      file: declaration.getSourceFile().fileName,
      pos: declaration.pos,
    };
  });
  const stale = order.filter((name) => !exports.some((x) => x.name === name));
  if (stale.length > 0) throw new Error(`site: ${report} names ${stale.join(", ")}, which src/ does not export: run \`npm run build && npm run api\``);
  return { ...entry, exports: exports.sort((a, b) => (order.indexOf(a.name) + 1 || 1e9) - (order.indexOf(b.name) + 1 || 1e9)) };
}

/** A rule: the function's name (`isRetryable`), what it says of a code (`Retryable`, `Cacheable by default`), the function, and its TSDoc without the tags (what the rule is, why, and its sources). */
export interface Rule { name: string; title: string; test: (code: number) => boolean; doc: string }

/** Every rule, in the order src/sets.ts declares them. */
export function readRules(): Rule[] {
  return readApi()
    .flatMap((e) => e.exports)
    .filter((x) => x.kind === "function" && x.file === join(root, "src/sets.ts"))
    .sort((a, b) => a.pos - b.pos)
    .map((x) => {
      const test = (statuskit as Record<string, unknown>)[x.name];
      if (typeof test !== "function") throw new Error(`site: ${x.name} is declared but not exported at run time`);
      return { name: x.name, title: camelWords(x.name.replace(/^is/, "")), test: test as Rule["test"], doc: x.doc };
    });
}

/** Whether a text speaks of `code`: names it, its class (`1xx`) or a range that holds it (`505–511`). */
function mentions(text: string, code: number): boolean {
  if (new RegExp(`\\b(${code}|${Math.floor(code / 100)}xx)\\b`).test(text)) return true;
  return [...text.matchAll(/\b(\d{3})[–-](\d{3})\b/g)].some((m) => Number(m[1]) <= code && code <= Number(m[2]));
}

/**
 * What the rule's doc says about `code`: the list item that names it before a colon (`- 502, 504: …`,
 * `- 505–511: …`), else the first sentence that names it, its class or a range that holds it; for a
 * code in the set with neither, the doc's first sentence. `undefined` for a code outside the set
 * that the doc does not mention.
 */
export function reasonFor(rule: Rule, code: number): string | undefined {
  const blocks = Lexer.lex(rule.doc);
  const flat = (s: string) => s.replace(/\s+/g, " ").trim();
  const items = blocks.flatMap((b) => (b.type === "list" ? (b as Tokens.List).items.map((item) => flat(item.text)) : []));
  for (const item of items) {
    const [head, ...rest] = item.split(": ");
    if (rest.length > 0 && mentions(head!, code)) return capitalise(rest.join(": "));
  }
  const sentences = blocks.flatMap((b) => (b.type === "paragraph" ? flat((b as Tokens.Paragraph).text).split(/(?<=\.)\s+(?=[A-Z\d`])/) : []));
  return sentences.find((s) => mentions(s, code)) ?? (rule.test(code) ? sentences[0] : undefined);
}

/**
 * Every document a rule cites, as `[label, url]`: RFCs (`RFC 6585`) and linked pages, in the order
 * they first appear.
 */
export function citations(rule: Rule): [string, string][] {
  const found = new Map<string, string>();
  for (const m of rule.doc.matchAll(new RegExp(`(${URL_TEXT})|RFC (\\d+)`, "g"))) {
    if (m[1] !== undefined) found.set(urlLabel(m[1]), m[1].replace(/#.*/, ""));
    else found.set(`RFC ${m[2]}`, documentUrl(`RFC ${m[2]}`));
  }
  return [...found];
}
