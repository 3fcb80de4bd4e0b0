import { describe, expect, it } from "vitest";
import { ConfigError, DataInvalidError, ProcessExitError } from "../../errors.js";
import { decideAfterAttempt, decideOutDir, type AttemptOutcome, type OutDirState } from "./training-decisions.js";

const H = "sha256:" + "a".repeat(64);
const OTHER = "sha256:" + "b".repeat(64);

describe("decideOutDir: resume, start fresh, or refuse", () => {
  const base: OutDirState = { outDir: "/out", resume: false, hash: H, checkpointSteps: [] };
  it.each([
    ["fresh dir", {}, { kind: "fresh" }],
    ["a finished run of this spec is replaced", { previous: { status: "succeeded", specHash: H }, checkpointSteps: [4, 8] }, { kind: "fresh" }],
    ["an unfinished run of another spec is replaced", { previous: { status: "failed", specHash: OTHER }, checkpointSteps: [4] }, { kind: "fresh" }],
    ["an unfinished run without checkpoints is replaced", { previous: { status: "cancelled", specHash: H } }, { kind: "fresh" }],
    ["--resume with nothing there trains from 0, and says so", { resume: true }, { kind: "resume", warning: "--resume: nothing to resume in /out (no run.json there); training from step 0" }],
    ["--resume of the same spec", { resume: true, previous: { status: "cancelled", specHash: H } }, { kind: "resume" }],
    ["--resume of a finished run of the same spec", { resume: true, previous: { status: "succeeded", specHash: H } }, { kind: "resume" }],
  ] as const)("%s", (_name, over, want) => {
    expect(decideOutDir({ ...base, ...over })).toEqual(want);
  });

  it.each([
    ["an unfinished run of this spec with checkpoints is never deleted", { previous: { status: "failed", specHash: H }, checkpointSteps: [4, 12, 8] }, /holds an unfinished run of this spec \(failed\) with a checkpoint at step 12; starting over would delete it/],
    ["a running (killed) run counts as unfinished", { previous: { status: "running", specHash: H }, checkpointSteps: [2] }, /unfinished run of this spec \(running\)/],
    ["--resume refuses another spec's run", { resume: true, previous: { status: "cancelled", specHash: OTHER } }, /--resume: \/out holds a run of a different spec \(sha256:bbbbbbbbbbbb…, now sha256:aaaaaaaaaaaa…\)/],
  ] as const)("%s", (_name, over, message) => {
    expect(() => decideOutDir({ ...base, ...over })).toThrow(ConfigError);
    expect(() => decideOutDir({ ...base, ...over })).toThrow(message);
  });
});

describe("decideAfterAttempt: done, restart, or stop with the right error", () => {
  const exit1 = { code: 1, signal: null };
  const crashed = (over: Partial<Extract<AttemptOutcome, { kind: "crashed" }>> = {}): AttemptOutcome => ({ kind: "crashed", exit: exit1, tail: ["Traceback", "OOM"], ...over });
  const ctx = { outDir: "/out", restarts: 0, maxRestarts: 2, canResume: true };

  it("a clean exit is done", () => {
    expect(decideAfterAttempt({ kind: "ok" }, ctx)).toEqual({ kind: "done" });
  });

  it.each([
    ["a crash with a checkpoint restarts", crashed(), ctx, { kind: "restart", restart: 1, warning: "trainer exited with exit code 1; restarting from the newest checkpoint (restart 1 of 2)" }],
    ["a kill by signal restarts", crashed({ exit: { code: null, signal: "SIGKILL" } }), { ...ctx, restarts: 1 }, { kind: "restart", restart: 2, warning: "trainer exited with signal SIGKILL; restarting from the newest checkpoint (restart 2 of 2)" }],
  ] as const)("%s", (_name, outcome, c, want) => {
    expect(decideAfterAttempt(outcome, c)).toEqual(want);
  });

  it.each([
    ["divergence stops (no restart: the weights are bad)", { kind: "diverged", divergence: { step: 7, reason: "loss is NaN at step 7" } } as AttemptOutcome, ctx, "failed", DataInvalidError, /^training stopped: loss is NaN at step 7$/],
    ["a cancel stops, naming the checkpoint", { kind: "cancelled", step: 5, checkpoint: "/out/checkpoints/checkpoint-5", exit: { code: null, signal: "SIGTERM" } } as AttemptOutcome, ctx, "cancelled", ProcessExitError, /^training cancelled at step 5; checkpoint saved at \/out\/checkpoints\/checkpoint-5$/],
    ["a cancel before any step", { kind: "cancelled", exit: { code: 143, signal: null } } as AttemptOutcome, ctx, "cancelled", ProcessExitError, /^training cancelled at step \?$/],
    ["rejected input (exit 2 with an error) is invalid data, never restarted", crashed({ exit: { code: 2, signal: null }, error: "data/t.jsonl:3: no messages" }), ctx, "failed", DataInvalidError, /^the trainer rejected its input: data\/t.jsonl:3: no messages$/],
    ["exit 2 without an error event is a crash like any other, once restarts are spent", crashed({ exit: { code: 2, signal: null } }), { ...ctx, restarts: 2 }, "failed", ProcessExitError, /^trainer exited with exit code 2\nlast output:\n {4}Traceback\n {4}OOM$/],
    ["no checkpoint to resume from: stop with the trainer's last output", crashed({ error: "CUDA out of memory" }), { ...ctx, canResume: false }, "failed", ProcessExitError, /^trainer exited with exit code 1: CUDA out of memory\nlast output:/],
    ["max_restarts 0 never restarts", crashed({ tail: [] }), { ...ctx, maxRestarts: 0 }, "failed", ProcessExitError, /^trainer exited with exit code 1$/],
  ] as const)("%s", (_name, outcome, c, status, cls, message) => {
    const d = decideAfterAttempt(outcome, c);
    expect(d.kind).toBe("stop");
    if (d.kind !== "stop") return;
    expect(d.status).toBe(status);
    expect(d.failure).toBeInstanceOf(cls);
    expect(d.failure.message).toMatch(message);
  });

  it("the hint offers --resume only when a checkpoint exists", () => {
    const hint = (canResume: boolean) => {
      const d = decideAfterAttempt(crashed(), { ...ctx, maxRestarts: 0, canResume });
      return d.kind === "stop" ? d.failure.hint : undefined;
    };
    expect(hint(true)).toBe("the full log is /out/train.log; rerun with --resume to continue from the newest checkpoint");
    expect(hint(false)).toBe("the full log is /out/train.log");
  });
});
