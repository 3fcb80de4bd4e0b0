// Compare two loaded eval runs: pair cases, compare every metric, collect flips, compute
// operational deltas, Holm-adjust the gated metrics' p-values, and (with a policy) decide the gate.
import { evaluateGate } from "../gate/evaluate.js";
import type { GatePolicy } from "../gate/types.js";
import { holmAdjust, holmLevels, type IntervalAt } from "../stats/index.js";
import { compareMetric, type MetricInfo } from "./metric-compare.js";
import { computeOperational } from "./operational.js";
import { groupByCase, pairCases } from "./pairing.js";
import type { LoadedRun } from "./run-records.js";
import { findUnchanged } from "./unchanged.js";
import type { AggregateFor } from "./aggregates.js";
import { stableStringify } from "../stable-json.js";
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
    ...(run.summary?.judges ? { judges: run.summary.judges } : {}),
  };
}

/** Metric names: the first run's summary order, then the others', then any others seen in the runs' records. */
export function metricNames(...runs: LoadedRun[]): string[] {
  const names = new Set<string>(runs.flatMap((run) => Object.keys(run.summary?.metrics ?? {})));
  for (const run of runs) for (const r of run.records) for (const k of Object.keys(r.scores)) names.add(k);
  return [...names];
}

/** What the comparison needs to know of a metric: type and corpus flag from the summaries (the later run's first), direction (a rule's, else the summary's, else higher is better). */
export function metricInfo(name: string, runs: readonly Pick<LoadedRun, "summary">[], greaterIsBetter: boolean | undefined, aggregateFor: CompareOptions["aggregateFor"]): MetricInfo {
  const sm = [...runs].reverse().map((run) => run.summary?.metrics[name]).find((m) => m !== undefined);
  const type = sm?.type ?? null;
  return {
    name,
    type,
    corpus: sm?.corpus ?? false,
    higherIsBetter: greaterIsBetter ?? sm?.higher_is_better ?? true,
    aggregate: type ? aggregateFor(type, sm?.config ?? null).aggregate : undefined,
  };
}

/** Why a corpus score may not be the one the runs computed: options not recorded (v1), or recorded differently. */
export function corpusNotes(name: string, runs: readonly Pick<LoadedRun, "summary">[], aggregateFor: CompareOptions["aggregateFor"]): string[] {
  const sms = runs.map((run) => run.summary?.metrics[name]);
  const sm = [...sms].reverse().find((m) => m !== undefined);
  if (!sm?.corpus) return [];
  const notes: string[] = [];
  const note = aggregateFor(sm.type, sm.config).note;
  if (note) notes.push(note);
  const configs = [...new Set(sms.filter((m) => m?.config).map((m) => stableStringify(m!.config)))];
  if (configs.length > 1) notes.push(`the runs configure ${name} differently (${configs.join(" vs ")}); the ${runs.length > 2 ? "last" : "candidate"}'s configuration rebuilt the corpus score`);
  return notes;
}

export const METHODS = [
  "Cases are paired by case id; cases on one side only are listed and left out of every paired statistic.",
  "Repeats are averaged within each case before pairing: the case is the unit of inference (clustered).",
  "Errored records (timeouts, HTTP errors) with no score count as 0 (fail); null scores are left out.",
  "Each interval and its p-value come from one test: the interval is the set of differences the test does not reject, so p < α exactly when the (1 − α) interval excludes 0, and a gate limit outside the interval is one the test rejects.",
  "0/1 metrics with one repeat: Tango's (1998) score interval for the paired difference and the score test it inverts, which at Δ = 0 is McNemar's asymptotic test z = (fixed − broke)/√(fixed + broke).",
  "Other metrics, or any metric with repeats: Student t on the per-case differences of means (interval and p from the same t test).",
  "Corpus metrics (BLEU, chrF): paired bootstrap resampling cases, the corpus score recomputed from summed sufficient statistics; BCa interval (percentile when BCa is degenerate), and p = the largest α whose interval still contains 0.",
  "p-values of the gated metrics (all metrics when nothing is gated) are Holm-adjusted; next to each adjusted p is the interval at the level Holm's step tested that metric (1 − α/k), which excludes 0 exactly when the adjusted p < α — it agrees with Holm's decisions but is not a simultaneous interval. The Δ column's interval and p are per metric, unadjusted.",
  "MDE is the smallest |Δ| detectable with 80% power at two-sided α = 1 − confidence.",
  "The gate reads the same unadjusted intervals, not point estimates: PASS when every interval lies strictly on the allowed side of its limit, FAIL when some interval lies strictly beyond it, INCONCLUSIVE otherwise.",
];

