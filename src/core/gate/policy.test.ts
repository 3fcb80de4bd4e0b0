import { describe, expect, it } from "vitest";
import { ConfigError } from "../../errors.js";
import { gatePolicySchema, parseGatePolicy, resolveMargin } from "./policy.js";

describe("gate policy files", () => {
  it("fills defaults and keeps the rules", () => {
    const { policy, source } = parseGatePolicy("metrics:\n  accuracy:\n    max_regression: 2%\n    threshold: 0.7\n", "gate.yaml");
    expect(source).toBe("gate.yaml");
    expect(policy).toMatchObject({ confidence: 0.95, inconclusive: "fail", bootstrap_resamples: 10_000, seed: 1, require_metrics: true });
    expect(policy.metrics.accuracy).toEqual({ max_regression: "2%", threshold: 0.7 });
  });

  it.each([
    ["metrics:\n  accuracy:\n    max_regresion: 0.02\n", /gate\.yaml:3:5: metrics\.accuracy\.max_regresion: unknown key "max_regresion" \(did you mean "max_regression"\?\)/],
    ["metrics:\n  accuracy:\n    max_regression: 5 %\n", /gate\.yaml:3:21: metrics\.accuracy\.max_regression: /],
    ["metrics:\n  accuracy:\n    gate: true\n", /gate\.yaml:3:5: metrics\.accuracy: a gated metric needs at least one rule/],
    ["inconclusive: maybe\n", /gate\.yaml:1:15: inconclusive: expected one of "fail", "pass", "neutral"/],
    ["confidence: 1.5\n", /gate\.yaml:1:13: confidence: expected ≤ 0\.9999/],
    ["metrics:\n  a:\n    threshold: [1\n", /gate\.yaml:\d+:\d+: invalid YAML/],
  ])("names file:line:col (%#)", (text, msg) => {
    expect(() => parseGatePolicy(text, "gate.yaml")).toThrow(ConfigError);
    expect(() => parseGatePolicy(text, "gate.yaml")).toThrow(msg);
  });

  it("reads a suite's gate: key, with positions in the suite file", () => {
    const suite = "name: qa\nscorers:\n  - type: exact_match\ngate:\n  metrics:\n    exact_match:\n      min_relative_change: 0.05\n";
    const { policy, source } = parseGatePolicy(suite, "evals/qa.yaml");
    expect(source).toBe("evals/qa.yaml (gate:)");
    expect(policy.metrics.exact_match).toEqual({ min_relative_change: 0.05 });
    expect(() => parseGatePolicy(suite.replace("min_relative_change", "min_relative"), "evals/qa.yaml")).toThrow(/evals\/qa\.yaml:7:7: gate\.metrics\.exact_match\.min_relative: unknown key/);
    expect(() => parseGatePolicy("name: qa\nscorers: []\n", "evals/qa.yaml")).toThrow(/has no gate: key/);
  });

  it("reads a policy file that kept the suite's gate: wrapper (the block copied out of a suite)", () => {
    const text = "gate:\n  metrics:\n    exact_match:\n      max_regression: 0.02\n";
    const { policy, source } = parseGatePolicy(text, "policy.yaml");
    expect(source).toBe("policy.yaml");
    expect(policy.metrics.exact_match).toEqual({ max_regression: 0.02 });
    expect(() => parseGatePolicy(text.replace("max_regression", "max_regresion"), "policy.yaml")).toThrow(/policy\.yaml:4:7: gate\.metrics\.exact_match\.max_regresion: unknown key "max_regresion" \(did you mean "max_regression"\?\)/);
  });

  it("is a strict zod schema the suite loader can reuse", () => {
    expect(gatePolicySchema.safeParse({ metrics: {}, extra: 1 }).success).toBe(false);
  });
});

describe("margins", () => {
  it.each([
    [0.02, 0.8, 0.02, false],
    ["5%", 0.8, 0.04, true],
    ["12.5%", 0.4, 0.05, true],
  ] as const)("%s against baseline %s → %s", (spec, base, abs, relative) => {
    const m = resolveMargin(spec, base)!;
    expect(m.absolute).toBeCloseTo(abs, 12);
    expect(m.relative).toBe(relative);
  });
  it("a relative margin needs a positive baseline", () => {
    expect(resolveMargin("5%", 0)).toBeNull();
    expect(resolveMargin("5%", null)).toBeNull();
    expect(resolveMargin(0, 0)).toEqual({ spec: 0, absolute: 0, relative: false });
  });
});
