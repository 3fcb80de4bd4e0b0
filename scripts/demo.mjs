// `npm run demo`: the whole pull-request cycle on a REAL model, on this machine, with no GPU and no
// account. This repository's example project (pipelines/main.yaml: review → {"label","topic"} JSON)
// is copied into a scratch git repository under .llmops/demo/, then
//
//   0. PyTorch for the reference trainer is found or installed (scripts/demo-python.mjs)
//   1. main: `llmops run` — generate the dataset, validate it, train the tiny model with PyTorch on
//      the CPU, export it to GGUF, serve it with llama.cpp (`llmops serve`), evaluate it
//   2. a harmful pull request and a helpful one (SCENARIOS below): `llmops run --baseline main`
//      each — main's stages are RESTORED from the stage cache, the PR's are computed, then compared,
//      gated and reported
//   3. each PR comment (markdown) and HTML report is copied to reports/demo/, verdicts printed,
//      and where the time went (training, export, serving, evaluation).
//
// Run it again with nothing changed and every stage comes from the cache (checked with `llmops run`
// and `llmops status`), in about a second. Ctrl-C stops the running stage, the model server and the
// trainer (llmops stops them) and exits 130.
//
// Environment (for tests and the benchmark): LLMOPS_DEMO_DIR (scratch repo + cache, default
// .llmops/demo), LLMOPS_DEMO_REPORTS (default reports/demo), LLMOPS_DEMO_MAX_STEPS (train fewer
// steps than pipelines/params.yaml says: a quicker, less accurate run — the demo says so).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { findTorchPython } from "./demo-python.mjs";

const t0 = performance.now();
const root = resolve(new URL("..", import.meta.url).pathname);
const cli = join(root, "dist", "cli", "index.js");
const work = resolve(root, process.env.LLMOPS_DEMO_DIR || join(".llmops", "demo"));
const repo = join(work, "repo");
const cacheDir = join(work, "cache");
const reports = resolve(root, process.env.LLMOPS_DEMO_REPORTS || join("reports", "demo"));
const maxSteps = process.env.LLMOPS_DEMO_MAX_STEPS ? Number(process.env.LLMOPS_DEMO_MAX_STEPS) : null;
const FILES = ["pipelines/main.yaml", "pipelines/params.yaml", "pipelines/reviews-sft.yaml", "pipelines/reviews/make-data.mjs", "evals/reviews.yaml", "evals/cases/reviews.jsonl", "prompts/reviews.jinja"];
const SCENARIOS = [
  { branch: "pr-learning-rate-x10", title: "harmful: learning rate ×10 (1e-2 → 1e-1)", expect: "fail", edit: (p) => p.replace("learning_rate: 1.0e-2", "learning_rate: 1.0e-1") },
  { branch: "pr-more-nouns", title: "helpful: the training data names every noun the users write (tea, host, patio), and training runs long enough to learn them (200 → 400 steps)", expect: "pass", edit: (p) => p.replace("nouns: 3 ", "nouns: 4 ").replace("max_steps: 200", "max_steps: 400") },
];
const STATE = "llmops.demo-state/v1";
const rel = (p) => {
  const r = relative(root, p);
  return r.startsWith("..") ? p : r || ".";
};

const say = (s = "") => console.log(s);
const step = (s) => say(`\n━━ ${s}`);
const git = (...args) => execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
function fail(msg, code = 1) {
  console.error(`demo failed: ${msg}`);
  process.exit(code);
}

// Ctrl-C: llmops runs in its own process group, so the terminal's SIGINT reaches only this script,
// which passes ONE SIGINT on (llmops then stops its stage, the trainer and the model server, and
// records the run as interrupted) and waits for it before exiting 130.
let current = null;
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    say(`\n${sig}: stopping — llmops stops the running stage and the model server`);
    if (current && current.exitCode === null) current.kill("SIGINT");
    else process.exit(130);
  });
}

function llmops(args, { json = false, env = {} } = {}) {
  if (!json) say(`$ llmops ${args.join(" ")}`);
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: repo, detached: true, stdio: ["ignore", json ? "pipe" : "inherit", "inherit"], env: { ...process.env, ...env, INIT_CWD: repo } });
    current = child;
    let stdout = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.on("close", (code, signal) => {
      current = null;
      if (stopping) {
        say("stopped: nothing left running");
        process.exit(130);
      }
      done({ code: code ?? (signal ? 128 : 1), stdout });
    });
  });
}

