#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  loadPromptFile
} from "./chunk-IHXCPMQT.js";
import {
  parseCaseLine,
  toCase
} from "./chunk-VDGZRTH7.js";
import {
  sha256File
} from "./chunk-54ENXB6H.js";
import {
  safeNameSchema
} from "./chunk-LXJ4T7MW.js";
import {
  DigestIndex,
  PAIRWISE_CATEGORIES,
  apiKeyEnvSchema,
  createScorers,
  gatePolicySchema,
  planMargins,
  scorerConfigSchema
} from "./chunk-ASXT7JKO.js";
import {
  sha256
} from "./chunk-NL2CYBYI.js";
import {
  parseYamlSource,
  validateConfig
} from "./chunk-UO2TN4KU.js";
import {
  stableStringify
} from "./chunk-KHVKHKQQ.js";
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  didYouMean
} from "./chunk-XQ6Z47X5.js";
import {
  ConfigError,
  DataInvalidError,
  InputError
} from "./chunk-LXVW643N.js";

// src/core/eval/case-set.ts
var MAX_NAMED_DUPLICATES = 1e3;
async function* take(source, n) {
  if (n === void 0) return yield* source;
  if (n <= 0) return;
  let i = 0;
  for await (const x of source) {
    yield x;
    if (++i >= n) return;
  }
}
async function scanCases(read) {
  const ids = new DigestIndex();
  const inputs = new DigestIndex();
  const inputSuspects = [];
  let moreInputs = 0;
  let count = 0;
  for await (const c of read()) {
    const i = count++;
    const prevId = ids.setIfAbsent(c.id, i);
    const prevInput = inputs.setIfAbsent(inputKey(c), i);
    if (prevInput >= 0) {
      if (inputSuspects.length < MAX_NAMED_DUPLICATES) inputSuspects.push([prevInput, i]);
      else moreInputs++;
    }
    if (prevId >= 0) await refuseDuplicateId(read, [prevId, i]);
  }
  const warnings = await confirmInputs(read, inputSuspects);
  if (moreInputs > 0) warnings.push(`\u2026 and up to ${moreInputs} more case(s) with an input seen earlier (not named; confirm with llmops data dedupe)`);
  return { set: { stream: read, count, ids }, warnings };
}
function inputKey(c) {
  return stableStringify({ input: c.input ?? null, vars: c.vars });
}
var where = (c, i) => c.where ?? `case ${i + 1}`;
async function casesAt(read, indices) {
  const want = new Set(indices);
  const last = Math.max(-1, ...want);
  const out = /* @__PURE__ */ new Map();
  let i = 0;
  for await (const c of read()) {
    if (want.has(i)) out.set(i, c);
    if (++i > last) break;
  }
  return out;
}
async function refuseDuplicateId(read, [a, b]) {
  const found = await casesAt(read, [a, b]);
  const first = found.get(a);
  const second = found.get(b);
  if (first.id === second.id) {
    throw new ConfigError(`${where(second, b)}: duplicate case id "${second.id}" (first at ${where(first, a)})`, { hint: "case ids must be unique: results are paired across runs by id" });
  }
  throw new ConfigError(`${where(second, b)}: case ids "${second.id}" and "${first.id}" (${where(first, a)}) share a 64-bit digest (odds about 1 in 10\xB9\u2070 at a million cases)`, { hint: "rename one of the two cases" });
}
async function confirmInputs(read, suspects) {
  if (suspects.length === 0) return [];
  const found = await casesAt(read, suspects.flat());
  const out = [];
  for (const [a, b] of suspects) {
    const first = found.get(a);
    const second = found.get(b);
    if (inputKey(first) !== inputKey(second)) continue;
    out.push(`${where(second, b)}: case "${second.id}" has the same input as case "${first.id}" (${where(first, a)}); it is asked twice and counts twice in every mean \u2014 remove or change one`);
  }
  return out;
}
async function caseSetOf(cases) {
  return scanCases(async function* () {
    yield* cases;
  });
}
async function collectCases(set, limit) {
  const out = [];
  for await (const c of take(set.stream(), limit)) out.push(c);
  return out;
}

// src/app/eval/load-suite.ts
import { existsSync as existsSync2, readFileSync as readFileSync2, realpathSync, statSync as statSync2 } from "node:fs";
import { dirname as dirname2, relative as relative2, resolve as resolve2, sep } from "node:path";

