#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  GitCli
} from "./chunk-CJUN5WKK.js";
import {
  assertInside,
  collectCases,
  compilePrompt,
  findVariable,
  lineColAt,
  loadSuite,
  locateSyntaxError,
  templateVariables
} from "./chunk-4H2JUU47.js";
import {
  PROMPT_EXTENSIONS,
  describeType,
  hasType,
  inspectPromptFile,
  readPromptFile,
  readPromptSource,
  variableDecl
} from "./chunk-6W2UH7JM.js";
import {
  parseYamlSource
} from "./chunk-UO2TN4KU.js";
import {
  ConfigError,
  InputError,
  LlmopsError
} from "./chunk-LXVW643N.js";
import {
  Template
} from "./chunk-H2E2EDID.js";

// src/app/prompts/diff-prompts.ts
import { existsSync as existsSync3 } from "node:fs";
import { extname as extname2, relative as relative3, resolve as resolve3 } from "node:path";

// src/core/prompts/line-diff.ts
var MAX_CELLS = 4e6;
function diffLines(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((text) => ({ op: " ", text }));
  const tail = a.slice(endA).map((text) => ({ op: " ", text }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  let middle;
  if (x.length * y.length > MAX_CELLS) {
    middle = [...x.map((text) => ({ op: "-", text })), ...y.map((text) => ({ op: "+", text }))];
  } else {
    const w = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * w);
    for (let i2 = x.length - 1; i2 >= 0; i2--) {
      for (let j2 = y.length - 1; j2 >= 0; j2--) {
        lcs[i2 * w + j2] = x[i2] === y[j2] ? lcs[(i2 + 1) * w + j2 + 1] + 1 : Math.max(lcs[(i2 + 1) * w + j2], lcs[i2 * w + j2 + 1]);
      }
    }
    middle = [];
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        middle.push({ op: " ", text: x[i] });
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) middle.push({ op: "-", text: x[i++] });
      else middle.push({ op: "+", text: y[j++] });
    }
    while (i < x.length) middle.push({ op: "-", text: x[i++] });
    while (j < y.length) middle.push({ op: "+", text: y[j++] });
  }
  return [...head, ...middle, ...tail];
}
var splitLines = (s) => s === "" ? [] : s.replace(/\r?\n$/, "").split(/\r?\n/);
function unifiedDiff(before, after, labels, context = 3) {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- ${labels.a}`, `+++ ${labels.b}`];
  const changed = ops.map((o, k) => o.op !== " " ? k : -1).filter((k) => k >= 0);
  if (changed.length === 0) {
    out.push("@@ -1 +1 @@", "\\ the texts differ only in their final line break");
    return `${out.join("\n")}
`;
  }
  const hunks = [];
  for (const k of changed) {
    const last = hunks[hunks.length - 1];
    if (last && k - last[1] <= 2 * context) last[1] = k;
    else hunks.push([k, k]);
  }
  const posA = [];
  const posB = [];
  let la = 1;
  let lb = 1;
  for (const o of ops) {
    posA.push(la);
    posB.push(lb);
    if (o.op !== "+") la++;
    if (o.op !== "-") lb++;
  }
  for (const [s, e] of hunks) {
    const from = Math.max(0, s - context);
    const to = Math.min(ops.length - 1, e + context);
    const slice = ops.slice(from, to + 1);
    const countA = slice.filter((o) => o.op !== "+").length;
    const countB = slice.filter((o) => o.op !== "-").length;
    const startA = countA === 0 ? posA[from] - 1 : posA[from];
    const startB = countB === 0 ? posB[from] - 1 : posB[from];
    out.push(`@@ -${startA},${countA} +${startB},${countB} @@`);
    for (const o of slice) out.push(`${o.op}${o.text}`);
  }
  return `${out.join("\n")}
`;
}

// src/app/prompts/lint-prompts.ts
import { existsSync as existsSync2, readdirSync, readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { dirname as dirname2, extname, join as join2, relative as relative2, resolve as resolve2 } from "node:path";

// src/adapters/tokenizers/load-token-counter.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
var TIKTOKEN_ENCODINGS = ["o200k_base", "cl100k_base"];
async function ranksOf(enc) {
  if (enc === "o200k_base") return (await import("./o200k_base-TS2KNYZP.js")).default;
  return (await import("./cl100k_base-PNWG46QO.js")).default;
}
async function encodingForModel(model) {
  const { getEncodingNameForModel } = await import("./lite-GL6UUGZL.js");
  let name = null;
  try {
    name = getEncodingNameForModel(model);
  } catch {
    if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o)(-|$)/.test(model)) name = "o200k_base";
  }
  return name === "o200k_base" || name === "cl100k_base" ? name : null;
}
var cache = /* @__PURE__ */ new Map();
function loadTokenCounter(spec, baseDir, cwd, where) {
  const key = `${baseDir}\0${spec}`;
  let p = cache.get(key);
  if (!p) {
    p = resolveCounter(spec, baseDir, cwd, where);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}
async function resolveCounter(spec, baseDir, cwd, where) {
  if (TIKTOKEN_ENCODINGS.includes(spec)) return tiktokenCounter(spec);
  const openai = spec.startsWith("openai:") ? spec.slice(7) : null;
  if (openai !== null || !/[/\\]|\.json$/.test(spec)) {
    const enc = await encodingForModel(openai ?? spec);
    if (enc) return tiktokenCounter(enc, openai ?? spec);
    throw new ConfigError(`${where}: tokenizer "${spec}" is neither an encoding llmops bundles (${TIKTOKEN_ENCODINGS.join(", ")}), an OpenAI model name, nor a path to a tokenizer.json`, {
      hint: "name the encoding (o200k_base for gpt-4o/4.1/5 and o-series, cl100k_base for gpt-4/3.5) or the model's tokenizer.json (relative to this file)"
    });
  }
  let path = resolve(baseDir, spec);
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "tokenizer.json");
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) throw new ConfigError(`${where}: tokenizer file not found: ${shown}`, { hint: "paths are relative to the file that names the tokenizer; download the model's tokenizer.json next to it" });
  return hfCounter(path, shown, where);
}
var TiktokenCounter = class {
  constructor(name, tiktoken) {
    this.name = name;
    this.tiktoken = tiktoken;
  }
  name;
  tiktoken;
  chatMethod = "3 tokens per message + 3 for the reply (OpenAI's accounting)";
  /** Special-token text in a case is counted as the text it is, never as a control token. */
  encode(text) {
    return this.tiktoken.encode(text, [], []);
  }
  countText(text) {
    return this.encode(text).length;
  }
  /** OpenAI's documented accounting for chat models: 3 tokens per message around its role and content, 3 that prime the reply (<|start|>assistant<|message|>). */
  countChat(messages) {
    return messages.reduce((n, m) => n + 3 + this.countText(m.role) + this.countText(m.content), 3);
  }
};
async function tiktokenCounter(enc, model) {
  const { Tiktoken } = await import("./lite-GL6UUGZL.js");
  const ranks = await ranksOf(enc);
  return new TiktokenCounter(`${enc} (js-tiktoken${model ? `, for ${model}` : ""})`, new Tiktoken({ ...ranks, pat_str: unicodeWhitespace(ranks.pat_str) }));
}
function unicodeWhitespace(pattern) {
  return pattern.replace(/(?<!\\)((?:\\\\)*)\\([sS])/g, (_m, pre, c) => `${pre}${c === "s" ? "\\p{White_Space}" : "\\P{White_Space}"}`);
}
async function hfCounter(path, shown, where) {
  const readJson = (p, what) => {
    try {
      return JSON.parse(readFileSync(p, "utf8"));
    } catch (err) {
      throw new ConfigError(`${where}: ${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const json = readJson(path, shown);
  const configPath = join(dirname(path), "tokenizer_config.json");
  const config = existsSync(configPath) ? readJson(configPath, join(dirname(shown), "tokenizer_config.json")) : {};
  const { Tokenizer } = await import("./tokenizers-WLNMG3VX.js");
  let tok;
  try {
    tok = new Tokenizer(json, config);
  } catch (err) {
    throw new ConfigError(`${where}: ${shown} is not a tokenizer @huggingface/tokenizers can load: ${err instanceof Error ? err.message : String(err)}`);
  }
  const chatTemplate = typeof config.chat_template === "string" ? config.chat_template : null;
  const special = (k) => {
    const v = config[k];
    return typeof v === "string" ? v : v && typeof v === "object" && typeof v.content === "string" ? v.content : "";
  };
  let template = null;
  if (chatTemplate !== null) {
    const { Template: Template2 } = await import("./dist-OLHGURSB.js");
    try {
      template = new Template2(chatTemplate);
    } catch (err) {
      throw new ConfigError(`${where}: the chat_template in ${join(dirname(shown), "tokenizer_config.json")} does not parse: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return new HfTokenizerCounter(`${shown} (HF tokenizers)`, tok, template, { bos_token: special("bos_token"), eos_token: special("eos_token") });
}
var HfTokenizerCounter = class {
  constructor(name, tok, chatTemplate, specialTokens) {
    this.name = name;
    this.tok = tok;
    this.chatTemplate = chatTemplate;
    this.specialTokens = specialTokens;
    this.chatMethod = chatTemplate ? "the model's chat template (tokenizer_config.json), with the generation prompt" : "message contents only (no chat_template in tokenizer_config.json)";
  }
  name;
  tok;
  chatTemplate;
  specialTokens;
  chatMethod;
  encode(text) {
    return this.tok.encode(text, { add_special_tokens: false }).ids;
  }
  /** With the tokenizer's special tokens (BOS), as a server adds them to a completion prompt. */
  countText(text) {
    return this.tok.encode(text).ids.length;
  }
  countChat(messages) {
    if (!this.chatTemplate) return messages.reduce((n, m) => n + this.encode(m.content).length, 0);
    return this.encode(this.chatTemplate.render({ messages, add_generation_prompt: true, ...this.specialTokens })).length;
  }
};

// src/core/prompts/lint.ts
var CASES_NAMED = 3;
function at(part, offset) {
  if (offset === null) return { ...part.origin };
  const p = lineColAt(part.source, offset);
  return { file: part.origin.file, line: part.origin.line + p.line - 1, col: p.line === 1 ? part.origin.col + p.col - 1 : p.col + (part.origin.indent ?? 0) };
}
function lintPrompt(prompt, problems, uses) {
  const findings = problems.map((p) => ({ severity: "error", rule: "config", ...p }));
  const sources = prompt.spec.kind === "template" ? [prompt.spec.template] : prompt.spec.messages.map((m) => m.content);
  const parts = [];
  sources.forEach((source, i) => {
    const origin = prompt.origins[i] ?? { file: prompt.file, line: 1, col: 1 };
    try {
      const t = new Template(source);
      const v = templateVariables(t.parsed);
      parts.push({ source, origin, ...v });
    } catch (err) {
      const part = { source, origin, required: [], optional: [] };
      findings.push({
        severity: "error",
        rule: "syntax",
        ...at(part, locateSyntaxError(source)),
        // The parser meets the end of a block never closed as a TypeError of its own; say what it means.
        message: `invalid Jinja template: ${err instanceof TypeError ? "a block or tag opened here is never closed" : err instanceof Error ? err.message : String(err)}`,
        hint: "check the tag there: {{ expression }}, {% if \u2026 %}\u2026{% endif %}, {% for \u2026 %}\u2026{% endfor %}"
      });
    }
  });
  const required = [...new Set(parts.flatMap((p) => p.required))].sort();
  const optional = [...new Set(parts.flatMap((p) => p.optional))].filter((v) => !required.includes(v)).sort();
  const declared = new Map(Object.entries(prompt.meta.variables ?? {}).map(([k, v]) => [k, variableDecl(v)]));
  const firstUse = (name) => {
    for (const p of parts) {
      const o = findVariable(p.source, name);
      if (o !== null) return at(p, o);
    }
    return { ...prompt.origins[0], file: prompt.file };
  };
  const declaredAt = (name) => {
    const pos = prompt.metaDoc?.locate(["variables", name], "key") ?? { line: 1, col: 1 };
    return { file: prompt.metaDoc?.file ?? prompt.file, ...pos };
  };
  if (prompt.meta.variables !== void 0 && parts.length === sources.length) {
    for (const name of [...required, ...optional]) {
      if (declared.has(name)) continue;
      findings.push({ severity: "error", rule: "undeclared", ...firstUse(name), message: `variable "${name}" is used but not declared under variables:`, hint: `declare it (variables: {${name}: string}) or fix the name` });
    }
    for (const [name, decl] of declared) {
      if (!required.includes(name) && !optional.includes(name)) {
        findings.push({ severity: "warning", rule: "unused", ...declaredAt(name), message: `variable "${name}" is declared but the template never uses it`, hint: "remove the declaration, or use the variable" });
      } else if (!decl.required && required.includes(name)) {
        findings.push({ severity: "error", rule: "unguarded-optional", ...firstUse(name), message: `variable "${name}" is declared optional (required: false) but used without a guard; a case without it fails`, hint: `write {{ ${name} | default('') }} or {% if ${name} is defined %}\u2026{% endif %}, or make it required` });
      }
    }
  }
  const budgets = [];
  const compiled = parts.length === sources.length ? compileQuiet(prompt) : null;
  for (const use of uses) {
    if (prompt.meta.model?.api && prompt.meta.model.api !== use.api) {
      findings.push({ severity: "warning", rule: "api", file: prompt.file, line: prompt.metaDoc?.locate(["model", "api"]).line ?? 1, col: prompt.metaDoc?.locate(["model", "api"]).col ?? 1, message: `written for the ${prompt.meta.model.api} API, but ${use.label} sends it to ${use.api}`, hint: "align the prompt's model.api with the suite's target.api" });
    }
    const needed = /* @__PURE__ */ new Set([...required, ...[...declared].filter(([, d]) => d.required).map(([k]) => k)]);
    const missing = /* @__PURE__ */ new Map();
    const wrongType = /* @__PURE__ */ new Map();
    const renderable = [];
    for (const c of use.cases) {
      const vars = c.input === void 0 ? c.vars : { ...c.vars, input: c.input };
      let ok = true;
      for (const name of needed) {
        if (name in vars) continue;
        ok = false;
        if (!missing.has(name)) missing.set(name, []);
        missing.get(name).push(c);
      }
      for (const [name, decl] of declared) {
        if (!(name in vars) || hasType(vars[name], decl.type)) continue;
        if (!wrongType.has(name)) wrongType.set(name, []);
        wrongType.get(name).push({ c, value: vars[name] });
      }
      if (ok) renderable.push({ c, vars });
    }
    for (const [name, cases] of missing) {
      const first = cases[0];
      const place = locateCase(first, prompt.file);
      const listed = cases.slice(0, CASES_NAMED).map((c) => `"${c.id}"${c.where ? ` (${c.where})` : ""}`).join(", ");
      const use0 = firstUse(name);
      findings.push({
        severity: "error",
        rule: "missing",
        ...place,
        message: `${cases.length} case${cases.length === 1 ? "" : "s"} of ${use.label} lack${cases.length === 1 ? "s" : ""} "${name}", which ${declared.get(name)?.required ? "the prompt declares required" : `${prompt.file}:${use0.line}:${use0.col} uses`}: ${listed}${cases.length > CASES_NAMED ? `, and ${cases.length - CASES_NAMED} more` : ""}`,
        hint: `add "${name}" to those cases' vars, or guard it in the template with {{ ${name} | default('') }}`
      });
    }
    for (const [name, bad] of wrongType) {
      const decl = declared.get(name);
      const listed = bad.slice(0, CASES_NAMED).map(({ c, value }) => `"${c.id}"${c.where ? ` (${c.where})` : ""} has ${describeType(value)}`).join(", ");
      findings.push({
        severity: "error",
        rule: "type",
        ...locateCase(bad[0].c, prompt.file),
        message: `"${name}" is declared ${decl.type}, but ${bad.length} case${bad.length === 1 ? "" : "s"} of ${use.label} give another type: ${listed}${bad.length > CASES_NAMED ? `, and ${bad.length - CASES_NAMED} more` : ""}`,
        hint: `fix the cases, or declare "${name}" with the type they hold (${declaredAt(name).file}:${declaredAt(name).line})`
      });
    }
    budgets.push(checkBudget(prompt, use, compiled, renderable, findings));
  }
  findings.sort((a, b) => a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1);
  return {
    file: prompt.file,
    version: prompt.version,
    semver: prompt.meta.semver ?? null,
    owner: prompt.meta.owner ?? null,
    description: prompt.meta.description ?? null,
    variables: { required, optional },
    uses: uses.map((u) => u.label),
    budgets,
    findings
  };
}
function compileQuiet(prompt) {
  try {
    return compilePrompt(prompt.spec, prompt.file, prompt.origins);
  } catch {
    return null;
  }
}
function locateCase(c, fallback) {
  const m = c.where ? /^(.*?):(\d+)(?::(\d+))?$/.exec(c.where) : null;
  return m ? { file: m[1], line: Number(m[2]), col: Number(m[3] ?? 1) } : { file: fallback, line: 1, col: 1 };
}
function checkBudget(prompt, use, compiled, cases, findings) {
  const result = { use: use.label, model: use.model, tokenizer: use.counter?.name ?? null, cases: use.cases.length, longest: null, max_tokens: use.maxTokens, context: use.context, spare: null, note: null };
  if (!compiled) {
    result.note = "not rendered: the template does not parse";
    return result;
  }
  let longest = null;
  const reportedRender = /* @__PURE__ */ new Set();
  for (const { c, vars } of cases) {
    let messages;
    let text;
    try {
      ({ messages, text } = compiled.render(vars, { caseId: c.id, where: c.where }));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const m = /^(.*?):(\d+):(\d+): (.*)$/s.exec(why);
      const key = m ? `${m[1]}:${m[2]}:${m[3]}` : why;
      if (!reportedRender.has(key)) {
        reportedRender.add(key);
        findings.push({ severity: "error", rule: "render", ...m ? { file: m[1], line: Number(m[2]), col: Number(m[3]) } : { file: prompt.file, line: 1, col: 1 }, message: m ? m[4] : why });
      }
      continue;
    }
    if (!use.counter) continue;
    const tokens = use.api === "chat" ? use.counter.countChat(messages) : use.counter.countText(text);
    if (!longest || tokens > longest.tokens) longest = { c, tokens };
  }
  if (!use.counter) {
    result.note = use.noCounterReason ?? "no tokenizer known for this target";
    return result;
  }
  if (!longest) {
    result.note = "no case could be rendered";
    return result;
  }
  result.longest = { case: longest.c.id, where: longest.c.where ?? null, tokens: longest.tokens };
  if (use.context === null) {
    result.note = "no context window declared (target.context or the prompt's model.context)";
    return result;
  }
  const reserve = use.maxTokens ?? 0;
  result.spare = use.context - longest.tokens - reserve;
  if (use.maxTokens === null) result.note = "no max_tokens: nothing reserved for the answer";
  if (result.spare < 0) {
    const where = prompt.origins[0] ?? { file: prompt.file, line: 1, col: 1 };
    findings.push({
      severity: "error",
      rule: "budget",
      file: where.file,
      line: where.line,
      col: where.col,
      message: `case "${longest.c.id}"${longest.c.where ? ` (${longest.c.where})` : ""} of ${use.label} renders to ${longest.tokens} tokens (${use.counter.name}); with max_tokens ${reserve} that is ${longest.tokens + reserve} of the ${use.context}-token context of ${use.model}: ${-result.spare} over`,
      hint: "shorten the prompt or that case, lower max_tokens, or use a target with a larger context"
    });
  }
  return result;
}

