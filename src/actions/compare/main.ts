// actions/compare: pair two eval runs, decide the gate, and write the report bundle (comparison.json,
// report.md, pull-request.json) that actions/comment posts — here, or from a trusted workflow_run
// for fork PRs. A thin shell over the compare, gate and report domains.
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { readEvalRun } from "../../adapters/fs/eval-run-reader.js";
import { aggregateForType, computeComparison, type Comparison, type LoadedRun } from "../../core/compare/index.js";
import { defaultGatePolicy, defaultPolicy, parseGatePolicy, type GatePolicy } from "../../core/gate/index.js";
import { BUNDLE_FILES, parsePullRequestEvent } from "../../core/github/index.js";
import { buildCaseDetails, renderComment, renderJobSummary, type ReportModel, type ReportRecord } from "../../core/report/index.js";
import { parseResultsJsonl } from "../../core/report/inputs.js";
import { GateFailedError, InputError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";

/** Larger results files are not read for case details (the numbers come from the comparison). */
const MAX_DETAIL_BYTES = 256 * 1024 * 1024;

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  const logger = new ActionsLogger();
  const env = process.env;
  const [baseline, candidate] = await Promise.all([readEvalRun(resolve(inputs.baseline), "baseline"), readEvalRun(resolve(inputs.candidate), "candidate")]);
  for (const w of [...baseline.warnings, ...candidate.warnings]) logger.warn(w);

  const comparison = compareWithGate(baseline, candidate, inputs.policy === undefined ? null : await loadPolicy(inputs.policy));
  const gate = comparison.gate!;
  const out = resolve(inputs.out ?? "llmops-report");
  await mkdir(out, { recursive: true });
  const comparisonFile = join(out, BUNDLE_FILES.comparison);
  await writeFile(comparisonFile, `${JSON.stringify(comparison, null, 2)}\n`);

  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  const model: ReportModel = {
    comparison,
    cases: buildCaseDetails(comparison, await readDetails(baseline, logger), await readDetails(candidate, logger)),
    context: { ...(inputs.title ? { title: inputs.title } : {}), runUrl },
  };
  const comment = renderComment(model);
  if (comment.truncated) logger.info("the comment shows fewer cases to fit GitHub's limit; the job summary has more");
  const reportFile = join(out, BUNDLE_FILES.report);
  await writeFile(reportFile, comment.markdown);
  await writePullRequestRef(out, env.GITHUB_EVENT_NAME, env.GITHUB_EVENT_PATH);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderJobSummary(model).markdown).write();

  core.setOutput("verdict", gate.verdict);
  core.setOutput("conclusion", gate.conclusion);
  core.setOutput("blocking", String(gate.blocking));
  core.setOutput("bundle-dir", out);
  core.setOutput("report-path", reportFile);
  core.setOutput("comparison-json", comparisonFile);
  logger.info(`gate ${gate.verdict.toUpperCase()} (${comparison.provenance.policy_source}); wrote ${out}`);

  if (gate.blocking && inputs["fail-on-block"] !== false) {
    throw new GateFailedError(`gate ${gate.verdict.toUpperCase()}: ${gate.reasons.join("; ") || "see the report"}`, {
      hint: "set fail-on-block: false to leave the decision to the llmops / gate check run",
    });
  }
}

async function loadPolicy(file: string): Promise<{ policy: GatePolicy; source: string }> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError(`input "policy": ${file} does not exist`, { hint: "pass a gate policy YAML file, or a suite file with a gate: key" });
  return parseGatePolicy(await readFile(path, "utf8"), file);
}

/** With no policy, gate every metric both runs share at max_regression 0.02 (as `llmops gate` does). */
function compareWithGate(baseline: LoadedRun, candidate: LoadedRun, loaded: { policy: GatePolicy; source: string } | null): Comparison {
  const base = { aggregateFor: aggregateForType, llmopsVersion: VERSION, createdAt: new Date().toISOString(), gate: true };
  if (loaded) return computeComparison(baseline, candidate, { ...base, policy: loaded.policy, policySource: loaded.source });
  const first = computeComparison(baseline, candidate, { ...base, policy: defaultPolicy(), policySource: "default", gate: false });
  const shared = first.metrics.filter((m) => m.n > 0).map((m) => m.name);
  return computeComparison(baseline, candidate, { ...base, policy: defaultGatePolicy(shared), policySource: "default (max_regression 0.02 on every metric both runs share)" });
}

async function readDetails(run: LoadedRun, logger: ActionsLogger): Promise<ReportRecord[]> {
  const file = join(run.dir, "results.jsonl");
  if (statSync(file).size > MAX_DETAIL_BYTES) {
    logger.warn(`${file} is larger than ${MAX_DETAIL_BYTES / 1024 / 1024} MiB: the report shows numbers and flips without case details`);
    return [];
  }
  return parseResultsJsonl(await readFile(file, "utf8")).records;
}

/** On pull_request events, record which PR and commit the bundle is about (verified later by actions/comment). */
async function writePullRequestRef(out: string, eventName: string | undefined, eventPath: string | undefined): Promise<void> {
  if ((eventName !== "pull_request" && eventName !== "pull_request_target") || !eventPath) return;
  const pr = parsePullRequestEvent(JSON.parse(await readFile(eventPath, "utf8")), eventPath);
  await writeFile(join(out, BUNDLE_FILES.pullRequest), `${JSON.stringify({ schema: "llmops.pull-request/v1", number: pr.number, head_sha: pr.headSha }, null, 2)}\n`);
}
