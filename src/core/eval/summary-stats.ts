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
  return x;
}

/** Natural log of the gamma function (Lanczos, g=7, n=9). */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(Math.log(x) * a + Math.log(1 - x) * b - (logGamma(a) + logGamma(b) - logGamma(a + b))) / a;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 300; i++) {
    const m = i >> 1;
    const num = i === 0 ? 1 : i % 2 === 0 ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)) : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    d = 1 / d;
    c = 1 + num / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    const cd = c * d;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-15) break;
  }
  return front * (f - 1);
}

/** Student t cumulative distribution function. */
export function tCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student t quantile: Cornish–Fisher start (Hill 1970), polished by Newton steps on the exact CDF. */
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
  let t = z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  for (let i = 0; i < 8; i++) {
    const pdf = Math.exp(logNorm - ((df + 1) / 2) * Math.log(1 + (t * t) / df));
    const step = (tCdf(t, df) - p) / pdf;
    t -= step;
    if (Math.abs(step) < 1e-12 * Math.max(1, Math.abs(t))) break;
  }
  return t;
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
