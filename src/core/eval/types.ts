// The records and summaries an eval run writes. These shapes are the contract with compare,
// report and the PR comment; changes are additive.

export interface MetricScore {
  /** In [0,1]; null when the scorer could not say. */
  value: number | null;
  pass?: boolean;
  /** Per-sample sufficient statistics for corpus metrics. */
  stats?: number[];
  detail?: Record<string, unknown>;
}

export type RecordErrorKind = "http" | "timeout" | "network" | "truncated" | "bad_request" | "scorer";

export interface RecordError {
  kind: RecordErrorKind;
  message: string;
  status?: number;
}

export interface EvalRecord {
  case_id: string;
  repeat: number;
  key: string;
  input_hash: string;
  input: string;
  vars: Record<string, unknown>;
  expected: unknown;
  output: string | null;
  scores: Record<string, MetricScore>;
  latency_ms: number | null;
  ttft_ms: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost: number | null;
  finish_reason: string | null;
  error: RecordError | null;
  attempts: number;
  cached: boolean;
  /** Failed attempts before this record, by cause (absent when none). */
  retries?: Partial<Record<RetryCause, number>>;
  /** Attempts abandoned by a deadline, by the phase that ran out (absent when none). */
  abandoned?: Partial<Record<DeadlinePhase, number>>;
  /** Hedged copies sent for this record, whether one won, and what the cancelled copies were billed (estimated). */
  hedge?: { sent: number; won: boolean; extra_prompt_tokens: number; extra_completion_tokens: number };
}

/** Why an attempt failed and was retried. */
export type RetryCause = "429" | "5xx" | "reset" | "truncated" | "deadline" | "other";
export type DeadlinePhase = "connect" | "headers" | "first_token" | "idle" | "total";

/** How noisy the run was: attempts, retries and abandoned requests by cause, hedges, and the deadlines in force. */
export interface RequestsSummary {
  attempts: number;
  retries: Record<RetryCause, number>;
  abandoned: Record<DeadlinePhase, number>;
  hedges: { sent: number; won: number; extra_prompt_tokens: number; extra_completion_tokens: number };
  /** Deadlines at the end of the run in ms (adaptive ones as adapted); absent when every record was reused. */
  deadlines_ms?: Record<DeadlinePhase, number> & { adaptive: boolean };
}

export interface MetricSummary {
  type: string;
  corpus: boolean;
  higher_is_better: boolean;
  mean: number | null;
  se: number | null;
  ci95: [number, number] | null;
  method: "wilson" | "t" | "t-clustered" | "bootstrap" | "none";
  n: number;
  n_cases: number;
  pass_rate: number | null;
  threshold: number | null;
  weight: number;
  signature: string;
  /** Run-level budgets (latency scorer): observed percentile vs budget, in ms. */
  budgets?: Record<string, { observed: number | null; budget: number; pass: boolean | null }>;
}

export interface RunSummary {
  schema: "llmops.summary/v1";
  suite: { name: string; file: string; hash: string };
  counts: { cases: number; repeats: number; records: number; errors: number };
  metrics: Record<string, MetricSummary>;
  overall: { weighted_mean: number | null };
  latency: {
    unit: "ms";
    mean: number | null;
    p50: number | null;
    p95: number | null;
    p99: number | null;
    ttft_p50: number | null;
    ttft_p95: number | null;
    ttft_p99: number | null;
    /** Present when percentiles came from a sketch (more than 4,096 values): each is within `relative_error` of the exact one. */
    percentiles?: { method: "ddsketch"; relative_error: number };
  };
  tokens: { prompt: number; completion: number; total: number };
  cost: { total: number; currency: string } | null;
  errors: { kind: string; count: number; example: string }[];
  requests?: RequestsSummary;
  provenance: Provenance;
}

export interface Provenance {
  llmops_version: string;
  git: { commit: string | null; dirty: boolean | null };
  suite_hash: string;
  dataset_hash: string;
  prompt_hash: string;
  /** The suite variant evaluated (`llmops eval --variant`), when one was. */
  variant?: string;
  target: { provider: string; base_url: string; model: string; api: string; params: Record<string, unknown> };
  scorers: Record<string, string>;
  seed: number;
  started_at: string;
  finished_at: string;
  node: string;
}