// src/app/prompts/lint-prompts.ts
var SKIP_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git", ".llmops"]);
function walk(dir, keep, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
    const p = join2(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, keep, out);
    } else if (e.isFile() && keep(p)) out.push(p);
  }
  return out;
}
var isPromptExt = (p) => PROMPT_EXTENSIONS.includes(extname(p).toLowerCase());
function yamlIsPrompt(p) {
  try {
    const v = parseYamlSource(readFileSync2(p, "utf8"), p).value;
    return v !== null && typeof v === "object" && ("messages" in v || "template" in v);
  } catch {
    return !isSidecarOfSibling(p);
  }
}
function isSidecarOfSibling(yamlPath) {
  const stem = yamlPath.replace(/\.ya?ml$/i, "");
  return [".jinja", ".j2", ".jinja2", ".txt", ".md"].some((e) => existsSync2(stem + e));
}
function findPromptFiles(paths, cwd) {
  const out = [];
  for (const p of paths) {
    const abs = resolve2(cwd, p);
    if (!existsSync2(abs)) throw new InputError(`prompts lint: ${p} does not exist`, { hint: "name prompt files or directories (default: prompts/)" });
    if (statSync2(abs).isDirectory()) {
      for (const f of walk(abs, isPromptExt)) {
        if (/\.ya?ml$/i.test(f) ? yamlIsPrompt(f) : true) out.push(f);
      }
    } else out.push(abs);
  }
  return [...new Set(out)];
}
function findSuiteFiles(dir) {
  if (!existsSync2(dir)) return [];
  return walk(dir, (p) => /\.ya?ml$/i.test(p)).filter((p) => {
    try {
      const v = parseYamlSource(readFileSync2(p, "utf8"), p).value;
      return v !== null && typeof v === "object" && "cases" in v && "prompt" in v;
    } catch {
      return false;
    }
  });
}
async function suiteUses(suiteFiles, cwd, findings, within) {
  const byPrompt = /* @__PURE__ */ new Map();
  for (const file of suiteFiles) {
    const shown = relative2(cwd, file) || file;
    let base;
    try {
      base = await loadSuite(file, cwd, void 0, within);
    } catch (err) {
      findings.push(suiteFinding(err, shown));
      continue;
    }
    const loads = [{ suite: base, label: shown }];
    for (const v of base.suite.variants ?? []) {
      try {
        loads.push({ suite: await loadSuite(file, cwd, v.name, within), label: `${shown} --variant ${v.name}` });
      } catch (err) {
        findings.push(suiteFinding(err, shown));
      }
    }
    for (const u of loads) {
      if (!u.suite.promptFile) continue;
      const key = resolve2(cwd, u.suite.promptFile.file);
      if (!byPrompt.has(key)) byPrompt.set(key, []);
      byPrompt.get(key).push(u);
    }
  }
  return byPrompt;
}
function suiteFinding(err, shown) {
  if (!(err instanceof LlmopsError)) throw err;
  const m = /^(.*?):(\d+)(?::(\d+))?: ([\s\S]*)$/.exec(err.message);
  return m ? { severity: "error", rule: "config", file: m[1], line: Number(m[2]), col: Number(m[3] ?? 1), message: m[4], hint: err.hint } : { severity: "error", rule: "config", file: shown, line: 1, col: 1, message: err.message, hint: err.hint };
}
async function counterFor(spec, baseDir, cwd, where, model) {
  if (spec !== void 0) return { counter: await loadTokenCounter(spec, baseDir, cwd, where) };
  if (await encodingForModel(model)) return { counter: await loadTokenCounter(model, baseDir, cwd, where) };
  return { counter: null, reason: `no tokenizer: set target.tokenizer in the suite (or model.tokenizer in the prompt); "${model}" is not an OpenAI model name` };
}
async function toUse(prompt, u, cwd) {
  const t = u.suite.suite.target;
  const hints = prompt.meta.model ?? {};
  const suiteSpec = t.tokenizer;
  const { counter, reason } = await counterFor(suiteSpec ?? hints.tokenizer, suiteSpec !== void 0 ? dirname2(u.suite.file) : dirname2(resolve2(cwd, prompt.file)), cwd, suiteSpec !== void 0 ? `${u.label}: target.tokenizer` : `${prompt.file}: model.tokenizer`, t.model);
  return {
    label: u.label,
    cases: await collectCases(u.suite.cases),
    api: t.api,
    model: t.model,
    maxTokens: t.params.max_tokens ?? hints.max_tokens ?? null,
    context: t.context ?? t.serve?.ctx ?? hints.context ?? null,
    counter,
    noCounterReason: reason
  };
}
async function exampleUse(prompt, cwd) {
  const hints = prompt.meta.model ?? {};
  const examples = prompt.meta.examples ?? [];
  if (examples.length === 0 && hints.context === void 0) return null;
  const cases = examples.map((vars, i) => {
    const pos = prompt.metaDoc?.locate(["examples", i]) ?? { line: 1, col: 1 };
    return { id: `example-${i + 1}`, input: void 0, vars, expected: null, tags: [], where: `${prompt.metaDoc?.file ?? prompt.file}:${pos.line}:${pos.col}` };
  });
  const model = hints.tokenizer ?? "(the prompt's model hints)";
  const { counter, reason } = hints.tokenizer !== void 0 ? await counterFor(hints.tokenizer, dirname2(resolve2(cwd, prompt.file)), cwd, `${prompt.file}: model.tokenizer`, model) : { counter: null, reason: "no tokenizer: set model.tokenizer in the prompt" };
  return { label: `${prompt.file} examples`, cases, api: hints.api ?? "chat", model, maxTokens: hints.max_tokens ?? null, context: hints.context ?? null, counter, noCounterReason: reason };
}
async function lintPrompts(opts) {
  const files = findPromptFiles(opts.paths, opts.cwd);
  const findings = [];
  const suiteFiles = findSuiteFiles(opts.suitesDir);
  const uses = await suiteUses(suiteFiles, opts.cwd, findings);
  const prompts = [];
  const promptShown = /* @__PURE__ */ new Set();
  for (const path of files) {
    const { file, problems, source } = inspectPromptFile(path, opts.cwd);
    promptShown.add(source.file);
    if (source.sidecar) promptShown.add(source.sidecar.file);
    if (!file) {
      prompts.push({ file: source.file, version: "", semver: null, owner: null, description: null, variables: { required: [], optional: [] }, uses: [], budgets: [], findings: problems.map((p) => ({ severity: "error", rule: "config", ...p })) });
      continue;
    }
    const mine = uses.get(path) ?? [];
    const promptUses = [];
    for (const u of mine) {
      try {
        promptUses.push(await toUse(file, u, opts.cwd));
      } catch (err) {
        findings.push(suiteFinding(err, u.label));
      }
    }
    if (promptUses.length === 0) {
      const own2 = await exampleUse(file, opts.cwd).catch((err) => {
        findings.push(suiteFinding(err, file.file));
        return null;
      });
      if (own2) promptUses.push(own2);
    }
    prompts.push(lintPrompt(file, problems, promptUses));
  }
  const own = new Set(prompts.flatMap((p) => p.findings.map((f) => `${f.file}:${f.line}:${f.col}`)));
  const outside = dedupe(findings.filter((f) => !(promptShown.has(f.file) && own.has(`${f.file}:${f.line}:${f.col}`))));
  const all = [...prompts.flatMap((p) => p.findings), ...outside];
  return {
    prompts,
    findings: outside,
    suites: suiteFiles.map((f) => relative2(opts.cwd, f) || f),
    errors: all.filter((f) => f.severity === "error").length,
    warnings: all.filter((f) => f.severity === "warning").length
  };
}
function dedupe(fs) {
  const seen = /* @__PURE__ */ new Set();
  return fs.filter((f) => {
    const k = `${f.file}:${f.line}:${f.col}:${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// src/app/prompts/diff-prompts.ts
var isPromptPath = (p) => PROMPT_EXTENSIONS.includes(extname2(p).toLowerCase());
var sidecarOf = (p, has) => {
  if (/\.ya?ml$/i.test(p)) return null;
  const stem = p.slice(0, p.length - extname2(p).length);
  return [`${stem}.yaml`, `${stem}.yml`].find(has) ?? null;
};
async function repoTop(dir, what) {
  const top = await new GitCli(dir).run(["rev-parse", "--show-toplevel"], { allowFail: true });
  if (top.code !== 0) throw new InputError(`prompts diff: ${what} ${dir} is not inside a git repository`, { hint: "run it in the repository whose prompts you changed" });
  return top.stdout.toString("utf8").trim();
}
async function diffPrompts(opts) {
  const root = await repoTop(opts.cwd, "the working directory");
  const git = new GitCli(opts.baseRepo === void 0 ? root : await repoTop(opts.baseRepo, "the base checkout"));
  const commit = await git.resolveCommit(opts.base);
  const baseFiles = /* @__PURE__ */ new Map();
  for (const p of opts.paths) {
    const rel = relative3(root, resolve3(opts.cwd, p)).split("\\").join("/");
    if (rel.startsWith("..")) throw new InputError(`prompts diff: ${p} is outside the repository ${root}`);
    for (const f of await git.listTree(commit, rel || ".")) baseFiles.set(f.path === "" ? rel : rel ? `${rel}/${f.path}` : f.path, f.blob);
  }
  const readBase = async (rel) => {
    const blob = baseFiles.get(rel);
    return blob === void 0 ? null : Buffer.from(await git.readBlob(blob)).toString("utf8");
  };
  const headPaths = opts.paths.filter((p) => existsSync3(resolve3(opts.cwd, p)));
  const head = new Set(findPromptFiles(headPaths, opts.cwd).map((f) => relative3(root, f).split("\\").join("/")));
  const basePrompts = [...baseFiles.keys()].filter((p) => isPromptPath(p) && (!/\.ya?ml$/i.test(p) || !sidecarOwner(p, baseFiles)));
  const all = [.../* @__PURE__ */ new Set([...head, ...basePrompts])].sort();
  const suites = findSuiteFiles(opts.suitesDir);
  const contain = (p, what) => assertInside(p, root, what);
  const uses = await suiteUses(suites, opts.cwd, [], root);
  const changes = [];
  for (const rel of all) {
    const abs = resolve3(root, rel);
    const shown = relative3(opts.cwd, abs) || abs;
    const baseText = await readBase(rel);
    const baseSide = sidecarOf(rel, (q) => baseFiles.has(q));
    const baseSidecarText = baseSide ? await readBase(baseSide) : null;
    const headSource = head.has(rel) ? readPromptSource(abs, opts.cwd, contain) : null;
    if (baseText === null && headSource === null) continue;
    if (baseText !== null && headSource === null && /\.ya?ml$/i.test(rel) && !yamlLooksLikePrompt(baseText)) continue;
    const same = headSource !== null && baseText === headSource.text && (baseSidecarText ?? null) === (headSource.sidecar?.text ?? null);
    if (same) continue;
    const before = baseText === null ? null : readPromptFile({ file: shown, text: baseText, sidecar: baseSidecarText !== null && baseSide ? { file: relative3(opts.cwd, resolve3(root, baseSide)), text: baseSidecarText } : void 0 }).file;
    const after = headSource ? readPromptFile(headSource).file : null;
    const templateDiff = unifiedDiff(baseText ?? "", headSource?.text ?? "", { a: baseText === null ? "/dev/null" : `a/${rel}`, b: headSource ? `b/${rel}` : "/dev/null" }) + (baseSide || headSource?.sidecar ? unifiedDiff(baseSidecarText ?? "", headSource?.sidecar?.text ?? "", { a: baseSide ? `a/${baseSide}` : "/dev/null", b: headSource?.sidecar ? `b/${relative3(root, resolve3(opts.cwd, headSource.sidecar.file))}` : "/dev/null" }) : "");
    const sample = await sampleCases(abs, after ?? before, uses, opts.samples);
    const rendered = [];
    const notes = [];
    const b = compileOrNote(before, "base", notes);
    const h = compileOrNote(after, "head", notes);
    for (const c of sample.cases) {
      const vars = c.input === void 0 ? c.vars : { ...c.vars, input: c.input };
      const rb = renderOrNote(b, vars, c, "base", notes);
      const rh = renderOrNote(h, vars, c, "head", notes);
      if (rb === null && rh === null) continue;
      const diff = unifiedDiff(rb ?? "", rh ?? "", { a: `base (case ${c.id})`, b: `head (case ${c.id})` });
      rendered.push({ case: c.id, where: c.where ?? null, changed: diff !== "", diff, before: rb, after: rh });
    }
    changes.push({
      file: shown,
      status: baseText === null ? "added" : headSource === null ? "removed" : "modified",
      base: before ? { version: before.version, semver: before.meta.semver ?? null } : null,
      head: after ? { version: after.version, semver: after.meta.semver ?? null } : null,
      template_diff: templateDiff,
      cases_from: sample.from,
      rendered,
      notes: [...new Set(notes)]
    });
  }
  return { base: opts.base, base_commit: commit, changes };
}
function sidecarOwner(yamlRel, files) {
  const stem = yamlRel.replace(/\.ya?ml$/i, "");
  return [".jinja", ".j2", ".jinja2", ".txt", ".md"].some((e) => files.has(stem + e));
}
function yamlLooksLikePrompt(text) {
  return /^(messages|template)\s*:/m.test(text);
}
async function sampleCases(abs, prompt, uses, n) {
  const u = uses.get(abs)?.[0];
  if (u) return { cases: await collectCases(u.suite.cases, n), from: u.label };
  const ex = prompt?.meta.examples ?? [];
  if (ex.length) return { cases: ex.slice(0, n).map((vars, i) => ({ id: `example-${i + 1}`, input: void 0, vars, expected: null, tags: [], where: prompt.file })), from: `${prompt.file} examples` };
  return { cases: [], from: null };
}
function compileOrNote(p, side, notes) {
  if (!p) return null;
  try {
    return compilePrompt(p.spec, p.file, p.origins);
  } catch (err) {
    notes.push(`${side}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
function renderOrNote(p, vars, c, side, notes) {
  if (!p) return null;
  try {
    return p.render(vars, { caseId: c.id, where: c.where }).text;
  } catch (err) {
    notes.push(`${side}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

export {
  findSuiteFiles,
  suiteUses,
  lintPrompts,
  diffPrompts
};