// src/app/eval/case-files.ts
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
function caseFileReader(path, shown) {
  const lower = path.toLowerCase();
  if (lower.endsWith(".parquet")) return () => parquetCases(path, shown);
  if (lower.endsWith(".gz")) return () => jsonlCases(path, shown, true);
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) return () => jsonlCases(path, shown, false);
  throw new ConfigError(`${shown}: unsupported cases file type "${extname(path)}"`, { hint: "use .jsonl, .jsonl.gz or .parquet" });
}
async function* jsonlCases(path, shown, gzip) {
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  const source = gzip ? file.pipe(createGunzip()) : file;
  if (gzip) file.on("error", (err) => source.destroy(err));
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let lineNo = 0;
  try {
    for await (const chunk of source) {
      const parts = (rest + decoder.write(chunk)).split("\n");
      rest = parts.pop();
      for (const line of parts) {
        const c2 = parseCaseLine(line, shown, ++lineNo);
        if (c2) yield c2;
      }
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(gzip ? `${shown}: not valid gzip: ${why}` : `${shown}: could not be read: ${why}`);
  } finally {
    source.destroy();
    file.destroy();
  }
  rest += decoder.end();
  const c = parseCaseLine(rest, shown, ++lineNo);
  if (c) yield c;
}
async function* parquetCases(path, shown) {
  const { parquetMetadataAsync, parquetReadObjects } = await import("./node-FKVVARKN.js");
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    const file = {
      byteLength: size,
      async slice(start, end) {
        const stop = Math.min(end ?? size, size);
        const buf = Buffer.alloc(Math.max(0, stop - start));
        await fh.read(buf, 0, buf.length, start);
        return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
      }
    };
    const fail = (err) => {
      throw new ConfigError(`${shown}: not a readable Parquet file: ${err instanceof Error ? err.message : String(err)}`);
    };
    const metadata = await parquetMetadataAsync(file).catch(fail);
    let row = 0;
    for (const group of metadata.row_groups) {
      const n = Number(group.num_rows);
      const rows = await parquetReadObjects({ file, metadata, rowStart: row, rowEnd: row + n }).catch(fail);
      for (let i = 0; i < rows.length; i++) yield parquetCase(rows[i], `${shown} row ${row + i}`);
      row += n;
    }
  } finally {
    await fh.close();
  }
}
function parquetCase(row, where2) {
  const o = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== void 0) o[k] = typeof v === "bigint" ? Number(v) : v;
  if (typeof o.vars === "string") o.vars = safeJson(o.vars, where2);
  if (typeof o.expected === "string" && /^[[{]/.test(o.expected)) o.expected = safeJson(o.expected, where2, o.expected);
  return toCase(o, where2);
}
function safeJson(s, where2, fallback) {
  try {
    return JSON.parse(s);
  } catch {
    if (fallback !== void 0) return fallback;
    throw new ConfigError(`${where2}: "vars" is a string that is not JSON`);
  }
}

// src/core/eval/suite-schema.ts
var MAX_TIMEOUT_S = 86400;
var caseSchema = external_exports.strictObject({
  id: external_exports.union([external_exports.string().min(1), external_exports.number()]).optional(),
  input: external_exports.string().optional(),
  vars: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  expected: external_exports.unknown().optional(),
  tags: external_exports.array(external_exports.string()).optional()
});
var casesSchema = external_exports.union([
  external_exports.array(caseSchema).min(1),
  external_exports.strictObject({
    /** A JSONL (.jsonl, .jsonl.gz) or Parquet file of {id, input|vars, expected}, relative to the suite file. */
    file: external_exports.string().min(1),
    /** Use only the first N cases (for quick runs). */
    limit: external_exports.number().int().positive().max(1e8).optional()
  })
]);
var messageSchema = external_exports.strictObject({
  role: external_exports.enum(["system", "user", "assistant"]),
  content: external_exports.string()
});
var promptSchema = external_exports.union([
  external_exports.string(),
  external_exports.strictObject({
    /** An inline Jinja template rendered to one string (sent as the user message, or as the completion prompt). */
    template: external_exports.string().optional(),
    /** Chat messages, each content a Jinja template. */
    messages: external_exports.array(messageSchema).min(1).optional(),
    /** A file under prompts/ (relative to the suite file): .jinja/.txt for a template, .yaml for messages. */
    file: external_exports.string().optional()
  })
]);
var priceSchema = external_exports.strictObject({
  /** Price per 1,000 prompt tokens. */
  prompt_per_1k: external_exports.number().nonnegative().max(1e3),
  /** Price per 1,000 completion tokens. */
  completion_per_1k: external_exports.number().nonnegative().max(1e3),
  currency: external_exports.string().regex(/^[A-Z]{3}$/, "a three-letter currency code such as USD").default("USD")
});
var paramsSchema = external_exports.strictObject({
  temperature: external_exports.number().min(0).max(2).optional(),
  top_p: external_exports.number().min(0).max(1).optional(),
  top_k: external_exports.number().int().min(0).max(1e6).optional(),
  max_tokens: external_exports.number().int().positive().max(1e7).optional(),
  stop: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]).optional(),
  seed: external_exports.number().int().min(-(2 ** 63)).max(2 ** 64).optional(),
  presence_penalty: external_exports.number().min(-2).max(2).optional(),
  frequency_penalty: external_exports.number().min(-2).max(2).optional(),
  repetition_penalty: external_exports.number().positive().max(10).optional(),
  min_p: external_exports.number().min(0).max(1).optional(),
  /** Anything else the server accepts, passed through as-is (and part of the cache key). */
  extra: external_exports.record(external_exports.string(), external_exports.unknown()).optional()
}).default({});
var targetSchema = external_exports.strictObject({
  /** openai-compatible: a running server at base_url. llama-cpp: llmops starts `llmops serve` on the GGUF itself. */
  provider: external_exports.enum(["openai-compatible", "llama-cpp"]).default("openai-compatible"),
  /** Base URL including /v1, e.g. http://127.0.0.1:8000/v1 for vLLM. */
  base_url: external_exports.string().url().optional(),
  /** provider llama-cpp: the .gguf to serve, relative to the suite file (`model_path:` is the same). */
  gguf: external_exports.string().min(1).optional(),
  model_path: external_exports.string().min(1).optional(),
  /** provider llama-cpp: how `llmops serve` runs it. */
  serve: external_exports.strictObject({
    adapter: external_exports.string().min(1).optional(),
    threads: external_exports.number().int().min(1).max(256).optional(),
    parallel: external_exports.number().int().min(1).max(256).optional(),
    ctx: external_exports.number().int().min(16).optional(),
    kv_cache: external_exports.enum(["f16", "f32"]).optional(),
    startup_timeout_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(120)
  }).optional(),
  model: external_exports.string().min(1).max(500),
  /** chat → /chat/completions; completions → /completions. */
  api: external_exports.enum(["chat", "completions"]).default("chat"),
  /** Stream responses to measure time to first token. */
  stream: external_exports.boolean().default(true),
  /** Name of the environment variable holding the API key (never the key itself). */
  api_key_env: apiKeyEnvSchema.optional(),
  params: paramsSchema,
  prices: priceSchema.optional(),
  /** The model's context window in tokens, for `prompts lint`'s budget (llama-cpp: serve.ctx when unset). */
  context: external_exports.number().int().positive().max(1e8).optional(),
  /** How `prompts lint` counts tokens: o200k_base, cl100k_base, an OpenAI model name, or a tokenizer.json path (relative to the suite). */
  tokenizer: external_exports.string().min(1).max(1e3).optional()
}).superRefine((t, ctx) => {
  if (t.provider === "openai-compatible") {
    if (t.base_url === void 0) ctx.addIssue({ code: "custom", path: ["base_url"], message: "base_url is required for provider openai-compatible (e.g. http://127.0.0.1:8000/v1)" });
    for (const key of ["gguf", "model_path", "serve"]) {
      if (t[key] !== void 0) ctx.addIssue({ code: "custom", path: [key], message: `${key} applies to provider: llama-cpp only` });
    }
  } else {
    if (t.gguf === void 0 === (t.model_path === void 0)) ctx.addIssue({ code: "custom", path: ["gguf"], message: "provider llama-cpp needs the model file as gguf: (or model_path:), exactly one of them" });
    if (t.base_url !== void 0) ctx.addIssue({ code: "custom", path: ["base_url"], message: "provider llama-cpp starts its own server; drop base_url (or use provider: openai-compatible)" });
  }
});
var TIMEOUT_DEFAULTS = { connect_s: 10, headers_s: 60, first_token_s: 60, idle_s: 30, request_s: 600, adaptive: true };
var timeoutsSchema = external_exports.strictObject({
  /** Establishing the connection. */
  connect_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.connect_s),
  /** Most time from connection to response headers (adaptive below it). */
  headers_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.headers_s),
  /** Most time from headers to the first streamed token (adaptive below it). */
  first_token_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.first_token_s),
  /** Most time between two pieces of the body (adaptive below it). */
  idle_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.idle_s),
  /** The whole request, start to end (never adaptive). */
  request_s: external_exports.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.request_s),
  /** Learn headers/first-token/idle deadlines from the run; false pins them to the values above. */
  adaptive: external_exports.boolean().default(TIMEOUT_DEFAULTS.adaptive)
}).default(TIMEOUT_DEFAULTS);
var retriesSchema = external_exports.strictObject({
  max_attempts: external_exports.number().int().min(1).max(20).default(6),
  base_delay_ms: external_exports.number().int().min(0).max(6e5).default(250),
  max_delay_ms: external_exports.number().int().min(0).max(36e5).default(2e4)
}).default({ max_attempts: 6, base_delay_ms: 250, max_delay_ms: 2e4 });
var variantSchema = external_exports.strictObject({
  name: external_exports.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only"),
  description: external_exports.string().max(1e4).optional(),
  /** Replaces the suite's prompt. */
  prompt: promptSchema.optional(),
  /** Replace target.model / target.base_url. */
  model: external_exports.string().min(1).optional(),
  base_url: external_exports.string().url().optional(),
  /** Merged over target.params (`extra` merged key by key). */
  params: paramsSchema
});
var suiteSchema = external_exports.strictObject({
  // The name becomes a directory (.llmops/eval/<name>): a file-name-safe, bounded string.
  name: safeNameSchema,
  description: external_exports.string().max(1e4).optional(),
  cases: casesSchema,
  prompt: promptSchema,
  target: targetSchema,
  scorers: external_exports.array(scorerConfigSchema).min(1),
  repeats: external_exports.number().int().min(1).max(100).default(1),
  seed: external_exports.number().int().min(0).max(4294967295).default(0),
  concurrency: external_exports.number().int().min(1).max(1024).default(8),
  timeouts: timeoutsSchema,
  retries: retriesSchema,
  /** Hedged requests: "auto" = on for a loopback server, off elsewhere (a paid API bills both copies). */
  hedge: external_exports.union([external_exports.literal("auto"), external_exports.boolean()]).default("auto"),
  /** Gate policy for `llmops compare --policy <suite>` / `llmops gate` (docs/compare-and-gate.md). */
  gate: gatePolicySchema.optional(),
  /** Prompt and/or target variants for a k-arm experiment (docs/evaluation.md#variants). */
  variants: external_exports.array(variantSchema).optional()
});