if (!existsSync(cli)) fail("dist/ is missing: run `npm ci` in the repository root first (dist/ is committed)", 2);
if (maxSteps !== null && !(Number.isInteger(maxSteps) && maxSteps > 0)) fail(`LLMOPS_DEMO_MAX_STEPS must be a positive integer, got ${JSON.stringify(process.env.LLMOPS_DEMO_MAX_STEPS)}`, 2);

// What the demo's results depend on: the example project, llmops itself (every bundle chunk), the
// demo's own code, the step override.
function fingerprint() {
  const h = createHash("sha256");
  const chunks = existsSync(join(root, "dist/cli/chunks")) ? readdirSync(join(root, "dist/cli/chunks")).sort().map((f) => `dist/cli/chunks/${f}`) : [];
  for (const f of [...FILES, "dist/cli/index.js", ...chunks, "scripts/demo.mjs", "scripts/demo-python.mjs"]) h.update(f).update(readFileSync(join(root, f)));
  return h.update(String(maxSteps)).digest("hex");
}
const fp = fingerprint();
const statePath = join(work, "demo.json");
let done = null;
try {
  const s = existsSync(statePath) ? JSON.parse(readFileSync(statePath, "utf8")) : null;
  if (s?.schema === STATE && typeof s.fingerprint === "string" && Array.isArray(s.verdicts)) done = s;
} catch {
  done = null; // unreadable: run the demo again
}

say("llmops demo — a pull request's cycle on a real model: train (PyTorch, CPU) → GGUF → llama.cpp → eval → compare → gate → report.");

if (done?.fingerprint === fp && existsSync(join(repo, ".git"))) {
  step("Nothing changed since the last demo: is every stage still in the stage cache?");
  git("checkout", "-q", "main");
  const pending = [];
  for (const branch of ["main", ...SCENARIOS.map((s) => s.branch)]) {
    git("checkout", "-q", branch);
    const st = JSON.parse((await llmops(["status", "main", "--cache-dir", cacheDir, "--json"], { json: true })).stdout);
    pending.push(...st.stages.filter((x) => x.status === "run").map((x) => `${branch}:${x.name}`));
    say(`  ${branch.padEnd(22)} ${st.stages.map((x) => `${x.name} ${x.status}`).join(", ")}`);
  }
  git("checkout", "-q", "main");
  if (pending.length === 0) {
    say("");
    for (const v of done.verdicts) say(`  ${v.branch}: gate ${v.verdict.toUpperCase()}  (${v.summary})  → ${v.comment}`);
    say(`\nFrom the cache: no training, export, serving or evaluation ran (${((performance.now() - t0) / 1000).toFixed(2)} s). Change pipelines/, evals/ or prompts/ and run it again to see only the affected stages rerun.`);
    process.exit(0);
  }
  say(`not cached any more: ${pending.join(", ")} — running the demo again`);
}

step("0. PyTorch for the reference trainer");
let torch;
try {
  torch = findTorchPython(root, (s) => say(`  ${s}`));
} catch (e) {
  fail(e.message, 2);
}
say(`  ${torch.python}: torch ${torch.version} (${torch.how})`);
const env = { LLMOPS_PYTHON: torch.python };

step("1. A scratch git repository with this repository's example project");
rmSync(repo, { recursive: true, force: true });
mkdirSync(repo, { recursive: true });
for (const f of FILES) {
  mkdirSync(dirname(join(repo, f)), { recursive: true });
  copyFileSync(join(root, f), join(repo, f));
}
if (maxSteps !== null) {
  const p = join(repo, "pipelines", "params.yaml");
  writeFileSync(p, readFileSync(p, "utf8").replace(/max_steps: \d+/, `max_steps: ${maxSteps}`));
  say(`  LLMOPS_DEMO_MAX_STEPS=${maxSteps}: training ${maxSteps} steps instead of the example's (a quicker run and a weaker model)`);
}
writeFileSync(join(repo, ".gitignore"), ".llmops/\nreports/\n");
execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
git("config", "user.email", "demo@llmops.invalid");
git("config", "user.name", "llmops demo");
git("config", "commit.gpgsign", "false");
git("add", "-A");
git("commit", "-qm", "The example project");
for (const s of SCENARIOS) {
  git("checkout", "-qb", s.branch, "main");
  const p = join(repo, "pipelines", "params.yaml");
  const before = readFileSync(p, "utf8");
  const after = s.edit(before);
  if (after === before) fail(`scenario ${s.branch} changed nothing in pipelines/params.yaml (the example's params moved: update SCENARIOS in scripts/demo.mjs)`, 70);
  writeFileSync(p, after);
  git("commit", "-qam", s.title);
}
git("checkout", "-q", "main");
say(`  ${rel(repo)}: main and ${SCENARIOS.length} pull-request branches (${SCENARIOS.map((s) => s.branch).join(", ")}); stage cache ${rel(cacheDir)}`);

