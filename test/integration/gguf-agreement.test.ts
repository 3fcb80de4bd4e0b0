// The reference trainer's tiny model, trained with real PyTorch, exported to GGUF by llmops and run by
// real llama.cpp (llmops serve): greedy outputs equal PyTorch's, log-probs within 1e-3 with an F32 KV
// cache; F16 equal; Q8_0 on ≥ 95% of tokens; a LoRA adapter gives the same outputs merged and as a
// GGUF adapter. The GGUF is read back by node-llama-cpp's own parser.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ggufExportFormat } from "../../src/core/contracts/added-formats.js";
import { repoRoot, runCli, tempDir } from "../support/cli.js";
import { greedy, startServe, type CompletionResult } from "../support/serve.js";

const PY = "/usr/bin/python3";
const noTorch = spawnSync(PY, ["-c", "import torch"]).status !== 0 ? `${PY} has no torch (apt-get install -y python3-torch)` : undefined;
if (noTorch) console.warn(`skipping the GGUF agreement tests: ${noTorch}`);

const PROMPTS = ["2+39=", "reverse river", "47+46=", "reverse garden", "15+34=", "reverse light", "19+25=", "reverse winter"].map((p) => `User: ${p}\nAssistant: `);
const MAX_NEW = 12;

function trainer(args: string[]): void {
  const r = spawnSync(PY, [join(repoRoot, "trainers/reference/train.py"), ...args, "--threads", "1", "--resume", "none", "--device", "cpu", "--precision", "fp32", "--seed", "7"], { encoding: "utf8", timeout: 240_000 });
  if (r.status !== 0) throw new Error(`trainer failed:\n${r.stdout}\n${r.stderr}`);
}

async function exportGguf(args: string[]): Promise<string> {
  const r = await runCli(["export", "gguf", ...args, "--json", "--quiet"]);
  if (r.code !== 0) throw new Error(`export failed (${r.code}):\n${r.stderr}`);
  return (JSON.parse(r.stdout) as { out: string }).out;
}

async function generateAll(model: string, extra: string[] = []): Promise<CompletionResult[]> {
  const s = await startServe([model, "--threads", "1", ...extra]);
  try {
    const out: CompletionResult[] = [];
    for (const p of PROMPTS) out.push(await greedy(s.url, p, MAX_NEW));
    return out;
  } finally {
    const r = await s.stop();
    expect(r.code, r.stderr).toBe(0);
  }
}

