// Valid documents of llmops's formats (core/contracts/) for tests that care about a few fields:
// everything else gets a plausible default, so each test states only what it is about.
import { RESULT_LINE_TAG, type EvalRecord } from "../../src/core/contracts/result-line.js";
import { SUMMARY_TAG, type MetricSummary, type Provenance, type RunSummary } from "../../src/core/contracts/summary.js";

export function evalRecord(fields: Partial<EvalRecord> & Pick<EvalRecord, "case_id">): EvalRecord {
  return {
    schema: RESULT_LINE_TAG,
    repeat: 0,
    key: "k".repeat(64),
    input_hash: "h".repeat(64),
    input: `user: question ${fields.case_id}`,
    vars: {},
    expected: "x",
    output: "x",
    scores: {},
    latency_ms: null,
    ttft_ms: null,
    prompt_tokens: null,
    completion_tokens: null,
    cost: null,
    finish_reason: "stop",
    error: null,
    attempts: 1,
    cached: false,
    ...fields,
  };
}

export const provenance: Provenance = {
  llmops_version: "0.1.0",
  git: { commit: "c".repeat(40), dirty: false },
  suite_hash: "a".repeat(64),
  dataset_hash: "b".repeat(64),
  prompt_hash: "d".repeat(64),
  target: { provider: "openai-compatible", base_url: "http://127.0.0.1:1/v1", model: "tiny", api: "chat", params: {} },
  scorers: {},
  seed: 1,
  started_at: "2026-01-01T00:00:00.000Z",
  finished_at: "2026-01-01T00:00:01.000Z",
  node: "v20",
};

export function metricSummary(m: Partial<MetricSummary> & Pick<MetricSummary, "type">): MetricSummary {
  return {
    corpus: false,
    higher_is_better: true,
    mean: null,
    se: null,
    ci95: null,
    method: "none",
    n: 0,
    n_cases: 0,
    pass_rate: null,
    threshold: null,
    weight: 1,
    signature: m.type,
    config: { type: m.type },
    ...m,
  };
}

/** A summary whose metrics are given by type (and whatever else the test cares about). */
export function runSummary(metrics: Record<string, Partial<MetricSummary> & Pick<MetricSummary, "type">> = {}, over: Partial<RunSummary> = {}): RunSummary {
  return {
    schema: SUMMARY_TAG,
    suite: { name: "qa", file: "evals/qa.yaml", hash: "a".repeat(64) },
    counts: { cases: 0, repeats: 1, records: 0, errors: 0 },
    metrics: Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, metricSummary(m)])),
    overall: { weighted_mean: null },
    latency: { unit: "ms", mean: null, p50: null, p95: null, p99: null, ttft_p50: null, ttft_p95: null, ttft_p99: null },
    tokens: { prompt: 0, completion: 0, total: 0 },
    cost: null,
    errors: [],
    provenance,
    ...over,
  };
}
