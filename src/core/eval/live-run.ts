// The requests of one eval run in flight: a concurrency limit over attempts (not jobs, so a job
// waiting to retry holds no slot), per-phase deadlines through one watchdog loop, hedged copies of
// silent requests, retries by cause, and one listener on the caller's abort signal however many
// requests are in flight.
import { AdaptiveDeadlines, HedgeLost } from "./deadlines.js";
import type { PlannedJob } from "./plan.js";
import { ProviderError, type CompletionResult } from "../ports/provider.js";
import { backoffDelay } from "./retry.js";
import { RequestWatch, type WatchedRequest } from "./request-watch.js";
import { costOf, recordFor, success } from "./record.js";
import type { RunDeps, RunOptions } from "./runner.js";
import type { RecordLocation } from "../ports/results-store.js";
import type { DeadlinePhase, EvalRecord, RecordError, RetryCause } from "./types.js";

/** How often the watchdog looks at requests in flight (deadline resolution). */
const SWEEP_MS = 50;

interface JobState {
  job: PlannedJob;
  attempts: number;
  /** Made when the first failure of each kind happens (most jobs have none). */
  retries: Partial<Record<RetryCause, number>> | undefined;
  abandoned: Partial<Record<DeadlinePhase, number>> | undefined;
  hedge: { sent: number; won: boolean; extra_prompt_tokens: number; extra_completion_tokens: number } | undefined;
  /** The cause of the last failure while the job waits or retries; undefined otherwise. */
  retrying: RetryCause | undefined;
  readyAt: number;
}

type Outcome = { value: CompletionResult } | { error: ProviderError };

export function retryCause(err: ProviderError): RetryCause {
  if (err.failure === "timeout") return "deadline";
  if (err.status === 429) return "429";
  if (err.failure === "http") return "5xx";
  if (err.failure === "truncated") return "truncated";
  if (err.failure === "network" || err.failure === "refused") return "reset";
  return "other";
}

export class LiveRun {
  readonly watch: RequestWatch;
  done: number;
  errors = 0;
  fromCache = 0;
  retries = 0;
  requestsSent = 0;
  fatal: ProviderError | undefined;
  private active = 0;
  private pending: number;
  private hedgesInFlight = 0;
  private readonly ready: JobState[] = [];
  private readonly waiting = new Set<JobState>();
  private readonly retrying = new Map<RetryCause, number>();
  private readonly hedgeCap: number;
  private stopped = false;
  private wake: (() => void) | undefined;
  private failed: unknown;

  /** Jobs read ahead of the slots, so a slot never waits on the case file. */
  private readonly buffered: PlannedJob[] = [];
  private filling = false;
  private sourceDone = false;

  /** `todo` streams the jobs to run (`count` of them), read ahead a few slots' worth at a time. */
  constructor(
    private readonly todo: AsyncIterator<PlannedJob>,
    count: number,
    private readonly deps: RunDeps,
    private readonly opts: RunOptions,
    progress: { done: number; total: number },
  ) {
    this.done = progress.done;
    this.pending = count;
    this.watch = new RequestWatch(new AdaptiveDeadlines(opts.deadlines), () => deps.clock.now());
    // Hedges add load: at most an eighth of the concurrency limit in flight at once.
    this.hedgeCap = Math.max(1, Math.ceil(opts.concurrency / 8));
  }

  progressUpdate(): { done: number; errors: number; retrying: Record<string, number> } {
    // Called once a record: nothing is copied while no job is retrying (the usual case).
    if (this.retryingNow === 0) return { done: this.done, errors: this.errors, retrying: {} };
    return { done: this.done, errors: this.errors, retrying: Object.fromEntries([...this.retrying].filter(([, n]) => n > 0)) };
  }

  /** Jobs waiting to retry or retrying now (the sum of `retrying`). */
  private retryingNow = 0;