export function computeComparison(baseline: LoadedRun, candidate: LoadedRun, opts: CompareOptions): Comparison {
  const policy = opts.policy;
  const gb = groupByCase(baseline.records);
  const gc = groupByCase(candidate.records);
  const { paired, oneSided } = pairCases(gb, gc);
  const settings = { confidence: policy.confidence, resamples: policy.bootstrap_resamples, seed: policy.seed };

  const rows: MetricComparison[] = [];
  const intervals = new Map<MetricComparison, IntervalAt | null>();
  const flips: Flip[] = [];
  for (const name of metricNames(baseline, candidate)) {
    const rule = policy.metrics[name];
    const info = metricInfo(name, [baseline, candidate], rule?.greater_is_better, opts.aggregateFor);
    const { row, flips: f, intervalAt } = compareMetric(info, paired, gb, gc, settings);
    intervals.set(row, intervalAt);
    row.notes.push(...corpusNotes(name, [baseline, candidate], opts.aggregateFor));
    row.gated = opts.gate && rule !== undefined && rule.gate !== false;
    if (!baseline.summary?.metrics[name] && !baseline.records.some((r) => name in r.scores)) row.notes.push("metric absent from the baseline run");
    if (!candidate.summary?.metrics[name] && !candidate.records.some((r) => name in r.scores)) row.notes.push("metric absent from the candidate run");
    rows.push(row);
    // A loop, not push(...f): a big run can have more flips than a call may take arguments.
    for (const flip of f.sort((a, b) => (a.direction === b.direction ? 0 : a.direction === "broke" ? -1 : 1))) flips.push(flip);
  }

  return assembleComparison(
    { rows, intervals, flips, paired: paired.length, oneSided, baseline: runRef(baseline), candidate: runRef(candidate) },
    () => computeOperational(gb, gc, paired, { ...settings, currency: currencyOf(baseline, candidate) }),
    findUnchanged(baseline, candidate),
    opts,
  );
}

export const currencyOf = (baseline: Pick<LoadedRun, "summary">, candidate: Pick<LoadedRun, "summary">): string | null =>
  candidate.summary?.cost?.currency ?? baseline.summary?.cost?.currency ?? null;

/** What both ways of computing a comparison (records in memory, or streamed case by case) hand to its assembly. */
export interface ComparisonParts {
  rows: MetricComparison[];
  intervals: Map<MetricComparison, IntervalAt | null>;
  flips: Flip[];
  paired: number;
  oneSided: Comparison["one_sided"];
  baseline: RunRef;
  candidate: RunRef;
}

/** Holm over the gated metrics, the comparison's fields in order, and (with a policy) the gate's verdict. */
export function assembleComparison(parts: ComparisonParts, operational: () => Comparison["operational"], unchanged: Comparison["unchanged"], opts: CompareOptions): Comparison {
  const { rows, intervals, flips } = parts;
  const policy = opts.policy;
  // Holm over the gated family; when nothing is gated, over every metric with a p-value.
  const family = rows.some((r) => r.gated) ? rows.filter((r) => r.gated && r.p_value !== null) : rows.filter((r) => r.p_value !== null);
  const familyPs = family.map((r) => r.p_value!);
  const alpha = 1 - policy.confidence;
  const levels = holmLevels(familyPs, alpha);
  holmAdjust(familyPs).forEach((p, i) => {
    const row = family[i]!;
    row.p_holm = p;
    // The interval at the level Holm's step tested this metric: excludes 0 exactly when p_holm < α.
    row.ci_holm_confidence = 1 - levels[i]!;
    row.ci_holm = intervals.get(row)?.(row.ci_holm_confidence) ?? null;
  });

  const comparison: Omit<Comparison, "gate"> = {
    schema: COMPARISON_SCHEMA,
    confidence: policy.confidence,
    bootstrap: { resamples: policy.bootstrap_resamples, seed: policy.seed },
    baseline: parts.baseline,
    candidate: parts.candidate,
    paired_cases: parts.paired,
    one_sided: parts.oneSided,
    metrics: rows,
    flips,
    operational: operational(),
    unchanged,
    provenance: { llmops_version: opts.llmopsVersion, created_at: opts.createdAt, policy_source: opts.policySource, methods: METHODS },
  };
  return { ...comparison, gate: opts.gate ? evaluateGate(comparison, policy, opts.policySource) : null };
}
