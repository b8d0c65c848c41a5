// `codeOf`'s literal types under the oldest TypeScript statuskit supports, from the matrix
// (test/codeof.ts has the checks; test/codeof-types.test.ts runs them with the build's compiler).
import { createRequire } from "node:module";
import { join } from "node:path";
import type ts from "typescript";
import { inject } from "vitest";
import { checkCodeOf } from "../codeof";

checkCodeOf("typescript-5.0", createRequire(import.meta.url)(join(inject("matrix"), "typescript-5.0")) as typeof ts);
