// Gate decisions from bounds, table-driven over hand-made comparison rows.
import { describe, expect, it } from "vitest";
import type { Comparison, MetricComparison } from "../compare/types.js";
import { casesNeeded } from "../stats/index.js";
import { ConfigError } from "../../errors.js";
import { evaluateGate } from "./evaluate.js";
import { gatePolicySchema, type GatePolicyInput } from "./policy.js";
import type { GatePolicy } from "./types.js";

function row(over: Partial<MetricComparison> & { bm?: number; cm?: number; cci?: [number, number] }): MetricComparison {
  const { bm = 0.8, cm = 0.8, cci = null, ...rest } = over;
  return {
    name: "acc",
    type: "exact_match",
    kind: "continuous",
    higher_is_better: true,
    gated: true,
    n: 100,
    repeats: { baseline: 1, candidate: 1 },
    baseline: { mean: bm, ci: null, n_records: 100, n_null: 0, n_errors: 0 },
    candidate: { mean: cm, ci: cci, n_records: 100, n_null: 0, n_errors: 0 },
    delta: cm - bm,
    delta_relative: null,
    ci: null,
    interval_method: "t",
    test: "paired-t",
    p_value: 0.5,
    p_holm: 0.5,
    sd_diff: 0.2,
    sd_within: null,
    mde: 0.05,
    broke: null,
    fixed: null,
    notes: [],
    ...rest,
  };
}

function comparison(metrics: MetricComparison[], operational: Partial<Comparison["operational"]> = {}): Omit<Comparison, "gate"> {
  return {
    schema: "llmops.comparison/v1",
    confidence: 0.95,
    bootstrap: { resamples: 10_000, seed: 1 },
    baseline: {} as Comparison["baseline"],
    candidate: {} as Comparison["candidate"],
    paired_cases: 100,
    one_sided: { baseline_only: [], candidate_only: [] },
    metrics,
    flips: [],
    operational: {
      latency: { baseline: { n: 0, mean: null, p50: null, p95: null }, candidate: { n: 0, mean: null, p50: null, p95: null }, delta_p50: null, delta_p95: null, candidate_p95_ci: null, delta_p95_ci: null },
      tokens: { baseline: { prompt: 0, completion: 0, total: 0, per_case: null }, candidate: { prompt: 0, completion: 0, total: 0, per_case: null }, delta_total: 0, delta_per_case: null },
      cost: null,
      ...operational,
    },
    provenance: { llmops_version: "t", created_at: "t", policy_source: "t", methods: [] },
  };
}

const policy = (p: GatePolicyInput) => gatePolicySchema.parse(p) as GatePolicy;

describe("metric checks decide on bounds", () => {
  it.each([
    // [rule, Δ point, Δ interval, expected verdict]
    [{ max_regression: 0.02 }, 0.01, [-0.01, 0.03], "pass"],
    [{ max_regression: 0.02 }, -0.06, [-0.1, -0.03], "fail"],
    [{ max_regression: 0.02 }, -0.01, [-0.05, 0.03], "inconclusive"],
    // A limit on the interval's edge is inside the closed interval (the test there gives p = α,
    // not below): it decides nothing, either way.
    [{ max_regression: 0.02 }, 0.01, [-0.02, 0.04], "inconclusive"],
    [{ max_regression: 0.02 }, -0.06, [-0.1, -0.02], "inconclusive"],
    // "5%" of a baseline of 0.8 is 0.04.
    [{ max_regression: "5%" }, -0.01, [-0.035, 0.015], "pass"],
    [{ max_regression: "5%" }, -0.01, [-0.045, 0.015], "inconclusive"],
    [{ min_improvement: 0.02 }, 0.05, [0.025, 0.075], "pass"],
    [{ min_improvement: 0.02 }, 0.0, [-0.01, 0.015], "fail"],
    [{ min_absolute_change: 0.02 }, 0.03, [0.01, 0.05], "inconclusive"],
    // MLflow's min_relative_change 0.05 → 5% of 0.8 = 0.04.
    [{ min_relative_change: 0.05 }, 0.05, [0.035, 0.065], "inconclusive"],
    [{ min_relative_change: 0.05 }, 0.06, [0.045, 0.075], "pass"],
  ] as const)("%j with Δ %s %j → %s", (rule, d, ci, want) => {
    const g = evaluateGate(comparison([row({ cm: 0.8 + d, ci: [...ci] })]), policy({ metrics: { acc: rule } }), "t");
    expect(g.checks).toHaveLength(1);
    expect(g.checks[0]!.verdict).toBe(want);
    expect(g.verdict).toBe(want);
  });

  it.each([
    [[0.71, 0.8], "pass"],
    [[0.6, 0.69], "fail"],
    [[0.65, 0.75], "inconclusive"],
  ] as const)("threshold 0.7 on the candidate interval %j → %s", (cci, want) => {
    const g = evaluateGate(comparison([row({ cm: (cci[0] + cci[1]) / 2, cci: [...cci], ci: [-0.1, 0.1] })]), policy({ metrics: { acc: { threshold: 0.7 } } }), "t");
    expect(g.verdict).toBe(want);
  });

  it("lower-is-better metrics flip every rule", () => {
    const r = row({ higher_is_better: false, bm: 0.3, cm: 0.28, ci: [-0.04, -0.005], cci: [0.2, 0.29] });
    const g = evaluateGate(comparison([r]), policy({ metrics: { acc: { max_regression: 0.01, threshold: 0.3 } } }), "t");
    expect(g.checks.map((c) => [c.kind, c.verdict, c.limit])).toEqual([
      ["floor", "pass", 0.3],
      ["non_inferiority", "pass", 0.01],
    ]);
    // The same numbers under greater_is_better: true from the policy: a drop of up to 0.04 breaks a 0.01 margin only partly.
    const g2 = evaluateGate(comparison([r]), policy({ metrics: { acc: { max_regression: 0.01, greater_is_better: true } } }), "t");
    expect(g2.checks[0]!.verdict).toBe("inconclusive");
  });
});

