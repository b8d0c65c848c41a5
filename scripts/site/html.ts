// HTML for the reference site, escaped by construction: the `html` tag escapes every interpolated
// value unless it is already `Html` (the result of another `html` call), so a page cannot hold an
// unescaped value from the data.

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
type Value = Html | string | number | boolean | null | undefined | readonly Value[];

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

/** A link's target, checked: relative paths and fragments, or an `https:` URL. */
export function href(url: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) && !url.startsWith("https://")) throw new Error(`refusing a link to ${url}`);
  return url;
}

/** An identifier with a line-break opportunity after each `_`, for narrow screens. */
export function breakable(text: string): Html {
  return html`${text.split(/(?<=_)/).map((part, i) => html`${i > 0 ? html`<wbr>` : ""}${part}`)}`;
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
