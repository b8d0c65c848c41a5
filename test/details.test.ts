// data/details.json, the longer facts of each registered code (meaning, header fields, an example
// exchange, what clients do, causes, related codes, questions) and of each class, checked the way
// data/status-codes.json is: against the registry data, against itself, and for plain, cited text.
// `checkDetails` collects every problem with the entry it is in; each test below asserts one kind.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const FILE = "data/details.json";
const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), "utf8"));

interface Registered {
  code: number;
  phrase: string;
  status: string;
  spec: { document: string; section: string; url: string };
}
const registry: Registered[] = read("data/status-codes.json");
const classNames: string[] = read("data/classes.json").map((c: { name: string }) => c.name);
const details = read(FILE);

/** Documents any entry may cite; an entry may also cite its own code's document and its related codes'. */
const GENERAL_DOCUMENTS = ["RFC 9110", "RFC 9111", "RFC 9112", "Fetch", "HTML"];

/**
 * Every field name the file uses, spelled as the IANA HTTP Field Name Registry spells it, with the
 * document that registers it.
 */
const FIELDS: Record<string, string> = {
  "A-IM": "RFC 3229",
  Accept: "RFC 9110",
  "Accept-Encoding": "RFC 9110",
  "Accept-Language": "RFC 9110",
  "Accept-Ranges": "RFC 9110",
  Allow: "RFC 9110",
  Authorization: "RFC 9110",
  "Cache-Control": "RFC 9111",
  Connection: "RFC 9110",
  "Content-Encoding": "RFC 9110",
  "Content-Length": "RFC 9110",
  "Content-Location": "RFC 9110",
  "Content-Range": "RFC 9110",
  "Content-Type": "RFC 9110",
  Cookie: "RFC 6265",
  DAV: "RFC 4918",
  Date: "RFC 9110",
  "Delta-Base": "RFC 3229",
  Depth: "RFC 4918",
  Destination: "RFC 4918",
  "Early-Data": "RFC 8470",
  ETag: "RFC 9110",
  Expect: "RFC 9110",
  Expires: "RFC 9111",
  Host: "RFC 9110",
  If: "RFC 4918",
  "If-Match": "RFC 9110",
  "If-Modified-Since": "RFC 9110",
  "If-None-Match": "RFC 9110",
  "If-Range": "RFC 9110",
  "If-Unmodified-Since": "RFC 9110",
  IM: "RFC 3229",
  "Last-Modified": "RFC 9110",
  Link: "RFC 8288",
  Location: "RFC 9110",
  "Lock-Token": "RFC 4918",
  "Proxy-Authenticate": "RFC 9110",
  "Proxy-Authorization": "RFC 9110",
  Range: "RFC 9110",
  "Retry-After": "RFC 9110",
  "Sec-WebSocket-Accept": "RFC 6455",
  "Sec-WebSocket-Key": "RFC 6455",
  "Sec-WebSocket-Version": "RFC 6455",
  Server: "RFC 9110",
  "Transfer-Encoding": "RFC 9112",
  Upgrade: "RFC 9110",
  Vary: "RFC 9110",
  Via: "RFC 9110",
  "WWW-Authenticate": "RFC 9110",
};

/** Fields of the resumable-upload draft, not in the IANA registry: only 104's entry may use them. */
const DRAFT_FIELDS: Record<string, string> = {
  "Upload-Complete": "draft-ietf-httpbis-resumable-upload-05",
  "Upload-Draft-Interop-Version": "draft-ietf-httpbis-resumable-upload-05",
  "Upload-Length": "draft-ietf-httpbis-resumable-upload-05",
  "Upload-Limit": "draft-ietf-httpbis-resumable-upload-05",
  "Upload-Offset": "draft-ietf-httpbis-resumable-upload-05",
};

/** Pairs of codes whose pages must link each other. */
const REQUIRED_PAIRS: [number, number][] = [
  [401, 403],
  [404, 410],
  [301, 308],
  [302, 303],
  [302, 307],
  [303, 307],
  [429, 503],
  [502, 504],
];

/** Codes that must list causes, at least one for each side to fix. */
const REQUIRED_CAUSES = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503, 504];

/** The questions of the page statuskit started from, on the pages of the codes they ask about. */
const SEED_QUESTIONS: [number, string][] = [
  [401, "What is the difference between 401 and 403?"],
  [403, "What is the difference between 401 and 403?"],
  [404, "Is 404 a server error?"],
  [301, "A page has moved: 301, 302 or 307?"],
  [302, "A page has moved: 301, 302 or 307?"],
  [307, "A page has moved: 301, 302 or 307?"],
];

