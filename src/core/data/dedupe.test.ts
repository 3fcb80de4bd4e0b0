import { describe, expect, it } from "vitest";
import { Deduper, defaultDedupeOptions } from "./dedupe.js";
import { Hash64Map, hash64, normalizeText } from "./hashing.js";
import { LshIndex, MinHasher, lshParams } from "./minhash.js";

const words = (n: number, seed: number) => {
  let s = seed;
  return Array.from({ length: n }, () => `w${(s = (s * 1103515245 + 12345) % 2 ** 31) % 5000}`).join(" ");
};

function jaccard(a: string, b: string, n = 3): number {
  const sh = (t: string) => {
    const w = t.split(" ");
    const out = new Set<string>();
    for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(" "));
    return out;
  };
  const x = sh(a);
  const y = sh(b);
  let inter = 0;
  for (const s of x) if (y.has(s)) inter++;
  return inter / (x.size + y.size - inter);
}

describe("MinHash", () => {
  it("estimates Jaccard within a few points of the truth", () => {
    const h = new MinHasher({ numPerm: 256, shingle: 3, threshold: 0.9, seed: 3 });
    const base = words(200, 1);
    const w = base.split(" ");
    for (const [edit, tolerance] of [[5, 0.08], [20, 0.08], [60, 0.08]] as const) {
      const other = w.map((x, i) => (i % Math.floor(200 / edit) === 0 ? `zz${i}` : x)).join(" ");
      const idx = new LshIndex(256, 0.01);
      idx.add(h.signature(base));
      const est = idx.query(h.signature(other))?.similarity ?? 0;
      expect(Math.abs(est - jaccard(base, other))).toBeLessThan(tolerance);
    }
  });

  it("chooses more bands for lower thresholds", () => {
    expect(lshParams(0.9, 64)).toEqual({ bands: 6, rows: 10 });
    expect(lshParams(0.5, 64).bands).toBeGreaterThan(6);
  });
});

describe("Deduper", () => {
  it("finds exact duplicates after normalisation, near ones by similarity, and keeps the first", () => {
    const d = new Deduper({ ...defaultDedupeOptions, exampleLimit: 10 });
    const base = words(100, 7);
    const near = base.replace(/^(\S+)/, "different");
    const other = words(100, 99);
    const hits = [base, `  ${base.toUpperCase()} `, near, other].map((t, i) => d.check(t, { file: "f", line: i + 1 }));
    expect(hits.map((h) => h?.kind ?? null)).toEqual([null, "exact", "near", null]);
    expect(hits[2]!.of).toEqual({ file: "f", line: 1 });
    expect(hits[2]!.similarity).toBeGreaterThan(0.9);
    expect(d.result()).toMatchObject({ records: 4, unique: 2, exact: 1, near: 1 });
  });

  it("exact-only mode ignores near duplicates", () => {
    const d = new Deduper({ ...defaultDedupeOptions, near: false });
    const base = words(100, 7);
    expect(d.check(base, { file: "f", line: 1 })).toBeUndefined();
    expect(d.check(base.replace(/^(\S+)/, "x"), { file: "f", line: 2 })).toBeUndefined();
  });

  it("does not flag records that share only a template", () => {
    const d = new Deduper(defaultDedupeOptions);
    let flagged = 0;
    for (let a = 0; a < 30; a++) if (d.check(`What is ${a} + ${a * 7 + 3}?\n${a * 8 + 3}`, { file: "f", line: a + 1 })) flagged++;
    expect(flagged).toBe(0);
  });
});

describe("Hash64Map", () => {
  it("keeps the first value and grows", () => {
    const m = new Hash64Map(4);
    for (let i = 0; i < 1000; i++) {
      const [hi, lo] = hash64(`k${i}`);
      expect(m.setIfAbsent(hi, lo, i)).toBe(-1);
    }
    const [hi, lo] = hash64("k500");
    expect(m.setIfAbsent(hi, lo, 9)).toBe(500);
    expect(m.get(...hash64("nope"))).toBe(-1);
    expect(m.size).toBe(1000);
  });

  it("normalises NFC, case and whitespace", () => {
    expect(normalizeText("  Cafe\u0301\n\tOK ")).toBe("caf\u00e9 ok");
  });
});
