// Sizing a suite for a gate margin: the interval of two runs that agree on every case.
import { describe, expect, it } from "vitest";
import { tangoInterval } from "../stats/index.js";
import { casesToDecide, identicalRunsBound, planMargins } from "./decidable.js";
import { gatePolicySchema } from "./policy.js";
import type { GatePolicy } from "./types.js";

describe("identicalRunsBound", () => {
  it("is minus the lower end of Tango's interval with no discordant pairs, whatever the pass rate", () => {
    for (const both of [0, 15, 45, 60]) expect(identicalRunsBound(60, 0.95)).toBe(-tangoInterval({ both, broke: 0, fixed: 0, neither: 60 - both })[0]);
  });
  it("is z²/(n + z²) (Tango's statistic with no discordant pairs is √(nδ/(1 − δ))), and shrinks with more cases", () => {
    const z2 = 1.959963984540054 ** 2;
    expect(identicalRunsBound(60, 0.95)).toBeCloseTo(z2 / (60 + z2), 12);
    expect(identicalRunsBound(600, 0.95)).toBeCloseTo(z2 / (600 + z2), 12);
  });
});

describe("casesToDecide", () => {
  it("is the first n whose bound is under the margin", () => {
    const n = casesToDecide(0.02, 0.95)!;
    expect(identicalRunsBound(n, 0.95)).toBeLessThan(0.02);
    expect(identicalRunsBound(n - 1, 0.95)).toBeGreaterThanOrEqual(0.02);
  });
  it("is null for a zero margin", () => expect(casesToDecide(0, 0.95)).toBeNull());
});

describe("planMargins", () => {
  const policy = (metrics: Record<string, unknown>) => gatePolicySchema.parse({ metrics }) as GatePolicy;
  const types = new Map([["exact_match", "exact_match"], ["bleu", "bleu"]]);
  it("flags a 2-point margin on a 60-case 0/1 metric with the cases it needs, and passes a 10-point one", () => {
    const [p] = planMargins(policy({ exact_match: { max_regression: 0.02 } }), types, 60, 1);
    expect(p).toMatchObject({ metric: "exact_match", decidable: false, cases: 60 });
    expect(p!.cases_needed).toBe(casesToDecide(0.02, 0.95));
    expect(p!.message).toMatch(/^exact_match: with 60 cases the smallest regression this suite can rule out is 6 points; a max_regression of 2 points needs about \d+ cases/);
    expect(planMargins(policy({ exact_match: { max_regression: 0.1 } }), types, 60, 1)[0]!.decidable).toBe(true);
  });
  it("leaves out continuous metrics, relative margins, ungated metrics and repeated suites", () => {
    expect(planMargins(policy({ bleu: { max_regression: 0.01 } }), types, 60, 1)).toEqual([]);
    expect(planMargins(policy({ exact_match: { max_regression: "5%" } }), types, 60, 1)).toEqual([]);
    expect(planMargins(policy({ exact_match: { max_regression: 0.01, gate: false } }), types, 60, 1)).toEqual([]);
    expect(planMargins(policy({ exact_match: { max_regression: 0.01 } }), types, 60, 3)).toEqual([]);
  });
});
