// Paired proportions by one method: Tango's (1998) score test of H0: Δ = δ₀ for the difference of
// two paired proportions, and the interval made of the δ₀ it does not reject. At δ₀ = 0 the
// statistic is McNemar's asymptotic (uncorrected) z = (f − g)/√(f + g), so the p-value against no
// difference and the interval always agree, and so do the test at a gate's margin and the bound.
import { invertTest } from "./invert.js";
import type { PairedTable } from "./proportions.js";
import { normalCdf } from "./special.js";

/**
 * Tango's score statistic for H0: p_candidate − p_baseline = δ₀ (−1 ≤ δ₀ ≤ 1). With f = fixed
 * (candidate only passes), g = broke (baseline only), n pairs, and q̃ the maximum-likelihood
 * estimate of P(broke) under H0: z = (f − g − nδ₀) / √(n(2q̃ + δ₀(1 − δ₀))).
 * Positive when the data say Δ > δ₀. 0 where it is 0/0 (no discordant pairs and δ₀ = 0).
 */
export function tangoStatistic(t: PairedTable, delta0: number): number {
  const n = t.both + t.broke + t.fixed + t.neither;
  const f = t.fixed;
  const g = t.broke;
  const num = f - g - n * delta0;
  // Restricted MLE of the broke-cell probability: the positive root of A·q² + B·q + C = 0.
  const A = 2 * n;
  const B = -f - g + (2 * n - f + g) * delta0;
  const C = -g * delta0 * (1 - delta0);
  const q = (Math.sqrt(Math.max(0, B * B - 4 * A * C)) - B) / (2 * A);
  const v = n * (2 * q + delta0 * (1 - delta0));
  if (!(v > 0)) return num === 0 ? 0 : num > 0 ? Infinity : -Infinity;
  return num / Math.sqrt(v);
}

export interface PairedScoreResult {
  /** Observed Δ = (fixed − broke) / n. */
  estimate: number;
  /** Tango's statistic at δ₀ (at 0: McNemar's asymptotic z). */
  z: number;
  /** Two-sided p of H0: Δ = δ₀. */
  p: number;
}

/** The score test of H0: Δ = δ₀ (two-sided). At δ₀ = 0 this is McNemar's asymptotic test without continuity correction. */
export function pairedScoreTest(t: PairedTable, delta0 = 0): PairedScoreResult {
  const n = t.both + t.broke + t.fixed + t.neither;
  const estimate = n === 0 ? 0 : (t.fixed - t.broke) / n;
  if (n === 0) return { estimate, z: 0, p: 1 };
  const z = tangoStatistic(t, delta0);
  return { estimate, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

/**
 * Tango's score interval for Δ at `confidence`: every δ₀ in [−1, 1] whose score test has p ≥ α,
 * found on the same p function as pairedScoreTest (so p(δ₀) < α exactly when δ₀ is outside).
 */
export function tangoInterval(t: PairedTable, confidence = 0.95): [number, number] {
  const n = t.both + t.broke + t.fixed + t.neither;
  if (n === 0) return [-1, 1];
  const alpha = 1 - confidence;
  return invertTest((d) => pairedScoreTest(t, d).p, (t.fixed - t.broke) / n, alpha, { min: -1, max: 1 });
}
