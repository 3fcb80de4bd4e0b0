// The jobs of one run as a stream over the suite's cases: which cases it plans (--limit, then
// --shard), how many jobs that makes, and where a record of (case id, repeat) belongs — all without
// holding a case or a job. Job i is the planned case ⌊i / repeats⌋'s repeat i mod repeats.
import { ConfigError } from "../../errors.js";
import type { CaseSet } from "./case-set.js";
import { take } from "./case-set.js";
import type { EvalCase } from "./cases.js";
import type { JobPlanner, PlannedJob } from "./plan.js";
import type { ShardSpec } from "./shard.js";

export interface RunPlan {
  /** Jobs in the plan: planned cases × repeats. */
  size: number;
  cases: number;
  repeats: number;
  /** The plan index of (case id, repeat), or -1 when this run does not plan it. */
  indexOf(caseId: string, repeat: number): number;
  /** The planned cases in order, read again on every call. */
  plannedCases(): AsyncIterable<EvalCase>;
  /** The jobs in plan order, each case rendered as it is read. */
  jobs(): AsyncIterable<PlannedJob>;
  /**
   * Drop the case id → index table when nothing will call indexOf again (a fresh run with only
   * local scorers, and no other plan over the same cases to come); returns the bytes it held.
   */
  releaseIndex(): number;
}

export interface CaseSelection {
  /** Only the first `limit` cases of the suite. */
  limit?: number;
  shard?: ShardSpec;
}

export function planRun(cases: CaseSet, planner: JobPlanner, select: CaseSelection): RunPlan {
  const limited = select.limit === undefined ? cases.count : Math.max(0, Math.min(cases.count, select.limit));
  const shard = select.shard;
  // Case s (0-based) is in shard (s mod N) + 1, as the ⌊s / N⌋-th case of that shard.
  const planned = shard ? Math.max(0, Math.ceil((limited - (shard.index - 1)) / shard.count)) : limited;
  const ordinalOf = (s: number): number => {
    if (s < 0 || s >= limited) return -1;
    if (!shard) return s;
    return s % shard.count === shard.index - 1 ? Math.floor(s / shard.count) : -1;
  };
  const repeats = planner.repeats;
  // Every case (no --limit): the stream itself, without one more generator's promise a case.
  const suiteCases = (): AsyncIterable<EvalCase> => (limited < cases.count ? take(cases.stream(), limited) : cases.stream());
  async function* plannedCases(): AsyncIterable<EvalCase> {
    let s = 0;
    let n = 0;
    for await (const c of suiteCases()) {
      if (ordinalOf(s++) >= 0) {
        n++;
        yield c;
      }
    }
    if (n !== planned) throw changedWhileReading(n, planned);
  }
  return {
    size: planned * repeats,
    cases: planned,
    repeats,
    indexOf(caseId, repeat) {
      if (!Number.isInteger(repeat) || repeat < 0 || repeat >= repeats) return -1;
      const ordinal = ordinalOf(cases.ids.get(caseId));
      return ordinal < 0 ? -1 : ordinal * repeats + repeat;
    },
    plannedCases,
    releaseIndex() {
      const bytes = cases.ids.bytes;
      cases.ids.release();
      return bytes;
    },
    // plannedCases inlined (one generator, not two, between the case file and the runner: each is
    // a promise and an iterator result a case), and a loop rather than yield* over the case's jobs
    // (yield* over an array in an async generator wraps it in one more async iterator).
    async *jobs() {
      let s = 0;
      let ordinal = 0;
      for await (const c of suiteCases()) {
        if (ordinalOf(s++) < 0) continue;
        for (const job of planner.jobsFor(c, ordinal++)) yield job;
      }
      if (ordinal !== planned) throw changedWhileReading(ordinal, planned);
    },
  };
}

function changedWhileReading(read: number, planned: number): ConfigError {
  return new ConfigError(`the cases changed while the run was reading them (${read} planned cases read, ${planned} when the suite was loaded)`, { hint: "do not rewrite the case file during a run; run again" });
}
