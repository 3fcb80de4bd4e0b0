// The CLI bundle spawned as a process against the loopback OpenAI-compatible server: faults,
// kills, resumption, caching and bad input, asserted on files and on what the server received.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { repoRoot, runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { arithmeticAnswer, waitForRecords, writeArithmeticCases, writeSuite } from "../support/suites.js";

let server: OpenAiTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function readRecords(dir: string): { case_id: string; repeat: number; output: string | null; error: unknown; scores: Record<string, { value: number }> }[] {
  return readFileSync(join(dir, "results.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as never);
}

describe("llmops eval (spawned CLI)", () => {
  it("scores every case exactly once at 20% injected faults (429, 5xx, resets, hangs, truncated bodies)", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt, 5), faultRate: 0.2, seed: 42, retryAfterS: 0 });
    const dir = tempDir();
    writeArithmeticCases(dir, 120);
    const suite = writeSuite(dir, server.baseUrl, { timeouts: { request_s: 0.5 }, retries: { max_attempts: 12, base_delay_ms: 5, max_delay_ms: 40 } });
    const out = join(dir, "out");
    const r = await runCli(["eval", suite, "--out", out, "--no-cache", "--json"], { cwd: dir });
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(r.code).toBe(0);
    const faults = server.requests.filter((q) => q.outcome !== "ok");
    expect(faults.length).toBeGreaterThan(10);
    expect(new Set(faults.map((f) => f.outcome)).size).toBe(6);
    const recs = readRecords(out);
    expect(recs).toHaveLength(120);
    expect(new Set(recs.map((x) => x.case_id)).size).toBe(120);
    expect(recs.every((x) => x.error === null)).toBe(true);
    // Every answer is the server's: right unless the first operand is a multiple of 5.
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const expectedRight = recs.filter((x) => x.scores.exact_match!.value === 1).length;
    expect(summary.metrics.exact_match.mean).toBeCloseTo(expectedRight / 120, 10);
    const wrong = Array.from({ length: 120 }, (_, i) => i).filter((a) => a % 5 === 0).length;
    expect(expectedRight).toBe(120 - wrong);
    expect(summary.counts).toEqual({ cases: 120, repeats: 1, records: 120, errors: 0 });
    // Each case was answered successfully by the server; a second answer for a case can only be a
    // hedged copy (hedging is on for a loopback server) or one the client had already abandoned at a
    // deadline (on a loaded machine the 0.5 s limit is reached), never more than those two counts.
    const ok = server.requests.filter((q) => q.outcome === "ok");
    expect(new Set(ok.map((q) => q.prompt)).size).toBe(120);
    const abandoned = Object.values(summary.requests.abandoned as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(ok.length - 120).toBeLessThanOrEqual(summary.requests.hedges.sent + abandoned);
  });

  it("resumes after SIGKILL: every case exactly once, none that had finished re-requested", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt), latencyMs: 20 });
    const dir = tempDir();
    writeArithmeticCases(dir, 200);
    const suite = writeSuite(dir, server.baseUrl, { concurrency: 4 });
    const out = join(dir, "out");
    const first = runCli(["eval", suite, "--out", out, "--no-cache"], { cwd: dir });
    await waitForRecords(out, 60); // kill it once some records are on disk
    first.child.kill("SIGKILL");
    const killed = await first;
    expect(killed.signal).toBe("SIGKILL");
    const partialText = readFileSync(join(out, "results.jsonl"), "utf8");
    const finished = new Set(
      partialText
        .split("\n")
        .filter((l) => l.endsWith("}"))
        .map((l) => {
          try {
            return (JSON.parse(l) as { input: string }).input;
          } catch {
            return "";
          }
        })
        .filter(Boolean),
    );
    expect(finished.size).toBeGreaterThan(20);
    expect(finished.size).toBeLessThan(200);
    const before = server.requests.length;

    const second = await runCli(["eval", suite, "--out", out, "--no-cache"], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/resuming: \d+ of 200/);
    const again = server.requests.slice(before);
    expect(again.filter((q) => finished.has(q.prompt))).toEqual([]);
    const recs = readRecords(out);
    expect(recs).toHaveLength(200);
    expect(new Set(recs.map((x) => x.case_id)).size).toBe(200);
    expect(recs.every((x) => x.scores.exact_match!.value === 1)).toBe(true);
  });

  it("serves a second run from the cache, and --no-cache asks again", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt) });
    const dir = tempDir();
    writeArithmeticCases(dir, 10);
    const suite = writeSuite(dir, server.baseUrl, { repeats: 2 });
    const env = { LLMOPS_CACHE_DIR: join(dir, "cache") };
    expect((await runCli(["eval", suite, "--out", join(dir, "a")], { cwd: dir, env })).code).toBe(0);
    expect(server.requests).toHaveLength(20);
    // Repeats carry distinct seeds so servers that honour them sample independently.
    expect(new Set(server.requests.map((q) => q.body.seed)).size).toBe(2);
    expect((await runCli(["eval", suite, "--out", join(dir, "b")], { cwd: dir, env })).code).toBe(0);
    expect(server.requests).toHaveLength(20);
    const b = readRecords(join(dir, "b"));
    expect(b).toHaveLength(20);
    expect((await runCli(["eval", suite, "--out", join(dir, "c"), "--no-cache"], { cwd: dir, env })).code).toBe(0);
    expect(server.requests).toHaveLength(40);
    const summary = JSON.parse(readFileSync(join(dir, "c", "summary.json"), "utf8"));
    expect(summary.metrics.exact_match.method).toBe("t-clustered");
    expect(summary.metrics.exact_match.n).toBe(20);
    expect(summary.metrics.exact_match.n_cases).toBe(10);
  });

  it("measures time to first token when streaming, and reads usage", async () => {
    server = await startOpenAiTestServer({ respond: () => "one two three four", chunkDelayMs: 30 });
    const dir = tempDir();
    writeArithmeticCases(dir, 3);
    const suite = writeSuite(dir, server.baseUrl, { concurrency: 3 });
    const r = await runCli(["eval", suite, "--out", join(dir, "o"), "--no-cache"], { cwd: dir });
    expect(r.code).toBe(0);
    const recs = readRecords(join(dir, "o")) as unknown as { ttft_ms: number; latency_ms: number; completion_tokens: number }[];
    for (const x of recs) {
      expect(x.ttft_ms).toBeGreaterThan(0);
      expect(x.latency_ms - x.ttft_ms).toBeGreaterThan(80); // three more chunks, 30 ms apart
      expect(x.completion_tokens).toBe(4);
    }
  });
});

