#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  InternalError
} from "./chunk-LXVW643N.js";

// src/app/process/collect-garbage.ts
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var gc;
function collectGarbage() {
  if (gc === void 0) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc");
    } catch {
      gc = null;
    }
  }
  gc?.();
}
function oldSpaceUsed() {
  for (const s of getHeapSpaceStatistics()) if (s.space_name === "old_space") return s.space_used_size;
  return 0;
}
var HeapCap = class {
  constructor(headroom = 24 << 20) {
    this.headroom = headroom;
  }
  headroom;
  floor = oldSpaceUsed();
  check() {
    const used = oldSpaceUsed();
    if (used < this.floor) this.floor = used;
    else if (used - this.floor > this.headroom) {
      collectGarbage();
      this.floor = oldSpaceUsed();
    }
  }
};
function capHeapGrowth(headroom = 24 << 20, everyMs = 250) {
  const cap = new HeapCap(headroom);
  const timer = setInterval(() => cap.check(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

// src/core/stats/descriptive.ts
function sum(xs) {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}
function mean(xs) {
  if (xs.length === 0) return Number.NaN;
  return sum(xs) / xs.length;
}
function variance(xs) {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const m = mean(xs);
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    ss += d * d;
    comp += d;
  }
  return (ss - comp * comp / n) / (n - 1);
}
function sd(xs) {
  return Math.sqrt(variance(xs));
}
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function sortFloat64(a, work) {
  const n = a.length;
  if (n < 2) return a;
  const keys = new Uint32Array(a.buffer, a.byteOffset, n * 2);
  const scratch = work !== void 0 && work.length >= n && work.buffer !== a.buffer ? work : new Float64Array(n);
  const sk = new Uint32Array(scratch.buffer, scratch.byteOffset, n * 2);
  for (let i = 0; i < n; i++) {
    const hi = keys[2 * i + 1];
    if (hi & 2147483648) {
      keys[2 * i + 1] = ~hi >>> 0;
      keys[2 * i] = ~keys[2 * i] >>> 0;
    } else keys[2 * i + 1] = (hi | 2147483648) >>> 0;
  }
  const counts = new Uint32Array(65536);
  let src = keys;
  let dst = sk;
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? 0 : 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[src[2 * i + word] >>> shift & 65535]++;
    let sum2 = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum2;
      sum2 += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[src[2 * i + word] >>> shift & 65535]++;
      dst[2 * at] = src[2 * i];
      dst[2 * at + 1] = src[2 * i + 1];
    }
    [src, dst] = [dst, src];
  }
  for (let i = 0; i < n; i++) {
    const hi = keys[2 * i + 1];
    if (hi & 2147483648) keys[2 * i + 1] = (hi & 2147483647) >>> 0;
    else {
      keys[2 * i + 1] = ~hi >>> 0;
      keys[2 * i] = ~keys[2 * i] >>> 0;
    }
  }
  return a;
}

// src/core/stats/special.ts
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function lnGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
function betaContinuedFraction(a, b, x) {
  const TINY = 1e-300;
  const EPS = 1e-16;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1e4; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(lnFront) * betaContinuedFraction(a, b, x) / a;
  return 1 - Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x) / b;
}
function normalCdf(x) {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= -3) return normalTail(-x);
  if (x >= 3) return 1 - normalTail(x);
  let s = x;
  let t = 0;
  let b = x;
  const q = x * x;
  let i = 1;
  while (s !== t) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  return 0.5 + s * Math.exp(-0.5 * q - 0.9189385332046728);
}
function normalTail(x) {
  let f = x;
  for (let k = 100; k >= 1; k--) f = x + k / f;
  return Math.exp(-0.5 * x * x - 0.9189385332046728) / f;
}
function normalPdf(x) {
  return Math.exp(-0.5 * x * x - 0.9189385332046728);
}
var A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
var B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
var C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
var D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
function normalQuantile(p) {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const plow = 0.02425;
  let x;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - plow) {
    const q = p - 0.5;
    const r = q * q;
    x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  for (let i = 0; i < 2; i++) {
    const e = normalCdf(x) - p;
    const u = e / normalPdf(x);
    x = x - u / (1 + x * u / 2);
  }
  return x;
}

