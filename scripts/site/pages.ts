// The pages of the reference site, as HTML strings. Every fact comes from the library (`statuskit`,
// `statuskit/unofficial`, the rules' TSDoc) or data/; the prose around them follows the page
// statuskit started from (intro, a table per class, redirect advice, references, questions).
import { classInfo, classOf, formatStatus, getStatus, isStatusCode, STATUSES, type ClassInfo, type StatusClass, type StatusCode, type StatusInfo } from "../../src/index";
import { formatUnofficialStatus, getUnofficialStatus, UNOFFICIAL_STATUSES, VENDORS, type UnofficialStatus } from "../../src/unofficial";
import { specUrl } from "../../src/internal";
import { breakable, camelWords, capitalise, href, html, urlLabel, type Html } from "./html";
import { citations, inline, reasonFor, ruleDoc, type Rule } from "./rules";

export interface Context {
  /** The build date, `YYYY-MM-DD`: lifecycle dates are shown as passed or not relative to it. */
  today: string;
  /** The date of the IANA registry the data follows, `YYYY-MM-DD`. */
  registry: string;
  /** The package version. */
  version: string;
  rules: readonly Rule[];
  /** The main entry point users import, which exports the constants and the rules: `"statuskit"`. */
  core: string;
}

const REGISTRY_URL = "https://www.iana.org/assignments/http-status-codes/";
const RFC9110_15 = specUrl("RFC 9110", "15");

const CLASS_NAMES = [...new Set(STATUSES.map((s) => s.class))];
const CLASSES: ClassInfo[] = CLASS_NAMES.map((name) => classInfo(name));

/** Every number that `statuskit/unofficial` knows and the registry does not: each has a page of its own. */
export const VENDOR_CODES: readonly number[] = [...new Set(UNOFFICIAL_STATUSES.map((r) => r.code))].filter(
  (code) => !isStatusCode(code),
);

const MONTHS = "January February March April May June July August September October November December".split(" ");

/** `2026-06-26` as `June 26, 2026`, in a `<time>` element. */
function date(iso: string): Html {
  const [y, m, d] = iso.split("-").map(Number);
  return html`<time datetime="${iso}">${MONTHS[m! - 1]} ${d}, ${y}</time>`;
}

/** The API reference page of an export, where TypeDoc puts it: `api/functions/statuskit.isRetryable.html`. */
function apiPage(up: string, kind: "functions" | "variables", entry: string, name: string): string {
  return `${up}api/${kind}/${entry.replace(/\//g, "_")}.${name}.html`;
}

const classLabel = (cls: ClassInfo) => `${cls.range[0] / 100}xx ${cls.title}`;
const vendorName = (id: string) => VENDORS.find((v) => v.id === id)?.name ?? id;

/** A link to a code's page (`404 Not Found`), from a page `up` levels below the root. */
function codeLink(code: StatusCode, up: string, text?: string): Html {
  return html`<a href="${up}${code}/">${text ?? formatStatus(code)}</a>`;
}

/** The short lifecycle mark of a table row, or `undefined` for a standard code. */
function lifecycleMark(s: StatusInfo, today: string): string | undefined {
  if (s.status === "standard") return undefined;
  if (s.status === "provisional" && s.expires !== null) {
    return today > s.expires ? `provisional; expiry ${s.expires} passed` : `provisional until ${s.expires}`;
  }
  return s.status;
}

/** The lifecycle in a sentence, for a code's page. */
function lifecycleText(s: StatusInfo, today: string): Html {
  switch (s.status) {
    case "standard":
      return html`Standard: a permanent registration.`;
    case "provisional":
      if (s.expires === null) return html`Provisional: a temporary registration.`;
      return today > s.expires
        ? html`Provisional: a temporary registration whose expiry date, ${date(s.expires)}, has passed (this page was built on ${date(today)}). Check <a href="${REGISTRY_URL}">the IANA registry</a> for whether it was renewed or removed.`
        : html`Provisional: a temporary registration that expires on ${date(s.expires)} unless renewed.`;
    case "deprecated":
      return html`Deprecated: still registered, but its specification tells servers not to use it.`;
    case "obsoleted":
      return html`Obsoleted: the IANA registry marks the registration OBSOLETED.`;
    case "unused":
      return html`Unused: the registry reserves the number as “(Unused)”; statuskit keeps the historic name, since software still meets it.`;
    default: {
      // Every status has its sentence above: a new one is a type error here until it has one.
      const unknown: never = s;
      return html`${String((unknown as StatusInfo).status)}.`;
    }
  }
}

