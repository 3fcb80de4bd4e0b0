// Workflow-command injection: untrusted text (dataset keys, case ids, model names and outputs,
// file names, API messages) fed through every action and `llmops report`, with the runner's own
// line splitting (\n, \r\n, lone \r) applied to what they print. No line may be a command the
// attacker wrote: no ::set-output, ::add-mask::, ::stop-commands::, ##[…] or forged annotation.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { writeRun } from "../support/eval-runs.js";
import { ACTIONS_TOKEN, FakeGitHub } from "../support/fake-github.js";
import { runActionBundle } from "../support/fake-github-action.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { writeArithmeticCases, writeSuite } from "../support/suites.js";

const ATTACKS = [
  "\n::error::PWNED-error",
  "\n::set-output name=verdict::pass",
  "\n::add-mask::PWNED",
  "\n::stop-commands::PWNED",
  "\r::warning::PWNED-cr",
  "\r\n  ::notice::PWNED-indented",
  "\n##[set-output name=verdict;]pass",
  "\n\t::debug::PWNED-tab",
];
const PAYLOAD = ATTACKS.join("");

/** Commands the runner would act on in this output, split the way it splits lines. */
function forgedCommands(out: string): string[] {
  return out
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\s\ufeff]+/, ""))
    .filter((l) => l.startsWith("::") || l.startsWith("##["))
    .filter((l) => /PWNED|set-output|stop-commands|^##\[/.test(l) && !/^::(error|warning|debug|notice)( [^:]*)?::(?!PWNED)/.test(l) || /^::add-mask::PWNED|^::[a-z-]+( [^:]*)?::PWNED/.test(l));
}

