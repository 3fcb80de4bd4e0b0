#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  NodeProcessRunner,
  NodeTrainWorkspace,
  locatePackageFile
} from "./chunk-Q6T6KOIJ.js";
import {
  childEnv
} from "./chunk-S7KHQWV2.js";
import "./chunk-ZH24RDZS.js";
import {
  COMPRESSED_EXPORT_SCHEMA,
  GGUF_EXPORT_SCHEMA,
  compressedExportFormat,
  ggufExportFormat
} from "./chunk-466LK4FJ.js";
import "./chunk-OMAMCZPV.js";
import {
  displayPath
} from "./chunk-COWQ2BI6.js";
import "./chunk-6IFSKJTY.js";
import "./chunk-SDLTUNJ6.js";
import {
  sha256File
} from "./chunk-6SZRFP6W.js";
import "./chunk-XYQJ7XHL.js";
import "./chunk-KG2AKHTK.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  requirePositional
} from "./chunk-OYI2I6OM.js";
import "./chunk-XQ6Z47X5.js";
import {
  DataInvalidError,
  ExternalError,
  InputError,
  InternalError,
  ProcessExitError
} from "./chunk-LXVW643N.js";
import "./chunk-TQEUFEDE.js";

// src/app/model/export-gguf.ts
import { createHash } from "node:crypto";
import { closeSync as closeSync2, existsSync as existsSync2, openSync as openSync2, readFileSync as readFileSync2, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join as join2, relative, resolve } from "node:path";

