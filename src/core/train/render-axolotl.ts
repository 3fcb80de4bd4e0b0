// Spec → an axolotl config (YAML), with axolotl's current key names (attn_implementation, not the
// deprecated boolean flash_attention).
import { stringify } from "yaml";
import type { RenderPaths } from "./render-reference.js";
import type { TrainSpec } from "./spec.js";

function datasetEntry(spec: TrainSpec, path: string): Record<string, unknown> {
  const base = { path, ds_type: "json", split: "train" };
  switch (spec.datasets.format) {
    case "chat":
      return {
        ...base,
        type: "chat_template",
        field_messages: "messages",
        message_property_mappings: { role: "role", content: "content" },
        roles_to_train: ["assistant"],
        train_on_eos: "turn",
      };
    case "instruction":
      return { ...base, type: "alpaca" };
    case "completion":
      return {
        ...base,
        type: { field_instruction: "prompt", field_output: "completion", format: "{instruction}", no_input_format: "{instruction}" },
      };
  }
}

function scheduler(spec: TrainSpec): string {
  // HF's plain "constant" ignores warmup.
  return spec.scheduler === "constant" && spec.warmup_steps > 0 ? "constant_with_warmup" : spec.scheduler;
}

export function renderAxolotlConfig(spec: TrainSpec, paths: RenderPaths, opts: { resume: boolean }): Record<string, unknown> {
  const c: Record<string, unknown> = { base_model: paths.base };
  if (spec.base.tokenizer) c.tokenizer_config = spec.base.tokenizer;
  if (spec.method === "qlora") c.load_in_4bit = true;
  if (spec.method !== "full") {
    c.adapter = spec.method;
    c.lora_r = spec.lora.r;
    c.lora_alpha = spec.lora.alpha;
    c.lora_dropout = spec.lora.dropout;
    c.lora_target_modules = [...spec.lora.target_modules];
  }
  c.datasets = [datasetEntry(spec, paths.train)];
  if (paths.validation) {
    c.test_datasets = [datasetEntry(spec, paths.validation)];
    c.val_set_size = 0;
  }
  c.dataset_prepared_path = `${paths.outDir}/axolotl-prepared`;
  c.output_dir = `${paths.outDir}/trainer`;
  c.train_on_inputs = false;
  c.sequence_len = spec.sequence_len;
  c.sample_packing = spec.packing;
  c.pad_to_sequence_len = spec.packing;
  c.micro_batch_size = spec.micro_batch_size;
  c.gradient_accumulation_steps = spec.gradient_accumulation_steps;
  if (spec.max_steps !== undefined) c.max_steps = spec.max_steps;
  if (spec.epochs !== undefined) c.num_epochs = spec.epochs;
  c.optimizer = "adamw_torch";
  c.learning_rate = spec.learning_rate;
  c.lr_scheduler = scheduler(spec);
  c.warmup_steps = spec.warmup_steps;
  c.weight_decay = spec.weight_decay;
  c.max_grad_norm = spec.max_grad_norm;
  c.seed = spec.seed;
  c.bf16 = spec.precision === "bf16" ? true : spec.precision === "auto" ? "auto" : false;
  c.fp16 = spec.precision === "fp16";
  c.attn_implementation = spec.axolotl.attn_implementation;
  c.logging_steps = spec.logging_steps;
  if (spec.checkpoint.every_steps) c.save_steps = spec.checkpoint.every_steps;
  c.save_total_limit = spec.checkpoint.keep;
  if (spec.evaluation.every_steps && paths.validation) c.eval_steps = spec.evaluation.every_steps;
  if (opts.resume) c.auto_resume_from_checkpoints = true;
  return { ...c, ...spec.axolotl.extra };
}

export function renderAxolotlYaml(config: Record<string, unknown>): string {
  return `# Rendered by llmops from a training spec; edit the spec, not this file.\n${stringify(config, { lineWidth: 0 })}`;
}
