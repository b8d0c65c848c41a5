import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBodyless, isContentfulCode, isStatusCode, reasonPhrase, STATUSES } from "../src/index";

const codes = Array.from({ length: 500 }, (_, i) => i + 100);

describe("isContentfulCode()", () => {
  it("is every registered code but the 1xx codes, 204, 205 and 304", () => {
    const expected = STATUSES.map((s) => s.code).filter((c) => c >= 200 && ![204, 205, 304].includes(c));
    expect(codes.filter(isContentfulCode)).toEqual(expected);
  });

  it("is the complement of isBodyless() among registered codes", () => {
    for (const code of codes.filter(isStatusCode)) expect(isContentfulCode(code), String(code)).toBe(!isBodyless(code));
  });

  it("agrees with isStatusCode() and isBodyless() on any value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 700 }), fc.double(), fc.anything()), (value) => {
        expect(isContentfulCode(value)).toBe(isStatusCode(value) && !isBodyless(value as number));
      }),
      { numRuns: 2000 },
    );
  });

  it.each<unknown>([499, 299, 600, 99, 404.5, NaN, Infinity, "404", 404n, null, undefined, true, {}, [], { valueOf: () => 404 }])(
    "isContentfulCode(%o) is false",
    (value) => expect(isContentfulCode(value)).toBe(false),
  );
});

// The Fetch standard is an independent oracle: `new Response(body, { status })` throws a RangeError
// outside 200–599 and a TypeError when a body comes with a null body status (101, 103, 204, 205,
// 304). Node's Response implements it (undici).
describe("isContentfulCode() against the Fetch Response constructor", () => {
  const accepts = (body: string | null, status: number) => {
    try {
      new Response(body, { status, statusText: reasonPhrase(status) ?? "" });
      return true;
    } catch {
      return false;
    }
  };

  it.each(STATUSES.map((s) => [s.code, isContentfulCode(s.code)] as const))(
    "new Response(body, { status: %i, statusText }) is accepted exactly when isContentfulCode() is %s",
    (code, contentful) => expect(accepts("body", code)).toBe(contentful),
  );

  it("new Response(null, { status }) is accepted for every bodyless final code (204, 205, 304)", () => {
    const bodyless = STATUSES.map((s) => s.code).filter((c) => isBodyless(c) && c >= 200);
    expect(bodyless).toEqual([204, 205, 304]);
    for (const code of bodyless) expect(accepts(null, code), String(code)).toBe(true);
  });
});
