import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { planLaunch } from "./launch.js";
import { renderAxolotlConfig, renderAxolotlYaml } from "./render-axolotl.js";
import { renderReferenceArgs } from "./render-reference.js";
import { renderTorchtune } from "./render-torchtune.js";
import { parseTrainSpec } from "./spec.js";

const LORA_SPEC = `name: sft-1b
base:
  model: /models/TinyLlama-1.1B
datasets:
  format: chat
  train: data/train.jsonl
  validation: data/val.jsonl
method: lora
lora: {r: 16, alpha: 32, dropout: 0.05, target_modules: [q_proj, k_proj, v_proj, o_proj, gate_proj]}
sequence_len: 2048
packing: true
micro_batch_size: 4
gradient_accumulation_steps: 8
epochs: 2
learning_rate: 2.0e-4
scheduler: cosine
warmup_steps: 20
weight_decay: 0.01
max_grad_norm: 1.0
seed: 7
precision: bf16
checkpoint: {every_steps: 100, keep: 3}
evaluation: {every_steps: 50}
logging_steps: 10
`;

const paths = { train: "/repo/data/train.jsonl", validation: "/repo/data/val.jsonl", base: "/models/TinyLlama-1.1B", outDir: "/out" };

// Keys of axolotl's config schema (src/axolotl/utils/schemas/*.py and docs/config-reference) that
// the renderer may emit; deprecated ones it must not.
const AXOLOTL_KEYS = new Set([
  "base_model", "tokenizer_config", "load_in_4bit", "adapter", "lora_r", "lora_alpha", "lora_dropout", "lora_target_modules",
  "datasets", "test_datasets", "val_set_size", "dataset_prepared_path", "output_dir", "train_on_inputs", "sequence_len",
  "sample_packing", "pad_to_sequence_len", "micro_batch_size", "gradient_accumulation_steps", "max_steps", "num_epochs",
  "optimizer", "learning_rate", "lr_scheduler", "warmup_steps", "weight_decay", "max_grad_norm", "seed", "bf16", "fp16",
  "attn_implementation", "logging_steps", "save_steps", "save_total_limit", "eval_steps", "auto_resume_from_checkpoints",
]);
const AXOLOTL_DATASET_KEYS = new Set(["path", "ds_type", "split", "type", "field_messages", "message_property_mappings", "roles_to_train", "train_on_eos"]);
const AXOLOTL_DEPRECATED = ["flash_attention", "xformers_attention", "sdp_attention", "eager_attention", "flex_attention", "sage_attention", "message_field_role", "message_field_content"];

describe("axolotl rendering", () => {
  const spec = parseTrainSpec(LORA_SPEC.replace("model: /models/TinyLlama-1.1B", "model: /models/TinyLlama-1.1B\n  tokenizer: /models/TinyLlama-1.1B").replace("lora:", "backend: axolotl\nlora:"), "s.yaml");
  const config = renderAxolotlConfig(spec, paths, { resume: true });

  it("matches the golden file", async () => {
    await expect(renderAxolotlYaml(config)).toMatchFileSnapshot("__golden__/axolotl-lora.yaml");
  });

  it("uses only keys axolotl documents, never the deprecated attention booleans", () => {
    expect(Object.keys(config).filter((k) => !AXOLOTL_KEYS.has(k))).toEqual([]);
    for (const ds of [...(config.datasets as object[]), ...(config.test_datasets as object[])]) expect(Object.keys(ds).filter((k) => !AXOLOTL_DATASET_KEYS.has(k))).toEqual([]);
    for (const k of AXOLOTL_DEPRECATED) expect(config).not.toHaveProperty(k);
    expect(config.attn_implementation).toBe("sdpa");
  });

  it("round-trips as YAML", () => {
    expect(parse(renderAxolotlYaml(config))).toEqual(config);
  });

  it.each([
    ["instruction", { type: "alpaca" }],
    ["completion", { type: { field_instruction: "prompt", field_output: "completion", format: "{instruction}", no_input_format: "{instruction}" } }],
  ])("maps the %s format", (format, expected) => {
    const s = parseTrainSpec(LORA_SPEC.replace("format: chat", `format: ${format}`).replace("lora:", "backend: axolotl\nlora:"), "s.yaml");
    expect((renderAxolotlConfig(s, paths, { resume: false }).datasets as object[])[0]).toMatchObject(expected);
  });

  it("renders qlora, constant-with-warmup, and extra keys winning", () => {
    const s = parseTrainSpec(
      LORA_SPEC.replace("method: lora", "method: qlora").replace("scheduler: cosine", "scheduler: constant").replace("lora:", "backend: axolotl\naxolotl: {attn_implementation: flash_attention_2, extra: {gradient_checkpointing: true, seed: 9}}\nlora:"),
      "s.yaml",
    );
    const c = renderAxolotlConfig(s, paths, { resume: false });
    expect(c).toMatchObject({ adapter: "qlora", load_in_4bit: true, lr_scheduler: "constant_with_warmup", attn_implementation: "flash_attention_2", gradient_checkpointing: true, seed: 9 });
    expect(c).not.toHaveProperty("auto_resume_from_checkpoints");
  });
});

