// The reference site (scripts/site.ts), built once into a temporary folder with a fixed build date,
// then checked as files and, in Chromium, the way a reader sees it: every page of the site, light
// and dark, at 360 px, with and without JavaScript. Screenshots for review go to screenshots/
// (git-ignored). Without a Chromium the browser checks are skipped with a notice, except under
// CI, where that is a failure.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { AxeResults, RunOptions } from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, renderSite, serve, siteContext, type Running } from "../../scripts/site";
import { citations, readApi, readRules, reasonFor, type Rule } from "../../scripts/site/api";
import { escape, html, inline } from "../../scripts/site/html";
import { markdown, slug } from "../../scripts/site/markdown";
import { codePage, notFoundPage, VENDOR_CODES, vendorPage, type Details } from "../../scripts/site/pages";
import * as statuskit from "../../src/index";
import { classOf, getStatus, STATUSES, type StatusInfo } from "../../src/index";
import { getUnofficialStatus, UNOFFICIAL_STATUSES } from "../../src/unofficial";

const TODAY = "2026-12-01";
// Served at the root of a test server, as the site is at the root of its address.
const SITE = "https://statuskit.test/";
const CHROMIUM = "/usr/bin/chromium";
/** An address with no page, where the server answers with the not-found page. */
const NOT_FOUND = "no/such/page/";
// Debian's package; Playwright's own browser download is not used.
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const hasChromium = existsSync(CHROMIUM);
// axe-core itself, injected once per page and run in it: a run per colour scheme, violations only.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const screenshots = fileURLToPath(new URL("../../screenshots/", import.meta.url));
if (!hasChromium) console.warn(`test/all/site.test.ts: no Chromium at ${CHROMIUM}, so the browser checks are skipped (apt-get install chromium)`);

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const details: Details = JSON.parse(read("data/details.json"));
const rendering = siteContext({ today: TODAY, url: SITE });

let dir: string;
let files: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "statuskit-site-"));
  files = await buildSite(dir, { today: TODAY, url: SITE });
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every page, by path: `index.html`, `404/index.html`, `404.html`. */
const pages = () => [...files.keys()].filter((path) => path.endsWith(".html"));
const gzipped = (...paths: string[]) => gzipSync(paths.map((p) => files.get(p)!).join("")).length;

