// The API reports in test/api/ (scripts/api.ts, api-extractor) on the dist/ that `npm test` has
// just built: one per entry point of package.json `exports`, each up to date, with no finding.
import { describe, it, expect } from "vitest";
import { readdirSync } from "node:fs";
import { extractApi, failures, REPORT_FOLDER, reportName } from "../../scripts/api";
import { entrypoints, readPackage } from "../../scripts/pack";

describe("API reports", () => {
  it("test/api/ holds one report per entry point of package.json `exports`, and no other", () => {
    const pkg = readPackage();
    const expected = entrypoints(pkg).map((subpath) => reportName(pkg, subpath)).sort();
    expect(readdirSync(REPORT_FOLDER).sort(), "run `npm run build && npm run api`, and delete reports of removed entry points").toEqual(expected);
  });

  it("every entry point's declarations export each type they use, document each export, and match their report", () => {
    expect(failures(extractApi({ write: false }))).toEqual([]);
  }, 120_000);
});
