// Confidence intervals obtained by inverting a test: the interval is the set of null values the
// test does not reject, found by bisection down to adjacent floating-point numbers on the very
// function that gives the p-value. So "p(δ₀) < α" holds exactly when δ₀ lies outside the interval
// at level 1 − α — the report can never show a p-value and an interval that disagree.

/**
 * The boundary between a rejected and an accepted point: returns the accepted end once the two
 * are adjacent floats. `rejected` must be rejected and `accepted` accepted; the accepted set is
 * assumed to be an interval (the p-value falls monotonically away from the estimate).
 */
function boundary(rejected: number, accepted: number, accepts: (x: number) => boolean): number {
  let r = rejected;
  let a = accepted;
  for (;;) {
    const mid = r + (a - r) / 2;
    if (mid === r || mid === a) return a;
    if (accepts(mid)) a = mid;
    else r = mid;
  }
}

export interface InversionRange {
  /** The parameter's range: the interval never extends beyond it (e.g. [−1, 1] for a difference of proportions). */
  min: number;
  max: number;
  /** A first step outwards from the estimate when the range is unbounded (doubled until a rejected point is found). */
  scale?: number;
  /**
   * Where the ends are expected (e.g. the closed form the test inverts): each is bracketed within
   * a relative 1e-7 of its guess when the test agrees, which saves half the bisection steps.
   * The result is the same either way: the boundary of the test's own p function.
   */
  guess?: [number, number];
}

/**
 * {δ₀ : pAt(δ₀) ≥ α}, as [lower, upper], for a test whose p-value is 1 (or at least α) at
 * `estimate` and falls on either side of it. Ends at the range's bounds when those are accepted.
 */
export function invertTest(pAt: (delta0: number) => number, estimate: number, alpha: number, range: InversionRange): [number, number] {
  const accepts = (x: number) => pAt(x) >= alpha;
  if (!accepts(estimate)) return [estimate, estimate];
  const side = (dir: -1 | 1): number => {
    const g = range.guess?.[dir < 0 ? 0 : 1];
    if (g !== undefined && Number.isFinite(g) && (g - estimate) * dir > 0) {
      const eps = 1e-7 * Math.max(Math.abs(g - estimate), Math.abs(g));
      const inner = g - dir * eps;
      const outer = g + dir * eps;
      if ((inner - estimate) * dir > 0 && accepts(inner) && !accepts(outer)) return boundary(outer, inner, accepts);
    }
    const end = dir < 0 ? range.min : range.max;
    if (Number.isFinite(end)) return accepts(end) ? end : boundary(end, estimate, accepts);
    let step = range.scale && range.scale > 0 ? range.scale : Math.max(1, Math.abs(estimate));
    let inner = estimate;
    for (;;) {
      const x = estimate + dir * step;
      if (!Number.isFinite(x)) return dir * Infinity;
      if (!accepts(x)) return boundary(x, inner, accepts);
      inner = x;
      step *= 2;
    }
  };
  return [side(-1), side(1)];
}

/**
 * The p-value of a family of nested intervals (narrower as the confidence falls): the largest α at
 * which the interval at confidence 1 − α still contains δ₀, found by bisection on α. Then
 * "p < 1 − c ⇔ δ₀ outside intervalAt(c)" holds exactly for every confidence c ≥ ½ (where 1 − c
 * and 1 − (1 − c) are exact). 1 when δ₀ is in every interval; 0 when it is in none (δ₀ beyond
 * every bootstrap draw: the p is then below what the draws can resolve).
 */
export function pFromIntervals(intervalAt: (confidence: number) => [number, number] | null, delta0: number): number {
  const contains = (alpha: number) => {
    const ci = intervalAt(1 - alpha);
    return ci !== null && ci[0] <= delta0 && delta0 <= ci[1];
  };
  if (contains(1)) return 1;
  let inside = 0; // α = 0: the interval is the whole line
  let outside = 1;
  for (;;) {
    const mid = inside + (outside - inside) / 2;
    if (mid === inside || mid === outside) return inside;
    if (contains(mid)) inside = mid;
    else outside = mid;
  }
}
