// The decisions of a training run, as pure functions (runTraining does the I/O around them): what
// to do with an output directory that already holds a run, and what follows each trainer attempt
// (done, restart from the newest checkpoint, or stop with which error).
import { ConfigError, DataInvalidError, ProcessExitError, type LlmopsError } from "../../errors.js";
import type { Divergence } from "./divergence.js";

export type ExitStatus = { code: number | null; signal: string | null };

/** How one launch of the trainer ended (runAttempt). */
export type AttemptOutcome =
  | { kind: "ok" }
  | { kind: "diverged"; divergence: Divergence }
  | { kind: "cancelled"; step?: number | undefined; checkpoint?: string | undefined; exit: ExitStatus }
  | { kind: "crashed"; exit: ExitStatus; tail: string[]; error?: string | undefined };

export interface OutDirState {
  outDir: string;
  resume: boolean;
  /** The spec's hash now. */
  hash: string;
  /** The run.json already there, if any. */
  previous?: { status: string; specHash: string } | undefined;
  /** Steps of the checkpoints under outDir/checkpoints (read only without --resume). */
  checkpointSteps: readonly number[];
}

export type OutDirPlan = { kind: "resume"; warning?: string } | { kind: "fresh" };

/**
 * Resume into the directory (its metrics kept), or start fresh (it is cleared). Throws a
 * ConfigError rather than resume another spec's run, or rather than clear the checkpoints of an
 * unfinished run of this spec (the trap HF Trainer's overwrite_output_dir guards against).
 */
export function decideOutDir(s: OutDirState): OutDirPlan {
  const prev = s.previous;
  if (s.resume) {
    if (prev === undefined) return { kind: "resume", warning: `--resume: nothing to resume in ${s.outDir} (no run.json there); training from step 0` };
    if (prev.specHash !== s.hash) {
      throw new ConfigError(`--resume: ${s.outDir} holds a run of a different spec (${prev.specHash.slice(0, 19)}…, now ${s.hash.slice(0, 19)}…)`, {
        hint: "resume with the same spec and overrides, or train into a fresh --out directory",
      });
    }
    return { kind: "resume" };
  }
  if (prev && prev.status !== "succeeded" && prev.specHash === s.hash && s.checkpointSteps.length > 0) {
    throw new ConfigError(`${s.outDir} holds an unfinished run of this spec (${prev.status}) with a checkpoint at step ${Math.max(...s.checkpointSteps)}; starting over would delete it`, {
      hint: "add --resume (action input resume: true) to continue from it, or delete the directory or choose another --out to start over",
    });
  }
  return { kind: "fresh" };
}

export interface AttemptContext {
  outDir: string;
  restarts: number;
  maxRestarts: number;
  /** A restart could continue from a checkpoint (the reference trainer needs one; other backends find their own). */
  canResume: boolean;
}

export type AttemptDecision =
  | { kind: "done" }
  | { kind: "restart"; restart: number; warning: string }
  | { kind: "stop"; status: "failed" | "cancelled"; failure: LlmopsError };

export function describeExit(e: ExitStatus): string {
  return e.signal ? `signal ${e.signal}` : `exit code ${e.code}`;
}

/** What follows one attempt: a divergence, a cancel or rejected data stops; a crash restarts while it may. */
export function decideAfterAttempt(outcome: AttemptOutcome, c: AttemptContext): AttemptDecision {
  switch (outcome.kind) {
    case "ok":
      return { kind: "done" };
    case "diverged":
      return {
        kind: "stop",
        status: "failed",
        failure: new DataInvalidError(`training stopped: ${outcome.divergence.reason}`, {
          hint: "lower the learning rate, raise warmup_steps or max_grad_norm, or check the data around that step; the reference trainer checks every step and never writes a checkpoint with NaN/inf weights, so --resume continues from the last good one",
        }),
      };
    case "cancelled":
      return {
        kind: "stop",
        status: "cancelled",
        failure: new ProcessExitError(`training cancelled at step ${outcome.step ?? "?"}${outcome.checkpoint ? `; checkpoint saved at ${outcome.checkpoint}` : ""}`, outcome.exit.code, outcome.exit.signal, {
          hint: "run the same command with --resume to continue from the newest checkpoint",
        }),
      };
    case "crashed":
      break;
  }
  // Exit code 2 with an error event: the trainer refused its input; restarting would refuse again.
  if (outcome.error && outcome.exit.code === 2) {
    return { kind: "stop", status: "failed", failure: new DataInvalidError(`the trainer rejected its input: ${outcome.error}`, { hint: "fix the data or the base model it names; the full log is in train.log" }) };
  }
  if (c.restarts < c.maxRestarts && c.canResume) {
    const restart = c.restarts + 1;
    return { kind: "restart", restart, warning: `trainer exited with ${describeExit(outcome.exit)}; restarting from the newest checkpoint (restart ${restart} of ${c.maxRestarts})` };
  }
  return {
    kind: "stop",
    status: "failed",
    failure: new ProcessExitError(
      `trainer exited with ${describeExit(outcome.exit)}${outcome.error ? `: ${outcome.error}` : ""}${outcome.tail.length ? `\nlast output:\n    ${outcome.tail.join("\n    ")}` : ""}`,
      outcome.exit.code,
      outcome.exit.signal,
      { hint: `the full log is ${c.outDir}/train.log${c.canResume ? "; rerun with --resume to continue from the newest checkpoint" : ""}` },
    ),
  };
}
