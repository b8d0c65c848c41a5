// `codeOf`'s literal types under the build's TypeScript (test/codeof.ts has the checks).
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { codeOf, STATUSES } from "../src/index";
import { checkCodeOf, exact } from "./codeof";

describe("the names with a literal type", () => {
  it("are names codeOf() gives that code for at run time", () => {
    expect(exact.size).toBeGreaterThan(3 * STATUSES.length);
    for (const [name, code] of exact) expect(codeOf(name), name).toBe(code);
  });
});

checkCodeOf("typescript", ts);
