// A training run's run.json: what produced the model — spec hash, git commit, versions, durations,
// machine, final metrics, the model's content hash. v1 was tagged "llmops.train.run/1".
import { z } from "zod";
import { defineFormat } from "./format.js";

export const TRAIN_RUN_TAG = "llmops.train-run/v2";

export const MachineInfoSchema = z.object({
  platform: z.string(),
  arch: z.string(),
  cpus: z.number().int(),
  cpuModel: z.string().optional(),
  memoryBytes: z.number(),
  hostname: z.string().optional(),
});

export const GpuSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  memoryTotalMiB: z.number(),
  memoryFreeMiB: z.number(),
  driver: z.string(),
});

/** A figure the trainer logged; null when it was NaN or infinite (JSON has neither). */
const figure = z.number().nullable().optional();

export const FinalMetricsSchema = z.object({
  steps: z.number().int(),
  total_steps: z.number().int().optional(),
  loss: figure,
  min_loss: figure,
  eval_loss: figure,
  tokens_per_s: figure,
  train_s: z.number(),
});

const spec = z.object({ file: z.string(), hash: z.string().describe("sha256 of the spec with overrides applied") });

const body = {
  status: z.enum(["succeeded", "failed", "cancelled"]),
  name: z.string().optional(),
  spec,
  git: z.object({ commit: z.string().optional(), dirty: z.boolean().optional() }),
  backend: z.string(),
  launcher: z.string(),
  command: z.array(z.string()),
  versions: z.record(z.string(), z.string()),
  durations_s: z.object({ preflight: z.number(), train: z.number(), total: z.number() }),
  machine: MachineInfoSchema.extend({ device: z.enum(["cuda", "cpu"]), gpus: z.array(GpuSchema) }),
  restarts: z.number().int(),
  resumed_from_step: z.number().int().optional(),
  model: z.object({ path: z.string(), hash: z.string(), files: z.array(z.object({ name: z.string(), bytes: z.number() })) }).optional(),
  metrics: FinalMetricsSchema,
  error: z.string().optional(),
};

/** Written when training starts, replaced when it ends: marks an unfinished run (and its checkpoints). */
const started = { status: z.literal("running"), spec };

function versioned<T extends string>(tag: T) {
  return z.discriminatedUnion("status", [z.object({ schema: z.literal(tag), ...started }), z.object({ schema: z.literal(tag), ...body })]);
}

export const TrainRunSchema = versioned(TRAIN_RUN_TAG);
const TrainRunV1Schema = versioned("llmops.train.run/1");

/** run.json as read: a finished run's record, or the marker of one still running (or killed). */
export type TrainRunDocument = z.infer<typeof TrainRunSchema>;
/** A finished run's record. */
export type RunRecord = Extract<TrainRunDocument, { status: "succeeded" | "failed" | "cancelled" }>;
export type MachineInfo = z.infer<typeof MachineInfoSchema>;
export type Gpu = z.infer<typeof GpuSchema>;
export type FinalMetrics = z.infer<typeof FinalMetricsSchema>;

export const trainRunFormat = defineFormat({
  kind: "train-run",
  version: 2,
  schema: TrainRunSchema,
  title: "a training run's record (run.json)",
  file: "<train --out>/run.json",
  writer: "llmops train, actions/train (core/train/run-training.ts)",
  readers: "llmops train (rerun and --resume decisions), tests",
  hint: "run.json is written by `llmops train`; delete the output directory to start over",
  previous: [{ version: 1, tag: "llmops.train.run/1", schema: TrainRunV1Schema, upgrade: (v1: z.infer<typeof TrainRunV1Schema>): TrainRunDocument => ({ ...v1, schema: TRAIN_RUN_TAG }) }],
});