// src/app/eval/judge-inputs.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// src/core/contracts/judge-labels.ts
var JUDGE_LABELS_TAG = "llmops.judge-labels/v1";
var fields = {
  case_id: external_exports.union([external_exports.string().min(1), external_exports.number()]).transform(String).describe("The case's id in the suite"),
  label: external_exports.union([external_exports.number().int(), external_exports.string().min(1)]).describe('The human verdict: 1..N for a 1\u2013N rubric, "pass"/"fail" for pass/fail, "output"/"reference"/"tie" for pairwise'),
  rater: external_exports.string().max(200).optional().describe("Who labelled it (for the record)"),
  note: external_exports.string().max(1e4).optional()
};
var JudgeLabelSchema = external_exports.strictObject({ schema: external_exports.literal(JUDGE_LABELS_TAG), ...fields });
var judgeLabelsFormat = defineFormat({
  kind: "judge-labels",
  version: 1,
  schema: JudgeLabelSchema,
  title: "one human label of a judge calibration file",
  file: "a judge scorer's calibration.labels (JSONL)",
  writer: "people (by hand or a labelling tool)",
  readers: "llmops eval (app/eval/judge-calibration.ts)",
  hint: 'each line is {"case_id": "<a case id of the suite>", "label": <1..N | "pass" | "fail" | "output" | "reference" | "tie">}',
  lines: true,
  untagged: { version: 1, schema: external_exports.strictObject(fields), upgrade: (l) => ({ schema: JUDGE_LABELS_TAG, ...l }) }
});

