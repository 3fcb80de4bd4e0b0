import { describe, expect, it } from "vitest";
import { bcaInterval, bootstrapMeans, bootstrapQuantile, createRng, jackknifeMeans, oneSampleT, pairedBootstrapCorpus, pairedBootstrapMeanDiff, quantile, summariseDraws } from "./index.js";

function normalSample(n: number, mu: number, sigma: number, seed: number): Float64Array {
  const r = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mu + sigma * Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
  return out;
}

describe("paired bootstrap", () => {
  it("is reproducible from its seed and changes with it", () => {
    const d = normalSample(200, 0.1, 1, 3);
    expect(pairedBootstrapMeanDiff(d, 500, 9).ci).toEqual(pairedBootstrapMeanDiff(d, 500, 9).ci);
    expect(pairedBootstrapMeanDiff(d, 500, 9).ci).not.toEqual(pairedBootstrapMeanDiff(d, 500, 10).ci);
  });

  it("agrees with the t interval for a large normal sample (a different method)", () => {
    const d = normalSample(2000, 0.05, 1, 11);
    const t = oneSampleT(d)!;
    const b = pairedBootstrapMeanDiff(d, 4000, 1);
    expect(b.estimate).toBeCloseTo(t.mean, 12);
    expect(Math.abs(b.ci[0] - t.ci[0])).toBeLessThan(0.1 * t.se * 4);
    expect(Math.abs(b.ci[1] - t.ci[1])).toBeLessThan(0.1 * t.se * 4);
    expect(b.se / t.se).toBeGreaterThan(0.93);
    expect(b.se / t.se).toBeLessThan(1.07);
  });

  it.each([
    [1, 0],
    [2, 1],
    [3, 42],
    [7, 0xffffffff],
    [1000, 5],
    [65_537, 123_456_789],
  ])("bootstrapMeans' inlined xoshiro128** draws exactly the indices createRng draws (n = %i, seed %i)", (n, seed) => {
    // Distinct irrational-ish values: a single different index changes a mean's bits.
    const v = Float64Array.from({ length: n }, (_, i) => Math.sqrt(i + 2) * 1e3);
    const resamples = n > 10_000 ? 3 : 40;
    const rng = createRng(seed);
    const expected = new Float64Array(resamples);
    for (let b = 0; b < resamples; b++) {
      let acc = 0;
      for (let i = 0; i < n; i++) acc += v[rng.int(n)]!;
      expected[b] = acc / n;
    }
    expect(Array.from(bootstrapMeans(v, resamples, seed))).toEqual(Array.from(expected));
  });

  it("draws indices uniformly: the mean of resampled means is the sample mean", () => {
    const v = Float64Array.from({ length: 1000 }, (_, i) => i);
    const m = bootstrapMeans(v, 2000, 5);
    const avg = m.reduce((a, b) => a + b, 0) / m.length;
    // SE of the average of 2000 resample means: sd(v)/√1000/√2000 ≈ 288.8/1414 ≈ 0.2.
    expect(Math.abs(avg - 499.5)).toBeLessThan(1);
  });

  it("a corpus metric whose aggregate is a ratio of sums resamples cases, not records", () => {
    // stats = [hits, total]; aggregate = hits / total. Candidate hits one more per case of 10.
    const n = 300;
    const base = new Float64Array(2 * n);
    const cand = new Float64Array(2 * n);
    const r = createRng(1);
    for (let i = 0; i < n; i++) {
      const total = 10;
      const hits = Math.floor(r.next() * 8);
      base.set([hits, total], 2 * i);
      cand.set([hits + 1, total], 2 * i);
    }
    const agg = (s: readonly number[]) => s[0]! / s[1]!;
    const out = pairedBootstrapCorpus(base, cand, 2, agg, 1000, 2);
    expect(out.delta.estimate).toBeCloseTo(0.1, 12);
    // Every case improves by exactly 1/10 of its total: Δ is 0.1 in every resample.
    expect(out.delta.ci[0]).toBeCloseTo(0.1, 12);
    expect(out.delta.ci[1]).toBeCloseTo(0.1, 12);
    expect(out.delta.p).toBeLessThan(0.01);
    expect(out.baseline.ci[0]).toBeLessThan(out.baseline.estimate);
  });

  it("bootstrap of a quantile centres on the sample quantile", () => {
    const v = normalSample(500, 100, 10, 4);
    const draws = bootstrapQuantile(v, 0.95, 1000, 3);
    const med = quantile(draws, 0.5);
    expect(Math.abs(med - quantile(v, 0.95))).toBeLessThan(2);
  });

  it("draws the same from sorted values read in place as from the same values unsorted, and leaves its input as it was", () => {
    const v = Array.from(normalSample(2000, 100, 10, 9));
    const unsorted = Float64Array.from(v);
    const sorted = Float64Array.from(v).sort();
    const before = Float64Array.from(unsorted);
    expect(bootstrapQuantile(sorted, 0.95, 200, 5)).toEqual(bootstrapQuantile(unsorted, 0.95, 200, 5));
    expect(bootstrapQuantile(sorted, 0.95, 200, 5)).toEqual(bootstrapQuantile(v, 0.95, 200, 5));
    expect(unsorted).toEqual(before);
  });
});

describe("BCa interval", () => {
  // x_i = (i/200)^3: a skewed sample. SciPy 1.17 stats.bootstrap(np.mean, method="BCa",
  // n_resamples=200000): [0.21513855, 0.29450998]; percentile: [0.21376255, 0.29303770].
  const x = Float64Array.from({ length: 200 }, (_, i) => ((i + 1) / 200) ** 3);
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  const draws = bootstrapMeans(x, 50_000, 17);

  it("matches SciPy's BCa within Monte Carlo error, and shifts the percentile interval as SciPy's does", () => {
    const [lo, hi] = bcaInterval(m, draws, jackknifeMeans(x), 0.95)!;
    // Endpoint Monte Carlo SD at 50,000 resamples is ≈ 5e-4 here (measured over seeds).
    expect(Math.abs(lo - 0.21513855)).toBeLessThan(1.5e-3);
    expect(Math.abs(hi - 0.29450998)).toBeLessThan(1.5e-3);
    // On the same draws the noise cancels: the BCa shift should be SciPy's (+0.00138, +0.00147).
    const pct = summariseDraws(m, draws, 0.95, 17).ci;
    expect(Math.abs(lo - pct[0] - 0.00138)).toBeLessThan(4e-4);
    expect(Math.abs(hi - pct[1] - 0.00147)).toBeLessThan(4e-4);
  });

  it("gives up (null) when every draw lies on one side of the estimate", () => {
    expect(bcaInterval(1, Float64Array.from([2, 3, 4]), [1, 2, 3], 0.95)).toBeNull();
  });
});
