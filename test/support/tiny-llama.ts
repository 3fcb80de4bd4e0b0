// A tiny Llama in HF layout with seeded random weights, written here (no Python needed): config.json,
// model.safetensors and the reference byte tokenizer. For serve and export tests that need a model
// but not a trained one.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface TinyLlamaOptions {
  hidden?: number;
  layers?: number;
  heads?: number;
  kvHeads?: number;
  ffn?: number;
  vocab?: number;
  ctx?: number;
  tied?: boolean;
  seed?: number;
  /** Edit the tensors before writing (drop one, change a shape). */
  mutate?: (tensors: Map<string, { shape: number[]; data: Float32Array }>) => void;
  config?: Record<string, unknown>;
}

export function writeSafetensors(path: string, tensors: Map<string, { shape: number[]; data: Float32Array }>): void {
  const header: Record<string, unknown> = {};
  let offset = 0;
  const names = [...tensors.keys()].sort();
  for (const n of names) {
    const t = tensors.get(n)!;
    header[n] = { dtype: "F32", shape: t.shape, data_offsets: [offset, offset + t.data.byteLength] };
    offset += t.data.byteLength;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (json.length % 8)) % 8);
  const head = Buffer.alloc(8);
  head.writeBigUInt64LE(BigInt(json.length));
  writeFileSync(path, Buffer.concat([head, Buffer.from(json), ...names.map((n) => Buffer.from(tensors.get(n)!.data.buffer))]));
}

export function writeTinyLlama(dir: string, o: TinyLlamaOptions = {}): string {
  const hidden = o.hidden ?? 64;
  const layers = o.layers ?? 2;
  const heads = o.heads ?? 4;
  const kvHeads = o.kvHeads ?? 2;
  const ffn = o.ffn ?? 128;
  const vocab = o.vocab ?? 259;
  const hd = hidden / heads;
  let s = o.seed ?? 1;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648 - 0.5);
  const t = (shape: number[], scale = 0.2) => ({ shape, data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rnd() * scale) });
  const ones = (n: number) => ({ shape: [n], data: new Float32Array(n).fill(1) });
  const tensors = new Map<string, { shape: number[]; data: Float32Array }>();
  tensors.set("model.embed_tokens.weight", t([vocab, hidden], 1));
  for (let i = 0; i < layers; i++) {
    const p = `model.layers.${i}`;
    tensors.set(`${p}.input_layernorm.weight`, ones(hidden));
    tensors.set(`${p}.post_attention_layernorm.weight`, ones(hidden));
    tensors.set(`${p}.self_attn.q_proj.weight`, t([heads * hd, hidden]));
    tensors.set(`${p}.self_attn.k_proj.weight`, t([kvHeads * hd, hidden]));
    tensors.set(`${p}.self_attn.v_proj.weight`, t([kvHeads * hd, hidden]));
    tensors.set(`${p}.self_attn.o_proj.weight`, t([hidden, heads * hd]));
    tensors.set(`${p}.mlp.gate_proj.weight`, t([ffn, hidden]));
    tensors.set(`${p}.mlp.up_proj.weight`, t([ffn, hidden]));
    tensors.set(`${p}.mlp.down_proj.weight`, t([hidden, ffn]));
  }
  tensors.set("model.norm.weight", ones(hidden));
  if (!o.tied) tensors.set("lm_head.weight", t([vocab, hidden], 1));
  o.mutate?.(tensors);
  mkdirSync(dir, { recursive: true });
  writeSafetensors(join(dir, "model.safetensors"), tensors);
  const config = {
    architectures: ["LlamaForCausalLM"],
    model_type: "llama",
    hidden_size: hidden,
    intermediate_size: ffn,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    num_key_value_heads: kvHeads,
    max_position_embeddings: o.ctx ?? 256,
    rms_norm_eps: 1e-5,
    rope_theta: 10000,
    vocab_size: vocab,
    tie_word_embeddings: Boolean(o.tied),
    bos_token_id: 256,
    eos_token_id: 257,
    pad_token_id: 258,
    ...o.config,
  };
  writeFileSync(join(dir, "config.json"), JSON.stringify(config, null, 2));
  writeFileSync(join(dir, "llmops_tokenizer.json"), JSON.stringify({ type: "byte", vocab_size: 259, bos_token_id: 256, eos_token_id: 257, pad_token_id: 258, bos_token: "<s>", eos_token: "</s>", pad_token: "<pad>" }));
  return dir;
}
