// The release manager's path end to end in a test repository: push demo-model@v0.1.0, then
// demo-model#prod#1, and `llmops promote --tag` checks the evidence, the branch, the trusted gate
// (through the GitHub fake), the bytes, opens the manifest PR, smoke-tests a loopback
// OpenAI-compatible server and creates the release. Then every refusal, a failed smoke test, a
// rollback and two racing promotions.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { FakeGitHub } from "../support/fake-github.js";
import { clone, createRepo, git } from "../support/git-repo.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";

const summary = JSON.stringify({ schema: "llmops.summary/v1", suite: { name: "arithmetic" }, metrics: { accuracy: { mean: 0.9, ci95: [0.82, 0.95], n: 60 } } });
let gh: FakeGitHub;
let model: OpenAiTestServer;
let hub: Server;
let hubBytes = "hub-weights-A";
let repo: ReturnType<typeof createRepo>;
let env: Record<string, string>;
const HUB_REV = "e".repeat(40);

function environments(endpoint: string): string {
  return `environments:
  prod:
    target: kubernetes
    manifest: deploy/prod/demo-model.yaml
    apply: pull-request
    endpoint: ${endpoint}/v1
    gpus: 1
    smoke:
      ready_timeout_s: 3
      prompts:
        - prompt: "2+2="
          expect: "4"
  staging:
    target: vllm
    manifest: deploy/staging/compose.yaml
    apply: direct
    endpoint: ${endpoint}/v1
    smoke:
      ready_timeout_s: 3
      prompts:
        - prompt: "2+2="
          expect: "4"
`;
}

const cli = (args: string[], cwd = repo.work) => runCli(args, { cwd, env, timeoutMs: 60_000 });
const promote = async (args: string[], cwd?: string) => cli(["promote", ...args, "--json"], cwd);
const gated = (commit: string, conclusion = "success") => gh.seedCheckRun(commit, "llmops / gate", conclusion);

beforeAll(async () => {
  gh = new FakeGitHub({ repository: "octo-org/llm-app" });
  gh.addToken("tok", { login: "github-actions[bot]", canGetUser: false, permissions: ["checks", "pulls", "contents", "statuses", "issues"] });
  await gh.start();
  model = await startOpenAiTestServer({ models: ["demo-model", "demo-model:v0.1.0"], respond: (r) => (r.prompt.includes("2+2=") ? "4" : "?") });
  hub = createServer((req, res) => {
    if (req.url?.startsWith("/api/models/")) return res.end(JSON.stringify({ sha: HUB_REV, siblings: [{ rfilename: "model.gguf" }] }));
    res.end(hubBytes);
  });
  await new Promise<void>((r) => hub.listen(0, "127.0.0.1", () => r()));
  env = { GITHUB_TOKEN: "tok", GITHUB_REPOSITORY: "octo-org/llm-app", GITHUB_API_URL: gh.url, HF_ENDPOINT: `http://127.0.0.1:${(hub.address() as AddressInfo).port}` };
  repo = createRepo({
    "artifacts.yaml": "demo-model:\n  type: model\n  path: models/demo-model.gguf\n  description: The tiny demo model.\nhub-model:\n  type: model\n  path: hf://org/tiny@main//model.gguf\n",
    "models/demo-model.gguf": "GGUF demo weights v1",
    "reports/eval/summary.json": summary,
    "data/data-manifest.json": "{}\n",
    "deploy/environments.yaml": environments(model.url),
  });
}, 60_000);

afterAll(async () => {
  await gh?.close();
  await model?.close();
  await new Promise<void>((r) => (hub ? hub.close(() => r()) : r()));
});