// src/core/model/half.ts
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
function f32ToF16Bits(value) {
  f32[0] = value;
  return f32BitsToF16Bits(u32[0]);
}
function f32BitsToF16Bits(x) {
  const sign = x >>> 16 & 32768;
  const exp = x >>> 23 & 255;
  let mant = x & 8388607;
  if (exp === 255) return sign | 31744 | (mant ? 512 | mant >>> 13 : 0);
  let e = exp - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 8388608;
    const shift = 14 - e;
    const half = 1 << shift - 1;
    const rest2 = mant & (1 << shift) - 1;
    let h2 = mant >>> shift;
    if (rest2 > half || rest2 === half && h2 & 1) h2 += 1;
    return sign | h2;
  }
  let h = e << 10 | mant >>> 13;
  const rest = mant & 8191;
  if (rest > 4096 || rest === 4096 && h & 1) h += 1;
  return sign | h;
}
function f16BitsToF32(h) {
  const sign = h & 32768 ? -1 : 1;
  const exp = h >>> 10 & 31;
  const mant = h & 1023;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
function f32BitsToBf16Bits(x) {
  if ((x & 2147483647) > 2139095040) return (x >>> 16 | 64) & 65535;
  return x + (32767 + (x >>> 16 & 1)) >>> 16 & 65535;
}
function bf16BitsToF32(h) {
  u32[0] = (h & 65535) << 16;
  return f32[0];
}

// src/core/model/quantize.ts
var GGML_TYPE = { f32: 0, f16: 1, q4_0: 2, q8_0: 8, bf16: 30 };
var FILE_TYPE = { f32: 0, f16: 1, q4_0: 2, q8_0: 7, bf16: 32 };
var BLOCK = {
  f32: { values: 1, bytes: 4 },
  f16: { values: 1, bytes: 2 },
  bf16: { values: 1, bytes: 2 },
  q8_0: { values: 32, bytes: 34 },
  q4_0: { values: 32, bytes: 18 }
};
var fround = Math.fround;
function roundf(v) {
  return v < 0 ? -Math.round(-v) : Math.round(v);
}
function encodeF32(x) {
  return new Uint8Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
}
function bitsOf(x) {
  return x.byteOffset % 4 === 0 ? new Uint32Array(x.buffer, x.byteOffset, x.length) : new Uint32Array(x.slice().buffer);
}
function encodeF16(x) {
  const bits = bitsOf(x);
  const out = new Uint16Array(x.length);
  for (let i = 0; i < bits.length; i++) out[i] = f32BitsToF16Bits(bits[i]);
  return new Uint8Array(out.buffer);
}
function encodeBf16(x) {
  const bits = bitsOf(x);
  const out = new Uint16Array(x.length);
  for (let i = 0; i < bits.length; i++) out[i] = f32BitsToBf16Bits(bits[i]);
  return new Uint8Array(out.buffer);
}
function quantizeQ8_0(x) {
  if (x.length % 32) throw new RangeError(`Q8_0 needs a multiple of 32 values, got ${x.length}`);
  const out = new Uint8Array(x.length / 32 * 34);
  const view = new DataView(out.buffer);
  for (let b = 0, o = 0; b < x.length; b += 32, o += 34) {
    let amax = 0;
    for (let j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(x[b + j]));
    const d = fround(amax / 127);
    const id = d ? fround(1 / d) : 0;
    view.setUint16(o, f32ToF16Bits(d), true);
    for (let j = 0; j < 32; j++) view.setInt8(o + 2 + j, roundf(fround(x[b + j] * id)));
  }
  return out;
}
function quantizeQ4_0(x) {
  if (x.length % 32) throw new RangeError(`Q4_0 needs a multiple of 32 values, got ${x.length}`);
  const out = new Uint8Array(x.length / 32 * 18);
  const view = new DataView(out.buffer);
  for (let b = 0, o = 0; b < x.length; b += 32, o += 18) {
    let amax = 0;
    let max = 0;
    for (let j = 0; j < 32; j++) {
      const v = x[b + j];
      if (amax < Math.abs(v)) {
        amax = Math.abs(v);
        max = v;
      }
    }
    const d = fround(max / -8);
    const id = d ? fround(1 / d) : 0;
    view.setUint16(o, f32ToF16Bits(d), true);
    for (let j = 0; j < 16; j++) {
      const x0 = fround(x[b + j] * id);
      const x1 = fround(x[b + 16 + j] * id);
      const q0 = Math.min(15, Math.trunc(fround(x0 + 8.5)));
      const q1 = Math.min(15, Math.trunc(fround(x1 + 8.5)));
      out[o + 2 + j] = q0 | q1 << 4;
    }
  }
  return out;
}
function encodeTensor(encoding, x) {
  switch (encoding) {
    case "f32":
      return encodeF32(x);
    case "f16":
      return encodeF16(x);
    case "bf16":
      return encodeBf16(x);
    case "q8_0":
      return quantizeQ8_0(x);
    case "q4_0":
      return quantizeQ4_0(x);
  }
}

// src/core/model/gguf.ts
var GGUF_MAGIC = 1179993927;
var GGUF_VERSION = 3;
var GGUF_ALIGNMENT = 32;
var VT = { u8: 0, i32: 5, u32: 4, f32: 6, bool: 7, string: 8, array: 9, u64: 10 };
function alignUp(n, a = GGUF_ALIGNMENT) {
  return Math.ceil(n / a) * a;
}
function tensorBytes(t) {
  const count = t.shape.reduce((a, b2) => a * b2, 1);
  const b = BLOCK[t.encoding];
  const rowLength = t.shape[t.shape.length - 1];
  if (rowLength % b.values) throw new RangeError(`tensor ${t.name}: rows of ${rowLength} values are not a multiple of the ${t.encoding} block size ${b.values}`);
  return count / b.values * b.bytes;
}
var ByteSink = class {
  chunks = [];
  length = 0;
  enc = new TextEncoder();
  push(b) {
    this.chunks.push(b);
    this.length += b.length;
  }
  num(bytes, set) {
    const b = new Uint8Array(bytes);
    set(new DataView(b.buffer));
    this.push(b);
  }
  u8(v) {
    this.num(1, (d) => d.setUint8(0, v));
  }
  u32(v) {
    this.num(4, (d) => d.setUint32(0, v, true));
  }
  i32(v) {
    this.num(4, (d) => d.setInt32(0, v, true));
  }
  u64(v) {
    this.num(8, (d) => d.setBigUint64(0, BigInt(v), true));
  }
  f32(v) {
    this.num(4, (d) => d.setFloat32(0, v, true));
  }
  str(s) {
    const b = this.enc.encode(s);
    this.u64(b.length);
    this.push(b);
  }
  zeros(n) {
    if (n > 0) this.push(new Uint8Array(n));
  }
  bytes() {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
};
function writeValue(s, v) {
  s.u32(VT[v.type]);
  switch (v.type) {
    case "u8":
      return s.u8(v.value);
    case "i32":
      return s.i32(v.value);
    case "u32":
      return s.u32(v.value);
    case "u64":
      return s.u64(v.value);
    case "f32":
      return s.f32(v.value);
    case "bool":
      return s.u8(v.value ? 1 : 0);
    case "string":
      return s.str(v.value);
    case "array": {
      s.u32(VT[v.of]);
      s.u64(v.value.length);
      for (let i = 0; i < v.value.length; i++) {
        const e = v.value[i];
        if (v.of === "string") s.str(e);
        else if (v.of === "f32") s.f32(e);
        else s.i32(e);
      }
    }
  }
}
function layoutGguf(metadata, tensors) {
  const names = /* @__PURE__ */ new Set();
  for (const t of tensors) {
    if (names.has(t.name)) throw new RangeError(`tensor ${t.name} appears twice`);
    names.add(t.name);
    if (new TextEncoder().encode(t.name).length >= 64) throw new RangeError(`tensor name ${t.name} is 64 bytes or longer (llama.cpp's limit)`);
  }
  const s = new ByteSink();
  s.u32(GGUF_MAGIC);
  s.u32(GGUF_VERSION);
  s.u64(tensors.length);
  s.u64(metadata.length);
  for (const [key, value] of metadata) {
    s.str(key);
    writeValue(s, value);
  }
  let offset = 0;
  const sizes = tensors.map((t) => {
    const size = tensorBytes(t);
    const at = offset;
    offset += alignUp(size);
    return { at, size, padded: alignUp(size) };
  });
  tensors.forEach((t, i) => {
    s.str(t.name);
    s.u32(t.shape.length);
    for (const d of [...t.shape].reverse()) s.u64(d);
    s.u32(GGML_TYPE[t.encoding]);
    s.u64(sizes[i].at);
  });
  s.zeros(alignUp(s.length) - s.length);
  const header = s.bytes();
  return {
    header,
    tensors: sizes.map((x) => ({ offset: header.length + x.at, size: x.size, padded: x.padded })),
    totalBytes: header.length + offset
  };
}

// src/core/model/llama.ts
var ARCHITECTURES = /* @__PURE__ */ new Set(["LlamaForCausalLM", "MistralForCausalLM"]);
function intField(cfg, key, where, fallback) {
  const v = cfg[key] ?? fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) {
    throw new InputError(`${where}: ${key} must be a positive integer, got ${JSON.stringify(cfg[key])}`, { hint: "a Llama config.json names hidden_size, num_hidden_layers, num_attention_heads, intermediate_size and vocab_size" });
  }
  return v;
}
function optionalId(v) {
  if (Array.isArray(v)) v = v[0];
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : void 0;
}
function ropeTheta(cfg, where) {
  for (const key of ["rope_parameters", "rope_scaling"]) {
    const p = cfg[key];
    if (p === void 0 || p === null) continue;
    if (typeof p !== "object") throw new InputError(`${where}: ${key} must be an object, got ${JSON.stringify(p)}`);
    const kind = p.rope_type ?? p.type ?? "default";
    if (kind !== "default") throw new InputError(`${where}: ${key}.rope_type ${JSON.stringify(kind)} is not supported by this exporter (default RoPE only)`, { hint: "use llama.cpp's convert_hf_to_gguf.py for scaled RoPE variants" });
  }
  const params = cfg.rope_parameters;
  const theta = params?.rope_theta ?? cfg.rope_theta ?? 1e4;
  if (typeof theta !== "number" || !(theta > 0)) throw new InputError(`${where}: rope_theta must be a positive number, got ${JSON.stringify(theta)}`);
  return theta;
}
function parseLlamaConfig(cfg, where) {
  if (typeof cfg !== "object" || cfg === null || Array.isArray(cfg)) throw new InputError(`${where}: expected a JSON object`);
  const c = cfg;
  const archs = Array.isArray(c.architectures) ? c.architectures : [];
  const modelType = c.model_type;
  if (modelType !== "llama" && modelType !== "mistral" && !archs.some((a) => typeof a === "string" && ARCHITECTURES.has(a))) {
    throw new InputError(`${where}: unsupported architecture ${JSON.stringify(archs[0] ?? modelType ?? "(none)")} (model_type ${JSON.stringify(modelType)}); llmops export gguf writes Llama-architecture models`, {
      hint: "for other architectures use llama.cpp's convert_hf_to_gguf.py"
    });
  }
  for (const [key, want] of [["hidden_act", "silu"], ["attention_bias", false], ["mlp_bias", false]]) {
    if (c[key] !== void 0 && c[key] !== want) throw new InputError(`${where}: ${key} ${JSON.stringify(c[key])} is not supported (Llama uses ${JSON.stringify(want)})`);
  }
  const hidden = intField(c, "hidden_size", where);
  const heads = intField(c, "num_attention_heads", where);
  const kvHeads = intField(c, "num_key_value_heads", where, heads);
  if (heads % kvHeads) throw new InputError(`${where}: num_attention_heads ${heads} is not a multiple of num_key_value_heads ${kvHeads}`);
  const headDim = intField(c, "head_dim", where, Math.floor(hidden / heads));
  if (headDim % 2) throw new InputError(`${where}: head_dim ${headDim} must be even for RoPE`);
  const eps = c.rms_norm_eps ?? 1e-6;
  if (typeof eps !== "number" || !(eps > 0)) throw new InputError(`${where}: rms_norm_eps must be a positive number`);
  return {
    vocabSize: intField(c, "vocab_size", where),
    hidden,
    layers: intField(c, "num_hidden_layers", where),
    heads,
    kvHeads,
    headDim,
    ffn: intField(c, "intermediate_size", where),
    contextLength: intField(c, "max_position_embeddings", where, 2048),
    rmsEps: eps,
    ropeTheta: ropeTheta(c, where),
    tiedEmbeddings: c.tie_word_embeddings === true,
    bosId: optionalId(c.bos_token_id),
    eosId: optionalId(c.eos_token_id),
    padId: optionalId(c.pad_token_id),
    name: typeof c._name_or_path === "string" ? c._name_or_path : void 0
  };
}
function planLlamaTensors(h, hasLmHead) {
  const q = h.heads * h.headDim;
  const kv = h.kvHeads * h.headDim;
  const out = [{ source: "model.embed_tokens.weight", name: "token_embd.weight", shape: [h.vocabSize, h.hidden] }];
  for (let i = 0; i < h.layers; i++) {
    const p = `model.layers.${i}`;
    const b = `blk.${i}`;
    out.push(
      { source: `${p}.input_layernorm.weight`, name: `${b}.attn_norm.weight`, shape: [h.hidden] },
      { source: `${p}.self_attn.q_proj.weight`, name: `${b}.attn_q.weight`, shape: [q, h.hidden], permuteHeads: h.heads },
      { source: `${p}.self_attn.k_proj.weight`, name: `${b}.attn_k.weight`, shape: [kv, h.hidden], permuteHeads: h.kvHeads },
      { source: `${p}.self_attn.v_proj.weight`, name: `${b}.attn_v.weight`, shape: [kv, h.hidden] },
      { source: `${p}.self_attn.o_proj.weight`, name: `${b}.attn_output.weight`, shape: [h.hidden, q] },
      { source: `${p}.post_attention_layernorm.weight`, name: `${b}.ffn_norm.weight`, shape: [h.hidden] },
      { source: `${p}.mlp.gate_proj.weight`, name: `${b}.ffn_gate.weight`, shape: [h.ffn, h.hidden] },
      { source: `${p}.mlp.up_proj.weight`, name: `${b}.ffn_up.weight`, shape: [h.ffn, h.hidden] },
      { source: `${p}.mlp.down_proj.weight`, name: `${b}.ffn_down.weight`, shape: [h.hidden, h.ffn] }
    );
  }
  out.push({ source: "model.norm.weight", name: "output_norm.weight", shape: [h.hidden] });
  if (hasLmHead && !h.tiedEmbeddings) out.push({ source: "lm_head.weight", name: "output.weight", shape: [h.vocabSize, h.hidden] });
  return out;
}
function ggufNameFor(hfModuleName) {
  const m = /^model\.layers\.(\d+)\.(self_attn|mlp)\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)$/.exec(hfModuleName);
  if (!m) return void 0;
  const map = { q_proj: "attn_q", k_proj: "attn_k", v_proj: "attn_v", o_proj: "attn_output", gate_proj: "ffn_gate", up_proj: "ffn_up", down_proj: "ffn_down" };
  return `blk.${m[1]}.${map[m[3]]}.weight`;
}
function permuteQK(data, rows, cols, heads) {
  const d = rows / heads;
  if (!Number.isInteger(d) || d % 2) throw new RangeError(`cannot permute ${rows} rows into ${heads} heads of even size`);
  const out = new Float32Array(data.length);
  const half = d / 2;
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < half; i++) {
      for (let s = 0; s < 2; s++) {
        const from = (h * d + s * half + i) * cols;
        const to = (h * d + 2 * i + s) * cols;
        out.set(data.subarray(from, from + cols), to);
      }
    }
  }
  return out;
}
function llamaMetadata(h, name, fileType) {
  return [
    ["general.architecture", { type: "string", value: "llama" }],
    ["general.name", { type: "string", value: name }],
    ["general.alignment", { type: "u32", value: 32 }],
    ["general.file_type", { type: "u32", value: fileType }],
    ["general.quantization_version", { type: "u32", value: 2 }],
    ["llama.vocab_size", { type: "u32", value: h.vocabSize }],
    ["llama.context_length", { type: "u32", value: h.contextLength }],
    ["llama.embedding_length", { type: "u32", value: h.hidden }],
    ["llama.block_count", { type: "u32", value: h.layers }],
    ["llama.feed_forward_length", { type: "u32", value: h.ffn }],
    ["llama.attention.head_count", { type: "u32", value: h.heads }],
    ["llama.attention.head_count_kv", { type: "u32", value: h.kvHeads }],
    ["llama.attention.key_length", { type: "u32", value: h.headDim }],
    ["llama.attention.value_length", { type: "u32", value: h.headDim }],
    ["llama.attention.layer_norm_rms_epsilon", { type: "f32", value: h.rmsEps }],
    ["llama.rope.freq_base", { type: "f32", value: h.ropeTheta }],
    ["llama.rope.dimension_count", { type: "u32", value: h.headDim }]
  ];
}

// src/core/model/lora.ts
function parseLoraConfig(doc, where) {
  const d = doc;
  if (typeof d !== "object" || d === null) throw new DataInvalidError(`${where}: expected a JSON object`);
  if (d.peft_type !== "LORA") throw new DataInvalidError(`${where}: peft_type ${JSON.stringify(d.peft_type)} is not supported (LORA only)`);
  if (!Number.isInteger(d.r) || d.r <= 0) throw new DataInvalidError(`${where}: r must be a positive integer`);
  if (typeof d.lora_alpha !== "number") throw new DataInvalidError(`${where}: lora_alpha must be a number`);
  if (d.use_dora === true) throw new DataInvalidError(`${where}: DoRA adapters (use_dora: true) cannot be exported`);
  if (d.fan_in_fan_out === true) throw new DataInvalidError(`${where}: fan_in_fan_out: true (Conv1D layers) is not a Llama adapter`);
  if (d.bias !== void 0 && d.bias !== "none") throw new DataInvalidError(`${where}: bias ${JSON.stringify(d.bias)} is not supported (bias: "none" only)`);
  if (Array.isArray(d.modules_to_save) && d.modules_to_save.length) throw new DataInvalidError(`${where}: modules_to_save is not supported by export`);
  return { r: d.r, alpha: d.lora_alpha, rsLora: d.use_rslora === true, baseModel: typeof d.base_model_name_or_path === "string" ? d.base_model_name_or_path : void 0 };
}
function loraScale(c) {
  return c.rsLora ? c.alpha / Math.sqrt(c.r) : c.alpha / c.r;
}
function mergeLora(w, out, inp, a, b, c, where) {
  const r = c.r;
  if (a.length !== r * inp || b.length !== out * r) throw new DataInvalidError(`${where}: LoRA shapes A ${a.length} and B ${b.length} do not fit a [${out}, ${inp}] weight with r=${r}`);
  const scale = loraScale(c);
  const merged = new Float32Array(w.length);
  for (let i = 0; i < out; i++) {
    for (let j = 0; j < inp; j++) {
      let s = 0;
      for (let k = 0; k < r; k++) s += b[i * r + k] * a[k * inp + j];
      merged[i * inp + j] = w[i * inp + j] + scale * s;
    }
  }
  return merged;
}

