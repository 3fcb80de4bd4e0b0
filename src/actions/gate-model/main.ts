// gate-model: in the required gate's trusted job (pull_request_target, or an approval comment),
// decide which model judges the pull request and build it with the base's code: the baseline's
// model when the PR changes nothing training reads; one trained from the PR's data when its
// current head is trusted or approved; otherwise a failing report that says how to approve.
import * as core from "@actions/core";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { OctokitGitHubClient } from "../../adapters/github/octokit-github-client.js";
import { ActionsStageCache } from "../../app/pipeline/actions-stage-cache.js";
import { buildGateModel } from "../../app/pipeline/gate-model.js";
import { pipelinePathFor } from "../../app/pipeline/load-pipeline.js";
import { gateModelFormat } from "../../core/contracts/gate-model.js";
import { PULL_REQUEST_TAG, pullRequestFormat } from "../../core/contracts/report-bundle.js";
import { gateReportTitle, renderGateModelBlocked } from "../../core/github/gate-training.js";
import { decidePullRequestTrust } from "../../core/github/runner-guard.js";
import { InputError } from "../../errors.js";
import { readEventPayload } from "../runtime/event.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";

const rec = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  core.setSecret(inputs.token);
  const env = process.env;
  const logger = new ActionsLogger();
  const repository = env.GITHUB_REPOSITORY;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  if (!repository || !env.GITHUB_EVENT_PATH) throw new InputError("GITHUB_REPOSITORY and GITHUB_EVENT_PATH must be set", { hint: "run this action in a GitHub Actions job" });
  const payload = rec(await readEventPayload(env.GITHUB_EVENT_PATH)) ?? {};
  // Only the number comes from the event; head, repository and author come from the API.
  const number = eventName === "pull_request_target" || eventName === "pull_request" ? rec(payload.pull_request)?.number : eventName === "issue_comment" && rec(rec(payload.issue)?.pull_request) ? rec(payload.issue)?.number : undefined;
  if (typeof number !== "number") {
    throw new InputError(`actions/gate-model runs for a pull request (pull_request_target, or issue_comment on a pull request), not for "${eventName}"`, { hint: "use it in llmops-gate.yml's evaluate job" });
  }
  const api = new OctokitGitHubClient({ token: inputs.token, repository, baseUrl: env.GITHUB_API_URL || "https://api.github.com", logger });
  const pr = await api.getPullRequest(number);
  // The required check belongs to the head commit, whatever branch it was judged against: judged
  // only for the default branch (whose code and baseline this job runs), a PR opened against a laxer
  // branch cannot carry a success over to main. The workflow filters pull_request_target to the
  // default branch; an approval comment on another branch's PR is refused here.
  const defaultBranch = rec(payload.repository)?.default_branch;
  if (typeof defaultBranch !== "string" || defaultBranch === "") {
    throw new InputError("the event payload names no repository.default_branch", { hint: "run this action on pull_request_target or issue_comment events, which carry it" });
  }
  if (pr.baseRef !== defaultBranch) {
    throw new InputError(`pull request #${number} merges into "${pr.baseRef}", not the default branch "${defaultBranch}": llmops / gate judges only pull requests into ${defaultBranch}, with its code and baseline`, {
      hint: `retarget the pull request to ${defaultBranch} (the gate runs again on the base change), or gate that branch with a workflow of its own`,
    });
  }
  const cwd = env.GITHUB_WORKSPACE ?? process.cwd();
  const prDir = resolve(cwd, inputs["pr-dir"] ?? ".llmops/pr");
  const head = (dir: string) => execFileSync("git", ["rev-parse", "--verify", "HEAD^{commit}"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  const checkedOut = head(prDir);
  if (checkedOut !== pr.headSha.toLowerCase()) {
    throw new InputError(`pull request #${number}'s head is ${pr.headSha.slice(0, 12)}, but ${inputs["pr-dir"] ?? ".llmops/pr"} holds ${checkedOut.slice(0, 12)}: it was pushed again meanwhile; the run for the new head judges it`, {
      hint: "check out the PR's head before this step; nothing is judged on a commit that is not the PR's current head",
    });
  }
  const reportDir = resolve(cwd, inputs["report-dir"] ?? "llmops-gate-report");
  mkdirSync(reportDir, { recursive: true });

  const workDir = join(env.RUNNER_TEMP || tmpdir(), "llmops-gate-model");
  const { record, baselineModel, candidateModel } = await buildGateModel({
    root: cwd,
    prDir,
    pipelineFile: pipelinePathFor(inputs.pipeline, cwd, cwd),
    stage: inputs.stage ?? "export",
    model: inputs.model,
    prData: inputs["pr-data"],
    workDir,
    llmops: [process.execPath, fileURLToPath(new URL("../cli/index.js", import.meta.url))],
    env,
    logger,
    ...(inputs.cache === false ? {} : { remote: new ActionsStageCache(cwd) }),
    pullRequest: { number, headSha: pr.headSha.toLowerCase(), headRepo: pr.headRepo },
    baseCommit: head(cwd),
    trust: () => decidePullRequestTrust(number, repository, eventName, api),
    build: inputs.build !== false,
  });

  writeFileSync(join(reportDir, "gate-model.json"), gateModelFormat.serialize(record));
  // Which PR and head this bundle judges, from the API (the comment step checks it again).
  writeFileSync(join(reportDir, "pull-request.json"), pullRequestFormat.serialize({ schema: PULL_REQUEST_TAG, number, head_sha: pr.headSha.toLowerCase(), head_repo: pr.headRepo, base_repo: pr.baseRepo }));
  const blocked = record.decision === "needs-approval" || record.decision === "refused";
  if (blocked) writeFileSync(join(reportDir, "report.md"), renderGateModelBlocked(record));

  core.setOutput("decision", record.decision);
  core.setOutput("reason", record.reason);
  core.setOutput("approved-by", record.approved_by ?? "");
  core.setOutput("baseline-model", baselineModel ?? "");
  core.setOutput("candidate-model", candidateModel ?? "");
  core.setOutput("pr-number", String(number));
  core.setOutput("head-sha", record.pull_request.head_sha);
  core.setOutput("record-path", join(reportDir, "gate-model.json"));
  core.setOutput("report-title", gateReportTitle(record));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(record)).write();
  if (blocked) logger.warn(`llmops / gate will fail: ${record.reason}`);
}

function renderSummary(r: import("../../core/contracts/gate-model.js").GateModel): string {
  const model = (m: typeof r.baseline_model) => (m ? `\`${m.sha256.slice(0, 12)}\` (${m.stages.map((s) => `${s.name} ${s.outcome}`).join(", ")})` : "–");
  return [
    `### Model under test: ${r.decision}`,
    "",
    r.reason,
    "",
    `| | |`,
    `| --- | --- |`,
    `| pull request | #${r.pull_request.number} at \`${r.pull_request.head_sha.slice(0, 12)}\` |`,
    `| code (base) | \`${r.base_commit.slice(0, 12)}\` |`,
    `| approved by | ${r.approved_by ?? "–"} |`,
    `| baseline model | ${model(r.baseline_model)} |`,
    `| candidate model | ${model(r.candidate_model)} |`,
    `| PR data | ${r.pr_data.map((f) => `\`${f.path}\`${f.changed ? " (changed)" : ""}`).join(", ") || "–"} |`,
    "",
  ].join("\n");
}
