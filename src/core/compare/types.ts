// The Comparison model: what `llmops compare` writes to comparison.json and what every renderer
// (PR comment, job summary, HTML report) reads. Two eval runs paired by case id; per-metric rows
// with paired intervals and tests; flips; one-sided cases; latency/token/cost deltas; the gate
// verdict; the provenance of both runs. Stable contract: additive changes only.
import type { GateResult } from "../gate/types.js";
import type { Unchanged } from "./unchanged.js";

export const COMPARISON_SCHEMA = "llmops.comparison/v1" as const;

/** How a metric's per-record values are treated. */
export type MetricKind =
  /** Every value is 0 or 1 (pass/fail, exact match): Tango score interval, McNemar asymptotic (score) test, flips. */
  | "binary"
  /** Values in [0,1] (or any real): paired t on case means. */
  | "continuous"
  /** Corpus metric (BLEU, chrF): score = aggregate(sum of per-case stats); paired bootstrap. */
  | "corpus";

/** The hypothesis test behind a p-value (H0: no difference between the runs). */
export type TestMethod =
  | "mcnemar-asymptotic" // score test z = (fixed − broke)/√(fixed + broke): Tango's statistic at Δ = 0 (binary, one repeat)
  | "mcnemar-exact" // exact binomial test on broke vs fixed (comparisons written by earlier versions)
  | "paired-t" // Student t on per-case differences (one repeat)
  | "paired-t-clustered" // t on per-case differences of repeat-averages (K repeats)
  | "bootstrap" // paired bootstrap (corpus metrics): two-sided p from the resampled Δ distribution
  | "none"; // fewer than 2 pairs, or no variation at all

/** How the interval for Δ was computed. */
export type IntervalMethod =
  | "tango-score" // Tango (1998): the Δ₀ the score test does not reject (inverts the reported test)
  | "newcombe" // Newcombe (1998) method 10 (comparisons written by earlier versions)
  | "t" // Student t on per-case differences
  | "t-clustered" // Student t on per-case differences of repeat-averages
  | "bootstrap-percentile" // paired bootstrap, percentile interval
  | "bootstrap-bca" // paired bootstrap, bias-corrected and accelerated (Efron 1987)
  | "none";

/** Mean of one side and its interval (computed on that side's paired cases). */
export interface SideStats {
  mean: number | null;
  /** Interval of the side's own mean at the comparison's confidence (Wilson for binary, t otherwise, bootstrap for corpus). */
  ci: [number, number] | null;
  /** Records (case × repeat) that contributed a value. */
  n_records: number;
  /** Records whose value was null (scorer could not say) — excluded, not counted as 0. */
  n_null: number;
  /** Records that errored (timeout, HTTP…): scored 0 (a failure to answer is a wrong answer). */
  n_errors: number;
}

/** One metric, baseline vs candidate, over the paired cases. */
export interface MetricComparison {
  name: string;
  /** Scorer type from summary.json (e.g. "exact_match", "bleu"), when known. */
  type: string | null;
  kind: MetricKind;
  higher_is_better: boolean;
  /** Whether the gate policy decides on this metric. */
  gated: boolean;
  /** Paired cases (after averaging repeats within a case) used for Δ. */
  n: number;
  /** Repeats per case observed on each side (max over paired cases). */
  repeats: { baseline: number; candidate: number };
  baseline: SideStats;
  candidate: SideStats;
  /** candidate − baseline (raw units, regardless of direction). */
  delta: number | null;
  /** Relative Δ (delta / baseline mean) when the baseline mean is > 0. */
  delta_relative: number | null;
  /** Interval for Δ at `confidence`. */
  ci: [number, number] | null;
  interval_method: IntervalMethod;
  test: TestMethod;
  p_value: number | null;
  /** Holm-adjusted p across the gated metrics (null for ungated ones); when nothing is gated, across all metrics with a p-value. */
  p_holm: number | null;
  /**
   * Δ's interval at Holm's step level for this metric (confidence `ci_holm_confidence` = 1 − α/k),
   * by the same method as `ci`: it excludes 0 exactly when `p_holm` < α. Agrees with Holm's
   * decisions; not a simultaneous interval. Null where `p_holm` is null; absent in files written
   * by earlier versions.
   */
  ci_holm?: [number, number] | null;
  ci_holm_confidence?: number | null;
  /** SD of the per-case paired differences (after averaging repeats); null for corpus metrics. */
  sd_diff: number | null;
  /** Within-case (between-repeat) SD of differences, when repeats > 1; used for repeat advice. */
  sd_within: number | null;
  /** Smallest |Δ| detectable at this n with 80% power, two-sided α = 1 − confidence. */
  mde: number | null;
  /** Binary metrics: cases pass→fail (broke) and fail→pass (fixed), by majority of repeats. */
  broke: number | null;
  fixed: number | null;
  /** Why a number is missing or approximate (e.g. "corpus aggregate unknown for type x; used mean of values"). */
  notes: string[];
}

