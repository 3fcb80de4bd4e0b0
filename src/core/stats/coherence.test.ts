// Every reported (p, interval) pair comes from one method, so "p < α" holds exactly when the
// interval at 1 − α excludes the null value — at 0 and at any margin a gate might use. Property
// tests over thousands of random paired 2×2 tables and continuous paired samples, the bootstrap's
// inverted p, Holm's step intervals; and the published worked examples of the paired score method.
import { describe, expect, it } from "vitest";
import {
  bcaIntervals,
  createRng,
  holmAdjust,
  holmLevels,
  jackknifeMeans,
  bootstrapMeans,
  mcnemarExact,
  newcombePairedInterval,
  oneSampleT,
  pairedScoreTest,
  percentileIntervals,
  pFromIntervals,
  tangoInterval,
  tangoStatistic,
  tIntervalAt,
  tTestAt,
  type PairedTable,
  type Rng,
} from "./index.js";

const outside = (ci: [number, number], x: number) => x < ci[0] || x > ci[1];

/** A paired table of n cases drawn with cell probabilities for (both, broke, fixed, neither). */
function randomTable(rng: Rng, n: number): PairedTable {
  // Discordance between 0 and 60%, any balance between broke and fixed: the edge cases included.
  const disc = rng.next() * 0.6;
  const share = rng.next();
  const pb = disc * share;
  const pf = disc * (1 - share);
  const pBoth = (1 - disc) * rng.next();
  const t = { both: 0, broke: 0, fixed: 0, neither: 0 };
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    if (u < pb) t.broke++;
    else if (u < pb + pf) t.fixed++;
    else if (u < pb + pf + pBoth) t.both++;
    else t.neither++;
  }
  return t;
}

function randomSize(rng: Rng): number {
  // Log-uniform 1..2,000: as many small suites as large ones.
  return Math.max(1, Math.round(Math.exp(rng.next() * Math.log(2000))));
}

describe("paired proportions: Tango's interval and the score test never disagree", { timeout: 120_000 }, () => {
  it("at α = 0.05 against 0, over 5,000 random tables (n = 1..2,000)", () => {
    const rng = createRng(17);
    let excluded = 0;
    for (let k = 0; k < 5000; k++) {
      const t = randomTable(rng, randomSize(rng));
      const ci = tangoInterval(t, 0.95);
      const p = pairedScoreTest(t, 0).p;
      expect(p < 1 - 0.95, `table ${JSON.stringify(t)}: p ${p}, interval [${ci}]`).toBe(outside(ci, 0));
      if (outside(ci, 0)) excluded++;
    }
    // Both outcomes are exercised (not a vacuous property).
    expect(excluded).toBeGreaterThan(500);
    expect(excluded).toBeLessThan(4500);
  });

  it("at gate margins and other confidence levels, over 3,000 random tables", () => {
    const rng = createRng(18);
    for (let k = 0; k < 3000; k++) {
      const t = randomTable(rng, randomSize(rng));
      const confidence = [0.8, 0.9, 0.95, 0.99][k % 4]!;
      const ci = tangoInterval(t, confidence);
      const n = t.both + t.broke + t.fixed + t.neither;
      const est = (t.fixed - t.broke) / n;
      // A margin near the bound (where disagreement would show) or anywhere in [−0.3, 0.3].
      const margin = k % 2 === 0 ? ci[rng.int(2)]! + (rng.next() - 0.5) * 1e-3 : (rng.next() - 0.5) * 0.6;
      const p = pairedScoreTest(t, margin).p;
      expect(p < 1 - confidence, `table ${JSON.stringify(t)} at ${margin}: p ${p}, interval [${ci}]`).toBe(outside(ci, margin));
      expect(ci[0]).toBeLessThanOrEqual(est);
      expect(ci[1]).toBeGreaterThanOrEqual(est);
    }
  });

  it("the interval's ends are where the test's p crosses α (no gap of more than one float)", () => {
    const t = { both: 22, broke: 6, fixed: 16, neither: 16 };
    const [lo, hi] = tangoInterval(t, 0.95);
    expect(pairedScoreTest(t, lo).p).toBeGreaterThanOrEqual(0.05);
    expect(pairedScoreTest(t, lo - 1e-15).p).toBeLessThan(0.05);
    expect(pairedScoreTest(t, hi).p).toBeGreaterThanOrEqual(0.05);
    expect(pairedScoreTest(t, hi + 1e-15).p).toBeLessThan(0.05);
  });
});

