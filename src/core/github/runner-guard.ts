// The runner guard: an action that runs a repository's code on a self-hosted runner (training)
// first proves that the code is trusted, and refuses when it cannot. Trusted means: an event only
// people with write access can cause on code they pushed (push, merge queue, schedule, a dispatch of
// a branch), or a pull request from the same repository by an OWNER/MEMBER/COLLABORATOR, or a pull
// request head that a collaborator approved by commenting `/llmops train <sha>` (the API confirms
// the commenter's permission; the SHA binds the approval to that head, so a later push needs a new
// one). Anything it does not understand — an unknown event, an unreadable payload, an unset
// RUNNER_ENVIRONMENT — is a refusal naming what was missing. Pure: the API is a port.
import type { GitHubClient, RepoPermission } from "../ports/github-client.js";

export const TRUSTED_ASSOCIATIONS = ["OWNER", "MEMBER", "COLLABORATOR"] as const;
const APPROVING_PERMISSIONS: readonly RepoPermission[] = ["admin", "maintain", "write"];
/**
 * `/llmops train <sha>`: the first line of a comment, with the FULL name of the head it approves (40
 * hex digits; 64 in a SHA-256 repository). A prefix would approve every commit sharing it, and an
 * attacker makes one cheaply (7 hex digits: 2^28 tries of a commit-message nonce).
 */
const APPROVAL = /^\/llmops\s+train\s+([0-9a-f]{40}|[0-9a-f]{64})\s*$/i;

export interface RunnerGuardInput {
  /** GITHUB_EVENT_NAME. */
  eventName: string | undefined;
  /** The parsed payload, or why it could not be read. */
  event: { ok: true; payload: unknown } | { ok: false; reason: string };
  /** GITHUB_REF (a dispatch of `refs/pull/N/head` runs a pull request's code). */
  ref: string | undefined;
  /** RUNNER_ENVIRONMENT: "github-hosted" or "self-hosted". */
  runnerEnvironment: string | undefined;
  /** GITHUB_REPOSITORY. */
  repository: string | undefined;
  /** The documented opt-out (input `runner-guard: off`), for a private repository without forks. */
  optOut: boolean;
}

export type ApprovalLookup = Pick<GitHubClient, "getPullRequest" | "listIssueComments" | "getCollaboratorPermission">;

export interface RunnerVerdict {
  allowed: boolean;
  /** One sentence: why it is allowed, or what was missing and how to fix it. */
  reason: string;
  /** The pull request whose code this is, when there is one. */
  pullRequest?: { number: number; headSha: string | null };
  /** The collaborator whose `/llmops train <sha>` comment approved this head. */
  approvedBy?: string;
}

/** Where the code in this run comes from, as far as the payload alone tells. */
type Origin =
  | { kind: "trusted"; why: string }
  /** `complete`: the payload said where the head lives (null: a deleted fork) and who wrote it; else the API must. */
  | { kind: "pull_request"; number: number; headSha: string | null; headRepo: string | null; baseRepo: string | null; association: string | null; via: string; complete?: boolean }
  | { kind: "refuse"; reason: string };

const rec = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null);
const sameRepo = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
const PR_REF = /^refs\/pull\/(\d+)\/(?:head|merge)$/;

const HOW_TO_FIX =
  "run this job on a GitHub-hosted runner, or have a collaborator comment `/llmops train <head SHA>` on the pull request (with `pull-requests: read` for the token), or push the branch to this repository as a member";

export async function decideRunnerTrust(input: RunnerGuardInput, api: ApprovalLookup | null): Promise<RunnerVerdict> {
  if (input.optOut) return { allowed: true, reason: "the runner guard is off (input runner-guard: off): every event's code runs on this runner" };
  const env = input.runnerEnvironment;
  if (env === undefined || env === "") {
    return refuse("RUNNER_ENVIRONMENT is not set, so this job cannot tell a self-hosted runner from a GitHub-hosted one; refusing to run repository code (set runner-guard: off only for a private repository whose contributors may all run code on the runner)");
  }
  if (env === "github-hosted") return { allowed: true, reason: "GitHub-hosted runner: a fresh virtual machine per job" };
  if (env !== "self-hosted") return refuse(`RUNNER_ENVIRONMENT is "${env}", neither "self-hosted" nor "github-hosted"; refusing to run repository code`);
  if (!input.event.ok) return refuse(`the event payload could not be read (${input.event.reason}), so nothing proves this code is trusted; refusing to run it on a self-hosted runner`);
  const origin = classifyEvent(input.eventName, input.event.payload, input.ref, input.repository);
  if (origin.kind === "trusted") return { allowed: true, reason: origin.why };
  if (origin.kind === "refuse") return refuse(origin.reason);
  return decidePullRequest(origin, input.repository ?? null, api);
}

