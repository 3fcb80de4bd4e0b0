// metrics.jsonl beside a training run: one line per logged step (`kind: "train"`) or evaluation
// (`kind: "eval"`), appended live. JSON has no NaN or infinity, so those figures are the strings
// "nan", "inf", "-inf"; lines written before the tag (llmops 0.1.0) read as v1.
import { z } from "zod";
import { defineFormat } from "./format.js";

export const TRAIN_METRICS_TAG = "llmops.train-metrics/v1";

/** A logged figure: a number, or what JSON cannot hold. */
const figure = z.union([z.number(), z.enum(["nan", "inf", "-inf"])]);

const fields = {
  kind: z.enum(["train", "eval"]),
  /** Milliseconds since the training started (always written since v1; absent in some 0.1.0 lines). */
  t_ms: z.number().int().nonnegative().optional(),
  step: z.number().nonnegative(),
  loss: figure.optional(),
  eval_loss: figure.optional(),
  lr: figure.optional(),
  grad_norm: figure.optional(),
  epoch: figure.optional(),
  tokens: figure.optional(),
  tokens_per_s: figure.optional(),
};

export const TrainMetricsLineSchema = z.strictObject({ schema: z.literal(TRAIN_METRICS_TAG), ...fields });
export type TrainMetricsLine = z.infer<typeof TrainMetricsLineSchema>;

export const trainMetricsFormat = defineFormat({
  kind: "train-metrics",
  version: 1,
  schema: TrainMetricsLineSchema,
  title: "one logged training step or evaluation (metrics.jsonl line)",
  file: "<out>/metrics.jsonl",
  writer: "llmops train",
  readers: "llmops train (resume, run.json's final metrics), actions/train (failure summary)",
  hint: "metrics.jsonl is written by `llmops train`; train again to rewrite it",
  lines: true,
  // 0.1.0 wrote the same fields without the tag (and t_ms only where known).
  untagged: {
    version: 1,
    schema: z.strictObject(fields),
    upgrade: (old: Omit<TrainMetricsLine, "schema">): TrainMetricsLine => ({ schema: TRAIN_METRICS_TAG, ...old }),
  },
});
