// Run a pipeline in a workspace: plan every stage's key, then for each stage in order keep it (up
// to date), restore it from the stage cache, or run it (with its services) and store its outputs.
// A failing stage stops the stages that depend on it; finished outputs stay, so a rerun continues.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { PipelineRun, StageCacheEntry, StageOutcome, StageRecord } from "../../core/contracts/pipeline-run.js";
import { childEnv } from "../../adapters/process/child-env.js";
import { suiteKeyEnvs } from "./suite-key-env.js";
import { withUpstream, type Pipeline, type Stage } from "../../core/pipeline/index.js";
import { didYouMean } from "../../core/config/suggest.js";
import type { Logger } from "../../core/ports/index.js";
import { InputError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { gitInfo } from "../git/git-info.js";
import { loadPipeline } from "./load-pipeline.js";
import { hashOutputs, planPipeline, type StagePlan } from "./plan.js";
import { machineInfo, newRunId, writeRunRecord } from "./run-record.js";
import { startService, stopChild, type RunningService } from "./services.js";
import { CorruptEntryError } from "./stage-store.js";
import { openWorkspace, saveState, type Workspace } from "./workspace.js";

/** Where stage entries also live beyond this machine (a workflow's @actions/cache). */
export interface RemoteStageCache {
  /** Bring the entry for `key` into the local store; false when the remote has none. */
  restore(key: string, store: Workspace["store"]): Promise<boolean>;
  /** Send the local entry for `key` to the remote. */
  save(key: string, store: Workspace["store"]): Promise<void>;
}

export interface RunPipelineOptions {
  root: string;
  pipelineFile: string;
  stages?: readonly string[];
  cacheDir?: string;
  /** The argv prefix that runs llmops (node and the CLI bundle). */
  llmops: string[];
  env: NodeJS.ProcessEnv;
  logger: Logger;
  signal?: AbortSignal;
  remote?: RemoteStageCache;
  runId?: string;
  /** Write reports/runs/<id>/run.json under this root (default: root). */
  recordRoot?: string;
  baseline?: PipelineRun["baseline"];
}

export interface RunPipelineResult {
  run: PipelineRun;
  recordPath: string;
  pipeline: Pipeline;
}

export async function runPipeline(o: RunPipelineOptions): Promise<RunPipelineResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const pipeline = loadPipeline(o.pipelineFile, o.root);
  const selection = checkSelection(pipeline, o.stages);
  const ws = openWorkspace(o.root, pipeline.name, o.cacheDir);
  const plans = await planPipeline(pipeline, ws);
  if (o.remote) await fetchRemote(plans, ws, o);

  const needed = selection ? withUpstream(pipeline.stages, selection) : null;
  const records: StageRecord[] = [];
  const outcome = new Map<string, StageOutcome>();
  const git = gitInfo(o.root);
  for (const plan of plans) {
    const { stage } = plan;
    const rec = (outcomeOf: StageOutcome, reason: string, extra: Partial<StageRecord> = {}): void => {
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
      o.logger.warn(`■ ${stage.name}: skipped (upstream stage ${blocked} did not finish)`);
      continue;
    }
    if (o.signal?.aborted) {
      rec("skipped", "interrupted before it started");
      continue;
    }
    if (plan.status === "up-to-date") {
      const files = ws.state.stages[stage.name]!.files;
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
          duration_s: (performance.now() - t) / 1000,
          outs: e.files.map(({ path, sha256, size }) => ({ path, sha256, size })),
        });
        o.logger.info(`↺ ${stage.name}: restored from the cache (key ${plan.key.slice(0, 12)}; saved ${e.duration_s.toFixed(1)}s of work)`);
        continue;
      } catch (err) {
        if (!(err instanceof CorruptEntryError)) throw err;
        why = `the cache entry was damaged (${err.message}), so it runs again`;
        o.logger.warn(`${stage.name}: ${why}`);
      }
    }
    if (needed && selection && !selection.includes(stage.name)) {
      rec("failed", `not selected by --stages and its result (key ${plan.key.slice(0, 12)}) is not in the cache; run it first (--stages ${stage.name}) or include it`);
      o.logger.error(`✗ ${stage.name}: not selected and not in the cache`);
      continue;
    }
    records.push(await executeStage(pipeline, stage, plan, why, ws, o, git.commit));
    outcome.set(stage.name, records.at(-1)!.outcome);
  }
  ws.hasher.save();

  const failed = records.some((r) => r.outcome === "failed");
  const run: PipelineRun = {
    schema: "llmops.pipeline-run/v1",
    run_id: o.runId ?? newRunId(),
    pipeline: { name: pipeline.name, file: pipeline.file, sha256: pipeline.sha256 },
    status: o.signal?.aborted ? "interrupted" : failed ? "failed" : "passed",
    commit: git.commit,
    dirty: git.dirty,
    baseline: o.baseline ?? null,
    selected: selection ? [...selection] : null,
    started_at: startedAt,
    finished_at: new Date().toISOString(),
    duration_s: (performance.now() - t0) / 1000,
    stages: records,
    machine: machineInfo(),
    llmops_version: VERSION,
    node: process.version,
  };
  const recordPath = writeRunRecord(o.recordRoot ?? o.root, run);
  return { run, recordPath, pipeline };
}

function checkSelection(p: Pipeline, stages: readonly string[] | undefined): string[] | null {
  if (!stages || stages.length === 0) return null;
  const names = p.stages.map((s) => s.name);
  for (const s of stages) {
    if (!names.includes(s)) throw new InputError(`--stages: no stage "${s}" in ${p.file}${didYouMean(s, names)}`, { hint: `its stages: ${names.join(", ")}` });
  }
  return [...stages];
}

