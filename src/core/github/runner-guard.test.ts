// The runner guard fails closed: every event it understands, with the payload GitHub writes, and
// everything it cannot prove (unknown event, unreadable payload, unset RUNNER_ENVIRONMENT) refused.
import { describe, expect, it } from "vitest";
import { MemoryGitHubClient } from "../../../test/support/fake-github-client.js";
import { decidePullRequestTrust, decideRunnerTrust, type RunnerGuardInput } from "./runner-guard.js";

const REPO = "acme/models";
const HEAD = "c0ffee".padEnd(40, "1");
const LATER = "dead00".padEnd(40, "2");
const repo = (full_name: string | null) => (full_name === null ? null : { full_name });
const pr = (o: { head?: string | null; assoc?: string; number?: number; sha?: string } = {}) => ({
  number: o.number ?? 7,
  head: { sha: o.sha ?? HEAD, repo: repo(o.head === undefined ? REPO : o.head) },
  base: { repo: { full_name: REPO } },
  author_association: o.assoc ?? "MEMBER",
});
const run = (o: { headRepo?: string | null; event?: string; prs?: number[] } = {}) => ({
  workflow_run: {
    event: o.event ?? "pull_request",
    head_sha: HEAD,
    head_repository: repo(o.headRepo === undefined ? REPO : o.headRepo),
    repository: { full_name: REPO },
    pull_requests: (o.prs ?? [7]).map((number) => ({ number })),
  },
});

function api(o: { headRepo?: string | null; assoc?: string; headSha?: string } = {}): MemoryGitHubClient {
  const c = new MemoryGitHubClient();
  c.pulls.set(7, { number: 7, state: "open", headSha: o.headSha ?? HEAD, headRef: "f", headRepo: o.headRepo === undefined ? "mallory/models" : o.headRepo, baseRepo: REPO, baseRef: "main", authorAssociation: o.assoc ?? "CONTRIBUTOR" });
  c.permissions.set("maintainer", "write").set("triager", "triage").set("admin-user", "admin");
  return c;
}

const input = (eventName: string | undefined, payload: unknown, o: Partial<RunnerGuardInput> = {}): RunnerGuardInput => ({
  eventName,
  event: { ok: true, payload },
  ref: undefined,
  runnerEnvironment: "self-hosted",
  repository: REPO,
  optOut: false,
  ...o,
});

