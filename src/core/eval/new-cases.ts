// Under a trusted yardstick, the cases a candidate suite adds (ids the yardstick lacks) are not
// gated: they are evaluated apart into <candidate run>/new-cases and reported on their own.
import type { EvalCase } from "./cases.js";

/** Subdirectory of a candidate run that holds the ungated run of its new cases. */
export const NEW_CASES_DIR = "new-cases";

/** The candidate's cases whose ids the yardstick does not have, in the candidate's order. */
export function newCasesOf(yardstick: readonly EvalCase[], candidate: readonly EvalCase[]): EvalCase[] {
  const known = new Set(yardstick.map((c) => c.id));
  return candidate.filter((c) => !known.has(c.id));
}
