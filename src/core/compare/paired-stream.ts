// Compare two runs fed one case at a time, in the baseline's order (the caller pairs them by a
// streaming merge on case id): per-metric accumulators and typed arrays of per-case values (8 bytes
// a case a metric a side), never records. Every sum runs in the order computeComparison's would, and
// the intervals come from the same functions over the same arrays, so the result equals what
// computeComparison computes over the same runs held in memory (tested value for value).
import { mean, sd, variance, type IntervalAt } from "../stats/index.js";
import { oneSampleT, minimumDetectableEffect, sortFloat64 } from "../stats/index.js";
import { stableStringify } from "../stable-json.js";
import { assembleComparison, corpusNotes, currencyOf, metricInfo, type CompareOptions } from "./compute.js";
import { combineWithinSd, emptyMetricRow, fillBinary, fillCorpusRows, fillT, observe, type MetricInfo, type Obs, type SideCounts } from "./metric-compare.js";
import { distributionOfSorted, latencyDeltas } from "./operational.js";
import type { LoadedRun, RecordForCompare } from "./run-records.js";
import type { Comparison, Flip, MetricComparison, OperationalDeltas, RunRef } from "./types.js";
import { decideUnchanged, scoreValues } from "./unchanged.js";

/** What the comparison reads of a record (the rest of it is never held). */
export type PairRecord = Pick<RecordForCompare, "case_id" | "repeat" | "scores" | "error" | "latency_ms" | "prompt_tokens" | "completion_tokens" | "cost"> & Partial<Pick<RecordForCompare, "key" | "output">>;

/** A run as the stream knows it before its cases: everything of a LoadedRun but the records. */
export type RunHeader = Omit<LoadedRun, "records">;

/** A growable Float64Array (doubling; `view` is the filled part). */
export class F64List {
  private buf: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.buf = new Float64Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Per-case values: one byte each while every value is 0 or 1 (a pass rate's case means), eight bytes once one is not. */
export class Column {
  private bytes: Uint8Array | null;
  private f64: F64List | null = null;
  length = 0;
  constructor(private readonly capacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.bytes !== null && (v === 0 || v === 1)) {
      if (this.length === this.bytes.length) {
        const next = new Uint8Array(this.bytes.length * 2);
        next.set(this.bytes);
        this.bytes = next;
      }
      this.bytes[this.length++] = v;
      return;
    }
    if (this.f64 === null) {
      this.f64 = new F64List(Math.max(this.capacity, this.length * 2));
      for (let i = 0; i < this.length; i++) this.f64.push(this.bytes![i]!);
      this.bytes = null;
    }
    this.f64.push(v);
    this.length++;
  }
  /** The values (the same numbers whichever way they are held; no copy). */
  view(): ArrayLike<number> {
    return this.f64 !== null ? this.f64.view() : this.bytes!.subarray(0, this.length);
  }
}

/** One variant of a metric's paired cases: all observations, or (for a corpus) the non-errored ones. */
class Variant {
  n = 0;
  kB = 0;
  kC = 0;
  readonly mb: Column;
  readonly mc: Column;
  readonly rowsB: F64List | null;
  readonly rowsC: F64List | null;
  broke: Flip[] = [];
  fixed: Flip[] = [];
  /** Some observation had no pass flag: flips exist only if every value is 0/1. */
  missingPass = false;
  flipsDead = false;
  ssB = 0;
  dfB = 0;
  ssC = 0;
  dfC = 0;
  constructor(
    private readonly metric: string,
    capacity: number,
    readonly width: number | null,
  ) {
    this.mb = new Column(capacity);
    this.mc = new Column(capacity);
    this.rowsB = width === null ? null : new F64List(capacity * width);
    this.rowsC = width === null ? null : new F64List(capacity * width);
  }

  add(id: string, bo: Obs[], co: Obs[], binarySoFar: boolean): void {
    this.n++;
    this.kB = Math.max(this.kB, bo.length);
    this.kC = Math.max(this.kC, co.length);
    const vb = bo.map((o) => o.value);
    const vc = co.map((o) => o.value);
    const mB = mean(vb);
    const mC = mean(vc);
    this.mb.push(mB);
    this.mc.push(mC);
    // withinClusterSd's sums, in its order.
    if (vb.length >= 2) {
      this.ssB += variance(vb) * (vb.length - 1);
      this.dfB += vb.length - 1;
    }
    if (vc.length >= 2) {
      this.ssC += variance(vc) * (vc.length - 1);
      this.dfC += vc.length - 1;
    }
    if (this.width !== null) {
      sumRows(bo, this.width, this.rowsB!);
      sumRows(co, this.width, this.rowsC!);
    }
    this.addFlip(id, bo, co, mB, mC, binarySoFar);
  }

