import { describe, expect, it } from "vitest";
import { computeFinalMetrics, parseMetricsLines, renderMetricsLine } from "./run-record.js";

describe("metrics.jsonl", () => {
  it("writes NaN/∞ as strings and reads them back", () => {
    const text = renderMetricsLine("train", { step: 3, loss: Number.NaN, grad_norm: Infinity, lr: 0.1 }, 1234.4) + renderMetricsLine("eval", { step: 3, eval_loss: 2 }, 1300);
    expect(text).toBe('{"kind":"train","t_ms":1234,"step":3,"loss":"nan","grad_norm":"inf","lr":0.1}\n{"kind":"eval","t_ms":1300,"step":3,"eval_loss":2}\n');
    expect(parseMetricsLines(`${text}{"kind":"train","st`)).toEqual([
      { kind: "train", record: { step: 3, loss: Number.NaN, grad_norm: Infinity, lr: 0.1 }, tMs: 1234 },
      { kind: "eval", record: { step: 3, eval_loss: 2 }, tMs: 1300 },
    ]);
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
