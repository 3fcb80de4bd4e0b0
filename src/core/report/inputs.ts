// Parse what the report reads from disk — comparison.json and the runs' results.jsonl — treating
// both as untrusted (they may come from a fork's artifact): shapes checked, errors name the file.
import { comparisonFormat, type Comparison } from "../contracts/comparison.js";
import { collectResults, type EvalRecord } from "../contracts/result-line.js";
import type { ReportRecord } from "./model.js";

/** comparison.json as `llmops compare` writes it, by the format's one reader (core/contracts/). */
export function parseComparison(text: string, file: string): Comparison {
  return comparisonFormat.parse(text, file);
}

/** A results record as the report reads it. */
export function reportRecordOf(r: EvalRecord): ReportRecord {
  const scores: ReportRecord["scores"] = {};
  for (const [k, sc] of Object.entries(r.scores)) scores[k] = { value: sc.value, ...(sc.pass !== undefined ? { pass: sc.pass } : {}) };
  return {
    case_id: r.case_id,
    repeat: r.repeat,
    input: r.input,
    expected: r.expected ?? null,
    output: r.output,
    scores,
    latency_ms: r.latency_ms,
    error: r.error ? { kind: r.error.kind, message: r.error.message } : null,
  };
}

/** The records of a results.jsonl (last per case × repeat), by the format's one reader. */
export function parseResultsJsonl(text: string, file: string): { records: ReportRecord[]; warnings: string[] } {
  const { records, warnings } = collectResults(text, file);
  return { records: records.map(reportRecordOf), warnings };
}