  /** The case's majority pass on each side, reading a missing flag as value === 1 (right only if the metric is binary). */
  private addFlip(id: string, bo: Obs[], co: Obs[], mB: number, mC: number, binarySoFar: boolean): void {
    if (this.flipsDead) return;
    const majority = (os: Obs[]) => {
      let passes = 0;
      for (const o of os) {
        if (o.pass === null) this.missingPass = true;
        if (o.pass ?? o.value === 1) passes++;
      }
      return passes * 2 > os.length;
    };
    const pb = majority(bo);
    const pc = majority(co);
    if (this.missingPass && !binarySoFar) {
      // The metric has no pass/fail: no flips, whatever comes next.
      this.flipsDead = true;
      this.broke = [];
      this.fixed = [];
      return;
    }
    if (pb !== pc) (pb ? this.broke : this.fixed).push({ case_id: id, metric: this.metric, direction: pb ? "broke" : "fixed", baseline: mB, candidate: mC });
  }

  flips(binary: boolean): Flip[] | null {
    if (this.flipsDead || (this.missingPass && !binary)) return null;
    return [...this.broke, ...this.fixed];
  }
}

function sumRows(os: Obs[], width: number, out: F64List): void {
  const row = new Float64Array(width);
  for (const o of os) for (let j = 0; j < width; j++) row[j]! += o.stats![j]!;
  for (let j = 0; j < width; j++) out.push(row[j]!);
}

/** One metric's accumulators over the paired cases. */
class MetricStream {
  readonly cb: SideCounts = { records: 0, nulls: 0, errors: 0 };
  readonly cc: SideCounts = { records: 0, nulls: 0, errors: 0 };
  unpaired = 0;
  nObs = 0;
  allBinary = true;
  anyStats = false;
  scored = 0;
  scoredWithoutStats = false;
  width = -1;
  widthsDiffer = false;
  dropped = 0;
  readonly all: Variant;
  /** The non-errored observations, while the metric may still turn out a corpus metric. */
  ne: Variant | null = null;
  private corpusImpossible = false;

  constructor(
    readonly name: string,
    readonly info: MetricInfo,
    private readonly capacity: number,
  ) {
    this.all = new Variant(name, capacity, null);
  }

  addCase(id: string, b: readonly PairRecord[], c: readonly PairRecord[]): void {
    const bo = observeAll(b, this.name, this.cb);
    const co = observeAll(c, this.name, this.cc);
    if (bo.length === 0 || co.length === 0) {
      if (bo.length + co.length > 0) this.unpaired++;
      return;
    }
    for (const os of [bo, co]) {
      for (const o of os) {
        this.nObs++;
        if (o.value !== 0 && o.value !== 1) this.allBinary = false;
        if (o.stats !== null) this.anyStats = true;
        if (o.errored) this.dropped++;
        else {
          this.scored++;
          if (o.stats === null) this.scoredWithoutStats = true;
          else if (this.width < 0) this.width = o.stats.length;
          else if (o.stats.length !== this.width) this.widthsDiffer = true;
        }
      }
    }
    this.all.add(id, bo, co, this.allBinary);
    this.addCorpusCase(id, bo, co);
  }

  /** The corpus variant, kept only while every scored observation has statistics of one width. */
  private addCorpusCase(id: string, bo: Obs[], co: Obs[]): void {
    if (this.corpusImpossible) return;
    if (this.scoredWithoutStats || this.widthsDiffer || this.info.aggregate === undefined) {
      this.corpusImpossible = true;
      this.ne = null;
      return;
    }
    // Only errored observations so far: they have no statistics, so no case of the corpus yet.
    if (this.width < 0) return;
    this.ne ??= new Variant(this.name, this.capacity, this.width);
    const bn = bo.filter((o) => !o.errored);
    const cn = co.filter((o) => !o.errored);
    if (bn.length > 0 && cn.length > 0) this.ne.add(id, bn, cn, this.allBinary);
  }

