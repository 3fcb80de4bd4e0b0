// A Llama whose tokenizer is a SentencePiece `tokenizer.model` trained here by the real sentencepiece
// (BPE, byte fallback, a user-defined symbol), exported by llmops: llama.cpp's tokenizer gives
// sentencepiece's ids on a Unicode-heavy text, greedy outputs equal transformers', and the files are
// read back by llama.cpp's own Python GGUF reader (`gguf`), an independent parser: metadata keys and
// their GGUF types, tensor names, shapes and types. Needs the HF venv with sentencepiece and gguf
// (scripts/setup-hf-venv.sh, or $LLMOPS_HF_PYTHON); skipped, saying why, without it.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "../support/cli.js";
import { greedy, startServe } from "../support/serve.js";

const PY = process.env.LLMOPS_HF_PYTHON ?? join(repoRoot, ".llmops/hf-venv/bin/python");
function probe(): string | undefined {
  if (!existsSync(PY)) return `${PY} does not exist (run scripts/setup-hf-venv.sh, or set LLMOPS_HF_PYTHON)`;
  const r = spawnSync(PY, ["-c", "import torch, transformers, sentencepiece, gguf"], { encoding: "utf8", timeout: 60_000 });
  return r.status === 0 ? undefined : `${PY} cannot import torch, transformers, sentencepiece and gguf (rerun scripts/setup-hf-venv.sh)`;
}
const skipReason = probe();
if (skipReason) console.warn(`skipping the GGUF SentencePiece test: ${skipReason}`);

// Characters the training corpus never saw (½ ∑ 🤖 ｆ, tab, newline) go through byte fallback.
const TEXT = "Grüße, 世界! naïve café — ½ ∑ 🤖🚀 тест ｆｕｌｌ\n\ttabs  and   spaces 12345 don't <tool>";
const CORPUS = ["the quick brown fox jumps over the lazy dog 0123456789", "Grüße aus München, naïve café", "世界 тест hello world", "don't stop, and spaces"];
const PROMPTS = ["the quick", "Grüße 世界", "🤖 fox", "12345 and"];

interface SpSide { ids: number[]; decoded: string; vocab: number; pieces: string[]; scores: number[]; types: number[]; generations: number[][]; eos: number }
interface GgufField { type: string; of?: string; length?: number; value: unknown }
interface GgufRead { version: number; alignment: number; metadata: Record<string, GgufField>; tensors: { name: string; shape: number[]; type: string; abs_sum: number; first: number[] }[] }

