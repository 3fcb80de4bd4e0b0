#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  NodeProcessRunner,
  NodeTrainWorkspace,
  defaultPythons,
  locateReferenceTrainer
} from "./chunk-Q6T6KOIJ.js";
import {
  childEnv
} from "./chunk-S7KHQWV2.js";
import {
  isCheckpointPath,
  sha256Text
} from "./chunk-ZH24RDZS.js";
import {
  systemClock
} from "./chunk-7UTCAK64.js";
import "./chunk-RXEJENBW.js";
import {
  SAFE_NAME_RULE,
  isSafeName,
  safeNameSchema
} from "./chunk-LXJ4T7MW.js";
import "./chunk-GUNOHTC3.js";
import "./chunk-YIDI3EDI.js";
import {
  collectIssues,
  parseYamlSource,
  require_dist
} from "./chunk-UO2TN4KU.js";
import {
  abortOnSignals
} from "./chunk-AISGCEWY.js";
import "./chunk-EI544OTC.js";
import {
  stableStringify
} from "./chunk-XYQJ7XHL.js";
import {
  cliParseConfig,
  defineOptions,
  json,
  quiet,
  readCliValues,
  renderCliHelp,
  token
} from "./chunk-KG2AKHTK.js";
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import "./chunk-VQI3AYYW.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  requirePositional
} from "./chunk-OYI2I6OM.js";
import "./chunk-XQ6Z47X5.js";
import {
  ConfigError,
  DataInvalidError,
  ExternalError,
  InputError,
  InternalError,
  ProcessExitError,
  exitCodeFor
} from "./chunk-LXVW643N.js";
import {
  __toESM
} from "./chunk-TQEUFEDE.js";

// src/app/train/train-here.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";

// src/core/train/overrides.ts
var import_yaml = __toESM(require_dist(), 1);
function parseOverride(text, source) {
  const eq = text.indexOf("=");
  const key = eq < 0 ? "" : text.slice(0, eq).trim();
  if (eq < 0 || key === "" || key.split(".").some((p) => p === "")) {
    throw new InputError(`${source}: expected key=value (e.g. learning_rate=1e-4 or lora.r=8), got ${JSON.stringify(text)}`);
  }
  const raw = text.slice(eq + 1).trim();
  let value;
  try {
    value = raw === "" ? "" : (0, import_yaml.parse)(raw);
  } catch {
    value = raw;
  }
  return { path: key.split("."), value, source };
}
function applyOverrides(root, overrides) {
  const copy = structuredClone(root);
  for (const o of overrides) {
    let node = copy;
    o.path.forEach((seg, i) => {
      if (seg === "__proto__" || seg === "constructor" || seg === "prototype") throw new InputError(`${o.source}: key "${o.path.join(".")}" is not allowed`);
      if (i === o.path.length - 1) {
        node[seg] = o.value;
        return;
      }
      const next = node[seg];
      if (next === void 0) node[seg] = {};
      else if (next === null || typeof next !== "object" || Array.isArray(next)) {
        throw new InputError(`${o.source}: cannot set "${o.path.join(".")}": "${o.path.slice(0, i + 1).join(".")}" is not a mapping`);
      }
      node = node[seg];
    });
  }
  return copy;
}

