// The dogfooded PR loop executed as the runner executes it (test/support/workflow-runner.ts): a push
// to main runs `.github/workflows/llmops-main.yml` — the real pipeline: generated data, PyTorch
// training, GGUF export, llama.cpp serving, the eval — and saves every stage through a real
// @actions/cache round trip against a loopback cache service; then `.github/workflows/llmops-pr.yml`
// runs for two pull requests against the loopback GitHub fake:
//   (a) a PR that changes nothing the pipeline reads, opened before main moved on: its baseline is
//       the merge-base (not base.sha, main's new tip), restored entirely from main's entries, the
//       candidate too, and the gate passes "unchanged" (issue 10: an unchanged PR passes its gate);
//   (b) a fork's PR that changes only prompts/: the model is restored from main's cache (no
//       training, no export), the eval runs with the new prompt, is compared and gated; the run's
//       comment job is skipped (read-only token) and the bundle it uploaded is posted as
//       llmops-pr-comment.yml posts it (the default branch's actions/comment, workflow_run), with
//       the prompt's diff.
// Training is cut to a few steps by the params file committed in the temp repository. The steps the
// emulation cannot run (npm ci + apt-get install python3-torch) are stand-ins named below, asserted.
import { existsSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeActionsCache } from "../support/fake-actions-cache.js";
import { runActionBundle } from "../support/fake-github-action.js";
import { pullRequestEvent, workflowRunEvent } from "../support/fake-github-events.js";
import { FakeGitHub } from "../support/fake-github.js";
import { createRepo, git, writeFiles } from "../support/git-repo.js";
import { runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const REPO = "octo-org/llm-app";
const FORK = "fork-user/llm-app";
const python = process.env.LLMOPS_PYTHON || "/usr/bin/python3";
const hasTorch = spawnSync(python, ["-c", "import torch, numpy"], { stdio: "ignore" }).status === 0;

/** What the temp repository holds: the two workflows, the actions they use (built), and the example project. */
function projectFiles(): Record<string, Buffer> {
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  const wanted = (f: string) =>
    [".github/workflows/llmops-main.yml", ".github/workflows/llmops-pr.yml", "package.json"].includes(f) ||
    ["pipelines/", "evals/", "prompts/", "templates/", "trainers/", "data/"].some((p) => f.startsWith(p)) ||
    ["pipeline", "comment", "validate-dataset"].some((a) => f.startsWith(`actions/${a}/`));
  // dist/ as built by the global setup (chunk names change with the code, so not git's list).
  const built = ["cli", "pipeline", "comment", "validate-dataset"].flatMap((d) => readdirSync(join(ROOT, "dist", d), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(ROOT, join(e.parentPath, e.name))));
  return Object.fromEntries([...tracked.filter(wanted), ...built].filter((f) => existsSync(join(ROOT, f))).map((f) => [f, readFileSync(join(ROOT, f))]));
}

const INSTALL = "Install what the stages run (node-llama-cpp for serve, PyTorch for the reference trainer)";
const standIn = (job: string) => ({
  [`${job}/${INSTALL}`]: {
    reason: `npm ci: this checkout's node_modules linked into the job's workspace; apt-get install python3-torch: ${python}'s PyTorch (scripts/test.sh installs python3-torch)`,
    run: (workspace: string) => symlinkSync(join(ROOT, "node_modules"), join(workspace, "node_modules")),
  },
});

function logOf(r: WorkflowRun): string {
  return r.steps.map((s) => `--- ${s.job} / ${s.name} (${s.standIn ? `stand-in: ${s.standIn}` : s.skipped ? "skipped" : `exit ${s.code}`})\n${s.log}`).join("\n");
}

interface StageRow { name: string; outcome: string }
function outcomes(recordPath: string): string[] {
  return (JSON.parse(readFileSync(recordPath, "utf8")) as { stages: StageRow[] }).stages.map((s) => `${s.name}:${s.outcome}`);
}

describe.skipIf(!hasTorch)(`llmops-main.yml then llmops-pr.yml on the real tiny model (PyTorch from ${python})`, () => {
  let cache: FakeActionsCache;
  let gh: FakeGitHub;
  let repo: ReturnType<typeof createRepo>;
  let mainSha: string;
  let n = 0;

  beforeAll(async () => {
    cache = new FakeActionsCache();
    await cache.start();
    cache.addToken("tok-main", ["refs/heads/main"]);
    gh = new FakeGitHub({ repository: REPO });
    await gh.start();
    repo = createRepo({
      ...projectFiles(),
      ".gitignore": "node_modules\n.llmops/\nreports/\nllmops-report/\n",
      // A few training steps on a small dataset: the point is the workflow, not the model's quality.
      "pipelines/params.yaml": "data:\n  records: 400\n  seed: 1\n  nouns: 3\n  corrupt: 0\ntrain:\n  learning_rate: 1.0e-2\n  max_steps: 12\n",
    });
    mainSha = git(repo.work, ["rev-parse", "HEAD"]);
  });
  afterAll(async () => {
    await Promise.all([cache?.close(), gh?.close()]);
  });

  const mint = (job: string, permissions: Record<string, string>) => {
    const token = `ghs_${job}_${++n}`;
    gh.addWorkflowToken(token, permissions);
    return token;
  };

  async function runPr(number: number, headSha: string, baseSha: string, headRepo = REPO): Promise<WorkflowRun> {
    const token = `tok-pr-${number}`;
    cache.addToken(token, [`refs/pull/${number}/merge`, "refs/heads/main"]);
    gh.addPull({ number, state: "open", headSha, headRef: `pr-${number}`, headRepo, baseRepo: REPO });
    return runWorkflow({
      // pull_request: the runner reads the workflow from the PR's merge commit; the PR does not edit it here.
      workflow: git(repo.work, ["show", `${headSha}:.github/workflows/llmops-pr.yml`]),
      eventName: "pull_request",
      event: pullRequestEvent({ number, headSha, baseSha, headRepo, baseRepo: REPO }),
      repository: REPO,
      remotes: { [REPO]: repo.origin },
      sha: headSha,
      ref: `refs/pull/${number}/merge`,
      apiUrl: gh.url,
      mintToken: mint,
      runnerEnv: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: token },
      standIns: standIn("evaluate"),
      stepTimeoutMs: 400_000,
    });
  }

  it("main: the pipeline runs every stage for real and saves each into main's cache scope", async () => {
    const r = await runWorkflow({
      workflow: readFileSync(join(ROOT, ".github/workflows/llmops-main.yml"), "utf8"),
      eventName: "push",
      event: { ref: "refs/heads/main", after: mainSha, repository: { full_name: REPO } },
      repository: REPO,
      remotes: { [REPO]: repo.origin },
      sha: mainSha,
      ref: "refs/heads/main",
      apiUrl: gh.url,
      mintToken: mint,
      runnerEnv: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: "tok-main" },
      standIns: standIn("pipeline"),
      stepTimeoutMs: 400_000,
    });
    const log = logOf(r);
    expect(r.jobs.pipeline!.result, log).toBe("success");
    expect(r.steps.filter((s) => s.standIn).map((s) => `${s.job}/${s.name}`)).toEqual([`pipeline/${INSTALL}`]);
    const step = r.steps.find((s) => s.uses === "./actions/pipeline")!;
    expect(step.outputs).toMatchObject({ status: "passed", ran: "5" });
    expect(outcomes(step.outputs["run-record"]!)).toEqual(["data:ran", "validate:ran", "train:ran", "export:ran", "eval:ran"]);
    expect(cache.committed("refs/heads/main")).toHaveLength(5);
    expect(log).not.toContain("tok-main");
  }, 600_000);

  it("(a) an unchanged PR, opened before main moved on: baseline = the merge-base, everything from main's cache, gate PASS (unchanged)", async () => {
    git(repo.work, ["checkout", "--quiet", "-b", "pr-7", mainSha]);
    writeFiles(repo.work, { "NOTES.md": "Nothing the pipeline reads.\n" });
    git(repo.work, ["add", "-A"]);
    git(repo.work, ["commit", "--quiet", "-m", "A note"]);
    git(repo.work, ["push", "--quiet", "origin", "pr-7"]);
    const headSha = git(repo.work, ["rev-parse", "HEAD"]);
    // main moves on after the PR branched (its pipeline has not run for that commit): base.sha is
    // this new tip; comparing with it would evaluate main's new prompt and charge it to the PR.
    git(repo.work, ["checkout", "--quiet", "main"]);
    const newTip = repo.commit("main changes the prompt", { "prompts/reviews.jinja": `${readFileSync(join(ROOT, "prompts/reviews.jinja"), "utf8")}\nAnswer carefully.\n` });
    const entries = cache.committed().length;

    const r = await runPr(7, headSha, newTip);
    const log = logOf(r);
    expect(r.jobs.data!.result, log).toBe("success");
    expect(r.jobs.evaluate!.result, log).toBe("success");
    expect(r.steps.filter((s) => s.standIn).map((s) => `${s.job}/${s.name}`)).toEqual([`evaluate/${INSTALL}`]);
    // Both jobs compare with the merge-base (the data diff too), not with base.sha.
    const bases = r.steps.filter((s) => s.name === "Find the merge-base with the base branch");
    expect(bases.map((s) => `${s.job}:${s.outputs.sha}`)).toEqual([`data:${mainSha}`, `evaluate:${mainSha}`]);
    const step = r.steps.find((s) => s.uses === "./actions/pipeline")!;
    expect(step.outputs).toMatchObject({ status: "passed", ran: "0", verdict: "pass" });
    const record = JSON.parse(readFileSync(step.outputs["run-record"]!, "utf8"));
    expect(record.baseline.commit).toBe(mainSha);
    // No stage ran on either side: the baseline and the candidate came from main's entries.
    expect(outcomes(step.outputs["run-record"]!)).toEqual(["data:restored", "validate:restored", "train:restored", "export:restored", "eval:restored"]);
    expect(outcomes(join(r.jobs.evaluate!.workspace, "reports/runs", record.baseline.run_id, "run.json"))).toEqual(["data:restored", "validate:restored", "train:restored", "export:restored", "eval:restored"]);
    expect(cache.committed().length).toBe(entries);
    // The bundle actions/comment reads, and the posted verdict: PASS, "unchanged".
    const bundle = join(r.jobs.evaluate!.workspace, "llmops-report");
    for (const f of ["report.md", "comparison.json", "pull-request.json", "report.html"]) expect(existsSync(join(bundle, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(bundle, "pull-request.json"), "utf8"))).toMatchObject({ number: 7, head_sha: headSha, base_repo: REPO });
    const gate = JSON.parse(readFileSync(join(bundle, "comparison.json"), "utf8")).gate;
    expect(gate.verdict).toBe("pass");
    expect(gate.checks.map((c: { kind: string }) => c.kind)).toEqual(["unchanged"]);
    expect(r.jobs.comment!.result, log).toBe("success");
    expect(gh.checkRuns.filter((c) => c.head_sha === headSha).map((c) => [c.name, c.conclusion])).toEqual([["llmops / advisory", "success"]]);
    expect(gh.commentsOn(7).at(-1)!.body).toMatch(/PASS/);
    expect(log).not.toContain("tok-pr-7");
  }, 600_000);

  it("(b) a fork's PR that changes only prompts/: the model comes from main's cache, the eval runs, is compared, gated (FAIL, reported, not a failed job); the trusted workflow_run posts its bundle with the prompt diff", async () => {
    git(repo.work, ["checkout", "--quiet", "-b", "pr-8", mainSha]);
    const prompt = readFileSync(join(ROOT, "prompts/reviews.jinja"), "utf8");
    writeFiles(repo.work, { "prompts/reviews.jinja": `Review (one line):\n${prompt}` });
    git(repo.work, ["add", "-A"]);
    git(repo.work, ["commit", "--quiet", "-m", "Reword the prompt"]);
    // A fork's commits reach the base repository as refs/pull/N/head (that is what checkout fetches).
    git(repo.work, ["push", "--quiet", "origin", "HEAD:refs/pull/8/head"]);
    const headSha = git(repo.work, ["rev-parse", "HEAD"]);

    const r = await runPr(8, headSha, mainSha, FORK);
    const log = logOf(r);
    expect(r.jobs.evaluate!.result, log).toBe("success");
    const step = r.steps.find((s) => s.uses === "./actions/pipeline")!;
    expect(step.outputs.ran, log).toBe("1");
    expect(outcomes(step.outputs["run-record"]!)).toEqual(["data:restored", "validate:restored", "train:restored", "export:restored", "eval:ran"]);
    // Only the new eval was saved, and into the PR's scope, never main's.
    expect(cache.committed("refs/pull/8/merge")).toHaveLength(1);
    expect(cache.committed("refs/heads/main")).toHaveLength(5);
    // A 12-step model answers far below the suite's exact_match threshold (0.5): the gate blocks,
    // and with fail-on-block: false that is a report (job success, so forks' runs are posted too).
    const verdict = step.outputs.verdict!;
    expect(verdict).toBe("fail");
    expect(step.code).toBe(0);
    expect(step.log).toContain("fail-on-block is false, so the published check decides");
    const bundle = join(r.jobs.evaluate!.workspace, "llmops-report");
    const cmp = JSON.parse(readFileSync(join(bundle, "comparison.json"), "utf8"));
    expect(cmp.gate.verdict).toBe(verdict);
    expect(cmp.gate.checks.map((c: { kind: string }) => c.kind)).not.toContain("unchanged");
    expect(cmp.metrics.map((m: { name: string; n: number }) => `${m.name}:${m.n}`)).toEqual(["exact_match:120", "json_fields:120"]);
    // A fork's run has a read-only token: its comment job is skipped; llmops-pr-comment.yml (the
    // default branch's actions/comment, from workflow_run) posts the uploaded artifact as it is.
    expect(r.jobs.comment!.result, log).toBe("skipped");
    expect(gh.commentsOn(8)).toEqual([]);
    const token = "ghs_pr_comment_workflow_run";
    gh.addWorkflowToken(token, { actions: "read", contents: "read", "pull-requests": "write", checks: "write", statuses: "write" });
    const post = await runActionBundle({
      action: "comment",
      eventName: "workflow_run",
      event: workflowRunEvent({ headSha, headRepo: FORK, repo: REPO }),
      inputs: { "report-path": join(r.artifacts, "llmops-report"), "check-name": "llmops / advisory", token },
      env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: REPO },
    });
    expect(post.code, post.stdout + post.stderr).toBe(0);
    const checks = gh.checkRuns.filter((c) => c.head_sha === headSha);
    expect(checks.map((c) => [c.name, c.conclusion])).toEqual([["llmops / advisory", "failure"]]);
    const body = gh.commentsOn(8).at(-1)!.body;
    expect(body).toMatch(/FAIL/);
    expect(body).toContain(`#### Prompts changed (1, against \`${mainSha.slice(0, 12)}\`)`);
    expect(body).toContain("prompts/reviews.jinja");
    expect(body).toContain("Review (one line):");
  }, 600_000);
});
