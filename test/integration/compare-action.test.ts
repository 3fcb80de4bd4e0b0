// actions/compare spawned as the runner runs it, then its bundle posted by actions/comment from a
// workflow_run (the fork path end to end), against the loopback GitHub fake.
import { mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ACTIONS_TOKEN, FakeGitHub } from "../support/fake-github.js";
import { MENTION, renderGfm, textOutsideCode } from "../support/markdown.js";
import { runActionBundle } from "../support/fake-github-action.js";
import { pullRequestEvent, workflowRunEvent } from "../support/fake-github-events.js";
import { summaryFormat } from "../../src/core/contracts/summary.js";
import { runSummary } from "../support/contract-docs.js";

const HEAD = "5".repeat(40);
const TOKEN = "ghs_CompareE2EToken000000000000";

/** An eval run of `n` exact-match cases; `passRate` of them pass (deterministically spread). */
async function evalRun(dir: string, n: number, passRate: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const pass = (i * 7919) % n < Math.round(passRate * n);
    lines.push(
      JSON.stringify({
        schema: "llmops.result/v1", case_id: `q-${String(i).padStart(3, "0")}`, repeat: 0, key: "k".repeat(64), input_hash: "h".repeat(64), input: `user: question ${i} @octocat`,
        vars: {}, expected: "yes", output: pass ? "yes" : "no <img src=x>", scores: { exact_match: { value: pass ? 1 : 0, pass } },
        latency_ms: 100 + i, ttft_ms: null, prompt_tokens: 10, completion_tokens: 2, cost: null, finish_reason: "stop", error: null, attempts: 1, cached: false,
      }),
    );
  }
  await writeFile(join(dir, "results.jsonl"), lines.join("\n") + "\n");
  await writeFile(
    join(dir, "summary.json"),
    summaryFormat.serialize(runSummary({ exact_match: { type: "exact_match" } })),
  );
  return dir;
}

