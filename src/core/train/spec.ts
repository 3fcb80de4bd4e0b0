// The training spec (pipelines/<name>.yaml): base model, datasets, method and hyperparameters, the
// backend that trains and the launcher that starts it. Validated with file:line:col messages.
import { safeNameSchema } from "../config/names.js";
import { z } from "zod";
import { ConfigError } from "../../errors.js";
import { collectIssues, parseYamlSource } from "../config/index.js";
import { applyOverrides, type Override } from "./overrides.js";

const architectureSchema = z.strictObject({
  hidden_size: z.number().int().positive().default(64),
  num_layers: z.number().int().positive().default(2),
  num_heads: z.number().int().positive().default(4),
  num_kv_heads: z.number().int().positive().optional(),
  intermediate_size: z.number().int().positive().optional(),
  max_position_embeddings: z.number().int().positive().default(512),
  rope_theta: z.number().positive().default(10000),
});
export type Architecture = z.output<typeof architectureSchema>;

const baseSchema = z.strictObject({
  /** "scratch", a directory with HF-layout weights, or an HF model id (for trainers that fetch it). */
  model: z.string().min(1),
  /** Only for `scratch` (reference trainer). */
  architecture: architectureSchema.optional(),
  /** Tokenizer for axolotl/torchtune when it differs from the model (path or id). */
  tokenizer: z.string().min(1).optional(),
});

const datasetsSchema = z.strictObject({
  format: z.enum(["chat", "instruction", "completion"]),
  /** JSONL file, relative to the spec file. */
  train: z.string().min(1),
  validation: z.string().min(1).optional(),
});

const loraSchema = z.strictObject({
  r: z.number().int().positive().default(16),
  alpha: z.number().positive().default(32),
  dropout: z.number().min(0).max(1).default(0.05),
  target_modules: z.array(z.string().min(1)).min(1).default(["q_proj", "k_proj", "v_proj", "o_proj"]),
});

const launcherSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single") }),
  z.strictObject({
    type: z.literal("torchrun"),
    nproc_per_node: z.number().int().positive().default(1),
    nnodes: z.number().int().positive().default(1),
    node_rank: z.number().int().min(0).optional(),
    rdzv_endpoint: z.string().min(1).optional(),
  }),
  z.strictObject({
    type: z.literal("accelerate"),
    num_processes: z.number().int().positive().default(1),
    num_machines: z.number().int().positive().default(1),
    machine_rank: z.number().int().min(0).optional(),
    main_process_ip: z.string().min(1).optional(),
    main_process_port: z.number().int().positive().optional(),
    config_file: z.string().min(1).optional(),
  }),
]);
export type Launcher = z.output<typeof launcherSchema>;

const torchtuneSchema = z.strictObject({
  /** A recipe name `tune ls` lists, e.g. lora_finetune_single_device. */
  recipe: z.string().min(1),
  /** A built-in config name (e.g. llama3_2/1B_lora_single_device) or a YAML path. */
  config: z.string().min(1),
});

const commandSchema = z.strictObject({
  /** The program and its arguments; run as an argument array, never through a shell. */
  argv: z.array(z.string()).min(1),
  /** Where the script writes the final model (relative to the output directory). */
  model_dir: z.string().min(1).default("model"),
});

