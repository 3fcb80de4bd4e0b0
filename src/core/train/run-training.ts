// Orchestrates one training run in named steps: plan (preflight, render) → prepare the output
// directory → supervise the trainer (live log parsing into metrics.jsonl, divergence checks,
// progress, restarts from the newest checkpoint) → check its outputs → model hash, loss chart and
// run.json. The decisions between the steps are pure functions in training-decisions.ts.
import { ConfigError, DataInvalidError, InternalError } from "../../errors.js";
import type { Clock, Logger } from "../ports/index.js";
import { stableStringify } from "../stable-json.js";
import { isCheckpointPath, sha256Text } from "./content-hash.js";
import { DivergenceDetector, type Divergence } from "./divergence.js";
import { decideAfterAttempt, decideOutDir, type AttemptOutcome } from "./training-decisions.js";
import { assessLearning } from "./learning.js";
import { planLaunch, type LaunchPlan } from "./launch.js";
import { LogParser, parseTrainerState, type MetricRecord } from "./log-parse.js";
import { lossSeries, renderLossMermaid, renderLossSvg } from "./loss-chart.js";
import type { ProcessRunner, RunningProcess, TrainWorkspace } from "../ports/index.js";
import { assertPreflight, runPreflight, type PreflightReport } from "./preflight.js";
import { computeProgress, type ProgressSample, type TrainProgress } from "./progress.js";
import { TRAIN_RUN_TAG, trainRunFormat, type TrainRunDocument } from "../contracts/train-run.js";
import { computeFinalMetrics, parseMetricsLines, renderMetricsLine, type FinalMetrics, type MachineInfo, type RunRecord } from "./run-record.js";
import type { TrainSpec } from "./spec.js";

export interface TrainRunInput {
  spec: TrainSpec;
  specFile: string;
  /** Absolute directory of the spec file (dataset and base paths are relative to it). */
  specDir: string;
  outDir: string;
  resume: boolean;
  dryRun: boolean;
  referenceTrainer: string;
  llmopsVersion: string;
  gitCommit?: string | undefined;
  gitDirty?: boolean | undefined;
  machine: MachineInfo;
  /** Interpreters to try when the spec sets none. */
  defaultPythons: readonly string[];
  signal?: AbortSignal | undefined;
}

export interface TrainPorts {
  runner: ProcessRunner;
  workspace: TrainWorkspace;
  clock: Clock;
  logger: Logger;
  onProgress?: (p: TrainProgress) => void;
}

export interface TrainRunResult {
  dryRun: boolean;
  plan: LaunchPlan;
  preflight: PreflightReport;
  outDir: string;
  modelDir?: string | undefined;
  modelHash?: string | undefined;
  metrics?: FinalMetrics | undefined;
  record?: RunRecord | undefined;
  lossMermaid?: string | undefined;
  renderedConfig: { name: string; content: string }[];
}

export type Rec = { kind: "train" | "eval"; record: MetricRecord; tMs?: number };

const isLocalPath = (s: string) => s.startsWith("/") || s.startsWith("./") || s.startsWith("../") || s === ".";

