// runEval through its public signature with fake ports (provider, results store, clock, logger,
// progress): which provider answers are retried, which are recorded on the case, which stop the
// run — and that a resumed run asks only for what is missing.
import { describe, expect, it } from "vitest";
import type { EvalRecord } from "../contracts/result-line.js";
import type { Clock, Logger, Progress, RecordLocation, ResultsStore } from "../ports/index.js";
import { ProviderError, type CompletionRequest, type CompletionResult, type Provider } from "../ports/provider.js";
import { ExternalError } from "../../errors.js";
import type { PlannedJob } from "./plan.js";
import type { RunPlan } from "./run-plan.js";
import { runEval, type RunOptions } from "./runner.js";

/** An in-memory results store: offsets are indices into `lines`. */
class MemoryStore implements ResultsStore {
  lines: EvalRecord[] = [];
  final: EvalRecord[] | undefined;
  mayHoldRecords(): boolean {
    return this.lines.length > 0;
  }
  load(each: (record: EvalRecord, at: RecordLocation) => void): void {
    this.lines.forEach((r, i) => each(structuredClone(r), { offset: i, length: 1 }));
  }
  append(record: EvalRecord): RecordLocation {
    this.lines.push(structuredClone(record));
    return { offset: this.lines.length - 1, length: 1 };
  }
  async finalize<L extends RecordLocation>(locations: Iterable<L> | AsyncIterable<L>, map: (record: EvalRecord, at: L) => EvalRecord): Promise<void> {
    const final: EvalRecord[] = [];
    for await (const at of locations) final.push(map(structuredClone(this.lines[at.offset]!), at));
    this.final = final;
    this.lines = final.map((r) => structuredClone(r));
  }
}

/** Virtual time: a sleep moves the clock on at once, so backoffs cost nothing and are recorded. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

const logger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, debug: (m) => void lines.push(`debug ${m}`), info: (m) => void lines.push(`info ${m}`), warn: (m) => void lines.push(`warn ${m}`), error: (m) => void lines.push(`error ${m}`), group: (_n, fn) => fn() };
};
const progress: Progress = { start() {}, tick() {}, stop() {} };

/** A provider that answers each case by its script: an Error to throw, or the text to answer. */
class ScriptedProvider implements Provider {
  readonly baseUrl = "http://127.0.0.1:1/v1";
  calls: string[] = [];
  /** Virtual time of each call. */
  at: number[] = [];
  clock: Clock | undefined;
  constructor(private readonly scripts: Record<string, (ProviderError | string)[]>) {}
  async complete(req: CompletionRequest): Promise<CompletionResult> {
    const id = req.messages![0]!.content;
    this.calls.push(id);
    this.at.push(this.clock?.now() ?? 0);
    const next = this.scripts[id]!.shift() ?? "ok";
    if (next instanceof ProviderError) throw next;
    return { text: next, finishReason: "stop", promptTokens: 1, completionTokens: 1, ttftMs: null, latencyMs: 5 };
  }
}

/** The plan runEval takes, over jobs built here (one repeat per case). */
function plan(jobs: PlannedJob[]): RunPlan {
  return {
    size: jobs.length,
    cases: jobs.length,
    repeats: 1,
    indexOf: (caseId, repeat) => (repeat === 0 ? jobs.findIndex((j) => j.evalCase.id === caseId) : -1),
    plannedCases: async function* () {
      for (const j of jobs) yield j.evalCase;
    },
    jobs: async function* () {
      for (const j of jobs) yield j;
    },
    releaseIndex: () => 0,
  };
}

function job(id: string, index: number): PlannedJob {
  const request: CompletionRequest = { api: "chat", model: "m", messages: [{ role: "user", content: id }], params: {}, stream: false };
  return { index, caseIndex: index, evalCase: { id, input: id, vars: {}, expected: "ok", tags: [] }, repeat: 0, key: `k-${id}`, inputHash: `h-${id}`, inputText: id, request };
}

const opts: RunOptions = {
  concurrency: 2,
  retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
  prices: undefined,
  deadlines: { connectMs: 1e9, headersMs: 1e9, firstTokenMs: 1e9, idleMs: 1e9, totalMs: 1e9, adaptive: false },
  hedge: false,
};

function deps(provider: ScriptedProvider, store = new MemoryStore()) {
  const clock = fakeClock();
  provider.clock = clock;
  return { provider, cache: null, store, scorers: [], clock, logger: logger(), progress, random: () => 0 };
}

