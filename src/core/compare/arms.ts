// k-arm comparison: a control and variants evaluated on the same cases. Every pair of arms is
// compared per metric with the paired method of a two-run comparison (so each interval and p agree),
// Holm adjusts across all pairs and metrics, and a metric names a winner only when the winner's
// Holm interval excludes the control and every rival; otherwise it says which arms cannot be told
// apart and how many cases would likely separate them.
import { ARMS_SCHEMA, type Arm, type ArmDisagreement, type ArmMetric, type ArmPair, type ArmsComparison } from "../contracts/arms.js";
import { casesNeeded, holmAdjust, holmLevels, type IntervalAt } from "../stats/index.js";
import { metricInfo, metricNames, type CompareOptions } from "./compute.js";
import { compareMetric } from "./metric-compare.js";
import { groupByCase, type CaseRecords } from "./pairing.js";
import type { LoadedRun } from "./run-records.js";

export interface ArmInput {
  name: string;
  run: LoadedRun;
}

export interface ArmsOptions extends Pick<CompareOptions, "aggregateFor" | "llmopsVersion" | "createdAt"> {
  confidence: number;
  resamples: number;
  seed: number;
  /** Cases listed in `disagreements` (default 10). */
  maxDisagreements?: number;
}

export const ARMS_METHODS = [
  "Every arm is paired with every other by case id over the cases all arms share; the first arm is the control.",
  "Each pair and metric uses the two-run method (0/1: Tango score interval with the McNemar asymptotic test it inverts; other metrics: paired t on case means; corpus metrics: paired bootstrap), so an interval and its p never disagree.",
  "Holm's adjustment runs over every pair of arms × every metric; each adjusted p comes with Δ's interval at Holm's step level for that pair, which excludes 0 exactly when the adjusted p < α.",
  "A metric's winner is the arm whose Holm interval against the control and against every rival lies wholly on the better side of 0: the chance of naming a wrong winner is at most α across the whole experiment.",
  "Without a winner, the arms whose Holm interval against the best-looking arm contains 0 are listed as indistinguishable, with the paired cases at which a paired t test would likely separate them (80% power at the pair's Holm level, from the observed SD of differences).",
];

/** Cases present in every arm, in the control's order; the others per arm. */
function sharedCases(groups: readonly CaseRecords[], names: readonly string[]): { shared: string[]; notShared: Record<string, string[]> } {
  const shared = [...groups[0]!.keys()].filter((id) => groups.every((g) => g.has(id)));
  const inShared = new Set(shared);
  const notShared: Record<string, string[]> = {};
  groups.forEach((g, i) => {
    const missing = [...g.keys()].filter((id) => !inShared.has(id));
    if (missing.length) notShared[names[i]!] = missing;
  });
  return { shared, notShared };
}

function armRef(a: ArmInput, control: boolean): Arm {
  return {
    name: a.name,
    control,
    dir: a.run.dir,
    results_sha256: a.run.resultsSha256,
    provenance: a.run.summary?.provenance ?? null,
    counts: { cases: new Set(a.run.records.map((r) => r.case_id)).size, records: a.run.records.length },
  };
}

interface PairWork {
  pair: ArmPair;
  intervalAt: IntervalAt | null;
}

/** Is Δ (arm − versus) shown to favour `arm`? */
const favours = (ci: [number, number] | null, up: boolean): boolean => ci !== null && (up ? ci[0] > 0 : ci[1] < 0);

export function computeArms(arms: readonly ArmInput[], opts: ArmsOptions): ArmsComparison {
  if (arms.length < 2) throw new RangeError("a k-arm comparison needs a control and at least one variant");
  const names = arms.map((a) => a.name);
  const groups = arms.map((a) => groupByCase(a.run.records));
  const { shared, notShared } = sharedCases(groups, names);
  const settings = { confidence: opts.confidence, resamples: opts.resamples, seed: opts.seed };
  const alpha = 1 - opts.confidence;

  const work: PairWork[] = [];
  const metrics: ArmMetric[] = [];
  const caseMeans = new Map<string, Map<string, number>[]>(); // metric → per arm: case → mean
  for (const name of metricNames(...arms.map((a) => a.run))) {
    const info = metricInfo(name, arms.map((a) => a.run), undefined, opts.aggregateFor);
    const means: (number | null)[] = new Array(arms.length).fill(null);
    let kind = "continuous";
    for (let j = 1; j < arms.length; j++) {
      for (let i = 0; i < j; i++) {
        // Δ = arm j − arm i: a variant against the control (i = 0) or an earlier rival.
        const { row, intervalAt } = compareMetric(info, shared, groups[i]!, groups[j]!, settings);
        kind = row.kind;
        means[i] ??= row.baseline.mean;
        means[j] ??= row.candidate.mean;
        work.push({
          intervalAt,
          pair: {
            metric: name,
            arm: names[j]!,
            versus: names[i]!,
            n: row.n,
            delta: row.delta,
            ci: row.ci,
            p_value: row.p_value,
            interval_method: row.interval_method,
            test: row.test,
            p_holm: null,
            ci_holm: null,
            ci_holm_confidence: null,
            sd_diff: row.sd_diff,
            cases_to_separate: null,
          },
        });
      }
    }
    caseMeans.set(name, groups.map((g) => perCaseMean(g, shared, name)));
    metrics.push({ name, kind, higher_is_better: info.higherIsBetter, means, winner: null, indistinguishable: [], verdict: "" });
  }

  // Holm over every pair × metric with a p-value.
  const family = work.filter((w) => w.pair.p_value !== null);
  const ps = family.map((w) => w.pair.p_value!);
  const levels = holmLevels(ps, alpha);
  holmAdjust(ps).forEach((p, i) => {
    const w = family[i]!;
    w.pair.p_holm = p;
    w.pair.ci_holm_confidence = 1 - levels[i]!;
    w.pair.ci_holm = w.intervalAt?.(w.pair.ci_holm_confidence) ?? null;
    const separated = w.pair.ci_holm !== null && (w.pair.ci_holm[0] > 0 || w.pair.ci_holm[1] < 0);
    if (!separated && w.pair.sd_diff !== null && w.pair.sd_diff > 0 && w.pair.delta !== null && w.pair.delta !== 0) {
      w.pair.cases_to_separate = casesNeeded(w.pair.sd_diff, w.pair.delta, levels[i]!);
    }
  });
  const pairs = work.map((w) => w.pair);
  for (const m of metrics) decide(m, names, pairs.filter((p) => p.metric === m.name));

  const primary = metrics.find((m) => m.means.every((x) => x !== null))?.name ?? null;
  return {
    schema: ARMS_SCHEMA,
    confidence: opts.confidence,
    bootstrap: { resamples: opts.resamples, seed: opts.seed },
    arms: arms.map((a, i) => armRef(a, i === 0)),
    shared_cases: shared.length,
    not_shared: notShared,
    metrics,
    pairs,
    holm_family: family.length,
    disagreements: primary ? disagreements(primary, caseMeans.get(primary)!, shared, opts.maxDisagreements ?? 10) : [],
    provenance: { llmops_version: opts.llmopsVersion, created_at: opts.createdAt, methods: ARMS_METHODS },
  };
}