// src/core/stats/student-t.ts
function tCdf(t, df) {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (df === Infinity) return normalCdf(t);
  const t2 = t * t;
  const centre = 0.5 * incompleteBeta(t2 / (df + t2), 0.5, df / 2);
  if (centre < 0.25) return t > 0 ? 0.5 + centre : 0.5 - centre;
  const tail = 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}
function tPdf(t, df) {
  const lnc = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnc - (df + 1) / 2 * Math.log1p(t * t / df));
}
function tQuantile(p, df) {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (df === Infinity) return normalQuantile(p);
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (p === 0.5) return 0;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  let x = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  let lo = 0;
  let hi = Math.max(2 * x, 1);
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    if (!(x > lo && x < hi)) x = (lo + hi) / 2;
    const f = tCdf(x, df) - p;
    if (f > 0) hi = x;
    else lo = x;
    const step = f / tPdf(x, df);
    const next = x - step;
    if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(x)) || hi - lo < 1e-14 * Math.max(1, hi)) return next > lo && next < hi ? next : x;
    x = next;
  }
  return x;
}
function tTwoSidedP(t, df) {
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  if (df === Infinity) return 2 * normalCdf(-Math.abs(t));
  const t2 = t * t;
  const inner = incompleteBeta(t2 / (df + t2), 0.5, df / 2);
  if (inner < 0.5) return 1 - inner;
  return Math.min(1, incompleteBeta(df / (df + t2), df / 2, 0.5));
}

