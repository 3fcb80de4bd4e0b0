#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/core/eval/new-cases.ts
var NEW_CASES_DIR = "new-cases";
function newCasesOf(yardstick, candidate) {
  const known = new Set(yardstick.map((c) => c.id));
  return candidate.filter((c) => !known.has(c.id));
}

export {
  NEW_CASES_DIR,
  newCasesOf
};
