// The summary of a run: per metric the mean, standard error (clustered by case when K > 1), 95%
// interval and n; corpus metrics as corpora with a bootstrap interval; latency percentiles, tokens,
// cost, errors, retries and provenance. Computed by streaming accumulators fed one record at a
// time, so memory holds the cases still open (awaiting repeats), not the run: a million-record run
// summarises in the memory of a thousand.
import type { Scorer } from "./scorers/types.js";
import type { DeadlinePhase, EvalRecord, MetricSummary, Provenance, RequestsSummary, RetryCause, RunSummary } from "./types.js";
import { costOf, type Prices } from "./record.js";
import { bootstrapCorpus, tQuantile, wilsonInterval } from "../stats/index.js";
import { QuantileSketch } from "../stats/quantile-sketch.js";

export interface SummaryInput {
  suite: { name: string; file: string; hash: string };
  cases: number;
  repeats: number;
  records: readonly EvalRecord[];
  scorers: readonly Scorer[];
  currency: string | undefined;
  provenance: Provenance;
  bootstrapResamples?: number;
  /** Prices, to bill what hedged copies cost on top of the records. */
  prices?: Prices | undefined;
  /** The deadlines in force at the end of the run (RunOutcome.deadlines). */
  deadlines?: RequestsSummary["deadlines_ms"] | undefined;
}

export type SummaryContext = Omit<SummaryInput, "records">;

// Every scorer yields "higher is better" in [0,1]; budgets (latency, tokens, cost) are scored as
// 1 = within budget, so no metric is lower-is-better today.
const LOWER_IS_BETTER = new Set<string>();

export function computeSummary(input: SummaryInput): RunSummary {
  const acc = new SummaryAccumulator(input.scorers, input.repeats);
  for (const r of input.records) acc.add(r);
  return acc.summary(input);
}

/**
 * A run's summary, one record at a time. Records of a case may come in any order and interleaved
 * with other cases; a case's values are held until `repeats` of its records were seen (or the end).
 * Corpus metrics keep their per-case sufficient statistics (the bootstrap resamples cases).
 */
export class SummaryAccumulator {
  private readonly metrics: MetricAccumulator[];
  private readonly latency: QuantileSketch;
  private readonly ttft: QuantileSketch;
  private latencySum = 0;
  private records = 0;
  private errors = 0;
  private promptTokens = 0;
  private completionTokens = 0;
  private costSum = 0;
  private costCount = 0;
  private readonly errorKinds = new Map<string, { count: number; example: string }>();
  private readonly requests = new RequestsAccumulator();
  /** Cases with some but not all of their `repeats` records seen. */
  private readonly openCases = new Map<string, number>();

  /** `exactPercentiles`: keep every latency (8 bytes each) rather than sketch past 4,096 of them. */
  constructor(
    scorers: readonly Scorer[],
    private readonly repeats: number,
    exactPercentiles = false,
  ) {
    this.metrics = scorers.map((s) => new MetricAccumulator(s, repeats));
    this.latency = new QuantileSketch(exactPercentiles);
    this.ttft = new QuantileSketch(exactPercentiles);
  }

  add(r: EvalRecord): void {
    this.records++;
    this.requests.add(r);
    this.addScores(r);
    if (this.repeats > 1) {
      const seen = (this.openCases.get(r.case_id) ?? 0) + 1;
      if (seen < this.repeats) this.openCases.set(r.case_id, seen);
      else {
        this.openCases.delete(r.case_id);
        for (const m of this.metrics) m.closeCase(r.case_id);
      }
    }
  }

