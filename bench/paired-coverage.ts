// Coverage simulation for paired 0/1 metrics (printed, not a timed test): the interval and test
// llmops reports today — Tango's score interval with the McNemar asymptotic (score) test it inverts
// — next to the pair it reported before — Newcombe's method-10 interval with McNemar's exact test.
// For n = 20, 60, 200, 1,000 paired cases and discordance 2%–40%, over simulated suites:
//   coverage     share of 95% intervals that contain the true Δ (and how the misses split: true Δ
//                below the interval / above it; a gate's non-inferiority bound is one-sided, so
//                each side should miss ≈ 2.5%)
//   size         share of p < 0.05 when the true Δ is 0 (nominal 5%)
//   disagree     share of suites where "p < 0.05" and "the interval excludes 0" differ — the
//                contradiction of issue 17 (0 by construction for the score pair)
// Run: npm run bench:coverage   (BENCH_REPS=N to change the suites per cell; default 6,000)
import { mcnemarExact } from "../src/core/stats/binomial.js";
import { pairedScoreTest, tangoInterval } from "../src/core/stats/paired-score.js";
import { createRng, type Rng } from "../src/core/stats/prng.js";
import { newcombePairedInterval, type PairedTable } from "../src/core/stats/proportions.js";

const REPS = Number(process.env.BENCH_REPS ?? 6000);
const SIZES = [20, 60, 200, 1000];
const DISCORDANCE = [0.02, 0.05, 0.1, 0.2, 0.4];
const ALPHA = 0.05;
const CONFIDENCE = 0.95;
/** Share of concordant pairs where both pass (the metric's pass rate is then ≈ this share). */
const BOTH_SHARE = 0.7;

function draw(rng: Rng, n: number, pBroke: number, pFixed: number): PairedTable {
  const t = { both: 0, broke: 0, fixed: 0, neither: 0 };
  const pBoth = (1 - pBroke - pFixed) * BOTH_SHARE;
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    if (u < pBroke) t.broke++;
    else if (u < pBroke + pFixed) t.fixed++;
    else if (u < pBroke + pFixed + pBoth) t.both++;
    else t.neither++;
  }
  return t;
}

interface Tally {
  cover: number;
  below: number;
  above: number;
  reject: number;
  disagree: number;
}

const empty = (): Tally => ({ cover: 0, below: 0, above: 0, reject: 0, disagree: 0 });

function tallyOne(t: Tally, ci: [number, number], p: number, truth: number): void {
  if (truth < ci[0]) t.below++;
  else if (truth > ci[1]) t.above++;
  else t.cover++;
  const rejects = p < ALPHA;
  if (rejects) t.reject++;
  if (rejects !== (ci[0] > 0 || ci[1] < 0)) t.disagree++;
}

const pct = (x: number, digits = 1) => `${((100 * x) / REPS).toFixed(digits)}%`.padStart(6);

function run(): void {
  const rng = createRng(20_261_204);
  const t0 = performance.now();
  console.log(`Paired 0/1 metric, ${REPS} simulated suites per cell, 95% intervals, α = 0.05 (both-pass share of concordant pairs ${BOTH_SHARE}).`);
  console.log("score = Tango interval + McNemar asymptotic (llmops now); old = Newcombe method 10 + McNemar exact (llmops before).");
  console.log("Coverage rows: true Δ = 0.4 × discordance (fixed:broke = 7:3). Size rows: true Δ = 0.\n");
  const header = [
    "   n",
    " disc",
    "| cover score",
    "(miss lo/hi)",
    "| cover old",
    "(miss lo/hi)",
    "| size score",
    "size old",
    "| disagree old (Δ=0 / Δ≠0)",
  ].join(" ");
  console.log(header);
  console.log("-".repeat(header.length));
  for (const n of SIZES) {
    for (const d of DISCORDANCE) {
      const cov = { score: empty(), old: empty() };
      const size = { score: empty(), old: empty() };
      // Coverage under an effect: fixed:broke = 7:3 of the discordant share.
      const truth = 0.4 * d;
      for (let r = 0; r < REPS; r++) {
        const t = draw(rng, n, 0.3 * d, 0.7 * d);
        tallyOne(cov.score, tangoInterval(t, CONFIDENCE), pairedScoreTest(t).p, truth);
        tallyOne(cov.old, newcombePairedInterval(t, CONFIDENCE), mcnemarExact(t.broke, t.fixed).p, truth);
      }
      // Size: no effect.
      for (let r = 0; r < REPS; r++) {
        const t = draw(rng, n, d / 2, d / 2);
        tallyOne(size.score, tangoInterval(t, CONFIDENCE), pairedScoreTest(t).p, 0);
        tallyOne(size.old, newcombePairedInterval(t, CONFIDENCE), mcnemarExact(t.broke, t.fixed).p, 0);
      }
      if (cov.score.disagree + size.score.disagree !== 0) throw new Error(`score pair disagreed at n=${n}, d=${d}: a bug`);
      console.log(
        [
          String(n).padStart(4),
          `${(d * 100).toFixed(0)}%`.padStart(5),
          "|",
          pct(cov.score.cover).padStart(11),
          `(${pct(cov.score.below).trim()}/${pct(cov.score.above).trim()})`.padStart(12),
          "|",
          pct(cov.old.cover).padStart(9),
          `(${pct(cov.old.below).trim()}/${pct(cov.old.above).trim()})`.padStart(12),
          "|",
          pct(size.score.reject, 2).padStart(10),
          pct(size.old.reject, 2).padStart(8),
          "|",
          `${pct(size.old.disagree, 2).trim()} / ${pct(cov.old.disagree, 2).trim()}`.padStart(25),
        ].join(" "),
      );
    }
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`\n${SIZES.length * DISCORDANCE.length * REPS * 2} suites in ${s.toFixed(1)} s. Monte Carlo SE: ±${(100 * Math.sqrt((0.95 * 0.05) / REPS)).toFixed(2)} pp on a 95% coverage, ±${(100 * Math.sqrt((0.05 * 0.95) / REPS)).toFixed(2)} pp on a 5% size.`);
}

run();