// src/core/train/spec.ts
var architectureSchema = external_exports.strictObject({
  hidden_size: external_exports.number().int().positive().default(64),
  num_layers: external_exports.number().int().positive().default(2),
  num_heads: external_exports.number().int().positive().default(4),
  num_kv_heads: external_exports.number().int().positive().optional(),
  intermediate_size: external_exports.number().int().positive().optional(),
  max_position_embeddings: external_exports.number().int().positive().default(512),
  rope_theta: external_exports.number().positive().default(1e4)
});
var baseSchema = external_exports.strictObject({
  /** "scratch", a directory with HF-layout weights, or an HF model id (for trainers that fetch it). */
  model: external_exports.string().min(1),
  /** Only for `scratch` (reference trainer). */
  architecture: architectureSchema.optional(),
  /** Tokenizer for axolotl/torchtune when it differs from the model (path or id). */
  tokenizer: external_exports.string().min(1).optional()
});
var datasetsSchema = external_exports.strictObject({
  format: external_exports.enum(["chat", "instruction", "completion"]),
  /** JSONL file, relative to the spec file. */
  train: external_exports.string().min(1),
  validation: external_exports.string().min(1).optional()
});
var loraSchema = external_exports.strictObject({
  r: external_exports.number().int().positive().default(16),
  alpha: external_exports.number().positive().default(32),
  dropout: external_exports.number().min(0).max(1).default(0.05),
  target_modules: external_exports.array(external_exports.string().min(1)).min(1).default(["q_proj", "k_proj", "v_proj", "o_proj"])
});
var launcherSchema = external_exports.discriminatedUnion("type", [
  external_exports.strictObject({ type: external_exports.literal("single") }),
  external_exports.strictObject({
    type: external_exports.literal("torchrun"),
    nproc_per_node: external_exports.number().int().positive().default(1),
    nnodes: external_exports.number().int().positive().default(1),
    node_rank: external_exports.number().int().min(0).optional(),
    rdzv_endpoint: external_exports.string().min(1).optional()
  }),
  external_exports.strictObject({
    type: external_exports.literal("accelerate"),
    num_processes: external_exports.number().int().positive().default(1),
    num_machines: external_exports.number().int().positive().default(1),
    machine_rank: external_exports.number().int().min(0).optional(),
    main_process_ip: external_exports.string().min(1).optional(),
    main_process_port: external_exports.number().int().positive().optional(),
    config_file: external_exports.string().min(1).optional()
  })
]);
var torchtuneSchema = external_exports.strictObject({
  /** A recipe name `tune ls` lists, e.g. lora_finetune_single_device. */
  recipe: external_exports.string().min(1),
  /** A built-in config name (e.g. llama3_2/1B_lora_single_device) or a YAML path. */
  config: external_exports.string().min(1)
});
var commandSchema = external_exports.strictObject({
  /** The program and its arguments; run as an argument array, never through a shell. */
  argv: external_exports.array(external_exports.string()).min(1),
  /** Where the script writes the final model (relative to the output directory). */
  model_dir: external_exports.string().min(1).default("model")
});
var trainSpecSchema = external_exports.strictObject({
  name: safeNameSchema.optional(),
  base: baseSchema,
  datasets: datasetsSchema,
  method: external_exports.enum(["full", "lora", "qlora"]).default("full"),
  lora: loraSchema.prefault({}),
  sequence_len: external_exports.number().int().positive().max(1048576).default(512),
  packing: external_exports.boolean().default(false),
  micro_batch_size: external_exports.number().int().positive().max(65536).default(1),
  gradient_accumulation_steps: external_exports.number().int().positive().max(65536).default(1),
  epochs: external_exports.number().positive().max(1e4).optional(),
  max_steps: external_exports.number().int().positive().max(1e8).optional(),
  learning_rate: external_exports.number().positive().max(10),
  scheduler: external_exports.enum(["cosine", "linear", "constant"]).default("cosine"),
  warmup_steps: external_exports.number().int().min(0).max(1e8).default(0),
  weight_decay: external_exports.number().min(0).max(1).default(0),
  max_grad_norm: external_exports.number().min(0).max(1e6).default(1),
  seed: external_exports.number().int().min(0).max(4294967295).default(42),
  precision: external_exports.enum(["auto", "fp32", "bf16", "fp16"]).default("auto"),
  checkpoint: external_exports.strictObject({ every_steps: external_exports.number().int().positive().optional(), keep: external_exports.number().int().positive().default(2) }).default({ keep: 2 }),
  evaluation: external_exports.strictObject({ every_steps: external_exports.number().int().positive().optional() }).default({}),
  logging_steps: external_exports.number().int().positive().default(1),
  backend: external_exports.enum(["reference", "axolotl", "torchtune", "command"]).default("reference"),
  launcher: launcherSchema.default({ type: "single" }),
  /** Host environment variables the trainer may see beyond the allow-list (e.g. HF_TOKEN, WANDB_API_KEY), by name. */
  pass_env: external_exports.array(external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name")).default([]),
  torchtune: torchtuneSchema.optional(),
  command: commandSchema.optional(),
  axolotl: external_exports.strictObject({
    /** HF attention implementation (axolotl's current key; the boolean flash_attention is deprecated). */
    attn_implementation: external_exports.enum(["eager", "sdpa", "flash_attention_2", "flash_attention_3", "flex_attention"]).default("sdpa"),
    /** Further axolotl keys, written as given (they win over rendered ones). */
    extra: external_exports.record(external_exports.string(), external_exports.unknown()).default({})
  }).prefault({}),
  /** Extra arguments appended to the trainer's command line (trainer flags llmops does not model). */
  backend_args: external_exports.array(external_exports.string()).default([]),
  /** The Python interpreter; unset: the first of python3, /usr/bin/python3 that imports the backend. */
  python: external_exports.string().min(1).optional(),
  /** CPU threads for the reference trainer (0 leaves torch's default). */
  threads: external_exports.number().int().min(0).max(4096).default(0),
  divergence: external_exports.strictObject({
    /** Fail when the loss stays above factor × its running minimum … */
    factor: external_exports.number().gt(1).max(1e6).default(3),
    /** … for this many consecutive logged steps. */
    window: external_exports.number().int().positive().max(1e6).default(10)
  }).default({ factor: 3, window: 10 }),
  /** Relaunch from the newest checkpoint after a crash, at most this many times. */
  max_restarts: external_exports.number().int().min(0).max(100).default(0),
  /** Seconds a cancelled trainer gets to save its checkpoint before SIGKILL. */
  cancel_grace_s: external_exports.number().positive().max(86400).default(60)
}).superRefine((s, ctx) => {
  const issue = (path, message) => ctx.addIssue({ code: "custom", path, message });
  if (s.epochs === void 0 && s.max_steps === void 0) issue([], "set either epochs or max_steps");
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
function parseTrainSpec(text, file, overrides = []) {
  const doc = parseYamlSource(text, file);
  if (doc.value === null || typeof doc.value !== "object" || Array.isArray(doc.value)) {
    throw new ConfigError(`${file}:1:1: a training spec must be a YAML mapping`, { hint: "see docs/training.md for an example" });
  }
  const value = applyOverrides(doc.value, overrides);
  const r = collectIssues(trainSpecSchema, { ...doc, value });
  if (r.ok) return r.value;
  const overrideOf = (path) => [...overrides].reverse().find((o) => {
    const p = o.path.join(".");
    return path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
  });
  const lines = r.issues.slice(0, 20).map((i) => {
    const o = overrideOf(i.path);
    return o ? `${o.source} (${o.path.join(".")}=${JSON.stringify(o.value)}): ${i.path}: ${i.message}` : `${i.file}:${i.line}:${i.col}: ${i.path}: ${i.message}`;
  });
  if (r.issues.length > lines.length) lines.push(`\u2026 and ${r.issues.length - lines.length} more`);
  const fromOverride = r.issues.some((i) => overrideOf(i.path));
  throw new ConfigError(`invalid training spec (${r.issues.length} problem${r.issues.length === 1 ? "" : "s"}):
  ${lines.join("\n  ")}`, {
    hint: fromOverride ? "fix the override (--set key=value / the overrides input)" : `fix ${r.issues.length === 1 ? "it" : "them"} in ${file}`
  });
}

// src/core/train/divergence.ts
var DivergenceDetector = class {
  constructor(factor, window) {
    this.factor = factor;
    this.window = window;
  }
  factor;
  window;
  min = Number.POSITIVE_INFINITY;
  above = 0;
  firstAbove = 0;
  observe(step, loss) {
    if (!Number.isFinite(loss)) {
      return { step, reason: `loss became ${Number.isNaN(loss) ? "NaN" : loss > 0 ? "+\u221E" : "-\u221E"} at step ${step}` };
    }
    if (loss < this.min) this.min = loss;
    if (loss > this.factor * this.min) {
      if (this.above === 0) this.firstAbove = step;
      this.above++;
      if (this.above >= this.window) {
        return {
          step: this.firstAbove,
          reason: `loss diverged at step ${this.firstAbove}: above ${this.factor}\xD7 its minimum ${fmt(this.min)} for ${this.window} logged steps (now ${fmt(loss)} at step ${step})`
        };
      }
    } else {
      this.above = 0;
    }
    return void 0;
  }
};
function fmt(n) {
  return Number(n.toPrecision(4)).toString();
}

// src/core/train/training-decisions.ts
function decideOutDir(s) {
  const prev = s.previous;
  if (s.resume) {
    if (prev === void 0) return { kind: "resume", warning: `--resume: nothing to resume in ${s.outDir} (no run.json there); training from step 0` };
    if (prev.specHash !== s.hash) {
      throw new ConfigError(`--resume: ${s.outDir} holds a run of a different spec (${prev.specHash.slice(0, 19)}\u2026, now ${s.hash.slice(0, 19)}\u2026)`, {
        hint: "resume with the same spec and overrides, or train into a fresh --out directory"
      });
    }
    return { kind: "resume" };
  }
  if (prev && prev.status !== "succeeded" && prev.specHash === s.hash && s.checkpointSteps.length > 0) {
    throw new ConfigError(`${s.outDir} holds an unfinished run of this spec (${prev.status}) with a checkpoint at step ${Math.max(...s.checkpointSteps)}; starting over would delete it`, {
      hint: "add --resume (action input resume: true) to continue from it, or delete the directory or choose another --out to start over"
    });
  }
  return { kind: "fresh" };
}
function describeExit(e) {
  return e.signal ? `signal ${e.signal}` : `exit code ${e.code}`;
}
function decideAfterAttempt(outcome, c) {
  switch (outcome.kind) {
    case "ok":
      return { kind: "done" };
    case "diverged":
      return {
        kind: "stop",
        status: "failed",
        failure: new DataInvalidError(`training stopped: ${outcome.divergence.reason}`, {
          hint: "lower the learning rate, raise warmup_steps or max_grad_norm, or check the data around that step; the reference trainer checks every step and never writes a checkpoint with NaN/inf weights, so --resume continues from the last good one"
        })
      };
    case "cancelled":
      return {
        kind: "stop",
        status: "cancelled",
        failure: new ProcessExitError(`training cancelled at step ${outcome.step ?? "?"}${outcome.checkpoint ? `; checkpoint saved at ${outcome.checkpoint}` : ""}`, outcome.exit.code, outcome.exit.signal, {
          hint: "run the same command with --resume to continue from the newest checkpoint"
        })
      };
    case "crashed":
      break;
  }
  if (outcome.error && outcome.exit.code === 2) {
    return { kind: "stop", status: "failed", failure: new DataInvalidError(`the trainer rejected its input: ${outcome.error}`, { hint: "fix the data or the base model it names; the full log is in train.log" }) };
  }
  if (c.restarts < c.maxRestarts && c.canResume) {
    const restart = c.restarts + 1;
    return { kind: "restart", restart, warning: `trainer exited with ${describeExit(outcome.exit)}; restarting from the newest checkpoint (restart ${restart} of ${c.maxRestarts})` };
  }
  return {
    kind: "stop",
    status: "failed",
    failure: new ProcessExitError(
      `trainer exited with ${describeExit(outcome.exit)}${outcome.error ? `: ${outcome.error}` : ""}${outcome.tail.length ? `
last output:
    ${outcome.tail.join("\n    ")}` : ""}`,
      outcome.exit.code,
      outcome.exit.signal,
      { hint: `the full log is ${c.outDir}/train.log${c.canResume ? "; rerun with --resume to continue from the newest checkpoint" : ""}` }
    )
  };
}

// src/core/train/learning.ts
var UNIFORM_FACTOR = 1.5;
var MIN_LOGGED_FOR_TREND = 5;
function assessLearning(losses, vocabSize) {
  if (losses.length === 0) return null;
  const first = losses[0];
  const last = losses[losses.length - 1];
  if (vocabSize !== void 0 && vocabSize > 1) {
    const uniform = Math.log(vocabSize);
    if (last.loss > UNIFORM_FACTOR * uniform) {
      return `the final loss ${fmt2(last.loss)} (step ${last.step}) is far above ${fmt2(uniform)}, the loss of a uniform guess over ${vocabSize} tokens: the model is worse than guessing`;
    }
  }
  if (losses.length >= MIN_LOGGED_FOR_TREND && !losses.slice(1).some((p) => p.loss < first.loss)) {
    return `the loss never fell below its first logged value (${fmt2(first.loss)} at step ${first.step}; ${fmt2(last.loss)} at step ${last.step})`;
  }
  return null;
}
function fmt2(n) {
  return Number(n.toPrecision(4)).toString();
}

// src/core/train/render-axolotl.ts
var import_yaml2 = __toESM(require_dist(), 1);
function datasetEntry(spec2, path) {
  const base = { path, ds_type: "json", split: "train" };
  switch (spec2.datasets.format) {
    case "chat":
      return {
        ...base,
        type: "chat_template",
        field_messages: "messages",
        message_property_mappings: { role: "role", content: "content" },
        roles_to_train: ["assistant"],
        train_on_eos: "turn"
      };
    case "instruction":
      return { ...base, type: "alpaca" };
    case "completion":
      return {
        ...base,
        type: { field_instruction: "prompt", field_output: "completion", format: "{instruction}", no_input_format: "{instruction}" }
      };
  }
}
function scheduler(spec2) {
  return spec2.scheduler === "constant" && spec2.warmup_steps > 0 ? "constant_with_warmup" : spec2.scheduler;
}
function renderAxolotlConfig(spec2, paths, opts) {
  const c = { base_model: paths.base };
  if (spec2.base.tokenizer) c.tokenizer_config = spec2.base.tokenizer;
  if (spec2.method === "qlora") c.load_in_4bit = true;
  if (spec2.method !== "full") {
    c.adapter = spec2.method;
    c.lora_r = spec2.lora.r;
    c.lora_alpha = spec2.lora.alpha;
    c.lora_dropout = spec2.lora.dropout;
    c.lora_target_modules = [...spec2.lora.target_modules];
  }
  c.datasets = [datasetEntry(spec2, paths.train)];
  if (paths.validation) {
    c.test_datasets = [datasetEntry(spec2, paths.validation)];
    c.val_set_size = 0;
  }
  c.dataset_prepared_path = `${paths.outDir}/axolotl-prepared`;
  c.output_dir = `${paths.outDir}/trainer`;
  c.train_on_inputs = false;
  c.sequence_len = spec2.sequence_len;
  c.sample_packing = spec2.packing;
  c.pad_to_sequence_len = spec2.packing;
  c.micro_batch_size = spec2.micro_batch_size;
  c.gradient_accumulation_steps = spec2.gradient_accumulation_steps;
  if (spec2.max_steps !== void 0) c.max_steps = spec2.max_steps;
  if (spec2.epochs !== void 0) c.num_epochs = spec2.epochs;
  c.optimizer = "adamw_torch";
  c.learning_rate = spec2.learning_rate;
  c.lr_scheduler = scheduler(spec2);
  c.warmup_steps = spec2.warmup_steps;
  c.weight_decay = spec2.weight_decay;
  c.max_grad_norm = spec2.max_grad_norm;
  c.seed = spec2.seed;
  c.bf16 = spec2.precision === "bf16" ? true : spec2.precision === "auto" ? "auto" : false;
  c.fp16 = spec2.precision === "fp16";
  c.attn_implementation = spec2.axolotl.attn_implementation;
  c.logging_steps = spec2.logging_steps;
  if (spec2.checkpoint.every_steps) c.save_steps = spec2.checkpoint.every_steps;
  c.save_total_limit = spec2.checkpoint.keep;
  if (spec2.evaluation.every_steps && paths.validation) c.eval_steps = spec2.evaluation.every_steps;
  if (opts.resume) c.auto_resume_from_checkpoints = true;
  return { ...c, ...spec2.axolotl.extra };
}
function renderAxolotlYaml(config) {
  return `# Rendered by llmops from a training spec; edit the spec, not this file.
${(0, import_yaml2.stringify)(config, { lineWidth: 0 })}`;
}

// src/core/train/render-reference.ts
function renderReferenceArgs(spec2, paths, opts) {
  const a = [];
  const add = (flag, v) => {
    if (v !== void 0) a.push(flag, String(v));
  };
  add("--base", paths.base);
  const arch = spec2.base.architecture;
  if (spec2.base.model === "scratch" && arch) {
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
  add("--format", spec2.datasets.format);
  add("--method", spec2.method);
  if (spec2.method === "lora" && spec2.lora) {
    add("--lora-r", spec2.lora.r);
    add("--lora-alpha", spec2.lora.alpha);
    add("--lora-dropout", spec2.lora.dropout);
    add("--lora-target-modules", spec2.lora.target_modules.join(","));
  }
  add("--seq-len", spec2.sequence_len);
  if (spec2.packing) a.push("--packing");
  add("--micro-batch-size", spec2.micro_batch_size);
  add("--grad-accum", spec2.gradient_accumulation_steps);
  if (spec2.max_steps !== void 0) add("--max-steps", spec2.max_steps);
  else add("--epochs", spec2.epochs);
  add("--lr", spec2.learning_rate);
  add("--scheduler", spec2.scheduler);
  add("--warmup-steps", spec2.warmup_steps);
  add("--weight-decay", spec2.weight_decay);
  add("--max-grad-norm", spec2.max_grad_norm);
  add("--seed", spec2.seed);
  add("--precision", spec2.precision);
  add("--save-steps", spec2.checkpoint.every_steps ?? 0);
  add("--save-total-limit", spec2.checkpoint.keep);
  add("--eval-steps", spec2.evaluation.every_steps ?? 0);
  add("--log-steps", spec2.logging_steps);
  add("--threads", spec2.threads);
  add("--output-dir", paths.outDir);
  add("--resume", opts.resume ? "auto" : "none");
  a.push(...spec2.backend_args);
  return a;
}

// src/core/train/render-torchtune.ts
var ATTN = /* @__PURE__ */ new Map([
  ["q_proj", "q_proj"],
  ["k_proj", "k_proj"],
  ["v_proj", "v_proj"],
  ["o_proj", "output_proj"],
  ["output_proj", "output_proj"]
]);
var MLP = /* @__PURE__ */ new Set(["gate_proj", "up_proj", "down_proj", "w1", "w2", "w3"]);
function list(items) {
  return `[${items.map((i) => `'${i}'`).join(",")}]`;
}
function datasetOverrides(spec2, file, prefix) {
  const common = [`${prefix}.source=json`, `${prefix}.data_files=${file}`, `${prefix}.split=train`];
  switch (spec2.datasets.format) {
    case "chat":
      return [
        `${prefix}._component_=torchtune.datasets.chat_dataset`,
        ...common,
        `${prefix}.conversation_column=messages`,
        `${prefix}.conversation_style=openai`,
        `${prefix}.train_on_input=False`
      ];
    case "instruction":
      return [`${prefix}._component_=torchtune.datasets.alpaca_dataset`, ...common, `${prefix}.train_on_input=False`];
    case "completion":
      return [
        `${prefix}._component_=torchtune.datasets.instruct_dataset`,
        ...common,
        `${prefix}.column_map.input=prompt`,
        `${prefix}.column_map.output=completion`,
        `${prefix}.train_on_input=False`
      ];
  }
}
function renderTorchtune(spec2, paths, opts) {
  if (!spec2.torchtune) throw new ConfigError("backend torchtune needs a torchtune: {recipe, config} block");
  if (spec2.scheduler !== "cosine") {
    throw new ConfigError(`torchtune's recipes schedule the learning rate with cosine warmup; scheduler "${spec2.scheduler}" cannot be rendered`, {
      hint: "set scheduler: cosine for backend torchtune"
    });
  }
  const o = [];
  const trainerDir = `${paths.outDir}/trainer`;
  o.push(`output_dir=${trainerDir}`);
  if (spec2.base.model !== "scratch") {
    o.push(`checkpointer.checkpoint_dir=${paths.base}`, `checkpointer.output_dir=${trainerDir}`);
  }
  if (spec2.base.tokenizer) o.push(`tokenizer.path=${spec2.base.tokenizer}`);
  o.push(`tokenizer.max_seq_len=${spec2.sequence_len}`);
  o.push(...datasetOverrides(spec2, paths.train, "dataset"), `dataset.packed=${spec2.packing ? "True" : "False"}`);
  o.push(`batch_size=${spec2.micro_batch_size}`, `gradient_accumulation_steps=${spec2.gradient_accumulation_steps}`);
  if (spec2.max_steps !== void 0) o.push("epochs=1", `max_steps_per_epoch=${spec2.max_steps}`);
  else o.push(`epochs=${Math.ceil(spec2.epochs ?? 1)}`);
  o.push(`optimizer.lr=${spec2.learning_rate}`, `optimizer.weight_decay=${spec2.weight_decay}`);
  o.push(`lr_scheduler.num_warmup_steps=${spec2.warmup_steps}`);
  if (spec2.max_grad_norm > 0) o.push(`clip_grad_norm=${spec2.max_grad_norm}`);
  o.push(`seed=${spec2.seed}`);
  if (spec2.precision !== "auto") o.push(`dtype=${spec2.precision === "fp32" ? "fp32" : spec2.precision}`);
  if (spec2.method !== "full") {
    const attn = spec2.lora.target_modules.map((m) => ATTN.get(m)).filter((m) => m !== void 0);
    const unknown = spec2.lora.target_modules.filter((m) => !ATTN.has(m) && !MLP.has(m));
    if (unknown.length) throw new ConfigError(`torchtune cannot target LoRA modules ${unknown.join(", ")}; use q_proj, k_proj, v_proj, o_proj or the MLP projections`);
    o.push(
      `model.lora_attn_modules=${list(attn)}`,
      `model.apply_lora_to_mlp=${spec2.lora.target_modules.some((m) => MLP.has(m)) ? "True" : "False"}`,
      `model.lora_rank=${spec2.lora.r}`,
      `model.lora_alpha=${spec2.lora.alpha}`,
      `model.lora_dropout=${spec2.lora.dropout}`
    );
  }
  o.push("metric_logger._component_=torchtune.training.metric_logging.StdoutLogger", `log_every_n_steps=${spec2.logging_steps}`);
  if (opts.resume) o.push("resume_from_checkpoint=True");
  o.push(...spec2.backend_args);
  return { recipe: spec2.torchtune.recipe, config: spec2.torchtune.config, overrides: o };
}

// src/core/train/launch.ts
function launcherArgs(l) {
  switch (l.type) {
    case "single":
      return void 0;
    case "torchrun": {
      const a = [`--nproc_per_node=${l.nproc_per_node}`, `--nnodes=${l.nnodes}`];
      if (l.node_rank !== void 0) a.push(`--node_rank=${l.node_rank}`);
      if (l.rdzv_endpoint) a.push("--rdzv_backend=c10d", `--rdzv_endpoint=${l.rdzv_endpoint}`);
      return { program: "torchrun", args: a };
    }
    case "accelerate": {
      const a = ["launch", `--num_processes=${l.num_processes}`, `--num_machines=${l.num_machines}`];
      if (l.machine_rank !== void 0) a.push(`--machine_rank=${l.machine_rank}`);
      if (l.main_process_ip) a.push(`--main_process_ip=${l.main_process_ip}`);
      if (l.main_process_port !== void 0) a.push(`--main_process_port=${l.main_process_port}`);
      if (l.config_file) a.push(`--config_file=${l.config_file}`);
      return { program: "accelerate", args: a };
    }
  }
}
function pythonModule(spec2, python, module, rest) {
  const l = launcherArgs(spec2.launcher);
  if (!l) return { program: python, args: ["-m", module, ...rest] };
  return { program: l.program, args: [...l.args, "-m", module, ...rest] };
}
function planLaunch(spec2, ctx) {
  const env = { PYTHONUNBUFFERED: "1" };
  switch (spec2.backend) {
    case "reference": {
      const args = renderReferenceArgs(spec2, ctx.paths, { resume: ctx.resume });
      return {
        program: ctx.python,
        args: ["-u", ctx.referenceTrainer, ...args],
        env,
        files: [{ name: "config/reference-args.json", content: `${JSON.stringify(args, null, 2)}
` }],
        modelDir: "model",
        logFormat: "reference-json"
      };
    }
    case "axolotl": {
      const yaml = renderAxolotlYaml(renderAxolotlConfig(spec2, ctx.paths, { resume: ctx.resume }));
      const cfg = `${ctx.paths.outDir}/config/axolotl.yaml`;
      return { ...pythonModule(spec2, ctx.python, "axolotl.cli.train", [cfg]), env, files: [{ name: "config/axolotl.yaml", content: yaml }], modelDir: "trainer", logFormat: "text" };
    }
    case "torchtune": {
      const t = renderTorchtune(spec2, ctx.paths, { resume: ctx.resume });
      const l = spec2.launcher;
      const dist = l.type === "torchrun" ? [`--nnodes=${l.nnodes}`, `--nproc_per_node=${l.nproc_per_node}`] : [];
      const args = ["run", ...dist, t.recipe, "--config", t.config, ...t.overrides];
      return {
        program: "tune",
        args,
        env,
        files: [{ name: "config/torchtune-command.txt", content: `tune ${args.join(" ")}
` }],
        modelDir: "trainer",
        logFormat: "text"
      };
    }
    case "command": {
      const cmd = spec2.command;
      if (!cmd) throw new ConfigError("backend command needs a command: {argv: [...]} block");
      const l = launcherArgs(spec2.launcher);
      const [program, ...rest] = cmd.argv;
      const launched = l ? { program: l.program, args: [...l.args, program, ...rest, ...spec2.backend_args] } : { program, args: [...rest, ...spec2.backend_args] };
      return {
        ...launched,
        env: {
          ...env,
          LLMOPS_OUTPUT_DIR: ctx.paths.outDir,
          LLMOPS_MODEL_DIR: `${ctx.paths.outDir}/${cmd.model_dir}`,
          LLMOPS_TRAIN_FILE: ctx.paths.train,
          ...ctx.paths.validation ? { LLMOPS_VALIDATION_FILE: ctx.paths.validation } : {},
          LLMOPS_RESUME: ctx.resume ? "1" : "0",
          // The base model (a resolved directory, "scratch" or a hub id) and the validated spec
          // (after --set overrides) as JSON, so a script trains what the spec says.
          LLMOPS_BASE_MODEL: ctx.paths.base,
          LLMOPS_SPEC_JSON: `${ctx.paths.outDir}/config/spec.json`
        },
        files: [
          { name: "config/command.json", content: `${JSON.stringify([launched.program, ...launched.args], null, 2)}
` },
          { name: "config/spec.json", content: `${JSON.stringify(spec2, null, 2)}
` }
        ],
        modelDir: cmd.model_dir,
        logFormat: "text"
      };
    }
  }
}

// src/core/train/python-literal.ts
var Reader = class {
  constructor(s) {
    this.s = s;
  }
  s;
  i = 0;
  ws() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  peek() {
    this.ws();
    return this.s[this.i] ?? "";
  }
  expect(ch) {
    if (this.peek() !== ch) throw new SyntaxError(`expected ${ch} at ${this.i}`);
    this.i++;
  }
  value() {
    const c = this.peek();
    if (c === "{") return this.dict();
    if (c === "[" || c === "(") return this.list(c === "[" ? "]" : ")");
    if (c === "'" || c === '"') return this.str();
    return this.atom();
  }
  dict() {
    this.expect("{");
    const out = {};
    while (this.peek() !== "}") {
      const k = this.value();
      this.expect(":");
      out[String(k)] = this.value();
      if (this.peek() === ",") this.i++;
      else break;
    }
    this.expect("}");
    return out;
  }
  list(close) {
    this.i++;
    const out = [];
    while (this.peek() !== close) {
      out.push(this.value());
      if (this.peek() === ",") this.i++;
      else break;
    }
    this.expect(close);
    return out;
  }
  /** Positional arguments of a call; keyword arguments (device='cuda:0') are read and dropped. */
  callArgs() {
    this.expect("(");
    const positional = [];
    while (this.peek() !== ")") {
      const kw = /^[A-Za-z_]\w*\s*=(?!=)/.exec(this.s.slice(this.i));
      if (kw) {
        this.i += kw[0].length;
        this.value();
      } else positional.push(this.value());
      if (this.peek() === ",") this.i++;
      else break;
    }
    this.expect(")");
    return positional[0] ?? null;
  }
  str() {
    const q = this.s[this.i];
    this.i++;
    let out = "";
    while (this.i < this.s.length && this.s[this.i] !== q) {
      if (this.s[this.i] === "\\" && this.i + 1 < this.s.length) this.i++;
      out += this.s[this.i];
      this.i++;
    }
    if (this.s[this.i] !== q) throw new SyntaxError("unterminated string");
    this.i++;
    return out;
  }
  atom() {
    const m = /^[A-Za-z0-9_.+\-]+/.exec(this.s.slice(this.i));
    if (!m) throw new SyntaxError(`unexpected ${JSON.stringify(this.s[this.i] ?? "end")} at ${this.i}`);
    const word = m[0];
    this.i += word.length;
    if (this.peek() === "(") {
      return this.callArgs();
    }
    return wordValue(word);
  }
};
function wordValue(w) {
  switch (w) {
    case "True":
      return true;
    case "False":
      return false;
    case "None":
      return null;
  }
  const n = numberOf(w);
  if (n === void 0) throw new SyntaxError(`not a literal: ${w}`);
  return n;
}
function numberOf(v) {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return void 0;
  const t = v.trim().toLowerCase();
  if (t === "nan" || t === "-nan") return Number.NaN;
  if (t === "inf" || t === "+inf" || t === "infinity" || t === "+infinity") return Number.POSITIVE_INFINITY;
  if (t === "-inf" || t === "-infinity") return Number.NEGATIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return void 0;
  return Number(t);
}
function parsePythonLiteral(text) {
  const r = new Reader(text);
  const v = r.value();
  if (r.peek() !== "") throw new SyntaxError(`trailing text at ${r.i}`);
  return v;
}
function extractDict(line) {
  const start = line.indexOf("{'") >= 0 ? line.indexOf("{'") : line.indexOf('{"');
  if (start < 0) return void 0;
  let depth = 0;
  let quote = "";
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return line.slice(start, i + 1);
  }
  return void 0;
}

// src/core/train/log-parse.ts
var num = (v) => numberOf(v);
function pick(o, keys) {
  for (const k of keys) {
    const n = num(o[k]);
    if (n !== void 0) return n;
  }
  return void 0;
}
function record(step, o) {
  const r = { step };
  const set = (k, v) => {
    if (v !== void 0) r[k] = v;
  };
  set("loss", pick(o, ["loss"]));
  set("eval_loss", pick(o, ["eval_loss"]));
  set("lr", pick(o, ["lr", "learning_rate"]));
  set("grad_norm", pick(o, ["grad_norm"]));
  set("epoch", pick(o, ["epoch"]));
  set("tokens", pick(o, ["tokens", "num_tokens"]));
  set("tokens_per_s", pick(o, ["tokens_per_s", "tokens_per_second_per_gpu", "train_tokens_per_second"]));
  return r;
}
function parseLooseJson(line) {
  return JSON.parse(line.replace(/(?<=[:[,]\s*)(-?Infinity|NaN)(?=\s*[,}\]])/g, '"$1"'));
}
function fromReference(o) {
  const step = num(o.step) ?? 0;
  switch (o.event) {
    case "start":
      return [{ type: "start", info: o, ...num(o.total_steps) !== void 0 ? { totalSteps: num(o.total_steps) } : {} }];
    case "step":
      return [{ type: "metrics", kind: "train", record: record(step, o) }];
    case "eval":
      return [{ type: "metrics", kind: "eval", record: record(step, o) }];
    case "checkpoint":
      return [{ type: "checkpoint", step, ...typeof o.path === "string" ? { path: o.path } : {} }];
    case "resume":
      return [{ type: "resume", step, ...typeof o.checkpoint === "string" ? { checkpoint: o.checkpoint } : {} }];
    case "terminated":
      return [{ type: "terminated", step, ...typeof o.checkpoint === "string" ? { checkpoint: o.checkpoint } : {} }];
    case "done":
      return [{ type: "done", step, ...typeof o.output === "string" ? { output: o.output } : {} }];
    case "error":
      return [{ type: "error", message: String(o.message ?? "unknown error") }];
    default:
      return [];
  }
}
var TQDM = /(?:^|[\s|])(\d+)\/(\d+)\s*\[/g;
var TORCHTUNE = /^Step (\d+) \| (.*)$/;
var OTHER_BAR = /\b(?:Loading|Downloading|Fetching|Writing|Map|Generating|Tokenizing)\b[^|]*\d+%\|/;
var LogParser = class {
  constructor(mode, loggingSteps = 1, expectedTotal) {
    this.mode = mode;
    this.loggingSteps = loggingSteps;
    this.trainTotal = expectedTotal;
  }
  mode;
  loggingSteps;
  step = 0;
  lastTqdm;
  trainTotal;
  feed(rawLine) {
    const events = [];
    for (const line of rawLine.split("\r")) events.push(...this.feedOne(line.trimEnd()));
    return events;
  }
  feedOne(line) {
    if (line === "") return [];
    if (this.mode === "reference-json" && line.startsWith('{"event"')) {
      try {
        return fromReference(parseLooseJson(line));
      } catch {
        return [];
      }
    }
    const events = [];
    const otherBar = OTHER_BAR.test(line);
    for (const m of line.matchAll(TQDM)) {
      const step = Number(m[1]);
      const total = Number(m[2]);
      if (otherBar || total <= 0 || step > total) continue;
      if (this.trainTotal === void 0) this.trainTotal = total;
      if (total !== this.trainTotal) continue;
      if (this.lastTqdm === void 0 && this.step === 0) this.step = step;
      if (this.lastTqdm === void 0 || step >= this.lastTqdm.step) this.lastTqdm = { step, total };
      events.push({ type: "progress", step, totalSteps: total });
    }
    const tt = TORCHTUNE.exec(line.trim());
    if (tt) {
      const o = {};
      for (const kv of tt[2].trim().split(/\s+/)) {
        const i = kv.indexOf(":");
        if (i > 0) o[kv.slice(0, i)] = kv.slice(i + 1);
      }
      this.step = Number(tt[1]);
      events.push({ type: "metrics", kind: o.loss !== void 0 ? "train" : "eval", record: record(this.step, o) });
      return events;
    }
    const dict = extractDict(line);
    if (dict) {
      let v;
      try {
        v = parsePythonLiteral(dict);
      } catch {
        return events;
      }
      if (v && typeof v === "object" && !Array.isArray(v)) events.push(...this.fromHfDict(v));
    }
    return events;
  }
  fromHfDict(o) {
    if ("train_runtime" in o || "train_loss" in o) {
      const summary = {};
      for (const [k, v] of Object.entries(o)) {
        const n = num(v);
        if (n !== void 0) summary[k] = n;
      }
      return [{ type: "done", summary }];
    }
    const stepFromLine = num(o.step);
    if ("eval_loss" in o) {
      return [{ type: "metrics", kind: "eval", record: record(stepFromLine ?? this.currentStep(false), o) }];
    }
    if ("loss" in o) {
      this.step = stepFromLine ?? this.currentStep(true);
      return [{ type: "metrics", kind: "train", record: record(this.step, o) }];
    }
    return [];
  }
  currentStep(advance) {
    const counted = advance ? this.step + this.loggingSteps : this.step;
    return this.lastTqdm && this.lastTqdm.step > counted ? this.lastTqdm.step : counted;
  }
};
function parseTrainerState(json2) {
  const history = json2?.log_history;
  if (!Array.isArray(history)) return [];
  const out = [];
  for (const h of history) {
    if (!h || typeof h !== "object") continue;
    const o = h;
    const step = num(o.step);
    if (step === void 0) continue;
    if ("loss" in o) out.push({ kind: "train", record: record(step, o) });
    else if ("eval_loss" in o) out.push({ kind: "eval", record: record(step, o) });
  }
  return out;
}

// src/core/train/loss-chart.ts
function lossSeries(records) {
  const train = [];
  const evals = [];
  for (const { kind, record: record2 } of records) {
    if (kind === "train" && record2.loss !== void 0 && Number.isFinite(record2.loss)) train.push({ step: record2.step, loss: record2.loss });
    if (kind === "eval" && record2.eval_loss !== void 0 && Number.isFinite(record2.eval_loss)) evals.push({ step: record2.step, loss: record2.eval_loss });
  }
  return { train, eval: evals };
}
function downsample(points, max) {
  if (points.length <= max) return [...points];
  const out = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * (points.length - 1) / (max - 1))]);
  return out;
}
function round(n, digits = 4) {
  return Number(n.toPrecision(digits)).toString();
}
function renderLossMermaid(series, opts = {}) {
  const pts = downsample(series.train, opts.maxPoints ?? 40);
  if (pts.length === 0) return "";
  const lo = Math.min(...pts.map((p) => p.loss));
  const hi = Math.max(...pts.map((p) => p.loss));
  const yMin = Math.max(0, lo - (hi - lo) * 0.05);
  const yMax = hi + (hi - lo) * 0.05 || hi + 1;
  const title = (opts.title ?? "Training loss").replace(/["\n\r`]/g, "'");
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis "step" [${pts.map((p) => p.step).join(", ")}]`,
    `  y-axis "loss" ${round(yMin)} --> ${round(yMax)}`,
    `  line [${pts.map((p) => round(p.loss)).join(", ")}]`,
    "```"
  ].join("\n");
}
function esc(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function niceTicks(lo, hi, count) {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(10)));
  return ticks;
}
function renderLossSvg(series, opts = {}) {
  const W = opts.width ?? 640;
  const H = opts.height ?? 320;
  const m = { l: 56, r: 16, t: 32, b: 40 };
  const all = [...series.train, ...series.eval];
  const title = esc(opts.title ?? "Training loss");
  if (all.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}"><text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-family="sans-serif" font-size="13">no loss values logged</text></svg>
`;
  }
  const xs = all.map((p) => p.step);
  const ys = all.map((p) => p.loss);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs) === x0 ? x0 + 1 : Math.max(...xs);
  const yLo = Math.max(0, Math.min(...ys));
  const yHi = Math.max(...ys) === yLo ? yLo + 1 : Math.max(...ys);
  const px = (s) => m.l + (s - x0) / (x1 - x0) * (W - m.l - m.r);
  const py = (v) => H - m.b - (v - yLo) / (yHi - yLo) * (H - m.t - m.b);
  const f = (n) => n.toFixed(1);
  const path = (pts) => pts.map((p) => `${f(px(p.step))},${f(py(p.loss))}`).join(" ");
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}" font-family="sans-serif" font-size="11">`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${title}</text>`,
    `<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#888"/>`,
    `<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#888"/>`
  ];
  for (const t of niceTicks(yLo, yHi, 5)) {
    out.push(`<line x1="${m.l}" y1="${f(py(t))}" x2="${W - m.r}" y2="${f(py(t))}" stroke="#eee"/>`);
    out.push(`<text x="${m.l - 6}" y="${f(py(t) + 4)}" text-anchor="end">${round(t)}</text>`);
  }
  for (const t of niceTicks(x0, x1, 6).filter((t2) => Number.isInteger(t2))) {
    out.push(`<text x="${f(px(t))}" y="${H - m.b + 16}" text-anchor="middle">${t}</text>`);
  }
  out.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle">step</text>`);
  if (series.train.length) out.push(`<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${path(series.train)}"><title>train loss</title></polyline>`);
  if (series.eval.length) {
    out.push(`<polyline fill="none" stroke="#ff7f0e" stroke-width="2" stroke-dasharray="5,3" points="${path(series.eval)}"><title>eval loss</title></polyline>`);
    for (const p of series.eval) out.push(`<circle cx="${f(px(p.step))}" cy="${f(py(p.loss))}" r="3" fill="#ff7f0e"/>`);
  }
  const lx = W - m.r - 120;
  out.push(`<line x1="${lx}" y1="${m.t}" x2="${lx + 20}" y2="${m.t}" stroke="#1f77b4" stroke-width="2"/><text x="${lx + 26}" y="${m.t + 4}">train</text>`);
  if (series.eval.length) out.push(`<line x1="${lx + 60}" y1="${m.t}" x2="${lx + 80}" y2="${m.t}" stroke="#ff7f0e" stroke-width="2" stroke-dasharray="5,3"/><text x="${lx + 86}" y="${m.t + 4}">eval</text>`);
  out.push("</svg>");
  return `${out.join("\n")}
`;
}

