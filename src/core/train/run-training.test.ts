import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, DataInvalidError, ProcessExitError } from "../../errors.js";
import { silentLogger } from "../ports/index.js";
import { FakeRunner, MemoryWorkspace, fakeClock, type Script } from "../../../test/support/train-fakes.js";
import { parseTrainerState } from "./log-parse.js";
import { reconcileHistory, runTraining, type TrainRunInput } from "./run-training.js";
import { parseTrainSpec } from "./spec.js";

const SPEC = `name: tiny
base: {model: scratch}
datasets: {format: chat, train: data/t.jsonl}
max_steps: 8
learning_rate: 0.001
checkpoint: {every_steps: 4}
`;

const step = (n: number, loss: number) => `{"event": "step", "step": ${n}, "total_steps": 8, "loss": ${loss}, "tokens": 100, "tokens_per_s": 1000.0}`;
const MODEL = { "/out/model/config.json": '{"model_type":"llama"}', "/out/model/model.safetensors": "weights" };

function setup(scripts: Script[], extra = "", opts: Partial<TrainRunInput> = {}, holdAfter?: number) {
  const ws = new MemoryWorkspace({ "/repo/pipelines/data/t.jsonl": "{}\n" });
  const runner = new FakeRunner(ws, scripts, {}, holdAfter);
  const input: TrainRunInput = {
    spec: parseTrainSpec(SPEC + extra, "/repo/pipelines/tiny.yaml"),
    specFile: "pipelines/tiny.yaml",
    specDir: "/repo/pipelines",
    outDir: "/out",
    resume: false,
    dryRun: false,
    referenceTrainer: "/pkg/trainers/reference/train.py",
    llmopsVersion: "0.1.0",
    gitCommit: "abc123",
    machine: { platform: "linux", arch: "x64", cpus: 2, memoryBytes: 8e9 },
    defaultPythons: ["python3"],
    ...opts,
  };
  return { ws, runner, input, ports: { runner, workspace: ws, clock: fakeClock(), logger: silentLogger } };
}

