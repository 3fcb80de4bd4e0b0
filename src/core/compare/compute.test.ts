// Comparisons of hand-built runs whose numbers are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { defaultPolicy } from "../gate/policy.js";
import { tangoInterval } from "../stats/index.js";
import { computeComparison, type CompareOptions } from "./compute.js";
import type { LoadedRun, RecordForCompare } from "./run-records.js";
import { evalRecord, runSummary } from "../../../test/support/contract-docs.js";

type Scores = Record<string, { value: number | null; pass?: boolean; stats?: number[] }>;

function rec(case_id: string, repeat: number, scores: Scores, extra: Partial<RecordForCompare> = {}): RecordForCompare {
  return evalRecord({ case_id, repeat, scores, ...extra });
}

function run(records: RecordForCompare[], metrics: Record<string, { type: string; corpus?: boolean; higher_is_better?: boolean }> = {}): LoadedRun {
  return { dir: "run", resultsSha256: "0".repeat(64), records, summary: runSummary(metrics), superseded: 0, warnings: [] };
}

const opts = (over: Partial<CompareOptions> = {}): CompareOptions => ({
  policy: defaultPolicy(),
  policySource: "default",
  gate: false,
  aggregateFor: () => ({ aggregate: undefined }),
  llmopsVersion: "test",
  createdAt: "2026-01-01T00:00:00Z",
  ...over,
});

/** Binary runs from pass patterns: "1" pass, "0" fail, one char per case. */
function binaryRun(pattern: string, metric = "em"): LoadedRun {
  return run([...pattern].map((c, i) => rec(`c${i}`, 0, { [metric]: { value: Number(c), pass: c === "1" } })));
}

describe("binary metric, one repeat", () => {
  // both pass: c0–c4 (5); broke: c5 (1); fixed: c6–c8 (3); neither: c9 (1).
  const base = binaryRun("1111110000");
  const cand = binaryRun("1111101110");
  const c = computeComparison(base, cand, opts());
  const m = c.metrics[0]!;

  it("means, Δ, Tango score interval and the McNemar asymptotic p it inverts", () => {
    expect(m.kind).toBe("binary");
    expect(m.n).toBe(10);
    expect(m.baseline.mean).toBe(0.6);
    expect(m.candidate.mean).toBe(0.8);
    expect(m.delta).toBeCloseTo(0.2, 12);
    expect(m.interval_method).toBe("tango-score");
    expect(m.ci).toEqual(tangoInterval({ both: 5, broke: 1, fixed: 3, neither: 1 }));
    expect(m.test).toBe("mcnemar-asymptotic");
    // 1 broke vs 3 fixed: z = (3 − 1)/√4 = 1, p = 2·(1 − Φ(1)).
    expect(m.p_value).toBeCloseTo(0.3173105078629141, 12);
    expect(m.p_holm).toBeCloseTo(0.3173105078629141, 12);
    // The only metric: Holm's step level is α itself, so the Holm interval is the interval.
    expect(m.ci_holm_confidence).toBe(0.95);
    expect(m.ci_holm).toEqual(m.ci);
  });

  it("lists flips, broke first", () => {
    expect(m.broke).toBe(1);
    expect(m.fixed).toBe(3);
    expect(c.flips.map((f) => `${f.direction}:${f.case_id}`)).toEqual(["broke:c5", "fixed:c6", "fixed:c7", "fixed:c8"]);
  });

  it("MDE is that of a paired t on the ±1/0 differences", () => {
    // diffs: six 0s, one −1, three +1 → mean 0.2, var = (Σd² − nμ²)/(n−1) = (4 − 0.4)/9 = 0.4.
    expect(m.sd_diff).toBeCloseTo(Math.sqrt(0.4), 12);
    expect(m.mde).toBeGreaterThan(0.4);
  });
});

