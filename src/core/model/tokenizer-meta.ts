// Tokenizer metadata for GGUF: the reference trainer's byte tokenizer (llmops_tokenizer.json), written
// as a GPT-2-style byte-level vocabulary with no merges, which llama.cpp round-trips exactly.
import { InputError } from "../../errors.js";
import type { GgufMetadata } from "./gguf.js";

export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

/**
 * The reference trainer's chat format (docs/training.md): "User: …\nAssistant: …", BOS from the
 * tokenizer, EOS after each assistant turn in training; generation stops at EOS.
 */
export const REFERENCE_CHAT_TEMPLATE =
  "{%- for message in messages -%}{%- if not loop.first -%}{{ '\\n' }}{%- endif -%}{{ message['role'] | capitalize }}: {{ message['content'] }}{%- endfor -%}{%- if add_generation_prompt -%}{{ '\\nAssistant: ' }}{%- endif -%}";

/** GPT-2's byte → printable-unicode table: bytes that are printable map to themselves. */
export function byteToUnicode(): string[] {
  const keep: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) keep.push(b);
  for (let b = 0xa1; b <= 0xac; b++) keep.push(b);
  for (let b = 0xae; b <= 0xff; b++) keep.push(b);
  const table: string[] = new Array(256);
  let n = 0;
  for (let b = 0; b < 256; b++) table[b] = String.fromCodePoint(keep.includes(b) ? b : 256 + n++);
  return table;
}

export interface ByteTokenizerSpec {
  type: "byte";
  vocab_size: number;
  bos_token_id: number;
  eos_token_id: number;
  pad_token_id: number;
  bos_token?: string;
  eos_token?: string;
  pad_token?: string;
}

export function parseByteTokenizer(doc: unknown, where: string): ByteTokenizerSpec {
  const d = doc as Record<string, unknown>;
  if (typeof d !== "object" || d === null || d.type !== "byte") throw new InputError(`${where}: expected {"type": "byte", …} (the reference trainer's tokenizer), got type ${JSON.stringify(d?.type)}`);
  for (const k of ["vocab_size", "bos_token_id", "eos_token_id", "pad_token_id"]) {
    if (typeof d[k] !== "number" || !Number.isInteger(d[k])) throw new InputError(`${where}: ${k} must be an integer`);
  }
  const spec = d as unknown as ByteTokenizerSpec;
  const specials = [spec.bos_token_id, spec.eos_token_id, spec.pad_token_id];
  if (spec.vocab_size !== 259 || specials.some((id) => id < 256 || id >= spec.vocab_size) || new Set(specials).size !== 3) {
    throw new InputError(`${where}: a byte tokenizer has ids 0-255 for bytes and three distinct special ids 256-258 (vocab_size 259)`);
  }
  return spec;
}

export function byteTokenizerMetadata(spec: ByteTokenizerSpec, chatTemplate: string): GgufMetadata {
  const names = byteToUnicode();
  const tokens = [...names];
  const types: number[] = new Array(256).fill(TOKEN_TYPE.normal);
  const special: Record<number, string> = {
    [spec.bos_token_id]: spec.bos_token ?? "<s>",
    [spec.eos_token_id]: "</s>", // llama.cpp recognises EOS/EOT by name too; keep the name it knows
    [spec.pad_token_id]: spec.pad_token ?? "<pad>",
  };
  for (let id = 256; id < spec.vocab_size; id++) {
    tokens.push(special[id]!);
    types.push(TOKEN_TYPE.control);
  }
  return [
    ["tokenizer.ggml.model", { type: "string", value: "gpt2" }],
    // "qwen2" keeps spaces before punctuation on detokenize (other pre-tokenizer names drop them).
    ["tokenizer.ggml.pre", { type: "string", value: "qwen2" }],
    ["tokenizer.ggml.tokens", { type: "array", of: "string", value: tokens }],
    ["tokenizer.ggml.token_type", { type: "array", of: "i32", value: types }],
    ["tokenizer.ggml.merges", { type: "array", of: "string", value: [] }],
    ["tokenizer.ggml.bos_token_id", { type: "u32", value: spec.bos_token_id }],
    ["tokenizer.ggml.eos_token_id", { type: "u32", value: spec.eos_token_id }],
    ["tokenizer.ggml.padding_token_id", { type: "u32", value: spec.pad_token_id }],
    ["tokenizer.ggml.add_bos_token", { type: "bool", value: true }],
    ["tokenizer.ggml.add_eos_token", { type: "bool", value: false }],
    ["tokenizer.chat_template", { type: "string", value: chatTemplate }],
  ];
}