  /** `scratch(n)`: a work array of n values, shared by the metrics (one is finished at a time). */
  finish(info: MetricInfo, confidence: number, resamples: number, seed: number, scratch: (n: number) => Float64Array): { row: MetricComparison; flips: Flip[]; intervalAt: IntervalAt | null } {
    const notes: string[] = [];
    const binary = this.nObs > 0 && this.allBinary;
    let kind: MetricComparison["kind"] = binary ? "binary" : "continuous";
    let v = this.all;
    let unpaired = this.unpaired;
    if (info.corpus || this.anyStats) {
      const why = !info.aggregate
        ? `corpus aggregate unknown for type ${info.type ?? "(unknown)"}`
        : this.scored === 0 || this.scoredWithoutStats
          ? "some records lack sufficient statistics"
          : this.widthsDiffer
            ? "sufficient statistics differ in length between records"
            : null;
      if (why) notes.push(`${why}; compared the mean of per-case values instead`);
      else {
        kind = "corpus";
        if (this.dropped > 0) notes.push(`${this.dropped} errored record(s) have no sufficient statistics and are left out of the corpus scores`);
        v = this.ne!;
        unpaired += this.all.n - v.n;
      }
    }
    if (unpaired > 0) notes.push(`${unpaired} paired case(s) had a value on one side only for this metric and were left out`);
    const n = v.n;
    const { kB, kC } = v;
    const row = emptyMetricRow(info, kind, n, kB, kC, this.cb, this.cc, notes);
    if (n === 0) {
      notes.push("no case has a value on both sides");
      return { row, flips: [], intervalAt: null };
    }
    const mb = v.mb.view();
    const mc = v.mc.view();
    // One work array for every metric's differences, filled by a loop: Float64Array.from(mc, fn)
    // first collects the values in a plain array, and an array a metric is 8 MB more garbage a
    // metric at a million cases, held until V8 next collects.
    const diffs = scratch(n);
    for (let i = 0; i < n; i++) diffs[i] = mc[i]! - mb[i]!;
    let intervalAt: IntervalAt | null;
    if (kind === "corpus") intervalAt = fillCorpusRows(row, v.rowsB!.view(), v.rowsC!.view(), v.width!, info.aggregate!, { confidence, resamples, seed });
    else if (kind === "binary" && kB === 1 && kC === 1) intervalAt = fillBinary(row, mb, mc, confidence);
    else intervalAt = fillT(row, mb, mc, diffs, kB > 1 || kC > 1, confidence);
    if (kind !== "corpus") {
      row.sd_diff = n >= 2 ? sd(diffs) : null;
      if (kB > 1 || kC > 1) row.sd_within = combineWithinSd(v.dfB > 0 ? Math.sqrt(v.ssB / v.dfB) : null, v.dfC > 0 ? Math.sqrt(v.ssC / v.dfC) : null, notes);
      row.mde = row.sd_diff === null ? null : minimumDetectableEffect(row.sd_diff, n, 1 - confidence);
    }
    if (row.baseline.mean !== null && row.candidate.mean !== null) {
      row.delta = row.candidate.mean - row.baseline.mean;
      row.delta_relative = row.baseline.mean > 0 ? row.delta / row.baseline.mean : null;
    }
    const flips = v.flips(binary);
    if (flips) {
      row.broke = v.broke.length;
      row.fixed = v.fixed.length;
    }
    return { row, flips: flips ?? [], intervalAt };
  }
}

function observeAll(records: readonly PairRecord[], name: string, counts: SideCounts): Obs[] {
  const out: Obs[] = [];
  for (const r of records) {
    const o = observe(r, name, counts);
    if (o !== null) out.push(o);
  }
  return out;
}

/** Latency, tokens and cost over the paired cases' records, in computeOperational's order. */
class OperationalStream {
  readonly lb: F64List;
  readonly lc: F64List;
  readonly tok = { b: { prompt: 0, completion: 0, perSum: 0, perN: 0 }, c: { prompt: 0, completion: 0, perSum: 0, perN: 0 } };
  readonly cost = { b: { total: 0, perSum: 0, perN: 0 }, c: { total: 0, perSum: 0, perN: 0 } };
  /** Per-case mean cost (NaN for none), allocated at the first cost seen. */
  costB: F64List | null = null;
  costC: F64List | null = null;
  paired = 0;
  anyCost = false;
  /** Candidate costs of every candidate record, to sum them in the candidate's own order. */
  private readonly candOrder = new F64List(16);
  private readonly candCost = new F64List(16);

