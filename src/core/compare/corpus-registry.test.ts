// Corpus metrics through the real scorer registry: the comparison's corpus score is the scorer's
// own aggregate of the summed per-case statistics (sacreBLEU's corpus_bleu / corpus_chrf).
import { describe, expect, it } from "vitest";
import { createScorers, scorerConfigSchema } from "../eval/scorers/registry.js";
import { defaultPolicy } from "../gate/policy.js";
import { aggregateForType } from "./aggregates.js";
import { computeComparison } from "./compute.js";
import type { LoadedRun } from "./run-records.js";

const refs = ["the cat sat on the mat", "a quick brown fox jumps", "it is raining in paris today", "we will meet at noon", "open the window please", "she reads a long book"];
const baseOut = ["the cat sat on a mat", "a brown fox jumped", "it rains in paris", "we meet at noon", "open window", "she reads a book"];
const candOut = ["the cat sat on the mat", "a quick brown fox jumps", "it is raining in paris", "we will meet at noon", "open the window", "she reads a long book"];

function runFor(type: "bleu" | "chrf", outputs: string[]): LoadedRun {
  const [scorer] = createScorers([scorerConfigSchema.parse({ type })]);
  const records = outputs.map((output, i) => {
    const s = scorer!.score({ output, expected: refs[i], vars: {}, prompt: "", latencyMs: 1, ttftMs: null, promptTokens: null, completionTokens: null, cost: null });
    return { case_id: `c${i}`, repeat: 0, scores: { [type]: { value: s.value, stats: s.stats } }, latency_ms: 1, prompt_tokens: null, completion_tokens: null, cost: null, error: null };
  });
  return { dir: type, resultsSha256: "0".repeat(64), records, summary: { metrics: { [type]: { type, corpus: true, higher_is_better: true } } }, superseded: 0, warnings: [] };
}

describe.each(["bleu", "chrf"] as const)("%s through the registry", (type) => {
  it("scores each side as a corpus and bootstraps the paired Δ", () => {
    const [scorer] = createScorers([scorerConfigSchema.parse({ type })]);
    const base = runFor(type, baseOut);
    const cand = runFor(type, candOut);
    const c = computeComparison(base, cand, { policy: defaultPolicy(), policySource: "default", gate: false, aggregateFor: aggregateForType, llmopsVersion: "t", createdAt: "t" });
    const m = c.metrics[0]!;
    expect(m.kind).toBe("corpus");
    const sum = (run: LoadedRun) => run.records.map((r) => r.scores[type]!.stats!).reduce((a, s) => a.map((v, i) => v + s[i]!));
    expect(m.baseline.mean).toBeCloseTo(scorer!.aggregate!(sum(base)), 12);
    expect(m.candidate.mean).toBeCloseTo(scorer!.aggregate!(sum(cand)), 12);
    expect(m.candidate.mean!).toBeGreaterThan(m.baseline.mean!);
    expect(m.ci![0]).toBeLessThanOrEqual(m.delta!);
    expect(m.ci![1]).toBeGreaterThanOrEqual(m.delta!);
    expect(["bootstrap-bca", "bootstrap-percentile"]).toContain(m.interval_method);
  });
});
