// Power and sample size for paired comparisons (two-sided α, t-based with iteration on df):
// the minimum detectable effect at this n, and the n at which an effect would be detected.
import { normalQuantile } from "./special.js";
import { tQuantile } from "./student-t.js";

/** Smallest |Δ| that a paired t test of n cases detects with probability `power` at two-sided α. */
export function minimumDetectableEffect(sdDiff: number, n: number, alpha = 0.05, power = 0.8): number | null {
  if (n < 2 || !Number.isFinite(sdDiff)) return null;
  const df = n - 1;
  return ((tQuantile(1 - alpha / 2, df) + tQuantile(power, df)) * sdDiff) / Math.sqrt(n);
}

/**
 * Cases a paired t test needs to detect |effect| with `power` at two-sided α, given the SD of the
 * paired differences. Iterates n = ((t_{1−α/2,n−1} + t_{power,n−1}) · sd / effect)² to a fixed point.
 * Returns null when effect is 0 (never decidable) or inputs are not finite.
 */
export function casesNeeded(sdDiff: number, effect: number, alpha = 0.05, power = 0.8): number | null {
  const e = Math.abs(effect);
  if (!(e > 0) || !Number.isFinite(sdDiff)) return null;
  if (sdDiff === 0) return 2;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  let n = Math.max(2, Math.ceil(((za + zb) * sdDiff / e) ** 2));
  for (let i = 0; i < 50; i++) {
    const df = n - 1;
    const next = Math.max(2, Math.ceil(((tQuantile(1 - alpha / 2, df) + tQuantile(power, df)) * sdDiff / e) ** 2));
    if (next === n) break;
    n = next;
  }
  return Number.isFinite(n) ? n : null;
}

/**
 * The same, from a standard error measured at n (for any estimator whose SE shrinks as 1/√n, such as
 * a bootstrapped corpus score): n · ((z_{1−α/2} + z_power) · se / effect)².
 */
export function casesNeededFromSe(se: number, n: number, effect: number, alpha = 0.05, power = 0.8): number | null {
  const e = Math.abs(effect);
  if (!(e > 0) || !Number.isFinite(se) || n < 1) return null;
  const k = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return Math.max(2, Math.ceil(n * ((k * se) / e) ** 2));
}

/**
 * Repeats per case that would shrink the SD of case-mean differences enough to detect `effect` at
 * n cases, given between-case SD σ_b and within-case SD σ_w (Var(case mean) = σ_b² + σ_w²/K).
 * Null when even infinite repeats would not do (σ_b alone is too large) or inputs are missing.
 */
export function repeatsNeeded(sdBetween: number, sdWithin: number, n: number, effect: number, alpha = 0.05, power = 0.8): number | null {
  const e = Math.abs(effect);
  if (!(e > 0) || n < 2 || !Number.isFinite(sdBetween) || !Number.isFinite(sdWithin)) return null;
  const df = n - 1;
  const k = tQuantile(1 - alpha / 2, df) + tQuantile(power, df);
  const targetVar = n * (e / k) ** 2;
  const room = targetVar - sdBetween * sdBetween;
  if (room <= 0) return null;
  return Math.max(1, Math.ceil((sdWithin * sdWithin) / room));
}
