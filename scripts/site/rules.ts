// The rules the site shows (redirect, bodyless, retryable, cacheable, …): every function that the
// public entry exports from src/sets.ts, with its TSDoc, which cites the rule's sources. Read with
// the TypeScript compiler, so that a new rule, or a changed set or citation, shows up on the site
// as soon as it is in the library.
import ts from "typescript";
import * as statuskit from "../../src/index";
import { specUrl } from "../../src/internal";
import { fileURLToPath } from "node:url";
import { camelWords, capitalise, html, urlLabel, type Html } from "./html";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface Rule {
  /** The function's name: `isRetryable`. */
  name: string;
  /** What the rule says of a code: `Retryable`, `Cacheable by default`. */
  title: string;
  /** The function itself, from the library. */
  test: (code: number) => boolean;
  /** The TSDoc text (tags left out): what the rule is, why, and its sources. */
  doc: string;
}

let rules: Rule[] | undefined;

/** Every rule, in the order src/sets.ts declares them. */
export function readRules(): Rule[] {
  return (rules ??= rulesOf());
}

function rulesOf(): Rule[] {
  const program = ts.createProgram([`${root}src/index.ts`], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    types: [],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const entry = checker.getSymbolAtLocation(program.getSourceFile(`${root}src/index.ts`)!)!;
  const found: { pos: number; rule: Rule }[] = [];
  for (const exported of checker.getExportsOfModule(entry)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (declaration === undefined || !ts.isFunctionDeclaration(declaration)) continue;
    if (declaration.getSourceFile().fileName !== `${root}src/sets.ts`) continue;
    const test = (statuskit as Record<string, unknown>)[exported.name];
    if (typeof test !== "function") throw new Error(`site: ${exported.name} is declared but not exported at run time`);
    const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker));
    if (doc.trim() === "") throw new Error(`site: ${exported.name} has no TSDoc to cite its sources`);
    found.push({
      pos: declaration.pos,
      rule: { name: exported.name, title: camelWords(exported.name.replace(/^is/, "")), test: test as Rule["test"], doc },
    });
  }
  return found.sort((a, b) => a.pos - b.pos).map((f) => f.rule);
}

type Block = { kind: "p"; text: string } | { kind: "ul"; items: string[] };

/** The doc's paragraphs and `- ` lists. */
function blocks(doc: string): Block[] {
  const out: Block[] = [];
  for (const chunk of doc.split(/\n\s*\n/)) {
    let current: Block | undefined;
    for (const line of chunk.split("\n")) {
      if (line.startsWith("- ")) {
        if (current?.kind !== "ul") out.push((current = { kind: "ul", items: [] }));
        current.items.push(line.slice(2));
      } else if (current?.kind === "ul" && /^\s/.test(line)) {
        current.items[current.items.length - 1] += ` ${line.trim()}`;
      } else if (line.trim() !== "") {
        if (current?.kind !== "p") out.push((current = { kind: "p", text: "" }));
        current.text = `${current.text} ${line.trim()}`.trim();
      }
    }
  }
  return out;
}

// A URL ends before a closing bracket or space, and before punctuation that ends a sentence or list.
const URL_TEXT = String.raw`https:\/\/[^\s)]*[^\s).,;:]`;
const INLINE = new RegExp(`\`([^\`]+)\`|(${URL_TEXT})|(RFC \\d+)(?: §(\\d+(?:\\.\\d+)*))?|§(\\d+(?:\\.\\d+)*)`, "g");

/** The link to a whole document (`RFC 6585`): the link to one of its sections, without the section. */
const documentUrl = (document: string) => specUrl(document, "").replace(/#.*/, "");

/**
 * Doc text as HTML: `code`, links for URLs and for sections (`RFC 9110 §15.5.9`; a bare `§15.3.5`
 * refers to the RFC named last before it).
 */
export function inline(text: string): Html {
  const parts: Html[] = [];
  let last = 0;
  let rfc: string | undefined;
  for (const m of text.matchAll(INLINE)) {
    parts.push(html`${text.slice(last, m.index)}`);
    const [all, code, url, document, section, bare] = m;
    if (code !== undefined) parts.push(html`<code>${code}</code>`);
    else if (url !== undefined) parts.push(html`<a href="${url}">${url}</a>`);
    else if (document !== undefined) {
      rfc = document;
      const target = section === undefined ? documentUrl(document) : specUrl(document, section);
      parts.push(html`<a href="${target}">${all}</a>`);
    } else if (rfc !== undefined) parts.push(html`<a href="${specUrl(rfc, bare!)}">${all}</a>`);
    else parts.push(html`${all}`);
    last = m.index + all.length;
  }
  parts.push(html`${text.slice(last)}`);
  return html`${parts}`;
}

/** The whole doc of a rule as HTML. */
export function ruleDoc(rule: Rule): Html {
  return html`${blocks(rule.doc).map((b) =>
    b.kind === "p" ? html`<p>${inline(b.text)}</p>` : html`<ul>${b.items.map((item) => html`<li>${inline(item)}</li>`)}</ul>`,
  )}`;
}

/** Whether a text speaks of `code`: names it, its class (`1xx`) or a range that holds it (`505–511`). */
function mentions(text: string, code: number): boolean {
  if (new RegExp(`\\b(${code}|${Math.floor(code / 100)}xx)\\b`).test(text)) return true;
  return [...text.matchAll(/\b(\d{3})[–-](\d{3})\b/g)].some((m) => Number(m[1]) <= code && code <= Number(m[2]));
}

/**
 * What the rule's doc says about `code`: the list item that names it before a colon (`- 502, 504: …`,
 * `- 505–511: …`), else the first sentence that names it, its class or a range that holds it; for a code in the set with neither, the doc's first
 * sentence. `undefined` for a code outside the set that the doc does not mention.
 */
export function reasonFor(rule: Rule, code: number): string | undefined {
  const all = blocks(rule.doc);
  for (const b of all) {
    if (b.kind !== "ul") continue;
    for (const item of b.items) {
      const [head, ...rest] = item.split(": ");
      const tail = rest.join(": ");
      if (tail !== "" && mentions(head!, code)) return capitalise(tail);
    }
  }
  const sentences = all.flatMap((b) => (b.kind === "p" ? b.text.split(/(?<=\.)\s+(?=[A-Z\d`])/) : []));
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
