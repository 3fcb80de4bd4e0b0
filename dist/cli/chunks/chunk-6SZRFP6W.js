#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/app/fs/sha256-file.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
async function sha256File(path) {
  return (await sha256AndLines(path, false)).hash;
}
async function sha256AndLines(path, countLines) {
  const h = createHash("sha256");
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const b = chunk;
    h.update(b);
    if (!countLines || b.length === 0) continue;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
    last = b[b.length - 1];
  }
  return { hash: h.digest("hex"), lines: countLines ? lines + (last === 10 ? 0 : 1) : void 0 };
}

export {
  sha256File,
  sha256AndLines
};
