#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  registryCommand,
  resolveEnv
<<<<<<<< HEAD:dist/cli/chunks/registry-UDL6BIFV.js
} from "./chunk-HSGS7OTT.js";
import "./chunk-ZH24RDZS.js";
import "./chunk-54ENXB6H.js";
import "./chunk-UO2TN4KU.js";
========
} from "./chunk-HWAHR2V7.js";
import "./chunk-FWSZF34I.js";
import "./chunk-ZH24RDZS.js";
import "./chunk-54ENXB6H.js";
>>>>>>>> prompts:dist/cli/chunks/registry-QYFQZQN5.js
import "./chunk-EI544OTC.js";
import "./chunk-LB4VML34.js";
import "./chunk-O535G6Z6.js";
import "./chunk-U3RUJJS6.js";
<<<<<<<< HEAD:dist/cli/chunks/registry-UDL6BIFV.js
import "./chunk-LXVW643N.js";
========
import "./chunk-XQ6Z47X5.js";
import "./chunk-GV2EJZBQ.js";
>>>>>>>> prompts:dist/cli/chunks/registry-QYFQZQN5.js
import "./chunk-TQEUFEDE.js";
export {
  registryCommand,
  resolveEnv
};
