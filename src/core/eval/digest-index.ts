// A compact map from strings (case ids, inputs) to small integers (case indices) that never holds
// the strings: each key is reduced to a 64-bit digest and kept in an open-addressed table of typed
// arrays, 24 bytes per entry at the worst load (12 bytes a slot, at most half the slots full) —
// 24 MB for a million cases, against ~100 B an entry for a Map of strings.
//
// Two different strings share a digest with probability about n²/2⁶⁵ (3·10⁻⁸ at a million keys);
// callers that act on a match (an error, a warning) confirm it on the real strings first, so a
// collision can only hide a match, never invent one.

/** Two independent 32-bit FNV-1a hashes of the UTF-16 code units, each finished with a murmur3 mix. */
export function digest64(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [mix(a), mix(b ^ 0x9e3779b9)];
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class DigestIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** The value + 1 at each slot; 0 marks an empty slot. */
  private values: Uint32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.values = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.hi.byteLength * 3;
  }

  /** The value stored for `key`'s digest, or -1. */
  get(key: string): number {
    const [h, l] = digest64(key);
    for (let i = l & this.mask; ; i = (i + 1) & this.mask) {
      const v = this.values[i]!;
      if (v === 0) return -1;
      if (this.hi[i] === h && this.lo[i] === l) return v - 1;
    }
  }

  /** Store `value` for `key` unless its digest is present; returns the value already there, or -1. */
  setIfAbsent(key: string, value: number): number {
    if (value < 0 || value >= 0xffffffff) throw new RangeError(`DigestIndex values are 0 … 2³²−2, got ${value}`);
    const [h, l] = digest64(key);
    for (let i = l & this.mask; ; i = (i + 1) & this.mask) {
      const v = this.values[i]!;
      if (v === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.values[i] = value + 1;
        if (++this.size * 2 > this.values.length) this.grow();
        return -1;
      }
      if (this.hi[i] === h && this.lo[i] === l) return v - 1;
    }
  }

  private grow(): void {
    const { hi, lo, values } = this;
    const cap = values.length * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.values = new Uint32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < values.length; j++) {
      if (values[j] === 0) continue;
      let i = lo[j]! & this.mask;
      while (this.values[i] !== 0) i = (i + 1) & this.mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.values[i] = values[j]!;
    }
  }
}
