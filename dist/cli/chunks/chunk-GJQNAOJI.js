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
function escapeCommandData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeCommandProperty(text) {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function renderAnnotation(level, at, message) {
  const props = [`file=${escapeCommandProperty(at.file)}`, `line=${Math.max(1, Math.floor(at.line))}`];
  if (at.col !== void 0) props.push(`col=${Math.max(1, Math.floor(at.col))}`);
  if (at.title !== void 0) props.push(`title=${escapeCommandProperty(at.title)}`);
  return `::${level} ${props.join(",")}::${escapeCommandData(message)}`;
}

export {
  neutralizeLogText,
  renderAnnotation
};
