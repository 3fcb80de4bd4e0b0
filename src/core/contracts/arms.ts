// The k-arm comparison (`llmops compare --control DIR --arm NAME=DIR …` → arms.json): a control
// and variants (prompts, targets) evaluated on the same cases, every pair of arms compared per
// metric with the paired methods of comparison.json, Holm across all pairs and metrics, and per
// metric a winner only when its Holm interval excludes the control and every rival. Read and
// written through armsFormat (added-formats.ts).
import { z } from "zod";

export const ARMS_SCHEMA = "llmops.arms/v1" as const;

const interval = z.tuple([z.number(), z.number()]);

/** One arm: its run directory and what produced it. */
export const ArmSchema = z.strictObject({
  name: z.string().min(1),
  control: z.boolean(),
  dir: z.string(),
  results_sha256: z.string(),
  /** summary.json's provenance object (commits, prompt/suite hashes, target), opaque here. */
  provenance: z.record(z.string(), z.unknown()).nullable(),
  /** Cases and records the run holds (all of them, shared or not). */
  counts: z.strictObject({ cases: z.number().int().nonnegative(), records: z.number().int().nonnegative() }),
});

/** One pair of arms on one metric: Δ = `arm` − `versus`, by the metric kind's paired method. */
export const ArmPairSchema = z.strictObject({
  metric: z.string(),
  arm: z.string(),
  versus: z.string(),
  n: z.number().int().nonnegative(),
  delta: z.number().nullable(),
  /** Interval and p of one test (p < α exactly when the interval excludes 0). */
  ci: interval.nullable(),
  p_value: z.number().nullable(),
  interval_method: z.string(),
  test: z.string(),
  /** Holm across every pair and metric, with the interval at Holm's step level (agrees with p_holm). */
  p_holm: z.number().nullable(),
  ci_holm: interval.nullable(),
  ci_holm_confidence: z.number().nullable(),
  sd_diff: z.number().nullable(),
  /** Paired cases at which this pair's Δ would likely be separated from 0 at its Holm level (80% power); null when already separated or Δ = 0. */
  cases_to_separate: z.number().int().positive().nullable(),
});

export const ArmMetricSchema = z.strictObject({
  name: z.string(),
  kind: z.string(),
  higher_is_better: z.boolean(),
  /** Each arm's mean over the shared cases, in arm order. */
  means: z.array(z.number().nullable()),
  /** The arm shown better than the control and every rival by its Holm intervals, or null. */
  winner: z.string().nullable(),
  /** When there is no winner: the arms that cannot be told apart from the best-looking one. */
  indistinguishable: z.array(z.string()),
  /** A sentence for the report. */
  verdict: z.string(),
});

/** A case where the arms disagree: each arm's case-level value on the primary metric. */
export const ArmDisagreementSchema = z.strictObject({
  case_id: z.string(),
  metric: z.string(),
  values: z.array(z.number()),
  spread: z.number(),
});

export const ArmsComparisonSchema = z.strictObject({
  schema: z.literal(ARMS_SCHEMA),
  confidence: z.number().gt(0).lt(1),
  bootstrap: z.strictObject({ resamples: z.number().int().positive(), seed: z.number().int().nonnegative() }),
  arms: z.array(ArmSchema).min(2),
  /** Cases present in every arm: the only ones compared. */
  shared_cases: z.number().int().nonnegative(),
  /** Cases missing from some arm, per arm (left out of every statistic). */
  not_shared: z.record(z.string(), z.array(z.string())),
  metrics: z.array(ArmMetricSchema),
  pairs: z.array(ArmPairSchema),
  /** Size of Holm's family: pairs × metrics with a p-value. */
  holm_family: z.number().int().nonnegative(),
  disagreements: z.array(ArmDisagreementSchema),
  provenance: z.strictObject({ llmops_version: z.string(), created_at: z.string(), methods: z.array(z.string()) }),
});

export type Arm = z.infer<typeof ArmSchema>;
export type ArmPair = z.infer<typeof ArmPairSchema>;
export type ArmMetric = z.infer<typeof ArmMetricSchema>;
export type ArmDisagreement = z.infer<typeof ArmDisagreementSchema>;
export type ArmsComparison = z.infer<typeof ArmsComparisonSchema>;