  private addScores(r: EvalRecord): void {
    if (r.error) {
      this.errors++;
      const e = this.errorKinds.get(r.error.kind);
      if (e) e.count++;
      else this.errorKinds.set(r.error.kind, { count: 1, example: r.error.message });
      return;
    }
    if (r.latency_ms !== null) {
      this.latency.add(r.latency_ms);
      this.latencySum += r.latency_ms;
    }
    if (r.ttft_ms !== null) this.ttft.add(r.ttft_ms);
    this.promptTokens += r.prompt_tokens ?? 0;
    this.completionTokens += r.completion_tokens ?? 0;
    if (r.cost !== null) {
      this.costSum += r.cost;
      this.costCount++;
    }
    for (const m of this.metrics) m.add(r);
  }

  summary(ctx: SummaryContext): RunSummary {
    const lat = this.latency;
    const ttft = this.ttft;
    const observed: Record<string, number | null> = {
      p50_ms: lat.quantile(0.5),
      p95_ms: lat.quantile(0.95),
      p99_ms: lat.quantile(0.99),
      ttft_p50_ms: ttft.quantile(0.5),
      ttft_p95_ms: ttft.quantile(0.95),
      ttft_p99_ms: ttft.quantile(0.99),
    };
    const metrics: Record<string, MetricSummary> = {};
    let weighted = 0;
    let weights = 0;
    for (const acc of this.metrics) {
      const s = acc.scorer;
      const m = acc.summary(ctx.provenance.seed, ctx.bootstrapResamples ?? 2000);
      if (s.runBudgets && Object.keys(s.runBudgets).length > 0) {
        m.budgets = Object.fromEntries(
          Object.entries(s.runBudgets).map(([k, budget]) => {
            const o = observed[k] ?? null;
            return [k, { observed: o, budget, pass: o === null ? null : o <= budget }];
          }),
        );
      }
      metrics[s.name] = m;
      if (m.mean !== null && s.weight > 0) {
        weighted += m.mean * s.weight;
        weights += s.weight;
      }
    }
    const requests = this.requests.summary(ctx.deadlines);
    const { extra_prompt_tokens: extraPrompt, extra_completion_tokens: extraCompletion } = requests.hedges;
    // Tokens and cost count what was paid: the records' own, plus cancelled hedged copies.
    const promptTokens = this.promptTokens + extraPrompt;
    const completionTokens = this.completionTokens + extraCompletion;
    let costSum = this.costSum;
    let costCount = this.costCount;
    const hedgeCost = extraPrompt + extraCompletion > 0 ? costOf(ctx.prices, extraPrompt, extraCompletion) : null;
    if (hedgeCost !== null) {
      costSum += hedgeCost;
      costCount++;
    }
    const exact = lat.exact && ttft.exact;
    return {
      schema: "llmops.summary/v1",
      suite: ctx.suite,
      counts: { cases: ctx.cases, repeats: ctx.repeats, records: this.records, errors: this.errors },
      metrics,
      overall: { weighted_mean: weights > 0 ? weighted / weights : null },
      latency: {
        unit: "ms",
        mean: lat.count ? this.latencySum / lat.count : null,
        p50: observed.p50_ms!,
        p95: observed.p95_ms!,
        p99: observed.p99_ms!,
        ttft_p50: observed.ttft_p50_ms!,
        ttft_p95: observed.ttft_p95_ms!,
        ttft_p99: observed.ttft_p99_ms!,
        // Percentiles of more than a few thousand values come from a sketch: say how close they are.
        ...(exact ? {} : { percentiles: { method: "ddsketch" as const, relative_error: QuantileSketch.RELATIVE_ERROR } }),
      },
      tokens: { prompt: promptTokens, completion: completionTokens, total: promptTokens + completionTokens },
      cost: ctx.currency !== undefined && costCount > 0 ? { total: costSum, currency: ctx.currency } : null,
      errors: [...this.errorKinds].map(([kind, v]) => ({ kind, ...v })),
      requests,
      provenance: ctx.provenance,
    };
  }
}

