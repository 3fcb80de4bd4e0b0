import { describe, expect, test } from "vitest";
import { MemoryGitHubClient } from "../../../test/support/fake-github-client.js";
import { parsePullRequestEvent, parseWorkflowRunEvent, type WorkflowRunEvent } from "./events.js";
import type { PullRequestRef } from "./report-bundle.js";
import { resolveTrustedPullRequest, type TargetClaims } from "./trusted-pr.js";

const HEAD = "1".repeat(40);
const NEWER = "2".repeat(40);
const REPO = "octo-org/llm-app";
const FORK = "fork-user/llm-app";

function client(): MemoryGitHubClient {
  const c = new MemoryGitHubClient();
  c.pulls.set(42, { number: 42, state: "open", headSha: HEAD, headRef: "feat", headRepo: FORK, baseRepo: REPO, baseRef: "main", authorAssociation: "CONTRIBUTOR" });
  c.pulls.set(43, { number: 43, state: "open", headSha: NEWER, headRef: "other", headRepo: "someone/llm-app", baseRepo: REPO, baseRef: "main", authorAssociation: "CONTRIBUTOR" });
  c.pulls.set(44, { number: 44, state: "open", headSha: HEAD, headRef: "same-sha", headRepo: "someone/llm-app", baseRepo: REPO, baseRef: "main", authorAssociation: "CONTRIBUTOR" });
  return c;
}

const run = (o: Partial<WorkflowRunEvent> = {}): WorkflowRunEvent => ({
  runId: 99, event: "pull_request", headSha: HEAD, headRepo: FORK, repo: REPO, conclusion: "success", htmlUrl: undefined, pullRequestNumbers: [], ...o,
});
const ref = (o: Partial<PullRequestRef> = {}): PullRequestRef => ({ schema: "llmops.pull-request/v2", number: 42, head_sha: HEAD, head_repo: FORK, base_repo: REPO, ...o });
const claims = (o: Partial<TargetClaims> = {}): TargetClaims => ({ repository: REPO, prNumberInput: undefined, bundleRef: null, requireRef: false, ...o });
const prEvent = (headSha = HEAD) =>
  parsePullRequestEvent({ pull_request: { number: 42, head: { sha: headSha, ref: "f", repo: { full_name: FORK } }, base: { sha: NEWER, ref: "main", repo: { full_name: REPO } } } }, "event.json");