describe("runTraining", () => {
  it("launches the reference trainer, records metrics, hashes the model, writes run.json", async () => {
    const { ws, runner, input, ports } = setup([
      {
        lines: ['{"event": "start", "total_steps": 8, "torch": "1.13.0", "trainer_version": "0.1.0"}', ...[4, 3, 2.5, 2].map((l, i) => step(i + 1, l)), '{"event": "eval", "step": 4, "eval_loss": 2.2}', '{"event": "done", "step": 4}'],
        exit: { code: 0, signal: null },
        writes: MODEL,
      },
    ]);
    const r = await runTraining(input, ports);
    expect(runner.started[0]!.program).toBe("python3");
    expect(runner.started[0]!.args.slice(0, 4)).toEqual(["-u", "/pkg/trainers/reference/train.py", "--base", "scratch"]);
    expect(runner.started[0]!.args).toContain("/repo/pipelines/data/t.jsonl");
    expect(r.modelHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.metrics).toEqual({ steps: 4, total_steps: 8, loss: 2, min_loss: 2, eval_loss: 2.2, tokens_per_s: 1000, train_s: expect.any(Number) });
    const lines = (await ws.readText("/out/metrics.jsonl")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.step])).toEqual([["train", 1], ["train", 2], ["train", 3], ["train", 4], ["eval", 4]]);
    const run = JSON.parse(await ws.readText("/out/run.json"));
    expect(run).toMatchObject({ status: "succeeded", git: { commit: "abc123" }, backend: "reference", versions: { llmops: "0.1.0", torch: "1.13.0", reference_trainer: "0.1.0", python: "3.11.2" }, model: { path: "/out/model", hash: r.modelHash } });
    expect(run.spec.hash).toMatch(/^sha256:/);
    expect(await ws.exists("/out/loss.svg")).toBe(true);
    expect(await ws.exists("/out/config/reference-args.json")).toBe(true);
    expect(r.lossMermaid).toContain("line [4, 3, 2.5, 2]");
  });

  it("kills the trainer on a NaN loss and names the step", async () => {
    const { ws, runner, input, ports } = setup([{ lines: [step(1, 4), step(2, 3), '{"event": "step", "step": 3, "loss": NaN}', step(4, 3)], exit: { code: 0, signal: null } }]);
    const err = await runTraining(input, ports).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataInvalidError);
    expect((err as Error).message).toBe("training stopped: loss became NaN at step 3");
    expect(runner.processes[0]!.killed).toBe(true);
    expect(runner.processes[0]!.terminated).toBe(false);
    const run = JSON.parse(await ws.readText("/out/run.json"));
    expect(run.status).toBe("failed");
    expect(run.error).toContain("step 3");
  });

  it("restarts from the newest checkpoint after a crash without duplicating metrics", async () => {
    const { ws, runner, input, ports } = setup(
      [
        { lines: [1, 2, 3, 4, 5].map((n) => step(n, 5 - n * 0.1)), exit: { code: 1, signal: null }, writes: { "/out/checkpoints/checkpoint-4/state.pt": "x" } },
        { lines: ['{"event": "resume", "step": 4, "checkpoint": "/out/checkpoints/checkpoint-4"}', ...[5, 6, 7, 8].map((n) => step(n, 5 - n * 0.1))], exit: { code: 0, signal: null }, writes: MODEL },
      ],
      "max_restarts: 1\n",
    );
    const r = await runTraining(input, ports);
    expect(runner.started[0]!.args.slice(-2)).toEqual(["--resume", "none"]);
    expect(runner.started[1]!.args.slice(-2)).toEqual(["--resume", "auto"]);
    const steps = (await ws.readText("/out/metrics.jsonl")).trim().split("\n").map((l) => JSON.parse(l).step);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.record).toMatchObject({ restarts: 1, resumed_from_step: 4 });
  });

  it("fails with the trainer's last output when it crashes and may not restart", async () => {
    const { input, ports } = setup([{ lines: [step(1, 4), "Traceback (most recent call last):", "RuntimeError: boom"], exit: { code: 1, signal: null } }]);
    const err = await runTraining(input, ports).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProcessExitError);
    expect((err as Error).message).toContain("trainer exited with exit code 1");
    expect((err as Error).message).toContain("RuntimeError: boom");
  });

  it("reports data the trainer rejects as invalid data, naming the line", async () => {
    const { input, ports } = setup([{ lines: ['{"event": "error", "message": "/repo/pipelines/data/t.jsonl:3: invalid JSON (Expecting value)"}'], exit: { code: 2, signal: null } }], "max_restarts: 2\n");
    const err = await runTraining(input, ports).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataInvalidError);
    expect((err as Error).message).toBe("the trainer rejected its input: /repo/pipelines/data/t.jsonl:3: invalid JSON (Expecting value)");
  });

  it("on cancel sends SIGTERM and reports the checkpoint", async () => {
    const controller = new AbortController();
    const { runner, input, ports } = setup(
      [{ lines: [step(1, 4), step(2, 3), step(3, 3)], exit: { code: 0, signal: null }, onTerminate: { lines: ['{"event": "terminated", "step": 2, "checkpoint": "/out/checkpoints/checkpoint-2"}'], exit: { code: 143, signal: null } } }],
      "",
      { signal: controller.signal },
      2,
    );
    // The grace period has not run out before the trainer exits: the Clock's sleep waits until aborted.
    const waitsForever = { now: ports.clock.now, sleep: (_ms: number, signal?: AbortSignal) => new Promise<void>((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason))) };
    const p = runTraining(input, { ...ports, clock: waitsForever });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProcessExitError);
    expect((err as Error).message).toBe("training cancelled at step 2; checkpoint saved at /out/checkpoints/checkpoint-2");
    expect(runner.processes[0]!.terminated).toBe(true);
    expect(runner.processes[0]!.killed).toBe(false);
  });

  it("on cancel, a trainer still running when the grace period (on the Clock port) is over gets SIGKILL", async () => {
    const controller = new AbortController();
    const { runner, input, ports } = setup(
      [{ lines: [step(1, 4), step(2, 3), step(3, 3)], exit: { code: 0, signal: null }, onTerminate: { lines: ['{"event": "terminated", "step": 2, "checkpoint": "/out/checkpoints/checkpoint-2"}'], exit: { code: 143, signal: null } } }],
      "",
      { signal: controller.signal },
      2,
    );
    const p = runTraining(input, ports); // the fake clock's sleep returns at once: the grace is over
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await p.catch(() => undefined);
    expect(runner.processes[0]!.terminated).toBe(true);
    expect(runner.processes[0]!.killed).toBe(true);
  });

  it("command backend: falls back to trainer_state.json and leaves checkpoints out of the hash", async () => {
    const state = JSON.stringify({ log_history: [{ loss: 2.5, step: 5 }, { loss: 2.0, step: 10 }, { eval_loss: 2.1, step: 10 }] });
    const cmd = "backend: command\ncommand: {argv: [python3, sft.py]}\n";
    const run = (extraFiles: Record<string, string>) => {
      const { input, ports } = setup([{ lines: ["Training started", "done"], exit: { code: 0, signal: null }, writes: { "/out/model/model.safetensors": "w", ...extraFiles } }], cmd);
      return runTraining(input, ports);
    };
    const r = await run({ "/out/model/checkpoint-10/trainer_state.json": state });
    expect(r.metrics).toMatchObject({ steps: 10, loss: 2, eval_loss: 2.1 });
    expect(r.record?.model?.files.map((f) => f.name)).toEqual(["model.safetensors"]);
    expect((await run({})).modelHash).toBe(r.modelHash);
  });

  it("command backend: HF log lines feed divergence detection", async () => {
    const lines = [4, 2, 1, 3.5, 3.6, 3.7].map((l) => `{'loss': ${l}, 'grad_norm': 1.0, 'learning_rate': 1e-05, 'epoch': 0.1}`);
    const { runner, input, ports } = setup([{ lines, exit: { code: 0, signal: null } }], "backend: command\ncommand: {argv: [python3, sft.py]}\ndivergence: {factor: 3, window: 3}\n");
    const err = await runTraining(input, ports).catch((e: unknown) => e);
    expect((err as Error).message).toBe("training stopped: loss diverged at step 4: above 3× its minimum 1 for 3 logged steps (now 3.7 at step 6)");
    expect(runner.processes[0]!.killed).toBe(true);
  });

  it("dry run renders and probes but launches nothing", async () => {
    const { ws, runner, input, ports } = setup([]);
    const r = await runTraining({ ...input, dryRun: true }, ports);
    expect(r.dryRun).toBe(true);
    expect(runner.started).toEqual([]);
    expect(JSON.parse(await ws.readText("/out/config/reference-args.json"))).toContain("--max-steps");
  });

  it("refuses to resume a run of another spec", async () => {
    const { ws, input, ports } = setup([]);
    await ws.writeText("/out/run.json", JSON.stringify({ schema: "llmops.train-run/v2", status: "running", spec: { file: "spec.yaml", hash: "sha256:0000000000000000000000" } }));
    await expect(runTraining({ ...input, resume: true }, ports)).rejects.toThrow(ConfigError);
  });

  it("says so when --resume finds nothing to resume, and trains from step 0", async () => {
    const { input, ports } = setup([{ lines: [step(1, 4), '{"event": "done", "step": 1}'], exit: { code: 0, signal: null }, writes: MODEL }]);
    const warnings: string[] = [];
    const r = await runTraining({ ...input, resume: true }, { ...ports, logger: { ...silentLogger, warn: (m: string) => warnings.push(m) } });
    expect(warnings).toContain("--resume: nothing to resume in /out (no run.json there); training from step 0");
    expect(r.metrics?.steps).toBe(1);
  });

  it("rerunning without --resume keeps an unfinished run's checkpoints (refuses), a finished or other-spec run is replaced", async () => {
    const done = { lines: [step(1, 4), '{"event": "done", "step": 1}'], exit: { code: 0, signal: null }, writes: MODEL };
    const { ws, input, ports } = setup([done, done, done]);
    await runTraining(input, ports);
    const run = JSON.parse(await ws.readText("/out/run.json"));
    await ws.writeText("/out/run.json", JSON.stringify({ ...run, status: "cancelled" }));
    await ws.writeText("/out/checkpoints/checkpoint-4/state.json", "{}");
    const err = await runTraining(input, ports).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe("/out holds an unfinished run of this spec (cancelled) with a checkpoint at step 4; starting over would delete it");
    expect(await ws.exists("/out/checkpoints/checkpoint-4/state.json")).toBe(true);
    // Another spec (the user changed it): replaced as before.
    await ws.writeText("/out/run.json", JSON.stringify({ ...run, status: "cancelled", spec: { ...run.spec, hash: "sha256:other" } }));
    await expect(runTraining(input, ports)).resolves.toMatchObject({ dryRun: false });
    // A finished run of this spec: replaced as before.
    await ws.writeText("/out/checkpoints/checkpoint-4/state.json", "{}");
    await expect(runTraining(input, ports)).resolves.toMatchObject({ dryRun: false });
  });

  it("refuses a hub id for the reference trainer", async () => {
    const { input, ports } = setup([]);
    const spec = parseTrainSpec(SPEC.replace("model: scratch", "model: meta-llama/Llama-3.2-1B") + "method: lora\n", "s.yaml");
    await expect(runTraining({ ...input, spec }, ports)).rejects.toThrow(/not a local directory/);
  });
});