  /** Run every job; `onRecord` is called once per job with its final record and where it was written. */
  async run(onRecord: (job: PlannedJob, at: RecordLocation & { text?: string }, record: EvalRecord) => void): Promise<void> {
    this.onRecord = onRecord;
    const outer = this.deps.signal;
    const onAbort = () => this.stop(outer?.reason);
    if (outer?.aborted) return;
    outer?.addEventListener("abort", onAbort, { once: true });
    try {
      this.pump();
      // One loop does all the timing: deadlines, hedges, and retries whose wait is over.
      while (!this.finished()) {
        let nextDue = this.deps.clock.now() + SWEEP_MS;
        for (const s of this.waiting) nextDue = Math.min(nextDue, s.readyAt);
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          void this.deps.clock.sleep(Math.max(0, Math.min(SWEEP_MS, nextDue - this.deps.clock.now()))).then(resolve);
        });
        this.wake = undefined;
        if (this.failed !== undefined) throw this.failed;
        this.watch.sweep();
        const now = this.deps.clock.now();
        for (const s of this.waiting) {
          if (s.readyAt <= now) {
            this.waiting.delete(s);
            this.ready.push(s);
          }
        }
        this.pump();
      }
      if (this.failed !== undefined) throw this.failed;
    } finally {
      outer?.removeEventListener("abort", onAbort);
      void this.todo.return?.(undefined);
    }
  }

  private onRecord: (job: PlannedJob, at: RecordLocation & { text?: string }, record: EvalRecord) => void = () => {};

  private finished(): boolean {
    if (this.failed !== undefined) return true;
    if (this.stopped) return this.active === 0;
    return this.pending === 0 || (this.sourceDone && this.buffered.length === 0 && this.active === 0 && this.ready.length === 0 && this.waiting.size === 0);
  }

  private stop(reason: unknown): void {
    this.stopped = true;
    this.watch.cancelAll(reason);
    this.wake?.();
  }

  private pump(): void {
    while (!this.stopped && this.active < this.opts.concurrency) {
      const s = this.ready.shift() ?? this.fresh();
      if (!s) return;
      this.active++;
      this.attempt(s).then(
        () => {
          this.active--;
          this.pump();
          if (this.finished()) this.wake?.();
        },
        (err: unknown) => {
          this.active--;
          this.failed ??= err;
          this.stop(err);
        },
      );
    }
  }

  private fresh(): JobState | undefined {
    if (this.buffered.length < this.opts.concurrency) this.refill();
    const job = this.buffered.shift();
    if (!job) return undefined;
    return { job, attempts: 0, retries: undefined, abandoned: undefined, hedge: undefined, retrying: undefined, readyAt: 0 };
  }

  /** Read ahead up to twice the concurrency (at least 64 jobs); wakes the pump when it has more. */
  private refill(): void {
    if (this.filling || this.sourceDone || this.stopped) return;
    this.filling = true;
    const want = Math.max(64, this.opts.concurrency * 2);
    const step = async () => {
      while (this.buffered.length < want && !this.stopped) {
        const n = await this.todo.next();
        if (n.done) {
          this.sourceDone = true;
          return;
        }
        this.buffered.push(n.value);
      }
    };
    step().then(
      () => {
        this.filling = false;
        this.pump();
        // The loop is woken only when the run may be over: a sweep of every request in flight
        // after each refill (tens a second) would cost more than the deadlines need.
        if (this.finished()) this.wake?.();
      },
      (err: unknown) => {
        this.filling = false;
        this.failed ??= err;
        this.stop(err);
      },
    );
  }

  private async attempt(s: JobState): Promise<void> {
    const { job } = s;
    if (s.attempts === 0 && this.deps.cache) {
      const cached = await this.deps.cache.get(job.key, job.request);
      if (cached) {
        this.fromCache++;
        const cost = costOf(this.opts.prices, cached.promptTokens, cached.completionTokens);
        this.finish(s, recordFor(job, success(cached, cost, this.deps.scorers, job, 0, true)));
        return;
      }
    }
    if (this.stopped) return;
    s.attempts++;
    const outcome = await this.send(s);
    if ("value" in outcome) {
      const { value } = outcome;
      if (this.deps.cache) await this.deps.cache.set(job.key, job.request, { ...value });
      const cost = costOf(this.opts.prices, value.promptTokens, value.completionTokens);
      const fields = success(value, cost, this.deps.scorers, job, s.attempts, false);
      // The usual record has no retries, abandoned attempts or hedges: nothing more to copy.
      if (s.retries || s.abandoned || s.hedge) Object.assign(fields, this.noise(s));
      this.finish(s, recordFor(job, fields));
      return;
    }
    const err = outcome.error;
    if (this.stopped) return; // cancelled with the run: nothing to record
    const mayRetry = err.retryable && s.attempts < Math.min(this.opts.retry.maxAttempts, err.opts.maxAttempts ?? Infinity);
    // A fatal failure that is also retryable (connection refused: a server restarting) gets its
    // retries first, and stops the run only when they are spent.
    if (err.fatal && !mayRetry) {
      this.fatal ??= err;
      this.stop(err);
      return;
    }
    if (mayRetry) {
      const cause = retryCause(err);
      s.retries ??= {};
      s.retries[cause] = (s.retries[cause] ?? 0) + 1;
      this.retries++;
      this.setRetrying(s, cause);
      const delay = backoffDelay(this.opts.retry, s.attempts, this.deps.random(), err.opts.retryAfterMs);
      this.deps.logger.debug(`case ${job.evalCase.id}#${job.repeat}: ${err.message}; retry ${s.attempts} in ${Math.round(delay)} ms`);
      // The slot is free at once; the job waits outside it and comes back first when its time is up.
      s.readyAt = this.deps.clock.now() + delay;
      this.waiting.add(s);
      this.wake?.(); // so the loop's next sleep ends when this wait does, not up to a sweep later
      this.deps.progress.tick(this.progressUpdate());
      return;
    }
    const error: RecordError = { kind: err.failure === "auth" || err.failure === "not_found" || err.failure === "refused" ? "http" : err.failure, message: err.message };
    if (err.status !== undefined) error.status = err.status;
    this.errors++;
    this.finish(s, recordFor(job, { error, attempts: s.attempts, ...this.noise(s) }));
  }

  private noise(s: JobState): Partial<EvalRecord> {
    return {
      ...(s.retries ? { retries: s.retries } : {}),
      ...(s.abandoned ? { abandoned: s.abandoned } : {}),
      ...(s.hedge ? { hedge: s.hedge } : {}),
    };
  }

  private finish(s: JobState, record: EvalRecord): void {
    this.setRetrying(s, undefined);
    this.onRecord(s.job, this.deps.store.append(record), record);
    this.pending--;
    this.done++;
    this.deps.progress.tick(this.progressUpdate());
  }

  private setRetrying(s: JobState, cause: RetryCause | undefined): void {
    if (s.retrying) {
      this.retrying.set(s.retrying, (this.retrying.get(s.retrying) ?? 1) - 1);
      this.retryingNow--;
    }
    s.retrying = cause;
    if (cause) {
      this.retrying.set(cause, (this.retrying.get(cause) ?? 0) + 1);
      this.retryingNow++;
    }
  }

  /**
   * One attempt: the request, and a hedged copy if it stays silent past the hedge delay. The
   * first answer wins and the other copy is cancelled; settles once every copy has, so what the
   * loser was billed is known before the record is written.
   */
  private send(s: JobState): Promise<Outcome> {
    const { request } = s.job;
    return new Promise<Outcome>((resolve) => {
      const copies: { r: WatchedRequest; hedge: boolean; settled: boolean }[] = [];
      let winner: { value: CompletionResult; hedge: boolean } | undefined;
      const failures: { primary?: ProviderError; hedge?: ProviderError } = {};
      const settleIfDone = () => {
        if (copies.some((c) => !c.settled)) return;
        if (winner) resolve({ value: winner.value });
        else resolve({ error: failures.primary ?? failures.hedge ?? new ProviderError("request failed", "network", { retryable: true }) });
      };
      const launch = (hedge: boolean) => {
        const onHedgeDue = !hedge && this.opts.hedge ? () => this.hedgeDue(launch) : undefined;
        const r = this.watch.begin(request.stream, onHedgeDue);
        const copy = { r, hedge, settled: false };
        copies.push(copy);
        this.requestsSent++;
        if (hedge) {
          this.hedgesInFlight++;
          s.hedge ??= { sent: 0, won: false, extra_prompt_tokens: 0, extra_completion_tokens: 0 };
          s.hedge.sent++;
        }
        this.deps.provider.complete(request, r.controller.signal, (ev) => this.watch.event(r, ev)).then(
          (value) => {
            this.watch.end(r, true);
            if (!winner) {
              winner = { value, hedge };
              if (s.hedge) s.hedge.won = hedge;
              for (const c of copies) if (c !== copy && !c.settled) c.r.controller.abort(new HedgeLost());
            } else if (s.hedge) {
              // Both answered: the loser was billed in full.
              s.hedge.extra_prompt_tokens += value.promptTokens ?? 0;
              s.hedge.extra_completion_tokens += value.completionTokens ?? 0;
            }
            this.settle(copy);
            settleIfDone();
          },
          (err: unknown) => {
            this.watch.end(r, false);
            if (r.controller.signal.reason instanceof HedgeLost) {
              // Cancelled because the other copy won: billed for the prompt if the server had
              // started answering, and for the tokens it had streamed.
              if (s.hedge && winner) {
                if (r.gotHeaders) s.hedge.extra_prompt_tokens += winner.value.promptTokens ?? 0;
                s.hedge.extra_completion_tokens += r.tokens;
              }
            } else {
              if (r.abandoned) {
                s.abandoned ??= {};
                s.abandoned[r.abandoned] = (s.abandoned[r.abandoned] ?? 0) + 1;
              }
              const pe = err instanceof ProviderError ? err : new ProviderError(err instanceof Error ? err.message : String(err), "network", { retryable: true });
              failures[hedge ? "hedge" : "primary"] ??= pe;
            }
            this.settle(copy);
            settleIfDone();
          },
        );
      };
      launch(false);
    });
  }

  private settle(copy: { hedge: boolean; settled: boolean }): void {
    copy.settled = true;
    if (copy.hedge) this.hedgesInFlight--;
  }

  /** Send the hedge unless the cap is reached (then the watch asks again at its next sweep). */
  private hedgeDue(launch: (hedge: boolean) => void): boolean {
    if (this.stopped || this.hedgesInFlight >= this.hedgeCap) return false;
    launch(true);
    return true;
  }
}
