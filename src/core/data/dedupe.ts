// Exact duplicates (64-bit hash of normalised content) and near-duplicates (MinHash + LSH) in one
// streaming pass: the first occurrence is kept, later ones are reported against it.
import { Hash64Map, hash64, normalizeText } from "./hashing.js";
import { LshIndex, MinHasher, defaultMinHashOptions, type MinHashOptions } from "./minhash.js";
import type { Location } from "./types.js";

export interface DedupeOptions extends MinHashOptions {
  /** Look for near-duplicates too (exact ones are always found). */
  near: boolean;
  /** Keep this many examples for the report. */
  exampleLimit: number;
}

export const defaultDedupeOptions: DedupeOptions = { ...defaultMinHashOptions, near: true, exampleLimit: 20 };

export interface DuplicateHit {
  kind: "exact" | "near";
  /** The earlier record it duplicates. */
  of: Location;
  similarity: number;
}

export interface DuplicateExample extends DuplicateHit {
  at: Location;
}

export interface DedupeSummary {
  records: number;
  unique: number;
  exact: number;
  near: number;
  threshold: number;
  method: string;
  examples: DuplicateExample[];
}

/** Compact record locations: a file index and a line (or row) per record. */
class Locations {
  private files: string[] = [];
  private fileIdx = new Uint16Array(1024);
  private pos = new Int32Array(1024);
  private isRow = new Uint8Array(1024);
  private n = 0;
  push(loc: Location): number {
    let f = this.files.length > 0 && this.files[this.files.length - 1] === loc.file ? this.files.length - 1 : this.files.indexOf(loc.file);
    if (f === -1) f = this.files.push(loc.file) - 1;
    if (this.n === this.pos.length) {
      const grow = <T extends Uint16Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.fileIdx = grow(this.fileIdx, (n) => new Uint16Array(n));
      this.pos = grow(this.pos, (n) => new Int32Array(n));
      this.isRow = grow(this.isRow, (n) => new Uint8Array(n));
    }
    this.fileIdx[this.n] = f;
    this.pos[this.n] = loc.line ?? loc.row ?? 0;
    this.isRow[this.n] = loc.line === undefined ? 1 : 0;
    return this.n++;
  }
  get(i: number): Location {
    const file = this.files[this.fileIdx[i]!]!;
    return this.isRow[i] ? { file, row: this.pos[i]! } : { file, line: this.pos[i]! };
  }
}

export class Deduper {
  private readonly exactMap = new Hash64Map(1024);
  private readonly hasher: MinHasher | undefined;
  private readonly lsh: LshIndex | undefined;
  private readonly locs = new Locations();
  /** LSH index → location index (only kept records are indexed). */
  private lshToLoc = new Int32Array(1024);
  private readonly summary: DedupeSummary;

  constructor(readonly opts: DedupeOptions = defaultDedupeOptions) {
    if (opts.near) {
      this.hasher = new MinHasher(opts);
      this.lsh = new LshIndex(opts.numPerm, opts.threshold);
    }
    this.summary = {
      records: 0,
      unique: 0,
      exact: 0,
      near: 0,
      threshold: opts.threshold,
      method: opts.near
        ? `exact: 64-bit hash of NFC/lower-cased/whitespace-collapsed text; near: MinHash (${opts.numPerm} permutations, ${opts.shingle}-word shingles), LSH ${this.lsh!.bands}×${this.lsh!.rows}, Jaccard ≥ ${opts.threshold}`
        : "exact: 64-bit hash of NFC/lower-cased/whitespace-collapsed text",
      examples: [],
    };
  }

  /** Check a record's text; a record that is not a duplicate is remembered for later ones. */
  check(text: string, at: Location): DuplicateHit | undefined {
    this.summary.records++;
    const norm = normalizeText(text);
    const [hi, lo] = hash64(norm);
    const locIdx = this.locs.push(at);
    const prev = this.exactMap.setIfAbsent(hi, lo, locIdx);
    if (prev !== -1) return this.hit({ kind: "exact", of: this.locs.get(prev), similarity: 1 }, at, "exact");
    if (this.hasher && this.lsh) {
      const sig = this.hasher.signature(norm);
      const near = this.lsh.query(sig);
      if (near) return this.hit({ kind: "near", of: this.locs.get(this.lshToLoc[near.index]!), similarity: near.similarity }, at, "near");
      const idx = this.lsh.add(sig);
      if (idx >= this.lshToLoc.length) {
        const g = new Int32Array(this.lshToLoc.length * 2);
        g.set(this.lshToLoc);
        this.lshToLoc = g;
      }
      this.lshToLoc[idx] = locIdx;
    }
    this.summary.unique++;
    return undefined;
  }

  result(): DedupeSummary {
    return this.summary;
  }

  private hit(h: DuplicateHit, at: Location, kind: "exact" | "near"): DuplicateHit {
    this.summary[kind]++;
    if (this.summary.examples.length < this.opts.exampleLimit) this.summary.examples.push({ ...h, at });
    return h;
  }
}