/** One metric's sums. Values are summed per case first (a case's repeats are one cluster). */
class MetricAccumulator {
  /** Cases awaiting more repeats: their shifted sum and count so far. */
  private readonly open = new Map<string, { sum: number; n: number }>();
  /** Corpus metrics: per-case summed statistics, in the order cases first appeared. */
  private readonly corpusCases: number[][] = [];
  /** Corpus metrics: where an open case's statistics are summed. */
  private readonly corpusSlots = new Map<string, number>();
  private corpusTotal: number[] | null = null;
  private corpusN = 0;
  // Plain metrics: sums over values shifted by the first value (no cancellation near the mean).
  private shift: number | undefined;
  private n = 0;
  private sum = 0;
  private sumSq = 0;
  private ones = 0;
  private binary = true;
  private clusters = 0;
  private clustered = false;
  private clusterSumSq = 0;
  private clusterSumN = 0;
  private clusterNSq = 0;
  private passes = 0;
  private passCount = 0;

  constructor(
    readonly scorer: Scorer,
    private readonly repeats: number,
  ) {}

  /** A case has all its records: fold its sums into the cluster moments and forget it. */
  closeCase(caseId: string): void {
    this.corpusSlots.delete(caseId);
    const g = this.open.get(caseId);
    if (!g) return;
    this.open.delete(caseId);
    this.closeCluster(g);
  }

  add(r: EvalRecord): void {
    const sc = r.scores[this.scorer.name];
    if (sc?.pass !== undefined) {
      this.passCount++;
      if (sc.pass) this.passes++;
    }
    if (this.scorer.corpus && this.scorer.aggregate) {
      const st = sc?.stats;
      if (!st) return;
      this.corpusN++;
      const slot = this.repeats > 1 ? this.corpusSlots.get(r.case_id) : undefined;
      if (slot === undefined) {
        const at = this.corpusCases.push([...st]) - 1;
        if (this.repeats > 1) this.corpusSlots.set(r.case_id, at);
      } else {
        const acc = this.corpusCases[slot]!;
        for (let i = 0; i < acc.length; i++) acc[i]! += st[i] ?? 0;
      }
      this.corpusTotal = this.corpusTotal ? this.corpusTotal.map((v, i) => v + (st[i] ?? 0)) : [...st];
      return;
    }
    const v = sc?.value;
    if (typeof v !== "number") return;
    this.shift ??= v;
    const y = v - this.shift;
    this.n++;
    this.sum += y;
    this.sumSq += y * y;
    if (v === 1) this.ones++;
    else if (v !== 0) this.binary = false;
    if (this.repeats === 1) {
      // Every value is its own case (ids are unique): a cluster of one.
      this.clusters++;
      this.closeCluster({ sum: y, n: 1 });
      return;
    }
    const g = this.open.get(r.case_id);
    if (g) {
      g.sum += y;
      g.n++;
      this.clustered = true;
    } else {
      this.open.set(r.case_id, { sum: y, n: 1 });
      this.clusters++;
    }
  }

