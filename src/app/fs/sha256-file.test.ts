import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256AndLines, sha256File } from "./sha256-file.js";

describe("sha256AndLines", () => {
  const dir = mkdtempSync(join(tmpdir(), "sha-lines-"));
  const file = (name: string, text: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it("counts newlines, and an unterminated last line, with the same hash as sha256File", async () => {
    for (const [text, lines] of [["", 0], ["a\n", 1], ["a\nb", 2], ["a\n\nb\n", 3], ["\n", 1]] as const) {
      const p = file(`t${lines}-${text.length}`, text);
      const r = await sha256AndLines(p, true);
      expect(r.lines, JSON.stringify(text)).toBe(lines);
      expect(r.hash).toBe(await sha256File(p));
    }
  });

  it("counts across 1 MiB read chunks, and only when asked", async () => {
    const line = `${"x".repeat(99)}\n`;
    const p = file("big", line.repeat(30_000)); // 3 MB: lines cross chunk edges
    expect((await sha256AndLines(p, true)).lines).toBe(30_000);
    expect((await sha256AndLines(p, false)).lines).toBeUndefined();
  });
});
