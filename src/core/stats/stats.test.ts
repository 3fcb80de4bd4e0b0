// Known values: textbook tables, published examples (Newcombe 1998, Student's sleep data), and values
// computed independently with SciPy 1.17 (scipy.stats / scipy.special), a different implementation.
import { describe, expect, it } from "vitest";
import {
  binomialTestTwoSided,
  sortFloat64,
  casesNeeded,
  clusteredSe,
  createRng,
  holmAdjust,
  incompleteBeta,
  lnGamma,
  mcnemarExact,
  mean,
  minimumDetectableEffect,
  newcombePairedInterval,
  normalCdf,
  normalQuantile,
  oneSampleT,
  pairedT,
  quantile,
  repeatsNeeded,
  tCdf,
  tQuantile,
  tTwoSidedP,
  variance,
  wilsonInterval,
  withinClusterSd,
} from "./index.js";

describe("Student t quantiles (tables; SciPy t.ppf)", () => {
  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 5, 2.5705818356363146],
    [0.975, 10, 2.228138851986274],
    [0.975, 30, 2.0422724563012378],
    [0.95, 20, 1.7247182429207866],
    [0.995, 3, 5.840909309733355],
    [0.8, 31, 0.8533702956969437],
    [0.999, 4, 7.173182219782307],
    [0.6, 100, 0.25402218245822766],
    [0.975, 1000, 1.9623390808264083],
    [0.9995, 2.5, 18.277893528131457],
    [0.025, 10, -2.228138851986274],
    [0.9999999, 0.5, 10284911573990.447],
    [0.975, 1e6, 1.959966356814107],
    [0.9999999, 3, 222.57159098625124],
    [0.999999999, 30, 8.445862807441596],
  ])("t_%s(df=%s) = %s", (p, df, want) => {
    expect(Math.abs(tQuantile(p, df) - want)).toBeLessThan(1e-8 * Math.max(1, Math.abs(want)));
  });

  it("keeps relative precision just above the median (SciPy: t_0.5000001(7) = 2.5974602739221524e-7)", () => {
    expect(tQuantile(0.5000001, 7) / 2.5974602739221524e-7).toBeCloseTo(1, 8);
  });

  it("inverts the CDF", () => {
    for (const df of [1.5, 3, 7, 42]) for (const p of [0.51, 0.7, 0.9, 0.99, 0.9999]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
  });
});

describe("Student t CDF (SciPy t.cdf)", () => {
  it.each([
    [2.0, 10, 0.9633059826146299],
    [-1.5, 3, 0.11529193262241147],
    [0.3, 1, 0.5927735790777423],
    [4.0621, 9, 0.9985834960798049],
    [10, 5, 0.9999145262121285],
    [1.0, 0.5, 0.698878389158678],
  ])("P(T ≤ %s; df=%s) = %s", (t, df, want) => {
    expect(Math.abs(tCdf(t, df) - want)).toBeLessThan(1e-10);
  });
  it.each([
    // SciPy: 2·t.sf(|t|, df).
    [10, 5, 0.00017094757574296363],
    [15, 49_999, 9.470819668486214e-51],
    [40, 1000, 1.0478852155173272e-209],
    [0.001, 7, 0.9992300172449988],
  ])("two-sided p(t=%s, df=%s) = %s, in the tail too", (t, df, want) => {
    expect(tTwoSidedP(t, df) / want).toBeCloseTo(1, 8);
  });
});

describe("normal distribution (SciPy norm)", () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.8, 0.8416212335729143],
    [0.5, 0],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
    [0.999999, 4.753424308817087],
  ])("Φ⁻¹(%s) = %s", (p, want) => {
    expect(Math.abs(normalQuantile(p) - want)).toBeLessThan(1e-9);
  });
  it.each([
    [-9, 1.1285884059538324e-19],
    [-3, 0.0013498980316300933],
    [-1, 0.15865525393145707],
    [0.5, 0.6914624612740131],
    [2, 0.9772498680518208],
    [7, 0.9999999999987201],
  ])("Φ(%s) = %s", (x, want) => {
    expect(Math.abs(normalCdf(x) - want) / Math.max(want, 1e-300)).toBeLessThan(1e-9);
  });
});

