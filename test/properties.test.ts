import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as statuskit from "../src/index";
import {
  classOf,
  codeOf,
  getStatus,
  isClientError,
  isError,
  isInformational,
  isRedirection,
  isServerError,
  isStatusCode,
  isSuccess,
  isValidCode,
  reasonPhrase,
  STATUSES,
} from "../src/index";

const helpers = Object.entries(statuskit).filter(([, value]) => typeof value === "function") as [
  string,
  (value: unknown) => unknown,
][];
it("the properties cover every helper", () => expect(helpers.length).toBe(20));
// Numbers near and inside the range, plus every other kind of value.
const anyInput = fc.oneof(
  fc.integer({ min: 0, max: 700 }),
  fc.double(),
  fc.string(),
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "404", "not found"),
  fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }),
);

describe("properties", () => {
  it.each(helpers)("%s() never throws and never returns an Object.prototype member", (_, helper) => {
    fc.assert(
      fc.property(anyInput, (value) => {
        const result = helper(value);
        for (const key of Object.getOwnPropertyNames(Object.prototype)) {
          expect(result).not.toBe((Object.prototype as Record<string, unknown>)[key]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("classOf() agrees with the class guards and isValidCode()", () => {
    const guards = { informational: isInformational, success: isSuccess, redirection: isRedirection, "client-error": isClientError, "server-error": isServerError };
    fc.assert(
      fc.property(anyInput, (value) => {
        const cls = classOf(value as number);
        for (const [name, guard] of Object.entries(guards)) expect(guard(value as number)).toBe(cls === name);
        expect(isError(value as number)).toBe(cls === "client-error" || cls === "server-error");
        expect(isValidCode(value)).toBe(cls !== undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it("getStatus(), reasonPhrase(), isStatusCode() and STATUSES agree on every value", () => {
    fc.assert(
      fc.property(anyInput, (value) => {
        const record = getStatus(value as number);
        expect(reasonPhrase(value as number)).toBe(record?.phrase);
        expect(isStatusCode(value)).toBe(record !== undefined);
        if (record) expect(STATUSES).toContain(record);
      }),
      { numRuns: 2000 },
    );
  });

  it("codeOf() gives back the code of every record's phrase, constant and legacy names", () => {
    for (const record of STATUSES) {
      const names = [record.phrase, record.constant, String(record.code), ...record.aliases.flatMap((a) => [a.phrase, a.constant].filter((n) => n !== null))];
      for (const name of names) {
        expect(codeOf(name), name).toBe(record.code);
        // codeOf does not look at text over 64 characters: no name may be that long.
        expect(name.length).toBeLessThanOrEqual(64);
      }
    }
  });

  it("codeOf() of any string is undefined or a registered code", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const code = codeOf(text);
        expect(code === undefined || getStatus(code) !== undefined).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