function readGguf(file: string): GgufRead {
  const r = spawnSync(PY, [join(repoRoot, "test/fixtures/model/gguf_read.py"), file], { encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as GgufRead;
}

describe.skipIf(skipReason !== undefined)("GGUF from a Llama with a SentencePiece tokenizer.model", () => {
  let dir: string;
  let sp: SpSide;
  const files: Record<string, string> = {};
  beforeAll(async () => {
    dir = tempDir("llmops-gguf-spm-");
    const r = spawnSync(PY, [join(repoRoot, "test/fixtures/model/spm_model.py"), join(dir, "model")], { input: JSON.stringify({ text: TEXT, corpus: CORPUS, prompts: PROMPTS, max_new_tokens: 8 }), encoding: "utf8", timeout: 180_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    sp = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as SpSide;
    // LlamaTokenizerFast saves a tokenizer.json (a SentencePiece-style BPE with byte_fallback, which
    // export refuses on its own) beside tokenizer.model: the SentencePiece model must win, as in llama.cpp's converter.
    writeFileSync(join(dir, "model", "tokenizer.json"), JSON.stringify({ model: { type: "BPE", byte_fallback: true, vocab: {}, merges: [] } }));
    for (const type of ["f32", "q8_0"]) {
      const e = await runCli(["export", "gguf", join(dir, "model"), "--type", type, "--json"]);
      if (e.code !== 0) throw new Error(e.stderr);
      const rec = JSON.parse(e.stdout) as { out: string; tokenizer: string };
      expect(rec.tokenizer).toBe("sentencepiece");
      // Identity normalizer, whitespace kept, BPE: nothing llama.cpp would tokenize differently, so no warning.
      expect(e.stderr).not.toMatch(/warning/i);
      files[type] = rec.out;
    }
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("llama.cpp's tokenizer gives sentencepiece's ids on Unicode-heavy text, byte fallback and a user-defined symbol included", async () => {
    const { getLlama } = await import("node-llama-cpp");
    const llama = await getLlama({ gpu: false, build: "never", progressLogs: false });
    const model = await llama.loadModel({ modelPath: files.f32! });
    try {
      const ids = model.tokenize(TEXT, false);
      expect(ids).toEqual(sp.ids);
      expect(ids.some((id) => sp.types[id] === 6)).toBe(true); // byte pieces <0xXX> were used
      expect(ids.at(-1)).toBe(sp.pieces.indexOf("<tool>"));
      expect(ids.length).toBeLessThan([...TEXT].length); // merges were applied, not just characters
      expect(model.detokenize(ids)).toBe(sp.decoded);
    } finally {
      await model.dispose();
    }
  }, 60_000);

  it("greedy outputs agree with transformers' generate from [BOS] + sentencepiece's ids (F32, F32 KV cache)", async () => {
    const s = await startServe([files.f32!, "--threads", "1", "--kv-cache", "f32"]);
    try {
      for (const [i, p] of PROMPTS.entries()) {
        const want = sp.generations[i]!;
        const got = await greedy(s.url, p, 8);
        expect(got.token_ids, p).toEqual(want.at(-1) === sp.eos ? want.slice(0, -1) : want);
      }
    } finally {
      await s.stop();
    }
  }, 120_000);

  it("llama.cpp's gguf reader finds the tokenizer, hyperparameters and tensors, with the GGUF types llama.cpp checks", () => {
    const f = readGguf(files.f32!);
    expect([f.version, f.alignment]).toEqual([3, 32]);
    const m = f.metadata;
    expect(m["tokenizer.ggml.model"]).toEqual({ type: "STRING", value: "llama" });
    expect(m["tokenizer.ggml.tokens"]).toMatchObject({ type: "ARRAY", of: "STRING", value: sp.pieces });
    expect(m["tokenizer.ggml.token_type"]).toMatchObject({ of: "INT32", value: sp.types });
    expect(m["tokenizer.ggml.scores"]!.of).toBe("FLOAT32");
    expect(m["tokenizer.ggml.scores"]!.value).toEqual(sp.scores);
    for (const [k, v] of [["bos_token_id", 1], ["eos_token_id", 2], ["unknown_token_id", 0]] as const) expect(m[`tokenizer.ggml.${k}`], k).toEqual({ type: "UINT32", value: v });
    expect(m["tokenizer.ggml.padding_token_id"]).toBeUndefined(); // the model has none (pad_id -1)
    expect(m["tokenizer.ggml.add_bos_token"]).toEqual({ type: "BOOL", value: true });
    expect(m["tokenizer.ggml.add_eos_token"]).toEqual({ type: "BOOL", value: false });
    expect(m["tokenizer.ggml.add_space_prefix"]).toEqual({ type: "BOOL", value: true });
    expect(m["llama.vocab_size"]).toEqual({ type: "UINT32", value: sp.vocab });
    expect(m["llama.block_count"]).toEqual({ type: "UINT32", value: 2 });
    expect(m["llama.attention.layer_norm_rms_epsilon"]!.type).toBe("FLOAT32");
    expect(m["general.file_type"]).toEqual({ type: "UINT32", value: 0 });
    const names = f.tensors.map((t) => t.name);
    expect(names).toHaveLength(21); // embeddings + 2 × 9 + output_norm + output (untied)
    for (const n of ["token_embd.weight", "blk.1.attn_k.weight", "blk.1.ffn_down.weight", "output_norm.weight", "output.weight"]) expect(names).toContain(n);
    const byName = new Map(f.tensors.map((t) => [t.name, t]));
    expect(byName.get("token_embd.weight")!.shape).toEqual([sp.vocab, 64]);
    expect(byName.get("blk.0.attn_k.weight")!.shape).toEqual([32, 64]); // 2 KV heads × 16
    expect(byName.get("blk.0.ffn_down.weight")!.shape).toEqual([64, 128]);
    expect(new Set(f.tensors.map((t) => t.type))).toEqual(new Set(["F32"]));
  }, 60_000);

  it("the Q8_0 file reads back as Q8_0 matrices and F32 norms whose dequantized values match the F32 file's", () => {
    const full = new Map(readGguf(files.f32!).tensors.map((t) => [t.name, t]));
    const q = readGguf(files.q8_0!);
    expect(q.metadata["general.file_type"]).toEqual({ type: "UINT32", value: 7 });
    expect(q.tensors.map((t) => t.name)).toEqual([...full.keys()]);
    for (const t of q.tensors) {
      const ref = full.get(t.name)!;
      expect(t.shape, t.name).toEqual(ref.shape);
      expect(t.type, t.name).toBe(t.shape.length === 1 ? "F32" : "Q8_0");
      // Q8_0 keeps each value within half a step (max|x|/127/2) of its block: the sums agree to < 1%.
      expect(Math.abs(t.abs_sum - ref.abs_sum) / ref.abs_sum, t.name).toBeLessThan(0.01);
    }
  }, 60_000);
});