// src/core/train/preflight.ts
var MIN_FREE_BYTES = 512 * 1024 * 1024;
function parseNvidiaSmi(csv) {
  const gpus = [];
  for (const line of csv.split(/\r?\n/)) {
    const cells = line.split(",").map((c) => c.trim());
    if (cells.length < 5) continue;
    const [index, name, total, free, driver] = cells;
    if (!/^\d+$/.test(index)) continue;
    gpus.push({ index: Number(index), name, memoryTotalMiB: Number(total), memoryFreeMiB: Number(free), driver });
  }
  return gpus;
}
function requiredPackages(spec2) {
  const need = /* @__PURE__ */ new Set();
  switch (spec2.backend) {
    case "reference":
      need.add("torch");
      break;
    case "axolotl":
      ["torch", "transformers", "axolotl"].forEach((p) => need.add(p));
      if (spec2.method !== "full") need.add("peft");
      if (spec2.method === "qlora") need.add("bitsandbytes");
      break;
    case "torchtune":
      ["torch", "torchtune"].forEach((p) => need.add(p));
      break;
    case "command":
      break;
  }
  if (spec2.launcher.type === "torchrun") need.add("torch");
  if (spec2.launcher.type === "accelerate") need.add("accelerate");
  return [...need].sort();
}
var PROBE = [
  "import importlib, json, sys",
  "mods = sys.argv[1:]",
  "out = {'version': sys.version.split()[0], 'packages': {}, 'cuda': False}",
  "for m in mods:",
  "    try:",
  "        mod = importlib.import_module(m)",
  "        out['packages'][m] = str(getattr(mod, '__version__', 'unknown'))",
  "        if m == 'torch': out['cuda'] = bool(mod.cuda.is_available())",
  "    except Exception:",
  "        out['packages'][m] = None",
  "print(json.dumps(out))"
].join("\n");
async function probePython(runner, python, packages) {
  const r = await runner.capture({ program: python, args: ["-c", PROBE, ...packages] }, 12e4);
  if (r.notFound || r.code !== 0) return void 0;
  try {
    const o = JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "");
    return { path: python, version: o.version, packages: o.packages, cuda: o.cuda };
  } catch {
    return void 0;
  }
}
async function runPreflight(input, runner, ws) {
  const { spec: spec2 } = input;
  const problems = [];
  const warnings = [];
  const packages = requiredPackages(spec2);
  let python;
  const tried = [];
  if (spec2.backend !== "command" || packages.length > 0) {
    for (const candidate of input.pythonCandidates) {
      const info = await probePython(runner, candidate, packages);
      tried.push(info ? `${candidate} (missing ${packages.filter((p) => !info.packages[p]).join(", ") || "nothing"})` : `${candidate} (not runnable)`);
      if (info && (python === void 0 || packages.every((p) => info.packages[p]))) python = info;
      if (info && packages.every((p) => info.packages[p])) break;
    }
    if (!python) {
      problems.push(`no Python interpreter could be run (tried ${input.pythonCandidates.join(", ")}); install Python 3, set python: in the spec, or point $LLMOPS_PYTHON at an interpreter`);
    } else {
      const missing = packages.filter((p) => !python.packages[p]);
      for (const p of missing) problems.push(`Python package "${p}" is missing from ${python.path} (tried: ${tried.join("; ")}); ${installHint(p)}`);
    }
  } else if (spec2.python) {
    python = await probePython(runner, spec2.python, ["torch", "transformers", "peft", "accelerate"]);
    if (!python) warnings.push(`python: ${spec2.python} could not be run to record its versions`);
  }
  const smi = await runner.capture({ program: "nvidia-smi", args: ["--query-gpu=index,name,memory.total,memory.free,driver_version", "--format=csv,noheader,nounits"] }, 3e4);
  const gpus = smi.code === 0 ? parseNvidiaSmi(smi.stdout) : [];
  if (!smi.notFound && smi.code !== 0) warnings.push(`nvidia-smi failed (exit ${smi.code}): ${smi.stderr.trim().split("\n")[0] ?? ""}; assuming no GPU`);
  const device = gpus.length > 0 && python?.cuda !== false ? "cuda" : "cpu";
  if (gpus.length > 0 && python && !python.cuda && python.packages.torch) warnings.push(`nvidia-smi sees ${gpus.length} GPU(s) but torch ${python.packages.torch} in ${python.path} has no CUDA; training will run on the CPU`);
  if (spec2.backend !== "reference" && spec2.backend !== "command" && device === "cpu") problems.push(`backend ${spec2.backend} needs a CUDA GPU and none was found (nvidia-smi ${smi.notFound ? "is not installed" : "lists no GPU"}); run on a GPU runner or use backend: reference`);
  const procs = spec2.launcher.type === "torchrun" ? spec2.launcher.nproc_per_node : spec2.launcher.type === "accelerate" ? spec2.launcher.num_processes / spec2.launcher.num_machines : 1;
  if (device === "cuda" && procs > gpus.length) problems.push(`the launcher starts ${procs} processes per node but this machine has ${gpus.length} GPU(s); lower nproc_per_node/num_processes`);
  if (spec2.method === "qlora" && device === "cpu") problems.push("qlora needs a CUDA GPU (bitsandbytes 4-bit)");
  const freeBytes = await ws.freeBytes(input.outDir);
  const min = input.minFreeBytes ?? MIN_FREE_BYTES;
  if (freeBytes !== void 0 && freeBytes < min) problems.push(`only ${(freeBytes / 2 ** 20).toFixed(0)} MiB free at ${input.outDir}; need at least ${(min / 2 ** 20).toFixed(0)} MiB for checkpoints and the model \u2014 free space or choose another --out`);
  if (!await ws.exists(input.trainFile)) problems.push(`training data ${input.trainFile} does not exist (datasets.train in the spec, relative to the spec file)`);
  if (input.validationFile && !await ws.exists(input.validationFile)) problems.push(`validation data ${input.validationFile} does not exist (datasets.validation in the spec)`);
  if (input.baseDir !== void 0 && spec2.backend === "reference") {
    if (!await ws.exists(`${input.baseDir}/config.json`)) problems.push(`base model ${input.baseDir} has no config.json; the reference trainer needs HF layout (config.json + model.safetensors)`);
    if (!await ws.exists(`${input.baseDir}/model.safetensors`) && !await ws.exists(`${input.baseDir}/model.safetensors.index.json`)) {
      problems.push(`base model ${input.baseDir} has no model.safetensors (nor a sharded model.safetensors.index.json); convert .bin weights to safetensors first`);
    }
  }
  return { python, gpus, device, disk: { path: input.outDir, freeBytes }, warnings, problems };
}
function installHint(pkg) {
  if (pkg === "torch") return "install PyTorch (Debian/Ubuntu: apt-get install python3-torch; elsewhere: pip install torch)";
  return `install it with pip install ${pkg}`;
}
function assertPreflight(report) {
  if (report.problems.length === 0) return;
  const msg = `preflight found ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}:
  - ${report.problems.join("\n  - ")}`;
  const onlyMissingFiles = report.problems.every((p) => p.includes("does not exist") || p.includes("base model"));
  if (onlyMissingFiles) throw new ConfigError(msg, { hint: "fix the paths in the training spec" });
  throw new ExternalError(msg, { hint: "fix the environment, or run `llmops train <spec> --dry-run` to see the rendered config without training" });
}

