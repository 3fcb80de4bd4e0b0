import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../test/support/cli.js";
import { computeFinalMetrics, parseMetricsLines, renderMetricsLine } from "./run-record.js";

describe("metrics.jsonl", () => {
  it("writes NaN/∞ as strings and reads them back", () => {
    const text = renderMetricsLine("train", { step: 3, loss: Number.NaN, grad_norm: Infinity, lr: 0.1 }, 1234.4) + renderMetricsLine("eval", { step: 3, eval_loss: 2 }, 1300);
    expect(text).toBe(
      '{"schema":"llmops.train-metrics/v1","kind":"train","t_ms":1234,"step":3,"loss":"nan","grad_norm":"inf","lr":0.1}\n{"schema":"llmops.train-metrics/v1","kind":"eval","t_ms":1300,"step":3,"eval_loss":2}\n',
    );
    expect(parseMetricsLines(`${text}{"kind":"train","st`)).toEqual([
      { kind: "train", record: { step: 3, loss: Number.NaN, grad_norm: Infinity, lr: 0.1 }, tMs: 1234 },
      { kind: "eval", record: { step: 3, eval_loss: 2 }, tMs: 1300 },
    ]);
  });

  it("reads the untagged lines of llmops 0.1.0 as v1", () => {
    const text = readFileSync(join(repoRoot, "test/fixtures/contracts/released-0.1.0/train/metrics.jsonl"), "utf8");
    const lines = parseMetricsLines(text);
    expect(lines.map((l) => [l.kind, l.record.step, l.tMs])).toEqual([["train", 1, 412], ["train", 2, 655], ["eval", 2, 700]]);
    expect(lines[1]!.record.loss).toBeNaN();
    expect(lines[1]!.record.grad_norm).toBe(Infinity);
    // and writes them back, tagged, with the same figures
    expect(parseMetricsLines(lines.map((l) => renderMetricsLine(l.kind, l.record, l.tMs!)).join(""))).toEqual(lines);
  });

  it.each([
    ["a bad line before the last", '{"kind":"train","step":1}\n{"kind":"train","st\n{"kind":"train","step":2}\n', /^run\/metrics\.jsonl:2: not valid JSON/],
    ["a field of the wrong type", '{"kind":"train","step":"one"}\n', /^run\/metrics\.jsonl:1: not a valid llmops\.train-metrics\/v1 document — step: /],
    ["a line of a newer llmops", '{"schema":"llmops.train-metrics/v2","kind":"train","step":1}\n', /^run\/metrics\.jsonl:1: written by a newer llmops as llmops\.train-metrics\/v2; .*: upgrade llmops$/],
  ])("refuses %s, naming file:line", (_what, text, message) => {
    expect(() => parseMetricsLines(text, "run/metrics.jsonl")).toThrow(message);
  });

  it("summarises final metrics", () => {
    const recs = [
      { kind: "train" as const, record: { step: 1, loss: 3, tokens_per_s: 100 } },
      { kind: "train" as const, record: { step: 2, loss: 1.5, tokens_per_s: 200 } },
      { kind: "eval" as const, record: { step: 2, eval_loss: 1.7 } },
      { kind: "train" as const, record: { step: 3, loss: 2 } },
    ];
    expect(computeFinalMetrics(recs, 3, 12.34567)).toEqual({ steps: 3, total_steps: 3, loss: 2, min_loss: 1.5, eval_loss: 1.7, tokens_per_s: 150, train_s: 12.346 });
    expect(computeFinalMetrics([], undefined, 0)).toEqual({ steps: 0, total_steps: undefined, loss: undefined, min_loss: undefined, eval_loss: undefined, tokens_per_s: undefined, train_s: 0 });
  });
});
