import { describe, expect, it } from "vitest";
import { assessLearning } from "./learning.js";

const series = (...losses: number[]) => losses.map((loss, i) => ({ step: (i + 1) * 5, loss }));

describe("assessLearning", () => {
  it("passes a run whose loss falls", () => expect(assessLearning(series(5.6, 4, 3, 2.5, 2.2), 259)).toBeNull());
  it("fails a run bad from its first step: far above ln(259) ≈ 5.56", () => {
    expect(assessLearning(series(380, 420, 400, 410, 405), 259)).toBe("the final loss 405 (step 25) is far above 5.557, the loss of a uniform guess over 259 tokens: the model is worse than guessing");
  });
  it("fails a run that never falls below its first value", () => {
    expect(assessLearning(series(5, 5.2, 5.1, 5.3, 5.05), 259)).toBe("the loss never fell below its first logged value (5 at step 5; 5.05 at step 25)");
  });
  it("leaves short smoke runs and unknown vocabularies alone", () => {
    expect(assessLearning(series(5, 5.2), 259)).toBeNull();
    expect(assessLearning(series(400, 420), undefined)).toBeNull();
    expect(assessLearning([], 259)).toBeNull();
  });
});
