#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-O535G6Z6.js";

// src/core/config/names.ts
var SAFE_NAME_RULE = "1\u2013100 characters: letters, digits, '.', '_' and '-', starting with a letter or digit, with no '..'";
var SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
function isSafeName(name) {
  return SAFE_NAME.test(name) && !name.includes("..");
}
var safeNameSchema = external_exports.string().refine(isSafeName, { message: `expected a name that is safe as a path segment: ${SAFE_NAME_RULE}` });

export {
  SAFE_NAME_RULE,
  isSafeName,
  safeNameSchema
};
