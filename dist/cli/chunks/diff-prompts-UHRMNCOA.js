#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  diffPrompts
} from "./chunk-PL4RDUIU.js";
import "./chunk-CJUN5WKK.js";
import "./chunk-4H2JUU47.js";
import "./chunk-6W2UH7JM.js";
import "./chunk-6OGLGLVE.js";
import "./chunk-FEQYUUYF.js";
import "./chunk-XJB2EXL5.js";
import "./chunk-6IFSKJTY.js";
import "./chunk-SDLTUNJ6.js";
import "./chunk-6SZRFP6W.js";
import "./chunk-LXJ4T7MW.js";
import "./chunk-GUNOHTC3.js";
import "./chunk-YIDI3EDI.js";
import "./chunk-UO2TN4KU.js";
import "./chunk-XYQJ7XHL.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import "./chunk-U3RUJJS6.js";
import "./chunk-XQ6Z47X5.js";
import "./chunk-LXVW643N.js";
import "./chunk-H2E2EDID.js";
import "./chunk-TQEUFEDE.js";
export {
  diffPrompts
};