/** Lifecycles with no current use: their entries may leave out the example exchange. */
const NO_EXAMPLE_NEEDED = ["deprecated", "unused", "obsoleted"];

/** A page may carry at most 6 kB gzipped; today's largest code page is under 2 kB, so an entry gets 3 kB. */
const ENTRY_GZIP_LIMIT = 3000;

const SHAPES: Record<string, { required: string[]; optional?: string[] }> = {
  top: { required: ["documents", "classes", "codes"] },
  document: { required: ["name", "title", "url", "sections"] },
  class: { required: ["class", "meaning", "headers", "clients"] },
  code: { required: ["code", "meaning", "headers", "clients", "causes", "related", "questions"], optional: ["example"] },
  meaning: { required: ["text", "cite"] },
  header: { required: ["name", "text", "cite"] },
  client: { required: ["text", "cite"] },
  cause: { required: ["side", "cause", "fix", "cite"] },
  related: { required: ["code", "text", "cite"] },
  question: { required: ["question", "text", "cite"] },
  example: { required: ["request", "response"], optional: ["within"] },
};

type Kind = "shape" | "cites" | "text" | "headers" | "example" | "related" | "causes" | "questions" | "size";
interface Problem {
  kind: Kind;
  where: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The number of sentences in a text: full stops, question and exclamation marks that end one. */
export function sentences(text: string): number {
  return (text.match(/[.!?]["')\]]*(?=\s|$)/g) ?? []).length;
}

interface Message {
  start: string;
  fields: [string, string][];
  body: string;
}

const field = (m: Message, name: string) => m.fields.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

/**
 * Parses the text of an example: one request, or a response with any 1xx interim responses before
 * the final one. Throws with the reason when the text is not a well-formed HTTP/1.1 exchange.
 */
export function parseMessages(text: string, kind: "request" | "response"): Message[] {
  const crlf = text.includes("\r");
  if (crlf && (/\r(?!\n)/.test(text) || /(?<!\r)\n/.test(text))) throw new Error("mixes CRLF and LF line ends");
  const eol = crlf ? "\r\n" : "\n";
  const messages: Message[] = [];
  let rest = text;
  for (;;) {
    const end = rest.indexOf(eol + eol);
    if (end < 0) throw new Error("no empty line after the header section");
    const [start = "", ...lines] = rest.slice(0, end).split(eol);
    rest = rest.slice(end + 2 * eol.length);
    const fields = lines.map((line): [string, string] => {
      const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+): (\S(?:.*\S)?)$/.exec(line);
      if (!m) throw new Error(`field line ${JSON.stringify(line)} is not "Name: value"`);
      return [m[1]!, m[2]!];
    });
    const message: Message = { start, fields, body: "" };
    messages.push(message);
    if (kind === "request") {
      if (!/^[A-Z]+ [!-~]+ HTTP\/\d\.\d$/.test(start)) throw new Error(`request line ${JSON.stringify(start)} is not "METHOD target HTTP/x.y"`);
      if (fields.filter(([n]) => n === "Host").length !== 1) throw new Error("a request needs exactly one Host field");
    } else {
      const m = /^HTTP\/1\.1 (\d{3}) (\S.*)$/.exec(start);
      if (!m) throw new Error(`status line ${JSON.stringify(start)} is not "HTTP/1.1 code phrase"`);
      const code = Number(m[1]);
      if (code >= 100 && code < 200) {
        if (field(message, "Content-Length") !== undefined) throw new Error(`a ${code} response has no content, so no Content-Length`);
        if (code === 101) {
          if (rest !== "") throw new Error("nothing follows a 101 in HTTP/1.1: the connection switches protocol");
          return messages;
        }
        if (rest === "") throw new Error(`a final response must follow the ${code}`);
        continue;
      }
      if (code === 204 || code === 304) {
        if (code === 204 && field(message, "Content-Length") !== undefined) throw new Error("a 204 response must not carry Content-Length");
        if (rest !== "") throw new Error(`a ${code} response ends with its header section`);
        return messages;
      }
    }
    message.body = body(message, rest);
    return messages;
  }
}

/** The content of a message, checked against its framing fields. */
function body(message: Message, rest: string): string {
  const length = field(message, "Content-Length");
  const chunked = field(message, "Transfer-Encoding");
  if (chunked !== undefined) {
    if (length !== undefined) throw new Error("Content-Length and Transfer-Encoding together");
    if (chunked !== "chunked") throw new Error("only the chunked transfer coding is used in examples");
    let text = rest;
    for (;;) {
      const m = /^([0-9a-f]+)\n/i.exec(text);
      if (!m) throw new Error("chunked content without a chunk-size line");
      const size = parseInt(m[1]!, 16);
      text = text.slice(m[0].length);
      if (size === 0) {
        if (text !== "\n") throw new Error("chunked content must end with a 0 chunk and an empty line");
        return rest;
      }
      if (text.slice(size, size + 1) !== "\n") throw new Error(`a chunk of ${size} bytes is not followed by a line end`);
      text = text.slice(size + 1);
    }
  }
  if (length === undefined) {
    if (rest !== "") throw new Error("content without Content-Length");
    return rest;
  }
  if (!/^\d+$/.test(length)) throw new Error(`Content-Length ${JSON.stringify(length)} is not a number`);
  // "[N bytes of video]" stands for N bytes; "[N of M bytes …]" for a message cut off after N of M.
  const whole = /^\[(\d+) bytes[^\]\n]*\]$/.exec(rest);
  const cut = /^\[(\d+) of (\d+) bytes[^\]\n]*\]$/.exec(rest);
  const actual = whole ? Number(whole[1]) : cut ? Number(cut[2]) : Buffer.byteLength(rest, "utf8");
  if (cut && Number(cut[1]) >= Number(cut[2])) throw new Error(`${rest} is not cut off`);
  if (actual !== Number(length)) throw new Error(`Content-Length is ${length} but the content has ${actual} bytes`);
  return rest;
}

const isPlaceholder = (text: string) => /^\[\d+ (of \d+ )?bytes[^\]\n]*\]$/.test(text);

