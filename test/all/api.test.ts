// The API reports in test/api/ (scripts/api.ts, api-extractor) on the dist/ that `npm test` has
// just built: one per entry point of package.json `exports`, each up to date, with no finding.
import { describe, it, expect } from "vitest";
import { readdirSync } from "node:fs";
import { checkApi, REPORT_FOLDER, reportName } from "../../scripts/api";
import { entrypoints, readPackage } from "../package";

describe("API reports", () => {
  it("test/api/ holds one report per entry point of package.json `exports`, and no other", () => {
    const expected = entrypoints(readPackage()).map(reportName).sort();
    expect(readdirSync(REPORT_FOLDER).sort(), "run `npm run build && npm run api`, and delete reports of removed entry points").toEqual(expected);
  });

  it("every entry point's declarations export each type they use, document each export, and match their report", () => {
    expect(checkApi({ write: false })).toEqual([]);
  }, 120_000);
});
