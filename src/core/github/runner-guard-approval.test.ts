// An approval binds exactly one commit. `/llmops train <sha>` used to accept any 7–40 hex-digit
// prefix of the head: an attacker whose head a collaborator approved could push another commit
// whose SHA-1 shares that prefix (7 hex digits = 2^28 tries of a commit message nonce: minutes on
// one CPU core) and have it trained by the gate, or run on a self-hosted runner, unreviewed. Only
// the full object name (40 hex digits; 64 in a SHA-256 repository) approves, and only when equal.
import { describe, expect, it } from "vitest";
import { MemoryGitHubClient } from "../../../test/support/fake-github-client.js";
import { decidePullRequestTrust, decideRunnerTrust } from "./runner-guard.js";

const REPO = "acme/models";
const APPROVED = "c0ffee1".padEnd(40, "1");
// Another commit whose name starts with the same 12 hex digits as the approved one.
const COLLIDING = APPROVED.slice(0, 12).padEnd(40, "9");

function api(headSha: string): MemoryGitHubClient {
  const c = new MemoryGitHubClient();
  c.pulls.set(7, { number: 7, state: "open", headSha, headRef: "f", headRepo: "mallory/models", baseRepo: REPO, baseRef: "main", authorAssociation: "CONTRIBUTOR" });
  c.permissions.set("maintainer", "write");
  return c;
}

describe("an approval names the full head commit", () => {
  it.each([7, 10, 12, 39])("a %i-digit prefix approves nothing: another commit with that prefix is cheap to make", async (n) => {
    const c = api(COLLIDING);
    c.seed(7, "maintainer", `/llmops train ${APPROVED.slice(0, n)}`);
    expect((await decidePullRequestTrust(7, REPO, "pull_request_target", c)).allowed).toBe(false);
    const onApproved = api(APPROVED);
    onApproved.seed(7, "maintainer", `/llmops train ${APPROVED.slice(0, n)}`);
    expect((await decidePullRequestTrust(7, REPO, "pull_request_target", onApproved)).allowed).toBe(false);
  });

  it("the full SHA approves that head (any case, trailing space), and no other", async () => {
    const c = api(APPROVED);
    c.seed(7, "maintainer", `/llmops train ${APPROVED.toUpperCase()}  `);
    expect(await decidePullRequestTrust(7, REPO, "issue_comment", c)).toMatchObject({ allowed: true, approvedBy: "maintainer" });
    const other = api(COLLIDING);
    other.seed(7, "maintainer", `/llmops train ${APPROVED}`);
    expect((await decidePullRequestTrust(7, REPO, "issue_comment", other)).allowed).toBe(false);
  });

  it("a SHA-256 repository's 64-digit name approves; its 40-digit prefix does not", async () => {
    const sha256Head = "ab".repeat(32);
    const c = api(sha256Head);
    c.seed(7, "maintainer", `/llmops train ${sha256Head.slice(0, 40)}`);
    expect((await decidePullRequestTrust(7, REPO, "pull_request_target", c)).allowed).toBe(false);
    c.seed(7, "maintainer", `/llmops train ${sha256Head}`);
    expect((await decidePullRequestTrust(7, REPO, "pull_request_target", c)).allowed).toBe(true);
  });

  it("the self-hosted runner guard's refusal quotes the full command to comment", async () => {
    const c = api(COLLIDING);
    const event = { pull_request: { number: 7, head: { sha: COLLIDING, repo: { full_name: "mallory/models" } }, base: { repo: { full_name: REPO } }, author_association: "NONE" } };
    const v = await decideRunnerTrust({ eventName: "pull_request", event: { ok: true, payload: event }, ref: undefined, runnerEnvironment: "self-hosted", repository: REPO, optOut: false }, c);
    expect(v.allowed).toBe(false);
    expect(v.reason).toContain(`"/llmops train ${COLLIDING}"`);
  });
});
