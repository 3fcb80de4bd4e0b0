// An eval run's summary.json: per metric the mean, interval and the scorer's full configuration
// (v2; the comparison rebuilds corpus aggregates from it), latency, tokens, cost, provenance.
import { z } from "zod";
import { defineFormat } from "./format.js";
import { DeadlinePhaseSchema, RetryCauseSchema } from "./result-line.js";

export const SUMMARY_TAG = "llmops.summary/v2";

const interval = z.tuple([z.number(), z.number()]);

const budgetSchema = z.object({ observed: z.number().nullable(), budget: z.number(), pass: z.boolean().nullable() });

const metricV1 = {
  type: z.string().describe("Scorer type, e.g. exact_match, bleu"),
  corpus: z.boolean(),
  higher_is_better: z.boolean(),
  mean: z.number().nullable(),
  se: z.number().nullable(),
  ci95: interval.nullable(),
  method: z.enum(["wilson", "t", "t-clustered", "bootstrap", "none"]),
  n: z.number().int(),
  n_cases: z.number().int(),
  pass_rate: z.number().nullable(),
  threshold: z.number().nullable(),
  weight: z.number(),
  signature: z.string(),
  budgets: z.record(z.string(), budgetSchema).optional().describe("Run-level budgets (latency scorer): observed percentile vs budget, in ms"),
};

export const MetricSummarySchema = z.object({
  ...metricV1,
  config: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("The scorer's full configuration as the run used it (suite entry with defaults filled); null when read from a v1 summary, which did not record it"),
});

export const ProvenanceSchema = z.object({
  llmops_version: z.string(),
  git: z.object({ commit: z.string().nullable(), dirty: z.boolean().nullable() }),
  suite_hash: z.string(),
  dataset_hash: z.string(),
  prompt_hash: z.string(),
  variant: z.string().optional().describe("The suite variant evaluated (llmops eval --variant), when one was"),
  target: z.object({
    provider: z.string(),
    base_url: z.string(),
    model: z.string(),
    api: z.string(),
    params: z.record(z.string(), z.unknown()),
    model_hash: z
      .string()
      .optional()
      .describe("The served weights' content hash (`sha256:<gguf>`, `+sha256:<adapter>` when one is loaded), when llmops knows them (a llama-cpp target); two runs with equal model, prompt, cases and parameters are 'unchanged'"),
  }),
  scorers: z.record(z.string(), z.string()).describe("Metric name → scorer signature"),
  seed: z.number(),
  started_at: z.string(),
  finished_at: z.string(),
  node: z.string(),
});

const body = {
  suite: z.object({ name: z.string(), file: z.string(), hash: z.string() }),
  counts: z.object({ cases: z.number().int(), repeats: z.number().int(), records: z.number().int(), errors: z.number().int() }),
  overall: z.object({ weighted_mean: z.number().nullable() }),
  latency: z.object({
    unit: z.literal("ms"),
    mean: z.number().nullable(),
    p50: z.number().nullable(),
    p95: z.number().nullable(),
    p99: z.number().nullable(),
    ttft_p50: z.number().nullable(),
    ttft_p95: z.number().nullable(),
    ttft_p99: z.number().nullable(),
    percentiles: z
      .object({ method: z.literal("ddsketch"), relative_error: z.number() })
      .optional()
      .describe("Present when percentiles came from a sketch (more than 4,096 values): each is within relative_error of the exact one"),
  }),
  tokens: z.object({ prompt: z.number(), completion: z.number(), total: z.number() }),
  cost: z.object({ total: z.number(), currency: z.string() }).nullable(),
  errors: z.array(z.object({ kind: z.string(), count: z.number().int(), example: z.string() })),
  requests: z
    .object({
      attempts: z.number().int(),
      retries: z.record(RetryCauseSchema, z.number().int()),
      abandoned: z.record(DeadlinePhaseSchema, z.number().int()),
      hedges: z.object({ sent: z.number().int(), won: z.number().int(), extra_prompt_tokens: z.number(), extra_completion_tokens: z.number() }),
      deadlines_ms: z.record(DeadlinePhaseSchema, z.number()).and(z.object({ adaptive: z.boolean() })).optional(),
    })
    .optional()
    .describe("How noisy the run was: attempts, retries and abandoned requests by cause, hedges, and the deadlines in force"),
  provenance: ProvenanceSchema,
};

export const SummarySchema = z.object({ schema: z.literal(SUMMARY_TAG), ...body, metrics: z.record(z.string(), MetricSummarySchema) });
const SummaryV1Schema = z.object({ schema: z.literal("llmops.summary/v1"), ...body, metrics: z.record(z.string(), z.object(metricV1)) });

export type RunSummary = z.infer<typeof SummarySchema>;
export type MetricSummary = z.infer<typeof MetricSummarySchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type RequestsSummary = NonNullable<RunSummary["requests"]>;

export const summaryFormat = defineFormat({
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
      upgrade: (v1: z.infer<typeof SummaryV1Schema>): RunSummary => ({
        ...v1,
        schema: SUMMARY_TAG,
        metrics: Object.fromEntries(Object.entries(v1.metrics).map(([k, m]) => [k, { ...m, config: null }])),
      }),
    },
  ],
});
