// Gate policy and verdict types. A policy says, per metric, what a candidate must show against a
// baseline; the verdict is decided from confidence bounds (never point estimates) and carries the
// numbers behind each check. Stable contract for renderers: additive changes only.

/** The outcome of one check and of the whole gate. */
export type Verdict = "pass" | "fail" | "inconclusive";

/** What an INCONCLUSIVE overall verdict does to the exit code / check run. */
export type InconclusivePolicy = "fail" | "pass" | "neutral";

/**
 * A margin as written in the policy: an absolute amount in the metric's units (0.02 = two points
 * of a [0,1] score) or a percentage string ("5%") relative to the baseline mean (used only when the
 * baseline mean is > 0; otherwise the check is reported as not applicable).
 */
export type MarginSpec = number | `${number}%`;

/** A margin resolved against the baseline: always absolute, in metric units, ≥ 0. */
export interface ResolvedMargin {
  spec: MarginSpec;
  /** Absolute amount in metric units. */
  absolute: number;
  relative: boolean;
}

/** Per-metric rule (the policy file's `metrics.<name>`). Field names follow MLflow's MetricThreshold where they mean the same. */
export interface MetricPolicy {
  /** Direction; defaults to the run summary's `higher_is_better`, else true. (MLflow: greater_is_better.) */
  greater_is_better?: boolean;
  /** Absolute floor the candidate's mean must clear (a ceiling when greater_is_better is false). (MLflow: threshold.) */
  threshold?: number;
  /** Non-inferiority margin: the candidate may be worse than the baseline by at most this. */
  max_regression?: MarginSpec;
  /** Superiority requirement: the candidate must be better by at least this. Also spelled as MLflow's
   * min_absolute_change (a number) or min_relative_change (a fraction, 0.05 = 5%). */
  min_improvement?: MarginSpec;
  min_absolute_change?: number;
  min_relative_change?: number;
  /** false: compute and show, but do not let this metric decide the verdict. Default true. */
  gate?: boolean;
}

/** Budgets on operational figures. */
export interface LatencyBudget {
  /** Candidate p95 latency (ms) must not exceed this (decided on a bootstrap interval of the p95). */
  p95_max_ms?: number;
  /** Candidate p95 may exceed the baseline's by at most this (ms, or "20%" of the baseline p95). */
  p95_max_regression?: MarginSpec;
}

export interface CostBudget {
  /** Candidate mean cost per case (run currency) must not exceed this (decided on a t interval). */
  max_per_case?: number;
  /** Candidate total cost of the run must not exceed this (a fact of the run, not an estimate). */
  max_total?: number;
  /** Candidate mean cost per case may exceed the baseline's by at most this (absolute or "10%"). */
  max_regression?: MarginSpec;
}

/** A whole gate policy (a suite's `gate:` key or a separate YAML file). */
export interface GatePolicy {
  /** Per-metric rules keyed by metric name. Metrics not named are compared but not gated. */
  metrics: Record<string, MetricPolicy>;
  latency?: LatencyBudget;
  cost?: CostBudget;
  /** Two-sided confidence level of the intervals the verdict reads (default 0.95). */
  confidence: number;
  /** What an INCONCLUSIVE verdict does (default "fail": a gate should not wave through what it cannot see). */
  inconclusive: InconclusivePolicy;
  /** Bootstrap resamples (default 10000) and PRNG seed (default 1) — recorded for reproducibility. */
  bootstrap_resamples: number;
  seed: number;
  /** Fail when a gated metric is missing from either run (default true); otherwise it is inconclusive. */
  require_metrics: boolean;
}

export type CheckKind = "unchanged" | "floor" | "non_inferiority" | "superiority" | "latency_budget" | "cost_budget" | "presence";

/** One decided check: which bound was compared with which limit. */
export interface GateCheck {
  /** Stable id, e.g. "accuracy/non_inferiority", "latency/p95_max_ms". */
  id: string;
  /** Metric name, or "latency" / "cost". */
  subject: string;
  kind: CheckKind;
  verdict: Verdict;
  /** Point estimate the check is about (Δ for comparative checks, candidate mean for floors/budgets). */
  estimate: number | null;
  /** Interval of the estimate at the policy's confidence. */
  interval: [number, number] | null;
  /** The limit in the estimate's units (e.g. −margin for non-inferiority, the floor, the budget). */
  limit: number | null;
  /** Human sentence: what was required and what the bound showed. */
  message: string;
  /** For INCONCLUSIVE: estimated total paired cases at which the check would likely be decided
   * (80% power if the true effect equals the observed one); null when it cannot be estimated. */
  cases_needed: number | null;
  /** For INCONCLUSIVE: repeats per case that would decide it at the current number of cases; null
   * when more repeats cannot help (between-case variance dominates) or it cannot be estimated. */
  repeats_needed: number | null;
  /** For INCONCLUSIVE: set when the margin is narrower than this suite can ever resolve (even two
   * runs that agree on every case stay inconclusive): the numbers and what to change. */
  undecidable?: string;
}

export interface GateResult {
  verdict: Verdict;
  /** Whether the gate blocks (exit code 1): fail, or inconclusive under `inconclusive: fail`. */
  blocking: boolean;
  /** "neutral" only for inconclusive under `inconclusive: neutral` (a check run's conclusion). */
  conclusion: "success" | "failure" | "neutral";
  checks: GateCheck[];
  /** One line per non-pass check, worst first; empty on pass. */
  reasons: string[];
  /** The policy as applied (defaults filled in) and where it came from (file path, "suite gate:", or "default"). */
  policy: GatePolicy;
  policy_source: string;
}