describe("inconclusive checks estimate what would decide them", () => {
  it("cases from the SD of paired differences and the distance to the margin", () => {
    const g = evaluateGate(comparison([row({ cm: 0.79, ci: [-0.05, 0.03], sd_diff: 0.2 })]), policy({ metrics: { acc: { max_regression: 0.02 } } }), "t");
    // Point estimate −0.01 sits 0.01 above the −0.02 margin.
    expect(g.checks[0]!.cases_needed).toBe(casesNeeded(0.2, 0.01));
    expect(g.checks[0]!.cases_needed).toBeGreaterThan(3000);
    expect(g.reasons[0]).toMatch(/would likely be decided at ~\d+ paired cases/);
  });
  it("repeats when within-case noise dominates, none when cases differ truly", () => {
    const noisy = row({ cm: 0.79, ci: [-0.05, 0.03], sd_diff: 0.2, sd_within: 0.5, repeats: { baseline: 5, candidate: 5 } });
    const g = evaluateGate(comparison([noisy]), policy({ metrics: { acc: { max_regression: 0.02 } } }), "t");
    // σ_b² = 0.04 − 0.25/5 < 0 → 0: only repeats matter; K = 0.25 / (100·(0.01/k)²) ≈ 20.
    expect(g.checks[0]!.repeats_needed).toBeGreaterThan(5);
    const stable = row({ cm: 0.79, ci: [-0.05, 0.03], sd_diff: 0.2, sd_within: 0.05, repeats: { baseline: 5, candidate: 5 } });
    expect(evaluateGate(comparison([stable]), policy({ metrics: { acc: { max_regression: 0.02 } } }), "t").checks[0]!.repeats_needed).toBeNull();
  });
});

describe("overall verdict and what blocks", () => {
  const pass = row({ name: "a", cm: 0.81, ci: [0, 0.02] });
  const inc = row({ name: "b", cm: 0.8, ci: [-0.05, 0.05] });
  const fail = row({ name: "c", cm: 0.7, ci: [-0.15, -0.05] });
  const rules = { a: { max_regression: 0.02 }, b: { max_regression: 0.02 }, c: { max_regression: 0.02 } };
  it.each([
    [[pass], "fail", "pass", false, "success"],
    [[pass, inc], "fail", "inconclusive", true, "failure"],
    [[pass, inc], "neutral", "inconclusive", false, "neutral"],
    [[pass, inc], "pass", "inconclusive", false, "success"],
    [[pass, inc, fail], "pass", "fail", true, "failure"],
  ] as const)("%#: inconclusive: %s → %s, blocking %s, %s", (rows, inconclusive, verdict, blocking, conclusion) => {
    const names = rows.map((r) => r.name);
    const metrics = Object.fromEntries(Object.entries(rules).filter(([k]) => names.includes(k)));
    const g = evaluateGate(comparison([...rows]), policy({ metrics, inconclusive }), "t");
    expect([g.verdict, g.blocking, g.conclusion]).toEqual([verdict, blocking, conclusion]);
  });
  it("reasons list failures before inconclusive checks", () => {
    const g = evaluateGate(comparison([pass, inc, fail]), policy({ metrics: rules }), "t");
    expect(g.reasons.map((r) => r.split(":")[0])).toEqual(["FAIL", "INCONCLUSIVE"]);
  });
  it("a gated metric neither run has is a configuration error (exit 2), or inconclusive with require_metrics: false", () => {
    expect(() => evaluateGate(comparison([pass]), policy({ metrics: { zz: { threshold: 0.5 } } }), "policy.yaml")).toThrow(ConfigError);
    expect(evaluateGate(comparison([pass]), policy({ metrics: { zz: { threshold: 0.5 } }, require_metrics: false }), "t").verdict).toBe("inconclusive");
  });
  it("a misspelt gated metric names the policy and the one the runs have", () => {
    expect(() => evaluateGate(comparison([row({ name: "exact_match" })]), policy({ metrics: { exact_macth: { max_regression: 0.02 } } }), "evals/a.yaml (gate:)")).toThrow(
      'evals/a.yaml (gate:): gate.metrics.exact_macth: neither run has a metric named "exact_macth" (did you mean "exact_match"?)',
    );
  });
  it("a metric present but with no paired value still fails under require_metrics", () => {
    const g = evaluateGate(comparison([row({ name: "acc", n: 0, delta: null })]), policy({ metrics: { acc: { threshold: 0.5 } } }), "t");
    expect(g.verdict).toBe("fail");
    expect(g.checks[0]!.message).toBe("acc: no case has a value on both sides");
  });
  it("gate: false computes but does not decide", () => {
    expect(evaluateGate(comparison([fail]), policy({ metrics: { c: { max_regression: 0.02, gate: false } } }), "t").checks).toHaveLength(0);
  });
});