// src/core/stats/proportions.ts
function zFor(confidence) {
  return normalQuantile(1 - (1 - confidence) / 2);
}
function wilsonInterval(k, n, confidence = 0.95) {
  if (n === 0) return [0, 1];
  const z = zFor(confidence);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

// src/core/stats/invert.ts
function boundary(rejected, accepted, accepts) {
  let r = rejected;
  let a = accepted;
  for (; ; ) {
    const mid = r + (a - r) / 2;
    if (mid === r || mid === a) return a;
    if (accepts(mid)) a = mid;
    else r = mid;
  }
}
function invertTest(pAt, estimate, alpha, range) {
  const accepts = (x) => pAt(x) >= alpha;
  if (!accepts(estimate)) return [estimate, estimate];
  const side = (dir) => {
    const g = range.guess?.[dir < 0 ? 0 : 1];
    if (g !== void 0 && Number.isFinite(g) && (g - estimate) * dir > 0) {
      const eps = 1e-7 * Math.max(Math.abs(g - estimate), Math.abs(g));
      const inner2 = g - dir * eps;
      const outer = g + dir * eps;
      if ((inner2 - estimate) * dir > 0 && accepts(inner2) && !accepts(outer)) return boundary(outer, inner2, accepts);
    }
    const end = dir < 0 ? range.min : range.max;
    if (Number.isFinite(end)) return accepts(end) ? end : boundary(end, estimate, accepts);
    let step = range.scale && range.scale > 0 ? range.scale : Math.max(1, Math.abs(estimate));
    let inner = estimate;
    for (; ; ) {
      const x = estimate + dir * step;
      if (!Number.isFinite(x)) return dir * Infinity;
      if (!accepts(x)) return boundary(x, inner, accepts);
      inner = x;
      step *= 2;
    }
  };
  return [side(-1), side(1)];
}
function pFromIntervals(intervalAt, delta0) {
  const contains = (alpha) => {
    const ci = intervalAt(1 - alpha);
    return ci !== null && ci[0] <= delta0 && delta0 <= ci[1];
  };
  if (contains(1)) return 1;
  let inside = 0;
  let outside = 1;
  for (; ; ) {
    const mid = inside + (outside - inside) / 2;
    if (mid === inside || mid === outside) return inside;
    if (contains(mid)) inside = mid;
    else outside = mid;
  }
}

// src/core/stats/paired-score.ts
function tangoStatistic(t, delta0) {
  const n = t.both + t.broke + t.fixed + t.neither;
  const f = t.fixed;
  const g = t.broke;
  const num = f - g - n * delta0;
  const A2 = 2 * n;
  const B2 = -f - g + (2 * n - f + g) * delta0;
  const C2 = -g * delta0 * (1 - delta0);
  const q = (Math.sqrt(Math.max(0, B2 * B2 - 4 * A2 * C2)) - B2) / (2 * A2);
  const v = n * (2 * q + delta0 * (1 - delta0));
  if (!(v > 0)) return num === 0 ? 0 : num > 0 ? Infinity : -Infinity;
  return num / Math.sqrt(v);
}
function pairedScoreTest(t, delta0 = 0) {
  const n = t.both + t.broke + t.fixed + t.neither;
  const estimate = n === 0 ? 0 : (t.fixed - t.broke) / n;
  if (n === 0) return { estimate, z: 0, p: 1 };
  const z = tangoStatistic(t, delta0);
  return { estimate, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}
function tangoInterval(t, confidence = 0.95) {
  const n = t.both + t.broke + t.fixed + t.neither;
  if (n === 0) return [-1, 1];
  const alpha = 1 - confidence;
  return invertTest((d) => pairedScoreTest(t, d).p, (t.fixed - t.broke) / n, alpha, { min: -1, max: 1 });
}

// src/core/stats/paired-t.ts
function tTestAt(r, delta0) {
  if (r.se === 0) return r.mean === delta0 ? 1 : 0;
  return tTwoSidedP((r.mean - delta0) / r.se, r.df);
}
function tIntervalAt(r, confidence) {
  const alpha = 1 - confidence;
  const half = tQuantile(1 - alpha / 2, r.df) * r.se;
  return invertTest((d) => tTestAt(r, d), r.mean, alpha, { min: -Infinity, max: Infinity, scale: half, guess: [r.mean - half, r.mean + half] });
}
function oneSampleT(xs, confidence = 0.95) {
  const n = xs.length;
  if (n < 2) return null;
  const m = mean(xs);
  const v = Math.max(0, variance(xs));
  const sdv = Math.sqrt(v);
  const se = sdv / Math.sqrt(n);
  const df = n - 1;
  if (se === 0) return { n, mean: m, sd: 0, se: 0, df, t: m === 0 ? 0 : Math.sign(m) * Infinity, p: m === 0 ? 1 : 0, ci: [m, m] };
  const t = m / se;
  return { n, mean: m, sd: sdv, se, df, t, p: tTwoSidedP(t, df), ci: tIntervalAt({ mean: m, se, df }, confidence) };
}
function withinClusterSd(clusters) {
  let ss = 0;
  let df = 0;
  for (const c of clusters) {
    if (c.length < 2) continue;
    ss += variance(c) * (c.length - 1);
    df += c.length - 1;
  }
  return df > 0 ? Math.sqrt(ss / df) : null;
}

// src/core/stats/power.ts
function minimumDetectableEffect(sdDiff, n, alpha = 0.05, power = 0.8) {
  if (n < 2 || !Number.isFinite(sdDiff)) return null;
  const df = n - 1;
  return (tQuantile(1 - alpha / 2, df) + tQuantile(power, df)) * sdDiff / Math.sqrt(n);
}
function casesNeeded(sdDiff, effect, alpha = 0.05, power = 0.8) {
  const e = Math.abs(effect);
  if (!(e > 0) || !Number.isFinite(sdDiff)) return null;
  if (sdDiff === 0) return 2;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  let n = Math.max(2, Math.ceil(((za + zb) * sdDiff / e) ** 2));
  for (let i = 0; i < 50; i++) {
    const df = n - 1;
    const next = Math.max(2, Math.ceil(((tQuantile(1 - alpha / 2, df) + tQuantile(power, df)) * sdDiff / e) ** 2));
    if (next === n) break;
    n = next;
  }
  return Number.isFinite(n) ? n : null;
}
function casesNeededFromSe(se, n, effect, alpha = 0.05, power = 0.8) {
  const e = Math.abs(effect);
  if (!(e > 0) || !Number.isFinite(se) || n < 1) return null;
  const k = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return Math.max(2, Math.ceil(n * (k * se / e) ** 2));
}
function repeatsNeeded(sdBetween, sdWithin, n, effect, alpha = 0.05, power = 0.8) {
  const e = Math.abs(effect);
  if (!(e > 0) || n < 2 || !Number.isFinite(sdBetween) || !Number.isFinite(sdWithin)) return null;
  const df = n - 1;
  const k = tQuantile(1 - alpha / 2, df) + tQuantile(power, df);
  const targetVar = n * (e / k) ** 2;
  const room = targetVar - sdBetween * sdBetween;
  if (room <= 0) return null;
  return Math.max(1, Math.ceil(sdWithin * sdWithin / room));
}

// src/core/stats/prng.ts
function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = s + 2654435769 >>> 0;
    let z = s;
    z = Math.imul(z ^ z >>> 16, 2246822507) >>> 0;
    z = Math.imul(z ^ z >>> 13, 3266489909) >>> 0;
    return (z ^ z >>> 16) >>> 0;
  };
}
function createRng(seed) {
  const sm = splitmix32(seed);
  const state = new Uint32Array([sm(), sm(), sm(), sm()]);
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  const nextU32 = () => {
    const s0 = state[0];
    const s1 = state[1];
    const s2 = state[2];
    const s3 = state[3];
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    state[1] = s1 ^ n2;
    state[0] = s0 ^ n3;
    state[2] = n2 ^ t;
    state[3] = rotl(n3, 11);
    return r;
  };
  return {
    state,
    nextU32,
    next: () => nextU32() * 23283064365386963e-26,
    int: (n) => Math.floor(nextU32() * 23283064365386963e-26 * n)
  };
}
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}