// src/core/train/progress.ts
function computeProgress(samples, totalSteps, loss, trainerTokensPerS) {
  const last = samples.at(-1);
  if (!last) return { step: 0, totalSteps };
  const window = samples.slice(-20);
  const first = window[0];
  const dt = (last.at - first.at) / 1e3;
  const dSteps = last.step - first.step;
  let tokensPerS = trainerTokensPerS;
  if (tokensPerS === void 0 && dt > 0) {
    const toks = window.slice(1).reduce((s, x) => s + (x.tokens ?? 0), 0);
    if (toks > 0) tokensPerS = toks / dt;
  }
  const etaS = totalSteps !== void 0 && dSteps > 0 && dt > 0 ? (totalSteps - last.step) * dt / dSteps : void 0;
  return { step: last.step, totalSteps, loss, tokensPerS, etaS };
}
function formatDuration(s) {
  if (!Number.isFinite(s) || s < 0) return "?";
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor(t % 3600 / 60);
  const sec = t % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : m > 0 ? `${m}m${String(sec).padStart(2, "0")}s` : `${sec}s`;
}
function renderProgressLine(p) {
  const parts = [`step ${p.step}${p.totalSteps !== void 0 ? `/${p.totalSteps}` : ""}`];
  if (p.loss !== void 0) parts.push(`loss ${Number.isFinite(p.loss) ? p.loss.toFixed(4) : String(p.loss)}`);
  if (p.tokensPerS !== void 0) parts.push(`${Math.round(p.tokensPerS)} tok/s`);
  if (p.etaS !== void 0) parts.push(`ETA ${formatDuration(p.etaS)}`);
  return parts.join(" \xB7 ");
}

