// Student's t distribution: CDF through the incomplete beta function, quantile by safeguarded Newton.
import { incompleteBeta, lnGamma, normalCdf, normalQuantile } from "./special.js";

/** P(T ≤ t) for T ~ t(df), df > 0 (Infinity gives the normal). */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (df === Infinity) return normalCdf(t);
  const t2 = t * t;
  // Near 0, df/(df+t²) rounds towards 1 and loses 1 − x: there the complementary form
  // P(|T| < |t|) = I_{t²/(df+t²)}(½, df/2) is exact, and it is small, so 0.5 ± it keeps precision.
  // In the tails that form would be 1 − (tiny) — use the tail form there.
  const centre = 0.5 * incompleteBeta(t2 / (df + t2), 0.5, df / 2);
  if (centre < 0.25) return t > 0 ? 0.5 + centre : 0.5 - centre;
  const tail = 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Density of t(df) at t. */
export function tPdf(t: number, df: number): number {
  const lnc = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnc - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** The p-quantile of t(df): the t with P(T ≤ t) = p. Accurate to ~1e-10. */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (df === Infinity) return normalQuantile(p);
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (p === 0.5) return 0;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  // Start from the Cornish–Fisher expansion around the normal quantile, then Newton with a bracket.
  const z = normalQuantile(p);
  let x = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  let lo = 0;
  let hi = Math.max(2 * x, 1);
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    if (!(x > lo && x < hi)) x = (lo + hi) / 2;
    const f = tCdf(x, df) - p;
    if (f > 0) hi = x;
    else lo = x;
    const step = f / tPdf(x, df);
    const next = x - step;
    if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(x)) || hi - lo < 1e-14 * Math.max(1, hi)) return next > lo && next < hi ? next : x;
    x = next;
  }
  return x;
}

/** Two-sided p-value P(|T| ≥ |t|) for T ~ t(df), computed from the tail directly (no 1 − x cancellation). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  if (df === Infinity) return 2 * normalCdf(-Math.abs(t));
  const t2 = t * t;
  // As in tCdf: the complementary form where p is large, the tail form where it is small.
  const inner = incompleteBeta(t2 / (df + t2), 0.5, df / 2);
  if (inner < 0.5) return 1 - inner;
  return Math.min(1, incompleteBeta(df / (df + t2), df / 2, 0.5));
}
