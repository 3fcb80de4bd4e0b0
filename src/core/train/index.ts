export { parseTrainSpec, trainSpecSchema, type TrainSpec } from "./spec.js";
export { parseOverride, parseOverrideLines, applyOverrides, type Override } from "./overrides.js";
export { runTraining, specHash, type TrainRunInput, type TrainRunResult, type TrainPorts } from "./run-training.js";
export { renderProgressLine, type TrainProgress } from "./progress.js";
export type { RunRecord, MachineInfo, FinalMetrics } from "./run-record.js";
