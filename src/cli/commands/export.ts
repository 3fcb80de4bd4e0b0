// `llmops export gguf <model-dir>`: write a trained model (or a LoRA adapter) as GGUF for llama.cpp,
// Ollama and `llmops serve`, with an export record beside it.
import { EXPORT_TYPES, exportGguf } from "../../app/model/export-gguf.js";
import type { TensorEncoding } from "../../core/model/quantize.js";
import { InputError } from "../../errors.js";
import { requirePositional, type Command } from "../command.js";
import { displayPath } from "./data-common.js";
import { externalQuantize, EXTERNAL_TYPES } from "../../app/model/external-quantize.js";

export const exportCommand: Command = {
  name: "export",
  maxPositionals: 2,
  summary: "export a model as GGUF (f32, f16, bf16, q8_0, q4_0; K-quants via llama-quantize)",
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
`,
  options: {
    type: { type: "string" },
    out: { type: "string" },
    base: { type: "string" },
    adapter: { type: "boolean" },
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
  },
  async run(ctx, { values, positionals }) {
    const format = requirePositional(this, positionals, 'the format ("gguf")');
    if (format !== "gguf") throw new InputError(`llmops export: unknown format ${JSON.stringify(format)}; the format is "gguf"`, { hint: "usage: llmops export gguf <model-dir> [--type f16]" });
    const modelDir = requirePositional(this, positionals, "the model directory (e.g. .llmops/train/tiny-sft/model)", 1);
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
        hint: "quantize the HF model with llm-compressor (pip install llmcompressor) and serve it with vLLM; for llama.cpp use q4_k_m (llama-quantize), q4_0 or q8_0",
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
