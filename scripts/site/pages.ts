// The pages of the reference site, as HTML strings. Every fact comes from the library (`statuskit`,
// `statuskit/unofficial`, the TSDoc), data/ (data/details.json for the depth of each code and
// class) or docs/; the pages only arrange them.
import { classInfo, classOf, formatStatus, getStatus, isStatusCode, STATUSES, type ClassInfo, type StatusCode, type StatusInfo } from "../../src/index";
import { formatUnofficialStatus, getUnofficialStatus, UNOFFICIAL_STATUSES, VENDORS, type UnofficialStatus } from "../../src/unofficial";
import { citations, reasonFor, type Entry, type Export, type Rule } from "./api";
import { breakable, camelWords, capitalise, href, html, inline, join, sectionUrl, urlLabel, type Html, type Value } from "./html";
import { markdown, slug, type Guide } from "./markdown";

/** Text with the documents it cites: `"RFC 9110 §15.5.2"`, `"Fetch #http-redirect-fetch"`. */
type Cited = { text: string; cite: string[] };

/** data/details.json (data/README.md): what each code and class means, in more depth than the one-line descriptions. */
export interface Details {
  documents: { name: string; url: string; sections: Record<string, string> }[];
  classes: { class: string; meaning: Cited; clients: Cited[] }[];
  codes: ({ code: number; meaning: Cited; headers: (Cited & { name: string })[]; example?: { request: string; response: string }; clients: Cited[] } & {
    causes: { side: string; cause: string; fix: string; cite: string[] }[];
    related: (Cited & { code: number })[];
    questions: (Cited & { question: string })[];
  })[];
}

export interface Context {
  /** The build date, `YYYY-MM-DD`: lifecycle dates are shown as passed or not relative to it. */
  today: string;
  /** The date of the IANA registry the data follows, `YYYY-MM-DD`. */
  registry: string;
  /** The package version, shown on the API reference. */
  version: string;
  /** The site's address, ending in `/`: canonical links and the sitemap start with it. */
  site: string;
  /** The repository on GitHub: `https://github.com/statuskit/statuskit`. */
  repository: string;
  rules: readonly Rule[];
  api: readonly Entry[];
  guides: readonly Guide[];
  details: Details;
}

const REGISTRY_URL = "https://www.iana.org/assignments/http-status-codes/";
const RFC9110_15 = sectionUrl("RFC 9110", "15");
const CLASSES: ClassInfo[] = [...new Set(STATUSES.map((s) => s.class))].map((name) => classInfo(name));

/** Every number that `statuskit/unofficial` knows and the registry does not: each has a page of its own. */
export const VENDOR_CODES: readonly number[] = [...new Set(UNOFFICIAL_STATUSES.map((r) => r.code))].filter((code) => !isStatusCode(code));

/** `2026-06-26` as `June 26, 2026`, in a `<time>` element. */
const date = (iso: string) => html`<time datetime="${iso}">${new Date(iso).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })}</time>`;

const classLabel = (cls: ClassInfo) => `${cls.range[0] / 100}xx ${cls.title}`;
const vendorName = (id: string) => VENDORS.find((v) => v.id === id)?.name ?? id;
const codeList = (codes: readonly number[], up: string) => join(codes.map((c) => html`<a href="${up}${c}/">${c}</a>`));
const pre = (text: string) => html`<pre tabindex="0"><code>${text}</code></pre>`;
const literal = (value: unknown) => JSON.stringify(value);

