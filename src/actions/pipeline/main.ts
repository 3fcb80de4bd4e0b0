// pipeline: inputs → run the pipeline (or a subset, or against a baseline) with the stage cache
// carried across jobs by @actions/cache → outputs and a job summary of what ran and why.
import * as core from "@actions/core";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { basename, resolve } from "node:path";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { ActionsStageCache } from "../../app/pipeline/actions-stage-cache.js";
import { pipelinePathFor } from "../../app/pipeline/load-pipeline.js";
import { repoRoot } from "../../app/pipeline/repo-root.js";
import { runWithBaseline } from "../../app/pipeline/run-baseline.js";
import { runPipeline } from "../../app/pipeline/run-pipeline.js";
import { BUNDLE_FILES } from "../../core/github/index.js";
import { renderRunSummary } from "../../core/pipeline/render-run.js";
import { writePullRequestRef } from "../runtime/pull-request-ref.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const root = repoRoot(cwd);
  const remote = inputs.cache === false ? undefined : new ActionsStageCache(root);
  const stages = inputs.stages?.split(",").map((s) => s.trim()).filter(Boolean);
  const options = {
    root,
    pipelineFile: pipelinePathFor(inputs.pipeline, root, cwd),
    ...(stages?.length ? { stages } : {}),
    ...(inputs["cache-dir"] ? { cacheDir: resolve(cwd, inputs["cache-dir"]) } : {}),
    // The CLI bundle next to this one runs the built-in steps.
    llmops: [process.execPath, fileURLToPath(new URL("../cli/index.js", import.meta.url))],
    env: process.env,
    logger: new ActionsLogger(),
    ...(remote ? { remote } : {}),
  };
  const r = inputs.baseline ? await runWithBaseline({ ...options, baselineRev: inputs.baseline }) : await runPipeline(options);
  const run = r.run;
  core.setOutput("status", run.status);
  core.setOutput("run-id", run.run_id);
  core.setOutput("run-record", r.recordPath);
  core.setOutput("ran", String(run.stages.filter((s) => s.outcome === "ran").length));
  const first = run.baseline?.comparisons[0];
  core.setOutput("verdict", first?.verdict ?? "");
  core.setOutput("comment-path", first?.comment ?? "");
  core.setOutput("report-path", first?.html ?? "");
  let bundle = "";
  if (inputs["report-dir"] !== undefined && first) {
    bundle = resolve(cwd, inputs["report-dir"]);
    await writeReportBundle(first, bundle);
    await writePullRequestRef(bundle, process.env.GITHUB_EVENT_NAME, process.env.GITHUB_EVENT_PATH);
  }
  core.setOutput("bundle-dir", bundle);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderRunSummary(run)).write();
  if (run.status === "gate-failed" && inputs["fail-on-block"] === false) {
    core.warning(`pipeline ${run.pipeline.name}: the gate blocks (${first?.verdict ?? "see the report"}); fail-on-block is false, so the published check decides`);
  } else if (run.status !== "passed") core.setFailed(`pipeline ${run.pipeline.name}: ${run.status}${run.status === "failed" ? ` (${run.stages.filter((s) => s.outcome === "failed").map((s) => `${s.name}: ${s.reason}`).join("; ")})` : ""}`);
}

/** The report bundle actions/compare writes, from an eval stage's comparison: report.md, comparison.json (+ report.html). */
async function writeReportBundle(c: { comparison: string; comment: string; html: string }, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // A pull-request.json left from another event must not bind this report to a PR (written below on PR events).
  await rm(resolve(dir, BUNDLE_FILES.pullRequest), { force: true });
  await copyFile(c.comparison, resolve(dir, BUNDLE_FILES.comparison));
  await copyFile(c.comment, resolve(dir, BUNDLE_FILES.report));
  await copyFile(c.html, resolve(dir, basename(c.html)));
}
