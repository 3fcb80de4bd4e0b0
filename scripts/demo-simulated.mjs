// The main job on a laptop: one whole pull-request cycle, end to end, on this machine.
//
//   1. evaluate the baseline (main) and the candidate (the PR) with `llmops eval`
//   2. compare them and decide the merge gate with `llmops compare --policy`
//   3. render the PR comment and the self-contained HTML report with `llmops report`
//   4. run the PR workflow's last steps as the runner would — the bundled actions/compare and
//      actions/comment — against a loopback fake of GitHub's REST API: one sticky comment and a
//      check run `llmops / gate`; then a second push that regresses, which edits the same comment
//      and fails the check.
//
// Until the embedded model (GGUF served by llama.cpp) lands, the models are SIMULATED by the
// loopback OpenAI-compatible test server: each answers the example suite's additions correctly
// with a fixed probability. Everything else is the real product: the CLI and action bundles, the
// eval engine over HTTP, cache, results, summaries, statistics, gate, renderers, GitHub client.
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const work = join(root, ".llmops", "demo-simulated");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
if (!existsSync(join(root, "dist", "cli", "index.js"))) {
  console.error("dist/ is missing: run `npm ci` in the repository root first (dist/ is committed)");
  process.exit(2);
}

await build({ absWorkingDir: root, entryPoints: ["scripts/demo-support.ts"], outfile: join(work, "support.mjs"), bundle: true, platform: "node", format: "esm", logLevel: "warning" });
const { startOpenAiTestServer, simulatedModel, FakeGitHub, ACTIONS_TOKEN, pullRequestEvent, runActionBundle } = await import(join(work, "support.mjs"));

// A deterministic "model" (test/support/simulated-model.ts): the right sum with probability `skill`, else off by one.
const answer = simulatedModel({ baseline: 0.7, candidate: 0.85, regressed: 0.45 });

const cli = join(root, "dist", "cli", "index.js");
function llmops(args) {
  return new Promise((resolve) => {
    console.log(`\n$ llmops ${args.join(" ")}`);
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit", env: { ...process.env, INIT_CWD: root } });
    child.on("close", (code) => resolve(code ?? 1));
  });
}
function step(title) {
  console.log(`\n━━ ${title}`);
}
function check(cond, what) {
  if (!cond) throw new Error(`demo check failed: ${what}`);
  console.log(`  ✓ ${what}`);
}

const server = await startOpenAiTestServer({ respond: answer, latencyMs: 5, seed: 7 });
const gh = new FakeGitHub({ repository: "octo-org/llm-app" });
const TOKEN = "ghs_demoWorkflowToken";
console.log("llmops demo — a pull request's evaluation cycle, end to end on this machine.");
console.log(`NOTE: the models are simulated by the loopback test server at ${server.baseUrl} until the embedded llama.cpp model lands.`);
let failed = false;
try {
  step("1. Evaluate the baseline and the candidate");
  for (const model of ["baseline", "candidate", "regressed"]) {
    const code = await llmops(["eval", "evals/arithmetic.yaml", "--base-url", server.baseUrl, "--model", model, "--out", `.llmops/demo-simulated/${model}`, "--cache-dir", ".llmops/demo-simulated/cache"]);
    if (code !== 0) throw new Error(`llmops eval for ${model} exited ${code}`);
  }

  step("2. Compare and decide the merge gate (policy: the suite's gate: key)");
  const cmp = await llmops(["compare", "--baseline", ".llmops/demo-simulated/baseline", "--candidate", ".llmops/demo-simulated/candidate", "--policy", "evals/arithmetic.yaml", "--out", ".llmops/demo-simulated/compare"]);
  console.log(`compare exited ${cmp} (0: the gate passed, 1: it blocked)`);

  step("3. Render the PR comment and the HTML report");
  const rep = await llmops(["report", "--comparison", ".llmops/demo-simulated/compare/comparison.json", "--markdown", ".llmops/demo-simulated/comment.md", "--html", ".llmops/demo-simulated/report.html"]);
  if (rep !== 0) throw new Error(`llmops report exited ${rep}`);

  step("4. The PR workflow's last steps (actions/compare → actions/comment) against a loopback fake of GitHub");
  await gh.start();
  gh.addToken(TOKEN, ACTIONS_TOKEN);
  const env = { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: "octo-org/llm-app", GITHUB_WORKSPACE: root };
  for (const [push, model, sha] of [
    [1, "candidate", "a".repeat(40)],
    [2, "regressed", "c".repeat(40)],
  ]) {
    gh.addPull({ number: 7, state: "open", headSha: sha, headRef: "tune-prompt", headRepo: "octo-org/llm-app" });
    const event = pullRequestEvent({ number: 7, headSha: sha });
    const out = join(work, `bundle-${push}`);
    const c = await runActionBundle({
      action: "compare",
      eventName: "pull_request",
      event,
      cwd: root,
      env,
      inputs: { baseline: join(work, "baseline"), candidate: join(work, model), policy: "evals/arithmetic.yaml", out, "fail-on-block": "false" },
    });
    if (c.code !== 0) throw new Error(`actions/compare exited ${c.code}:\n${c.stdout}${c.stderr}`);
    const p = await runActionBundle({ action: "comment", eventName: "pull_request", event, cwd: root, env, inputs: { "report-path": out, token: TOKEN } });
    if (p.code !== 0) throw new Error(`actions/comment exited ${p.code}:\n${p.stdout}${p.stderr}`);
    const comments = gh.commentsOn(7);
    const run = gh.checkRuns.at(-1);
    console.log(`  push ${push} (${model}): verdict ${c.outputs.verdict}; PR #7 has ${comments.length} comment(s) [id ${comments.map((x) => x.id).join(", ")}]; check "${run?.name}" → ${run?.conclusion}`);
    console.log(`    ${comments[0]?.body.split("\n").find((l) => l.startsWith("###")) ?? ""}`);
    check(comments.length === 1, "exactly one sticky comment on the PR");
    check(run?.conclusion === (push === 1 ? "success" : "failure"), `the check run concluded ${push === 1 ? "success" : "failure"}`);
    // `::add-mask::` is the runner's own command that registers the token as a secret (core.setSecret):
    // the runner consumes that line and masks the value everywhere else, so only the other lines count.
    const shown = (c.stdout + c.stderr + p.stdout + p.stderr).split("\n").filter((l) => !l.startsWith("::add-mask::"));
    check(!shown.some((l) => l.includes(TOKEN)), "the token never reached the logs");
  }
  console.log(`\nDemo outputs are under ${work}: comment.md, report.html (open it in a browser), compare/, bundle-1/, bundle-2/`);
} catch (err) {
  console.error(`demo failed: ${err.message}`);
  failed = true;
} finally {
  await server.close();
  await gh.close();
}
process.exitCode = failed ? 1 : 0;
