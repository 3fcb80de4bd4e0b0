// promote: a registry tag (or artifact/version/stage) → the evidence-checked promotion → outputs as
// gto-action names them (event, name, version, stage) plus status, release and PR, and a job summary.
import * as core from "@actions/core";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { OctokitReleaseClient } from "../../adapters/github/octokit-release-client.js";
import { runPromotion } from "../../app/deploy/promote.js";
import { systemClock } from "../../core/ports/index.js";
import { renderSmokeChecks } from "../../core/registry/model-card.js";
import { renderCodeSpan, escapeMarkdownText } from "../../core/report/escape.js";
import { InputError } from "../../errors.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  const env = process.env;
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new InputError("GITHUB_REPOSITORY is not set to owner/name", { hint: "run inside a GitHub Actions job" });
  const pushed = env.GITHUB_REF?.startsWith("refs/tags/") ? env.GITHUB_REF.slice("refs/tags/".length) : undefined;
  const tag = inputs.tag || (inputs.artifact ? undefined : pushed);
  if (!tag && !inputs.artifact) throw new InputError("nothing to promote: no tag input, no pushed tag (GITHUB_REF), no artifact input", { hint: "run on a tag push, or set artifact with version and stage (or rollback: true)" });
  if (inputs.artifact && !inputs.stage) throw new InputError("input stage is required with artifact");
  if (inputs.artifact && !inputs.version && !inputs.rollback) throw new InputError("input version (or rollback: true) is required with artifact");
  core.setSecret(inputs.token);
  if (env.HF_TOKEN) core.setSecret(env.HF_TOKEN);
  const logger = new ActionsLogger();
  const result = await runPromotion({
    repoDir: env.GITHUB_WORKSPACE ?? process.cwd(),
    remote: inputs.remote || "origin",
    repository,
    github: new OctokitReleaseClient({ token: inputs.token, repository, baseUrl: env.GITHUB_API_URL || "https://api.github.com" }),
    ...(tag ? { requestTag: tag } : { artifact: inputs.artifact!, stage: inputs.stage! }),
    ...(inputs.version ? { version: inputs.version } : {}),
    rollback: inputs.rollback ?? false,
    ...(inputs["gate-check"] ? { gateCheckName: inputs["gate-check"] } : {}),
    ...(inputs.endpoint ? { endpoint: inputs.endpoint } : {}),
    resolve: { githubToken: inputs.token, ...(env.GITHUB_API_URL ? { githubApiUrl: env.GITHUB_API_URL } : {}), ...(env.HF_TOKEN ? { hfToken: env.HF_TOKEN } : {}), ...(env.HF_ENDPOINT ? { hfEndpoint: env.HF_ENDPOINT } : {}) },
    logger,
    clock: systemClock,
  });
  core.setOutput("status", result.status);
  core.setOutput("event", result.event);
  core.setOutput("name", result.artifact);
  core.setOutput("version", result.version ?? "");
  core.setOutput("stage", result.stage ?? "");
  core.setOutput("tag", result.tag ?? "");
  core.setOutput("sha256", result.sha256 ?? "");
  core.setOutput("release-url", result.release?.url ?? "");
  core.setOutput("pull-request-url", result.change?.pullRequest?.url ?? "");
  if (env.GITHUB_STEP_SUMMARY) {
    const lines = [`### llmops promote: ${escapeMarkdownText(result.status)}`, "", escapeMarkdownText(result.summary)];
    if (result.smoke) lines.push("", renderSmokeChecks(result.smoke.checks));
    if (result.tag) lines.push("", `Tag: ${renderCodeSpan(result.tag)}`);
    await core.summary.addRaw(`${lines.join("\n")}\n`).write();
  }
  logger.info(result.summary);
}
