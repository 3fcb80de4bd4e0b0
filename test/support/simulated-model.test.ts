import { describe, expect, it } from "vitest";
import { simulatedModel } from "./simulated-model.js";

describe("simulatedModel", () => {
  it("answers additions deterministically, right with the model's skill, else off by one", () => {
    const answer = simulatedModel({ perfect: 1, hopeless: 0 });
    expect(answer({ model: "perfect", prompt: "What is 12 + 30 =" })).toBe("42");
    expect(answer({ model: "hopeless", prompt: "What is 12 + 30 =" })).toBe("43");
    expect(answer({ model: "perfect", prompt: "hello" })).toBe("I do not know");
    const prompts = Array.from({ length: 400 }, (_, i) => `${i} + 1 =`);
    const right = prompts.filter((p) => answer({ model: "unknown", prompt: p }) === String(Number(p.split(" ")[0]) + 1)).length;
    expect(right / 400).toBeGreaterThan(0.4);
    expect(right / 400).toBeLessThan(0.6);
    expect(prompts.map((p) => answer({ model: "unknown", prompt: p }))).toEqual(prompts.map((p) => answer({ model: "unknown", prompt: p })));
  });
});
