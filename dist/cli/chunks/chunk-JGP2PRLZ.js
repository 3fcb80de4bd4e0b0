#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  ArmsComparisonSchema
} from "./chunk-OMAMCZPV.js";
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";

// src/core/contracts/gguf-export.ts
var GGUF_EXPORT_SCHEMA = "llmops.gguf-export/v1";
var sha = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/);
var GgufExportSchema = external_exports.strictObject({
  schema: external_exports.literal(GGUF_EXPORT_SCHEMA),
  /** The GGUF file, by name (it sits beside this record), with its size and sha256. */
  gguf: external_exports.strictObject({ file: external_exports.string().min(1), bytes: external_exports.number().int().nonnegative(), sha256: sha }),
  kind: external_exports.enum(["model", "lora-adapter"]),
  /** f32 … q4_0 are written by llmops itself; the K-quants and others by llama-quantize (`quantized_by`). */
  type: external_exports.enum(["f32", "f16", "bf16", "q8_0", "q4_0", "q4_k_m", "q4_k_s", "q5_k_m", "q5_k_s", "q6_k", "q3_k_m", "q2_k", "q5_0", "q5_1", "q4_1", "iq4_nl"]),
  quantized_by: external_exports.strictObject({ tool: external_exports.string(), from: external_exports.literal("f16") }).optional(),
  architecture: external_exports.literal("llama"),
  tensors: external_exports.number().int().nonnegative(),
  parameters: external_exports.number().int().nonnegative(),
  tokenizer: external_exports.enum(["byte", "bpe", "sentencepiece", "none"]),
  /** The model directory exported, hashed as `llmops train` hashes its output (same files, same hash). */
  source: external_exports.strictObject({ dir: external_exports.string(), hash: sha }),
  /** A LoRA adapter: merged into `source` before export, or written as a GGUF adapter for it. */
  adapter: external_exports.strictObject({ dir: external_exports.string(), hash: sha, mode: external_exports.enum(["merged", "gguf-adapter"]), r: external_exports.number().int().positive(), alpha: external_exports.number() }).optional(),
  llmops_version: external_exports.string(),
  created_at: external_exports.string()
});

// src/core/contracts/compressed-export.ts
var COMPRESSED_EXPORT_SCHEMA = "llmops.compressed-export/v1";
var sha2 = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/);
var CompressedExportSchema = external_exports.strictObject({
  schema: external_exports.literal(COMPRESSED_EXPORT_SCHEMA),
  method: external_exports.enum(["awq", "gptq"]),
  /** llm-compressor's preset scheme (W4A16, W4A16_ASYM, W8A16, W8A8), or "recipe" when --recipe gave the recipe. */
  scheme: external_exports.string().min(1),
  recipe: external_exports.strictObject({ file: external_exports.string().min(1), sha256: sha2 }),
  calibration: external_exports.strictObject({ file: external_exports.string().min(1), sha256: sha2, records: external_exports.number().int().positive(), samples: external_exports.number().int().positive(), max_seq_length: external_exports.number().int().positive() }),
  tool: external_exports.strictObject({ name: external_exports.literal("llm-compressor"), version: external_exports.string(), python: external_exports.string() }),
  /** The model directory quantized, hashed as `llmops train` hashes its output. */
  source: external_exports.strictObject({ dir: external_exports.string(), hash: sha2 }),
  /** The directory the tool wrote (HF layout with a compressed-tensors quantization_config; vLLM loads it). */
  output: external_exports.strictObject({ dir: external_exports.string(), hash: sha2, quant_method: external_exports.string() }),
  llmops_version: external_exports.string(),
  created_at: external_exports.string()
});

// src/core/contracts/eval-shard.ts
var EvalShardSchema = external_exports.object({
  schema: external_exports.literal("llmops.eval-shard/v1"),
  index: external_exports.number().int().positive(),
  count: external_exports.number().int().positive(),
  suite: external_exports.object({ name: external_exports.string(), file: external_exports.string(), hash: external_exports.string() }),
  total_cases: external_exports.number().int().nonnegative(),
  case_ids: external_exports.array(external_exports.string())
});

