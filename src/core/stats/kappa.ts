// Cohen's kappa between two raters over k ordered categories, unweighted (nominal) or with
// quadratic weights (ordinal: a 4 against a 5 disagrees less than a 1 against a 5), and a
// percentile bootstrap interval over the rated items (seeded, so reproducible).
import { InternalError } from "../../errors.js";
import { createRng } from "./prng.js";
import { quantileSorted } from "./descriptive.js";

export type KappaWeights = "none" | "quadratic";

/** Kappa of paired ratings (category indices 0..k-1); null when undefined (chance agreement is perfect). */
export function cohenKappa(a: readonly number[], b: readonly number[], k: number, weights: KappaWeights): number | null {
  if (a.length !== b.length) throw new InternalError("cohenKappa: the two raters rated different numbers of items");
  const n = a.length;
  if (n === 0 || k < 2) return null;
  const rowA = new Float64Array(k);
  const colB = new Float64Array(k);
  let observed = 0;
  const w = (i: number, j: number) => (weights === "quadratic" ? ((i - j) / (k - 1)) ** 2 : i === j ? 0 : 1);
  for (let t = 0; t < n; t++) {
    const i = a[t]!;
    const j = b[t]!;
    rowA[i]!++;
    colB[j]!++;
    observed += w(i, j);
  }
  let expected = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expected += w(i, j) * rowA[i]! * colB[j]!;
  observed /= n;
  expected /= n * n;
  if (expected === 0) return null;
  return 1 - observed / expected;
}

/** Share of items on which the two raters gave the same category. */
export function observedAgreement(a: readonly number[], b: readonly number[]): number | null {
  if (a.length === 0) return null;
  let same = 0;
  for (let t = 0; t < a.length; t++) if (a[t] === b[t]) same++;
  return same / a.length;
}

/**
 * Percentile bootstrap interval of kappa, resampling items with replacement; resamples where kappa
 * is undefined are left out (their count is returned). Null with fewer than 2 items.
 */
export function kappaBootstrap(a: readonly number[], b: readonly number[], k: number, weights: KappaWeights, resamples = 2000, seed = 1, confidence = 0.95): { ci: [number, number] | null; undefinedResamples: number } {
  const n = a.length;
  if (n < 2) return { ci: null, undefinedResamples: 0 };
  const rng = createRng(seed);
  const draws: number[] = [];
  const ra = new Array<number>(n);
  const rb = new Array<number>(n);
  let undef = 0;
  for (let r = 0; r < resamples; r++) {
    for (let t = 0; t < n; t++) {
      const i = rng.int(n);
      ra[t] = a[i]!;
      rb[t] = b[i]!;
    }
    const kv = cohenKappa(ra, rb, k, weights);
    if (kv === null) undef++;
    else draws.push(kv);
  }
  if (draws.length === 0) return { ci: null, undefinedResamples: undef };
  draws.sort((x, y) => x - y);
  const alpha = (1 - confidence) / 2;
  return { ci: [quantileSorted(draws, alpha), quantileSorted(draws, 1 - alpha)], undefinedResamples: undef };
}
