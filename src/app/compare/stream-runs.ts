// Pair two eval runs by case id without holding either: each results.jsonl is read once (hashed as
// read, every line validated by the format's one reader) into hash partitions on disk, each
// partition is grouped by case in memory (1/P of the records), written back ordered by where the
// case first appears in the baseline, and the partitions are merged in that order into the
// comparison's accumulators (core/compare/paired-stream.ts). Runs that fit in one partition never
// touch the disk. Any record order works; the last record per (case, repeat) wins, as everywhere.
import { createHash } from "node:crypto";
import { appendFileSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { caseEvidence, PairedStream, type CaseEvidence, type PairRecord, type RunHeader } from "../../core/compare/paired-stream.js";
import { aggregateFor } from "../../core/compare/aggregates.js";
import { readResultLine, type EvalRecord } from "../../core/contracts/result-line.js";
import { summaryFormat } from "../../core/contracts/summary.js";
import { hash32 } from "../../core/data/hashing.js";
import { InputError } from "../../errors.js";
import { resultsFileOf } from "../eval/eval-run-reader.js";
import { LineReader, readLines } from "../fs/line-reader.js";
import { collectGarbage } from "../process/collect-garbage.js";

/** Lines (or merged cases) between two collections of garbage in a pass (see collect-garbage.ts). */
const COLLECT_EVERY = 1 << 16;

/** Bytes of results (both runs) per partition: a partition's records are what is held at once. */
export const PARTITION_BYTES = 8 * 1024 * 1024;
/** At most this many partitions (each is a file per run and a reader in the merge); past it they grow. */
export const MAX_PARTITIONS = 512;
/** What a partition buffers before it appends to its file. */
const FLUSH_BYTES = 1 << 16;

export interface StreamedRuns {
  stream: PairedStream;
  baseline: RunHeader;
  candidate: RunHeader;
  /** How many partitions the records were spread over (1: all in memory). */
  partitions: number;
}

type Side = "b" | "c";
/** One record as a partition holds it: its line number in its file, and what the comparison reads. */
type Placed = [line: number, record: PairRecord];

function compact(r: EvalRecord): PairRecord {
  const scores: PairRecord["scores"] = {};
  for (const [k, s] of Object.entries(r.scores)) scores[k] = { value: s.value, ...(s.pass !== undefined ? { pass: s.pass } : {}), ...(s.stats !== undefined ? { stats: s.stats } : {}) };
  return {
    case_id: r.case_id,
    repeat: r.repeat,
    scores,
    error: r.error,
    key: r.key,
    output: r.output,
    latency_ms: r.latency_ms,
    prompt_tokens: r.prompt_tokens,
    completion_tokens: r.completion_tokens,
    cost: r.cost,
  };
}

function slim(r: PairRecord): PairRecord {
  const { key: _key, output: _output, ...rest } = r;
  return rest;
}

/**
 * Where partition files go, or memory when there is one partition. Lines are copied at once into a
 * small off-heap buffer per partition (so no string lives long enough to reach the old generation
 * and linger there as garbage) and appended to the partition's file when it fills.
 */
class Partitions {
  private side: Side = "b";
  private readonly bufs: Buffer[];
  private readonly used: number[];
  readonly mem: Placed[][][] | null;
  constructor(
    readonly n: number,
    readonly dir: string | null,
  ) {
    this.bufs = dir === null ? [] : Array.from({ length: n }, () => Buffer.allocUnsafe(FLUSH_BYTES));
    this.used = new Array<number>(n).fill(0);
    this.mem = dir === null ? [[[]], [[]]] : null;
  }
  file(side: Side, p: number): string {
    return join(this.dir!, `${side}-${p}.jsonl`);
  }
  open(side: Side): void {
    this.side = side;
  }
  add(side: Side, line: number, r: PairRecord): void {
    if (this.mem) {
      this.mem[side === "b" ? 0 : 1]![0]!.push([line, r]);
      return;
    }
    const p = hash32(r.case_id) % this.n;
    const text = `${JSON.stringify([line, r])}\n`;
    const bytes = Buffer.byteLength(text);
    if (this.used[p]! + bytes > FLUSH_BYTES) this.flush(p);
    if (bytes > FLUSH_BYTES) appendFileSync(this.file(this.side, p), text);
    else this.used[p]! += this.bufs[p]!.write(text, this.used[p]!);
  }
  private flush(p: number): void {
    if (this.used[p] === 0) return;
    appendFileSync(this.file(this.side, p), this.bufs[p]!.subarray(0, this.used[p]));
    this.used[p] = 0;
  }
  close(): void {
    if (this.dir === null) return;
    for (let p = 0; p < this.n; p++) this.flush(p);
  }
}

/** Read one results.jsonl into the partitions: its sha256, record names, warnings (ResultsCollector's rules). */
function spread(file: string, side: Side, parts: Partitions): { sha256: string; warnings: string[]; lines: number } {
  const hash = createHash("sha256");
  const warnings: string[] = [];
  let lineNo = 0;
  let pending: { text: string; lineNo: number } | null = null;
  const take = (text: string, no: number, isLast: boolean) => {
    const r = readResultLine(text, file, no, isLast);
    if (r.kind === "blank") return;
    if (r.kind === "partial") {
      warnings.push(`${file}:${no}: ignored a partial last line (the run was probably killed while writing it)`);
      return;
    }
    parts.add(side, no, compact(r.record));
  };
  const feed = (text: string) => {
    if (pending) take(pending.text, pending.lineNo, false);
    if (lineNo % COLLECT_EVERY === 0 && lineNo > 0) collectGarbage();
    pending = { text: text.endsWith("\r") ? text.slice(0, -1) : text, lineNo: ++lineNo };
  };
  parts.open(side);
  try {
    for (const text of readLines(file, 1 << 16, (bytes) => hash.update(bytes))) feed(text);
    const last = pending as { text: string; lineNo: number } | null;
    if (last) take(last.text, last.lineNo, true);
  } finally {
    parts.close();
  }
  return { sha256: hash.digest("hex"), warnings, lines: lineNo };
}

/** One side of a partition grouped by case: the last record per repeat, by repeat; where each case first appears. */
interface Grouped {
  cases: Map<string, { first: number; records: PairRecord[] }>;
  superseded: number;
}

function group(placed: Iterable<Placed>): Grouped {
  const byKey = new Map<string, PairRecord>();
  const first = new Map<string, number>();
  let superseded = 0;
  for (const [line, r] of placed) {
    const key = `${r.case_id}\u0000${r.repeat}`;
    if (byKey.has(key)) superseded++;
    byKey.set(key, r);
    if (!first.has(r.case_id)) first.set(r.case_id, line);
  }
  const cases = new Map<string, { first: number; records: PairRecord[] }>();
  for (const r of byKey.values()) {
    const c = cases.get(r.case_id);
    if (c) c.records.push(r);
    else cases.set(r.case_id, { first: first.get(r.case_id)!, records: [r] });
  }
  for (const c of cases.values()) c.records.sort((a, b) => a.repeat - b.repeat);
  return { cases, superseded };
}

/** A partition file's records (none when nothing was hashed to it). */
function placedLines(file: string): Placed[] {
  const out: Placed[] = [];
  if (!existsSync(file)) return out;
  for (const line of readLines(file)) if (line !== "") out.push(JSON.parse(line) as Placed);
  return out;
}

/** A baseline case as the merge orders it: first line in the baseline, id, records, the candidate's (first line, records, evidence for "unchanged"). */
type MergedCase = [first: number, id: string, b: PairRecord[], c: [number, PairRecord[], CaseEvidence?] | null];

/** Record names in computeComparison's order: first seen in the baseline's record order, then the candidate's. */
class NameOrder {
  private readonly seen = new Map<string, [number, number, number]>();
  note(name: string, at: [number, number, number]): void {
    const was = this.seen.get(name);
    if (!was || (at[0] - was[0] || at[1] - was[1] || at[2] - was[2]) < 0) this.seen.set(name, at);
  }
  has(name: string): boolean {
    return this.seen.has(name);
  }
  ordered(): string[] {
    return [...this.seen.entries()].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1] || a[1][2] - b[1][2]).map(([n]) => n);
  }
}