// src/core/model/tokenizer-meta.ts
var TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 };
var REFERENCE_CHAT_TEMPLATE = "{%- for message in messages -%}{%- if not loop.first -%}{{ '\\n' }}{%- endif -%}{{ message['role'] | capitalize }}: {{ message['content'] }}{%- endfor -%}{%- if add_generation_prompt -%}{{ '\\nAssistant: ' }}{%- endif -%}";
function byteToUnicode() {
  const keep = [];
  for (let b = 33; b <= 126; b++) keep.push(b);
  for (let b = 161; b <= 172; b++) keep.push(b);
  for (let b = 174; b <= 255; b++) keep.push(b);
  const table = new Array(256);
  let n = 0;
  for (let b = 0; b < 256; b++) table[b] = String.fromCodePoint(keep.includes(b) ? b : 256 + n++);
  return table;
}
function parseByteTokenizer(doc, where) {
  const d = doc;
  if (typeof d !== "object" || d === null || d.type !== "byte") throw new InputError(`${where}: expected {"type": "byte", \u2026} (the reference trainer's tokenizer), got type ${JSON.stringify(d?.type)}`);
  for (const k of ["vocab_size", "bos_token_id", "eos_token_id", "pad_token_id"]) {
    if (typeof d[k] !== "number" || !Number.isInteger(d[k])) throw new InputError(`${where}: ${k} must be an integer`);
  }
  const spec = d;
  const specials = [spec.bos_token_id, spec.eos_token_id, spec.pad_token_id];
  if (spec.vocab_size !== 259 || specials.some((id) => id < 256 || id >= spec.vocab_size) || new Set(specials).size !== 3) {
    throw new InputError(`${where}: a byte tokenizer has ids 0-255 for bytes and three distinct special ids 256-258 (vocab_size 259)`);
  }
  return spec;
}
function byteTokenizerMetadata(spec, chatTemplate) {
  const names = byteToUnicode();
  const tokens = [...names];
  const types = new Array(256).fill(TOKEN_TYPE.normal);
  const special = {
    [spec.bos_token_id]: spec.bos_token ?? "<s>",
    [spec.eos_token_id]: "</s>",
    // llama.cpp recognises EOS/EOT by name too; keep the name it knows
    [spec.pad_token_id]: spec.pad_token ?? "<pad>"
  };
  for (let id = 256; id < spec.vocab_size; id++) {
    tokens.push(special[id]);
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
    ["tokenizer.chat_template", { type: "string", value: chatTemplate }]
  ];
}

// src/core/model/hf-tokenizer.ts
var GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
function preTokenizerName(pre, where) {
  if (!pre) throw new InputError(`${where}: no pre_tokenizer; llmops export supports byte-level BPE tokenizers`, { hint: "use llama.cpp's convert_hf_to_gguf.py for this tokenizer" });
  const steps = pre.type === "Sequence" ? pre.pretokenizers ?? [] : [pre];
  const byteLevel = steps.find((s) => s.type === "ByteLevel");
  if (!byteLevel) throw new InputError(`${where}: the pre-tokenizer is not byte-level (${steps.map((s) => s.type).join(", ")}); llmops export supports byte-level BPE tokenizers`, { hint: "use llama.cpp's convert_hf_to_gguf.py for this tokenizer" });
  if (byteLevel.add_prefix_space === true) throw new InputError(`${where}: ByteLevel add_prefix_space: true is not supported by llama.cpp's BPE tokenizer`);
  const split = steps.find((s) => s.type === "Split");
  const regex = split?.pattern?.Regex;
  if (steps.length === 1 && byteLevel.use_regex !== false) return "gpt-2";
  if (regex === GPT2_PATTERN) return "gpt-2";
  if (regex?.startsWith("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}")) return "llama-bpe";
  if (regex?.startsWith("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}|")) return "qwen2";
  throw new InputError(`${where}: unrecognised pre-tokenizer split ${JSON.stringify(regex ?? steps.map((s) => s.type))}; llama.cpp selects its regex by name and llmops knows gpt-2, llama-bpe and qwen2`, {
    hint: "use llama.cpp's convert_hf_to_gguf.py for this tokenizer"
  });
}
function idOf(v, vocab) {
  if (typeof v === "number") return v;
  const content = typeof v === "string" ? v : typeof v === "object" && v !== null ? v.content : void 0;
  return typeof content === "string" ? vocab.get(content) : void 0;
}
function hfTokenizerMetadata(doc, cfg, h, where, chatTemplate) {
  const d = doc;
  const model = d?.model;
  if (!model || model.type !== "BPE") {
    throw new InputError(`${where}: tokenizer model ${JSON.stringify(model?.type)} is not supported; llmops export writes byte-level BPE (tokenizer.json), SentencePiece (tokenizer.model) and the reference byte tokenizer`, {
      hint: "for a SentencePiece model, put its tokenizer.model beside config.json (export reads it first)"
    });
  }
  if (model.byte_fallback === true) throw new InputError(`${where}: BPE with byte_fallback (SentencePiece-style) is exported from the SentencePiece model it was converted from`, { hint: "put the tokenizer.model beside config.json; export reads it instead of tokenizer.json" });
  const pre = preTokenizerName(d.pre_tokenizer, where);
  const vocab = new Map(Object.entries(model.vocab ?? {}));
  const added = (d.added_tokens ?? []).map((t) => ({ id: t.id, content: t.content, special: t.special === true }));
  for (const t of added) vocab.set(t.content, t.id);
  const size = Math.max(h.vocabSize, ...[...vocab.values()].map((i) => i + 1));
  if (size > h.vocabSize) throw new DataInvalidError(`${where}: token ids reach ${size - 1} but config.json has vocab_size ${h.vocabSize}`);
  const tokens = new Array(size);
  for (const [tok, id] of vocab) {
    if (!Number.isInteger(id) || id < 0) throw new DataInvalidError(`${where}: token ${JSON.stringify(tok)} has id ${JSON.stringify(id)}`);
    tokens[id] = tok;
  }
  const types = new Array(size).fill(TOKEN_TYPE.normal);
  for (const t of added) types[t.id] = t.special ? TOKEN_TYPE.control : TOKEN_TYPE.userDefined;
  for (let i = 0; i < size; i++) {
    if (tokens[i] === void 0) {
      tokens[i] = `[PAD${i}]`;
      types[i] = TOKEN_TYPE.unused;
    }
  }
  const merges = (model.merges ?? []).map((m) => Array.isArray(m) ? m.join(" ") : String(m));
  const meta = [
    ["tokenizer.ggml.model", { type: "string", value: "gpt2" }],
    ["tokenizer.ggml.pre", { type: "string", value: pre }],
    ["tokenizer.ggml.tokens", { type: "array", of: "string", value: tokens }],
    ["tokenizer.ggml.token_type", { type: "array", of: "i32", value: types }],
    ["tokenizer.ggml.merges", { type: "array", of: "string", value: merges }]
  ];
  const bos = idOf(cfg.bos_token, vocab) ?? h.bosId;
  const eos = idOf(cfg.eos_token, vocab) ?? h.eosId;
  const pad = idOf(cfg.pad_token, vocab) ?? h.padId;
  if (bos !== void 0) meta.push(["tokenizer.ggml.bos_token_id", { type: "u32", value: bos }]);
  if (eos !== void 0) meta.push(["tokenizer.ggml.eos_token_id", { type: "u32", value: eos }]);
  if (pad !== void 0) meta.push(["tokenizer.ggml.padding_token_id", { type: "u32", value: pad }]);
  meta.push(["tokenizer.ggml.add_bos_token", { type: "bool", value: cfg.add_bos_token === true }]);
  meta.push(["tokenizer.ggml.add_eos_token", { type: "bool", value: cfg.add_eos_token === true }]);
  if (chatTemplate) meta.push(["tokenizer.chat_template", { type: "string", value: chatTemplate }]);
  return { kind: "bpe", metadata: meta };
}

