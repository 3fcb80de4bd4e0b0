// `llmops export gguf <model-dir>`: write a trained model (or a LoRA adapter) as GGUF for llama.cpp,
// Ollama and `llmops serve`, with an export record beside it.
import { EXPORT_TYPES, exportGguf } from "../../app/model/export-gguf.js";
import type { TensorEncoding } from "../../core/model/quantize.js";
import { InputError } from "../../errors.js";
import { requirePositional, type Command } from "../command.js";
import { displayPath } from "./data-common.js";
import { externalQuantize, EXTERNAL_TYPES } from "../../app/model/external-quantize.js";
import { compressModel } from "../../app/model/compress.js";
import { isCompressMethod } from "../../core/model/compressor-recipe.js";

export const exportCommand: Command = {
  name: "export",
  maxPositionals: 2,
  summary: "export a model as GGUF (f32, f16, bf16, q8_0, q4_0; K-quants via llama-quantize), or AWQ/GPTQ via llm-compressor",
  help: `
usage: llmops export gguf <model-dir> [options]

Writes a Llama-architecture model in HF layout (config.json, safetensors
weights — one file or shards — and llmops_tokenizer.json, a SentencePiece
tokenizer.model or a byte-level BPE tokenizer.json) as a GGUF file that llama.cpp, Ollama and "llmops serve" load.
Streams tensor by tensor. Writes <out minus .gguf>.export.json beside it:
the source model's hash, the file's sha256, type, tensor and parameter counts.

A PEFT LoRA adapter directory (adapter_config.json) is merged into its base
model, or written as a GGUF LoRA adapter with --adapter (serve loads it with
"llmops serve base.gguf --adapter FILE").

options:
  --type T        f32, f16 (default), bf16, q8_0, q4_0 — written here, identical to
                  llama.cpp's reference quantizer; q4_k_m, q5_k_m, q6_k and other
                  llama.cpp types run the installed llama-quantize on an f16 export
  --out FILE      the .gguf to write (default <model-dir>-<type>.gguf beside the model)
  --base DIR      the base model of a LoRA adapter (default its base_model_name_or_path)
  --adapter       write a LoRA adapter as a GGUF adapter instead of merging it
  --json          print the export record as JSON on stdout
  -q, --quiet     no log lines
  -h, --help      this help

usage: llmops export awq|gptq <model-dir> --calibration FILE.jsonl [options]

Quantizes a model in HF layout with llm-compressor (vLLM's quantization
library), run in the configured Python: llmops writes the recipe, launches
the tool and writes <out>.export.json beside the directory it produces (HF
layout with a compressed-tensors quantization_config, which vLLM serves).
Without llm-compressor in that Python it stops and says what to install.

options:
  --calibration F JSONL sample texts: text, prompt+completion, instruction+output
                  or messages per line (required)
  --scheme S      awq: W4A16_ASYM (default), W4A16; gptq: W4A16 (default),
                  W8A16, W8A8, W4A16_ASYM
  --recipe FILE   an llm-compressor recipe to use instead of the scheme's
  --samples N     calibration texts to use (default 256)
  --seq-len N     tokens per calibration text (default 512)
  --python PY     the Python with llm-compressor (default $LLMOPS_PYTHON, else python3)
  --out DIR       default <model-dir>-awq / <model-dir>-gptq beside the model
  --json          print the record as JSON on stdout
`,
  options: {
    type: { type: "string" },
    out: { type: "string" },
    base: { type: "string" },
    adapter: { type: "boolean" },
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    calibration: { type: "string" },
    scheme: { type: "string" },
    recipe: { type: "string" },
    samples: { type: "string" },
    "seq-len": { type: "string" },
    python: { type: "string" },
  },
  async run(ctx, { values, positionals }) {
    const format = requirePositional(this, positionals, 'the format ("gguf")');
    if (format !== "gguf" && !isCompressMethod(format)) throw new InputError(`llmops export: unknown format ${JSON.stringify(format)}; the formats are "gguf", "awq" and "gptq"`, { hint: "usage: llmops export gguf <model-dir> [--type f16]" });
    const modelDir = requirePositional(this, positionals, "the model directory (e.g. .llmops/train/tiny-sft/model)", 1);
    if (isCompressMethod(format)) return runCompress(ctx, format, modelDir, values);
    for (const k of ["calibration", "scheme", "recipe", "samples", "seq-len", "python"]) {
      if (values[k] !== undefined) throw new InputError(`--${k} applies to llmops export awq|gptq, not gguf`);
    }
    const type = ((values.type as string | undefined) ?? "f16").toLowerCase();
    const common = {
      modelDir,
      cwd: ctx.cwd,
      ...(values.out ? { out: values.out as string } : {}),
      ...(values.base ? { base: values.base as string } : {}),
      asAdapter: Boolean(values.adapter),
      logger: ctx.logger,
    };
    let result;
    if ((EXPORT_TYPES as readonly string[]).includes(type)) {
      result = await exportGguf({ ...common, type: type as TensorEncoding });
    } else if ((EXTERNAL_TYPES as readonly string[]).includes(type)) {
      result = await externalQuantize({ ...common, type, env: ctx.env });
    } else if (type === "awq" || type === "gptq") {
      throw new InputError(`--type ${type}: AWQ and GPTQ are not GGUF types; llama.cpp cannot load them`, {
        hint: `quantize for vLLM with \`llmops export ${type} <model-dir> --calibration FILE.jsonl\` (llm-compressor); for llama.cpp use q4_k_m (llama-quantize), q4_0 or q8_0`,
      });
    } else {
      throw new InputError(`--type must be one of ${[...EXPORT_TYPES, ...EXTERNAL_TYPES].join(", ")}, got ${JSON.stringify(values.type)}`);
    }
    if (values.json) ctx.printJson({ out: result.out, record_path: result.recordPath, ...result.record });
    else {
      const r = result.record;
      ctx.stdout.write(
        `wrote ${displayPath(ctx, result.out)} (${r.type}, ${r.tensors} tensors, ${r.parameters.toLocaleString("en")} parameters, ${(r.gguf.bytes / 1e6).toFixed(2)} MB)\n` +
          `${r.gguf.sha256}\nrecord ${displayPath(ctx, result.recordPath)}\n`,
      );
    }
    return 0;
  },
};

