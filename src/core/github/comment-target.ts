// Two decisions of the comment action that read the runner's context: which kind of event it runs
// under (what the pull request may be taken from) and which run's summary holds the full report.
import type { TargetContext } from "./trusted-pr.js";

/**
 * pull_request and pull_request_target carry the pull request in their payload; workflow_run
 * carries the run that made the report; any other event gives none, and the PR can only come
 * from the inputs (checked against the API all the same).
 */
export function targetEventKind(eventName: string): TargetContext["kind"] {
  if (eventName === "pull_request" || eventName === "pull_request_target") return "pull_request";
  if (eventName === "workflow_run") return "workflow_run";
  return "other";
}

/**
 * The run whose job summary holds the full report: in a workflow_run job the reported run (GitHub's
 * own URL from the event), else this run; undefined when neither is known.
 */
export function reportRunUrl(ctx: TargetContext, run: { serverUrl: string | undefined; repository: string; runId: string | undefined }): string | undefined {
  const thisRun = run.serverUrl && run.runId ? `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}` : undefined;
  return ctx.kind === "workflow_run" ? (ctx.event.htmlUrl ?? thisRun) : thisRun;
}
