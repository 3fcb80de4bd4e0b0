// Benchmark: paired bootstrap, 10,000 resamples over 50,000 paired cases (goal < 1 s), printed next
// to two peers measured in the same run: the physical bound (only drawing the 5·10^8 random indices
// with the same generator, nothing read) and a naive implementation (Math.random, arrays, reduce).
import { availableParallelism, loadavg } from "node:os";
import { pairedBootstrapCorpus, pairedBootstrapMeanDiff } from "../src/core/stats/bootstrap.js";
import { createRng } from "../src/core/stats/prng.js";

const N = Number(process.env.BENCH_N ?? 50_000);
const B = Number(process.env.BENCH_B ?? 10_000);
const NAIVE_B = Number(process.env.BENCH_NAIVE_B ?? 200);
const SEED = 20_260_101;

function makeDiffs(n: number): Float64Array {
  const r = createRng(1);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = (r.next() < 0.55 ? 1 : 0) - (r.next() < 0.5 ? 1 : 0);
  return d;
}

/** The same inlined xoshiro128** loop and index mapping as the library, with no data read. */
function indicesOnly(n: number, resamples: number, seed: number): number {
  const st = createRng(seed).state;
  let s0 = st[0]! | 0;
  let s1 = st[1]! | 0;
  let s2 = st[2]! | 0;
  let s3 = st[3]! | 0;
  const scale = 2.3283064365386963e-10 * n;
  let sink = 0;
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const x = Math.imul(s1, 5);
      const r = Math.imul((x << 7) | (x >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      sink ^= ((r >>> 0) * scale) | 0;
    }
  }
  return sink;
}

function naive(d: number[], resamples: number): number[] {
  const n = d.length;
  const means: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const sample = Array.from({ length: n }, () => d[Math.floor(Math.random() * n)]!);
    means.push(sample.reduce((a, x) => a + x, 0) / n);
  }
  return means.sort((a, b) => a - b);
}

/** Wall time, and CPU time of this process (steadier than wall time on a machine shared with others). */
function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}

const diffs = makeDiffs(N);
// Warm-up so the JIT has compiled the hot loops before timing.
pairedBootstrapMeanDiff(diffs.subarray(0, 1000), 50, 1);
indicesOnly(1000, 50, 1);

const ours = time(() => pairedBootstrapMeanDiff(diffs, B, SEED));
const bound = time(() => indicesOnly(N, B, SEED));
const slow = time(() => naive(Array.from(diffs), NAIVE_B));
const naiveMs = (slow.ms * B) / NAIVE_B;
const naiveCpuMs = (slow.cpuMs * B) / NAIVE_B;

// A corpus metric the size of BLEU's statistics (10 per case): fewer resamples, same cases.
const CORPUS_B = Number(process.env.BENCH_CORPUS_B ?? 1000);
const WIDTH = 10;
const rngC = createRng(2);
const statsB = Float64Array.from({ length: N * WIDTH }, () => Math.floor(rngC.next() * 20));
const statsC = Float64Array.from({ length: N * WIDTH }, () => Math.floor(rngC.next() * 20));
const ratio = (s: readonly number[]) => s[2]! / (s[6]! + 1);
const corpus = time(() => pairedBootstrapCorpus(statsB, statsC, WIDTH, ratio, CORPUS_B, SEED));

const line = (name: string, ms: number, cpuMs: number, note = "") =>
  `${name.padEnd(46)} ${(ms / 1000).toFixed(3).padStart(8)} s wall ${(cpuMs / 1000).toFixed(3).padStart(8)} s cpu  ${note}`;
process.stdout.write(
  [
    `paired bootstrap of a mean difference: ${B.toLocaleString("en")} resamples × ${N.toLocaleString("en")} cases (seed ${SEED}), node ${process.version}`,
    line("llmops pairedBootstrapMeanDiff", ours.ms, ours.cpuMs, `CI [${ours.value.ci.map((x) => x.toFixed(5)).join(", ")}]  goal < 1 s: ${ours.ms < 1000 ? "met" : "NOT met"} (wall)`),
    line("peer: physical bound (draw indices only)", bound.ms, bound.cpuMs, "same inlined xoshiro128** loop, no data read"),
    line("peer: naive (Math.random, Array.from, reduce)", naiveMs, naiveCpuMs, `extrapolated from ${NAIVE_B} resamples (${(slow.ms / 1000).toFixed(3)} s)`),
    line(`corpus metric, ${WIDTH} stats/case, ${CORPUS_B.toLocaleString("en")} resamples`, corpus.ms, corpus.cpuMs, "BCa: both runs summed per resample + jackknife"),
    `speed-up over naive: ${(naiveMs / ours.ms).toFixed(1)}×; ours / bound: ${(ours.ms / bound.ms).toFixed(2)} (wall), ${(ours.cpuMs / bound.cpuMs).toFixed(2)} (cpu); load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  ].join("\n") + "\n",
);