describe("llmops eval with JSON and corpus scorers", () => {
  it("loads schema_file, scores JSON fields, and computes BLEU/chrF as corpora with bootstrap intervals", async () => {
    server = await startOpenAiTestServer({
      respond: (r) => {
        const n = Number(/item (\d+)/.exec(r.prompt)?.[1] ?? 0);
        return n % 3 === 0 ? `{"name": "item ${n}", "qty": ${n}}` : n % 3 === 1 ? `{"name": "item ${n}", "qty": "lots"}` : "not json";
      },
    });
    const dir = tempDir();
    const lines = Array.from({ length: 30 }, (_, n) => JSON.stringify({ id: `j${n}`, input: `item ${n}`, expected: { name: `item ${n}`, qty: n } }));
    writeFileSync(join(dir, "cases.jsonl"), `${lines.join("\n")}\n`);
    writeFileSync(join(dir, "schema.json"), JSON.stringify({ type: "object", required: ["name", "qty"], properties: { name: { type: "string" }, qty: { type: "integer" } } }));
    writeSuite(dir, server.baseUrl, {
      scorers: [
        { type: "json_valid" },
        { type: "json_schema", schema_file: "schema.json", threshold: 1 },
        { type: "json_fields" },
      ],
    });
    const r = await runCli(["eval", "suite.yaml", "--no-cache", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe(r.stderr.replace(/error:/, ""));
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, "o", "summary.json"), "utf8"));
    expect(s.metrics.json_valid.mean).toBeCloseTo(20 / 30, 12);
    expect(s.metrics.json_schema.mean).toBeCloseTo(10 / 30, 12);
    expect(s.metrics.json_schema.pass_rate).toBeCloseTo(10 / 30, 12);
  });

  it("aggregates corpus BLEU and chrF from summed statistics", async () => {
    const refs = ["the cat sat on the mat", "a dog bit the man", "it was not me", "the weather is nice today"];
    server = await startOpenAiTestServer({ respond: (r) => (r.prompt.includes("0") ? refs[Number(r.prompt.slice(-1)) % 4]! : "the cat is on a mat") });
    const dir = tempDir();
    const lines = Array.from({ length: 12 }, (_, n) => JSON.stringify({ id: `t${n}`, input: `case ${n % 2 === 0 ? "0" : "1"}${n}`, expected: refs[n % 4] }));
    writeFileSync(join(dir, "cases.jsonl"), `${lines.join("\n")}\n`);
    writeSuite(dir, server.baseUrl, { scorers: [{ type: "bleu" }, { type: "chrf" }] });
    const r = await runCli(["eval", "suite.yaml", "--no-cache", "--out", "o"], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, "o", "summary.json"), "utf8"));
    const recs = readRecords(join(dir, "o")) as unknown as { scores: Record<string, { stats: number[]; value: number }> }[];
    for (const m of ["bleu", "chrf"]) {
      expect(s.metrics[m].corpus).toBe(true);
      expect(s.metrics[m].method).toBe("bootstrap");
      const mean = recs.reduce((a, x) => a + x.scores[m]!.value, 0) / recs.length;
      // A corpus score is not the average of sentence scores.
      expect(Math.abs(s.metrics[m].mean - mean)).toBeGreaterThan(1e-6);
      expect(s.metrics[m].ci95[0]).toBeLessThanOrEqual(s.metrics[m].mean);
      expect(s.metrics[m].ci95[1]).toBeGreaterThanOrEqual(s.metrics[m].mean);
    }
  });
});

