// Latency, token and cost deltas over the paired cases' records, with the intervals the gate's
// budgets read (bootstrap for p95 latency, t on per-case means for cost).
import { bootstrapQuantile, mean, oneSampleT, quantileSorted, summariseDraws } from "../stats/index.js";
import type { CaseRecords } from "./pairing.js";
import type { RecordForCompare } from "./run-records.js";
import type { Distribution, OperationalDeltas } from "./types.js";

/** Latency bootstraps sort-free but O(n) per draw: cap their resamples to keep big runs fast. */
export const LATENCY_RESAMPLES_MAX = 2000;

export function distributionOf(values: ArrayLike<number>): Distribution {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return { n, mean: n ? mean(sorted) : null, p50: n ? quantileSorted(sorted, 0.5) : null, p95: n ? quantileSorted(sorted, 0.95) : null };
}

/** The latency distributions and the bootstrapped p95 intervals, from each side's latencies in record order. */
export function latencyDeltas(db: Distribution, dc: Distribution, lb: ArrayLike<number>, lc: ArrayLike<number>, opts: { confidence: number; resamples: number; seed: number }): OperationalDeltas["latency"] {
  let candidateP95Ci: [number, number] | null = null;
  let deltaP95Ci: [number, number] | null = null;
  const B = Math.min(opts.resamples, LATENCY_RESAMPLES_MAX);
  if (lc.length >= 2) {
    const drawsC = bootstrapQuantile(lc, 0.95, B, opts.seed ^ 0x1a7e);
    candidateP95Ci = summariseDraws(dc.p95!, drawsC, opts.confidence, opts.seed).ci;
    if (lb.length >= 2) {
      // The two runs' latencies are independent samples: resample each on its own.
      const drawsB = bootstrapQuantile(lb, 0.95, B, opts.seed ^ 0xb45e);
      const d = drawsC.map((v, i) => v - drawsB[i]!);
      deltaP95Ci = summariseDraws(dc.p95! - db.p95!, d, opts.confidence, opts.seed).ci;
    }
  }
  return {
    baseline: db,
    candidate: dc,
    delta_p50: db.p50 !== null && dc.p50 !== null ? dc.p50 - db.p50 : null,
    delta_p95: db.p95 !== null && dc.p95 !== null ? dc.p95 - db.p95 : null,
    candidate_p95_ci: candidateP95Ci,
    delta_p95_ci: deltaP95Ci,
  };
}

function recordsOf(side: CaseRecords, cases: readonly string[]): RecordForCompare[] {
  return cases.flatMap((id) => side.get(id) ?? []);
}

/** Per-case mean of a per-record figure (over the case's repeats that have it); NaN when none. */
function caseMeans(side: CaseRecords, cases: readonly string[], pick: (r: RecordForCompare) => number | null): number[] {
  return cases.map((id) => {
    const vs = (side.get(id) ?? []).map(pick).filter((v): v is number => v !== null);
    return vs.length ? mean(vs) : Number.NaN;
  });
}

export function computeOperational(
  baseline: CaseRecords,
  candidate: CaseRecords,
  cases: readonly string[],
  opts: { confidence: number; resamples: number; seed: number; currency: string | null },
): OperationalDeltas {
  const rb = recordsOf(baseline, cases);
  const rc = recordsOf(candidate, cases);
  const lat = (rs: RecordForCompare[]) => rs.map((r) => r.latency_ms).filter((v): v is number => v !== null);
  const lb = lat(rb);
  const lc = lat(rc);
  const latency = latencyDeltas(distributionOf(lb), distributionOf(lc), lb, lc, opts);

  const tokens = (side: CaseRecords, rs: RecordForCompare[]) => {
    const prompt = rs.reduce((a, r) => a + (r.prompt_tokens ?? 0), 0);
    const completion = rs.reduce((a, r) => a + (r.completion_tokens ?? 0), 0);
    const per = caseMeans(side, cases, (r) => (r.prompt_tokens === null && r.completion_tokens === null ? null : (r.prompt_tokens ?? 0) + (r.completion_tokens ?? 0))).filter(
      (v) => !Number.isNaN(v),
    );
    return { prompt, completion, total: prompt + completion, per_case: per.length ? mean(per) : null };
  };
  const tb = tokens(baseline, rb);
  const tc = tokens(candidate, rc);

  return {
    latency,
    tokens: {
      baseline: tb,
      candidate: tc,
      delta_total: tc.total - tb.total,
      delta_per_case: tb.per_case !== null && tc.per_case !== null ? tc.per_case - tb.per_case : null,
    },
    cost: computeCost(baseline, candidate, cases, rb, rc, opts),
  };
}

function computeCost(
  baseline: CaseRecords,
  candidate: CaseRecords,
  cases: readonly string[],
  rb: RecordForCompare[],
  rc: RecordForCompare[],
  opts: { confidence: number; currency: string | null },
): OperationalDeltas["cost"] {
  const allCandidate = [...candidate.values()].flat();
  if (![...rb, ...allCandidate].some((r) => r.cost !== null)) return null;
  const side = (s: CaseRecords, rs: RecordForCompare[]) => {
    const per = caseMeans(s, cases, (r) => r.cost).filter((v) => !Number.isNaN(v));
    return { total: rs.reduce((a, r) => a + (r.cost ?? 0), 0), per_case: per.length ? mean(per) : null, n: per.length };
  };
  const b = side(baseline, rb);
  const c = side(candidate, rc);
  const mb = caseMeans(baseline, cases, (r) => r.cost);
  const mc = caseMeans(candidate, cases, (r) => r.cost);
  const diffs = mc.map((v, i) => v - mb[i]!).filter((v) => !Number.isNaN(v));
  return {
    currency: opts.currency,
    baseline: b,
    candidate: c,
    delta_total: c.total - b.total,
    delta_per_case: b.per_case !== null && c.per_case !== null ? c.per_case - b.per_case : null,
    candidate_per_case_ci: oneSampleT(mc.filter((v) => !Number.isNaN(v)), opts.confidence)?.ci ?? null,
    delta_per_case_ci: oneSampleT(diffs, opts.confidence)?.ci ?? null,
    candidate_run_total: allCandidate.reduce((a, r) => a + (r.cost ?? 0), 0),
  };
}