/** Each name at its first record in the run's order (case first seen, repeat, place among the record's scores). */
function noteNames(order: NameOrder, g: Grouped): void {
  for (const { first, records } of g.cases.values()) {
    for (const r of records) {
      let i = 0;
      for (const k in r.scores) order.note(k, [first, r.repeat, i++]);
    }
  }
}

function header(dir: string, file: string, sha256: string, superseded: number, warnings: string[]): RunHeader {
  if (superseded > 0) warnings.push(`${file}: ${superseded} record(s) superseded by a later record for the same case and repeat (kept the last)`);
  const summaryFile = join(dir, "summary.json");
  let summary = null;
  if (existsSync(summaryFile)) summary = summaryFormat.parse(readFileSync(summaryFile, "utf8"), summaryFile);
  else warnings.push(`${summaryFile} is missing: metric types, directions and provenance are unknown (was the run interrupted?)`);
  return { dir, resultsSha256: sha256, summary, superseded, warnings };
}

/** Stream both runs into a PairedStream (call `finish` on it once per policy). */
export async function streamPairedRuns(baselineDir: string, candidateDir: string, opts: { partitionBytes?: number } = {}): Promise<StreamedRuns> {
  const bFile = resultsFileOf(baselineDir, "baseline");
  const cFile = resultsFileOf(candidateDir, "candidate");
  const bytes = statSync(bFile).size + statSync(cFile).size;
  const n = Math.min(MAX_PARTITIONS, Math.max(1, Math.ceil(bytes / (opts.partitionBytes ?? PARTITION_BYTES))));
  const dir = n > 1 ? mkdtempSync(join(tmpdir(), "llmops-compare-")) : null;
  try {
    const parts = new Partitions(n, dir);
    const bRead = spread(bFile, "b", parts);
    const cRead = spread(cFile, "c", parts);
    // Pass 2: each partition grouped by case; baseline cases written back in baseline order.
    const bNames = new NameOrder();
    const cNames = new NameOrder();
    let bSuperseded = 0;
    let cSuperseded = 0;
    let bRecords = 0;
    let cRecords = 0;
    // Cases only the candidate has: replayed once the stream exists (on disk when partitioned).
    const candidateOnly: [number, string, PairRecord[]][] = [];
    const candidateOnlyFile = dir === null ? null : join(dir, "candidate-only.jsonl");
    const sortedFiles: string[] = [];
    const inMemory: MergedCase[] = [];
    for (let p = 0; p < n; p++) {
      const gb = group(parts.mem ? parts.mem[0]![0]! : placedLines(parts.file("b", p)));
      const gc = group(parts.mem ? parts.mem[1]![0]! : placedLines(parts.file("c", p)));
      if (parts.mem) parts.mem.length = 0;
      bSuperseded += gb.superseded;
      cSuperseded += gc.superseded;
      noteNames(bNames, gb);
      noteNames(cNames, gc);
      const merged: MergedCase[] = [];
      for (const [id, b] of gb.cases) {
        bRecords += b.records.length;
        const c = gc.cases.get(id);
        // On disk, keys and outputs (read only for "unchanged") are checked here and not carried through the merge.
        if (dir === null) merged.push([b.first, id, b.records, c ? [c.first, c.records] : null]);
        else merged.push([b.first, id, b.records.map(slim), c ? [c.first, c.records.map(slim), caseEvidence(b.records, c.records)] : null]);
      }
      for (const [id, c] of gc.cases) {
        cRecords += c.records.length;
        if (gb.cases.has(id)) continue;
        if (candidateOnlyFile === null) candidateOnly.push([c.first, id, c.records]);
        else appendFileSync(candidateOnlyFile, `${JSON.stringify([c.first, id, c.records])}\n`);
      }
      merged.sort((x, y) => x[0] - y[0]);
      if (dir === null) inMemory.push(...merged);
      else {
        const f = join(dir, `sorted-${p}.jsonl`);
        const fd = openSync(f, "w");
        try {
          const batch: string[] = [];
          for (const m of merged) {
            batch.push(JSON.stringify(m));
            if (batch.length >= 2048) writeSync(fd, `${batch.splice(0).join("\n")}\n`);
          }
          if (batch.length > 0) writeSync(fd, `${batch.join("\n")}\n`);
        } finally {
          closeSync(fd);
        }
        rmSync(parts.file("b", p), { force: true });
        rmSync(parts.file("c", p), { force: true });
        sortedFiles.push(f);
        collectGarbage();
      }
    }
    if (bRecords === 0) throw new InputError(`baseline run has no records: ${bFile} is empty`);
    if (cRecords === 0) throw new InputError(`candidate run has no records: ${cFile} is empty`);
    const baseline = header(baselineDir, bFile, bRead.sha256, bSuperseded, bRead.warnings);
    const candidate = header(candidateDir, cFile, cRead.sha256, cSuperseded, cRead.warnings);
    const summaryNames = [...new Set([...Object.keys(baseline.summary?.metrics ?? {}), ...Object.keys(candidate.summary?.metrics ?? {})])];
    const metrics = [...new Set([...summaryNames, ...bNames.ordered(), ...cNames.ordered()])];
    const stream = new PairedStream(baseline, candidate, {
      metrics,
      recordMetrics: { baseline: bNames, candidate: cNames },
      aggregateFor,
      capacity: Math.min(bRead.lines, cRead.lines),
    });
    for (const [first, id, records] of candidateOnly) stream.addCandidateOnly(id, first, records);
    if (candidateOnlyFile !== null && existsSync(candidateOnlyFile)) {
      for (const line of readLines(candidateOnlyFile)) {
        if (line === "") continue;
        const [first, id, records] = JSON.parse(line) as [number, string, PairRecord[]];
        stream.addCandidateOnly(id, first, records);
      }
    }
    const add = ([, id, b, c]: MergedCase) => stream.addCase(id, b, c ? { order: c[0], records: c[1], ...(c[2] ? { evidence: c[2] } : {}) } : null);
    if (dir === null) for (const m of inMemory) add(m);
    else mergeSorted(sortedFiles, add);
    return { stream, baseline, candidate, partitions: n };
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}

/** Merge files of cases each ordered by first line, into one stream in that order. */
function mergeSorted(files: readonly string[], add: (m: MergedCase) => void): void {
  const readers = files.map((f) => new LineReader(f, 16 * 1024));
  try {
    const next = (i: number): MergedCase | null => {
      for (let line = readers[i]!.next(); line !== null; line = readers[i]!.next()) if (line !== "") return JSON.parse(line) as MergedCase;
      return null;
    };
    const heads = readers.map((_, i) => next(i));
    let merged = 0;
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) if (heads[i] && (best < 0 || heads[i]![0] < heads[best]![0])) best = i;
      if (best < 0) return;
      add(heads[best]!);
      heads[best] = next(best);
      if (++merged % COLLECT_EVERY === 0) collectGarbage();
    }
  } finally {
    for (const r of readers) r.close();
  }
}
