// One metric, baseline vs candidate, over the paired cases: the right interval and test for the
// metric's kind (binary → Tango's score interval and the score (McNemar asymptotic) test it
// inverts; continuous or repeated → paired t on case means; corpus → paired bootstrap of the
// aggregate with the p found by inverting its interval), plus flips, SDs and the minimum
// detectable effect. Each interval and its p-value come from one method, so they never disagree.
import {
  mean,
  minimumDetectableEffect,
  normalQuantile,
  oneSampleT,
  pairedBootstrapCorpus,
  pairedScoreTest,
  sd,
  tangoInterval,
  tIntervalAt,
  wilsonInterval,
  withinClusterSd,
  type IntervalAt,
} from "../stats/index.js";
import type { RecordForCompare } from "./run-records.js";
import type { Flip, MetricComparison, MetricKind, SideStats } from "./types.js";

export interface MetricInfo {
  name: string;
  type: string | null;
  /** summary.json says the metric is a corpus metric. */
  corpus: boolean;
  higherIsBetter: boolean;
  /** The scorer's aggregate over summed stats, when the metric's type is known to the registry. */
  aggregate: ((summed: readonly number[]) => number) | undefined;
}

export interface MetricSettings {
  confidence: number;
  resamples: number;
  seed: number;
}

/** One record's contribution to a metric. */
export interface Obs {
  value: number;
  pass: boolean | null;
  stats: readonly number[] | null;
  /** The record errored and was scored 0 (it has no sufficient statistics). */
  errored: boolean;
}

export interface SideCounts {
  records: number;
  nulls: number;
  errors: number;
}

/** A record's observation: errored records score 0 (fail) when the scorer gave no value. */
export function observe(r: Pick<RecordForCompare, "scores" | "error">, metric: string, counts: SideCounts): Obs | null {
  const s = r.scores[metric];
  if (s && s.value !== null) {
    counts.records++;
    return { value: s.value, pass: s.pass ?? null, stats: s.stats ?? null, errored: false };
  }
  if (r.error !== null) {
    counts.records++;
    counts.errors++;
    return { value: 0, pass: false, stats: null, errored: true };
  }
  counts.nulls++;
  return null;
}

export interface MetricOutcome {
  row: MetricComparison;
  flips: Flip[];
  /** Δ's interval by the row's method at any confidence (for Holm's step levels); null when the row has none. */
  intervalAt: IntervalAt | null;
}