step("2. Push to main: the main pipeline runs (what .github/workflows/llmops-main.yml does)");
say("  data → validate → train (PyTorch) → export (GGUF) → eval (against `llmops serve`, llama.cpp)");
const mainRun = await llmops(["run", "main", "--cache-dir", cacheDir], { env });
if (mainRun.code !== 0) fail(`llmops run on main exited ${mainRun.code}`);
const records = [];
const lastRecord = async () => JSON.parse((await llmops(["runs", "--json", "--limit", "1"], { json: true })).stdout)[0];
records.push(await lastRecord());

const verdicts = [];
for (const [i, s] of SCENARIOS.entries()) {
  step(`${i + 3}. Pull request ${s.branch} — ${s.title}`);
  git("checkout", "-q", s.branch);
  say(git("diff", "main", "--", "pipelines/params.yaml").split("\n").filter((l) => /^[-+]\s/.test(l)).map((l) => `  ${l}`).join("\n"));
  await llmops(["status", "main", "--cache-dir", cacheDir], { env });
  const r = await llmops(["run", "main", "--baseline", "main", "--cache-dir", cacheDir], { env });
  const rec = await lastRecord();
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
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const pp = (x) => `${x >= 0 ? "+" : ""}${(100 * x).toFixed(1)}`;
  const line = (name) => {
    const x = m(name);
    return x ? `${name} ${pct(x.baseline.mean)} → ${pct(x.candidate.mean)} (Δ ${pp(x.delta)} pp, 95% CI [${x.ci.map(pp).join(", ")}])` : `${name}: not reported`;
  };
  const summary = `${line("exact_match")}; ${line("json_fields")}`;
  verdicts.push({ branch: s.branch, title: s.title, expected: s.expect, verdict: c.verdict, summary, comment: rel(comment), html: rel(html) });
  say(`\n  ⇒ gate ${c.verdict.toUpperCase()}: ${summary}\n    PR comment ${rel(comment)}, HTML report ${rel(html)}`);
}
git("checkout", "-q", "main");

step("Where the time went");
const split = { "data + validate": 0, train: 0, export: 0, "serve (start)": 0, eval: 0, "compare + gate + report": 0 };
for (const rec of records) {
  for (const st of rec.stages.filter((x) => x.outcome === "ran")) {
    const serve = st.services.reduce((a, x) => a + x.ready_s, 0);
    const key = st.name === "data" || st.name === "validate" ? "data + validate" : st.name;
    split[key] = (split[key] ?? 0) + st.duration_s - serve;
    split["serve (start)"] += serve;
  }
  if (rec.baseline) split["compare + gate + report"] += Math.max(0, rec.duration_s - rec.stages.reduce((a, x) => a + x.duration_s, 0));
}
const wall = (performance.now() - t0) / 1000;
const accounted = Object.values(split).reduce((a, b) => a + b, 0);
split["other (git, node, cache)"] = Math.max(0, wall - accounted);
for (const [k, v] of Object.entries(split)) say(`  ${k.padEnd(26)} ${v.toFixed(1).padStart(6)} s  ${((100 * v) / wall).toFixed(0).padStart(3)}%`);
say(`  ${"total".padEnd(26)} ${wall.toFixed(1).padStart(6)} s`);

mkdirSync(work, { recursive: true });
writeFileSync(statePath, `${JSON.stringify({ schema: STATE, fingerprint: fp, verdicts, split, wall_s: wall, torch: { python: torch.python, version: torch.version } }, null, 2)}\n`);
say("");
for (const v of verdicts) say(`  ${v.branch}: gate ${v.verdict.toUpperCase()}  (${v.summary})`);
say(`\nThe PR comments and HTML reports are in ${rel(reports)}/ (open the .html in a browser); run records in ${rel(join(repo, "reports", "runs"))}/.`);
say("Run `npm run demo` again: nothing changed, so every stage comes from the cache.");
