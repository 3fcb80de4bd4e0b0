// Bad input to `llmops export gguf`: each a clear error naming the file or tensor and the fix, the
// right exit code, no stack trace. Models are written here (test/support/tiny-llama.ts).
import { readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportGguf } from "../../src/app/model/export-gguf.js";
import { DataInvalidError, InputError } from "../../src/errors.js";
import { runCli, tempDir } from "../support/cli.js";
import { writeTinyLlama, type TinyLlamaOptions } from "../support/tiny-llama.js";

const quiet = { info() {}, warn() {}, error() {}, debug() {}, group: async <T>(_: string, f: () => Promise<T>) => f() } as never;

let root: string;
let n = 0;
beforeAll(() => {
  root = tempDir("llmops-export-errors-");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function model(o: TinyLlamaOptions = {}): string {
  return writeTinyLlama(join(root, `m${n++}`), { hidden: 32, ffn: 64, ...o });
}

async function fails(dir: string, type: "f16" | "q8_0" | "q4_0" = "f16", extra: Partial<Parameters<typeof exportGguf>[0]> = {}) {
  try {
    await exportGguf({ modelDir: dir, cwd: root, type, logger: quiet, ...extra });
  } catch (err) {
    return err as Error;
  }
  throw new Error("export succeeded");
}

describe("llmops export gguf refuses bad input, naming the place", () => {
  it("a missing tensor", async () => {
    const e = await fails(model({ mutate: (t) => t.delete("model.layers.1.mlp.up_proj.weight") }));
    expect(e).toBeInstanceOf(DataInvalidError);
    expect(e.message).toMatch(/tensor model\.layers\.1\.mlp\.up_proj\.weight is missing/);
  });

  it("a shape that contradicts config.json", async () => {
    const e = await fails(model({ mutate: (t) => t.set("model.layers.0.self_attn.k_proj.weight", { shape: [32, 32], data: new Float32Array(32 * 32) }) }));
    expect(e.message).toMatch(/model\.safetensors: tensor model\.layers\.0\.self_attn\.k_proj\.weight has shape \[32, 32\] but config\.json implies \[16, 32\]/);
  });

  it("tensors the architecture does not use (config says fewer layers)", async () => {
    const dir = model({ layers: 3 });
    const cfg = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
    writeFileSync(join(dir, "config.json"), JSON.stringify({ ...cfg, num_hidden_layers: 2 }));
    const e = await fails(dir);
    expect(e.message).toMatch(/tensor\(s\) the Llama architecture in config\.json does not use, e\.g\. model\.layers\.2\./);
  });

  it("an unsupported architecture", async () => {
    const e = await fails(model({ config: { model_type: "gpt2", architectures: ["GPT2LMHeadModel"] } }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/config\.json: unsupported architecture "GPT2LMHeadModel".*Llama-architecture/);
    expect((e as InputError).hint).toMatch(/convert_hf_to_gguf/);
  });

  it("a truncated or foreign SentencePiece tokenizer.model", async () => {
    const dir = model();
    rmSync(join(dir, "llmops_tokenizer.json"));
    writeFileSync(join(dir, "tokenizer.model"), Uint8Array.from([0x0a, 0x20, 0x0a, 0x03]));
    const e = await fails(dir);
    expect(e).toBeInstanceOf(DataInvalidError);
    expect(e.message).toMatch(/m\d+\/tokenizer\.model: not a valid protobuf message: field 1 declares 32 bytes but 2 remain at byte 0/);
    writeFileSync(join(dir, "tokenizer.model"), '{"model": {"type": "BPE"}}'); // a tokenizer.json under the wrong name
    expect((await fails(dir)).message).toMatch(/tokenizer\.model: not a valid protobuf message/);
  });

  it("rows not divisible by the block size", async () => {
    const e = await fails(model({ hidden: 48, heads: 4, kvHeads: 2, ffn: 64 }), "q8_0");
    expect(e.message).toMatch(/tensor token_embd\.weight: rows of 48 values are not a multiple of 32, the q8_0 block size/);
    expect((e as InputError).hint).toMatch(/f16/);
  });

  it("a truncated safetensors file", async () => {
    const dir = model();
    const f = join(dir, "model.safetensors");
    truncateSync(f, readFileSync(f).length - 100);
    const e = await fails(dir);
    expect(e.message).toMatch(/model\.safetensors: tensor .* data ends at byte \d+ but the file has \d+ bytes \(truncated\)/);
  });

  it("a header longer than the file", async () => {
    const dir = model();
    const f = join(dir, "model.safetensors");
    const b = readFileSync(f);
    b.writeBigUInt64LE(BigInt(b.length * 2), 0);
    writeFileSync(f, b);
    const e = await fails(dir);
    expect(e.message).toMatch(/model\.safetensors: the header declares \d+ bytes but the file has \d+ after the length field \(truncated\)/);
  });

  it("a header that is not JSON", async () => {
    const dir = model();
    const f = join(dir, "model.safetensors");
    const b = readFileSync(f);
    b.write("#", 8);
    writeFileSync(f, b);
    expect((await fails(dir)).message).toMatch(/model\.safetensors: the safetensors header is not valid JSON/);
  });

  it("no tokenizer; --adapter on a full model", async () => {
    const dir = model();
    rmSync(join(dir, "llmops_tokenizer.json"));
    expect((await fails(dir)).message).toMatch(/no tokenizer \(llmops_tokenizer\.json, tokenizer\.model or tokenizer\.json\)/);
    expect((await fails(model(), "f16", { asAdapter: true })).message).toMatch(/--adapter: .* has no adapter_config\.json/);
  });

  it("from the CLI: exit 1 for invalid model data, 2 for usage, no stack trace", async () => {
    const bad = model({ mutate: (t) => t.delete("model.norm.weight") });
    const r = await runCli(["export", "gguf", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*tensor model\.norm\.weight is missing/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const u = await runCli(["export", "gguf", bad, "--type", "q3"]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/--type must be one of f32, f16, bf16, q8_0, q4_0, q4_k_m/);
    const awq = await runCli(["export", "gguf", bad, "--type", "awq"]);
    expect(awq.code).toBe(2);
    expect(awq.stderr).toMatch(/AWQ and GPTQ are not GGUF types[^]*llm-compressor/);
    const k = await runCli(["export", "gguf", model(), "--type", "q4_k_m"], { env: { LLMOPS_LLAMA_QUANTIZE: join(root, "no-such-llama-quantize") } });
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/needs llama\.cpp's llama-quantize, which is not installed/);
  });

  it("a tied-embedding model exports without output.weight (llama.cpp reuses token_embd)", async () => {
    const dir = model({ tied: true, config: { tie_word_embeddings: true } });
    const r = await exportGguf({ modelDir: dir, cwd: root, type: "q4_0", logger: quiet });
    expect(r.record.tensors).toBe(1 + 2 * 9 + 1);
    expect(r.record.type).toBe("q4_0");
  });
});
