#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  sha256
} from "./chunk-XJB2EXL5.js";
import {
  stableStringify
} from "./chunk-XYQJ7XHL.js";
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
function parseCaseLine(line, file, lineNo) {
  if (lineNo === 1 && line.charCodeAt(0) === 65279) line = line.slice(1);
  if (line.endsWith("\r")) line = line.slice(0, -1);
  if (line.trim() === "") return null;
  let value;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`${file}:${lineNo}: invalid JSON: ${why}`, { hint: "each line must be one JSON object; fix or remove that line" });
  }
  return toCase(value, `${file}:${lineNo}`);
}

export {
  toCase,
  parseCaseLine
};
