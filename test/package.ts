// The package's manifest as tests read it: where the repository is, and what `exports` and `bin`
// name. test/all/setup.ts packs and installs the package itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

export interface PackageJson {
  name: string;
  version: string;
  exports?: Record<string, unknown>;
  bin?: string | Record<string, string>;
  [field: string]: unknown;
}

export const readPackage = (dir = root): PackageJson => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

/** The subpaths of `exports` that name code (`"."`, `"./unofficial"`), without `./package.json`. */
export const entrypoints = (pkg: PackageJson): string[] => Object.keys(pkg.exports ?? { ".": null }).filter((key) => !key.endsWith(".json"));

/** The specifier a consumer imports for an `exports` subpath: `"statuskit"`, `"statuskit/unofficial"`. */
export const specifier = (pkg: PackageJson, subpath: string): string => pkg.name + subpath.slice(1);

/** Every file that `bin` names, as paths inside the package (`dist/cli.js`). */
export function binFiles(pkg: PackageJson): string[] {
  const bin = typeof pkg.bin === "string" ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  return Object.values(bin).map((file) => file.replace(/^\.\//, ""));
}