function refuse(reason: string): RunnerVerdict {
  return { allowed: false, reason };
}

/** What the event says about the code's origin. Only events listed here are understood. */
export function classifyEvent(eventName: string | undefined, payload: unknown, ref: string | undefined, repository: string | undefined): Origin {
  const p = rec(payload) ?? {};
  const repo = str(rec(p.repository)?.full_name) ?? repository ?? null;
  switch (eventName) {
    case "push":
    case "merge_group":
    case "schedule":
    case "release":
      // Only people with write access push, queue merges (of approved PRs), schedule or release.
      return prRef(ref) ?? { kind: "trusted", why: `a ${eventName} event: code that someone with write access put in the repository` };
    case "workflow_dispatch":
    case "repository_dispatch": {
      const fromRef = prRef(ref) ?? prRef(str(p.ref) ?? undefined) ?? dispatchPayloadPr(p);
      return fromRef ?? { kind: "trusted", why: `a ${eventName} of ${ref ?? "the default branch"} (only users with write access can dispatch)` };
    }
    case "pull_request":
    case "pull_request_target":
    case "pull_request_review":
    case "pull_request_review_comment": {
      const pr = rec(p.pull_request);
      const number = num(pr?.number);
      if (!pr || number === null) return { kind: "refuse", reason: `the ${eventName} payload has no pull_request.number` };
      return {
        kind: "pull_request",
        number,
        headSha: str(rec(pr.head)?.sha),
        headRepo: str(rec(rec(pr.head)?.repo)?.full_name),
        baseRepo: str(rec(rec(pr.base)?.repo)?.full_name) ?? repo,
        association: str(pr.author_association),
        via: eventName,
        complete: str(pr.author_association) !== null && str(rec(pr.head)?.sha) !== null,
      };
    }
    case "issue_comment": {
      const issue = rec(p.issue);
      const number = num(issue?.number);
      if (!issue || number === null) return { kind: "refuse", reason: "the issue_comment payload has no issue.number" };
      if (!rec(issue.pull_request)) return { kind: "trusted", why: "a comment on an issue (not a pull request): the workflow runs the default branch" };
      // The payload does not say where the PR's head lives: the API does.
      return { kind: "pull_request", number, headSha: null, headRepo: null, baseRepo: repo, association: null, via: "issue_comment" };
    }
    case "workflow_run": {
      const run = rec(p.workflow_run);
      if (!run) return { kind: "refuse", reason: "the workflow_run payload has no workflow_run object" };
      const headRepo = str(rec(run.head_repository)?.full_name);
      const runRepo = str(rec(run.repository)?.full_name) ?? repo;
      const triggeredBy = str(run.event) ?? "(unknown)";
      const prs = Array.isArray(run.pull_requests) ? run.pull_requests.map((x) => num(rec(x)?.number)).filter((n): n is number => n !== null) : [];
      if (!sameRepo(headRepo, runRepo)) {
        return { kind: "refuse", reason: `the workflow run being followed built code from ${headRepo ?? "a deleted repository"}, not ${runRepo ?? "this repository"} (a fork); refusing to run it on a self-hosted runner` };
      }
      if (triggeredBy.startsWith("pull_request") || prs.length > 0) {
        if (prs.length !== 1) return { kind: "refuse", reason: `the workflow run was triggered by ${triggeredBy} but names ${prs.length} pull requests; cannot tell whose code this is` };
        return { kind: "pull_request", number: prs[0]!, headSha: str(run.head_sha), headRepo, baseRepo: runRepo, association: null, via: `workflow_run of a ${triggeredBy} run` };
      }
      return { kind: "trusted", why: `a workflow_run of a ${triggeredBy} run in this repository` };
    }
    case undefined:
    case "":
      return { kind: "refuse", reason: "GITHUB_EVENT_NAME is not set; cannot tell what triggered this run" };
    default:
      return { kind: "refuse", reason: `the event "${eventName}" is not one the runner guard understands (push, merge_group, schedule, release, workflow_dispatch, repository_dispatch, pull_request*, issue_comment, workflow_run); refusing to run its code on a self-hosted runner` };
  }
}

function prRef(ref: string | undefined): Origin | null {
  const m = ref ? PR_REF.exec(ref) : null;
  return m ? { kind: "pull_request", number: Number(m[1]), headSha: null, headRepo: null, baseRepo: null, association: null, via: `a run of ${ref}` } : null;
}