const err = {
  e429: () => new ProviderError("429", "http", { status: 429, retryable: true, retryAfterMs: 700 }),
  e500: () => new ProviderError("500", "http", { status: 500, retryable: true }),
  reset: () => new ProviderError("reset", "network", { retryable: true }),
  timeout: () => new ProviderError("timeout", "timeout", { retryable: true }),
  cut: () => new ProviderError("cut", "truncated", { retryable: true }),
  e400: () => new ProviderError("400", "bad_request", { status: 400, retryable: false }),
  e401: () => new ProviderError("401", "auth", { status: 401, retryable: false, fatal: true, hint: "check MODEL_KEY" }),
  e404: () => new ProviderError("404", "not_found", { status: 404, retryable: false, fatal: true }),
  refused: () => new ProviderError("refused", "refused", { retryable: true, fatal: true, maxAttempts: 3 }),
};

describe("runEval with fake ports: the response table", () => {
  // answer → how the case ends: "retried" (then answered), "recorded" (an error on the case), "stops".
  it.each([
    ["429 (Retry-After honoured)", [err.e429()], "retried", { kind: null, attempts: 2 }],
    ["500", [err.e500()], "retried", { kind: null, attempts: 2 }],
    ["connection reset", [err.reset(), err.reset()], "retried", { kind: null, attempts: 3 }],
    ["deadline", [err.timeout()], "retried", { kind: null, attempts: 2 }],
    ["truncated body", [err.cut()], "retried", { kind: null, attempts: 2 }],
    ["500 on every attempt", [err.e500(), err.e500(), err.e500()], "recorded", { kind: "http", attempts: 3 }],
    ["400", [err.e400()], "recorded", { kind: "bad_request", attempts: 1 }],
  ] as const)("%s → %s", async (_what, script, how, expected) => {
    const provider = new ScriptedProvider({ a: [...script], b: [] });
    const d = deps(provider);
    const out = await runEval(plan([job("a", 0), job("b", 1)]), d, opts);
    const a = d.store.final!.find((r) => r.case_id === "a")!;
    expect({ kind: a.error?.kind ?? null, attempts: a.attempts }).toEqual(expected);
    expect(a.output).toBe(how === "retried" ? "ok" : null);
    expect(out.records).toBe(2);
    expect(out.retries).toBe(expected.attempts - 1);
    expect(provider.calls.filter((c) => c === "a")).toHaveLength(expected.attempts);
    // backoff with random() = 0 is half the base delay (50 ms); a Retry-After of 700 ms is waited out
    const aAt = provider.at.filter((_, i) => provider.calls[i] === "a");
    for (let i = 1; i < aAt.length; i++) expect(aAt[i]! - aAt[i - 1]!).toBeGreaterThanOrEqual(_what.startsWith("429") ? 700 : 50);
  });

  it.each([
    ["401", err.e401(), ["a"], "no record was completed (0 of 2)", "check MODEL_KEY"],
    ["404", err.e404(), ["a"], "no record was completed (0 of 2)", undefined],
    // retried first (a server restarting); b uses the free slot while a waits
    ["connection refused, after its own 3 attempts", err.refused(), ["a", "b", "a", "a"], "stopped after 1 of 2 records (those are saved; run the same command again to resume)", undefined],
  ] as const)("%s stops the run: an ExternalError that says how far it got", async (_what, e, calls, progressText, hint) => {
    const provider = new ScriptedProvider({ a: [e, e, e], b: [] });
    const d = deps(provider);
    const run = runEval(plan([job("a", 0), job("b", 1)]), d, { ...opts, concurrency: 1 });
    const thrown = await run.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(thrown).toBeInstanceOf(ExternalError);
    expect((thrown as ExternalError).message).toBe(`${e.message} — ${progressText}`);
    expect((thrown as ExternalError).hint).toBe(hint);
    expect([...provider.calls].sort()).toEqual([...calls].sort()); // the order of a's retries and b is the scheduler's
    // what was done is kept: b's record when it ran, never a record for the case that stopped the run
    expect(d.store.final!.map((r) => r.case_id)).toEqual((calls as readonly string[]).includes("b") ? ["b"] : []);
  });

  it("a resumed run sends only what is missing or failed, and keeps the finished records", async () => {
    const store = new MemoryStore();
    const first = new ScriptedProvider({ a: [], b: [err.e400()], c: [] });
    await runEval(plan([job("a", 0), job("b", 1), job("c", 2)]), deps(first, store), opts);
    expect(store.final!.map((r) => [r.case_id, r.error?.kind ?? null])).toEqual([["a", null], ["b", "bad_request"], ["c", null]]);
    const again = new ScriptedProvider({ a: [], b: [], c: [], d: [] });
    const d = deps(again, store);
    const out = await runEval(plan([job("a", 0), job("b", 1), job("c", 2), job("d", 3)]), d, opts);
    expect(again.calls.sort()).toEqual(["b", "d"]);
    expect(out).toMatchObject({ records: 4, requested: 2, reused: 2, stale: 0 });
    expect(store.final!.map((r) => [r.case_id, r.output])).toEqual([["a", "ok"], ["b", "ok"], ["c", "ok"], ["d", "ok"]]);
    expect(d.logger.lines).toContain("info resuming: 2 of 4 records already done, 2 to go");
  });
});