/** Every problem of a details file, each with the entry it is in. */
export function checkDetails(data: any): Problem[] {
  const problems: Problem[] = [];
  const report = (kind: Kind, where: string, message: string) => problems.push({ kind, where, message });
  const shape = (value: unknown, name: keyof typeof SHAPES, where: string): value is Record<string, any> => {
    if (!isObject(value)) {
      report("shape", where, `must be an object (${name})`);
      return false;
    }
    const { required, optional = [] } = SHAPES[name]!;
    for (const key of required) if (!(key in value)) report("shape", where, `missing field "${key}"`);
    for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) report("shape", where, `unknown field "${key}"`);
    return true;
  };
  const list = (value: unknown, where: string): any[] => {
    if (Array.isArray(value)) return value;
    report("shape", where, "must be an array");
    return [];
  };

  if (!shape(data, "top", "the file")) return problems;

  // Documents: the fixed list of what may be cited, with the title of each section cited.
  const documents = new Map<string, { url: string; sections: Record<string, string> }>();
  const defining = new Set(registry.map((s) => s.spec.document));
  list(data.documents, "documents").forEach((doc, i) => {
    const where = `documents[${i}]${isObject(doc) && typeof doc.name === "string" ? ` (${doc.name})` : ""}`;
    if (!shape(doc, "document", where)) return;
    if (documents.has(doc.name)) report("cites", where, `duplicate document ${doc.name}`);
    if (!GENERAL_DOCUMENTS.includes(doc.name) && !defining.has(doc.name)) {
      report("cites", where, `${doc.name} is neither a general document (${GENERAL_DOCUMENTS.join(", ")}) nor the defining document of a code in data/status-codes.json`);
    }
    const rfc = /^RFC (\d+)$/.exec(doc.name);
    const expected = rfc
      ? `https://www.rfc-editor.org/rfc/rfc${rfc[1]}`
      : doc.name.startsWith("draft-")
        ? `https://datatracker.ietf.org/doc/html/${doc.name}`
        : { Fetch: "https://fetch.spec.whatwg.org/", HTML: "https://html.spec.whatwg.org/multipage/" }[doc.name as string];
    if (doc.url !== expected) report("cites", where, `url must be ${expected}`);
    if (!isObject(doc.sections) || Object.keys(doc.sections).length === 0) report("cites", where, "sections must list the sections cited, each with its title");
    documents.set(doc.name, { url: doc.url, sections: isObject(doc.sections) ? doc.sections : {} });
  });
  // A code's own section must be listed where status-codes.json says it is.
  for (const s of registry) {
    const doc = documents.get(s.spec.document);
    if (doc && doc.sections[s.spec.section] !== undefined && `${doc.url}#section-${s.spec.section}` !== s.spec.url) {
      report("cites", `documents (${s.spec.document})`, `section ${s.spec.section} does not lead to ${s.spec.url}, the link of ${s.code}`);
    }
  }

  const cited = new Set<string>();
  const byCode = new Map(registry.map((s) => [s.code, s]));
  const checkCites = (value: unknown, where: string, allowed: string[]) => {
    const cites = list(value, `${where}.cite`);
    if (cites.length === 0) report("cites", where, "needs at least one cite");
    if (new Set(cites).size !== cites.length) report("cites", where, "repeats a cite");
    for (const cite of cites) {
      const m = typeof cite === "string" ? /^(RFC \d+|draft-[a-z0-9-]+) §(\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)$|^(Fetch|HTML) #([a-z0-9'-]+)$/.exec(cite) : null;
      if (!m) {
        report("cites", where, `cite ${JSON.stringify(cite)} is not "RFC 9110 §15.5.4", "draft-… §4" or "Fetch #anchor"`);
        continue;
      }
      const [doc, section] = m[1] ? [m[1], m[2]!] : [m[3]!, m[4]!];
      if (!allowed.includes(doc)) {
        report("cites", where, `cites ${doc}, which this entry may not cite (allowed: ${allowed.join(", ")})`);
        continue;
      }
      if (documents.get(doc)?.sections[section] === undefined) {
        report("cites", where, `cite ${cite}: ${doc} ${m[1] ? "§" : "#"}${section} is not in documents`);
        continue;
      }
      cited.add(`${doc}\u0000${section}`);
    }
  };

  const prose = (value: unknown, where: string, question = false) => {
    if (typeof value !== "string" || value === "") {
      report("text", where, "must be a non-empty string");
      return;
    }
    if (value !== value.trim() || /\s{2}|\n/.test(value)) report("text", where, "has stray or doubled whitespace or a line break");
    if (!/^[A-Z0-9`"]/.test(value)) report("text", where, "must start with a capital letter, a digit or a code span");
    if (question ? !value.endsWith("?") : !/[.?]$/.test(value)) report("text", where, `must end with ${question ? "a question mark" : "a full stop"}`);
    if ((value.match(/`/g) ?? []).length % 2 !== 0) report("text", where, "has an unclosed code span (backticks)");
    const outsideCode = value.replace(/`[^`]*`/g, "");
    if (/<[A-Za-z/!]/.test(outsideCode)) report("text", where, "holds HTML; use plain text and `code` spans");
    for (const [, quote] of outsideCode.matchAll(/"([^"]*)"/g)) {
      if (quote!.split(/\s+/).length > 8) report("text", where, `quotes more than a short phrase: "${quote}"`);
    }
  };

  const fact = (value: unknown, kindName: keyof typeof SHAPES, where: string, allowed: string[]) => {
    if (!shape(value, kindName, where)) return;
    checkCites(value.cite, where, allowed);
  };

  const checkHeaders = (value: unknown, where: string, allowed: string[], draft: boolean) => {
    const names = new Set<string>();
    list(value, `${where}.headers`).forEach((h, i) => {
      const at = `${where}.headers[${i}]`;
      fact(h, "header", at, allowed);
      if (!isObject(h)) return;
      prose(h.text, `${at}.text`);
      if (!(h.name in FIELDS) && !(draft && h.name in DRAFT_FIELDS)) report("headers", at, `${JSON.stringify(h.name)} is not a field name spelled as the IANA registry does (see FIELDS in test/details.test.ts)`);
      if (names.has(h.name)) report("headers", at, `lists ${h.name} twice`);
      names.add(h.name);
    });
  };

  // Classes: one entry per class of data/classes.json, in its order.
  const classes = list(data.classes, "classes");
  const gotClasses = classes.map((c) => (isObject(c) ? c.class : undefined));
  if (JSON.stringify(gotClasses) !== JSON.stringify(classNames)) report("shape", "classes", `must be ${classNames.join(", ")} in that order, not ${gotClasses.join(", ")}`);
  classes.forEach((c, i) => {
    const where = `classes[${i}] (${isObject(c) ? c.class : "?"})`;
    if (!shape(c, "class", where)) return;
    fact(c.meaning, "meaning", `${where}.meaning`, GENERAL_DOCUMENTS);
    if (isObject(c.meaning)) {
      prose(c.meaning.text, `${where}.meaning.text`);
      const n = sentences(String(c.meaning.text));
      if (n < 2 || n > 4) report("text", `${where}.meaning.text`, `has ${n} sentences; a meaning has 2 to 4`);
    }
    checkHeaders(c.headers, where, GENERAL_DOCUMENTS, false);
    list(c.clients, `${where}.clients`).forEach((f, j) => {
      fact(f, "client", `${where}.clients[${j}]`, GENERAL_DOCUMENTS);
      if (isObject(f)) prose(f.text, `${where}.clients[${j}].text`);
    });
  });

  // Codes: one entry per registered code, sorted, and no other.
  const codes = list(data.codes, "codes");
  const got = codes.map((e) => (isObject(e) ? e.code : undefined));
  const want = registry.map((s) => s.code);
  for (const code of want) if (!got.includes(code)) report("shape", "codes", `no entry for ${code}, a code of data/status-codes.json`);
  got.forEach((code, i) => {
    if (!byCode.has(code)) report("shape", `codes[${i}]`, `${JSON.stringify(code)} is not a code of data/status-codes.json`);
    if (got.indexOf(code) !== i) report("shape", `codes[${i}]`, `duplicate entry for ${code}`);
    if (i > 0 && typeof got[i - 1] === "number" && code <= got[i - 1]) report("shape", `codes[${i}]`, `entries must be sorted by code (${code} after ${got[i - 1]})`);
  });
  const entries = new Map<number, Record<string, any>>();
  for (const e of codes) if (isObject(e) && byCode.has(e.code)) entries.set(e.code, e);

  for (const [code, e] of entries) {
    const s = byCode.get(code)!;
    const where = `codes (${code})`;
    if (!shape(e, "code", where)) continue;
    const relatedCodes = Array.isArray(e.related) ? e.related.filter(isObject).map((r) => r.code) : [];
    const allowed = [...new Set([...GENERAL_DOCUMENTS, s.spec.document, ...relatedCodes.map((c: number) => byCode.get(c)?.spec.document).filter((d): d is string => d !== undefined)])];

    fact(e.meaning, "meaning", `${where}.meaning`, allowed);
    if (isObject(e.meaning)) {
      prose(e.meaning.text, `${where}.meaning.text`);
      const text = String(e.meaning.text);
      const n = sentences(text);
      if (n < 2 || n > 4) report("text", `${where}.meaning.text`, `has ${n} sentences; a meaning has 2 to 4`);
      if (/\b(e\.g|i\.e|etc)\./.test(text)) report("text", `${where}.meaning.text`, "abbreviations (e.g., i.e., etc.) blur the sentence count; write them out");
      const own = `${s.spec.document} §${s.spec.section}`;
      if (Array.isArray(e.meaning.cite) && !e.meaning.cite.includes(own)) report("cites", `${where}.meaning`, `must cite the code's own definition, ${own}`);
    }

    checkHeaders(e.headers, where, allowed, s.spec.document.startsWith("draft-"));

    list(e.clients, `${where}.clients`).forEach((f, j) => {
      fact(f, "client", `${where}.clients[${j}]`, allowed);
      if (isObject(f)) prose(f.text, `${where}.clients[${j}].text`);
    });

    const sides = new Set<string>();
    list(e.causes, `${where}.causes`).forEach((c, j) => {
      const at = `${where}.causes[${j}]`;
      fact(c, "cause", at, allowed);
      if (!isObject(c)) return;
      if (c.side !== "client" && c.side !== "server") report("causes", at, `side must be "client" or "server", not ${JSON.stringify(c.side)}`);
      sides.add(c.side);
      prose(c.cause, `${at}.cause`);
      prose(c.fix, `${at}.fix`);
    });
    if (REQUIRED_CAUSES.includes(code) && !(sides.has("client") && sides.has("server"))) {
      report("causes", where, "needs causes with their fixes for both sides: at least one \"client\" and one \"server\"");
    }

    const seen = new Set<number>();
    list(e.related, `${where}.related`).forEach((r, j) => {
      const at = `${where}.related[${j}]`;
      fact(r, "related", at, allowed);
      if (!isObject(r)) return;
      prose(r.text, `${at}.text`);
      if (!byCode.has(r.code)) report("related", at, `${JSON.stringify(r.code)} is not a registered code`);
      else if (r.code === code) report("related", at, "a code is not related to itself");
      else if (!(entries.get(r.code)?.related ?? []).some((back: any) => isObject(back) && back.code === code)) {
        report("related", at, `links ${r.code}, but ${r.code}'s entry does not link ${code} back`);
      }
      if (seen.has(r.code)) report("related", at, `lists ${r.code} twice`);
      seen.add(r.code);
    });

    list(e.questions, `${where}.questions`).forEach((q, j) => {
      const at = `${where}.questions[${j}]`;
      fact(q, "question", at, allowed);
      if (!isObject(q)) return;
      prose(q.question, `${at}.question`, true);
      prose(q.text, `${at}.text`);
    });

    if (e.example === undefined) {
      if (!NO_EXAMPLE_NEEDED.includes(s.status)) report("example", where, "needs an example exchange (only deprecated, unused and obsoleted codes may leave it out)");
    } else if (shape(e.example, "example", `${where}.example`)) {
      checkExample(e.example, code, s.spec.document.startsWith("draft-"), `${where}.example`, report);
    }

    const size = gzipSync(JSON.stringify(e)).length;
    if (size > ENTRY_GZIP_LIMIT) report("size", where, `is ${size} bytes gzipped; the limit is ${ENTRY_GZIP_LIMIT}, to keep the page under 6 kB`);
  }

  for (const [name, doc] of documents) {
    for (const section of Object.keys(doc.sections)) {
      if (!cited.has(`${name}\u0000${section}`)) report("cites", `documents (${name})`, `section ${section} is listed but nothing cites it`);
    }
  }
  return problems;
}

