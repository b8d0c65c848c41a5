// The "Why statuskit" table: every cell is measured here, on statuskit's build and on the peers
// installed as devDependencies, never typed in by hand; Deno's column, which cannot be installed,
// says so. `npm run why` prints the table, `-- --write` puts it into docs/why.md, `-- --check` fails
// when docs/why.md is out of date.
import { readdirSync, readFileSync } from "node:fs";
import * as http from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import * as statuskit from "statuskit";
import { status as httpStatus } from "http-status";
import { publish } from "./readme";
import { measure, type Measurement } from "./size";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(root, "package.json"));
// The CommonJS peers through `require`, so that what is searched is their `module.exports`
// whichever loader runs this file (tsx and vitest wrap CommonJS namespaces differently).
const httpStatusCodes = require("http-status-codes") as typeof import("http-status-codes");
const statuses = require("statuses") as typeof import("statuses");

interface Subject {
  /** Column header. */
  name: string;
  /** The npm package, or `null` for Node's built-in module. */
  pkg: string | null;
  /** The phrase lookup, called the way its README shows. */
  lookup: (code: unknown) => unknown;
  /** The module's exports, searched for data (spec links, lifecycle flags, frozen objects). */
  exports: object;
  /** TypeScript source for the type probe: an import, then a phrase and a constant expression. */
  probe: { imports: string; phrase: string; constant: string | null };
}

const SUBJECTS: Subject[] = [
  {
    name: "statuskit",
    pkg: "statuskit",
    lookup: (code) => statuskit.reasonPhrase(code as number),
    exports: statuskit,
    probe: { imports: `import { reasonPhrase, NOT_FOUND } from "statuskit";`, phrase: "reasonPhrase(404)", constant: "NOT_FOUND" },
  },
  {
    name: "http-status-codes",
    pkg: "http-status-codes",
    lookup: (code) => httpStatusCodes.getReasonPhrase(code as number),
    exports: httpStatusCodes,
    probe: {
      imports: `import { getReasonPhrase, StatusCodes } from "http-status-codes";`,
      phrase: "getReasonPhrase(404)",
      constant: "StatusCodes.NOT_FOUND",
    },
  },
  {
    name: "http-status",
    pkg: "http-status",
    lookup: (code) => (httpStatus as Record<PropertyKey, unknown>)[code as PropertyKey],
    exports: { status: httpStatus },
    probe: { imports: `import { status } from "http-status";`, phrase: "status[404]", constant: "status.NOT_FOUND" },
  },
  {
    name: "statuses",
    pkg: "statuses",
    lookup: (code) => statuses.message[code as number],
    exports: { statuses },
    probe: { imports: `import statuses from "statuses";`, phrase: "statuses.message[404]", constant: null },
  },
  {
    name: "node:http",
    pkg: null,
    lookup: (code) => http.STATUS_CODES[code as number],
    exports: { STATUS_CODES: http.STATUS_CODES },
    probe: { imports: `import { STATUS_CODES } from "node:http";`, phrase: "STATUS_CODES[404]", constant: null },
  },
];

/** Deno's `@std/http` is published on JSR only; the scripts install from the npm registry alone. */
const NOT_MEASURED = "not measured¹";
const FOOTNOTE =
  "¹ Deno's `@std/http` is published on JSR, not on the npm registry, which is the only registry " +
  "these scripts install from, so nothing about it is measured here.";

const PROBLEM_FOOTNOTE =
  "² Not measured, for the same reason: read from Deno's source, in [Problem details](problem.md).";

const RECORDS = statuskit.STATUSES;
const quote = (value: unknown) => (typeof value === "string" ? `“${value}”` : String(value));
const list = (items: readonly unknown[], max = 3) =>
  items.slice(0, max).join(", ") + (items.length > max ? `, … (${items.length})` : "");

function safeCall(lookup: Subject["lookup"], value: unknown): { value?: unknown; threw?: true } {
  try {
    return { value: lookup(value) };
  } catch {
    return { threw: true };
  }
}

