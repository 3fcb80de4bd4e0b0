#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  CorruptEntryError,
  hashOutputs,
  loadPipeline,
  openWorkspace,
  pipelinePathFor,
  planPipeline,
  saveState,
  withUpstream
} from "./chunk-GST47YQU.js";
import {
  machineInfo,
  newRunId,
  runsDir,
  writeRunRecord
} from "./chunk-RZWDOTXJ.js";
import {
  repoRoot
} from "./chunk-IGCEIUN2.js";
import {
  childEnv
} from "./chunk-S7KHQWV2.js";
import {
  gitInfo
} from "./chunk-2QRRESIB.js";
import "./chunk-6W2UH7JM.js";
import "./chunk-466LK4FJ.js";
import "./chunk-OMAMCZPV.js";
import "./chunk-XJB2EXL5.js";
import {
  displayPath
} from "./chunk-COWQ2BI6.js";
import "./chunk-6IFSKJTY.js";
import "./chunk-SDLTUNJ6.js";
import "./chunk-6SZRFP6W.js";
import "./chunk-GUNOHTC3.js";
import {
  require_dist
} from "./chunk-UO2TN4KU.js";
import {
  abortOnSignals
} from "./chunk-AISGCEWY.js";
import "./chunk-XYQJ7XHL.js";
import {
  cliParseConfig,
  defineOptions,
  json,
  quiet,
  readCliValues,
  renderCliHelp
} from "./chunk-KG2AKHTK.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  didYouMean
} from "./chunk-XQ6Z47X5.js";
import {
  ConfigError,
  ExternalError,
  InputError,
  ProcessExitError
} from "./chunk-LXVW643N.js";
import {
  __toESM
} from "./chunk-TQEUFEDE.js";

// src/app/pipeline/run-pipeline.ts
import { spawn as spawn2 } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

// src/app/pipeline/suite-key-env.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var RUNNER_OWN = /^(GITHUB_|ACTIONS_|RUNNER_)/i;
function suiteKeyEnvs(root, argv) {
  const suite = argv[0] === "eval" ? argv[1] : void 0;
  if (!suite) return [];
  try {
    const doc = (0, import_yaml.parse)(readFileSync(resolve(root, suite), "utf8"));
    const name = doc?.target?.api_key_env;
    return typeof name === "string" && NAME.test(name) && !RUNNER_OWN.test(name) ? [name] : [];
  } catch {
    return [];
  }
}

