// Whether the thing under test did not change between two runs: every record was produced by the
// same rendered request and came back with the same output (so every score is the same), or both
// runs name the same model content hash with the same prompt, cases and sampling parameters. Then
// no statistic is needed: the candidate is the baseline, and the gate passes "unchanged".
import { stableStringify } from "../stable-json.js";
import type { LoadedRun } from "./run-records.js";

export interface Unchanged {
  /** "requests-and-outputs": identical per record; "model-and-prompt": identical content hashes. */
  basis: "requests-and-outputs" | "model-and-prompt";
  /** One sentence for the report and the check run. */
  reason: string;
}

const idOf = (caseId: string, repeat: number) => `${caseId}\u0000${repeat}`;

function sameRecords(baseline: LoadedRun, candidate: LoadedRun): boolean {
  if (!sameCases(baseline, candidate)) return false;
  const byId = new Map(baseline.records.map((r) => [idOf(r.case_id, r.repeat), r]));
  for (const c of candidate.records) {
    const b = byId.get(idOf(c.case_id, c.repeat));
    // An errored record says nothing about the thing under test (sameCases refuses those).
    if (!b || b.key === undefined || b.key !== c.key) return false;
    if ((b.output ?? null) !== (c.output ?? null)) return false;
    if (stableStringify(scoreValues(b.scores)) !== stableStringify(scoreValues(c.scores))) return false;
  }
  return true;
}

/** The same (case, repeat) records on both sides, none errored. */
function sameCases(baseline: LoadedRun, candidate: LoadedRun): boolean {
  if (baseline.records.length === 0 || baseline.records.length !== candidate.records.length) return false;
  const ids = new Set(baseline.records.map((r) => idOf(r.case_id, r.repeat)));
  return candidate.records.every((r) => ids.has(idOf(r.case_id, r.repeat))) && [...baseline.records, ...candidate.records].every((r) => r.error === null);
}

export function scoreValues(scores: LoadedRun["records"][number]["scores"]): Record<string, number | null> {
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.value]));
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The model's content hash as the eval recorded it (`provenance.target.model_hash`), when a provider knows it. */
function modelHash(run: Pick<LoadedRun, "summary">): string | null {
  return str(obj(obj(run.summary?.provenance).target).model_hash);
}

/** The model hash both runs name, with the same prompt, cases, suite and sampling parameters; else null. */
function sameModelAndPrompt(baseline: Pick<LoadedRun, "summary">, candidate: Pick<LoadedRun, "summary">): string | null {
  const bm = modelHash(baseline);
  if (bm === null || bm !== modelHash(candidate)) return null;
  const bp = obj(baseline.summary?.provenance);
  const cp = obj(candidate.summary?.provenance);
  for (const k of ["prompt_hash", "dataset_hash", "suite_hash"]) if (str(bp[k]) === null || bp[k] !== cp[k]) return null;
  const params = (p: Record<string, unknown>) => stableStringify(obj(obj(p.target).params));
  if (params(bp) !== params(cp)) return null;
  return bm;
}

/** Evidence that the candidate is the baseline, or null when anything differs (then the statistics decide). */
export function findUnchanged(baseline: LoadedRun, candidate: LoadedRun): Unchanged | null {
  return decideUnchanged({ sameCases: sameCases(baseline, candidate), sameRecords: sameRecords(baseline, candidate), candidateRecords: candidate.records.length }, baseline, candidate);
}

/** What a pass over the records found; `sameRecords` implies `sameCases`. */
export interface RecordsEvidence {
  sameCases: boolean;
  sameRecords: boolean;
  candidateRecords: number;
}

/** The verdict from the records' evidence (however it was gathered) and the summaries. */
export function decideUnchanged(e: RecordsEvidence, baseline: Pick<LoadedRun, "summary">, candidate: Pick<LoadedRun, "summary">): Unchanged | null {
  if (e.sameRecords) {
    return {
      basis: "requests-and-outputs",
      reason: `unchanged: all ${e.candidateRecords} records were produced by the same requests and returned the same outputs as the baseline`,
    };
  }
  const hash = e.sameCases ? sameModelAndPrompt(baseline, candidate) : null;
  if (hash !== null) {
    return {
      basis: "model-and-prompt",
      reason: `unchanged: the same model (sha256 ${hash.replace(/^sha256:/, "").slice(0, 12)}), prompt, cases, suite and sampling parameters as the baseline`,
    };
  }
  return null;
}
