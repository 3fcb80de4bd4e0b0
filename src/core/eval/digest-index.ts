// A compact map from strings (case ids, inputs) to small integers (case indices) that never holds
// the strings: each key is reduced to a 64-bit digest and kept in an open-addressed table of typed
// arrays (core/data/hashing.ts's Hash64Map and hash64, which data dedupe and leakage use too): 12
// bytes a slot, at most 3/4 of the slots full, so 16–32 bytes an entry — at most 32 MB for a
// million cases, against ~100 B an entry for a Map of strings.
//
// Two different strings share a digest with probability about n²/2⁶⁵ (3·10⁻⁸ at a million keys);
// callers that act on a match (an error, a warning) confirm it on the real strings first, so a
// collision can only hide a match, never invent one.

import { InternalError } from "../../errors.js";
import { Hash64Map, hash64 } from "../data/hashing.js";

/** The 64-bit digest of a key (two 32-bit halves). */
export const digest64 = hash64;

export class DigestIndex {
  private map: Hash64Map | null;

  constructor(expected = 1024) {
    this.map = new Hash64Map(expected);
  }

  get size(): number {
    return this.table().size;
  }

  /** Bytes held by the table (0 once released). */
  get bytes(): number {
    return this.map?.bytes ?? 0;
  }

  /** The value stored for `key`'s digest, or -1. */
  get(key: string): number {
    const [h, l] = hash64(key);
    return this.table().get(h, l);
  }

  /**
   * Drop the table for a holder that will not look a key up again (a fresh eval run no longer
   * needs case id → index once it knows nothing is on disk to resume). A lookup after this is a
   * bug, and says so rather than answering "absent".
   */
  release(): void {
    this.map = null;
  }

  private table(): Hash64Map {
    if (this.map === null) throw new InternalError("a released DigestIndex was used again");
    return this.map;
  }

  /** Store `value` for `key` unless its digest is present; returns the value already there, or -1. */
  setIfAbsent(key: string, value: number): number {
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new RangeError(`DigestIndex values are 0 … 2³¹−1, got ${value}`);
    const [h, l] = hash64(key);
    return this.table().setIfAbsent(h, l, value);
  }
}