function checkExample(example: Record<string, any>, code: number, draft: boolean, where: string, report: (kind: Kind, where: string, message: string) => void) {
  const parsed: Partial<Record<"request" | "response", Message[]>> = {};
  for (const kind of ["request", "response"] as const) {
    if (typeof example[kind] !== "string") {
      report("example", `${where}.${kind}`, "must be a string");
      continue;
    }
    try {
      parsed[kind] = parseMessages(example[kind], kind);
    } catch (error) {
      report("example", `${where}.${kind}`, (error as Error).message);
    }
  }
  const phrase = (c: number) => registry.find((s) => s.code === c)?.phrase;
  for (const [kind, messages] of Object.entries(parsed)) {
    for (const m of messages) {
      for (const [name] of m.fields) {
        if (!(name in FIELDS) && !(draft && name in DRAFT_FIELDS)) report("headers", `${where}.${kind}`, `field ${JSON.stringify(name)} is not spelled as the IANA registry does (see FIELDS in test/details.test.ts)`);
      }
      const type = field(m, "Content-Type") ?? "";
      if (m.body !== "" && !isPlaceholder(m.body)) {
        if (/^text\/html\b/.test(type)) report("example", `${where}.${kind}`, "an HTML body must be a placeholder such as [5120 bytes of HTML]: no HTML in data/");
        if (m.body.includes("<") && !/[/+]xml\b/.test(type)) report("example", `${where}.${kind}`, "only XML content may hold markup");
      }
      // Every status line, including those inside a multistatus body, uses the registry's phrase.
      for (const [, c, p] of `${m.start}\n${m.body}`.matchAll(/HTTP\/1\.1 (\d{3}) ([^<\n]+)/g)) {
        if (phrase(Number(c)) !== p) report("example", `${where}.${kind}`, `"HTTP/1.1 ${c} ${p}" must use the registry's phrase: "HTTP/1.1 ${c} ${phrase(Number(c))}"`);
      }
    }
  }
  const response = parsed.response;
  if (!response) return;
  const first = response[0]!;
  const final = response[response.length - 1]!;
  const line = `HTTP/1.1 ${code} ${phrase(code)}`;
  if (example.within === undefined) {
    if (first.start !== line) report("example", `${where}.response`, `must start with the status line "${line}"`);
  } else {
    const outer = `HTTP/1.1 ${example.within} ${phrase(example.within)}`;
    if (final.start !== outer) report("example", `${where}.response`, `"within": ${example.within} means the response is "${outer}"`);
    if (!final.body.includes(line)) report("example", `${where}.response`, `the ${example.within} body must carry "${line}"`);
  }
  if (code >= 200 && response.length !== 1) report("example", `${where}.response`, "only a 1xx example shows more than one response");
  // Header values that a reader could check by hand: the range arithmetic and the WebSocket key.
  const range = field(final, "Content-Range");
  const m = range ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range) : null;
  if (m && final.start.startsWith("HTTP/1.1 206 ")) {
    const [first, last, length] = m.slice(1).map(Number) as [number, number, number];
    if (Number(field(final, "Content-Length")) !== last - first + 1 || last >= length) report("example", `${where}.response`, `Content-Range ${range} does not fit Content-Length ${field(final, "Content-Length")}`);
  }
  const key = parsed.request && field(parsed.request[0]!, "Sec-WebSocket-Key");
  if (key !== undefined) {
    const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
    if (field(first, "Sec-WebSocket-Accept") !== accept) report("example", `${where}.response`, `Sec-WebSocket-Accept must be ${accept} for the request's key (RFC 6455 §4.2.2)`);
  }
}