// src/core/model/protobuf.ts
var WIRE = { varint: 0, i64: 1, len: 2, i32: 5 };
function readProtoFields(buf, where, base = 0) {
  const out = [];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let p = 0;
  const fail = (what, at) => {
    throw new DataInvalidError(`${where}: not a valid protobuf message: ${what} at byte ${base + at}`, { hint: "the file is truncated or is not the format expected; re-save it with the tool that made it" });
  };
  const varint = () => {
    const start = p;
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (p >= buf.length) fail("a varint runs past the end", start);
      if (shift > 63n) fail("a varint longer than 10 bytes", start);
      const b = buf[p++];
      v |= BigInt(b & 127) << shift;
      if (!(b & 128)) return v;
    }
  };
  while (p < buf.length) {
    const at = p;
    const tag = varint();
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (field === 0) fail("field number 0", at);
    if (wire === WIRE.varint) out.push({ field, wire, int: varint(), at: base + at });
    else if (wire === WIRE.i64) {
      if (p + 8 > buf.length) fail("a 64-bit field runs past the end", at);
      out.push({ field, wire, int: view.getBigUint64(p, true), at: base + at });
      p += 8;
    } else if (wire === WIRE.i32) {
      if (p + 4 > buf.length) fail("a 32-bit field runs past the end", at);
      out.push({ field, wire, int: BigInt(view.getUint32(p, true)), at: base + at });
      p += 4;
    } else if (wire === WIRE.len) {
      const n = varint();
      if (n > BigInt(buf.length - p)) fail(`field ${field} declares ${n} bytes but ${buf.length - p} remain`, at);
      const len = Number(n);
      out.push({ field, wire, bytes: buf.subarray(p, p + len), at: base + at });
      p += len;
    } else fail(`wire type ${wire} (groups are not supported)`, at);
  }
  return out;
}
function protoFloat(f) {
  const b = new DataView(new ArrayBuffer(4));
  b.setUint32(0, Number(f.int ?? 0n), true);
  return b.getFloat32(0, true);
}
function protoInt32(f) {
  return Number(BigInt.asIntN(32, f.int ?? 0n));
}

// src/core/model/sentencepiece.ts
var MODEL_TYPES = { 1: "unigram", 2: "bpe", 3: "word", 4: "char" };
var utf8 = new TextDecoder("utf-8", { fatal: true });
function text(f, where) {
  try {
    return utf8.decode(f.bytes ?? new Uint8Array());
  } catch {
    throw new DataInvalidError(`${where}: field ${f.field} at byte ${f.at} is not valid UTF-8`);
  }
}
function bool(fields, n, dflt) {
  const f = fields.findLast((x) => x.field === n);
  return f ? f.int !== 0n : dflt;
}
function int(fields, n, dflt) {
  const f = fields.findLast((x) => x.field === n);
  return f ? protoInt32(f) : dflt;
}
function parseSentencePieceModel(buf, where) {
  const top = readProtoFields(buf, where);
  const pieces = [];
  let trainer = [];
  let norm = [];
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
  const mt = int(trainer, 3, 1);
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
      escapeWhitespaces: bool(norm, 5, true)
    }
  };
}
function idOfToken(v, vocab) {
  const content = typeof v === "string" ? v : typeof v === "object" && v !== null ? v.content : void 0;
  return typeof content === "string" ? vocab.get(content) : void 0;
}
function sentencePieceCaveats(m) {
  const out = [];
  if (m.normalizer.name !== "identity" || m.normalizer.charsmapBytes > 0) {
    out.push(`the model normalizes text (${m.normalizer.name}) and llama.cpp's tokenizer does not: text that normalization changes (e.g. full-width letters, ligatures) tokenizes differently`);
  }
  if (m.normalizer.removeExtraWhitespaces) out.push("the model collapses runs of whitespace (remove_extra_whitespaces) and llama.cpp keeps them: text with repeated spaces tokenizes differently");
  if (m.modelType !== "bpe") out.push(`the model is a ${m.modelType} model; llama.cpp's "llama" tokenizer merges pieces by score, which matches SentencePiece's BPE exactly but may segment a ${m.modelType} model differently`);
  if (m.treatWhitespaceAsSuffix) out.push("the model puts \u2581 after words (treat_whitespace_as_suffix); llama.cpp puts it before");
  return out;
}
function sentencePieceMetadata(i) {
  const { model: m, h, where } = i;
  if (m.pieces.length > h.vocabSize) {
    throw new DataInvalidError(`${where}: ${m.pieces.length} pieces but config.json has vocab_size ${h.vocabSize}`, { hint: "the embedding matrix must have a row for every piece: check that tokenizer.model belongs to this model" });
  }
  const n = h.vocabSize;
  const tokens = [];
  const scores = new Float32Array(n).fill(-1e4);
  const types = new Int32Array(n).fill(TOKEN_TYPE.unused);
  for (let id = 0; id < n; id++) tokens.push(`[PAD${id}]`);
  m.pieces.forEach((p, id) => {
    tokens[id] = p.piece;
    scores[id] = p.score;
    types[id] = p.type;
  });
  const added = Object.entries(i.addedTokens).map(([content, id]) => [content, id, false]);
  const decoder = i.tokenizerConfig.added_tokens_decoder ?? {};
  for (const [id, t] of Object.entries(decoder)) if (typeof t?.content === "string") added.push([t.content, Number(id), t.special === true]);
  for (const [content, id, special] of added) {
    if (!Number.isInteger(id) || id < 0) throw new DataInvalidError(`${where}: added token ${JSON.stringify(content)} has id ${JSON.stringify(id)}`);
    if (id >= n) throw new DataInvalidError(`${where}: added token ${JSON.stringify(content)} has id ${id} but config.json has vocab_size ${n}`);
    if (id < m.pieces.length && tokens[id] === content) continue;
    tokens[id] = content;
    scores[id] = -1e3;
    types[id] = special ? TOKEN_TYPE.control : TOKEN_TYPE.userDefined;
  }
  const vocab = /* @__PURE__ */ new Map();
  tokens.forEach((t, id) => vocab.has(t) || vocab.set(t, id));
  const pick = (name, fromConfig, fromModel) => {
    const id = idOfToken(i.tokenizerConfig[`${name}_token`], vocab) ?? fromConfig ?? (fromModel >= 0 ? fromModel : void 0);
    if (id !== void 0 && (id < 0 || id >= n)) throw new DataInvalidError(`${where}: the ${name} token id ${id} is outside the vocabulary (0-${n - 1})`);
    return id;
  };
  const meta = [
    ["tokenizer.ggml.model", { type: "string", value: "llama" }],
    ["tokenizer.ggml.pre", { type: "string", value: "default" }],
    ["tokenizer.ggml.tokens", { type: "array", of: "string", value: tokens }],
    ["tokenizer.ggml.scores", { type: "array", of: "f32", value: scores }],
    ["tokenizer.ggml.token_type", { type: "array", of: "i32", value: types }]
  ];
  const ids = [
    ["bos", "bos_token_id", pick("bos", h.bosId, m.bosId)],
    ["eos", "eos_token_id", pick("eos", h.eosId, m.eosId)],
    ["unk", "unknown_token_id", pick("unk", void 0, m.unkId)],
    ["pad", "padding_token_id", pick("pad", h.padId, m.padId)]
  ];
  for (const [, key, id] of ids) if (id !== void 0) meta.push([`tokenizer.ggml.${key}`, { type: "u32", value: id }]);
  meta.push(["tokenizer.ggml.add_bos_token", { type: "bool", value: i.tokenizerConfig.add_bos_token !== false }]);
  meta.push(["tokenizer.ggml.add_eos_token", { type: "bool", value: i.tokenizerConfig.add_eos_token === true }]);
  meta.push(["tokenizer.ggml.add_space_prefix", { type: "bool", value: m.normalizer.addDummyPrefix }]);
  if (i.chatTemplate) meta.push(["tokenizer.chat_template", { type: "string", value: i.chatTemplate }]);
  return meta;
}

// src/app/model/safetensors-files.ts
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";

// src/core/model/safetensors.ts
var DTYPE_BYTES = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };
var MAX_HEADER_BYTES = 100 * 1024 * 1024;
function headerLength(first8, fileSize, file) {
  if (fileSize < 8 || first8.length < 8) throw new DataInvalidError(`${file}: ${fileSize} bytes is too short for a safetensors file (truncated?)`, { hint: "re-download or re-export the model" });
  const n = new DataView(first8.buffer, first8.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER_BYTES)) throw new DataInvalidError(`${file}: the header declares ${n} bytes, more than the ${MAX_HEADER_BYTES}-byte limit; the file is corrupt or not safetensors`);
  if (Number(n) + 8 > fileSize) throw new DataInvalidError(`${file}: the header declares ${n} bytes but the file has ${fileSize - 8} after the length field (truncated)`, { hint: "re-download or re-export the model" });
  return Number(n);
}
function parseSafetensorsHeader(json, fileSize, file) {
  let doc;
  try {
    doc = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
  } catch (err) {
    throw new DataInvalidError(`${file}: the safetensors header is not valid JSON (${err instanceof Error ? err.message : String(err)}); the file is corrupt`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new DataInvalidError(`${file}: the safetensors header is not a JSON object`);
  const dataStart = 8 + json.length;
  const tensors = /* @__PURE__ */ new Map();
  let metadata = {};
  for (const [name, raw] of Object.entries(doc)) {
    if (name === "__metadata__") {
      metadata = raw ?? {};
      continue;
    }
    const e = raw;
    const where = `${file}: tensor ${name}`;
    if (typeof e !== "object" || e === null) throw new DataInvalidError(`${where}: entry is not an object`);
    if (typeof e.dtype !== "string" || !(e.dtype in DTYPE_BYTES)) throw new DataInvalidError(`${where}: unknown dtype ${JSON.stringify(e.dtype)}`);
    if (!Array.isArray(e.shape) || !e.shape.every((d) => Number.isInteger(d) && d >= 0)) throw new DataInvalidError(`${where}: shape must be a list of non-negative integers`);
    const offs = e.data_offsets;
    if (!Array.isArray(offs) || offs.length !== 2 || !offs.every((d) => Number.isInteger(d) && d >= 0) || offs[0] > offs[1]) {
      throw new DataInvalidError(`${where}: data_offsets must be [begin, end] with begin \u2264 end`);
    }
    const count = e.shape.reduce((a, b) => a * b, 1);
    const want = count * DTYPE_BYTES[e.dtype];
    if (offs[1] - offs[0] !== want) throw new DataInvalidError(`${where}: data_offsets span ${offs[1] - offs[0]} bytes but shape ${JSON.stringify(e.shape)} of ${e.dtype} needs ${want}; the file is corrupt`);
    if (dataStart + offs[1] > fileSize) {
      throw new DataInvalidError(`${where}: data ends at byte ${dataStart + offs[1]} but the file has ${fileSize} bytes (truncated)`, { hint: "re-download or re-export the model" });
    }
    tensors.set(name, { name, dtype: e.dtype, shape: e.shape, begin: dataStart + offs[0], end: dataStart + offs[1] });
  }
  return { headerBytes: json.length, tensors, metadata };
}
function decodeToF32(bytes, dtype, where) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype) {
    case "F32": {
      if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      const out = new Float32Array(bytes.byteLength / 4);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    }
    case "F16": {
      const out = new Float32Array(bytes.byteLength / 2);
      for (let i = 0; i < out.length; i++) out[i] = f16BitsToF32(view.getUint16(i * 2, true));
      return out;
    }
    case "BF16": {
      const out = new Float32Array(bytes.byteLength / 2);
      for (let i = 0; i < out.length; i++) out[i] = bf16BitsToF32(view.getUint16(i * 2, true));
      return out;
    }
    default:
      throw new DataInvalidError(`${where}: dtype ${dtype} is not a floating-point weight (F32, F16 or BF16 expected)`);
  }
}

