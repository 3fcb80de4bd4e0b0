// Issue 8's last piece, end to end: llmops-gate.yml judges a pull request that changes TRAINING
// (its params) on a model the base's code trained from the PR's data — only once a collaborator has
// approved that exact head. Real parts throughout: the workflow executed step by step
// (test/support/workflow-runner.ts) against the loopback GitHub fake, real git repositories (a fork),
// the repository's own pipeline (its data generator, PyTorch's reference trainer, GGUF export),
// `llmops serve` on llama.cpp, the evaluate/compare/comment bundles, and @actions/cache against a
// loopback cache service holding what main's pipeline saved. The PR also replaces its data
// generator, pipeline file, trainer and every bundle with programs that leave a marker. Training is kept tiny by the params
// the test's base commits (200 records, 4 steps).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, symlinkSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.js";
import { FakeActionsCache } from "../support/fake-actions-cache.js";
import { runActionBundle } from "../support/fake-github-action.js";
import { pullRequestEvent } from "../support/fake-github-events.js";
import { FakeGitHub } from "../support/fake-github.js";
import { createRepo, git, writeFiles } from "../support/git-repo.js";
import { runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const BASE = "octo-org/llm-app";
const FORK = "mallory/llm-app";
const WORKFLOW = ".github/workflows/llmops-gate.yml";
const INSTALL = "Install the base's model runtime and trainer";
const python = process.env.LLMOPS_PYTHON || "/usr/bin/python3";
const hasTorch = spawnSync(python, ["-c", "import torch, numpy"], { stdio: "ignore" }).status === 0;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(join(ROOT, f)).isFile() && !f.includes("__pycache__"));
}

/** The base commit: this repository's gate workflow, the actions and bundles it runs, the example pipeline and its suite. */
function baseFiles(): Record<string, string | Buffer> {
  const paths = [
    WORKFLOW,
    "package.json",
    ...["gate-model", "evaluate", "compare", "comment"].flatMap((a) => [`actions/${a}/action.yml`, ...filesUnder(`dist/${a}`)]),
    ...filesUnder("dist/cli"),
    "trainers/reference/train.py",
    ...filesUnder("trainers/reference/llmops_ref"),
    "pipelines/main.yaml",
    "pipelines/reviews-sft.yaml",
    "pipelines/reviews/make-data.mjs",
    "evals/reviews.yaml",
    "evals/cases/reviews.jsonl",
    "prompts/reviews.jinja",
  ];
  return {
    ...Object.fromEntries(paths.map((p) => [p, readFileSync(join(ROOT, p))])),
    ".gitignore": ".llmops/\nreports/\nnode_modules\n",
    // Tiny training: what the test's main trains, and what the PR changes.
    "pipelines/params.yaml": "data:\n  records: 200\n  seed: 1\n  nouns: 3\n  corrupt: 0\ntrain:\n  learning_rate: 1.0e-2\n  max_steps: 4\n",
  };
}

