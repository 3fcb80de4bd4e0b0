// Paired bootstrap: resample cases with replacement (the same indices for both runs, so the pairing
// is kept) and recompute the statistic. Two forms: the mean of paired differences (a hot loop with
// the PRNG inlined) and corpus metrics (sum per-case sufficient statistics, then aggregate).
import { quantileSorted, sortFloat64 } from "./descriptive.js";
import { pFromIntervals } from "./invert.js";
import { createRng } from "./prng.js";
import { normalCdf, normalQuantile } from "./special.js";

export interface BootstrapSummary {
  /** The statistic on the original sample. */
  estimate: number;
  /** Percentile interval at `confidence`. */
  ci: [number, number];
  /** SD of the resampled statistic (bootstrap standard error). */
  se: number;
  /** Two-sided p for H0: statistic = 0, as 2·min(P*(≤0), P*(≥0)) with the +1 correction. */
  p: number;
  resamples: number;
  seed: number;
}

const U32_TO_UNIT = 2.3283064365386963e-10;

/**
 * Means of `resamples` bootstrap resamples of `values` (each resample draws n indices with
 * replacement). The xoshiro128** step is inlined on local variables: this loop is the whole cost.
 */
export function bootstrapMeans(values: Float64Array, resamples: number, seed: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(resamples);
  if (n === 0) return out.fill(Number.NaN);
  const st = createRng(seed).state;
  let s0 = st[0]! | 0;
  let s1 = st[1]! | 0;
  let s2 = st[2]! | 0;
  let s3 = st[3]! | 0;
  const scale = U32_TO_UNIT * n;
  for (let b = 0; b < resamples; b++) {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      const x = Math.imul(s1, 5);
      const r = Math.imul((x << 7) | (x >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      acc += values[((r >>> 0) * scale) | 0]!;
    }
    out[b] = acc / n;
  }
  return out;
}

/** Summarise resampled statistics into an interval, SE and p. */
export function summariseDraws(estimate: number, draws: Float64Array, confidence: number, seed: number): BootstrapSummary {
  const sorted = Float64Array.from(draws).sort();
  const alpha = 1 - confidence;
  let m = 0;
  let le = 0;
  let ge = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    m += v;
    if (v <= 0) le++;
    if (v >= 0) ge++;
  }
  m /= sorted.length;
  let ss = 0;
  for (let i = 0; i < sorted.length; i++) ss += (sorted[i]! - m) ** 2;
  const B = sorted.length;
  return {
    estimate,
    ci: [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)],
    se: Math.sqrt(ss / Math.max(1, B - 1)),
    p: Math.min(1, (2 * (Math.min(le, ge) + 1)) / (B + 1)),
    resamples: B,
    seed,
  };
}

/** Paired bootstrap of the mean difference (candidate − baseline). */
export function pairedBootstrapMeanDiff(diffs: Float64Array, resamples: number, seed: number, confidence = 0.95): BootstrapSummary {
  let m = 0;
  for (let i = 0; i < diffs.length; i++) m += diffs[i]!;
  m /= diffs.length;
  return summariseDraws(m, bootstrapMeans(diffs, resamples, seed), confidence, seed);
}

/**
 * BCa interval (Efron 1987): percentile levels corrected for median bias (z0, from the share of
 * draws below the estimate) and skewness (acceleration a, from jackknife values of the statistic).
 * Null when the draws cannot support it (all on one side of the estimate, or too few).
 */
export function bcaInterval(estimate: number, draws: Float64Array, jackknife: ArrayLike<number>, confidence: number): [number, number] | null {
  return bcaIntervals(estimate, draws, jackknife)?.(confidence) ?? null;
}

/** An interval of the draws as a function of the confidence level (nested: wider as confidence grows). */
export type IntervalAt = (confidence: number) => [number, number] | null;

/**
 * The BCa interval at any confidence from one sort and one jackknife pass (z0 and a do not depend
 * on the level): what a p-value found by inverting the interval needs. Null when degenerate.
 */