/** A case whose pass/fail changed on a metric. */
export interface Flip {
  case_id: string;
  metric: string;
  direction: "broke" | "fixed";
  /** Case-level score on each side (mean over repeats). */
  baseline: number;
  candidate: number;
}

/** Cases present on one side only: listed, excluded from pairing. */
export interface OneSided {
  baseline_only: string[];
  candidate_only: string[];
}

/** Distribution of a per-record figure on one side. */
export interface Distribution {
  n: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
}

export interface OperationalDeltas {
  /** Latency (ms) over paired records' non-null latencies. */
  latency: {
    baseline: Distribution;
    candidate: Distribution;
    delta_p50: number | null;
    delta_p95: number | null;
    /** Bootstrap interval of the candidate's p95 (for the latency budget). */
    candidate_p95_ci: [number, number] | null;
    /** Bootstrap interval of Δp95 (candidate − baseline). */
    delta_p95_ci: [number, number] | null;
  };
  /** Token sums over paired records, and per-case means. */
  tokens: {
    baseline: { prompt: number; completion: number; total: number; per_case: number | null };
    candidate: { prompt: number; completion: number; total: number; per_case: number | null };
    delta_total: number;
    delta_per_case: number | null;
  };
  /** Cost over paired records; null when neither run has costs. */
  cost: {
    currency: string | null;
    baseline: { total: number; per_case: number | null; n: number };
    candidate: { total: number; per_case: number | null; n: number };
    delta_total: number;
    delta_per_case: number | null;
    /** t interval of the candidate's mean cost per case and of the paired Δ per case. */
    candidate_per_case_ci: [number, number] | null;
    delta_per_case_ci: [number, number] | null;
    /** Total cost of the candidate's whole run (all records, paired or not). */
    candidate_run_total: number;
  } | null;
}

/** What produced one side of the comparison. */
export interface RunRef {
  /** The directory as given on the command line. */
  dir: string;
  /** sha256 of results.jsonl as read. */
  results_sha256: string;
  /** false when summary.json was missing (then suite/provenance are null and metric types are guessed). */
  summary_present: boolean;
  suite: { name: string; file: string; hash: string } | null;
  /** summary.json's `provenance` object, as recorded by the eval run (opaque here). */
  provenance: Record<string, unknown> | null;
  /** Distinct cases, records kept (last per case × repeat), lines superseded, max repeats, errored records. */
  counts: { cases: number; records: number; superseded: number; repeats: number; errors: number };
  /** Problems met while reading (partial trailing line, superseded records, missing summary). */
  warnings: string[];
}

export interface Comparison {
  schema: typeof COMPARISON_SCHEMA;
  /** Two-sided confidence level of every interval (from the policy, default 0.95). */
  confidence: number;
  /** Bootstrap settings, so that the same inputs give the same numbers. */
  bootstrap: { resamples: number; seed: number };
  baseline: RunRef;
  candidate: RunRef;
  /** Cases paired (present on both sides with at least one record). */
  paired_cases: number;
  one_sided: OneSided;
  metrics: MetricComparison[];
  /** All flips, metric by metric, broke before fixed, then by case id. */
  flips: Flip[];
  operational: OperationalDeltas;
  /** Set when the thing under test did not change (same requests and outputs, or same model and
   * prompt hashes): the gate then passes "unchanged" without a test. Absent in older files. */
  unchanged?: Unchanged | null;
  /** The gate's verdict; null when compare ran without gating (no policy rules at all). */
  gate: GateResult | null;
  /** Whether this comparison ran with a policy (file, suite gate: key) or defaults. */
  provenance: {
    llmops_version: string;
    created_at: string;
    policy_source: string;
    /** Methods, in a sentence each, for readers of the report. */
    methods: string[];
  };
}
