// Spec → a torchtune `tune run` invocation: a recipe, its config, and key=value overrides with the
// names torchtune's recipes and builders use.
import { ConfigError } from "../../errors.js";
import type { RenderPaths } from "./render-reference.js";
import type { TrainSpec } from "./spec.js";

// torchtune's Llama LoRA builders name the attention output projection output_proj.
const ATTN = new Map([
  ["q_proj", "q_proj"],
  ["k_proj", "k_proj"],
  ["v_proj", "v_proj"],
  ["o_proj", "output_proj"],
  ["output_proj", "output_proj"],
]);
const MLP = new Set(["gate_proj", "up_proj", "down_proj", "w1", "w2", "w3"]);

export interface TorchtuneInvocation {
  recipe: string;
  config: string;
  overrides: string[];
}

function list(items: readonly string[]): string {
  return `[${items.map((i) => `'${i}'`).join(",")}]`;
}

function datasetOverrides(spec: TrainSpec, file: string, prefix: string): string[] {
  const common = [`${prefix}.source=json`, `${prefix}.data_files=${file}`, `${prefix}.split=train`];
  switch (spec.datasets.format) {
    case "chat":
      return [
        `${prefix}._component_=torchtune.datasets.chat_dataset`,
        ...common,
        `${prefix}.conversation_column=messages`,
        `${prefix}.conversation_style=openai`,
        `${prefix}.train_on_input=False`,
      ];
    case "instruction":
      return [`${prefix}._component_=torchtune.datasets.alpaca_dataset`, ...common, `${prefix}.train_on_input=False`];
    case "completion":
      return [
        `${prefix}._component_=torchtune.datasets.instruct_dataset`,
        ...common,
        `${prefix}.column_map.input=prompt`,
        `${prefix}.column_map.output=completion`,
        `${prefix}.train_on_input=False`,
      ];
  }
}

export function renderTorchtune(spec: TrainSpec, paths: RenderPaths, opts: { resume: boolean }): TorchtuneInvocation {
  if (!spec.torchtune) throw new ConfigError("backend torchtune needs a torchtune: {recipe, config} block");
  if (spec.scheduler !== "cosine") {
    throw new ConfigError(`torchtune's recipes schedule the learning rate with cosine warmup; scheduler "${spec.scheduler}" cannot be rendered`, {
      hint: "set scheduler: cosine for backend torchtune",
    });
  }
  const o: string[] = [];
  const trainerDir = `${paths.outDir}/trainer`;
  o.push(`output_dir=${trainerDir}`);
  if (spec.base.model !== "scratch") {
    o.push(`checkpointer.checkpoint_dir=${paths.base}`, `checkpointer.output_dir=${trainerDir}`);
  }
  if (spec.base.tokenizer) o.push(`tokenizer.path=${spec.base.tokenizer}`);
  o.push(`tokenizer.max_seq_len=${spec.sequence_len}`);
  o.push(...datasetOverrides(spec, paths.train, "dataset"), `dataset.packed=${spec.packing ? "True" : "False"}`);
  o.push(`batch_size=${spec.micro_batch_size}`, `gradient_accumulation_steps=${spec.gradient_accumulation_steps}`);
  if (spec.max_steps !== undefined) o.push("epochs=1", `max_steps_per_epoch=${spec.max_steps}`);
  else o.push(`epochs=${Math.ceil(spec.epochs ?? 1)}`);
  o.push(`optimizer.lr=${spec.learning_rate}`, `optimizer.weight_decay=${spec.weight_decay}`);
  o.push(`lr_scheduler.num_warmup_steps=${spec.warmup_steps}`);
  if (spec.max_grad_norm > 0) o.push(`clip_grad_norm=${spec.max_grad_norm}`);
  o.push(`seed=${spec.seed}`);
  if (spec.precision !== "auto") o.push(`dtype=${spec.precision === "fp32" ? "fp32" : spec.precision}`);
  if (spec.method !== "full") {
    const attn = spec.lora.target_modules.map((m) => ATTN.get(m)).filter((m): m is string => m !== undefined);
    const unknown = spec.lora.target_modules.filter((m) => !ATTN.has(m) && !MLP.has(m));
    if (unknown.length) throw new ConfigError(`torchtune cannot target LoRA modules ${unknown.join(", ")}; use q_proj, k_proj, v_proj, o_proj or the MLP projections`);
    o.push(
      `model.lora_attn_modules=${list(attn)}`,
      `model.apply_lora_to_mlp=${spec.lora.target_modules.some((m) => MLP.has(m)) ? "True" : "False"}`,
      `model.lora_rank=${spec.lora.r}`,
      `model.lora_alpha=${spec.lora.alpha}`,
      `model.lora_dropout=${spec.lora.dropout}`,
    );
  }
  o.push("metric_logger._component_=torchtune.training.metric_logging.StdoutLogger", `log_every_n_steps=${spec.logging_steps}`);
  if (opts.resume) o.push("resume_from_checkpoint=True");
  o.push(...spec.backend_args);
  return { recipe: spec.torchtune.recipe, config: spec.torchtune.config, overrides: o };
}
