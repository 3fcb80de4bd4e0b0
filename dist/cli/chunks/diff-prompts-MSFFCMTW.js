#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  diffPrompts
} from "./chunk-X5KKT2RS.js";
import "./chunk-CJUN5WKK.js";
import "./chunk-EHG56LXI.js";
import "./chunk-IHXCPMQT.js";
import "./chunk-6OGLGLVE.js";
import "./chunk-X3RC7ABN.js";
import "./chunk-NL2CYBYI.js";
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