// src/core/contracts/train-run.ts
var TRAIN_RUN_TAG = "llmops.train-run/v2";
var MachineInfoSchema = external_exports.object({
  platform: external_exports.string(),
  arch: external_exports.string(),
  cpus: external_exports.number().int(),
  cpuModel: external_exports.string().optional(),
  memoryBytes: external_exports.number(),
  hostname: external_exports.string().optional()
});
var GpuSchema = external_exports.object({
  index: external_exports.number().int(),
  name: external_exports.string(),
  memoryTotalMiB: external_exports.number(),
  memoryFreeMiB: external_exports.number(),
  driver: external_exports.string()
});
var figure = external_exports.number().nullable().optional();
var FinalMetricsSchema = external_exports.object({
  steps: external_exports.number().int(),
  total_steps: external_exports.number().int().optional(),
  loss: figure,
  min_loss: figure,
  eval_loss: figure,
  tokens_per_s: figure,
  train_s: external_exports.number()
});
var spec = external_exports.object({ file: external_exports.string(), hash: external_exports.string().describe("sha256 of the spec with overrides applied") });
var body = {
  status: external_exports.enum(["succeeded", "failed", "cancelled"]),
  name: external_exports.string().optional(),
  spec,
  git: external_exports.object({ commit: external_exports.string().optional(), dirty: external_exports.boolean().optional() }),
  backend: external_exports.string(),
  launcher: external_exports.string(),
  command: external_exports.array(external_exports.string()),
  versions: external_exports.record(external_exports.string(), external_exports.string()),
  durations_s: external_exports.object({ preflight: external_exports.number(), train: external_exports.number(), total: external_exports.number() }),
  machine: MachineInfoSchema.extend({ device: external_exports.enum(["cuda", "cpu"]), gpus: external_exports.array(GpuSchema) }),
  restarts: external_exports.number().int(),
  resumed_from_step: external_exports.number().int().optional(),
  model: external_exports.object({ path: external_exports.string(), hash: external_exports.string(), files: external_exports.array(external_exports.object({ name: external_exports.string(), bytes: external_exports.number() })) }).optional(),
  metrics: FinalMetricsSchema,
  error: external_exports.string().optional()
};
var started = { status: external_exports.literal("running"), spec };
function versioned(tag) {
  return external_exports.discriminatedUnion("status", [external_exports.object({ schema: external_exports.literal(tag), ...started }), external_exports.object({ schema: external_exports.literal(tag), ...body })]);
}
var TrainRunSchema = versioned(TRAIN_RUN_TAG);
var TrainRunV1Schema = versioned("llmops.train.run/1");
var trainRunFormat = defineFormat({
  kind: "train-run",
  version: 2,
  schema: TrainRunSchema,
  title: "a training run's record (run.json)",
  file: "<train --out>/run.json",
  writer: "llmops train, actions/train (core/train/run-training.ts)",
  readers: "llmops train (rerun and --resume decisions), tests",
  hint: "run.json is written by `llmops train`; delete the output directory to start over",
  previous: [{ version: 1, tag: "llmops.train.run/1", schema: TrainRunV1Schema, upgrade: (v1) => ({ ...v1, schema: TRAIN_RUN_TAG }) }]
});