function positiveInt(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(String(v)) || n < 1) throw new InputError(`${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

async function runCompress(ctx: Parameters<Command["run"]>[0], method: "awq" | "gptq", modelDir: string, values: Record<string, unknown>): Promise<number> {
  if (values.type !== undefined || values.adapter || values.base !== undefined) throw new InputError(`--type, --base and --adapter apply to llmops export gguf, not ${method}`);
  if (typeof values.calibration !== "string") throw new InputError(`llmops export ${method}: --calibration FILE.jsonl is required (AWQ and GPTQ calibrate on sample texts)`, { hint: "pass a JSONL file with a few hundred texts like the model's inputs, e.g. the training data" });
  const samples = positiveInt(values.samples, "--samples");
  const maxSeqLength = positiveInt(values["seq-len"], "--seq-len");
  const r = await compressModel({
    method,
    modelDir,
    cwd: ctx.cwd,
    calibration: values.calibration,
    ...(typeof values.scheme === "string" ? { scheme: values.scheme } : {}),
    ...(typeof values.recipe === "string" ? { recipe: values.recipe } : {}),
    ...(samples !== undefined ? { samples } : {}),
    ...(maxSeqLength !== undefined ? { maxSeqLength } : {}),
    ...(typeof values.out === "string" ? { out: values.out } : {}),
    ...(typeof values.python === "string" ? { python: values.python } : {}),
    env: ctx.env,
    logger: ctx.logger,
  });
  if (values.json) ctx.printJson({ out: r.out, record_path: r.recordPath, ...r.record });
  else ctx.stdout.write(`wrote ${displayPath(ctx, r.out)} (${method.toUpperCase()} ${r.record.scheme}, llm-compressor ${r.record.tool.version}; ${r.record.output.quant_method})\n${r.record.output.hash}\nrecord ${displayPath(ctx, r.recordPath)}\n`);
  return 0;
}
