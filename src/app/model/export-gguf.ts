// `llmops export gguf`: a Llama model in HF layout (or a PEFT LoRA adapter on one) → a GGUF file that
// llama.cpp loads, streamed tensor by tensor, with an export record (llmops.gguf-export/v1) beside it.
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { ggufExportFormat } from "../../core/contracts/added-formats.js";
import { GGUF_EXPORT_SCHEMA, type GgufExport } from "../../core/contracts/gguf-export.js";
import { layoutGguf, type GgufMetadata, type GgufTensorInfo } from "../../core/model/gguf.js";
import { ggufNameFor, llamaMetadata, parseLlamaConfig, permuteQK, planLlamaTensors, type LlamaHparams, type PlannedTensor } from "../../core/model/llama.js";
import { mergeLora, parseLoraConfig, type LoraConfig } from "../../core/model/lora.js";
import { BLOCK, FILE_TYPE, encodeTensor, type TensorEncoding } from "../../core/model/quantize.js";
import { REFERENCE_CHAT_TEMPLATE, byteTokenizerMetadata, parseByteTokenizer } from "../../core/model/tokenizer-meta.js";
import { hfTokenizerMetadata } from "../../core/model/hf-tokenizer.js";
import { parseSentencePieceModel, sentencePieceCaveats, sentencePieceMetadata } from "../../core/model/sentencepiece.js";
import type { Logger } from "../../core/ports/index.js";
import { DataInvalidError, InputError, InternalError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { NodeTrainWorkspace } from "../../adapters/fs/node-train-workspace.js";
import { SafetensorsDir } from "./safetensors-files.js";

export const EXPORT_TYPES = ["f32", "f16", "bf16", "q8_0", "q4_0"] as const;

export interface ExportGgufOptions {
  modelDir: string;
  cwd: string;
  type: TensorEncoding;
  out?: string;
  /** Base model directory for a LoRA adapter (default: the adapter's base_model_name_or_path). */
  base?: string;
  /** Write a LoRA adapter as a GGUF adapter instead of merging it into its base. */
  asAdapter?: boolean;
  logger: Logger;
}

export interface ExportGgufResult {
  out: string;
  recordPath: string;
  record: GgufExport;
}

function readJson(path: string, shown: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new DataInvalidError(`${shown}: not valid JSON (${(err as Error).message})`);
  }
}

function show(cwd: string, p: string): string {
  const r = relative(cwd, p);
  return r && !r.startsWith("..") ? r : p;
}

function requireDir(path: string, shown: string, what: string): void {
  if (!existsSync(path)) throw new InputError(`${shown}: no such directory`, { hint: `pass ${what}` });
  if (!statSync(path).isDirectory()) throw new InputError(`${shown} is a file; pass ${what}`);
}

interface TokenizerChoice {
  kind: GgufExport["tokenizer"];
  metadata: GgufMetadata;
  /** What llama.cpp will not reproduce of this tokenizer (logged as warnings). */
  caveats?: string[];
}

function chatTemplateOf(dir: string, shown: string): string | undefined {
  const p = join(dir, "tokenizer_config.json");
  if (!existsSync(p)) return undefined;
  const t = (readJson(p, `${shown}/tokenizer_config.json`) as { chat_template?: unknown }).chat_template;
  if (typeof t === "string") return t;
  // Newer files may hold a list of named templates; llama.cpp's default is the one named "default".
  if (Array.isArray(t)) return (t.find((x) => (x as { name?: string }).name === "default") as { template?: string } | undefined)?.template;
  return undefined;
}

