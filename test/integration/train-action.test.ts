// The bundled train action, spawned as the runner would: INPUT_* variables, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_EVENT_PATH (test/support/fake-github-action.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runActionBundle } from "../support/fake-github-action.js";
import { ACTIONS_TOKEN, FakeGitHub } from "../support/fake-github.js";
import { INPUTS } from "../../src/actions/train/inputs.js";

const root = new URL("../..", import.meta.url).pathname;
const PY = "/usr/bin/python3";
const hasTorch = spawnSync(PY, ["-c", "import torch"]).status === 0;

// Training launches PyTorch: on two busy cores a run takes several times its idle 5–20 s, so
// these get a generous limit instead of the 60 s default (issue 9: two of them hit it).
describe("train action", { timeout: 240_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "llmops-train-action-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runAction = (inputs: Record<string, string>, event: unknown, runnerEnv: string | undefined, o: { eventName?: string; env?: Record<string, string> } = {}) =>
    runActionBundle({
      action: "train",
      inputs,
      event,
      cwd: root,
      ...(o.eventName ? { eventName: o.eventName } : {}),
      env: { HOME: process.env.HOME ?? "", GITHUB_REPOSITORY: "acme/models", ...(runnerEnv === undefined ? {} : { RUNNER_ENVIRONMENT: runnerEnv }), LLMOPS_PYTHON: PY, ...o.env },
    });

  it("declares exactly the inputs its parser reads", () => {
    const yml = parse(readFileSync(join(root, "actions/train/action.yml"), "utf8")) as { inputs: Record<string, { description: string; required?: boolean }>; runs: { main: string } };
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [name, spec] of Object.entries(INPUTS)) expect(Boolean(yml.inputs[name]!.required)).toBe(Boolean((spec as { required?: boolean }).required));
    expect(yml.runs.main).toBe("../../dist/train/index.js");
  });

  const HEAD = "c0ffee".padEnd(40, "5");
  const forkPr = { number: 7, head: { sha: HEAD, repo: { full_name: "mallory/models" } }, base: { repo: { full_name: "acme/models" } }, author_association: "FIRST_TIME_CONTRIBUTOR" };

  it("refuses a fork pull request on a self-hosted runner, before training", async () => {
    const r = await runAction({ spec: "pipelines/tiny-sft.yaml", out: join(dir, "fork") }, { pull_request: forkPr }, "self-hosted", { eventName: "pull_request" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::refusing to run pull request #7 \(pull_request\) on a self-hosted runner: it comes from mallory\/models/);
    expect(existsSync(join(dir, "fork"))).toBe(false);
  });

  // These were allowed before: the guard failed open on whatever it could not read.
  it.each([
    ["RUNNER_ENVIRONMENT unset (even for a push)", { ref: "refs/heads/main" }, undefined, "push", {}, /::error::RUNNER_ENVIRONMENT is not set/],
    ["an unreadable event file", {}, "self-hosted", "push", { GITHUB_EVENT_PATH: "/nonexistent/event.json" }, /::error::the event payload could not be read \(cannot read the event payload \/nonexistent\/event\.json/],
    ["an event the guard does not know", {}, "self-hosted", "discussion_comment", {}, /::error::the event "discussion_comment" is not one the runner guard understands/],
    ["a fork PR through workflow_run", { workflow_run: { event: "pull_request", head_sha: HEAD, head_repository: { full_name: "mallory/models" }, repository: { full_name: "acme/models" }, pull_requests: [] } }, "self-hosted", "workflow_run", {}, /::error::the workflow run being followed built code from mallory\/models/],
    ["a workflow_dispatch of refs/pull/7/head with no token", { ref: "refs/pull/7/head" }, "self-hosted", "workflow_dispatch", { GITHUB_REF: "refs/pull/7/head" }, /::error::pull request #7 \(a run of refs\/pull\/7\/head\)/],
  ] as const)("refuses %s, before reading the spec", async (_n, event, runnerEnv, eventName, env, re) => {
    const out = join(dir, `refused-${eventName}`);
    const r = await runAction({ spec: "pipelines/tiny-sft.yaml", out }, event, runnerEnv, { eventName, env });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(re);
    expect(existsSync(out)).toBe(false);
  });

  it("runs a fork PR's head once a collaborator approved it with `/llmops train <sha>` (checked against the API); a new head needs approval again", async () => {
    const gh = new FakeGitHub({ repository: "acme/models" });
    const TOKEN = "ghs_GuardToken0123456789abcdef";
    gh.addToken(TOKEN, ACTIONS_TOKEN).addPull({ number: 7, state: "open", headSha: HEAD, headRef: "f", headRepo: "mallory/models", authorAssociation: "FIRST_TIME_CONTRIBUTOR" });
    gh.collaborators.set("maintainer", "maintain");
    gh.seedComment(7, "mallory", `/llmops train ${HEAD}`); // the author cannot approve themselves
    await gh.start();
    try {
      const go = (sha: string) =>
        runAction({ spec: "pipelines/tiny-sft.yaml", "dry-run": "true", token: TOKEN, out: join(dir, `approved-${sha.slice(0, 4)}`) }, { pull_request: { ...forkPr, head: { ...forkPr.head, sha } } }, "self-hosted", {
          eventName: "pull_request",
          env: { GITHUB_API_URL: gh.url },
        });
      const before = await go(HEAD);
      expect(before.code).toBe(1);
      expect(before.stdout).toContain("no collaborator has approved its head c0ffee555555");
      gh.seedComment(7, "maintainer", `/llmops train ${HEAD}`);
      const after = await go(HEAD);
      expect(after.stdout).toContain("runner guard: pull request #7 head c0ffee555555 was approved by maintainer (/llmops train)");
      // The token reaches the log only as the runner's own ::add-mask:: command (core.setSecret).
      expect((after.stdout + after.stderr).split(TOKEN).length - 1).toBe(1);
      expect(after.stdout).toContain(`::add-mask::${TOKEN}`);
      const pushedAgain = await go("beef".padEnd(40, "6"));
      expect(pushedAgain.code).toBe(1);
      expect(pushedAgain.stdout).toContain(`no collaborator has approved its head beef66666666 with a "/llmops train ${"beef".padEnd(40, "6")}" comment`);
      expect(gh.requestsTo("GET", /collaborators\/mallory\/permission/).length).toBeGreaterThan(0);
    } finally {
      await gh.close();
    }
  });

  it("runner-guard: off is the documented opt-out (a warning, not silence)", async () => {
    const r = await runAction({ spec: "pipelines/tiny-sft.yaml", overrides: "not an override", "runner-guard": "off" }, {}, undefined, { eventName: "discussion" });
    expect(r.stdout).toMatch(/::warning::the runner guard is off/);
    expect(r.stdout).toContain('input "overrides" line 1: expected key=value'); // got past the guard
  });

  it("names a bad override line", async () => {
    const r = await runAction({ spec: "pipelines/tiny-sft.yaml", overrides: "max_steps=2\nnot an override", "dry-run": "true" }, {}, "github-hosted");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('input "overrides" line 2: expected key=value');
  });

  it.skipIf(!hasTorch)("trains the tiny spec and sets model-path, model-hash, metrics and the summary", async () => {
    const out = join(dir, "run");
    const r = await runAction({ spec: "pipelines/tiny-sft.yaml", overrides: "max_steps=6\ncheckpoint.every_steps=3\nevaluation.every_steps=3\nlogging_steps=1", out }, { pull_request: { head: { repo: { full_name: "mallory/models" } }, base: { repo: { full_name: "acme/models" } } } }, "github-hosted");
    expect(r.stderr + r.stdout).not.toContain("::error::");
    expect(r.code).toBe(0);
    expect(r.outputs["model-path"]).toBe(join(out, "model"));
    expect(r.outputs["model-hash"]).toMatch(/^sha256:[0-9a-f]{64}$/);
    const metrics = JSON.parse(r.outputs.metrics!);
    expect(metrics).toMatchObject({ steps: 6, total_steps: 6 });
    expect(metrics.loss).toBeGreaterThan(0);
    expect(r.summary).toContain("## Training: tiny-sft");
    expect(r.summary).toContain("xychart-beta");
    expect(r.summary).toContain("Rendered config: config/reference-args.json");
    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(run.model.hash).toBe(r.outputs["model-hash"]);
  }, 240_000);

  it.skipIf(!hasTorch)("fails on an injected NaN, naming the step, with a failure summary", async () => {
    const r = await runAction({ spec: "pipelines/tiny-sft.yaml", overrides: "max_steps=8\nlogging_steps=1\nbackend_args=[--inject-nan-at-step, '3']", out: join(dir, "nan") }, {}, "github-hosted");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error::training stopped: loss became NaN at step 3");
    expect(r.summary).toContain("## Training failed: tiny-sft");
    expect(r.summary).toContain("Last logged step 3, loss NaN.");
  }, 240_000);
});