describe("repeats are averaged within a case before pairing", () => {
  const base = run([
    rec("a", 0, { s: { value: 0.2 } }),
    rec("a", 1, { s: { value: 0.4 } }),
    rec("b", 0, { s: { value: 0.5 } }),
    rec("b", 1, { s: { value: 0.5 } }),
    rec("c", 0, { s: { value: 0.1 } }),
    rec("c", 1, { s: { value: 0.3 } }),
  ]);
  const cand = run([
    rec("a", 0, { s: { value: 0.4 } }),
    rec("a", 1, { s: { value: 0.6 } }),
    rec("b", 0, { s: { value: 0.6 } }),
    rec("b", 1, { s: { value: 0.8 } }),
    rec("c", 0, { s: { value: 0.3 } }),
    rec("c", 1, { s: { value: 0.3 } }),
  ]);
  const m = computeComparison(base, cand, opts()).metrics[0]!;
  it("clustered paired t on case means (n = 3 cases, not 6 records)", () => {
    // Case-mean differences 0.2, 0.2, 0.1: mean 1/6, SD 0.057735, t_{.975,2} = 4.302653.
    expect(m.kind).toBe("continuous");
    expect(m.n).toBe(3);
    expect(m.repeats).toEqual({ baseline: 2, candidate: 2 });
    expect(m.test).toBe("paired-t-clustered");
    expect(m.interval_method).toBe("t-clustered");
    expect(m.delta).toBeCloseTo(1 / 6, 12);
    const half = (4.302652729749462 * Math.sqrt(1 / 300)) / Math.sqrt(3);
    expect(m.ci![0]).toBeCloseTo(1 / 6 - half, 9);
    expect(m.ci![1]).toBeCloseTo(1 / 6 + half, 9);
    // Within-case SDs: baseline pooled √((0.02+0+0.02)/3), candidate √((0.02+0.02+0)/3); combined √(sum of squares).
    expect(m.sd_within).toBeCloseTo(Math.sqrt(0.04 / 3 + 0.04 / 3), 12);
  });
});

describe("pairing, errors and nulls", () => {
  const base = run([rec("a", 0, { em: { value: 1 } }), rec("b", 0, { em: { value: 1 } }), rec("only-base", 0, { em: { value: 1 } }), rec("n", 0, { em: { value: null } })]);
  const cand = run([
    rec("a", 0, { em: { value: 1 } }),
    rec("b", 0, {}, { error: { kind: "timeout", message: "timed out after 60 s" } }),
    rec("only-cand", 0, { em: { value: 0 } }),
    rec("n", 0, { em: { value: 1 } }),
  ]);
  const c = computeComparison(base, cand, opts());
  const m = c.metrics[0]!;
  it("lists one-sided cases and leaves them out", () => {
    expect(c.one_sided).toEqual({ baseline_only: ["only-base"], candidate_only: ["only-cand"] });
    expect(c.paired_cases).toBe(3);
  });
  it("an errored record scores 0 (it broke); a null value is left out with a note", () => {
    expect(m.n).toBe(2);
    expect(m.candidate.n_errors).toBe(1);
    expect(m.baseline.n_null).toBe(1);
    expect(m.broke).toBe(1);
    expect(c.flips).toEqual([{ case_id: "b", metric: "em", direction: "broke", baseline: 1, candidate: 0 }]);
    expect(m.notes.join(" ")).toMatch(/one side only/);
    expect(c.candidate.counts.errors).toBe(1);
  });
});

