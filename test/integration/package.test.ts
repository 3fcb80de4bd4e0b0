// The package a user installs: `npm pack`, installed from the tarball alone into an empty project
// (offline: the tarball has no dependencies to fetch), then a suite run through `npx llmops`
// against a loopback server. The tarball ships the docs its README links, an example suite,
// pipeline and workflow, and nothing else (no tests, sources or __pycache__).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { arithmeticAnswer, writeArithmeticCases, writeSuite } from "../support/suites.js";

const root = resolve(".");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Not spawnSync: the loopback server lives in this process and must keep answering. */
function npmExec(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(npm, ["exec", "--offline", "--", "llmops", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => res({ status, stdout, stderr }));
  });
}

function du(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return n;
}

describe("the npm package", () => {
  let work: string;
  let files: string[];
  let tarball: string;
  let install: { status: number | null; out: string };
  let server: OpenAiTestServer;
  beforeAll(async () => {
    work = tempDir("llmops-pack-");
    const packed = JSON.parse(execFileSync(npm, ["pack", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
    files = packed[0].files.map((f: { path: string }) => f.path);
    tarball = join(work, packed[0].filename);
    const project = join(work, "project");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", private: true }));
    const r = spawnSync(npm, ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"], { cwd: project, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "warn" } });
    install = { status: r.status, out: `${r.stdout}${r.stderr}` };
    server = await startOpenAiTestServer({ respond: (q) => arithmeticAnswer(q.prompt) });
  }, 180_000);
  afterAll(async () => server?.close());

  it("ships the docs its README links, an example suite, pipeline and workflow, and no tests, sources or __pycache__", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    for (const link of new Set([...readme.matchAll(/\]\((docs\/[^)#]+\.md)/g)].map((m) => m[1]!))) expect(files).toContain(link);
    for (const f of ["evals/arithmetic.yaml", "evals/cases/arithmetic.jsonl", "prompts/arithmetic.jinja", "pipelines/tiny-sft.yaml", ".github/workflows/llmops-pr.yml", "dist/cli/index.js", "dist/THIRD_PARTY_NOTICES.txt", "actions/compare/README.md", "trainers/reference/train.py"]) expect(files).toContain(f);
    // The actions run from this repository at a pinned SHA, not from npm: their bundles stay out of the package.
    expect(files.filter((f) => /^dist\/(?!cli\/|THIRD_PARTY_NOTICES)/.test(f) || /action\.yml$/.test(f))).toEqual([]);
    expect(files.filter((f) => /__pycache__|\.pyc$|\.test\.|^src\/|^test\//.test(f))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg).toHaveProperty("repository.url");
    expect(pkg).toHaveProperty("bugs.url");
    expect(pkg).toHaveProperty("homepage");
  });

  it("installs from the tarball alone, warning-free, in a few MB (an optional peer such as node-llama-cpp is not pulled in)", () => {
    expect(install.status, install.out).toBe(0);
    expect(install.out).not.toMatch(/EBADENGINE|npm warn/i);
    const modules = join(work, "project", "node_modules");
    const installed = readdirSync(modules).filter((n) => !n.startsWith("."));
    expect(installed).toEqual(["llmops"]);
    expect(du(modules)).toBeLessThan(20 * 2 ** 20);
  });

  it("runs a suite with npx llmops from the user's project", async () => {
    const project = join(work, "project");
    writeArithmeticCases(project, 5);
    writeSuite(project, server.baseUrl);
    const v = await npmExec(["--version"], project);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
    const r = await npmExec(["eval", "suite.yaml", "--no-cache", "-q", "--json"], project);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary.metrics.exact_match.mean).toBe(1);
    expect(existsSync(join(project, ".llmops", "eval", "arith", "results.jsonl"))).toBe(true);
  });
}, 300_000);