export function compareMetric(
  info: MetricInfo,
  cases: readonly string[],
  baseline: ReadonlyMap<string, readonly RecordForCompare[]>,
  candidate: ReadonlyMap<string, readonly RecordForCompare[]>,
  settings: MetricSettings,
): MetricOutcome {
  const cb: SideCounts = { records: 0, nulls: 0, errors: 0 };
  const cc: SideCounts = { records: 0, nulls: 0, errors: 0 };
  let ids: string[] = [];
  let bObs: Obs[][] = [];
  let cObs: Obs[][] = [];
  let unpaired = 0;
  for (const id of cases) {
    const b = (baseline.get(id) ?? []).map((r) => observe(r, info.name, cb)).filter((o): o is Obs => o !== null);
    const c = (candidate.get(id) ?? []).map((r) => observe(r, info.name, cc)).filter((o): o is Obs => o !== null);
    if (b.length === 0 || c.length === 0) {
      if (b.length + c.length > 0) unpaired++;
      continue;
    }
    ids.push(id);
    bObs.push(b);
    cObs.push(c);
  }
  const notes: string[] = [];
  const all = [...bObs.flat(), ...cObs.flat()];
  const binary = all.length > 0 && all.every((o) => o.value === 0 || o.value === 1);
  let kind: MetricKind = binary ? "binary" : "continuous";
  if (info.corpus || all.some((o) => o.stats !== null)) {
    const why = corpusIneligibility(info, all);
    if (why) notes.push(`${why}; compared the mean of per-case values instead`);
    else {
      kind = "corpus";
      // Errored records have no statistics: a corpus score can only leave them out (they are
      // still counted in n_errors); a case left with no record on a side is no longer paired.
      const dropped = all.filter((o) => o.errored).length;
      if (dropped > 0) {
        notes.push(`${dropped} errored record(s) have no sufficient statistics and are left out of the corpus scores`);
        const kept = ids.map((_, i) => ({ id: ids[i]!, b: bObs[i]!.filter((o) => !o.errored), c: cObs[i]!.filter((o) => !o.errored) }));
        const paired = kept.filter((k) => k.b.length > 0 && k.c.length > 0);
        unpaired += kept.length - paired.length;
        ids = paired.map((k) => k.id);
        bObs = paired.map((k) => k.b);
        cObs = paired.map((k) => k.c);
      }
    }
  }
  if (unpaired > 0) notes.push(`${unpaired} paired case(s) had a value on one side only for this metric and were left out`);
  const n = ids.length;
  const kB = bObs.reduce((k, o) => Math.max(k, o.length), 0);
  const kC = cObs.reduce((k, o) => Math.max(k, o.length), 0);

  const row = emptyMetricRow(info, kind, n, kB, kC, cb, cc, notes);
  if (n === 0) {
    notes.push("no case has a value on both sides");
    return { row, flips: [], intervalAt: null };
  }

  const caseMean = (os: Obs[]) => mean(os.map((o) => o.value));
  const mb = Float64Array.from(bObs, caseMean);
  const mc = Float64Array.from(cObs, caseMean);
  const diffs = mc.map((v, i) => v - mb[i]!);
  const alpha = 1 - settings.confidence;

  let intervalAt: IntervalAt | null;
  if (kind === "corpus") intervalAt = fillCorpus(row, bObs, cObs, info.aggregate!, settings);
  else if (kind === "binary" && kB === 1 && kC === 1) intervalAt = fillBinary(row, mb, mc, settings.confidence);
  else intervalAt = fillT(row, mb, mc, diffs, kB > 1 || kC > 1, settings.confidence);

  if (kind !== "corpus") {
    row.sd_diff = n >= 2 ? sd(diffs) : null;
    if (kB > 1 || kC > 1) row.sd_within = withinSd(bObs, cObs, notes);
    row.mde = row.sd_diff === null ? null : minimumDetectableEffect(row.sd_diff, n, alpha);
  }
  if (row.baseline.mean !== null && row.candidate.mean !== null) {
    row.delta = row.candidate.mean - row.baseline.mean;
    row.delta_relative = row.baseline.mean > 0 ? row.delta / row.baseline.mean : null;
  }

  const flips = computeFlips(info.name, ids, bObs, cObs, mb, mc, binary);
  if (flips) {
    row.broke = flips.filter((f) => f.direction === "broke").length;
    row.fixed = flips.length - row.broke;
  }
  return { row, flips: flips ?? [], intervalAt };
}

/** Why a metric cannot be scored as a corpus (null when it can). Errored records are exempt. */
/** A metric's comparison row before any statistic is filled in: both compare paths start from it. */
export function emptyMetricRow(info: MetricInfo, kind: MetricComparison["kind"], n: number, kB: number, kC: number, cb: SideCounts, cc: SideCounts, notes: string[]): MetricComparison {
  const side = (counts: SideCounts): SideStats => ({ mean: null, ci: null, n_records: counts.records, n_null: counts.nulls, n_errors: counts.errors });
  return {
    name: info.name,
    type: info.type,
    kind,
    higher_is_better: info.higherIsBetter,
    gated: false,
    n,
    repeats: { baseline: kB, candidate: kC },
    baseline: side(cb),
    candidate: side(cc),
    delta: null,
    delta_relative: null,
    ci: null,
    interval_method: "none",
    test: "none",
    p_value: null,
    p_holm: null,
    ci_holm: null,
    ci_holm_confidence: null,
    sd_diff: null,
    sd_within: null,
    mde: null,
    broke: null,
    fixed: null,
    notes,
  };
}

