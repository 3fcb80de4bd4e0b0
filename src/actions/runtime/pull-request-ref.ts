// The report bundle's pull-request.json, written by the actions that make a bundle (compare, pipeline).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PULL_REQUEST_TAG, pullRequestFormat } from "../../core/contracts/report-bundle.js";
import { BUNDLE_FILES, parsePullRequestEvent } from "../../core/github/index.js";
import { readEventPayload } from "./event.js";

/**
 * On pull_request(_target) events, record in a report bundle which PR, head commit and repositories
 * it is about (actions/comment posts it only where they match the PR's current head). Other events
 * write nothing.
 */
export async function writePullRequestRef(out: string, eventName: string | undefined, eventPath: string | undefined): Promise<void> {
  if ((eventName !== "pull_request" && eventName !== "pull_request_target") || !eventPath) return;
  const pr = parsePullRequestEvent(await readEventPayload(eventPath), eventPath);
  await writeFile(join(out, BUNDLE_FILES.pullRequest), pullRequestFormat.serialize({ schema: PULL_REQUEST_TAG, number: pr.number, head_sha: pr.headSha, head_repo: pr.headRepo, base_repo: pr.baseRepo }));
}
