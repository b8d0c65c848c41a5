// The reference site (scripts/site.ts), built once into a temporary folder with a fixed build date,
// then checked as files and, in Chromium, the way a reader sees it. Screenshots for review go to
// screenshots/ (git-ignored). Without a Chromium the browser checks are skipped with a notice,
// except under CI, where that is a failure.
import { AxeBuilder } from "@axe-core/playwright";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, renderSite, siteContext } from "../../scripts/site";
import { escape, html } from "../../scripts/site/html";
import { codePage, VENDOR_CODES, vendorPage } from "../../scripts/site/pages";
import { citations, inline, readRules, reasonFor, type Rule } from "../../scripts/site/rules";
import { serve, type Running } from "../../scripts/site/serve";
import * as statuskit from "../../src/index";
import { classOf, getStatus, STATUSES, type StatusInfo } from "../../src/index";
import { getUnofficialStatus, UNOFFICIAL_STATUSES } from "../../src/unofficial";

const TODAY = "2026-12-01";
const CHROMIUM = "/usr/bin/chromium";
// Debian's package; Playwright's own browser download is not used.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const hasChromium = existsSync(CHROMIUM);
const screenshots = fileURLToPath(new URL("../../screenshots/", import.meta.url));
if (!hasChromium) console.warn(`test/site.test.ts: no Chromium at ${CHROMIUM}, so the browser checks are skipped (apt-get install chromium)`);

let dir: string;
let files: Map<string, string>;
const rendering = siteContext(TODAY);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "statuskit-site-"));
  files = await buildSite(dir, { today: TODAY });
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pages = () => [...files.keys()].filter((path) => path.endsWith(".html"));

