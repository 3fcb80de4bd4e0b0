// Llama-architecture models in HF layout → GGUF: hyperparameters from config.json, tensor names,
// and the Q/K row permutation llama.cpp's HF converter applies (HF's rotate-half RoPE vs llama.cpp's
// adjacent-pair rotation). Pure: config in, plan out.
import { InputError } from "../../errors.js";
import type { GgufMetadata } from "./gguf.js";

export interface LlamaHparams {
  vocabSize: number;
  hidden: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  contextLength: number;
  rmsEps: number;
  ropeTheta: number;
  tiedEmbeddings: boolean;
  bosId: number | undefined;
  eosId: number | undefined;
  padId: number | undefined;
  name: string | undefined;
}

const ARCHITECTURES = new Set(["LlamaForCausalLM", "MistralForCausalLM"]);

function intField(cfg: Record<string, unknown>, key: string, where: string, fallback?: number): number {
  const v = cfg[key] ?? fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) {
    throw new InputError(`${where}: ${key} must be a positive integer, got ${JSON.stringify(cfg[key])}`, { hint: "a Llama config.json names hidden_size, num_hidden_layers, num_attention_heads, intermediate_size and vocab_size" });
  }
  return v;
}

function optionalId(v: unknown): number | undefined {
  if (Array.isArray(v)) v = v[0];
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** rope_theta from transformers 4.x (`rope_theta`, `rope_scaling`) or 5.x (`rope_parameters`). */
function ropeTheta(cfg: Record<string, unknown>, where: string): number {
  for (const key of ["rope_parameters", "rope_scaling"]) {
    const p = cfg[key];
    if (p === undefined || p === null) continue;
    if (typeof p !== "object") throw new InputError(`${where}: ${key} must be an object, got ${JSON.stringify(p)}`);
    const kind = (p as Record<string, unknown>).rope_type ?? (p as Record<string, unknown>).type ?? "default";
    if (kind !== "default") throw new InputError(`${where}: ${key}.rope_type ${JSON.stringify(kind)} is not supported by this exporter (default RoPE only)`, { hint: "use llama.cpp's convert_hf_to_gguf.py for scaled RoPE variants" });
  }
  const params = cfg.rope_parameters as Record<string, unknown> | undefined;
  const theta = params?.rope_theta ?? cfg.rope_theta ?? 10000;
  if (typeof theta !== "number" || !(theta > 0)) throw new InputError(`${where}: rope_theta must be a positive number, got ${JSON.stringify(theta)}`);
  return theta;
}

/** Validate an HF config.json for a Llama model and read its hyperparameters. */
export function parseLlamaConfig(cfg: unknown, where: string): LlamaHparams {
  if (typeof cfg !== "object" || cfg === null || Array.isArray(cfg)) throw new InputError(`${where}: expected a JSON object`);
  const c = cfg as Record<string, unknown>;
  const archs = Array.isArray(c.architectures) ? (c.architectures as unknown[]) : [];
  const modelType = c.model_type;
  if (modelType !== "llama" && modelType !== "mistral" && !archs.some((a) => typeof a === "string" && ARCHITECTURES.has(a))) {
    throw new InputError(`${where}: unsupported architecture ${JSON.stringify(archs[0] ?? modelType ?? "(none)")} (model_type ${JSON.stringify(modelType)}); llmops export gguf writes Llama-architecture models`, {
      hint: "for other architectures use llama.cpp's convert_hf_to_gguf.py",
    });
  }
  for (const [key, want] of [["hidden_act", "silu"], ["attention_bias", false], ["mlp_bias", false]] as const) {
    if (c[key] !== undefined && c[key] !== want) throw new InputError(`${where}: ${key} ${JSON.stringify(c[key])} is not supported (Llama uses ${JSON.stringify(want)})`);
  }
  const hidden = intField(c, "hidden_size", where);
  const heads = intField(c, "num_attention_heads", where);
  const kvHeads = intField(c, "num_key_value_heads", where, heads);
  if (heads % kvHeads) throw new InputError(`${where}: num_attention_heads ${heads} is not a multiple of num_key_value_heads ${kvHeads}`);
  const headDim = intField(c, "head_dim", where, Math.floor(hidden / heads));
  if (headDim % 2) throw new InputError(`${where}: head_dim ${headDim} must be even for RoPE`);
  const eps = c.rms_norm_eps ?? 1e-6;
  if (typeof eps !== "number" || !(eps > 0)) throw new InputError(`${where}: rms_norm_eps must be a positive number`);
  return {
    vocabSize: intField(c, "vocab_size", where),
    hidden,
    layers: intField(c, "num_hidden_layers", where),
    heads,
    kvHeads,
    headDim,
    ffn: intField(c, "intermediate_size", where),
    contextLength: intField(c, "max_position_embeddings", where, 2048),
    rmsEps: eps,
    ropeTheta: ropeTheta(c, where),
    tiedEmbeddings: c.tie_word_embeddings === true,
    bosId: optionalId(c.bos_token_id),
    eosId: optionalId(c.eos_token_id),
    padId: optionalId(c.pad_token_id),
    name: typeof c._name_or_path === "string" ? c._name_or_path : undefined,
  };
}

export interface PlannedTensor {
  /** HF tensor name in the safetensors files. */
  source: string;
  /** GGUF tensor name. */
  name: string;
  /** Expected PyTorch shape. */
  shape: number[];
  /** Heads to permute rows by (Q with the head count, K with the KV head count). */
  permuteHeads?: number;
}

/** Every tensor the GGUF needs, in llama.cpp's order, with the shape config.json implies. */
export function planLlamaTensors(h: LlamaHparams, hasLmHead: boolean): PlannedTensor[] {
  const q = h.heads * h.headDim;
  const kv = h.kvHeads * h.headDim;
  const out: PlannedTensor[] = [{ source: "model.embed_tokens.weight", name: "token_embd.weight", shape: [h.vocabSize, h.hidden] }];
  for (let i = 0; i < h.layers; i++) {
    const p = `model.layers.${i}`;
    const b = `blk.${i}`;
    out.push(
      { source: `${p}.input_layernorm.weight`, name: `${b}.attn_norm.weight`, shape: [h.hidden] },
      { source: `${p}.self_attn.q_proj.weight`, name: `${b}.attn_q.weight`, shape: [q, h.hidden], permuteHeads: h.heads },
      { source: `${p}.self_attn.k_proj.weight`, name: `${b}.attn_k.weight`, shape: [kv, h.hidden], permuteHeads: h.kvHeads },
      { source: `${p}.self_attn.v_proj.weight`, name: `${b}.attn_v.weight`, shape: [kv, h.hidden] },
      { source: `${p}.self_attn.o_proj.weight`, name: `${b}.attn_output.weight`, shape: [h.hidden, q] },
      { source: `${p}.post_attention_layernorm.weight`, name: `${b}.ffn_norm.weight`, shape: [h.hidden] },
      { source: `${p}.mlp.gate_proj.weight`, name: `${b}.ffn_gate.weight`, shape: [h.ffn, h.hidden] },
      { source: `${p}.mlp.up_proj.weight`, name: `${b}.ffn_up.weight`, shape: [h.ffn, h.hidden] },
      { source: `${p}.mlp.down_proj.weight`, name: `${b}.ffn_down.weight`, shape: [h.hidden, h.ffn] },
    );
  }
  out.push({ source: "model.norm.weight", name: "output_norm.weight", shape: [h.hidden] });
  // Tied embeddings: llama.cpp reuses token_embd when `output` is absent.
  if (hasLmHead && !h.tiedEmbeddings) out.push({ source: "lm_head.weight", name: "output.weight", shape: [h.vocabSize, h.hidden] });
  return out;
}

/** HF name → GGUF name for the tensors a LoRA adapter touches (q_proj → attn_q …). */
export function ggufNameFor(hfModuleName: string): string | undefined {
  const m = /^model\.layers\.(\d+)\.(self_attn|mlp)\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)$/.exec(hfModuleName);
  if (!m) return undefined;
  const map: Record<string, string> = { q_proj: "attn_q", k_proj: "attn_k", v_proj: "attn_v", o_proj: "attn_output", gate_proj: "ffn_gate", up_proj: "ffn_up", down_proj: "ffn_down" };
  return `blk.${m[1]}.${map[m[3]!]}.weight`;
}