function tokenizerFor(dir: string, shown: string, h: LlamaHparams): TokenizerChoice {
  const byte = join(dir, "llmops_tokenizer.json");
  if (existsSync(byte)) {
    const spec = parseByteTokenizer(readJson(byte, `${shown}/llmops_tokenizer.json`), `${shown}/llmops_tokenizer.json`);
    if (spec.vocab_size !== h.vocabSize) throw new DataInvalidError(`${shown}/llmops_tokenizer.json: vocab_size ${spec.vocab_size} but config.json has vocab_size ${h.vocabSize}`);
    return { kind: "byte", metadata: byteTokenizerMetadata(spec, chatTemplateOf(dir, shown) ?? REFERENCE_CHAT_TEMPLATE) };
  }
  const cfgPath = join(dir, "tokenizer_config.json");
  const cfg = existsSync(cfgPath) ? (readJson(cfgPath, `${shown}/tokenizer_config.json`) as Record<string, unknown>) : {};
  // Like llama.cpp's converter for Llama models: a SentencePiece model wins over a tokenizer.json beside it
  // (LlamaTokenizerFast's tokenizer.json is a conversion of the same tokenizer.model).
  const spm = join(dir, "tokenizer.model");
  if (existsSync(spm)) {
    const where = `${shown}/tokenizer.model`;
    const model = parseSentencePieceModel(readFileSync(spm), where);
    const addedPath = join(dir, "added_tokens.json");
    const addedTokens = existsSync(addedPath) ? (readJson(addedPath, `${shown}/added_tokens.json`) as Record<string, number>) : {};
    const metadata = sentencePieceMetadata({ model, h, tokenizerConfig: cfg, addedTokens, chatTemplate: chatTemplateOf(dir, shown), where });
    return { kind: "sentencepiece", metadata, caveats: sentencePieceCaveats(model).map((c) => `${where}: ${c}`) };
  }
  const hf = join(dir, "tokenizer.json");
  if (existsSync(hf)) {
    const r = hfTokenizerMetadata(readJson(hf, `${shown}/tokenizer.json`), cfg, h, `${shown}/tokenizer.json`, chatTemplateOf(dir, shown));
    return { kind: r.kind, metadata: r.metadata };
  }
  throw new InputError(`${shown}: no tokenizer (llmops_tokenizer.json, tokenizer.model or tokenizer.json)`, { hint: "export needs the tokenizer files next to config.json; the reference trainer writes llmops_tokenizer.json" });
}

function encodingFor(t: PlannedTensor, type: TensorEncoding): TensorEncoding {
  // Norm vectors stay F32 in every llama.cpp file type (they are tiny and precision-sensitive).
  return t.shape.length === 1 ? "f32" : type;
}

function checkBlocks(tensors: readonly { name: string; shape: readonly number[]; encoding: TensorEncoding }[]): void {
  for (const t of tensors) {
    const b = BLOCK[t.encoding].values;
    const row = t.shape[t.shape.length - 1]!;
    if (row % b) throw new InputError(`tensor ${t.name}: rows of ${row} values are not a multiple of ${b}, the ${t.encoding} block size`, { hint: "export this model as f16, bf16 or f32" });
  }
}

/** Stream the header and each tensor's bytes to `<out>.partial`, hashing as it goes; rename at the end. */
function writeGguf(out: string, metadata: GgufMetadata, infos: GgufTensorInfo[], produce: (i: number) => Uint8Array): { sha256: string; bytes: number } {
  const layout = layoutGguf(metadata, infos);
  const partial = `${out}.partial`;
  const fd = openSync(partial, "w");
  const hash = createHash("sha256");
  let written = 0;
  const put = (b: Uint8Array) => {
    let o = 0;
    while (o < b.length) o += writeSync(fd, b, o, b.length - o);
    hash.update(b);
    written += b.length;
  };
  try {
    put(layout.header);
    infos.forEach((t, i) => {
      const data = produce(i);
      const slot = layout.tensors[i]!;
      if (data.length !== slot.size) throw new InternalError(`tensor ${t.name}: encoded ${data.length} bytes, layout expects ${slot.size}`);
      put(data);
      if (slot.padded > slot.size) put(new Uint8Array(slot.padded - slot.size));
    });
    closeSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw err;
  }
  renameSync(partial, out);
  return { sha256: `sha256:${hash.digest("hex")}`, bytes: written };
}

interface LoadedAdapter {
  dir: string;
  config: LoraConfig;
  weights: SafetensorsDir;
  /** HF module name (model.layers.0.self_attn.q_proj) → A and B tensor names. */
  modules: Map<string, { a: string; b: string }>;
}

function loadAdapter(dir: string, shown: string): LoadedAdapter {
  const config = parseLoraConfig(readJson(join(dir, "adapter_config.json"), `${shown}/adapter_config.json`), `${shown}/adapter_config.json`);
  const weights = new SafetensorsDir(dir, shown, "adapter_model.safetensors", "adapter_model.safetensors.index.json");
  const modules = new Map<string, { a: string; b: string }>();
  for (const name of weights.tensors.keys()) {
    const m = /^base_model\.model\.(.+)\.lora_([AB])(?:\.default)?\.weight$/.exec(name);
    if (!m) throw new DataInvalidError(`${shown}/adapter_model.safetensors: tensor ${name} is not a LoRA A/B weight`, { hint: "only LoRA adapters on linear layers (no modules_to_save, no DoRA) can be exported" });
    const e = modules.get(m[1]!) ?? { a: "", b: "" };
    if (m[2] === "A") e.a = name;
    else e.b = name;
    modules.set(m[1]!, e);
  }
  for (const [mod, e] of modules) {
    if (!e.a || !e.b) throw new DataInvalidError(`${shown}/adapter_model.safetensors: module ${mod} has lora_${e.a ? "A" : "B"} but no lora_${e.a ? "B" : "A"}`);
    if (!ggufNameFor(mod)) throw new DataInvalidError(`${shown}/adapter_model.safetensors: LoRA on ${mod}, which is not a Llama attention or MLP projection`);
  }
  if (modules.size === 0) throw new DataInvalidError(`${shown}/adapter_model.safetensors: no LoRA weights`);
  return { dir, config, weights, modules };
}

