// The Octokit adapter against the loopback REST fake: pagination, GHES base URLs, identity,
// retries on 5xx, secondary rate limits (403 and 429 with retry-after), and error messages.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { OctokitGitHubClient } from "../../src/adapters/github/octokit-github-client.js";
import { GitHubApiError } from "../../src/core/ports/github-client.js";
import type { Logger } from "../../src/core/ports/index.js";
import { ACTIONS_TOKEN, FakeGitHub, SECONDARY_RATE_LIMIT_MESSAGE } from "../support/fake-github.js";

const SHA = "a".repeat(40);
const TOKEN = "ghs_fakeInstallationToken0123456789";

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m) => lines.push(`debug ${m}`), info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`), group: (_n, fn) => fn() };
}

describe("OctokitGitHubClient", () => {
  let gh: FakeGitHub;
  let logger: ReturnType<typeof recordingLogger>;
  const client = (token = TOKEN) => new OctokitGitHubClient({ token, repository: `${gh.owner}/${gh.repo}`, baseUrl: gh.url, logger });

  beforeEach(async () => {
    gh = new FakeGitHub({ prefix: "/api/v3" }); // GHES-shaped base URL: the prefix must be honoured
    gh.addToken(TOKEN, ACTIONS_TOKEN).addToken("ghp_user", { login: "octocat", canGetUser: true, permissions: ["issues"] });
    gh.addPull({ number: 7, state: "open", headSha: SHA, headRef: "feature", headRepo: "octo-org/llm-app" });
    await gh.start();
    logger = recordingLogger();
  });
  afterEach(() => gh.close());

  test("lists every page of comments, 100 per page, following Link headers", async () => {
    for (let i = 0; i < 250; i++) gh.seedComment(7, "someone", `comment ${i}`);
    const all = await client().listIssueComments(7);
    expect(all).toHaveLength(250);
    expect(all[249]?.body).toBe("comment 249");
    const lists = gh.requestsTo("GET", /\/issues\/7\/comments$/);
    expect(lists.map((r) => r.query.get("page") ?? "1")).toEqual(["1", "2", "3"]);
    expect(lists.every((r) => r.query.get("per_page") === "100")).toBe(true);
    expect(lists[0]?.authorization).toBe(`token ${TOKEN}`);
  });

  test("identity: a user token from GET /user; an app token from GraphQL viewer (with [bot]); the workflow token: null", async () => {
    gh.addToken("ghs_app", { login: "llmops-app[bot]", canGetUser: false, graphqlLogin: "llmops-app", permissions: ["issues"] });
    expect(await client("ghp_user").getAuthenticatedLogin()).toBe("octocat");
    expect(await client("ghs_app").getAuthenticatedLogin()).toBe("llmops-app[bot]");
    expect(await client().getAuthenticatedLogin()).toBeNull();
    expect(gh.requestsTo("POST", /^\/graphql$/)).toHaveLength(2);
  });

  test("create, update, delete a comment; deleting twice reports the comment gone", async () => {
    const c = client();
    const made = await c.createIssueComment(7, "hello");
    expect(made.userLogin).toBe("github-actions[bot]");
    const upd = await c.updateIssueComment(made.id, "hello again");
    expect(upd.body).toBe("hello again");
    expect(await c.deleteIssueComment(made.id)).toBe(true);
    expect(await c.deleteIssueComment(made.id)).toBe(false);
    expect(gh.commentsOn(7)).toHaveLength(0);
  });

  test("a 502 is retried and then succeeds", async () => {
    gh.inject({ method: "GET", path: /\/pulls\/7$/, status: 502, body: "<html>Bad gateway</html>" });
    const pr = await client().getPullRequest(7);
    expect(pr).toMatchObject({ number: 7, headSha: SHA, headRepo: "octo-org/llm-app" });
    expect(gh.requestsTo("GET", /\/pulls\/7$/)).toHaveLength(2);
  });

  test("a secondary rate limit (403 + retry-after) is waited out and retried", async () => {
    gh.inject({ method: "POST", path: /\/check-runs$/, status: 403, headers: { "retry-after": "1" }, body: { message: SECONDARY_RATE_LIMIT_MESSAGE } });
    const t0 = Date.now();
    const ref = await client().createCheckRun({ name: "llmops / gate", headSha: SHA, status: "completed", conclusion: "success", title: "t", summary: "s" });
    expect(ref.id).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(gh.requestsTo("POST", /\/check-runs$/)).toHaveLength(2);
    expect(gh.checkRuns).toHaveLength(1);
    expect(logger.lines.some((l) => l.startsWith("warn GitHub secondary rate limit"))).toBe(true);
  });

  test("a 429 secondary rate limit is retried", async () => {
    gh.inject({ method: "POST", path: /\/statuses\//, status: 429, headers: { "retry-after": "1" }, body: { message: SECONDARY_RATE_LIMIT_MESSAGE } });
    await client().createCommitStatus(SHA, { context: "llmops / gate", state: "success", description: "ok" });
    expect(gh.statuses).toHaveLength(1);
    expect(gh.requestsTo("POST", /\/statuses\//)).toHaveLength(2);
  });

  test("a retry-after longer than we wait fails with the route and GitHub's message", async () => {
    gh.inject({ method: "GET", path: /\/pulls\/7$/, status: 403, headers: { "retry-after": "3600" }, body: { message: SECONDARY_RATE_LIMIT_MESSAGE } });
    const err = await client().getPullRequest(7).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(403);
    expect((err as GitHubApiError).message).toContain(`GET /repos/octo-org/llm-app/pulls/7 at ${gh.url} failed with 403: You have exceeded a secondary rate limit`);
  });

  test("403 'Resource not accessible by integration' is not retried and is flagged notAccessible", async () => {
    gh.addToken("ghs_readonly", { login: "github-actions[bot]", canGetUser: false, permissions: [] });
    const err = await client("ghs_readonly").createCheckRun({ name: "x", headSha: SHA, status: "completed", conclusion: "neutral", title: "t", summary: "s" }).catch((e: unknown) => e);
    expect((err as GitHubApiError).notAccessible).toBe(true);
    expect(gh.requestsTo("POST", /\/check-runs$/)).toHaveLength(1);
  });

  test("a bad token: 401 with a hint, and the token is not in the message", async () => {
    const err = (await client("ghp_wrongwrongwrong").listIssueComments(7).catch((e: unknown) => e)) as GitHubApiError;
    expect(err.status).toBe(401);
    expect(err.message).toContain("Bad credentials");
    expect(err.hint).toContain("token was rejected");
    expect(err.message + err.hint).not.toContain("ghp_wrongwrongwrong");
  });

  test("check run update changes the conclusion", async () => {
    const c = client();
    const ref = await c.createCheckRun({ name: "llmops / gate", headSha: SHA, status: "in_progress", title: "running", summary: "…" });
    await c.updateCheckRun(ref.id, { status: "completed", conclusion: "failure", title: "FAIL", summary: "report" });
    expect(gh.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure", output: { title: "FAIL", summary: "report" } });
  });
});
