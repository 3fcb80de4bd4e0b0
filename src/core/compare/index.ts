// The compare domain: pair two eval runs and compare them metric by metric.
export * from "./types.js";
export { computeComparison, METHODS, type CompareOptions } from "./compute.js";
export { type LoadedRun, type RecordForCompare, type SummaryForCompare } from "./run-records.js";
export { aggregateFor, type AggregateFor } from "./aggregates.js";
export { computeArms, ARMS_METHODS, type ArmInput, type ArmsOptions } from "./arms.js";
export { findUnchanged, type Unchanged } from "./unchanged.js";
