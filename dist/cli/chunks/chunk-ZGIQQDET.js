#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  WJ
} from "./chunk-VQI3AYYW.js";

// src/core/report/escape-log.ts
var COMMAND_AT_LINE_START = /(^|[\n\r])([\t \u00a0\u2000-\u200b\u3000\ufeff]*)(::|##\[)/g;
function neutralizeLogText(text) {
  return text.replace(COMMAND_AT_LINE_START, (_m, brk, blanks, cmd) => `${brk}${blanks}${cmd[0]}${WJ}${cmd.slice(1)}`);
}

export {
  neutralizeLogText
};
