import { describe, expect, it } from "vitest";
import { DataInvalidError } from "../../errors.js";
import { parseLlamaConfig } from "./llama.js";
import { readProtoFields } from "./protobuf.js";
import { parseSentencePieceModel, sentencePieceCaveats, sentencePieceMetadata } from "./sentencepiece.js";

// Protobuf wire encoding, written out by hand so each test says exactly which bytes it feeds.
function varint(v: bigint | number): number[] {
  let x = BigInt.asUintN(64, BigInt(v));
  const out: number[] = [];
  do {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    out.push(x ? b | 0x80 : b);
  } while (x);
  return out;
}
const tag = (field: number, wire: number) => varint((field << 3) | wire);
const len = (field: number, body: number[]) => [...tag(field, 2), ...varint(body.length), ...body];
const int = (field: number, v: number) => [...tag(field, 0), ...varint(v)];
const f32 = (field: number, v: number) => {
  const b = Buffer.alloc(4);
  b.writeFloatLE(v);
  return [...tag(field, 5), ...b];
};
const str = (field: number, s: string) => len(field, [...Buffer.from(s)]);
const piece = (p: string, score: number, type?: number) => len(1, [...str(1, p), ...f32(2, score), ...(type === undefined ? [] : int(3, type))]);

const PIECES = [piece("<unk>", 0, 2), piece("<s>", 0, 3), piece("</s>", 0, 3), piece("<0x41>", 0, 6), piece("▁a", -1), piece("é", -2.5)].flat();
const LLAMA_LIKE = [
  ...PIECES,
  ...len(2, [...int(3, 2), ...int(35, 1), ...int(43, -1)]), // trainer_spec: bpe, byte_fallback, pad_id -1
  ...len(3, [...str(1, "identity"), ...int(4, 0)]), // normalizer_spec: identity, keep whitespace
];
const h = (vocab: number, extra: Record<string, unknown> = {}) =>
  parseLlamaConfig({ architectures: ["LlamaForCausalLM"], vocab_size: vocab, hidden_size: 64, intermediate_size: 128, num_hidden_layers: 1, num_attention_heads: 4, ...extra }, "config.json");

describe("readProtoFields", () => {
  it.each([
    ["a truncated varint", [0x08, 0x80], /a varint runs past the end at byte 1/],
    ["a length past the end", [0x0a, 0x05, 0x41], /field 1 declares 5 bytes but 1 remain at byte 0/],
    ["a fixed32 past the end", [0x15, 0x00, 0x00], /a 32-bit field runs past the end at byte 0/],
    ["a group (wire type 3)", [0x0b], /wire type 3/],
    ["field number 0", [0x00, 0x01], /field number 0 at byte 0/],
  ])("names %s and its byte offset", (_, bytes, message) => {
    expect(() => readProtoFields(Uint8Array.from(bytes), "m/tokenizer.model")).toThrowError(message);
    expect(() => readProtoFields(Uint8Array.from(bytes), "m/tokenizer.model")).toThrowError(/^m\/tokenizer\.model: not a valid protobuf message/);
  });
  it("reads varints, fixed and length-delimited fields in order, skipping none", () => {
    const f = readProtoFields(Uint8Array.from([...int(3, 300), ...str(1, "hi"), ...f32(2, 1.5), ...int(43, -1)]), "x");
    expect(f.map((x) => [x.field, x.wire])).toEqual([[3, 0], [1, 2], [2, 5], [43, 0]]);
    expect(f[0]!.int).toBe(300n);
    expect(Buffer.from(f[1]!.bytes!).toString()).toBe("hi");
    expect(f[3]!.int).toBe(2n ** 64n - 1n); // int32 -1 is a 10-byte varint
  });
});

