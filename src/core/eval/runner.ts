// The eval runner: a global concurrency limit over case × repeat jobs streamed from the plan,
// retries with backoff, a response cache, streaming results that survive a kill, and resumption
// that requests only what is missing — in three steps: locateRecords, dispatch, finalizeResults.
import { ExternalError, ProcessExitError } from "../../errors.js";
import type { Clock, Logger, Progress, ResponseCache, CachedResponse, ResultsStore } from "../ports/index.js";
import type { RunPlan } from "./run-plan.js";
import type { PlannedJob } from "./plan.js";
import type { InOrderWriter, RecordLocation } from "../ports/results-store.js";
import type { Provider } from "../ports/provider.js";
import type { DeadlinePolicy } from "./deadlines.js";
import { LiveRun } from "./live-run.js";
import { completionOf, costOf, scoreInputOf, scoreOutput, type Prices } from "./record.js";
import { prepareRemoteScores, type RemoteDeps, type RemoteOptions, type RemoteUsage } from "./judge/remote.js";
import type { RetryPolicy } from "./retry.js";
import type { Scorer, ScoreInput } from "./scorers/types.js";
import type { DeadlinePhase, EvalRecord } from "./types.js";

export { costOf, scoreOutput, type Prices };

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
  /** Fed every final record, in plan order (the summary accumulator). */
  summary?: { add(record: EvalRecord): void };
  /** How scorers that ask another model (judges, embeddings) send their requests. */
  remote?: { deps: RemoteDeps; opts: RemoteOptions };
}

export interface RunOptions {
  concurrency: number;
  retry: RetryPolicy;
  prices: Prices | undefined;
  deadlines: DeadlinePolicy;
  /** Send a second copy of a request silent past the hedge delay (docs/evaluation.md). */
  hedge: boolean;
}

/** Job states while a run is under way. */
const DONE_BEFORE = 1;
const FAILED_BEFORE = 2;
const WRITTEN_NOW = 3;

export interface RunOutcome {
  /** Records in the results file. */
  records: number;
  requested: number;
  reused: number;
  fromCache: number;
  stale: number;
  retries: number;
  /** Deadlines in force at the end (ms); undefined when nothing was sent. */
  deadlines: (Record<DeadlinePhase, number> & { adaptive: boolean }) | undefined;
  /** Requests, cache hits, retries, tokens and cost of each remote scorer (judges, embeddings). */
  remote: Map<string, RemoteUsage>;
}

export async function runEval(plan: RunPlan, deps: RunDeps, opts: RunOptions): Promise<RunOutcome> {
  const found = await locateRecords(plan, deps);
  const reused = found.done;
  const todo = plan.size - reused;
  if (reused > 0) deps.logger.info(`resuming: ${reused} of ${plan.size} records already done, ${todo} to go`);
  if (found.stale > 0) deps.logger.warn(`${found.stale} record(s) in the results file were produced by other requests (the prompt, target or params changed); they will be dropped`);
  if (found.outside > 0) deps.logger.warn(`${found.outside} record(s) in the results file are for cases or repeats outside this run (--limit, or cases removed from the suite); this run's results file will not hold them`);
  const dropped = found.stale + found.outside;

  const hasRemote = deps.scorers.some((s) => s.remote !== undefined);
  // A run that found nothing on disk, with only local scorers, writes its final file in plan order
  // as the records come, feeding the summary on the way; the rewrite below is then not needed.
  const writer = found.fresh && !hasRemote ? deps.store.inOrder?.() : undefined;
  const inOrder = writer ? new InOrderFeed(writer, deps.summary, Math.max(IN_ORDER_MIN_HELD, 16 * opts.concurrency)) : undefined;
  let live: LiveRun;
  try {
    live = await dispatch(plan, found, todo, deps, opts, inOrder);
  } catch (err) {
    inOrder?.discard();
    throw err;
  }
  const { done, fatal } = live;
  const remote = hasRemote && !deps.signal?.aborted && !fatal ? await scoreRemotely(plan, found, deps) : new Map<string, RemoteUsage>();
  let kept: number;
  if (inOrder?.complete(plan.size)) {
    inOrder.commit();
    kept = plan.size;
  } else {
    // Records already fed to the summary (the in-order prefix) are not fed again.
    inOrder?.discard();
    kept = await finalizeResults(plan, found, deps, opts, dropped > 0, hasRemote, inOrder?.next ?? 0);
  }
  if (deps.signal?.aborted) {
    // Ctrl-C / SIGTERM: say so (not "request cancelled"), keep what is done, exit like a cancelled training run (1).
    const reason = deps.signal.reason instanceof Error ? deps.signal.reason.message : "interrupted";
    throw new ProcessExitError(`eval ${reason} — ${done === 0 ? `before any of the ${plan.size} records was done` : `stopped after ${done} of ${plan.size} records (those are saved)`}`, null, null, {
      hint: "run the same command again to resume; only the missing records are requested",
    });
  }
  if (fatal) {
    const progress = done === 0 ? `no record was completed (0 of ${plan.size})` : `stopped after ${done} of ${plan.size} records (those are saved; run the same command again to resume)`;
    throw new ExternalError(`${fatal.message} — ${progress}`, {
      ...(fatal.opts.hint ? { hint: fatal.opts.hint } : {}),
    });
  }
  return {
    records: kept,
    requested: todo - live.fromCache,
    reused,
    fromCache: live.fromCache,
    stale: dropped,
    retries: live.retries,
    deadlines: live.requestsSent > 0 ? { ...live.watch.deadlines.snapshot(), adaptive: opts.deadlines.adaptive } : undefined,
    remote,
  };
}

