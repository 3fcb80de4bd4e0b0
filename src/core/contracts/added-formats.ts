// Formats whose schemas other modules of this folder define (k-arm comparisons, eval shards, GGUF
// export records, pipelines): here they join the registry, so the generated reference, the version
// check and the contract tests cover them too.
import { ArmsComparisonSchema } from "./arms.js";
import { EvalShardSchema } from "./eval-shard.js";
import { defineFormat } from "./format.js";
import { GgufExportSchema } from "./gguf-export.js";
import { CompressedExportSchema } from "./compressed-export.js";
import { HashMemoSchema, PipelineRunSchema, PipelineStateSchema, StageCacheEntrySchema } from "./pipeline-run.js";
import { ResponseCacheEntrySchema } from "./response-cache-entry.js";

export const armsFormat = defineFormat({
  kind: "arms", version: 1, schema: ArmsComparisonSchema,
  title: "a k-arm comparison (every pair of arms per metric, Holm across pairs × metrics)",
  file: "<out>/arms.json", writer: "llmops compare --control/--arm (app/compare/run-arms.ts)", readers: "llmops report",
  hint: "pass the arms.json written by `llmops compare --control … --arm …`",
});
export const evalShardFormat = defineFormat({
  kind: "eval-shard", version: 1, schema: EvalShardSchema,
  title: "which slice of a suite's cases a sharded eval run holds",
  file: "<run>/shard.json", writer: "llmops eval --shard I/N", readers: "llmops eval merge",
  hint: "merge only the run directories of `llmops eval --shard I/N`",
});
export const ggufExportFormat = defineFormat({
  kind: "gguf-export", version: 1, schema: GgufExportSchema,
  title: "what produced a GGUF file (source model, type, hashes)",
  file: "<model>.export.json", writer: "llmops export gguf", readers: "llmops serve, eval with provider llama-cpp",
  hint: "re-export the model with `llmops export gguf`",
});
export const compressedExportFormat = defineFormat({
  kind: "compressed-export", version: 1, schema: CompressedExportSchema,
  title: "what produced an AWQ/GPTQ model quantized by llm-compressor (recipe, calibration data, hashes)",
  file: "<out>.export.json", writer: "llmops export awq|gptq", readers: "people and deployment tooling (no llmops command reads it yet)",
  hint: "re-export the model with `llmops export awq` or `llmops export gptq`",
});
export const pipelineRunFormat = defineFormat({
  kind: "pipeline-run", version: 1, schema: PipelineRunSchema,
  title: "a pipeline run record: which stages ran or came from cache, why, how long, on what machine",
  file: "reports/<run-id>/run.json", writer: "llmops run, actions/pipeline", readers: "llmops status, llmops runs",
  hint: "run the pipeline again with `llmops run`",
});
export const pipelineStateFormat = defineFormat({
  kind: "pipeline-state", version: 1, schema: PipelineStateSchema,
  title: "a pipeline's last known stage keys in this workspace",
  file: ".llmops/pipelines/<name>.state.json", writer: "llmops run", readers: "llmops run, llmops status",
  hint: "delete the state file; the next `llmops run` rebuilds it",
});
export const stageCacheEntryFormat = defineFormat({
  kind: "stage-cache-entry", version: 1, schema: StageCacheEntrySchema,
  title: "a stage's cached outputs under its content-addressed key",
  file: "stage cache entry (entry.json)", writer: "llmops run", readers: "llmops run (restore)",
  hint: "the cache entry is unreadable; delete it and the stage reruns",
});
export const hashMemoFormat = defineFormat({
  kind: "hash-memo", version: 1, schema: HashMemoSchema,
  title: "remembered file hashes by size and mtime, so unchanged files are not hashed again",
  file: ".llmops/…/hash-memo.json", writer: "llmops run (file hasher)", readers: "llmops run (file hasher)",
  hint: "delete the memo; files are hashed again",
});
export const responseCacheEntryFormat = defineFormat({
  kind: "response-cache-entry", version: 1, schema: ResponseCacheEntrySchema,
  title: "one cached model response, bound to its request and MACed under the cache's own key",
  file: "<cache dir>/<2 hex>/<key>.json", writer: "llmops eval (disk cache)", readers: "llmops eval (disk cache)",
  hint: "the entry is ignored and the request sent again; delete the cache directory to clear it",
});
