// The in-memory summary as it was before the streaming accumulators (kept verbatim as the reference
// the equivalence test holds src/core/eval/summary.ts to).
import type { Scorer } from "../../src/core/eval/scorers/types.js";
import type { DeadlinePhase, EvalRecord, MetricSummary, Provenance, RequestsSummary, RetryCause, RunSummary } from "../../src/core/eval/types.js";
import { costOf, type Prices } from "../../src/core/eval/record.js";
import { bootstrapCorpus, estimateMean, quantileSorted } from "../../src/core/stats/index.js";

interface SummaryInput {
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

// Every scorer yields "higher is better" in [0,1]; budgets (latency, tokens, cost) are scored as
// 1 = within budget, so no metric is lower-is-better today.
const LOWER_IS_BETTER = new Set<string>();

export function computeSummaryInMemory(input: SummaryInput): RunSummary {
  const ok = input.records.filter((r) => r.error === null);
  const metrics: Record<string, MetricSummary> = {};
  let weighted = 0;
  let weights = 0;
  const lat = ok.map((r) => r.latency_ms).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const ttft = ok.map((r) => r.ttft_ms).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const observed: Record<string, number | null> = {
    p50_ms: percentile(lat, 0.5),
    p95_ms: percentile(lat, 0.95),
    p99_ms: percentile(lat, 0.99),
    ttft_p50_ms: percentile(ttft, 0.5),
    ttft_p95_ms: percentile(ttft, 0.95),
    ttft_p99_ms: percentile(ttft, 0.99),
  };
  for (const s of input.scorers) {
    const m = summariseMetric(s, ok, input.provenance.seed, input.bootstrapResamples ?? 2000);
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
  const requests = summariseRequests(input.records, input.deadlines);
  const { extra_prompt_tokens: extraPrompt, extra_completion_tokens: extraCompletion } = requests.hedges;
  // Tokens and cost count what was paid: the records' own, plus cancelled hedged copies.
  const promptTokens = ok.reduce((a, r) => a + (r.prompt_tokens ?? 0), 0) + extraPrompt;
  const completionTokens = ok.reduce((a, r) => a + (r.completion_tokens ?? 0), 0) + extraCompletion;
  const costs = ok.map((r) => r.cost).filter((c): c is number => c !== null);
  const hedgeCost = extraPrompt + extraCompletion > 0 ? costOf(input.prices, extraPrompt, extraCompletion) : null;
  if (hedgeCost !== null) costs.push(hedgeCost);
  const errorKinds = new Map<string, { count: number; example: string }>();
  for (const r of input.records) {
    if (!r.error) continue;
    const e = errorKinds.get(r.error.kind) ?? { count: 0, example: r.error.message };
    e.count++;
    errorKinds.set(r.error.kind, e);
  }
  return {
    schema: "llmops.summary/v3",
    suite: input.suite,
    counts: { cases: input.cases, repeats: input.repeats, records: input.records.length, errors: input.records.length - ok.length },
    metrics,
    overall: { weighted_mean: weights > 0 ? weighted / weights : null },
    latency: {
      unit: "ms",
      mean: lat.length ? lat.reduce((a, b) => a + b, 0) / lat.length : null,
      p50: percentile(lat, 0.5),
      p95: percentile(lat, 0.95),
      p99: percentile(lat, 0.99),
      ttft_p50: percentile(ttft, 0.5),
      ttft_p95: percentile(ttft, 0.95),
      ttft_p99: percentile(ttft, 0.99),
    },
    tokens: { prompt: promptTokens, completion: completionTokens, total: promptTokens + completionTokens },
    cost: input.currency !== undefined && costs.length > 0 ? { total: costs.reduce((a, b) => a + b, 0), currency: input.currency } : null,
    errors: [...errorKinds].map(([kind, v]) => ({ kind, ...v })),
    requests,
    provenance: input.provenance,
  };
}

const RETRY_CAUSES: readonly RetryCause[] = ["429", "5xx", "reset", "truncated", "deadline", "other"];
const PHASES: readonly DeadlinePhase[] = ["connect", "headers", "first_token", "idle", "total"];

/** Attempts, retries and abandoned requests by cause, and hedges, summed over the records. */
function summariseRequests(records: readonly EvalRecord[], deadlines: RequestsSummary["deadlines_ms"] | undefined): RequestsSummary {
  const retries = Object.fromEntries(RETRY_CAUSES.map((c) => [c, 0])) as Record<RetryCause, number>;
  const abandoned = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<DeadlinePhase, number>;
  const hedges = { sent: 0, won: 0, extra_prompt_tokens: 0, extra_completion_tokens: 0 };
  let attempts = 0;
  for (const r of records) {
    if (!r.cached) attempts += r.attempts;
    for (const [c, n] of Object.entries(r.retries ?? {})) retries[c as RetryCause] = (retries[c as RetryCause] ?? 0) + (n ?? 0);
    for (const [p, n] of Object.entries(r.abandoned ?? {})) abandoned[p as DeadlinePhase] = (abandoned[p as DeadlinePhase] ?? 0) + (n ?? 0);
    if (r.hedge) {
      hedges.sent += r.hedge.sent;
      if (r.hedge.won) hedges.won++;
      hedges.extra_prompt_tokens += r.hedge.extra_prompt_tokens;
      hedges.extra_completion_tokens += r.hedge.extra_completion_tokens;
    }
  }
  return { attempts, retries, abandoned, hedges, ...(deadlines ? { deadlines_ms: deadlines } : {}) };
}

/** Type-7 percentile of sorted values; null when there are none. */
function percentile(sorted: readonly number[], p: number): number | null {
  return sorted.length === 0 ? null : quantileSorted(sorted, p);
}

function summariseMetric(s: Scorer, records: readonly EvalRecord[], seed: number, resamples: number): MetricSummary {
  const byCase = new Map<string, EvalRecord[]>();
  for (const r of records) {
    const list = byCase.get(r.case_id) ?? [];
    list.push(r);
    byCase.set(r.case_id, list);
  }
  const base = {
    type: s.type,
    corpus: s.corpus,
    higher_is_better: !LOWER_IS_BETTER.has(s.type),
    threshold: s.threshold ?? null,
    weight: s.weight,
    signature: s.signature,
    config: null,
  };
  const passes = records.map((r) => r.scores[s.name]?.pass).filter((p): p is boolean => p !== undefined);
  const passRate = passes.length ? passes.filter(Boolean).length / passes.length : null;

  if (s.corpus && s.aggregate) {
    const aggregate = s.aggregate.bind(s);
    const perCase: number[][] = [];
    let total: number[] | null = null;
    let n = 0;
    for (const list of byCase.values()) {
      let acc: number[] | null = null;
      for (const r of list) {
        const st = r.scores[s.name]?.stats;
        if (!st) continue;
        n++;
        acc = acc ? acc.map((v, i) => v + (st[i] ?? 0)) : [...st];
      }
      if (acc) {
        perCase.push(acc);
        total = total ? total.map((v, i) => v + acc[i]!) : [...acc];
      }
    }
    if (!total) return { ...base, mean: null, se: null, ci95: null, method: "none", n: 0, n_cases: 0, pass_rate: passRate };
    const boot = bootstrapCorpus(perCase, aggregate, resamples, seed);
    return { ...base, mean: aggregate(total), se: boot?.se ?? null, ci95: boot?.ci95 ?? null, method: boot ? "bootstrap" : "none", n, n_cases: perCase.length, pass_rate: passRate };
  }

  const groups: number[][] = [];
  for (const list of byCase.values()) {
    const vals = list.map((r) => r.scores[s.name]?.value).filter((v): v is number => typeof v === "number");
    if (vals.length) groups.push(vals);
  }
  const est = estimateMean(groups);
  if (!est) return { ...base, mean: null, se: null, ci95: null, method: "none", n: 0, n_cases: 0, pass_rate: passRate };
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const ci = Number.isFinite(est.ci95[0]) ? ([Math.max(0, est.ci95[0]), Math.min(1, est.ci95[1])] as [number, number]) : null;
  return { ...base, mean: est.mean, se: finite(est.se), ci95: ci, method: est.method, n: est.n, n_cases: est.nClusters, pass_rate: passRate };
}