describe.skipIf(!hasTorch)(`llmops-gate.yml: training from a pull request's data needs a collaborator's approval of its head (PyTorch from ${python})`, () => {
  let gh: FakeGitHub;
  let cache: FakeActionsCache;
  let origin: string;
  let baseSha: string;
  let oldSha: string;
  let headSha: string;
  let marker: string;
  let remotes: Record<string, string>;
  let mainSaved = 0;
  let prWork: string;
  let promptSha: string;

  beforeAll(async () => {
    cache = new FakeActionsCache();
    await cache.start();
    cache.addToken("tok-main", ["refs/heads/main"]);
    const repo = createRepo(baseFiles());
    origin = repo.origin;
    const work = repo.work;
    prWork = work;
    baseSha = git(work, ["rev-parse", "HEAD"]);

    // llmops-main.yml's job: the main pipeline up to the model, saved to main's cache scope.
    const main = await runActionBundle({ action: "pipeline", inputs: { pipeline: "main", stages: "data,validate,train,export" }, cwd: work, env: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: "tok-main", HOME: work } });
    expect(main.code, main.stdout + main.stderr).toBe(0);
    mainSaved = cache.committed("refs/heads/main").length;
    expect(mainSaved).toBe(4); // data, validate, train, export

    // The PR (from a fork): first its params, then — in a later push — a hostile data generator and
    // pipeline, and a prompt edit.
    marker = join(tempDir("llmops-trusted-marker-"), "executed");
    git(work, ["checkout", "--quiet", "-b", "feature"]);
    writeFiles(work, { "pipelines/params.yaml": "data:\n  records: 200\n  seed: 2\n  nouns: 3\n  corrupt: 0\ntrain:\n  learning_rate: 3.0e-2\n  max_steps: 4\n" });
    git(work, ["commit", "--quiet", "-am", "More data variety, higher learning rate"]);
    oldSha = git(work, ["rev-parse", "HEAD"]);
    const evil = `require("fs").appendFileSync(${JSON.stringify(marker)}, "the PR's program ran\\n");\n`;
    writeFiles(work, {
      "pipelines/reviews/make-data.mjs": `import { appendFileSync } from "node:fs";\nappendFileSync(${JSON.stringify(marker)}, "the PR's make-data.mjs ran\\n");\n`,
      "pipelines/main.yaml": readFileSync(join(ROOT, "pipelines/main.yaml"), "utf8") + `  pwn:\n    run: [node, -e, ${JSON.stringify(evil)}]\n    always_run: true\n`,
      "prompts/reviews.jinja": readFileSync(join(ROOT, "prompts/reviews.jinja"), "utf8").replace(/\n*$/, "\nAnswer with JSON only.\n"),
      // …and every other program the gate might run: the trainer, the action bundles, the CLI.
      "trainers/reference/train.py": `open(${JSON.stringify(marker)}, "a").write("the PR's trainer ran\\n")\n`,
      ...Object.fromEntries(["gate-model", "evaluate", "compare", "comment", "cli"].map((a) => [`dist/${a}/index.js`, `import { appendFileSync } from "node:fs";\nappendFileSync(${JSON.stringify(marker)}, "the PR's dist/${a} ran\\n");\n`])),
    });
    git(work, ["commit", "--quiet", "-am", "Tweak the prompt"]);
    headSha = git(work, ["rev-parse", "HEAD"]);
    const fork = join(tempDir("llmops-fork-"), "fork.git");
    git(work, ["init", "--quiet", "--bare", fork]);
    git(work, ["push", "--quiet", fork, "feature"]);
    git(work, ["push", "--quiet", "origin", "feature:refs/pull/7/head", "feature:refs/pull/9/head"]); // GitHub keeps every PR's head in the base
    remotes = { [BASE]: origin, [FORK]: fork };

    // A second PR, from a branch of this repository, that changes only the prompt.
    git(work, ["checkout", "--quiet", "-b", "prompt-only", baseSha]);
    writeFiles(work, { "prompts/reviews.jinja": readFileSync(join(ROOT, "prompts/reviews.jinja"), "utf8").replace(/\n*$/, "\nReply in JSON.\n") });
    git(work, ["commit", "--quiet", "-am", "Prompt wording"]);
    promptSha = git(work, ["rev-parse", "HEAD"]);
    git(work, ["push", "--quiet", "origin", "prompt-only", "prompt-only:refs/pull/8/head"]);

    gh = new FakeGitHub({ repository: BASE });
    gh.addPull({ number: 7, state: "open", headSha, headRef: "feature", headRepo: FORK, baseRepo: BASE });
    gh.addPull({ number: 8, state: "open", headSha: promptSha, headRef: "prompt-only", headRepo: BASE, baseRepo: BASE, authorAssociation: "CONTRIBUTOR" });
    gh.collaborators.set("maintainer", "write");
    await gh.start();
  }, 300_000);

  afterAll(async () => {
    await Promise.all([gh?.close(), cache?.close()]);
  });

  let n = 0;
  function run(eventName: "pull_request_target" | "issue_comment", event: Record<string, unknown>): Promise<WorkflowRun> {
    // pull_request_target and issue_comment run the default branch's workflow, with its cache scope.
    cache.addToken(`tok-gate-${++n}`, ["refs/heads/main"]);
    return runWorkflow({
      workflow: git(origin, ["show", `${baseSha}:${WORKFLOW}`]),
      eventName,
      event,
      repository: BASE,
      remotes,
      sha: baseSha,
      ref: "refs/heads/main",
      apiUrl: gh.url,
      mintToken: (job, permissions) => {
        const token = `ghs_${job}_${n}`;
        gh.addWorkflowToken(token, permissions);
        return token;
      },
      runnerEnv: { ACTIONS_CACHE_URL: cache.url, ACTIONS_RUNTIME_TOKEN: `tok-gate-${n}` },
      // npm ci and apt-get are not run: the test's node_modules (node-llama-cpp) stands for npm ci's,
      // the machine's python3-torch for apt's.
      standIns: {
        [`evaluate/${INSTALL}`]: {
          reason: "node_modules linked from the test's checkout; python3-torch is the machine's",
          run: (workspace) => symlinkSync(join(ROOT, "node_modules"), join(workspace, "node_modules")),
        },
      },
      stepTimeoutMs: 300_000,
    });
  }

  function approval(login: string, sha: string): Record<string, unknown> {
    const c = gh.seedComment(7, login, `/llmops train ${sha}`);
    return {
      action: "created",
      issue: { number: 7, title: "More data variety", user: { login: "mallory" }, pull_request: { url: `https://api.github.com/repos/${BASE}/pulls/7` } },
      // The payload's claims (here: an OWNER) are never what the gate trusts; the API is asked.
      comment: { id: c.id, body: c.body, user: { login }, author_association: "OWNER" },
      repository: { full_name: BASE, name: "llm-app", owner: { login: "octo-org" }, default_branch: "main" },
      sender: { login },
    };
  }

  const logOf = (r: WorkflowRun) => r.steps.map((st) => `--- ${st.job} / ${st.name} (${st.standIn ? `stood in: ${st.standIn}` : st.skipped ? "skipped" : `exit ${st.code}`})\n${st.log}`).join("\n");
  const record = (r: WorkflowRun) => JSON.parse(readFileSync(join(r.artifacts, "llmops-gate-report", "gate-model.json"), "utf8"));
  const gateComment = () => gh.commentsOn(7).find((c) => c.body.startsWith("<!-- llmops:report:llmops-gate -->"))!.body;
  const checksOnHead = () => gh.checkRuns.filter((c) => c.head_sha === headSha && c.name === "llmops / gate");

  it("(a) the PR changes training data with no approval: llmops / gate fails, says how to approve, and nothing trains", async () => {
    const r = await run("pull_request_target", pullRequestEvent({ number: 7, headSha, baseSha, headRepo: FORK, baseRepo: BASE, action: "synchronize" }));
    const log = logOf(r);
    expect(r.jobs.evaluate!.result, log).toBe("success");
    const rec = record(r);
    expect(rec.decision).toBe("needs-approval");
    expect(Object.keys(rec.keys.candidate).filter((s) => rec.keys.candidate[s] !== rec.keys.baseline[s])).toEqual(["data", "validate", "train", "export"]);
    expect(rec.candidate_model).toBeNull();
    expect(r.steps.filter((s) => s.job === "evaluate" && s.skipped && !s.standIn).map((s) => s.name)).toEqual([
      "Evaluate the baseline (the base's suite on the baseline model)",
      "Evaluate the pull request (its prompt and sampling parameters on its model, the base's yardstick)",
      "Compare and gate under the base's policy",
    ]);
    // The only step not really run is the install, and the test says so.
    expect(r.steps.filter((s) => s.standIn).map((s) => s.name)).toEqual([INSTALL]);
    const checks = checksOnHead();
    expect(checks.map((c) => c.conclusion), log).toEqual(["failure"]);
    const comment = gateComment();
    expect(comment).toContain("training inputs changed; needs approval");
    expect(comment).toContain(`/llmops train ${headSha}`);
    expect(comment).toContain("`pipelines/params.yaml`");
    expect(existsSync(marker)).toBe(false);
    expect(cache.committed("refs/heads/main")).toHaveLength(mainSaved);
  }, 300_000);

  it("(c) an approval from a non-collaborator, or a collaborator's approval of an older head, is refused", async () => {
    gh.seedComment(7, "maintainer", `/llmops train ${oldSha}`);
    const before = checksOnHead().length;
    const r = await run("issue_comment", approval("mallory", headSha));
    const log = logOf(r);
    expect(r.jobs.evaluate!.result, log).toBe("success");
    expect(record(r).decision, log).toBe("needs-approval");
    // Both were checked against the API, not the payload's author_association.
    expect(gh.requests.some((q) => q.method === "GET" && q.path.endsWith("/collaborators/mallory/permission"))).toBe(true);
    expect(checksOnHead().slice(before).map((c) => c.conclusion)).toEqual(["failure"]);
    expect(existsSync(marker)).toBe(false);
  }, 300_000);

  it("a comment that is not an approval does not run the gate", async () => {
    const c = gh.seedComment(7, "maintainer", "Looks good to me");
    const r = await run("issue_comment", { action: "created", issue: { number: 7, pull_request: { url: "x" } }, comment: { id: c.id, body: c.body, user: { login: "maintainer" } }, repository: { full_name: BASE, default_branch: "main" } });
    expect(r.jobs.evaluate!.result).toBe("skipped");
    expect(r.jobs.gate!.result).toBe("skipped");
  }, 60_000);

  it("`/llmops train` from someone the payload does not call a collaborator does not start the job, so it cannot cancel a gate in progress", async () => {
    const event = approval("troll", headSha);
    (event.comment as Record<string, unknown>).author_association = "NONE";
    const r = await run("issue_comment", event);
    expect(r.jobs.evaluate!.result).toBe("skipped");
    expect(r.jobs.gate!.result).toBe("skipped");
  }, 60_000);

  it("an approval on a pull request into another branch than main is refused before anything is built: no check lands on its head", async () => {
    gh.addPull({ number: 9, state: "open", headSha, headRef: "feature", headRepo: FORK, baseRepo: BASE, base: "release-lax" });
    const before = checksOnHead().length;
    const event = approval("maintainer", headSha);
    event.issue = { ...(event.issue as Record<string, unknown>), number: 9 };
    const r = await run("issue_comment", event);
    const log = logOf(r);
    expect(r.jobs.evaluate!.result, log).toBe("failure");
    expect(log).toContain('merges into "release-lax", not the default branch "main"');
    expect(r.jobs.gate!.result).toBe("skipped");
    expect(checksOnHead().length).toBe(before);
    expect(existsSync(marker)).toBe(false);
  }, 120_000);

  it("(b) a collaborator's `/llmops train <head>` runs the gate: the base's code trains from the PR's data and the verdict is computed on that model", async () => {
    const before = checksOnHead().length;
    const r = await run("issue_comment", approval("maintainer", headSha));
    const log = logOf(r);
    expect(r.jobs.evaluate!.result, log).toBe("success");
    expect(r.jobs.gate!.result, log).toBe("success");
    const rec = record(r);
    expect(rec.decision, log).toBe("trained");
    expect(rec.approved_by).toBe("maintainer");
    expect(rec.pull_request.head_sha).toBe(headSha);
    expect(rec.base_commit).toBe(baseSha);
    // The baseline came from main's cache; the candidate's stages ran here, with the base's programs.
    expect(rec.baseline_model.stages.map((s: { outcome: string }) => s.outcome)).toEqual(["restored", "restored", "restored", "restored"]);
    expect(rec.candidate_model.stages.map((s: { name: string; outcome: string }) => `${s.name}:${s.outcome}`)).toEqual(["data:ran", "validate:ran", "train:ran", "export:ran"]);
    expect(rec.candidate_model.sha256).not.toBe(rec.baseline_model.sha256);
    expect(existsSync(marker), existsSync(marker) ? readFileSync(marker, "utf8") : "").toBe(false);
    // Every program that ran is the base's.
    for (const st of r.steps.filter((x) => x.program)) {
      const ws = r.jobs[st.job]!.workspace;
      expect(relative(ws, st.program!).startsWith("dist/"), st.program).toBe(true);
      expect(readFileSync(st.program!).equals(readFileSync(join(ROOT, relative(ws, st.program!)))), st.program).toBe(true);
    }
    // Each side was evaluated on its own served model (named by its content hash).
    const ws = r.jobs.evaluate!.workspace;
    const summary = (side: string) => JSON.parse(readFileSync(join(ws, ".llmops/runs", side, "summary.json"), "utf8"));
    expect(JSON.stringify(summary("baseline"))).toContain(`gguf-${rec.baseline_model.sha256.slice(0, 16)}`);
    expect(JSON.stringify(summary("candidate"))).toContain(`gguf-${rec.candidate_model.sha256.slice(0, 16)}`);
    // The gate posted a verdict computed from the comparison, on the PR's head.
    const checks = checksOnHead().slice(before);
    expect(checks).toHaveLength(1);
    expect(String((checks[0]!.output as { title: string }).title)).toMatch(/^(PASS|FAIL|INCONCLUSIVE)/);
    const comparison = JSON.parse(readFileSync(join(r.artifacts, "llmops-gate-report", "comparison.json"), "utf8"));
    expect(checks[0]!.conclusion).toBe(comparison.gate.conclusion);
    // The comment shows the PR's prompt diff (its files read as data).
    const comment = gateComment();
    expect(comment).toContain(`llmops gate: the model the base's code trained from this pull request's data at ${headSha.slice(0, 12)} (approved by maintainer)`);
    expect(comment).toMatch(/#### Prompts changed \(1, against `[0-9a-f]{12}`\)[\s\S]*prompts\/reviews\.jinja/);
    expect(comment).toContain("Answer with JSON only.");
    // Nothing the PR produced was saved into main's cache scope.
    expect(cache.committed("refs/heads/main")).toHaveLength(mainSaved);
  }, 600_000);

  it("a PR that changes only the prompt is judged on the baseline model restored from main's cache — no approval, no training", async () => {
    const saved = cache.committed("refs/heads/main").length;
    const r = await run("pull_request_target", pullRequestEvent({ number: 8, headSha: promptSha, baseSha, headRepo: BASE, baseRepo: BASE }));
    const log = logOf(r);
    expect(r.jobs.gate!.result, log).toBe("success");
    const rec = record(r);
    expect(rec.decision, log).toBe("unchanged");
    expect(rec.keys.candidate).toEqual(rec.keys.baseline);
    expect(rec.baseline_model.stages.map((s: { outcome: string }) => s.outcome)).toEqual(["restored", "restored", "restored", "restored"]);
    expect(rec.candidate_model).toEqual(rec.baseline_model);
    // Its head came from the API.
    expect(gh.requests.some((q) => q.path.endsWith("/pulls/8") && q.method === "GET")).toBe(true);
    const check = gh.checkRuns.filter((c) => c.head_sha === promptSha);
    const comparison = JSON.parse(readFileSync(join(r.artifacts, "llmops-gate-report", "comparison.json"), "utf8"));
    expect(check.map((c) => c.conclusion)).toEqual([comparison.gate.conclusion]);
    const comment = gh.commentsOn(8).find((c) => c.body.startsWith("<!-- llmops:report:llmops-gate -->"))!.body;
    expect(comment).toContain("llmops gate: this pull request's prompts and sampling on the baseline model (no training input changed)");
    expect(comment).toContain("Reply in JSON.");
    expect(cache.committed("refs/heads/main")).toHaveLength(saved);
  }, 300_000);

  it("control: the PR's generator and trainer do leave the marker when they are run", () => {
    const dir = tempDir("llmops-pr-programs-");
    writeFiles(dir, { "make-data.mjs": git(prWork, ["show", `${headSha}:pipelines/reviews/make-data.mjs`]), "train.py": git(prWork, ["show", `${headSha}:trainers/reference/train.py`]) });
    expect(spawnSync(process.execPath, [join(dir, "make-data.mjs")]).status).toBe(0);
    expect(spawnSync(python, [join(dir, "train.py")]).status).toBe(0);
    expect(readFileSync(marker, "utf8")).toBe("the PR's make-data.mjs ran\nthe PR's trainer ran\n");
  });
});
