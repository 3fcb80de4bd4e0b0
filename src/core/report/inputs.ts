// Parse what the report reads from disk — comparison.json and the runs' results.jsonl — treating
// both as untrusted (they may come from a fork's artifact): shapes checked, errors name the file.
import { DataInvalidError } from "../../errors.js";
import { COMPARISON_SCHEMA, type Comparison } from "../compare/types.js";
import { parseResultsLine, type ResultsRecord } from "../eval/results-line.js";
import type { ReportRecord } from "./model.js";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The comparison written by `llmops compare`. Checks the schema tag and the fields every renderer
 * relies on; the compare domain owns the full schema.
 */
export function parseComparison(text: string, file: string): Comparison {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new DataInvalidError(`${file}: not valid JSON (${(err as Error).message})`, { hint: "pass the comparison.json written by `llmops compare`" });
  }
  if (!isObject(v)) throw new DataInvalidError(`${file}: expected a JSON object`);
  if (v.schema !== COMPARISON_SCHEMA) {
    throw new DataInvalidError(`${file}: schema is ${JSON.stringify(v.schema)}, expected "${COMPARISON_SCHEMA}"`, { hint: "pass the comparison.json written by `llmops compare`" });
  }
  const problems: string[] = [];
  const need = (cond: boolean, what: string) => cond || problems.push(what);
  need(typeof v.confidence === "number" && v.confidence > 0 && v.confidence < 1, "confidence: a number in (0,1)");
  need(Array.isArray(v.metrics) && v.metrics.every((m) => isObject(m) && typeof m.name === "string" && isObject(m.baseline) && isObject(m.candidate)), "metrics: a list of metric comparisons");
  need(Array.isArray(v.flips) && v.flips.every((f) => isObject(f) && typeof f.case_id === "string" && typeof f.metric === "string" && (f.direction === "broke" || f.direction === "fixed")), "flips: a list of {case_id, metric, direction}");
  for (const side of ["baseline", "candidate"] as const) {
    const r = v[side];
    need(isObject(r) && typeof r.dir === "string" && isObject(r.counts) && Array.isArray(r.warnings), `${side}: a run reference with dir, counts and warnings`);
  }
  need(isObject(v.one_sided) && Array.isArray(v.one_sided.baseline_only) && Array.isArray(v.one_sided.candidate_only), "one_sided: {baseline_only, candidate_only}");
  need(isObject(v.operational) && isObject(v.operational.latency) && isObject(v.operational.tokens), "operational: latency and tokens");
  need(v.gate === null || (isObject(v.gate) && Array.isArray(v.gate.checks) && Array.isArray(v.gate.reasons)), "gate: null or a gate result with checks and reasons");
  need(isObject(v.provenance) && Array.isArray(v.provenance.methods), "provenance: with methods");
  if (problems.length) throw new DataInvalidError(`${file}: not a valid comparison — ${problems.join("; ")}`);
  return v as unknown as Comparison;
}

/** A validated results record (./eval/results-line.ts; it keeps the file's other fields) as the report reads it. */
export function reportRecordOf(r: ResultsRecord): ReportRecord {
  const scores: ReportRecord["scores"] = {};
  for (const [k, sc] of Object.entries(r.scores)) scores[k] = { value: sc.value, ...(sc.pass !== undefined ? { pass: sc.pass } : {}) };
  return {
    case_id: r.case_id,
    repeat: r.repeat,
    input: typeof r.input === "string" ? r.input : JSON.stringify(r.input ?? ""),
    expected: r.expected ?? null,
    output: typeof r.output === "string" ? r.output : null,
    scores,
    latency_ms: r.latency_ms,
    error: r.error ? { kind: r.error.kind, message: r.error.message } : null,
  };
}

/**
 * The records of a results.jsonl, last one per (case, repeat) kept, as the eval engine appends a
 * retried record after the one it supersedes. Lines that are not valid records (parseResultsLine) are
 * counted, not fatal: the report is best effort on details, the comparison carries the numbers.
 */
export function parseResultsJsonl(text: string): { records: ReportRecord[]; skipped: number } {
  const byKey = new Map<string, ReportRecord>();
  let skipped = 0;
  for (const line of text.split("\n")) {
    const parsed = parseResultsLine(line);
    if (parsed.kind === "blank") continue;
    if (parsed.kind !== "record") {
      skipped += 1;
      continue;
    }
    const rec = reportRecordOf(parsed.record);
    const key = JSON.stringify([rec.case_id, rec.repeat]);
    byKey.delete(key);
    byKey.set(key, rec);
  }
  return { records: [...byKey.values()], skipped };
}
