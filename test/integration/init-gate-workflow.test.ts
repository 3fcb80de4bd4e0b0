// The gate `llmops init` writes (.github/workflows/llmops-gate.yml) works in the repository it was
// written for: executed by the workflow runner (test/support/workflow-runner.ts) as a
// pull_request_target run, its actions fetched at the pinned commit of a stand-in llmops repository
// (this checkout's action.yml files and dist/ bundles), against a loopback model. A fork's PR whose
// prompt really regresses gets a failing `llmops / gate`; a PR that leaves the prompt alone passes;
// an `edited` event that does not change the base branch runs nothing. Before this file existed,
// init wrote no gate and its next steps sent the user to copy this repository's llmops-gate.yml,
// whose `./actions/*` and gate-model inputs (pipelines/params.yaml, an `export` stage) do not exist
// in an init'd repository: the required check could never pass.
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { readdirSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { pullRequestEvent } from "../support/fake-github-events.js";
import { FakeGitHub } from "../support/fake-github.js";
import { createRepo, git, writeFiles } from "../support/git-repo.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { runWorkflow } from "../support/workflow-runner.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const BASE = "octo-org/shop";
const FORK = "mallory/shop";
const LLMOPS = "acme/llmops";
const ANSWERS: Record<string, string> = { France: "Paris", Japan: "Tokyo", "2 + 3": "5" };

/** Right answers, unless the prompt carries the PR's "Be creative." */
function respond(req: { prompt: string }): string {
  const key = Object.keys(ANSWERS).find((k) => req.prompt.includes(k));
  if (!key) return "?";
  return JSON.stringify({ answer: req.prompt.includes("Be creative.") ? "Atlantis" : ANSWERS[key] });
}

function filesUnder(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (e === ".git") continue;
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

describe("llmops init's llmops-gate.yml, run as GitHub runs it", () => {
  let model: OpenAiTestServer;
  const ghs: FakeGitHub[] = [];
  beforeAll(async () => {
    model = await startOpenAiTestServer({ respond });
  });
  afterAll(async () => {
    await Promise.all([model?.close(), ...ghs.map((g) => g.close())]);
  });

  it("fails a fork's regressing prompt, passes an unchanged one, and skips an edit that keeps the base", async () => {
    // The llmops repository the workflows pin: this checkout's actions and bundles at one commit.
    const actions = ["evaluate", "compare", "comment"];
    const llmops = createRepo(Object.fromEntries(actions.flatMap((a) => [[`actions/${a}/action.yml`, readFileSync(join(ROOT, `actions/${a}/action.yml`))], [`dist/${a}/index.js`, readFileSync(join(ROOT, `dist/${a}/index.js`))]])));
    const pin = git(llmops.work, ["rev-parse", "HEAD"]);

    // The adopting repository: exactly what `llmops init` wrote, its suite pointed at the model.
    const scratch = join(tempDir(), "shop");
    git(tempDir(), ["init", "--quiet", "--initial-branch=main", scratch]);
    const init = await runCli(["init", "--actions", `${LLMOPS}@${pin}`], { cwd: scratch });
    expect(init.code, init.stderr).toBe(0);
    const files = filesUnder(scratch);
    const suite = files["evals/shop.yaml"]!.toString("utf8");
    files["evals/shop.yaml"] = Buffer.from(suite.replace("base_url: http://127.0.0.1:8000/v1", `base_url: ${model.baseUrl}`));
    const repo = createRepo(files);
    const baseSha = git(repo.work, ["rev-parse", "HEAD"]);
    const workflow = files[".github/workflows/llmops-gate.yml"]!.toString("utf8");

    // Two PR heads on a fork: one regresses the prompt, one only edits the README.
    const fork = join(tempDir("llmops-fork-"), "fork.git");
    git(repo.work, ["init", "--quiet", "--bare", fork]);
    const head = (branch: string, edit: Record<string, string>) => {
      git(repo.work, ["checkout", "--quiet", "-b", branch, baseSha]);
      writeFiles(repo.work, edit);
      git(repo.work, ["add", "-A"]);
      git(repo.work, ["commit", "--quiet", "-m", branch]);
      git(repo.work, ["push", "--quiet", fork, branch]);
      return git(repo.work, ["rev-parse", "HEAD"]);
    };
    const prompt = files["prompts/shop.jinja"]!.toString("utf8");
    const regressing = head("creative", { "prompts/shop.jinja": prompt.replace("Question:", "Be creative.\nQuestion:") });
    const harmless = head("docs", { "README.md": "# shop\n" });

    const gate = async (number: number, headSha: string, action = "synchronize", changes?: Record<string, unknown>) => {
      const gh = new FakeGitHub({ repository: BASE });
      ghs.push(gh);
      gh.addPull({ number, state: "open", headSha, headRef: "feature", headRepo: FORK, baseRepo: BASE });
      await gh.start();
      let n = 0;
      const run = await runWorkflow({
        workflow,
        eventName: "pull_request_target",
        event: { ...pullRequestEvent({ number, headSha, baseSha, headRepo: FORK, baseRepo: BASE, action }), ...(changes ? { changes } : {}) },
        repository: BASE,
        remotes: { [BASE]: repo.origin, [FORK]: fork, [LLMOPS]: llmops.origin },
        sha: baseSha,
        ref: "refs/heads/main",
        apiUrl: gh.url,
        mintToken: (job, permissions) => {
          const token = `ghs_${job}_${++n}`;
          gh.addWorkflowToken(token, permissions);
          return token;
        },
      });
      const log = run.steps.map((st) => `--- ${st.job} / ${st.name} (${st.skipped ? "skipped" : `exit ${st.code}`})\n${st.log}`).join("\n");
      return { run, gh, log, checks: gh.checkRuns.filter((c) => c.head_sha === headSha).map((c) => [c.name, c.conclusion]) };
    };

    const bad = await gate(7, regressing);
    expect(bad.run.jobs.evaluate!.result, bad.log).toBe("success");
    expect(bad.checks, bad.log).toEqual([["llmops / gate", "failure"]]);
    // Every program that ran is a pinned llmops bundle, fetched at the pin — none from a checkout.
    const programs = bad.run.steps.filter((s) => s.program).map((s) => s.program!);
    expect(programs.length).toBe(4);
    for (const p of programs) expect(p, p).toMatch(new RegExp(`-actions/${LLMOPS}/${pin}/dist/(evaluate|compare|comment)/index\\.js$`));
    // The PR's prompt was sent to the base's endpoint; the comment names the prompt diff.
    expect(model.requests.some((q) => q.prompt.includes("Be creative."))).toBe(true);
    const comment = bad.gh.commentsOn(7).at(-1)!.body;
    expect(comment).toContain("<!-- llmops:report:llmops-gate -->");
    expect(comment).toMatch(/FAIL/);
    expect(comment).toContain("prompts/shop.jinja");

    const good = await gate(8, harmless);
    expect(good.checks, good.log).toEqual([["llmops / gate", "success"]]);

    // A title edit runs nothing (the check on the head stays what it was); a base change re-judges.
    const titleEdit = await gate(9, regressing, "edited", { title: { from: "x" } });
    expect(titleEdit.run.jobs.evaluate!.result).toBe("skipped");
    expect(titleEdit.checks).toEqual([]);
    const baseEdit = await gate(10, regressing, "edited", { base: { ref: { from: "old" }, sha: { from: "0".repeat(40) } } });
    expect(baseEdit.checks, baseEdit.log).toEqual([["llmops / gate", "failure"]]);
  }, 240_000);
});
