import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Every TSDoc @example runs here: each line `expr; // => value` must give `value`.
const src = new URL("../src/", import.meta.url);
// The public modules: generated files, types, internals and the command line have no examples.
const PRIVATE = ["internal.ts", "types.ts", "cli.ts", "index.ts", "search.ts", "quote.ts"];
const files = readdirSync(src).filter(
  (f) => f.endsWith(".ts") && !PRIVATE.includes(f) && !readFileSync(new URL(f, src), "utf8").startsWith("// Generated"),
);
const entries: Record<string, () => Promise<Record<string, unknown>>> = {
  statuskit: () => import("../src/index"),
};
for (const file of files) {
  if (file === "unofficial.ts") entries["statuskit/unofficial"] = () => import(`../src/${file}`);
  if (file === "problem.ts") entries["statuskit/problem"] = () => import("../src/problem");
}

interface Example {
  file: string;
  title: string;
  code: string;
}

const examples: Example[] = files.flatMap((file) => {
  const text = readFileSync(new URL(file, src), "utf8");
  return [...text.matchAll(/@example ?(.*)\n((?: \* ?.*\n)*?) \* ```ts\n((?: \* ?.*\n)*?) \* ```/g)].map((m) => ({
    file,
    title: `${text.slice(m.index).match(/export (?:async function|function|const) (\w+)/)?.[1]}${m[1] ? `: ${m[1]}` : ""}`,
    code: m[3]!.replace(/^ \* ?/gm, ""),
  }));
});

// A checked line: `expr; // => value`, optionally followed by a remark in brackets.
const CHECK = /^(.+); \/\/ => (.+?)(?: \([^"]*\))?$/;

// TSDoc examples may also declare values (`const x = …;`) for later lines, and `await`.
const DECLARATION = /^const \w+ = .+;$/;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;

async function run(code: string, strict = true) {
  const scope: Record<string, unknown> = {};
  const checks: { expr: string; expected: string }[] = [];
  const statements: string[] = [];
  for (const line of code.split("\n")) {
    const imported = line.match(/^import \{ (.+) \} from "(.+)";$/);
    if (imported) {
      const module = await entries[imported[2]!]!();
      for (const name of imported[1]!.split(", ")) {
        expect(module, `${name} is exported by ${imported[2]}`).toHaveProperty(name);
        scope[name] = module[name];
      }
      continue;
    }
    const check = line.match(CHECK);
    if (check) {
      statements.push(`results.push((${check[1]!}));`);
      checks.push({ expr: check[1]!, expected: check[2]! });
    } else if (strict && DECLARATION.test(line)) statements.push(line);
    else if (strict) expect(line.trim(), "every example line is an import, a `const` or a checked `expr; // => value`").toBe("");
  }
  // The lines run in order in one async function, so declarations and awaits carry through.
  const results: unknown[] = [];
  await new AsyncFunction("results", ...Object.keys(scope), statements.join("\n"))(results, ...Object.values(scope));
  checks.forEach(({ expr, expected }, i) => expect(results[i], expr).toEqual(new Function(`return (${expected});`)()));
  return checks.length;
}

describe("TSDoc examples", () => {
  it("are found in every public module", () => {
    expect(new Set(examples.map((e) => e.file))).toEqual(new Set(files));
  });

  it.each(examples.map((e) => [e.file, e.title, e] as const))("%s: %s", async (_, __, example) => {
    expect(await run(example.code)).toBeGreaterThan(0);
  });

  // README snippets may show code that needs an app around it; their `// =>` lines must hold.
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((c) => c.includes("// =>"));
  it("README has checked snippets for the core, its lookups, the unofficial entry and the problem entry", () => expect(snippets).toHaveLength(4));
  it.each(snippets.map((c, i) => [i + 1, c] as const))("README snippet %i", async (_, code) => {
    expect(await run(code, false)).toBeGreaterThan(0);
  });

  it("every exported function and value of the hand-written modules has one", () => {
    for (const file of files) {
      const text = readFileSync(new URL(file, src), "utf8");
      // The doc block right before the first declaration of each exported name.
      for (const m of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\n(?:export (?:async function|function|const) (\w+))/g)) {
        expect(m[1], `${file}: ${m[2]}`).toContain("@example");
      }
      const exported = [...text.matchAll(/^export (?:async function|function|const) (\w+)/gm)].map((m) => m[1]);
      const documented = [...text.matchAll(/\*\/\nexport (?:async function|function|const) (\w+)/g)].map((m) => m[1]);
      expect(new Set(documented), file).toEqual(new Set(exported));
    }
  });
});
