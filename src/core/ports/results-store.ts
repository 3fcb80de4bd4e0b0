// The ResultsStore port: an eval run's records, appended as each completes so a killed run resumes.
// Adapter: src/adapters/fs/jsonl-results-store.ts.
import type { EvalRecord } from "../eval/types.js";

export interface ResultsStore {
  /** Records already on disk (a cut-off last line is dropped). */
  load(): EvalRecord[];
  /** Append and flush one record. */
  append(record: EvalRecord): void;
  /** Rewrite atomically with exactly these records. */
  finalize(records: readonly EvalRecord[]): void;
}
