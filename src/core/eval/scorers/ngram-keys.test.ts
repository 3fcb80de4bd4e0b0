import { describe, expect, it } from "vitest";
import { numericKeysFit, sortedMaxCounts, sortedNgramKeys, sortedOverlap } from "./ngram-keys.js";

const f = (xs: number[]) => Float64Array.from(xs).sort();

describe("numeric n-gram keys", () => {
  it("keys each n-gram by its ids in base radix, sorted per order", () => {
    const [uni, bi, tri] = sortedNgramKeys([2, 1, 2], 3, 3);
    expect([...(uni ?? [])]).toEqual([1, 2, 2]);
    expect([...(bi ?? [])]).toEqual([1 * 3 + 2, 2 * 3 + 1]);
    expect([...(tri ?? [])]).toEqual([2 * 9 + 1 * 3 + 2]);
  });
  it.each([
    [[1, 1, 2, 3], [1, 2, 2, 4], 2],
    [[], [1], 0],
    [[5, 5, 5], [5, 5], 2],
    [[1, 2, 3], [4, 5, 6], 0],
  ])("overlap(%j, %j) = %i", (a, b, n) => {
    expect(sortedOverlap(f(a), f(b))).toBe(n);
    expect(sortedOverlap(f(b), f(a))).toBe(n);
  });
  it("takes the max count of each key over several arrays", () => {
    expect([...sortedMaxCounts([f([1, 1, 2]), f([1, 2, 2, 3])])]).toEqual([1, 1, 2, 2, 3]);
  });
  it.each([
    [26, 6, true],
    [600, 6, false],
    [9740, 4, true],
    [9742, 4, false],
  ])("alphabet %i at order %i fits exact doubles: %s", (size, order, fits) => {
    expect(numericKeysFit(size, order)).toBe(fits);
  });
});