describe("resolveTrustedPullRequest", () => {
  test("pull_request: the event's number, confirmed against the API's current head", async () => {
    const c = client();
    expect(await resolveTrustedPullRequest(c, { kind: "pull_request", event: prEvent() }, claims({ bundleRef: ref() }))).toEqual({ status: "ok", number: 42, headSha: HEAD, verifiedVia: "api" });
    expect(c.calls).toContain("getPull 42");
    await expect(resolveTrustedPullRequest(client(), { kind: "pull_request", event: prEvent() }, claims({ prNumberInput: 7 }))).rejects.toThrow(/names pull request #7 but this run is for #42/);
  });

  test("pull_request: a bundle for an older commit of the same PR (an old PASS) is refused before any API call", async () => {
    const c = client();
    await expect(resolveTrustedPullRequest(c, { kind: "pull_request", event: prEvent() }, claims({ bundleRef: ref({ head_sha: NEWER }) }))).rejects.toThrow(
      /made for fork-user\/llm-app@222222222222, but this run built fork-user\/llm-app@111111111111; refusing/,
    );
    expect(c.calls).toEqual([]);
  });

  test("a bundle about a PR of another repository is refused, even with the right SHA", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "pull_request", event: prEvent() }, claims({ bundleRef: ref({ base_repo: "victim/other" }) }))).rejects.toThrow(
      /made for a pull request in victim\/other, not in octo-org\/llm-app/,
    );
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run() }, claims({ bundleRef: ref({ head_repo: "someone/llm-app" }) }))).rejects.toThrow(/made for someone\/llm-app@/);
  });

  test("a gate without pull-request.json cannot be bound to a head: refused", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "pull_request", event: prEvent() }, claims({ requireRef: true }))).rejects.toThrow(/no pull-request\.json/);
  });

  test("pull_request: the PR moved on since this run → stale", async () => {
    expect(await resolveTrustedPullRequest(client(), { kind: "pull_request", event: prEvent(NEWER) }, claims({ bundleRef: ref({ head_sha: NEWER }) }))).toEqual({
      status: "stale", number: 42, headSha: NEWER, currentHeadSha: HEAD,
    });
  });

  test("workflow_run: a claimed number whose head is the run's commit is accepted", async () => {
    expect(await resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run() }, claims({ bundleRef: ref() }))).toEqual({ status: "ok", number: 42, headSha: HEAD, verifiedVia: "api" });
  });

  test("workflow_run: a forged number (another PR) is refused", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run() }, claims({ bundleRef: ref({ number: 43 }) }))).rejects.toThrow(
      /pull request #43's head is someone\/llm-app@222222222222, but the report is about fork-user\/llm-app@111111111111; refusing/,
    );
  });

  test("workflow_run: another PR whose head has the same SHA but lives in another repository is refused", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run() }, claims({ bundleRef: ref({ number: 44 }) }))).rejects.toThrow(/#44's head is someone\/llm-app@111111111111/);
  });

  test("workflow_run: the same fork pushed again → stale, not an error", async () => {
    const r = await resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run({ headSha: NEWER }) }, claims({ prNumberInput: 42 }));
    expect(r).toEqual({ status: "stale", number: 42, headSha: NEWER, currentHeadSha: HEAD });
  });

  test("workflow_run: a number outside the event's pull_requests is refused before any API call", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run({ pullRequestNumbers: [41] }) }, claims({ prNumberInput: 42 }))).rejects.toThrow(/belongs to #41/);
  });

  test("workflow_run: the event's single PR is used when none is claimed; none at all is an error", async () => {
    expect((await resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run({ pullRequestNumbers: [42] }) }, claims())).status).toBe("ok");
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run() }, claims())).rejects.toThrow(/cannot tell which pull request/);
  });

  test("workflow_run triggered by push is refused", async () => {
    await expect(resolveTrustedPullRequest(client(), { kind: "workflow_run", event: run({ event: "push" }) }, claims({ prNumberInput: 42 }))).rejects.toThrow(/triggered by "push"/);
  });

  test("other events: pr-number needed; a bundle must be about the PR's current head (no old PASS on a new head)", async () => {
    const other = { kind: "other", eventName: "workflow_dispatch" } as const;
    await expect(resolveTrustedPullRequest(client(), other, claims())).rejects.toThrow(/pr-number/);
    expect(await resolveTrustedPullRequest(client(), other, claims({ prNumberInput: 43 }))).toMatchObject({ number: 43, headSha: NEWER });
    expect(await resolveTrustedPullRequest(client(), other, claims({ prNumberInput: 42, bundleRef: ref() }))).toMatchObject({ status: "ok", number: 42 });
    await expect(resolveTrustedPullRequest(client(), other, claims({ prNumberInput: 42, bundleRef: ref({ head_sha: NEWER }) }))).rejects.toThrow(/#42's head is fork-user\/llm-app@111111111111, but the report is about fork-user\/llm-app@222222222222/);
    await expect(resolveTrustedPullRequest(client(), other, claims({ prNumberInput: 43, bundleRef: ref() }))).rejects.toThrow(/input "pr-number" is #43 but the report bundle is about #42/);
  });
});

describe("event parsing", () => {
  test("a workflow_run payload with a bad SHA names the field", () => {
    expect(() => parseWorkflowRunEvent({ workflow_run: { id: 1, event: "pull_request", head_sha: "zz", head_branch: null, head_repository: null, repository: { full_name: "a/b" }, conclusion: null } }, "/tmp/event.json")).toThrow(
      /\/tmp\/event.json is not a workflow_run event payload: workflow_run.head_sha: expected a 40-hex commit SHA/,
    );
  });
});
