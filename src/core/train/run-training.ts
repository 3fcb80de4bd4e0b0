// Orchestrates one training run: preflight → render → launch → live log parsing into
// metrics.jsonl with divergence checks and progress → restarts from the newest checkpoint after a
// crash → model hash, loss chart and run.json.
import { ConfigError, DataInvalidError, InternalError, ProcessExitError } from "../../errors.js";
import type { Clock, Logger } from "../ports/index.js";
import { stableStringify } from "../stable-json.js";
import { isCheckpointPath, sha256Text } from "./content-hash.js";
import { DivergenceDetector, type Divergence } from "./divergence.js";
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

export async function runTraining(input: TrainRunInput, ports: TrainPorts): Promise<TrainRunResult> {
  const { spec, outDir } = input;
  const { workspace: ws, logger, clock } = ports;
  const t0 = clock.now();
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
  let plan = planLaunch(spec, { paths, python, referenceTrainer: input.referenceTrainer, resume: input.resume });
  for (const f of plan.files) await ws.writeText(`${outDir}/${f.name}`, f.content);
  logger.info(`device: ${preflight.device}${preflight.gpus.length ? ` (${preflight.gpus.map((g) => `${g.name}, ${g.memoryFreeMiB} MiB free`).join("; ")})` : ""}; python: ${preflight.python ? `${preflight.python.path} ${preflight.python.version}` : "?"}`);
  logger.info(`command: ${[plan.program, ...plan.args].join(" ")}`);
  if (input.dryRun) return { dryRun: true, plan, preflight, outDir, renderedConfig: plan.files };
  assertPreflight(preflight);

  const hash = specHash(spec);
  const metricsPath = `${outDir}/metrics.jsonl`;
  let records: Rec[] = [];
  if (input.resume) {
    const prev = await readRunJson(ws, outDir);
    if (prev === undefined) logger.warn(`--resume: nothing to resume in ${outDir} (no run.json there); training from step 0`);
    if (prev && prev.spec.hash !== hash) {
      throw new ConfigError(`--resume: ${outDir} holds a run of a different spec (${prev.spec.hash.slice(0, 19)}…, now ${hash.slice(0, 19)}…)`, {
        hint: "resume with the same spec and overrides, or train into a fresh --out directory",
      });
    }
    if (await ws.exists(metricsPath)) records = parseMetricsLines(await ws.readText(metricsPath), metricsPath);
  } else {
    // Rerunning the same command after a Ctrl-C or a crash must not silently delete the checkpoints
    // it could resume from (the trap HF Trainer's overwrite_output_dir guards against).
    const prev = await readRunJson(ws, outDir);
    const steps = (await ws.exists(`${outDir}/checkpoints`))
      ? (await ws.list(`${outDir}/checkpoints`)).map((n) => /^checkpoint-(\d+)$/.exec(n)?.[1]).filter((x): x is string => x !== undefined).map(Number)
      : [];
    if (prev && prev.status !== "succeeded" && prev.spec.hash === hash && steps.length > 0) {
      throw new ConfigError(`${outDir} holds an unfinished run of this spec (${prev.status}) with a checkpoint at step ${Math.max(...steps)}; starting over would delete it`, {
        hint: "add --resume (action input resume: true) to continue from it, or delete the directory or choose another --out to start over",
      });
    }
    for (const d of ["checkpoints", "model", "trainer", "metrics.jsonl", "train.log", "run.json"]) await ws.remove(`${outDir}/${d}`);
  }
  await ws.writeText(`${outDir}/run.json`, trainRunFormat.serialize({ schema: TRAIN_RUN_TAG, status: "running", spec: { file: input.specFile, hash } }));

  let restarts = 0;
  let resumedFrom: number | undefined;
  let totalSteps = spec.max_steps;
  let trainerInfo: Record<string, unknown> = {};
  const tTrain = clock.now();
  let failure: Error | undefined;
  let status: RunRecord["status"] = "succeeded";

  const rewriteMetrics = async () => {
    await ws.writeText(metricsPath, records.map((r) => renderMetricsLine(r.kind, r.record, r.tMs ?? 0)).join(""));
  };

  const hooks: AttemptHooks = {
    spec,
    signal: input.signal,
    onRecord: async (r) => {
      const tMs = clock.now() - tTrain;
      records.push({ ...r, tMs });
      await ws.appendText(metricsPath, renderMetricsLine(r.kind, r.record, tMs));
    },
    onResume: async (step) => {
      resumedFrom = step;
      records = records.filter((r) => r.record.step <= step);
      await rewriteMetrics();
      logger.info(`resumed from the checkpoint at step ${step}`);
    },
    onTotal: (n) => (totalSteps = n),
    onStart: (info) => (trainerInfo = info),
    log: (line) => ws.appendText(`${outDir}/train.log`, `${line}\n`),
    totalSteps: () => totalSteps,
  };

  for (;;) {
    let outcome: AttemptOutcome;
    try {
      outcome = await runAttempt(plan, ports, hooks);
    } catch (err) {
      // The trainer could not even start (program missing): still leave a truthful run.json.
      status = "failed";
      failure = err instanceof Error ? err : new InternalError(String(err));
      break;
    }
    if (outcome.kind === "ok") break;
    if (outcome.kind === "diverged") {
      status = "failed";
      failure = new DataInvalidError(`training stopped: ${outcome.divergence.reason}`, {
        hint: "lower the learning rate, raise warmup_steps or max_grad_norm, or check the data around that step; the reference trainer checks every step and never writes a checkpoint with NaN/inf weights, so --resume continues from the last good one",
      });
      break;
    }
    if (outcome.kind === "cancelled") {
      status = "cancelled";
      failure = new ProcessExitError(
        `training cancelled at step ${outcome.step ?? "?"}${outcome.checkpoint ? `; checkpoint saved at ${outcome.checkpoint}` : ""}`,
        outcome.exit.code,
        outcome.exit.signal,
        { hint: "run the same command with --resume to continue from the newest checkpoint" },
      );
      break;
    }
    if (outcome.error && outcome.exit.code === 2) {
      status = "failed";
      failure = new DataInvalidError(`the trainer rejected its input: ${outcome.error}`, { hint: "fix the data or the base model it names; the full log is in train.log" });
      break;
    }
    const hasCheckpoint = (await ws.exists(`${outDir}/checkpoints`)) && (await ws.list(`${outDir}/checkpoints`)).some((n) => /^checkpoint-\d+$/.test(n));
    const canResume = spec.backend === "reference" ? hasCheckpoint : true;
    if (restarts < spec.max_restarts && canResume) {
      restarts++;
      logger.warn(`trainer exited with ${describeExit(outcome.exit)}; restarting from the newest checkpoint (restart ${restarts} of ${spec.max_restarts})`);
      plan = planLaunch(spec, { paths, python, referenceTrainer: input.referenceTrainer, resume: true });
      continue;
    }
    status = "failed";
    failure = new ProcessExitError(
      `trainer exited with ${describeExit(outcome.exit)}${outcome.error ? `: ${outcome.error}` : ""}${outcome.tail.length ? `\nlast output:\n    ${outcome.tail.join("\n    ")}` : ""}`,
      outcome.exit.code,
      outcome.exit.signal,
      { hint: `the full log is ${outDir}/train.log${canResume ? "; rerun with --resume to continue from the newest checkpoint" : ""}` },
    );
    break;
  }
  const trainS = (clock.now() - tTrain) / 1000;

  const modelDir = `${outDir}/${plan.modelDir}`;
  if (!failure && spec.backend !== "reference") {
    // HF Trainer's printed dicts are rounded (transformers 5.x: 4 significant digits) and carry no
    // step; trainer_state.json's log_history has the exact values and steps, so it replaces them.
    const history = await readTrainerState(ws, modelDir);
    if (history.some((r) => r.kind === "train")) {
      records = reconcileHistory(history, records);
      await rewriteMetrics();
    }
  }
  if (!failure) {
    // A run that ran to the end but learned nothing is a failed run, not a model to ship.
    const vocab = typeof trainerInfo.vocab_size === "number" ? trainerInfo.vocab_size : undefined;
    const notLearned = assessLearning(lossSeries(records).train, vocab);
    if (notLearned) {
      status = "failed";
      failure = new DataInvalidError(`training did not learn: ${notLearned}`, { hint: "lower the learning rate, keep max_grad_norm > 0 (it clips the gradient), raise warmup_steps, or check the data; the loss curve is loss.svg" });
    }
  }
  let model: RunRecord["model"];
  if (!failure) {
    if (!(await ws.exists(modelDir))) {
      status = "failed";
      failure = new InternalError(`the trainer exited successfully but wrote no model at ${modelDir}`);
    } else {
      const h = await ws.hashDirectory(modelDir, isCheckpointPath);
      model = { path: modelDir, hash: h.hash, files: h.files };
    }
  }
  const metrics = computeFinalMetrics(records, totalSteps, trainS);
  const series = lossSeries(records);
  const title = `${spec.name ?? "training"} loss`;
  await ws.writeText(`${outDir}/loss.svg`, renderLossSvg(series, { title }));
  const lossMermaid = renderLossMermaid(series, { title });
  const record: RunRecord = {
    schema: TRAIN_RUN_TAG,
    status,
    name: spec.name,
    spec: { file: input.specFile, hash },
    git: { commit: input.gitCommit, dirty: input.gitDirty },
    backend: spec.backend,
    launcher: spec.launcher.type,
    command: [plan.program, ...plan.args],
    versions: versions(input, preflight, trainerInfo),
    durations_s: { preflight: 0, train: Number(trainS.toFixed(3)), total: Number(((clock.now() - t0) / 1000).toFixed(3)) },
    machine: { ...input.machine, device: preflight.device, gpus: preflight.gpus },
    restarts,
    resumed_from_step: resumedFrom,
    model,
    metrics,
    error: failure?.message,
  };
  record.durations_s.preflight = Number(((tTrain - t0) / 1000).toFixed(3));
  await ws.writeText(`${outDir}/run.json`, trainRunFormat.serialize(record));
  if (failure) throw failure;
  return { dryRun: false, plan, preflight, outDir, modelDir, modelHash: model?.hash, metrics, record, lossMermaid, renderedConfig: plan.files };
}

function versions(input: TrainRunInput, pf: PreflightReport, info: Record<string, unknown>): Record<string, string> {
  const v: Record<string, string> = { llmops: input.llmopsVersion };
  if (pf.python) v.python = pf.python.version;
  for (const [k, ver] of Object.entries(pf.python?.packages ?? {})) if (ver) v[k] = ver;
  if (typeof info.trainer_version === "string") v.reference_trainer = info.trainer_version;
  if (typeof info.torch === "string") v.torch = info.torch;
  return v;
}

function describeExit(e: { code: number | null; signal: string | null }): string {
  return e.signal ? `signal ${e.signal}` : `exit code ${e.code}`;
}

type AttemptOutcome =
  | { kind: "ok" }
  | { kind: "diverged"; divergence: Divergence }
  | { kind: "cancelled"; step?: number | undefined; checkpoint?: string | undefined; exit: { code: number | null; signal: string | null } }
  | { kind: "crashed"; exit: { code: number | null; signal: string | null }; tail: string[]; error?: string | undefined };

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