// src/core/contracts/train-metrics.ts
var TRAIN_METRICS_TAG = "llmops.train-metrics/v1";
var figure2 = external_exports.union([external_exports.number(), external_exports.enum(["nan", "inf", "-inf"])]);
var fields = {
  kind: external_exports.enum(["train", "eval"]),
  /** Milliseconds since the training started (always written since v1; absent in some 0.1.0 lines). */
  t_ms: external_exports.number().int().nonnegative().optional(),
  step: external_exports.number().nonnegative(),
  loss: figure2.optional(),
  eval_loss: figure2.optional(),
  lr: figure2.optional(),
  grad_norm: figure2.optional(),
  epoch: figure2.optional(),
  tokens: figure2.optional(),
  tokens_per_s: figure2.optional()
};
var TrainMetricsLineSchema = external_exports.strictObject({ schema: external_exports.literal(TRAIN_METRICS_TAG), ...fields });
var trainMetricsFormat = defineFormat({
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
    schema: external_exports.strictObject(fields),
    upgrade: (old) => ({ schema: TRAIN_METRICS_TAG, ...old })
  }
});

// src/core/train/run-record.ts
function computeFinalMetrics(records, totalSteps, trainS) {
  const train = records.filter((r) => r.kind === "train").map((r) => r.record);
  const evals = records.filter((r) => r.kind === "eval" && r.record.eval_loss !== void 0).map((r) => r.record);
  const finite = train.map((r) => r.loss).filter((l) => l !== void 0 && Number.isFinite(l));
  const tps = train.map((r) => r.tokens_per_s).filter((t) => t !== void 0 && Number.isFinite(t));
  const last = train.at(-1);
  return {
    steps: last?.step ?? 0,
    total_steps: totalSteps,
    loss: last?.loss,
    min_loss: finite.length ? Math.min(...finite) : void 0,
    eval_loss: evals.at(-1)?.eval_loss,
    tokens_per_s: tps.length ? round2(tps.reduce((a, b) => a + b, 0) / tps.length, 1) : void 0,
    train_s: round2(trainS, 3)
  };
}
function round2(n, d) {
  return Number(n.toFixed(d));
}
function renderMetricsLine(kind, record2, tMs) {
  const line = { schema: TRAIN_METRICS_TAG, kind, t_ms: Math.round(tMs) };
  for (const [k, v] of Object.entries(record2)) line[k] = typeof v === "number" && !Number.isFinite(v) ? Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf" : v;
  return trainMetricsFormat.serialize(line);
}
function parseMetricsLines(text, file = "metrics.jsonl") {
  const out = [];
  const lines = text.split("\n");
  const last = lines.length - 1;
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let line;
    try {
      line = trainMetricsFormat.parse(raw, `${file}:${i + 1}`);
    } catch (err) {
      if (i === last) return;
      throw err;
    }
    const { schema: _tag, kind, t_ms, ...figures } = line;
    const record2 = {};
    for (const [k, v] of Object.entries(figures)) if (v !== void 0) record2[k] = v === "nan" ? Number.NaN : v === "inf" ? Number.POSITIVE_INFINITY : v === "-inf" ? Number.NEGATIVE_INFINITY : v;
    out.push({ kind, record: record2, ...t_ms !== void 0 ? { tMs: t_ms } : {} });
  });
  return out;
}

