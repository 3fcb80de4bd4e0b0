import { describe, expect, it } from "vitest";
import { levenshtein, levenshteinDistance, levenshteinSimilarity } from "./levenshtein.js";

const baseInput = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };

describe("levenshtein", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["flaw", "lawn", 2],
    ["😀a", "a", 1],
    ["naïve", "naive", 1],
    ["intention", "execution", 5],
  ])("distance(%j, %j) = %i", (a, b, d) => {
    expect(levenshteinDistance(a, b)).toBe(d);
    expect(levenshteinDistance(b, a)).toBe(d);
  });

  it.each([
    ["", "", 1],
    ["kitten", "sitting", 1 - 3 / 7],
    ["😀😀", "😀x", 0.5],
    ["abc", "xyz", 0],
  ])("similarity(%j, %j) = %f (code points)", (a, b, s) => {
    expect(levenshteinSimilarity(a, b).similarity).toBeCloseTo(s, 12);
  });

  it("takes the closest reference, trims and optionally folds case", () => {
    const s = levenshtein.create(levenshtein.schema.parse({ type: "levenshtein", ignore_case: true }));
    const r = s.score({ ...baseInput, output: " Paris \n", expected: ["London", "paris"] });
    expect(r).toEqual({ value: 1, detail: { distance: 0 } });
    expect(s.score({ ...baseInput, output: "x", expected: undefined }).value).toBeNull();
  });
});
