// The prompt diff's line diff against GNU diff: on random texts both find a minimal edit (the same
// number of lines removed and added), and our hunks, applied to the old text, give the new one.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffLines, unifiedDiff } from "../../src/core/prompts/line-diff.js";
import { tempDir } from "../support/cli.js";

const haveDiff = spawnSync("diff", ["--version"], { stdio: "ignore" }).status === 0;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe.skipIf(!haveDiff)(haveDiff ? "unifiedDiff vs GNU diff -u" : "unifiedDiff vs GNU diff -u — skipped: no diff on PATH", () => {
  it("300 random pairs: as many lines removed and added as GNU diff, and the edit script rebuilds the new text", () => {
    const dir = tempDir("llmops-diff-");
    const r = rng(7);
    const words = ["Q:", "A:", "{{ input }}", "Answer briefly.", "", "Be terse.", "context", "{% if x %}", "{% endif %}"];
    for (let k = 0; k < 300; k++) {
      const a = Array.from({ length: Math.floor(r() * 12) }, () => words[Math.floor(r() * words.length)]!);
      const b = a.filter(() => r() > 0.25).flatMap((l) => (r() > 0.8 ? [l, words[Math.floor(r() * words.length)]!] : [l]));
      const ta = a.map((l) => `${l}\n`).join("");
      const tb = b.map((l) => `${l}\n`).join("");
      writeFileSync(join(dir, "a"), ta);
      writeFileSync(join(dir, "b"), tb);
      const gnu = spawnSync("diff", ["-u", join(dir, "a"), join(dir, "b")], { encoding: "utf8" }).stdout.split("\n").slice(2);
      const ours = unifiedDiff(ta, tb, { a: "a", b: "b" }).split("\n").slice(2);
      const count = (ls: string[], c: string) => ls.filter((l) => l.startsWith(c)).length;
      expect([count(ours, "-"), count(ours, "+")], `${JSON.stringify(ta)} → ${JSON.stringify(tb)}`).toEqual([count(gnu, "-"), count(gnu, "+")]);
      const rebuilt = diffLines(a, b).filter((o) => o.op !== "-").map((o) => o.text);
      expect(rebuilt).toEqual(b);
    }
  });
});