// Each test spawns a dozen CLI processes running git: slow on two shared cores, hence the timeout.
describe("promotion end to end", { timeout: 240_000 }, () => {
  test("push demo-model@v0.1.0, then demo-model#prod#1: evidence checked, manifest PR opened, smoke test passed, release created", async () => {
    const commit = git(repo.work, ["rev-parse", "HEAD"]);
    gated(commit);
    let r = await cli(["registry", "register", "demo-model", "--version", "v0.1.0", "--eval-summary", "reports/eval/summary.json", "--data-manifest", "data/data-manifest.json", "--push", "origin"]);
    expect(r.code).toBe(0);
    r = await promote(["--tag", "demo-model@v0.1.0"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "registration-verified", version: "v0.1.0", gate: { conclusion: "success" } });

    r = await cli(["registry", "assign", "demo-model", "--version", "v0.1.0", "--stage", "prod", "--push", "origin"]);
    expect(r.stdout).toContain("demo-model#prod#1");
    r = await promote(["--tag", "demo-model#prod#1"]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    const weightsSha = `sha256:${createHash("sha256").update("GGUF demo weights v1").digest("hex")}`;
    expect(res).toMatchObject({ status: "promoted", artifact: "demo-model", version: "v0.1.0", stage: "prod", tag: "demo-model#prod#1", sha256: weightsSha });
    expect(res.smoke.checks.map((c: { name: string; ok: boolean }) => `${c.name}:${c.ok}`)).toEqual(["health:true", "models:true", 'prompt "2+2=":true', "streaming:true"]);

    // The GitOps change: a branch with the rendered manifest and a pull request against main.
    const pr = [...gh.pulls.values()].at(-1)!;
    expect(pr).toMatchObject({ state: "open", headRef: "llmops/promote/demo-model/prod-v0.1.0", base: "main", title: "Promote demo-model v0.1.0 to prod" });
    const manifest = git(repo.work, ["--git-dir", repo.origin, "show", "llmops/promote/demo-model/prod-v0.1.0:deploy/prod/demo-model.yaml"]);
    expect(manifest).toContain("kind: Deployment");
    expect(manifest).toContain(`llmops.dev/sha256: ${weightsSha.slice(7)}`);

    // The release: model card with the interval, gate, smoke table, assets with checksums.
    const rel = gh.releases.find((x) => x.tag_name === "demo-model@v0.1.0")!;
    expect(rel.body).toContain("| accuracy | 90.0% | 82.0% – 95.0% | 60 |");
    expect(rel.body).toContain("concluded **success**");
    expect(rel.body).toContain("**prod** via `demo-model#prod#1`");
    expect(rel.assets.map((a) => a.name).sort()).toEqual(["SHA256SUMS", "demo-model.gguf", "eval-summary.json", "model-card.md"]);
    const sums = rel.assets.find((a) => a.name === "SHA256SUMS")!.data.toString();
    expect(sums).toContain(`${weightsSha.slice(7)}  demo-model.gguf`);
    expect(rel.assets.find((a) => a.name === "demo-model.gguf")!.data.toString()).toBe("GGUF demo weights v1");

    r = await cli(["registry", "show"]);
    expect(r.stdout).toContain("| demo-model | v0.1.0 | v0.1.0 |");
  });

  test("each refusal names the condition and the fix (exit 2)", async () => {
    // A lightweight tag.
    git(repo.work, ["tag", "demo-model#prod#7"]);
    git(repo.work, ["push", "--quiet", "origin", "refs/tags/demo-model#prod#7"]);
    let r = await promote(["--tag", "demo-model#prod#7"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("promotion refused (tag not annotated)");
    expect(r.stderr).toContain("hint: recreate it annotated");
    git(repo.work, ["push", "--quiet", "origin", ":refs/tags/demo-model#prod#7"]);
    git(repo.work, ["tag", "-d", "demo-model#prod#7"]);

    // A malformed tag.
    r = await promote(["--tag", "demo-model#Prod#1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('promotion refused (malformed tag): stage "Prod" is not valid');

    // A commit that is not on the default branch.
    git(repo.work, ["checkout", "--quiet", "-b", "side"]);
    git(repo.work, ["commit", "--quiet", "--allow-empty", "-m", "side"]);
    const side = git(repo.work, ["rev-parse", "HEAD"]);
    gated(side);
    await cli(["registry", "register", "demo-model", "--version", "v0.9.0", "--push", "origin"]);
    git(repo.work, ["checkout", "--quiet", "main"]);
    r = await promote(["demo-model", "--version", "v0.9.0", "--stage", "prod"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("promotion refused (commit not on the default branch)");

    // The gate: missing, then failed.
    const c2 = repo.commit("v0.1.1", { "models/demo-model.gguf": "GGUF demo weights v2" });
    await cli(["registry", "register", "demo-model", "--version", "v0.1.1", "--eval-summary", "reports/eval/summary.json", "--push", "origin"]);
    r = await promote(["demo-model", "--version", "v0.1.1", "--stage", "prod"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`promotion refused (gate not passed): commit ${c2.slice(0, 12)} has no "llmops / gate" check run`);
    gated(c2, "failure");
    r = await promote(["demo-model", "--version", "v0.1.1", "--stage", "prod"]);
    expect(r.stderr).toContain("concluded failure");
    gh.seedCheckRun(c2, "llmops / gate", "success", "some-other-app"); // not the trusted app: still failure
    expect((await promote(["demo-model", "--version", "v0.1.1", "--stage", "prod"])).stderr).toContain("concluded failure");
    gated(c2, "success");

    // The bytes moved after registration (an hf revision re-pointed).
    const c3 = git(repo.work, ["rev-parse", "HEAD"]);
    hubBytes = "hub-weights-A";
    await cli(["registry", "register", "hub-model", "--version", "v1.0.0", "--push", "origin"]);
    gated(c3);
    hubBytes = "hub-weights-B";
    r = await promote(["hub-model", "--version", "v1.0.0", "--stage", "prod"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("promotion refused (artifact hash differs from the gated hash)");
    // No stage tag was taken by any refusal.
    expect(git(repo.work, ["tag", "-l", "*#prod#*"]).split("\n")).toEqual(["demo-model#prod#1"]);
  });

  test("a failed smoke test unassigns the stage and closes the PR (exit 1); then a good promotion and a rollback", async () => {
    // The server does not serve v0.1.1 yet: /v1/models never names it.
    let r = await promote(["demo-model", "--version", "v0.1.1", "--stage", "prod"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("smoke test of");
    expect(r.stderr).toContain("not demo-model:v0.1.1");
    expect(git(repo.work, ["ls-remote", "--tags", "origin", "demo-model#prod!*"])).toMatch(/demo-model#prod!#\d+/);
    expect([...gh.pulls.values()].find((p) => p.headRef === "llmops/promote/demo-model/prod-v0.1.1")!.state).toBe("closed");
    expect((await cli(["registry", "show", "demo-model#prod", "--ref"])).stdout).toBe("demo-model@v0.1.0\n");

    (model as unknown as { requests: unknown[] }).requests.length = 0;
    const served = ["demo-model", "demo-model:v0.1.0", "demo-model:v0.1.1"];
    model = await restartModel(served);
    r = await promote(["demo-model", "--version", "v0.1.1", "--stage", "prod"]);
    expect(r.stderr).not.toContain("error");
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "promoted", previousVersion: "v0.1.0" });
    expect((await cli(["registry", "show", "demo-model#prod", "--ref"])).stdout).toBe("demo-model@v0.1.1\n");

    r = await cli(["rollback", "demo-model", "prod", "--json"]);
    expect(r.stderr).not.toContain("error");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "promoted", version: "v0.1.0", previousVersion: "v0.1.1" });
    expect((await cli(["registry", "show", "demo-model#prod", "--ref"])).stdout).toBe("demo-model@v0.1.0\n");
    const tag = JSON.parse(r.stdout).tag as string;
    expect(git(repo.work, ["tag", "-l", "--format=%(contents:subject)", tag])).toBe("Rolling back stage prod of demo-model to v0.1.0");
  });

  test("two promotions racing for one stage: one wins, the other fails clearly", async () => {
    const a = clone(repo.origin);
    const b = clone(repo.origin);
    const [ra, rb] = await Promise.all([promote(["demo-model", "--version", "v0.1.1", "--stage", "staging"], a), promote(["demo-model", "--version", "v0.1.1", "--stage", "staging"], b)]);
    const codes = [ra.code, rb.code].sort();
    expect(codes).toEqual([0, 2]);
    const loser = ra.code === 2 ? ra : rb;
    expect(loser.stderr).toMatch(/another promotion of demo-model to staging took demo-model#staging#\d+ first/);
  });
});

async function restartModel(models: string[]): Promise<OpenAiTestServer> {
  const port = Number(new URL(model.url).port);
  await model.close();
  return startOpenAiTestServer({ port, models, respond: (r) => (r.prompt.includes("2+2=") ? "4" : "?") });
}
