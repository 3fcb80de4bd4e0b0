// The eval runner: a global concurrency limit over case × repeat jobs, retries with backoff, a
// response cache, streaming results that survive a kill, and resumption that requests only what
// is missing.
import { ExternalError, ProcessExitError } from "../../errors.js";
import { RESULT_LINE_TAG } from "../contracts/result-line.js";
import type { Clock, Logger, Progress, ResponseCache, CachedResponse, ResultsStore } from "../ports/index.js";
import type { PlannedJob } from "./plan.js";
import { ProviderError, type CompletionResult, type Provider } from "../ports/provider.js";
import { withRetries, type RetryPolicy } from "./retry.js";
import type { Scorer } from "./scorers/types.js";
import type { EvalRecord, MetricScore, RecordError } from "./types.js";

export interface Prices {
  prompt_per_1k: number;
  completion_per_1k: number;
}

export interface RunDeps {
  provider: Provider;
  cache: ResponseCache | null;
  store: ResultsStore;
  scorers: readonly Scorer[];
  clock: Clock;
  logger: Logger;
  progress: Progress;
  random: () => number;
  signal?: AbortSignal;
}

export interface RunOptions {
  concurrency: number;
  retry: RetryPolicy;
  prices: Prices | undefined;
}

export interface RunOutcome {
  records: EvalRecord[];
  requested: number;
  reused: number;
  fromCache: number;
  stale: number;
  retries: number;
}

export function costOf(prices: Prices | undefined, promptTokens: number | null, completionTokens: number | null): number | null {
  if (!prices || promptTokens === null || completionTokens === null) return null;
  return (promptTokens * prices.prompt_per_1k + completionTokens * prices.completion_per_1k) / 1000;
}

