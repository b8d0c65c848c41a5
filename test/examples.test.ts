import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The code that documentation shows, checked rather than trusted:
// - every TSDoc @example runs here, and each line `expr; // => value` must give `value`;
// - every ```ts block of README.md and docs/*.md compiles against the built package under the
//   strictest settings users have, and its `// =>` lines give what they say.
const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "src");
// The public modules: generated files, types, internals and the command line have no examples.
const PRIVATE = ["internal.ts", "types.ts", "cli.ts", "index.ts", "search.ts", "quote.ts"];
const files = readdirSync(src).filter(
  (f) => f.endsWith(".ts") && !PRIVATE.includes(f) && !readFileSync(join(src, f), "utf8").startsWith("// Generated"),
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
  const text = readFileSync(join(src, file), "utf8");
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

/**
 * Runs an example and checks each line `expr; // => value`. A TSDoc example holds only imports,
 * `const` lines and checked lines; a page's block may hold any TypeScript, which runs whole, its
 * types stripped, with statuskit's exports in scope.
 */
async function run(code: string, whole = false) {
  const scope: Record<string, unknown> = {};
  const checks: { expr: string; expected: string }[] = [];
  const statements: string[] = [];
  for (const line of code.split("\n")) {
    const imported = line.match(/^import \{ (.+) \} from "(statuskit.*)";$/);
    if (imported) {
      const module = await entries[imported[2]!]!();
      for (const name of imported[1]!.split(", ").filter((n) => !n.startsWith("type "))) {
        expect(module, `${name} is exported by ${imported[2]}`).toHaveProperty(name);
        scope[name] = module[name];
      }
      continue;
    }
    const check = line.match(CHECK);
    if (check) {
      statements.push(`results.push((${check[1]!}));`);
      checks.push({ expr: check[1]!, expected: check[2]! });
    } else if (whole || DECLARATION.test(line)) statements.push(line.replace(/^export (?=(?:async )?function|const|let|class)/, ""));
    else expect(line.trim(), "every example line is an import, a `const` or a checked `expr; // => value`").toBe("");
  }
  const body = ts.transpileModule(statements.join("\n"), { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  // The lines run in order in one async function, so declarations and awaits carry through.
  const results: unknown[] = [];
  await new AsyncFunction("results", ...Object.keys(scope), body)(results, ...Object.values(scope));
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

  it("every exported function and value of the hand-written modules has one", () => {
    for (const file of files) {
      const text = readFileSync(join(src, file), "utf8");
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

// The Markdown pages and their ```ts blocks, each named by page and line.
const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const blocks = pages.flatMap((page) => {
  const text = readFileSync(join(root, page), "utf8");
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({
    page,
    line: text.slice(0, m.index).split("\n").length,
    code: m[1]!,
  }));
});

// The names a block may use without declaring them: what a handler or a script around it would
// have. Nothing else is declared, so a block that uses anything more does not compile.
const FREE_NAMES = `
declare const req: Request;
declare const res: Response;
declare const url: string;
declare const log: { info(message: string): void; error(message: string): void };
declare function scheduleRetry(): void;
declare function follow(location: string | null): void;
`;

/** The diagnostics of every block, compiled as ES modules of this package against its built declarations. */
function compileBlocks(): Map<string, string[]> {
  const dir = join(root, "test", "docs-blocks");
  const virtual = new Map(blocks.map((b) => [join(dir, `${b.page.replace(/\W/g, "-")}-${b.line}.ts`), b.code]));
  virtual.set(join(dir, "free-names.d.ts"), FREE_NAMES);
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    // The frameworks' declarations are theirs to check; statuskit's are checked by tsc in test:all.
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) =>
    virtual.has(file) ? ts.createSourceFile(file, virtual.get(file)!, language) : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const found = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? "(options)";
    const where = d.file && d.start !== undefined ? `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "";
    found.set(file, [...(found.get(file) ?? []), `TS${d.code}${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`]);
  }
  return new Map(blocks.map((b, i) => [`${b.page}:${b.line}`, found.get([...virtual.keys()][i]!) ?? []]));
}

describe("README.md and docs/*.md", () => {
  let diagnostics: Map<string, string[]>;

  it("show TypeScript on every page that documents code", () => {
    expect(blocks.length).toBeGreaterThan(10);
    expect(new Set(blocks.map((b) => b.page))).toContain("README.md");
  });

  it.each(blocks.map((b) => [`${b.page}:${b.line}`] as const))("%s compiles under strict settings (run `npm run build` first)", (where) => {
    diagnostics ??= compileBlocks();
    expect(diagnostics.get(where)).toEqual([]);
  }, 60_000);

  // A block with `// =>` lines runs whole, so what it shows needs nothing around it.
  const checked = blocks.filter((b) => b.code.includes("// =>"));
  it.each(checked.map((b) => [`${b.page}:${b.line}`, b] as const))("%s runs, and every `// =>` line gives what it says", async (_, block) => {
    expect(await run(block.code, true)).toBeGreaterThan(0);
  });
});
