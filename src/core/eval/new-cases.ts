// Under a trusted yardstick, the cases a candidate suite adds (ids the yardstick lacks) are not
// gated: they are evaluated apart into <candidate run>/new-cases and reported on their own.
import type { CaseSet } from "./case-set.js";
import type { EvalCase } from "./cases.js";
import { DigestIndex } from "./digest-index.js";

/** Subdirectory of a candidate run that holds the ungated run of its new cases. */
export const NEW_CASES_DIR = "new-cases";

/** The candidate's cases whose ids the yardstick does not have, in the candidate's order. */
export function newCasesOf(yardstick: readonly EvalCase[], candidate: readonly EvalCase[]): EvalCase[] {
  const known = new Set(yardstick.map((c) => c.id));
  return candidate.filter((c) => !known.has(c.id));
}

/** The same as a stream: the candidate's cases whose ids the yardstick's digest table lacks (one counting pass). */
export async function newCaseSetOf(yardstick: CaseSet, candidate: CaseSet): Promise<CaseSet> {
  async function* stream(): AsyncIterable<EvalCase> {
    for await (const c of candidate.stream()) if (yardstick.ids.get(c.id) < 0) yield c;
  }
  const ids = new DigestIndex();
  let count = 0;
  for await (const c of stream()) ids.setIfAbsent(c.id, count++);
  return { stream, count, ids };
}
