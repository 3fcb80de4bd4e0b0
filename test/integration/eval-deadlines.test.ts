// Deadlines, hedging and abort listeners through the real eval stack (suite file, node:http
// provider, runner, summary) against the loopback server: a server that never sends headers, one
// that sends headers and then stalls, one that stalls mid-stream, and one that is slow but steady
// and must not be abandoned.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSuite } from "../../src/app/eval/run-suite.js";
import { noProgress, silentLogger } from "../../src/core/ports/index.js";
import type { EvalRecord, RunSummary } from "../../src/core/eval/types.js";
import { runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type Fault, type OpenAiTestServer, type ServedRequest } from "../support/openai-server.js";
import { writeSuite } from "../support/suites.js";
import { writeFileSync } from "node:fs";

let server: OpenAiTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const LONG = "one two three four five six seven eight nine ten";

/** Cases c00..c(n-1); the server answers LONG for every prompt. */
function writeCases(dir: string, n: number): void {
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `c${String(i).padStart(2, "0")}`, input: `q${i}`, expected: LONG }));
  writeFileSync(join(dir, "cases.jsonl"), `${lines.join("\n")}\n`);
}

const caseIndex = (r: ServedRequest) => Number(/q(\d+)/.exec(r.prompt)?.[1]);

async function run(dir: string, overrides: Record<string, unknown>) {
  const suitePath = writeSuite(dir, server!.baseUrl, { scorers: [{ type: "exact_match" }], retries: { max_attempts: 4, base_delay_ms: 5, max_delay_ms: 20 }, timeouts: {}, ...overrides });
  const t0 = performance.now();
  const r = await runSuite({ suitePath, cwd: dir, out: join(dir, "out"), noCache: true, env: {}, logger: silentLogger, progress: noProgress });
  const wallMs = performance.now() - t0;
  const records = readFileSync(r.resultsPath, "utf8").trim().split("\n").map((l) => JSON.parse(l) as EvalRecord);
  const summary = JSON.parse(readFileSync(r.summaryPath, "utf8")) as RunSummary;
  return { wallMs, records, summary };
}

/** The first attempt of every 10th case gets `fault`; every other request is answered. */
function faultEveryTenth(fault: Fault) {
  return (req: ServedRequest, attempt: number): Fault | undefined => (caseIndex(req) % 10 === 9 && attempt === 1 ? fault : undefined);
}

describe("deadlines", () => {
  it("a server that never sends headers: abandoned at the adaptive deadline (≈1 s), not the 60 s maximum, and retried", async () => {
    server = await startOpenAiTestServer({ latencyMs: 10, respond: () => LONG, faultFor: faultEveryTenth("hang") });
    const dir = tempDir();
    writeCases(dir, 40);
    const { wallMs, records, summary } = await run(dir, { concurrency: 4, hedge: false });
    expect(records).toHaveLength(40);
    expect(records.every((r) => r.error === null && r.output === LONG)).toBe(true);
    expect(summary.requests?.abandoned.headers).toBe(4);
    expect(summary.requests?.retries.deadline).toBe(4);
    expect(records.filter((r) => r.abandoned?.headers === 1).map((r) => r.case_id)).toEqual(["c09", "c19", "c29", "c39"]);
    // Answers took ~10 ms: the deadline sits at the 1 s floor, or a little above on a loaded machine, far below the maximum.
    expect(summary.requests?.deadlines_ms?.headers).toBeGreaterThanOrEqual(1000);
    expect(summary.requests?.deadlines_ms?.headers).toBeLessThan(10_000);
    expect(wallMs).toBeLessThan(15_000);
  }, 30_000);

  it("headers then silence: streaming hits the first-token deadline, non-streaming the idle one (pinned at 1 s)", async () => {
    server = await startOpenAiTestServer({ respond: () => LONG, faultFor: faultEveryTenth("stall") });
    const dir = tempDir();
    writeCases(dir, 20);
    const pinned = { headers_s: 1, first_token_s: 1, idle_s: 1, adaptive: false };
    const streamed = await run(dir, { concurrency: 4, hedge: false, timeouts: pinned });
    expect(streamed.records.every((r) => r.error === null)).toBe(true);
    expect(streamed.summary.requests?.abandoned).toMatchObject({ first_token: 2, headers: 0, idle: 0 });
    expect(streamed.summary.requests?.deadlines_ms).toMatchObject({ headers: 1000, first_token: 1000, idle: 1000, adaptive: false });

    await server.close();
    server = await startOpenAiTestServer({ respond: () => LONG, faultFor: faultEveryTenth("stall") });
    const dir2 = tempDir();
    writeCases(dir2, 20);
    const plain = await run(dir2, {
      concurrency: 4,
      hedge: false,
      timeouts: pinned,
      target: { base_url: server.baseUrl, model: "m", api: "chat", stream: false },
    });
    expect(plain.records.every((r) => r.error === null && r.output === LONG)).toBe(true);
    expect(plain.summary.requests?.abandoned).toMatchObject({ idle: 2, first_token: 0, headers: 0 });
  }, 30_000);

  it("a stream that stalls midway: abandoned at the idle deadline and retried", async () => {
    server = await startOpenAiTestServer({ respond: () => LONG, faultFor: faultEveryTenth("stall-mid") });
    const dir = tempDir();
    writeCases(dir, 20);
    const { records, summary } = await run(dir, { concurrency: 4, hedge: false, timeouts: { idle_s: 1, adaptive: false } });
    expect(records.every((r) => r.error === null && r.output === LONG)).toBe(true);
    expect(summary.requests?.abandoned.idle).toBe(2);
    // Half the stream had arrived: the retry's answer is whole, not stitched to the stalled half.
    expect(records.find((r) => r.case_id === "c09")?.output).toBe(LONG);
  }, 30_000);

  it("slow but steady is never abandoned: 10 tokens 300 ms apart among fast answers, adaptive deadlines and hedging on", async () => {
    server = await startOpenAiTestServer({ respond: () => LONG, chunkDelayMs: (r) => (caseIndex(r) >= 36 ? 300 : 0) });
    const dir = tempDir();
    writeCases(dir, 40);
    const { records, summary } = await run(dir, { concurrency: 4, hedge: true });
    expect(records.every((r) => r.error === null && r.attempts === 1 && r.output === LONG)).toBe(true);
    expect(records.filter((r) => (r.latency_ms ?? 0) > 2500)).toHaveLength(4);
    expect(summary.requests?.abandoned).toEqual({ connect: 0, headers: 0, first_token: 0, idle: 0, total: 0 });
    // A steady stream is alive: no hedge is sent for it.
    expect(summary.requests?.hedges.sent).toBe(0);
    expect(server.requests).toHaveLength(40);
  }, 30_000);

  it("the total deadline cuts off a request that streams for too long", async () => {
    server = await startOpenAiTestServer({ respond: () => LONG, chunkDelayMs: (r) => (caseIndex(r) === 0 ? 200 : 0) });
    const dir = tempDir();
    writeCases(dir, 3);
    const { records, summary } = await run(dir, { concurrency: 3, hedge: false, retries: { max_attempts: 1, base_delay_ms: 5, max_delay_ms: 20 }, timeouts: { request_s: 1 } });
    const slow = records.find((r) => r.case_id === "c00")!;
    expect(slow.error).toMatchObject({ kind: "timeout" });
    expect(slow.error?.message).toMatch(/no complete response within 1\.0s/);
    expect(summary.requests?.abandoned.total).toBe(1);
    expect(records.filter((r) => r.error === null)).toHaveLength(2);
  }, 30_000);
});

