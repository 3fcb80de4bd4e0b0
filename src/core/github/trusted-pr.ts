// Which pull request a report belongs to, decided from trusted data only. In a workflow_run job
// the PR number comes from a fork's artifact, so it is checked against the API: the PR's head must
// be the commit the reported run built.
import { DataInvalidError, InputError } from "../../errors.js";
import type { GitHubClient, PullRequestInfo } from "../ports/github-client.js";
import type { PullRequestEvent, WorkflowRunEvent } from "./events.js";

export type TargetContext =
  | { kind: "pull_request"; event: PullRequestEvent }
  | { kind: "workflow_run"; event: WorkflowRunEvent }
  | { kind: "other"; eventName: string };

export type TrustedTarget =
  | { status: "ok"; number: number; headSha: string; verifiedVia: "event" | "api" }
  /** The PR moved on since the reported run: posting would show stale numbers. */
  | { status: "stale"; number: number; headSha: string; currentHeadSha: string };

/**
 * @param claimed a PR number from an input or an artifact (untrusted in workflow_run jobs).
 */
export async function resolveTrustedPullRequest(client: GitHubClient, ctx: TargetContext, claimed: number | undefined): Promise<TrustedTarget> {
  switch (ctx.kind) {
    case "pull_request": {
      const e = ctx.event;
      if (claimed !== undefined && claimed !== e.number) {
        throw new InputError(`the report names pull request #${claimed} but this run is for #${e.number}`, {
          hint: "leave pr-number unset in pull_request workflows",
        });
      }
      return { status: "ok", number: e.number, headSha: e.headSha, verifiedVia: "event" };
    }
    case "workflow_run": {
      const run = ctx.event;
      if (run.event !== "pull_request") {
        throw new InputError(`the workflow run ${run.runId} was triggered by "${run.event}", not "pull_request"; refusing to comment`, {
          hint: `guard the job with: if: github.event.workflow_run.event == 'pull_request'`,
        });
      }
      const number = claimed ?? (run.pullRequestNumbers.length === 1 ? run.pullRequestNumbers[0] : undefined);
      if (number === undefined) {
        throw new DataInvalidError(`cannot tell which pull request workflow run ${run.runId} belongs to`, {
          hint: "upload pull-request.json (written by actions/compare) with the report, or pass pr-number",
        });
      }
      if (run.pullRequestNumbers.length > 0 && !run.pullRequestNumbers.includes(number)) {
        throw new DataInvalidError(`the artifact names pull request #${number}, but workflow run ${run.runId} belongs to #${run.pullRequestNumbers.join(", #")}`);
      }
      return checkHead(await client.getPullRequest(number), run);
    }
    case "other": {
      if (claimed === undefined) {
        throw new InputError(`input "pr-number" is required when the workflow is triggered by "${ctx.eventName}"`);
      }
      const pr = await client.getPullRequest(claimed);
      return { status: "ok", number: pr.number, headSha: pr.headSha, verifiedVia: "api" };
    }
  }
}

function checkHead(pr: PullRequestInfo, run: WorkflowRunEvent): TrustedTarget {
  if (pr.headSha.toLowerCase() === run.headSha) return { status: "ok", number: pr.number, headSha: run.headSha, verifiedVia: "api" };
  // Same head repository: the author pushed again; a newer run will report. Anything else is a forged number.
  if (pr.headRepo !== null && run.headRepo !== null && pr.headRepo === run.headRepo) {
    return { status: "stale", number: pr.number, headSha: run.headSha, currentHeadSha: pr.headSha };
  }
  throw new DataInvalidError(
    `the artifact names pull request #${pr.number} (head ${pr.headRepo ?? "deleted fork"}@${pr.headSha.slice(0, 12)}), ` +
      `but workflow run ${run.runId} built ${run.headRepo ?? "?"}@${run.headSha.slice(0, 12)}; refusing to comment`,
    { hint: "the artifact was not produced for that pull request; do not trust its pull-request.json" },
  );
}