function markOf(text: string | undefined): Html {
  return html`${text === undefined ? "" : html` <small class="mark">${text}</small>`}`;
}

/** A field of a record that the page has no place for yet (a newer library's), as a label and a value. */
function extraFields(record: object, known: readonly string[]): Html {
  return html`${Object.entries(record)
    .filter(([key]) => !known.includes(key))
    .map(([key, value]) => {
      const text = typeof value === "boolean" ? (value ? "yes" : "no") : value === null ? "none" : typeof value === "object" ? JSON.stringify(value) : String(value);
      return html`<dt>${camelWords(key)}</dt><dd>${text}</dd>`;
    })}`;
}

interface Layout {
  /** The path prefix from this page to the root: `""` or `"../"`. */
  up: string;
  title: string;
  description: string;
  main: Html;
  script?: string;
}

function layout(ctx: Context, page: Layout): string {
  const { up } = page;
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
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
<a href="${up}#rules">Rules</a>
<a href="${up}api/">API reference</a>
</nav>
</header>
<main id="main">
${page.main}
</main>
<footer>
<p>Generated by statuskit ${ctx.version} from the IANA registry of ${date(ctx.registry)} on ${date(ctx.today)}. <a href="${up}api/">API reference</a>.</p>
</footer>
</body>
</html>
`}`;
}

function statusTable(rows: readonly StatusInfo[], ctx: Context, caption: string): Html {
  return html`<table>
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Meaning</th></tr></thead>
<tbody>
${rows.map(
  (s) => html`<tr id="${s.code}"><th scope="row"><a href="${s.code}/">${s.code}</a></th><td>${s.phrase}${markOf(lifecycleMark(s, ctx.today))}</td><td>${s.description}</td></tr>
`,
)}</tbody>
</table>`;
}

function vendorTable(records: readonly UnofficialStatus[], up: string): Html {
  return html`<table class="vendor">
<caption class="visually-hidden">Vendor and unofficial codes</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Meaning</th></tr></thead>
<tbody>
${records.map(
  (r) => html`<tr id="${r.code}-${r.vendor}"><th scope="row"><a href="${up}${r.code}/${isStatusCode(r.code) ? "#vendors" : ""}">${r.code}</a></th><td>${r.phrase ?? ""}${markOf(`${vendorName(r.vendor)}${r.sent ? "" : ", logged only"}`)}</td><td>${r.description}</td></tr>
`,
)}</tbody>
</table>`;
}

