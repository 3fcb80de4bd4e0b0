import { describe, expect, it } from "vitest";
import { computeProgress, formatDuration, renderProgressLine } from "./progress.js";

describe("progress", () => {
  it("computes tokens/s and ETA over the recent window", () => {
    const samples = [0, 1, 2, 3, 4].map((i) => ({ step: (i + 1) * 10, at: i * 2000, tokens: 1000 }));
    const p = computeProgress(samples, 100, 1.25);
    expect(p).toEqual({ step: 50, totalSteps: 100, loss: 1.25, tokensPerS: 500, etaS: 10 });
    expect(renderProgressLine(p)).toBe("step 50/100 · loss 1.2500 · 500 tok/s · ETA 10s");
  });
  it("prefers the trainer's own tokens/s and handles one sample", () => {
    expect(computeProgress([{ step: 1, at: 0 }], undefined, Number.NaN, 99)).toEqual({ step: 1, totalSteps: undefined, loss: Number.NaN, tokensPerS: 99, etaS: undefined });
    expect(renderProgressLine({ step: 1, loss: Number.NaN })).toBe("step 1 · loss NaN");
  });
  it.each([
    [5, "5s"],
    [65, "1m05s"],
    [3725, "1h02m"],
    [-1, "?"],
  ])("formatDuration(%d)", (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});
