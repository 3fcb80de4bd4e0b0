// Exact binomial tests: the two-sided binomial test (R's binom.test convention) and McNemar's
// exact test for paired binary outcomes (a binomial test of broke vs fixed at p = 1/2).
import { lnChoose } from "./special.js";

export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(lnChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/**
 * Two-sided exact binomial test of H0: P(success) = p, given k successes in n trials. The p-value
 * sums the probabilities of outcomes no more likely than the observed one (R's binom.test, with
 * its relative tolerance 1e-7 for ties).
 */
export function binomialTestTwoSided(k: number, n: number, p = 0.5): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || k > n) throw new RangeError(`binomial test needs 0 ≤ k ≤ n integers, got k=${k}, n=${n}`);
  if (n === 0) return 1;
  const d = binomialPmf(k, n, p) * (1 + 1e-7);
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const pi = binomialPmf(i, n, p);
    if (pi <= d) sum += pi;
  }
  return Math.min(1, sum);
}

export interface McNemarResult {
  /** Discordant pairs: baseline pass → candidate fail, and the reverse. */
  broke: number;
  fixed: number;
  p: number;
}

/** McNemar's exact test on the discordant counts (conditional binomial test, two-sided). */
export function mcnemarExact(broke: number, fixed: number): McNemarResult {
  const n = broke + fixed;
  if (n === 0) return { broke, fixed, p: 1 };
  const k = Math.min(broke, fixed);
  // Symmetric at p = 1/2: twice the smaller tail, capped at 1.
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += binomialPmf(i, n, 0.5);
  return { broke, fixed, p: Math.min(1, 2 * tail) };
}
