import { STATUS_CODES } from "node:http";
import { describe, expect, it } from "vitest";
import { codeOf, getStatus, reasonPhrase } from "../src/index";

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
