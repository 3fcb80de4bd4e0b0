// An eval run as a comparison reads it: its records (last per case × repeat) and its summary. The
// formats and their one reader are in core/contracts/; file access is app/eval/eval-run-reader.ts.
import type { EvalRecord } from "../contracts/result-line.js";
import type { RunSummary } from "../contracts/summary.js";

export type RecordForCompare = EvalRecord;
export type SummaryForCompare = RunSummary;

/** An eval run as read: the last record per (case, repeat), in first-seen case order then repeat. */
export interface LoadedRun {
  dir: string;
  resultsSha256: string;
  records: EvalRecord[];
  summary: RunSummary | null;
  superseded: number;
  warnings: string[];
}