describe("actions/compare", () => {
  let work: string;
  beforeAll(() => {
  });
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), "llmops-compare-"));
  });

  test("prompts-base-dir: the comment shows each prompt the PR changes against the base checkout, rendered on the suite's cases", async () => {
    // Two real checkouts of one repository, as the PR workflow has them: the PR's (the workspace,
    // shallow, without the base commit) and the base's under .llmops/base.
    const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@e", ...args], { cwd, encoding: "utf8" });
    const base = join(work, "origin");
    await mkdir(join(base, "prompts"), { recursive: true });
    await mkdir(join(base, "evals", "cases"), { recursive: true });
    await writeFile(join(base, "prompts", "qa.jinja"), "Answer briefly: {{ input }}\n");
    await writeFile(join(base, "prompts", "same.jinja"), "Unchanged {{ input }}\n");
    await writeFile(join(base, "evals", "cases", "qa.jsonl"), '{"id": "c1", "input": "2+2=", "expected": "4"}\n{"id": "c2", "input": "3+3=", "expected": "6"}\n');
    await writeFile(join(base, "evals", "qa.yaml"), "name: qa\ncases: {file: cases/qa.jsonl}\nprompt: {file: ../prompts/qa.jinja}\ntarget: {base_url: http://127.0.0.1:9/v1, model: m}\nscorers:\n  - type: exact_match\n");
    git(base, "init", "-q", "-b", "main");
    git(base, "add", "-A");
    git(base, "commit", "-q", "-m", "base");
    const pr = join(work, "pr");
    git(work, "clone", "-q", base, pr);
    await writeFile(join(pr, "prompts", "qa.jinja"), "Answer with the number only: {{ input }}\n");
    git(pr, "commit", "-q", "-am", "tighten the prompt");
    git(work, "clone", "-q", base, join(pr, ".llmops", "base"));
    await evalRun(join(work, "b"), 40, 0.9);
    await evalRun(join(work, "c"), 40, 0.9);
    const inputs = { baseline: join(work, "b"), candidate: join(work, "c"), out: join(work, "report"), "fail-on-block": "false", "prompts-base-dir": ".llmops/base" };
    const r = await runActionBundle({ action: "compare", eventName: "pull_request", event: pullRequestEvent({ number: 7, headSha: HEAD }), inputs, cwd: pr });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const md = await readFile(join(work, "report", "report.md"), "utf8");
    expect(md).toMatch(/#### Prompts changed \(1, against `[0-9a-f]{12}`\)/);
    expect(md).toContain("prompts/qa.jinja");
    expect(md).not.toContain("prompts/same.jinja");
    expect(md).toContain("-Answer briefly: {{ input }}");
    expect(md).toContain("+Answer with the number only: {{ input }}");
    // Rendered on the suite's first cases.
    expect(md).toContain("+Answer with the number only: 2+2=");
    // Without the input, no section.
    const plain = await runActionBundle({ action: "compare", eventName: "pull_request", event: pullRequestEvent({ number: 7, headSha: HEAD }), inputs: { ...inputs, "prompts-base-dir": "", out: join(work, "report2") }, cwd: pr });
    expect(plain.code, plain.stderr).toBe(0);
    expect(await readFile(join(work, "report2", "report.md"), "utf8")).not.toContain("Prompts changed");
    // A PR that commits a link to a runner file as a prompt, and a suite whose cases file lies
    // outside the checkout: neither is read into the comment (links are not followed; a suite's files
    // must resolve inside the checkout, so the sample cases come from the suite that does).
    await writeFile(join(work, "runner-secret.jsonl"), '{"id": "s1", "input": "RUNNER-SECRET-42", "expected": "x"}\n');
    symlinkSync(join(work, "runner-secret.jsonl"), join(pr, "prompts", "leak.jinja"));
    await writeFile(join(pr, "evals", "a-leak.yaml"), "name: leak\ncases: {file: ../../runner-secret.jsonl}\nprompt: {file: ../prompts/qa.jinja}\ntarget: {base_url: http://127.0.0.1:9/v1, model: m}\nscorers:\n  - type: exact_match\n");
    const leak = await runActionBundle({ action: "compare", eventName: "pull_request", event: pullRequestEvent({ number: 7, headSha: HEAD }), inputs: { ...inputs, out: join(work, "report3") }, cwd: pr });
    expect(leak.code, leak.stderr).toBe(0);
    const leaked = await readFile(join(work, "report3", "report.md"), "utf8");
    expect(leaked).toContain("+Answer with the number only: 2+2=");
    expect(leaked).not.toContain("RUNNER-SECRET-42");
    expect(leaked).not.toContain("leak.jinja");
  });

  test("a regression: gate FAIL, bundle written with pull-request.json, step fails unless fail-on-block is false", async () => {
    await evalRun(join(work, "base"), 200, 0.9);
    await evalRun(join(work, "cand"), 200, 0.6);
    const event = pullRequestEvent({ number: 42, headSha: HEAD });
    const inputs = { baseline: join(work, "base"), candidate: join(work, "cand"), out: join(work, "report") };
    const r = await runActionBundle({ action: "compare", eventName: "pull_request", event, inputs, env: { GITHUB_REPOSITORY: "octo-org/llm-app" } });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/::error::gate FAIL: /);
    expect(r.outputs).toMatchObject({ verdict: "fail", conclusion: "failure", blocking: "true", "bundle-dir": join(work, "report") });
    const pr = JSON.parse(await readFile(join(work, "report", "pull-request.json"), "utf8"));
    expect(pr).toEqual({ schema: "llmops.pull-request/v2", number: 42, head_sha: HEAD, head_repo: "octo-org/llm-app", base_repo: "octo-org/llm-app" });
    const cmp = JSON.parse(await readFile(join(work, "report", "comparison.json"), "utf8"));
    expect(cmp.schema).toBe("llmops.comparison/v1");
    expect(cmp.gate.verdict).toBe("fail");
    const md = await readFile(join(work, "report", "report.md"), "utf8");
    expect(md).toContain("exact_match");
    expect(md).toContain("```\nno <img src=x>\n```"); // model output only inside a code block
    expect(r.summary.length).toBeGreaterThan(100);

    const soft = await runActionBundle({ action: "compare", eventName: "pull_request", event, inputs: { ...inputs, "fail-on-block": "false" }, env: {} });
    expect(soft.code, soft.stdout).toBe(0);
    expect(soft.outputs.verdict).toBe("fail");
  });

  test("no change: PASS under a policy file; no pull-request.json outside pull_request events", async () => {
    await evalRun(join(work, "base"), 100, 0.8);
    await evalRun(join(work, "cand"), 100, 0.8);
    await writeFile(join(work, "policy.yaml"), "metrics:\n  exact_match:\n    max_regression: 0.1\n");
    const r = await runActionBundle({
      action: "compare", eventName: "push", event: {},
      inputs: { baseline: join(work, "base"), candidate: join(work, "cand"), out: join(work, "report"), policy: join(work, "policy.yaml") },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe("pass");
    expect(existsSync(join(work, "report", "pull-request.json"))).toBe(false);
  });

  test("a misspelt policy key is a configuration error naming the file", async () => {
    await evalRun(join(work, "base"), 20, 0.8);
    await evalRun(join(work, "cand"), 20, 0.8);
    await writeFile(join(work, "policy.yaml"), "metrics:\n  exact_match:\n    max_regresion: 0.1\n");
    const r = await runActionBundle({ action: "compare", eventName: "push", inputs: { baseline: join(work, "base"), candidate: join(work, "cand"), policy: join(work, "policy.yaml"), out: join(work, "o") } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::.*policy\.yaml:3/);
  });

  describe("end to end for a fork: compare in pull_request, comment from workflow_run", () => {
    let gh: FakeGitHub;
    beforeEach(async () => {
      gh = new FakeGitHub();
      gh.addToken(TOKEN, ACTIONS_TOKEN).addPull({ number: 42, state: "open", headSha: HEAD, headRef: "feature", headRepo: "fork-user/llm-app" });
      await gh.start();
    });
    afterEach(() => gh.close());

    test("the bundle is posted on the verified PR with a failing check", async () => {
      await evalRun(join(work, "base"), 200, 0.9);
      await evalRun(join(work, "cand"), 200, 0.6);
      const cmp = await runActionBundle({
        action: "compare", eventName: "pull_request", event: pullRequestEvent({ number: 42, headSha: HEAD, headRepo: "fork-user/llm-app" }),
        inputs: { baseline: join(work, "base"), candidate: join(work, "cand"), out: join(work, "report"), "fail-on-block": "false" },
      });
      expect(cmp.code, cmp.stdout).toBe(0);
      const post = await runActionBundle({
        action: "comment", eventName: "workflow_run", event: workflowRunEvent({ headSha: HEAD, headRepo: "fork-user/llm-app" }),
        inputs: { "report-path": cmp.outputs["bundle-dir"]!, token: TOKEN },
        env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: "octo-org/llm-app" },
      });
      expect(post.code, post.stdout + post.stderr).toBe(0);
      const [c] = gh.commentsOn(42);
      expect(c!.body.startsWith("<!-- llmops:report:llmops -->\n")).toBe(true);
      expect(c!.body).toContain("exact_match");
      // Model outputs quoting @octocat sit in code blocks (inert, left as written); nowhere else.
      expect(textOutsideCode(renderGfm(c!.body))).not.toMatch(MENTION);
      expect(gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: "failure", name: "llmops / gate" });
      expect((gh.checkRuns[0]!.output as { title: string }).title).toMatch(/^FAIL: /);
    });
  });
});
