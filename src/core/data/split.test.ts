import { describe, expect, it } from "vitest";
import { assignSplit, assignStratified, parseSplitRatios, splitKeyOf, splitPoint } from "./split.js";

describe("stable splits", () => {
  const spec = parseSplitRatios("train=0.8,val=0.1,test=0.1");

  it("parses ratios and rejects bad ones", () => {
    expect(spec.names).toEqual(["train", "val", "test"]);
    expect(spec.bounds[2]).toBe(1);
    expect(() => parseSplitRatios("train=0.9")).toThrow(/at least two/);
    expect(() => parseSplitRatios("train:0.9,val=0.1")).toThrow(/NAME=RATIO/);
    expect(() => parseSplitRatios("train=0.9,val=0.3")).toThrow("--ratios: the fractions add up to 1.2, not 1");
    expect(parseSplitRatios("train=8,val=1,test=1").ratios).toEqual([0.8, 0.1, 0.1]);
    expect(parseSplitRatios("train=0.7,val=0.2,test=0.1").names).toEqual(["train", "val", "test"]);
  });

  it("adding records never moves an existing one", () => {
    const assign = (ids: string[]) => new Map(ids.map((id) => [id, assignSplit(splitPoint(splitKeyOf({ id }, "auto", "x"), "s"), spec)]));
    const before = assign(Array.from({ length: 1000 }, (_, i) => `r${i}`));
    const after = assign(Array.from({ length: 1500 }, (_, i) => `r${i}`));
    for (const [id, s] of before) expect(after.get(id)).toBe(s);
    const counts = [0, 0, 0];
    for (const s of after.values()) counts[s]!++;
    expect(counts[0]! / 1500).toBeGreaterThan(0.75);
    expect(counts[0]! / 1500).toBeLessThan(0.85);
  });

  it("the seed changes the assignment; the key falls back to content without an id", () => {
    const p1 = splitPoint("id:a", "s1");
    expect(splitPoint("id:a", "s1")).toBe(p1);
    expect(splitPoint("id:a", "s2")).not.toBe(p1);
    expect(splitKeyOf({ b: 1, a: 2 }, "auto", "x")).toBe(splitKeyOf({ a: 2, b: 1 }, "auto", "x"));
    expect(() => splitKeyOf({ a: 1 }, "id", "f:3")).toThrow(/f:3: the record has no "id"/);
  });

  it("stratified: exact ratios per stratum", () => {
    const n = 200;
    const points = Float64Array.from({ length: n }, (_, i) => splitPoint(`k${i}`, "s"));
    const strata = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? "rare" : "common"));
    const two = parseSplitRatios("train=0.9,val=0.1");
    const out = assignStratified(points, strata, two);
    const val = (s: string) => strata.filter((x, i) => x === s && out[i] === 1).length;
    expect(val("rare")).toBe(5);
    expect(val("common")).toBe(15);
  });
});