/**
 * Judges and embeddings: once every output is known, their requests go out (judge/remote.ts),
 * before the records are scored for the last time, so each record (new or reused) carries its
 * verdicts. Holds the successful records' outputs in memory: judged runs are judge-sized.
 */
async function scoreRemotely(plan: RunPlan, found: Located, deps: RunDeps): Promise<Map<string, RemoteUsage>> {
  if (!deps.remote) throw new ExternalError("this suite has judge or embedding scorers, but no way to reach their models was given");
  const { where } = found;
  const finals = new Map<number, EvalRecord>();
  deps.store.load((r, at) => {
    const i = plan.indexOf(r.case_id, r.repeat);
    if (i >= 0 && where[i] === at.offset && r.error === null && r.output !== null) finals.set(i, r);
  });
  const samples: ScoreInput[] = [];
  for await (const job of plan.jobs()) {
    const r = finals.get(job.index);
    if (r) samples.push(scoreInputOf(job, completionOf(r), r.cost));
  }
  return prepareRemoteScores(samples, deps.scorers, { ...deps.remote.deps, ...(deps.signal ? { signal: deps.signal } : {}) }, deps.remote.opts);
}

/**
 * Per job, where its record lies on disk and what state it is in — 13 bytes a job in typed
 * arrays, never the record. A record's identity is (case id, repeat); its key says which request
 * produced it, and one whose key no longer matches the plan (prompt, target or params changed) is
 * stale. The plan's keys are rendered (8 bytes a job, for this step only) only when records exist.
 */
interface Located {
  /** Nothing was on disk: no record to reuse, drop or keep aside. */
  fresh: boolean;
  /** The record's offset (-1: none yet); a Float64Array, so results files past 4 GiB are fine. */
  where: Float64Array;
  /** The record's length in bytes (a line is far below 4 GiB). */
  lengths: Uint32Array;
  state: Uint8Array;
  done: number;
  stale: number;
  /** Records for cases (or repeats) this run does not plan: a --limit, or a suite that lost cases. */
  outside: number;
}

async function locateRecords(plan: RunPlan, deps: RunDeps): Promise<Located> {
  const where = new Float64Array(plan.size).fill(-1);
  const lengths = new Uint32Array(plan.size);
  const state = new Uint8Array(plan.size);
  const found: Located = { fresh: true, where, lengths, state, done: 0, stale: 0, outside: 0 };
  if (!deps.store.mayHoldRecords()) return found;
  found.fresh = false;
  const keys = new Uint32Array(plan.size * 2);
  for await (const job of plan.jobs()) keyDigest(job.key, keys, job.index);
  const probe = new Uint32Array(2);
  deps.store.load((r, at) => {
    const i = plan.indexOf(r.case_id, r.repeat);
    if (i < 0) {
      found.outside++;
      return;
    }
    keyDigest(r.key, probe, 0);
    if (probe[0] !== keys[2 * i] || probe[1] !== keys[2 * i + 1]) {
      found.stale++;
      return;
    }
    where[i] = at.offset; // the last one wins
    lengths[i] = at.length;
    state[i] = r.error === null ? DONE_BEFORE : FAILED_BEFORE;
  });
  for (let i = 0; i < plan.size; i++) if (state[i] === DONE_BEFORE) found.done++;
  return found;
}

/** The first 64 bits of a hex sha256 key, at slot `i` of `out`. */
function keyDigest(key: string, out: Uint32Array, i: number): void {
  out[2 * i] = Number.parseInt(key.slice(0, 8), 16) >>> 0;
  out[2 * i + 1] = Number.parseInt(key.slice(8, 16), 16) >>> 0;
}

