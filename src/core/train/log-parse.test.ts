import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LogParser, parseTrainerState } from "./log-parse.js";
import { extractDict, numberOf, parsePythonLiteral } from "./python-literal.js";

describe("python literals", () => {
  it.each([
    ["{'loss': 1.5, 'epoch': 0.25}", { loss: 1.5, epoch: 0.25 }],
    ["{'loss': '2.0312', 'grad_norm': '0.8125'}", { loss: "2.0312", grad_norm: "0.8125" }],
    ["{'loss': nan, 'grad_norm': inf, 'x': -inf}", { loss: Number.NaN, grad_norm: Infinity, x: -Infinity }],
    ["{'loss': np.float64(1.25), 'lr': tensor(0.5, device='cuda:0')}", { loss: 1.25, lr: 0.5 }],
    ["{'a': True, 'b': None, 'c': [1, (2, 3)], \"d\": 'it\\'s'}", { a: true, b: null, c: [1, [2, 3]], d: "it's" }],
    ["{'learning_rate': 1.9999e-05}", { learning_rate: 1.9999e-5 }],
  ])("%s", (text, expected) => {
    expect(parsePythonLiteral(text)).toEqual(expected);
  });

  it("rejects what is not a literal", () => {
    expect(() => parsePythonLiteral("{'a': os.system}")).toThrow();
    expect(() => parsePythonLiteral("{'a': 1} trailing")).toThrow();
  });

  it("finds the dict after a tqdm bar", () => {
    expect(extractDict(" 10%|█         | 10/100 [00:05<00:45,  2.00it/s]{'loss': 2.5, 'note': '}'}")).toBe("{'loss': 2.5, 'note': '}'}");
    expect(extractDict("no dict here")).toBeUndefined();
  });

  it.each([
    ["1.5", 1.5],
    ["-2e-3", -0.002],
    ["NaN", Number.NaN],
    ["Infinity", Infinity],
    ["-inf", -Infinity],
    ["abc", undefined],
    ["", undefined],
  ])("numberOf(%j)", (s, n) => {
    expect(numberOf(s)).toEqual(n);
  });
});

describe("LogParser: HF Trainer", () => {
  it("reads loss dicts, takes the step from tqdm, and eval + summary lines", () => {
    const p = new LogParser("text", 10);
    const lines = [
      "  0%|          | 0/200 [00:00<?, ?it/s]",
      " 5%|▌         | 10/200 [00:04<01:10,  2.69it/s]{'loss': 2.3456, 'grad_norm': 1.234, 'learning_rate': 1.8e-05, 'epoch': 0.05}",
      "{'loss': '2.1', 'grad_norm': '0.9', 'learning_rate': '1.6e-05', 'epoch': '0.1'}",
      "{'eval_loss': 2.05, 'eval_runtime': 1.2, 'eval_samples_per_second': 40.0, 'epoch': 0.1}",
      "{'loss': nan, 'grad_norm': nan, 'learning_rate': 1.4e-05, 'epoch': 0.15}",
      "{'train_runtime': 120.5, 'train_samples_per_second': 13.3, 'train_loss': 1.9, 'epoch': 1.0}",
    ];
    const events = lines.flatMap((l) => p.feed(l));
    const metrics = events.filter((e) => e.type === "metrics");
    expect(metrics).toEqual([
      { type: "metrics", kind: "train", record: { step: 10, loss: 2.3456, grad_norm: 1.234, lr: 1.8e-5, epoch: 0.05 } },
      { type: "metrics", kind: "train", record: { step: 20, loss: 2.1, grad_norm: 0.9, lr: 1.6e-5, epoch: 0.1 } },
      { type: "metrics", kind: "eval", record: { step: 20, eval_loss: 2.05, epoch: 0.1 } },
      { type: "metrics", kind: "train", record: { step: 30, loss: Number.NaN, grad_norm: Number.NaN, lr: 1.4e-5, epoch: 0.15 } },
    ]);
    expect(events.filter((e) => e.type === "progress")).toEqual([
      { type: "progress", step: 0, totalSteps: 200 },
      { type: "progress", step: 10, totalSteps: 200 },
    ]);
    expect(events.at(-1)).toEqual({ type: "done", summary: { train_runtime: 120.5, train_samples_per_second: 13.3, train_loss: 1.9, epoch: 1 } });
  });

  it("reads real transformers 5.18 output: lagging bars, eval bars and the weight-loading bar do not shift steps", () => {
    // Captured from pipelines/examples/hf_trainer_peft.py (HF Trainer + PEFT, max_steps 12,
    // logging_steps 2, eval every 6) through `llmops train`: stdout and [stderr] interleaved as read.
    const log = readFileSync(new URL("./__golden__/hf-trainer-5.18-lora.log", import.meta.url), "utf8");
    const p = new LogParser("text", 2, 12);
    const events = log.split("\n").flatMap((l) => p.feed(l.replace(/^\[stderr\] /, "")));
    const metrics = events.flatMap((e) => (e.type === "metrics" ? [[e.kind, e.record.step, e.record.loss ?? e.record.eval_loss]] : []));
    expect(metrics).toEqual([
      ["train", 2, 5.584],
      ["train", 4, 5.562],
      ["train", 6, 5.571],
      ["eval", 6, 5.51],
      ["train", 8, 5.497],
      ["train", 10, 5.522],
      ["train", 12, 5.481],
      ["eval", 12, 5.478],
    ]);
    expect(new Set(events.flatMap((e) => (e.type === "progress" ? [e.totalSteps] : [])))).toEqual(new Set([12]));
    expect(events.find((e) => e.type === "done")).toMatchObject({ type: "done", summary: { train_loss: 5.536 } });
  });

  it("counts from a resumed run's first bar counter", () => {
    const p = new LogParser("text", 2, 12);
    const lines = [" 50%|█████     | 6/12 [00:00<?, ?it/s]", "{'loss': '5.497', 'epoch': '0.08'}", " 58%|█████▊    | 7/12 [00:00<00:00]", "{'loss': '5.5', 'epoch': '0.1'}"];
    expect(lines.flatMap((l) => p.feed(l)).flatMap((e) => (e.type === "metrics" ? [e.record.step] : []))).toEqual([8, 10]);
  });

  it("splits carriage-return redraws", () => {
    const p = new LogParser("text", 1);
    const ev = p.feed("\r 1/4 [00:01<00:03]\r 2/4 [00:02<00:02]{'loss': 1.0, 'epoch': 0.5}");
    expect(ev.filter((e) => e.type === "metrics")).toEqual([{ type: "metrics", kind: "train", record: { step: 2, loss: 1, epoch: 0.5 } }]);
  });
});

