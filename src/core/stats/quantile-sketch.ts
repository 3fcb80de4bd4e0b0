// Quantiles of a stream in bounded memory: exact (sorted values) up to EXACT_LIMIT values, then a
// DDSketch-style log-bucket histogram whose every quantile is within RELATIVE_ERROR of the exact
// type-7 quantile of the same values (each of the two order statistics type 7 interpolates between
// is estimated within that relative error, so their weighted mean is too).
import { quantileSorted } from "./descriptive.js";

const EXACT_LIMIT = 4096;

export class QuantileSketch {
  /** `exact`: keep every value (8 bytes each) however many there are. */
  constructor(private readonly alwaysExact = false) {}

  static readonly RELATIVE_ERROR = 0.005;
  private static readonly GAMMA = (1 + QuantileSketch.RELATIVE_ERROR) / (1 - QuantileSketch.RELATIVE_ERROR);
  private static readonly LOG_GAMMA = Math.log(QuantileSketch.GAMMA);
  private values: Float64Array | null = new Float64Array(64);
  private buckets = new Map<number, number>();
  private zeros = 0;
  private n = 0;

  get count(): number {
    return this.n;
  }

  /** True while every value is kept (quantiles are exact). */
  get exact(): boolean {
    return this.values !== null;
  }

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    if (this.values) {
      if (this.n === this.values.length) {
        if (this.n >= EXACT_LIMIT && !this.alwaysExact) {
          for (let i = 0; i < this.n; i++) this.bucket(this.values[i]!);
          this.values = null;
        } else {
          const grown = new Float64Array(this.values.length * 2);
          grown.set(this.values);
          this.values = grown;
        }
      }
    }
    if (this.values) this.values[this.n] = x;
    else this.bucket(x);
    this.n++;
  }

  /** Type-7 quantile (exact while `exact`, else within RELATIVE_ERROR); null when empty. */
  quantile(q: number): number | null {
    if (this.n === 0) return null;
    if (this.values) return quantileSorted(this.values.slice(0, this.n).sort(), q);
    const h = (this.n - 1) * q;
    const lo = Math.floor(h);
    const [a, b] = this.atRanks(lo, Math.min(lo + 1, this.n - 1));
    return a + (h - lo) * (b - a);
  }

  private bucket(x: number): void {
    if (x <= 1e-9) {
      this.zeros++;
      return;
    }
    const i = Math.ceil(Math.log(x) / QuantileSketch.LOG_GAMMA);
    this.buckets.set(i, (this.buckets.get(i) ?? 0) + 1);
  }

  /** Estimated values at two 0-based ranks (r1 ≤ r2). */
  private atRanks(r1: number, r2: number): [number, number] {
    const out: number[] = [];
    const wanted = [r1, r2];
    let seen = this.zeros;
    let w = 0;
    while (w < 2 && wanted[w]! < seen) {
      out.push(0);
      w++;
    }
    for (const i of [...this.buckets.keys()].sort((x, y) => x - y)) {
      seen += this.buckets.get(i)!;
      const v = (2 * QuantileSketch.GAMMA ** i) / (QuantileSketch.GAMMA + 1);
      while (w < 2 && wanted[w]! < seen) {
        out.push(v);
        w++;
      }
      if (w === 2) break;
    }
    return [out[0]!, out[1]!];
  }
}
