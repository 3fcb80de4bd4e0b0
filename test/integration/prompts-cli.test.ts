// `llmops prompts lint|render|diff` and the suites → prompts dependency, as spawned processes in real
// git repositories in temp directories, against a loopback OpenAI-compatible server.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

function repo(files: Record<string, string>): string {
  const dir = tempDir("llmops-prompts-");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "t@example.com");
  git(dir, "config", "user.name", "t");
  write(dir, { ".gitignore": ".llmops/\nreports/\nout/\n", ...files });
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  return dir;
}

const suite = (name: string, prompt: string, cases: string, extra = "") =>
  `name: ${name}\ncases:\n  file: cases/${cases}\nprompt:\n  file: ../prompts/${prompt}\ntarget:\n  base_url: \${BASE}\n  model: gpt-4o\n  api: chat\n  context: 60\n  params:\n    max_tokens: 16\n${extra}scorers:\n  - type: exact_match\nhedge: false\n`;

let server: OpenAiTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("llmops prompts lint (spawned CLI)", () => {
  const files = {
    "prompts/qa.jinja": "---\ndescription: Answer a question\nowner: '@org/qa'\nsemver: 1.2.0\nvariables:\n  question: string\n  context: {type: string, required: false}\n  style: string\n---\n{% if context is defined %}Context: {{ context }}\n{% endif %}Q: {{ question }} {{ tone }}\n",
    "prompts/plain.jinja": "{{ input }}\n",
    "prompts/broken.jinja": "Hello {% for x in items %}{{ x }}\n",
    "evals/cases/qa.jsonl": [
      JSON.stringify({ id: "q1", vars: { question: "short?", style: "a", tone: "" } }),
      JSON.stringify({ id: "q2", vars: { style: "b", tone: "" } }),
      JSON.stringify({ id: "q3", vars: { question: 42, style: "c", tone: "" } }),
      JSON.stringify({ id: "q4", vars: { question: "a long question ".repeat(20), style: "d", tone: "" } }),
    ].join("\n"),
    "evals/cases/plain.jsonl": JSON.stringify({ id: "p1", input: "hi" }),
    "evals/qa.yaml": suite("qa", "qa.jinja", "qa.jsonl").replace("${BASE}", "http://127.0.0.1:9/v1"),
    "evals/plain.yaml": suite("plain", "plain.jinja", "plain.jsonl").replace("${BASE}", "http://127.0.0.1:9/v1"),
  };

  it("finds each problem at its place, exits 1, annotates under GitHub Actions, and --json says the same", async () => {
    const dir = repo(files);
    const r = await runCli(["prompts", "lint"], { cwd: dir, env: { GITHUB_ACTIONS: "true" } });
    expect(r.code, r.stderr).toBe(1);
    const out = r.stdout;
    expect(out).toContain("prompts/qa.jinja  sha256:");
    expect(out).toContain("v1.2.0  owner @org/qa  used by evals/qa.yaml");
    expect(out).toContain("prompts/broken.jinja:1:7: error: invalid Jinja template: a block or tag opened here is never closed [syntax]");
    expect(out).toContain('prompts/qa.jinja:8:3: warning: variable "style" is declared but the template never uses it [unused]');
    expect(out).toContain('prompts/qa.jinja:11:33: error: variable "tone" is used but not declared under variables: [undeclared]');
    expect(out).toContain('evals/cases/qa.jsonl:2:1: error: 1 case of evals/qa.yaml lacks "question", which the prompt declares required: "q2" (evals/cases/qa.jsonl:2) [missing]');
    expect(out).toContain('evals/cases/qa.jsonl:3:1: error: "question" is declared string, but 1 case of evals/qa.yaml give another type: "q3" (evals/cases/qa.jsonl:3) has the integer 42 [type]');
    expect(out).toMatch(/prompts\/qa\.jinja:10:1: error: case "q4" \(evals\/cases\/qa\.jsonl:4\) of evals\/qa\.yaml renders to \d+ tokens \(o200k_base \(js-tiktoken, for gpt-4o\)\); with max_tokens 16 that is \d+ of the 60-token context of gpt-4o: \d+ over \[budget\]/);
    expect(out).toMatch(/tokens, evals\/plain\.yaml \(gpt-4o; o200k_base.*\): longest case "p1" \d+ \+ max_tokens 16 = \d+ of 60 → \d+ spare/);
    expect(out).toMatch(/3 prompts against 2 suites: 5 errors, 1 warning\n/);
    // One annotation per finding, on its file and line, encoded so untrusted text cannot break out.
    const ann = out.split("\n").filter((l) => l.startsWith("::"));
    expect(ann).toHaveLength(6);
    expect(ann).toContain("::warning file=prompts/qa.jinja,line=8,col=3,title=llmops prompts lint%3A unused::variable \"style\" is declared but the template never uses it%0Aremove the declaration, or use the variable");
    expect(ann.some((l) => l.startsWith("::error file=evals/cases/qa.jsonl,line=2,col=1,title=llmops prompts lint%3A missing::"))).toBe(true);

    const j = await runCli(["prompts", "lint", "--json", "prompts/qa.jinja"], { cwd: dir });
    expect(j.code).toBe(1);
    const report = JSON.parse(j.stdout);
    expect(report.prompts).toHaveLength(1);
    expect(report.prompts[0]).toMatchObject({ file: "prompts/qa.jinja", semver: "1.2.0", owner: "@org/qa", variables: { required: ["question", "tone"], optional: ["context"] }, uses: ["evals/qa.yaml"] });
    expect(report.prompts[0].findings.map((f: { rule: string }) => f.rule).sort()).toEqual(["budget", "missing", "type", "undeclared", "unused"]);

    // Fixed: exit 0.
    write(dir, {
      "prompts/broken.jinja": "Hello {% for x in items %}{{ x }}{% endfor %}\n",
      "prompts/qa.jinja": files["prompts/qa.jinja"].replace("  style: string\n", "  style: string\n  tone: string\n").replace("{{ tone }}", "{{ tone }}{{ style }}"),
      "evals/cases/qa.jsonl": JSON.stringify({ id: "q1", vars: { question: "short?", style: "a", tone: "" } }),
    });
    const ok = await runCli(["prompts", "lint", "prompts/qa.jinja", "prompts/plain.jinja"], { cwd: dir });
    expect(ok.stdout).toMatch(/2 prompts against 2 suites: 0 errors, 0 warnings/);
    expect(ok.code, ok.stdout).toBe(0);
  }, 120_000);

  it("render prints one case or given variables; bad arguments are usage errors (exit 2)", async () => {
    const dir = repo(files);
    const r = await runCli(["prompts", "render", "prompts/qa.jinja", "--case", "q1"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("Q: short? \n");
    expect(r.stderr).toMatch(/prompts\/qa\.jinja sha256:[0-9a-f]{12} \(v1\.2\.0\), case "q1" of evals\/qa\.yaml/);
    const v = await runCli(["prompts", "render", "prompts/qa.jinja", "--vars", '{"question":"why?","context":"C","tone":"!"}', "--json"], { cwd: dir });
    expect(JSON.parse(v.stdout)).toMatchObject({ text: "Context: C\nQ: why? !", messages: [{ role: "user", content: "Context: C\nQ: why? !" }] });
    const bad = await runCli(["prompts", "render", "prompts/qa.jinja", "--case", "q9"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no case "q9" in evals/qa.yaml (did you mean "q1"?)');
    const undef = await runCli(["prompts", "render", "prompts/qa.jinja", "--vars", "{}"], { cwd: dir });
    expect(undef.code).toBe(2);
    expect(undef.stderr).toMatch(/prompts\/qa\.jinja:11:18: undefined variable "question"/);
    expect((await runCli(["prompts", "lnt"], { cwd: dir })).stderr).toContain('unknown subcommand "lnt" (did you mean "lint"?)');
  }, 60_000);

  it("diff --base: template diff and rendered diff on the suite's first cases; a hostile revision is refused", async () => {
    const dir = repo(files);
    write(dir, { "prompts/qa.jinja": files["prompts/qa.jinja"].replace("Q: {{ question }}", "Question: {{ question }}").replace("semver: 1.2.0", "semver: 1.3.0"), "prompts/new.jinja": "New {{ input }}\n" });
    const r = await runCli(["prompts", "diff", "--base", "main", "--samples", "2"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/== prompts\/new\.jinja \(added\): none → sha256:[0-9a-f]{12}\n--- \/dev\/null\n\+\+\+ b\/prompts\/new\.jinja\n@@ -0,0 \+1,1 @@\n\+New \{\{ input \}\}/);
    expect(r.stdout).toMatch(/== prompts\/qa\.jinja \(modified\): sha256:[0-9a-f]{12} v1\.2\.0 → sha256:[0-9a-f]{12} v1\.3\.0/);
    expect(r.stdout).toContain("-semver: 1.2.0\n+semver: 1.3.0");
    expect(r.stdout).toContain("-- rendered, case q1 (evals/cases/qa.jsonl:1):\n--- base (case q1)\n+++ head (case q1)\n@@ -1,1 +1,1 @@\n-Q: short? \n+Question: short? \n");
    // q2 lacks "question": both sides say so instead of rendering a wrong prompt.
    expect(r.stdout).toContain('note: base: prompts/qa.jinja:11:18: undefined variable "question" in the prompt template for case "q2"');
    expect(r.stdout).toContain("2 prompts differ from main");
    const evil = await runCli(["prompts", "diff", "--base=--output=/tmp/x"], { cwd: dir });
    expect(evil.code).toBe(2);
    expect(evil.stderr).toContain('"--output=/tmp/x" does not name a commit');
  }, 60_000);
});

describe("suites → prompts: a prompts-only change evaluates only the suites that use it", () => {
  it("the pipeline reruns the eval stage of the suite whose prompt changed and restores the other", async () => {
    server = await startOpenAiTestServer({ respond: (req) => (req.prompt.startsWith("A:") ? "a" : "b") });
    const base = server.baseUrl;
    const cases = (p: string) => Array.from({ length: 5 }, (_, i) => JSON.stringify({ id: `${p}${i}`, input: `${p}${i}` })).join("\n");
    const dir = repo({
      "prompts/a.jinja": "A: {{ input }}\n",
      "prompts/b.jinja": "B: {{ input }}\n",
      "evals/cases/a.jsonl": cases("a"),
      "evals/cases/b.jsonl": cases("b"),
      "evals/a.yaml": suite("a", "a.jinja", "a.jsonl").replace("${BASE}", base),
      "evals/b.yaml": suite("b", "b.jinja", "b.jsonl").replace("${BASE}", base),
      "pipelines/main.yaml": "name: main\nstages:\n  eval_a:\n    uses: eval\n    with: {suite: evals/a.yaml, out: out/a}\n  eval_b:\n    uses: eval\n    with: {suite: evals/b.yaml, out: out/b}\n",
    });
    const first = await runCli(["run", "--json"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).stages.map((s: { name: string; outcome: string }) => `${s.name}:${s.outcome}`)).toEqual(["eval_a:ran", "eval_b:ran"]);
    expect(server.requests.filter((q) => q.prompt.startsWith("A:"))).toHaveLength(5);

    // A pull request that edits only prompts/b.jinja.
    git(dir, "checkout", "-q", "-b", "pr");
    write(dir, { "prompts/b.jinja": "B (terse): {{ input }}\n" });
    git(dir, "commit", "-qam", "edit prompt b");
    server.requests.length = 0;
    const status = await runCli(["status", "--json"], { cwd: dir });
    expect(status.code, status.stderr).toBe(1); // something would run
    const plan = JSON.parse(status.stdout);
    const byName = Object.fromEntries((plan.stages as { name: string; status: string; reasons: string[] }[]).map((s) => [s.name, s]));
    expect(byName.eval_a!.status).toBe("up-to-date");
    expect(byName.eval_b!.status).toBe("run");
    expect(byName.eval_b!.reasons.join(" ")).toContain("prompts/b.jinja");
    const second = await runCli(["run", "--json"], { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).stages.map((s: { name: string; outcome: string }) => `${s.name}:${s.outcome}`)).toEqual(["eval_a:up-to-date", "eval_b:ran"]);
    expect(server.requests.map((q) => q.prompt.slice(0, 10)).every((p) => p.startsWith("B (terse):"))).toBe(true);
    expect(server.requests).toHaveLength(5);
  }, 120_000);
});
