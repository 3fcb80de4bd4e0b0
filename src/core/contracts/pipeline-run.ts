// The files the pipeline engine writes: the run record (reports/runs/<run-id>/run.json), a stage's
// cache entry (the manifest stored under its key), the per-pipeline state a workspace remembers
// between runs (what `llmops status` diffs against) and the memo of file hashes by stat.
import { z } from "zod";

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One file of a stage's outputs, as stored: its path relative to the workspace root. */
export const StoredFileSchema = z.object({
  path: z.string().min(1),
  sha256: Sha256,
  size: z.number().int().nonnegative(),
  executable: z.boolean(),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** The inputs that made a stage's key, kept so `status` can say which one moved. */
export const StageKeyPartsSchema = z.object({
  definition: Sha256,
  deps: z.record(z.string(), z.string()),
  params: z.record(z.string(), z.unknown()),
  upstream: z.record(z.string(), Sha256),
  llmops_version: z.string(),
});
export type StageKeyParts = z.infer<typeof StageKeyPartsSchema>;

export const StageCacheEntrySchema = z.object({
  schema: z.literal("llmops.stage-cache-entry/v1"),
  key: Sha256,
  pipeline: z.string(),
  stage: z.string(),
  outs: z.array(z.string()),
  /** Directories among outs (restored as directories even when empty). */
  dirs: z.array(z.string()),
  files: z.array(StoredFileSchema),
  parts: StageKeyPartsSchema,
  created_at: z.string(),
  duration_s: z.number().nonnegative(),
  commit: z.string().nullable(),
});
export type StageCacheEntry = z.infer<typeof StageCacheEntrySchema>;

export const PipelineStateSchema = z.object({
  schema: z.literal("llmops.pipeline-state/v1"),
  pipeline: z.string(),
  stages: z.record(
    z.string(),
    z.object({
      key: Sha256,
      parts: StageKeyPartsSchema,
      files: z.array(StoredFileSchema),
      finished_at: z.string(),
    }),
  ),
});
export type PipelineState = z.infer<typeof PipelineStateSchema>;

export const HashMemoSchema = z.object({
  schema: z.literal("llmops.hash-memo/v1"),
  entries: z.record(z.string(), z.tuple([z.number(), z.number(), z.number(), Sha256])),
});
export type HashMemo = z.infer<typeof HashMemoSchema>;

export const StageOutcomeSchema = z.enum(["ran", "restored", "up-to-date", "failed", "skipped", "not-selected"]);
export type StageOutcome = z.infer<typeof StageOutcomeSchema>;

export const StageRecordSchema = z.object({
  name: z.string(),
  key: Sha256,
  outcome: StageOutcomeSchema,
  reason: z.string(),
  duration_s: z.number().nonnegative(),
  started_at: z.string().nullable(),
  exit_code: z.number().int().nullable(),
  outs: z.array(StoredFileSchema.pick({ path: true, sha256: true, size: true })),
  services: z.array(z.object({ name: z.string(), url: z.string(), ready_s: z.number().nonnegative() })),
});
export type StageRecord = z.infer<typeof StageRecordSchema>;

export const PipelineRunSchema = z.object({
  schema: z.literal("llmops.pipeline-run/v1"),
  run_id: z.string().regex(/^[0-9A-Za-z_-]+$/),
  pipeline: z.object({ name: z.string(), file: z.string(), sha256: Sha256 }),
  status: z.enum(["passed", "failed", "interrupted", "gate-failed"]),
  commit: z.string().nullable(),
  dirty: z.boolean().nullable(),
  baseline: z
    .object({
      rev: z.string(),
      commit: z.string(),
      run_id: z.string(),
      comparisons: z.array(
        z.object({
          stage: z.string(),
          verdict: z.string(),
          comparison: z.string(),
          comment: z.string(),
          html: z.string(),
        }),
      ),
    })
    .nullable(),
  selected: z.array(z.string()).nullable(),
  started_at: z.string(),
  finished_at: z.string(),
  duration_s: z.number().nonnegative(),
  stages: z.array(StageRecordSchema),
  machine: z.object({
    hostname: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpus: z.number().int(),
    cpu_model: z.string().nullable(),
    memory_bytes: z.number(),
    gpus: z.array(z.string()),
  }),
  llmops_version: z.string(),
  node: z.string(),
});
export type PipelineRun = z.infer<typeof PipelineRunSchema>;
