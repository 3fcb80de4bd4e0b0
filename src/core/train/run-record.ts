// run.json's final metrics (its schema is core/contracts/train-run.ts) and metrics.jsonl lines.
import { TRAIN_METRICS_TAG, trainMetricsFormat, type TrainMetricsLine } from "../contracts/train-metrics.js";
import type { FinalMetrics } from "../contracts/train-run.js";
import type { MetricRecord } from "./log-parse.js";

export type { FinalMetrics, MachineInfo, RunRecord } from "../contracts/train-run.js";

export function computeFinalMetrics(records: readonly { kind: "train" | "eval"; record: MetricRecord }[], totalSteps: number | undefined, trainS: number): FinalMetrics {
  const train = records.filter((r) => r.kind === "train").map((r) => r.record);
  const evals = records.filter((r) => r.kind === "eval" && r.record.eval_loss !== undefined).map((r) => r.record);
  const finite = train.map((r) => r.loss).filter((l): l is number => l !== undefined && Number.isFinite(l));
  const tps = train.map((r) => r.tokens_per_s).filter((t): t is number => t !== undefined && Number.isFinite(t));
  const last = train.at(-1);
  return {
    steps: last?.step ?? 0,
    total_steps: totalSteps,
    loss: last?.loss,
    min_loss: finite.length ? Math.min(...finite) : undefined,
    eval_loss: evals.at(-1)?.eval_loss,
    tokens_per_s: tps.length ? round(tps.reduce((a, b) => a + b, 0) / tps.length, 1) : undefined,
    train_s: round(trainS, 3),
  };
}

function round(n: number, d: number): number {
  return Number(n.toFixed(d));
}

/** metrics.jsonl line (llmops.train-metrics/v1): numbers stay numbers; NaN/∞ become "nan"/"inf"/"-inf". */
export function renderMetricsLine(kind: "train" | "eval", record: MetricRecord, tMs: number): string {
  const line: Record<string, unknown> = { schema: TRAIN_METRICS_TAG, kind, t_ms: Math.round(tMs) };
  for (const [k, v] of Object.entries(record)) line[k] = typeof v === "number" && !Number.isFinite(v) ? (Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf") : v;
  return trainMetricsFormat.serialize(line as TrainMetricsLine);
}

export type MetricsLine = { kind: "train" | "eval"; record: MetricRecord; tMs?: number };

/**
 * Read metrics.jsonl through its format. The last line may be cut by a crash (dropped); any other
 * bad line is an error naming `file:line`.
 */
export function parseMetricsLines(text: string, file = "metrics.jsonl"): MetricsLine[] {
  const out: MetricsLine[] = [];
  const lines = text.split("\n");
  const last = lines.length - 1;
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let line: TrainMetricsLine;
    try {
      line = trainMetricsFormat.parse(raw, `${file}:${i + 1}`);
    } catch (err) {
      if (i === last) return; // no newline after it: a write cut short
      throw err;
    }
    const { schema: _tag, kind, t_ms, ...figures } = line;
    const record: Record<string, number> = {};
    for (const [k, v] of Object.entries(figures)) if (v !== undefined) record[k] = v === "nan" ? Number.NaN : v === "inf" ? Number.POSITIVE_INFINITY : v === "-inf" ? Number.NEGATIVE_INFINITY : v;
    out.push({ kind, record: record as unknown as MetricRecord, ...(t_ms !== undefined ? { tMs: t_ms } : {}) });
  });
  return out;
}
