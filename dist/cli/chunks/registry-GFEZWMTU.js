#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  registryCommand,
  resolveEnv
} from "./chunk-K7VMXTP3.js";
import "./chunk-ZH24RDZS.js";
import "./chunk-AEQLMHJU.js";
import "./chunk-U3RUJJS6.js";
import "./chunk-EI544OTC.js";
import "./chunk-O535G6Z6.js";
import "./chunk-ER267KSC.js";
import "./chunk-TQEUFEDE.js";
export {
  registryCommand,
  resolveEnv
};
