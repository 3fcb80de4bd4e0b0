// An HF-layout model written by transformers' save_pretrained with a byte-level BPE tokenizer.json
// (trained here with `tokenizers`), exported by llmops and run by llama.cpp: its token ids equal HF's
// on a Unicode-heavy text, and greedy outputs agree (F32, F32 KV cache). Needs the HF venv
// ($LLMOPS_HF_PYTHON or .llmops/hf-venv, made by scripts/setup-hf-venv.sh); skipped, saying why, without it.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "../support/cli.js";
import { greedy, startServe } from "../support/serve.js";

const PY = process.env.LLMOPS_HF_PYTHON ?? join(repoRoot, ".llmops/hf-venv/bin/python");
function probe(): string | undefined {
  if (!existsSync(PY)) return `${PY} does not exist (run scripts/setup-hf-venv.sh, or set LLMOPS_HF_PYTHON)`;
  const r = spawnSync(PY, ["-c", "import torch, transformers, tokenizers"], { encoding: "utf8", timeout: 60_000 });
  return r.status === 0 ? undefined : `${PY} cannot import torch, transformers and tokenizers`;
}
const skipReason = probe();
if (skipReason) console.warn(`skipping the GGUF HF interop test: ${skipReason}`);

const TEXT = "Grüße, 世界! naïve café — ½ ∑ 🤖🚀 тест ｆｕｌｌ\n\ttabs  and   spaces 12345 don't";
const PROMPTS = ["the quick", "Grüße 世界", "🤖 fox", "12345 and"];

describe.skipIf(skipReason !== undefined)("GGUF from an HF model with a BPE tokenizer.json", () => {
  let dir: string;
  let hf: { ids: number[]; generations: number[][]; eos: number };
  let gguf: string;
  beforeAll(async () => {
    dir = tempDir("llmops-gguf-hf-");
    const r = spawnSync(PY, [join(repoRoot, "test/fixtures/model/hf_bpe_model.py"), join(dir, "model")], { input: JSON.stringify({ text: TEXT, prompts: PROMPTS, max_new_tokens: 8 }), encoding: "utf8", timeout: 180_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    hf = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    const e = await runCli(["export", "gguf", join(dir, "model"), "--type", "f32", "--json", "--quiet"]);
    if (e.code !== 0) throw new Error(e.stderr);
    gguf = (JSON.parse(e.stdout) as { out: string; tokenizer: string }).out;
    expect((JSON.parse(e.stdout) as { tokenizer: string }).tokenizer).toBe("bpe");
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("llama.cpp's tokenizer gives HF's token ids on Unicode-heavy text", async () => {
    const { getLlama } = await import("node-llama-cpp");
    const llama = await getLlama({ gpu: false, build: "never", progressLogs: false });
    const model = await llama.loadModel({ modelPath: gguf });
    try {
      expect(model.tokenize(TEXT, false)).toEqual(hf.ids);
      expect(hf.ids.length).toBeLessThan(Buffer.byteLength(TEXT)); // merges were applied, not just bytes
      expect(model.detokenize(model.tokenize(TEXT, false))).toBe(TEXT);
    } finally {
      await model.dispose();
    }
  }, 60_000);

  it("greedy outputs agree with transformers' generate (F32, F32 KV cache)", async () => {
    const s = await startServe([gguf, "--threads", "1", "--kv-cache", "f32"]);
    try {
      for (const [i, p] of PROMPTS.entries()) {
        const want = hf.generations[i]!;
        const got = await greedy(s.url, p, 8);
        expect(got.token_ids, p).toEqual(want.at(-1) === hf.eos ? want.slice(0, -1) : want);
      }
    } finally {
      await s.stop();
    }
  }, 120_000);
});
