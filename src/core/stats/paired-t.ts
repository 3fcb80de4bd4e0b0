// Paired t on per-case differences, and its clustered form: with K repeats per case, repeats are
// averaged within each case first (the case is the unit of independence), then cases are paired.
import { mean, variance } from "./descriptive.js";
import { invertTest } from "./invert.js";
import { tQuantile, tTwoSidedP } from "./student-t.js";

export interface TResult {
  n: number;
  mean: number;
  sd: number;
  se: number;
  df: number;
  t: number;
  p: number;
  ci: [number, number];
}

/** Two-sided p of the t test of H0: mean = δ₀, from a result's mean, SE and df. */
export function tTestAt(r: Pick<TResult, "mean" | "se" | "df">, delta0: number): number {
  if (r.se === 0) return r.mean === delta0 ? 1 : 0;
  return tTwoSidedP((r.mean - delta0) / r.se, r.df);
}

/**
 * The t interval at `confidence`, as the set of δ₀ the t test does not reject (the textbook
 * mean ± t·SE, solved on the test's own p function so that p and interval can never disagree).
 */
export function tIntervalAt(r: Pick<TResult, "mean" | "se" | "df">, confidence: number): [number, number] {
  const alpha = 1 - confidence;
  const half = tQuantile(1 - alpha / 2, r.df) * r.se;
  return invertTest((d) => tTestAt(r, d), r.mean, alpha, { min: -Infinity, max: Infinity, scale: half, guess: [r.mean - half, r.mean + half] });
}

/** One-sample t on values (for paired data: the differences) against 0. Needs n ≥ 2. */
export function oneSampleT(xs: ArrayLike<number>, confidence = 0.95): TResult | null {
  const n = xs.length;
  if (n < 2) return null;
  const m = mean(xs);
  const v = Math.max(0, variance(xs));
  const sdv = Math.sqrt(v);
  const se = sdv / Math.sqrt(n);
  const df = n - 1;
  if (se === 0) return { n, mean: m, sd: 0, se: 0, df, t: m === 0 ? 0 : Math.sign(m) * Infinity, p: m === 0 ? 1 : 0, ci: [m, m] };
  const t = m / se;
  return { n, mean: m, sd: sdv, se, df, t, p: tTwoSidedP(t, df), ci: tIntervalAt({ mean: m, se, df }, confidence) };
}

/** Paired t: candidate[i] − baseline[i]. */
export function pairedT(baseline: ArrayLike<number>, candidate: ArrayLike<number>, confidence = 0.95): TResult | null {
  if (baseline.length !== candidate.length) throw new RangeError("paired t needs arrays of equal length");
  const d = new Float64Array(baseline.length);
  for (let i = 0; i < d.length; i++) d[i] = candidate[i]! - baseline[i]!;
  return oneSampleT(d, confidence);
}

/** Average the values of each cluster (case): the input to clustered inference. */
export function clusterMeans(clusters: ReadonlyArray<ArrayLike<number>>): Float64Array {
  const out = new Float64Array(clusters.length);
  clusters.forEach((c, i) => {
    out[i] = mean(c);
  });
  return out;
}

/**
 * Standard error of the grand mean of clustered data, treating clusters (cases) as the independent
 * units: SD of cluster means / √(clusters). With one value per cluster it is the ordinary SE.
 */
export function clusteredSe(clusters: ReadonlyArray<ArrayLike<number>>): number {
  const m = clusterMeans(clusters);
  return Math.sqrt(variance(m) / m.length);
}

/** Pooled within-cluster SD (between repeats of the same case); null when no cluster has 2 values. */
export function withinClusterSd(clusters: ReadonlyArray<ArrayLike<number>>): number | null {
  let ss = 0;
  let df = 0;
  for (const c of clusters) {
    if (c.length < 2) continue;
    ss += variance(c) * (c.length - 1);
    df += c.length - 1;
  }
  return df > 0 ? Math.sqrt(ss / df) : null;
}
