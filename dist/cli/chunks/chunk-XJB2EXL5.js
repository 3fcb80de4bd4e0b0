#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/core/eval/hash.ts
import * as crypto from "node:crypto";
var oneShot = crypto.hash;
function sha256(data) {
  return oneShot !== void 0 ? oneShot("sha256", data, "hex") : crypto.createHash("sha256").update(data).digest("hex");
}

export {
  sha256
};
