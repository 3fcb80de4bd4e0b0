// The whole cycle on a REAL model, as pull requests see it: this repository's example project
// (pipelines/main.yaml) copied into a scratch git repository under .llmops/demo-pipeline/, then
//
//   1. main: `llmops run` — generate the review dataset, validate it, train the tiny model with
//      PyTorch on the CPU, export it to GGUF, serve it with llama.cpp, evaluate it (120 cases)
//   2. a harmful pull request (learning rate ×10) and a helpful one (negated reviews added to the
//      training data): `llmops run --baseline main` each — main's stages are RESTORED from the
//      stage cache, the PR's are computed, then compared, gated and reported
//   3. the PR comments (markdown) and HTML reports are copied to reports/demo/, verdicts printed.
//
// Run it again with nothing changed and every stage comes from the cache (checked by `llmops run`
// and `llmops status`), in about a second.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const t0 = performance.now();
const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "dist", "cli", "index.js");
const work = join(root, ".llmops", "demo-pipeline");
const repo = join(work, "repo");
const cacheDir = join(work, "cache");
const reports = join(root, "reports", "demo");
const FILES = ["pipelines/main.yaml", "pipelines/params.yaml", "pipelines/reviews-sft.yaml", "pipelines/reviews/make-data.mjs", "evals/reviews.yaml", "evals/cases/reviews.jsonl", "prompts/reviews.jinja"];
const SCENARIOS = [
  { branch: "pr-learning-rate-x10", title: "harmful: learning rate ×10 (3e-3 → 3e-2)", edit: (p) => p.replace("learning_rate: 3.0e-3", "learning_rate: 3.0e-2") },
  { branch: "pr-negated-reviews", title: "helpful: a third of the training reviews negated (\"the soup was not good\")", edit: (p) => p.replace("negation: 0 ", "negation: 0.33 ") },
];

