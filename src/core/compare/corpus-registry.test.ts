// Corpus metrics through the real scorer registry: the comparison's corpus score is the scorer's
// own aggregate of the summed per-case statistics (sacreBLEU's corpus_bleu / corpus_chrf).
import { describe, expect, it } from "vitest";
import { createScorers, scorerConfigSchema } from "../eval/scorers/registry.js";
import { defaultPolicy } from "../gate/policy.js";
import { aggregateFor } from "./aggregates.js";
import { computeComparison } from "./compute.js";
import type { LoadedRun } from "./run-records.js";
import { evalRecord, runSummary } from "../../../test/support/contract-docs.js";

const refs = ["the cat sat on the mat", "a quick brown fox jumps", "it is raining in paris today", "we will meet at noon", "open the window please", "she reads a long book"];
const baseOut = ["the cat sat on a mat", "a brown fox jumped", "it rains in paris", "we meet at noon", "open window", "she reads a book"];
const candOut = ["the cat sat on the mat", "a quick brown fox jumps", "it is raining in paris", "we will meet at noon", "open the window", "she reads a long book"];

/** A run scored by the real scorer built from `config`; its summary records that configuration (v2), or not (v1, `config: null`). */
function runFor(type: "bleu" | "chrf", outputs: string[], options: Record<string, unknown> = {}, recorded: "config" | "v1" = "config"): LoadedRun {
  const config = scorerConfigSchema.parse({ type, ...options }) as Record<string, unknown>;
  const [scorer] = createScorers([config as never]);
  const records = outputs.map((output, i) => {
    const s = scorer!.score({ output, expected: refs[i], vars: {}, prompt: "", latencyMs: 1, ttftMs: null, promptTokens: null, completionTokens: null, cost: null });
    return evalRecord({ case_id: `c${i}`, repeat: 0, output, scores: { [type]: { value: s.value, ...(s.stats ? { stats: s.stats } : {}) } }, latency_ms: 1 });
  });
  return { dir: type, resultsSha256: "0".repeat(64), records, summary: runSummary({ [type]: { type, corpus: true, config: recorded === "config" ? config : null } }), superseded: 0, warnings: [] };
}

const compareOpts = { policy: defaultPolicy(), policySource: "default", gate: false, aggregateFor, llmopsVersion: "t", createdAt: "t" };

describe.each(["bleu", "chrf"] as const)("%s through the registry", (type) => {
  it("scores each side as a corpus and bootstraps the paired Δ", () => {
    const [scorer] = createScorers([scorerConfigSchema.parse({ type })]);
    const base = runFor(type, baseOut);
    const cand = runFor(type, candOut);
    const c = computeComparison(base, cand, compareOpts);
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

// Bug: the comparison rebuilt corpus scorers by type with default options, so a suite's
// `bleu: {max_ngram_order: 2}` (stats for 2 orders) was aggregated as 4-gram BLEU: NaN.
describe("corpus scorers rebuilt from the recorded configuration", () => {
  it.each([
    ["bleu", { max_ngram_order: 2 }],
    ["chrf", { char_order: 4, word_order: 0, beta: 1 }],
  ] as const)("%s %j: each side's corpus score is the eval's own", (type, options) => {
    const [scorer] = createScorers([scorerConfigSchema.parse({ type, ...options })]);
    const base = runFor(type, baseOut, options);
    const cand = runFor(type, candOut, options);
    const m = computeComparison(base, cand, compareOpts).metrics[0]!;
    const sum = (run: LoadedRun) => run.records.map((r) => r.scores[type]!.stats!).reduce((a, s) => a.map((v, i) => v + s[i]!));
    expect(m.kind).toBe("corpus");
    expect(m.baseline.mean).toBeCloseTo(scorer!.aggregate!(sum(base)), 12);
    expect(m.candidate.mean).toBeCloseTo(scorer!.aggregate!(sum(cand)), 12);
    expect(m.notes.join(" ")).not.toMatch(/options|configure/);
  });

  it("says so when a v1 summary did not record the options (defaults are a guess)", () => {
    const m = computeComparison(runFor("bleu", baseOut, {}, "v1"), runFor("bleu", candOut, {}, "v1"), compareOpts).metrics[0]!;
    expect(m.baseline.mean).not.toBeNull();
    expect(m.notes.join(" ")).toMatch(/v1\) does not record the bleu scorer's options/);
  });

  it("says so when the two runs configure the metric differently", () => {
    const m = computeComparison(runFor("bleu", baseOut, { max_ngram_order: 2 }), runFor("bleu", candOut, { max_ngram_order: 3 }), compareOpts).metrics[0]!;
    expect(m.notes.join(" ")).toMatch(/the runs configure bleu differently/);
  });
});
