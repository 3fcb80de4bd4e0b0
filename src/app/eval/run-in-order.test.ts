// A fresh run writes its final results.jsonl in plan order while the records come (no rewrite
// from disk), with the real JsonlResultsStore: answers arriving out of order, a job retrying long
// enough that the in-order feed gives up (the rewrite takes over and no record is summarised
// twice), and a run stopped midway — each gives the file and the summary order the rewrite gives.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonlResultsStore } from "../../adapters/fs/jsonl-results-store.js";
import type { EvalRecord } from "../../core/contracts/result-line.js";
import type { PlannedJob } from "../../core/eval/plan.js";
import type { RunPlan } from "../../core/eval/run-plan.js";
import { runEval, type RunOptions } from "../../core/eval/runner.js";
import { systemClock, type Logger, type Progress } from "../../core/ports/index.js";
import { ProviderError, type CompletionRequest, type CompletionResult, type Provider } from "../../core/ports/provider.js";

function job(index: number): PlannedJob {
  const id = `c${index}`;
  const request: CompletionRequest = { api: "chat", model: "m", messages: [{ role: "user", content: id }], params: {}, stream: false };
  return { index, caseIndex: index, evalCase: { id, input: id, vars: {}, expected: "ok", tags: [] }, repeat: 0, key: `k-${id}`, inputHash: `h-${id}`, inputText: id, request };
}

function plan(n: number): RunPlan {
  const jobs = Array.from({ length: n }, (_, i) => job(i));
  return {
    size: n,
    cases: n,
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

/** Answers after a delay that varies by case (so answers overtake each other); `failFirst` cases fail once with a retryable error. */
class OutOfOrderProvider implements Provider {
  readonly baseUrl = "http://127.0.0.1:1/v1";
  private failed = new Set<string>();
  constructor(
    private readonly failFirst: ReadonlySet<string> = new Set(),
    private readonly onCall: (n: number) => void = () => {},
  ) {}
  private calls = 0;
  async complete(req: CompletionRequest): Promise<CompletionResult> {
    const id = req.messages![0]!.content;
    this.onCall(++this.calls);
    const i = Number(id.slice(1));
    await new Promise((r) => setTimeout(r, (i * 7) % 5));
    if (this.failFirst.has(id) && !this.failed.has(id)) {
      this.failed.add(id);
      throw new ProviderError("busy", "http", { status: 503, retryable: true });
    }
    return { text: `out ${id}`, finishReason: "stop", promptTokens: 1, completionTokens: 2, ttftMs: null, latencyMs: i % 13 };
  }
}

const logger: Logger = { debug() {}, info() {}, warn() {}, error() {}, group: (_n, fn) => fn() };
const progress: Progress = { start() {}, tick() {}, stop() {} };

function options(baseDelayMs: number): RunOptions {
  return {
    concurrency: 16,
    retry: { maxAttempts: 3, baseDelayMs, maxDelayMs: baseDelayMs },
    prices: undefined,
    deadlines: { connectMs: 1e9, headersMs: 1e9, firstTokenMs: 1e9, idleMs: 1e9, totalMs: 1e9, adaptive: false },
    hedge: false,
  };
}

async function run(n: number, provider: Provider, baseDelayMs = 1, signal?: AbortSignal) {
  const dir = mkdtempSync(join(tmpdir(), "in-order-"));
  // A file a killed run left half-written is removed, not kept.
  writeFileSync(join(dir, "results.jsonl.ordered-999999999"), "{half");
  const store = new JsonlResultsStore(join(dir, "results.jsonl"));
  const summarised: string[] = [];
  let error: unknown;
  try {
    await runEval(plan(n), { provider, cache: null, store, scorers: [], clock: systemClock, logger, progress, random: () => 0.5, summary: { add: (r: EvalRecord) => void summarised.push(r.case_id) }, ...(signal ? { signal } : {}) }, options(baseDelayMs));
  } catch (err) {
    error = err;
  }
  const lines = readFileSync(join(dir, "results.jsonl"), "utf8").trimEnd().split("\n").filter(Boolean);
  return { dir, error, summarised, records: lines.map((l) => JSON.parse(l) as EvalRecord), lines, files: readdirSync(dir).sort() };
}

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `c${from + i}`);

describe("a fresh run's results in plan order as they come", () => {
  it("answers out of order: the file and the summary are in plan order, each record once, nothing left over", async () => {
    const r = await run(300, new OutOfOrderProvider());
    expect(r.error).toBeUndefined();
    expect(r.records.map((x) => x.case_id)).toEqual(ids(0, 300));
    expect(r.summarised).toEqual(ids(0, 300));
    expect(r.records[7]!.output).toBe("out c7");
    expect(r.files).toEqual(["results.jsonl"]);
    // The same bytes the appended line had: one writer for both.
    expect(r.lines[5]).toBe(JSON.stringify(r.records[5]));
  });

  it("a job retrying while more than the held limit completes: the feed gives up, the rewrite takes over, nothing summarised twice", async () => {
    // c10 fails once and waits 2.5 s to retry while the 4,500 jobs after it complete (the limit is 4,096 held).
    const r = await run(4600, new OutOfOrderProvider(new Set(["c10"])), 2500);
    expect(r.error).toBeUndefined();
    expect(r.records.map((x) => x.case_id)).toEqual(ids(0, 4600));
    expect(r.summarised).toEqual(ids(0, 4600));
    expect(r.records[10]!.retries).toEqual({ "5xx": 1 });
    expect(r.files).toEqual(["results.jsonl"]);
  }, 30_000);

  it("a run stopped midway: the records done are kept in plan order and summarised once, no in-order file is left", async () => {
    const ac = new AbortController();
    const r = await run(2000, new OutOfOrderProvider(new Set(), (n) => n === 700 && ac.abort(new Error("interrupted"))), 1, ac.signal);
    expect(String(r.error)).toMatch(/interrupted/);
    const got = r.records.map((x) => Number(x.case_id.slice(1)));
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(2000);
    expect(got).toEqual([...got].sort((a, b) => a - b));
    expect(r.summarised).toEqual(r.records.map((x) => x.case_id));
    expect(r.files).toEqual(["results.jsonl"]);
    expect(existsSync(join(r.dir, ".lock"))).toBe(false);
  });
});
