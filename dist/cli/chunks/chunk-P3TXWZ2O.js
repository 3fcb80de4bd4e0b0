#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-O535G6Z6.js";

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

export {
  StageCacheEntrySchema,
  PipelineStateSchema,
  HashMemoSchema,
  PipelineRunSchema
};
