#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-O535G6Z6.js";

// src/core/contracts/arms.ts
var ARMS_SCHEMA = "llmops.arms/v1";
var interval = external_exports.tuple([external_exports.number(), external_exports.number()]);
var ArmSchema = external_exports.strictObject({
  name: external_exports.string().min(1),
  control: external_exports.boolean(),
  dir: external_exports.string(),
  results_sha256: external_exports.string(),
  /** summary.json's provenance object (commits, prompt/suite hashes, target), opaque here. */
  provenance: external_exports.record(external_exports.string(), external_exports.unknown()).nullable(),
  /** Cases and records the run holds (all of them, shared or not). */
  counts: external_exports.strictObject({ cases: external_exports.number().int().nonnegative(), records: external_exports.number().int().nonnegative() })
});
var ArmPairSchema = external_exports.strictObject({
  metric: external_exports.string(),
  arm: external_exports.string(),
  versus: external_exports.string(),
  n: external_exports.number().int().nonnegative(),
  delta: external_exports.number().nullable(),
  /** Interval and p of one test (p < α exactly when the interval excludes 0). */
  ci: interval.nullable(),
  p_value: external_exports.number().nullable(),
  interval_method: external_exports.string(),
  test: external_exports.string(),
  /** Holm across every pair and metric, with the interval at Holm's step level (agrees with p_holm). */
  p_holm: external_exports.number().nullable(),
  ci_holm: interval.nullable(),
  ci_holm_confidence: external_exports.number().nullable(),
  sd_diff: external_exports.number().nullable(),
  /** Paired cases at which this pair's Δ would likely be separated from 0 at its Holm level (80% power); null when already separated or Δ = 0. */
  cases_to_separate: external_exports.number().int().positive().nullable()
});
var ArmMetricSchema = external_exports.strictObject({
  name: external_exports.string(),
  kind: external_exports.string(),
  higher_is_better: external_exports.boolean(),
  /** Each arm's mean over the shared cases, in arm order. */
  means: external_exports.array(external_exports.number().nullable()),
  /** The arm shown better than the control and every rival by its Holm intervals, or null. */
  winner: external_exports.string().nullable(),
  /** When there is no winner: the arms that cannot be told apart from the best-looking one. */
  indistinguishable: external_exports.array(external_exports.string()),
  /** A sentence for the report. */
  verdict: external_exports.string()
});
var ArmDisagreementSchema = external_exports.strictObject({
  case_id: external_exports.string(),
  metric: external_exports.string(),
  values: external_exports.array(external_exports.number()),
  spread: external_exports.number()
});
var ArmsComparisonSchema = external_exports.strictObject({
  schema: external_exports.literal(ARMS_SCHEMA),
  confidence: external_exports.number().gt(0).lt(1),
  bootstrap: external_exports.strictObject({ resamples: external_exports.number().int().positive(), seed: external_exports.number().int().nonnegative() }),
  arms: external_exports.array(ArmSchema).min(2),
  /** Cases present in every arm: the only ones compared. */
  shared_cases: external_exports.number().int().nonnegative(),
  /** Cases missing from some arm, per arm (left out of every statistic). */
  not_shared: external_exports.record(external_exports.string(), external_exports.array(external_exports.string())),
  metrics: external_exports.array(ArmMetricSchema),
  pairs: external_exports.array(ArmPairSchema),
  /** Size of Holm's family: pairs × metrics with a p-value. */
  holm_family: external_exports.number().int().nonnegative(),
  disagreements: external_exports.array(ArmDisagreementSchema),
  provenance: external_exports.strictObject({ llmops_version: external_exports.string(), created_at: external_exports.string(), methods: external_exports.array(external_exports.string()) })
});

export {
  ARMS_SCHEMA,
  ArmsComparisonSchema
};
