// SentencePiece `tokenizer.model` (a serialized ModelProto) → GGUF tokenizer metadata for llama.cpp's
// "llama" (SPM) tokenizer, as llama.cpp's HF converter writes it: pieces, scores, token types, special
// ids, add_bos/add_eos and add_space_prefix. Pure: bytes and JSON in, metadata and warnings out.
import { DataInvalidError } from "../../errors.js";
import type { GgufMetadata, GgufValue } from "./gguf.js";
import type { LlamaHparams } from "./llama.js";
import { protoFloat, protoInt32, readProtoFields, type ProtoField } from "./protobuf.js";
import { TOKEN_TYPE } from "./tokenizer-meta.js";

const MODEL_TYPES = { 1: "unigram", 2: "bpe", 3: "word", 4: "char" } as const;
type ModelType = (typeof MODEL_TYPES)[keyof typeof MODEL_TYPES];

export interface SentencePiece {
  piece: string;
  score: number;
  /** SentencePiece's type enum, which GGUF's token_type shares: 1 normal … 6 byte. */
  type: number;
}

export interface SentencePieceModel {
  pieces: SentencePiece[];
  modelType: ModelType;
  byteFallback: boolean;
  treatWhitespaceAsSuffix: boolean;
  /** -1 where the model has no such token. */
  unkId: number;
  bosId: number;
  eosId: number;
  padId: number;
  normalizer: { name: string; charsmapBytes: number; addDummyPrefix: boolean; removeExtraWhitespaces: boolean; escapeWhitespaces: boolean };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function text(f: ProtoField, where: string): string {
  try {
    return utf8.decode(f.bytes ?? new Uint8Array());
  } catch {
    throw new DataInvalidError(`${where}: field ${f.field} at byte ${f.at} is not valid UTF-8`);
  }
}

function bool(fields: ProtoField[], n: number, dflt: boolean): boolean {
  const f = fields.findLast((x) => x.field === n);
  return f ? f.int !== 0n : dflt;
}

function int(fields: ProtoField[], n: number, dflt: number): number {
  const f = fields.findLast((x) => x.field === n);
  return f ? protoInt32(f) : dflt;
}

/** Parse sentencepiece_model.proto's ModelProto (pieces = 1, trainer_spec = 2, normalizer_spec = 3). */
export function parseSentencePieceModel(buf: Uint8Array, where: string): SentencePieceModel {
  const top = readProtoFields(buf, where);
  const pieces: SentencePiece[] = [];
  let trainer: ProtoField[] = [];
  let norm: ProtoField[] = [];
  for (const f of top) {
    if (f.field === 1 && f.bytes) {
      const pf = readProtoFields(f.bytes, `${where} (piece ${pieces.length})`, f.at);
      const piece = pf.findLast((x) => x.field === 1);
      const score = pf.findLast((x) => x.field === 2);
      const type = pf.findLast((x) => x.field === 3);
      if (!piece?.bytes) throw new DataInvalidError(`${where}: piece ${pieces.length} (at byte ${f.at}) has no text`);
      const t = type ? protoInt32(type) : TOKEN_TYPE.normal;
      if (t < 1 || t > 6) throw new DataInvalidError(`${where}: piece ${pieces.length} has unknown type ${t}`);
      pieces.push({ piece: text(piece, where), score: score ? protoFloat(score) : 0, type: t });
    } else if (f.field === 2 && f.bytes) trainer = readProtoFields(f.bytes, `${where} (trainer_spec)`, f.at);
    else if (f.field === 3 && f.bytes) norm = readProtoFields(f.bytes, `${where} (normalizer_spec)`, f.at);
  }
  if (pieces.length === 0) {
    throw new DataInvalidError(`${where}: no vocabulary pieces; this is not a SentencePiece model (a ModelProto)`, { hint: "tokenizer.model must be the file sentencepiece's trainer writes (e.g. spm_train --model_prefix=tokenizer)" });
  }
  const mt = int(trainer, 3, 1) as keyof typeof MODEL_TYPES;
  if (!MODEL_TYPES[mt]) throw new DataInvalidError(`${where}: trainer_spec.model_type ${mt} is not one of SentencePiece's (1 unigram, 2 bpe, 3 word, 4 char)`);
  const nameField = norm.findLast((x) => x.field === 1);
  const charsmap = norm.findLast((x) => x.field === 2);
  return {
    pieces,
    modelType: MODEL_TYPES[mt],
    byteFallback: bool(trainer, 35, false),
    treatWhitespaceAsSuffix: bool(trainer, 24, false),
    unkId: int(trainer, 40, 0),
    bosId: int(trainer, 41, 1),
    eosId: int(trainer, 42, 2),
    padId: int(trainer, 43, -1),
    normalizer: {
      name: nameField ? text(nameField, where) : "nmt_nfkc",
      charsmapBytes: charsmap?.bytes?.length ?? 0,
      addDummyPrefix: bool(norm, 3, true),
      removeExtraWhitespaces: bool(norm, 4, true),
      escapeWhitespaces: bool(norm, 5, true),
    },
  };
}

type Json = Record<string, unknown>;

export interface SentencePieceMetadataInput {
  model: SentencePieceModel;
  h: LlamaHparams;
  /** tokenizer_config.json (bos_token, add_bos_token, added_tokens_decoder …), or {}. */
  tokenizerConfig: Json;
  /** added_tokens.json ({content: id}), or {}. */
  addedTokens: Record<string, number>;
  chatTemplate: string | undefined;
  where: string;
}

function idOfToken(v: unknown, vocab: Map<string, number>): number | undefined {
  const content = typeof v === "string" ? v : typeof v === "object" && v !== null ? (v as Json).content : undefined;
  return typeof content === "string" ? vocab.get(content) : undefined;
}

/** What llama.cpp's SPM tokenizer cannot reproduce of this model, each a sentence for a warning. */
export function sentencePieceCaveats(m: SentencePieceModel): string[] {
  const out: string[] = [];
  if (m.normalizer.name !== "identity" || m.normalizer.charsmapBytes > 0) {
    out.push(`the model normalizes text (${m.normalizer.name}) and llama.cpp's tokenizer does not: text that normalization changes (e.g. full-width letters, ligatures) tokenizes differently`);
  }
  if (m.normalizer.removeExtraWhitespaces) out.push("the model collapses runs of whitespace (remove_extra_whitespaces) and llama.cpp keeps them: text with repeated spaces tokenizes differently");
  if (m.modelType !== "bpe") out.push(`the model is a ${m.modelType} model; llama.cpp's "llama" tokenizer merges pieces by score, which matches SentencePiece's BPE exactly but may segment a ${m.modelType} model differently`);
  if (m.treatWhitespaceAsSuffix) out.push("the model puts ▁ after words (treat_whitespace_as_suffix); llama.cpp puts it before");
  return out;
}

/** GGUF tokenizer metadata for a SentencePiece model, with llama.cpp's HF converter's choices. */
export function sentencePieceMetadata(i: SentencePieceMetadataInput): GgufMetadata {
  const { model: m, h, where } = i;
  if (m.pieces.length > h.vocabSize) {
    throw new DataInvalidError(`${where}: ${m.pieces.length} pieces but config.json has vocab_size ${h.vocabSize}`, { hint: "the embedding matrix must have a row for every piece: check that tokenizer.model belongs to this model" });
  }
  const n = h.vocabSize;
  // Rows past the tokenizer's pieces (vocabularies padded to a multiple of 64, say) are unused pads.
  const tokens: string[] = [];
  const scores = new Float32Array(n).fill(-10000);
  const types = new Int32Array(n).fill(TOKEN_TYPE.unused);
  for (let id = 0; id < n; id++) tokens.push(`[PAD${id}]`);
  m.pieces.forEach((p, id) => {
    tokens[id] = p.piece;
    scores[id] = p.score;
    types[id] = p.type;
  });
  const added: [string, number, boolean][] = Object.entries(i.addedTokens).map(([content, id]) => [content, id, false]);
  const decoder = (i.tokenizerConfig.added_tokens_decoder ?? {}) as Record<string, Json>;
  for (const [id, t] of Object.entries(decoder)) if (typeof t?.content === "string") added.push([t.content, Number(id), t.special === true]);
  for (const [content, id, special] of added) {
    if (!Number.isInteger(id) || id < 0) throw new DataInvalidError(`${where}: added token ${JSON.stringify(content)} has id ${JSON.stringify(id)}`);
    if (id >= n) throw new DataInvalidError(`${where}: added token ${JSON.stringify(content)} has id ${id} but config.json has vocab_size ${n}`);
    // An added token that is already a piece keeps the piece's type (<s>, </s>, <unk> are CONTROL/UNKNOWN there).
    if (id < m.pieces.length && tokens[id] === content) continue;
    tokens[id] = content;
    scores[id] = -1000;
    types[id] = special ? TOKEN_TYPE.control : TOKEN_TYPE.userDefined;
  }
  const vocab = new Map<string, number>();
  tokens.forEach((t, id) => vocab.has(t) || vocab.set(t, id));
  const pick = (name: string, fromConfig: number | undefined, fromModel: number): number | undefined => {
    const id = idOfToken(i.tokenizerConfig[`${name}_token`], vocab) ?? fromConfig ?? (fromModel >= 0 ? fromModel : undefined);
    if (id !== undefined && (id < 0 || id >= n)) throw new DataInvalidError(`${where}: the ${name} token id ${id} is outside the vocabulary (0-${n - 1})`);
    return id;
  };
  const meta: [string, GgufValue][] = [
    ["tokenizer.ggml.model", { type: "string", value: "llama" }],
    ["tokenizer.ggml.pre", { type: "string", value: "default" }],
    ["tokenizer.ggml.tokens", { type: "array", of: "string", value: tokens }],
    ["tokenizer.ggml.scores", { type: "array", of: "f32", value: scores }],
    ["tokenizer.ggml.token_type", { type: "array", of: "i32", value: types }],
  ];
  const ids: [string, string, number | undefined][] = [
    ["bos", "bos_token_id", pick("bos", h.bosId, m.bosId)],
    ["eos", "eos_token_id", pick("eos", h.eosId, m.eosId)],
    ["unk", "unknown_token_id", pick("unk", undefined, m.unkId)],
    ["pad", "padding_token_id", pick("pad", h.padId, m.padId)],
  ];
  for (const [, key, id] of ids) if (id !== undefined) meta.push([`tokenizer.ggml.${key}`, { type: "u32", value: id }]);
  // LlamaTokenizer's defaults: BOS added, EOS not.
  meta.push(["tokenizer.ggml.add_bos_token", { type: "bool", value: i.tokenizerConfig.add_bos_token !== false }]);
  meta.push(["tokenizer.ggml.add_eos_token", { type: "bool", value: i.tokenizerConfig.add_eos_token === true }]);
  meta.push(["tokenizer.ggml.add_space_prefix", { type: "bool", value: m.normalizer.addDummyPrefix }]);
  if (i.chatTemplate) meta.push(["tokenizer.chat_template", { type: "string", value: i.chatTemplate }]);
  return meta;
}
