// Writes eval run directories (results.jsonl + summary.json) in the format the eval engine produces,
// from compact per-case descriptions, for compare/gate tests.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeResultLine } from "../../src/core/contracts/result-line.js";
import { summaryFormat } from "../../src/core/contracts/summary.js";
import { evalRecord, runSummary } from "./contract-docs.js";

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
        writeResultLine(
          evalRecord({
            case_id: c.id,
            repeat,
            output: c.error ? null : "x",
            scores: c.error
              ? {}
              : Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v === 0 || v === 1 ? { value: v, pass: v === 1 } : { value: v }])),
            latency_ms: c.latency ?? 100,
            prompt_tokens: 20,
            completion_tokens: 5,
            cost: c.cost ?? null,
            error: c.error ? { kind: "timeout", message: "timed out" } : null,
          }),
        ).trimEnd(),
      );
    });
  }
  writeFileSync(join(dir, "results.jsonl"), `${lines.join("\n")}\n${opts.trailing ?? ""}`);
  if (opts.summary === false) return;
  const metrics = opts.metrics ?? {};
  writeFileSync(join(dir, "summary.json"), summaryFormat.serialize(runSummary(Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, { type: m.type, higher_is_better: m.higher_is_better ?? true }])))));
}