const problems = checkDetails(details);
const of = (kind: Kind) => problems.filter((p) => p.kind === kind).map((p) => `${FILE} ${p.where}: ${p.message}`);
const entry = (code: number) => details.codes.find((e: { code: number }) => e.code === code);

describe(FILE, () => {
  it("has one entry per code of data/status-codes.json, in order, and one per class of data/classes.json, with only the documented fields", () => {
    expect(of("shape")).toEqual([]);
    expect(details.codes.map((e: { code: number }) => e.code)).toEqual(registry.map((s) => s.code));
  });

  it("cites every fact to a listed section of an allowed document, and each code's meaning to the code's own definition", () => {
    expect(of("cites")).toEqual([]);
  });

  it("writes plain text: 2 to 4 sentences of meaning, `code` spans, no HTML, quotes kept to short phrases", () => {
    expect(of("text")).toEqual([]);
  });

  it("names header fields as the IANA field registry spells them", () => {
    expect(of("headers")).toEqual([]);
  });

  it("gives well-formed example exchanges that start with the code's status line", () => {
    expect(of("example")).toEqual([]);
  });

  it("links related codes both ways, including the pairs every reader asks about", () => {
    expect(of("related")).toEqual([]);
    for (const [a, b] of REQUIRED_PAIRS) {
      expect(entry(a).related.map((r: { code: number }) => r.code), `${FILE} codes (${a}).related must list ${b}`).toContain(b);
    }
  });

  it("lists causes and fixes, for the client and for the server, for the codes people debug most", () => {
    expect(of("causes")).toEqual([]);
  });

  it("answers the seed page's questions on the pages of the codes they ask about", () => {
    for (const [code, question] of SEED_QUESTIONS) {
      expect(entry(code).questions.map((q: { question: string }) => q.question), `${FILE} codes (${code}).questions must ask ${JSON.stringify(question)}`).toContain(question);
    }
  });

  it(`keeps each entry under ${ENTRY_GZIP_LIMIT} bytes gzipped`, () => {
    expect(of("size")).toEqual([]);
  });

  it("states what RFC 9110 says where the one-line descriptions simplify", () => {
    // 403 also covers requests without credentials; 404 includes not disclosing; 410 is likely, not certain.
    expect(entry(403).meaning.text).toMatch(/unrelated to credentials/);
    expect(entry(404).meaning.text).toMatch(/not willing to disclose that one exists/);
    expect(entry(410).meaning.text).toMatch(/likely to be permanent/);
    expect(entry(400).meaning.text).toMatch(/perceives as a client error.*malformed syntax, invalid message framing or deceptive request routing/);
    expect(details.classes.find((c: { class: string }) => c.class === "client-error").meaning.text).toMatch(/seems to have erred/);
  });
});