  constructor(private readonly capacity: number) {
    this.lb = new F64List(capacity);
    this.lc = new F64List(capacity);
  }

  addCase(b: readonly PairRecord[], c: readonly PairRecord[]): void {
    for (const r of b) if (r.latency_ms !== null) this.lb.push(r.latency_ms);
    for (const r of c) if (r.latency_ms !== null) this.lc.push(r.latency_ms);
    tokens(this.tok.b, b);
    tokens(this.tok.c, c);
    const mB = caseMean(b, (r) => r.cost);
    const mC = caseMean(c, (r) => r.cost);
    if (this.costB === null && (b.some((r) => r.cost !== null) || c.some((r) => r.cost !== null))) {
      this.costB = nanList(this.capacity, this.paired);
      this.costC = nanList(this.capacity, this.paired);
    }
    if (b.some((r) => r.cost !== null)) this.anyCost = true;
    for (const [acc, rs, m] of [
      [this.cost.b, b, mB],
      [this.cost.c, c, mC],
    ] as const) {
      for (const r of rs) acc.total += r.cost ?? 0;
      if (!Number.isNaN(m)) {
        acc.perSum += m;
        acc.perN++;
      }
    }
    this.costB?.push(mB);
    this.costC?.push(mC);
    this.paired++;
  }

  /** Every candidate record (paired or not), with its place in the candidate's order. */
  addCandidateCosts(order: number, c: readonly PairRecord[]): void {
    for (let i = 0; i < c.length; i++) {
      const cost = c[i]!.cost;
      if (cost === null) continue;
      this.anyCost = true;
      this.candOrder.push(order + i / (c.length + 1));
      this.candCost.push(cost);
    }
  }

  finish(confidence: number, resamples: number, seed: number, currency: string | null): OperationalDeltas {
    const tokenSide = (t: { prompt: number; completion: number; perSum: number; perN: number }) => ({
      prompt: t.prompt,
      completion: t.completion,
      total: t.prompt + t.completion,
      per_case: t.perN ? t.perSum / t.perN : null,
    });
    const tb = tokenSide(this.tok.b);
    const tc = tokenSide(this.tok.c);
    // Sorted in place, both through one scratch array (the distribution and the bootstrap read only the sorted values).
    const work = new Float64Array(Math.max(this.lb.length, this.lc.length));
    const sortedB = sortFloat64(this.lb.view(), work);
    const sortedC = sortFloat64(this.lc.view(), work);
    return {
      latency: latencyDeltas(distributionOfSorted(sortedB), distributionOfSorted(sortedC), sortedB, sortedC, { confidence, resamples, seed }),
      tokens: { baseline: tb, candidate: tc, delta_total: tc.total - tb.total, delta_per_case: tb.per_case !== null && tc.per_case !== null ? tc.per_case - tb.per_case : null },
      cost: this.anyCost ? this.costs(confidence, currency) : null,
    };
  }

