// Every file format llmops writes and reads. Registering a new one is one line in FORMATS (its
// module in this folder exports `<Kind>Schema`, the inferred types and `<kind>Format`); the JSON
// Schema reference (schemas/), docs/formats.md and the contract tests are generated from this list.
import type { Format } from "./format.js";
import { comparisonFormat } from "./comparison.js";
import { dataManifestFormat } from "./data-manifest.js";
import { pullRequestFormat } from "./report-bundle.js";
import { resultLineFormat } from "./result-line.js";
import { summaryFormat } from "./summary.js";
import { trainRunFormat } from "./train-run.js";
import { armsFormat, compressedExportFormat, evalShardFormat, ggufExportFormat, hashMemoFormat, pipelineRunFormat, pipelineStateFormat, responseCacheEntryFormat, stageCacheEntryFormat } from "./added-formats.js";
import { trainMetricsFormat } from "./train-metrics.js";
import { judgeLabelsFormat } from "./judge-labels.js";
import { gateModelFormat } from "./gate-model.js";

export const FORMATS: readonly Format[] = [
  resultLineFormat,
  summaryFormat,
  comparisonFormat,
  pullRequestFormat,
  trainRunFormat,
  dataManifestFormat,
  armsFormat,
  evalShardFormat,
  ggufExportFormat,
  compressedExportFormat,
  pipelineRunFormat,
  pipelineStateFormat,
  stageCacheEntryFormat,
  hashMemoFormat,
  responseCacheEntryFormat,
  trainMetricsFormat,
  judgeLabelsFormat,
  gateModelFormat,
];

export * from "./format.js";
export * from "./result-line.js";
export * from "./summary.js";
export * from "./gate-verdict.js";
export * from "./comparison.js";
export * from "./report-bundle.js";
export * from "./train-run.js";
export * from "./data-manifest.js";
export * from "./added-formats.js";
export * from "./train-metrics.js";
export * from "./judge-labels.js";
export * from "./gate-model.js";
