// Benchmark: `llmops export gguf` of a ~100M-parameter Llama with random F32 weights (generated in
// /tmp, deleted after) to F16 and Q8_0, next to reading and decoding the same safetensors bytes alone
// (the floor), each in its own child process with its peak RSS. Printed, not asserted.
// usage: nice node bench/export-gguf.mjs [--layers 8] [--hidden 768] [--vocab 32000]
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : d);
const layers = opt("layers", 8);
const hidden = opt("hidden", 768);
const vocab = opt("vocab", 32000);
const heads = hidden / 64;
const ffn = Math.round((hidden * 8) / 3 / 256) * 256;
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "llmops-bench-export-"));
const modelDir = join(dir, "model");
mkdirSync(modelDir);
const child = join(dir, "child.mjs");
await build({
  absWorkingDir: root, entryPoints: ["bench/export-gguf-child.ts"], outfile: child, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning",
  external: ["node-llama-cpp"], banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

const shapes = [["model.embed_tokens.weight", [vocab, hidden]], ["model.norm.weight", [hidden]], ["lm_head.weight", [vocab, hidden]]];
for (let i = 0; i < layers; i++) {
  const p = `model.layers.${i}`;
  shapes.push([`${p}.input_layernorm.weight`, [hidden]], [`${p}.post_attention_layernorm.weight`, [hidden]]);
  for (const m of ["q_proj", "k_proj", "v_proj", "o_proj"]) shapes.push([`${p}.self_attn.${m}.weight`, [hidden, hidden]]);
  shapes.push([`${p}.mlp.gate_proj.weight`, [ffn, hidden]], [`${p}.mlp.up_proj.weight`, [ffn, hidden]], [`${p}.mlp.down_proj.weight`, [hidden, ffn]]);
}
shapes.sort(([a], [b]) => (a < b ? -1 : 1));
const header = {};
let offset = 0;
let params = 0;
for (const [name, shape] of shapes) {
  const n = shape.reduce((a, b) => a * b, 1);
  header[name] = { dtype: "F32", shape, data_offsets: [offset, offset + n * 4] };
  offset += n * 4;
  params += n;
}
let json = JSON.stringify(header);
json += " ".repeat((8 - (json.length % 8)) % 8);
const file = join(modelDir, "model.safetensors");
const fd = openSync(file, "w");
const len = Buffer.alloc(8);
len.writeBigUInt64LE(BigInt(json.length));
writeSync(fd, len);
writeSync(fd, Buffer.from(json));
let seed = 7;
const chunk = new Float32Array(1 << 20);
for (let left = params; left > 0; ) {
  const n = Math.min(left, chunk.length);
  for (let i = 0; i < n; i++) chunk[i] = ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 0.05;
  writeSync(fd, new Uint8Array(chunk.buffer, 0, n * 4));
  left -= n;
}
closeSync(fd);
writeFileSync(join(modelDir, "config.json"), JSON.stringify({ architectures: ["LlamaForCausalLM"], model_type: "llama", hidden_size: hidden, intermediate_size: ffn, num_hidden_layers: layers, num_attention_heads: heads, num_key_value_heads: heads, vocab_size: vocab, max_position_embeddings: 2048, rms_norm_eps: 1e-5, rope_theta: 10000 }));
writeFileSync(join(modelDir, "llmops_tokenizer.json"), JSON.stringify({ type: "byte", vocab_size: 259, bos_token_id: 256, eos_token_id: 257, pad_token_id: 258 }));
// The byte tokenizer fits only vocabulary 259; a bigger vocabulary gets a byte-level BPE tokenizer.json.
if (vocab !== 259) {
  rmSync(join(modelDir, "llmops_tokenizer.json"));
  const v = {};
  for (let i = 0; i < vocab; i++) v[`t${i}`] = i;
  writeFileSync(join(modelDir, "tokenizer.json"), JSON.stringify({ model: { type: "BPE", vocab: v, merges: [] }, pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, use_regex: true }, added_tokens: [] }));
}
const mb = statSync(file).size / 1e6;
console.log(`model: ${(params / 1e6).toFixed(1)}M parameters (${layers} layers, hidden ${hidden}, vocab ${vocab}), ${mb.toFixed(0)} MB of F32 safetensors in ${dir}`);

const run = (mode) => JSON.parse(execFileSync(process.execPath, [child, mode, modelDir], { encoding: "utf8" }).trim().split("\n").at(-1));
const rows = [];
for (const mode of ["read", "f16", "q8_0"]) {
  const r = run(mode);
  rows.push(r);
  const label = mode === "read" ? "read + decode safetensors (floor)" : `export gguf --type ${mode}`;
  console.log(`${label.padEnd(36)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(mb / (r.ms / 1000)).toFixed(0).padStart(5)} MB/s of source  peak RSS ${r.maxRssMb.toFixed(0)} MB${mode === "read" ? "" : `  (wrote ${(r.outBytes / 1e6).toFixed(0)} MB)`}`);
}
console.log(`export / floor time: f16 ${(rows[1].ms / rows[0].ms).toFixed(2)}×, q8_0 ${(rows[2].ms / rows[0].ms).toFixed(2)}×; the largest tensor is ${((vocab * hidden * 4) / 1e6).toFixed(0)} MB (F32), which bounds the memory export needs`);
rmSync(dir, { recursive: true, force: true });