describe("special functions (SciPy special)", () => {
  it.each([
    [0.3, 2, 5, 0.5798250000000003],
    [0.9, 0.5, 0.5, 0.7951672353008665],
    [0.5, 10, 10, 0.5],
    [0.01, 1, 30, 0.2602996266117196],
  ])("I_%s(%s, %s) = %s", (x, a, b, want) => {
    expect(Math.abs(incompleteBeta(x, a, b) - want)).toBeLessThan(1e-12);
  });
  it.each([
    [0.5, 0.5723649429247],
    [10.3, 13.482036786138359],
    [100.7, 362.3567752034306],
  ])("lnΓ(%s) = %s", (x, want) => {
    expect(lnGamma(x)).toBeCloseTo(want, 10);
  });
});

describe("Wilson interval (Newcombe 1998, Stat Med 17:857, method 3)", () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%s/%s → [%s, %s]", (k, n, lo, hi) => {
    const [l, u] = wilsonInterval(k, n);
    expect(l).toBeCloseTo(lo, 4);
    expect(u).toBeCloseTo(hi, 4);
  });
});

describe("Newcombe paired-difference interval (Newcombe 1998, Stat Med 17:2635, method 10)", () => {
  // Newcombe's Table II examples as reproduced by the propint R package's tests.
  it.each([
    [36, 12, 2, 0, 0.0569, 0.3404],
    [18, 12, 2, 18, 0.0562, 0.329],
  ])("e=%s f=%s g=%s h=%s → [%s, %s]", (e, f, g, h, lo, hi) => {
    const [l, u] = newcombePairedInterval({ both: e, fixed: f, broke: g, neither: h });
    expect(l).toBeCloseTo(lo, 4);
    expect(u).toBeCloseTo(hi, 4);
  });
  it("e=53 f=0 g=0 h=1 → lower −0.0729, symmetric", () => {
    const [l, u] = newcombePairedInterval({ both: 53, fixed: 0, broke: 0, neither: 1 });
    expect(l).toBeCloseTo(-0.0729, 4);
    expect(u).toBeCloseTo(0.0729, 4);
  });
  it("is antisymmetric when the sides swap", () => {
    const [lo, hi] = newcombePairedInterval({ both: 36, fixed: 2, broke: 12, neither: 0 });
    expect(lo).toBeCloseTo(-0.3404, 4);
    expect(hi).toBeCloseTo(-0.0569, 4);
  });
  it("covers 0 with no discordant pairs and stays in [−1, 1]", () => {
    const [lo, hi] = newcombePairedInterval({ both: 5, fixed: 0, broke: 0, neither: 5 });
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(0);
    const [l2, u2] = newcombePairedInterval({ both: 0, fixed: 10, broke: 0, neither: 0 });
    expect(l2).toBeGreaterThan(0);
    expect(u2).toBeLessThanOrEqual(1);
  });
});

describe("exact binomial and McNemar tests", () => {
  it.each([
    [682, 925, 0.75, 0.3824915595748517], // R's binom.test example (Mendel's peas); SciPy binomtest
    [3, 20, 0.3, 0.22041826738070913],
    [2, 14, 0.5, 212 / 16384],
  ])("binomial test k=%s n=%s p=%s → %s", (k, n, p, want) => {
    expect(binomialTestTwoSided(k, n, p)).toBeCloseTo(want, 10);
  });
  it.each([
    // 12 broke vs 2 fixed: 2·P(X ≤ 2 | 14, ½) = 2·(1 + 14 + 91)/2^14.
    [12, 2, 212 / 16384],
    [0, 0, 1],
    [5, 5, 1],
    [0, 6, 2 / 64],
    // Agresti's presidential approval example (Categorical Data Analysis, 86 vs 150); SciPy binomtest.
    [86, 150, 3.7159361395713866e-5],
  ])("McNemar exact broke=%s fixed=%s → p=%s", (b, f, want) => {
    const p = mcnemarExact(b, f).p;
    expect(Math.abs(p - want) / want).toBeLessThan(1e-9);
  });
});

describe("paired t (Student's sleep data, R's t.test(extra ~ group, paired = TRUE))", () => {
  const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
  it("t = 4.0621, df = 9, p = 0.002833, CI [0.7001, 2.4599]", () => {
    const r = pairedT(g1, g2)!;
    expect(r.mean).toBeCloseTo(1.58, 12);
    expect(r.t).toBeCloseTo(4.062127683382037, 9);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002832890197384273, 10);
    expect(r.ci[0]).toBeCloseTo(0.7001142367230174, 9);
    expect(r.ci[1]).toBeCloseTo(2.4598857632769824, 9);
  });
  it("needs two pairs; zero variance gives a point interval", () => {
    expect(oneSampleT([1])).toBeNull();
    expect(oneSampleT([0.5, 0.5, 0.5])).toMatchObject({ ci: [0.5, 0.5], p: 0 });
    expect(oneSampleT([0, 0])).toMatchObject({ ci: [0, 0], p: 1 });
  });
});

