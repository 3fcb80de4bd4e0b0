#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  DigestIndex
} from "./chunk-ASVCXCIN.js";
import {
  DeadlinePhaseSchema,
  RetryCauseSchema
} from "./chunk-O5DCACFA.js";
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";

// src/core/contracts/summary.ts
var SUMMARY_TAG = "llmops.summary/v2";
var interval = external_exports.tuple([external_exports.number(), external_exports.number()]);
var budgetSchema = external_exports.object({ observed: external_exports.number().nullable(), budget: external_exports.number(), pass: external_exports.boolean().nullable() });
var metricV1 = {
  type: external_exports.string().describe("Scorer type, e.g. exact_match, bleu"),
  corpus: external_exports.boolean(),
  higher_is_better: external_exports.boolean(),
  mean: external_exports.number().nullable(),
  se: external_exports.number().nullable(),
  ci95: interval.nullable(),
  method: external_exports.enum(["wilson", "t", "t-clustered", "bootstrap", "none"]),
  n: external_exports.number().int(),
  n_cases: external_exports.number().int(),
  pass_rate: external_exports.number().nullable(),
  threshold: external_exports.number().nullable(),
  weight: external_exports.number(),
  signature: external_exports.string(),
  budgets: external_exports.record(external_exports.string(), budgetSchema).optional().describe("Run-level budgets (latency scorer): observed percentile vs budget, in ms")
};
var MetricSummarySchema = external_exports.object({
  ...metricV1,
  config: external_exports.record(external_exports.string(), external_exports.unknown()).nullable().describe("The scorer's full configuration as the run used it (suite entry with defaults filled); null when read from a v1 summary, which did not record it")
});
var ProvenanceSchema = external_exports.object({
  llmops_version: external_exports.string(),
  git: external_exports.object({ commit: external_exports.string().nullable(), dirty: external_exports.boolean().nullable() }),
  suite_hash: external_exports.string(),
  dataset_hash: external_exports.string(),
  prompt_hash: external_exports.string(),
  variant: external_exports.string().optional().describe("The suite variant evaluated (llmops eval --variant), when one was"),
  target: external_exports.object({
    provider: external_exports.string(),
    base_url: external_exports.string(),
    model: external_exports.string(),
    api: external_exports.string(),
    params: external_exports.record(external_exports.string(), external_exports.unknown()),
    model_hash: external_exports.string().optional().describe("The served weights' content hash (`sha256:<gguf>`, `+sha256:<adapter>` when one is loaded), when llmops knows them (a llama-cpp target); two runs with equal model, prompt, cases and parameters are 'unchanged'")
  }),
  scorers: external_exports.record(external_exports.string(), external_exports.string()).describe("Metric name \u2192 scorer signature"),
  seed: external_exports.number(),
  started_at: external_exports.string(),
  finished_at: external_exports.string(),
  node: external_exports.string()
});
var body = {
  suite: external_exports.object({ name: external_exports.string(), file: external_exports.string(), hash: external_exports.string() }),
  counts: external_exports.object({ cases: external_exports.number().int(), repeats: external_exports.number().int(), records: external_exports.number().int(), errors: external_exports.number().int() }),
  overall: external_exports.object({ weighted_mean: external_exports.number().nullable() }),
  latency: external_exports.object({
    unit: external_exports.literal("ms"),
    mean: external_exports.number().nullable(),
    p50: external_exports.number().nullable(),
    p95: external_exports.number().nullable(),
    p99: external_exports.number().nullable(),
    ttft_p50: external_exports.number().nullable(),
    ttft_p95: external_exports.number().nullable(),
    ttft_p99: external_exports.number().nullable(),
    percentiles: external_exports.object({ method: external_exports.literal("ddsketch"), relative_error: external_exports.number() }).optional().describe("Present when percentiles came from a sketch (more than 4,096 values): each is within relative_error of the exact one")
  }),
  tokens: external_exports.object({ prompt: external_exports.number(), completion: external_exports.number(), total: external_exports.number() }),
  cost: external_exports.object({ total: external_exports.number(), currency: external_exports.string() }).nullable(),
  errors: external_exports.array(external_exports.object({ kind: external_exports.string(), count: external_exports.number().int(), example: external_exports.string() })),
  requests: external_exports.object({
    attempts: external_exports.number().int(),
    retries: external_exports.record(RetryCauseSchema, external_exports.number().int()),
    abandoned: external_exports.record(DeadlinePhaseSchema, external_exports.number().int()),
    hedges: external_exports.object({ sent: external_exports.number().int(), won: external_exports.number().int(), extra_prompt_tokens: external_exports.number(), extra_completion_tokens: external_exports.number() }),
    deadlines_ms: external_exports.record(DeadlinePhaseSchema, external_exports.number()).and(external_exports.object({ adaptive: external_exports.boolean() })).optional()
  }).optional().describe("How noisy the run was: attempts, retries and abandoned requests by cause, hedges, and the deadlines in force"),
  provenance: ProvenanceSchema
};
var SummarySchema = external_exports.object({ schema: external_exports.literal(SUMMARY_TAG), ...body, metrics: external_exports.record(external_exports.string(), MetricSummarySchema) });
var SummaryV1Schema = external_exports.object({ schema: external_exports.literal("llmops.summary/v1"), ...body, metrics: external_exports.record(external_exports.string(), external_exports.object(metricV1)) });
var summaryFormat = defineFormat({
  kind: "summary",
  version: 2,
  schema: SummarySchema,
  title: "an eval run's summary.json",
  file: "<run>/summary.json",
  writer: "llmops eval, actions/evaluate (app/eval/run-suite.ts)",
  readers: "llmops compare and gate, actions/compare",
  hint: "pass the directory `llmops eval --out` wrote (results.jsonl and summary.json)",
  previous: [
    {
      version: 1,
      schema: SummaryV1Schema,
      upgrade: (v1) => ({
        ...v1,
        schema: SUMMARY_TAG,
        metrics: Object.fromEntries(Object.entries(v1.metrics).map(([k, m]) => [k, { ...m, config: null }]))
      })
    }
  ]
});

// src/core/eval/new-cases.ts
var NEW_CASES_DIR = "new-cases";
async function newCaseSetOf(yardstick, candidate) {
  async function* stream() {
    for await (const c of candidate.stream()) if (yardstick.ids.get(c.id) < 0) yield c;
  }
  const ids = new DigestIndex();
  let count = 0;
  for await (const c of stream()) ids.setIfAbsent(c.id, count++);
  return { stream, count, ids };
}

export {
  SUMMARY_TAG,
  summaryFormat,
  NEW_CASES_DIR,
  newCaseSetOf
};
