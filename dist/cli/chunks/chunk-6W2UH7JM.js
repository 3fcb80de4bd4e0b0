#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  sha256
} from "./chunk-XJB2EXL5.js";
import {
  collectIssues,
  parseYamlSource
} from "./chunk-UO2TN4KU.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  ConfigError
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
    const origins = (messages ? messages.map((_, i) => doc.locate(["messages", i, "content"])) : [doc.locate(["template"])]).map((pos) => ({ file: src.file, ...scalarStart(src.text, pos) }));
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
function scalarStart(text, pos) {
  const lines = text.split("\n");
  const line = lines[pos.line - 1] ?? "";
  const ch = line[pos.col - 1];
  if (ch === "'" || ch === '"') return { line: pos.line, col: pos.col + 1 };
  if (ch === "|" || ch === ">") {
    const next = lines[pos.line] ?? "";
    const indent = /^ */.exec(next)?.[0].length ?? 0;
    return { line: pos.line + 1, col: indent + 1, indent };
  }
  return pos;
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

export {
  variableDecl,
  hasType,
  describeType,
  describeVersion,
  readPromptFile,
  PROMPT_EXTENSIONS,
  sidecarPath,
  readPromptSource,
  loadPromptFile,
  inspectPromptFile
};