/**
 * Tango's statistic with the restricted maximum-likelihood estimate found by direct numerical
 * maximisation of the multinomial likelihood (golden section) instead of the closed-form root:
 * an independent check of the formula.
 */
function tangoByMaximisation(t: PairedTable, d: number): number {
  const n = t.both + t.broke + t.fixed + t.neither;
  const f = t.fixed;
  const g = t.broke;
  // π_fixed = q + d, π_broke = q, concordant 1 − 2q − d; q in (max(0, −d), (1 − d)/2).
  const lo0 = Math.max(0, -d);
  const hi0 = (1 - d) / 2;
  const ll = (q: number) => f * Math.log(q + d) + g * Math.log(q) + (n - f - g) * Math.log(1 - 2 * q - d);
  let a = lo0 + 1e-15;
  let b = hi0 - 1e-15;
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200; i++) {
    const x1 = b - r * (b - a);
    const x2 = a + r * (b - a);
    if (ll(x1) < ll(x2)) a = x1;
    else b = x2;
  }
  const q = (a + b) / 2;
  return (f - g - n * d) / Math.sqrt(n * (2 * q + d - d * d));
}

describe("published worked examples", () => {
  // Fagerland, Lydersen & Laake (2014), Stat Med 33:2850, and their book (Statistical Analysis of
  // Contingency Tables, 2017, ch. 8), whose companion R package prints the same figures:
  // Cavo et al. (2012), complete response before/after consolidation therapy, n = 161:
  // both 59, before only 16, after only 6, neither 80 (Δ = (6 − 16)/161 = −0.0621).
  const cavo = { both: 59, broke: 16, fixed: 6, neither: 80 };
  // Bentur et al. (2009), airway hyper-responsiveness before/after stem cell transplantation, n = 21.
  const bentur = { both: 1, broke: 7, fixed: 1, neither: 12 };

  it("Cavo: Tango interval −0.1240 to −0.0054; McNemar asymptotic z = −2.132, P = 0.033006", () => {
    const [lo, hi] = tangoInterval(cavo, 0.95);
    expect(lo).toBeCloseTo(-0.124, 4);
    expect(hi).toBeCloseTo(-0.0054, 4);
    const s = pairedScoreTest(cavo);
    expect(s.z).toBeCloseTo(-2.132, 3);
    expect(s.p).toBeCloseTo(0.033006, 6);
    expect(s.estimate).toBeCloseTo(-0.0621, 4);
  });

  it("Cavo: the methods llmops used before — exact conditional McNemar P = 0.052479, Newcombe −0.1186 to −0.0046", () => {
    // The contradiction of issue 17 in a published example: the exact p is above 0.05 while the
    // Newcombe interval excludes 0. The score pair above agrees with itself.
    expect(mcnemarExact(cavo.broke, cavo.fixed).p).toBeCloseTo(0.052479, 6);
    const [lo, hi] = newcombePairedInterval(cavo, 0.95);
    expect(lo).toBeCloseTo(-0.1186, 4);
    expect(hi).toBeCloseTo(-0.0046, 4);
  });

  it("Bentur: McNemar asymptotic P = 0.034 (z = −2.121); Tango interval −0.517 to −0.026", () => {
    const s = pairedScoreTest(bentur);
    expect(s.z).toBeCloseTo(-6 / Math.sqrt(8), 12);
    expect(s.p).toBeCloseTo(0.0339, 4);
    const [lo, hi] = tangoInterval(bentur, 0.95);
    expect(lo).toBeCloseTo(-0.517, 3);
    expect(hi).toBeCloseTo(-0.026, 3);
  });

  // Published tables (a, b, c, d) = (both, first only, second only, neither), Δ = (b − c)/n: in
  // llmops' terms the candidate is the first condition, fixed = b, broke = c.
  it.each([
    // Tango (1998) Stat Med 17:891, Table VII: 95% score interval.
    ["Tango 1998 Table VII", { both: 4, fixed: 9, broke: 3, neither: 16 }, 0.95, [-0.027, 0.39]],
    // Tango (1998) Table V: 90% score interval, one discordant pair in 44.
    ["Tango 1998 Table V", { both: 43, fixed: 0, broke: 1, neither: 0 }, 0.9, [-0.096, 0.037]],
    // Agresti & Min (2005) Stat Med 24:729, their example (n = 86): Tango's score interval.
    ["Agresti & Min 2005", { both: 53, fixed: 16, broke: 8, neither: 9 }, 0.95, [-0.02, 0.207]],
    // Fagerland, Lydersen & Laake (2014), Bentur et al. data: Tango's asymptotic score interval.
    ["Fagerland et al. 2014 (Bentur)", { both: 1, fixed: 1, broke: 7, neither: 12 }, 0.95, [-0.517, -0.026]],
    // The Tang et al. (2010) example (n = 14), where Tango's interval is given to four places.
    ["Tang et al. 2010", { both: 8, fixed: 3, broke: 1, neither: 2 }, 0.95, [-0.167, 0.4327]],
  ] as const)("%s: Tango's interval to the published three decimals", (_, t, confidence, [lo, hi]) => {
    const ci = tangoInterval(t, confidence);
    expect(Number(ci[0].toFixed(3))).toBeCloseTo(lo, 10);
    expect(Number(ci[1].toFixed(3))).toBeCloseTo(Number(hi.toFixed(3)), 10);
  });

  it("Fagerland et al. 2014 (Bentur): Newcombe's method 10, the interval llmops used before, −0.507 to −0.026", () => {
    const [lo, hi] = newcombePairedInterval(bentur, 0.95);
    expect(Number(lo.toFixed(3))).toBe(-0.507);
    expect(Number(hi.toFixed(3))).toBe(-0.026);
  });

  it("all discordant pairs one way (3 of 3): Tango −0.1230 to 1 (and its mirror)", () => {
    expect(tangoInterval({ both: 0, broke: 0, fixed: 3, neither: 0 }, 0.95).map((x) => Number(x.toFixed(4)))).toEqual([-0.123, 1]);
    expect(tangoInterval({ both: 0, broke: 3, fixed: 0, neither: 0 }, 0.95).map((x) => Number(x.toFixed(4)))).toEqual([-1, 0.123]);
  });

  it("the closed-form restricted MLE matches direct maximisation of the likelihood", () => {
    for (const t of [cavo, bentur, { both: 794, broke: 86, fixed: 150, neither: 570 }, { both: 3, broke: 0, fixed: 5, neither: 2 }]) {
      for (const d of [-0.4, -0.1, -0.01, 0.02, 0.15, 0.3]) {
        expect(tangoStatistic(t, d)).toBeCloseTo(tangoByMaximisation(t, d), 6);
      }
    }
  });

  it("at Δ₀ = 0 the score statistic is McNemar's (f − g)/√(f + g)", () => {
    for (const [f, g] of [[16, 6], [1, 7], [0, 10], [150, 86]] as const) {
      expect(tangoStatistic({ both: 40, broke: g, fixed: f, neither: 40 }, 0)).toBeCloseTo((f - g) / Math.sqrt(f + g), 12);
    }
    expect(pairedScoreTest({ both: 10, broke: 0, fixed: 0, neither: 10 }).p).toBe(1);
  });

  it("issue 17's demo table (6 broke, 16 fixed of 60): p = 0.033 with an interval that excludes 0", () => {
    const t = { both: 22, broke: 6, fixed: 16, neither: 16 };
    const [lo, hi] = tangoInterval(t, 0.95);
    expect(pairedScoreTest(t).p).toBeCloseTo(0.033006, 6);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(0.33);
  });
});

