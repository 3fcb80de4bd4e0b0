// actions/comment: posts a prepared report as the PR's sticky comment and publishes the gate as a
// check run (or commit status). The report is untrusted (it may come from a fork's artifact): it
// is size-capped, schema-checked and sanitized, and the PR number is verified against the API.
import * as core from "@actions/core";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { OctokitGitHubClient } from "../../adapters/github/octokit-github-client.js";
import { InputError } from "../../errors.js";
import {
  GitHubApiError,
  parsePullRequestEvent,
  parseWorkflowRunEvent,
  publishGateCheck,
  renderMarker,
  reportRunUrl,
  resolveCommentIdentity,
  resolveTrustedPullRequest,
  stripLeadingMarker,
  targetEventKind,
  upsertStickyComment,
  DEFAULT_CHECK_NAME,
  type GitHubClient,
  type PublishedCheck,
  type StickyResult,
  type TargetContext,
} from "../../core/github/index.js";
import { summarizeGate } from "../../core/github/report-bundle.js";
import { sanitizeUntrustedMarkdown } from "../../core/report/escape-document.js";
import { readEventPayload } from "../runtime/event.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";
import { readReportBundle } from "./read-bundle.js";
import type { Logger } from "../../core/ports/index.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  core.setSecret(inputs.token);
  const env = process.env;
  const logger = new ActionsLogger();
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) throw new InputError("GITHUB_REPOSITORY is not set", { hint: "run this action in a GitHub Actions job" });

  const ctx = await readTargetContext(env.GITHUB_EVENT_NAME ?? "", env.GITHUB_EVENT_PATH);
  const bundle = await readReportBundle(inputs["report-path"]);
  // Before any API call: a bundle whose conclusion disagrees with its verdict is refused here.
  const gate = summarizeGate(bundle.gate, inputs.verdict);

  const client = new OctokitGitHubClient({ token: inputs.token, repository, baseUrl: env.GITHUB_API_URL || "https://api.github.com", logger });
  const target = await resolveTrustedPullRequest(client, ctx, {
    repository,
    prNumberInput: inputs["pr-number"],
    bundleRef: bundle.pullRequest,
    requireRef: bundle.gate !== null,
  });
  core.setOutput("pr-number", String(target.number));
  if (target.status === "stale") {
    logger.warn(`pull request #${target.number} moved on to ${target.currentHeadSha.slice(0, 12)} since this report (${target.headSha.slice(0, 12)}); not posting stale numbers, the newer run will`);
    core.setOutput("comment-action", "skipped");
    core.setOutput("check", "skipped");
    return;
  }

  const body = sanitizeUntrustedMarkdown(stripLeadingMarker(bundle.report));
  const runUrl = reportRunUrl(ctx, { serverUrl: env.GITHUB_SERVER_URL, repository, runId: env.GITHUB_RUN_ID });
  const sticky = await postComment(client, logger, {
    issueNumber: target.number,
    marker: renderMarker("report", inputs["comment-key"] ?? "llmops"),
    body,
    author: inputs["comment-author"],
    whereFull: runUrl ? `The full report is in the [workflow run's summary](${runUrl}).` : "The full report is in the workflow run's summary.",
  });
  core.setOutput("comment-action", sticky?.action ?? "skipped");
  if (sticky) {
    core.setOutput("comment-id", String(sticky.comment.id));
    core.setOutput("comment-url", sticky.comment.htmlUrl);
  }

  const check = await publishCheck(client, logger, {
    enabled: inputs.check !== false,
    gate,
    summary: body,
    headSha: target.headSha,
    name: inputs["check-name"] ?? DEFAULT_CHECK_NAME,
    runUrl,
  });
  core.setOutput("check", check?.kind ?? "skipped");
  await writeSummary(target.number, sticky, check);
}

async function publishCheck(
  client: GitHubClient,
  logger: Logger,
  o: { enabled: boolean; gate: ReturnType<typeof summarizeGate>; summary: string; headSha: string; name: string; runUrl: string | undefined },
): Promise<PublishedCheck | null> {
  if (!o.enabled) return null;
  if (!o.gate) {
    logger.info("no comparison.json and no verdict input: no check to publish");
    return null;
  }
  const check = await publishGateCheck(client, { ...o.gate, summary: o.summary, headSha: o.headSha, name: o.name, ...(o.runUrl ? { detailsUrl: o.runUrl } : {}) }, logger);
  if (check.kind === "none") logger.warn(check.reason);
  return check;
}

async function readTargetContext(eventName: string, eventPath: string | undefined): Promise<TargetContext> {
  const kind = targetEventKind(eventName);
  if (kind === "other") return { kind, eventName: eventName || "(unknown)" };
  if (!eventPath) throw new InputError(`GITHUB_EVENT_PATH is not set for a ${eventName} event`);
  const payload = await readEventPayload(eventPath);
  return kind === "workflow_run"
    ? { kind: "workflow_run", event: parseWorkflowRunEvent(payload, eventPath) }
    : { kind: "pull_request", event: parsePullRequestEvent(payload, eventPath) };
}

/** A comment is an optional side effect: a read-only token (a fork's pull_request run) degrades to a warning. */
async function postComment(
  client: GitHubClient,
  logger: Logger,
  req: { issueNumber: number; marker: string; body: string; author: string | undefined; whereFull: string },
): Promise<StickyResult | null> {
  try {
    const identity = await resolveCommentIdentity(client, req.author);
    logger.info(`our comments are those by ${identity.login} (${identity.source})`);
    return await upsertStickyComment(client, { issueNumber: req.issueNumber, marker: req.marker, body: req.body, identity: identity.login, whereFull: req.whereFull }, logger);
  } catch (err) {
    if (!(err instanceof GitHubApiError && err.notAccessible)) throw err;
    logger.warn(
      `cannot comment on #${req.issueNumber}: ${err.apiMessage}. A fork's pull_request run has a read-only token; post from a workflow_run job (see llmops-pr-comment.yml), or grant "pull-requests: write"`,
    );
    return null;
  }
}

async function writeSummary(pr: number, sticky: StickyResult | null, check: PublishedCheck | null): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const lines = [`**llmops comment** on #${pr}: ${sticky ? `[${sticky.action}](${sticky.comment.htmlUrl})` : "not posted (see the log)"}`];
  if (check) lines.push(`**check**: ${check.kind === "check-run" ? `[check run](${check.htmlUrl})` : check.kind === "status" ? `commit status (${check.state})` : `none — ${check.reason}`}`);
  await core.summary.addRaw(lines.join("\n\n") + "\n").write();
}