// src/app/model/safetensors-files.ts
var SafetensorsDir = class {
  constructor(dir, display, single = "model.safetensors", index = "model.safetensors.index.json") {
    this.dir = dir;
    this.display = display;
    const indexPath = join(dir, index);
    let shards;
    if (existsSync(join(dir, single))) shards = [single];
    else if (existsSync(indexPath)) {
      let doc;
      try {
        doc = JSON.parse(readFileSync(indexPath, "utf8"));
      } catch (err) {
        throw new DataInvalidError(`${display}/${index}: not valid JSON (${err.message})`);
      }
      if (typeof doc.weight_map !== "object" || doc.weight_map === null) throw new DataInvalidError(`${display}/${index}: no "weight_map" object`);
      shards = [...new Set(Object.values(doc.weight_map))].sort();
      for (const s of shards) if (typeof s !== "string" || s.includes("/") || s.includes("\\")) throw new DataInvalidError(`${display}/${index}: shard name ${JSON.stringify(s)} must be a file name in the same directory`);
    } else {
      throw new InputError(`${display}: neither ${single} nor ${index} exists`, { hint: "export takes a model directory in HF layout: config.json and safetensors weights" });
    }
    for (const s of shards) this.open(s);
  }
  dir;
  display;
  fds = /* @__PURE__ */ new Map();
  tensors = /* @__PURE__ */ new Map();
  files = [];
  open(name) {
    const path = join(this.dir, name);
    const shown = `${this.display}/${name}`;
    if (!existsSync(path)) throw new InputError(`${shown}: shard listed in the index is missing`);
    const fd = openSync(path, "r");
    this.fds.set(name, fd);
    this.files.push(name);
    const size = fstatSync(fd).size;
    const first = Buffer.alloc(8);
    readSync(fd, first, 0, 8, 0);
    const n = headerLength(first, size, shown);
    const json = Buffer.alloc(n);
    readSync(fd, json, 0, n, 8);
    const header = parseSafetensorsHeader(json, size, shown);
    for (const [k, entry] of header.tensors) {
      if (this.tensors.has(k)) throw new DataInvalidError(`${shown}: tensor ${k} also appears in ${this.tensors.get(k).file}`);
      this.tensors.set(k, { entry, file: name });
    }
  }
  /** The tensor's entry, checked to exist and (when given) to have the shape the caller expects. */
  checkShape(name, shape) {
    const src = this.tensors.get(name);
    if (!src) throw new DataInvalidError(`${this.display}: tensor ${name} is missing from the safetensors files`, { hint: "the weights do not match config.json (wrong directory or an incomplete download?)" });
    if (shape && (shape.length !== src.entry.shape.length || shape.some((d, i) => d !== src.entry.shape[i]))) {
      throw new DataInvalidError(`${this.display}/${src.file}: tensor ${name} has shape [${src.entry.shape.join(", ")}] but config.json implies [${shape.join(", ")}]`, {
        hint: "check config.json (hidden_size, heads, intermediate_size, vocab_size, LoRA r) against the weights"
      });
    }
    return src;
  }
  /** A tensor's values as float32, checked against the shape the caller expects. */
  read(name, shape) {
    const src = this.checkShape(name, shape);
    const where = `${this.display}/${src.file}: tensor ${name}`;
    const bytes = Buffer.allocUnsafeSlow(src.entry.end - src.entry.begin);
    const got = readSync(this.fds.get(src.file), bytes, 0, bytes.length, src.entry.begin);
    if (got !== bytes.length) throw new DataInvalidError(`${where}: read ${got} of ${bytes.length} bytes (truncated)`);
    return decodeToF32(bytes, src.entry.dtype, where);
  }
  close() {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
};

// src/app/model/export-gguf.ts
var EXPORT_TYPES = ["f32", "f16", "bf16", "q8_0", "q4_0"];
function readJson(path, shown) {
  try {
    return JSON.parse(readFileSync2(path, "utf8"));
  } catch (err) {
    throw new DataInvalidError(`${shown}: not valid JSON (${err.message})`);
  }
}
function show(cwd, p) {
  const r = relative(cwd, p);
  return r && !r.startsWith("..") ? r : p;
}
function requireDir(path, shown, what) {
  if (!existsSync2(path)) throw new InputError(`${shown}: no such directory`, { hint: `pass ${what}` });
  if (!statSync(path).isDirectory()) throw new InputError(`${shown} is a file; pass ${what}`);
}
function chatTemplateOf(dir, shown) {
  const p = join2(dir, "tokenizer_config.json");
  if (!existsSync2(p)) return void 0;
  const t = readJson(p, `${shown}/tokenizer_config.json`).chat_template;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return t.find((x) => x.name === "default")?.template;
  return void 0;
}
function tokenizerFor(dir, shown, h) {
  const byte = join2(dir, "llmops_tokenizer.json");
  if (existsSync2(byte)) {
    const spec = parseByteTokenizer(readJson(byte, `${shown}/llmops_tokenizer.json`), `${shown}/llmops_tokenizer.json`);
    if (spec.vocab_size !== h.vocabSize) throw new DataInvalidError(`${shown}/llmops_tokenizer.json: vocab_size ${spec.vocab_size} but config.json has vocab_size ${h.vocabSize}`);
    return { kind: "byte", metadata: byteTokenizerMetadata(spec, chatTemplateOf(dir, shown) ?? REFERENCE_CHAT_TEMPLATE) };
  }
  const cfgPath = join2(dir, "tokenizer_config.json");
  const cfg = existsSync2(cfgPath) ? readJson(cfgPath, `${shown}/tokenizer_config.json`) : {};
  const spm = join2(dir, "tokenizer.model");
  if (existsSync2(spm)) {
    const where = `${shown}/tokenizer.model`;
    const model = parseSentencePieceModel(readFileSync2(spm), where);
    const addedPath = join2(dir, "added_tokens.json");
    const addedTokens = existsSync2(addedPath) ? readJson(addedPath, `${shown}/added_tokens.json`) : {};
    const metadata = sentencePieceMetadata({ model, h, tokenizerConfig: cfg, addedTokens, chatTemplate: chatTemplateOf(dir, shown), where });
    return { kind: "sentencepiece", metadata, caveats: sentencePieceCaveats(model).map((c) => `${where}: ${c}`) };
  }
  const hf = join2(dir, "tokenizer.json");
  if (existsSync2(hf)) {
    const r = hfTokenizerMetadata(readJson(hf, `${shown}/tokenizer.json`), cfg, h, `${shown}/tokenizer.json`, chatTemplateOf(dir, shown));
    return { kind: r.kind, metadata: r.metadata };
  }
  throw new InputError(`${shown}: no tokenizer (llmops_tokenizer.json, tokenizer.model or tokenizer.json)`, { hint: "export needs the tokenizer files next to config.json; the reference trainer writes llmops_tokenizer.json" });
}
function encodingFor(t, type) {
  return t.shape.length === 1 ? "f32" : type;
}
function checkBlocks(tensors) {
  for (const t of tensors) {
    const b = BLOCK[t.encoding].values;
    const row = t.shape[t.shape.length - 1];
    if (row % b) throw new InputError(`tensor ${t.name}: rows of ${row} values are not a multiple of ${b}, the ${t.encoding} block size`, { hint: "export this model as f16, bf16 or f32" });
  }
}
function writeGguf(out, metadata, infos, produce) {
  const layout = layoutGguf(metadata, infos);
  const partial = `${out}.partial`;
  const fd = openSync2(partial, "w");
  const hash = createHash("sha256");
  let written = 0;
  const put = (b) => {
    let o = 0;
    while (o < b.length) o += writeSync(fd, b, o, b.length - o);
    hash.update(b);
    written += b.length;
  };
  try {
    put(layout.header);
    infos.forEach((t, i) => {
      const data = produce(i);
      const slot = layout.tensors[i];
      if (data.length !== slot.size) throw new InternalError(`tensor ${t.name}: encoded ${data.length} bytes, layout expects ${slot.size}`);
      put(data);
      if (slot.padded > slot.size) put(new Uint8Array(slot.padded - slot.size));
    });
    closeSync2(fd);
  } catch (err) {
    closeSync2(fd);
    rmSync(partial, { force: true });
    throw err;
  }
  renameSync(partial, out);
  return { sha256: `sha256:${hash.digest("hex")}`, bytes: written };
}
function loadAdapter(dir, shown) {
  const config = parseLoraConfig(readJson(join2(dir, "adapter_config.json"), `${shown}/adapter_config.json`), `${shown}/adapter_config.json`);
  const weights = new SafetensorsDir(dir, shown, "adapter_model.safetensors", "adapter_model.safetensors.index.json");
  const modules = /* @__PURE__ */ new Map();
  for (const name of weights.tensors.keys()) {
    const m = /^base_model\.model\.(.+)\.lora_([AB])(?:\.default)?\.weight$/.exec(name);
    if (!m) throw new DataInvalidError(`${shown}/adapter_model.safetensors: tensor ${name} is not a LoRA A/B weight`, { hint: "only LoRA adapters on linear layers (no modules_to_save, no DoRA) can be exported" });
    const e = modules.get(m[1]) ?? { a: "", b: "" };
    if (m[2] === "A") e.a = name;
    else e.b = name;
    modules.set(m[1], e);
  }
  for (const [mod, e] of modules) {
    if (!e.a || !e.b) throw new DataInvalidError(`${shown}/adapter_model.safetensors: module ${mod} has lora_${e.a ? "A" : "B"} but no lora_${e.a ? "B" : "A"}`);
    if (!ggufNameFor(mod)) throw new DataInvalidError(`${shown}/adapter_model.safetensors: LoRA on ${mod}, which is not a Llama attention or MLP projection`);
  }
  if (modules.size === 0) throw new DataInvalidError(`${shown}/adapter_model.safetensors: no LoRA weights`);
  return { dir, config, weights, modules };
}
function resolveBase(o, adapter, shown) {
  if (o.base) return resolve(o.cwd, o.base);
  const named = adapter.config.baseModel;
  if (named && existsSync2(join2(resolve(adapter.dir, named), "config.json"))) return resolve(adapter.dir, named);
  throw new InputError(`${shown} is a LoRA adapter whose base model ${named ? JSON.stringify(named) : "(unnamed)"} is not a local directory`, { hint: "pass --base DIR, the base model in HF layout" });
}
async function exportGguf(o) {
  const modelDir = resolve(o.cwd, o.modelDir);
  const shown = show(o.cwd, modelDir);
  requireDir(modelDir, shown, "a model directory in HF layout (config.json + safetensors), e.g. the model/ a training run wrote");
  const isAdapter = existsSync2(join2(modelDir, "adapter_config.json"));
  if (o.asAdapter && !isAdapter) throw new InputError(`--adapter: ${shown} has no adapter_config.json, so it is not a LoRA adapter`, { hint: "drop --adapter to export a full model" });
  if (o.base && !isAdapter) throw new InputError(`--base: ${shown} is a full model, not a LoRA adapter; --base applies to adapters only`);
  if (o.asAdapter && o.type !== "f32" && o.type !== "f16") throw new InputError(`--adapter writes LoRA tensors as f32 or f16, not ${o.type}`);
  const out = resolve(o.cwd, o.out ?? join2(dirname(modelDir), `${basename(modelDir)}-${o.asAdapter ? "lora-" : ""}${o.type}.gguf`));
  if (existsSync2(out) && statSync(out).isDirectory()) throw new InputError(`--out ${show(o.cwd, out)} is a directory; name the .gguf file to write`);
  const workspace = new NodeTrainWorkspace();
  const adapter = isAdapter ? loadAdapter(modelDir, shown) : void 0;
  const baseDir = adapter ? resolveBase(o, adapter, shown) : modelDir;
  const baseShown = show(o.cwd, baseDir);
  requireDir(baseDir, baseShown, "the base model directory");
  const configPath = join2(baseDir, "config.json");
  if (!existsSync2(configPath)) throw new InputError(`${baseShown}: config.json is missing`, { hint: "export takes a model directory in HF layout: config.json and safetensors weights" });
  const h = parseLlamaConfig(readJson(configPath, `${baseShown}/config.json`), `${baseShown}/config.json`);
  const weights = new SafetensorsDir(baseDir, baseShown);
  try {
    let metadata;
    let infos;
    let produce;
    let tokenizer = "none";
    if (adapter && o.asAdapter) {
      ({ metadata, infos, produce } = planAdapterFile(adapter, h, o.type, weights));
    } else {
      const plan = planLlamaTensors(h, weights.tensors.has("lm_head.weight"));
      checkUnknownTensors(weights, plan, baseShown);
      if (!h.tiedEmbeddings && !weights.tensors.has("lm_head.weight")) {
        throw new DataInvalidError(`${baseShown}: tensor lm_head.weight is missing and config.json has tie_word_embeddings false`, { hint: "set tie_word_embeddings: true if the model shares its embedding matrix" });
      }
      const tok = tokenizerFor(baseDir, baseShown, h);
      tokenizer = tok.kind;
      for (const c of tok.caveats ?? []) o.logger.warn(c);
      const name = basename(adapter ? modelDir : baseDir);
      metadata = [...llamaMetadata(h, name, FILE_TYPE[o.type]), ...tok.metadata];
      infos = plan.map((t) => ({ name: t.name, shape: t.shape, encoding: encodingFor(t, o.type) }));
      checkBlocks(infos);
      for (const t of plan) weights.checkShape(t.source, t.shape);
      produce = (i) => {
        const t = plan[i];
        let x = weights.read(t.source, t.shape);
        const mod = t.source.replace(/\.weight$/, "");
        const lora = adapter?.modules.get(mod);
        if (adapter && lora) {
          x = mergeLora(x, t.shape[0], t.shape[1], adapter.weights.read(lora.a), adapter.weights.read(lora.b), adapter.config, `${shown}: ${mod}`);
        }
        if (t.permuteHeads) x = permuteQK(x, t.shape[0], t.shape[1], t.permuteHeads);
        return encodeTensor(infos[i].encoding, x);
      };
      if (adapter) {
        for (const mod of adapter.modules.keys()) if (!plan.some((t) => t.source === `${mod}.weight`)) throw new DataInvalidError(`${shown}: the adapter targets ${mod}, which the base model ${baseShown} does not have`);
      }
    }
    o.logger.info(`export ${shown}${adapter ? ` (LoRA r=${adapter.config.r}${o.asAdapter ? ", as a GGUF adapter" : `, merged into ${baseShown}`})` : ""} \u2192 ${show(o.cwd, out)} (${o.type}, ${infos.length} tensors)`);
    const written = writeGguf(out, metadata, infos, produce);
    const source = await workspace.hashDirectory(baseDir);
    const record = {
      schema: GGUF_EXPORT_SCHEMA,
      gguf: { file: basename(out), bytes: written.bytes, sha256: written.sha256 },
      kind: o.asAdapter ? "lora-adapter" : "model",
      type: o.type,
      architecture: "llama",
      tensors: infos.length,
      parameters: infos.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0),
      tokenizer,
      source: { dir: baseShown, hash: source.hash },
      ...adapter ? { adapter: { dir: shown, hash: (await workspace.hashDirectory(modelDir)).hash, mode: o.asAdapter ? "gguf-adapter" : "merged", r: adapter.config.r, alpha: adapter.config.alpha } } : {},
      llmops_version: VERSION,
      created_at: (/* @__PURE__ */ new Date()).toISOString()
    };
    const recordPath = out.replace(/\.gguf$/, "") + ".export.json";
    writeFileSync(recordPath, ggufExportFormat.serialize(record));
    return { out, recordPath, record };
  } finally {
    weights.close();
    adapter?.weights.close();
  }
}
function checkUnknownTensors(weights, plan, shown) {
  const known = new Set(plan.map((t) => t.source));
  known.add("lm_head.weight");
  const unknown = [...weights.tensors.keys()].filter((k) => !known.has(k) && !k.endsWith("rotary_emb.inv_freq")).sort();
  if (unknown.length) {
    throw new DataInvalidError(`${shown}: ${unknown.length} tensor(s) the Llama architecture in config.json does not use, e.g. ${unknown.slice(0, 3).join(", ")}`, {
      hint: "check num_hidden_layers in config.json, or that this is a plain Llama model (no biases, no extra heads)"
    });
  }
}
function planAdapterFile(adapter, h, type, base) {
  const plan = planLlamaTensors(h, base.tensors.has("lm_head.weight"));
  const entries = [];
  for (const [mod, e] of [...adapter.modules].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) {
    const t = plan.find((p) => p.source === `${mod}.weight`);
    if (!t) throw new DataInvalidError(`${adapter.dir}: the adapter targets ${mod}, which the base model does not have`);
    const name = ggufNameFor(mod);
    const r = adapter.config.r;
    const [outDim, inDim] = t.shape;
    adapter.weights.checkShape(e.a, [r, inDim]);
    adapter.weights.checkShape(e.b, [outDim, r]);
    entries.push({ info: { name: `${name}.lora_a`, shape: [r, inDim], encoding: type }, read: () => adapter.weights.read(e.a, [r, inDim]) });
    entries.push({
      info: { name: `${name}.lora_b`, shape: [outDim, r], encoding: type },
      read: () => {
        const b = adapter.weights.read(e.b, [outDim, r]);
        return t.permuteHeads ? permuteQK(b, outDim, r, t.permuteHeads) : b;
      }
    });
  }
  const metadata = [
    ["general.architecture", { type: "string", value: "llama" }],
    ["general.type", { type: "string", value: "adapter" }],
    ["general.name", { type: "string", value: basename(adapter.dir) }],
    ["general.alignment", { type: "u32", value: 32 }],
    ["general.file_type", { type: "u32", value: FILE_TYPE[type] }],
    ["adapter.type", { type: "string", value: "lora" }],
    // llama.cpp scales by alpha / rank; rsLoRA's alpha / sqrt(rank) is expressed through alpha.
    ["adapter.lora.alpha", { type: "f32", value: adapter.config.rsLora ? adapter.config.alpha * Math.sqrt(adapter.config.r) : adapter.config.alpha }]
  ];
  return { metadata, infos: entries.map((e) => e.info), produce: (i) => encodeTensor(type, entries[i].read()) };
}

