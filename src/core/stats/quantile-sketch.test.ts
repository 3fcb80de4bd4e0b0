import { describe, expect, it } from "vitest";
import { quantileSorted } from "./descriptive.js";
import { createRng } from "./prng.js";
import { QuantileSketch } from "./quantile-sketch.js";

describe("QuantileSketch", () => {
  it.each([
    ["log-uniform over eight decades", (u: number) => 10 ** (-2 + 8 * u)],
    ["heavy-tailed (Pareto α = 1.2)", (u: number) => 50 / (1 - u) ** (1 / 1.2)],
    ["mostly identical, with zeros", (u: number) => (u < 0.1 ? 0 : u < 0.9 ? 42 : 42 + u)],
  ])("every quantile of 50,000 values is within the stated relative error of the exact type-7 one: %s", (_name, draw) => {
    const rng = createRng(4);
    const sketch = new QuantileSketch();
    const values = new Float64Array(50_000);
    for (let i = 0; i < values.length; i++) {
      values[i] = draw(rng.next());
      sketch.add(values[i]!);
    }
    expect(sketch.exact).toBe(false);
    values.sort();
    for (const q of [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1]) {
      const exact = quantileSorted(values, q);
      expect(Math.abs(sketch.quantile(q)! - exact)).toBeLessThanOrEqual(QuantileSketch.RELATIVE_ERROR * exact + 1e-9);
    }
  });

  it("is exact (the type-7 value itself) up to 4,096 values, and null when empty", () => {
    const s = new QuantileSketch();
    expect(s.quantile(0.5)).toBeNull();
    for (const x of [5, 1, 3, 2, 4]) s.add(x);
    expect(s.exact).toBe(true);
    expect(s.quantile(0.5)).toBe(3);
    expect(s.quantile(0.95)).toBeCloseTo(4.8, 12);
  });
});
