// Descriptive statistics on plain arrays: mean, sample variance, quantiles.

export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return Number.NaN;
  return sum(xs) / xs.length;
}

/** Sample variance (n − 1 denominator), two-pass for accuracy. NaN for fewer than 2 values. */
export function variance(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const m = mean(xs);
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - m;
    ss += d * d;
    comp += d;
  }
  return (ss - (comp * comp) / n) / (n - 1);
}

export function sd(xs: ArrayLike<number>): number {
  return Math.sqrt(variance(xs));
}

/** Quantile of sorted data by linear interpolation (Hyndman–Fan type 7, R's default, numpy's "linear"). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function quantile(xs: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(xs as ArrayLike<number>).sort();
  return quantileSorted(sorted, q);
}

/**
 * Sort a Float64Array in place, ascending, as `Float64Array.prototype.sort()` orders it (−0 before
 * +0; no NaN expected): an LSD radix sort on the bits, with one scratch array of the same length
 * (the caller's `work` when given).
 * V8's own typed-array sort boxes every element (about 40 bytes each in work arrays), which at a
 * million latencies is the largest allocation of a comparison.
 */
export function sortFloat64(a: Float64Array, work?: Float64Array): Float64Array {
  const n = a.length;
  if (n < 2) return a;
  const keys = new Uint32Array(a.buffer, a.byteOffset, n * 2);
  // `work`, when at least as long (and not `a`'s own memory), is the scratch: two sorts share one.
  const scratch = work !== undefined && work.length >= n && work.buffer !== a.buffer ? work : new Float64Array(n);
  const sk = new Uint32Array(scratch.buffer, scratch.byteOffset, n * 2);
  // Order-preserving keys: flip every bit of a negative number, only the sign bit of the others.
  for (let i = 0; i < n; i++) {
    const hi = keys[2 * i + 1]!;
    if (hi & 0x80000000) {
      keys[2 * i + 1] = ~hi >>> 0;
      keys[2 * i] = ~keys[2 * i]! >>> 0;
    } else keys[2 * i + 1] = (hi | 0x80000000) >>> 0;
  }
  const counts = new Uint32Array(65536);
  let src: Uint32Array<ArrayBufferLike> = keys;
  let dst: Uint32Array<ArrayBufferLike> = sk;
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? 0 : 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(src[2 * i + word]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(src[2 * i + word]! >>> shift) & 0xffff]!++;
      dst[2 * at] = src[2 * i]!;
      dst[2 * at + 1] = src[2 * i + 1]!;
    }
    [src, dst] = [dst, src];
  }
  // Four passes: the sorted keys are back in `a`'s buffer. Undo the key transform.
  for (let i = 0; i < n; i++) {
    const hi = keys[2 * i + 1]!;
    if (hi & 0x80000000) keys[2 * i + 1] = (hi & 0x7fffffff) >>> 0;
    else {
      keys[2 * i + 1] = ~hi >>> 0;
      keys[2 * i] = ~keys[2 * i]! >>> 0;
    }
  }
  return a;
}
