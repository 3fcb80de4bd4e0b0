// GGUF files llmops writes for the reference byte tokenizer (F16 and Q4_0), read back by llama.cpp's own
// Python `gguf` package (GGUFReader) — a parser independent of llmops and node-llama-cpp: metadata keys
// with the exact GGUF types llama.cpp checks, tensor names, shapes and types, and the dequantized values
// against the source weights. Needs the HF venv with gguf (scripts/setup-hf-venv.sh); skipped without it.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "../support/cli.js";
import { writeTinyLlama } from "../support/tiny-llama.js";

const PY = process.env.LLMOPS_HF_PYTHON ?? join(repoRoot, ".llmops/hf-venv/bin/python");
const skipReason = !existsSync(PY)
  ? `${PY} does not exist (run scripts/setup-hf-venv.sh, or set LLMOPS_HF_PYTHON)`
  : spawnSync(PY, ["-c", "import gguf"]).status !== 0
    ? `${PY} cannot import gguf (rerun scripts/setup-hf-venv.sh)`
    : undefined;
if (skipReason) console.warn(`skipping the GGUF read-back test: ${skipReason}`);

interface GgufRead { version: number; alignment: number; metadata: Record<string, { type: string; of?: string; length?: number; value: unknown }>; tensors: { name: string; shape: number[]; type: string; abs_sum: number }[] }
const read = (file: string): GgufRead => {
  const r = spawnSync(PY, [join(repoRoot, "test/fixtures/model/gguf_read.py"), file], { encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as GgufRead;
};

describe.skipIf(skipReason !== undefined)("GGUF read back by llama.cpp's gguf package (byte tokenizer)", () => {
  let dir: string;
  const sums = new Map<string, number>();
  const files: Record<string, string> = {};
  beforeAll(async () => {
    dir = tempDir("llmops-gguf-readback-");
    const model = writeTinyLlama(join(dir, "model"), {
      mutate: (t) => {
        for (const [name, x] of t) sums.set(name, x.data.reduce((a, v) => a + Math.abs(v), 0));
      },
    });
    for (const type of ["f16", "q4_0"]) {
      const e = await runCli(["export", "gguf", model, "--type", type, "--json", "--quiet"]);
      if (e.code !== 0) throw new Error(e.stderr);
      files[type] = (JSON.parse(e.stdout) as { out: string }).out;
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds the byte-level tokenizer and the hyperparameters with llama.cpp's types", () => {
    const f = read(files.f16!);
    const m = f.metadata;
    expect([f.version, f.alignment]).toEqual([3, 32]);
    expect(m["general.architecture"]).toEqual({ type: "STRING", value: "llama" });
    expect(m["general.file_type"]).toEqual({ type: "UINT32", value: 1 });
    expect(m["tokenizer.ggml.model"]).toEqual({ type: "STRING", value: "gpt2" });
    expect(m["tokenizer.ggml.pre"]).toEqual({ type: "STRING", value: "qwen2" });
    expect(m["tokenizer.ggml.tokens"]).toMatchObject({ of: "STRING", length: 259 });
    expect((m["tokenizer.ggml.tokens"]!.value as string[]).slice(256)).toEqual(["<s>", "</s>", "<pad>"]);
    expect(m["tokenizer.ggml.merges"]).toMatchObject({ type: "ARRAY", length: 0 }); // must exist, empty
    expect(m["tokenizer.ggml.token_type"]).toMatchObject({ of: "INT32", value: [...new Array(256).fill(1), 3, 3, 3] });
    expect(m["tokenizer.ggml.add_bos_token"]).toEqual({ type: "BOOL", value: true });
    expect(m["tokenizer.chat_template"]!.type).toBe("STRING");
    for (const k of ["llama.vocab_size", "llama.embedding_length", "llama.block_count", "llama.attention.head_count", "llama.attention.head_count_kv", "llama.context_length"]) expect(m[k]!.type, k).toBe("UINT32");
    for (const k of ["llama.attention.layer_norm_rms_epsilon", "llama.rope.freq_base"]) expect(m[k]!.type, k).toBe("FLOAT32");
    expect([m["llama.embedding_length"]!.value, m["llama.attention.head_count_kv"]!.value]).toEqual([64, 2]);
  });

  it("holds every source tensor under its llama.cpp name, F16 values equal to the source's and Q4_0 close", () => {
    const f16 = read(files.f16!);
    const q4 = new Map(read(files.q4_0!).tensors.map((t) => [t.name, t]));
    const gguf = (hf: string) =>
      hf
        .replace("model.embed_tokens", "token_embd")
        .replace("model.norm", "output_norm")
        .replace("lm_head", "output")
        .replace(/^model\.layers\.(\d+)\./, "blk.$1.")
        .replace("input_layernorm", "attn_norm")
        .replace("post_attention_layernorm", "ffn_norm")
        .replace(/self_attn\.([qkv])_proj/, "attn_$1")
        .replace("self_attn.o_proj", "attn_output")
        .replace(/mlp\.(gate|up|down)_proj/, "ffn_$1");
    expect(f16.tensors.map((t) => t.name).sort()).toEqual([...sums.keys()].map(gguf).sort());
    const byName = new Map(f16.tensors.map((t) => [t.name, t]));
    for (const [hf, sum] of sums) {
      const t = byName.get(gguf(hf))!;
      expect(t.type, t.name).toBe(t.shape.length === 1 ? "F32" : "F16");
      expect(Math.abs(t.abs_sum - sum) / sum, t.name).toBeLessThan(1e-3); // the Q/K permutation keeps the sum
      const q = q4.get(t.name)!;
      expect([q.type, q.shape], t.name).toEqual([t.shape.length === 1 ? "F32" : "Q4_0", t.shape]);
      expect(Math.abs(q.abs_sum - sum) / sum, t.name).toBeLessThan(0.1); // 4-bit steps of max|x|/8 per block of 32
    }
  });
});