function corpusIneligibility(info: MetricInfo, all: readonly Obs[]): string | null {
  const scored = all.filter((o) => !o.errored);
  if (!info.aggregate) return `corpus aggregate unknown for type ${info.type ?? "(unknown)"}`;
  if (scored.length === 0 || scored.some((o) => o.stats === null)) return "some records lack sufficient statistics";
  if (new Set(scored.map((o) => o.stats!.length)).size !== 1) return "sufficient statistics differ in length between records";
  return null;
}

export function fillBinary(row: MetricComparison, mb: ArrayLike<number>, mc: ArrayLike<number>, confidence: number): IntervalAt {
  const t = { both: 0, broke: 0, fixed: 0, neither: 0 };
  for (let i = 0; i < mb.length; i++) {
    if (mb[i] === 1 && mc[i] === 1) t.both++;
    else if (mb[i] === 1) t.broke++;
    else if (mc[i] === 1) t.fixed++;
    else t.neither++;
  }
  const n = mb.length;
  const kb = t.both + t.broke;
  const kc = t.both + t.fixed;
  row.baseline.mean = kb / n;
  row.candidate.mean = kc / n;
  row.baseline.ci = wilsonInterval(kb, n, confidence);
  row.candidate.ci = wilsonInterval(kc, n, confidence);
  row.ci = tangoInterval(t, confidence);
  row.interval_method = "tango-score";
  row.test = "mcnemar-asymptotic";
  row.p_value = pairedScoreTest(t).p;
  return (c) => tangoInterval(t, c);
}

export function fillT(row: MetricComparison, mb: ArrayLike<number>, mc: ArrayLike<number>, diffs: Float64Array, clustered: boolean, confidence: number): IntervalAt | null {
  row.baseline.mean = mean(mb);
  row.candidate.mean = mean(mc);
  row.baseline.ci = oneSampleT(mb, confidence)?.ci ?? null;
  row.candidate.ci = oneSampleT(mc, confidence)?.ci ?? null;
  const t = oneSampleT(diffs, confidence);
  if (!t) {
    row.notes.push("fewer than 2 paired cases: no interval or test");
    return null;
  }
  row.ci = t.ci;
  row.interval_method = clustered ? "t-clustered" : "t";
  row.test = clustered ? "paired-t-clustered" : "paired-t";
  row.p_value = t.p;
  return (c) => tIntervalAt(t, c);
}

function fillCorpus(row: MetricComparison, bObs: Obs[][], cObs: Obs[][], aggregate: (s: readonly number[]) => number, settings: MetricSettings): IntervalAt {
  const width = bObs[0]![0]!.stats!.length;
  const n = bObs.length;
  // One row per case: its repeats' stats summed (the case is the resampling unit).
  const rows = (obs: Obs[][]) => {
    const m = new Float64Array(n * width);
    obs.forEach((os, i) => {
      for (const o of os) for (let j = 0; j < width; j++) m[i * width + j]! += o.stats![j]!;
    });
    return m;
  };
  return fillCorpusRows(row, rows(bObs), rows(cObs), width, aggregate, settings);
}

