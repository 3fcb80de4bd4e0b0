// The streaming summary equals the in-memory one it replaced (test/support/summary-reference.ts),
// to far below the printed digits; latency percentiles past the exact buffer are within the
// sketch's stated relative error. Records arrive interleaved across cases, with repeats and errors.
import { describe, expect, it } from "vitest";
import { computeSummaryInMemory } from "../../../test/support/summary-reference.js";
import { createRng } from "../stats/prng.js";
import { scoreOutput } from "./record.js";
import { renderSummaryText } from "./render-summary.js";
import { createScorers, scorerConfigSchema } from "./scorers/registry.js";
import { computeSummary, SummaryAccumulator } from "./summary.js";
import type { EvalRecord, Provenance, RunSummary } from "./types.js";
import type { PlannedJob } from "./plan.js";

const provenance = { seed: 3 } as Provenance;
const scorers = createScorers(
  [{ type: "exact_match", threshold: 1 }, { type: "levenshtein" }, { type: "bleu" }, { type: "chrf" }, { type: "latency", max_ms: 400, p95_ms: 500 }].map((c) => scorerConfigSchema.parse(c)),
);
const WORDS = ["the", "cat", "sat", "on", "a", "mat", "dog", "ran", "far", "away"];

function makeRecords(cases: number, repeats: number, seed: number): EvalRecord[] {
  const rng = createRng(seed);
  const out: EvalRecord[] = [];
  for (let c = 0; c < cases; c++) {
    const expected = Array.from({ length: 6 }, (_, i) => WORDS[(c + i * 3) % WORDS.length]).join(" ");
    for (let k = 0; k < repeats; k++) {
      const id = `c${c}`;
      const base = { case_id: id, repeat: k, key: `${id}/${k}`, input_hash: "h", input: "i", vars: {}, expected, attempts: 1, cached: false, finish_reason: "stop" };
      if (rng.next() < 0.03) {
        out.push({ ...base, output: null, scores: {}, latency_ms: null, ttft_ms: null, prompt_tokens: null, completion_tokens: null, cost: null, error: { kind: rng.next() < 0.5 ? "timeout" : "http", message: "m" }, retries: { deadline: 1 } });
        continue;
      }
      const words = expected.split(" ").map((w) => (rng.next() < 0.2 ? WORDS[rng.int(WORDS.length)]! : w));
      const output = rng.next() < 0.4 ? expected : words.join(" ");
      const latency = Math.round((20 + 400 * rng.next() ** 3) * 1000) / 1000;
      const r = { text: output, finishReason: "stop", promptTokens: 12, completionTokens: 6, ttftMs: latency / 3, latencyMs: latency };
      const job = { evalCase: { id, expected, vars: {} }, inputText: "i" } as unknown as PlannedJob;
      out.push({ ...base, output, scores: scoreOutput(scorers, job, r, 0.0001), latency_ms: latency, ttft_ms: latency / 3, prompt_tokens: 12, completion_tokens: 6, cost: 0.0001, error: null });
    }
  }
  return out;
}

