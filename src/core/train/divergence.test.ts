import { describe, expect, it } from "vitest";
import { DivergenceDetector } from "./divergence.js";

function run(losses: number[], factor = 3, window = 3) {
  const d = new DivergenceDetector(factor, window);
  for (let i = 0; i < losses.length; i++) {
    const r = d.observe((i + 1) * 10, losses[i]!);
    if (r) return r;
  }
  return undefined;
}

describe("DivergenceDetector", () => {
  it("accepts a falling curve with noise", () => {
    expect(run([5, 4, 4.5, 3, 3.2, 2.5, 2.8, 2.1])).toBeUndefined();
  });
  it.each([
    [Number.NaN, "loss became NaN at step 30"],
    [Infinity, "loss became +∞ at step 30"],
    [-Infinity, "loss became -∞ at step 30"],
  ])("stops at once on %s, naming the step", (bad, reason) => {
    expect(run([5, 4, bad, 3])).toEqual({ step: 30, reason });
  });
  it("stops when the loss stays above factor × minimum for the window, naming where it began", () => {
    expect(run([4, 2, 1, 3.5, 3.6, 3.7, 3.8])).toEqual({
      step: 40,
      reason: "loss diverged at step 40: above 3× its minimum 1 for 3 logged steps (now 3.7 at step 60)",
    });
  });
  it("resets the count when the loss comes back", () => {
    expect(run([1, 3.5, 3.5, 1.2, 3.5, 3.5, 1.1])).toBeUndefined();
  });
});
