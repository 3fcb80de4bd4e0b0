// The contract every scorer meets. A scorer turns one model output into a number in [0,1]
// (and pass/fail when it has a threshold). Corpus metrics (BLEU, chrF) also emit per-sample
// sufficient statistics whose sums give the corpus score, so that summaries compute them as
// corpora and comparisons can bootstrap them by resampling cases.
import type { z } from "zod";
import type { RemoteScoring } from "../judge/remote.js";
import type { JudgeTally } from "../judge/tally.js";

/** Everything a scorer may look at for one case × repeat. */
export interface ScoreInput {
  /** The case and repeat scored (absent where a scorer is used outside a run). */
  caseId?: string;
  repeat?: number;
  output: string;
  /** The case's expected value: a string, an object (json_fields), a list of references, or undefined. */
  expected: unknown;
  /** The case's variables (after defaults), e.g. for a reference in vars. */
  vars: Readonly<Record<string, unknown>>;
  /** The rendered prompt as sent (chat messages joined), for scorers that need it. */
  prompt: string;
  latencyMs: number;
  ttftMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Cost in the price table's currency, when a price table is configured. */
  cost: number | null;
}

export interface SampleScore {
  /** In [0,1]; null when the scorer cannot say (e.g. no expected value) — excluded from means. */
  value: number | null;
  /** Sufficient statistics for corpus metrics; summed over samples by `corpus()`. */
  stats?: number[];
  /** Small, JSON-serialisable detail for reports (e.g. per-field F1, the failing regex). */
  detail?: Record<string, unknown>;
}

export interface Scorer {
  /** Metric name as it appears in results and summaries (defaults to the type). */
  readonly name: string;
  readonly type: string;
  readonly threshold: number | undefined;
  readonly weight: number;
  /** True for corpus metrics whose aggregate is `corpus(sum of stats)`, not the mean of values. */
  readonly corpus: boolean;
  /** Score one output. Must be pure and deterministic. */
  score(input: ScoreInput): SampleScore;
  /** Corpus score in [0,1] from the element-wise sum of samples' stats (corpus metrics only). */
  aggregate?(summedStats: readonly number[]): number;
  /** Run-level budgets (latency percentiles, in ms) checked by the summary, e.g. {p95_ms: 800}. */
  readonly runBudgets?: Readonly<Record<string, number>>;
  /** Version/settings string recorded in provenance, e.g. sacreBLEU's signature. */
  readonly signature: string;
  /** Scorers that ask another model (judges, embeddings): requests sent before scoring (judge/remote.ts). */
  readonly remote?: RemoteScoring;
  /** What a remote scorer saw across the run: errors, verdict counts, position bias, labels by case. */
  tally?(): JudgeTally;
}

/** One registry entry: the scorer's YAML schema (a strict object with `type` literal) and a factory. */
export interface ScorerDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  schema: S;
  create(config: z.output<S>): Scorer;
}
