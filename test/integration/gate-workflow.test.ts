// The done-when test of the trusted gate: `.github/workflows/llmops-gate.yml` executed step by step
// as the runner executes a pull_request_target run (test/support/workflow-runner.ts) against the
// loopback GitHub fake and a loopback model server, for a pull request — from a fork and from a
// branch — whose prompt really regresses and which also edits everything it could hope to use: the
// gate workflow, actions/*/action.yml, dist/*, the model server script, a signed response cache with
// perfect answers for exactly the gate's requests, a passing report bundle, its suite's cases,
// scorers, endpoint and gate policy. The required check must come out a failure, and nothing from the
// PR's tree may have executed. A control run executes the PR's own workflow from its own checkout
// (what a pull_request-triggered gate would do) and shows the same harness catching the forgery.
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.js";
import { runActionBundle } from "../support/fake-github-action.js";
import { pullRequestEvent } from "../support/fake-github-events.js";
import { FakeGitHub } from "../support/fake-github.js";
import { createRepo, git, writeFiles } from "../support/git-repo.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const BASE = "octo-org/llm-app";
const FORK = "mallory/llm-app";
const WORKFLOW = ".github/workflows/llmops-gate.yml";
/** What the base commit holds: this repository's gate workflow, actions, built bundles and example suite. */
const BASE_FILES = [
  WORKFLOW,
  "package.json",
  "actions/evaluate/action.yml",
  "actions/compare/action.yml",
  "actions/comment/action.yml",
  "actions/gate-model/action.yml",
  "dist/gate-model/index.js",
  "dist/evaluate/index.js",
  "dist/compare/index.js",
  "dist/comment/index.js",
  "evals/arithmetic.yaml",
  "evals/cases/arithmetic.jsonl",
  "prompts/arithmetic.jinja",
  "scripts/simulated-model.mjs",
];

/** Right unless the prompt carries the PR's "Think step by step." (then off by one), or `perfect` is on. */
function arithmeticModel(state: { perfect: boolean }) {
  return (req: { prompt: string }) => {
    const m = /(\d+)\s*\+\s*(\d+)\s*=/.exec(req.prompt);
    if (!m) return "?";
    const sum = Number(m[1]) + Number(m[2]);
    return String(state.perfect || !req.prompt.includes("Think step by step") ? sum : sum + 1);
  };
}

/** A program the PR puts wherever code might run: it leaves a mark, claims PASS, and posts a successful check with any token it is given. */
function hostileProgram(marker: string, what: string): string {
  return `import { appendFileSync } from "node:fs";
appendFileSync(${JSON.stringify(marker)}, ${JSON.stringify(`${what} ran\n`)});
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, "verdict=pass\\nconclusion=success\\nresults-dir=.\\n");
const token = process.env["INPUT_TOKEN"];
const event = process.env.GITHUB_EVENT_PATH ? JSON.parse((await import("node:fs")).readFileSync(process.env.GITHUB_EVENT_PATH, "utf8")) : {};
const sha = event.pull_request?.head?.sha;
if (token && sha) {
  await fetch(process.env.GITHUB_API_URL + "/repos/" + process.env.GITHUB_REPOSITORY + "/check-runs", {
    method: "POST",
    headers: { authorization: "token " + token, "content-type": "application/json" },
    body: JSON.stringify({ name: "llmops / gate", head_sha: sha, status: "completed", conclusion: "success", output: { title: "PASS", summary: "forged" } }),
  });
}
`;
}

const PR_WORKFLOW = `name: llmops gate
on:
  pull_request_target:
permissions: {}
jobs:
  gate:
    runs-on: ubuntu-latest
    permissions:
      contents: read # the PR's own gate
      pull-requests: write # comment
      checks: write # a PASS
      statuses: write # a PASS
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - uses: ./actions/comment
        with:
          report-path: llmops-gate-report
          comment-key: llmops-gate
          check-name: llmops / gate
`;

interface Scenario {
  kind: "fork" | "branch";
  gh: FakeGitHub;
  origin: string;
  headRepo: string;
  headSha: string;
  baseSha: string;
  marker: string;
  remotes: Record<string, string>;
}

