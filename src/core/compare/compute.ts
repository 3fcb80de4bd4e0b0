// Compare two loaded eval runs: pair cases, compare every metric, collect flips, compute
// operational deltas, Holm-adjust the gated metrics' p-values, and (with a policy) decide the gate.
import { evaluateGate } from "../gate/evaluate.js";
import type { GatePolicy } from "../gate/types.js";
import { stableStringify } from "../stable-json.js";
import { holmAdjust } from "../stats/index.js";
import type { AggregateFor } from "./aggregates.js";
import { compareMetric, type MetricInfo } from "./metric-compare.js";
import { computeOperational } from "./operational.js";
import { groupByCase, pairCases } from "./pairing.js";
import type { LoadedRun } from "./run-records.js";
import { COMPARISON_SCHEMA, type Comparison, type Flip, type MetricComparison, type RunRef } from "./types.js";

export interface CompareOptions {
  /** Confidence, bootstrap settings and (when `gate` is true) the rules. */
  policy: GatePolicy;
  policySource: string;
  /** Decide a gate verdict (false: compare only, `gate` is null in the result). */
  gate: boolean;
  /** A corpus metric's aggregate, rebuilt from the scorer's recorded configuration (see aggregates.ts). */
  aggregateFor(type: string, config: Record<string, unknown> | null): AggregateFor;
  llmopsVersion: string;
  /** ISO timestamp for provenance (passed in so the core stays deterministic). */
  createdAt: string;
}

function runRef(run: LoadedRun): RunRef {
  const cases = new Set(run.records.map((r) => r.case_id));
  return {
    dir: run.dir,
    results_sha256: run.resultsSha256,
    summary_present: run.summary !== null,
    suite: run.summary?.suite ? { name: run.summary.suite.name, file: run.summary.suite.file, hash: run.summary.suite.hash } : null,
    provenance: run.summary?.provenance ?? null,
    counts: {
      cases: cases.size,
      records: run.records.length,
      superseded: run.superseded,
      repeats: run.records.reduce((k, r) => Math.max(k, r.repeat + 1), 0),
      errors: run.records.filter((r) => r.error !== null).length,
    },
    warnings: run.warnings,
  };
}

/** Metric names: the baseline summary's order, then any others seen in either run's records. */
function metricNames(baseline: LoadedRun, candidate: LoadedRun): string[] {
  const names = new Set<string>([...Object.keys(baseline.summary?.metrics ?? {}), ...Object.keys(candidate.summary?.metrics ?? {})]);
  for (const run of [baseline, candidate]) for (const r of run.records) for (const k of Object.keys(r.scores)) names.add(k);
  return [...names];
}

/** Both runs recorded the scorer's configuration and it differs: the numbers measure different things. */
function differentConfigs(name: string, baseline: LoadedRun, candidate: LoadedRun): string | undefined {
  const b = baseline.summary?.metrics[name]?.config;
  const c = candidate.summary?.metrics[name]?.config;
  if (!b || !c || stableStringify(b) === stableStringify(c)) return undefined;
  return `the runs configure ${name} differently (baseline ${stableStringify(b)}, candidate ${stableStringify(c)}); the candidate's configuration rebuilt the corpus score`;
}

export const METHODS = [
  "Cases are paired by case id; cases on one side only are listed and left out of every paired statistic.",
  "Repeats are averaged within each case before pairing: the case is the unit of inference (clustered).",
  "Errored records (timeouts, HTTP errors) with no score count as 0 (fail); null scores are left out.",
  "0/1 metrics with one repeat: Newcombe (1998) method-10 interval for the paired difference and McNemar's exact test on broke vs fixed.",
  "Other metrics, or any metric with repeats: Student t on the per-case differences of means.",
  "Corpus metrics (BLEU, chrF): paired bootstrap resampling cases, the corpus score recomputed from summed sufficient statistics; BCa interval (percentile when BCa is degenerate).",
  "p-values of the gated metrics (all metrics when nothing is gated) are Holm-adjusted; MDE is the smallest |Δ| detectable with 80% power at two-sided α = 1 − confidence.",
  "The gate reads interval bounds, not point estimates: PASS when every bound clears its limit, FAIL when some interval lies wholly beyond it, INCONCLUSIVE otherwise.",
];

export function computeComparison(baseline: LoadedRun, candidate: LoadedRun, opts: CompareOptions): Comparison {
  const policy = opts.policy;
  const gb = groupByCase(baseline.records);
  const gc = groupByCase(candidate.records);
  const { paired, oneSided } = pairCases(gb, gc);
  const settings = { confidence: policy.confidence, resamples: policy.bootstrap_resamples, seed: policy.seed };

  const rows: MetricComparison[] = [];
  const flips: Flip[] = [];
  for (const name of metricNames(baseline, candidate)) {
    const sm = candidate.summary?.metrics[name] ?? baseline.summary?.metrics[name];
    const type = sm?.type ?? null;
    const rule = policy.metrics[name];
    const built = type ? opts.aggregateFor(type, sm?.config ?? null) : { aggregate: undefined };
    const info: MetricInfo = {
      name,
      type,
      corpus: sm?.corpus ?? false,
      higherIsBetter: rule?.greater_is_better ?? sm?.higher_is_better ?? true,
      aggregate: built.aggregate,
    };
    const { row, flips: f } = compareMetric(info, paired, gb, gc, settings);
    if (built.note) row.notes.push(built.note);
    const configNote = differentConfigs(name, baseline, candidate);
    if (configNote) row.notes.push(configNote);
    row.gated = opts.gate && rule !== undefined && rule.gate !== false;
    if (!baseline.summary?.metrics[name] && !baseline.records.some((r) => name in r.scores)) row.notes.push("metric absent from the baseline run");
    if (!candidate.summary?.metrics[name] && !candidate.records.some((r) => name in r.scores)) row.notes.push("metric absent from the candidate run");
    rows.push(row);
    // A loop, not push(...f): a big run can have more flips than a call may take arguments.
    for (const flip of f.sort((a, b) => (a.direction === b.direction ? 0 : a.direction === "broke" ? -1 : 1))) flips.push(flip);
  }

  // Holm over the gated family; when nothing is gated, over every metric with a p-value.
  const family = rows.some((r) => r.gated) ? rows.filter((r) => r.gated && r.p_value !== null) : rows.filter((r) => r.p_value !== null);
  holmAdjust(family.map((r) => r.p_value!)).forEach((p, i) => {
    family[i]!.p_holm = p;
  });

  const currency = candidate.summary?.cost?.currency ?? baseline.summary?.cost?.currency ?? null;
  const comparison: Omit<Comparison, "gate"> = {
    schema: COMPARISON_SCHEMA,
    confidence: policy.confidence,
    bootstrap: { resamples: policy.bootstrap_resamples, seed: policy.seed },
    baseline: runRef(baseline),
    candidate: runRef(candidate),
    paired_cases: paired.length,
    one_sided: oneSided,
    metrics: rows,
    flips,
    operational: computeOperational(gb, gc, paired, { ...settings, currency }),
    provenance: { llmops_version: opts.llmopsVersion, created_at: opts.createdAt, policy_source: opts.policySource, methods: METHODS },
  };
  return { ...comparison, gate: opts.gate ? evaluateGate(comparison, policy, opts.policySource) : null };
}