/** repository_dispatch/workflow_dispatch payloads that name a pull request (client_payload.pull_request / .pr / a refs/pull ref). */
function dispatchPayloadPr(p: Record<string, unknown>): Origin | null {
  for (const bag of [rec(p.client_payload), rec(p.inputs)]) {
    if (!bag) continue;
    for (const [k, v] of Object.entries(bag)) {
      const fromRef = typeof v === "string" ? prRef(v) : null;
      if (fromRef) return fromRef;
      if (/^(pull_request|pr|pr_number|pull)$/i.test(k)) {
        const n = num(typeof v === "string" && /^\d+$/.test(v) ? Number(v) : (rec(v)?.number ?? v));
        if (n !== null) return { kind: "pull_request", number: n, headSha: null, headRepo: null, baseRepo: null, association: null, via: `a dispatch naming pull request #${n}` };
        return { kind: "refuse", reason: `the dispatch payload's "${k}" names a pull request that the guard cannot identify` };
      }
    }
  }
  return null;
}

/**
 * Whether a pull request's head may be built by trusted code from its data (the gate's trusted
 * training), decided from the API alone: the PR's current head, repository and author association
 * are fetched, never taken from an event payload; an approval counts only for that current head.
 */
export async function decidePullRequestTrust(number: number, repository: string, via: string, api: ApprovalLookup): Promise<RunnerVerdict> {
  return decidePullRequest({ kind: "pull_request", number, headSha: null, headRepo: null, baseRepo: repository, association: null, via, complete: false }, repository, api);
}

async function decidePullRequest(o: Extract<Origin, { kind: "pull_request" }>, repository: string | null, api: ApprovalLookup | null): Promise<RunnerVerdict> {
  let { headSha, headRepo, association } = o;
  const baseRepo = o.baseRepo ?? repository;
  if (!o.complete || association === null || headSha === null) {
    if (!api) return refuse(`pull request #${o.number} (${o.via}): its author and head can only be checked through the API, and no token was given; ${HOW_TO_FIX}`);
    const pr = await api.getPullRequest(o.number);
    headSha = headSha ?? pr.headSha;
    headRepo = headRepo ?? pr.headRepo;
    association = association ?? pr.authorAssociation;
  }
  const pullRequest = { number: o.number, headSha };
  const sameRepository = sameRepo(headRepo, baseRepo);
  if (sameRepository && (TRUSTED_ASSOCIATIONS as readonly string[]).includes(association.toUpperCase())) {
    return { allowed: true, reason: `pull request #${o.number} (${o.via}) comes from this repository and its author is a ${association}`, pullRequest };
  }
  const who = sameRepository ? `its author's association is ${association}` : `it comes from ${headRepo ?? "a deleted fork"}`;
  if (!api) return refuse(`refusing to run pull request #${o.number} (${o.via}) on a self-hosted runner: ${who}, and without a token no approval can be checked; ${HOW_TO_FIX}`);
  if (headSha === null) return refuse(`pull request #${o.number}: cannot tell which head commit runs`);
  const approver = await findApproval(api, o.number, headSha);
  if (approver) return { allowed: true, reason: `pull request #${o.number} head ${headSha.slice(0, 12)} was approved by ${approver} (/llmops train)`, pullRequest, approvedBy: approver };
  return {
    allowed: false,
    reason: `refusing to run pull request #${o.number} (${o.via}) on a self-hosted runner: ${who}, and no collaborator has approved its head ${headSha.slice(0, 12)} with a "/llmops train ${headSha}" comment (the full SHA). Code from an untrusted author could take over the runner and everything it can reach`,
    pullRequest,
  };
}

/** The login of a collaborator (write, maintain or admin, confirmed by the API) whose comment approves exactly this head. */
async function findApproval(api: ApprovalLookup, number: number, headSha: string): Promise<string | null> {
  const comments = await api.listIssueComments(number);
  const checked = new Map<string, boolean>();
  for (const c of comments.slice().reverse()) {
    const m = APPROVAL.exec(c.body.split("\n", 1)[0]!.trim());
    if (!m || c.userLogin === null) continue;
    if (headSha.toLowerCase() !== m[1]!.toLowerCase()) continue;
    let ok = checked.get(c.userLogin);
    if (ok === undefined) {
      ok = APPROVING_PERMISSIONS.includes(await api.getCollaboratorPermission(c.userLogin));
      checked.set(c.userLogin, ok);
    }
    if (ok) return c.userLogin;
  }
  return null;
}