describe("parseSentencePieceModel", () => {
  it("reads pieces, scores, types (NORMAL when absent), the trainer's ids and the normalizer", () => {
    const m = parseSentencePieceModel(Uint8Array.from(LLAMA_LIKE), "tokenizer.model");
    expect(m.pieces).toEqual([
      { piece: "<unk>", score: 0, type: 2 },
      { piece: "<s>", score: 0, type: 3 },
      { piece: "</s>", score: 0, type: 3 },
      { piece: "<0x41>", score: 0, type: 6 },
      { piece: "▁a", score: -1, type: 1 },
      { piece: "é", score: -2.5, type: 1 },
    ]);
    expect([m.modelType, m.byteFallback, m.unkId, m.bosId, m.eosId, m.padId]).toEqual(["bpe", true, 0, 1, 2, -1]);
    expect(m.normalizer).toEqual({ name: "identity", charsmapBytes: 0, addDummyPrefix: true, removeExtraWhitespaces: false, escapeWhitespaces: true });
    expect(sentencePieceCaveats(m)).toEqual([]);
  });
  it("applies SentencePiece's defaults (unigram, nmt_nfkc, whitespace collapsed) and says what llama.cpp will not reproduce", () => {
    const m = parseSentencePieceModel(Uint8Array.from(PIECES), "t");
    expect([m.modelType, m.normalizer.name, m.normalizer.removeExtraWhitespaces, m.padId]).toEqual(["unigram", "nmt_nfkc", true, -1]);
    const c = sentencePieceCaveats(m);
    expect(c).toHaveLength(3);
    expect(c.join("\n")).toMatch(/normalizes text \(nmt_nfkc\)[\s\S]*collapses runs of whitespace[\s\S]*unigram model/);
  });
  it.each([
    ["no pieces (not a ModelProto)", [...len(3, str(1, "identity"))], /no vocabulary pieces/],
    ["a piece without text", [...len(1, f32(2, 0))], /piece 0 \(at byte 0\) has no text/],
    ["an unknown piece type", [...piece("a", 0, 9)], /piece 0 has unknown type 9/],
    ["invalid UTF-8", [...len(1, len(1, [0xff, 0xfe]))], /not valid UTF-8/],
    ["an unknown model type", [...PIECES, ...len(2, int(3, 7))], /model_type 7/],
  ])("refuses %s, naming the file", (_, bytes, message) => {
    const run = () => parseSentencePieceModel(Uint8Array.from(bytes), "m/tokenizer.model");
    expect(run).toThrowError(DataInvalidError);
    expect(run).toThrowError(message);
  });
});

describe("sentencePieceMetadata", () => {
  const model = parseSentencePieceModel(Uint8Array.from(LLAMA_LIKE), "tokenizer.model");
  const meta = (o: Partial<Parameters<typeof sentencePieceMetadata>[0]> = {}) =>
    new Map(sentencePieceMetadata({ model, h: h(8), tokenizerConfig: {}, addedTokens: {}, chatTemplate: undefined, where: "m/tokenizer.model", ...o }).map(([k, v]) => [k, v.value]));

  it("writes the llama (SPM) tokenizer, pads the vocabulary to config.json's size with unused [PADn], and defaults to BOS on, EOS off", () => {
    const m = meta();
    expect(m.get("tokenizer.ggml.model")).toBe("llama");
    expect(m.get("tokenizer.ggml.tokens")).toEqual(["<unk>", "<s>", "</s>", "<0x41>", "▁a", "é", "[PAD6]", "[PAD7]"]);
    expect([...(m.get("tokenizer.ggml.scores") as Float32Array)]).toEqual([0, 0, 0, 0, -1, -2.5, -10000, -10000]);
    expect([...(m.get("tokenizer.ggml.token_type") as Int32Array)]).toEqual([2, 3, 3, 6, 1, 1, 5, 5]);
    expect([m.get("tokenizer.ggml.bos_token_id"), m.get("tokenizer.ggml.eos_token_id"), m.get("tokenizer.ggml.unknown_token_id"), m.get("tokenizer.ggml.padding_token_id")]).toEqual([1, 2, 0, undefined]);
    expect([m.get("tokenizer.ggml.add_bos_token"), m.get("tokenizer.ggml.add_eos_token"), m.get("tokenizer.ggml.add_space_prefix")]).toEqual([true, false, true]);
    expect(m.has("tokenizer.chat_template")).toBe(false);
  });
  it("takes special tokens from tokenizer_config.json, then config.json, then the model; added tokens become user-defined or control", () => {
    const m = meta({
      h: h(8, { eos_token_id: 5 }),
      tokenizerConfig: { bos_token: { content: "▁a" }, add_bos_token: false, add_eos_token: true, added_tokens_decoder: { "7": { content: "<|im_end|>", special: true }, "1": { content: "<s>", special: true } } },
      addedTokens: { "<tool>": 6 },
      chatTemplate: "{{ x }}",
    });
    expect([m.get("tokenizer.ggml.bos_token_id"), m.get("tokenizer.ggml.eos_token_id")]).toEqual([4, 5]);
    expect((m.get("tokenizer.ggml.tokens") as string[]).slice(6)).toEqual(["<tool>", "<|im_end|>"]);
    expect([...(m.get("tokenizer.ggml.token_type") as Int32Array)].slice(1)).toEqual([3, 3, 6, 1, 1, 4, 3]); // <s> keeps its type
    expect([m.get("tokenizer.ggml.add_bos_token"), m.get("tokenizer.ggml.add_eos_token"), m.get("tokenizer.chat_template")]).toEqual([false, true, "{{ x }}"]);
  });
  it.each([
    ["more pieces than config.json's vocab_size", { h: h(4) }, /6 pieces but config.json has vocab_size 4/],
    ["an added token past the vocabulary", { addedTokens: { "<x>": 8 } }, /added token "<x>" has id 8 but config.json has vocab_size 8/],
    ["a special id past the vocabulary", { h: h(8, { eos_token_id: 9 }) }, /the eos token id 9 is outside the vocabulary \(0-7\)/],
  ])("refuses %s", (_, o, message) => {
    expect(() => meta(o)).toThrowError(message);
  });
});
