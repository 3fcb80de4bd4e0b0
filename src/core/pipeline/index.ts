export { parsePipelineConfig, resolvePipeline, sha256Hex, type Pipeline, type Stage, type ResolvedService } from "./load.js";
export { orderStages, withUpstream, downstreamOf } from "./graph.js";
export { computeKeyParts, computeStageKey, explainKeyChange } from "./key.js";
export { globToRegExp, globBase, isGlob, normalizeRel, within } from "./glob.js";
export { interpolate } from "./interpolate.js";
export { STEP_NAMES, type StepName, type PipelineConfig } from "./schema.js";