  private costs(confidence: number, currency: string | null): NonNullable<OperationalDeltas["cost"]> {
    const side = (acc: { total: number; perSum: number; perN: number }) => ({ total: acc.total, per_case: acc.perN ? acc.perSum / acc.perN : null, n: acc.perN });
    const b = side(this.cost.b);
    const c = side(this.cost.c);
    const mb = this.costB?.view() ?? new Float64Array(0);
    const mc = this.costC?.view() ?? new Float64Array(0);
    const diffs = mc.map((v, i) => v - mb[i]!).filter((v) => !Number.isNaN(v));
    const order = this.candOrder.view();
    const cost = this.candCost.view();
    const idx = Uint32Array.from(order, (_, i) => i).sort((x, y) => order[x]! - order[y]!);
    let runTotal = 0;
    for (const i of idx) runTotal += cost[i]!;
    return {
      currency,
      baseline: b,
      candidate: c,
      delta_total: c.total - b.total,
      delta_per_case: b.per_case !== null && c.per_case !== null ? c.per_case - b.per_case : null,
      candidate_per_case_ci: oneSampleT(mc.filter((v) => !Number.isNaN(v)), confidence)?.ci ?? null,
      delta_per_case_ci: oneSampleT(diffs, confidence)?.ci ?? null,
      candidate_run_total: runTotal,
    };
  }
}

function nanList(capacity: number, n: number): F64List {
  const l = new F64List(capacity);
  for (let i = 0; i < n; i++) l.push(Number.NaN);
  return l;
}

function tokens(acc: { prompt: number; completion: number; perSum: number; perN: number }, rs: readonly PairRecord[]): void {
  for (const r of rs) acc.prompt += r.prompt_tokens ?? 0;
  for (const r of rs) acc.completion += r.completion_tokens ?? 0;
  const m = caseMean(rs, (r) => (r.prompt_tokens === null && r.completion_tokens === null ? null : (r.prompt_tokens ?? 0) + (r.completion_tokens ?? 0)));
  if (!Number.isNaN(m)) {
    acc.perSum += m;
    acc.perN++;
  }
}

/** Mean of a per-record figure over the case's records that have it; NaN when none. */
function caseMean(rs: readonly PairRecord[], pick: (r: PairRecord) => number | null): number {
  const vs: number[] = [];
  for (const r of rs) {
    const v = pick(r);
    if (v !== null) vs.push(v);
  }
  return vs.length ? mean(vs) : Number.NaN;
}

/** A side's counts for its RunRef, over all of its records. */
class SideTally {
  cases = 0;
  records = 0;
  repeats = 0;
  errors = 0;
  add(rs: readonly PairRecord[]): void {
    this.cases++;
    this.records += rs.length;
    for (const r of rs) {
      this.repeats = Math.max(this.repeats, r.repeat + 1);
      if (r.error !== null) this.errors++;
    }
  }
}

/** findUnchanged's checks on one paired case: every candidate record has a baseline record of its repeat, and the same request, output and scores. */
export interface CaseEvidence {
  inBaseline: boolean;
  same: boolean;
}

export function caseEvidence(b: readonly PairRecord[], c: readonly PairRecord[]): CaseEvidence {
  let same = true;
  for (const r of c) {
    const x = b.find((y) => y.repeat === r.repeat);
    if (!x) return { inBaseline: false, same: false };
    if (same && (x.key === undefined || x.key !== r.key || (x.output ?? null) !== (r.output ?? null) || stableStringify(scoreValues(x.scores)) !== stableStringify(scoreValues(r.scores)))) same = false;
  }
  return { inBaseline: true, same };
}

export interface PairedStreamOptions {
  /** Metric names in computeComparison's order (metricNames over the same runs). */
  metrics: readonly string[];
  /** The metric names that occur in any record of each run. */
  recordMetrics: { baseline: { has(name: string): boolean }; candidate: { has(name: string): boolean } };
  aggregateFor: CompareOptions["aggregateFor"];
  /** About how many cases the runs hold (sizes the typed arrays; they grow past it). */
  capacity?: number;
}

/**
 * Feed `addCase` every case of the baseline in the baseline's first-seen order (with the
 * candidate's records when it has the case), `addCandidateOnly` every case only the candidate has
 * (any order), then `finish` once per policy. Each side's records of a case: last per repeat, by repeat.
 */
export class PairedStream {
  private readonly metrics: MetricStream[];
  private readonly op: OperationalStream;
  private readonly tallyB = new SideTally();
  private readonly tallyC = new SideTally();
  private paired = 0;
  private readonly baselineOnly: string[] = [];
  private readonly candidateOnly: { order: number; id: string }[] = [];
  private anyError = false;
  private candidateInBaseline = true;
  private sameRecords = true;

  constructor(
    private readonly baseline: RunHeader,
    private readonly candidate: RunHeader,
    private readonly o: PairedStreamOptions,
  ) {
    const capacity = o.capacity ?? 1024;
    this.metrics = o.metrics.map((name) => new MetricStream(name, metricInfo(name, [baseline, candidate], undefined, o.aggregateFor), capacity));
    this.op = new OperationalStream(capacity);
  }