function joinPath(dir: string, p: string): string {
  if (p.startsWith("/")) return p;
  const parts = `${dir}/${p}`.split("/");
  const out: string[] = [];
  for (const seg of parts) {
    if (seg === "" && out.length > 0) continue;
    if (seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/") || "/";
}

export function specHash(spec: TrainSpec): string {
  return sha256Text(stableStringify(spec));
}

/** Data and base-model paths are relative to the spec file; a base that is no local directory is a hub id. */
async function resolvePaths(input: TrainRunInput, ws: TrainWorkspace): Promise<{ train: string; validation?: string | undefined; base: string; baseIsDir: boolean }> {
  const { spec, specDir } = input;
  const model = spec.base.model;
  const baseIsDir = model !== "scratch" && (isLocalPath(model) || (await ws.exists(joinPath(specDir, model))));
  if (spec.backend === "reference" && model !== "scratch" && !baseIsDir) {
    throw new ConfigError(`base.model "${model}" is not a local directory; the reference trainer cannot download models`, {
      hint: "point base.model at a directory with config.json + model.safetensors, or use backend axolotl/torchtune for hub ids",
    });
  }
  return {
    train: joinPath(specDir, spec.datasets.train),
    validation: spec.datasets.validation ? joinPath(specDir, spec.datasets.validation) : undefined,
    base: model === "scratch" ? "scratch" : baseIsDir ? joinPath(specDir, model) : model,
    baseIsDir,
  };
}

/** HF-style trainers keep their log history in trainer_state.json (final, or the newest checkpoint's). */
async function readTrainerState(ws: TrainWorkspace, modelDir: string): Promise<Rec[]> {
  const checkpoints = (await ws.list(modelDir))
    .map((n) => /^checkpoint-(\d+)$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .map((m) => `${modelDir}/${m[0]}/trainer_state.json`);
  for (const p of [`${modelDir}/trainer_state.json`, ...checkpoints]) {
    if (await ws.exists(p)) return parseTrainerState(JSON.parse(await ws.readText(p)));
  }
  return [];
}

/**
 * log_history records (deduplicated per kind and step, the last wins: a final evaluate() repeats
 * the last in-loop evaluation) with the wall-clock times of the live records: the same kind at the
 * same step, else the latest live record at or before that step.
 */
export function reconcileHistory(history: readonly Rec[], live: readonly Rec[]): Rec[] {
  const byKey = new Map<string, Rec>();
  for (const r of history) {
    const key = `${r.kind}:${r.record.step}`;
    byKey.delete(key);
    byKey.set(key, r);
  }
  const out = [...byKey.values()].sort((a, b) => a.record.step - b.record.step || (a.kind === b.kind ? 0 : a.kind === "train" ? -1 : 1));
  return out.map((r) => {
    const same = live.find((l) => l.kind === r.kind && l.record.step === r.record.step && l.tMs !== undefined);
    const before = live.filter((l) => l.record.step <= r.record.step && l.tMs !== undefined).at(-1);
    const tMs = same?.tMs ?? before?.tMs;
    return tMs === undefined ? { ...r } : { ...r, tMs };
  });
}

/** Everything a run decides before the trainer starts: where its files are, the preflight, the launch. */
interface RunPlan {
  preflight: PreflightReport;
  python: string;
  paths: { train: string; validation?: string | undefined; base: string; outDir: string };
  plan: LaunchPlan;
}

/** What the supervised attempts leave behind (mutated by the attempt hooks as lines arrive). */
interface RunState {
  records: Rec[];
  restarts: number;
  resumedFrom?: number | undefined;
  totalSteps: number | undefined;
  trainerInfo: Record<string, unknown>;
  status: RunRecord["status"];
  failure?: Error | undefined;
  plan: LaunchPlan;
  tTrain: number;
  trainS: number;
}

/**
 * One training run, in named steps: plan (paths, preflight, rendered config), prepare the output
 * directory (resume or start fresh), supervise the trainer (launch, live metrics, divergence,
 * restarts from checkpoints), check what it produced (exact history, learning, model hash), and
 * write the run record. The record is written whatever happened; a failure is thrown after it.
 */
export async function runTraining(input: TrainRunInput, ports: TrainPorts): Promise<TrainRunResult> {
  const t0 = ports.clock.now();
  const planned = await planRun(input, ports);
  const { plan, preflight } = planned;
  if (input.dryRun) return { dryRun: true, plan, preflight, outDir: input.outDir, renderedConfig: plan.files };
  assertPreflight(preflight);

  const hash = specHash(input.spec);
  const records = await prepareOutDir(input, ports, hash);
  await ports.workspace.writeText(`${input.outDir}/run.json`, trainRunFormat.serialize({ schema: TRAIN_RUN_TAG, status: "running", spec: { file: input.specFile, hash } }));

  const state = await superviseTrainer(input, ports, planned, records);
  const model = await checkOutputs(input, ports, state);
  const { record, lossMermaid } = await writeRunRecord(input, ports, { state, preflight, hash, model, t0 });
  if (state.failure) throw state.failure;
  const modelDir = `${input.outDir}/${state.plan.modelDir}`;
  return { dryRun: false, plan: state.plan, preflight, outDir: input.outDir, modelDir, modelHash: model?.hash, metrics: record.metrics, record, lossMermaid, renderedConfig: state.plan.files };
}

/** Step 1: resolve the paths, run the preflight, render the trainer's config into outDir. */
async function planRun(input: TrainRunInput, ports: TrainPorts): Promise<RunPlan> {
  const { spec, outDir } = input;
  const { workspace: ws, logger } = ports;
  const { train: trainFile, validation: validationFile, base, baseIsDir } = await resolvePaths(input, ws);
  const preflight = await logger.group("Preflight", () =>
    runPreflight(
      { spec, pythonCandidates: spec.python ? [spec.python] : input.defaultPythons, outDir, trainFile, validationFile, baseDir: baseIsDir ? base : undefined },
      ports.runner,
      ws,
    ),
  );
  for (const w of preflight.warnings) logger.warn(w);
  const python = preflight.python?.path ?? spec.python ?? input.defaultPythons[0] ?? "python3";
  const paths = { train: trainFile, validation: validationFile, base, outDir };
  const plan = planLaunch(spec, { paths, python, referenceTrainer: input.referenceTrainer, resume: input.resume });
  for (const f of plan.files) await ws.writeText(`${outDir}/${f.name}`, f.content);
  logger.info(`device: ${preflight.device}${preflight.gpus.length ? ` (${preflight.gpus.map((g) => `${g.name}, ${g.memoryFreeMiB} MiB free`).join("; ")})` : ""}; python: ${preflight.python ? `${preflight.python.path} ${preflight.python.version}` : "?"}`);
  logger.info(`command: ${[plan.program, ...plan.args].join(" ")}`);
  return { preflight, python, paths, plan };
}

/** Step 2: resume into outDir (returning the metrics so far) or clear it, as decideOutDir says. */
async function prepareOutDir(input: TrainRunInput, ports: TrainPorts, hash: string): Promise<Rec[]> {
  const { outDir } = input;
  const ws = ports.workspace;
  const prev = await readRunJson(ws, outDir);
  const checkpointSteps = !input.resume && (await ws.exists(`${outDir}/checkpoints`)) ? checkpointStepsOf(await ws.list(`${outDir}/checkpoints`)) : [];
  const decision = decideOutDir({ outDir, resume: input.resume, hash, previous: prev && { status: prev.status, specHash: prev.spec.hash }, checkpointSteps });
  if (decision.kind === "resume") {
    if (decision.warning) ports.logger.warn(decision.warning);
    const metricsPath = `${outDir}/metrics.jsonl`;
    return (await ws.exists(metricsPath)) ? parseMetricsLines(await ws.readText(metricsPath), metricsPath) : [];
  }
  for (const d of ["checkpoints", "model", "trainer", "metrics.jsonl", "train.log", "run.json"]) await ws.remove(`${outDir}/${d}`);
  return [];
}

function checkpointStepsOf(names: readonly string[]): number[] {
  return names.map((n) => /^checkpoint-(\d+)$/.exec(n)?.[1]).filter((x): x is string => x !== undefined).map(Number);
}

/** Step 3: launch the trainer and follow it to the end: metrics as they come, restarts while decideAfterAttempt allows. */
async function superviseTrainer(input: TrainRunInput, ports: TrainPorts, planned: RunPlan, records: Rec[]): Promise<RunState> {
  const { spec, outDir } = input;
  const { workspace: ws, logger, clock } = ports;
  const metricsPath = `${outDir}/metrics.jsonl`;
  const state: RunState = { records, restarts: 0, totalSteps: spec.max_steps, trainerInfo: {}, status: "succeeded", plan: planned.plan, tTrain: clock.now(), trainS: 0 };

  const hooks: AttemptHooks = {
    spec,
    signal: input.signal,
    onRecord: async (r) => {
      const tMs = clock.now() - state.tTrain;
      state.records.push({ ...r, tMs });
      await ws.appendText(metricsPath, renderMetricsLine(r.kind, r.record, tMs));
    },
    onResume: async (step) => {
      state.resumedFrom = step;
      state.records = state.records.filter((r) => r.record.step <= step);
      await rewriteMetrics(ws, metricsPath, state.records);
      logger.info(`resumed from the checkpoint at step ${step}`);
    },
    onTotal: (n) => (state.totalSteps = n),
    onStart: (info) => (state.trainerInfo = info),
    log: (line) => ws.appendText(`${outDir}/train.log`, `${line}\n`),
    totalSteps: () => state.totalSteps,
  };

  for (;;) {
    let outcome: AttemptOutcome;
    try {
      outcome = await runAttempt(state.plan, ports, hooks);
    } catch (err) {
      // The trainer could not even start (program missing): still leave a truthful run.json.
      state.status = "failed";
      state.failure = err instanceof Error ? err : new InternalError(String(err));
      break;
    }
    const canResume = outcome.kind === "crashed" && (spec.backend !== "reference" || (await hasCheckpoint(ws, outDir)));
    const next = decideAfterAttempt(outcome, { outDir, restarts: state.restarts, maxRestarts: spec.max_restarts, canResume });
    if (next.kind === "done") break;
    if (next.kind === "stop") {
      state.status = next.status;
      state.failure = next.failure;
      break;
    }
    state.restarts = next.restart;
    logger.warn(next.warning);
    state.plan = planLaunch(spec, { paths: planned.paths, python: planned.python, referenceTrainer: input.referenceTrainer, resume: true });
  }
  state.trainS = (clock.now() - state.tTrain) / 1000;
  return state;
}

async function hasCheckpoint(ws: TrainWorkspace, outDir: string): Promise<boolean> {
  return (await ws.exists(`${outDir}/checkpoints`)) && (await ws.list(`${outDir}/checkpoints`)).some((n) => /^checkpoint-\d+$/.test(n));
}

async function rewriteMetrics(ws: TrainWorkspace, metricsPath: string, records: readonly Rec[]): Promise<void> {
  await ws.writeText(metricsPath, records.map((r) => renderMetricsLine(r.kind, r.record, r.tMs ?? 0)).join(""));
}

/**
 * Step 4: after a clean exit, take HF trainers' exact history, fail a run that learned nothing or
 * wrote no model, and hash the model (checkpoints left out).
 */
async function checkOutputs(input: TrainRunInput, ports: TrainPorts, state: RunState): Promise<RunRecord["model"]> {
  const { spec } = input;
  const ws = ports.workspace;
  const modelDir = `${input.outDir}/${state.plan.modelDir}`;
  if (state.failure) return undefined;
  if (spec.backend !== "reference") {
    // HF Trainer's printed dicts are rounded (transformers 5.x: 4 significant digits) and carry no
    // step; trainer_state.json's log_history has the exact values and steps, so it replaces them.
    const history = await readTrainerState(ws, modelDir);
    if (history.some((r) => r.kind === "train")) {
      state.records = reconcileHistory(history, state.records);
      await rewriteMetrics(ws, `${input.outDir}/metrics.jsonl`, state.records);
    }
  }
  // A run that ran to the end but learned nothing is a failed run, not a model to ship.
  const vocab = typeof state.trainerInfo.vocab_size === "number" ? state.trainerInfo.vocab_size : undefined;
  const notLearned = assessLearning(lossSeries(state.records).train, vocab);
  if (notLearned) {
    state.status = "failed";
    state.failure = new DataInvalidError(`training did not learn: ${notLearned}`, { hint: "lower the learning rate, keep max_grad_norm > 0 (it clips the gradient), raise warmup_steps, or check the data; the loss curve is loss.svg" });
    return undefined;
  }
  if (!(await ws.exists(modelDir))) {
    state.status = "failed";
    state.failure = new InternalError(`the trainer exited successfully but wrote no model at ${modelDir}`);
    return undefined;
  }
  const h = await ws.hashDirectory(modelDir, isCheckpointPath);
  return { path: modelDir, hash: h.hash, files: h.files };
}

/** Step 5: the loss chart and run.json (succeeded, failed or cancelled), with its provenance. */
async function writeRunRecord(
  input: TrainRunInput,
  ports: TrainPorts,
  r: { state: RunState; preflight: PreflightReport; hash: string; model: RunRecord["model"]; t0: number },
): Promise<{ record: RunRecord; lossMermaid: string }> {
  const { spec, outDir } = input;
  const { state, preflight } = r;
  const metrics = computeFinalMetrics(state.records, state.totalSteps, state.trainS);
  const series = lossSeries(state.records);
  const title = `${spec.name ?? "training"} loss`;
  await ports.workspace.writeText(`${outDir}/loss.svg`, renderLossSvg(series, { title }));
  const record: RunRecord = {
    schema: TRAIN_RUN_TAG,
    status: state.status,
    name: spec.name,
    spec: { file: input.specFile, hash: r.hash },
    git: { commit: input.gitCommit, dirty: input.gitDirty },
    backend: spec.backend,
    launcher: spec.launcher.type,
    command: [state.plan.program, ...state.plan.args],
    versions: versions(input, preflight, state.trainerInfo),
    durations_s: {
      preflight: Number(((state.tTrain - r.t0) / 1000).toFixed(3)),
      train: Number(state.trainS.toFixed(3)),
      total: Number(((ports.clock.now() - r.t0) / 1000).toFixed(3)),
    },
    machine: { ...input.machine, device: preflight.device, gpus: preflight.gpus },
    restarts: state.restarts,
    resumed_from_step: state.resumedFrom,
    model: r.model,
    metrics,
    error: state.failure?.message,
  };
  await ports.workspace.writeText(`${outDir}/run.json`, trainRunFormat.serialize(record));
  return { record, lossMermaid: renderLossMermaid(series, { title }) };
}

function versions(input: TrainRunInput, pf: PreflightReport, info: Record<string, unknown>): Record<string, string> {
  const v: Record<string, string> = { llmops: input.llmopsVersion };
  if (pf.python) v.python = pf.python.version;
  for (const [k, ver] of Object.entries(pf.python?.packages ?? {})) if (ver) v[k] = ver;
  if (typeof info.trainer_version === "string") v.reference_trainer = info.trainer_version;
  if (typeof info.torch === "string") v.torch = info.torch;
  return v;
}

interface AttemptHooks {
  spec: TrainSpec;
  signal?: AbortSignal | undefined;
  onRecord(r: Rec): Promise<void>;
  onResume(step: number): Promise<void>;
  onTotal(n: number): void;
  onStart(info: Record<string, unknown>): void;
  log(line: string): Promise<void>;
  totalSteps(): number | undefined;
}

async function runAttempt(plan: LaunchPlan, ports: TrainPorts, hooks: AttemptHooks): Promise<AttemptOutcome> {
  const { spec } = hooks;
  const parser = new LogParser(plan.logFormat, spec.logging_steps, spec.max_steps);
  const detector = new DivergenceDetector(spec.divergence.factor, spec.divergence.window);
  const samples: ProgressSample[] = [];
  const tail: string[] = [];
  let divergence: Divergence | undefined;
  let cancelled = false;
  let lastStep: number | undefined;
  let termCheckpoint: string | undefined;
  let trainerError: string | undefined;
  let lastTps: number | undefined;
  let lastLoss: number | undefined;
  // Lines arrive synchronously; file writes are chained to keep their order.
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (fn: () => Promise<void>) => {
    chain = chain.then(fn);
  };

  const proc: RunningProcess = ports.runner.start({ program: plan.program, args: plan.args, env: plan.env });
  // The SIGKILL after the grace period waits on the Clock port (a fake clock in tests); aborted once the trainer exits.
  const killWait = new AbortController();
  const onAbort = () => {
    if (cancelled || divergence) return;
    cancelled = true;
    ports.logger.warn(`cancelling: sent SIGTERM, waiting up to ${spec.cancel_grace_s}s for the trainer to save a checkpoint`);
    proc.terminate();
    ports.clock.sleep(spec.cancel_grace_s * 1000, killWait.signal).then(
      () => proc.kill(),
      () => {},
    );
  };
  if (hooks.signal?.aborted) onAbort();
  else hooks.signal?.addEventListener("abort", onAbort, { once: true });

  proc.onLine((line, stream) => {
    enqueue(() => hooks.log(stream === "stderr" ? `[stderr] ${line}` : line));
    tail.push(line);
    if (tail.length > 15) tail.shift();
    for (const ev of parser.feed(line)) {
      switch (ev.type) {
        case "start":
          if (ev.totalSteps !== undefined) hooks.onTotal(ev.totalSteps);
          hooks.onStart(ev.info);
          break;
        case "progress":
          if (hooks.totalSteps() === undefined) hooks.onTotal(ev.totalSteps);
          break;
        case "resume":
          enqueue(() => hooks.onResume(ev.step));
          break;
        case "terminated":
          lastStep = ev.step;
          termCheckpoint = ev.checkpoint;
          break;
        case "error":
          trainerError = ev.message;
          break;
        case "metrics": {
          const rec = { kind: ev.kind, record: ev.record };
          enqueue(() => hooks.onRecord(rec));
          if (ev.kind !== "train" || ev.record.loss === undefined) break;
          lastStep = ev.record.step;
          lastLoss = ev.record.loss;
          if (ev.record.tokens_per_s !== undefined) lastTps = ev.record.tokens_per_s;
          samples.push({ step: ev.record.step, at: ports.clock.now(), tokens: ev.record.tokens });
          ports.onProgress?.(computeProgress(samples, hooks.totalSteps(), lastLoss, lastTps));
          const d = divergence ? undefined : detector.observe(ev.record.step, ev.record.loss);
          if (d) {
            divergence = d;
            // Not logged here: the run's failure says it, once.
            // SIGKILL, not SIGTERM: a checkpoint of diverged weights must not be written.
            proc.kill();
          }
          break;
        }
        default:
          break;
      }
    }
  });

  let exit: { code: number | null; signal: string | null };
  try {
    exit = await proc.exit;
  } finally {
    hooks.signal?.removeEventListener("abort", onAbort);
    killWait.abort();
  }
  await chain;
  if (divergence) return { kind: "diverged", divergence };
  if (cancelled) return { kind: "cancelled", step: lastStep, checkpoint: termCheckpoint, exit };
  if (exit.code === 0) return { kind: "ok" };
  return { kind: "crashed", exit, tail, error: trainerError };
}

/** The output directory's run.json, by the format's one reader; undefined when there is none. */
async function readRunJson(ws: TrainWorkspace, outDir: string): Promise<TrainRunDocument | undefined> {
  const path = `${outDir}/run.json`;
  return (await ws.exists(path)) ? trainRunFormat.parse(await ws.readText(path), path) : undefined;
}