/** The corpus row from per-case summed statistics (n × width, case-major) of both sides. */
export function fillCorpusRows(row: MetricComparison, rowsB: Float64Array, rowsC: Float64Array, width: number, aggregate: (s: readonly number[]) => number, settings: MetricSettings): IntervalAt {
  const n = rowsB.length / width;
  const seed = metricSeed(settings.seed, row.name);
  const resamples = corpusResamples(settings.resamples, n, width);
  if (resamples < settings.resamples) row.notes.push(`corpus bootstrap capped at ${resamples} resamples for ${n} cases × ${width} statistics (time budget)`);
  const r = pairedBootstrapCorpus(rowsB, rowsC, width, aggregate, resamples, seed, settings.confidence);
  row.baseline.mean = r.baseline.estimate;
  row.candidate.mean = r.candidate.estimate;
  // BCa where the draws support it (corpus scores are ratios: skewed, biased); else percentile.
  row.baseline.ci = r.baseline.bca ?? r.baseline.ci;
  row.candidate.ci = r.candidate.bca ?? r.candidate.ci;
  row.ci = r.delta.intervalAt(settings.confidence);
  row.interval_method = r.delta.method === "bca" ? "bootstrap-bca" : "bootstrap-percentile";
  row.test = "bootstrap";
  // The p is the inversion of that interval: the largest α whose interval still holds 0.
  row.p_value = r.delta.p;
  if (row.p_value === 0) row.notes.push(`Δ = 0 lies beyond all ${r.delta.resamples} bootstrap resamples: p < ${formatTiny(1 / r.delta.resamples)}`);
  const alpha = 1 - settings.confidence;
  row.mde = (normalQuantile(1 - alpha / 2) + normalQuantile(0.8)) * r.delta.se;
  return r.delta.intervalAt;
}

const formatTiny = (x: number): string => Number(x.toPrecision(2)).toString();

/** Work a corpus bootstrap may take (≈ a few seconds): resamples × cases × (2·width + 1) operations. */
export const CORPUS_WORK_BUDGET = 2e9;

/** Resamples for a corpus bootstrap: the policy's number, capped by the work budget, at least 1,000. */
export function corpusResamples(requested: number, n: number, width: number): number {
  return Math.min(requested, Math.max(1000, Math.floor(CORPUS_WORK_BUDGET / (n * (2 * width + 1)))));
}

/** Within-case SD of a one-repeat difference: √(s_b² + s_c²), each pooled over cases' repeats. */
function withinSd(bObs: Obs[][], cObs: Obs[][], notes: string[]): number | null {
  const sb = withinClusterSd(bObs.map((os) => os.map((o) => o.value)));
  const sc = withinClusterSd(cObs.map((os) => os.map((o) => o.value)));
  return combineWithinSd(sb, sc, notes);
}

/** √(s_b² + s_c²) from each side's pooled within-case SD (null when neither side has repeats). */
export function combineWithinSd(sb: number | null, sc: number | null, notes: string[]): number | null {
  if (sb === null && sc === null) return null;
  if (sb === null || sc === null) notes.push("only one side has repeats; assumed the same within-case spread on the other");
  const b = sb ?? sc!;
  const c = sc ?? sb!;
  return Math.sqrt(b * b + c * c);
}

/** Cases whose majority-of-repeats pass/fail changed. Null when the metric has no pass/fail. */
function computeFlips(metric: string, ids: string[], bObs: Obs[][], cObs: Obs[][], mb: Float64Array, mc: Float64Array, binary: boolean): Flip[] | null {
  const passOf = (o: Obs): boolean | null => o.pass ?? (binary ? o.value === 1 : null);
  const casePass = (os: Obs[]): boolean | null => {
    const ps = os.map(passOf);
    if (ps.some((p) => p === null)) return null;
    return ps.filter(Boolean).length * 2 > ps.length;
  };
  const flips: Flip[] = [];
  for (let i = 0; i < ids.length; i++) {
    const pb = casePass(bObs[i]!);
    const pc = casePass(cObs[i]!);
    if (pb === null || pc === null) return null;
    if (pb !== pc) flips.push({ case_id: ids[i]!, metric, direction: pb ? "broke" : "fixed", baseline: mb[i]!, candidate: mc[i]! });
  }
  return flips;
}

/** A per-metric PRNG seed from the run seed and the metric name (stable under metric reordering). */
export function metricSeed(seed: number, name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h ^ seed) >>> 0;
}