export const trainSpecSchema = z
  .strictObject({
    name: safeNameSchema.optional(),
    base: baseSchema,
    datasets: datasetsSchema,
    method: z.enum(["full", "lora", "qlora"]).default("full"),
    lora: loraSchema.prefault({}),
    sequence_len: z.number().int().positive().max(1_048_576).default(512),
    packing: z.boolean().default(false),
    micro_batch_size: z.number().int().positive().max(65_536).default(1),
    gradient_accumulation_steps: z.number().int().positive().max(65_536).default(1),
    epochs: z.number().positive().max(10_000).optional(),
    max_steps: z.number().int().positive().max(100_000_000).optional(),
    learning_rate: z.number().positive().max(10),
    scheduler: z.enum(["cosine", "linear", "constant"]).default("cosine"),
    warmup_steps: z.number().int().min(0).max(100_000_000).default(0),
    weight_decay: z.number().min(0).max(1).default(0),
    max_grad_norm: z.number().min(0).max(1e6).default(1),
    seed: z.number().int().min(0).max(0xffffffff).default(42),
    precision: z.enum(["auto", "fp32", "bf16", "fp16"]).default("auto"),
    checkpoint: z
      .strictObject({ every_steps: z.number().int().positive().optional(), keep: z.number().int().positive().default(2) })
      .default({ keep: 2 }),
    evaluation: z.strictObject({ every_steps: z.number().int().positive().optional() }).default({}),
    logging_steps: z.number().int().positive().default(1),
    backend: z.enum(["reference", "axolotl", "torchtune", "command"]).default("reference"),
    launcher: launcherSchema.default({ type: "single" }),
    /** Host environment variables the trainer may see beyond the allow-list (e.g. HF_TOKEN, WANDB_API_KEY), by name. */
    pass_env: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name")).default([]),
    torchtune: torchtuneSchema.optional(),
    command: commandSchema.optional(),
    axolotl: z
      .strictObject({
        /** HF attention implementation (axolotl's current key; the boolean flash_attention is deprecated). */
        attn_implementation: z.enum(["eager", "sdpa", "flash_attention_2", "flash_attention_3", "flex_attention"]).default("sdpa"),
        /** Further axolotl keys, written as given (they win over rendered ones). */
        extra: z.record(z.string(), z.unknown()).default({}),
      })
      .prefault({}),
    /** Extra arguments appended to the trainer's command line (trainer flags llmops does not model). */
    backend_args: z.array(z.string()).default([]),
    /** The Python interpreter; unset: the first of python3, /usr/bin/python3 that imports the backend. */
    python: z.string().min(1).optional(),
    /** CPU threads for the reference trainer (0 leaves torch's default). */
    threads: z.number().int().min(0).max(4096).default(0),
    divergence: z
      .strictObject({
        /** Fail when the loss stays above factor × its running minimum … */
        factor: z.number().gt(1).max(1e6).default(3),
        /** … for this many consecutive logged steps. */
        window: z.number().int().positive().max(1_000_000).default(10),
      })
      .default({ factor: 3, window: 10 }),
    /** Relaunch from the newest checkpoint after a crash, at most this many times. */
    max_restarts: z.number().int().min(0).max(100).default(0),
    /** Seconds a cancelled trainer gets to save its checkpoint before SIGKILL. */
    cancel_grace_s: z.number().positive().max(86_400).default(60),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (s.epochs === undefined && s.max_steps === undefined) issue([], "set either epochs or max_steps");
    if (s.base.model === "scratch" && (s.backend === "axolotl" || s.backend === "torchtune")) issue(["base", "model"], `"scratch" trains a new model with backend reference (or your command); ${s.backend} needs a pretrained base`);
    if (s.base.architecture && s.base.model !== "scratch") issue(["base", "architecture"], `architecture is only used with model: scratch`);
    if (s.method !== "full" && s.base.model === "scratch") issue(["method"], `${s.method} adapts a pretrained model; use method: full with model: scratch`);
    if (s.backend === "reference" && s.method === "qlora") issue(["method"], "the reference trainer has no 4-bit quantization; use lora, or backend axolotl/torchtune for qlora");
    if (s.backend === "reference" && s.precision === "fp16") issue(["precision"], "the reference trainer supports fp32 and bf16 (fp16 needs loss scaling); use bf16 or auto");
    if (s.backend === "reference" && s.launcher.type !== "single") issue(["launcher", "type"], "the reference trainer runs in one process; use launcher: {type: single}");
    if (s.backend === "torchtune" && !s.torchtune) issue(["backend"], "backend torchtune needs a torchtune: {recipe, config} block");
    if (s.backend === "torchtune" && s.launcher.type === "accelerate") issue(["launcher", "type"], "torchtune launches through torchrun (tune run); use launcher type torchrun");
    if (s.backend === "command" && !s.command) issue(["backend"], "backend command needs a command: {argv: [...]} block");
  });

export type TrainSpec = z.output<typeof trainSpecSchema>;

/** Parse YAML text, apply `key=value` overrides, validate. Errors name file:line:col. */
export function parseTrainSpec(text: string, file: string, overrides: readonly Override[] = []): TrainSpec {
  const doc = parseYamlSource(text, file);
  if (doc.value === null || typeof doc.value !== "object" || Array.isArray(doc.value)) {
    throw new ConfigError(`${file}:1:1: a training spec must be a YAML mapping`, { hint: "see docs/training.md for an example" });
  }
  const value = applyOverrides(doc.value as Record<string, unknown>, overrides);
  const r = collectIssues(trainSpecSchema, { ...doc, value });
  if (r.ok) return r.value as TrainSpec;
  // A problem with a value an override set is the override's: name it, not a line of the file.
  const overrideOf = (path: string) => [...overrides].reverse().find((o) => {
    const p = o.path.join(".");
    return path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
  });
  const lines = r.issues.slice(0, 20).map((i) => {
    const o = overrideOf(i.path);
    return o ? `${o.source} (${o.path.join(".")}=${JSON.stringify(o.value)}): ${i.path}: ${i.message}` : `${i.file}:${i.line}:${i.col}: ${i.path}: ${i.message}`;
  });
  if (r.issues.length > lines.length) lines.push(`… and ${r.issues.length - lines.length} more`);
  const fromOverride = r.issues.some((i) => overrideOf(i.path));
  throw new ConfigError(`invalid training spec (${r.issues.length} problem${r.issues.length === 1 ? "" : "s"}):\n  ${lines.join("\n  ")}`, {
    hint: fromOverride ? "fix the override (--set key=value / the overrides input)" : `fix ${r.issues.length === 1 ? "it" : "them"} in ${file}`,
  });
}

/** Total optimizer steps when it can be known before data is read (max_steps), else undefined. */
export function knownTotalSteps(spec: TrainSpec): number | undefined {
  return spec.max_steps;
}
