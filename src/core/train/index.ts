export { parseTrainSpec, trainSpecSchema, type TrainSpec } from "./spec.js";
export { parseOverride, parseOverrideLines, applyOverrides, type Override } from "./overrides.js";
export { runTraining, specHash, type TrainRunInput, type TrainRunResult, type TrainPorts } from "./run-training.js";
export { renderProgressLine, type TrainProgress } from "./progress.js";
export type { RunRecord, MachineInfo, FinalMetrics } from "./run-record.js";
export { lossSeries, renderLossMermaid, renderLossSvg, type LossSeries } from "./loss-chart.js";
export { renderTrainSummary, renderTrainFailureSummary } from "./render-summary.js";
export { parseMetricsLines, renderMetricsLine } from "./run-record.js";
export { LogParser, parseTrainerState, type MetricRecord, type TrainEvent } from "./log-parse.js";