/** The documents the data and the rules cite, each with what cites it. */
function references(ctx: Context): Html {
  const docs = new Map<string, { url: string; codes: StatusCode[]; rules: string[] }>();
  const entry = (label: string, url: string) => docs.get(label) ?? docs.set(label, { url, codes: [], rules: [] }).get(label)!;
  // The whole document: the link to the code's section without the section.
  for (const s of STATUSES) entry(s.spec.document, s.spec.url.replace(/#.*/, "")).codes.push(s.code);
  for (const rule of ctx.rules) for (const [label, url] of citations(rule)) entry(label, url).rules.push(rule.name);
  const cited = (d: { codes: readonly StatusCode[]; rules: string[] }) => {
    const parts = [];
    if (d.codes.length > 0) parts.push(html`${d.codes.length === 1 ? "code" : "codes"} ${d.codes.map((c, i) => html`${i > 0 ? ", " : ""}${codeLink(c, "", String(c))}`)}`);
    if (d.rules.length > 0) parts.push(html`${d.rules.map((r, i) => html`${i > 0 ? ", " : ""}<a href="#${r}"><code>${r}</code></a>`)}`);
    return parts.map((p, i) => html`${i > 0 ? "; " : ""}${p}`);
  };
  return html`<ul class="refs">
<li><a href="${REGISTRY_URL}">IANA HTTP Status Code Registry</a>, updated ${date(ctx.registry)}: every code, its name and its registration.</li>
${[...docs].map(([label, d]) => html`<li><a href="${href(d.url)}">${label}</a>: ${cited(d)}.</li>\n`)}<li><a href="${RFC9110_15}">RFC 9110 §15</a>: the classes, and how a client treats a code it does not recognise.</li>
</ul>`;
}

export function indexPage(ctx: Context): string {
  const byClass = (name: StatusClass) => STATUSES.filter((s) => s.class === name);
  const classList = CLASSES.map((c, i) => `${i === CLASSES.length - 1 ? "and " : ""}${classLabel(c).toLowerCase()}`).join(", ");
  const [c401, c403, c404] = ([401, 403, 404] as const).map((c) => codeLink(c, ""));
  const redirects = ctx.rules.find((r) => r.name === "isRedirect");
  const main = html`<h1>HTTP status codes</h1>
<p class="updated">Updated ${date(ctx.today)}, from the IANA registry of ${date(ctx.registry)}.</p>
<p>HTTP status codes are three-digit responses a server returns for each request. The first digit sets the class: ${classList}.</p>
<p>This page lists all ${STATUSES.length} codes of the IANA registry, with their RFC 9110 names; each has a page with its specification, lifecycle, legacy names and rules. Codes that vendors use outside the registry are <a href="#vendor-codes">listed apart</a>.</p>
<form id="search" role="search" action="./" hidden>
<label for="q">Search by code, name, legacy name, constant or a word of the meaning</label>
<input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="404, teapot, CONTENT_TOO_LARGE, rate limit">
<p id="search-status" role="status"></p>
<table id="results" hidden>
<caption class="visually-hidden">Search results</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Meaning</th></tr></thead>
<tbody></tbody>
</table>
</form>
<nav aria-label="On this page" class="toc">
<ul>
${CLASSES.map((c) => html`<li><a href="#${c.name}">${classLabel(c)}</a></li>\n`)}<li><a href="#redirects">Redirects</a></li>
<li><a href="#references">References</a></li>
<li><a href="#questions">Questions</a></li>
<li><a href="#vendor-codes">Vendor codes</a></li>
<li><a href="#rules">Rules</a></li>
</ul>
</nav>
${CLASSES.map(
  (c) => html`<section aria-labelledby="${c.name}">
<h2 id="${c.name}">${c.range[0] / 100}xx — ${c.title}</h2>
<p>${c.description}</p>
${statusTable(byClass(c.name), ctx, `${classLabel(c)} codes`)}
</section>
`,
)}<section aria-labelledby="redirects">
<h2 id="redirects">A page has moved: 301, 302 or 307?</h2>
<p>${codeLink(301, "", "301")} when a URL has moved for good, so search engines transfer ranking to the new address (${codeLink(308, "", "308")} if the method and body must not change). Use ${codeLink(302, "", "302")} or ${codeLink(307, "", "307")} for a temporary move where the original URL should keep its value; 307 keeps the method and body.</p>
${redirects === undefined ? "" : html`<p>The codes that redirect: ${STATUSES.filter((s) => redirects.test(s.code)).map((s, i) => html`${i > 0 ? ", " : ""}${codeLink(s.code, "", String(s.code))}`)} (<a href="#isRedirect"><code>isRedirect</code></a>).</p>`}
</section>
<section aria-labelledby="references">
<h2 id="references">References</h2>
${references(ctx)}
</section>
<section aria-labelledby="questions">
<h2 id="questions">Questions</h2>
<h3>What is the difference between 401 and 403?</h3>
<p>${c401} means you are not authenticated, so logging in may help. ${c403} means you are authenticated but still not allowed, so logging in will not change anything.</p>
<h3>Is 404 a server error?</h3>
<p>No. ${c404} is a ${classLabel(classInfo(classOf(404))).toLowerCase()}: the request reached the server fine, but the resource does not exist at that URL.</p>
</section>
<section aria-labelledby="vendor-codes">
<h2 id="vendor-codes">Vendor and unofficial codes</h2>
<p class="notice"><strong>Not in the IANA registry.</strong> No RFC defines these meanings: servers, proxies and frameworks use the numbers on their own. Some numbers have several meanings, and some reuse a registered code. They come from <code>statuskit/unofficial</code>.</p>
${vendorTable(UNOFFICIAL_STATUSES, "")}
</section>
<section aria-labelledby="rules">
<h2 id="rules">Rules</h2>
<p>Sets of codes that a client or server treats alike, each from a specification. Each is a function of <code>statuskit</code>.</p>
${ctx.rules.map(
  (rule) => html`<section aria-labelledby="${rule.name}">
<h3 id="${rule.name}">${rule.title}: <a href="${apiPage("", "functions", ctx.core, rule.name)}"><code>${rule.name}(code)</code></a></h3>
<p>Codes: ${STATUSES.filter((s) => rule.test(s.code)).map((s, i) => html`${i > 0 ? ", " : ""}${codeLink(s.code, "", String(s.code))}`)}.</p>
${ruleDoc(rule)}
</section>
`,
)}</section>`;
  return layout(ctx, {
    up: "",
    title: "HTTP status codes · statuskit",
    description: `Every HTTP status code of the IANA registry (${STATUSES.length} codes), with its meaning, specification and lifecycle, and the vendor codes outside it.`,
    main,
    script: "search.js",
  });
}

function snippet(lines: string): Html {
  return html`<pre><code>${lines}</code></pre>`;
}

/** A JavaScript literal for a value in a snippet's `// =>` comment. */
const literal = (value: unknown) => JSON.stringify(value);

function rulesList(s: StatusInfo, ctx: Context): Html {
  return html`<ul class="rules">
${ctx.rules.map((rule) => {
  const reason = reasonFor(rule, s.code);
  return html`<li><a href="../#${rule.name}"><code>${rule.name}</code></a>: <strong>${rule.test(s.code) ? "yes" : "no"}</strong>${reason === undefined ? "." : html`. ${inline(reason)}`}</li>
`;
})}</ul>`;
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
${r.conflicts.length === 0 ? "" : html`<dt>Also means</dt><dd>${r.conflicts.map((c, i) => html`${i > 0 ? "; " : ""}${c.source === "iana" ? html`${c.phrase} (the IANA registry)` : html`${c.phrase ?? "no name"} (${vendorName(c.source)})`}`)}</dd>`}
<dt>Retried by default</dt><dd>${r.retry.length === 0 ? "by no widely used client" : html`by ${r.retry.map((t, i) => html`${i > 0 ? "; " : ""}<a href="${href(t.url)}">${t.by}</a>`)} (<code>isRetryableWithVendors(${String(r.code)})</code> is <code>true</code>)`}</dd>
${extraFields(r, ["code", "vendor", "phrase", "description", "sent", "url", "conflicts", "retry"])}
</dl>
</section>
`,
)}<p>From <code>statuskit/unofficial</code>:</p>
${snippet(`import { formatUnofficialStatus, getUnofficialStatus } from "statuskit/unofficial";

${records.map((r) => `getUnofficialStatus(${code}, ${literal(r.vendor)}).phrase; // => ${literal(r.phrase)}\n`).join("")}formatUnofficialStatus(${code}); // => ${literal(formatUnofficialStatus(code))}`)}
${snippet(`$ npx statuskit --unofficial ${code}`)}
</section>`;
}

function pager<C extends number>(code: C, codes: readonly C[], label: (c: C) => string): Html {
  const i = codes.indexOf(code);
  const prev = codes[i - 1];
  const next = codes[i + 1];
  return html`<nav class="pager" aria-label="Neighbouring codes">
${prev === undefined ? html`<span></span>` : html`<a rel="prev" href="../${prev}/">← ${label(prev)}</a>`}
${next === undefined ? html`<span></span>` : html`<a rel="next" href="../${next}/">${label(next)} →</a>`}
</nav>`;
}

export function codePage(s: StatusInfo, ctx: Context): string {
  const cls = classInfo(s.class);
  const vendors = getUnofficialStatus(s.code);
  const named = [...new Set(s.description.match(/\b[1-5]\d\d\b/g) ?? [])].map(Number).filter((c): c is StatusCode => c !== s.code && isStatusCode(c));
  const members = ctx.rules.filter((rule) => rule.test(s.code));
  const main = html`<nav aria-label="Breadcrumb" class="crumbs"><a href="../">HTTP status codes</a> › <a href="../#${cls.name}">${classLabel(cls)}</a></nav>
<h1><span class="num">${s.code}</span> ${s.phrase}</h1>
<p class="lead">${s.description}</p>
${s.status === "standard" ? "" : html`<p class="notice">${lifecycleText(s, ctx.today)}</p>`}
<dl class="facts">
<dt>Class</dt><dd><a href="../#${cls.name}">${classLabel(cls)}</a>: ${cls.description}</dd>
<dt>Specification</dt><dd><a href="${href(s.spec.url)}">${s.spec.document} §${s.spec.section}</a></dd>
<dt>Registration</dt><dd>${capitalise(s.status)}${s.expires === null ? "" : html`, until ${date(s.expires)}${ctx.today > s.expires ? " (passed)" : ""}`}, in the <a href="${REGISTRY_URL}">IANA registry</a> of ${date(ctx.registry)}</dd>
<dt>Constant</dt><dd><a href="${apiPage("../", "variables", ctx.core, s.constant)}"><code>${s.constant}</code></a></dd>
${named.length === 0 ? "" : html`<dt>See also</dt><dd>${named.map((c, i) => html`${i > 0 ? ", " : ""}${codeLink(c, "../")}`)}</dd>`}
${extraFields(s, ["code", "phrase", "constant", "class", "description", "status", "expires", "spec", "aliases"])}
</dl>
${s.aliases.length === 0 ? "" : html`<section aria-labelledby="legacy">
<h2 id="legacy">Legacy names</h2>
<p>Older names of ${s.code}, and where they come from. <code>codeOf</code> still accepts them, and a constant among them is a deprecated alias of <code>${s.constant}</code>.</p>
<ul class="legacy">
${s.aliases.map((a) => {
  // A name may come without a phrase (a constant only) or without a constant (a name for codeOf only).
  const constant = a.constant as string | null;
  const names = [
    a.phrase === null ? "" : html`<strong>${a.phrase}</strong>`,
    constant === null ? "" : html`<a href="${apiPage("../", "variables", ctx.core, constant)}"><code>${breakable(constant)}</code></a>`,
  ].filter((n) => n !== "");
  return html`<li>${names.map((n, i) => html`${i > 0 ? ", " : ""}${n}`)}: ${a.source}</li>\n`;
})}</ul>
</section>`}
<section aria-labelledby="rules">
<h2 id="rules">Rules</h2>
${rulesList(s, ctx)}
</section>
${vendors.length === 0 ? "" : vendorSection(s.code, vendors, `Other meanings of ${s.code}, outside the registry`)}
<section aria-labelledby="usage">
<h2 id="usage">Usage</h2>
${snippet(`import { ${[s.constant, "getStatus", ...members.map((r) => r.name)].join(", ")} } from "${ctx.core}";

${s.constant}; // => ${s.code}
getStatus(${s.constant}).phrase; // => ${literal(s.phrase)}
getStatus(${s.constant}).spec.url; // => ${literal(s.spec.url)}
${members.map((r) => `${r.name}(${s.constant}); // => true\n`).join("")}`.trimEnd())}
${snippet(`$ npx statuskit ${s.code}`)}
</section>
${pager(s.code, STATUSES.map((x) => x.code), (c) => formatStatus(c))}`;
  return layout(ctx, {
    up: "../",
    title: `${s.code} ${s.phrase} · HTTP status codes`,
    description: `${s.code} ${s.phrase}: ${s.description}`,
    main,
  });
}

export function vendorPage(code: number, ctx: Context): string {
  const records = getUnofficialStatus(code);
  const cls = classInfo(classOf(code)!);
  const fallback = getStatus(cls.range[0])!;
  const line = formatUnofficialStatus(code)!;
  const main = html`<nav aria-label="Breadcrumb" class="crumbs"><a href="../">HTTP status codes</a> › <a href="../#vendor-codes">Vendor codes</a></nav>
<h1><span class="num">${code}</span> ${line.slice(String(code).length + 1)}</h1>
<p class="notice"><strong>Not in the IANA registry.</strong> No RFC defines ${code}: the meanings below are vendors' own. A client that does not recognise it treats it as ${codeLink(fallback.code, "../")} (<a href="${RFC9110_15}">RFC 9110 §15</a>).</p>
<dl class="facts">
<dt>Class</dt><dd><a href="../#${cls.name}">${classLabel(cls)}</a>, by its first digit</dd>
</dl>
${vendorSection(code, records, `What vendors mean by ${code}`)}
${pager(code, VENDOR_CODES, (c) => `${c}`)}`;
  return layout(ctx, {
    up: "../",
    title: `${line} · unofficial HTTP status code`,
    description: `${line}: not in the IANA registry. ${records.map((r) => r.description).join(" ")}`,
    main,
  });
}