describe("budgets", () => {
  const lat = (ci: [number, number], dci: [number, number]) => ({
    latency: { baseline: { n: 50, mean: 400, p50: 400, p95: 800 }, candidate: { n: 50, mean: 420, p50: 420, p95: 850 }, delta_p50: 20, delta_p95: 50, candidate_p95_ci: ci, delta_p95_ci: dci },
  });
  it.each([
    [{ p95_max_ms: 1000 }, [800, 900], [0, 100], "pass"],
    [{ p95_max_ms: 1000 }, [1001, 1200], [0, 100], "fail"],
    [{ p95_max_ms: 1000 }, [900, 1100], [0, 100], "inconclusive"],
    // 20% of the baseline p95 (800) = 160 ms.
    [{ p95_max_regression: "20%" }, [800, 900], [10, 150], "pass"],
    [{ p95_max_regression: "20%" }, [800, 900], [170, 300], "fail"],
  ] as const)("latency %j, p95 CI %j, Δp95 CI %j → %s", (budget, ci, dci, want) => {
    const g = evaluateGate(comparison([], lat([...ci], [...dci])), policy({ latency: budget }), "t");
    expect(g.verdict).toBe(want);
  });
  it("cost: max_total on the run, max_per_case on its interval; no costs recorded fails", () => {
    const cost = {
      currency: "USD",
      baseline: { total: 1, per_case: 0.01, n: 100 },
      candidate: { total: 1.2, per_case: 0.012, n: 100 },
      delta_total: 0.2,
      delta_per_case: 0.002,
      candidate_per_case_ci: [0.011, 0.013] as [number, number],
      delta_per_case_ci: [0.001, 0.003] as [number, number],
      candidate_run_total: 1.25,
    };
    expect(evaluateGate(comparison([], { cost }), policy({ cost: { max_total: 1.5, max_per_case: 0.02 } }), "t").verdict).toBe("pass");
    expect(evaluateGate(comparison([], { cost }), policy({ cost: { max_total: 1.0 } }), "t").verdict).toBe("fail");
    expect(evaluateGate(comparison([], { cost }), policy({ cost: { max_regression: "10%" } }), "t").verdict).toBe("inconclusive");
    expect(evaluateGate(comparison([]), policy({ cost: { max_total: 1 } }), "t").checks[0]!.id).toBe("cost/presence");
  });
});

describe("unchanged candidates and undecidable margins", () => {
  it("an unchanged candidate passes with one 'unchanged' check, whatever the policy", () => {
    const c = { ...comparison([row({ kind: "binary", ci: [-0.06, 0.06], delta: 0 })]), unchanged: { basis: "requests-and-outputs" as const, reason: "unchanged: all 60 records…" } };
    const g = evaluateGate(c, policy({ metrics: { acc: { max_regression: 0.02 } }, inconclusive: "fail" }), "t");
    expect(g).toMatchObject({ verdict: "pass", blocking: false, conclusion: "success", reasons: [] });
    expect(g.checks.map((k) => [k.kind, k.message])).toEqual([["unchanged", "unchanged: all 60 records…"]]);
  });
  it("identical 0/1 runs at 60 cases stay inconclusive under a 2-point margin, and the reason says why with the numbers", () => {
    // 60 cases, nothing flipped: Tango's interval is ±z²/(60 + z²) ≈ ±6.0 points.
    const r = row({ kind: "binary", n: 60, bm: 0.75, cm: 0.75, ci: [-0.0602, 0.0602], sd_diff: 0, interval_method: "tango-score", test: "mcnemar-asymptotic" });
    const g = evaluateGate(comparison([r]), policy({ metrics: { acc: { max_regression: 0.02 } } }), "t");
    expect(g.verdict).toBe("inconclusive");
    expect(g.reasons[0]).toMatch(/with 60 cases the smallest regression this suite can rule out is 6 points; a max_regression of 2 points needs about 189 cases — add cases, widen the margin, or use repeats/);
    // A margin the suite can resolve gets no such note.
    const wide = evaluateGate(comparison([{ ...r, ci: [-0.03, 0.05] }]), policy({ metrics: { acc: { max_regression: 0.02 } } }), "t");
    expect(wide.checks[0]!.undecidable).toBeDefined();
    const ok = evaluateGate(comparison([r]), policy({ metrics: { acc: { max_regression: 0.1 } } }), "t");
    expect(ok.verdict).toBe("pass");
  });
});