describe("llmops eval reads Parquet and gzipped cases", () => {
  it("runs a suite whose cases are a Parquet file, and one whose cases are .jsonl.gz", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt) });
    const dir = tempDir();
    copyFileSync(join(repoRoot, "test/fixtures/eval/arithmetic-cases.parquet"), join(dir, "cases.parquet"));
    writeSuite(dir, server.baseUrl, { cases: { file: "cases.parquet" } });
    const r = await runCli(["eval", "suite.yaml", "--no-cache", "--out", "pq"], { cwd: dir });
    expect(r.stderr).not.toMatch(/error:/);
    expect(r.code).toBe(0);
    const recs = readRecords(join(dir, "pq"));
    expect(recs.map((x) => x.case_id)).toEqual(Array.from({ length: 12 }, (_, i) => `pq-${i}`));
    expect(recs.every((x) => x.scores.exact_match!.value === 1)).toBe(true);

    writeArithmeticCases(dir, 7);
    writeFileSync(join(dir, "cases.jsonl.gz"), gzipSync(readFileSync(join(dir, "cases.jsonl"))));
    writeSuite(dir, server.baseUrl, { cases: { file: "cases.jsonl.gz" } });
    const g = await runCli(["eval", "suite.yaml", "--no-cache", "--out", "gz"], { cwd: dir });
    expect(g.code).toBe(0);
    expect(readRecords(join(dir, "gz"))).toHaveLength(7);
  });
});