describe.skipIf(noTorch !== undefined)("GGUF export agrees with PyTorch through llama.cpp (CPU)", () => {
  let dir: string;
  let torch: { ids: number[]; logprobs: number[] }[];
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = tempDir("llmops-gguf-agree-");
    const data = join(repoRoot, "pipelines/data/tiny-sft/train.jsonl");
    const common = ["--train-file", data, "--format", "chat", "--seq-len", "64", "--packing", "--micro-batch-size", "8", "--lr", "3e-3", "--warmup-steps", "5"];
    trainer([...common, "--output-dir", join(dir, "full"), "--max-steps", "60", "--num-kv-heads", "2"]);
    trainer([...common, "--output-dir", join(dir, "lora"), "--base", join(dir, "full/model"), "--method", "lora", "--lora-r", "4", "--lora-alpha", "8", "--lora-target-modules", "q_proj,k_proj,v_proj,o_proj,down_proj", "--lr", "1e-2", "--max-steps", "12"]);
    const model = join(dir, "full/model");
    files.f32 = await exportGguf([model, "--type", "f32", "--out", join(dir, "f32.gguf")]);
    files.f16 = await exportGguf([model, "--type", "f16", "--out", join(dir, "f16.gguf")]);
    files.q8 = await exportGguf([model, "--type", "q8_0", "--out", join(dir, "q8.gguf")]);
    files.merged = await exportGguf([join(dir, "lora/model"), "--type", "f32", "--out", join(dir, "merged.gguf")]);
    files.adapter = await exportGguf([join(dir, "lora/model"), "--adapter", "--type", "f32", "--out", join(dir, "adapter.gguf")]);
    const r = spawnSync(PY, [join(repoRoot, "test/fixtures/model/torch_greedy.py"), model], { input: JSON.stringify({ prompts: PROMPTS, max_new_tokens: MAX_NEW }), encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    torch = (JSON.parse(r.stdout) as { results: typeof torch }).results;
  }, 400_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // PyTorch's list ends with EOS when generation stopped there; the server reports it as finish_reason.
  const withoutEos = (ids: number[]) => (ids.at(-1) === 257 ? ids.slice(0, -1) : ids);

  it("F32 weights, F32 KV cache: the same greedy tokens and log-probs within 1e-3", async () => {
    const got = await generateAll(files.f32!, ["--kv-cache", "f32"]);
    let maxDiff = 0;
    let tokens = 0;
    got.forEach((g, i) => {
      const want = torch[i]!;
      expect(g.token_logprobs.length).toBe(g.token_ids.length);
      tokens += g.token_ids.length;
      expect(g.token_ids, PROMPTS[i]).toEqual(withoutEos(want.ids));
      expect(g.finish_reason).toBe(want.ids.at(-1) === 257 ? "stop" : "length");
      g.token_logprobs.forEach((lp, k) => (maxDiff = Math.max(maxDiff, Math.abs(lp - want.logprobs[k]!))));
    });
    expect(tokens).toBeGreaterThan(PROMPTS.length);
    console.info(`F32/F32-KV agreement: ${tokens} tokens, max |Δ log-prob| ${maxDiff.toExponential(2)}`);
    expect(maxDiff).toBeLessThan(1e-3);
    // The model learned something: at least one answer is not empty.
    expect(got.some((g) => g.text.length > 0)).toBe(true);
  }, 120_000);

  it("F16 weights: the same greedy tokens", async () => {
    const got = await generateAll(files.f16!);
    got.forEach((g, i) => expect(g.token_ids, PROMPTS[i]).toEqual(withoutEos(torch[i]!.ids)));
  }, 120_000);

  it("Q8_0 weights: at least 95% of generated tokens agree", async () => {
    const got = await generateAll(files.q8!);
    let same = 0;
    let total = 0;
    got.forEach((g, i) => {
      const want = torch[i]!.ids;
      const n = Math.max(want.length, g.token_ids.length + (g.finish_reason === "stop" ? 1 : 0));
      total += n;
      for (let k = 0; k < n; k++) if ((g.token_ids[k] ?? (g.finish_reason === "stop" && k === g.token_ids.length ? 257 : -1)) === want[k]) same++;
    });
    expect(same / total).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it("a LoRA adapter gives the same outputs merged into the base and as a GGUF adapter on it", async () => {
    const merged = await generateAll(files.merged!, ["--kv-cache", "f32"]);
    const adapter = await generateAll(files.f32!, ["--kv-cache", "f32", "--adapter", files.adapter!]);
    const base = await generateAll(files.f32!, ["--kv-cache", "f32"]);
    expect(adapter.map((g) => g.token_ids)).toEqual(merged.map((g) => g.token_ids));
    // …and the adapter changed something (otherwise the comparison above proves nothing).
    expect(merged.map((g) => g.token_ids)).not.toEqual(base.map((g) => g.token_ids));
  }, 180_000);

  it("node-llama-cpp's own GGUF parser reads back the metadata; the export record names the file's sha256", async () => {
    const { readGgufFileInfo } = await import("node-llama-cpp");
    const info = await readGgufFileInfo(files.q8!, { readTensorInfo: true });
    const md = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(md.general!.architecture).toBe("llama");
    expect(md.general!.file_type).toBe(7);
    expect(md.llama!.block_count).toBe(2);
    expect((md.llama!.attention as Record<string, unknown>).head_count_kv).toBe(2);
    expect((md.tokenizer!.ggml as Record<string, unknown>).model).toBe("gpt2");
    expect(info.tensorInfo?.length).toBe(2 + 9 * 2 + 1);
    expect(info.tensorInfo?.find((t) => t.name === "blk.0.attn_q.weight")?.dimensions.map(Number)).toEqual([64, 64]);
    const record = ggufExportFormat.parse(readFileSync(files.q8!.replace(/\.gguf$/, ".export.json"), "utf8"), "q8.export.json");
    expect(record.gguf.sha256).toBe(`sha256:${createHash("sha256").update(readFileSync(files.q8!)).digest("hex")}`);
    expect(record.parameters).toBe(info.tensorInfo!.reduce((n, t) => n + t.dimensions.reduce((a: number, b) => a * Number(b), 1), 0));
    const adapterInfo = await readGgufFileInfo(files.adapter!);
    expect((adapterInfo.metadata as unknown as { general: { type: string } }).general.type).toBe("adapter");
  }, 60_000);
});