// src/core/contracts/pipeline-run.ts
var Sha256 = external_exports.string().regex(/^[0-9a-f]{64}$/);
var StoredFileSchema = external_exports.object({
  path: external_exports.string().min(1),
  sha256: Sha256,
  size: external_exports.number().int().nonnegative(),
  executable: external_exports.boolean()
});
var StageKeyPartsSchema = external_exports.object({
  definition: Sha256,
  deps: external_exports.record(external_exports.string(), external_exports.string()),
  params: external_exports.record(external_exports.string(), external_exports.unknown()),
  upstream: external_exports.record(external_exports.string(), Sha256),
  llmops_version: external_exports.string()
});
var StageCacheEntrySchema = external_exports.object({
  schema: external_exports.literal("llmops.stage-cache-entry/v1"),
  key: Sha256,
  pipeline: external_exports.string(),
  stage: external_exports.string(),
  outs: external_exports.array(external_exports.string()),
  /** Directories among outs (restored as directories even when empty). */
  dirs: external_exports.array(external_exports.string()),
  files: external_exports.array(StoredFileSchema),
  parts: StageKeyPartsSchema,
  created_at: external_exports.string(),
  duration_s: external_exports.number().nonnegative(),
  commit: external_exports.string().nullable()
});
var PipelineStateSchema = external_exports.object({
  schema: external_exports.literal("llmops.pipeline-state/v1"),
  pipeline: external_exports.string(),
  stages: external_exports.record(
    external_exports.string(),
    external_exports.object({
      key: Sha256,
      parts: StageKeyPartsSchema,
      files: external_exports.array(StoredFileSchema),
      finished_at: external_exports.string()
    })
  )
});
var HashMemoSchema = external_exports.object({
  schema: external_exports.literal("llmops.hash-memo/v1"),
  entries: external_exports.record(external_exports.string(), external_exports.tuple([external_exports.number(), external_exports.number(), external_exports.number(), Sha256]))
});
var StageOutcomeSchema = external_exports.enum(["ran", "restored", "up-to-date", "failed", "skipped", "not-selected"]);
var StageRecordSchema = external_exports.object({
  name: external_exports.string(),
  key: Sha256,
  outcome: StageOutcomeSchema,
  reason: external_exports.string(),
  duration_s: external_exports.number().nonnegative(),
  started_at: external_exports.string().nullable(),
  exit_code: external_exports.number().int().nullable(),
  outs: external_exports.array(StoredFileSchema.pick({ path: true, sha256: true, size: true })),
  services: external_exports.array(external_exports.object({ name: external_exports.string(), url: external_exports.string(), ready_s: external_exports.number().nonnegative() }))
});
var PipelineRunSchema = external_exports.object({
  schema: external_exports.literal("llmops.pipeline-run/v1"),
  run_id: external_exports.string().regex(/^[0-9A-Za-z_-]+$/),
  pipeline: external_exports.object({ name: external_exports.string(), file: external_exports.string(), sha256: Sha256 }),
  status: external_exports.enum(["passed", "failed", "interrupted", "gate-failed"]),
  commit: external_exports.string().nullable(),
  dirty: external_exports.boolean().nullable(),
  baseline: external_exports.object({
    rev: external_exports.string(),
    commit: external_exports.string(),
    run_id: external_exports.string(),
    comparisons: external_exports.array(
      external_exports.object({
        stage: external_exports.string(),
        verdict: external_exports.string(),
        comparison: external_exports.string(),
        comment: external_exports.string(),
        html: external_exports.string()
      })
    )
  }).nullable(),
  selected: external_exports.array(external_exports.string()).nullable(),
  started_at: external_exports.string(),
  finished_at: external_exports.string(),
  duration_s: external_exports.number().nonnegative(),
  stages: external_exports.array(StageRecordSchema),
  machine: external_exports.object({
    hostname: external_exports.string(),
    platform: external_exports.string(),
    arch: external_exports.string(),
    cpus: external_exports.number().int(),
    cpu_model: external_exports.string().nullable(),
    memory_bytes: external_exports.number(),
    gpus: external_exports.array(external_exports.string())
  }),
  llmops_version: external_exports.string(),
  node: external_exports.string()
});

// src/core/contracts/response-cache-entry.ts
var ResponseCacheEntrySchema = external_exports.strictObject({
  schema: external_exports.literal("llmops.response-cache-entry/v1"),
  /** The cache key (sha256 of provider, base URL, model, API, params, input, repeat). */
  key: external_exports.string().regex(/^[0-9a-f]{64}$/),
  /** sha256 of the canonical request this entry answers (model, messages or prompt, params). */
  request_sha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
  response: external_exports.strictObject({
    text: external_exports.string(),
    finishReason: external_exports.string().nullable(),
    promptTokens: external_exports.number().nullable(),
    completionTokens: external_exports.number().nullable(),
    ttftMs: external_exports.number().nullable(),
    latencyMs: external_exports.number()
  }),
  /** HMAC-SHA256 (hex) under the cache directory's secret of the canonical {key, request_sha256, response}. */
  mac: external_exports.string().regex(/^[0-9a-f]{64}$/)
});

