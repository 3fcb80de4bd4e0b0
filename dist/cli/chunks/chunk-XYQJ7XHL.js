#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/core/stable-json.ts
function stableStringify(v) {
  if (typeof v === "bigint") return v.toString();
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) {
    let s2 = "[";
    for (let i = 0; i < v.length; i++) {
      if (i > 0) s2 += ",";
      if (i in v) s2 += stableStringify(v[i]);
    }
    return `${s2}]`;
  }
  const o = v;
  const keys = Object.keys(o);
  if (keys.length > 1) keys.sort();
  let s = "{";
  let first = true;
  for (const k of keys) {
    const x = o[k];
    if (x === void 0) continue;
    if (!first) s += ",";
    first = false;
    s += `${JSON.stringify(k)}:${stableStringify(x)}`;
  }
  return `${s}}`;
}

export {
  stableStringify
};