export function bcaIntervals(estimate: number, draws: Float64Array, jackknife: ArrayLike<number>): IntervalAt | null {
  const B = draws.length;
  if (B < 2 || jackknife.length < 3) return null;
  let below = 0;
  let equal = 0;
  for (let i = 0; i < B; i++) {
    if (draws[i]! < estimate) below++;
    else if (draws[i] === estimate) equal++;
  }
  const share = (below + equal / 2) / B;
  if (share <= 0 || share >= 1) return null;
  const z0 = normalQuantile(share);
  let jm = 0;
  for (let i = 0; i < jackknife.length; i++) jm += jackknife[i]!;
  jm /= jackknife.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < jackknife.length; i++) {
    const d = jm - jackknife[i]!;
    num += d * d * d;
    den += d * d;
  }
  // A jackknife flat to rounding error carries no skewness information (and would give 0/0 noise).
  const flat = den <= (1e-12 * Math.max(1, Math.abs(jm))) ** 2 * jackknife.length;
  const a = flat ? 0 : num / (6 * den ** 1.5);
  const sorted = Float64Array.from(draws).sort();
  const level = (q: number): number => {
    const z = normalQuantile(q);
    return normalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  };
  return (confidence: number) => {
    const alpha = 1 - confidence;
    const lo = level(alpha / 2);
    const hi = level(1 - alpha / 2);
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
    return [quantileSorted(sorted, lo), quantileSorted(sorted, hi)];
  };
}

/** The percentile interval of the draws at any confidence (one sort). */
export function percentileIntervals(draws: Float64Array): IntervalAt {
  const sorted = Float64Array.from(draws).sort();
  return (confidence: number) => {
    const alpha = 1 - confidence;
    return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
  };
}

/** Leave-one-out values of the mean (for BCa's acceleration on a mean statistic). */
export function jackknifeMeans(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  return Float64Array.from({ length: n }, (_, i) => (total - values[i]!) / (n - 1));
}

export interface CorpusBootstrap {
  /**
   * Each with the percentile interval (`ci`) and the BCa interval (`bca`, null when degenerate).
   * For Δ, `intervalAt` is the interval reported (BCa, or percentile when BCa is degenerate) at
   * any confidence, and `p` is found by inverting it, so p < 1 − c exactly when intervalAt(c)
   * excludes 0.
   */
  delta: BootstrapSummary & { bca: [number, number] | null; method: "bca" | "percentile"; intervalAt: IntervalAt };
  baseline: BootstrapSummary & { bca: [number, number] | null };
  candidate: BootstrapSummary & { bca: [number, number] | null };
}

/**
 * Paired bootstrap of a corpus metric. `baseline` and `candidate` are n × L row-major sufficient
 * statistics (row i = case i, summed over its repeats); the score of a set of cases is
 * aggregate(element-wise sum of their rows). Each resample draws n case indices and scores both
 * runs on the same draw. Cost: O(resamples · n · width); callers cap resamples for large corpora.
 */
export function pairedBootstrapCorpus(
  baseline: Float64Array,
  candidate: Float64Array,
  width: number,
  aggregate: (summed: readonly number[]) => number,
  resamples: number,
  seed: number,
  confidence = 0.95,
): CorpusBootstrap {
  const n = baseline.length / width;
  if (!Number.isInteger(n) || candidate.length !== baseline.length) throw new RangeError("corpus bootstrap needs two n × width matrices");
  // Column-major copies: a resample is drawn as counts per case, then each column is a dot
  // product with the counts (sequential reads; ~3× faster than gathering rows by index).
  const columns = (m: Float64Array): Float64Array[] =>
    Array.from({ length: width }, (_, j) => {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = m[i * width + j]!;
      return col;
    });
  const colB = columns(baseline);
  const colC = columns(candidate);
  const sumCols = (cols: Float64Array[], weights: Float64Array | null): number[] =>
    cols.map((col) => {
      let a = 0;
      if (weights) for (let i = 0; i < n; i++) a += weights[i]! * col[i]!;
      else for (let i = 0; i < n; i++) a += col[i]!;
      return a;
    });
  const b0 = aggregate(sumCols(colB, null));
  const c0 = aggregate(sumCols(colC, null));
  const db = new Float64Array(resamples);
  const dc = new Float64Array(resamples);
  const dd = new Float64Array(resamples);
  const counts = new Float64Array(n);
  // One index per case per resample. The generator is not inlined here (unlike bootstrapMeans):
  // aggregating the summed statistics dominates this loop.
  const rng = createRng(seed);
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[rng.int(n)]! += 1;
    const vb = aggregate(sumCols(colB, counts));
    const vc = aggregate(sumCols(colC, counts));
    db[b] = vb;
    dc[b] = vc;
    dd[b] = vc - vb;
  }
  // Jackknife (leave one case out) for BCa: aggregate(total − row i) on each side.
  const totB = sumCols(colB, null);
  const totC = sumCols(colC, null);
  const jb = new Float64Array(n);
  const jc = new Float64Array(n);
  const loB = new Array<number>(width);
  const loC = new Array<number>(width);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < width; j++) {
      loB[j] = totB[j]! - colB[j]![i]!;
      loC[j] = totC[j]! - colC[j]![i]!;
    }
    jb[i] = aggregate(loB);
    jc[i] = aggregate(loC);
  }
  const jd = jc.map((v, i) => v - jb[i]!);
  const withBca = (estimate: number, draws: Float64Array, jack: Float64Array): BootstrapSummary & { bca: [number, number] | null } => ({
    ...summariseDraws(estimate, draws, confidence, seed),
    bca: bcaInterval(estimate, draws, jack, confidence),
  });
  const bca = bcaIntervals(c0 - b0, dd, jd);
  const method = bca?.(confidence) ? "bca" : "percentile";
  const intervalAt = method === "bca" ? bca! : percentileIntervals(dd);
  return {
    delta: { ...withBca(c0 - b0, dd, jd), p: pFromIntervals(intervalAt, 0), method, intervalAt },
    baseline: withBca(b0, db, jb),
    candidate: withBca(c0, dc, jc),
  };
}