/** Every value reachable from `root` through own enumerable properties, functions' included. */
function reachable(start: object): unknown[] {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  const walk = (value: unknown, depth: number) => {
    if (seen.has(value) || depth > 6) return;
    seen.add(value);
    out.push(value);
    if ((typeof value === "object" && value !== null) || typeof value === "function") {
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], depth + 1);
    }
  };
  for (const value of Object.values(start)) walk(value, 0);
  return out;
}

// Each row: a label, a function from a subject to its cell, and Deno's cell where one is not "not measured".
type Row = [label: string, cell: (s: Subject, m: Measurement, t: TypeFacts) => string, deno?: string];

const registeredPhrase = (s: Subject, code: number): string | undefined => {
  const { value } = safeCall(s.lookup, code);
  return typeof value === "string" ? value : undefined;
};

const ROWS: Row[] = [
  [
    "RFC 9110 names (the 44 codes it names; 306 and 418 are \"(Unused)\")",
    (s) => {
      const codes = RECORDS.filter((r) => r.spec.document === "RFC 9110" && r.status !== "unused");
      const wrong = codes.filter((r) => registeredPhrase(s, r.code) !== r.phrase);
      const detail = wrong.map((r) => `${r.code} ${quote(registeredPhrase(s, r.code))}`);
      return `${codes.length - wrong.length} of ${codes.length}${wrong.length ? ` (${list(detail, 2)})` : ""}`;
    },
  ],
  [
    "Registered codes covered",
    (s) => {
      const covered = RECORDS.filter((r) => registeredPhrase(s, r.code) !== undefined).length;
      const extra: number[] = [];
      for (let code = 100; code < 600; code++) {
        if (!statuskit.isStatusCode(code) && registeredPhrase(s, code) !== undefined) extra.push(code);
      }
      return `${covered} of ${RECORDS.length}${extra.length ? `, and ${extra.length} unregistered (${list(extra)})` : ""}`;
    },
  ],
  [
    "Spec link per code",
    (s) => {
      const links = new Set(reachable(s.exports).filter((v) => typeof v === "string" && /^https:\/\/\S*(rfc|ietf)/i.test(v)));
      return links.size ? `${links.size} links` : "none";
    },
  ],
  [
    "Lifecycle (provisional, deprecated, obsoleted, unused)",
    (s) => {
      const flags = reachable(s.exports).filter(
        (v): v is { code: number; status: string } =>
          typeof v === "object" && v !== null && "status" in v && typeof v.status === "string" && v.status !== "standard",
      );
      const codes = [...new Set(flags.map((f) => `${f.code} ${f.status}`))];
      return codes.length ? list(codes, 5) : "none";
    },
  ],
  [
    "Phrase lookup of `\"__proto__\"`, `\"constructor\"`, `\"toString\"`",
    (s) => {
      const answers = ["__proto__", "constructor", "toString"].map((key) => {
        const r = safeCall(s.lookup, key);
        if (r.threw) return "throws";
        if (r.value === undefined) return null;
        const inherited = r.value === (key === "__proto__" ? Object.prototype : (Object.prototype as Record<string, unknown>)[key]);
        return inherited ? "inherited" : typeof r.value;
      });
      const bad = [...new Set(answers.filter((a) => a !== null))];
      return bad.length ? `no: ${answers.filter((a) => a !== null).length} of 3 ${bad.join(" or ")}` : "yes (`undefined`)";
    },
  ],
  [
    "Frozen data",
    (s) => {
      const objects = reachable(s.exports).filter((v) => typeof v === "object" && v !== null);
      const frozen = objects.filter((o) => Object.isFrozen(o)).length;
      return frozen === objects.length ? `yes (${frozen} objects)` : `no (${frozen} of ${objects.length} objects)`;
    },
  ],
  ["Type of the phrase of 404", (s, _m, t) => `\`${t[s.name]!.phrase}\``],
  ["Type of the constant for 404", (s, _m, t) => (t[s.name]!.constant === null ? "no constants" : `\`${t[s.name]!.constant}\``)],
  ["Type guards, checked against their types", (s, _m, t) => t[s.name]!.guards],
  [
    "Bundle for one constant (gzip)",
    (s, m) => {
      if (s.pkg === null) return "built into Node";
      const b = s.pkg === "statuskit" ? m.cases.find((c) => c.id === "constant")!.bundle : m.peers[s.pkg]!.constant;
      return b === null ? "no constants" : `${b.gzip} B`;
    },
  ],
  [
    "Bundle for a phrase lookup (gzip)",
    (s, m) => {
      if (s.pkg === null) return "built into Node";
      const b = s.pkg === "statuskit" ? m.cases.find((c) => c.id === "reasonPhrase")!.bundle : m.peers[s.pkg]!.phrase;
      return `${b!.gzip} B`;
    },
  ],
  ["Module formats", (s) => (s.pkg === null ? "built into Node" : formatsOf(s.pkg))],
  [
    "Runtime dependencies",
    (s) => (s.pkg === null ? "built into Node" : String(Object.keys(manifest(s.pkg).dependencies ?? {}).length)),
  ],
  [
    "RFC 9457 problem details (`application/problem+json`)",
    (s) => {
      // Node: an export of node:http about problems; a package: a file that names the media type.
      const found =
        s.pkg === null
          ? Object.keys(http).filter((name) => /problem/i.test(name))
          : packageFiles(s.pkg).filter((file) => readFileSync(file, "utf8").includes("application/problem+json"));
      if (s.pkg !== "statuskit") return found.length ? `named in ${found.length} files` : "none";
      return found.some((file) => file.endsWith("problem.js")) ? "build, send, read (`statuskit/problem`)" : "none";
    },
    "builds a `Response`, reads; read from its source²",
  ],
];