// src/app/eval/judge-inputs.ts
var BUILTIN = { judge_rubric: "rubric.jinja", judge_pairwise: "pairwise.jinja" };
function builtinJudgeDir() {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    const candidate = join(d, "templates", "judges");
    if (existsSync(join(d, "package.json")) && existsSync(candidate)) return candidate;
    if (dirname(d) === d) throw new ConfigError("the built-in judge templates (templates/judges/) are missing from this llmops installation", { hint: "reinstall llmops, or give each judge scorer its own prompt: {file: \u2026}" });
  }
}
function loadJudgeInputs(suite, doc, file, displayFile, cwd, contain) {
  const labels = /* @__PURE__ */ new Map();
  const base = dirname(file);
  suite.scorers.forEach((sc, i) => {
    const c = sc;
    if (!(c.type in BUILTIN)) return;
    if (c.prompt !== void 0) {
      const { prompt, origins } = loadPrompt(c.prompt, base, displayFile, doc, cwd, contain, ["scorers", i, "prompt"]);
      const source = typeof c.prompt === "object" && c.prompt.file !== void 0 ? relative(cwd, resolve(base, c.prompt.file)) || c.prompt.file : "inline";
      c.loaded_prompt = { spec: prompt, source, origins };
    } else {
      const builtin = loadPromptFile(join(builtinJudgeDir(), BUILTIN[c.type]), cwd);
      c.loaded_prompt = { spec: builtin.spec, source: `builtin:${BUILTIN[c.type]}`, origins: builtin.origins };
    }
    if (c.calibration) {
      const pos = doc.locate(["scorers", i, "calibration", "labels"]);
      const where2 = `${displayFile}:${pos.line}:${pos.col}: scorers[${i}].calibration.labels`;
      labels.set(c.name ?? c.type, readLabels(resolve(base, c.calibration.labels), relative(cwd, resolve(base, c.calibration.labels)) || c.calibration.labels, where2, c, contain));
    }
  });
  return labels;
}
function labelIndex(c, label) {
  if (c.type === "judge_pairwise") {
    const s = String(label).toLowerCase();
    const alias = { candidate: "output", baseline: "reference", expected: "reference" };
    const i = PAIRWISE_CATEGORIES.indexOf(alias[s] ?? s);
    return i >= 0 ? i : `label ${JSON.stringify(label)} is not one of output, reference, tie`;
  }
  if (c.scale === "pass_fail") {
    const s = String(label).toLowerCase();
    if (s === "pass" || s === "1" || s === "true") return 1;
    if (s === "fail" || s === "0" || s === "false") return 0;
    return `label ${JSON.stringify(label)} is neither "pass" nor "fail"`;
  }
  const n = typeof label === "number" ? label : Number(label);
  const scale = c.scale ?? 5;
  return Number.isInteger(n) && n >= 1 && n <= scale ? n - 1 : `label ${JSON.stringify(label)} is not an integer from 1 to ${scale}`;
}
function readLabels(path, shown, where2, c, contain) {
  if (!existsSync(path) || statSync(path).isDirectory()) throw new ConfigError(`${where2}: labels file not found: ${shown}`, { hint: 'paths are relative to the suite file; the file holds one {"case_id": \u2026, "label": \u2026} per line' });
  contain(path, where2);
  const bytes = readFileSync(path);
  const labels = /* @__PURE__ */ new Map();
  const lines = bytes.toString("utf8").split("\n");
  lines.forEach((line, n) => {
    if (line.trim() === "") return;
    const at = `${shown}:${n + 1}`;
    let l;
    try {
      l = judgeLabelsFormat.parse(line, at);
    } catch (err) {
      if (err instanceof DataInvalidError) throw new ConfigError(err.message, err.hint ? { hint: err.hint } : {});
      throw err;
    }
    const idx = labelIndex(c, l.label);
    if (typeof idx === "string") throw new ConfigError(`${at}: ${idx}`, { hint: c.type === "judge_pairwise" ? "pairwise labels say which answer a person preferred: output, reference or tie" : c.scale === "pass_fail" ? 'use "pass" or "fail"' : `use the rubric's scale, 1 to ${c.scale ?? 5}` });
    if (labels.has(l.case_id)) throw new ConfigError(`${at}: case "${l.case_id}" is labelled twice`, { hint: "keep one label per case (the agreement statistic compares one human verdict with the judge's)" });
    labels.set(l.case_id, idx);
  });
  if (labels.size === 0) throw new ConfigError(`${where2}: ${shown} holds no labels`, { hint: 'add one {"case_id": \u2026, "label": \u2026} per line' });
  return { file: shown, sha256: sha256(bytes), labels, minKappa: c.calibration.min_kappa };
}

