// run.json's final metrics (its schema is core/contracts/train-run.ts) and metrics.jsonl lines.
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

/** metrics.jsonl line: numbers stay numbers; NaN/∞ become the strings "nan"/"inf"/"-inf" (JSON has none). */
export function renderMetricsLine(kind: "train" | "eval", record: MetricRecord, tMs: number): string {
  const o: Record<string, unknown> = { kind, t_ms: Math.round(tMs) };
  for (const [k, v] of Object.entries(record)) {
    o[k] = typeof v === "number" && !Number.isFinite(v) ? (Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf") : v;
  }
  return `${JSON.stringify(o)}\n`;
}

export function parseMetricsLines(text: string): { kind: "train" | "eval"; record: MetricRecord; tMs?: number }[] {
  const out: { kind: "train" | "eval"; record: MetricRecord; tMs?: number }[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as Record<string, unknown>;
      if ((o.kind !== "train" && o.kind !== "eval") || typeof o.step !== "number") continue;
      const rec: Record<string, number> = {};
      for (const [k, v] of Object.entries(o)) {
        if (k === "kind" || k === "t_ms") continue;
        if (typeof v === "number") rec[k] = v;
        else if (v === "nan") rec[k] = Number.NaN;
        else if (v === "inf") rec[k] = Number.POSITIVE_INFINITY;
        else if (v === "-inf") rec[k] = Number.NEGATIVE_INFINITY;
      }
      out.push({ kind: o.kind, record: rec as unknown as MetricRecord, ...(typeof o.t_ms === "number" ? { tMs: o.t_ms } : {}) });
    } catch {
      // a line cut by a crash; skip it
    }
  }
  return out;
}