/** Shuffle within windows of `w`, as records arrive in completion order from a concurrent run. */
function interleave<T>(xs: T[], w: number, seed: number): T[] {
  const rng = createRng(seed);
  const out = [...xs];
  for (let i = 0; i < out.length; i++) {
    const j = Math.min(out.length - 1, i + rng.int(w));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function ctx(records: EvalRecord[], repeats: number) {
  return { suite: { name: "s", file: "s.yaml", hash: "h" }, cases: records.length / repeats, repeats, records, scorers, currency: "USD", provenance, bootstrapResamples: 200 };
}

function expectEquivalent(streamed: RunSummary, reference: RunSummary, percentileTolerance: number): void {
  expect(streamed.counts).toEqual(reference.counts);
  expect(Object.keys(streamed.metrics)).toEqual(Object.keys(reference.metrics));
  for (const [name, m] of Object.entries(reference.metrics)) {
    const s = streamed.metrics[name]!;
    expect({ ...s, mean: 0, se: 0, ci95: 0, budgets: 0 }).toEqual({ ...m, mean: 0, se: 0, ci95: 0, budgets: 0 });
    expect(s.mean!).toBeCloseTo(m.mean!, 12);
    expect(s.se!).toBeCloseTo(m.se!, 12);
    expect(s.ci95![0]).toBeCloseTo(m.ci95![0], 12);
    expect(s.ci95![1]).toBeCloseTo(m.ci95![1], 12);
  }
  for (const k of ["p50", "p95", "p99", "ttft_p50", "ttft_p95", "ttft_p99"] as const) {
    const exact = reference.latency[k]!;
    expect(Math.abs(streamed.latency[k]! - exact)).toBeLessThanOrEqual(percentileTolerance * exact + 1e-9);
  }
  expect(streamed.latency.mean!).toBeCloseTo(reference.latency.mean!, 9);
  expect(streamed.tokens).toEqual(reference.tokens);
  expect(streamed.cost!.total).toBeCloseTo(reference.cost!.total, 12);
  expect(streamed.errors.map((e) => [e.kind, e.count]).sort()).toEqual(reference.errors.map((e) => [e.kind, e.count]).sort());
  expect(streamed.requests).toEqual(reference.requests);
}

describe("streaming summary ≡ in-memory summary", () => {
  it("one sample per case, 3,000 records (exact percentiles): identical to the last printed digit", () => {
    const records = makeRecords(3000, 1, 1);
    const streamed = computeSummary(ctx(records, 1));
    const reference = computeSummaryInMemory(ctx(records, 1));
    expectEquivalent(streamed, reference, 0);
    expect(streamed.latency.percentiles).toBeUndefined();
    expect(renderSummaryText(streamed)).toBe(renderSummaryText(reference));
  });

  it("three repeats per case arriving interleaved, 7,500 records: clustered SEs equal, percentiles within the sketch's bound", () => {
    const records = makeRecords(2500, 3, 2);
    const reference = computeSummaryInMemory(ctx(records, 3));
    const acc = new SummaryAccumulator(scorers, 3);
    for (const r of interleave(records, 64, 5)) acc.add(r);
    const streamed = acc.summary(ctx(records, 3));
    expect(streamed.metrics.exact_match!.method).toBe("t-clustered");
    expect(streamed.latency.percentiles).toEqual({ method: "ddsketch", relative_error: 0.005 });
    // Corpus metrics are resampled over cases in the order they first appeared: compare in-order.
    const inOrder = computeSummary(ctx(records, 3));
    expect(inOrder.metrics.bleu!.ci95).toEqual(reference.metrics.bleu!.ci95);
    expectEquivalent({ ...streamed, metrics: { ...streamed.metrics, bleu: inOrder.metrics.bleu!, chrf: inOrder.metrics.chrf! } }, reference, 0.005);
    expect(streamed.metrics.bleu!.mean).toBeCloseTo(reference.metrics.bleu!.mean!, 12);
  }, 60_000);
});

describe("exact percentiles when asked", () => {
  it("keeps every latency past 4,096 and matches the in-memory percentiles exactly", () => {
    const records = makeRecords(5000, 1, 9).map((r) => ({ ...r, scores: {} }));
    const reference = computeSummaryInMemory(ctx(records, 1));
    const acc = new SummaryAccumulator(scorers, 1, true);
    for (const r of records) acc.add(r);
    const exact = acc.summary(ctx(records, 1));
    expect(exact.latency.percentiles).toBeUndefined();
    for (const k of ["p50", "p95", "p99", "ttft_p50", "ttft_p95", "ttft_p99"] as const) expect(exact.latency[k]).toBe(reference.latency[k]);
    const sketched = computeSummary(ctx(records, 1));
    expect(sketched.latency.percentiles).toEqual({ method: "ddsketch", relative_error: 0.005 });
    expect(sketched.latency.p99).not.toBe(reference.latency.p99);
  });
});
