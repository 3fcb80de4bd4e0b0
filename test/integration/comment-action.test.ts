// actions/comment as the runner runs it: the bundle spawned with INPUT_* variables against the
// loopback GitHub fake, for same-repo PRs, fork PRs posted from workflow_run, races and faults.
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ACTIONS_TOKEN, FakeGitHub, READ_ONLY_TOKEN, SECONDARY_RATE_LIMIT_MESSAGE } from "../support/fake-github.js";
import { runActionBundle, type ActionRun } from "../support/fake-github-action.js";
import { pullRequestEvent, workflowRunEvent } from "../support/fake-github-events.js";
import { makeComparison } from "../support/report-fixture.js";

const TOKEN = "ghs_SeCrEtWorkflowToken1234567890";
const RO_TOKEN = "ghs_ReadOnlyForkToken0987654321";
const HEAD = "d".repeat(40);
const MARKER = "<!-- llmops:report:llmops -->";
const BOT = "github-actions[bot]";
const WJ = "\u2060";

const comparison = (verdict: "pass" | "fail" | "inconclusive", reasons: string[] = []) => {
  const c = makeComparison();
  return { ...c, gate: { ...c.gate!, verdict, blocking: verdict === "fail", conclusion: verdict === "pass" ? "success" : verdict === "fail" ? "failure" : "neutral", checks: [], reasons, policy: { ...c.gate!.policy, inconclusive: "neutral" as const } } };
};

const REPO = "octo-org/llm-app";
/** The pull-request.json actions/compare writes for PR #42 at HEAD of the same repository. */
const ref = (o: Record<string, unknown> = {}) => ({ schema: "llmops.pull-request/v2", number: 42, head_sha: HEAD, head_repo: REPO, base_repo: REPO, ...o });

/** A bundle; one with a comparison gets pull-request.json for PR #42 at HEAD unless `pr` says otherwise (null: none). */
async function bundle(files: { report: string; comparison?: unknown; pr?: unknown }): Promise<string> {
  if (files.comparison !== undefined && files.pr === undefined) files = { ...files, pr: ref() };
  const dir = await mkdtemp(join(tmpdir(), "llmops-bundle-"));
  await writeFile(join(dir, "report.md"), files.report);
  if (files.comparison !== undefined) await writeFile(join(dir, "comparison.json"), JSON.stringify(files.comparison));
  if (files.pr !== undefined && files.pr !== null) await writeFile(join(dir, "pull-request.json"), JSON.stringify(files.pr));
  return dir;
}

