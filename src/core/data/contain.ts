// Containment: an eval case's words appearing, in order, inside a training record under another
// template ("29+14=" in "What is 29 + 14?"). Words are letter/digit runs, punctuation ignored.
// A short case (< 13 words) leaks when its whole word sequence occurs in the record's prompt and
// covers at least half of the prompt's words (so "New York" in a long article is not a leak); a
// long case leaks when any 13-word window of it occurs anywhere in the record (the n-gram overlap
// test of the GPT-3 contamination study). Rolling hashes keep the scan linear in the record.
import { hash32 } from "./hashing.js";

export const NGRAM = 13;
const B1 = 0x01000193;
const B2 = 0x5bd1e995;

export function words(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function key(h1: number, h2: number, len: number): string {
  return `${len}:${h1 >>> 0}:${h2 >>> 0}`;
}

/** Hashes of every window of `len` word hashes (two 32-bit polynomial lanes, rolling). */
function* windows(hs: Uint32Array, len: number): Generator<string> {
  if (hs.length < len) return;
  let h1 = 0;
  let h2 = 0;
  let p1 = 1;
  let p2 = 1;
  for (let i = 0; i < len; i++) {
    h1 = (Math.imul(h1, B1) + hs[i]!) | 0;
    h2 = (Math.imul(h2, B2) + (hs[i]! ^ 0x5a5a5a5a)) | 0;
    if (i > 0) {
      p1 = Math.imul(p1, B1);
      p2 = Math.imul(p2, B2);
    }
  }
  yield key(h1, h2, len);
  for (let i = len; i < hs.length; i++) {
    const out = hs[i - len]!;
    h1 = (Math.imul(h1 - Math.imul(out, p1), B1) + hs[i]!) | 0;
    h2 = (Math.imul(h2 - Math.imul(out ^ 0x5a5a5a5a, p2), B2) + (hs[i]! ^ 0x5a5a5a5a)) | 0;
    yield key(h1, h2, len);
  }
}

const wordHashes = (ws: string[]) => Uint32Array.from(ws, (w) => hash32(w));

export class ContainmentIndex {
  /** Short cases: whole-sequence key → case index; and the lengths present. */
  private readonly short = new Map<string, number>();
  private readonly shortLengths = new Set<number>();
  private readonly long = new Map<string, number>();

  constructor(inputs: string[], readonly minWords = 2) {
    inputs.forEach((input, idx) => {
      const hs = wordHashes(words(input));
      if (hs.length < minWords) return;
      if (hs.length < NGRAM) {
        for (const k of windows(hs, hs.length)) if (!this.short.has(k)) this.short.set(k, idx);
        this.shortLengths.add(hs.length);
      } else {
        for (const k of windows(hs, NGRAM)) if (!this.long.has(k)) this.long.set(k, idx);
      }
    });
  }

  get empty(): boolean {
    return this.short.size === 0 && this.long.size === 0;
  }

  /** The index of a case contained in the record, or -1. */
  find(prompt: string, full: string): number {
    if (this.short.size > 0) {
      const hs = wordHashes(words(prompt));
      for (const len of this.shortLengths) {
        if (len * 2 < hs.length || len > hs.length) continue;
        for (const k of windows(hs, len)) {
          const hit = this.short.get(k);
          if (hit !== undefined) return hit;
        }
      }
    }
    if (this.long.size > 0) {
      for (const k of windows(wordHashes(words(full)), NGRAM)) {
        const hit = this.long.get(k);
        if (hit !== undefined) return hit;
      }
    }
    return -1;
  }
}
