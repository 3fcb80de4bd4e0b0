#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/core/train/content-hash.ts
import { createHash } from "node:crypto";
function createContentHasher() {
  const h = createHash("sha256");
  return {
    addFile(relativePath, size) {
      h.update(`${relativePath}\0${size}\0`, "utf8");
    },
    addBytes(chunk) {
      h.update(chunk);
    },
    digest: () => `sha256:${h.digest("hex")}`
  };
}
function sortForHash(paths) {
  return [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
function isCheckpointPath(relative) {
  return /(^|\/)(checkpoint-\d+|checkpoints|axolotl-prepared|runs)(\/|$)/.test(relative);
}
function sha256Text(text) {
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}

export {
  createContentHasher,
  sortForHash,
  isCheckpointPath,
  sha256Text
};