/**
 * Bootstrap draws of one sample's q-quantile (e.g. p95 latency; type-7 interpolation). Each
 * resample is drawn as counts over the sorted values, so a draw costs O(n) instead of a sort.
 */
export function bootstrapQuantile(values: ArrayLike<number>, q: number, resamples: number, seed: number): Float64Array {
  // Values already sorted (a streamed comparison sorts its latencies once, for their percentiles)
  // are read in place: no copy and no second sort of a million of them.
  const sorted = values instanceof Float64Array && ascending(values) ? values : sortFloat64(Float64Array.from(values));
  const n = sorted.length;
  const out = new Float64Array(resamples);
  if (n === 0) return out.fill(Number.NaN);
  const rng = createRng(seed);
  const counts = new Uint32Array(n);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const frac = h - lo;
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[rng.int(n)]!++;
    // Walk the cumulative counts to the order statistics lo and lo+1 of the resample.
    let cum = 0;
    let vLo = Number.NaN;
    let vHi = Number.NaN;
    for (let i = 0; i < n; i++) {
      cum += counts[i]!;
      if (Number.isNaN(vLo) && cum > lo) vLo = sorted[i]!;
      if (cum > lo + 1 || (cum > lo && lo + 1 >= n)) {
        vHi = sorted[i]!;
        break;
      }
    }
    if (Number.isNaN(vHi)) vHi = vLo;
    out[b] = vLo + frac * (vHi - vLo);
  }
  return out;
}

/**
 * Percentile bootstrap of one run's corpus metric: resample cases with replacement, sum their
 * sufficient statistics, recompute. `caseStats[i]` is case i's summed stats vector. Draws the
 * case indices in the same order as pairedBootstrapCorpus, so with the same seed the interval
 * matches that run's side of a paired comparison. Null below two cases.
 */
export function bootstrapCorpus(
  caseStats: readonly (readonly number[])[],
  aggregate: (summed: readonly number[]) => number,
  resamples: number,
  seed: number,
  confidence = 0.95,
): { se: number; ci95: [number, number] } | null {
  const G = caseStats.length;
  if (G < 2) return null;
  const dim = caseStats[0]!.length;
  const rng = createRng(seed);
  const draws = new Float64Array(resamples);
  const sum = new Array<number>(dim);
  for (let b = 0; b < resamples; b++) {
    sum.fill(0);
    for (let i = 0; i < G; i++) {
      const s = caseStats[rng.int(G)]!;
      for (let d = 0; d < dim; d++) sum[d]! += s[d]!;
    }
    draws[b] = aggregate(sum);
  }
  const { se, ci } = summariseDraws(Number.NaN, draws, confidence, seed);
  return { se, ci95: ci };
}

function ascending(a: Float64Array): boolean {
  for (let i = 1; i < a.length; i++) if (!(a[i - 1]! <= a[i]!)) return false;
  return true;
}
