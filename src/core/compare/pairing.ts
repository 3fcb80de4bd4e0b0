// Pair two runs by case id: the cases on both sides (baseline order), and those on one side only.
import type { OneSided } from "./types.js";
import type { RecordForCompare } from "./run-records.js";

/** Records of one run grouped by case id, repeats in order. */
export type CaseRecords = Map<string, RecordForCompare[]>;

export function groupByCase(records: readonly RecordForCompare[]): CaseRecords {
  const out: CaseRecords = new Map();
  for (const r of records) {
    const list = out.get(r.case_id);
    if (list) list.push(r);
    else out.set(r.case_id, [r]);
  }
  return out;
}

export interface Pairing {
  /** Case ids present on both sides, in the baseline's order. */
  paired: string[];
  oneSided: OneSided;
}

export function pairCases(baseline: CaseRecords, candidate: CaseRecords): Pairing {
  const paired: string[] = [];
  const baselineOnly: string[] = [];
  for (const id of baseline.keys()) (candidate.has(id) ? paired : baselineOnly).push(id);
  const candidateOnly = [...candidate.keys()].filter((id) => !baseline.has(id));
  return { paired, oneSided: { baseline_only: baselineOnly, candidate_only: candidateOnly } };
}
