// Stable splits: a record's split depends only on a hash of its key (its id, or its content) and
// the seed, so adding records never moves an existing one between splits. Stratification gives
// exact per-stratum ratios by ranking hashes within each stratum (a record near a boundary can then
// move when its stratum grows: the price of exact ratios, said in the docs).
import { createHash } from "node:crypto";
import { InputError } from "../../errors.js";
import { stableStringify } from "../stable-json.js";

export interface SplitSpec {
  names: string[];
  /** Cumulative upper bounds in (0, 1], last = 1. */
  bounds: number[];
  ratios: number[];
}

/** Parse "train=0.9,val=0.1" (ratios normalised to sum 1). */
export function parseSplitRatios(s: string): SplitSpec {
  const parts = s.split(",").map((p) => p.trim()).filter(Boolean);
  const names: string[] = [];
  const ratios: number[] = [];
  for (const p of parts) {
    const m = /^([A-Za-z0-9_.-]+)=([0-9]*\.?[0-9]+)$/.exec(p);
    if (!m) throw new InputError(`--ratios: cannot read ${JSON.stringify(p)}; write NAME=RATIO pairs such as train=0.9,val=0.1`);
    if (names.includes(m[1]!)) throw new InputError(`--ratios: split "${m[1]}" is named twice`);
    names.push(m[1]!);
    ratios.push(Number(m[2]));
  }
  const total = ratios.reduce((a, b) => a + b, 0);
  if (names.length < 2 || !(total > 0)) throw new InputError("--ratios needs at least two splits with positive ratios, e.g. train=0.9,val=0.1");
  // Fractions must add up to 1 (train=0.9,val=0.3 is a typo, not 75/25); weights (train=8,val=1,test=1) are normalised.
  if (ratios.every((r) => r <= 1) && Math.abs(total - 1) > 1e-6) {
    throw new InputError(`--ratios: the fractions add up to ${Number(total.toFixed(6))}, not 1`, { hint: "e.g. train=0.9,val=0.1; or give whole-number weights such as train=8,val=1,test=1" });
  }
  const norm = ratios.map((r) => r / total);
  let acc = 0;
  const bounds = norm.map((r) => (acc += r));
  bounds[bounds.length - 1] = 1;
  return { names, bounds, ratios: norm };
}

export type SplitKey = "auto" | "id" | "content" | { field: string };

export function parseSplitKey(s: string | undefined): SplitKey {
  if (s === undefined || s === "auto" || s === "id" || s === "content") return (s ?? "auto") as SplitKey;
  return { field: s };
}

/** The string a record is split by. */
export function splitKeyOf(rec: Record<string, unknown>, key: SplitKey, where: string): string {
  if (key === "content") return stableStringify(rec);
  const field = key === "auto" || key === "id" ? "id" : key.field;
  const v = rec[field];
  if (v === undefined || v === null) {
    if (key === "auto") return stableStringify(rec);
    throw new InputError(`${where}: the record has no "${field}" to split by`, { hint: "use --key content, or give every record the field" });
  }
  return `${field}:${typeof v === "string" ? v : stableStringify(v)}`;
}

/** Position of a key in [0, 1), uniform and stable. */
export function splitPoint(key: string, seed: string): number {
  const d = createHash("sha256").update(seed).update("\0").update(key).digest();
  return d.readUInt32BE(0) / 2 ** 32;
}

export function assignSplit(point: number, spec: SplitSpec): number {
  for (let i = 0; i < spec.bounds.length; i++) if (point < spec.bounds[i]!) return i;
  return spec.bounds.length - 1;
}

/** Exact per-stratum ratios: within a stratum, records ranked by point and cut by ratio. */
export function assignStratified(points: Float64Array, strata: string[], spec: SplitSpec): Uint8Array {
  const out = new Uint8Array(points.length);
  const groups = new Map<string, number[]>();
  strata.forEach((s, i) => {
    let g = groups.get(s);
    if (!g) groups.set(s, (g = []));
    g.push(i);
  });
  for (const idx of groups.values()) {
    idx.sort((a, b) => points[a]! - points[b]!);
    const n = idx.length;
    idx.forEach((recIdx, rank) => {
      out[recIdx] = assignSplit((rank + 0.5) / n, spec);
    });
  }
  return out;
}