async function fetchRemote(plans: StagePlan[], ws: Workspace, o: RunPipelineOptions): Promise<void> {
  for (const plan of plans) {
    if (plan.status !== "run" || plan.stage.alwaysRun) continue;
    try {
      if (await o.remote!.restore(plan.key, ws.store)) {
        plan.lookup = ws.store.lookup(plan.key);
        if (plan.lookup.hit) plan.status = "cached";
      }
    } catch (err) {
      o.logger.warn(`could not read the remote cache for stage ${plan.stage.name}: ${(err as Error).message}; it runs here`);
    }
  }
}

function remember(ws: Workspace, plan: StagePlan, files: StageCacheEntry["files"]): void {
  ws.state.stages[plan.stage.name] = { key: plan.key, parts: plan.parts, files, finished_at: new Date().toISOString() };
  saveState(ws);
}

async function executeStage(pipeline: Pipeline, stage: Stage, plan: StagePlan, why: string, ws: Workspace, o: RunPipelineOptions, commit: string | null): Promise<StageRecord> {
  const startedAt = new Date().toISOString();
  const t = performance.now();
  const base = { name: stage.name, key: plan.key, started_at: startedAt, outs: [] as StageRecord["outs"] };
  o.logger.info(`▶ ${stage.name}: running (${why || "not in the cache"})`);
  for (const out of stage.outs) {
    rmSync(join(o.root, out), { recursive: true, force: true });
    mkdirSync(dirname(join(o.root, out)), { recursive: true });
  }
  // One policy for every child: the allow-list, plus what the stage names (and a built-in eval
  // stage's suite key, which it could not run without).
  const env = childEnv(o.env, [...stage.passEnv, ...(stage.uses === "eval" ? suiteKeyEnvs(o.root, stage.command.argv) : [])]);
  const services: RunningService[] = [];
  let exitCode: number | null = null;
  let failure: string | null = null;
  try {
    for (const name of stage.services) {
      const svc = pipeline.services[name]!;
      services.push(await startService(svc, { cwd: o.root, env: childEnv(o.env, svc.passEnv), llmops: o.llmops, logger: o.logger, ...(o.signal ? { signal: o.signal } : {}) }));
    }
    const urls = Object.fromEntries(services.map((s) => [`\${services.${s.name}.url}`, s.url]));
    const subst = (a: string) => Object.entries(urls).reduce((acc, [k, v]) => acc.replaceAll(k, v), a);
    const argv = (stage.command.llmops ? [...o.llmops, ...stage.command.argv] : stage.command.argv).map(subst);
    const stageEnv = Object.fromEntries(Object.entries(stage.env).map(([k, v]) => [k, subst(v)]));
    exitCode = await spawnStage(stage.name, argv, { ...env, ...stageEnv }, o);
    if (exitCode !== 0) failure = exitCode === null ? "could not be started" : `exited with code ${exitCode}`;
  } catch (err) {
    failure = (err as Error).message;
  } finally {
    for (const s of services.reverse()) await s.stop();
  }
  const serviceRecords = services.map((s) => ({ name: s.name, url: s.url, ready_s: s.readyS }));
  const duration = (performance.now() - t) / 1000;
  if (o.signal?.aborted && failure === null) failure = "interrupted";
  if (failure === null) {
    const files = await hashOutputs(ws, stage);
    if (files === null) failure = `finished but did not write all its outputs (${stage.outs.join(", ")})`;
    else {
      const dirs = stage.outs.filter((out) => !files.some((f) => f.path === out));
      const entry: StageCacheEntry = {
        schema: "llmops.stage-cache-entry/v1",
        key: plan.key,
        pipeline: pipeline.name,
        stage: stage.name,
        outs: stage.outs,
        dirs,
        files,
        parts: plan.parts,
        created_at: new Date().toISOString(),
        duration_s: duration,
        commit,
      };
      ws.store.save(entry, o.root, files);
      remember(ws, plan, files);
      if (o.remote) {
        try {
          await o.remote.save(plan.key, ws.store);
        } catch (err) {
          o.logger.warn(`could not save stage ${stage.name} to the remote cache: ${(err as Error).message}`);
        }
      }
      o.logger.info(`✓ ${stage.name}: done in ${duration.toFixed(1)}s (key ${plan.key.slice(0, 12)}, cached)`);
      return { ...base, outcome: "ran", reason: why || "not in the cache", duration_s: duration, exit_code: exitCode, outs: files.map(({ path, sha256, size }) => ({ path, sha256, size })), services: serviceRecords };
    }
  }
  o.logger.error(`✗ ${stage.name}: ${failure}`);
  return { ...base, outcome: "failed", reason: failure, duration_s: duration, exit_code: exitCode, services: serviceRecords };
}

function spawnStage(name: string, argv: string[], env: Record<string, string>, o: RunPipelineOptions): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: o.root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const exit = new Promise<void>((r) => child.on("close", () => r()));
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => o.logger.info(`  ${name} │ ${line}`));
    }
    const onAbort = () => void stopChild(child, exit, 10_000);
    o.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (e) => {
      o.logger.error(`${name}: could not start ${argv[0]}: ${e.message}`);
    });
    child.on("close", (code) => {
      o.signal?.removeEventListener("abort", onAbort);
      resolve(code);
    });
  });
}
