// actions/compare: pair two eval runs, decide the gate, and write the report bundle (comparison.json,
// report.md, pull-request.json) that actions/comment posts — here, or from a trusted workflow_run
// for fork PRs. A thin shell over the compare flow it shares with `llmops compare|gate`
// (src/app/compare/run-compare.ts).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { compareRuns, loadPolicyFile } from "../../app/compare/run-compare.js";
import { renderJobSummary } from "../../core/report/index.js";
import { GateFailedError } from "../../errors.js";
import { writePullRequestRef } from "../runtime/pull-request-ref.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";
import { diffPrompts } from "../../app/prompts/diff-prompts.js";
import type { PromptDiffReport } from "../../core/prompts/diff-model.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  const logger = new ActionsLogger();
  const env = process.env;
  const policy = inputs.policy === undefined ? null : await loadPolicyFile(resolve(inputs.policy), inputs.policy, `input "policy": ${inputs.policy} does not exist`);
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  const out = resolve(inputs.out ?? "llmops-report");
  const promptDiff = inputs["prompts-base-dir"] === undefined ? undefined : await changedPrompts(resolve(inputs["prompts-base-dir"]), resolve(inputs["prompts-head-dir"] ?? process.cwd()));
  const { comparison, model, comment, files } = await compareRuns({
    baselineDir: resolve(inputs.baseline),
    candidateDir: resolve(inputs.candidate),
    policy,
    gate: true,
    outDir: out,
    context: { ...(inputs.title ? { title: inputs.title } : {}), runUrl },
    ...(promptDiff ? { promptDiff } : {}),
    logger,
  });
  const gate = comparison.gate!;
  if (comment.truncated) logger.info("the comment shows fewer cases to fit GitHub's limit; the job summary has more");
  await writePullRequestRef(out, env.GITHUB_EVENT_NAME, env.GITHUB_EVENT_PATH);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderJobSummary(model).markdown).write();

  core.setOutput("verdict", gate.verdict);
  core.setOutput("conclusion", gate.conclusion);
  core.setOutput("blocking", String(gate.blocking));
  core.setOutput("bundle-dir", out);
  core.setOutput("report-path", files!.report);
  core.setOutput("comparison-json", files!.comparison);
  logger.info(`gate ${gate.verdict.toUpperCase()} (${comparison.provenance.policy_source}); wrote ${out}`);

  if (gate.blocking && inputs["fail-on-block"] !== false) {
    throw new GateFailedError(`gate ${gate.verdict.toUpperCase()}: ${gate.reasons.join("; ") || "see the report"}`, {
      hint: "set fail-on-block: false to leave the decision to the llmops / gate check run",
    });
  }
}

/** The prompts/ files the head checkout (default the workspace) changes against the base checkout's HEAD, rendered on its suites' cases. */
async function changedPrompts(baseDir: string, cwd: string): Promise<PromptDiffReport | undefined> {
  if (!existsSync(join(cwd, "prompts")) && !existsSync(join(baseDir, "prompts"))) return undefined;
  return diffPrompts({ cwd, base: "HEAD", baseRepo: baseDir, paths: ["prompts"], suitesDir: join(cwd, "evals"), samples: 3 });
}
