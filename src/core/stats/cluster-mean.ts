// The mean of per-sample scores grouped by case, with a standard error and 95% interval that do
// not treat repeats of one case as independent evidence.
import { mean } from "./descriptive.js";
import { wilsonInterval } from "./proportions.js";
import { tQuantile } from "./student-t.js";

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
      return { mean: m, se: n > 1 ? Math.sqrt((m * (1 - m)) / n) : NaN, ci95: wilsonInterval(k, n), method: "wilson", n, nClusters: G };
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