  summary(seed: number, resamples: number): MetricSummary {
    const s = this.scorer;
    const base = {
      type: s.type,
      corpus: s.corpus,
      higher_is_better: !LOWER_IS_BETTER.has(s.type),
      threshold: s.threshold ?? null,
      weight: s.weight,
      signature: s.signature,
      pass_rate: this.passCount ? this.passes / this.passCount : null,
    };
    if (s.corpus && s.aggregate) {
      if (!this.corpusTotal) return { ...base, mean: null, se: null, ci95: null, method: "none", n: 0, n_cases: 0 };
      const aggregate = s.aggregate.bind(s);
      const boot = bootstrapCorpus(this.corpusCases, aggregate, resamples, seed);
      return { ...base, mean: aggregate(this.corpusTotal), se: boot?.se ?? null, ci95: boot?.ci95 ?? null, method: boot ? "bootstrap" : "none", n: this.corpusN, n_cases: this.corpusCases.length };
    }
    const n = this.n;
    if (n === 0) return { ...base, mean: null, se: null, ci95: null, method: "none", n: 0, n_cases: 0 };
    const G = this.clusters;
    const d = this.sum / n; // mean of shifted values
    const m = (this.shift ?? 0) + d;
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    const bounded = (lo: number, hi: number) => (Number.isFinite(lo) ? ([Math.max(0, lo), Math.min(1, hi)] as [number, number]) : null);
    if (!this.clustered) {
      if (this.binary) {
        const se = n > 1 ? Math.sqrt((m * (1 - m)) / n) : NaN;
        const ci = wilsonInterval(this.ones, n);
        return { ...base, mean: m, se: finite(se), ci95: bounded(ci[0], ci[1]), method: "wilson", n, n_cases: G };
      }
      const ss = Math.max(0, this.sumSq - n * d * d);
      const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN;
      const half = n > 1 ? tQuantile(0.975, n - 1) * se : NaN;
      return { ...base, mean: m, se: finite(se), ci95: bounded(m - half, m + half), method: "t", n, n_cases: G };
    }
    // Cluster-robust variance of the mean (CR1, clusters = cases): Σ_g (Σ_{x∈g} (x − m))² / n²
    // × G/(G−1), from per-case sums T_g and counts n_g: Σ T_g² − 2d Σ T_g n_g + d² Σ n_g².
    for (const id of [...this.open.keys()]) this.closeCase(id);
    const acc = Math.max(0, this.clusterSumSq - 2 * d * this.clusterSumN + d * d * this.clusterNSq);
    const se = G > 1 ? Math.sqrt(((G / (G - 1)) * acc) / (n * n)) : NaN;
    const half = G > 1 ? tQuantile(0.975, G - 1) * se : NaN;
    return { ...base, mean: m, se: finite(se), ci95: bounded(m - half, m + half), method: "t-clustered", n, n_cases: G };
  }

  private closeCluster(g: { sum: number; n: number }): void {
    this.clusterSumSq += g.sum * g.sum;
    this.clusterSumN += g.sum * g.n;
    this.clusterNSq += g.n * g.n;
  }
}

const RETRY_CAUSES: readonly RetryCause[] = ["429", "5xx", "reset", "truncated", "deadline", "other"];
const PHASES: readonly DeadlinePhase[] = ["connect", "headers", "first_token", "idle", "total"];

/** Attempts, retries and abandoned requests by cause, and hedges, summed over the records. */
class RequestsAccumulator {
  private readonly retries = Object.fromEntries(RETRY_CAUSES.map((c) => [c, 0])) as Record<RetryCause, number>;
  private readonly abandoned = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<DeadlinePhase, number>;
  private readonly hedges = { sent: 0, won: 0, extra_prompt_tokens: 0, extra_completion_tokens: 0 };
  private attempts = 0;

  add(r: EvalRecord): void {
    if (!r.cached) this.attempts += r.attempts;
    for (const [c, n] of Object.entries(r.retries ?? {})) this.retries[c as RetryCause] = (this.retries[c as RetryCause] ?? 0) + (n ?? 0);
    for (const [p, n] of Object.entries(r.abandoned ?? {})) this.abandoned[p as DeadlinePhase] = (this.abandoned[p as DeadlinePhase] ?? 0) + (n ?? 0);
    if (r.hedge) {
      this.hedges.sent += r.hedge.sent;
      if (r.hedge.won) this.hedges.won++;
      this.hedges.extra_prompt_tokens += r.hedge.extra_prompt_tokens;
      this.hedges.extra_completion_tokens += r.hedge.extra_completion_tokens;
    }
  }

  summary(deadlines: RequestsSummary["deadlines_ms"] | undefined): RequestsSummary {
    return { attempts: this.attempts, retries: { ...this.retries }, abandoned: { ...this.abandoned }, hedges: { ...this.hedges }, ...(deadlines ? { deadlines_ms: deadlines } : {}) };
  }
}
