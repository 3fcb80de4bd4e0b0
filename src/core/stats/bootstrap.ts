// Paired bootstrap: resample cases with replacement (the same indices for both runs, so the pairing
// is kept) and recompute the statistic. Two forms: the mean of paired differences (a hot loop with
// the PRNG inlined) and corpus metrics (sum per-case sufficient statistics, then aggregate).
import { quantileSorted } from "./descriptive.js";
import { createRng } from "./prng.js";

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

export interface CorpusBootstrap {
  delta: BootstrapSummary;
  baseline: BootstrapSummary;
  candidate: BootstrapSummary;
}

/**
 * Paired bootstrap of a corpus metric. `baseline` and `candidate` are n × L row-major sufficient
 * statistics (row i = case i, summed over its repeats); the score of a set of cases is
 * aggregate(element-wise sum of their rows). Each resample draws n case indices and scores both
 * runs on the same draw.
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
  const rng = createRng(seed);
  const sb = new Array<number>(width).fill(0);
  const sc = new Array<number>(width).fill(0);
  const total = (m: Float64Array): number[] => {
    const s = new Array<number>(width).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < width; j++) s[j]! += m[i * width + j]!;
    return s;
  };
  const b0 = aggregate(total(baseline));
  const c0 = aggregate(total(candidate));
  const db = new Float64Array(resamples);
  const dc = new Float64Array(resamples);
  const dd = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    sb.fill(0);
    sc.fill(0);
    for (let i = 0; i < n; i++) {
      const row = rng.int(n) * width;
      for (let j = 0; j < width; j++) {
        sb[j]! += baseline[row + j]!;
        sc[j]! += candidate[row + j]!;
      }
    }
    const vb = aggregate(sb);
    const vc = aggregate(sc);
    db[b] = vb;
    dc[b] = vc;
    dd[b] = vc - vb;
  }
  return {
    delta: summariseDraws(c0 - b0, dd, confidence, seed),
    baseline: summariseDraws(b0, db, confidence, seed),
    candidate: summariseDraws(c0, dc, confidence, seed),
  };
}

/**
 * Bootstrap draws of one sample's q-quantile (e.g. p95 latency; type-7 interpolation). Each
 * resample is drawn as counts over the sorted values, so a draw costs O(n) instead of a sort.
 */
export function bootstrapQuantile(values: ArrayLike<number>, q: number, resamples: number, seed: number): Float64Array {
  const sorted = Float64Array.from(values).sort();
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