  /**
   * A case of the baseline, in the baseline's order; `c` null when the candidate lacks it, else
   * with its place in the candidate's order (and `caseEvidence` of the case when the records
   * given no longer carry their keys and outputs).
   */
  addCase(id: string, b: readonly PairRecord[], c: { order: number; records: readonly PairRecord[]; evidence?: CaseEvidence } | null): void {
    this.tallyB.add(b);
    this.noteErrors(b);
    if (c === null) {
      this.baselineOnly.push(id);
      return;
    }
    this.tallyC.add(c.records);
    this.noteErrors(c.records);
    this.op.addCandidateCosts(c.order, c.records);
    this.paired++;
    for (const m of this.metrics) m.addCase(id, b, c.records);
    this.op.addCase(b, c.records);
    this.compareRecords(c.evidence ?? caseEvidence(b, c.records));
  }

  addCandidateOnly(id: string, order: number, c: readonly PairRecord[]): void {
    this.tallyC.add(c);
    this.noteErrors(c);
    this.op.addCandidateCosts(order, c);
    this.candidateOnly.push({ order, id });
    this.candidateInBaseline = false;
  }

  private noteErrors(rs: readonly PairRecord[]): void {
    if (!this.anyError && rs.some((r) => r.error !== null)) this.anyError = true;
  }

  private compareRecords(e: CaseEvidence): void {
    if (!e.inBaseline) this.candidateInBaseline = false;
    if (!e.same) this.sameRecords = false;
  }

  finish(opts: CompareOptions): Comparison {
    const policy = opts.policy;
    const rows: MetricComparison[] = [];
    const intervals = new Map<MetricComparison, IntervalAt | null>();
    const flips: Flip[] = [];
    const runs = [this.baseline, this.candidate];
    let work = new Float64Array(0);
    const scratch = (n: number): Float64Array => {
      if (work.length < n) work = new Float64Array(n);
      return work.subarray(0, n);
    };
    for (const m of this.metrics) {
      const rule = policy.metrics[m.name];
      const info = metricInfo(m.name, runs, rule?.greater_is_better, opts.aggregateFor);
      const { row, flips: f, intervalAt } = m.finish(info, policy.confidence, policy.bootstrap_resamples, policy.seed, scratch);
      intervals.set(row, intervalAt);
      row.notes.push(...corpusNotes(m.name, runs, opts.aggregateFor));
      row.gated = opts.gate && rule !== undefined && rule.gate !== false;
      if (!this.baseline.summary?.metrics[m.name] && !this.o.recordMetrics.baseline.has(m.name)) row.notes.push("metric absent from the baseline run");
      if (!this.candidate.summary?.metrics[m.name] && !this.o.recordMetrics.candidate.has(m.name)) row.notes.push("metric absent from the candidate run");
      rows.push(row);
      for (const flip of f) flips.push(flip);
    }
    const sameCases = this.tallyB.records > 0 && this.tallyB.records === this.tallyC.records && this.candidateInBaseline && !this.anyError;
    const unchanged = decideUnchanged({ sameCases, sameRecords: sameCases && this.sameRecords, candidateRecords: this.tallyC.records }, this.baseline, this.candidate);
    const candidateOnly = [...this.candidateOnly].sort((x, y) => x.order - y.order).map((x) => x.id);
    return assembleComparison(
      {
        rows,
        intervals,
        flips,
        paired: this.paired,
        oneSided: { baseline_only: [...this.baselineOnly], candidate_only: candidateOnly },
        baseline: this.runRef(this.baseline, this.tallyB),
        candidate: this.runRef(this.candidate, this.tallyC),
      },
      () => this.op.finish(policy.confidence, policy.bootstrap_resamples, policy.seed, currencyOf(this.baseline, this.candidate)),
      unchanged,
      opts,
    );
  }

  private runRef(run: RunHeader, t: SideTally): RunRef {
    return {
      dir: run.dir,
      results_sha256: run.resultsSha256,
      summary_present: run.summary !== null,
      suite: run.summary?.suite ? { name: run.summary.suite.name, file: run.summary.suite.file, hash: run.summary.suite.hash } : null,
      provenance: run.summary?.provenance ?? null,
      counts: { cases: t.cases, records: t.records, superseded: run.superseded, repeats: t.repeats, errors: t.errors },
      warnings: run.warnings,
      ...(run.summary?.judges ? { judges: run.summary.judges } : {}),
    };
  }
}