// src/core/stats/bootstrap.ts
function summariseDraws(estimate, draws, confidence, seed) {
  const sorted = Float64Array.from(draws).sort();
  const alpha = 1 - confidence;
  let m = 0;
  let le = 0;
  let ge = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    m += v;
    if (v <= 0) le++;
    if (v >= 0) ge++;
  }
  m /= sorted.length;
  let ss = 0;
  for (let i = 0; i < sorted.length; i++) ss += (sorted[i] - m) ** 2;
  const B2 = sorted.length;
  return {
    estimate,
    ci: [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)],
    se: Math.sqrt(ss / Math.max(1, B2 - 1)),
    p: Math.min(1, 2 * (Math.min(le, ge) + 1) / (B2 + 1)),
    resamples: B2,
    seed
  };
}
function bcaInterval(estimate, draws, jackknife, confidence) {
  return bcaIntervals(estimate, draws, jackknife)?.(confidence) ?? null;
}
function bcaIntervals(estimate, draws, jackknife) {
  const B2 = draws.length;
  if (B2 < 2 || jackknife.length < 3) return null;
  let below = 0;
  let equal = 0;
  for (let i = 0; i < B2; i++) {
    if (draws[i] < estimate) below++;
    else if (draws[i] === estimate) equal++;
  }
  const share = (below + equal / 2) / B2;
  if (share <= 0 || share >= 1) return null;
  const z0 = normalQuantile(share);
  let jm = 0;
  for (let i = 0; i < jackknife.length; i++) jm += jackknife[i];
  jm /= jackknife.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < jackknife.length; i++) {
    const d = jm - jackknife[i];
    num += d * d * d;
    den += d * d;
  }
  const flat = den <= (1e-12 * Math.max(1, Math.abs(jm))) ** 2 * jackknife.length;
  const a = flat ? 0 : num / (6 * den ** 1.5);
  const sorted = Float64Array.from(draws).sort();
  const level = (q) => {
    const z = normalQuantile(q);
    return normalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  };
  return (confidence) => {
    const alpha = 1 - confidence;
    const lo = level(alpha / 2);
    const hi = level(1 - alpha / 2);
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
    return [quantileSorted(sorted, lo), quantileSorted(sorted, hi)];
  };
}
function percentileIntervals(draws) {
  const sorted = Float64Array.from(draws).sort();
  return (confidence) => {
    const alpha = 1 - confidence;
    return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
  };
}
function pairedBootstrapCorpus(baseline, candidate, width, aggregate, resamples, seed, confidence = 0.95) {
  const n = baseline.length / width;
  if (!Number.isInteger(n) || candidate.length !== baseline.length) throw new RangeError("corpus bootstrap needs two n \xD7 width matrices");
  const columns = (m) => Array.from({ length: width }, (_, j) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = m[i * width + j];
    return col;
  });
  const colB = columns(baseline);
  const colC = columns(candidate);
  const sumCols = (cols, weights) => cols.map((col) => {
    let a = 0;
    if (weights) for (let i = 0; i < n; i++) a += weights[i] * col[i];
    else for (let i = 0; i < n; i++) a += col[i];
    return a;
  });
  const b0 = aggregate(sumCols(colB, null));
  const c0 = aggregate(sumCols(colC, null));
  const db = new Float64Array(resamples);
  const dc = new Float64Array(resamples);
  const dd = new Float64Array(resamples);
  const counts = new Float64Array(n);
  const rng = createRng(seed);
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[rng.int(n)] += 1;
    const vb = aggregate(sumCols(colB, counts));
    const vc = aggregate(sumCols(colC, counts));
    db[b] = vb;
    dc[b] = vc;
    dd[b] = vc - vb;
  }
  const totB = sumCols(colB, null);
  const totC = sumCols(colC, null);
  const jb = new Float64Array(n);
  const jc = new Float64Array(n);
  const loB = new Array(width);
  const loC = new Array(width);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < width; j++) {
      loB[j] = totB[j] - colB[j][i];
      loC[j] = totC[j] - colC[j][i];
    }
    jb[i] = aggregate(loB);
    jc[i] = aggregate(loC);
  }
  const jd = jc.map((v, i) => v - jb[i]);
  const withBca = (estimate, draws, jack) => ({
    ...summariseDraws(estimate, draws, confidence, seed),
    bca: bcaInterval(estimate, draws, jack, confidence)
  });
  const bca = bcaIntervals(c0 - b0, dd, jd);
  const method = bca?.(confidence) ? "bca" : "percentile";
  const intervalAt = method === "bca" ? bca : percentileIntervals(dd);
  return {
    delta: { ...withBca(c0 - b0, dd, jd), p: pFromIntervals(intervalAt, 0), method, intervalAt },
    baseline: withBca(b0, db, jb),
    candidate: withBca(c0, dc, jc)
  };
}
function bootstrapQuantile(values, q, resamples, seed) {
  const sorted = values instanceof Float64Array && ascending(values) ? values : sortFloat64(Float64Array.from(values));
  const n = sorted.length;
  const out = new Float64Array(resamples);
  if (n === 0) return out.fill(Number.NaN);
  const rng = createRng(seed);
  const counts = new Uint32Array(n);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const frac = h - lo;
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[rng.int(n)]++;
    let cum = 0;
    let vLo = Number.NaN;
    let vHi = Number.NaN;
    for (let i = 0; i < n; i++) {
      cum += counts[i];
      if (Number.isNaN(vLo) && cum > lo) vLo = sorted[i];
      if (cum > lo + 1 || cum > lo && lo + 1 >= n) {
        vHi = sorted[i];
        break;
      }
    }
    if (Number.isNaN(vHi)) vHi = vLo;
    out[b] = vLo + frac * (vHi - vLo);
  }
  return out;
}
function bootstrapCorpus(caseStats, aggregate, resamples, seed, confidence = 0.95) {
  const G = caseStats.length;
  if (G < 2) return null;
  const dim = caseStats[0].length;
  const rng = createRng(seed);
  const draws = new Float64Array(resamples);
  const sum2 = new Array(dim);
  for (let b = 0; b < resamples; b++) {
    sum2.fill(0);
    for (let i = 0; i < G; i++) {
      const s = caseStats[rng.int(G)];
      for (let d = 0; d < dim; d++) sum2[d] += s[d];
    }
    draws[b] = aggregate(sum2);
  }
  const { se, ci } = summariseDraws(Number.NaN, draws, confidence, seed);
  return { se, ci95: ci };
}
function ascending(a) {
  for (let i = 1; i < a.length; i++) if (!(a[i - 1] <= a[i])) return false;
  return true;
}

