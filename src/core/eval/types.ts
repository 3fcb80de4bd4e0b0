// The records and summaries an eval run writes: their schemas live in core/contracts/ (result-line.ts,
// summary.ts); these are the types inferred from them.
export type { EvalRecord, MetricScore, RecordError, RecordErrorKind } from "../contracts/result-line.js";
export type { MetricSummary, Provenance, RunSummary } from "../contracts/summary.js";
