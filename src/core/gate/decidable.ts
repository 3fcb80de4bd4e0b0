// Whether a gate policy's margins can ever be decided by a suite of a given size. A 0/1 metric's
// paired interval (Tango's score interval) keeps a width even when the candidate answers exactly
// as the baseline on every case (z²/(n + z²) on each side, whatever the pass rate); a
// non-inferiority margin narrower than that can never be cleared, so such a gate is INCONCLUSIVE
// on every pull request, however good. Pure: numbers in, numbers and sentences out; `llmops gate
// --plan`, the suite loader and the gate all use it.
import { tangoInterval } from "../stats/index.js";
import type { GatePolicy } from "./types.js";

/** Scorer types whose per-record values are 0 or 1 (their comparison uses Tango's score interval). */
export const BINARY_SCORER_TYPES: ReadonlySet<string> = new Set(["exact_match", "contains", "icontains", "regex", "json_valid", "json_schema"]);

/**
 * The largest regression the interval cannot exclude when the two runs agree on all `n` cases: minus
 * the lower end of the very interval the gate reads (it does not depend on the pass rate).
 */
export function identicalRunsBound(n: number, confidence: number): number {
  if (n <= 0) return 1;
  return -tangoInterval({ both: 0, broke: 0, fixed: 0, neither: n }, confidence)[0];
}

/** The fewest cases at which a margin can be cleared by two runs that agree everywhere (null when none up to 10 million). */
export function casesToDecide(margin: number, confidence: number): number | null {
  if (!(margin > 0)) return null;
  let hi = 8;
  while (identicalRunsBound(hi, confidence) >= margin) {
    hi *= 2;
    if (hi > 10_000_000) return null;
  }
  let lo = Math.max(1, hi / 2);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (identicalRunsBound(mid, confidence) < margin) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

export interface MarginPlan {
  metric: string;
  /** The policy's absolute max_regression (relative margins depend on the baseline: not planned). */
  margin: number;
  cases: number;
  repeats: number;
  /** Smallest regression the suite can rule out even when nothing changed. */
  smallest: number;
  decidable: boolean;
  /** Cases at which the margin becomes decidable (null when already decidable or never). */
  cases_needed: number | null;
  message: string;
}

const points = (x: number) => `${Number((x * 100).toPrecision(2))} point${x === 0.01 ? "" : "s"}`;

/** One sentence on why a margin is (un)decidable, and what to do about it. */
export function explainMargin(metric: string, margin: number, cases: number, smallest: number, needed: number | null): string {
  if (margin > smallest) return `${metric}: with ${cases} cases the smallest regression this suite can rule out is ${points(smallest)}; the margin of ${points(margin)} can be decided`;
  return `${metric}: with ${cases} cases the smallest regression this suite can rule out is ${points(smallest)}; a max_regression of ${points(margin)} ${needed ? `needs about ${needed} cases` : "can never be decided"} — add cases, widen the margin, or use repeats (or set inconclusive: neutral)`;
}

/**
 * Plan every gated absolute max_regression on a 0/1 metric for a suite of `cases` × `repeats`.
 * `types` maps metric names to scorer types. With repeats > 1 the comparison uses a t interval on
 * case means, whose width depends on the spread: not planned here.
 */
export function planMargins(policy: GatePolicy, types: ReadonlyMap<string, string>, cases: number, repeats: number): MarginPlan[] {
  const out: MarginPlan[] = [];
  if (repeats !== 1) return out;
  for (const [metric, rule] of Object.entries(policy.metrics)) {
    if (rule.gate === false || typeof rule.max_regression !== "number") continue;
    const type = types.get(metric);
    if (type === undefined || !BINARY_SCORER_TYPES.has(type)) continue;
    const margin = rule.max_regression;
    const smallest = identicalRunsBound(cases, policy.confidence);
    const decidable = margin > smallest;
    const needed = decidable ? null : casesToDecide(margin, policy.confidence);
    out.push({ metric, margin, cases, repeats, smallest, decidable, cases_needed: needed, message: explainMargin(metric, margin, cases, smallest, needed) });
  }
  return out;
}
