#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  DigestIndex
} from "./chunk-IT4PQUIZ.js";

// src/core/eval/new-cases.ts
var NEW_CASES_DIR = "new-cases";
async function newCaseSetOf(yardstick, candidate) {
  async function* stream() {
    for await (const c of candidate.stream()) if (yardstick.ids.get(c.id) < 0) yield c;
  }
  const ids = new DigestIndex();
  let count = 0;
  for await (const c of stream()) ids.setIfAbsent(c.id, count++);
  return { stream, count, ids };
}

export {
  NEW_CASES_DIR,
  newCaseSetOf
};