describe("llmops eval re-scores saved outputs", () => {
  it("applies a changed scorer to a finished run without sending a request", async () => {
    server = await startOpenAiTestServer({ respond: (r) => `${arithmeticAnswer(r.prompt)} is the answer` });
    const dir = tempDir();
    writeArithmeticCases(dir, 10);
    writeSuite(dir, server.baseUrl, { scorers: [{ type: "exact_match" }] });
    expect((await runCli(["eval", "suite.yaml", "--no-cache", "--out", "o"], { cwd: dir })).code).toBe(0);
    let s = JSON.parse(readFileSync(join(dir, "o", "summary.json"), "utf8"));
    expect(s.metrics.exact_match.mean).toBe(0);
    writeSuite(dir, server.baseUrl, { scorers: [{ type: "exact_match" }, { type: "contains", threshold: 1 }] });
    const again = await runCli(["eval", "suite.yaml", "--no-cache", "--out", "o"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(server.requests).toHaveLength(10);
    s = JSON.parse(readFileSync(join(dir, "o", "summary.json"), "utf8"));
    expect(s.metrics.contains.mean).toBe(1);
    expect(s.metrics.contains.pass_rate).toBe(1);
  });
});

describe("llmops eval --dry-run / --limit", () => {
  it("plans without sending anything, and --limit runs only the first N cases", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt) });
    const dir = tempDir();
    writeArithmeticCases(dir, 30);
    writeSuite(dir, server.baseUrl, { repeats: 2 });
    const plan = await runCli(["eval", "suite.yaml", "--dry-run", "--limit", "5", "--json"], { cwd: dir });
    expect(plan.code).toBe(0);
    const p = JSON.parse(plan.stdout);
    expect(p).toMatchObject({ cases: 5, repeats: 2, requests: 10, first_request: { url: `${server.baseUrl}/chat/completions`, body: { messages: [{ role: "user", content: "0+5=" }], seed: 0 } } });
    expect(server.requests).toHaveLength(0);
    const run = await runCli(["eval", "suite.yaml", "--limit", "5", "--no-cache", "--out", "o"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(10);
    // The dry run shows the first request exactly as it is sent, streaming options included.
    const sent = server.requests.find((r) => r.prompt === "0+5=" && r.body.seed === 0)!;
    expect(p.first_request.body).toEqual(sent.body);
    expect(sent.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(readRecords(join(dir, "o"))).toHaveLength(10);
  });
});

describe("llmops eval: bad input gets a clear message and exit 2, no stack trace", () => {
  const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

  it("malformed YAML names file:line:col", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.yaml"), "name: x\ncases: [\n  {id: 1\n");
    const r = await runCli(["eval", "bad.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: invalid YAML/);
    noStack(r.stderr);
  });

  it("an unknown scorer suggests the right one", async () => {
    const dir = tempDir();
    writeArithmeticCases(dir, 2);
    writeSuite(dir, "http://127.0.0.1:9/v1", { scorers: [{ type: "exact_mach" }] });
    const r = await runCli(["eval", "suite.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/suite\.yaml:\d+:\d+: scorers\[0\]\.type: unknown value "exact_mach" \(did you mean "exact_match"\?\)/);
    noStack(r.stderr);
  });

  it("an unknown key suggests the right one", async () => {
    const dir = tempDir();
    writeArithmeticCases(dir, 2);
    writeSuite(dir, "http://127.0.0.1:9/v1", { concurrancy: 3 });
    const r = await runCli(["eval", "suite.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/suite\.yaml:\d+:1: concurrancy: unknown key "concurrancy" \(did you mean "concurrency"\?\)/);
  });

  it("a wrong type names the field, what was expected and what was found", async () => {
    const dir = tempDir();
    writeArithmeticCases(dir, 2);
    writeSuite(dir, "http://127.0.0.1:9/v1", { repeats: "three" });
    const r = await runCli(["eval", "suite.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/repeats: expected number, found the string "three"/);
  });

  it("a missing dataset file names the path", async () => {
    const dir = tempDir();
    writeSuite(dir, "http://127.0.0.1:9/v1", { cases: { file: "nope.jsonl" } });
    const r = await runCli(["eval", "suite.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/suite\.yaml:\d+:\d+: cases\.file: dataset not found: nope\.jsonl/);
    noStack(r.stderr);
  });

  it("an invalid JSONL line names file:line and why", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cases.jsonl"), '{"id":"a","input":"1+1=","expected":"2"}\n{"id":"b", input: 2}\n');
    writeSuite(dir, "http://127.0.0.1:9/v1");
    const r = await runCli(["eval", "suite.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cases\.jsonl:2: invalid JSON/);
    noStack(r.stderr);
  });

  it("a refused connection names the URL", async () => {
    const dir = tempDir();
    writeArithmeticCases(dir, 2);
    const port = await closedPort();
    writeSuite(dir, `http://127.0.0.1:${port}/v1`);
    const r = await runCli(["eval", "suite.yaml", "--no-cache"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot connect to http://127.0.0.1:${port}/v1/chat/completions: connection refused`);
    expect(r.stderr).toMatch(/hint: is the model server running/);
    noStack(r.stderr);
  });

  it("401 names the environment variable for the key, and the key never reaches the output", async () => {
    server = await startOpenAiTestServer({ apiKey: "right-key" });
    const dir = tempDir();
    writeArithmeticCases(dir, 4);
    const target = { base_url: server.baseUrl, model: "m", api: "chat", api_key_env: "MY_LLM_KEY" };
    writeSuite(dir, server.baseUrl, { target });
    const r = await runCli(["eval", "suite.yaml", "--no-cache"], { cwd: dir, env: { MY_LLM_KEY: "wrong-secret-123" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/401 Unauthorized/);
    expect(r.stderr).toMatch(/MY_LLM_KEY/);
    expect(r.stdout + r.stderr).not.toContain("wrong-secret-123");
    expect(server.requests[0]!.authorization).toBe("Bearer wrong-secret-123");
    noStack(r.stderr);
    // With the right key the same suite runs.
    const ok = await runCli(["eval", "suite.yaml", "--no-cache"], { cwd: dir, env: { MY_LLM_KEY: "right-key" } });
    expect(ok.code).toBe(0);
  });

  it("unknown options and commands are usage errors", async () => {
    expect((await runCli(["eval", "--bogus"])).code).toBe(2);
    const r = await runCli(["evl"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "eval"/);
    const help = await runCli(["eval", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--base-url URL/);
  });
});

/** A loopback port with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
