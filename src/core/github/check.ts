// The gate's result on the commit: a check run (`llmops / gate`) whose summary is the report, or,
// where the token may not create check runs, a commit status. Neither is allowed on a fork's
// read-only token; then the caller gets "none" with the reason and warns.
import type { Logger } from "../ports/index.js";
import { GitHubApiError, type CheckConclusion, type CheckRunPayload, type CommitStatusPayload, type GitHubClient } from "../ports/github-client.js";
import { truncateLine, truncateMarkdown } from "./truncate.js";

export const DEFAULT_CHECK_NAME = "llmops / gate";
/** GitHub's limit on a check run's output.summary (characters). */
export const CHECK_SUMMARY_LIMIT = 65_535;
export const CHECK_TITLE_LIMIT = 255;
/** GitHub's limit on a commit status description. */
export const STATUS_DESCRIPTION_LIMIT = 140;

export interface GateOutcome {
  conclusion: CheckConclusion;
  /** One line, e.g. "FAIL: accuracy regressed by 4.1 points (95% CI −6.0 to −2.2)". */
  headline: string;
  /** The report (markdown). */
  summary: string;
  headSha: string;
  name?: string;
  detailsUrl?: string;
}

export type PublishedCheck =
  | { kind: "check-run"; id: number; htmlUrl: string; truncated: boolean }
  | { kind: "status"; state: "success" | "failure" }
  | { kind: "none"; reason: string };

export function buildCheckRunPayload(o: GateOutcome): { payload: CheckRunPayload; truncated: boolean } {
  const t = truncateMarkdown(o.summary, CHECK_SUMMARY_LIMIT, "The full report is in the job summary and the workflow's artifact.");
  const payload: CheckRunPayload = {
    name: o.name ?? DEFAULT_CHECK_NAME,
    headSha: o.headSha,
    status: "completed",
    conclusion: o.conclusion,
    title: truncateLine(o.headline, CHECK_TITLE_LIMIT),
    summary: t.text,
  };
  if (o.detailsUrl) payload.detailsUrl = o.detailsUrl;
  return { payload, truncated: t.truncated };
}

/** A status has no neutral: inconclusive-under-neutral does not block, so it reads as success and says so. */
export function buildCommitStatusPayload(o: GateOutcome): CommitStatusPayload {
  const state = o.conclusion === "failure" ? "failure" : "success";
  const prefix = o.conclusion === "neutral" ? "neutral (not blocking): " : "";
  const payload: CommitStatusPayload = {
    context: o.name ?? DEFAULT_CHECK_NAME,
    state,
    description: truncateLine(prefix + o.headline, STATUS_DESCRIPTION_LIMIT),
  };
  if (o.detailsUrl) payload.targetUrl = o.detailsUrl;
  return payload;
}

export async function publishGateCheck(client: GitHubClient, o: GateOutcome, logger: Logger): Promise<PublishedCheck> {
  const { payload, truncated } = buildCheckRunPayload(o);
  if (truncated) logger.warn(`the check run summary was longer than ${CHECK_SUMMARY_LIMIT} characters; it was truncated`);
  try {
    const ref = await client.createCheckRun(payload);
    return { kind: "check-run", id: ref.id, htmlUrl: ref.htmlUrl, truncated };
  } catch (err) {
    if (!(err instanceof GitHubApiError && err.notAccessible)) throw err;
    logger.info(`the token may not create check runs (${err.apiMessage}); setting a commit status instead`);
  }
  const status = buildCommitStatusPayload(o);
  try {
    await client.createCommitStatus(o.headSha, status);
    return { kind: "status", state: status.state as "success" | "failure" };
  } catch (err) {
    if (!(err instanceof GitHubApiError && err.notAccessible)) throw err;
    return {
      kind: "none",
      reason: `the token may create neither check runs nor commit statuses (${err.apiMessage}); grant "checks: write" or "statuses: write" to the job, or post from a workflow_run job for fork pull requests`,
    };
  }
}