/**
 * Reorder the rows of a [rows, cols] matrix per head from HF's rotate-half layout (first half, second
 * half) to llama.cpp's interleaved pairs: new row h·d + 2i + s ← old row h·d + s·d/2 + i.
 */
export function permuteQK(data: Float32Array, rows: number, cols: number, heads: number): Float32Array {
  const d = rows / heads;
  if (!Number.isInteger(d) || d % 2) throw new RangeError(`cannot permute ${rows} rows into ${heads} heads of even size`);
  const out = new Float32Array(data.length);
  const half = d / 2;
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < half; i++) {
      for (let s = 0; s < 2; s++) {
        const from = (h * d + s * half + i) * cols;
        const to = (h * d + 2 * i + s) * cols;
        out.set(data.subarray(from, from + cols), to);
      }
    }
  }
  return out;
}

export function llamaMetadata(h: LlamaHparams, name: string, fileType: number): GgufMetadata {
  return [
    ["general.architecture", { type: "string", value: "llama" }],
    ["general.name", { type: "string", value: name }],
    ["general.alignment", { type: "u32", value: 32 }],
    ["general.file_type", { type: "u32", value: fileType }],
    ["general.quantization_version", { type: "u32", value: 2 }],
    ["llama.vocab_size", { type: "u32", value: h.vocabSize }],
    ["llama.context_length", { type: "u32", value: h.contextLength }],
    ["llama.embedding_length", { type: "u32", value: h.hidden }],
    ["llama.block_count", { type: "u32", value: h.layers }],
    ["llama.feed_forward_length", { type: "u32", value: h.ffn }],
    ["llama.attention.head_count", { type: "u32", value: h.heads }],
    ["llama.attention.head_count_kv", { type: "u32", value: h.kvHeads }],
    ["llama.attention.key_length", { type: "u32", value: h.headDim }],
    ["llama.attention.value_length", { type: "u32", value: h.headDim }],
    ["llama.attention.layer_norm_rms_epsilon", { type: "f32", value: h.rmsEps }],
    ["llama.rope.freq_base", { type: "f32", value: h.ropeTheta }],
    ["llama.rope.dimension_count", { type: "u32", value: h.headDim }],
  ];
}