describe("clustered statistics", () => {
  const clusters = [
    [1, 0, 1],
    [0, 0, 0],
    [1, 1, 1],
    [1, 0, 0],
  ];
  it("SE treats cases, not records, as independent", () => {
    // Case means 2/3, 0, 1, 1/3 → mean 0.5, sample variance 5/27 (by hand), SE = √(5/27/4).
    expect(clusteredSe(clusters)).toBeCloseTo(Math.sqrt(5 / 27 / 4), 12);
  });
  it("pooled within-case SD", () => {
    // Within variances 1/3, 0, 0, 1/3 each on 2 df → pooled (2/3 + 2/3)/8 = 1/6.
    expect(withinClusterSd(clusters)).toBeCloseTo(Math.sqrt(1 / 6), 12);
  });
});

describe("Holm adjustment (R's p.adjust(method = 'holm'))", () => {
  it.each([
    [[0.01, 0.04, 0.03, 0.005], [0.03, 0.06, 0.06, 0.02]],
    [[0.5], [0.5]],
    [[0.2, 0.9], [0.4, 0.9]],
    [[0.001, 0.001, 0.6], [0.003, 0.003, 0.6]],
  ])("%j → %j", (ps, want) => {
    holmAdjust(ps).forEach((p, i) => expect(p).toBeCloseTo(want[i]!, 12));
  });
});

describe("power and sample size", () => {
  it("paired t, d = 0.5, α = .05, power .8 needs 34 pairs (G*Power: 34)", () => {
    expect(casesNeeded(1, 0.5)).toBe(34);
  });
  it("d = 0.2 needs 199 pairs (G*Power: 199)", () => {
    expect(casesNeeded(1, 0.2)).toBe(199);
  });
  it("MDE at n = 34 is close to the effect that needs 34 pairs", () => {
    const mde = minimumDetectableEffect(1, 34)!;
    expect(mde).toBeGreaterThan(0.48);
    expect(mde).toBeLessThan(0.5);
  });
  it("repeats help only while within-case noise dominates", () => {
    expect(repeatsNeeded(0.1, 1, 100, 0.2)).toBeGreaterThan(1);
    expect(repeatsNeeded(1, 1, 10, 0.2)).toBeNull();
  });
});

describe("descriptive statistics and PRNG", () => {
  it("mean, variance, type-7 quantiles (R's quantile default)", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 14);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile([10, 1, 5], 0.5)).toBe(5);
  });
  it("the same seed gives the same stream; different seeds differ; uniform on average", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xs);
    const r = createRng(7);
    let s = 0;
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      s += r.next();
      counts[r.int(10)]!++;
    }
    expect(s / 100_000).toBeCloseTo(0.5, 2);
    for (const k of counts) expect(Math.abs(k - 10_000)).toBeLessThan(500);
  });
});

describe("sortFloat64", () => {
  it("orders as Float64Array.prototype.sort: negatives, −0 before +0, duplicates, huge and tiny values", () => {
    let seed = 3;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const n of [0, 1, 2, 17, 1000, 70_000]) {
      const a = Float64Array.from({ length: n }, (_, i) => {
        const r = rand();
        return i % 11 === 0 ? -0 : i % 13 === 0 ? 0 : r < 0.2 ? -r * 1e6 : r < 0.3 ? Math.round(r * 10) : r < 0.35 ? 5e-324 * i : r < 0.4 ? -1e300 * r : r * 400;
      });
      const want = Float64Array.from(a).sort();
      const got = sortFloat64(Float64Array.from(a));
      expect(Array.from(got, (x) => Object.is(x, -0) ? "-0" : x)).toEqual(Array.from(want, (x) => Object.is(x, -0) ? "-0" : x));
      // Through a caller's scratch array, longer than needed and reused: the same order.
      const work = new Float64Array(n + 5).fill(7);
      for (const input of [Float64Array.from(a), Float64Array.from(a).reverse()]) {
        expect(Array.from(sortFloat64(input, work), (x) => (Object.is(x, -0) ? "-0" : x))).toEqual(Array.from(want, (x) => (Object.is(x, -0) ? "-0" : x)));
      }
    }
  });
});
