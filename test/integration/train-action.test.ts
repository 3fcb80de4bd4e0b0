// The bundled train action, spawned as the runner would: INPUT_* variables, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_EVENT_PATH (test/support/fake-github-action.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runActionBundle } from "../support/fake-github-action.js";
import { INPUTS } from "../../src/actions/train/inputs.js";

const root = new URL("../..", import.meta.url).pathname;
const PY = "/usr/bin/python3";
const hasTorch = spawnSync(PY, ["-c", "import torch"]).status === 0;

describe("train action", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "llmops-train-action-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runAction = (inputs: Record<string, string>, event: unknown, runnerEnv: string) =>
    runActionBundle({
      action: "train",
      inputs,
      event,
      cwd: root,
      env: { HOME: process.env.HOME ?? "", GITHUB_REPOSITORY: "acme/models", RUNNER_ENVIRONMENT: runnerEnv, LLMOPS_PYTHON: PY },
    });

  it("declares exactly the inputs its parser reads", () => {
    const yml = parse(readFileSync(join(root, "actions/train/action.yml"), "utf8")) as { inputs: Record<string, { description: string; required?: boolean }>; runs: { main: string } };
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [name, spec] of Object.entries(INPUTS)) expect(Boolean(yml.inputs[name]!.required)).toBe(Boolean((spec as { required?: boolean }).required));
    expect(yml.runs.main).toBe("../../dist/train/index.js");
  });

  it("refuses a fork pull request on a self-hosted runner, before training", async () => {
    const event = { pull_request: { head: { repo: { full_name: "mallory/models" } }, base: { repo: { full_name: "acme/models" } } } };
    const r = await runAction({ spec: "pipelines/tiny-sft.yaml", out: join(dir, "fork") }, event, "self-hosted");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error::refusing to train: this pull request comes from the fork mallory/models");
    expect(existsSync(join(dir, "fork"))).toBe(false);
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
