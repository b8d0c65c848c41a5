// HTML for the reference site, escaped by construction: the `html` tag escapes every interpolated
// value unless it is already `Html` (the result of another `html` call), so a page cannot hold an
// unescaped value from the data.
import { specUrl } from "../../src/internal";

/** A fragment of HTML that is safe to insert as is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` with the five characters that matter in HTML text and attribute values escaped. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A value that may appear in a template: arrays are joined, and `null`, `undefined` and `false` are left out. */
export type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escape(String(value));
}

/** Template tag: the literal parts as written, every value escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly Value[]): Html {
  return new Html(strings.reduce((out, literal, i) => out + render(values[i - 1] as Value) + literal));
}

/** The items with `separator` between them: `a, b, c`. */
export function join(items: readonly Value[], separator: Value = ", "): Html {
  return html`${items.map((item, i) => html`${i > 0 ? separator : ""}${item}`)}`;
}

/** A link's target, checked: relative paths and fragments, or an `https:` URL. */
export function href(url: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) && !url.startsWith("https://")) throw new Error(`refusing a link to ${url}`);
  return url;
}

/** An identifier with a line-break opportunity after each `_`, for narrow screens. */
export function breakable(text: string): Html {
  return join(text.split(/(?<=_)/), html`<wbr>`);
}

/** A link's text: its host, and the repository on GitHub (`github.com/nginx/nginx`). */
export function urlLabel(url: string): string {
  const { hostname, pathname } = new URL(url);
  return hostname === "github.com" ? `${hostname}${pathname.split("/").slice(0, 3).join("/")}` : hostname;
}

/** `text` with its first letter upper-case: `provisional` → `Provisional`. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A camelCase name as capitalised words: `sinceVersion` → `Since version`. */
export function camelWords(name: string): string {
  return capitalise(name.replace(/(?<=[a-z])(?=[A-Z])/g, " ").toLowerCase());
}

// A URL ends before a closing bracket or space, and before punctuation that ends a sentence or list.
export const URL_TEXT = String.raw`https:\/\/[^\s)]*[^\s).,;:]`;
const INLINE = new RegExp(`\`([^\`]+)\`|(${URL_TEXT})|(RFC \\d+)(?: §([\\dA-Z]+(?:\\.\\d+)*))?|§(\\d+(?:\\.\\d+)*)`, "g");

/** The link to a section of a document, an appendix (`B.3`) included. */
export const sectionUrl = (document: string, section: string) => specUrl(document, section).replace(/section-(?=[A-Z])/, "appendix-");

/** The link to a whole document (`RFC 6585`): the link to one of its sections, without the section. */
export const documentUrl = (document: string) => specUrl(document, "").replace(/#.*/, "");

/**
 * Plain text as HTML: `code`, links for URLs and for sections (`RFC 9110 §15.5.9`; a bare `§15.3.5`
 * refers to the RFC named last before it, in this text or an earlier one that shares `state`).
 */
export function inline(text: string, state: { rfc?: string } = {}): Html {
  const parts: Html[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const [all, code, url, document, section, bare] = m;
    parts.push(html`${text.slice(last, m.index)}`);
    last = m.index + all.length;
    if (code !== undefined) parts.push(html`<code>${code}</code>`);
    else if (url !== undefined) parts.push(html`<a href="${url}">${url}</a>`);
    else if (document !== undefined) {
      state.rfc = document;
      parts.push(html`<a href="${section === undefined ? documentUrl(document) : sectionUrl(document, section)}">${all}</a>`);
    } else parts.push(state.rfc === undefined ? html`${all}` : html`<a href="${sectionUrl(state.rfc, bare!)}">${all}</a>`);
  }
  return html`${parts}${text.slice(last)}`;
}
