// The eval runner: a global concurrency limit over case × repeat jobs, retries with backoff, a
// response cache, streaming results that survive a kill, and resumption that requests only what
// is missing.
import { ExternalError, ProcessExitError } from "../../errors.js";
import type { Clock, Logger, Progress, ResponseCache, CachedResponse, ResultsStore } from "../ports/index.js";
import type { PlannedJob } from "./plan.js";
import type { Provider } from "../ports/provider.js";
import type { DeadlinePolicy } from "./deadlines.js";
import { LiveRun } from "./live-run.js";
import { completionOf, costOf, scoreInputOf, scoreOutput, type Prices } from "./record.js";
import { prepareRemoteScores, type RemoteDeps, type RemoteOptions, type RemoteUsage } from "./judge/remote.js";
import type { ScoreInput } from "./scorers/types.js";
import type { RetryPolicy } from "./retry.js";
import type { Scorer } from "./scorers/types.js";
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

export async function runEval(jobs: readonly PlannedJob[], deps: RunDeps, opts: RunOptions): Promise<RunOutcome> {
  // A record's identity is (case id, repeat); its key says which request produced it. A record
  // whose key no longer matches the plan (prompt, target or params changed) is stale. Per job the
  // runner keeps where its record lies on disk and what state it is in, never the record itself.
  const jobAt = new Map<string, number>();
  jobs.forEach((j, i) => jobAt.set(identity(j.evalCase.id, j.repeat), i));
  const where = new Float64Array(jobs.length * 2).fill(-1);
  const state = new Uint8Array(jobs.length);
  let stale = 0;
  // Records for cases (or repeats) this run does not plan: a --limit, or a suite that lost cases.
  let outside = 0;
  deps.store.load((r, at) => {
    const i = jobAt.get(identity(r.case_id, r.repeat));
    if (i === undefined || jobs[i]!.key !== r.key) {
      if (i === undefined) outside++;
      else stale++;
      return;
    }
    where[2 * i] = at.offset; // the last one wins
    where[2 * i + 1] = at.length;
    state[i] = r.error === null ? DONE_BEFORE : FAILED_BEFORE;
  });
  // Finished records are kept; errored ones are tried again.
  const todo = jobs.filter((_, i) => state[i] !== DONE_BEFORE);
  const reused = jobs.length - todo.length;
  if (reused > 0) deps.logger.info(`resuming: ${reused} of ${jobs.length} records already done, ${todo.length} to go`);
  if (stale > 0) deps.logger.warn(`${stale} record(s) in the results file were produced by other requests (the prompt, target or params changed); they will be dropped`);
  if (outside > 0) deps.logger.warn(`${outside} record(s) in the results file are for cases or repeats outside this run (--limit, or cases removed from the suite); this run's results file will not hold them`);
  stale += outside;

  const live = new LiveRun(todo, deps, opts, { done: reused, total: jobs.length });
  deps.progress.start(jobs.length, "eval");
  deps.progress.tick(live.progressUpdate());
  try {
    await live.run((job, at) => {
      const i = jobAt.get(identity(job.evalCase.id, job.repeat))!;
      where[2 * i] = at.offset;
      where[2 * i + 1] = at.length;
      state[i] = WRITTEN_NOW;
    });
  } finally {
    deps.progress.stop();
  }
  const { done, fatal } = live;

  // Judges and embeddings: every output is known now; their requests go out before the records
  // are scored for the last time, so each record (new or reused) carries its verdicts.
  const hasRemote = deps.scorers.some((s) => s.remote !== undefined);
  let remote = new Map<string, RemoteUsage>();
  if (hasRemote && !deps.signal?.aborted && !fatal) {
    if (!deps.remote) throw new ExternalError("this suite has judge or embedding scorers, but no way to reach their models was given");
    const samples: ScoreInput[] = [];
    deps.store.load((r, at) => {
      const i = jobAt.get(identity(r.case_id, r.repeat));
      if (i === undefined || where[2 * i] !== at.offset || r.error !== null || r.output === null) return;
      samples.push(scoreInputOf(jobs[i]!, completionOf(r), r.cost));
    });
    remote = await prepareRemoteScores(samples, deps.scorers, { ...deps.remote.deps, ...(deps.signal ? { signal: deps.signal } : {}) }, deps.remote.opts);
  }

  // The file is rewritten in plan order, one record at a time: reused outputs are scored again with
  // the scorers as configured now (scoring is pure and cheap, and a changed scorer must not need a
  // single new request), and every final record feeds the summary on its way through.
  function* locations() {
    for (let i = 0; i < jobs.length; i++) if (where[2 * i]! >= 0) yield { offset: where[2 * i]!, length: where[2 * i + 1]!, index: i };
  }
  let kept = 0;
  deps.store.finalize(
    locations(),
    (r, i) => {
      kept++;
      if ((state[i] !== WRITTEN_NOW || hasRemote) && r.error === null && r.output !== null) {
        const response: CachedResponse = completionOf(r);
        r.cost = costOf(opts.prices, r.prompt_tokens, r.completion_tokens);
        r.scores = scoreOutput(deps.scorers, jobs[i]!, response, r.cost);
      }
      deps.summary?.add(r);
      return r;
    },
    stale > 0,
  );
  if (deps.signal?.aborted) {
    // Ctrl-C / SIGTERM: say so (not "request cancelled"), keep what is done, exit like a cancelled training run (1).
    const reason = deps.signal.reason instanceof Error ? deps.signal.reason.message : "interrupted";
    throw new ProcessExitError(`eval ${reason} — ${done === 0 ? `before any of the ${jobs.length} records was done` : `stopped after ${done} of ${jobs.length} records (those are saved)`}`, null, null, {
      hint: "run the same command again to resume; only the missing records are requested",
    });
  }
  if (fatal) {
    const progress = done === 0 ? `no record was completed (0 of ${jobs.length})` : `stopped after ${done} of ${jobs.length} records (those are saved; run the same command again to resume)`;
    throw new ExternalError(`${fatal.message} — ${progress}`, {
      ...(fatal.opts.hint ? { hint: fatal.opts.hint } : {}),
    });
  }
  return {
    records: kept,
    requested: todo.length - live.fromCache,
    reused,
    fromCache: live.fromCache,
    stale,
    retries: live.retries,
    deadlines: live.requestsSent > 0 ? { ...live.watch.deadlines.snapshot(), adaptive: opts.deadlines.adaptive } : undefined,
    remote,
  };
}

function identity(caseId: string, repeat: number): string {
  return `${caseId}\u0000${repeat}`;
}

