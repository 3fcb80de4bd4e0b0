// The records and summaries an eval run writes: their schemas live in core/contracts/ (result-line.ts,
// summary.ts); these are the types inferred from them.
export type { DeadlinePhase, EvalRecord, MetricScore, RecordError, RecordErrorKind, RetryCause } from "../contracts/result-line.js";
export type { MetricSummary, Provenance, RequestsSummary, RunSummary } from "../contracts/summary.js";