// src/app/pipeline/services.ts
import { spawn } from "node:child_process";
import { createServer } from "node:net";
function freePort() {
  return new Promise((resolve2, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve2(port));
    });
  });
}
async function startService(svc, o) {
  const port = await freePort();
  const argv = svc.command.argv.map((a) => a.replaceAll("${port}", String(port)));
  const full = svc.command.llmops ? [...o.llmops, ...argv] : argv;
  const t0 = performance.now();
  const tail = [];
  const child = spawn(full[0], full.slice(1), { cwd: o.cwd, env: { ...o.env, ...svc.env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const onData = (d) => {
    for (const line of d.toString("utf8").split("\n")) if (line.trim()) tail.push(line);
    tail.splice(0, Math.max(0, tail.length - 10));
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  let exited = null;
  let spawnError = null;
  const exit = new Promise((resolve2) => {
    child.on("error", (e) => {
      spawnError = e;
      resolve2();
    });
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      resolve2();
    });
  });
  const stop = () => stopChild(child, exit);
  const base = `http://127.0.0.1:${port}`;
  const deadline = t0 + svc.timeoutS * 1e3;
  o.logger.info(`service ${svc.name}: ${full.join(" ")} (waiting up to ${svc.timeoutS}s for ${base}${svc.ready})`);
  for (; ; ) {
    if (spawnError || exited) {
      await stop();
      const why = spawnError ? `could not start: ${spawnError.message}` : `exited (${exitText(exited)}) before it was ready`;
      throw new ExternalError(`service ${svc.name} ${why}${tail.length ? `; its last output:
    ${tail.join("\n    ")}` : ""}`, {
        hint: `check the command under services.${svc.name} (it must listen on 127.0.0.1:\${port})`
      });
    }
    if (o.signal?.aborted) {
      await stop();
      throw new ProcessExitError(`service ${svc.name}: ${o.signal.reason instanceof Error ? o.signal.reason.message : "interrupted"} before it was ready`, null, null);
    }
    if (await probe(`${base}${svc.ready}`)) break;
    if (performance.now() > deadline) {
      await stop();
      throw new ExternalError(`service ${svc.name} did not become ready at ${base}${svc.ready} within ${svc.timeoutS}s; it was stopped${tail.length ? `; its last output:
    ${tail.join("\n    ")}` : ""}`, {
        hint: `raise services.${svc.name}.timeout_s, or check its ready: path answers 2xx once it serves`
      });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyS = (performance.now() - t0) / 1e3;
  o.logger.info(`service ${svc.name} ready at ${base} in ${readyS.toFixed(1)}s`);
  return { name: svc.name, url: `${base}${svc.urlPath}`, pid: child.pid, readyS, stop };
}
function exitText(e) {
  return e.signal ? `signal ${e.signal}` : `code ${e.code}`;
}
async function probe(url) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2e3) });
    await r.body?.cancel();
    return r.ok;
  } catch {
    return false;
  }
}
async function stopChild(child, exit, graceMs = 5e3) {
  const pid = child.pid;
  if (pid === void 0) return;
  const signalGroup = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
    }
  };
  if (child.exitCode === null && child.signalCode === null) signalGroup("SIGTERM");
  const timer = new Promise((r) => setTimeout(() => r("timeout"), graceMs).unref());
  if (await Promise.race([exit.then(() => "exited"), timer]) === "timeout") signalGroup("SIGKILL");
  signalGroup("SIGKILL");
  await exit;
}