const say = (s = "") => console.log(s);
const step = (s) => say(`\n━━ ${s}`);
const git = (...args) => execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
function llmops(args, { json = false } = {}) {
  if (!json) say(`$ llmops ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: "utf8", stdio: ["ignore", json ? "pipe" : "inherit", "inherit"], env: { ...process.env, INIT_CWD: repo } });
  return { code: r.status, stdout: r.stdout ?? "" };
}
function fail(msg) {
  console.error(`demo failed: ${msg}`);
  process.exit(1);
}

if (!existsSync(cli)) fail("dist/ is missing: run `npm ci` in the repository root first (dist/ is committed)");
const help = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" }).stdout;
if (!/\bexport\b/.test(help) || !/\bserve\b/.test(help)) fail("this llmops has no `export` / `serve` commands yet (the embedded llama.cpp runtime); run `npm run demo` for the simulated-model demo");

// What the demo's results depend on: the example project, llmops itself, the scenarios.
const fingerprint = createHash("sha256");
for (const f of [...FILES, "dist/cli/index.js", "scripts/demo-pipeline.mjs"]) fingerprint.update(f).update(readFileSync(join(root, f)));
const fp = fingerprint.digest("hex");
const donePath = join(work, "demo.json");
const done = existsSync(donePath) ? JSON.parse(readFileSync(donePath, "utf8")) : null;

say("llmops demo — a pull request's cycle on a real model: train (PyTorch, CPU) → GGUF → llama.cpp → eval → compare → gate → report.");

if (done?.fingerprint === fp && existsSync(repo)) {
  step("Nothing changed since the last demo: checking that every stage is still cached");
  git("checkout", "-q", "main");
  const r = llmops(["run", "main", "--cache-dir", cacheDir, "--json", "--quiet"], { json: true });
  const run = JSON.parse(r.stdout);
  const fresh = run.stages.filter((s) => s.outcome === "ran").length;
  say(`main: ${run.stages.map((s) => `${s.name} ${s.outcome}`).join(", ")}`);
  let cached = true;
  for (const s of SCENARIOS) {
    git("checkout", "-q", s.branch);
    const st = JSON.parse(llmops(["status", "main", "--cache-dir", cacheDir, "--json"], { json: true }).stdout);
    const pending = st.stages.filter((x) => x.status === "run");
    cached &&= pending.length === 0;
    say(`${s.branch}: ${st.stages.map((x) => `${x.name} ${x.status}`).join(", ")}`);
  }
  git("checkout", "-q", "main");
  if (fresh === 0 && cached) {
    say("");
    for (const v of done.verdicts) say(`  ${v.branch}: gate ${v.verdict.toUpperCase()}  (${v.summary})  → ${v.comment}`);
    say(`\nEverything came from the stage cache: no training, export, serving or evaluation ran (${((performance.now() - t0) / 1000).toFixed(2)} s).`);
    process.exit(0);
  }
  say("some stage is no longer cached: running the whole demo again");
}

step("0. A scratch git repository with this repository's example project");
rmSync(repo, { recursive: true, force: true });
mkdirSync(repo, { recursive: true });
for (const f of FILES) {
  mkdirSync(dirname(join(repo, f)), { recursive: true });
  copyFileSync(join(root, f), join(repo, f));
}
writeFileSync(join(repo, ".gitignore"), ".llmops/\nreports/\n");
execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
git("config", "user.email", "demo@llmops.invalid");
git("config", "user.name", "llmops demo");
git("add", "-A");
git("commit", "-qm", "The example project");
for (const s of SCENARIOS) {
  git("checkout", "-qb", s.branch, "main");
  const p = join(repo, "pipelines", "params.yaml");
  const before = readFileSync(p, "utf8");
  const after = s.edit(before);
  if (after === before) fail(`scenario ${s.branch} changed nothing in pipelines/params.yaml`);
  writeFileSync(p, after);
  git("commit", "-qam", s.title);
}
git("checkout", "-q", "main");
say(`${repo}: main and ${SCENARIOS.length} pull-request branches (${SCENARIOS.map((s) => s.branch).join(", ")}); stage cache ${cacheDir}`);

step("1. Push to main: the main pipeline runs (what .github/workflows/llmops-main.yml does)");
const mainRun = llmops(["run", "main", "--cache-dir", cacheDir]);
if (mainRun.code !== 0) fail(`llmops run on main exited ${mainRun.code}`);
const records = [];
const lastRecord = () => JSON.parse(llmops(["runs", "--json", "--limit", "1"], { json: true }).stdout)[0];
records.push(lastRecord());

const verdicts = [];
for (const [i, s] of SCENARIOS.entries()) {
  step(`${i + 2}. Pull request ${s.branch} — ${s.title}`);
  git("checkout", "-q", s.branch);
  say(git("diff", "main", "--", "pipelines/params.yaml").split("\n").filter((l) => /^[-+]\s/.test(l)).map((l) => `  ${l}`).join("\n"));
  llmops(["status", "main", "--cache-dir", cacheDir]);
  const r = llmops(["run", "main", "--baseline", "main", "--cache-dir", cacheDir]);
  const rec = lastRecord();
  records.push(rec);
  const c = rec.baseline?.comparisons[0];
  if (!c) fail(`the run on ${s.branch} produced no comparison (exit ${r.code})`);
  mkdirSync(reports, { recursive: true });
  const comment = join(reports, `${s.branch}.md`);
  const html = join(reports, `${s.branch}.html`);
  copyFileSync(c.comment, comment);
  copyFileSync(c.html, html);
  const cmp = JSON.parse(readFileSync(c.comparison, "utf8"));
  const m = (name) => cmp.metrics.find((x) => x.name === name);
  const em = m("exact_match");
  const summary = `exact_match ${em.baseline.mean.toFixed(2)} → ${em.candidate.mean.toFixed(2)}, Δ ${em.delta >= 0 ? "+" : ""}${em.delta.toFixed(2)} [${em.ci.map((x) => x.toFixed(2)).join(", ")}]`;
  verdicts.push({ branch: s.branch, verdict: c.verdict, summary, comment: `reports/demo/${s.branch}.md`, html: `reports/demo/${s.branch}.html` });
  say(`\n  ⇒ gate ${c.verdict.toUpperCase()}: ${summary}; PR comment reports/demo/${s.branch}.md, HTML report reports/demo/${s.branch}.html`);
}
git("checkout", "-q", "main");

step("Where the time went");
const split = { data: 0, train: 0, export: 0, "serve (start)": 0, eval: 0, "compare+report": 0 };
for (const rec of records) {
  for (const st of rec.stages.filter((x) => x.outcome === "ran")) {
    const serve = st.services.reduce((a, x) => a + x.ready_s, 0);
    const key = st.name === "eval" ? "eval" : st.name === "validate" || st.name === "data" ? "data" : st.name;
    split[key] = (split[key] ?? 0) + st.duration_s - serve;
    split["serve (start)"] += serve;
  }
  if (rec.baseline) split["compare+report"] += rec.duration_s - rec.stages.reduce((a, x) => a + x.duration_s, 0);
}
const wall = (performance.now() - t0) / 1000;
for (const [k, v] of Object.entries(split)) say(`  ${k.padEnd(16)} ${v.toFixed(1).padStart(6)} s  ${((100 * v) / wall).toFixed(0).padStart(3)}%`);
say(`  ${"total".padEnd(16)} ${wall.toFixed(1).padStart(6)} s`);

writeFileSync(donePath, JSON.stringify({ fingerprint: fp, verdicts, split, wall_s: wall }, null, 2));
say("");
for (const v of verdicts) say(`  ${v.branch}: gate ${v.verdict.toUpperCase()}  (${v.summary})`);
say(`\nThe PR comments and HTML reports are in reports/demo/ (open the .html in a browser); run records in ${join(repo, "reports", "runs")}.`);
say("Run `npm run demo` again: nothing changed, so every stage comes from the cache.");