describe("reconcileHistory", () => {
  it("takes trainer_state.json's exact losses and steps, deduplicates, and keeps the live times", () => {
    const state = JSON.parse(readFileSync(new URL("./__golden__/hf-trainer-5.18-lora.trainer_state.json", import.meta.url), "utf8"));
    const history = parseTrainerState(state);
    const live = [
      { kind: "train" as const, record: { step: 2, loss: 5.584 }, tMs: 100 },
      { kind: "train" as const, record: { step: 7, loss: 5.497 }, tMs: 700 }, // a step the live parse got wrong
      { kind: "eval" as const, record: { step: 12, eval_loss: 5.478 }, tMs: 1200 },
    ];
    const out = reconcileHistory(history, live);
    expect(out.map((r) => [r.kind, r.record.step, r.tMs])).toEqual([
      ["train", 2, 100],
      ["train", 4, 100],
      ["train", 6, 100],
      ["eval", 6, 100],
      ["train", 8, 700],
      ["train", 10, 700],
      ["train", 12, 1200],
      ["eval", 12, 1200],
    ]);
    expect(out[0]!.record.loss).toBeCloseTo(5.583554267883301, 12);
    expect(out.at(-1)!.record.eval_loss).toBeCloseTo(5.478439807891846, 12);
  });
});
