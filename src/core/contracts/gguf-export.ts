// The export record written beside every GGUF `llmops export gguf` produces (<file>.export.json):
// what was exported, from what, by which llmops — so a served model traces back to its training run.
// Read and written through ggufExportFormat (added-formats.ts).
import { z } from "zod";

export const GGUF_EXPORT_SCHEMA = "llmops.gguf-export/v1";

const sha = z.string().regex(/^sha256:[0-9a-f]{64}$/);

export const GgufExportSchema = z.strictObject({
  schema: z.literal(GGUF_EXPORT_SCHEMA),
  /** The GGUF file, by name (it sits beside this record), with its size and sha256. */
  gguf: z.strictObject({ file: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: sha }),
  kind: z.enum(["model", "lora-adapter"]),
  /** f32 … q4_0 are written by llmops itself; the K-quants and others by llama-quantize (`quantized_by`). */
  type: z.enum(["f32", "f16", "bf16", "q8_0", "q4_0", "q4_k_m", "q4_k_s", "q5_k_m", "q5_k_s", "q6_k", "q3_k_m", "q2_k", "q5_0", "q5_1", "q4_1", "iq4_nl"]),
  quantized_by: z.strictObject({ tool: z.string(), from: z.literal("f16") }).optional(),
  architecture: z.literal("llama"),
  tensors: z.number().int().nonnegative(),
  parameters: z.number().int().nonnegative(),
  tokenizer: z.enum(["byte", "bpe", "sentencepiece", "none"]),
  /** The model directory exported, hashed as `llmops train` hashes its output (same files, same hash). */
  source: z.strictObject({ dir: z.string(), hash: sha }),
  /** A LoRA adapter: merged into `source` before export, or written as a GGUF adapter for it. */
  adapter: z.strictObject({ dir: z.string(), hash: sha, mode: z.enum(["merged", "gguf-adapter"]), r: z.number().int().positive(), alpha: z.number() }).optional(),
  llmops_version: z.string(),
  created_at: z.string(),
});

export type GgufExport = z.infer<typeof GgufExportSchema>;