// src/core/stats/holm.ts
function ranked(ps) {
  return ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
}
function holmAdjust(ps) {
  const m = ps.length;
  const out = new Array(m);
  let running = 0;
  ranked(ps).forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
function holmLevels(ps, alpha) {
  const m = ps.length;
  const out = new Array(m);
  let stopped = null;
  ranked(ps).forEach(({ p, i }, rank) => {
    if (stopped === null && !((m - rank) * p < alpha)) stopped = rank;
    out[i] = alpha / (m - (stopped ?? rank));
  });
  return out;
}

// src/core/stats/kappa.ts
function cohenKappa(a, b, k, weights) {
  if (a.length !== b.length) throw new InternalError("cohenKappa: the two raters rated different numbers of items");
  const n = a.length;
  if (n === 0 || k < 2) return null;
  const rowA = new Float64Array(k);
  const colB = new Float64Array(k);
  let observed = 0;
  const w = (i, j) => weights === "quadratic" ? ((i - j) / (k - 1)) ** 2 : i === j ? 0 : 1;
  for (let t = 0; t < n; t++) {
    const i = a[t];
    const j = b[t];
    rowA[i]++;
    colB[j]++;
    observed += w(i, j);
  }
  let expected = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expected += w(i, j) * rowA[i] * colB[j];
  observed /= n;
  expected /= n * n;
  if (expected === 0) return null;
  return 1 - observed / expected;
}
function observedAgreement(a, b) {
  if (a.length === 0) return null;
  let same = 0;
  for (let t = 0; t < a.length; t++) if (a[t] === b[t]) same++;
  return same / a.length;
}
function kappaBootstrap(a, b, k, weights, resamples = 2e3, seed = 1, confidence = 0.95) {
  const n = a.length;
  if (n < 2) return { ci: null, undefinedResamples: 0 };
  const rng = createRng(seed);
  const draws = [];
  const ra = new Array(n);
  const rb = new Array(n);
  let undef = 0;
  for (let r = 0; r < resamples; r++) {
    for (let t = 0; t < n; t++) {
      const i = rng.int(n);
      ra[t] = a[i];
      rb[t] = b[i];
    }
    const kv = cohenKappa(ra, rb, k, weights);
    if (kv === null) undef++;
    else draws.push(kv);
  }
  if (draws.length === 0) return { ci: null, undefinedResamples: undef };
  draws.sort((x, y) => x - y);
  const alpha = (1 - confidence) / 2;
  return { ci: [quantileSorted(draws, alpha), quantileSorted(draws, 1 - alpha)], undefinedResamples: undef };
}

export {
  mean,
  variance,
  sd,
  quantileSorted,
  sortFloat64,
  normalQuantile,
  tQuantile,
  wilsonInterval,
  holmAdjust,
  holmLevels,
  cohenKappa,
  observedAgreement,
  kappaBootstrap,
  pairedScoreTest,
  tangoInterval,
  tIntervalAt,
  oneSampleT,
  withinClusterSd,
  minimumDetectableEffect,
  casesNeeded,
  casesNeededFromSe,
  repeatsNeeded,
  summariseDraws,
  pairedBootstrapCorpus,
  bootstrapQuantile,
  bootstrapCorpus,
  collectGarbage,
  HeapCap,
  capHeapGrowth
};