/** The cited documents of a text, linked: `(RFC 9110 §15.5.2, Fetch: HTTP-redirect fetch)`. */
function cites(list: readonly string[], ctx: Context): Html {
  const links = list.map((c) => {
    const [, document = "", mark, id = ""] = c.match(/^(.+) ([§#])(.+)$/) ?? [];
    const doc = ctx.details.documents.find((d) => d.name === document);
    if (doc === undefined) throw new Error(`site: data/details.json cites ${c}, from no document it lists`);
    return mark === "§" ? html`<a href="${sectionUrl(document, id)}">${c}</a>` : html`<a href="${href(`${doc.url}#${id}`)}">${document}: ${doc.sections[id] ?? id}</a>`;
  });
  return html` <small class="cite">(${join(links)})</small>`;
}

const cited = (item: Cited, ctx: Context) => html`${inline(item.text)}${cites(item.cite, ctx)}`;

/** The short lifecycle mark of a table row, or `undefined` for a standard code. */
function lifecycleMark(s: StatusInfo, today: string): string | undefined {
  if (s.status === "standard") return undefined;
  if (s.status === "provisional" && s.expires !== null) {
    return today > s.expires ? `provisional; expiry ${s.expires} passed` : `provisional until ${s.expires}`;
  }
  return s.status;
}

// Each status but "provisional", whose sentence has dates: a new status is a type error here until it has one.
const LIFECYCLE: Record<Exclude<StatusInfo["status"], "provisional">, string> = {
  standard: "Standard: a permanent registration.",
  deprecated: "Deprecated: still registered, but its specification tells servers not to use it.",
  obsoleted: "Obsoleted: the IANA registry marks the registration OBSOLETED.",
  unused: "Unused: the registry reserves the number as “(Unused)”; statuskit keeps the historic name, since software still meets it.",
};

/** The lifecycle in a sentence, for a code's page. */
function lifecycleText(s: StatusInfo, today: string): Html {
  if (s.status !== "provisional") return html`${LIFECYCLE[s.status]}`;
  if (s.expires === null) return html`Provisional: a temporary registration.`;
  return today > s.expires
    ? html`Provisional: a temporary registration whose expiry date, ${date(s.expires)}, has passed (this page was built on ${date(today)}). Check <a href="${REGISTRY_URL}">the IANA registry</a> for whether it was renewed or removed.`
    : html`Provisional: a temporary registration that expires on ${date(s.expires)} unless renewed.`;
}

const markOf = (text: string | undefined) => html`${text === undefined ? "" : html` <small class="mark">${text}</small>`}`;

/** A field of a record that the page has no place for yet (a newer library's), as a label and a value. */
function extraFields(record: object, known: readonly string[]): Html {
  return html`${Object.entries(record)
    .filter(([key]) => !known.includes(key))
    .map(([key, value]) => {
      const text = typeof value === "boolean" ? (value ? "yes" : "no") : value === null ? "none" : typeof value === "object" ? JSON.stringify(value) : String(value);
      return html`<dt>${camelWords(key)}</dt><dd>${text}</dd>`;
    })}`;
}

/** A page: `path` from the site's root (`""`, `"404/"`, `"guide/size/"`), or `null` for the not-found page, served at any path. */
type Page = { path: string | null; title: string; description: string; main: (up: string) => Html; script?: string };

function layout(ctx: Context, page: Page): string {
  // The not-found page may be served at any depth, so its links start at the site's root.
  const up = page.path === null ? new URL(ctx.site).pathname : "../".repeat(page.path.split("/").length - 1);
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.path === null ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${ctx.site}${page.path}">`}
<link rel="icon" href="${up}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${up}style.css">
${page.script === undefined ? "" : html`<script src="${up}${page.script}" defer></script>`}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<nav aria-label="Site">
<a href="${up || "./"}">HTTP status codes</a>
<a href="${up}#vendor-codes">Vendor codes</a>
<a href="${up}guide/">Guides</a>
<a href="${up}api/">API</a>
</nav>
<form class="search" role="search" action="${up || "./"}">
<label for="q" class="visually-hidden">Search the status codes</label>
<input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="Search: 404, bad gateway, 4xx">
</form>
</header>
<main id="main">
${page.main(up)}
</main>
<footer>
<p><a href="${ctx.repository}">statuskit</a> · the codes of the <a href="${REGISTRY_URL}">IANA registry</a> of ${date(ctx.registry)} · <a href="${up}guide/">Guides</a> · <a href="${up}api/">API</a></p>
</footer>
</body>
</html>
`}`;
}

/** A table of codes: a row per code, or per vendor's meaning of a code, with its page, name, mark and meaning. */
function table(caption: string, rows: readonly [id: string, page: string, name: string, mark: string | undefined, meaning: string][]): Html {
  return html`<table>
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Meaning</th></tr></thead>
<tbody>
${rows.map(([id, page, name, mark, meaning]) => html`<tr id="${id}"><th scope="row"><a href="${page}">${id.slice(0, 3)}</a></th><td>${name}${markOf(mark)}</td><td>${meaning}</td></tr>
`)}</tbody>
</table>`;
}

/** The documents the data and the rules cite, each with what cites it. */
function references(ctx: Context): Html {
  const docs = new Map<string, { url: string; codes: StatusCode[]; rules: string[] }>();
  const entry = (label: string, url: string) => docs.get(label) ?? docs.set(label, { url, codes: [], rules: [] }).get(label)!;
  // The whole document: the link to the code's section without the section.
  for (const s of STATUSES) entry(s.spec.document, s.spec.url.replace(/#.*/, "")).codes.push(s.code);
  for (const rule of ctx.rules) for (const [label, url] of citations(rule)) entry(label, url).rules.push(rule.name);
  return html`<ul>
<li><a href="${REGISTRY_URL}">IANA HTTP Status Code Registry</a>, updated ${date(ctx.registry)}: every code, its name and its registration.</li>
${[...docs].map(
  ([label, d]) =>
    html`<li><a href="${href(d.url)}">${label}</a>: ${join(
      [d.codes.length > 0 && html`${d.codes.length === 1 ? "code" : "codes"} ${codeList(d.codes, "")}`, d.rules.length > 0 && join(d.rules.map((r) => html`<a href="api/#${r}"><code>${r}</code></a>`))].filter(Boolean),
      "; ",
    )}.</li>\n`,
)}<li><a href="${RFC9110_15}">RFC 9110 §15</a>: the classes, and how a client treats a code it does not recognise.</li>
</ul>`;
}

export function indexPage(ctx: Context): string {
  const questions = new Map<string, number[]>();
  for (const d of ctx.details.codes) for (const q of d.questions) questions.set(q.question, [...(questions.get(q.question) ?? []), d.code]);
  const main = html`<h1>HTTP status codes</h1>
<p id="search-status" role="status"></p>
<ol id="results"></ol>
<p>HTTP status codes are the three-digit answers a server gives to each request. The first digit sets the class:</p>
<ul class="classes">
${CLASSES.map((c) => html`<li><a href="#${c.name}">${classLabel(c)}</a> ${c.description}</li>\n`)}</ul>
<p>All ${STATUSES.length} codes of the IANA registry, with their RFC 9110 names, each with a page; <a href="#vendor-codes">vendor codes</a> outside the registry; the library's <a href="#rules">rules</a>; <a href="#questions">questions</a>.</p>
${CLASSES.map((c) => {
  const d = ctx.details.classes.find((x) => x.class === c.name);
  return html`<section aria-labelledby="${c.name}">
<h2 id="${c.name}">${c.range[0] / 100}xx — ${c.title}</h2>
${d && html`<p>${cited(d.meaning, ctx)}</p>\n<ul>${d.clients.map((x) => html`<li>${cited(x, ctx)}</li>`)}</ul>`}
${table(`${classLabel(c)} codes`, STATUSES.filter((s) => s.class === c.name).map((s) => [`${s.code}`, `${s.code}/`, s.phrase, lifecycleMark(s, ctx.today), s.description]))}
</section>
`;
})}<section aria-labelledby="vendor-codes">
<h2 id="vendor-codes">Vendor and unofficial codes</h2>
<p class="notice"><strong>Not in the IANA registry.</strong> No RFC defines these meanings: servers, proxies and frameworks use the numbers on their own. Some numbers have several meanings, and some reuse a registered code. They come from <a href="api/unofficial/"><code>statuskit/unofficial</code></a>.</p>
${table("Vendor and unofficial codes", UNOFFICIAL_STATUSES.map((r) => [`${r.code}-${r.vendor}`, `${r.code}/${isStatusCode(r.code) ? "#vendors" : ""}`, r.phrase ?? "", `${vendorName(r.vendor)}${r.sent ? "" : ", logged only"}`, r.description]))}
</section>
<section aria-labelledby="rules">
<h2 id="rules">Rules</h2>
<p>Sets of codes that a client or server treats alike, each from a specification, each a function of <code>statuskit</code>: its reference gives the sources, and a code's page what each rule says of it.</p>
<ul>
${ctx.rules.map((rule) => html`<li id="${rule.name}">${rule.title}, <a href="api/#${rule.name}"><code>${rule.name}</code></a>: ${codeList(STATUSES.filter((s) => rule.test(s.code)).map((s) => s.code), "")}</li>\n`)}</ul>
</section>
<section aria-labelledby="questions">
<h2 id="questions">Questions</h2>
<ul>
${[...questions].map(([q, codes]) => html`<li>${q} ${join(codes.map((c) => html`<a href="${c}/#${slug(q)}">${c}</a>`))}</li>\n`)}</ul>
</section>
<section aria-labelledby="references">
<h2 id="references">References</h2>
${references(ctx)}
</section>`;
  return layout(ctx, {
    path: "",
    title: "HTTP status codes · statuskit",
    description: `Every HTTP status code of the IANA registry (${STATUSES.length} codes), with its meaning, header fields, examples and specification, and the vendor codes outside it.`,
    main: () => main,
    script: "search.js",
  });
}

function vendorSection(code: number, records: readonly UnofficialStatus[], heading: string): Html {
  return html`<section aria-labelledby="vendors">
<h2 id="vendors">${heading}</h2>
${records.map(
  (r) => html`<section aria-labelledby="${r.vendor}">
<h3 id="${r.vendor}">${vendorName(r.vendor)}${r.phrase === null ? "" : `: ${r.phrase}`}</h3>
<p>${r.description}</p>
<dl class="facts">
<dt>Sent to clients</dt><dd>${r.sent ? "yes" : "no: it only appears in the vendor's logs"}</dd>
<dt>Source</dt><dd>${r.url === null ? "no page of the vendor's own defines it" : html`<a href="${href(r.url)}">${urlLabel(r.url)}</a>`}</dd>
${r.conflicts.length === 0 ? "" : html`<dt>Also means</dt><dd>${join(r.conflicts.map((c) => (c.source === "iana" ? `${c.phrase} (the IANA registry)` : `${c.phrase ?? "no name"} (${vendorName(c.source)})`)), "; ")}</dd>`}
<dt>Retried by default</dt><dd>${r.retry.length === 0 ? "by no widely used client" : html`by ${join(r.retry.map((t) => html`<a href="${href(t.url)}">${t.by}</a>`), "; ")} (<code>isRetryableWithVendors(${String(r.code)})</code> is <code>true</code>)`}</dd>
${extraFields(r, ["code", "vendor", "phrase", "description", "sent", "url", "conflicts", "retry"])}
</dl>
</section>
`,
)}${pre(`import { formatUnofficialStatus, getUnofficialStatus } from "statuskit/unofficial";

${records.map((r) => `getUnofficialStatus(${code}, ${literal(r.vendor)}).phrase; // => ${literal(r.phrase)}\n`).join("")}formatUnofficialStatus(${code}); // => ${literal(formatUnofficialStatus(code))}`)}
${pre(`$ npx statuskit --unofficial ${code}`)}
</section>`;
}

function pager(code: number, codes: readonly number[], label: (c: number) => string): Html {
  const i = codes.indexOf(code);
  const link = (c: number | undefined, rel: string, text: (c: number) => string) => (c === undefined ? html`<span></span>` : html`<a rel="${rel}" href="../${c}/">${text(c)}</a>`);
  return html`<nav class="pager" aria-label="Neighbouring codes">
${link(codes[i - 1], "prev", (c) => `← ${label(c)}`)}
${link(codes[i + 1], "next", (c) => `${label(c)} →`)}
</nav>`;
}

/** A section of a code's page, left out when it has no items. */
function part(id: string, title: string, items: readonly Value[], list = true): Html {
  if (items.length === 0) return html``;
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${list ? html`<ul>${items.map((item) => html`<li>${item}</li>\n`)}</ul>` : items}
</section>
`;
}

export function codePage(s: StatusInfo, ctx: Context): string {
  const cls = classInfo(s.class);
  const d = ctx.details.codes.find((x) => x.code === s.code);
  if (d === undefined) throw new Error(`site: data/details.json has no entry for ${s.code}`);
  const vendors = getUnofficialStatus(s.code);
  const members = ctx.rules.filter((rule) => rule.test(s.code));
  const main = html`<nav aria-label="Breadcrumb" class="crumbs"><a href="../">HTTP status codes</a> › <a href="../#${cls.name}">${classLabel(cls)}</a></nav>
<h1><span class="num">${s.code}</span> ${s.phrase}</h1>
<p class="lead">${s.description}</p>
${s.status === "standard" ? "" : html`<p class="notice">${lifecycleText(s, ctx.today)}</p>`}
<p>${cited(d.meaning, ctx)}</p>
<dl class="facts">
<dt>Class</dt><dd><a href="../#${cls.name}">${classLabel(cls)}</a>: ${cls.description}</dd>
<dt>Specification</dt><dd><a href="${href(s.spec.url)}">${s.spec.document} §${s.spec.section}</a></dd>
<dt>Registration</dt><dd>${capitalise(s.status)}${s.expires === null ? "" : html`, until ${date(s.expires)}${ctx.today > s.expires ? " (passed)" : ""}`}, in the <a href="${REGISTRY_URL}">IANA registry</a> of ${date(ctx.registry)}</dd>
<dt>Constant</dt><dd><a href="../api/#${s.constant}"><code>${s.constant}</code></a></dd>
${extraFields(s, ["code", "phrase", "constant", "class", "description", "status", "expires", "spec", "aliases"])}
</dl>
${part("headers", "Header fields", d.headers.length === 0 ? [] : [html`<dl class="facts">${d.headers.map((h) => html`<dt><code>${h.name}</code></dt><dd>${cited(h, ctx)}</dd>`)}</dl>`], false)}
${part("example", "Example", d.example === undefined ? [] : [pre(d.example.request.trimEnd()), pre(d.example.response.trimEnd())], false)}
${part("clients", "What clients do", d.clients.map((x) => cited(x, ctx)))}
${part("causes", "Common causes and fixes", d.causes.map((c) => html`<strong>${capitalise(c.side)}:</strong> ${inline(c.cause)} <strong>Fix:</strong> ${inline(c.fix)}${cites(c.cite, ctx)}`))}
${part("related", "Related codes", d.related.map((r) => html`<a href="../${r.code}/">${formatStatus(r.code)}</a>: ${cited(r, ctx)}`))}
${part("questions", "Questions", d.questions.map((q) => html`<h3 id="${slug(q.question)}">${q.question}</h3>\n<p>${cited(q, ctx)}</p>\n`), false)}
${part("legacy", "Legacy names", s.aliases.length === 0 ? [] : [html`<p>Older names of ${s.code}, and where they come from. <code>codeOf</code> still accepts them, and a constant among them is a deprecated alias of <code>${s.constant}</code>.</p>
<ul>${s.aliases.map((a) => {
  // A name may come without a phrase (a constant only) or without a constant (a name for codeOf only).
  const constant = a.constant as string | null;
  const names = [a.phrase !== null && html`<strong>${a.phrase}</strong>`, constant !== null && html`<a href="../api/#${constant}"><code>${breakable(constant)}</code></a>`];
  return html`<li>${join(names.filter(Boolean))}: ${a.source}</li>\n`;
})}</ul>`], false)}
${part("rules", "Rules", ctx.rules.map((rule) => {
  const reason = reasonFor(rule, s.code);
  return html`<a href="../api/#${rule.name}"><code>${rule.name}</code></a>: <strong>${rule.test(s.code) ? "yes" : "no"}</strong>${reason === undefined ? "." : html`. ${inline(reason)}`}`;
}))}
${vendors.length === 0 ? "" : vendorSection(s.code, vendors, `Other meanings of ${s.code}, outside the registry`)}
${part("usage", "Usage", [pre(`import { ${[s.constant, "getStatus", ...members.map((r) => r.name)].join(", ")} } from "statuskit";

${s.constant}; // => ${s.code}
getStatus(${s.constant}).phrase; // => ${literal(s.phrase)}
getStatus(${s.constant}).spec.url; // => ${literal(s.spec.url)}
${members.map((r) => `${r.name}(${s.constant}); // => true\n`).join("")}`.trimEnd()), pre(`$ npx statuskit ${s.code}`)], false)}
${pager(s.code, STATUSES.map((x) => x.code), (c) => formatStatus(c)!)}`;
  return layout(ctx, {
    path: `${s.code}/`,
    title: `${s.code} ${s.phrase} · HTTP status codes`,
    description: `${s.code} ${s.phrase}: ${s.description}`,
    main: () => main,
  });
}

export function vendorPage(code: number, ctx: Context): string {
  const records = getUnofficialStatus(code);
  const cls = classInfo(classOf(code)!);
  const fallback = getStatus(cls.range[0])!;
  const line = formatUnofficialStatus(code)!;
  const main = html`<nav aria-label="Breadcrumb" class="crumbs"><a href="../">HTTP status codes</a> › <a href="../#vendor-codes">Vendor codes</a></nav>
<h1><span class="num">${code}</span> ${line.slice(String(code).length + 1)}</h1>
<p class="notice"><strong>Not in the IANA registry.</strong> No RFC defines ${code}: the meanings below are vendors' own. A client that does not recognise it treats it as <a href="../${fallback.code}/">${formatStatus(fallback.code)}</a> (<a href="${RFC9110_15}">RFC 9110 §15</a>).</p>
<dl class="facts">
<dt>Class</dt><dd><a href="../#${cls.name}">${classLabel(cls)}</a>, by its first digit</dd>
</dl>
${vendorSection(code, records, `What vendors mean by ${code}`)}
${pager(code, VENDOR_CODES, (c) => `${c}`)}`;
  return layout(ctx, {
    path: `${code}/`,
    title: `${line} · unofficial HTTP status code`,
    description: `${line}: not in the IANA registry. ${records.map((r) => r.description).join(" ")}`,
    main: () => main,
  });
}

export function guidePage(guide: Guide, ctx: Context): string {
  return layout(ctx, {
    path: `guide/${guide.name}/`,
    title: `${guide.title} · statuskit`,
    description: guide.description,
    main: () => html`<nav aria-label="Breadcrumb" class="crumbs"><a href="../../">HTTP status codes</a> › <a href="../">Guides</a></nav>\n${guide.body}`,
  });
}

export function guidesPage(ctx: Context): string {
  return layout(ctx, {
    path: "guide/",
    title: "Guides · statuskit",
    description: `The guides of statuskit: ${ctx.guides.map((g) => g.title).join(", ")}.`,
    main: () => html`<h1>Guides</h1>
<ul class="guides">
${ctx.guides.map((g) => html`<li><a href="${g.name}/">${g.title}</a> ${g.description}</li>\n`)}</ul>`,
  });
}

function apiExport(x: Export, entry: Entry, ctx: Context, up: string): Html {
  const tags = (name: string) => x.tags.filter(([tag]) => tag === name).map(([, text]) => text);
  const from = ctx.api.find((e) => e !== entry && e.exports.some((y) => y.name === x.name && y.signature !== undefined));
  if (x.signature === undefined && from === undefined) throw new Error(`site: no API report declares ${x.name}: run \`npm run build && npm run api\``);
  // The doc, parameters and return value of an export share one RFC for a bare `§` (`inline`).
  const state = {};
  const md = (text: string) => markdown(text, undefined, state);
  const named = (name: string, label: (n: string) => Html) =>
    tags(name).map((text) => text.match(/^(\S+)\s*([^]*)$/)!).map(([, n, doc]) => html`<dt>${label(n!)}</dt><dd>${md(doc!)}</dd>`);
  const facts = [
    ...named("param", (n) => html`<code>${n}</code>`),
    ...x.members.map(([n, doc]) => html`<dt><code>${n}</code></dt><dd>${md(doc)}</dd>`),
    ...tags("returns").map((text) => html`<dt>Returns</dt><dd>${md(text)}</dd>`),
    ...named("throws", (n) => html`Throws <code>${n}</code>`),
  ];
  return html`<section>
<h3 id="${x.name}"><code>${x.name}</code></h3>
${x.signature === undefined ? html`<p>Re-exported from <a href="${up}${from!.path}#${x.name}"><code>${from!.specifier}</code></a>.</p>` : pre(x.signature)}
${tags("deprecated").map((text) => html`<div class="notice"><strong>Deprecated.</strong> ${md(text)}</div>`)}
${md(x.doc)}
${facts.length === 0 ? "" : html`<dl class="facts">${facts}</dl>`}
${tags("example").map((text) => {
  const [title, ...code] = text.startsWith("```") ? ["", text] : text.split("\n");
  return html`<h4>Example${title ? html`: ${inline(title)}` : ""}</h4>\n${markdown(code.join("\n"))}`;
})}
</section>
`;
}

export function apiPage(entry: Entry, ctx: Context): string {
  const code = (x: Export) => x.signature?.match(/^export const \w+ = ([1-5]\d\d);$/)?.[1];
  const groups: [string, string, Export[]][] = [
    ["functions", "Functions", entry.exports.filter((x) => x.kind === "function")],
    ["values", "Values", entry.exports.filter((x) => x.kind === "const" && code(x) === undefined)],
    ["types", "Types", entry.exports.filter((x) => x.kind !== "function" && x.kind !== "const")],
  ];
  const constants = entry.exports.filter((x) => code(x) !== undefined);
  const toc = (xs: Export[]) => join(xs.map((x) => html`<a href="#${x.name}"><code>${x.name}</code></a>`));
  return layout(ctx, {
    path: entry.path,
    title: `${entry.specifier} · API reference · statuskit`,
    description: `The API of ${entry.specifier} ${ctx.version}: ${groups.map(([, title, xs]) => `${xs.length} ${title.toLowerCase()}`).join(", ")}${constants.length > 0 ? `, and a constant per code` : ""}, with their TSDoc and examples.`,
    main: (up) => html`<nav aria-label="Breadcrumb" class="crumbs"><a href="${up}">HTTP status codes</a> › API reference</nav>
<h1><code>${entry.specifier}</code></h1>
<p>The API of statuskit ${ctx.version}, from its TSDoc. Entry points: ${join(ctx.api.map((e) => (e === entry ? html`<code>${e.specifier}</code>` : html`<a href="${up}${e.path}"><code>${e.specifier}</code></a>`)))}.</p>
<ul class="toc">
${groups.map(([id, title, xs]) => (xs.length === 0 ? "" : html`<li><a href="#${id}">${title}</a>: ${toc(xs)}</li>\n`))}${constants.length === 0 ? "" : html`<li><a href="#constants">Constants</a>: one per registered code</li>\n`}</ul>
${groups.map(([id, title, xs]) => (xs.length === 0 ? "" : html`<section aria-labelledby="${id}">\n<h2 id="${id}">${title}</h2>\n${xs.map((x) => apiExport(x, entry, ctx, up))}</section>\n`))}
${constants.length === 0 ? "" : html`<section aria-labelledby="constants">
<h2 id="constants">Constants</h2>
<p>One per registered code, with its literal type (<code>typeof NOT_FOUND</code> is <code>404</code>); legacy names are deprecated aliases.</p>
<table>
<caption class="visually-hidden">Constants</caption>
<thead><tr><th scope="col">Constant</th><th scope="col">Code</th></tr></thead>
<tbody>
${constants.map((x) => html`<tr id="${x.name}"><th scope="row"><code>${breakable(x.name)}</code></th><td><a href="${up}${code(x)}/">${formatStatus(Number(code(x)))}</a>${deprecation(x).map((t) => html` <small class="mark">deprecated</small> ${markdown(t)}`)}</td></tr>\n`)}</tbody>
</table>
</section>`}`,
  });
}

const deprecation = (x: Export) => x.tags.filter(([tag]) => tag === "deprecated").map(([, text]) => text);

export function notFoundPage(ctx: Context): string {
  return layout(ctx, {
    path: null,
    title: "Page not found · statuskit",
    description: "This page does not exist.",
    main: (up) => html`<h1>Page not found</h1>
<p>There is no page at this address: a <a href="${up}404/">404 Not Found</a>. Search the codes above, or start from <a href="${up}">the list of every code</a>, <a href="${up}guide/">the guides</a> or <a href="${up}api/">the API reference</a>.</p>`,
  });
}