describe("llmops-gate.yml: a pull request that regresses cannot make llmops / gate succeed", () => {
  const state = { perfect: false };
  let model: OpenAiTestServer;
  let prServer: OpenAiTestServer;
  const scenarios: Partial<Record<"fork" | "branch", Scenario>> = {};

  beforeAll(async () => {
    model = await startOpenAiTestServer({ respond: arithmeticModel(state) });
    prServer = await startOpenAiTestServer({ respond: arithmeticModel({ perfect: true }) });
  });
  afterAll(async () => {
    await Promise.all([model?.close(), prServer?.close(), ...Object.values(scenarios).map((s) => s?.gh.close())]);
  });

  let forged: Promise<{ cacheDir: string; bundleDir: string }> | undefined;

  /**
   * The base's own evaluate bundle, run with the PR's prompt against the same endpoint while it
   * answers perfectly, leaves a correctly signed cache for exactly the gate's requests; the base's
   * compare of that run against itself writes a passing bundle.
   */
  async function forgeCacheAndBundle(work: string, sha: string): Promise<{ cacheDir: string; bundleDir: string }> {
    const dir = tempDir("llmops-gate-forged-");
    const cacheDir = join(dir, "cache");
    const bundleDir = join(dir, "bundle");
    state.perfect = true;
    const perfectRun = await runActionBundle({
      action: "evaluate",
      cwd: work,
      inputs: { suite: "evals/arithmetic.yaml", yardstick: join(ROOT, "evals/arithmetic.yaml"), "base-url": model.baseUrl, model: "llmops-example", out: join(dir, "perfect-run"), "cache-dir": cacheDir },
    });
    state.perfect = false;
    expect(perfectRun.code, perfectRun.stdout + perfectRun.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "perfect-run", "summary.json"), "utf8")).metrics.exact_match.mean).toBe(1);
    const bundle = await runActionBundle({
      action: "compare",
      cwd: work,
      eventName: "pull_request",
      event: pullRequestEvent({ number: 7, headSha: sha }),
      inputs: { baseline: join(dir, "perfect-run"), candidate: join(dir, "perfect-run"), out: bundleDir, "fail-on-block": "false" },
    });
    expect(bundle.outputs.verdict, bundle.stdout).toBe("pass");
    return { cacheDir, bundleDir };
  }

  /** The base repository, and a PR head (on a fork or on a branch) carrying every edit an attacker would try. */
  async function setUp(kind: "fork" | "branch"): Promise<Scenario> {
    const files = Object.fromEntries(BASE_FILES.map((f) => [f, readFileSync(join(ROOT, f))]));
    const repo = createRepo(files);
    const baseSha = git(repo.work, ["rev-parse", "HEAD"]);
    const marker = join(tempDir("llmops-gate-marker-"), "executed");
    const work = repo.work;
    git(work, ["checkout", "--quiet", "-b", "feature"]);

    // The thing under test: a prompt that really makes the model worse.
    const baseSuite = readFileSync(join(ROOT, "evals/arithmetic.yaml"), "utf8");
    const baseCases = readFileSync(join(ROOT, "evals/cases/arithmetic.jsonl"), "utf8").trim().split("\n");
    writeFiles(work, { "prompts/arithmetic.jinja": "Think step by step.\n{{ input }}" });

    // A signed response cache with perfect answers for exactly the requests the gate will send,
    // and a passing report bundle (made once, planted in every scenario's PR).
    forged ??= forgeCacheAndBundle(work, baseSha);
    const { cacheDir, bundleDir } = await forged;
    cpSync(cacheDir, join(work, ".llmops/cache"), { recursive: true });
    cpSync(bundleDir, join(work, "llmops-gate-report"), { recursive: true });

    writeFiles(work, {
      // Its suite: the PR's endpoint, an easier subset of cases plus new ones, a dropped scorer, no gate to speak of.
      "evals/arithmetic.yaml":
        baseSuite
          .slice(0, baseSuite.indexOf("\ngate:\n"))
          .replace("base_url: http://127.0.0.1:8080/v1", `base_url: ${prServer.baseUrl}`)
          .replace("  - type: exact_match\n    threshold: 1\n", "") + "\ngate:\n  metrics:\n    contains_answer:\n      max_regression: 1\n  inconclusive: neutral\n",
      "evals/cases/arithmetic.jsonl": [...baseCases.slice(0, 10), '{"id":"new-001","input":"1+1=","expected":"2"}', '{"id":"new-002","input":"40+2=","expected":"42"}'].join("\n") + "\n",
      [WORKFLOW]: PR_WORKFLOW,
      "scripts/simulated-model.mjs": hostileProgram(marker, "scripts/simulated-model.mjs"),
    });
    for (const a of ["evaluate", "compare", "comment", "gate-model"]) {
      writeFiles(work, { [`dist/${a}/index.js`]: hostileProgram(marker, `the PR's dist/${a}`) });
      writeFiles(work, { [`actions/${a}/action.yml`]: readFileSync(join(ROOT, `actions/${a}/action.yml`), "utf8").replace("description:", "description: (edited by the PR)") });
    }
    git(work, ["add", "-A", "--force"]);
    git(work, ["commit", "--quiet", "-m", "Tune the prompt"]);
    const headSha = git(work, ["rev-parse", "HEAD"]);
    const remotes: Record<string, string> = { [BASE]: repo.origin };
    if (kind === "fork") {
      const fork = join(tempDir("llmops-fork-"), "fork.git");
      git(work, ["init", "--quiet", "--bare", fork]);
      git(work, ["push", "--quiet", fork, "feature"]);
      remotes[FORK] = fork;
    } else {
      git(work, ["push", "--quiet", "origin", "feature"]);
    }
    const headRepo = kind === "fork" ? FORK : BASE;
    const gh = new FakeGitHub({ repository: BASE });
    gh.addPull({ number: 7, state: "open", headSha, headRef: "feature", headRepo, baseRepo: BASE });
    await gh.start();
    const s: Scenario = { kind, gh, origin: repo.origin, headRepo, headSha, baseSha, marker, remotes };
    scenarios[kind] = s;
    return s;
  }

  function run(s: Scenario, workflow: string): Promise<WorkflowRun> {
    let n = 0;
    return runWorkflow({
      workflow,
      eventName: "pull_request_target",
      event: pullRequestEvent({ number: 7, headSha: s.headSha, baseSha: s.baseSha, headRepo: s.headRepo, baseRepo: BASE }),
      repository: BASE,
      remotes: s.remotes,
      // pull_request_target runs on the base branch's last commit.
      sha: s.baseSha,
      ref: "refs/heads/main",
      // A repository whose model is served elsewhere: the gate judges prompts and sampling on it.
      vars: { LLMOPS_BASE_URL: model.baseUrl, LLMOPS_GATE_SUITE: "evals/arithmetic.yaml" },
      apiUrl: s.gh.url,
      mintToken: (job, permissions) => {
        const token = `ghs_${job}_${++n}_${s.kind}`;
        s.gh.addWorkflowToken(token, permissions);
        return token;
      },
      runnerEnv: { ACTIONS_RUNTIME_TOKEN: "runtime-token-secret", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc-token-secret" },
    });
  }

  for (const kind of ["fork", "branch"] as const) {
    it(`${kind}: the base's workflow and bundles judge the PR's prompt under the base's yardstick, post a failure, and run nothing of the PR's`, async () => {
      const s = await setUp(kind);
      const before = model.requests.length;
      // pull_request_target: the runner reads the workflow from the base, never from the PR.
      const r = await run(s, git(s.origin.replace(/origin\.git$/, "work"), ["show", `${s.baseSha}:${WORKFLOW}`]));
      const log = r.steps.map((st) => `--- ${st.job} / ${st.name} (${st.skipped ? "skipped" : `exit ${st.code}`})\n${st.log}`).join("\n");

      expect(r.jobs.evaluate!.result, log).toBe("success");
      expect(r.jobs.gate!.result, log).not.toBe("skipped");
      // The only llmops / gate on the PR's head is the trusted failure.
      const checks = s.gh.checkRuns.filter((c) => c.head_sha === s.headSha);
      expect(checks.map((c) => [c.name, c.conclusion]), log).toEqual([["llmops / gate", "failure"]]);
      expect(String((checks[0]!.output as { title: string }).title)).toMatch(/^FAIL/);
      // Nothing of the PR's executed: not its dist/, not its scripts/, not its workflow.
      expect(existsSync(s.marker), existsSync(s.marker) ? readFileSync(s.marker, "utf8") : "").toBe(false);
      for (const st of r.steps.filter((x) => x.program)) {
        expect(st.program!.startsWith(join(r.jobs[st.job]!.workspace, "dist") + "/"), st.program).toBe(true);
        expect(readFileSync(st.program!).equals(readFileSync(join(ROOT, st.program!.slice(r.jobs[st.job]!.workspace.length + 1)))), st.program).toBe(true);
      }
      expect(r.steps.filter((x) => !x.skipped).map((x) => `${x.job}/${x.uses ?? x.name}`)).toEqual([
        "evaluate/actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",
        "evaluate/actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",
        "evaluate/./actions/gate-model",
        "evaluate/./actions/evaluate",
        "evaluate/./actions/evaluate",
        "evaluate/./actions/compare",
        "evaluate/actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f",
        "gate/actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",
        "gate/actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c",
        "gate/./actions/comment",
      ]);
      // The PR's endpoint was never called; its committed cache was never read: the base's endpoint
      // answered every one of the yardstick's 60 cases with the PR's prompt (and 60 with the base's).
      expect(prServer.requests).toHaveLength(0);
      const sent = model.requests.slice(before);
      expect(sent.filter((q) => q.prompt.startsWith("Think step by step.\n")).length).toBeGreaterThanOrEqual(60);
      expect(sent.filter((q) => !q.prompt.includes("Think")).length).toBe(60);
      // The job holding PR files had a read-only token; only the posting job could write.
      expect(s.gh.tokens.get(r.jobs.evaluate!.token)!.permissions).toEqual(["pulls"]);
      expect(s.gh.tokens.get(r.jobs.gate!.token)!.permissions.sort()).toEqual(["checks", "issues", "pulls", "statuses"]);
      // What the PR changed in its suite is reported, not used.
      const candidate = r.steps.find((x) => x.name.startsWith("Evaluate the pull request"))!;
      expect(candidate.log).toMatch(/changes its cases .*its scorers, its target endpoint, model or key, its gate policy; evaluated with evals\/arithmetic\.yaml's instead/);
      // The report comment on the PR says FAIL, from the trusted run.
      const comment = s.gh.commentsOn(7).at(-1)!;
      expect(comment.body).toContain("<!-- llmops:report:llmops-gate -->");
      expect(comment.body).toMatch(/FAIL/);
      // The PR's prompt diff, read from its files as data (compare's prompts-head-dir).
      expect(comment.body).toMatch(/#### Prompts changed \(1, against `[0-9a-f]{12}`\)[\s\S]*prompts\/arithmetic\.jinja/);
      expect(comment.body).toContain("Think step by step.");
      // The two cases the PR adds were evaluated apart, with its prompt, and reported ungated.
      expect(comment.body).toContain("🆕 New cases (not gated): 2 cases the base's suite does not have");
      expect(comment.body, comment.body).toMatch(/\| `new-001` +\| ❌ 0 +\| ❌ 0 +\| `3` +\|/);
      expect(sent.filter((q) => q.prompt === "Think step by step.\n40+2=")).toHaveLength(1);
      expect(log).not.toContain("runtime-token-secret");
    }, 180_000);
  }

  it("control: the same harness running the PR's own workflow from its own checkout (a pull_request-style gate) executes the PR's dist/ and forges a PASS", async () => {
    const s = scenarios.branch ?? (await setUp("branch"));
    const r = await run(s, git(s.origin.replace(/origin\.git$/, "work"), ["show", `${s.headSha}:${WORKFLOW}`]));
    expect(readFileSync(s.marker, "utf8")).toContain("the PR's dist/comment ran");
    expect(s.gh.checkRuns.filter((c) => c.head_sha === s.headSha).map((c) => c.conclusion)).toContain("success");
    expect(r.jobs.gate!.result).toBe("success");
  }, 180_000);
});
