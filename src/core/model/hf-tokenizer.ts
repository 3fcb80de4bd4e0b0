// Tokenizer metadata from an HF `tokenizer.json` with a byte-level BPE model (GPT-2, Llama 3, Qwen 2
// style): vocabulary, merges, special tokens and the pre-tokenizer name llama.cpp selects its
// splitting regex by.
import { DataInvalidError, InputError } from "../../errors.js";
import type { GgufMetadata } from "./gguf.js";
import type { LlamaHparams } from "./llama.js";
import { TOKEN_TYPE } from "./tokenizer-meta.js";

const GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

type Json = Record<string, unknown>;

/** llama.cpp's pre-tokenizer name for the splitting the tokenizer.json describes. */
function preTokenizerName(pre: Json | null | undefined, where: string): string {
  if (!pre) throw new InputError(`${where}: no pre_tokenizer; llmops export supports byte-level BPE tokenizers`, { hint: "use llama.cpp's convert_hf_to_gguf.py for this tokenizer" });
  const steps = pre.type === "Sequence" ? ((pre.pretokenizers as Json[]) ?? []) : [pre];
  const byteLevel = steps.find((s) => s.type === "ByteLevel");
  if (!byteLevel) throw new InputError(`${where}: the pre-tokenizer is not byte-level (${steps.map((s) => s.type).join(", ")}); llmops export supports byte-level BPE tokenizers`, { hint: "use llama.cpp's convert_hf_to_gguf.py for this tokenizer" });
  if (byteLevel.add_prefix_space === true) throw new InputError(`${where}: ByteLevel add_prefix_space: true is not supported by llama.cpp's BPE tokenizer`);
  const split = steps.find((s) => s.type === "Split");
  const regex = (split?.pattern as { Regex?: string } | undefined)?.Regex;
  if (steps.length === 1 && byteLevel.use_regex !== false) return "gpt-2";
  if (regex === GPT2_PATTERN) return "gpt-2";
  if (regex?.startsWith("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}")) return "llama-bpe";
  if (regex?.startsWith("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}|")) return "qwen2";
  throw new InputError(`${where}: unrecognised pre-tokenizer split ${JSON.stringify(regex ?? steps.map((s) => s.type))}; llama.cpp selects its regex by name and llmops knows gpt-2, llama-bpe and qwen2`, {
    hint: "use llama.cpp's convert_hf_to_gguf.py for this tokenizer",
  });
}

function idOf(v: unknown, vocab: Map<string, number>): number | undefined {
  if (typeof v === "number") return v;
  const content = typeof v === "string" ? v : typeof v === "object" && v !== null ? (v as Json).content : undefined;
  return typeof content === "string" ? vocab.get(content) : undefined;
}

export function hfTokenizerMetadata(doc: unknown, cfg: Json, h: LlamaHparams, where: string, chatTemplate: string | undefined): { kind: "bpe"; metadata: GgufMetadata } {
  const d = doc as Json;
  const model = d?.model as Json | undefined;
  if (!model || model.type !== "BPE") {
    throw new InputError(`${where}: tokenizer model ${JSON.stringify(model?.type)} is not supported; llmops export writes byte-level BPE (tokenizer.json), SentencePiece (tokenizer.model) and the reference byte tokenizer`, {
      hint: "for a SentencePiece model, put its tokenizer.model beside config.json (export reads it first)",
    });
  }
  if (model.byte_fallback === true) throw new InputError(`${where}: BPE with byte_fallback (SentencePiece-style) is exported from the SentencePiece model it was converted from`, { hint: "put the tokenizer.model beside config.json; export reads it instead of tokenizer.json" });
  const pre = preTokenizerName(d.pre_tokenizer as Json | null, where);
  const vocab = new Map<string, number>(Object.entries((model.vocab ?? {}) as Record<string, number>));
  const added = ((d.added_tokens ?? []) as Json[]).map((t) => ({ id: t.id as number, content: t.content as string, special: t.special === true }));
  for (const t of added) vocab.set(t.content, t.id);
  const size = Math.max(h.vocabSize, ...[...vocab.values()].map((i) => i + 1));
  if (size > h.vocabSize) throw new DataInvalidError(`${where}: token ids reach ${size - 1} but config.json has vocab_size ${h.vocabSize}`);
  const tokens: (string | undefined)[] = new Array(size);
  for (const [tok, id] of vocab) {
    if (!Number.isInteger(id) || id < 0) throw new DataInvalidError(`${where}: token ${JSON.stringify(tok)} has id ${JSON.stringify(id)}`);
    tokens[id] = tok;
  }
  const types = new Array<number>(size).fill(TOKEN_TYPE.normal);
  for (const t of added) types[t.id] = t.special ? TOKEN_TYPE.control : TOKEN_TYPE.userDefined;
  for (let i = 0; i < size; i++) {
    if (tokens[i] === undefined) {
      tokens[i] = `[PAD${i}]`;
      types[i] = TOKEN_TYPE.unused;
    }
  }
  const merges = ((model.merges ?? []) as unknown[]).map((m) => (Array.isArray(m) ? m.join(" ") : String(m)));
  const meta: [string, GgufMetadata[number][1]][] = [
    ["tokenizer.ggml.model", { type: "string", value: "gpt2" }],
    ["tokenizer.ggml.pre", { type: "string", value: pre }],
    ["tokenizer.ggml.tokens", { type: "array", of: "string", value: tokens as string[] }],
    ["tokenizer.ggml.token_type", { type: "array", of: "i32", value: types }],
    ["tokenizer.ggml.merges", { type: "array", of: "string", value: merges }],
  ];
  const bos = idOf(cfg.bos_token, vocab) ?? h.bosId;
  const eos = idOf(cfg.eos_token, vocab) ?? h.eosId;
  const pad = idOf(cfg.pad_token, vocab) ?? h.padId;
  if (bos !== undefined) meta.push(["tokenizer.ggml.bos_token_id", { type: "u32", value: bos }]);
  if (eos !== undefined) meta.push(["tokenizer.ggml.eos_token_id", { type: "u32", value: eos }]);
  if (pad !== undefined) meta.push(["tokenizer.ggml.padding_token_id", { type: "u32", value: pad }]);
  meta.push(["tokenizer.ggml.add_bos_token", { type: "bool", value: cfg.add_bos_token === true }]);
  meta.push(["tokenizer.ggml.add_eos_token", { type: "bool", value: cfg.add_eos_token === true }]);
  if (chatTemplate) meta.push(["tokenizer.chat_template", { type: "string", value: chatTemplate }]);
  return { kind: "bpe", metadata: meta };
}
