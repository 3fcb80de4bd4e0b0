import { describe, expect, it } from "vitest";
import { cost, tokens } from "./budget.js";

const baseInput = { output: "", expected: null, vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: 10 };

describe("tokens", () => {
  const s = tokens.create(tokens.schema.parse({ type: "tokens", max_completion_tokens: 100 }));
  it.each([
    [50, 1],
    [100, 1],
    [101, 0],
    [null, null],
  ])("%s completion tokens → %s", (completionTokens, value) => {
    const r = s.score({ ...baseInput, completionTokens, cost: null });
    expect(r.value).toBe(value);
    expect(r.detail).toEqual({ completion_tokens: completionTokens, prompt_tokens: 10, max_completion_tokens: 100 });
  });
  it("requires a positive integer budget", () => {
    expect(tokens.schema.safeParse({ type: "tokens" }).success).toBe(false);
    expect(tokens.schema.safeParse({ type: "tokens", max_completion_tokens: 0 }).success).toBe(false);
  });
});

describe("cost", () => {
  const s = cost.create(cost.schema.parse({ type: "cost", max_cost: 0.01 }));
  it.each([
    [0.005, 1],
    [0.01, 1],
    [0.0101, 0],
    [null, null],
  ])("case cost %s → %s", (caseCost, value) => {
    expect(s.score({ ...baseInput, completionTokens: 1, cost: caseCost }).value).toBe(value);
  });
});
