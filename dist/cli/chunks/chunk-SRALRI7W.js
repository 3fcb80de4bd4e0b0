#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  checkUniqueIds,
  findDuplicateInputs,
  parseCasesJsonl,
  toCase
} from "./chunk-W2BRV73B.js";
import {
  safeNameSchema
} from "./chunk-LXJ4T7MW.js";
import {
  PAIRWISE_CATEGORIES,
  apiKeyEnvSchema,
  createScorers,
  gatePolicySchema,
  planMargins,
  scorerConfigSchema
} from "./chunk-OWUGGXDH.js";
import {
  sha256
} from "./chunk-NL2CYBYI.js";
import {
  collectIssues,
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

// src/core/prompts/schema.ts
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
var VARIABLE_TYPES = ["string", "number", "integer", "boolean", "array", "object", "any"];
var variableTypeSchema = external_exports.enum(VARIABLE_TYPES);
var variableSchema = external_exports.union([
  variableTypeSchema,
  external_exports.strictObject({
    type: variableTypeSchema.default("any"),
    description: external_exports.string().max(2e3).optional(),
    /** false: a case may leave it out (the template must then guard it: `| default(…)` or `is defined`). */
    required: external_exports.boolean().default(true)
  })
]);
var promptMetaFields = {
  description: external_exports.string().max(1e4).optional(),
  /** Who answers for the prompt (a person or team, e.g. "@org/search-team"). */
  owner: external_exports.string().min(1).max(200).optional(),
  /** A human version shown next to the content hash (which is the version llmops compares by). */
  semver: external_exports.string().regex(SEMVER, "a semantic version such as 1.4.0 (no leading v)").optional(),
  /** The variables a case must (or may) provide, with types checked against every case. */
  variables: external_exports.record(external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a template variable name (letters, digits, _)"), variableSchema).optional(),
  /** What the prompt was written for; a suite's target overrides each of these. */
  model: external_exports.strictObject({
    api: external_exports.enum(["chat", "completions"]).optional(),
    max_tokens: external_exports.number().int().positive().max(1e7).optional(),
    /** The context window in tokens (prompt + completion). */
    context: external_exports.number().int().positive().max(1e8).optional(),
    /** o200k_base, cl100k_base, an OpenAI model name, or a path to a HF tokenizer.json (relative to this file). */
    tokenizer: external_exports.string().min(1).max(1e3).optional()
  }).optional(),
  /** Variables of sample cases, rendered by `prompts render`/`diff` when no suite uses the prompt. */
  examples: external_exports.array(external_exports.record(external_exports.string(), external_exports.unknown())).max(100).optional()
};
var PromptMetaSchema = external_exports.strictObject(promptMetaFields);
var messageSchema = external_exports.strictObject({
  role: external_exports.enum(["system", "user", "assistant"]),
  content: external_exports.string()
});
var PromptYamlSchema = external_exports.strictObject({
  ...promptMetaFields,
  messages: external_exports.array(messageSchema).min(1).optional(),
  template: external_exports.string().optional()
});
function variableDecl(v) {
  return typeof v === "string" ? { type: v, required: true } : v;
}
function hasType(value, type) {
  switch (type) {
    case "any":
      return true;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
  }
}
function describeType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}

// src/core/prompts/prompt-file.ts
var FRONT_MATTER_OPEN = /^---[ \t]*\r?\n/;
var FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
function isPromptYaml(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && ("messages" in value || "template" in value);
}
function describeVersion(p) {
  return `sha256:${p.version.slice(0, 12)}${p.meta.semver ? ` (v${p.meta.semver})` : ""}`;
}
function readPromptFile(src) {
  const problems = [];
  const version = sha256(src.sidecar ? `${src.text}\0${src.sidecar.text}` : src.text);
  const yamlProblem = (err, file) => {
    problems.push(fromConfigError(err, file));
    return null;
  };
  if (/\.ya?ml$/i.test(src.file)) {
    let doc;
    try {
      doc = parseYamlSource(src.text, src.file);
    } catch (err) {
      return { file: yamlProblem(err, src.file), problems };
    }
    const checked = collectIssues(PromptYamlSchema, doc);
    if (!checked.ok) {
      for (const i of checked.issues) problems.push({ file: i.file, line: i.line, col: i.col, message: `${i.path}: ${i.message}` });
      return { file: null, problems };
    }
    const v = checked.value;
    const { messages, template: template2, ...meta2 } = v;
    if (messages === void 0 === (template2 === void 0)) {
      problems.push({ file: src.file, line: 1, col: 1, message: 'a prompt YAML file needs exactly one of "messages:" (a list of {role: system|user|assistant, content: template}) or "template:"' });
      return { file: null, problems };
    }
    const spec = messages ? { kind: "messages", messages } : { kind: "template", template: template2 };
    const origins = messages ? messages.map((_, i) => ({ file: src.file, ...doc.locate(["messages", i, "content"]) })) : [{ file: src.file, ...doc.locate(["template"]) }];
    return { file: { file: src.file, meta: meta2, metaDoc: doc, spec, origins, version }, problems };
  }
  const { frontMatter, body, bodyLine } = splitFrontMatter(src.text);
  if (frontMatter !== null && src.sidecar) {
    problems.push({ file: src.file, line: 1, col: 1, message: `configuration in both the front matter and ${src.sidecar.file}`, hint: "keep one of them" });
  }
  let meta = {};
  let metaDoc = null;
  const yamlText = frontMatter ?? src.sidecar?.text ?? null;
  const yamlFile = frontMatter !== null ? src.file : src.sidecar?.file ?? src.file;
  if (yamlText !== null) {
    try {
      metaDoc = parseYamlSource(frontMatter !== null ? `
${yamlText}` : yamlText, yamlFile);
    } catch (err) {
      yamlProblem(err, yamlFile);
    }
    if (metaDoc && metaDoc.value !== null && metaDoc.value !== void 0) {
      const checked = collectIssues(PromptMetaSchema, metaDoc);
      if (checked.ok) meta = checked.value;
      else for (const i of checked.issues) problems.push({ file: i.file, line: i.line, col: i.col, message: `${i.path}: ${i.message}` });
    }
  }
  const template = body.replace(/\r?\n$/, "");
  return { file: { file: src.file, meta, metaDoc, spec: { kind: "template", template }, origins: [{ file: src.file, line: bodyLine, col: 1 }], version }, problems };
}
function splitFrontMatter(text) {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return { frontMatter: null, body: text, bodyLine: 1 };
  const lines = text.slice(open[0].length).split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (FRONT_MATTER_CLOSE.test(lines[i].replace(/\r$/, ""))) {
      return { frontMatter: lines.slice(0, i).join("\n"), body: lines.slice(i + 1).join("\n"), bodyLine: i + 3 };
    }
  }
  return { frontMatter: null, body: text, bodyLine: 1 };
}
function parsePromptFile(src) {
  const { file, problems } = readPromptFile(src);
  if (problems.length === 0 && file) return file;
  const lines = problems.slice(0, 20).map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
  throw new ConfigError(problems.length === 1 ? lines[0] : `invalid prompt file (${problems.length} problems):
  ${lines.join("\n  ")}`, {
    hint: problems[0]?.hint ?? `fix it in ${src.file} (docs/prompts.md lists the fields)`
  });
}
function fromConfigError(err, file) {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^(.*?):(\d+):(\d+): ([^\n]*)/.exec(message);
  const hint = err instanceof ConfigError ? err.hint : void 0;
  if (m) return { file: m[1], line: Number(m[2]), col: Number(m[3]), message: m[4], hint };
  return { file, line: 1, col: 1, message: message.replace(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `), ""), hint };
}

// src/app/prompts/load-prompt-file.ts
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, relative } from "node:path";
var TEMPLATE_EXTENSIONS = [".jinja", ".j2", ".jinja2", ".txt", ".md"];
var PROMPT_EXTENSIONS = [...TEMPLATE_EXTENSIONS, ".yaml", ".yml"];
function sidecarPath(path) {
  if (/\.ya?ml$/i.test(path)) return null;
  const stem = join(dirname(path), basename(path, extname(path)));
  for (const ext of [".yaml", ".yml"]) {
    const p = stem + ext;
    if (!existsSync(p)) continue;
    try {
      if (isPromptYaml(parseYamlSource(readFileSync(p, "utf8"), p).value)) return null;
    } catch {
    }
    return p;
  }
  return null;
}
function readPromptSource(path, cwd, contain = () => {
}) {
  const shown = relative(cwd, path) || path;
  contain(path, shown);
  const side = sidecarPath(path);
  if (side) contain(side, relative(cwd, side) || side);
  return {
    file: shown,
    text: readFileSync(path, "utf8"),
    sidecar: side ? { file: relative(cwd, side) || side, text: readFileSync(side, "utf8") } : void 0
  };
}
function loadPromptFile(path, cwd, contain) {
  return parsePromptFile(readPromptSource(path, cwd, contain));
}
function inspectPromptFile(path, cwd) {
  const source = readPromptSource(path, cwd);
  return { ...readPromptFile(source), source };
}

// src/app/eval/load-suite.ts
import { existsSync as existsSync3, readFileSync as readFileSync3, realpathSync, statSync as statSync2 } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname as dirname3, extname as extname2, relative as relative3, resolve as resolve2, sep } from "node:path";

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
var messageSchema2 = external_exports.strictObject({
  role: external_exports.enum(["system", "user", "assistant"]),
  content: external_exports.string()
});
var promptSchema = external_exports.union([
  external_exports.string(),
  external_exports.strictObject({
    /** An inline Jinja template rendered to one string (sent as the user message, or as the completion prompt). */
    template: external_exports.string().optional(),
    /** Chat messages, each content a Jinja template. */
    messages: external_exports.array(messageSchema2).min(1).optional(),
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
import { existsSync as existsSync2, readFileSync as readFileSync2, statSync } from "node:fs";
import { dirname as dirname2, join as join2, relative as relative2, resolve } from "node:path";
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
  for (let d = dirname2(fileURLToPath(import.meta.url)); ; d = dirname2(d)) {
    const candidate = join2(d, "templates", "judges");
    if (existsSync2(join2(d, "package.json")) && existsSync2(candidate)) return candidate;
    if (dirname2(d) === d) throw new ConfigError("the built-in judge templates (templates/judges/) are missing from this llmops installation", { hint: "reinstall llmops, or give each judge scorer its own prompt: {file: \u2026}" });
  }
}
function loadJudgeInputs(suite, doc, file, displayFile, cwd, contain) {
  const labels = /* @__PURE__ */ new Map();
  const base = dirname2(file);
  suite.scorers.forEach((sc, i) => {
    const c = sc;
    if (!(c.type in BUILTIN)) return;
    if (c.prompt !== void 0) {
      const { prompt, origins } = loadPrompt(c.prompt, base, displayFile, doc, cwd, contain, ["scorers", i, "prompt"]);
      const source = typeof c.prompt === "object" && c.prompt.file !== void 0 ? relative2(cwd, resolve(base, c.prompt.file)) || c.prompt.file : "inline";
      c.loaded_prompt = { spec: prompt, source, origins };
    } else {
      const builtin = loadPromptFile(join2(builtinJudgeDir(), BUILTIN[c.type]), cwd);
      c.loaded_prompt = { spec: builtin.spec, source: `builtin:${BUILTIN[c.type]}`, origins: builtin.origins };
    }
    if (c.calibration) {
      const pos = doc.locate(["scorers", i, "calibration", "labels"]);
      const where = `${displayFile}:${pos.line}:${pos.col}: scorers[${i}].calibration.labels`;
      labels.set(c.name ?? c.type, readLabels(resolve(base, c.calibration.labels), relative2(cwd, resolve(base, c.calibration.labels)) || c.calibration.labels, where, c, contain));
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
function readLabels(path, shown, where, c, contain) {
  if (!existsSync2(path) || statSync(path).isDirectory()) throw new ConfigError(`${where}: labels file not found: ${shown}`, { hint: 'paths are relative to the suite file; the file holds one {"case_id": \u2026, "label": \u2026} per line' });
  contain(path, where);
  const bytes = readFileSync2(path);
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
  if (labels.size === 0) throw new ConfigError(`${where}: ${shown} holds no labels`, { hint: 'add one {"case_id": \u2026, "label": \u2026} per line' });
  return { file: shown, sha256: sha256(bytes), labels, minKappa: c.calibration.min_kappa };
}

// src/app/eval/load-suite.ts
async function loadSuite(path, cwd, variant, within) {
  const file = resolve2(cwd, path);
  const displayFile = relative3(cwd, file) || file;
  if (!existsSync3(file)) throw new InputError(`suite file not found: ${displayFile}`, { hint: "pass the path of an evals/<name>.yaml file" });
  if (statSync2(file).isDirectory()) throw new InputError(`${displayFile} is a directory, not a suite file`, { hint: "pass the path of an evals/<name>.yaml file" });
  const contain = (p, what) => {
    if (within !== void 0) assertInside(p, within, what);
  };
  contain(file, displayFile);
  const text = readFileSync3(file, "utf8");
  const doc = parseYamlSource(text, displayFile);
  const suite = validateConfig(suiteSchema, doc, "eval suite");
  const base = dirname3(file);
  const promptPath = applyVariant(suite, variant, doc, displayFile);
  let cases;
  let datasetHash;
  if (Array.isArray(suite.cases)) {
    cases = suite.cases.map((c, i) => {
      const pos = doc.locate(["cases", i]);
      return toCase(c, `${displayFile}:${pos.line}:${pos.col}`);
    });
    datasetHash = sha256(stableStringify(suite.cases));
    checkUniqueIds(cases, (i) => {
      const pos = doc.locate(["cases", i]);
      return `${displayFile}:${pos.line}:${pos.col}`;
    });
  } else {
    const pos = doc.locate(["cases", "file"]);
    const dataPath = resolve2(base, suite.cases.file);
    const shown = relative3(cwd, dataPath) || dataPath;
    if (!existsSync3(dataPath)) {
      throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: cases.file: dataset not found: ${shown}`, { hint: "paths are relative to the suite file" });
    }
    if (statSync2(dataPath).isDirectory()) throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: cases.file: ${shown} is a directory, not a JSONL or Parquet file`);
    contain(dataPath, `${displayFile}:${pos.line}:${pos.col}: cases.file`);
    const bytes = readFileSync3(dataPath);
    datasetHash = sha256(bytes);
    cases = await readCasesFile(dataPath, shown, bytes);
    if (suite.cases.limit !== void 0) cases = cases.slice(0, suite.cases.limit);
    if (cases.length === 0) throw new ConfigError(`${shown}: no cases in the file`, { hint: 'add at least one JSON line {"id": \u2026, "input": \u2026, "expected": \u2026}' });
    checkUniqueIds(cases, (i) => cases[i].where ?? `${shown} (case ${i + 1})`);
  }
  const duplicates = findDuplicateInputs(cases, (i) => cases[i].where ?? `case ${i + 1}`);
  suite.scorers.forEach((sc, i) => {
    const c = sc;
    if (c.type !== "json_schema" || c.schema_file === void 0) return;
    const pos = doc.locate(["scorers", i, "schema_file"]);
    const where = `${displayFile}:${pos.line}:${pos.col}: scorers[${i}].schema_file`;
    const path2 = resolve2(base, c.schema_file);
    if (!existsSync3(path2)) throw new ConfigError(`${where}: not found: ${c.schema_file}`, { hint: "paths are relative to the suite file" });
    contain(path2, where);
    const text2 = readFileSync3(path2, "utf8");
    let schema;
    try {
      schema = /\.ya?ml$/i.test(path2) ? parseYamlSource(text2, c.schema_file).value : JSON.parse(text2);
    } catch (err) {
      throw new ConfigError(`${where}: ${c.schema_file} is not valid ${/\.ya?ml$/i.test(path2) ? "YAML" : "JSON"}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (schema === null || typeof schema !== "object" || Array.isArray(schema)) throw new ConfigError(`${where}: ${c.schema_file} must hold a JSON Schema object`);
    c.schema = schema;
  });
  const judgeLabels = loadJudgeInputs(suite, doc, file, displayFile, cwd, contain);
  const warnings = [...duplicates, ...suite.gate ? checkSuiteGate(suite, cases.length, doc, displayFile) : []];
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
async function readCasesFile(path, shown, bytes) {
  const lower = path.toLowerCase();
  if (lower.endsWith(".parquet")) {
    const { parquetReadObjects } = await import("./node-FKVVARKN.js");
    let rows;
    try {
      const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      rows = await parquetReadObjects({ file: ab });
    } catch (err) {
      throw new ConfigError(`${shown}: not a readable Parquet file: ${err instanceof Error ? err.message : String(err)}`);
    }
    return rows.map((row, i) => {
      const o = {};
      for (const [k, v] of Object.entries(row)) if (v !== null && v !== void 0) o[k] = typeof v === "bigint" ? Number(v) : v;
      if (typeof o.vars === "string") o.vars = safeJson(o.vars, `${shown} row ${i}`);
      if (typeof o.expected === "string" && /^[[{]/.test(o.expected)) o.expected = safeJson(o.expected, `${shown} row ${i}`, o.expected);
      return toCase(o, `${shown} row ${i}`);
    });
  }
  let text;
  if (lower.endsWith(".gz")) {
    try {
      text = gunzipSync(bytes).toString("utf8");
    } catch (err) {
      throw new ConfigError(`${shown}: not valid gzip: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
    text = bytes.toString("utf8");
  } else {
    throw new ConfigError(`${shown}: unsupported cases file type "${extname2(path)}"`, { hint: "use .jsonl, .jsonl.gz or .parquet" });
  }
  return parseCasesJsonl(text, shown);
}
function safeJson(s, where, fallback) {
  try {
    return JSON.parse(s);
  } catch {
    if (fallback !== void 0) return fallback;
    throw new ConfigError(`${where}: "vars" is a string that is not JSON`);
  }
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
  const where = `${displayFile}:${pos.line}:${pos.col}`;
  const at = (path2) => ({ file: displayFile, ...doc.locate(path2) });
  if (typeof p === "string") return { prompt: { kind: "template", template: p }, origins: [at(at0)] };
  const given = [p.template, p.messages, p.file].filter((x) => x !== void 0).length;
  if (given !== 1) throw new ConfigError(`${where}: prompt: give exactly one of "template", "messages" or "file"`);
  if (p.template !== void 0) return { prompt: { kind: "template", template: p.template }, origins: [at([...at0, "template"])] };
  if (p.messages !== void 0) return { prompt: { kind: "messages", messages: p.messages }, origins: p.messages.map((_, i) => at([...at0, "messages", i, "content"])) };
  const path = resolve2(base, p.file);
  if (!existsSync3(path)) throw new ConfigError(`${where}: prompt.file: not found: ${p.file}`, { hint: "paths are relative to the suite file, e.g. ../prompts/qa.jinja" });
  contain(path, `${where}: prompt.file`);
  const loaded = loadPromptFile(path, cwd, contain);
  return { prompt: loaded.spec, origins: loaded.origins, file: loaded };
}
function assertInside(path, root, what) {
  const real = realpathSync(path);
  const top = realpathSync(root);
  if (real !== top && !real.startsWith(top + sep)) {
    throw new ConfigError(`${what}: ${relative3(root, path) || path} resolves outside ${root} (to ${real}); a pull request's suite may only read its own files`, {
      hint: "name files inside the repository with relative paths, and commit files rather than symbolic links to them"
    });
  }
}

export {
  variableDecl,
  hasType,
  describeType,
  describeVersion,
  readPromptFile,
  PROMPT_EXTENSIONS,
  readPromptSource,
  loadPromptFile,
  inspectPromptFile,
  loadSuite
};