/** Each shared case's mean value of a metric on one arm (errored records count 0, nulls are left out, as in compareMetric). */
function perCaseMean(group: CaseRecords, shared: readonly string[], metric: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of shared) {
    const vals: number[] = [];
    for (const r of group.get(id) ?? []) {
      const s = r.scores[metric];
      if (s && s.value !== null) vals.push(s.value);
      else if (r.error !== null) vals.push(0);
    }
    if (vals.length) out.set(id, vals.reduce((a, b) => a + b, 0) / vals.length);
  }
  return out;
}

/** The Δ of `a` over `b` (either order in `pairs`) with its Holm interval, oriented as a − b. */
function oriented(pairs: readonly ArmPair[], a: string, b: string): { delta: number | null; ci: [number, number] | null; cases: number | null } | null {
  const p = pairs.find((x) => (x.arm === a && x.versus === b) || (x.arm === b && x.versus === a));
  if (!p) return null;
  const flip = p.arm !== a;
  const ci = p.ci_holm ? (flip ? ([-p.ci_holm[1], -p.ci_holm[0]] as [number, number]) : p.ci_holm) : null;
  return { delta: p.delta === null ? null : flip ? -p.delta : p.delta, ci, cases: p.cases_to_separate };
}

function decide(m: ArmMetric, names: readonly string[], pairs: readonly ArmPair[]): void {
  const up = m.higher_is_better;
  const winner = names.find((a) => names.every((b) => b === a || favours(oriented(pairs, a, b)?.ci ?? null, up))) ?? null;
  if (winner) {
    m.winner = winner;
    m.verdict = `${winner} wins: its Holm interval excludes ${names.filter((b) => b !== winner).join(", ")}`;
    return;
  }
  // The best-looking arm by mean, and those not separated from it.
  const order = names.map((a, i) => ({ a, v: m.means[i] })).filter((x) => x.v !== null && x.v !== undefined);
  if (order.length === 0) {
    m.verdict = "no arm has a value on the shared cases";
    return;
  }
  order.sort((x, y) => (up ? y.v! - x.v! : x.v! - y.v!));
  const best = order[0]!.a;
  const tied = names.filter((b) => b !== best && !favours(oriented(pairs, best, b)?.ci ?? null, up));
  m.indistinguishable = [best, ...tied];
  const need = tied
    .map((b) => ({ b, cases: oriented(pairs, best, b)?.cases ?? null }))
    .map(({ b, cases }) => `${best} vs ${b}: ${cases === null ? "no difference observed" : `~${cases} paired cases`}`);
  m.verdict = `no winner: ${m.indistinguishable.join(", ")} cannot be told apart (${need.join("; ")})`;
}

/** Cases where the arms' values spread most on one metric (ties: more arms off the median, then case id). */
function disagreements(metric: string, perArm: readonly Map<string, number>[], shared: readonly string[], max: number): ArmDisagreement[] {
  const rows: ArmDisagreement[] = [];
  for (const id of shared) {
    const values = perArm.map((m) => m.get(id));
    if (values.some((v) => v === undefined)) continue;
    const vs = values as number[];
    const spread = Math.max(...vs) - Math.min(...vs);
    if (spread > 0) rows.push({ case_id: id, metric, values: vs, spread });
  }
  const offMedian = (vs: number[]) => {
    const s = [...vs].sort((a, b) => a - b);
    const med = s[Math.floor(s.length / 2)]!;
    return vs.filter((v) => v !== med).length;
  };
  rows.sort((a, b) => b.spread - a.spread || offMedian(b.values) - offMedian(a.values) || (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0));
  return rows.slice(0, max);
}
