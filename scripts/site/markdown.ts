// Markdown as HTML, with marked: the guides in docs/ and the TSDoc of the API reference. Raw HTML
// in the source is escaped, and comments (the markers around generated tables) dropped; headings
// get GitHub's ids, so that links written for GitHub keep their fragments; code blocks and tables
// scroll sideways on a narrow screen instead of widening the page; plain text links its RFC
// sections as the rest of the site does; every link target goes through `link`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { Lexer, Marked, Renderer, type Tokens } from "marked";
import { root } from "./api";
import { escape, href, Html, inline } from "./html";

/** GitHub's id for a heading's text: lower case, punctuation dropped, each space a hyphen. */
export const slug = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");

/** `source` as HTML; `link` maps each link target; `state` carries the RFC that a bare `§` refers to (`inline`). */
export function markdown(source: string, link: (url: string) => string = (url) => url, state: { rfc?: string } = {}): Html {
  const ids = new Map<string, number>();
  // Text inside a link is not linked again.
  let linked = false;
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const base = slug(this.parser.parseInline(tokens, this.parser.textRenderer));
        const n = ids.get(base) ?? 0;
        ids.set(base, n + 1);
        return `<h${depth} id="${escape(n === 0 ? base : `${base}-${n}`)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      code: ({ text }) => `<pre tabindex="0"><code>${escape(text)}</code></pre>\n`,
      html: ({ text }) => (text.trimStart().startsWith("<!--") ? "" : escape(text)),
      link({ href: url, tokens }) {
        linked = true;
        const text = this.parser.parseInline(tokens);
        linked = false;
        return `<a href="${escape(href(link(url)))}">${text}</a>`;
      },
      image: ({ text }) => escape(text),
      table(token) {
        return `<div class="wide" tabindex="0">${Renderer.prototype.table.call(this, token)}</div>\n`;
      },
      text(token) {
        if ("tokens" in token && token.tokens) return this.parser.parseInline(token.tokens);
        if ("escaped" in token && token.escaped) return token.text;
        return linked ? escape(token.text) : inline(token.text, state).text;
      },
    },
  });
  return new Html(marked.parse(source, { async: false }));
}

/** A guide: `docs/<name>.md`, at `guide/<name>/` on the site. */
export interface Guide {
  name: string;
  /** Its first heading, as text. */
  title: string;
  /** Its first sentence, as text. */
  description: string;
  body: Html;
}

const plain = (md: string) => md.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[`*]/g, "").replace(/\s+/g, " ").trim();

/**
 * Every guide in docs/, in the order of README.md's Guides section (the rest after, by name). A
 * link to another guide leads to its page; a link to any other file of the repository, to that
 * file on `repository` (a missing file is an error).
 */
export function readGuides(repository: string): Guide[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const rank = (name: string) => (readme.indexOf(`](docs/${name}.md`, readme.indexOf("## Guides")) + 1 || 1e9);
  const names = readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.slice(0, -3))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => {
    const source = readFileSync(join(root, "docs", `${name}.md`), "utf8");
    const tokens = Lexer.lex(source);
    const first = <T extends Tokens.Generic>(type: string) => tokens.find((t) => t.type === type) as T | undefined;
    const link = (url: string) => {
      if (/^([a-z]+:|#)/i.test(url)) return url;
      const [path = "", fragment] = url.split("#");
      const target = posix.join("docs", path);
      if (!existsSync(join(root, target))) throw new Error(`site: docs/${name}.md links to ${target}, which does not exist`);
      const guide = target.match(/^docs\/([\w-]+)\.md$/)?.[1];
      const page = guide === undefined ? `${repository}/${statSync(join(root, target)).isDirectory() ? "tree" : "blob"}/HEAD/${target}` : `../${guide}/`;
      return fragment === undefined ? page : `${page}#${fragment}`;
    };
    return {
      name,
      title: plain(first<Tokens.Heading>("heading")?.text ?? name),
      description: plain(first<Tokens.Paragraph>("paragraph")?.text ?? "").replace(/(?<=[.?!])\s.*/, ""),
      body: markdown(source, link),
    };
  });
}
