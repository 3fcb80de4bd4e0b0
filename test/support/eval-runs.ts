// Writes eval run directories (results.jsonl + summary.json) in the format the eval engine produces,
// from compact per-case descriptions, for compare/gate tests.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface FakeCase {
  id: string;
  /** One entry per repeat: metric name → value (and pass for 0/1 metrics). */
  repeats: Record<string, number | null>[];
  latency?: number;
  cost?: number | null;
  error?: boolean;
}

export function writeRun(dir: string, cases: FakeCase[], opts: { summary?: boolean; trailing?: string; metrics?: Record<string, { type: string; higher_is_better?: boolean }> } = {}): void {
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  for (const c of cases) {
    c.repeats.forEach((scores, repeat) => {
      lines.push(
        JSON.stringify({
          case_id: c.id,
          repeat,
          key: "k".repeat(64),
          input_hash: "h".repeat(64),
          input: `user: question ${c.id}`,
          vars: {},
          expected: "x",
          output: c.error ? null : "x",
          scores: c.error
            ? {}
            : Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v === 0 || v === 1 ? { value: v, pass: v === 1 } : { value: v }])),
          latency_ms: c.latency ?? 100,
          ttft_ms: null,
          prompt_tokens: 20,
          completion_tokens: 5,
          cost: c.cost ?? null,
          finish_reason: "stop",
          error: c.error ? { kind: "timeout", message: "timed out" } : null,
          attempts: 1,
          cached: false,
        }),
      );
    });
  }
  writeFileSync(join(dir, "results.jsonl"), `${lines.join("\n")}\n${opts.trailing ?? ""}`);
  if (opts.summary === false) return;
  const metrics = opts.metrics ?? {};
  writeFileSync(
    join(dir, "summary.json"),
    JSON.stringify({
      schema: "llmops.summary/v1",
      suite: { name: "qa", file: "evals/qa.yaml", hash: "a".repeat(64) },
      metrics: Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, { type: m.type, corpus: false, higher_is_better: m.higher_is_better ?? true }])),
      cost: null,
      provenance: { llmops_version: "0.1.0", git: { commit: "c".repeat(40), dirty: false } },
    }),
  );
}