describe("checkDetails() reports bad data with the entry to fix", () => {
  const mutated = (change: (d: any) => void) => {
    const copy = structuredClone(details);
    change(copy);
    return checkDetails(copy).map((p) => `${p.where}: ${p.message}`);
  };
  const cases: [string, (d: any) => void, RegExp][] = [
    ["a missing code", (d) => d.codes.splice(28, 1), /^codes: no entry for 404/],
    ["an unregistered code", (d) => d.codes.push({ ...structuredClone(d.codes[63]), code: 599 }), /599 is not a code of data\/status-codes.json/],
    ["an unknown field", (d) => (entry404(d).notes = "x"), /^codes \(404\): unknown field "notes"/],
    ["a fact without a cite", (d) => (entry404(d).clients[0].cite = []), /^codes \(404\)\.clients\[0\]: needs at least one cite/],
    ["a cite in an unknown format", (d) => (entry404(d).meaning.cite[0] = "RFC9110 15.5.5"), /cite "RFC9110 15.5.5" is not/],
    ["a cite of a section the documents do not list", (d) => entry404(d).clients[0].cite.push("RFC 9110 §99.1"), /RFC 9110 §99.1 is not in documents/],
    ["a cite of a document the entry may not cite", (d) => (entry404(d).clients[0].cite = ["RFC 6585 §4"]), /cites RFC 6585, which this entry may not cite/],
    ["a meaning that does not cite the code's definition", (d) => (entry404(d).meaning.cite = ["RFC 9110 §15.5"]), /must cite the code's own definition, RFC 9110 §15.5.5/],
    ["a one-sentence meaning", (d) => (entry404(d).meaning.text = "Nothing is here."), /has 1 sentences; a meaning has 2 to 4/],
    ["HTML in text", (d) => (entry404(d).clients[0].text = "See <b>this</b>."), /holds HTML/],
    ["an unclosed code span", (d) => (entry404(d).clients[0].text = "Send `Host."), /unclosed code span/],
    ["a long quotation", (d) => (entry404(d).clients[0].text = 'It says "the origin server did not find a current representation for the target resource".'), /quotes more than a short phrase/],
    ["a misspelt header field", (d) => (d.codes.find((e: any) => e.code === 405).headers[0].name = "Allowed"), /"Allowed" is not a field name spelled as the IANA registry does/],
    ["a draft field outside 104", (d) => (entry404(d).example.request = "GET / HTTP/1.1\nHost: example.com\nUpload-Offset: 0\n\n"), /field "Upload-Offset" is not spelled/],
    ["a wrong status line", (d) => (entry404(d).example.response = "HTTP/1.1 404 Not found\nContent-Length: 0\n\n"), /must start with the status line "HTTP\/1.1 404 Not Found"/],
    ["a wrong Content-Length", (d) => (entry404(d).example.response = "HTTP/1.1 404 Not Found\nContent-Length: 3\n\nGone"), /Content-Length is 3 but the content has 4 bytes/],
    ["mixed line ends", (d) => (entry404(d).example.request = "GET / HTTP/1.1\r\nHost: example.com\n\n"), /mixes CRLF and LF/],
    ["no empty line after the header section", (d) => (entry404(d).example.request = "GET / HTTP/1.1\nHost: example.com\n"), /no empty line after the header section/],
    ["a request without Host", (d) => (entry404(d).example.request = "GET / HTTP/1.1\n\n"), /exactly one Host field/],
    ["content after a 204", (d) => (d.codes.find((e: any) => e.code === 204).example.response = 'HTTP/1.1 204 No Content\nETag: "x"\n\nok'), /a 204 response ends with its header section/],
    ["a 1xx with no final response", (d) => (d.codes.find((e: any) => e.code === 100).example.response = "HTTP/1.1 100 Continue\n\n"), /a final response must follow the 100/],
    ["a wrong WebSocket accept key", (d) => (d.codes.find((e: any) => e.code === 101).example.response = d.codes.find((e: any) => e.code === 101).example.response.replace(/Accept: \S+/, "Accept: AAAA")), /Sec-WebSocket-Accept must be/],
    ["a missing example", (d) => delete entry404(d).example, /^codes \(404\): needs an example exchange/],
    ["a one-way link", (d) => (d.codes.find((e: any) => e.code === 410).related = []), /^codes \(404\)\.related\[\d\]: links 410, but 410's entry does not link 404 back/],
    ["a link to an unregistered code", (d) => entry404(d).related.push({ code: 499, text: "Not registered.", cite: ["RFC 9110 §15.5"] }), /499 is not a registered code/],
    ["a question without a question mark", (d) => (entry404(d).questions[0].question = "Is 404 a server error"), /questions\[0\]\.question: must end with a question mark/],
    ["causes for one side only", (d) => (entry404(d).causes = entry404(d).causes.filter((c: any) => c.side === "client")), /^codes \(404\): needs causes with their fixes for both sides/],
    ["an unknown side", (d) => (entry404(d).causes[0].side = "user"), /side must be "client" or "server"/],
    ["a listed section nothing cites", (d) => (d.documents[0].sections["1.1"] = "Purpose"), /section 1.1 is listed but nothing cites it/],
    ["an oversized entry", (d) => entry404(d).clients.push(...Array.from({ length: 100 }, (_, i) => ({ text: `Fact ${i} ${createHash("sha256").update(String(i)).digest("hex")}.`, cite: ["RFC 9110 §15.5.5"] }))), /^codes \(404\): is \d+ bytes gzipped/],
  ];
  function entry404(d: any) {
    return d.codes.find((e: any) => e.code === 404);
  }
  it.each(cases)("for %s", (_, change, message) => {
    const found = mutated(change);
    expect(found.some((p) => message.test(p)), `expected a problem matching ${message}, got:\n${found.join("\n")}`).toBe(true);
  });
});
