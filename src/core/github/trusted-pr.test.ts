import { describe, expect, test } from "vitest";
import { MemoryGitHubClient } from "../../../test/support/fake-github-client.js";
import { parsePullRequestEvent, parseWorkflowRunEvent, type WorkflowRunEvent } from "./events.js";
import { resolveTrustedPullRequest } from "./trusted-pr.js";

const HEAD = "1".repeat(40);
const NEWER = "2".repeat(40);

function client(): MemoryGitHubClient {
  const c = new MemoryGitHubClient();
  c.pulls.set(42, { number: 42, state: "open", headSha: HEAD, headRef: "feat", headRepo: "fork-user/llm-app", baseRepo: "octo-org/llm-app" });
  c.pulls.set(43, { number: 43, state: "open", headSha: NEWER, headRef: "other", headRepo: "someone/llm-app", baseRepo: "octo-org/llm-app" });
  return c;
}

const run = (o: Partial<WorkflowRunEvent> = {}): WorkflowRunEvent => ({
  runId: 99, event: "pull_request", headSha: HEAD, headRepo: "fork-user/llm-app", repo: "octo-org/llm-app", conclusion: "success", htmlUrl: undefined, pullRequestNumbers: [], ...o,
});

describe("resolveTrustedPullRequest", () => {
  test("pull_request: the event's number and head", async () => {
    const event = parsePullRequestEvent({ pull_request: { number: 42, head: { sha: HEAD, ref: "f", repo: { full_name: "fork-user/llm-app" } }, base: { sha: NEWER, ref: "main", repo: { full_name: "octo-org/llm-app" } } } }, "event.json");
    expect(event.isFork).toBe(true);
    expect(await resolveTrustedPullRequest(client(), { kind: "pull_request", event }, undefined)).toEqual({ status: "ok", number: 42, headSha: HEAD, verifiedVia: "event" });
    await expect(resolveTrustedPullRequest(client(), { kind: "pull_request", event }, 7)).rejects.toThrow(/names pull request #7 but this run is for #42/);
  });

  test("workflow_run: a claimed number whose head is the run's commit is accepted", async () => {
    expect(await resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run() }, 42)).toEqual({ status: "ok", number: 42, headSha: HEAD, verifiedVia: "api" });
  });

  test("workflow_run: a forged number (another PR) is refused", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run() }, 43)).rejects.toThrow(/names pull request #43 .* refusing to comment/);
  });

  test("workflow_run: the same fork pushed again → stale, not an error", async () => {
    const r = await resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run({ headSha: NEWER }) }, 42);
    expect(r).toEqual({ status: "stale", number: 42, headSha: NEWER, currentHeadSha: HEAD });
  });

  test("workflow_run: a number outside the event's pull_requests is refused before any API call", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run({ pullRequestNumbers: [41] }) }, 42)).rejects.toThrow(/belongs to #41/);
  });

  test("workflow_run: the event's single PR is used when none is claimed; none at all is an error", async () => {
    expect((await resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run({ pullRequestNumbers: [42] }) }, undefined)).status).toBe("ok");
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run() }, undefined)).rejects.toThrow(/cannot tell which pull request/);
  });

  test("workflow_run triggered by push is refused", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run({ event: "push" }) }, 42)).rejects.toThrow(/triggered by "push"/);
  });

  test("other events need pr-number and take the head from the API", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "other", eventName: "workflow_dispatch" }, undefined)).rejects.toThrow(/pr-number/);
    expect(await resolveTrustedPullRequest(client(), { kind: "other", eventName: "workflow_dispatch" }, 43)).toMatchObject({ number: 43, headSha: NEWER });
  });
});

describe("event parsing", () => {
  test("a workflow_run payload with a bad SHA names the field", () => {
    expect(() => parseWorkflowRunEvent({ workflow_run: { id: 1, event: "pull_request", head_sha: "zz", head_branch: null, head_repository: null, repository: { full_name: "a/b" }, conclusion: null } }, "/tmp/event.json")).toThrow(
      /\/tmp\/event.json is not a workflow_run event payload: workflow_run.head_sha: expected a 40-hex commit SHA/,
    );
  });
});