/** The package's code and declaration files (statuskit's: its build), under node_modules. */
function packageFiles(name: string): string[] {
  const dir = name === "statuskit" ? join(root, "dist") : join(root, "node_modules", name);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(file) && !file.startsWith("node_modules"))
    .map((file) => join(dir, file));
}

function manifest(name: string): { version: string; type?: string; module?: string; dependencies?: object } {
  const path = name === "statuskit" ? join(root, "package.json") : join(root, "node_modules", name, "package.json");
  return JSON.parse(readFileSync(path, "utf8"));
}
const versionOf = (name: string) => manifest(name).version;

/** The format of the file Node loads for `import` and for `require`, and a `module` field for bundlers. */
function formatsOf(name: string): string {
  const formatOf = (file: string) => {
    if (file.endsWith(".mjs")) return "ESM";
    if (file.endsWith(".cjs")) return "CJS";
    let dir = dirname(file);
    while (!dir.endsWith("node_modules") && dirname(dir) !== dir) {
      try {
        return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).type === "module" ? "ESM" : "CJS";
      } catch {
        dir = dirname(dir);
      }
    }
    return "CJS";
  };
  const imported = formatOf(fileURLToPath(import.meta.resolve(name)));
  const required = formatOf(require.resolve(name));
  if (imported === "ESM" && required === "CJS") return "ESM and CJS";
  const bundlers = imported === "CJS" && manifest(name).module ? ", ESM for bundlers (`module`)" : "";
  return `${required} only${bundlers}`;
}

type TypeFacts = Record<string, { phrase: string; constant: string | null; guards: string }>;

// Values each guard is tried on: every integer from -1 to 1000 and values of other kinds.
const SAMPLES: unknown[] = [
  ...Array.from({ length: 1002 }, (_, i) => i - 1),
  404.5, NaN, Infinity, -0, "404", "", null, undefined, true, {}, [], 404n,
];

/** Number literals of a type, `"number"` for `number`, or `"any"` for anything else. */
function domainOf(type: ts.Type): Set<number> | "number" | "any" {
  const parts = type.isUnion() ? type.types : [type];
  if (parts.every((p) => p.isNumberLiteral())) return new Set(parts.map((p) => (p as ts.NumberLiteralType).value));
  if (parts.length === 1 && parts[0]!.flags & ts.TypeFlags.Number) return "number";
  return "any";
}
const inDomain = (domain: ReturnType<typeof domainOf>, value: unknown) =>
  domain === "any" || (domain === "number" ? typeof value === "number" : domain.has(value as number));

