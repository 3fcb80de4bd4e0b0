// The ResultsStore port: an eval run's records, appended as each completes so a killed run resumes,
// read and rewritten one record at a time so a run of a million records needs no more memory than
// a run of a thousand. Adapter: src/adapters/fs/jsonl-results-store.ts.
import type { EvalRecord } from "../eval/types.js";

/** Where one record's line lies in the results file. */
export interface RecordLocation {
  offset: number;
  length: number;
}

export interface ResultsStore {
  /** Each record already on disk, in file order, with where it lies (a cut-off last line is dropped). */
  load(each: (record: EvalRecord, at: RecordLocation) => void): void;
  /** Append and flush one record; where it was written. */
  append(record: EvalRecord): RecordLocation;
  /**
   * Rewrite atomically with exactly the records at `locations`, in that order, each passed through
   * `map` (called once per record, in order). `dropsRecords`: some records on disk are not among
   * them (another configuration, --limit), so the old file is kept aside rather than lost.
   */
  finalize(locations: Iterable<RecordLocation & { index: number }>, map: (record: EvalRecord, index: number) => EvalRecord, dropsRecords: boolean): void;
}
