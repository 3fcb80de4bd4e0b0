import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.js";

function split(chunks: string[], max = 100) {
  const out: string[] = [];
  const s = new LineSplitter(
    {
      line: (b, n, terminated, inChunk) => void out.push(`${n}:${Buffer.from(b).toString()}${terminated ? "" : "(unterminated)"}${inChunk ? "" : "(carried)"}`),
      tooLong: (n, len) => void out.push(`${n}:TOO_LONG(${len})`),
    },
    max,
  );
  for (const c of chunks) s.push(Buffer.from(c));
  s.end();
  return out;
}

describe("LineSplitter", () => {
  it.each([
    { name: "one chunk", chunks: ["a\nb\n"], want: ["1:a", "2:b"] },
    { name: "line across chunks", chunks: ["ab", "c\nd", "e\n"], want: ["1:abc(carried)", "2:de(carried)"] },
    { name: "no final newline", chunks: ["a\nb"], want: ["1:a", "2:b(unterminated)(carried)"] },
    { name: "empty lines kept", chunks: ["\n\na\n"], want: ["1:", "2:", "3:a"] },
    { name: "empty input", chunks: [], want: [] },
    { name: "too long, in one chunk", chunks: ["0123456789abc\nok\n"], want: ["1:TOO_LONG(13)", "2:ok"] },
    { name: "too long across chunks", chunks: ["01234", "56789", "ab\nok"], want: ["1:TOO_LONG(12)", "2:ok(unterminated)(carried)"] },
    { name: "too long at end", chunks: ["ok\n0123456789abcdef"], want: ["1:ok", "2:TOO_LONG(16)"] },
  ])("$name", ({ chunks, want }) => {
    expect(split(chunks, 10)).toEqual(want);
  });

  it("stops when the sink says so", () => {
    const seen: number[] = [];
    const s = new LineSplitter({ line: (_b, n) => (seen.push(n), n === 2), tooLong: () => undefined }, 100);
    s.push(Buffer.from("a\nb\nc\nd\n"));
    s.end();
    expect(seen).toEqual([1, 2]);
    expect(s.stopped).toBe(true);
  });
});
