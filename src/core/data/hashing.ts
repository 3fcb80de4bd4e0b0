// Fast non-cryptographic hashes for dedupe (records/s matter at millions of records) and the text
// normalisation they share: NFC, lower case, collapsed whitespace.

export function normalizeText(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** 32-bit FNV-1a over UTF-16 code units, finished with a murmur3 mix. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A map from 64-bit hashes (two 32-bit halves) to record indexes, in typed arrays (~20 bytes per entry). */
export class Hash64Map {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private val: Int32Array;
  private count = 0;
  constructor(capacity = 1024) {
    const n = pow2(capacity * 2);
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.val = new Int32Array(n).fill(-1);
  }
  get size(): number {
    return this.count;
  }
  /** Bytes held by the table (12 a slot). */
  get bytes(): number {
    return this.hi.byteLength + this.lo.byteLength + this.val.byteLength;
  }
  /** Value stored for the hash, or -1. */
  get(hi: number, lo: number): number {
    const mask = this.val.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.val[i] !== -1) {
      if (this.hi[i] === hi && this.lo[i] === lo) return this.val[i]!;
      i = (i + 1) & mask;
    }
    return -1;
  }
  /** Stores value unless the hash is there; returns the earlier value, or -1 when it was added. */
  setIfAbsent(hi: number, lo: number, value: number): number {
    if ((this.count + 1) * 4 > this.val.length * 3) this.grow();
    const mask = this.val.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.val[i] !== -1) {
      if (this.hi[i] === hi && this.lo[i] === lo) return this.val[i]!;
      i = (i + 1) & mask;
    }
    this.hi[i] = hi >>> 0;
    this.lo[i] = lo >>> 0;
    this.val[i] = value;
    this.count++;
    return -1;
  }
  private grow(): void {
    const { hi, lo, val } = this;
    const n = val.length * 2;
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.val = new Int32Array(n).fill(-1);
    this.count = 0;
    for (let i = 0; i < val.length; i++) if (val[i] !== -1) this.setIfAbsent(hi[i]!, lo[i]!, val[i]!);
  }
}

/** Two independent 32-bit hashes of a string: a 64-bit content key. */
export function hash64(s: string): [number, number] {
  // Two FNV-1a lanes with different seeds and primes in one pass.
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return [fmix32(a >>> 0), fmix32((b ^ s.length) >>> 0)];
}

export function pow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