describe("paired t: the t interval and the t test never disagree", { timeout: 120_000 }, () => {
  function sample(rng: Rng, n: number): Float64Array {
    const kind = rng.int(4);
    const shift = (rng.next() - 0.5) * 0.4;
    return Float64Array.from({ length: n }, () => {
      const u = rng.next();
      if (kind === 0) return shift + (u - 0.5); // uniform
      if (kind === 1) return shift + Math.log(u / (1 - u)) * 0.2; // logistic, heavy-ish tails
      if (kind === 2) return [-1, 0, 0, 0, 1][rng.int(5)]! + shift * 2; // ties: score differences
      return shift + (u < 0.1 ? 3 : -0.3) * rng.next(); // skewed
    });
  }

  it("at α = 0.05 against 0 and at random margins, over 2,000 random samples (n = 2..2,000)", () => {
    const rng = createRng(19);
    let excluded = 0;
    for (let k = 0; k < 2000; k++) {
      const n = Math.max(2, randomSize(rng));
      const r = oneSampleT(sample(rng, n), 0.95)!;
      expect(r.p < 1 - 0.95, `n ${n}: p ${r.p}, interval [${r.ci}]`).toBe(outside(r.ci, 0));
      expect(tTestAt(r, 0)).toBe(r.p);
      if (outside(r.ci, 0)) excluded++;
      const margin = k % 2 === 0 ? r.ci[rng.int(2)]! * (1 + (rng.next() - 0.5) * 1e-6) : r.mean + (rng.next() - 0.5) * 6 * r.se;
      const confidence = [0.9, 0.95, 0.99][k % 3]!;
      expect(tTestAt(r, margin) < 1 - confidence).toBe(outside(tIntervalAt(r, confidence), margin));
    }
    expect(excluded).toBeGreaterThan(200);
    expect(excluded).toBeLessThan(1800);
  });

  it("keeps the textbook interval mean ± t·SE (Student's sleep data, R's t.test)", () => {
    const d = Float64Array.from([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]);
    const r = oneSampleT(d, 0.95)!;
    expect(r.ci[0]).toBeCloseTo(0.7001142, 6);
    expect(r.ci[1]).toBeCloseTo(2.4598858, 6);
    expect(r.p).toBeCloseTo(0.002833, 6);
  });
});