describe("corpus metric: paired bootstrap of aggregate(sum of stats)", () => {
  const agg = (s: readonly number[]) => s[0]! / s[1]!;
  const mk = (hits: number[]) => run(hits.map((h, i) => rec(`c${i}`, 0, { ratio: { value: h / 10, stats: [h, 10] } })), { ratio: { type: "ratio", corpus: true } });
  const base = mk([1, 2, 3, 4, 5, 6, 7, 8]);
  const cand = mk([2, 3, 4, 5, 6, 7, 8, 9]);
  const c = computeComparison(base, cand, opts({ aggregateFor: (t) => ({ aggregate: t === "ratio" ? agg : undefined }) }));
  const m = c.metrics[0]!;
  it("scores the corpus from summed stats and bootstraps cases", () => {
    expect(m.kind).toBe("corpus");
    expect(m.baseline.mean).toBeCloseTo(36 / 80, 12);
    expect(m.candidate.mean).toBeCloseTo(44 / 80, 12);
    expect(m.delta).toBeCloseTo(0.1, 12);
    // Every case gains exactly 1 of 10: Δ is 0.1 in every resample.
    expect(m.ci![0]).toBeCloseTo(0.1, 12);
    expect(m.ci![1]).toBeCloseTo(0.1, 12);
    expect(m.test).toBe("bootstrap");
    expect(c.bootstrap).toEqual({ resamples: 10_000, seed: 1 });
    // 0 lies beyond every resample: the inverted p is 0, said to be below 1/B.
    expect(m.p_value).toBe(0);
    expect(m.notes.join(" ")).toMatch(/Δ = 0 lies beyond all 10000 bootstrap resamples: p < 0.0001/);
  });
  it("gives the p found by inverting the reported interval (noisy corpus, several seeds)", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const noisyC = mk([2, 1, 5, 4, 6, 9, 7, 8]);
      const r = computeComparison(base, noisyC, opts({ aggregateFor: (t) => ({ aggregate: t === "ratio" ? agg : undefined }), policy: { ...defaultPolicy(), seed, bootstrap_resamples: 2000 } })).metrics[0]!;
      expect(r.interval_method).toMatch(/^bootstrap-/);
      expect(r.p_value! > 0 && r.p_value! < 1).toBe(true);
      expect(r.p_value! < 0.05).toBe(r.ci![0] > 0 || r.ci![1] < 0);
      expect(r.ci_holm).toEqual(r.ci);
    }
  });
  it("falls back to the mean of values, with a note, when the aggregate is unknown", () => {
    const m2 = computeComparison(base, cand, opts()).metrics[0]!;
    expect(m2.kind).toBe("continuous");
    expect(m2.notes[0]).toMatch(/corpus aggregate unknown/);
  });
  it("leaves errored records (no statistics) out of the corpus score, with a note", () => {
    const withError = run([...cand.records.slice(0, 7), rec("c7", 0, {}, { error: { kind: "http", message: "502" } })], { ratio: { type: "ratio", corpus: true } });
    const m3 = computeComparison(base, withError, opts({ aggregateFor: () => ({ aggregate: agg }) })).metrics[0]!;
    expect(m3.kind).toBe("corpus");
    expect(m3.n).toBe(7);
    expect(m3.candidate.n_errors).toBe(1);
    // Baseline hits 1..7 of 70, candidate 2..8 of 70.
    expect(m3.baseline.mean).toBeCloseTo(28 / 70, 12);
    expect(m3.candidate.mean).toBeCloseTo(35 / 70, 12);
    expect(m3.notes.join(" ")).toMatch(/1 errored record\(s\) have no sufficient statistics/);
  });
  it("is reproducible: same seed, same interval", () => {
    const again = computeComparison(base, cand, opts({ aggregateFor: () => ({ aggregate: agg }) })).metrics[0]!;
    expect(again.baseline.ci).toEqual(m.baseline.ci);
  });
});

describe("Holm adjustment and operational deltas", () => {
  const mk = (em: string, lat: number[], cost: number) =>
    run(
      [...em].map((e, i) =>
        rec(`c${i}`, 0, { em: { value: Number(e) }, other: { value: Number(e) } }, { latency_ms: lat[i]!, prompt_tokens: 10, completion_tokens: 5, cost }),
      ),
    );
  const base = mk("0000000000", [100, 110, 120, 130, 140, 150, 160, 170, 180, 190], 0.01);
  const cand = mk("1111111111", [200, 210, 220, 230, 240, 250, 260, 270, 280, 290], 0.02);
  const c = computeComparison(base, cand, opts());
  it("adjusts across the family (all metrics when nothing is gated)", () => {
    // McNemar asymptotic, 0 broke vs 10 fixed: z = √10, p = 2·(1 − Φ(√10)) each; Holm: 2·p then max(p, running).
    const p = 0.0015654022580025;
    expect(c.metrics[0]!.p_value).toBeCloseTo(p, 14);
    expect(c.metrics[0]!.p_holm).toBeCloseTo(2 * p, 14);
    expect(c.metrics[1]!.p_holm).toBeCloseTo(2 * p, 14);
    // Both rejected: the first in Holm's order is tested at α/2, the second at α.
    expect(c.metrics[0]!.ci_holm_confidence).toBeCloseTo(0.975, 15);
    expect(c.metrics[1]!.ci_holm_confidence).toBeCloseTo(0.95, 15);
    expect(c.metrics[0]!.ci_holm![0]).toBeLessThan(c.metrics[0]!.ci![0]);
    expect(c.metrics[0]!.ci_holm![0]).toBeGreaterThan(0);
  });
  it("latency quantiles (type 7), tokens and cost", () => {
    const l = c.operational.latency;
    expect(l.baseline.p50).toBe(145);
    expect(l.baseline.p95).toBeCloseTo(185.5, 12);
    expect(l.delta_p95).toBeCloseTo(100, 12);
    expect(l.delta_p95_ci![0]).toBeGreaterThan(50);
    expect(c.operational.tokens.baseline.total).toBe(150);
    expect(c.operational.tokens.delta_per_case).toBe(0);
    const cost = c.operational.cost!;
    expect(cost.baseline.total).toBeCloseTo(0.1, 12);
    expect(cost.delta_per_case).toBeCloseTo(0.01, 12);
    expect(cost.delta_per_case_ci).toEqual([expect.closeTo(0.01, 12), expect.closeTo(0.01, 12)]);
  });
});
