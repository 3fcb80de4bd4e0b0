// One record of an eval run: scoring a completion, and the record written for a job.
import type { PlannedJob } from "./plan.js";
import type { CompletionResult } from "../ports/provider.js";
import type { Scorer, ScoreInput } from "./scorers/types.js";
import type { EvalRecord, MetricScore } from "./types.js";
import { RESULT_LINE_TAG } from "../contracts/result-line.js";

export interface Prices {
  prompt_per_1k: number;
  completion_per_1k: number;
}

export function costOf(prices: Prices | undefined, promptTokens: number | null, completionTokens: number | null): number | null {
  if (!prices || promptTokens === null || completionTokens === null) return null;
  return (promptTokens * prices.prompt_per_1k + completionTokens * prices.completion_per_1k) / 1000;
}

/** What every scorer is given for one job's completion. */
export function scoreInputOf(job: PlannedJob, r: CompletionResult, cost: number | null): ScoreInput {
  return {
    caseId: job.evalCase.id,
    repeat: job.repeat,
    output: r.text,
    expected: job.evalCase.expected,
    vars: job.evalCase.vars,
    prompt: job.inputText,
    latencyMs: r.latencyMs,
    ttftMs: r.ttftMs,
    promptTokens: r.promptTokens,
    completionTokens: r.completionTokens,
    cost,
  };
}

/** A record's completion as the provider returned it (for scoring a record read back from disk). */
export function completionOf(r: EvalRecord): CompletionResult {
  return { text: r.output ?? "", finishReason: r.finish_reason, promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, ttftMs: r.ttft_ms, latencyMs: r.latency_ms ?? 0 };
}

export function scoreOutput(scorers: readonly Scorer[], job: PlannedJob, r: CompletionResult, cost: number | null): Record<string, MetricScore> {
  const scores: Record<string, MetricScore> = {};
  const input = scoreInputOf(job, r, cost);
  for (const s of scorers) {
    try {
      const res = s.score(input);
      const value = res.value === null || Number.isNaN(res.value) ? null : Math.min(1, Math.max(0, res.value));
      const score: MetricScore = { value };
      if (s.threshold !== undefined && value !== null) score.pass = value >= s.threshold;
      if (res.stats) score.stats = res.stats;
      if (res.detail) score.detail = res.detail;
      scores[s.name] = score;
    } catch (err) {
      scores[s.name] = { value: null, detail: { error: err instanceof Error ? err.message : String(err) } };
    }
  }
  return scores;
}

export function recordFor(job: PlannedJob, fields: Partial<Omit<EvalRecord, "schema">>): EvalRecord {
  return {
    schema: RESULT_LINE_TAG,
    case_id: job.evalCase.id,
    repeat: job.repeat,
    key: job.key,
    input_hash: job.inputHash,
    input: job.inputText,
    vars: job.evalCase.vars,
    expected: job.evalCase.expected,
    output: null,
    scores: {},
    latency_ms: null,
    ttft_ms: null,
    prompt_tokens: null,
    completion_tokens: null,
    cost: null,
    finish_reason: null,
    error: null,
    attempts: 0,
    cached: false,
    ...fields,
  };
}

export function success(r: CompletionResult, cost: number | null, scorers: readonly Scorer[], job: PlannedJob, attempts: number, cached: boolean): Partial<Omit<EvalRecord, "schema">> {
  return {
    output: r.text,
    scores: scoreOutput(scorers, job, r, cost),
    latency_ms: round3(r.latencyMs),
    ttft_ms: r.ttftMs === null ? null : round3(r.ttftMs),
    prompt_tokens: r.promptTokens,
    completion_tokens: r.completionTokens,
    cost,
    finish_reason: r.finishReason,
    attempts,
    cached,
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