describe("bootstrap: the p is the inversion of the reported interval", { timeout: 120_000 }, () => {
  it("percentile and BCa, at several levels and null values, over 300 random samples", () => {
    const rng = createRng(20);
    let excluded = 0;
    for (let k = 0; k < 300; k++) {
      const n = 5 + rng.int(80);
      const shift = (rng.next() - 0.5) * 0.5;
      const x = Float64Array.from({ length: n }, () => shift + (rng.next() < 0.2 ? 2 : -0.3) * rng.next());
      const est = x.reduce((a, v) => a + v, 0) / n;
      const draws = bootstrapMeans(x, 400, k + 1);
      const intervalAt = (k % 2 === 0 ? bcaIntervals(est, draws, jackknifeMeans(x)) : null) ?? percentileIntervals(draws);
      for (const [confidence, delta0] of [[0.95, 0], [0.9, shift], [0.99, est * 0.5], [0.8, -0.1]] as const) {
        const p = pFromIntervals(intervalAt, delta0);
        const ci = intervalAt(confidence)!;
        expect(p < 1 - confidence, `n ${n} at ${delta0}: p ${p}, interval [${ci}]`).toBe(outside(ci, delta0));
        if (outside(ci, delta0)) excluded++;
      }
    }
    expect(excluded).toBeGreaterThan(100);
  });

  it("a null value beyond every draw has p = 0; one at the centre has p = 1", () => {
    const draws = Float64Array.from({ length: 101 }, (_, i) => 1 + i / 100);
    const at = percentileIntervals(draws);
    expect(pFromIntervals(at, 0)).toBe(0);
    expect(pFromIntervals(at, 1.5)).toBe(1);
    // 1.1 is the 10th percentile: excluded by every interval narrower than the 80% one.
    expect(pFromIntervals(at, 1.1)).toBeCloseTo(0.2, 12);
  });
});

describe("Holm: the interval at each metric's step level agrees with its adjusted p", { timeout: 120_000 }, () => {
  it("over 600 random families of 1–8 paired t tests", () => {
    const rng = createRng(21);
    let rejected = 0;
    for (let k = 0; k < 600; k++) {
      const m = 1 + rng.int(8);
      const results = Array.from({ length: m }, () => {
        const n = 5 + rng.int(200);
        const shift = (rng.next() - 0.5) * 0.6;
        return oneSampleT(Float64Array.from({ length: n }, () => shift + (rng.next() - 0.5)), 0.95)!;
      });
      const ps = results.map((r) => r.p);
      const adjusted = holmAdjust(ps);
      const levels = holmLevels(ps, 0.05);
      results.forEach((r, i) => {
        const ci = tIntervalAt(r, 1 - levels[i]!);
        expect(adjusted[i]! < 0.05, `family ${JSON.stringify(ps)}: #${i} p_holm ${adjusted[i]}, level ${levels[i]}, [${ci}]`).toBe(outside(ci, 0));
        if (adjusted[i]! < 0.05) rejected++;
      });
    }
    expect(rejected).toBeGreaterThan(300);
  });

  it("stops stepping at the first non-rejection (R's p.adjust example family)", () => {
    const ps = [0.01, 0.02, 0.03, 0.04, 0.05];
    // 5·0.01 = 0.05 is not < 0.05: nothing is rejected, every metric keeps α/5.
    expect(holmLevels(ps, 0.05)).toEqual(ps.map(() => 0.01));
    // 3·0.001 and 2·0.004 are rejected at α/3 and α/2; 0.2 is not, at α/1.
    expect(holmLevels([0.001, 0.2, 0.004], 0.05)).toEqual([0.05 / 3, 0.05, 0.05 / 2]);
  });
});