// src/app/eval/load-suite.ts
async function loadSuite(path, cwd, variant, within) {
  const file = resolve2(cwd, path);
  const displayFile = relative2(cwd, file) || file;
  if (!existsSync2(file)) throw new InputError(`suite file not found: ${displayFile}`, { hint: "pass the path of an evals/<name>.yaml file" });
  if (statSync2(file).isDirectory()) throw new InputError(`${displayFile} is a directory, not a suite file`, { hint: "pass the path of an evals/<name>.yaml file" });
  const contain = (p, what) => {
    if (within !== void 0) assertInside(p, within, what);
  };
  contain(file, displayFile);
  const text = readFileSync2(file, "utf8");
  const doc = parseYamlSource(text, displayFile);
  const suite = validateConfig(suiteSchema, doc, "eval suite");
  const base = dirname2(file);
  const promptPath = applyVariant(suite, variant, doc, displayFile);
  let scanned;
  let datasetHash;
  if (Array.isArray(suite.cases)) {
    const inline = suite.cases.map((c, i) => {
      const pos = doc.locate(["cases", i]);
      return toCase(c, `${displayFile}:${pos.line}:${pos.col}`);
    });
    datasetHash = sha256(stableStringify(suite.cases));
    scanned = await caseSetOf(inline);
  } else {
    const pos = doc.locate(["cases", "file"]);
    const dataPath = resolve2(base, suite.cases.file);
    const shown = relative2(cwd, dataPath) || dataPath;
    if (!existsSync2(dataPath)) {
      throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: cases.file: dataset not found: ${shown}`, { hint: "paths are relative to the suite file" });
    }
    if (statSync2(dataPath).isDirectory()) throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: cases.file: ${shown} is a directory, not a JSONL or Parquet file`);
    contain(dataPath, `${displayFile}:${pos.line}:${pos.col}: cases.file`);
    const read = caseFileReader(dataPath, shown);
    const limit = suite.cases.limit;
    datasetHash = await sha256File(dataPath);
    scanned = await scanCases(() => take(read(), limit));
    if (scanned.set.count === 0) throw new ConfigError(`${shown}: no cases in the file`, { hint: 'add at least one JSON line {"id": \u2026, "input": \u2026, "expected": \u2026}' });
  }
  const cases = scanned.set;
  suite.scorers.forEach((sc, i) => {
    const c = sc;
    if (c.type !== "json_schema" || c.schema_file === void 0) return;
    const pos = doc.locate(["scorers", i, "schema_file"]);
    const where2 = `${displayFile}:${pos.line}:${pos.col}: scorers[${i}].schema_file`;
    const path2 = resolve2(base, c.schema_file);
    if (!existsSync2(path2)) throw new ConfigError(`${where2}: not found: ${c.schema_file}`, { hint: "paths are relative to the suite file" });
    contain(path2, where2);
    const text2 = readFileSync2(path2, "utf8");
    let schema;
    try {
      schema = /\.ya?ml$/i.test(path2) ? parseYamlSource(text2, c.schema_file).value : JSON.parse(text2);
    } catch (err) {
      throw new ConfigError(`${where2}: ${c.schema_file} is not valid ${/\.ya?ml$/i.test(path2) ? "YAML" : "JSON"}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (schema === null || typeof schema !== "object" || Array.isArray(schema)) throw new ConfigError(`${where2}: ${c.schema_file} must hold a JSON Schema object`);
    c.schema = schema;
  });
  const judgeLabels = loadJudgeInputs(suite, doc, file, displayFile, cwd, contain);
  const warnings = [...scanned.warnings, ...suite.gate ? checkSuiteGate(suite, cases.count, doc, displayFile) : []];
  const { prompt, origins: promptOrigins, file: promptFile } = loadPrompt(suite.prompt, base, displayFile, doc, cwd, contain, promptPath);
  return {
    file,
    displayFile,
    suite,
    cases,
    prompt,
    promptOrigins,
    promptFile: promptFile ?? null,
    hashes: { suite: sha256(text), dataset: datasetHash, prompt: sha256(stableStringify(prompt)) },
    variant: variant ?? null,
    warnings,
    judgeLabels
  };
}
function checkSuiteGate(suite, cases, doc, displayFile) {
  const gate = suite.gate;
  const types = new Map(createScorers(suite.scorers).map((s) => [s.name, s.type]));
  for (const name of Object.keys(gate.metrics)) {
    if (types.has(name)) continue;
    const pos = doc.locate(["gate", "metrics", name], "key");
    throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: gate.metrics.${name}: no scorer of this suite is named "${name}"${didYouMean(name, [...types.keys()])}`, {
      hint: `gate on one of the suite's metrics: ${[...types.keys()].join(", ")}`
    });
  }
  return planMargins(gate, types, cases, suite.repeats).filter((p) => !p.decidable).map((p) => {
    const pos = doc.locate(["gate", "metrics", p.metric, "max_regression"]);
    return `${displayFile}:${pos.line}:${pos.col}: gate.metrics.${p.message}; until then the gate is INCONCLUSIVE on every change short of none ("llmops gate --plan ${displayFile}" sizes it)`;
  });
}
function applyVariant(suite, name, doc, displayFile) {
  const variants = suite.variants ?? [];
  variants.forEach((v2, i2) => {
    const first = variants.findIndex((w) => w.name === v2.name);
    if (first !== i2) {
      const pos = doc.locate(["variants", i2, "name"]);
      throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: variants[${i2}].name: "${v2.name}" is already the name of variants[${first}]`, { hint: "give each variant its own name" });
    }
  });
  if (name === void 0) return ["prompt"];
  const i = variants.findIndex((v2) => v2.name === name);
  if (i < 0) {
    const known = variants.map((v2) => v2.name);
    throw new ConfigError(`${displayFile}: no variant named "${name}"${didYouMean(name, known)}`, { hint: known.length ? `the suite's variants: ${known.join(", ")}` : "declare variants: [{name, prompt, model, params}] in the suite" });
  }
  const v = variants[i];
  if (v.prompt !== void 0) suite.prompt = v.prompt;
  suite.target = {
    ...suite.target,
    model: v.model ?? suite.target.model,
    base_url: v.base_url ?? suite.target.base_url,
    params: { ...suite.target.params, ...v.params, extra: { ...suite.target.params.extra, ...v.params.extra } }
  };
  return v.prompt !== void 0 ? ["variants", i, "prompt"] : ["prompt"];
}
function loadPrompt(p, base, displayFile, doc, cwd, contain, at0 = ["prompt"]) {
  const pos = doc.locate(at0);
  const where2 = `${displayFile}:${pos.line}:${pos.col}`;
  const at = (path2) => ({ file: displayFile, ...doc.locate(path2) });
  if (typeof p === "string") return { prompt: { kind: "template", template: p }, origins: [at(at0)] };
  const given = [p.template, p.messages, p.file].filter((x) => x !== void 0).length;
  if (given !== 1) throw new ConfigError(`${where2}: prompt: give exactly one of "template", "messages" or "file"`);
  if (p.template !== void 0) return { prompt: { kind: "template", template: p.template }, origins: [at([...at0, "template"])] };
  if (p.messages !== void 0) return { prompt: { kind: "messages", messages: p.messages }, origins: p.messages.map((_, i) => at([...at0, "messages", i, "content"])) };
  const path = resolve2(base, p.file);
  if (!existsSync2(path)) throw new ConfigError(`${where2}: prompt.file: not found: ${p.file}`, { hint: "paths are relative to the suite file, e.g. ../prompts/qa.jinja" });
  contain(path, `${where2}: prompt.file`);
  const loaded = loadPromptFile(path, cwd, contain);
  return { prompt: loaded.spec, origins: loaded.origins, file: loaded };
}
function assertInside(path, root, what) {
  const real = realpathSync(path);
  const top = realpathSync(root);
  if (real !== top && !real.startsWith(top + sep)) {
    throw new ConfigError(`${what}: ${relative2(root, path) || path} resolves outside ${root} (to ${real}); a pull request's suite may only read its own files`, {
      hint: "name files inside the repository with relative paths, and commit files rather than symbolic links to them"
    });
  }
}

export {
  take,
  collectCases,
  loadSuite,
  assertInside
};
