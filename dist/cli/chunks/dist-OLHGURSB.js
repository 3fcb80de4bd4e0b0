#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  Environment,
  Interpreter,
  Template,
  parse,
  tokenize
} from "./chunk-H2E2EDID.js";
import "./chunk-TQEUFEDE.js";
export {
  Environment,
  Interpreter,
  Template,
  parse,
  tokenize
};