// src/app/model/external-quantize.ts
import { existsSync as existsSync3, rmSync as rmSync2, statSync as statSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { basename as basename2, dirname as dirname2, join as join3, resolve as resolve2 } from "node:path";
var EXTERNAL_TYPES = ["q4_k_m", "q4_k_s", "q5_k_m", "q5_k_s", "q6_k", "q3_k_m", "q2_k", "q5_0", "q5_1", "q4_1", "iq4_nl"];
async function externalQuantize(o) {
  if (o.asAdapter) throw new InputError(`--adapter writes LoRA tensors as f32 or f16, not ${o.type}`);
  const tool = o.env.LLMOPS_LLAMA_QUANTIZE ?? "llama-quantize";
  const runner = new NodeProcessRunner(childEnv(o.env));
  const probe = await runner.capture({ program: tool, args: ["--help"], cwd: o.cwd, env: {} }, 3e4);
  if (probe.notFound) {
    throw new ExternalError(`--type ${o.type} needs llama.cpp's llama-quantize, which is not installed (looked for ${JSON.stringify(tool)} on PATH)`, {
      hint: "install llama.cpp (e.g. `brew install llama.cpp`, or build it and put llama-quantize on PATH; set LLMOPS_LLAMA_QUANTIZE=/path/to/llama-quantize), or use --type q8_0 / q4_0, which llmops writes itself"
    });
  }
  const modelDir = resolve2(o.cwd, o.modelDir);
  const out = resolve2(o.cwd, o.out ?? join3(dirname2(modelDir), `${basename2(modelDir)}-${o.type}.gguf`));
  const f16 = `${out}.f16-input.gguf`;
  const first = await exportGguf({ modelDir: o.modelDir, cwd: o.cwd, type: "f16", out: f16, ...o.base ? { base: o.base } : {}, logger: o.logger });
  try {
    o.logger.info(`${tool} ${basename2(f16)} \u2192 ${basename2(out)} (${o.type.toUpperCase()})`);
    const r = await runner.capture({ program: tool, args: [f16, out, o.type.toUpperCase()], cwd: o.cwd, env: {} }, 6 * 36e5);
    if (r.code !== 0) throw new ExternalError(`${tool} failed with exit ${r.code} quantizing to ${o.type.toUpperCase()}: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" / ")}`, { hint: "K-quants need rows divisible by 256; try q8_0 or q4_0 for small models" });
  } finally {
    rmSync2(f16, { force: true });
    rmSync2(first.recordPath, { force: true });
  }
  const record = {
    ...first.record,
    schema: GGUF_EXPORT_SCHEMA,
    gguf: { file: basename2(out), bytes: statSync2(out).size, sha256: `sha256:${await sha256File(out)}` },
    type: o.type,
    // an EXTERNAL_TYPES name; the format checks it before writing
    quantized_by: { tool: basename2(tool), from: "f16" }
  };
  const recordPath = out.replace(/\.gguf$/, "") + ".export.json";
  writeFileSync2(recordPath, ggufExportFormat.serialize(record));
  if (!existsSync3(out)) throw new ExternalError(`${tool} exited 0 but wrote no ${out}`);
  return { out, recordPath, record };
}

// src/app/model/compress.ts
import { existsSync as existsSync4, readFileSync as readFileSync3, readdirSync, renameSync as renameSync2, rmSync as rmSync3, statSync as statSync3, writeFileSync as writeFileSync3 } from "node:fs";
import { basename as basename3, dirname as dirname3, join as join4, relative as relative2, resolve as resolve3 } from "node:path";

// src/core/model/compressor-recipe.ts
var COMPRESS_METHODS = {
  // AWQ's usual 4-bit form is asymmetric with groups of 128 (vLLM's AWQ kernels); GPTQ's is symmetric.
  awq: { modifier: "AWQModifier", schemes: ["W4A16_ASYM", "W4A16"], defaultScheme: "W4A16_ASYM" },
  gptq: { modifier: "GPTQModifier", schemes: ["W4A16", "W8A16", "W8A8", "W4A16_ASYM"], defaultScheme: "W4A16" }
};
function isCompressMethod(s) {
  return Object.hasOwn(COMPRESS_METHODS, s);
}
function parseCompressScheme(method, scheme) {
  const m = COMPRESS_METHODS[method];
  if (scheme === void 0) return m.defaultScheme;
  const s = scheme.toUpperCase();
  if (!m.schemes.includes(s)) throw new InputError(`--scheme ${JSON.stringify(scheme)} is not a ${method.toUpperCase()} scheme; use one of ${m.schemes.join(", ")}`);
  return s;
}
function renderCompressorRecipe(method, scheme) {
  const m = COMPRESS_METHODS[method];
  return [
    `# llm-compressor recipe written by llmops export ${method}`,
    "quant_stage:",
    "  quant_modifiers:",
    `    ${m.modifier}:`,
    `      scheme: ${scheme}`,
    "      targets: [Linear]",
    "      ignore: [lm_head]",
    ""
  ].join("\n");
}

// src/app/model/compress.ts
function show2(cwd, p) {
  const r = relative2(cwd, p);
  return r && !r.startsWith("..") ? r : p;
}
var INSTALL_HINT = "install it into that Python: `pip install llmcompressor` (it brings torch, transformers and datasets; AWQ/GPTQ calibration wants a GPU), or point --python (or $LLMOPS_PYTHON) at a Python that has it; for a CPU-only llama.cpp deployment use `llmops export gguf --type q4_0` or q8_0 instead";
async function probeLlmCompressor(runner, python, cwd, method) {
  const r = await runner.capture({ program: python, args: ["-c", "import llmcompressor, importlib.metadata as m\ntry:\n  print(m.version('llmcompressor'))\nexcept Exception:\n  print(getattr(llmcompressor, '__version__', 'unknown'))"], cwd, env: {} }, 12e4);
  if (r.notFound) throw new ExternalError(`llmops export ${method} runs llm-compressor in Python, and ${JSON.stringify(python)} was not found`, { hint: `install Python 3 and llm-compressor, or pass --python /path/to/python (or set LLMOPS_PYTHON); ${INSTALL_HINT}` });
  if (r.code !== 0) {
    const why = (r.stderr || r.stdout).trim().split("\n").at(-1) ?? `exit ${r.code}`;
    throw new ExternalError(`llmops export ${method} needs llm-compressor, which ${python} cannot import (${why})`, { hint: INSTALL_HINT });
  }
  return r.stdout.trim().split("\n").at(-1) || "unknown";
}
function countRecords(path, shown) {
  const lines = readFileSync3(path, "utf8").split("\n");
  let n = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let rec;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      throw new DataInvalidError(`${shown}:${i + 1}: not valid JSON (${err.message})`, { hint: "the calibration file is JSONL: one JSON object per line" });
    }
    const r = rec;
    const ok = typeof rec === "object" && rec !== null && (typeof r.text === "string" || typeof r.prompt === "string" && typeof r.completion === "string" || typeof r.instruction === "string" && typeof r.output === "string" || Array.isArray(r.messages));
    if (!ok) throw new DataInvalidError(`${shown}:${i + 1}: no text for calibration`, { hint: 'give each line "text", "prompt" + "completion", "instruction" + "output", or chat "messages"' });
    n++;
  });
  if (n === 0) throw new DataInvalidError(`${shown}: no records; AWQ and GPTQ calibrate on sample texts`, { hint: "pass a JSONL file with a few hundred texts like the model's real inputs (e.g. the training data)" });
  return n;
}
async function compressModel(o) {
  const modelDir = resolve3(o.cwd, o.modelDir);
  const shown = show2(o.cwd, modelDir);
  if (!existsSync4(join4(modelDir, "config.json"))) throw new InputError(`${shown}: no config.json; pass a model directory in HF layout (config.json + safetensors)`, { hint: "e.g. the model/ a training run wrote; merge a LoRA adapter into its base first" });
  const calibration = resolve3(o.cwd, o.calibration);
  const calShown = show2(o.cwd, calibration);
  if (!existsSync4(calibration) || !statSync3(calibration).isFile()) throw new InputError(`--calibration ${calShown}: no such file`, { hint: "pass a JSONL file of sample texts (text, prompt+completion, instruction+output or messages per line)" });
  const records = countRecords(calibration, calShown);
  const samples = o.samples ?? 256;
  const maxSeqLength = o.maxSeqLength ?? 512;
  for (const [name, v] of [["--samples", samples], ["--seq-len", maxSeqLength]]) {
    if (!Number.isInteger(v) || v < 1) throw new InputError(`${name} must be a positive integer, got ${v}`);
  }
  const scheme = o.recipe ? "recipe" : parseCompressScheme(o.method, o.scheme);
  if (o.recipe && o.scheme) throw new InputError("--scheme and --recipe both set: the recipe names its own scheme", { hint: "drop one of them" });
  const out = resolve3(o.cwd, o.out ?? join4(dirname3(modelDir), `${basename3(modelDir)}-${o.method}`));
  const outShown = show2(o.cwd, out);
  if (existsSync4(out)) throw new InputError(`--out ${outShown} already exists`, { hint: "remove it or pass another --out; llmops does not overwrite a quantized model" });
  const python = o.python ?? o.env.LLMOPS_PYTHON ?? "python3";
  const runner = new NodeProcessRunner(childEnv(o.env));
  const version = await probeLlmCompressor(runner, python, o.cwd, o.method);
  const recipePath = o.recipe ? resolve3(o.cwd, o.recipe) : `${out}.recipe.yaml`;
  if (o.recipe && !existsSync4(recipePath)) throw new InputError(`--recipe ${show2(o.cwd, recipePath)}: no such file`);
  if (!o.recipe) writeFileSync3(recipePath, renderCompressorRecipe(o.method, scheme));
  const partial = `${out}.partial`;
  rmSync3(partial, { recursive: true, force: true });
  const args = [locatePackageFile("trainers/llm-compressor/oneshot.py"), "--model", modelDir, "--recipe", recipePath, "--output-dir", partial, "--calibration", calibration, "--samples", String(samples), "--max-seq-length", String(maxSeqLength)];
  o.logger.info(`llm-compressor ${version} (${python}): ${o.method.toUpperCase()} ${scheme} on ${shown} \u2192 ${outShown} (${Math.min(samples, records)} calibration texts of \u2264 ${maxSeqLength} tokens)`);
  let quantMethod;
  try {
    const proc = runner.start({ program: python, args, cwd: o.cwd, env: {} });
    const tail = [];
    proc.onLine((line) => {
      o.logger.info(line);
      tail.push(line);
      if (tail.length > 5) tail.shift();
    });
    const exit = await proc.exit;
    if (exit.code !== 0) {
      throw new ProcessExitError(`llm-compressor (${python} ${basename3(args[0])}) ${exit.signal ? `was killed by ${exit.signal}` : `exited ${exit.code}`} quantizing ${shown}: ${tail.join(" / ")}`, exit.code, exit.signal);
    }
    quantMethod = checkOutput(partial, outShown);
    renameSync2(partial, out);
  } catch (err) {
    rmSync3(partial, { recursive: true, force: true });
    if (!o.recipe) rmSync3(recipePath, { force: true });
    throw err;
  }
  const ws = new NodeTrainWorkspace();
  const record = {
    schema: COMPRESSED_EXPORT_SCHEMA,
    method: o.method,
    scheme,
    recipe: { file: show2(o.cwd, recipePath), sha256: `sha256:${await sha256File(recipePath)}` },
    calibration: { file: calShown, sha256: `sha256:${await sha256File(calibration)}`, records, samples: Math.min(samples, records), max_seq_length: maxSeqLength },
    tool: { name: "llm-compressor", version, python },
    source: { dir: shown, hash: (await ws.hashDirectory(modelDir)).hash },
    output: { dir: outShown, hash: (await ws.hashDirectory(out)).hash, quant_method: quantMethod },
    llmops_version: VERSION,
    created_at: (/* @__PURE__ */ new Date()).toISOString()
  };
  const recordPath = `${out}.export.json`;
  writeFileSync3(recordPath, compressedExportFormat.serialize(record));
  return { out, recordPath, record };
}
function checkOutput(dir, shown) {
  const cfgPath = join4(dir, "config.json");
  if (!existsSync4(cfgPath)) throw new ExternalError(`llm-compressor exited 0 but wrote no ${shown}/config.json`, { hint: "check its log above; the output directory is left out" });
  let qc;
  try {
    qc = JSON.parse(readFileSync3(cfgPath, "utf8")).quantization_config;
  } catch (err) {
    throw new ExternalError(`llm-compressor wrote ${shown}/config.json that is not JSON (${err.message})`);
  }
  if (!qc || typeof qc.quant_method !== "string") throw new ExternalError(`llm-compressor exited 0 but ${shown}/config.json has no quantization_config: the model was not quantized`, { hint: "check the recipe and the log above" });
  if (!readdirSync(dir).some((f) => f.endsWith(".safetensors"))) throw new ExternalError(`llm-compressor exited 0 but wrote no safetensors weights in ${shown}`);
  return qc.quant_method;
}

