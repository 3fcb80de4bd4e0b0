// Rules of the architecture that a reviewer would otherwise have to remember.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../src/version.js";
import { repoRoot } from "./support/cli.js";

function files(dir: string, ext = ".ts"): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (p.endsWith(ext) && !p.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

describe("architecture", () => {
  it("keeps the core pure: no @actions/*, no process.env, no process.exit in src/core", () => {
    const offenders = files(join(repoRoot, "src", "core")).flatMap((f) => {
      const text = readFileSync(f, "utf8");
      const bad: string[] = [];
      if (/from ["']@actions\//.test(text)) bad.push("imports @actions/*");
      if (/process\.env/.test(text)) bad.push("reads process.env");
      if (/process\.exit\(/.test(text)) bad.push("calls process.exit");
      return bad.map((b) => `${relative(repoRoot, f)} ${b}`);
    });
    expect(offenders).toEqual([]);
  });

  it("keeps I/O out of src/core: no node:fs, node:http(s), node:net or node:child_process imports", () => {
    const offenders = files(join(repoRoot, "src", "core")).filter((f) => /from ["']node:(fs|fs\/promises|http|https|net|child_process)["']/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(repoRoot, f))).toEqual([]);
  });

  it("points dependencies one way: core imports no adapter, flow or shell; adapters no flow or shell; flows no shell", () => {
    const layers: [string, RegExp][] = [
      ["core", /from ["'](\.\.\/)+(adapters|app|cli|actions)\//],
      ["adapters", /from ["'](\.\.\/)+(app|cli|actions)\//],
      ["app", /from ["'](\.\.\/)+(cli|actions)\//],
    ];
    const offenders = layers.flatMap(([layer, re]) => files(join(repoRoot, "src", layer)).filter((f) => re.test(readFileSync(f, "utf8"))).map((f) => relative(repoRoot, f)));
    expect(offenders).toEqual([]);
  });

  it("waits through the Clock port: no setTimeout/setInterval in src/core except the system clock itself", () => {
    const offenders = files(join(repoRoot, "src", "core"))
      .filter((f) => !f.endsWith(join("ports", "clock.ts")))
      .filter((f) => /\b(setTimeout|setInterval)\(/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(repoRoot, f))).toEqual([]);
  });

  it("keeps src/adapters for implementations of ports: every adapter module implements a port", () => {
    // Helpers that arrived in adapters/ and are not port implementations yet (to move to src/app/ or
    // behind a port): listed so the rule holds for everything else.
    const pending = new Set(["src/adapters/console/workflow-safe.ts", "src/adapters/process/child-env.ts"]);
    // A module implements a port when a class `implements` it or a factory returns it (`): Port` or
    // `Promise<Port>`), for an interface exported from src/core/ports/.
    const ports = files(join(repoRoot, "src", "core", "ports")).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export interface ([A-Z]\w*)/g)].map((m) => m[1]!));
    expect(ports.length).toBeGreaterThan(5);
    const implementsPort = (text: string) =>
      ports.some((name) => new RegExp(`\\bimplements [^{]*\\b${name}\\b|\\): (Promise<)?${name}\\b`).test(text));
    // Or it is an adapter's own part (a transport, a parser): imported only by adapter modules, at
    // least one of which implements a port.
    const adapterFiles = files(join(repoRoot, "src", "adapters"));
    const importers = (f: string) =>
      files(join(repoRoot, "src")).filter((g) => [...readFileSync(g, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)].some((m) => resolve(dirname(g), `${m[1]}.ts`) === f));
    const isPart = (f: string) => {
      const by = importers(f);
      return by.length > 0 && by.every((g) => adapterFiles.includes(g)) && by.some((g) => implementsPort(readFileSync(g, "utf8")));
    };
    const offenders = adapterFiles.filter((f) => !pending.has(relative(repoRoot, f)) && !implementsPort(readFileSync(f, "utf8")) && !isPart(f));
    expect(offenders.map((f) => relative(repoRoot, f))).toEqual([]);
  });

  it("never calls process.exit in library code", () => {
    const offenders = files(join(repoRoot, "src")).filter((f) => /process\.exit\(/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(repoRoot, f))).toEqual([]);
  });

  it("launches processes with argument arrays, never a shell", () => {
    const offenders = files(join(repoRoot, "src")).filter((f) => {
      const t = readFileSync(f, "utf8");
      return /(?<![.\w])(exec|execSync)\(|shell:\s*true|from "node:child_process".*\bexec\b[,} ]/.test(t);
    });
    expect(offenders.map((f) => relative(repoRoot, f))).toEqual([]);
  });

  it("ends git's options before any revision, ref or path a caller supplies (--end-of-options)", () => {
    // A revision that starts with "-" would otherwise be read as an option (`--output=…`).
    const REV_COMMANDS = "show|rev-parse|log|ls-tree|cat-file|merge-base|worktree|tag|push|fetch|diff|checkout|rev-list|archive|reset|branch";
    const call = new RegExp(`\\[\\s*"(?:${REV_COMMANDS})"[^\\]]*\\]`, "g");
    const offenders = files(join(repoRoot, "src")).flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(call)]
        .map((m) => m[0])
        .filter((args) => !args.includes('"--end-of-options"') && (/\$\{/.test(args) || /,\s*(?:\.\.\.)?[A-Za-z_][\w.!]*\s*(?=[,\]])/.test(args)))
        .map((args) => `${relative(repoRoot, f)}: ${args}`),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps VERSION in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it("gives every action a triple: action.yml (node24, main in dist), src entry, README", () => {
    const actions = readdirSync(join(repoRoot, "actions")).filter((n) => statSync(join(repoRoot, "actions", n)).isDirectory());
    expect(actions.length).toBeGreaterThan(0);
    for (const name of actions) {
      const yml = readFileSync(join(repoRoot, "actions", name, "action.yml"), "utf8");
      expect(yml, name).toMatch(/using: node24/);
      expect(yml, name).toContain(`main: ../../dist/${name}/index.js`);
      expect(statSync(join(repoRoot, "src", "actions", name, "index.ts")).isFile()).toBe(true);
      expect(statSync(join(repoRoot, "actions", name, "README.md")).isFile()).toBe(true);
    }
  });
  it("throws nothing outside the error hierarchy: no `throw new Error(`, no other Error subclass (the CLI reports those as bugs)", () => {
    // HttpError never leaves the model server: it becomes the HTTP answer to one request; the
    // deadline errors are abort reasons, and Http1Error a transport failure (as node's own errors
    // are), each classified into a ProviderError where a request ends.
    const allowed = new Set([
      "src/errors.ts:LlmopsError",
      "src/app/serve/openai-server.ts:HttpError",
      "src/core/eval/deadlines.ts:DeadlineExceeded",
      "src/core/eval/deadlines.ts:HedgeLost",
      "src/adapters/http/http1-client.ts:Http1Error",
    ]);
    const offenders = files(join(repoRoot, "src")).flatMap((f) => {
      const text = readFileSync(f, "utf8");
      const rel = relative(repoRoot, f);
      const bad = [...text.matchAll(/throw new Error\(/g)].map(() => `${rel}: throw new Error(`);
      for (const m of text.matchAll(/class (\w+) extends Error\b/g)) if (!allowed.has(`${rel}:${m[1]}`)) bad.push(`${rel}: class ${m[1]} extends Error`);
      return bad;
    });
    expect(offenders).toEqual([]);
  });
});
