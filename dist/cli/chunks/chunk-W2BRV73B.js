#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  sha256
} from "./chunk-NL2CYBYI.js";
import {
  stableStringify
} from "./chunk-KHVKHKQQ.js";
import {
  ConfigError
} from "./chunk-LXVW643N.js";

// src/core/eval/cases.ts
var CASE_KEYS = /* @__PURE__ */ new Set(["id", "input", "vars", "expected", "tags"]);
function toCase(raw, where) {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError(`${where}: a case must be an object like {"id": \u2026, "input": \u2026, "expected": \u2026}`);
  }
  const o = raw;
  for (const k of Object.keys(o)) {
    if (!CASE_KEYS.has(k)) throw new ConfigError(`${where}: unknown field "${k}" in a case (allowed: id, input, vars, expected, tags)`, { hint: 'put extra fields under "vars"' });
  }
  if (o.input !== void 0 && typeof o.input !== "string") throw new ConfigError(`${where}: "input" must be a string, found ${typeof o.input}`);
  if (o.vars !== void 0 && (o.vars === null || typeof o.vars !== "object" || Array.isArray(o.vars))) {
    throw new ConfigError(`${where}: "vars" must be an object of template variables`);
  }
  if (o.input === void 0 && o.vars === void 0) throw new ConfigError(`${where}: a case needs "input" or "vars"`);
  if (o.id !== void 0 && typeof o.id !== "string" && typeof o.id !== "number") throw new ConfigError(`${where}: "id" must be a string or a number`);
  const vars = o.vars ?? {};
  const id = o.id !== void 0 ? String(o.id) : `h-${sha256(stableStringify({ input: o.input, vars })).slice(0, 12)}`;
  const tags = Array.isArray(o.tags) ? o.tags.map(String) : [];
  return { id, input: o.input, vars, expected: o.expected ?? null, tags, where };
}
function parseCasesJsonl(text, file) {
  const cases = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (i === 0 && line.charCodeAt(0) === 65279) line = line.slice(1);
    line = line.replace(/\r$/, "");
    if (line.trim() === "") continue;
    let value;
    try {
      value = JSON.parse(line);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new ConfigError(`${file}:${i + 1}: invalid JSON: ${why}`, { hint: "each line must be one JSON object; fix or remove that line" });
    }
    cases.push(toCase(value, `${file}:${i + 1}`));
  }
  return cases;
}
function checkUniqueIds(cases, where) {
  const seen = /* @__PURE__ */ new Map();
  cases.forEach((c, i) => {
    const prev = seen.get(c.id);
    if (prev !== void 0) {
      throw new ConfigError(`${where(i)}: duplicate case id "${c.id}" (first at ${where(prev)})`, { hint: "case ids must be unique: results are paired across runs by id" });
    }
    seen.set(c.id, i);
  });
}
function findDuplicateInputs(cases, where) {
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  cases.forEach((c, i) => {
    const key = stableStringify({ input: c.input ?? null, vars: c.vars });
    const prev = seen.get(key);
    if (prev === void 0) seen.set(key, i);
    else out.push(`${where(i)}: case "${c.id}" has the same input as case "${cases[prev].id}" (${where(prev)}); it is asked twice and counts twice in every mean \u2014 remove or change one`);
  });
  return out;
}

export {
  toCase,
  parseCasesJsonl,
  checkUniqueIds,
  findDuplicateInputs
};