// src/app/pipeline/run-pipeline.ts
async function runPipeline(o) {
  const t0 = performance.now();
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const pipeline = loadPipeline(o.pipelineFile, o.root);
  const selection = checkSelection(pipeline, o.stages);
  const ws = openWorkspace(o.root, pipeline.name, o.cacheDir);
  const plans = await planPipeline(pipeline, ws);
  if (o.remote) await fetchRemote(plans, ws, o);
  const needed = selection ? withUpstream(pipeline.stages, selection) : null;
  const records = [];
  const outcome = /* @__PURE__ */ new Map();
  const git2 = gitInfo(o.root);
  for (const plan of plans) {
    const { stage } = plan;
    const rec = (outcomeOf, reason, extra = {}) => {
      outcome.set(stage.name, outcomeOf);
      records.push({ name: stage.name, key: plan.key, outcome: outcomeOf, reason, duration_s: 0, started_at: null, exit_code: null, outs: [], services: [], ...extra });
    };
    if (needed && !needed.has(stage.name)) {
      rec("not-selected", "not selected by --stages");
      continue;
    }
    const blocked = stage.upstream.find((u) => ["failed", "skipped"].includes(outcome.get(u) ?? ""));
    if (blocked) {
      rec("skipped", `upstream stage ${blocked} did not finish`);
      o.logger.warn(`\u25A0 ${stage.name}: skipped (upstream stage ${blocked} did not finish)`);
      continue;
    }
    if (o.signal?.aborted) {
      rec("skipped", "interrupted before it started");
      continue;
    }
    if (plan.status === "up-to-date") {
      const files = ws.state.stages[stage.name].files;
      rec("up-to-date", "its outputs here are what this key produced", { outs: files.map(({ path, sha256, size }) => ({ path, sha256, size })) });
      o.logger.info(`= ${stage.name}: up to date (key ${plan.key.slice(0, 12)})`);
      continue;
    }
    let why = plan.reasons.join("; ");
    if (plan.lookup.hit) {
      const t = performance.now();
      try {
        await ws.store.restore(plan.lookup.entry, o.root);
        for (const f of plan.lookup.entry.files) ws.hasher.remember(f.path, f.sha256);
        remember(ws, plan, plan.lookup.entry.files);
        const e = plan.lookup.entry;
        rec("restored", `restored from the cache (${why}); made ${e.created_at}${e.commit ? ` at ${e.commit.slice(0, 7)}` : ""} in ${e.duration_s.toFixed(1)}s`, {
          duration_s: (performance.now() - t) / 1e3,
          outs: e.files.map(({ path, sha256, size }) => ({ path, sha256, size }))
        });
        o.logger.info(`\u21BA ${stage.name}: restored from the cache (key ${plan.key.slice(0, 12)}; saved ${e.duration_s.toFixed(1)}s of work)`);
        continue;
      } catch (err) {
        if (!(err instanceof CorruptEntryError)) throw err;
        why = `the cache entry was damaged (${err.message}), so it runs again`;
        o.logger.warn(`${stage.name}: ${why}`);
      }
    }
    if (needed && selection && !selection.includes(stage.name)) {
      rec("failed", `not selected by --stages and its result (key ${plan.key.slice(0, 12)}) is not in the cache; run it first (--stages ${stage.name}) or include it`);
      o.logger.error(`\u2717 ${stage.name}: not selected and not in the cache`);
      continue;
    }
    records.push(await executeStage(pipeline, stage, plan, why, ws, o, git2.commit));
    outcome.set(stage.name, records.at(-1).outcome);
  }
  ws.hasher.save();
  const failed = records.some((r) => r.outcome === "failed");
  const run = {
    schema: "llmops.pipeline-run/v1",
    run_id: o.runId ?? newRunId(),
    pipeline: { name: pipeline.name, file: pipeline.file, sha256: pipeline.sha256 },
    status: o.signal?.aborted ? "interrupted" : failed ? "failed" : "passed",
    commit: git2.commit,
    dirty: git2.dirty,
    baseline: o.baseline ?? null,
    selected: selection ? [...selection] : null,
    started_at: startedAt,
    finished_at: (/* @__PURE__ */ new Date()).toISOString(),
    duration_s: (performance.now() - t0) / 1e3,
    stages: records,
    machine: machineInfo(),
    llmops_version: VERSION,
    node: process.version
  };
  const recordPath = writeRunRecord(o.recordRoot ?? o.root, run);
  return { run, recordPath, pipeline };
}
function checkSelection(p, stages) {
  if (!stages || stages.length === 0) return null;
  const names = p.stages.map((s) => s.name);
  for (const s of stages) {
    if (!names.includes(s)) throw new InputError(`--stages: no stage "${s}" in ${p.file}${didYouMean(s, names)}`, { hint: `its stages: ${names.join(", ")}` });
  }
  return [...stages];
}
async function fetchRemote(plans, ws, o) {
  for (const plan of plans) {
    if (plan.status !== "run" || plan.stage.alwaysRun) continue;
    try {
      if (await o.remote.restore(plan.key, ws.store)) {
        plan.lookup = ws.store.lookup(plan.key);
        if (plan.lookup.hit) plan.status = "cached";
      }
    } catch (err) {
      o.logger.warn(`could not read the remote cache for stage ${plan.stage.name}: ${err.message}; it runs here`);
    }
  }
}
function remember(ws, plan, files) {
  ws.state.stages[plan.stage.name] = { key: plan.key, parts: plan.parts, files, finished_at: (/* @__PURE__ */ new Date()).toISOString() };
  saveState(ws);
}
async function executeStage(pipeline, stage, plan, why, ws, o, commit) {
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const t = performance.now();
  const base = { name: stage.name, key: plan.key, started_at: startedAt, outs: [] };
  o.logger.info(`\u25B6 ${stage.name}: running (${why || "not in the cache"})`);
  for (const out of stage.outs) {
    rmSync(join(o.root, out), { recursive: true, force: true });
    mkdirSync(dirname(join(o.root, out)), { recursive: true });
  }
  const env = childEnv(o.env, [...stage.passEnv, ...stage.uses === "eval" ? suiteKeyEnvs(o.root, stage.command.argv) : []]);
  const services = [];
  let exitCode = null;
  let failure = null;
  try {
    for (const name of stage.services) {
      const svc = pipeline.services[name];
      services.push(await startService(svc, { cwd: o.root, env: childEnv(o.env, svc.passEnv), llmops: o.llmops, logger: o.logger, ...o.signal ? { signal: o.signal } : {} }));
    }
    const urls = Object.fromEntries(services.map((s) => [`\${services.${s.name}.url}`, s.url]));
    const subst = (a) => Object.entries(urls).reduce((acc, [k, v]) => acc.replaceAll(k, v), a);
    const argv = (stage.command.llmops ? [...o.llmops, ...stage.command.argv] : stage.command.argv).map(subst);
    const stageEnv = Object.fromEntries(Object.entries(stage.env).map(([k, v]) => [k, subst(v)]));
    exitCode = await spawnStage(stage.name, argv, { ...env, ...stageEnv }, o);
    if (exitCode !== 0) failure = exitCode === null ? "could not be started" : `exited with code ${exitCode}`;
  } catch (err) {
    failure = err.message;
  } finally {
    for (const s of services.reverse()) await s.stop();
  }
  const serviceRecords = services.map((s) => ({ name: s.name, url: s.url, ready_s: s.readyS }));
  const duration = (performance.now() - t) / 1e3;
  if (o.signal?.aborted && failure === null) failure = "interrupted";
  if (failure === null) {
    const files = await hashOutputs(ws, stage);
    if (files === null) failure = `finished but did not write all its outputs (${stage.outs.join(", ")})`;
    else {
      const dirs = stage.outs.filter((out) => !files.some((f) => f.path === out));
      const entry = {
        schema: "llmops.stage-cache-entry/v1",
        key: plan.key,
        pipeline: pipeline.name,
        stage: stage.name,
        outs: stage.outs,
        dirs,
        files,
        parts: plan.parts,
        created_at: (/* @__PURE__ */ new Date()).toISOString(),
        duration_s: duration,
        commit
      };
      ws.store.save(entry, o.root, files);
      remember(ws, plan, files);
      if (o.remote) {
        try {
          await o.remote.save(plan.key, ws.store);
        } catch (err) {
          o.logger.warn(`could not save stage ${stage.name} to the remote cache: ${err.message}`);
        }
      }
      o.logger.info(`\u2713 ${stage.name}: done in ${duration.toFixed(1)}s (key ${plan.key.slice(0, 12)}, cached)`);
      return { ...base, outcome: "ran", reason: why || "not in the cache", duration_s: duration, exit_code: exitCode, outs: files.map(({ path, sha256, size }) => ({ path, sha256, size })), services: serviceRecords };
    }
  }
  o.logger.error(`\u2717 ${stage.name}: ${failure}`);
  return { ...base, outcome: "failed", reason: failure, duration_s: duration, exit_code: exitCode, services: serviceRecords };
}
function spawnStage(name, argv, env, o) {
  return new Promise((resolve2) => {
    const child = spawn2(argv[0], argv.slice(1), { cwd: o.root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const exit = new Promise((r) => child.on("close", () => r()));
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => o.logger.info(`  ${name} \u2502 ${line}`));
    }
    const onAbort = () => void stopChild(child, exit, 1e4);
    o.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (e) => {
      o.logger.error(`${name}: could not start ${argv[0]}: ${e.message}`);
    });
    child.on("close", (code) => {
      o.signal?.removeEventListener("abort", onAbort);
      resolve2(code);
    });
  });
}