export function scoreOutput(scorers: readonly Scorer[], job: PlannedJob, r: CachedResponse, cost: number | null): Record<string, MetricScore> {
  const scores: Record<string, MetricScore> = {};
  for (const s of scorers) {
    try {
      const res = s.score({
        output: r.text,
        expected: job.evalCase.expected,
        vars: job.evalCase.vars,
        prompt: job.inputText,
        latencyMs: r.latencyMs,
        ttftMs: r.ttftMs,
        promptTokens: r.promptTokens,
        completionTokens: r.completionTokens,
        cost,
      });
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

function recordFor(job: PlannedJob, fields: Partial<Omit<EvalRecord, "schema">>): EvalRecord {
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

export async function runEval(jobs: readonly PlannedJob[], deps: RunDeps, opts: RunOptions): Promise<RunOutcome> {
  // A record's identity is (case id, repeat); its key says which request produced it. A record
  // whose key no longer matches the plan (prompt, target or params changed) is stale.
  const planned = new Map(jobs.map((j) => [identity(j.evalCase.id, j.repeat), j.key]));
  const existing = new Map<string, EvalRecord>();
  let stale = 0;
  for (const r of deps.store.load()) {
    const id = identity(r.case_id, r.repeat);
    if (planned.get(id) !== r.key) stale++;
    else existing.set(id, r); // last one wins
  }
  // Finished records are kept; errored ones are tried again.
  const todo = jobs.filter((j) => {
    const r = existing.get(identity(j.evalCase.id, j.repeat));
    return !r || r.error !== null;
  });
  const reused = jobs.length - todo.length;
  // Reused outputs are scored again with the scorers as configured now: scoring is pure and cheap,
  // and a changed scorer (threshold, options) must not need a single new request.
  for (const j of jobs) {
    const r = existing.get(identity(j.evalCase.id, j.repeat));
    if (!r || r.error !== null || r.output === null) continue;
    const response: CachedResponse = {
      text: r.output,
      finishReason: r.finish_reason,
      promptTokens: r.prompt_tokens,
      completionTokens: r.completion_tokens,
      ttftMs: r.ttft_ms,
      latencyMs: r.latency_ms ?? 0,
    };
    r.cost = costOf(opts.prices, r.prompt_tokens, r.completion_tokens);
    r.scores = scoreOutput(deps.scorers, j, response, r.cost);
  }
  if (reused > 0) deps.logger.info(`resuming: ${reused} of ${jobs.length} records already done, ${todo.length} to go`);
  if (stale > 0) deps.logger.warn(`${stale} record(s) in the results file do not belong to this suite as configured now (prompt, target or params changed); they will be dropped`);

  let next = 0;
  let done = reused;
  let errors = 0;
  let fromCache = 0;
  let retries = 0;
  let fatal: ProviderError | undefined;
  deps.progress.start(jobs.length, "eval");
  deps.progress.tick({ done, errors });

  const worker = async (): Promise<void> => {
    while (fatal === undefined && !deps.signal?.aborted) {
      const job = todo[next++];
      if (!job) return;
      let record: EvalRecord;
      const cached = deps.cache ? await deps.cache.get(job.key) : undefined;
      if (cached) {
        fromCache++;
        const cost = costOf(opts.prices, cached.promptTokens, cached.completionTokens);
        record = recordFor(job, success(cached, cost, deps.scorers, job, 0, true));
      } else {
        try {
          const { value, attempts } = await withRetries<CompletionResult>(
            () => deps.provider.complete(job.request, deps.signal),
            opts.retry,
            deps.clock,
            deps.random,
            (err, attempt, delay) => {
              retries++;
              deps.logger.debug(`case ${job.evalCase.id}#${job.repeat}: ${err.message}; retry ${attempt} in ${Math.round(delay)} ms`);
            },
          );
          const response: CachedResponse = { ...value };
          if (deps.cache) await deps.cache.set(job.key, response);
          const cost = costOf(opts.prices, value.promptTokens, value.completionTokens);
          record = recordFor(job, success(response, cost, deps.scorers, job, attempts, false));
        } catch (err) {
          if (!(err instanceof ProviderError)) throw err;
          if (err.fatal) {
            fatal ??= err;
            return;
          }
          const attempts = (err as ProviderError & { attempts?: number }).attempts ?? 1;
          const error: RecordError = { kind: err.kind === "auth" || err.kind === "not_found" || err.kind === "refused" ? "http" : err.kind, message: err.message };
          if (err.status !== undefined) error.status = err.status;
          record = recordFor(job, { error, attempts });
          errors++;
        }
      }
      deps.store.append(record);
      existing.set(identity(job.evalCase.id, job.repeat), record);
      done++;
      deps.progress.tick({ done, errors });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  } finally {
    deps.progress.stop();
  }

  const records = jobs.map((j) => existing.get(identity(j.evalCase.id, j.repeat))).filter((r): r is EvalRecord => r !== undefined);
  deps.store.finalize(records);
  if (deps.signal?.aborted) {
    // Ctrl-C / SIGTERM: say so (not "request cancelled"), keep what is done, exit like a cancelled training run (1).
    const reason = deps.signal.reason instanceof Error ? deps.signal.reason.message : "interrupted";
    throw new ProcessExitError(`eval ${reason} — stopped after ${done} of ${jobs.length} records (those are saved)`, null, null, {
      hint: "run the same command again to resume; only the missing records are requested",
    });
  }
  if (fatal) {
    throw new ExternalError(`${fatal.message} — stopped after ${done} of ${jobs.length} records (those are saved; run the same command again to resume)`, {
      ...(fatal.opts.hint ? { hint: fatal.opts.hint } : {}),
    });
  }
  return { records, requested: todo.length - fromCache, reused, fromCache, stale, retries };
}

function success(r: CachedResponse, cost: number | null, scorers: readonly Scorer[], job: PlannedJob, attempts: number, cached: boolean): Partial<Omit<EvalRecord, "schema">> {
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

function identity(caseId: string, repeat: number): string {
  return `${caseId}\u0000${repeat}`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