describe("scripts/site.ts", () => {
  it("writes the index, a page per registered code and a page per vendor-only code", () => {
    // The codes from data/, not from the lookups the pages are built with.
    const data = (file: string) => JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), "utf8"));
    const registered = (data("status-codes.json") as { code: number }[]).map((s) => s.code);
    const unofficial = (data("unofficial.json") as { codes: { code: number }[] }).codes.map((r) => r.code);
    const vendorOnly = [...new Set(unofficial)].filter((c) => !registered.includes(c));
    expect(vendorOnly).toContain(499);
    expect(pages().sort()).toEqual(["index.html", ...[...registered, ...vendorOnly].map((c) => `${c}/index.html`)].sort());
    expect(VENDOR_CODES).toEqual(vendorOnly);
    expect(existsSync(join(dir, "api/index.html"))).toBe(true);
  });

  it("gives the same bytes for the same build date", async () => {
    expect(await renderSite({ today: TODAY })).toEqual(files);
  }, 60_000);

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

  it("a code page escapes every field of a hostile record, and shows a field it does not know", () => {
    const hostile = "<script>alert(1)</script>";
    const record = {
      ...getStatus(404),
      phrase: hostile,
      description: `"><img src=x onerror=alert(1)>`,
      aliases: [{ phrase: hostile, constant: hostile, source: hostile }],
      sinceVersion: hostile,
    } as unknown as StatusInfo;
    const page = codePage(record, rendering);
    expect(page).not.toMatch(/<script>|<img/);
    expect(page).toContain(escape(hostile));
    expect(page).toContain(`<dt>Since version</dt><dd>${escape(hostile)}</dd>`);
  });

  it("every phrase and description is on the index, escaped", () => {
    const index = files.get("index.html")!;
    const texts = [...STATUSES.flatMap((s) => [s.phrase, s.description]), ...UNOFFICIAL_STATUSES.map((r) => r.description)];
    expect(texts.filter((t) => !index.includes(escape(t)))).toEqual([]);
    // Some texts have characters to escape, so the check above can fail.
    expect(texts.some((t) => escape(t) !== t)).toBe(true);
  });

  it("a code's page quotes what a rule's TSDoc says of that code: 413 says why isRetryable leaves it out", () => {
    const item = files.get("413/index.html")!.match(/<li><a href="\.\.\/#isRetryable">.*<\/li>/)?.[0];
    expect(item).toContain("<strong>no</strong>");
    expect(item).toContain("allows a retry only when the condition is temporary");
  });

  it("vendor pages say the code is not in the registry", () => {
    for (const code of VENDOR_CODES) {
      expect(vendorPage(code, rendering), String(code)).toContain("<strong>Not in the IANA registry.</strong>");
    }
  });

  it("loads nothing from another host: stylesheets, scripts and icons are relative", () => {
    for (const path of pages()) {
      const page = files.get(path)!;
      const loaded = [...page.matchAll(/<(?:link|script|img|iframe|source)\b[^>]*?\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
      expect(loaded.filter((url) => /^[a-z]+:|^\/\//i.test(url)), path).toEqual([]);
      // Links may leave the site, but only for https pages.
      const links = [...page.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1]!);
      expect(links.filter((url) => /^[a-z]+:/i.test(url) && !url.startsWith("https://")), path).toEqual([]);
    }
  });
});

describe("scripts/site/rules.ts", () => {
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
    const source = readFileSync(new URL("../../src/sets.ts", import.meta.url), "utf8");
    const declared = [...new Set([...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]!))];
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
    expect(inline("(RFC 9110 §15.6.3, §15.6.5) `a<b` https://example.org/x#y RFC 6585").text).toBe(
      '(<a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3">RFC 9110 §15.6.3</a>, ' +
        '<a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.6.5">§15.6.5</a>) <code>a&lt;b</code> ' +
        '<a href="https://example.org/x#y">https://example.org/x#y</a> <a href="https://www.rfc-editor.org/rfc/rfc6585">RFC 6585</a>',
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

  /** Records the page's console errors, page errors, failed requests and error responses into `problems`. */
  function watch(page: Page, problems: { found: string[] }): void {
    page.on("console", (m) => m.type() === "error" && problems.found.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.found.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.found.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => r.status() >= 400 && problems.found.push(`${r.status()}: ${r.url()}`));
  }

  it("every page loads with no console error and no failed request, and does not scroll sideways at 360 px", async () => {
    const { ctx, foreign } = await context({ viewport: { width: 360, height: 740 } });
    const queue = [...pages().map((p) => p.replace(/index\.html$/, "")), "api/", "api/functions/statuskit.getStatus.html"];
    const problems: string[] = [];
    // A few tabs at a time: one browser, one context.
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const page = await ctx.newPage();
        const seen = { found: [] as string[] };
        watch(page, seen);
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          seen.found = [];
          // Network idle, not just load: the icon is fetched after load, and leaving earlier would cancel it.
          await page.goto(server.url + path, { waitUntil: "networkidle" });
          const found = seen.found;
          if (!path.startsWith("api/")) {
            const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
            if (scroll! > width!) found.push(`scrolls sideways: ${scroll} px wide at ${width} px`);
          }
          for (const href of await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
            if (href.startsWith(server.url) && !links.has(href)) links.set(href, path);
          }
          problems.push(...found.map((p) => `/${path}: ${p}`));
        }
        await page.close();
      }),
    );
    await ctx.close();
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  }, 300_000);

  it("every internal link resolves, fragments included", async () => {
    expect(links.size).toBeGreaterThan(pages().length);
    const bodies = new Map<string, Promise<{ status: number; text: string }>>();
    const get = (url: string) =>
      bodies.get(url) ??
      bodies.set(url, fetch(url).then(async (r) => ({ status: r.status, text: await r.text() }))).get(url)!;
    const broken: string[] = [];
    for (const [href, from] of links) {
      const url = new URL(href);
      const { status, text } = await get(url.href.replace(/#.*/, ""));
      const id = decodeURIComponent(url.hash.slice(1));
      if (status !== 200) broken.push(`/${from}: ${href} is ${status}`);
      else if (id !== "" && !text.includes(`id="${id}"`)) broken.push(`/${from}: ${href} has no element #${id}`);
    }
    expect(broken).toEqual([]);
  }, 120_000);

  const SEARCHES: [string, number[]][] = [
    ["teapot", [418]],
    ["payload too large", [413]],
    ["CONTENT_TOO_LARGE", [413]],
    ["52", [520, 521, 522, 523, 524, 525, 526, 527]],
    ["rate limit", [429]],
    // Only the vendor codes' words know this one: no registered code, name or constant matches.
    ["client closed request", [499]],
  ];

  it.each(SEARCHES)("searching %j shows %j first", async (query, first) => {
    const { ctx } = await context();
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.fill("#q", query);
    const codes = await page.$$eval("#results tbody th", (ths) => ths.map((th) => Number(th.textContent)));
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
    expect(await page.$eval("#results tbody th", (th) => th.textContent)).toBe("418");
    await ctx.close();
  });

  it("with JavaScript off, every table is there and the search box stays hidden", async () => {
    const { ctx } = await context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url);
    expect(await page.isHidden("#search")).toBe(true);
    expect(await page.$$eval("section tbody tr", (rows) => rows.length)).toBe(STATUSES.length + UNOFFICIAL_STATUSES.length);
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

  // Every rule in light; in dark, where only the colours change, the contrast rules.
  it.each([
    ["", "light"],
    ["", "dark"],
    ["404/", "light"],
    ["404/", "dark"],
    ["499/", "light"],
  ] as const)("axe finds no serious or critical violation on /%s (%s)", async (path, colorScheme) => {
    const { ctx } = await context({ colorScheme });
    const page = await ctx.newPage();
    await page.goto(server.url + path);
    const axe = new AxeBuilder({ page });
    const { violations } = await (colorScheme === "dark" ? axe.withRules(["color-contrast", "link-in-text-block"]) : axe).analyze();
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(serious).toEqual([]);
    await ctx.close();
  }, 60_000);

  it.each([
    ["index", "light", 1024, ""],
    ["index", "dark", 1024, ""],
    ["404", "light", 1024, "404/"],
    ["404", "dark", 1024, "404/"],
    ["index-360", "light", 360, ""],
    ["404-360", "dark", 360, "404/"],
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