// src/app/pipeline/run-baseline.ts
import { execFileSync, spawn as spawn3 } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync as readFileSync2, rmSync as rmSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, relative } from "node:path";
function git(cwd, args) {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}
async function runWithBaseline(o) {
  let commit;
  try {
    commit = git(o.root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${o.baselineRev}^{commit}`]);
  } catch {
    throw new InputError(`--baseline ${o.baselineRev}: not a git revision in ${o.root}`, { hint: "name a branch, tag or commit (e.g. origin/main, or $(git merge-base origin/main HEAD)); in a workflow, fetch it first (actions/checkout with fetch-depth: 0)" });
  }
  const runId = o.runId ?? newRunId();
  const cacheDir = o.cacheDir ?? join2(o.root, ".llmops", "cache");
  const rel = relative(o.root, o.pipelineFile);
  const wt = mkdtempSync(join2(tmpdir(), "llmops-baseline-"));
  const log = prefixed(o.logger, "baseline \u2502 ");
  try {
    git(o.root, ["worktree", "add", "--detach", "--force", "--end-of-options", wt, commit]);
    if (!existsSync(join2(wt, rel))) {
      throw new ConfigError(`${rel} does not exist at ${o.baselineRev} (${commit.slice(0, 7)}): there is no baseline pipeline to compare with`, { hint: "run without --baseline for a pipeline that is new in this change" });
    }
    o.logger.info(`baseline: ${o.baselineRev} (${commit.slice(0, 7)}) in a temporary worktree, sharing the stage cache`);
    const base = await runPipeline({ ...o, root: wt, pipelineFile: join2(wt, rel), cacheDir, runId: `${runId}-baseline`, recordRoot: o.root, logger: log, stages: void 0 });
    o.logger.info("candidate: this working tree");
    const cand = await runPipeline({ ...o, cacheDir, runId });
    const comparisons = [];
    let blocked = false;
    if (base.run.status === "passed" && cand.run.status === "passed") {
      for (const stage of cand.pipeline.stages.filter((s) => s.uses === "eval")) {
        const bStage = base.pipeline.stages.find((s) => s.name === stage.name && s.uses === "eval");
        if (!bStage) {
          o.logger.warn(`eval stage ${stage.name} is new in this change: nothing to compare it with`);
          continue;
        }
        const out = join2(runsDir(o.root), runId, stage.name);
        const bw = bStage.definition.with;
        const cw = stage.definition.with;
        const cmpCode = await llmops(o, ["compare", "--baseline", join2(wt, bw.out), "--candidate", join2(o.root, cw.out), "--policy", join2(wt, bw.suite), "--out", out, "--prompts-base", commit]);
        if (cmpCode !== 0 && cmpCode !== 1) throw new ConfigError(`llmops compare for stage ${stage.name} exited ${cmpCode}`);
        const runUrl = o.env.GITHUB_SERVER_URL && o.env.GITHUB_REPOSITORY && o.env.GITHUB_RUN_ID ? `${o.env.GITHUB_SERVER_URL}/${o.env.GITHUB_REPOSITORY}/actions/runs/${o.env.GITHUB_RUN_ID}` : void 0;
        const repCode = await llmops(o, ["report", "--comparison", join2(out, "comparison.json"), "--html", join2(out, "report.html"), ...runUrl ? ["--run-url", runUrl] : []]);
        if (repCode !== 0) throw new ConfigError(`llmops report for stage ${stage.name} exited ${repCode}`);
        const verdict = readVerdict(join2(out, "comparison.json"));
        if (cmpCode === 1) blocked = true;
        comparisons.push({ stage: stage.name, verdict, comparison: join2(out, "comparison.json"), comment: join2(out, "report.md"), html: join2(out, "report.html") });
      }
    }
    const status = base.run.status !== "passed" ? base.run.status : cand.run.status !== "passed" ? cand.run.status : blocked ? "gate-failed" : "passed";
    const run = { ...cand.run, status, baseline: { rev: o.baselineRev, commit, run_id: base.run.run_id, comparisons } };
    return { ...cand, run, recordPath: writeRunRecord(o.root, run) };
  } finally {
    try {
      git(o.root, ["worktree", "remove", "--force", "--end-of-options", wt]);
    } catch {
    }
    rmSync2(wt, { recursive: true, force: true });
  }
}
function readVerdict(path) {
  try {
    const c = JSON.parse(readFileSync2(path, "utf8"));
    return c.gate?.verdict ?? "compared";
  } catch {
    return "unknown";
  }
}
function llmops(o, args) {
  return new Promise((resolve2) => {
    const child = spawn3(o.llmops[0], [...o.llmops.slice(1), ...args, "--quiet"], { cwd: o.root, env: childEnv(o.env), stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr?.on("data", (d) => err += d.toString("utf8"));
    child.stdout?.on("data", () => {
    });
    child.on("error", () => resolve2(70));
    child.on("close", (code) => {
      if (code !== 0 && code !== 1 && err) o.logger.error(err.trim());
      resolve2(code ?? 70);
    });
  });
}
function prefixed(l, p) {
  return { debug: (m) => l.debug(p + m), info: (m) => l.info(p + m), warn: (m) => l.warn(p + m), error: (m) => l.error(p + m), group: (n, fn) => l.group(p + n, fn) };
}

// src/core/options/run.ts
var RUN_OPTIONS = defineOptions("run", {
  pipeline: { type: { kind: "string" }, side: "action", why: "the CLI takes the pipeline as its positional argument", description: "the pipeline: a name under pipelines/ or a path", default: "main" },
  stages: {
    type: { kind: "string", pattern: { re: /^[A-Za-z0-9_,\s-]+$/, expected: "a comma-separated list of stage names" } },
    side: "both",
    arg: "A,B",
    description: "run only these stages (comma-separated); the stages they depend on must be up to date or in the cache (outputs handed over from another job)"
  },
  baseline: {
    type: { kind: "string", min: 1 },
    side: "both",
    arg: "REV",
    description: "a git revision (e.g. the pull request's base SHA or origin/main) to run the pipeline at as well, in a temporary worktree, restoring what the cache holds; each eval stage's run is then compared with the baseline's under the baseline's gate and the PR comment and HTML report are written to reports/runs/<run-id>/; the run fails when the gate blocks"
  },
  cache: {
    type: { kind: "flag" },
    side: "action",
    why: "the workflow's @actions/cache for the stage cache",
    description: "restore and save stage results with the GitHub Actions cache: true or false",
    actionDefault: "true"
  },
  "cache-dir": { type: { kind: "string" }, side: "both", arg: "DIR", description: "the local stage cache directory", default: ".llmops/cache in the repository" },
  "report-dir": {
    type: { kind: "string" },
    side: "action",
    why: "the report bundle actions/comment posts (the CLI writes the comment and HTML report under reports/runs/<run-id>/)",
    description: "with a baseline, write the first eval stage's report bundle here (report.md, comparison.json, report.html, and pull-request.json on pull_request and pull_request_target events): what actions/comment posts, also from a fork's artifact; not under a dot-directory if you upload it (upload-artifact skips hidden paths)"
  },
  "fail-on-block": {
    type: { kind: "flag" },
    side: "action",
    why: "the CLI exits 1 when the gate blocks; a workflow may leave the decision to the check actions/comment publishes",
    description: "fail the step when the gate blocks: true or false; false leaves the decision to the check actions/comment publishes (a stage that fails still fails the step)",
    actionDefault: "true"
  },
  json: { ...json, description: "print the run record as JSON on stdout" },
  quiet: { ...quiet, description: "no progress lines" }
});

// src/cli/commands/run.ts
var runCommand = {
  name: "run",
  maxPositionals: 1,
  summary: "run a pipeline: only the stages its changes require, the rest from the stage cache",
  help: `
usage: llmops run [pipeline] [--stages a,b] [--baseline REV] [options]

Runs pipelines/<pipeline>.yaml (default: main; or a path). Each stage's key is the
hash of its definition, the contents of its dependencies, its parameters, the
llmops version and its upstream stages' keys. A stage whose outputs here match its
key is up to date; one whose key is in the stage cache is restored (every file
verified); the rest run, and their outputs are stored under their keys. A failing
stage stops the stages that depend on it; finished outputs stay, and running the
same command again continues from there. Writes reports/runs/<run-id>/run.json.

options:
${renderCliHelp(RUN_OPTIONS)}

Exit codes: 0 every stage done (and the gate passed), 1 a stage failed or the gate
blocked, 2 a configuration or usage error.
`,
  options: cliParseConfig(RUN_OPTIONS),
  async run(ctx, { values, positionals }) {
    const root = repoRoot(ctx.cwd);
    const pipelineFile = pipelinePathFor(positionals[0], root, ctx.cwd);
    const v = readCliValues(RUN_OPTIONS, values);
    const stages = v.stages !== void 0 ? v.stages.split(",").map((s) => s.trim()).filter(Boolean) : void 0;
    const cacheDir = v["cache-dir"] !== void 0 ? ctx.resolvePath(v["cache-dir"]) : void 0;
    const common = { root, pipelineFile, ...stages ? { stages } : {}, ...cacheDir ? { cacheDir } : {}, llmops: [process.execPath, process.argv[1]], env: ctx.env, logger: ctx.logger };
    return abortOnSignals("interrupted", async (signal) => {
      const t0 = performance.now();
      if (v.baseline !== void 0) {
        const r2 = await runWithBaseline({ ...common, signal, baselineRev: v.baseline });
        if (values.json) ctx.printJson(r2.run);
        else {
          printRun(ctx, r2.run, r2.recordPath, t0);
          for (const c of r2.run.baseline?.comparisons ?? []) {
            ctx.stdout.write(`${c.stage}: gate ${c.verdict.toUpperCase()} against ${values.baseline} (${r2.run.baseline.commit.slice(0, 7)})
  comment: ${displayPath(ctx, c.comment)}
  report:  ${displayPath(ctx, c.html)}
`);
          }
        }
        return r2.run.status === "passed" ? 0 : 1;
      }
      const r = await runPipeline({ ...common, signal });
      if (values.json) ctx.printJson(r.run);
      else printRun(ctx, r.run, r.recordPath, t0);
      return r.run.status === "passed" ? 0 : 1;
    });
  }
};
function printRun(ctx, run, recordPath, t0) {
  const count = (o) => run.stages.filter((s) => s.outcome === o).length;
  const ran = count("ran");
  const wall = (performance.now() - t0) / 1e3;
  const lines = run.stages.map((s) => `  ${s.outcome.padEnd(12)} ${s.name.padEnd(14)} ${s.duration_s.toFixed(1).padStart(6)}s  ${s.reason}`);
  const tail = ran === 0 && run.status === "passed" ? `nothing to run: every stage came from the cache or was up to date (${wall.toFixed(2)}s)` : `${ran} ran, ${count("restored")} restored from the cache, ${count("up-to-date")} up to date${count("failed") ? `, ${count("failed")} FAILED` : ""}${count("skipped") ? `, ${count("skipped")} skipped` : ""} (${wall.toFixed(1)}s)`;
  ctx.stdout.write(`pipeline ${run.pipeline.name}: ${run.status}
${lines.join("\n")}
${tail}
run record: ${displayPath(ctx, recordPath)}
`);
  if (run.status === "failed") ctx.stdout.write(`a rerun of the same command continues from the failed stage (finished stages are kept)
`);
}
export {
  printRun,
  runCommand
};