describe("torchtune rendering", () => {
  const spec = parseTrainSpec(`${LORA_SPEC}backend: torchtune\ntorchtune: {recipe: lora_finetune_single_device, config: llama3_2/1B_lora_single_device}\n`, "s.yaml");

  it("matches the golden command", async () => {
    const plan = planLaunch(spec, { paths, python: "python3", referenceTrainer: "/x/train.py", resume: false });
    await expect(plan.files[0]!.content).toMatchFileSnapshot("__golden__/torchtune-lora.txt");
    expect(plan.program).toBe("tune");
    expect(plan.args.slice(0, 4)).toEqual(["run", "lora_finetune_single_device", "--config", "llama3_2/1B_lora_single_device"]);
  });

  it("maps LoRA targets to torchtune's names and every override is key=value", () => {
    const t = renderTorchtune(spec, paths, { resume: true });
    expect(t.overrides).toContain("model.lora_attn_modules=['q_proj','k_proj','v_proj','output_proj']");
    expect(t.overrides).toContain("model.apply_lora_to_mlp=True");
    expect(t.overrides).toContain("metric_logger._component_=torchtune.training.metric_logging.StdoutLogger");
    expect(t.overrides.at(-1)).toBe("resume_from_checkpoint=True");
    for (const o of t.overrides) expect(o).toMatch(/^[A-Za-z_][\w.]*=\S/);
  });

  it("refuses schedulers torchtune's recipes lack", () => {
    const s = parseTrainSpec(`${LORA_SPEC.replace("scheduler: cosine", "scheduler: linear")}backend: torchtune\ntorchtune: {recipe: r, config: c}\n`, "s.yaml");
    expect(() => renderTorchtune(s, paths, { resume: false })).toThrow(/scheduler "linear" cannot be rendered/);
  });

  it("launches distributed through tune run --nproc_per_node", () => {
    const s = parseTrainSpec(`${LORA_SPEC}backend: torchtune\ntorchtune: {recipe: lora_finetune_distributed, config: llama3_1/8B_lora}\nlauncher: {type: torchrun, nproc_per_node: 8, nnodes: 2}\n`, "s.yaml");
    expect(planLaunch(s, { paths, python: "python3", referenceTrainer: "/x", resume: false }).args.slice(0, 4)).toEqual(["run", "--nnodes=2", "--nproc_per_node=8", "lora_finetune_distributed"]);
  });
});

describe("reference rendering", () => {
  const TINY = readFileSync(new URL("../../../pipelines/tiny-sft.yaml", import.meta.url), "utf8");
  const spec = parseTrainSpec(TINY, "tiny-sft.yaml");
  const args = renderReferenceArgs(spec, { train: "/p/train.jsonl", validation: "/p/val.jsonl", base: "scratch", outDir: "/out" }, { resume: false });

  it("matches the golden arguments", async () => {
    await expect(`${JSON.stringify(args, null, 2)}\n`).toMatchFileSnapshot("__golden__/reference-tiny.json");
  });

  it("passes only flags the trainer declares", () => {
    const source = readFileSync(new URL("../../../trainers/reference/llmops_ref/train.py", import.meta.url), "utf8");
    const declared = new Set([...source.matchAll(/a\("(--[a-z0-9-]+)"/g)].map((m) => m[1]));
    expect(declared.size).toBeGreaterThan(30);
    expect(args.filter((a) => a.startsWith("--") && !declared.has(a))).toEqual([]);
  });

  it("renders LoRA on a local base", () => {
    const s = parseTrainSpec(LORA_SPEC, "s.yaml");
    const a = renderReferenceArgs(s, paths, { resume: true });
    expect(a.join(" ")).toContain("--method lora --lora-r 16 --lora-alpha 32 --lora-dropout 0.05 --lora-target-modules q_proj,k_proj,v_proj,o_proj,gate_proj");
    expect(a.join(" ")).toContain("--epochs 2");
    expect(a.slice(-2)).toEqual(["--resume", "auto"]);
  });
});

describe("launchers", () => {
  const axo = (launcher: string) => parseTrainSpec(`${LORA_SPEC}backend: axolotl\nlauncher: ${launcher}\n`, "s.yaml");
  it.each([
    ["{type: single}", "/venv/bin/python", ["-m", "axolotl.cli.train", "/out/config/axolotl.yaml"]],
    ["{type: torchrun, nproc_per_node: 4, nnodes: 2, node_rank: 1, rdzv_endpoint: 'head:29500'}", "torchrun", ["--nproc_per_node=4", "--nnodes=2", "--node_rank=1", "--rdzv_backend=c10d", "--rdzv_endpoint=head:29500", "-m", "axolotl.cli.train", "/out/config/axolotl.yaml"]],
    ["{type: accelerate, num_processes: 8, num_machines: 1}", "accelerate", ["launch", "--num_processes=8", "--num_machines=1", "-m", "axolotl.cli.train", "/out/config/axolotl.yaml"]],
  ])("%s", (launcher, program, args) => {
    const plan = planLaunch(axo(launcher), { paths, python: "/venv/bin/python", referenceTrainer: "/x", resume: false });
    expect(plan.program).toBe(program);
    expect(plan.args).toEqual(args);
  });

  it("runs a command backend as an argument array with its environment", () => {
    const s = parseTrainSpec(`${LORA_SPEC}backend: command\ncommand: {argv: [python3, train_sft.py, --fast]}\nbackend_args: ["--x=1"]\n`, "s.yaml");
    const plan = planLaunch(s, { paths, python: "python3", referenceTrainer: "/x", resume: true });
    expect([plan.program, ...plan.args]).toEqual(["python3", "train_sft.py", "--fast", "--x=1"]);
    expect(plan.env).toMatchObject({ LLMOPS_OUTPUT_DIR: "/out", LLMOPS_MODEL_DIR: "/out/model", LLMOPS_RESUME: "1", LLMOPS_TRAIN_FILE: "/repo/data/train.jsonl", LLMOPS_SPEC_JSON: "/out/config/spec.json" });
    expect(plan.env.LLMOPS_BASE_MODEL).toBe(paths.base);
    expect(plan.files.map((f) => f.name)).toEqual(["config/command.json", "config/spec.json"]);
    expect(JSON.parse(plan.files[1]!.content)).toMatchObject({ backend: "command", method: "lora", lora: { r: s.lora.r } });
  });
});