/**
 * Compiles a probe per subject: the types of its phrase of 404 and of its constant, and every
 * exported function whose signature is a type guard. Each guard is then called on SAMPLES: a
 * `true` must mean the value has the guarded type and, when the parameter is a union of codes, a
 * `false` must mean it has not, since TypeScript narrows both branches.
 */
function typeFacts(): TypeFacts {
  const files = new Map(
    SUBJECTS.map((s, i) => [
      join(root, `__why_probe_${i}__.ts`),
      `${s.probe.imports}\nexport const phrase = ${s.probe.phrase};\nexport const constant = ${s.probe.constant ?? "null"};\n`,
    ]),
  );
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name)!, version) : getSourceFile(name, version, ...rest);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const checker = program.getTypeChecker();
  const facts: TypeFacts = {};
  SUBJECTS.forEach((subject, i) => {
    const file = program.getSourceFile([...files.keys()][i]!)!;
    const errors = ts.getPreEmitDiagnostics(program, file);
    if (errors.length) throw new Error(`why: probe for ${subject.name}: ${ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n")}`);
    const declared = (name: string) => {
      const statement = file.statements.find(
        (st): st is ts.VariableStatement =>
          ts.isVariableStatement(st) && st.declarationList.declarations[0]!.name.getText(file) === name,
      )!;
      return checker.typeToString(checker.getTypeAtLocation(statement.declarationList.declarations[0]!.name));
    };
    const module = checker.getSymbolAtLocation((file.statements[0] as ts.ImportDeclaration).moduleSpecifier)!;
    const runtime = subject.exports as Record<string, unknown>;
    let guards = 0;
    const unsound: string[] = [];
    for (const symbol of checker.getExportsOfModule(module)) {
      const fn = runtime[symbol.name];
      if (typeof fn !== "function") continue;
      const signatures = checker.getTypeOfSymbol(symbol).getCallSignatures();
      const predicates = signatures.filter((sig) => checker.getTypePredicateOfSignature(sig)?.type);
      if (!predicates.length) continue;
      guards++;
      for (const sig of predicates) {
        const predicate = checker.getTypePredicateOfSignature(sig)!;
        const param = domainOf(checker.getTypeOfSymbol(sig.parameters[predicate.parameterIndex ?? 0]!));
        const guarded = domainOf(predicate.type!);
        for (const value of SAMPLES.filter((v) => inDomain(param, v))) {
          const answer = fn(value) as boolean;
          if ((answer && !inDomain(guarded, value)) || (!answer && inDomain(guarded, value))) {
            unsound.push(`${symbol.name}(${String(value)})`);
          }
        }
      }
    }
    facts[subject.name] = {
      phrase: declared("phrase"),
      constant: subject.probe.constant === null ? null : declared("constant"),
      guards: guards === 0 ? "none" : unsound.length ? `${guards}, wrong for ${list(unsound)}` : `${guards}, all sound`,
    };
  });
  return facts;
}

/** The markdown table that goes between the README markers. */
export async function renderWhyTable(m?: Measurement): Promise<string> {
  const measurement = m ?? (await measure());
  const types = typeFacts();
  // Peers' versions go in the header; statuskit's own would make the table stale at every release.
  const title = (s: Subject) =>
    s.pkg === null ? `Node ${process.versions.node.split(".")[0]} \`STATUS_CODES\`` : s.pkg === "statuskit" ? "statuskit" : `${s.name} ${versionOf(s.pkg)}`;
  const header = ["", ...SUBJECTS.slice(0, -1).map(title), "Deno `@std/http`", title(SUBJECTS.at(-1)!)];
  const rows = ROWS.map(([label, cell, deno]) => {
    const cells = SUBJECTS.map((s) => cell(s, measurement, types));
    return [label, ...cells.slice(0, -1), deno ?? NOT_MEASURED, cells.at(-1)!];
  });
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`),
    "",
    FOOTNOTE,
    "",
    PROBLEM_FOOTNOTE,
  ].join("\n");
}

async function main() {
  const problems = publish("why", await renderWhyTable(), "npm run why -- --write", join(root, "docs", "why.md"));
  for (const problem of problems) console.error(`why: ${problem}`);
  if (problems.length) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