/** Send every job not already done, streaming the plan past the finished ones. */
async function dispatch(plan: RunPlan, found: Located, todo: number, deps: RunDeps, opts: RunOptions, inOrder: InOrderFeed | undefined): Promise<LiveRun> {
  const { where, lengths, state } = found;
  async function* pending() {
    for await (const job of plan.jobs()) if (state[job.index] !== DONE_BEFORE) yield job;
  }
  // With nothing done before, every job is pending: the plan's own stream, one generator fewer a job.
  const jobs = found.done === 0 ? plan.jobs() : pending();
  const live = new LiveRun(jobs[Symbol.asyncIterator](), todo, deps, opts, { done: found.done, total: plan.size });
  deps.progress.start(plan.size, "eval");
  deps.progress.tick(live.progressUpdate());
  try {
    await live.run((job, at, record) => {
      where[job.index] = at.offset;
      lengths[job.index] = at.length;
      state[job.index] = WRITTEN_NOW;
      inOrder?.add(job.index, record, at.text);
    });
  } finally {
    deps.progress.stop();
  }
  return live;
}

/**
 * The file is rewritten in plan order, one record at a time: reused outputs are scored again with
 * the scorers as configured now (scoring is pure and cheap, and a changed scorer or expected value
 * must not need a single new request), and every final record feeds the summary on its way through.
 */
async function finalizeResults(plan: RunPlan, found: Located, deps: RunDeps, opts: RunOptions, dropsRecords: boolean, hasRemote: boolean, summarisedBefore: number): Promise<number> {
  const { where, lengths, state } = found;
  // Records written by this run were scored as they came: only those from before need their job
  // (rendered again from the case); a run with none from before reads no case at all. Remote
  // scorers' verdicts arrived after the run's records were written: every record is scored again.
  const fromBefore = hasRemote || state.some((s) => s === DONE_BEFORE || s === FAILED_BEFORE);
  async function* locations(): AsyncIterable<RecordLocation & { index: number; job: PlannedJob | undefined }> {
    if (!fromBefore) {
      for (let i = 0; i < plan.size; i++) if (where[i]! >= 0) yield { offset: where[i]!, length: lengths[i]!, index: i, job: undefined };
      return;
    }
    for await (const job of plan.jobs()) {
      const i = job.index;
      if (where[i]! >= 0) yield { offset: where[i]!, length: lengths[i]!, index: i, job };
    }
  }
  let kept = 0;
  await deps.store.finalize(
    locations(),
    (r, { index, job }) => {
      kept++;
      // A record rescored is a new object (the store copies the line of one returned as given).
      let out = r;
      if (job !== undefined && (state[index] !== WRITTEN_NOW || hasRemote) && r.error === null && r.output !== null) {
        const response: CachedResponse = completionOf(r);
        const cost = costOf(opts.prices, r.prompt_tokens, r.completion_tokens);
        out = { ...r, cost, scores: scoreOutput(deps.scorers, job, response, cost) };
      }
      if (index >= summarisedBefore) deps.summary?.add(out);
      return out;
    },
    dropsRecords,
  );
  return kept;
}

/** Records held waiting for an earlier one before the in-order file is given up (at least). */
const IN_ORDER_MIN_HELD = 4096;

/**
 * Puts the records of a fresh run in plan order as they complete: each is written to the final
 * file and fed to the summary once every record before it was; records that come early wait, up to
 * `maxHeld` of them (a job retrying for long holds up the rest: then the feed gives up, and the
 * rewrite from disk takes over, summarising only the records past `next`).
 */
class InOrderFeed {
  /** Records written and summarised: jobs 0 … next − 1. */
  next = 0;
  /** Records that came early, with the line append() wrote for each. */
  private held = new Map<number, readonly [EvalRecord, string | undefined]>();
  private gaveUp = false;
  constructor(
    private readonly writer: InOrderWriter,
    private readonly summary: RunDeps["summary"],
    private readonly maxHeld: number,
  ) {}

  add(index: number, record: EvalRecord, text: string | undefined): void {
    if (this.gaveUp) return;
    if (index !== this.next) {
      this.held.set(index, [record, text]);
      if (this.held.size > this.maxHeld) {
        this.gaveUp = true;
        this.held = new Map();
      }
      return;
    }
    this.emit(record, text);
    for (let r = this.held.get(this.next); r !== undefined; r = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.emit(r[0], r[1]);
    }
  }

  /** Every one of the plan's `size` records was written. */
  complete(size: number): boolean {
    return !this.gaveUp && this.next === size;
  }

  commit(): void {
    this.writer.commit();
  }

  discard(): void {
    this.writer.discard();
  }

  private emit(record: EvalRecord, text: string | undefined): void {
    this.summary?.add(record);
    this.writer.write(record, text);
    this.next++;
  }
}
