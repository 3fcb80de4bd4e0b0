// The ResultsStore port: an eval run's records, appended as each completes so a killed run resumes,
// read and rewritten one record at a time so a run of a million records needs no more memory than
// a run of a thousand. Adapter: src/adapters/fs/jsonl-results-store.ts.
import type { EvalRecord } from "../eval/types.js";

/** Where one record's line lies in the results file. */
export interface RecordLocation {
  offset: number;
  length: number;
}

/** The final results file written in plan order while a run goes (ResultsStore.inOrder). */
export interface InOrderWriter {
  /** The next record in plan order; `text`, when given, is its line as append() wrote it (newline included). */
  write(record: EvalRecord, text?: string): void;
  /** Every record was written: this file replaces the results file, atomically. */
  commit(): void;
  /** Not every record came (too far out of order, or the run stopped): what was written is removed. */
  discard(): void;
}

export interface ResultsStore {
  /** False when there is certainly nothing to load (no file, or an empty one). */
  mayHoldRecords(): boolean;
  /** Each record already on disk, in file order, with where it lies (a cut-off last line is dropped). */
  load(each: (record: EvalRecord, at: RecordLocation) => void): void;
  /**
   * Append one record (on disk by the end of this turn of the event loop, and before any load,
   * finalize or close); where it lies, and the line written (newline included) when the store
   * writes lines.
   */
  append(record: EvalRecord): RecordLocation & { text?: string };
  /**
   * Rewrite atomically with exactly the records at `locations` (a stream), in that order, each
   * passed through `map` with its location (called once per record, in order; `map` never mutates
   * the record it is given: it returns it to keep it, or a new one). `dropsRecords`:
   * some records on disk are not among them (another configuration, --limit), so the old file is
   * kept aside rather than lost.
   */
  /**
   * Optional: for a run that found nothing on disk, the final file written in plan order as the
   * records come (finalize's rewrite, which reads every record back, is then not needed).
   */
  inOrder?(): InOrderWriter;
  finalize<L extends RecordLocation>(locations: Iterable<L> | AsyncIterable<L>, map: (record: EvalRecord, at: L) => EvalRecord, dropsRecords: boolean): Promise<void>;
}
