import { STATUS_CODES } from "node:http";
import { describe, expect, it } from "vitest";
import statuses from "statuses";
import { codeOf, getStatus, isBodyless, isRedirect, isRetryable, reasonPhrase, STATUSES } from "../src/index";

// Node's own table is an independent oracle that is always at hand. Where it differs from the
// registry, the difference must be one of these, each with its reason.
const NOT_REGISTERED: Record<number, string> = {
  509: "Bandwidth Limit Exceeded: an Apache/cPanel code that IANA never registered (see statuskit/unofficial)",
};
const RENAMED: Record<number, string> = {
  413: "RFC 9110 renamed Payload Too Large to Content Too Large",
  422: "RFC 9110 renamed Unprocessable Entity to Unprocessable Content",
  418: "the registry reserves 418 unused; statuskit keeps RFC 2324's casing, I'm a teapot",
};

const node = Object.entries(STATUS_CODES).map(([code, phrase]) => [Number(code), phrase!] as const);

describe("Node's http.STATUS_CODES as oracle", () => {
  it.each(node)("%i %j is registered or a documented exception", (code, phrase) => {
    if (code in NOT_REGISTERED) {
      expect(getStatus(code)).toBeUndefined();
      return;
    }
    expect(getStatus(code)).toBeDefined();
    if (reasonPhrase(code) === phrase) return;
    expect(RENAMED[code], `${code}: Node says ${phrase}, statuskit ${reasonPhrase(code)}`).toBeDefined();
    // Node's name is still understood: a legacy name of the same code.
    expect(codeOf(phrase)).toBe(code);
  });

  it("every documented exception is still an exception", () => {
    for (const code of Object.keys(RENAMED).map(Number)) expect(reasonPhrase(code)).not.toBe(STATUS_CODES[code]);
    for (const code of Object.keys(NOT_REGISTERED).map(Number)) expect(STATUS_CODES[code]).toBeDefined();
  });
});

describe("the migration notes in README.md", () => {
  it("Node lacks exactly 104 and 306 of the registry", () => {
    const missing = STATUSES.map((s) => s.code).filter((c) => STATUS_CODES[c] === undefined);
    expect(missing).toEqual([104, 306]);
  });

  // statuses' sets, and how statuskit's rules differ from them.
  const members = (set: Record<number, boolean | undefined>) =>
    Object.keys(set).map(Number).filter((c) => set[c]);
  it("statuses.empty is 204, 205, 304, and isBodyless() adds the 1xx codes", () => {
    expect(members(statuses.empty)).toEqual([204, 205, 304]);
    expect(STATUSES.filter((s) => isBodyless(s.code)).map((s) => s.code)).toEqual([100, 101, 102, 103, 104, 204, 205, 304]);
  });
  it("statuses.retry is 502, 503, 504, a subset of isRetryable()", () => {
    expect(members(statuses.retry)).toEqual([502, 503, 504]);
    for (const c of members(statuses.retry)) expect(isRetryable(c)).toBe(true);
  });
  it("statuses.redirect is isRedirect() plus 300 and 305", () => {
    const redirects = STATUSES.filter((s) => isRedirect(s.code)).map((s) => s.code);
    expect(members(statuses.redirect)).toEqual([300, ...redirects.slice(0, 3), 305, ...redirects.slice(3)]);
  });
  it("statuses and Node send the old phrases of 413 and 422, which codeOf() accepts", () => {
    for (const code of [413, 422]) {
      expect(statuses.message[code]).toBe(STATUS_CODES[code]);
      expect(codeOf(STATUS_CODES[code]!)).toBe(code);
    }
  });
});