// src/core/contracts/added-formats.ts
var armsFormat = defineFormat({
  kind: "arms",
  version: 1,
  schema: ArmsComparisonSchema,
  title: "a k-arm comparison (every pair of arms per metric, Holm across pairs \xD7 metrics)",
  file: "<out>/arms.json",
  writer: "llmops compare --control/--arm (app/compare/run-arms.ts)",
  readers: "llmops report",
  hint: "pass the arms.json written by `llmops compare --control \u2026 --arm \u2026`"
});
var evalShardFormat = defineFormat({
  kind: "eval-shard",
  version: 1,
  schema: EvalShardSchema,
  title: "which slice of a suite's cases a sharded eval run holds",
  file: "<run>/shard.json",
  writer: "llmops eval --shard I/N",
  readers: "llmops eval merge",
  hint: "merge only the run directories of `llmops eval --shard I/N`"
});
var ggufExportFormat = defineFormat({
  kind: "gguf-export",
  version: 1,
  schema: GgufExportSchema,
  title: "what produced a GGUF file (source model, type, hashes)",
  file: "<model>.export.json",
  writer: "llmops export gguf",
  readers: "llmops serve, eval with provider llama-cpp",
  hint: "re-export the model with `llmops export gguf`"
});
var compressedExportFormat = defineFormat({
  kind: "compressed-export",
  version: 1,
  schema: CompressedExportSchema,
  title: "what produced an AWQ/GPTQ model quantized by llm-compressor (recipe, calibration data, hashes)",
  file: "<out>.export.json",
  writer: "llmops export awq|gptq",
  readers: "people and deployment tooling (no llmops command reads it yet)",
  hint: "re-export the model with `llmops export awq` or `llmops export gptq`"
});
var pipelineRunFormat = defineFormat({
  kind: "pipeline-run",
  version: 1,
  schema: PipelineRunSchema,
  title: "a pipeline run record: which stages ran or came from cache, why, how long, on what machine",
  file: "reports/<run-id>/run.json",
  writer: "llmops run, actions/pipeline",
  readers: "llmops status, llmops runs",
  hint: "run the pipeline again with `llmops run`"
});
var pipelineStateFormat = defineFormat({
  kind: "pipeline-state",
  version: 1,
  schema: PipelineStateSchema,
  title: "a pipeline's last known stage keys in this workspace",
  file: ".llmops/pipelines/<name>.state.json",
  writer: "llmops run",
  readers: "llmops run, llmops status",
  hint: "delete the state file; the next `llmops run` rebuilds it"
});
var stageCacheEntryFormat = defineFormat({
  kind: "stage-cache-entry",
  version: 1,
  schema: StageCacheEntrySchema,
  title: "a stage's cached outputs under its content-addressed key",
  file: "stage cache entry (entry.json)",
  writer: "llmops run",
  readers: "llmops run (restore)",
  hint: "the cache entry is unreadable; delete it and the stage reruns"
});
var hashMemoFormat = defineFormat({
  kind: "hash-memo",
  version: 1,
  schema: HashMemoSchema,
  title: "remembered file hashes by size and mtime, so unchanged files are not hashed again",
  file: ".llmops/\u2026/hash-memo.json",
  writer: "llmops run (file hasher)",
  readers: "llmops run (file hasher)",
  hint: "delete the memo; files are hashed again"
});
var responseCacheEntryFormat = defineFormat({
  kind: "response-cache-entry",
  version: 1,
  schema: ResponseCacheEntrySchema,
  title: "one cached model response, bound to its request and MACed under the cache's own key",
  file: "<cache dir>/<2 hex>/<key>.json",
  writer: "llmops eval (disk cache)",
  readers: "llmops eval (disk cache)",
  hint: "the entry is ignored and the request sent again; delete the cache directory to clear it"
});

export {
  GGUF_EXPORT_SCHEMA,
  COMPRESSED_EXPORT_SCHEMA,
  armsFormat,
  evalShardFormat,
  ggufExportFormat,
  compressedExportFormat,
  pipelineRunFormat,
  pipelineStateFormat,
  stageCacheEntryFormat,
  hashMemoFormat,
  responseCacheEntryFormat
};
