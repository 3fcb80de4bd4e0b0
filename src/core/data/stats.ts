// Per-file statistics gathered while validating: lengths (whitespace tokens by default, or a
// tokenizer's count), roles, turns, fields and their types, and a per-record index (id and content
// hash) that lets a later revision say which records were added, removed or modified.
import { createHash } from "node:crypto";
import { stableStringify } from "../stable-json.js";
import { isPlainObject, recordTexts, typeName } from "./formats.js";
import type { DataFormat } from "./types.js";

/** Upper bounds of the length histogram bins (tokens); the last bin is open. */
export const LENGTH_BINS = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096] as const;

export type TokenCounter = (text: string) => number;

export const whitespaceTokens: TokenCounter = (text) => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
};

export type { FileStats, LengthStats, RecordIndex } from "../contracts/data-manifest.js";
import type { FileStats, RecordIndex } from "../contracts/data-manifest.js";

export function recordHash(rec: Record<string, unknown>): string {
  return createHash("sha256").update(stableStringify(rec)).digest("hex").slice(0, 16);
}

export class StatsCollector {
  private format: DataFormat | null = null;
  private lengths: number[] = [];
  private readonly roles: Record<string, number> = {};
  private readonly turns: Record<string, number> = {};
  private readonly fields = new Map<string, Set<string>>();
  private readonly ids: (string | null)[] = [];
  private readonly hashes: string[] = [];
  private indexOverflow = false;

  constructor(
    private readonly countTokens: TokenCounter = whitespaceTokens,
    private readonly unit = "whitespace tokens",
    private readonly indexLimit = 100_000,
  ) {}

  add(rec: Record<string, unknown>, format: DataFormat): void {
    this.format ??= format;
    const t = recordTexts(format, rec);
    this.lengths.push(this.countTokens(t.full) + (t.system ? this.countTokens(t.system) : 0));
    for (const [k, v] of Object.entries(rec)) {
      let s = this.fields.get(k);
      if (!s) this.fields.set(k, (s = new Set()));
      s.add(typeName(v));
    }
    const msgs = format === "chat" ? rec.messages : format === "preference" && Array.isArray(rec.chosen) ? rec.chosen : undefined;
    if (Array.isArray(msgs)) {
      this.turns[String(msgs.length)] = (this.turns[String(msgs.length)] ?? 0) + 1;
      for (const m of msgs) if (isPlainObject(m) && typeof m.role === "string") this.roles[m.role] = (this.roles[m.role] ?? 0) + 1;
    }
    if (this.ids.length < this.indexLimit) {
      this.ids.push(typeof rec.id === "string" || typeof rec.id === "number" ? String(rec.id) : null);
      this.hashes.push(recordHash(rec));
    } else this.indexOverflow = true;
  }

  stats(): FileStats {
    const sorted = Float64Array.from(this.lengths).sort();
    const n = sorted.length;
    const q = (p: number) => (n === 0 ? 0 : sorted[Math.min(n - 1, Math.floor(p * (n - 1) + 0.5))]!);
    const histogram = new Array<number>(LENGTH_BINS.length + 1).fill(0);
    let total = 0;
    for (const len of this.lengths) {
      total += len;
      let b = LENGTH_BINS.findIndex((ub) => len <= ub);
      if (b === -1) b = LENGTH_BINS.length;
      histogram[b]!++;
    }
    const fields: Record<string, string[]> = {};
    for (const k of [...this.fields.keys()].sort()) fields[k] = [...this.fields.get(k)!].sort();
    return {
      format: this.format,
      records: n,
      lengths: { unit: this.unit, total, mean: n ? round(total / n) : 0, p50: q(0.5), p95: q(0.95), max: n ? sorted[n - 1]! : 0, histogram },
      roles: sortObj(this.roles),
      turns: Object.fromEntries(Object.entries(this.turns).sort((a, b) => Number(a[0]) - Number(b[0]))),
      fields,
    };
  }

  /** The per-record index, or null when there were more records than the limit. */
  index(): RecordIndex | null {
    return this.indexOverflow ? null : { ids: this.ids, hashes: this.hashes };
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function sortObj(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort((a, b) => a[0].localeCompare(b[0])));
}
