// What a change did to the data: per file, records added, removed and modified (by id where records
// have one, by content hash otherwise) and distribution shifts, from two manifests.
import type { DataManifest, ManifestFile } from "./manifest.js";
import type { RecordIndex } from "./stats.js";

export interface RecordChanges {
  added: number;
  removed: number;
  modified: number;
  unchanged: number;
  /** How records were matched. */
  by: "id" | "hash";
  /** A few examples (ids, or hashes). */
  examples: { added: string[]; removed: string[]; modified: string[] };
}

export interface Shift {
  metric: string;
  base: number;
  head: number;
}

export interface FileDiff {
  path: string;
  status: "added" | "removed" | "changed" | "unchanged";
  base: { records: number; sha256: string; format: string | null } | null;
  head: { records: number; sha256: string; format: string | null } | null;
  /** Null when a side has no per-record index (too many records) or the file is added/removed. */
  records: RecordChanges | null;
  shifts: Shift[];
  fieldsAdded: string[];
  fieldsRemoved: string[];
}

export interface DataDiff {
  baseRef: string;
  /** False when there was no manifest at the base revision. */
  hasBase: boolean;
  files: FileDiff[];
  totals: { base: number; head: number };
}

const EXAMPLES = 5;

export function computeDataDiff(base: DataManifest | undefined, head: DataManifest, baseRef: string): DataDiff {
  const baseFiles = new Map((base?.files ?? []).map((f) => [f.path, f]));
  const headFiles = new Map(head.files.map((f) => [f.path, f]));
  const paths = [...new Set([...baseFiles.keys(), ...headFiles.keys()])].sort();
  const files = paths.map((p) => diffFile(p, baseFiles.get(p), headFiles.get(p)));
  return { baseRef, hasBase: base !== undefined, files, totals: { base: base?.totals.records ?? 0, head: head.totals.records } };
}

function side(f: ManifestFile | undefined): FileDiff["base"] {
  return f ? { records: f.records, sha256: f.sha256, format: f.stats.format } : null;
}

function diffFile(path: string, b: ManifestFile | undefined, h: ManifestFile | undefined): FileDiff {
  const status = !b ? "added" : !h ? "removed" : b.sha256 === h.sha256 ? "unchanged" : "changed";
  const d: FileDiff = { path, status, base: side(b), head: side(h), records: null, shifts: [], fieldsAdded: [], fieldsRemoved: [] };
  if (!b || !h || status === "unchanged") return d;
  if (b.index && h.index) d.records = diffRecords(b.index, h.index);
  d.shifts = shifts(b, h);
  const bf = Object.keys(b.stats.fields);
  const hf = Object.keys(h.stats.fields);
  d.fieldsAdded = hf.filter((k) => !bf.includes(k));
  d.fieldsRemoved = bf.filter((k) => !hf.includes(k));
  return d;
}

/** Match by id when every record on both sides has one and ids are unique; by hash otherwise. */
export function diffRecords(b: RecordIndex, h: RecordIndex): RecordChanges {
  const idsUsable = (ix: RecordIndex) => ix.ids.length > 0 && ix.ids.every((x) => x !== null);
  // A repeated id is told apart by its occurrence (id, id#2, …).
  const keyed = (ix: RecordIndex) => {
    const seen = new Map<string, number>();
    return ix.ids.map((id) => {
      const n = (seen.get(id!) ?? 0) + 1;
      seen.set(id!, n);
      return n === 1 ? id! : `${id}#${n}`;
    });
  };
  const ex = { added: [] as string[], removed: [] as string[], modified: [] as string[] };
  const note = (list: string[], v: string) => {
    if (list.length < EXAMPLES) list.push(v);
  };
  if (idsUsable(b) && idsUsable(h)) {
    const bm = new Map(keyed(b).map((id, i) => [id, b.hashes[i]!]));
    const hm = new Map(keyed(h).map((id, i) => [id, h.hashes[i]!]));
    let added = 0;
    let removed = 0;
    let modified = 0;
    let unchanged = 0;
    for (const [id, hash] of hm) {
      const old = bm.get(id);
      if (old === undefined) {
        added++;
        note(ex.added, id);
      } else if (old !== hash) {
        modified++;
        note(ex.modified, id);
      } else unchanged++;
    }
    for (const id of bm.keys()) {
      if (!hm.has(id)) {
        removed++;
        note(ex.removed, id);
      }
    }
    return { added, removed, modified, unchanged, by: "id", examples: ex };
  }
  // Multisets of hashes: a modified record shows as one removed and one added.
  const counts = new Map<string, number>();
  for (const x of b.hashes) counts.set(x, (counts.get(x) ?? 0) + 1);
  let added = 0;
  let unchanged = 0;
  for (const x of h.hashes) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      counts.set(x, c - 1);
      unchanged++;
    } else {
      added++;
      note(ex.added, x);
    }
  }
  let removed = 0;
  for (const [x, c] of counts) {
    removed += c;
    if (c > 0) note(ex.removed, x);
  }
  return { added, removed, modified: 0, unchanged, by: "hash", examples: ex };
}

function shifts(b: ManifestFile, h: ManifestFile): Shift[] {
  const out: Shift[] = [];
  const push = (metric: string, x: number, y: number) => {
    if (x !== y) out.push({ metric, base: x, head: y });
  };
  push("records", b.records, h.records);
  push(`mean length (${h.stats.lengths.unit})`, b.stats.lengths.mean, h.stats.lengths.mean);
  push(`p95 length (${h.stats.lengths.unit})`, b.stats.lengths.p95, h.stats.lengths.p95);
  push("max length", b.stats.lengths.max, h.stats.lengths.max);
  const share = (o: Record<string, number>, k: string) => {
    const t = Object.values(o).reduce((a, c) => a + c, 0);
    return t === 0 ? 0 : Math.round(((o[k] ?? 0) / t) * 1000) / 10;
  };
  for (const role of new Set([...Object.keys(b.stats.roles), ...Object.keys(h.stats.roles)])) {
    const x = share(b.stats.roles, role);
    const y = share(h.stats.roles, role);
    if (Math.abs(x - y) >= 1) out.push({ metric: `share of ${role} messages (%)`, base: x, head: y });
  }
  return out;
}