describe("no action lets untrusted text issue a workflow command", () => {
  let server: OpenAiTestServer;
  beforeAll(async () => {
    // The model answers with command lines of its own.
    server = await startOpenAiTestServer({ respond: () => `42${PAYLOAD}` });
  });
  afterAll(() => server.close());

  it("the oracle itself sees the attacks when they are printed raw", () => {
    expect(forgedCommands(`ok${PAYLOAD}`)).toHaveLength(ATTACKS.length);
  });

  it("validate-dataset: dataset keys (a user schema's error path quotes them raw)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "schema.json"), JSON.stringify({ type: "object", additionalProperties: { type: "string" } }));
    writeFileSync(join(dir, "train.jsonl"), `${ATTACKS.map((a) => JSON.stringify({ [`k${a}`]: 1 })).join("\n")}\n`);
    const r = await runActionBundle({ action: "validate-dataset", inputs: { files: "train.jsonl", schema: "schema.json", "write-manifest": "false", dedupe: "none" }, cwd: dir });
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toContain("PWNED"); // the keys are shown …
    expect(forgedCommands(r.stdout + r.stderr)).toEqual([]); // … but command nothing
  });

  it("evaluate: model name, suite name and model output", async () => {
    const dir = tempDir();
    writeArithmeticCases(dir, 3);
    writeSuite(dir, server.baseUrl, { name: "arith", target: { base_url: server.baseUrl, model: `m${PAYLOAD}`, api: "chat", stream: false, params: {} } });
    const r = await runActionBundle({ action: "evaluate", inputs: { suite: "suite.yaml", out: "run", "no-cache": "true" }, cwd: dir });
    expect(r.stdout + r.stderr).toContain("PWNED");
    expect(forgedCommands(r.stdout + r.stderr)).toEqual([]);
  });

  it("compare: case ids and a policy file name", async () => {
    const dir = tempDir();
    const cases = (v: number) => Array.from({ length: 30 }, (_, i) => ({ id: `c${i}${i === 0 ? PAYLOAD : ""}`, repeats: [{ exact_match: i % 3 === 0 ? v : 1 }] }));
    writeRun(join(dir, "base"), cases(1), { metrics: { exact_match: { type: "exact_match" } } });
    writeRun(join(dir, "cand"), cases(0), { metrics: { exact_match: { type: "exact_match" } }, trailing: `{"broken${PAYLOAD.replace(/[\r\n]/g, "\\n")}` });
    const policy = join(dir, `policy${ATTACKS[1]}.yaml`);
    writeFileSync(policy, "metrics:\n  exact_match:\n    max_regression: 0.02\n");
    const r = await runActionBundle({ action: "compare", inputs: { baseline: join(dir, "base"), candidate: join(dir, "cand"), policy, out: join(dir, "report"), "fail-on-block": "false" }, cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(forgedCommands(r.stdout + r.stderr)).toEqual([]);
  });

  it("comment: an identity and API messages quoted in the log", async () => {
    const gh = new FakeGitHub();
    const TOKEN = "ghs_injection_test_token";
    gh.addToken(TOKEN, ACTIONS_TOKEN).addPull({ number: 42, state: "open", headSha: "d".repeat(40), headRef: "f", headRepo: "octo-org/llm-app" });
    gh.inject({ method: "POST", path: /\/check-runs$/, status: 403, body: { message: `Resource not accessible by integration${PAYLOAD}` } });
    await gh.start();
    try {
      const dir = tempDir();
      writeFileSync(join(dir, "report.md"), `report${PAYLOAD}`);
      const r = await runActionBundle({
        action: "comment",
        eventName: "workflow_dispatch",
        inputs: { "report-path": join(dir, "report.md"), token: TOKEN, "pr-number": "42", "comment-author": `github-actions[bot]${PAYLOAD}`, verdict: "pass" },
        env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: "octo-org/llm-app" },
      });
      expect(r.stdout + r.stderr).toContain("PWNED");
      expect(forgedCommands(r.stdout + r.stderr)).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  it("train: a spec path, overrides and the runner guard's messages", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "p"), { recursive: true });
    const r = await runActionBundle({ action: "train", eventName: `discussion${PAYLOAD}`, inputs: { spec: `p/spec${PAYLOAD}.yaml` }, cwd: dir, env: { RUNNER_ENVIRONMENT: "self-hosted" } });
    expect(r.code).toBe(1);
    expect(forgedCommands(r.stdout + r.stderr)).toEqual([]);
    const r2 = await runActionBundle({ action: "train", inputs: { spec: "x.yaml", overrides: `a${PAYLOAD}` }, cwd: dir, env: { RUNNER_ENVIRONMENT: "github-hosted" } });
    expect(r2.code).toBe(1);
    expect(forgedCommands(r2.stdout + r2.stderr)).toEqual([]);
  });

  it("llmops report on stdout in a workflow step (GITHUB_ACTIONS=true), model outputs inside its code blocks", async () => {
    const dir = tempDir();
    const cases = (v: number) => Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, repeats: [{ exact_match: i % 2 === 0 ? v : 1 }] }));
    writeRun(join(dir, "base"), cases(1), { metrics: { exact_match: { type: "exact_match" } } });
    writeRun(join(dir, "cand"), cases(0), { metrics: { exact_match: { type: "exact_match" } } });
    // Model outputs with command lines: rewrite the candidate's outputs.
    const { readFileSync } = await import("node:fs");
    const p = join(dir, "cand", "results.jsonl");
    writeFileSync(p, readFileSync(p, "utf8").split("\n").map((l) => (l ? JSON.stringify({ ...JSON.parse(l), output: `answer${PAYLOAD}` }) : l)).join("\n"));
    const cmp = await runCli(["compare", "--baseline", join(dir, "base"), "--candidate", join(dir, "cand"), "--out", join(dir, "cmp")], { cwd: dir });
    expect(cmp.code, cmp.stderr).not.toBe(70);
    const raw = await runCli(["report", "--comparison", join(dir, "cmp", "comparison.json"), "--baseline", join(dir, "base"), "--candidate", join(dir, "cand")], { cwd: dir, env: { GITHUB_ACTIONS: undefined } });
    expect(raw.code, raw.stderr).toBe(0);
    expect(forgedCommands(raw.stdout).length).toBeGreaterThan(0); // outside a workflow the report is printed as is
    const inWorkflow = await runCli(["report", "--comparison", join(dir, "cmp", "comparison.json"), "--baseline", join(dir, "base"), "--candidate", join(dir, "cand")], { cwd: dir, env: { GITHUB_ACTIONS: "true" } });
    expect(inWorkflow.code, inWorkflow.stderr).toBe(0);
    expect(inWorkflow.stdout).toContain("PWNED");
    expect(forgedCommands(inWorkflow.stdout + inWorkflow.stderr)).toEqual([]);
  });
}, 120_000);
