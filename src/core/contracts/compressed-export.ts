// The record written beside a model quantized by llm-compressor (`llmops export awq|gptq`,
// <out>.export.json): the method, the recipe and calibration data (hashed), the tool's version and the
// source and output directories' hashes — so a vLLM deployment traces back to its training run.
import { z } from "zod";

export const COMPRESSED_EXPORT_SCHEMA = "llmops.compressed-export/v1";

const sha = z.string().regex(/^sha256:[0-9a-f]{64}$/);

export const CompressedExportSchema = z.strictObject({
  schema: z.literal(COMPRESSED_EXPORT_SCHEMA),
  method: z.enum(["awq", "gptq"]),
  /** llm-compressor's preset scheme (W4A16, W4A16_ASYM, W8A16, W8A8), or "recipe" when --recipe gave the recipe. */
  scheme: z.string().min(1),
  recipe: z.strictObject({ file: z.string().min(1), sha256: sha }),
  calibration: z.strictObject({ file: z.string().min(1), sha256: sha, records: z.number().int().positive(), samples: z.number().int().positive(), max_seq_length: z.number().int().positive() }),
  tool: z.strictObject({ name: z.literal("llm-compressor"), version: z.string(), python: z.string() }),
  /** The model directory quantized, hashed as `llmops train` hashes its output. */
  source: z.strictObject({ dir: z.string(), hash: sha }),
  /** The directory the tool wrote (HF layout with a compressed-tensors quantization_config; vLLM loads it). */
  output: z.strictObject({ dir: z.string(), hash: sha, quant_method: z.string() }),
  llmops_version: z.string(),
  created_at: z.string(),
});

export type CompressedExport = z.infer<typeof CompressedExportSchema>;