describe("actions/comment (bundle spawned against the GitHub fake)", () => {
  let gh: FakeGitHub;
  beforeAll(() => {
  });
  beforeEach(async () => {
    gh = new FakeGitHub({ prefix: "/api/v3" }); // GHES-shaped GITHUB_API_URL: the prefix must be kept
    gh.addToken(TOKEN, ACTIONS_TOKEN).addToken(RO_TOKEN, READ_ONLY_TOKEN);
    gh.addPull({ number: 42, state: "open", headSha: HEAD, headRef: "feature", headRepo: "octo-org/llm-app" });
    await gh.start();
  });
  afterEach(() => gh.close());

  const env = () => ({ GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: "octo-org/llm-app" });
  const prEvent = (o: Partial<Parameters<typeof pullRequestEvent>[0]> = {}) => pullRequestEvent({ number: 42, headSha: HEAD, ...o });
  const post = (reportPath: string, extra: Record<string, string> = {}, token = TOKEN): Promise<ActionRun> =>
    runActionBundle({ action: "comment", eventName: "pull_request", event: prEvent(), inputs: { "report-path": reportPath, token, ...extra }, env: env() });
  // The token reaches the log only as the runner's own ::add-mask:: command (core.setSecret).
  const noSecrets = (r: ActionRun) => {
    const log = (r.stdout + r.stderr).replace(/^::add-mask::.*$/gm, "");
    expect(r.stdout).toMatch(/^::add-mask::ghs_/m);
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(RO_TOKEN);
  };

  test("pull_request: creates the sticky comment, sanitized, and a failing check run on the PR head", async () => {
    const dir = await bundle({ report: "## Eval\n\naccuracy −4.1 points, thanks @octocat ![x](https://t.example/p.png)\n<!-- llmops:report:other -->", comparison: comparison("fail", ["accuracy regressed by 4.1 points"]) });
    const r = await post(dir);
    noSecrets(r);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const [c, ...more] = gh.commentsOn(42);
    expect(more).toEqual([]);
    expect(c!.login).toBe(BOT);
    expect(c!.body.split("\n")[0]).toBe(MARKER);
    expect(c!.body).toContain(`@${WJ}octocat`);
    expect(c!.body).toContain(`!${WJ}[x]`);
    expect(c!.body).not.toContain("<!-- llmops:report:other");
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({
      name: "llmops / gate",
      head_sha: HEAD,
      status: "completed",
      conclusion: "failure",
      details_url: "https://github.com/octo-org/llm-app/actions/runs/555",
      output: { title: "FAIL: accuracy regressed by 4.1 points" },
    });
    expect(r.outputs).toMatchObject({ "pr-number": "42", "comment-action": "created", "comment-id": String(c!.id), check: "check-run" });
    expect(r.summary).toContain("**llmops comment** on #42");
    expect(gh.requests.every((q) => q.authorization === `token ${TOKEN}`)).toBe(true);
    // The whole API cost of a first post with the workflow token: 7 requests (the first confirms the PR's head).
    expect(gh.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      "GET /repos/octo-org/llm-app/pulls/42",
      "GET /user",
      "POST /graphql",
      "GET /repos/octo-org/llm-app/issues/42/comments",
      "POST /repos/octo-org/llm-app/issues/42/comments",
      "GET /repos/octo-org/llm-app/issues/42/comments",
      "POST /repos/octo-org/llm-app/check-runs",
    ]);
  });

  test("a second run with the same report changes nothing; a new report edits the same comment", async () => {
    const dir = await bundle({ report: "v1" });
    expect((await post(dir)).outputs["comment-action"]).toBe("created");
    const id = gh.commentsOn(42)[0]!.id;
    const again = await post(dir);
    expect(again.outputs["comment-action"]).toBe("unchanged");
    expect(gh.requestsTo("PATCH", /comments/)).toHaveLength(0);
    await writeFile(join(dir, "report.md"), "v2");
    const third = await post(dir);
    expect(third.outputs).toMatchObject({ "comment-action": "updated", "comment-id": String(id), check: "skipped" });
    expect(gh.commentsOn(42).map((c) => c.body)).toEqual([`${MARKER}\nv2`]);
  });

  test("3 pages of comments, ours on page 3, another user's with our marker on page 1: ours is edited, theirs never", async () => {
    const forged = gh.seedComment(42, "mallory", `${MARKER}\nforged`);
    for (let i = 0; i < 230; i++) gh.seedComment(42, i % 2 ? "alice" : BOT, `chatter ${i}`);
    const ours = gh.seedComment(42, BOT, `${MARKER}\nold report`);
    const r = await post(await bundle({ report: "new report" }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ "comment-action": "updated", "comment-id": String(ours.id) });
    expect(gh.requestsTo("GET", /\/issues\/42\/comments$/).map((q) => q.query.get("page") ?? "1")).toEqual(["1", "2", "3"]);
    expect(gh.comments.find((c) => c.id === forged.id)!.body).toBe(`${MARKER}\nforged`);
    expect(gh.requestsTo("PATCH", /comments/).map((q) => q.path)).toEqual([`/repos/octo-org/llm-app/issues/comments/${ours.id}`]);
    expect(gh.requestsTo("POST", /comments/)).toHaveLength(0);
  });

  test("a GitHub App token: our identity comes from GraphQL viewer; the workflow bot's marker comment is not ours", async () => {
    gh.addToken("ghs_AppInstallToken", { login: "llmops-app[bot]", canGetUser: false, graphqlLogin: "llmops-app", permissions: ["issues", "checks", "pulls"] });
    const botOne = gh.seedComment(42, BOT, `${MARKER}\nposted by the workflow token`);
    const appOne = gh.seedComment(42, "llmops-app[bot]", `${MARKER}\nold`);
    const r = await post(await bundle({ report: "new" }), {}, "ghs_AppInstallToken");
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("our comments are those by llmops-app[bot] (token)");
    expect(r.outputs).toMatchObject({ "comment-action": "updated", "comment-id": String(appOne.id) });
    expect(gh.comments.find((c) => c.id === botOne.id)!.body).toBe(`${MARKER}\nposted by the workflow token`);
  });

  test("a 502 then success, and a secondary rate limit on the create, still leave one comment", async () => {
    gh.inject({ method: "GET", path: /\/issues\/42\/comments$/, status: 502, body: "<html>502 Bad Gateway</html>" });
    gh.inject({ method: "POST", path: /\/issues\/42\/comments$/, status: 403, headers: { "retry-after": "1" }, body: { message: SECONDARY_RATE_LIMIT_MESSAGE, documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits" } });
    const r = await post(await bundle({ report: "resilient" }), { verdict: "pass" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    noSecrets(r);
    expect(gh.commentsOn(42)).toHaveLength(1);
    expect(gh.requestsTo("POST", /\/issues\/42\/comments$/)).toHaveLength(2);
    expect(r.stdout).toContain("secondary rate limit");
    expect(gh.checkRuns[0]).toMatchObject({ conclusion: "success", output: { title: "PASS" } });
  });

  test("a 502 after the comment was created (lost response): the retry's duplicate is folded, one comment remains", async () => {
    gh.inject({ method: "POST", path: /\/issues\/42\/comments$/, status: 502, body: "<html>502</html>", afterApplying: true });
    const r = await post(await bundle({ report: "once" }));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(gh.requestsTo("POST", /\/issues\/42\/comments$/)).toHaveLength(2);
    expect(gh.commentsOn(42).map((c) => c.body)).toEqual([`${MARKER}\nonce`]);
    expect(gh.requestsTo("DELETE", /comments/)).toHaveLength(1);
  });

  test("a 429 secondary rate limit on the check run is waited out", async () => {
    gh.inject({ method: "POST", path: /\/check-runs$/, status: 429, headers: { "retry-after": "1" }, body: { message: SECONDARY_RATE_LIMIT_MESSAGE } });
    const r = await post(await bundle({ report: "x", comparison: comparison("inconclusive", ["accuracy: interval spans the margin"]) }));
    expect(r.code, r.stderr).toBe(0);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ conclusion: "neutral" });
  });

  test("two jobs posting at once leave exactly one comment", async () => {
    gh.holdUntil("GET", /\/issues\/42\/comments$/, 2); // both list before either creates
    const dirA = await bundle({ report: "from job A" });
    const dirB = await bundle({ report: "from job B" });
    const [a, b] = await Promise.all([post(dirA), post(dirB)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(gh.requestsTo("POST", /\/issues\/42\/comments$/)).toHaveLength(2); // the race really happened
    const left = gh.commentsOn(42);
    expect(left).toHaveLength(1);
    expect([`${MARKER}\nfrom job A`, `${MARKER}\nfrom job B`]).toContain(left[0]!.body);
    expect(gh.requestsTo("DELETE", /comments/).length).toBeGreaterThanOrEqual(1);
  });

  test("a fork's pull_request run (read-only token) warns and exits 0 without commenting", async () => {
    gh.addPull({ number: 42, state: "open", headSha: HEAD, headRef: "feature", headRepo: "fork-user/llm-app" });
    const r = await runActionBundle({
      action: "comment",
      eventName: "pull_request",
      event: prEvent({ headRepo: "fork-user/llm-app" }),
      inputs: { "report-path": await bundle({ report: "x", comparison: comparison("pass"), pr: ref({ head_repo: "fork-user/llm-app" }) }), token: RO_TOKEN },
      env: env(),
    });
    noSecrets(r);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/::warning::cannot comment on #42: Resource not accessible by integration/);
    expect(r.stdout).toMatch(/::warning::the token may create neither check runs nor commit statuses/);
    expect(r.outputs).toMatchObject({ "comment-action": "skipped", check: "none" });
    expect(gh.comments).toHaveLength(0);
  });

  test("check runs not allowed → commit status with a ≤140-character description", async () => {
    gh.addToken("ghs_nochecks", { login: BOT, canGetUser: false, permissions: ["issues", "statuses", "pulls"] });
    const long = "accuracy regressed by 4.1 points (95% CI −6.0 to −2.2), below the non-inferiority margin of 2 points, on 500 paired cases with 3 repeats";
    const r = await post(await bundle({ report: "x", comparison: comparison("fail", [long]) }), {}, "ghs_nochecks");
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs.check).toBe("status");
    expect(gh.statuses).toHaveLength(1);
    expect(gh.statuses[0]).toMatchObject({ sha: HEAD, state: "failure", context: "llmops / gate" });
    expect((gh.statuses[0]!.description as string).length).toBeLessThanOrEqual(140);
  });

  describe("workflow_run (fork PR posted by the trusted workflow)", () => {
    const FORK = "fork-user/llm-app";
    beforeEach(() => {
      gh.addPull({ number: 42, state: "open", headSha: HEAD, headRef: "feature", headRepo: FORK });
      gh.addPull({ number: 43, state: "open", headSha: "e".repeat(40), headRef: "x", headRepo: "victim/llm-app" });
    });
    const runEvent = workflowRunEvent({ headSha: HEAD, headRepo: FORK });
    const postRun = async (pr: unknown, event: unknown = runEvent) =>
      runActionBundle({ action: "comment", eventName: "workflow_run", event, inputs: { "report-path": await bundle({ report: "fork report @everyone", comparison: comparison("pass"), pr }), token: TOKEN }, env: env() });

    test("posts on the PR the artifact names once the API confirms its head is the run's commit", async () => {
      const r = await postRun(ref({ number: 42, head_sha: HEAD, head_repo: FORK }));
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(gh.requestsTo("GET", /\/pulls\/42$/)).toHaveLength(1);
      expect(gh.commentsOn(42)[0]!.body).toBe(`${MARKER}\nfork report @${WJ}everyone`);
      // The check links the reported run (the PR workflow's), not this posting job.
      expect(gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: "success", details_url: "https://github.com/octo-org/llm-app/actions/runs/123456789" });
    });

    test("a forged PR number is refused: exit 1, nothing posted anywhere", async () => {
      const r = await postRun(ref({ number: 43, head_sha: HEAD, head_repo: FORK }));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/::error::pull request #43's head is victim\/llm-app@eeeeeeeeeeee, but the report is about fork-user\/llm-app@dddddddddddd; refusing to comment/);
      expect(gh.comments).toHaveLength(0);
      expect(gh.checkRuns).toHaveLength(0);
    });

    test("a bundle for another commit is refused before any API call", async () => {
      const r = await postRun(ref({ number: 42, head_sha: "f".repeat(40), head_repo: FORK }));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/::error::the report bundle was made for fork-user\/llm-app@ffffffffffff, but this workflow run 123456789 built fork-user\/llm-app@dddddddddddd; refusing to comment/);
      expect(gh.requests).toHaveLength(0);
    });

    test("a malformed pull-request.json is refused with the file and field", async () => {
      const r = await postRun(ref({ number: "42; rm -rf /", head_sha: HEAD, head_repo: FORK }));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/pull-request\.json: not a valid llmops\.pull-request\/v2 document — number: /);
      expect(gh.requests).toHaveLength(0);
    });

    test("the PR moved on since the run: skipped with a warning, exit 0", async () => {
      const newer = workflowRunEvent({ headSha: "9".repeat(40), headRepo: FORK });
      const r = await postRun(ref({ number: 42, head_sha: "9".repeat(40), head_repo: FORK }), newer);
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs["comment-action"]).toBe("skipped");
      expect(gh.comments).toHaveLength(0);
    });
  });

  // Forged bundles: each would have published a check the gate never decided. Every one is refused
  // (exit 1, the reason in an ::error::) and nothing reaches the PR or its checks.
  describe("forged report bundles are refused", () => {
    const refused = (r: ActionRun, re: RegExp) => {
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toMatch(re);
      expect(gh.comments).toHaveLength(0);
      expect(gh.checkRuns).toHaveLength(0);
      expect(gh.statuses).toHaveLength(0);
    };

    test("conclusion \"success\" on a FAIL verdict (the check used to come out green, titled FAIL)", async () => {
      const forged = { ...comparison("fail", ["accuracy regressed"]), gate: { ...comparison("fail").gate, conclusion: "success", reasons: ["accuracy regressed"] } };
      refused(await post(await bundle({ report: "looks fine", comparison: forged })), /::error::comparison\.json says verdict "fail" but conclusion "success".*refusing to publish a forged/);
      expect(gh.requests).toHaveLength(0);
    });

    test("an old PASS of this PR attached to its new head through pr-number (workflow_dispatch)", async () => {
      const r = await runActionBundle({
        action: "comment",
        eventName: "workflow_dispatch",
        event: {},
        inputs: { "report-path": await bundle({ report: "old pass", comparison: comparison("pass"), pr: ref({ head_sha: "a".repeat(40) }) }), token: TOKEN, "pr-number": "42" },
        env: env(),
      });
      refused(r, /::error::pull request #42's head is octo-org\/llm-app@dddddddddddd, but the report is about octo-org\/llm-app@aaaaaaaaaaaa; refusing/);
    });

    test("an old PASS of this PR posted by a pull_request run of its new head", async () => {
      refused(await post(await bundle({ report: "old pass", comparison: comparison("pass"), pr: ref({ head_sha: "a".repeat(40) }) })), /::error::the report bundle was made for octo-org\/llm-app@aaaaaaaaaaaa, but this run built octo-org\/llm-app@dddddddddddd/);
    });

    test("a bundle from a PR of another repository with the same head SHA", async () => {
      refused(await post(await bundle({ report: "theirs", comparison: comparison("pass"), pr: ref({ base_repo: "elsewhere/llm-app", head_repo: "elsewhere/llm-app" }) })), /::error::the report bundle was made for a pull request in elsewhere\/llm-app, not in octo-org\/llm-app/);
    });

    test("a gate with no pull-request.json (nothing binds it to a commit)", async () => {
      refused(await post(await bundle({ report: "x", comparison: comparison("pass"), pr: null })), /::error::the report bundle has a gate \(comparison\.json\) but no pull-request\.json/);
    });

    test("an oversized comparison.json", async () => {
      const dir = await bundle({ report: "x", pr: ref() });
      await writeFile(join(dir, "comparison.json"), " ".repeat(16 * 1024 * 1024 + 1));
      refused(await post(dir), /::error::.*comparison\.json is 16777217 bytes; the limit is 16777216/);
    });

    test.each(["report.md", "comparison.json", "pull-request.json"])("a symlinked %s (it could point at a runner secret)", async (name) => {
      const dir = await mkdtemp(join(tmpdir(), "llmops-link-"));
      const target = join(dir, "..", `secret-${Date.now()}-${name}`);
      await writeFile(target, name === "report.md" ? "ghs_secret" : JSON.stringify(name === "comparison.json" ? comparison("pass") : ref()));
      for (const f of ["report.md", "comparison.json", "pull-request.json"]) {
        if (f === name) await symlink(target, join(dir, f));
        else await writeFile(join(dir, f), f === "report.md" ? "x" : JSON.stringify(f === "comparison.json" ? comparison("pass") : ref()));
      }
      refused(await post(dir), new RegExp(`::error::.*${name.replace(".", "\\.")} is not a regular file \\(links are refused`));
      expect(r0(gh)).not.toContain("ghs_secret");
    });

    test("a symlinked bundle directory is refused too", async () => {
      const real = await bundle({ report: "x", comparison: comparison("pass") });
      const link = join(await mkdtemp(join(tmpdir(), "llmops-linkdir-")), "bundle");
      await symlink(real, link);
      refused(await post(link), /::error::input "report-path": .* is neither a regular file nor a directory/);
    });
  });

  test("an oversized report is refused as untrusted input", async () => {
    const dir = await mkdtemp(join(tmpdir(), "llmops-big-"));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "report.md"), "x".repeat(1024 * 1024 + 1));
    const r = await post(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/report\.md is 1048577 bytes; the limit is 1048576/);
    expect(gh.requests).toHaveLength(0);
    expect(gh.comments).toHaveLength(0);
  });

  test("a missing required input names it", async () => {
    const r = await runActionBundle({ action: "comment", eventName: "pull_request", event: prEvent(), inputs: { token: TOKEN }, env: env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::input "report-path" is required');
  });
});

/** Every body sent to the fake, for "nothing leaked" checks. */
function r0(gh: FakeGitHub): string {
  return JSON.stringify(gh.requests.map((q) => q.body));
}
