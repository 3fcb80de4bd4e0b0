// Intervals for proportions: Wilson's score interval for one proportion, and Newcombe's (1998)
// method 10 for the difference of two paired proportions (Wilson-based, with a correlation term).
import { normalQuantile } from "./special.js";

/** z for a two-sided interval at `confidence` (0.95 → 1.959964). */
export function zFor(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

/** Wilson score interval for k successes in n trials (no continuity correction). */
export function wilsonInterval(k: number, n: number, confidence = 0.95): [number, number] {
  if (n === 0) return [0, 1];
  const z = zFor(confidence);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp the exact ends at k = 0 and k = n, where rounding can leave 1e-17 outside [0, 1].
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

/** A paired 2×2 table: both pass, baseline-only pass (broke), candidate-only pass (fixed), both fail. */
export interface PairedTable {
  both: number;
  broke: number;
  fixed: number;
  neither: number;
}

/**
 * Interval for Δ = p_candidate − p_baseline from paired binary outcomes: Newcombe (1998) method 10
 * (Stat Med 17:2635), Wilson score limits for each margin combined with the phi correlation
 * correction. Good coverage at small n, never outside [−1, 1].
 */
export function newcombePairedInterval(t: PairedTable, confidence = 0.95): [number, number] {
  const n = t.both + t.broke + t.fixed + t.neither;
  if (n === 0) return [-1, 1];
  // Newcombe's notation: p1 is the first margin, p2 the second; θ = p1 − p2. Here p1 = candidate.
  const e = t.both;
  const f = t.fixed; // candidate yes, baseline no
  const g = t.broke; // candidate no, baseline yes
  const h = t.neither;
  const p1 = (e + f) / n;
  const p2 = (e + g) / n;
  const [l1, u1] = wilsonInterval(e + f, n, confidence);
  const [l2, u2] = wilsonInterval(e + g, n, confidence);
  const a = (e + f) * (g + h) * (e + g) * (f + h);
  let phi = 0;
  if (a > 0) {
    const b = e * h - f * g;
    const c = b > n / 2 ? b - n / 2 : b >= 0 ? 0 : b;
    phi = c / Math.sqrt(a);
  }
  const theta = p1 - p2;
  const dl = Math.sqrt(Math.max(0, (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2));
  const du = Math.sqrt(Math.max(0, (u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2));
  return [Math.max(-1, theta - dl), Math.min(1, theta + du)];
}
