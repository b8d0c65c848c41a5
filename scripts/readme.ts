// README.md's generated tables sit between `<!-- NAME:start … -->` and `<!-- NAME:end -->`. The
// script that computes a table writes it there (`--write`) or fails when it is stale (`--check`).
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./pack";

export const readmePath = join(root, "README.md");

/** `readme` with the text between the markers of section `name` replaced by `body`. */
export function replaceSection(readme: string, name: string, body: string): string {
  const start = readme.indexOf(`<!-- ${name}:start`);
  const open = readme.indexOf("-->", start) + 3;
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < open) throw new Error(`README.md: markers <!-- ${name}:start … --> and <!-- ${name}:end --> not found`);
  return `${readme.slice(0, open)}\n${body}\n${readme.slice(end)}`;
}

/**
 * Prints `body`; with `--write` puts it into section `name` of README.md (or of the markdown file
 * at `path`). Returns the problem to report when `--check` is given and that copy is stale.
 */
export function publish(name: string, body: string, command: string, path = readmePath): string[] {
  console.log(body);
  const file = relative(root, path);
  const readme = readFileSync(path, "utf8");
  const updated = replaceSection(readme, name, body);
  if (updated === readme) return [];
  if (process.argv.includes("--write")) {
    writeFileSync(path, updated);
    console.log(`${name}: wrote ${file}`);
    return [];
  }
  return process.argv.includes("--check") ? [`${file}'s ${name} table is out of date: run \`${command}\``] : [];
}
