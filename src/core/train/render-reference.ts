// Spec → the reference trainer's command-line arguments (trainers/reference/train.py --help).
import type { TrainSpec } from "./spec.js";

export interface RenderPaths {
  /** Absolute paths, already resolved against the spec file's directory. */
  train: string;
  validation?: string | undefined;
  base: string;
  /** The run's output directory. */
  outDir: string;
}

export function renderReferenceArgs(spec: TrainSpec, paths: RenderPaths, opts: { resume: boolean }): string[] {
  const a: string[] = [];
  const add = (flag: string, v: string | number | undefined) => {
    if (v !== undefined) a.push(flag, String(v));
  };
  add("--base", paths.base);
  const arch = spec.base.architecture;
  if (spec.base.model === "scratch" && arch) {
    add("--hidden-size", arch.hidden_size);
    add("--num-layers", arch.num_layers);
    add("--num-heads", arch.num_heads);
    add("--num-kv-heads", arch.num_kv_heads);
    add("--intermediate-size", arch.intermediate_size);
    add("--max-position-embeddings", arch.max_position_embeddings);
    add("--rope-theta", arch.rope_theta);
  }
  add("--train-file", paths.train);
  add("--validation-file", paths.validation);
  add("--format", spec.datasets.format);
  add("--method", spec.method);
  if (spec.method === "lora" && spec.lora) {
    add("--lora-r", spec.lora.r);
    add("--lora-alpha", spec.lora.alpha);
    add("--lora-dropout", spec.lora.dropout);
    add("--lora-target-modules", spec.lora.target_modules.join(","));
  }
  add("--seq-len", spec.sequence_len);
  if (spec.packing) a.push("--packing");
  add("--micro-batch-size", spec.micro_batch_size);
  add("--grad-accum", spec.gradient_accumulation_steps);
  if (spec.max_steps !== undefined) add("--max-steps", spec.max_steps);
  else add("--epochs", spec.epochs);
  add("--lr", spec.learning_rate);
  add("--scheduler", spec.scheduler);
  add("--warmup-steps", spec.warmup_steps);
  add("--weight-decay", spec.weight_decay);
  add("--max-grad-norm", spec.max_grad_norm);
  add("--seed", spec.seed);
  add("--precision", spec.precision);
  add("--save-steps", spec.checkpoint.every_steps ?? 0);
  add("--save-total-limit", spec.checkpoint.keep);
  add("--eval-steps", spec.evaluation.every_steps ?? 0);
  add("--log-steps", spec.logging_steps);
  add("--threads", spec.threads);
  add("--output-dir", paths.outDir);
  add("--resume", opts.resume ? "auto" : "none");
  a.push(...spec.backend_args);
  return a;
}
