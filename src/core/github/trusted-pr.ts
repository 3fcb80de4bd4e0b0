// Which pull request and commit a report belongs to, decided from trusted data only. A report
// bundle (and the PR number it names) may come from a fork's artifact, so for every event the
// commit the bundle was made for, its repository and the PR's current head (asked of the API)
// must agree before anything is posted; a disagreement is refused with the reason.
import { DataInvalidError, InputError } from "../../errors.js";
import type { GitHubClient, PullRequestInfo } from "../ports/github-client.js";
import type { PullRequestEvent, WorkflowRunEvent } from "./events.js";
import type { PullRequestRef } from "./report-bundle.js";

export type TargetContext =
  | { kind: "pull_request"; event: PullRequestEvent }
  | { kind: "workflow_run"; event: WorkflowRunEvent }
  | { kind: "other"; eventName: string };

export type TrustedTarget =
  | { status: "ok"; number: number; headSha: string; verifiedVia: "api" }
  /** The PR moved on since the reported run: posting would show stale numbers. */
  | { status: "stale"; number: number; headSha: string; currentHeadSha: string };

export interface TargetClaims {
  /** The repository this job runs in (GITHUB_REPOSITORY): the only one a bundle may be about. */
  repository: string;
  /** input "pr-number" (the workflow's own). */
  prNumberInput: number | undefined;
  /** The bundle's pull-request.json (untrusted). */
  bundleRef: PullRequestRef | null;
  /** The bundle carries a gate: it must then say which commit it judged (pull-request.json). */
  requireRef: boolean;
}

/** A commit in a repository: what a run built, or what a PR's head is. */
interface Head {
  sha: string;
  repo: string | null;
}

const sameRepo = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
const short = (h: Head) => `${h.repo ?? "(deleted fork)"}@${h.sha.slice(0, 12)}`;

export async function resolveTrustedPullRequest(client: GitHubClient, ctx: TargetContext, claims: TargetClaims): Promise<TrustedTarget> {
  const ref = claims.bundleRef;
  if (ref && !sameRepo(ref.base_repo, claims.repository)) {
    throw new DataInvalidError(`the report bundle was made for a pull request in ${ref.base_repo}, not in ${claims.repository}; refusing to comment`, {
      hint: "the report bundle is untrusted input; only a bundle from this repository's own PR run can be posted here",
    });
  }
  if (!ref && claims.requireRef) {
    throw new DataInvalidError("the report bundle has a gate (comparison.json) but no pull-request.json naming the commit it judged; refusing to publish a verdict that cannot be bound to the PR's head", {
      hint: "run actions/compare in the pull request's workflow (it writes pull-request.json), or pass a report file and the verdict input instead",
    });
  }
  const number = pickNumber(ctx, claims.prNumberInput, ref);
  // What the reported run built: the event says so where it can, else only the bundle does.
  const built: Head | null =
    ctx.kind === "pull_request" ? { sha: ctx.event.headSha, repo: ctx.event.headRepo } : ctx.kind === "workflow_run" ? { sha: ctx.event.headSha, repo: ctx.event.headRepo } : ref ? { sha: ref.head_sha, repo: ref.head_repo } : null;
  if (ref && built && (ref.head_sha !== built.sha || !sameRepoOrBothDeleted(ref.head_repo, built.repo))) {
    throw new DataInvalidError(`the report bundle was made for ${short({ sha: ref.head_sha, repo: ref.head_repo })}, but this ${ctx.kind === "workflow_run" ? `workflow run ${ctx.event.runId}` : "run"} built ${short(built)}; refusing to comment`, {
      hint: "the bundle comes from another run or was edited; post the bundle the same run's actions/compare wrote",
    });
  }
  const pr = await client.getPullRequest(number);
  if (!sameRepo(pr.baseRepo, claims.repository)) throw new DataInvalidError(`pull request #${number} is in ${pr.baseRepo}, not ${claims.repository}; refusing to comment`);
  return checkHead(pr, built, ctx);
}

function sameRepoOrBothDeleted(a: string | null, b: string | null): boolean {
  return (a === null && b === null) || sameRepo(a, b);
}

function pickNumber(ctx: TargetContext, input: number | undefined, ref: PullRequestRef | null): number {
  if (input !== undefined && ref && input !== ref.number) {
    throw new DataInvalidError(`input "pr-number" is #${input} but the report bundle is about #${ref.number}; refusing to comment`);
  }
  const claimed = input ?? ref?.number;
  switch (ctx.kind) {
    case "pull_request": {
      if (claimed !== undefined && claimed !== ctx.event.number) {
        throw new InputError(`the report names pull request #${claimed} but this run is for #${ctx.event.number}`, {
          hint: "leave pr-number unset in pull_request workflows, and post the bundle this run's actions/compare wrote",
        });
      }
      return ctx.event.number;
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
      return number;
    }
    case "other":
      if (claimed === undefined) throw new InputError(`input "pr-number" is required when the workflow is triggered by "${ctx.eventName}"`);
      return claimed;
  }
}

function checkHead(pr: PullRequestInfo, built: Head | null, ctx: TargetContext): TrustedTarget {
  const current: Head = { sha: pr.headSha.toLowerCase(), repo: pr.headRepo };
  if (built === null) return { status: "ok", number: pr.number, headSha: current.sha, verifiedVia: "api" };
  if (built.sha === current.sha && sameRepoOrBothDeleted(built.repo, current.repo)) return { status: "ok", number: pr.number, headSha: current.sha, verifiedVia: "api" };
  // The run's own event named this PR and its repository: the author pushed again, a newer run will report.
  if (ctx.kind !== "other" && built.sha !== current.sha && sameRepo(built.repo, current.repo)) {
    return { status: "stale", number: pr.number, headSha: built.sha, currentHeadSha: current.sha };
  }
  throw new DataInvalidError(
    `pull request #${pr.number}'s head is ${short(current)}, but the report is about ${short(built)}; refusing to comment`,
    { hint: "a report is posted only on the commit it judged; run the workflow again on the PR's current head" },
  );
}