// src/cli/commands/export.ts
var exportCommand = {
  name: "export",
  maxPositionals: 2,
  summary: "export a model as GGUF (f32, f16, bf16, q8_0, q4_0; K-quants via llama-quantize), or AWQ/GPTQ via llm-compressor",
  help: `
usage: llmops export gguf <model-dir> [options]

Writes a Llama-architecture model in HF layout (config.json, safetensors
weights \u2014 one file or shards \u2014 and llmops_tokenizer.json, a SentencePiece
tokenizer.model or a byte-level BPE tokenizer.json) as a GGUF file that llama.cpp, Ollama and "llmops serve" load.
Streams tensor by tensor. Writes <out minus .gguf>.export.json beside it:
the source model's hash, the file's sha256, type, tensor and parameter counts.

A PEFT LoRA adapter directory (adapter_config.json) is merged into its base
model, or written as a GGUF LoRA adapter with --adapter (serve loads it with
"llmops serve base.gguf --adapter FILE").

options:
  --type T        f32, f16 (default), bf16, q8_0, q4_0 \u2014 written here, identical to
                  llama.cpp's reference quantizer; q4_k_m, q5_k_m, q6_k and other
                  llama.cpp types run the installed llama-quantize on an f16 export
  --out FILE      the .gguf to write (default <model-dir>-<type>.gguf beside the model)
  --base DIR      the base model of a LoRA adapter (default its base_model_name_or_path)
  --adapter       write a LoRA adapter as a GGUF adapter instead of merging it
  --json          print the export record as JSON on stdout
  -q, --quiet     no log lines
  -h, --help      this help

usage: llmops export awq|gptq <model-dir> --calibration FILE.jsonl [options]

Quantizes a model in HF layout with llm-compressor (vLLM's quantization
library), run in the configured Python: llmops writes the recipe, launches
the tool and writes <out>.export.json beside the directory it produces (HF
layout with a compressed-tensors quantization_config, which vLLM serves).
Without llm-compressor in that Python it stops and says what to install.

options:
  --calibration F JSONL sample texts: text, prompt+completion, instruction+output
                  or messages per line (required)
  --scheme S      awq: W4A16_ASYM (default), W4A16; gptq: W4A16 (default),
                  W8A16, W8A8, W4A16_ASYM
  --recipe FILE   an llm-compressor recipe to use instead of the scheme's
  --samples N     calibration texts to use (default 256)
  --seq-len N     tokens per calibration text (default 512)
  --python PY     the Python with llm-compressor (default $LLMOPS_PYTHON, else python3)
  --out DIR       default <model-dir>-awq / <model-dir>-gptq beside the model
  --json          print the record as JSON on stdout
`,
  options: {
    type: { type: "string" },
    out: { type: "string" },
    base: { type: "string" },
    adapter: { type: "boolean" },
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    calibration: { type: "string" },
    scheme: { type: "string" },
    recipe: { type: "string" },
    samples: { type: "string" },
    "seq-len": { type: "string" },
    python: { type: "string" }
  },
  async run(ctx, { values, positionals }) {
    const format = requirePositional(this, positionals, 'the format ("gguf")');
    if (format !== "gguf" && !isCompressMethod(format)) throw new InputError(`llmops export: unknown format ${JSON.stringify(format)}; the formats are "gguf", "awq" and "gptq"`, { hint: "usage: llmops export gguf <model-dir> [--type f16]" });
    const modelDir = requirePositional(this, positionals, "the model directory (e.g. .llmops/train/tiny-sft/model)", 1);
    if (isCompressMethod(format)) return runCompress(ctx, format, modelDir, values);
    for (const k of ["calibration", "scheme", "recipe", "samples", "seq-len", "python"]) {
      if (values[k] !== void 0) throw new InputError(`--${k} applies to llmops export awq|gptq, not gguf`);
    }
    const type = (values.type ?? "f16").toLowerCase();
    const common = {
      modelDir,
      cwd: ctx.cwd,
      ...values.out ? { out: values.out } : {},
      ...values.base ? { base: values.base } : {},
      asAdapter: Boolean(values.adapter),
      logger: ctx.logger
    };
    let result;
    if (EXPORT_TYPES.includes(type)) {
      result = await exportGguf({ ...common, type });
    } else if (EXTERNAL_TYPES.includes(type)) {
      result = await externalQuantize({ ...common, type, env: ctx.env });
    } else if (type === "awq" || type === "gptq") {
      throw new InputError(`--type ${type}: AWQ and GPTQ are not GGUF types; llama.cpp cannot load them`, {
        hint: `quantize for vLLM with \`llmops export ${type} <model-dir> --calibration FILE.jsonl\` (llm-compressor); for llama.cpp use q4_k_m (llama-quantize), q4_0 or q8_0`
      });
    } else {
      throw new InputError(`--type must be one of ${[...EXPORT_TYPES, ...EXTERNAL_TYPES].join(", ")}, got ${JSON.stringify(values.type)}`);
    }
    if (values.json) ctx.printJson({ out: result.out, record_path: result.recordPath, ...result.record });
    else {
      const r = result.record;
      ctx.stdout.write(
        `wrote ${displayPath(ctx, result.out)} (${r.type}, ${r.tensors} tensors, ${r.parameters.toLocaleString("en")} parameters, ${(r.gguf.bytes / 1e6).toFixed(2)} MB)
${r.gguf.sha256}
record ${displayPath(ctx, result.recordPath)}
`
      );
    }
    return 0;
  }
};
function positiveInt(v, name) {
  if (v === void 0) return void 0;
  const n = Number(v);
  if (!/^\d+$/.test(String(v)) || n < 1) throw new InputError(`${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}
async function runCompress(ctx, method, modelDir, values) {
  if (values.type !== void 0 || values.adapter || values.base !== void 0) throw new InputError(`--type, --base and --adapter apply to llmops export gguf, not ${method}`);
  if (typeof values.calibration !== "string") throw new InputError(`llmops export ${method}: --calibration FILE.jsonl is required (AWQ and GPTQ calibrate on sample texts)`, { hint: "pass a JSONL file with a few hundred texts like the model's inputs, e.g. the training data" });
  const samples = positiveInt(values.samples, "--samples");
  const maxSeqLength = positiveInt(values["seq-len"], "--seq-len");
  const r = await compressModel({
    method,
    modelDir,
    cwd: ctx.cwd,
    calibration: values.calibration,
    ...typeof values.scheme === "string" ? { scheme: values.scheme } : {},
    ...typeof values.recipe === "string" ? { recipe: values.recipe } : {},
    ...samples !== void 0 ? { samples } : {},
    ...maxSeqLength !== void 0 ? { maxSeqLength } : {},
    ...typeof values.out === "string" ? { out: values.out } : {},
    ...typeof values.python === "string" ? { python: values.python } : {},
    env: ctx.env,
    logger: ctx.logger
  });
  if (values.json) ctx.printJson({ out: r.out, record_path: r.recordPath, ...r.record });
  else ctx.stdout.write(`wrote ${displayPath(ctx, r.out)} (${method.toUpperCase()} ${r.record.scheme}, llm-compressor ${r.record.tool.version}; ${r.record.output.quant_method})
${r.record.output.hash}
record ${displayPath(ctx, r.recordPath)}
`);
  return 0;
}
export {
  exportCommand
};
