// An eval run's summary.json: per metric the mean, interval and the scorer's full configuration
// (v2; the comparison rebuilds corpus aggregates from it), latency, tokens, cost, provenance; v3
// adds `judges`: what judge and embedding scorers asked, their errors, position bias, calibration.
import { z } from "zod";
import { defineFormat } from "./format.js";
import { DeadlinePhaseSchema, RetryCauseSchema } from "./result-line.js";

export const SUMMARY_TAG = "llmops.summary/v3";

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

const count = z.number().int().nonnegative();

export const JudgeSummarySchema = z.object({
  type: z.string().describe("judge_rubric, judge_pairwise or embedding_similarity"),
  target: z.object({ base_url: z.string(), model: z.string() }),
  prompt: z.object({ source: z.string(), sha256: z.string() }).nullable().describe("The judge prompt's file (builtin:… for a built-in template) and content hash; null for embeddings"),
  samples: count.describe("Outputs sent to the judge (or embedded)"),
  errors: z.object({ parse: count, request: count }).describe("Samples with no verdict: the answer did not parse, or the request failed after retries"),
  error_example: z.object({ message: z.string(), raw: z.string().nullable() }).nullable().describe("The first failure, with the judge's raw answer (untrusted text)"),
  distribution: z.record(z.string(), count).describe("How often each verdict was given"),
  usage: z.object({
    requests: count,
    cached: count,
    retries: count,
    prompt_tokens: z.number(),
    completion_tokens: z.number(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
  }),
  position_bias: z
    .object({
      pairs: count,
      wins: count,
      losses: count,
      ties: count,
      inconsistent: count.describe("Pairs whose verdict changed when the answers swapped places"),
      flip_rate: z.number().nullable().describe("inconsistent / pairs"),
      decisive_verdicts: count,
      first_position_wins: count,
      first_position_win_rate: z.number().nullable().describe("Share of single-order verdicts (ties excluded) that chose the answer shown first; 0.5 = no position bias"),
      first_position_ci95: interval.nullable().describe("Wilson interval of first_position_win_rate"),
    })
    .optional()
    .describe("Pairwise judges: each pair judged in both orders"),
  calibration: z
    .object({
      labels_file: z.string(),
      labels_sha256: z.string(),
      n: count.describe("Cases with both a human label and a judge verdict"),
      statistic: z.literal("cohen_kappa"),
      weights: z.enum(["none", "quadratic"]),
      kappa: z.number().nullable(),
      ci95: interval.nullable(),
      interval_method: z.literal("bootstrap-percentile"),
      resamples: count,
      observed_agreement: z.number().nullable(),
      min_kappa: z.number(),
      below_min: z.boolean().nullable().describe("kappa < min_kappa; null when kappa is undefined"),
      unmatched_labels: count.describe("Labels for cases this run did not judge"),
    })
    .optional(),
});
export type JudgeSummary = z.infer<typeof JudgeSummarySchema>;

export const SummarySchema = z.object({
  schema: z.literal(SUMMARY_TAG),
  ...body,
  metrics: z.record(z.string(), MetricSummarySchema),
  judges: z.record(z.string(), JudgeSummarySchema).optional().describe("Judge and embedding scorers, by metric name"),
});
const SummaryV2Schema = z.object({ schema: z.literal("llmops.summary/v2"), ...body, metrics: z.record(z.string(), MetricSummarySchema) });
const SummaryV1Schema = z.object({ schema: z.literal("llmops.summary/v1"), ...body, metrics: z.record(z.string(), z.object(metricV1)) });

export type RunSummary = z.infer<typeof SummarySchema>;
export type MetricSummary = z.infer<typeof MetricSummarySchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type RequestsSummary = NonNullable<RunSummary["requests"]>;

export const summaryFormat = defineFormat({
  kind: "summary",
  version: 3,
  schema: SummarySchema,
  title: "an eval run's summary.json",
  file: "<run>/summary.json",
  writer: "llmops eval, actions/evaluate (app/eval/run-suite.ts)",
  readers: "llmops compare and gate, actions/compare",
  hint: "pass the directory `llmops eval --out` wrote (results.jsonl and summary.json)",
  previous: [
    { version: 2, schema: SummaryV2Schema, upgrade: (v2: z.infer<typeof SummaryV2Schema>): RunSummary => ({ ...v2, schema: SUMMARY_TAG }) },
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