describe("runner guard on a self-hosted runner", () => {
  it.each([
    // [name, event name, payload, extra input, allowed, reason pattern]
    ["push", "push", { ref: "refs/heads/main" }, { ref: "refs/heads/main" }, true, /push event/],
    ["merge_group", "merge_group", { merge_group: {} }, {}, true, /merge_group/],
    ["schedule", "schedule", {}, {}, true, /schedule/],
    ["workflow_dispatch of a branch", "workflow_dispatch", { ref: "refs/heads/main", inputs: {} }, { ref: "refs/heads/main" }, true, /workflow_dispatch of refs\/heads\/main/],
    ["same-repo PR by a MEMBER", "pull_request", { pull_request: pr() }, {}, true, /comes from this repository and its author is a MEMBER/],
    ["same repo, different case, COLLABORATOR", "pull_request", { pull_request: { ...pr({ assoc: "COLLABORATOR" }), head: { sha: HEAD, repo: { full_name: "ACME/Models" } } } }, {}, true, /COLLABORATOR/],
    ["pull_request_target from a same-repo OWNER", "pull_request_target", { pull_request: pr({ assoc: "OWNER" }) }, {}, true, /OWNER/],
    ["pull_request_review on a MEMBER's PR", "pull_request_review", { pull_request: pr() }, {}, true, /MEMBER/],
    ["issue comment on an issue (not a PR)", "issue_comment", { issue: { number: 3 } }, {}, true, /not a pull request/],
    ["workflow_run of a push in this repository", "workflow_run", run({ event: "push", prs: [] }), {}, true, /workflow_run of a push run/],
  ] as const)("allows %s", async (_n, eventName, payload, extra, allowed, re) => {
    const v = await decideRunnerTrust(input(eventName, payload, extra), null);
    expect(v.allowed, v.reason).toBe(allowed);
    expect(v.reason).toMatch(re);
  });

  // Each of these was allowed before (the guard looked only at payload.pull_request, and let
  // anything it did not recognise through).
  it.each([
    ["a fork's PR", "pull_request", { pull_request: pr({ head: "mallory/models", assoc: "CONTRIBUTOR" }) }, {}, /it comes from mallory\/models/],
    ["a deleted fork's PR", "pull_request", { pull_request: pr({ head: null, assoc: "CONTRIBUTOR" }) }, {}, /a deleted fork/],
    ["a fork's PR through pull_request_target", "pull_request_target", { pull_request: pr({ head: "mallory/models", assoc: "NONE" }) }, {}, /mallory\/models/],
    ["a fork's PR through pull_request_review_comment", "pull_request_review_comment", { pull_request: pr({ head: "mallory/models", assoc: "NONE" }) }, {}, /mallory\/models/],
    ["a same-repo PR by a CONTRIBUTOR (a bot, a former member)", "pull_request", { pull_request: pr({ assoc: "CONTRIBUTOR" }) }, {}, /association is CONTRIBUTOR/],
    ["a fork's PR through workflow_run", "workflow_run", run({ headRepo: "mallory/models", prs: [] }), {}, /built code from mallory\/models, not acme\/models/],
    ["a deleted fork through workflow_run", "workflow_run", run({ headRepo: null, prs: [] }), {}, /a deleted repository/],
    ["an issue_comment on a PR, without a token to check it", "issue_comment", { issue: { number: 7, pull_request: { url: "x" } } }, {}, /no token was given/],
    ["a workflow_dispatch of refs/pull/7/head, without a token", "workflow_dispatch", { ref: "refs/pull/7/head" }, { ref: "refs/pull/7/head" }, /pull request #7 \(a run of refs\/pull\/7\/head\)/],
    ["a repository_dispatch naming a PR ref", "repository_dispatch", { client_payload: { ref: "refs/pull/7/merge" } }, {}, /pull request #7/],
    ["a repository_dispatch naming a PR number", "repository_dispatch", { client_payload: { pr: "7" } }, {}, /pull request #7/],
    ["an unknown event", "discussion", {}, {}, /the event "discussion" is not one the runner guard understands/],
    ["no event name", undefined, {}, {}, /GITHUB_EVENT_NAME is not set/],
    ["a pull_request payload without a PR", "pull_request", {}, {}, /no pull_request\.number/],
    ["a workflow_run payload without workflow_run", "workflow_run", {}, {}, /no workflow_run object/],
  ] as const)("refuses %s", async (_n, eventName, payload, extra, re) => {
    const v = await decideRunnerTrust(input(eventName, payload, extra), null);
    expect(v.allowed, v.reason).toBe(false);
    expect(v.reason).toMatch(re);
  });

  it("refuses an unreadable event file, naming it", async () => {
    const v = await decideRunnerTrust({ ...input("push", null), event: { ok: false, reason: "cannot read /tmp/event.json: ENOENT" } }, null);
    expect(v).toMatchObject({ allowed: false });
    expect(v.reason).toMatch(/event payload could not be read \(cannot read \/tmp\/event\.json: ENOENT\)/);
  });

  it.each([
    [undefined, /RUNNER_ENVIRONMENT is not set/],
    ["", /RUNNER_ENVIRONMENT is not set/],
    ["my-laptop", /RUNNER_ENVIRONMENT is "my-laptop"/],
  ])("refuses RUNNER_ENVIRONMENT=%j even for a push", async (env, re) => {
    const v = await decideRunnerTrust(input("push", {}, { runnerEnvironment: env }), null);
    expect(v.allowed).toBe(false);
    expect(v.reason).toMatch(re);
  });

  it("allows anything on a GitHub-hosted runner, and anything with the documented opt-out", async () => {
    expect((await decideRunnerTrust(input("pull_request", { pull_request: pr({ head: "mallory/models" }) }, { runnerEnvironment: "github-hosted" }), null)).allowed).toBe(true);
    const off = await decideRunnerTrust(input("weird", {}, { runnerEnvironment: undefined, optOut: true }), null);
    expect(off).toMatchObject({ allowed: true });
    expect(off.reason).toMatch(/runner-guard: off/);
  });
});

describe("approval of an untrusted head by a collaborator", () => {
  const forkPr = { pull_request: pr({ head: "mallory/models", assoc: "FIRST_TIME_CONTRIBUTOR" }) };

  it("a `/llmops train <sha>` comment by a user with write access approves that head", async () => {
    const c = api();
    c.seed(7, "maintainer", `/llmops train ${HEAD}`);
    const v = await decideRunnerTrust(input("pull_request", forkPr), c);
    expect(v).toMatchObject({ allowed: true, approvedBy: "maintainer", pullRequest: { number: 7, headSha: HEAD } });
    expect(c.calls).toEqual(["list 7", "permission maintainer"]);
  });

  it("a later push needs approval again: the comment names the old head", async () => {
    const c = api({ headSha: LATER });
    c.seed(7, "maintainer", `/llmops train ${HEAD}`);
    const v = await decideRunnerTrust(input("pull_request", { pull_request: pr({ head: "mallory/models", assoc: "NONE", sha: LATER }) }), c);
    expect(v.allowed).toBe(false);
    expect(v.reason).toContain(`no collaborator has approved its head dead00222222 with a "/llmops train ${LATER}" comment (the full SHA)`);
  });

  it.each([
    ["the PR author approving themselves (no write access)", "mallory", `/llmops train ${HEAD}`],
    ["a triager (labels, not code)", "triager", `/llmops train ${HEAD}`],
    ["a collaborator's comment without a SHA", "maintainer", "/llmops train"],
    ["a collaborator quoting the command mid-comment", "maintainer", `LGTM\n/llmops train ${HEAD}`],
    ["a too-short SHA", "maintainer", `/llmops train ${HEAD.slice(0, 4)}`],
    ["an abbreviated SHA (another commit with that prefix is cheap to make)", "maintainer", `/llmops train ${HEAD.slice(0, 12)}`],
  ])("does not count %s", async (_n, login, body) => {
    const c = api();
    c.seed(7, login, body);
    expect((await decideRunnerTrust(input("pull_request", forkPr), c)).allowed).toBe(false);
  });

  it("issue_comment on a fork's PR: the API says where the head lives and who wrote it; the approving comment counts", async () => {
    const c = api();
    const event = { issue: { number: 7, pull_request: { url: "x" } }, comment: { body: `/llmops train ${HEAD.slice(0, 10)}`, user: { login: "admin-user" } } };
    expect((await decideRunnerTrust(input("issue_comment", event), c)).allowed).toBe(false);
    c.seed(7, "admin-user", `/llmops train ${HEAD}`);
    expect(await decideRunnerTrust(input("issue_comment", event), c)).toMatchObject({ allowed: true, approvedBy: "admin-user" });
  });

  it("issue_comment on a same-repo MEMBER's PR is allowed through the API", async () => {
    const c = api({ headRepo: REPO, assoc: "MEMBER" });
    expect(await decideRunnerTrust(input("issue_comment", { issue: { number: 7, pull_request: {} } }), c)).toMatchObject({ allowed: true });
    expect(c.calls).toEqual(["getPull 7"]);
  });

  it("workflow_run of a same-repo PR: the author's association comes from the API", async () => {
    expect((await decideRunnerTrust(input("workflow_run", run()), api({ headRepo: REPO, assoc: "NONE" }))).allowed).toBe(false);
    expect((await decideRunnerTrust(input("workflow_run", run()), api({ headRepo: REPO, assoc: "MEMBER" }))).allowed).toBe(true);
  });

  it("workflow_dispatch of refs/pull/7/head is judged as pull request #7", async () => {
    const c = api();
    expect((await decideRunnerTrust(input("workflow_dispatch", {}, { ref: "refs/pull/7/head" }), c)).allowed).toBe(false);
    c.seed(7, "maintainer", `/llmops train ${HEAD}`);
    expect((await decideRunnerTrust(input("workflow_dispatch", {}, { ref: "refs/pull/7/head" }), c)).allowed).toBe(true);
  });
});

describe("decidePullRequestTrust (the gate's trusted training): the API alone decides", () => {
  it("a same-repository PR by a MEMBER is trusted without an approval", async () => {
    const v = await decidePullRequestTrust(7, REPO, "pull_request_target", api({ headRepo: REPO, assoc: "MEMBER" }));
    expect(v).toMatchObject({ allowed: true, pullRequest: { number: 7, headSha: HEAD } });
  });
  it("a fork PR needs a collaborator's approval of the API's current head, not of a head an event named", async () => {
    const c = api({ headSha: LATER });
    c.seed(7, "maintainer", `/llmops train ${HEAD}`);
    expect((await decidePullRequestTrust(7, REPO, "issue_comment", c)).allowed).toBe(false);
    c.seed(7, "triager", `/llmops train ${LATER}`);
    expect((await decidePullRequestTrust(7, REPO, "issue_comment", c)).allowed).toBe(false);
    c.seed(7, "maintainer", `/llmops train ${LATER}`);
    expect(await decidePullRequestTrust(7, REPO, "issue_comment", c)).toMatchObject({ allowed: true, approvedBy: "maintainer", pullRequest: { headSha: LATER } });
  });
});
