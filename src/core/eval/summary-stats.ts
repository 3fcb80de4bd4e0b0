// The descriptive statistics an eval summary needs: means with standard errors clustered by case,
// Wilson intervals for proportions, Student t quantiles, percentiles, and a seeded bootstrap for
// corpus metrics.

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Percentile with linear interpolation between closest ranks (numpy's default). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

/** Standard normal quantile (Acklam's algorithm, |error| < 1.2e-9 after one Newton step). */
export function normalQuantile(p: number): number {
  if (p <= 0 || p >= 1) throw new RangeError(`p must be in (0,1), got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  // One Newton–Raphson refinement with erfc.
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Complementary error function (Numerical Recipes' erfcc, relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Student t quantile via the Cornish–Fisher expansion (Hill 1970); good to ~1e-6 for df ≥ 3. */
export function tQuantile(p: number, df: number): number {
  if (!Number.isFinite(df) || df > 1e6) return normalQuantile(p);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) {
    const a = 4 * p * (1 - p);
    return (2 * p - 1) * Math.sqrt(2 / a);
  }
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z2 + 1) * z / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface MeanEstimate {
  mean: number;
  se: number;
  ci95: [number, number];
  method: "wilson" | "t" | "t-clustered";
  n: number;
  nClusters: number;
}

/**
 * Mean of per-sample values grouped by case. With one value per case: Wilson for 0/1 data, else a
 * t interval. With repeats: the cluster-robust standard error (CR1-style, clusters = cases), since
 * repeats of one case are not independent evidence.
 */
export function estimateMean(groups: readonly (readonly number[])[]): MeanEstimate | null {
  const flat = groups.flat();
  const n = flat.length;
  const G = groups.filter((g) => g.length > 0).length;
  if (n === 0) return null;
  const m = mean(flat);
  const clustered = groups.some((g) => g.length > 1);
  if (!clustered) {
    const binary = flat.every((x) => x === 0 || x === 1);
    let ss = 0;
    for (const x of flat) ss += (x - m) ** 2;
    const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN;
    if (binary) {
      const k = flat.reduce<number>((a, b) => a + b, 0);
      return { mean: m, se: n > 1 ? Math.sqrt((m * (1 - m)) / n) : NaN, ci95: wilson(k, n), method: "wilson", n, nClusters: G };
    }
    const half = n > 1 ? tQuantile(0.975, n - 1) * se : NaN;
    return { mean: m, se, ci95: [m - half, m + half], method: "t", n, nClusters: G };
  }
  // Cluster-robust variance of the mean: sum over clusters of (sum of residuals)^2 / n^2, with a
  // small-sample factor G/(G-1).
  let acc = 0;
  for (const g of groups) {
    let r = 0;
    for (const x of g) r += x - m;
    acc += r * r;
  }
  const se = G > 1 ? Math.sqrt(((G / (G - 1)) * acc) / (n * n)) : NaN;
  const half = G > 1 ? tQuantile(0.975, G - 1) * se : NaN;
  return { mean: m, se, ci95: [m - half, m + half], method: "t-clustered", n, nClusters: G };
}

/** A small, fast, seeded PRNG (mulberry32) so bootstrap intervals are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Percentile bootstrap of a corpus statistic: resample cases with replacement, sum their
 * sufficient statistics, recompute. `caseStats[i]` is case i's summed stats vector.
 */
export function bootstrapCorpus(
  caseStats: readonly (readonly number[])[],
  aggregate: (summed: readonly number[]) => number,
  resamples: number,
  seed: number,
): { se: number; ci95: [number, number] } | null {
  const G = caseStats.length;
  if (G < 2) return null;
  const dim = caseStats[0]!.length;
  const rand = seededRandom(seed);
  const values = new Float64Array(resamples);
  const sum = new Float64Array(dim);
  for (let b = 0; b < resamples; b++) {
    sum.fill(0);
    for (let i = 0; i < G; i++) {
      const s = caseStats[Math.floor(rand() * G)]!;
      for (let d = 0; d < dim; d++) sum[d]! += s[d]!;
    }
    values[b] = aggregate(sum as unknown as number[]);
  }
  const sorted = Array.from(values).sort((x, y) => x - y);
  const m = mean(sorted);
  let ss = 0;
  for (const v of sorted) ss += (v - m) ** 2;
  return { se: Math.sqrt(ss / (resamples - 1)), ci95: [percentile(sorted, 0.025)!, percentile(sorted, 0.975)!] };
}