function resolveBase(o: ExportGgufOptions, adapter: LoadedAdapter, shown: string): string {
  if (o.base) return resolve(o.cwd, o.base);
  const named = adapter.config.baseModel;
  if (named && existsSync(join(resolve(adapter.dir, named), "config.json"))) return resolve(adapter.dir, named);
  throw new InputError(`${shown} is a LoRA adapter whose base model ${named ? JSON.stringify(named) : "(unnamed)"} is not a local directory`, { hint: "pass --base DIR, the base model in HF layout" });
}

export async function exportGguf(o: ExportGgufOptions): Promise<ExportGgufResult> {
  const modelDir = resolve(o.cwd, o.modelDir);
  const shown = show(o.cwd, modelDir);
  requireDir(modelDir, shown, "a model directory in HF layout (config.json + safetensors), e.g. the model/ a training run wrote");
  const isAdapter = existsSync(join(modelDir, "adapter_config.json"));
  if (o.asAdapter && !isAdapter) throw new InputError(`--adapter: ${shown} has no adapter_config.json, so it is not a LoRA adapter`, { hint: "drop --adapter to export a full model" });
  if (o.base && !isAdapter) throw new InputError(`--base: ${shown} is a full model, not a LoRA adapter; --base applies to adapters only`);
  if (o.asAdapter && o.type !== "f32" && o.type !== "f16") throw new InputError(`--adapter writes LoRA tensors as f32 or f16, not ${o.type}`);
  const out = resolve(o.cwd, o.out ?? join(dirname(modelDir), `${basename(modelDir)}-${o.asAdapter ? "lora-" : ""}${o.type}.gguf`));
  if (existsSync(out) && statSync(out).isDirectory()) throw new InputError(`--out ${show(o.cwd, out)} is a directory; name the .gguf file to write`);
  const workspace = new NodeTrainWorkspace();

  const adapter = isAdapter ? loadAdapter(modelDir, shown) : undefined;
  const baseDir = adapter ? resolveBase(o, adapter, shown) : modelDir;
  const baseShown = show(o.cwd, baseDir);
  requireDir(baseDir, baseShown, "the base model directory");
  const configPath = join(baseDir, "config.json");
  if (!existsSync(configPath)) throw new InputError(`${baseShown}: config.json is missing`, { hint: "export takes a model directory in HF layout: config.json and safetensors weights" });
  const h = parseLlamaConfig(readJson(configPath, `${baseShown}/config.json`), `${baseShown}/config.json`);
  const weights = new SafetensorsDir(baseDir, baseShown);
  try {
    let metadata: GgufMetadata;
    let infos: GgufTensorInfo[];
    let produce: (i: number) => Uint8Array;
    let tokenizer: GgufExport["tokenizer"] = "none";
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
      // Check every shape before writing a byte, so a wrong config fails fast, naming the tensor.
      for (const t of plan) weights.checkShape(t.source, t.shape);
      produce = (i) => {
        const t = plan[i]!;
        let x = weights.read(t.source, t.shape);
        const mod = t.source.replace(/\.weight$/, "");
        const lora = adapter?.modules.get(mod);
        if (adapter && lora) {
          x = mergeLora(x, t.shape[0]!, t.shape[1]!, adapter.weights.read(lora.a), adapter.weights.read(lora.b), adapter.config, `${shown}: ${mod}`);
        }
        if (t.permuteHeads) x = permuteQK(x, t.shape[0]!, t.shape[1]!, t.permuteHeads);
        return encodeTensor(infos[i]!.encoding, x);
      };
      if (adapter) {
        for (const mod of adapter.modules.keys()) if (!plan.some((t) => t.source === `${mod}.weight`)) throw new DataInvalidError(`${shown}: the adapter targets ${mod}, which the base model ${baseShown} does not have`);
      }
    }
    o.logger.info(`export ${shown}${adapter ? ` (LoRA r=${adapter.config.r}${o.asAdapter ? ", as a GGUF adapter" : `, merged into ${baseShown}`})` : ""} → ${show(o.cwd, out)} (${o.type}, ${infos.length} tensors)`);
    const written = writeGguf(out, metadata, infos, produce);
    const source = await workspace.hashDirectory(baseDir);
    const record: GgufExport = {
      schema: GGUF_EXPORT_SCHEMA,
      gguf: { file: basename(out), bytes: written.bytes, sha256: written.sha256 },
      kind: o.asAdapter ? "lora-adapter" : "model",
      type: o.type,
      architecture: "llama",
      tensors: infos.length,
      parameters: infos.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0),
      tokenizer,
      source: { dir: baseShown, hash: source.hash },
      ...(adapter
        ? { adapter: { dir: shown, hash: (await workspace.hashDirectory(modelDir)).hash, mode: o.asAdapter ? "gguf-adapter" : "merged", r: adapter.config.r, alpha: adapter.config.alpha } }
        : {}),
      llmops_version: VERSION,
      created_at: new Date().toISOString(),
    };
    const recordPath = out.replace(/\.gguf$/, "") + ".export.json";
    writeFileSync(recordPath, ggufExportFormat.serialize(record));
    return { out, recordPath, record };
  } finally {
    weights.close();
    adapter?.weights.close();
  }
}