describe("scripts/site.ts", () => {
  it("writes the index, a page per registered and per vendor-only code, per guide and per entry point, and a not-found page", () => {
    // From data/, docs/ and package.json, not from the lookups the pages are built with.
    const data = (file: string) => JSON.parse(read(`data/${file}`));
    const registered = (data("status-codes.json") as { code: number }[]).map((s) => s.code);
    const unofficial = (data("unofficial.json") as { codes: { code: number }[] }).codes.map((r) => r.code);
    const vendorOnly = [...new Set(unofficial)].filter((c) => !registered.includes(c));
    const guides = readdirSync(new URL("../../docs/", import.meta.url)).filter((f) => f.endsWith(".md")).map((f) => `guide/${f.slice(0, -3)}/index.html`);
    const subpaths = Object.keys(JSON.parse(read("package.json")).exports).filter((s) => !s.endsWith(".json"));
    expect(vendorOnly).toContain(499);
    expect(VENDOR_CODES).toEqual(vendorOnly);
    expect(pages().sort()).toEqual(
      ["index.html", "404.html", "guide/index.html", ...guides, ...subpaths.map((s) => `api/${s.slice(2)}${s === "." ? "" : "/"}index.html`), ...[...registered, ...vendorOnly].map((c) => `${c}/index.html`)].sort(),
    );
  });

  it("gives the same bytes for the same build date", async () => {
    expect(await renderSite({ today: TODAY, url: SITE })).toEqual(files);
  }, 60_000);

  it("keeps the page weights: a code page at most 6 kB gzipped (HTML and CSS), the index at most 20 kB (HTML, CSS and JS)", () => {
    const heaviest = Math.max(...STATUSES.map((s) => gzipped(`${s.code}/index.html`, "style.css")));
    expect(heaviest).toBeLessThanOrEqual(6000);
    expect(gzipped("index.html", "style.css", "search.js")).toBeLessThanOrEqual(20_000);
  });

  it("gives each page but the not-found one its canonical address, a description no other page has, and a place in the sitemap", () => {
    const indexed = pages().filter((p) => p !== "404.html");
    const address = (path: string) => SITE + path.replace(/index\.html$/, "");
    for (const path of indexed) expect([...files.get(path)!.matchAll(/<link rel="canonical" href="([^"]*)">/g)].map((m) => m[1]), path).toEqual([address(path)]);
    const descriptions = pages().map((path) => files.get(path)!.match(/<meta name="description" content="([^"]+)">/)?.[1]);
    expect(new Set(descriptions).size).toBe(pages().length);
    expect([...files.get("sitemap.xml")!.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(indexed.map(address));
    expect(files.get("robots.txt")).toBe(`Sitemap: ${SITE}sitemap.xml\n`);
    expect(files.get("404.html")).toContain('<meta name="robots" content="noindex">');
  });

  it("the not-found page links from the site's root, as it is served at any depth", () => {
    const page = notFoundPage(siteContext({ today: TODAY }));
    expect(page).toContain('href="/statuskit/style.css"');
    expect([...page.matchAll(/\bhref="([^"#]+)/g)].map((m) => m[1]!).filter((url) => !/^(\/statuskit\/|https:)/.test(url))).toEqual([]);
  });

  it("shows the version on the API reference only, and the build date only where a lifecycle date is compared with it", () => {
    const withVersion = pages().filter((p) => files.get(p)!.includes(`statuskit ${rendering.version}`));
    expect(withVersion.every((p) => p.startsWith("api/"))).toBe(true);
    expect(pages().filter((p) => files.get(p)!.includes(`datetime="${TODAY}"`))).toEqual(["104/index.html"]);
  });

  it.each([
    ["2026-11-13", false],
    ["2026-11-14", true],
  ])("104's expiry (2026-11-13) is shown as passed on a build of %s: %s", (today, passed) => {
    const page = codePage(getStatus(104), { ...rendering, today });
    expect(page.includes("(passed)")).toBe(passed);
    expect(page.includes("has passed")).toBe(passed);
    expect(page).toContain('<time datetime="2026-11-13">November 13, 2026</time>');
  });

  it("html`` escapes every value and keeps Html as it is", () => {
    const hostile = `"><script>alert('x')</script>&amp;`;
    expect(html`<p title="${hostile}">${hostile}${html`<b>${1}</b>`}${[null, undefined, false, "a"]}</p>`.text).toBe(
      `<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;<b>1</b>a</p>`,
    );
  });

  it("a code page escapes every field of a hostile record and of its details, and shows a field it does not know", () => {
    const hostile = "<script>alert(1)</script>";
    const record = {
      ...getStatus(404),
      phrase: hostile,
      description: `"><img src=x onerror=alert(1)>`,
      aliases: [{ phrase: hostile, constant: hostile, source: hostile }],
      sinceVersion: hostile,
    } as unknown as StatusInfo;
    const cite = [`RFC 9110 §15"><script>`];
    const entry = {
      code: 404,
      meaning: { text: hostile, cite },
      headers: [{ name: hostile, text: hostile, cite }],
      example: { request: hostile, response: hostile },
      clients: [{ text: hostile, cite }],
      causes: [{ side: hostile, cause: hostile, fix: `\`${hostile}\``, cite }],
      related: [{ code: 410, text: hostile, cite }],
      questions: [{ question: hostile, text: hostile, cite }],
    };
    const page = codePage(record, { ...rendering, details: { ...details, codes: [entry] } });
    expect(page).not.toMatch(/<script>|<img/);
    expect(page).toContain(escape(hostile));
    expect(page).toContain(`<dt>Since version</dt><dd>${escape(hostile)}</dd>`);
  });

  it("each code page shows its details: header fields, example, related codes both ways, questions", () => {
    for (const d of details.codes) {
      const page = files.get(`${d.code}/index.html`)!;
      for (const h of d.headers) expect(page, `${d.code} ${h.name}`).toContain(`<dt><code>${escape(h.name)}</code></dt>`);
      if (d.example) expect(page, String(d.code)).toContain(escape(d.example.response.split("\n")[0]!));
      for (const r of d.related) {
        expect(page, `${d.code} → ${r.code}`).toContain(`href="../${r.code}/"`);
        expect(files.get(`${r.code}/index.html`), `${r.code} → ${d.code}`).toContain(`<a href="../${d.code}/">`);
      }
      for (const q of d.questions) expect(page, `${d.code}: ${q.question}`).toContain(`<h3 id="${slug(q.question)}">${escape(q.question)}</h3>`);
    }
  });

  it("every phrase and description is on the index, escaped", () => {
    const index = files.get("index.html")!;
    const texts = [...STATUSES.flatMap((s) => [s.phrase, s.description]), ...UNOFFICIAL_STATUSES.map((r) => r.description)];
    expect(texts.filter((t) => !index.includes(escape(t)))).toEqual([]);
    // Some texts have characters to escape, so the check above can fail.
    expect(texts.some((t) => escape(t) !== t)).toBe(true);
  });

  it("a code's page quotes what a rule's TSDoc says of that code: 413 says why isRetryable leaves it out", () => {
    const item = files.get("413/index.html")!.match(/<li><a href="\.\.\/api\/#isRetryable">.*<\/li>/)?.[0];
    expect(item).toContain("<strong>no</strong>");
    expect(item).toContain("allows a retry only when the condition is temporary");
  });

  it("vendor pages say the code is not in the registry", () => {
    for (const code of VENDOR_CODES) expect(vendorPage(code, rendering), String(code)).toContain("<strong>Not in the IANA registry.</strong>");
  });

  it("the API reference has every export of every API report, under its name", () => {
    for (const entry of readApi()) {
      const page = files.get(`${entry.path}index.html`)!;
      const report = read(`test/api/${entry.specifier.replace(/\//g, "-")}.api.md`);
      const names = [...new Set([...report.matchAll(/^export \w+ (\w+)/gm)].map((m) => m[1]!))];
      expect(names.length, entry.specifier).toBeGreaterThan(10);
      expect(names.filter((name) => !page.includes(` id="${name}"`)), entry.specifier).toEqual([]);
    }
    expect(files.get("api/index.html")).toMatch(/<tr id="PAYLOAD_TOO_LARGE">.*deprecated/);
  });

  it("loads nothing from another host: stylesheets, scripts and icons are relative", () => {
    for (const path of pages()) {
      const page = files.get(path)!;
      const loaded = [...page.matchAll(/<(?:link|script|img|iframe|source)\b(?![^>]*rel="canonical")[^>]*?\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
      expect(loaded.filter((url) => /^[a-z]+:|^\/\//i.test(url)), path).toEqual([]);
      // Links may leave the site, but only for https pages.
      const links = [...page.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1]!);
      expect(links.filter((url) => /^[a-z]+:/i.test(url) && !url.startsWith("https://")), path).toEqual([]);
    }
  });

  it("serve() answers a file, redirects a folder to its slash, and gives the not-found page for anything else", async () => {
    const running = await serve(dir);
    try {
      const get = (path: string) => fetch(running.url + path, { redirect: "manual" });
      expect((await get("404/")).status).toBe(200);
      expect((await get("404")).headers.get("location")).toBe("/404/");
      for (const path of ["no/such/page", "..%2f..%2fetc%2fpasswd", "%E0%A4%A"]) {
        const response = await get(path);
        expect([response.status, path]).toEqual([path.startsWith("%E0") ? 400 : 404, path]);
        if (response.status === 404) expect(await response.text()).toBe(files.get("404.html"));
      }
    } finally {
      await running.close();
    }
  });
});

describe("scripts/site/markdown.ts", () => {
  it("markdown() escapes raw HTML, drops comments, gives headings GitHub's ids, and lets code blocks and tables scroll", () => {
    const out = markdown("<script>alert(1)</script>\n\n<!-- table:start -->\n\n# The core API (`statuskit`)\n\n## Rules\n\n## Rules\n\n| a |\n| - |\n| b |\n\n```ts\nconst a = 1 < 2;\n```\n").text;
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("table:start");
    expect(out).toContain('<h1 id="the-core-api-statuskit">The core API (<code>statuskit</code>)</h1>');
    expect(out).toContain('<h2 id="rules-1">');
    expect(out).toContain('<div class="wide" tabindex="0"><table>');
    expect(out).toContain('<pre tabindex="0"><code>const a = 1 &lt; 2;</code></pre>');
    expect(markdown("[RFC 9110](https://example.org/) and RFC 9110").text).toBe(
      '<p><a href="https://example.org/">RFC 9110</a> and <a href="https://www.rfc-editor.org/rfc/rfc9110">RFC 9110</a></p>\n',
    );
    expect(markdown("See RFC 9110 §15.5, then §15.6.").text).toContain('<a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.6">§15.6</a>');
  });

  it("a guide's links lead to the other guides' pages and to the repository's files", () => {
    const api = files.get("guide/api/index.html")!;
    expect(api).toContain('href="../module-formats/"');
    expect(api).toContain(`href="${rendering.repository}/blob/HEAD/data/README.md#decisions"`);
    expect(api).toContain(`href="${rendering.repository}/tree/HEAD/test/api"`);
  });
});

describe("scripts/site/api.ts", () => {
  // A rule written the way src/sets.ts documents its rules, so these cases do not move with them.
  const rule: Rule = {
    name: "isSample",
    title: "Sample",
    test: (code) => [103, 408, 502, 504].includes(code),
    doc: [
      "Whether a sample applies: every 1xx (RFC 9110 §15.2) and:",
      "- 408: the server gave up; RFC 9110 §15.5.9 lets the client repeat it.",
      "- 502, 504: an upstream server failed (RFC 9110 §15.6.3, §15.6.5).",
      "",
      "Left out:",
      "- 501 and 505–511: lasting conditions.",
      "",
      "413 is not in: see `Content-Length` (https://example.org/x#y). Nothing else.",
    ].join("\n"),
  };

  it("readRules() reads every function that src/sets.ts exports, in order, each with its TSDoc", () => {
    const declared = [...new Set([...read("src/sets.ts").matchAll(/^export function (\w+)/gm)].map((m) => m[1]!))];
    expect(readRules().map((r) => r.name)).toEqual(declared);
    for (const r of readRules()) {
      expect(r.test, r.name).toBe((statuskit as Record<string, unknown>)[r.name]);
      expect(r.doc, r.name).toMatch(/\S/);
    }
  });

  it.each([
    [408, "The server gave up; RFC 9110 §15.5.9 lets the client repeat it."],
    [504, "An upstream server failed (RFC 9110 §15.6.3, §15.6.5)."],
    [103, "Whether a sample applies: every 1xx (RFC 9110 §15.2) and:"],
    [413, "413 is not in: see `Content-Length` (https://example.org/x#y)."],
    [507, "Lasting conditions."],
    [200, undefined],
  ])("reasonFor() quotes what the doc says of %i", (code, expected) => {
    expect(reasonFor(rule, code)).toBe(expected);
  });

  it("inline() links sections, a bare § to the RFC named before it, and URLs, and marks code", () => {
    expect(inline("Sources: https://example.org/a.md, https://example.org/b.").text).toBe(
      'Sources: <a href="https://example.org/a.md">https://example.org/a.md</a>, <a href="https://example.org/b">https://example.org/b</a>.',
    );
    expect(inline("(RFC 9110 §15.6.3, §15.6.5) `a<b` https://example.org/x#y RFC 6585 §A.1").text).toBe(
      '(<a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3">RFC 9110 §15.6.3</a>, ' +
        '<a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.6.5">§15.6.5</a>) <code>a&lt;b</code> ' +
        '<a href="https://example.org/x#y">https://example.org/x#y</a> <a href="https://www.rfc-editor.org/rfc/rfc6585#appendix-A.1">RFC 6585 §A.1</a>',
    );
  });

  it("citations() lists each document a doc cites once", () => {
    expect(citations(rule)).toEqual([
      ["RFC 9110", "https://www.rfc-editor.org/rfc/rfc9110"],
      ["example.org", "https://example.org/x"],
    ]);
  });
});

describe.runIf(!hasChromium)("without Chromium", () => {
  it("the browser checks are skipped, which CI does not allow", () => {
    expect(process.env["CI"], `CI needs Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`).toBeFalsy();
  });
});

describe.runIf(hasChromium)("in Chromium", () => {
  let server: Running;
  let browser: Browser;
  /** Internal links seen on the pages, each with the page it was on. */
  const links = new Map<string, string>();
  /** The text of each page's `main`, with JavaScript on. */
  const texts = new Map<string, string>();
  /** Each page as the browser asks for it; the not-found page at an address that has no page. */
  const addresses = () => pages().map((p) => (p === "404.html" ? NOT_FOUND : p.replace(/index\.html$/, "")));

  beforeAll(async () => {
    server = await serve(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh context that may reach this server only; any other request is recorded and refused. */
  async function context(options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ ctx: BrowserContext; foreign: string[] }> {
    const ctx = await browser.newContext(options);
    const foreign: string[] = [];
    await ctx.route(
      (url) => !url.href.startsWith(server.url),
      (route) => {
        foreign.push(route.request().url());
        return route.abort();
      },
    );
    return { ctx, foreign };
  }

  /**
   * Runs `check` on every address, a few tabs at a time in one context, and returns what it found,
   * each line with its page; with `watch`, also console errors, page errors and failed requests.
   */
  async function everyPage(ctx: BrowserContext, check: (page: Page, path: string, problems: string[]) => Promise<void>, watch = true): Promise<string[]> {
    const queue = addresses();
    const found: string[] = [];
    // The not-found page's own status is the one error response expected.
    const expected = (url: string | undefined) => url === server.url + NOT_FOUND;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const page = await ctx.newPage();
        let problems: string[] = [];
        if (watch) {
          page.on("console", (m) => m.type() === "error" && !expected(m.location().url) && problems.push(`console: ${m.text()}`));
          page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
          page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
          page.on("response", (r) => r.status() >= 400 && !expected(r.url()) && problems.push(`${r.status()}: ${r.url()}`));
        }
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          problems = [];
          await check(page, path, problems);
          found.push(...problems.map((p) => `/${path}: ${p}`));
        }
        await page.close();
      }),
    );
    return found;
  }

  async function axe(page: Page, scheme: "light" | "dark"): Promise<string[]> {
    await page.emulateMedia({ colorScheme: scheme });
    // Every rule in light; in dark, where only the colours change, the contrast rules.
    const options: RunOptions = { resultTypes: ["violations"], ...(scheme === "dark" && { runOnly: ["color-contrast", "link-in-text-block"] }) };
    const { violations } = await page.evaluate((o) => (window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(document, o), options);
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `axe (${scheme}) ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  it(
    "every page loads with no console error, no failed or foreign request, no sideways scroll at 360 px and no serious axe violation, light or dark",
    async () => {
      const { ctx, foreign } = await context({ viewport: { width: 360, height: 740 } });
      const problems = await everyPage(ctx, async (page, path, found) => {
        // Network idle, not just load: the icon is fetched after load, and leaving earlier would cancel it.
        await page.goto(server.url + path, { waitUntil: "networkidle" });
        const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        if (scroll! > width!) found.push(`scrolls sideways: ${scroll} px wide at ${width} px`);
        for (const href of await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
          if (href.startsWith(server.url) && !href.startsWith(server.url + NOT_FOUND) && !links.has(href)) links.set(href, path);
        }
        texts.set(path, await page.innerText("main"));
        await page.evaluate(AXE);
        found.push(...(await axe(page, "light")), ...(await axe(page, "dark")));
      });
      await ctx.close();
      expect(problems).toEqual([]);
      expect(foreign).toEqual([]);
      expect(texts.size).toBe(pages().length);
    },
    600_000,
  );

  it("every internal link resolves, fragments included", async () => {
    expect(links.size).toBeGreaterThan(pages().length);
    const bodies = new Map<string, Promise<{ status: number; text: string }>>();
    const get = (url: string) => bodies.get(url) ?? bodies.set(url, fetch(url).then(async (r) => ({ status: r.status, text: await r.text() }))).get(url)!;
    const broken: string[] = [];
    for (const [href, from] of links) {
      const url = new URL(href);
      const { status, text } = await get(url.href.replace(/#.*/, ""));
      const id = decodeURIComponent(url.hash.slice(1));
      if (status !== 200) broken.push(`/${from}: ${href} is ${status}`);
      else if (id !== "" && !text.includes(` id="${escape(id)}"`)) broken.push(`/${from}: ${href} has no element #${id}`);
    }
    expect(broken).toEqual([]);
  }, 120_000);

  it("with JavaScript off, every page shows the same content, and the search box is hidden", async () => {
    const { ctx } = await context({ javaScriptEnabled: false });
    const problems = await everyPage(ctx, async (page, path, found) => {
      await page.goto(server.url + path);
      if ((await page.innerText("main")) !== texts.get(path)) found.push("main differs from the page with JavaScript");
      if (!(await page.isHidden("form.search"))) found.push("the search box shows");
    }, false);
    await ctx.close();
    expect(problems).toEqual([]);
  }, 300_000);

  const SEARCHES: [string, number[]][] = [
    ["teapot", [418]],
    ["payload too large", [413]],
    ["CONTENT_TOO_LARGE", [413]],
    ["52", [520, 521, 522, 523, 524, 525, 526, 527]],
    ["rate limit", [429]],
    // Only the vendor codes' words know this one: no registered code, name or constant matches.
    ["client closed request", [499]],
    // Digits and words together, a class, a rule's word, British spelling and typos.
    ["nginx 499", [499]],
    ["404 not found", [404]],
    ["4xx", STATUSES.filter((s) => s.class === "client-error").map((s) => s.code)],
    ["redirect", [301, 302, 303, 307, 308]],
    ["unauthorised", [401]],
    ["bad gatway", [502]],
    ["Gateway Timeuot", [504]],
  ];

  it.each(SEARCHES)("searching %j shows %j first", async (query, first) => {
    const { ctx } = await context();
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.fill("#q", query);
    const codes = await page.$$eval("#results a", (as) => as.map((a) => Number.parseInt(a.textContent!)));
    expect(codes.slice(0, first.length)).toEqual(first);
    expect(await page.textContent("#search-status")).toBe(`${codes.length} ${codes.length === 1 ? "code matches" : "codes match"}.`);
    // The query is in the address, so that a search can be shared.
    expect(new URL(page.url()).searchParams.get("q")).toBe(query);
    await ctx.close();
  });

  it("search is usable by keyboard: skip link first, then the box, and Enter opens the best match", async () => {
    const { ctx } = await context();
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.id === "q")); i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await page.keyboard.type("im a teapot");
    await Promise.all([page.waitForURL(`${server.url}418/`), page.keyboard.press("Enter")]);
    expect(await page.textContent("h1")).toBe("418 I'm a teapot");
    await ctx.close();
  });

  it("the search box of any other page sends its query to the index, which answers it", async () => {
    const { ctx } = await context();
    const page = await ctx.newPage();
    for (const path of ["404/", "guide/size/", "api/problem/", NOT_FOUND]) {
      await page.goto(server.url + path);
      await page.fill("#q", "bad gatway");
      await Promise.all([page.waitForURL(`${server.url}?q=bad+gatway`), page.keyboard.press("Enter")]);
      expect(await page.$eval("#results a", (a) => a.textContent), path).toMatch(/^502 Bad Gateway/);
    }
    await ctx.close();
  });

  it("on a 360 px phone, the index shows the search box and the classes on its first screen, and code blocks scroll without breaking lines", async () => {
    const { ctx } = await context({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(server.url);
    const bottom = await page.$eval(".classes", (list) => list.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(740);
    expect(await page.isVisible("#q")).toBe(true);
    await page.goto(`${server.url}413/`);
    // The usage block's lines, such as the section's address, are wider than the phone.
    const blocks = await page.$$eval("#usage ~ pre", (pres) => pres.map((pre) => [getComputedStyle(pre).whiteSpace, pre.scrollWidth > pre.clientWidth]));
    expect(blocks[0]).toEqual(["pre", true]);
    await ctx.close();
  });

  it("a deep link shows that code: its page, its row on the index, and a shared search", async () => {
    const { ctx } = await context();
    const page = await ctx.newPage();
    await page.goto(`${server.url}404/`);
    expect(await page.textContent("h1")).toBe("404 Not Found");
    expect(await page.title()).toBe("404 Not Found · HTTP status codes");
    await page.goto(`${server.url}#404`);
    expect(await page.$eval(":target", (row) => row.querySelector("th")?.textContent)).toBe("404");
    // Scrolled into view.
    expect(await page.$eval(":target", (row) => row.getBoundingClientRect().top >= 0 && row.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await page.goto(`${server.url}?q=teapot`);
    expect(await page.$eval("#results a", (a) => a.textContent)).toMatch(/^418 /);
    await ctx.close();
  });

  it("each row of the index agrees with the library: getStatus, classOf and getUnofficialStatus", async () => {
    const { ctx } = await context();
    const page = await ctx.newPage();
    await page.goto(server.url);
    const rows = await page.$$eval("section tbody tr", (trs) =>
      trs.map((tr) => {
        const name = tr.children[1]!.cloneNode(true) as HTMLElement;
        const mark = name.querySelector(".mark");
        mark?.remove();
        return {
          section: tr.closest("section")!.querySelector("h2")!.id,
          code: Number(tr.querySelector("th")!.textContent),
          name: name.textContent!.trim(),
          mark: mark?.textContent ?? null,
          meaning: tr.children[2]!.textContent,
        };
      }),
    );
    const registered = rows.filter((r) => r.section !== "vendor-codes");
    expect(registered.map((r) => r.code)).toEqual(STATUSES.map((s) => s.code));
    for (const row of registered) {
      const s = getStatus(row.code)!;
      expect(row, String(row.code)).toEqual({
        section: classOf(row.code),
        code: s.code,
        name: s.phrase,
        mark: s.status === "standard" ? null : expect.stringContaining(s.status),
        meaning: s.description,
      });
    }
    expect(registered.find((r) => r.code === 104)!.mark).toBe("provisional; expiry 2026-11-13 passed");
    const vendors = rows.filter((r) => r.section === "vendor-codes");
    expect(vendors.map((r) => r.code)).toEqual(UNOFFICIAL_STATUSES.map((r) => r.code));
    vendors.forEach((row, i) => {
      const record = getUnofficialStatus(row.code, UNOFFICIAL_STATUSES[i]!.vendor)!;
      expect([row.name, row.meaning], `${row.code} ${record.vendor}`).toEqual([record.phrase ?? "", record.description]);
    });
    await ctx.close();
  });

  it.each([
    ["index", "light", 1024, ""],
    ["index", "dark", 1024, ""],
    ["404", "light", 1024, "404/"],
    ["404", "dark", 1024, "404/"],
    ["index-360", "light", 360, ""],
    ["404-360", "dark", 360, "404/"],
    ["api-360", "light", 360, "api/"],
    ["guide-why-360", "dark", 360, "guide/why/"],
    ["not-found", "light", 1024, NOT_FOUND],
  ] as const)("screenshot %s-%s.png (%i px wide) is written to screenshots/", async (name, colorScheme, width, path) => {
    const { ctx } = await context({ colorScheme, viewport: { width, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(server.url + path);
    mkdirSync(screenshots, { recursive: true });
    const file = join(screenshots, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
    await ctx.close();
  }, 60_000);
});
