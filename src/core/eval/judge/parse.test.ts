import { describe, expect, it } from "vitest";
import { parsePairwiseVerdict, parseRubricVerdict } from "./parse.js";

describe("parseRubricVerdict", () => {
  it.each([
    ['{"reason": "fine", "score": 4}', 5, 4, "fine"],
    ['Thinking… {"draft": {"score": 1}} final: {"score": "5", "reason": "ok"}', 5, 5, "ok"],
    ["```json\n{\"rating\": 2}\n```", 5, 2, null],
    ["Rating: [[3]]", 5, 3, null],
    ["The answer is wrong.\nScore: 1", 5, 1, null],
    ["**Score:** 7", 10, 7, null],
    ['{"verdict": "pass", "reason": "meets it"}', "pass_fail", 1, "meets it"],
    ["Verdict: FAIL", "pass_fail", 0, null],
    ['{"score": true}', "pass_fail", 1, null],
  ] as const)("%j (scale %s) → %s", (text, scale, score, reason) => {
    expect(parseRubricVerdict(text, scale)).toEqual({ ok: true, score, reason });
  });

  it.each([
    ["I cannot decide.", 5, /no score found: expected JSON \{"score": 1-5/],
    ['{"score": 6}', 5, /score 6 is not an integer from 1 to 5/],
    ['{"score": 3.5}', 5, /score 3.5 is not an integer/],
    ['{"score": "high"}', 5, /score "high" is not an integer/],
    ["Score: 0", 5, /score "0" is not an integer from 1 to 5/],
    ['{"verdict": "maybe"}', "pass_fail", /verdict "maybe" is neither pass nor fail/],
    ["", "pass_fail", /no verdict found/],
  ] as const)("%j (scale %s) is an error, never a 0", (text, scale, error) => {
    const v = parseRubricVerdict(text, scale);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatch(error);
  });

  it("stays fast on an answer full of braces", () => {
    const t0 = performance.now();
    expect(parseRubricVerdict("{".repeat(50_000) + "}".repeat(50_000), 5).ok).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("parsePairwiseVerdict", () => {
  it.each([
    ['{"reason": "clearer", "winner": "B"}', "B"],
    ['{"winner": "a"}', "A"],
    ['{"winner": "tie"}', "tie"],
    ["[[A]]", "A"],
    ["Both are fine. [[C]]", "tie"],
    ["Winner: B", "B"],
  ] as const)("%j → %s", (text, choice) => {
    const v = parsePairwiseVerdict(text);
    expect(v.ok && v.choice).toBe(choice);
  });

  it.each([["They are both answers."], ['{"winner": "C+"}'], ['{"winner": 1}']])("%j is an error", (text) => {
    expect(parsePairwiseVerdict(text).ok).toBe(false);
  });
});