function checkUnknownTensors(weights: SafetensorsDir, plan: readonly PlannedTensor[], shown: string): void {
  const known = new Set(plan.map((t) => t.source));
  known.add("lm_head.weight");
  const unknown = [...weights.tensors.keys()].filter((k) => !known.has(k) && !k.endsWith("rotary_emb.inv_freq")).sort();
  if (unknown.length) {
    throw new DataInvalidError(`${shown}: ${unknown.length} tensor(s) the Llama architecture in config.json does not use, e.g. ${unknown.slice(0, 3).join(", ")}`, {
      hint: "check num_hidden_layers in config.json, or that this is a plain Llama model (no biases, no extra heads)",
    });
  }
}

/** A GGUF LoRA adapter as llama.cpp loads it beside its base: <tensor>.lora_a [r, in], .lora_b [out, r]. */
function planAdapterFile(adapter: LoadedAdapter, h: LlamaHparams, type: TensorEncoding, base: SafetensorsDir) {
  const plan = planLlamaTensors(h, base.tensors.has("lm_head.weight"));
  const entries: { info: GgufTensorInfo; read: () => Float32Array }[] = [];
  for (const [mod, e] of [...adapter.modules].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) {
    const t = plan.find((p) => p.source === `${mod}.weight`);
    if (!t) throw new DataInvalidError(`${adapter.dir}: the adapter targets ${mod}, which the base model does not have`);
    const name = ggufNameFor(mod)!;
    const r = adapter.config.r;
    const [outDim, inDim] = t.shape as [number, number];
    adapter.weights.checkShape(e.a, [r, inDim]);
    adapter.weights.checkShape(e.b, [outDim, r]);
    entries.push({ info: { name: `${name}.lora_a`, shape: [r, inDim], encoding: type }, read: () => adapter.weights.read(e.a, [r, inDim]) });
    // The rows of B are the output rows Q/K permute; A is untouched.
    entries.push({
      info: { name: `${name}.lora_b`, shape: [outDim, r], encoding: type },
      read: () => {
        const b = adapter.weights.read(e.b, [outDim, r]);
        return t.permuteHeads ? permuteQK(b, outDim, r, t.permuteHeads) : b;
      },
    });
  }
  const metadata: GgufMetadata = [
    ["general.architecture", { type: "string", value: "llama" }],
    ["general.type", { type: "string", value: "adapter" }],
    ["general.name", { type: "string", value: basename(adapter.dir) }],
    ["general.alignment", { type: "u32", value: 32 }],
    ["general.file_type", { type: "u32", value: FILE_TYPE[type] }],
    ["adapter.type", { type: "string", value: "lora" }],
    // llama.cpp scales by alpha / rank; rsLoRA's alpha / sqrt(rank) is expressed through alpha.
    ["adapter.lora.alpha", { type: "f32", value: adapter.config.rsLora ? adapter.config.alpha * Math.sqrt(adapter.config.r) : adapter.config.alpha }],
  ];
  return { metadata, infos: entries.map((e) => e.info), produce: (i: number) => encodeTensor(type, entries[i]!.read()) };
}
