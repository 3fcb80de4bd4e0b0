// Holm's step-down adjustment of p-values for a family of tests (controls the family-wise error
// rate without Bonferroni's loss of power). Same results as R's p.adjust(p, "holm"). And the
// level at which each hypothesis is tested in Holm's steps, for intervals that agree with it.

/** Ranks by p, ties kept in input order (the order both functions below walk). */
function ranked(ps: readonly number[]): { p: number; i: number }[] {
  return ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
}

export function holmAdjust(ps: readonly number[]): number[] {
  const m = ps.length;
  const out = new Array<number>(m);
  let running = 0;
  ranked(ps).forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}

/**
 * Holm's per-hypothesis test levels at family-wise α: the hypothesis ranked r (from 0, smallest p
 * first) is tested at α/(m − r) while every smaller p was rejected; from the first non-rejection
 * on, the step-down stops and the rest keep that step's level α/(m − r₀). An interval at
 * confidence 1 − level for each hypothesis then excludes the null value exactly when its Holm-
 * adjusted p is below α. (Such intervals agree with Holm's decisions; unlike Bonferroni's 1 − α/m
 * intervals they are not guaranteed to cover all parameters jointly with probability 1 − α.)
 */
export function holmLevels(ps: readonly number[], alpha: number): number[] {
  const m = ps.length;
  const out = new Array<number>(m);
  let stopped: number | null = null;
  ranked(ps).forEach(({ p, i }, rank) => {
    if (stopped === null && !((m - rank) * p < alpha)) stopped = rank;
    out[i] = alpha / (m - (stopped ?? rank));
  });
  return out;
}
