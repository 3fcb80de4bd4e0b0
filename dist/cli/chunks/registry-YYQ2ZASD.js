#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  registryCommand,
  resolveEnv
} from "./chunk-TBX7GUEC.js";
import "./chunk-CJUN5WKK.js";
import "./chunk-ZH24RDZS.js";
import "./chunk-6SZRFP6W.js";
import "./chunk-UO2TN4KU.js";
import "./chunk-EI544OTC.js";
import "./chunk-O535G6Z6.js";
import "./chunk-U3RUJJS6.js";
import "./chunk-XQ6Z47X5.js";
import "./chunk-LXVW643N.js";
import "./chunk-TQEUFEDE.js";
export {
  registryCommand,
  resolveEnv
};
