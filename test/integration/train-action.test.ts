// The bundled train action, spawned as the runner would: INPUT_* variables, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_EVENT_PATH.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INPUTS } from "../../src/actions/train/main.js";

const root = new URL("../..", import.meta.url).pathname;
const bundle = join(root, "dist/train/index.js");
const PY = "/usr/bin/python3";
const hasTorch = spawnSync(PY, ["-c", "import torch"]).status === 0;

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join("\n");
  }
  return out;
}

describe("train action", () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(bundle)) execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root });
    dir = mkdtempSync(join(tmpdir(), "llmops-train-action-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runAction = (inputs: Record<string, string>, event: unknown, runnerEnv: string) => {
    const outputs = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const summary = join(dir, `summary-${Math.random().toString(36).slice(2)}`);
    const eventPath = join(dir, "event.json");
    writeFileSync(outputs, "");
    writeFileSync(summary, "");
    writeFileSync(eventPath, JSON.stringify(event));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: root,
      GITHUB_REPOSITORY: "acme/models",
      RUNNER_ENVIRONMENT: runnerEnv,
      LLMOPS_PYTHON: PY,
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = spawnSync(process.execPath, [bundle], { env, encoding: "utf8", timeout: 240_000 });
    return { ...r, outputs: readOutputs(outputs), summary: readFileSync(summary, "utf8") };
  };

  it("declares exactly the inputs its parser reads", () => {
    const yml = parse(readFileSync(join(root, "actions/train/action.yml"), "utf8")) as { inputs: Record<string, { description: string; required?: boolean }>; runs: { main: string } };
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [name, spec] of Object.entries(INPUTS)) expect(Boolean(yml.inputs[name]!.required)).toBe(Boolean((spec as { required?: boolean }).required));
    expect(yml.runs.main).toBe("../../dist/train/index.js");
  });

  it("refuses a fork pull request on a self-hosted runner, before training", () => {
    const event = { pull_request: { head: { repo: { full_name: "mallory/models" } }, base: { repo: { full_name: "acme/models" } } } };
    const r = runAction({ spec: "pipelines/tiny-sft.yaml", out: join(dir, "fork") }, event, "self-hosted");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error::refusing to train: this pull request comes from the fork mallory/models");
    expect(existsSync(join(dir, "fork"))).toBe(false);
  });

  it("names a bad override line", () => {
    const r = runAction({ spec: "pipelines/tiny-sft.yaml", overrides: "max_steps=2\nnot an override", "dry-run": "true" }, {}, "github-hosted");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('input "overrides" line 2: expected key=value');
  });

  it.skipIf(!hasTorch)("trains the tiny spec and sets model-path, model-hash, metrics and the summary", () => {
    const out = join(dir, "run");
    const r = runAction({ spec: "pipelines/tiny-sft.yaml", overrides: "max_steps=6\ncheckpoint.every_steps=3\nevaluation.every_steps=3\nlogging_steps=1", out }, { pull_request: { head: { repo: { full_name: "mallory/models" } }, base: { repo: { full_name: "acme/models" } } } }, "github-hosted");
    expect(r.stderr + r.stdout).not.toContain("::error::");
    expect(r.status).toBe(0);
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
  });

  it.skipIf(!hasTorch)("fails on an injected NaN, naming the step, with a failure summary", () => {
    const r = runAction({ spec: "pipelines/tiny-sft.yaml", overrides: "max_steps=8\nlogging_steps=1\nbackend_args=[--inject-nan-at-step, '3']", out: join(dir, "nan") }, {}, "github-hosted");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error::training stopped: loss became NaN at step 3");
    expect(r.summary).toContain("## Training failed: tiny-sft");
    expect(r.summary).toContain("Last logged step 3, loss NaN.");
  });
});
