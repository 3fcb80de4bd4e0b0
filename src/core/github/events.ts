// The two event payloads the actions act on, parsed from GITHUB_EVENT_PATH's JSON. Only the fields
// we use are checked; GitHub adds fields freely, so the objects are loose.
import { z } from "zod";
import { DataInvalidError } from "../../errors.js";

const repo = z.looseObject({ full_name: z.string() });
const sha = z.string().regex(/^[0-9a-f]{40}$/i, "expected a 40-hex commit SHA");

const pullRequestEvent = z.looseObject({
  pull_request: z.looseObject({
    number: z.number().int().positive(),
    head: z.looseObject({ sha, ref: z.string(), repo: repo.nullable() }),
    base: z.looseObject({ sha, ref: z.string(), repo }),
  }),
});

const workflowRunEvent = z.looseObject({
  workflow_run: z.looseObject({
    id: z.number().int(),
    event: z.string(),
    head_sha: sha,
    head_branch: z.string().nullable(),
    head_repository: repo.nullable(),
    repository: repo,
    conclusion: z.string().nullable(),
    html_url: z.string().optional(),
    pull_requests: z.array(z.looseObject({ number: z.number().int().positive(), head: z.looseObject({ sha: z.string() }) })).default([]),
  }),
});

export interface PullRequestEvent {
  number: number;
  headSha: string;
  headRepo: string | null;
  baseRepo: string;
  isFork: boolean;
}

export interface WorkflowRunEvent {
  runId: number;
  /** The event that triggered the run being reported on (we only trust "pull_request"). */
  event: string;
  headSha: string;
  headRepo: string | null;
  repo: string;
  conclusion: string | null;
  htmlUrl: string | undefined;
  /** Filled by GitHub only for same-repository PRs; empty for forks. */
  pullRequestNumbers: number[];
}

export function parsePullRequestEvent(payload: unknown, where: string): PullRequestEvent {
  const r = pullRequestEvent.safeParse(payload);
  if (!r.success) throw eventError("pull_request", where, r.error);
  const pr = r.data.pull_request;
  return {
    number: pr.number,
    headSha: pr.head.sha.toLowerCase(),
    headRepo: pr.head.repo?.full_name ?? null,
    baseRepo: pr.base.repo.full_name,
    isFork: pr.head.repo?.full_name !== pr.base.repo.full_name,
  };
}

export function parseWorkflowRunEvent(payload: unknown, where: string): WorkflowRunEvent {
  const r = workflowRunEvent.safeParse(payload);
  if (!r.success) throw eventError("workflow_run", where, r.error);
  const run = r.data.workflow_run;
  return {
    runId: run.id,
    event: run.event,
    headSha: run.head_sha.toLowerCase(),
    headRepo: run.head_repository?.full_name ?? null,
    repo: run.repository.full_name,
    conclusion: run.conclusion,
    htmlUrl: run.html_url,
    pullRequestNumbers: run.pull_requests.map((p) => p.number),
  };
}

function eventError(kind: string, where: string, err: z.ZodError): DataInvalidError {
  const issues = err.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  return new DataInvalidError(`${where} is not a ${kind} event payload: ${issues}`, {
    hint: `run this step in a workflow triggered by "${kind}", or pass the pull request number explicitly`,
  });
}
