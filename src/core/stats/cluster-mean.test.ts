import { describe, expect, it } from "vitest";
import { bootstrapCorpus, createRng, estimateMean, normalQuantile, pairedBootstrapCorpus, quantileSorted, tCdf, tQuantile, wilsonInterval } from "./index.js";

// Known values the eval summary relies on (moved here with the code from src/core/eval/summary-stats).

describe("distribution quantiles against published tables", () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.5, 0],
    [0.001, -3.090232306167813],
  ])("normal quantile %f", (p, z) => expect(normalQuantile(p)).toBeCloseTo(z, 8));

  // Student t critical values (two-sided 95% → p = 0.975) from standard tables.
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [3, 3.1824],
    [5, 2.5706],
    [10, 2.2281],
    [30, 2.0423],
    [120, 1.9799],
  ])("t quantile df=%i", (df, t) => expect(tQuantile(0.975, df)).toBeCloseTo(t, 4));

  it.each([
    [4, 0.995, 4.604095],
    [7, 0.9, 1.414924],
    [20, 0.025, -2.085963],
  ])("t quantile df=%i p=%f", (df, p, t) => expect(tQuantile(p, df)).toBeCloseTo(t, 5));

  it("tCdf inverts tQuantile", () => {
    for (const df of [3, 9, 50]) for (const p of [0.01, 0.3, 0.9]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 10);
  });
});

describe("wilson", () => {
  // Newcombe (1998), Table I: 81/263 → 0.2553 to 0.3662; 15/148 → 0.0624 to 0.1605; 0/20 → 0 to 0.1611.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i/%i", (k, n, lo, hi) => {
    const [a, b] = wilsonInterval(k, n);
    expect(a).toBeCloseTo(lo, 3);
    expect(b).toBeCloseTo(hi, 3);
  });
});

describe("estimateMean", () => {
  it("uses Wilson for 0/1 scores with one sample per case", () => {
    const groups = [...Array(81).fill([1]), ...Array(182).fill([0])];
    const e = estimateMean(groups)!;
    expect(e.method).toBe("wilson");
    expect(e.mean).toBeCloseTo(81 / 263, 12);
    expect(e.ci95[0]).toBeCloseTo(0.2553, 3);
  });

  it("uses a t interval for continuous scores", () => {
    const e = estimateMean([[0.2], [0.4], [0.6], [0.8]])!;
    expect(e.method).toBe("t");
    expect(e.mean).toBeCloseTo(0.5, 12);
    // sd = 0.2582, se = 0.1291, t(3) = 3.1824
    expect(e.se).toBeCloseTo(0.129099, 5);
    expect(e.ci95[1] - e.mean).toBeCloseTo(3.182446 * 0.129099, 3);
  });

  it("clusters repeats by case: perfectly correlated repeats add no information", () => {
    const one = estimateMean([[0], [1], [0], [1], [1], [0]])!;
    const rep = estimateMean([[0, 0, 0], [1, 1, 1], [0, 0, 0], [1, 1, 1], [1, 1, 1], [0, 0, 0]])!;
    expect(rep.method).toBe("t-clustered");
    expect(rep.n).toBe(18);
    expect(rep.nClusters).toBe(6);
    // Cluster-robust SE with G/(G-1): sqrt(6/5 * sum_g (3*(x_g - .5))^2 / 18^2) = sqrt(1.2 * 13.5 / 324)
    expect(rep.se).toBeCloseTo(Math.sqrt((1.2 * 13.5) / 324), 12);
    // A naive SE over 18 samples would be far smaller than the per-case one.
    const naive = Math.sqrt(0.25 / 18);
    expect(rep.se).toBeGreaterThan(naive * 1.5);
    expect(rep.se).toBeCloseTo(one.se * Math.sqrt(6 / 5), 1);
  });
});

describe("quantileSorted", () => {
  it("interpolates like numpy", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe("bootstrapCorpus", () => {
  it("is reproducible with a seed and brackets the estimate", () => {
    const rng = createRng(1);
    const stats = Array.from({ length: 200 }, () => [rng.next() < 0.7 ? 1 : 0, 1]);
    const agg = (s: readonly number[]) => s[0]! / s[1]!;
    const a = bootstrapCorpus(stats, agg, 1000, 5)!;
    const b = bootstrapCorpus(stats, agg, 1000, 5)!;
    expect(a).toEqual(b);
    const p = stats.reduce((x, s) => x + s[0]!, 0) / 200;
    expect(a.ci95[0]).toBeLessThan(p);
    expect(a.ci95[1]).toBeGreaterThan(p);
    // For a proportion the bootstrap SE approaches sqrt(p(1-p)/n).
    expect(a.se).toBeCloseTo(Math.sqrt((p * (1 - p)) / 200), 2);
  });

  it("draws the same cases as the paired corpus bootstrap with the same seed", () => {
    const rng = createRng(3);
    const rows = Array.from({ length: 50 }, () => [rng.next() < 0.6 ? 1 : 0, 1]);
    const agg = (s: readonly number[]) => s[0]! / s[1]!;
    const one = bootstrapCorpus(rows, agg, 500, 11)!;
    const flat = Float64Array.from(rows.flat());
    const paired = pairedBootstrapCorpus(flat, flat, 2, agg, 500, 11);
    expect(one.ci95).toEqual(paired.candidate.ci);
    expect(one.se).toBe(paired.candidate.se);
  });
});