describe("LogParser: torchtune", () => {
  it("reads StdoutLogger lines", () => {
    const p = new LogParser("text", 1);
    expect(p.feed("Step 12 | loss:1.4302 lr:2.9999e-05 tokens_per_second_per_gpu:1843.2 grad_norm:0.77 ")).toEqual([
      { type: "metrics", kind: "train", record: { step: 12, loss: 1.4302, lr: 2.9999e-5, grad_norm: 0.77, tokens_per_s: 1843.2 } },
    ]);
    expect(p.feed("Step 13 | loss:nan lr:3e-05")[0]).toMatchObject({ record: { step: 13, loss: Number.NaN } });
    expect(p.feed("1|13|Loss: 1.43: 100%|██████████| 13/13 [00:30<00:00]")).toEqual([{ type: "progress", step: 13, totalSteps: 13 }]);
  });
});

describe("LogParser: reference trainer", () => {
  const p = new LogParser("reference-json", 1);
  it.each([
    ['{"event": "start", "total_steps": 30, "torch": "1.13.0"}', { type: "start", totalSteps: 30 }],
    ['{"event": "step", "step": 5, "total_steps": 30, "loss": 4.39, "lr": 0.003, "grad_norm": 3.6, "tokens": 512, "tokens_per_s": 5332.3}', { type: "metrics", kind: "train", record: { step: 5, loss: 4.39, lr: 0.003, grad_norm: 3.6, tokens: 512, tokens_per_s: 5332.3 } }],
    ['{"event": "step", "step": 6, "loss": NaN, "grad_norm": Infinity}', { type: "metrics", kind: "train", record: { step: 6, loss: Number.NaN, grad_norm: Infinity } }],
    ['{"event": "eval", "step": 10, "eval_loss": 3.02}', { type: "metrics", kind: "eval", record: { step: 10, eval_loss: 3.02 } }],
    ['{"event": "checkpoint", "step": 10, "path": "/o/checkpoints/checkpoint-10"}', { type: "checkpoint", step: 10, path: "/o/checkpoints/checkpoint-10" }],
    ['{"event": "resume", "step": 8, "checkpoint": "/o/c"}', { type: "resume", step: 8, checkpoint: "/o/c" }],
    ['{"event": "terminated", "step": 9, "checkpoint": "/o/c9"}', { type: "terminated", step: 9, checkpoint: "/o/c9" }],
    ['{"event": "error", "message": "bad data"}', { type: "error", message: "bad data" }],
  ])("%s", (line, expected) => {
    expect(p.feed(line)[0]).toMatchObject(expected);
  });

  it("ignores other output", () => {
    expect(p.feed("UserWarning: something")).toEqual([]);
    expect(p.feed('{"event": "step", broken')).toEqual([]);
  });
});

describe("parseTrainerState", () => {
  it("reads log_history", () => {
    const state = {
      global_step: 20,
      log_history: [
        { epoch: 0.5, grad_norm: 1.1, learning_rate: 2e-5, loss: 2.2, step: 10 },
        { epoch: 0.5, eval_loss: 2.1, eval_runtime: 1.0, step: 10 },
        { epoch: 1, learning_rate: 1e-5, loss: "NaN", step: 20 },
        { epoch: 1, step: 20, train_loss: 2.0, train_runtime: 50 },
      ],
    };
    expect(parseTrainerState(state)).toEqual([
      { kind: "train", record: { step: 10, loss: 2.2, grad_norm: 1.1, lr: 2e-5, epoch: 0.5 } },
      { kind: "eval", record: { step: 10, eval_loss: 2.1, epoch: 0.5 } },
      { kind: "train", record: { step: 20, loss: Number.NaN, lr: 1e-5, epoch: 1 } },
    ]);
    expect(parseTrainerState({})).toEqual([]);
  });
});
