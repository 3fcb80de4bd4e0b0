#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-O535G6Z6.js";

// src/core/contracts/eval-shard.ts
var EvalShardSchema = external_exports.object({
  schema: external_exports.literal("llmops.eval-shard/v1"),
  index: external_exports.number().int().positive(),
  count: external_exports.number().int().positive(),
  suite: external_exports.object({ name: external_exports.string(), file: external_exports.string(), hash: external_exports.string() }),
  total_cases: external_exports.number().int().nonnegative(),
  case_ids: external_exports.array(external_exports.string())
});

export {
  EvalShardSchema
};
