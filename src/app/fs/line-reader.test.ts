import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLines } from "./line-reader.js";

const dir = mkdtempSync(join(tmpdir(), "llmops-lines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readLines", () => {
  // Chunks of 8 bytes: lines longer than a chunk, multi-byte characters split across chunks.
  const cases: [string, string][] = [
    ["no trailing newline", "a\nbb\nccc"],
    ["trailing newline", "a\nbb\n"],
    ["empty lines and CRLF", "\n\r\nx\r\n\n"],
    ["long and multi-byte lines", `${"é".repeat(21)}\nzü€😀${"x".repeat(40)}\n€`],
    ["empty file", ""],
  ];
  for (const [name, text] of cases) {
    it(`${name}: the lines split("\\n") gives, and every byte to onChunk`, () => {
      const f = join(dir, `${name}.txt`);
      writeFileSync(f, text);
      const seen: Buffer[] = [];
      const lines = [...readLines(f, 8, (b) => seen.push(Buffer.from(b)))];
      const want = text.split("\n");
      if (want.at(-1) === "") want.pop();
      expect(lines).toEqual(want);
      expect(Buffer.concat(seen).toString("utf8")).toBe(text);
    });
  }
});