// src/core/train/run-training.ts
var isLocalPath = (s) => s.startsWith("/") || s.startsWith("./") || s.startsWith("../") || s === ".";
function joinPath(dir, p) {
  if (p.startsWith("/")) return p;
  const parts = `${dir}/${p}`.split("/");
  const out = [];
  for (const seg of parts) {
    if (seg === "" && out.length > 0) continue;
    if (seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/") || "/";
}
function specHash(spec2) {
  return sha256Text(stableStringify(spec2));
}
async function resolvePaths(input, ws) {
  const { spec: spec2, specDir } = input;
  const model = spec2.base.model;
  const baseIsDir = model !== "scratch" && (isLocalPath(model) || await ws.exists(joinPath(specDir, model)));
  if (spec2.backend === "reference" && model !== "scratch" && !baseIsDir) {
    throw new ConfigError(`base.model "${model}" is not a local directory; the reference trainer cannot download models`, {
      hint: "point base.model at a directory with config.json + model.safetensors, or use backend axolotl/torchtune for hub ids"
    });
  }
  return {
    train: joinPath(specDir, spec2.datasets.train),
    validation: spec2.datasets.validation ? joinPath(specDir, spec2.datasets.validation) : void 0,
    base: model === "scratch" ? "scratch" : baseIsDir ? joinPath(specDir, model) : model,
    baseIsDir
  };
}
async function readTrainerState(ws, modelDir) {
  const checkpoints = (await ws.list(modelDir)).map((n) => /^checkpoint-(\d+)$/.exec(n)).filter((m) => m !== null).sort((a, b) => Number(b[1]) - Number(a[1])).map((m) => `${modelDir}/${m[0]}/trainer_state.json`);
  for (const p of [`${modelDir}/trainer_state.json`, ...checkpoints]) {
    if (await ws.exists(p)) return parseTrainerState(JSON.parse(await ws.readText(p)));
  }
  return [];
}
function reconcileHistory(history, live) {
  const byKey = /* @__PURE__ */ new Map();
  for (const r of history) {
    const key = `${r.kind}:${r.record.step}`;
    byKey.delete(key);
    byKey.set(key, r);
  }
  const out = [...byKey.values()].sort((a, b) => a.record.step - b.record.step || (a.kind === b.kind ? 0 : a.kind === "train" ? -1 : 1));
  return out.map((r) => {
    const same = live.find((l) => l.kind === r.kind && l.record.step === r.record.step && l.tMs !== void 0);
    const before = live.filter((l) => l.record.step <= r.record.step && l.tMs !== void 0).at(-1);
    const tMs = same?.tMs ?? before?.tMs;
    return tMs === void 0 ? { ...r } : { ...r, tMs };
  });
}
async function runTraining(input, ports) {
  const t0 = ports.clock.now();
  const planned = await planRun(input, ports);
  const { plan, preflight } = planned;
  if (input.dryRun) return { dryRun: true, plan, preflight, outDir: input.outDir, renderedConfig: plan.files };
  assertPreflight(preflight);
  const hash = specHash(input.spec);
  const records = await prepareOutDir(input, ports, hash);
  await ports.workspace.writeText(`${input.outDir}/run.json`, trainRunFormat.serialize({ schema: TRAIN_RUN_TAG, status: "running", spec: { file: input.specFile, hash } }));
  const state = await superviseTrainer(input, ports, planned, records);
  const model = await checkOutputs(input, ports, state);
  const { record: record2, lossMermaid } = await writeRunRecord(input, ports, { state, preflight, hash, model, t0 });
  if (state.failure) throw state.failure;
  const modelDir = `${input.outDir}/${state.plan.modelDir}`;
  return { dryRun: false, plan: state.plan, preflight, outDir: input.outDir, modelDir, modelHash: model?.hash, metrics: record2.metrics, record: record2, lossMermaid, renderedConfig: state.plan.files };
}
async function planRun(input, ports) {
  const { spec: spec2, outDir } = input;
  const { workspace: ws, logger } = ports;
  const { train: trainFile, validation: validationFile, base, baseIsDir } = await resolvePaths(input, ws);
  const preflight = await logger.group(
    "Preflight",
    () => runPreflight(
      { spec: spec2, pythonCandidates: spec2.python ? [spec2.python] : input.defaultPythons, outDir, trainFile, validationFile, baseDir: baseIsDir ? base : void 0 },
      ports.runner,
      ws
    )
  );
  for (const w of preflight.warnings) logger.warn(w);
  const python = preflight.python?.path ?? spec2.python ?? input.defaultPythons[0] ?? "python3";
  const paths = { train: trainFile, validation: validationFile, base, outDir };
  const plan = planLaunch(spec2, { paths, python, referenceTrainer: input.referenceTrainer, resume: input.resume });
  for (const f of plan.files) await ws.writeText(`${outDir}/${f.name}`, f.content);
  logger.info(`device: ${preflight.device}${preflight.gpus.length ? ` (${preflight.gpus.map((g) => `${g.name}, ${g.memoryFreeMiB} MiB free`).join("; ")})` : ""}; python: ${preflight.python ? `${preflight.python.path} ${preflight.python.version}` : "?"}`);
  logger.info(`command: ${[plan.program, ...plan.args].join(" ")}`);
  return { preflight, python, paths, plan };
}
async function prepareOutDir(input, ports, hash) {
  const { outDir } = input;
  const ws = ports.workspace;
  const prev = await readRunJson(ws, outDir);
  const checkpointSteps = !input.resume && await ws.exists(`${outDir}/checkpoints`) ? checkpointStepsOf(await ws.list(`${outDir}/checkpoints`)) : [];
  const decision = decideOutDir({ outDir, resume: input.resume, hash, previous: prev && { status: prev.status, specHash: prev.spec.hash }, checkpointSteps });
  if (decision.kind === "resume") {
    if (decision.warning) ports.logger.warn(decision.warning);
    const metricsPath = `${outDir}/metrics.jsonl`;
    return await ws.exists(metricsPath) ? parseMetricsLines(await ws.readText(metricsPath), metricsPath) : [];
  }
  for (const d of ["checkpoints", "model", "trainer", "metrics.jsonl", "train.log", "run.json"]) await ws.remove(`${outDir}/${d}`);
  return [];
}
function checkpointStepsOf(names) {
  return names.map((n) => /^checkpoint-(\d+)$/.exec(n)?.[1]).filter((x) => x !== void 0).map(Number);
}
async function superviseTrainer(input, ports, planned, records) {
  const { spec: spec2, outDir } = input;
  const { workspace: ws, logger, clock } = ports;
  const metricsPath = `${outDir}/metrics.jsonl`;
  const state = { records, restarts: 0, totalSteps: spec2.max_steps, trainerInfo: {}, status: "succeeded", plan: planned.plan, tTrain: clock.now(), trainS: 0 };
  const hooks = {
    spec: spec2,
    signal: input.signal,
    onRecord: async (r) => {
      const tMs = clock.now() - state.tTrain;
      state.records.push({ ...r, tMs });
      await ws.appendText(metricsPath, renderMetricsLine(r.kind, r.record, tMs));
    },
    onResume: async (step) => {
      state.resumedFrom = step;
      state.records = state.records.filter((r) => r.record.step <= step);
      await rewriteMetrics(ws, metricsPath, state.records);
      logger.info(`resumed from the checkpoint at step ${step}`);
    },
    onTotal: (n) => state.totalSteps = n,
    onStart: (info) => state.trainerInfo = info,
    log: (line) => ws.appendText(`${outDir}/train.log`, `${line}
`),
    totalSteps: () => state.totalSteps
  };
  for (; ; ) {
    let outcome;
    try {
      outcome = await runAttempt(state.plan, ports, hooks);
    } catch (err) {
      state.status = "failed";
      state.failure = err instanceof Error ? err : new InternalError(String(err));
      break;
    }
    const canResume = outcome.kind === "crashed" && (spec2.backend !== "reference" || await hasCheckpoint(ws, outDir));
    const next = decideAfterAttempt(outcome, { outDir, restarts: state.restarts, maxRestarts: spec2.max_restarts, canResume });
    if (next.kind === "done") break;
    if (next.kind === "stop") {
      state.status = next.status;
      state.failure = next.failure;
      break;
    }
    state.restarts = next.restart;
    logger.warn(next.warning);
    state.plan = planLaunch(spec2, { paths: planned.paths, python: planned.python, referenceTrainer: input.referenceTrainer, resume: true });
  }
  state.trainS = (clock.now() - state.tTrain) / 1e3;
  return state;
}
async function hasCheckpoint(ws, outDir) {
  return await ws.exists(`${outDir}/checkpoints`) && (await ws.list(`${outDir}/checkpoints`)).some((n) => /^checkpoint-\d+$/.test(n));
}
async function rewriteMetrics(ws, metricsPath, records) {
  await ws.writeText(metricsPath, records.map((r) => renderMetricsLine(r.kind, r.record, r.tMs ?? 0)).join(""));
}
async function checkOutputs(input, ports, state) {
  const { spec: spec2 } = input;
  const ws = ports.workspace;
  const modelDir = `${input.outDir}/${state.plan.modelDir}`;
  if (state.failure) return void 0;
  if (spec2.backend !== "reference") {
    const history = await readTrainerState(ws, modelDir);
    if (history.some((r) => r.kind === "train")) {
      state.records = reconcileHistory(history, state.records);
      await rewriteMetrics(ws, `${input.outDir}/metrics.jsonl`, state.records);
    }
  }
  const vocab = typeof state.trainerInfo.vocab_size === "number" ? state.trainerInfo.vocab_size : void 0;
  const notLearned = assessLearning(lossSeries(state.records).train, vocab);
  if (notLearned) {
    state.status = "failed";
    state.failure = new DataInvalidError(`training did not learn: ${notLearned}`, { hint: "lower the learning rate, keep max_grad_norm > 0 (it clips the gradient), raise warmup_steps, or check the data; the loss curve is loss.svg" });
    return void 0;
  }
  if (!await ws.exists(modelDir)) {
    state.status = "failed";
    state.failure = new InternalError(`the trainer exited successfully but wrote no model at ${modelDir}`);
    return void 0;
  }
  const h = await ws.hashDirectory(modelDir, isCheckpointPath);
  return { path: modelDir, hash: h.hash, files: h.files };
}
async function writeRunRecord(input, ports, r) {
  const { spec: spec2, outDir } = input;
  const { state, preflight } = r;
  const metrics = computeFinalMetrics(state.records, state.totalSteps, state.trainS);
  const series = lossSeries(state.records);
  const title = `${spec2.name ?? "training"} loss`;
  await ports.workspace.writeText(`${outDir}/loss.svg`, renderLossSvg(series, { title }));
  const record2 = {
    schema: TRAIN_RUN_TAG,
    status: state.status,
    name: spec2.name,
    spec: { file: input.specFile, hash: r.hash },
    git: { commit: input.gitCommit, dirty: input.gitDirty },
    backend: spec2.backend,
    launcher: spec2.launcher.type,
    command: [state.plan.program, ...state.plan.args],
    versions: versions(input, preflight, state.trainerInfo),
    durations_s: {
      preflight: Number(((state.tTrain - r.t0) / 1e3).toFixed(3)),
      train: Number(state.trainS.toFixed(3)),
      total: Number(((ports.clock.now() - r.t0) / 1e3).toFixed(3))
    },
    machine: { ...input.machine, device: preflight.device, gpus: preflight.gpus },
    restarts: state.restarts,
    resumed_from_step: state.resumedFrom,
    model: r.model,
    metrics,
    error: state.failure?.message
  };
  await ports.workspace.writeText(`${outDir}/run.json`, trainRunFormat.serialize(record2));
  return { record: record2, lossMermaid: renderLossMermaid(series, { title }) };
}
function versions(input, pf, info) {
  const v = { llmops: input.llmopsVersion };
  if (pf.python) v.python = pf.python.version;
  for (const [k, ver] of Object.entries(pf.python?.packages ?? {})) if (ver) v[k] = ver;
  if (typeof info.trainer_version === "string") v.reference_trainer = info.trainer_version;
  if (typeof info.torch === "string") v.torch = info.torch;
  return v;
}
async function runAttempt(plan, ports, hooks) {
  const { spec: spec2 } = hooks;
  const parser = new LogParser(plan.logFormat, spec2.logging_steps, spec2.max_steps);
  const detector = new DivergenceDetector(spec2.divergence.factor, spec2.divergence.window);
  const samples = [];
  const tail = [];
  let divergence;
  let cancelled = false;
  let lastStep;
  let termCheckpoint;
  let trainerError;
  let lastTps;
  let lastLoss;
  let chain = Promise.resolve();
  const enqueue = (fn) => {
    chain = chain.then(fn);
  };
  const proc = ports.runner.start({ program: plan.program, args: plan.args, env: plan.env });
  const killWait = new AbortController();
  const onAbort = () => {
    if (cancelled || divergence) return;
    cancelled = true;
    ports.logger.warn(`cancelling: sent SIGTERM, waiting up to ${spec2.cancel_grace_s}s for the trainer to save a checkpoint`);
    proc.terminate();
    ports.clock.sleep(spec2.cancel_grace_s * 1e3, killWait.signal).then(
      () => proc.kill(),
      () => {
      }
    );
  };
  if (hooks.signal?.aborted) onAbort();
  else hooks.signal?.addEventListener("abort", onAbort, { once: true });
  proc.onLine((line, stream) => {
    enqueue(() => hooks.log(stream === "stderr" ? `[stderr] ${line}` : line));
    tail.push(line);
    if (tail.length > 15) tail.shift();
    for (const ev of parser.feed(line)) {
      switch (ev.type) {
        case "start":
          if (ev.totalSteps !== void 0) hooks.onTotal(ev.totalSteps);
          hooks.onStart(ev.info);
          break;
        case "progress":
          if (hooks.totalSteps() === void 0) hooks.onTotal(ev.totalSteps);
          break;
        case "resume":
          enqueue(() => hooks.onResume(ev.step));
          break;
        case "terminated":
          lastStep = ev.step;
          termCheckpoint = ev.checkpoint;
          break;
        case "error":
          trainerError = ev.message;
          break;
        case "metrics": {
          const rec = { kind: ev.kind, record: ev.record };
          enqueue(() => hooks.onRecord(rec));
          if (ev.kind !== "train" || ev.record.loss === void 0) break;
          lastStep = ev.record.step;
          lastLoss = ev.record.loss;
          if (ev.record.tokens_per_s !== void 0) lastTps = ev.record.tokens_per_s;
          samples.push({ step: ev.record.step, at: ports.clock.now(), tokens: ev.record.tokens });
          ports.onProgress?.(computeProgress(samples, hooks.totalSteps(), lastLoss, lastTps));
          const d = divergence ? void 0 : detector.observe(ev.record.step, ev.record.loss);
          if (d) {
            divergence = d;
            proc.kill();
          }
          break;
        }
        default:
          break;
      }
    }
  });
  let exit;
  try {
    exit = await proc.exit;
  } finally {
    hooks.signal?.removeEventListener("abort", onAbort);
    killWait.abort();
  }
  await chain;
  if (divergence) return { kind: "diverged", divergence };
  if (cancelled) return { kind: "cancelled", step: lastStep, checkpoint: termCheckpoint, exit };
  if (exit.code === 0) return { kind: "ok" };
  return { kind: "crashed", exit, tail, error: trainerError };
}
async function readRunJson(ws, outDir) {
  const path = `${outDir}/run.json`;
  return await ws.exists(path) ? trainRunFormat.parse(await ws.readText(path), path) : void 0;
}

// src/app/train/machine.ts
import { cpus, hostname, totalmem } from "node:os";
function describeMachine() {
  const c = cpus();
  return { platform: process.platform, arch: process.arch, cpus: c.length, cpuModel: c[0]?.model, memoryBytes: totalmem(), hostname: hostname() };
}
async function gitRevision(runner, cwd) {
  const head = await runner.capture({ program: "git", args: ["rev-parse", "HEAD"], cwd }, 1e4);
  if (head.code !== 0) return {};
  const status = await runner.capture({ program: "git", args: ["status", "--porcelain", "--untracked-files=no"], cwd }, 1e4);
  return { commit: head.stdout.trim(), ...status.code === 0 ? { dirty: status.stdout.trim() !== "" } : {} };
}

// src/app/train/train-here.ts
async function loadTrainSpec(specPath, shownAs, overrides, unreadable) {
  let text;
  try {
    text = await readFile(specPath, "utf8");
  } catch {
    throw new ConfigError(unreadable.message, { hint: unreadable.hint });
  }
  const spec2 = parseTrainSpec(text, shownAs, overrides);
  checkDatasets(spec2, specPath, text, shownAs, overrides ?? []);
  const name = spec2.name ?? basename(specPath, extname(specPath));
  if (!isSafeName(name)) {
    throw new ConfigError(`${shownAs}: the run's name ${JSON.stringify(name)} (from ${spec2.name ? "name:" : "the file name"}) is not safe as a directory name`, { hint: `set name: to ${SAFE_NAME_RULE}` });
  }
  return { spec: spec2, name };
}
function checkDatasets(spec2, specPath, text, shownAs, overrides) {
  for (const key of ["train", "validation"]) {
    const rel = spec2.datasets[key];
    if (rel === void 0) continue;
    const abs = resolve(dirname(specPath), rel);
    if (existsSync(abs)) continue;
    const override = [...overrides].reverse().find((o) => o.path.join(".") === `datasets.${key}`);
    const pos = parseYamlSource(text, shownAs).locate(["datasets", key]);
    const where = override ? `${override.source} (datasets.${key})` : `${shownAs}:${pos.line}:${pos.col}`;
    throw new ConfigError(`${where}: datasets.${key}: no such file: ${rel} (looked for ${abs})`, { hint: "dataset paths are relative to the spec file" });
  }
}
async function trainHere(o) {
  const runner = new NodeProcessRunner(childEnv(o.env, o.spec.pass_env));
  const git = await gitRevision(runner, dirname(o.specPath));
  return abortOnSignals(
    o.interruptedBy,
    (signal) => runTraining(
      {
        spec: o.spec,
        specFile: o.specFile,
        specDir: dirname(o.specPath),
        outDir: o.outDir,
        resume: o.resume,
        dryRun: o.dryRun,
        referenceTrainer: locateReferenceTrainer(),
        llmopsVersion: VERSION,
        gitCommit: git.commit ?? o.gitCommitFallback,
        gitDirty: git.dirty,
        machine: describeMachine(),
        defaultPythons: defaultPythons(o.env),
        signal
      },
      { runner, workspace: new NodeTrainWorkspace(), clock: systemClock, logger: o.logger, ...o.onProgress ? { onProgress: o.onProgress } : {} }
    )
  );
}

// src/core/options/train.ts
var TRAIN_OPTIONS = defineOptions("train", {
  spec: { type: { kind: "string" }, side: "action", why: "the CLI takes the spec as its positional argument", required: true, description: "path of the training spec (YAML), relative to the workspace" },
  overrides: {
    type: { kind: "list" },
    side: "both",
    flag: "set",
    arg: "KEY=VALUE",
    description: "override a spec field (dotted path, YAML value), e.g. max_steps=50 or lora.r=8; repeat --set on the CLI, one per line in an action"
  },
  out: { type: { kind: "string" }, side: "both", arg: "DIR", description: "output directory", default: ".llmops/train/<spec name>" },
  resume: { type: { kind: "flag" }, side: "both", description: "continue from the newest checkpoint in the output directory (same spec required)" },
  "dry-run": { type: { kind: "flag" }, side: "both", description: "render the trainer config and run the preflight checks only" },
  "runner-guard": {
    type: { kind: "enum", values: ["enforce", "off"] },
    side: "action",
    why: "self-hosted runner protection exists only in a workflow",
    description: "self-hosted runner protection. enforce: on a self-hosted runner, refuse code that is not provably trusted (fork PRs, untrusted authors without a collaborator's /llmops train <sha> approval, unknown events, an unreadable event file, an unset RUNNER_ENVIRONMENT); off: only for a private repository whose every contributor may run code on the runner",
    actionDefault: "enforce"
  },
  token: token("token the runner guard uses to check a pull request's author and approvals (needs pull-requests: read)"),
  json,
  quiet: { ...quiet, description: "no progress output" }
});

// src/cli/commands/train.ts
var trainCommand = {
  name: "train",
  maxPositionals: 1,
  summary: "train a model from a training spec (reference trainer, axolotl, torchtune, or a command)",
  help: `
usage: llmops train <spec.yaml> [--out DIR] [--set key=value]... [--resume] [--dry-run] [--json]

Trains as the spec says and writes, under --out (default .llmops/train/<spec name>):
  model/ (or trainer/)  the model in HF layout, hashed (sha256 over sorted names + contents)
  config/               the rendered trainer config (axolotl YAML, torchtune command, reference args)
  metrics.jsonl         one line per logged step and evaluation
  loss.svg              the loss curve
  run.json              spec hash, git commit, versions, durations, machine, final metrics
  train.log             the trainer's raw output

options:
${renderCliHelp(TRAIN_OPTIONS)}

Ctrl-C sends SIGTERM to the trainer, which saves a checkpoint; --resume continues from it.
The reference trainer needs Python 3 with PyTorch (python3 or /usr/bin/python3, or $LLMOPS_PYTHON).
`,
  options: cliParseConfig(TRAIN_OPTIONS),
  async run(ctx, { values, positionals }) {
    const specPath = ctx.resolvePath(requirePositional(trainCommand, positionals, "the training spec (a YAML file)"));
    const v = readCliValues(TRAIN_OPTIONS, values);
    const overrides = (v.overrides ?? []).map((s, i) => parseOverride(s, `--set #${i + 1}`));
    const { spec: spec2, name } = await loadTrainSpec(specPath, specPath, overrides, {
      message: `cannot read the training spec ${specPath}`,
      hint: "check the path (it is relative to the directory you ran llmops from)"
    });
    const outDir = ctx.resolvePath(v.out ?? `.llmops/train/${name}`);
    const result = await trainHere({
      spec: spec2,
      specPath,
      specFile: specPath,
      outDir,
      resume: v.resume ?? false,
      dryRun: v["dry-run"] ?? false,
      env: ctx.env,
      interruptedBy: "interrupted",
      logger: ctx.logger,
      onProgress: progressReporter(ctx, Boolean(values.quiet))
    });
    if (result.dryRun) {
      if (values.json) ctx.printJson({ dry_run: true, command: [result.plan.program, ...result.plan.args], files: result.renderedConfig, preflight: result.preflight });
      else {
        for (const f of result.renderedConfig) ctx.stdout.write(`# ${outDir}/${f.name}
${f.content}
`);
        const pf = result.preflight;
        ctx.stdout.write(`preflight: device ${pf.device}; python ${pf.python ? `${pf.python.path} ${pf.python.version}` : "not found"}
`);
        for (const p of pf.problems) ctx.stdout.write(`  problem: ${p}
`);
        for (const w of pf.warnings) ctx.stdout.write(`  warning: ${w}
`);
      }
      try {
        assertPreflight(result.preflight);
      } catch (err) {
        return exitCodeFor(err);
      }
      return 0;
    }
    if (values.json) {
      ctx.printJson({ out_dir: outDir, model_path: result.modelDir, model_hash: result.modelHash, metrics: result.metrics, run_record: `${outDir}/run.json` });
    } else {
      const m = result.metrics;
      ctx.stdout.write(
        `trained ${m?.steps ?? 0} steps in ${m?.train_s ?? 0}s; loss ${fmt3(m?.loss)}${m?.eval_loss !== void 0 && m.eval_loss !== null ? `, eval loss ${fmt3(m.eval_loss)}` : ""}
model: ${result.modelDir}
hash:  ${result.modelHash}
run:   ${outDir}/run.json
`
      );
    }
    return 0;
  }
};
function fmt3(n) {
  return n === void 0 ? "?" : n === null ? "NaN" : Number.isFinite(n) ? n.toFixed(4) : String(n);
}
function progressReporter(ctx, quiet2) {
  if (quiet2) return void 0;
  let last = 0;
  const every = ctx.interactive ? 1e3 : 1e4;
  return (p) => {
    const now = Date.now();
    if (now - last < every && p.step !== p.totalSteps) return;
    last = now;
    ctx.logger.info(renderProgressLine(p));
  };
}
export {
  trainCommand
};