describe("hedging", () => {
  it("a silent request is hedged: the copy answers, the original is cancelled, one record per case", async () => {
    server = await startOpenAiTestServer({ latencyMs: 10, respond: () => LONG, faultFor: faultEveryTenth("hang") });
    const dir = tempDir();
    writeCases(dir, 40);
    const { wallMs, records, summary } = await run(dir, { concurrency: 4, hedge: true });
    expect(records).toHaveLength(40);
    expect(new Set(records.map((r) => r.case_id)).size).toBe(40);
    expect(records.every((r) => r.error === null && r.attempts === 1)).toBe(true);
    const hedged = records.filter((r) => r.hedge);
    // The first hang may come before 16 answers were seen (no hedge delay yet) and be abandoned instead.
    expect(hedged.length).toBeGreaterThanOrEqual(3);
    expect(hedged.every((r) => r.hedge!.won && r.hedge!.sent === 1)).toBe(true);
    expect(summary.requests?.hedges.won).toBe(hedged.length);
    expect(summary.requests?.abandoned.headers).toBe(4 - hedged.length);
    // Cancelled before it answered: billed nothing, so tokens are the records' own.
    expect(summary.requests?.hedges.extra_completion_tokens).toBe(0);
    expect(summary.tokens.completion).toBe(records.reduce((a, r) => a + (r.completion_tokens ?? 0), 0));
    expect(wallMs).toBeLessThan(10_000);
  }, 30_000);
});

describe("deadline options", () => {
  it("--timeout and --hedge name what is wrong and exit 2", async () => {
    const dir = tempDir();
    writeCases(dir, 1);
    const suitePath = writeSuite(dir, "http://127.0.0.1:9/v1", { scorers: [{ type: "exact_match" }] });
    const bad = await runCli(["eval", suitePath, "--timeout", "header=5"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout must be PHASE=SECONDS with PHASE one of connect, headers, first_token, idle, request and SECONDS > 0, got "header=5"');
    const hedge = await runCli(["eval", suitePath, "--hedge", "maybe"], { cwd: dir });
    expect(hedge.code).toBe(2);
    expect(hedge.stderr).toContain('--hedge must be one of auto, on or off, got "maybe"');
  }, 30_000);
});

describe("abort listeners", () => {
  it("no MaxListenersExceededWarning (or any warning) at concurrency 64 with faults", async () => {
    server = await startOpenAiTestServer({ respond: () => LONG, faultRate: 0.1, seed: 7, faults: ["429", "500", "reset", "truncate", "stall"], retryAfterS: 0 });
    const dir = tempDir();
    writeCases(dir, 90);
    const suitePath = writeSuite(dir, server.baseUrl, { scorers: [{ type: "exact_match" }], concurrency: 64, timeouts: { first_token_s: 1, adaptive: false } });
    const r = await runCli(["eval", suitePath, "--out", join(dir, "out"), "--no-cache"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/MaxListenersExceeded|Warning/);
    expect(r.stdout).toMatch(/retries \d+ \(/);
  }, 30_000);
});
