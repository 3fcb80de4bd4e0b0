// What a reviewer reads is coherent end to end: over hundreds of random pairs of runs put through
// computeComparison with a gate policy, every row's p agrees with its interval at α, every Holm p
// with its Holm interval, and every non-inferiority verdict with the same test run at the margin.
import { describe, expect, it } from "vitest";
import { gatePolicySchema } from "../gate/policy.js";
import type { GatePolicy } from "../gate/types.js";
import { createRng, pairedScoreTest, tTestAt, oneSampleT, type Rng } from "../stats/index.js";
import { computeComparison } from "./compute.js";
import type { LoadedRun, RecordForCompare } from "./run-records.js";

const excludes = (ci: [number, number], x: number) => x < ci[0] || x > ci[1];

function rec(case_id: string, scores: Record<string, { value: number }>): RecordForCompare {
  return { case_id, repeat: 0, scores, latency_ms: null, prompt_tokens: null, completion_tokens: null, cost: null, error: null };
}

function run(records: RecordForCompare[]): LoadedRun {
  return { dir: "run", resultsSha256: "0".repeat(64), records, summary: null, superseded: 0, warnings: [] };
}

/** Two runs over n cases: a 0/1 metric `em` and a continuous `score`, with random effects. */
function randomPair(rng: Rng, n: number): { base: LoadedRun; cand: LoadedRun } {
  const pPass = 0.3 + rng.next() * 0.6;
  const flip = rng.next() * 0.3;
  const tilt = rng.next(); // share of flips that are fixes
  const shift = (rng.next() - 0.5) * 0.2;
  const b: RecordForCompare[] = [];
  const c: RecordForCompare[] = [];
  for (let i = 0; i < n; i++) {
    const eb = rng.next() < pPass ? 1 : 0;
    let ec = eb;
    if (rng.next() < flip) ec = rng.next() < tilt ? 1 : 0;
    const sb = Math.round(rng.next() * 1000) / 1000;
    const sc = Math.min(1, Math.max(0, Math.round((sb + shift + (rng.next() - 0.5) * 0.6) * 1000) / 1000));
    b.push(rec(`c${i}`, { em: { value: eb }, score: { value: sb } }));
    c.push(rec(`c${i}`, { em: { value: ec }, score: { value: sc } }));
  }
  return { base: run(b), cand: run(c) };
}

describe("computeComparison: p, intervals, Holm and gate verdicts agree", { timeout: 120_000 }, () => {
  it("over 150 random pairs of runs (n = 20..400) at confidence 0.95 and 0.9, margins 0.02 and 0.05", () => {
    const rng = createRng(33);
    const seen = { rowExcl: 0, holmExcl: 0, pass: 0, fail: 0, inconclusive: 0 };
    for (let k = 0; k < 150; k++) {
      const n = 20 + rng.int(380);
      const { base, cand } = randomPair(rng, n);
      const confidence = k % 2 === 0 ? 0.95 : 0.9;
      const margin = k % 3 === 0 ? 0.05 : 0.02;
      const policy = gatePolicySchema.parse({ confidence, metrics: { em: { max_regression: margin }, score: { max_regression: margin } } }) as GatePolicy;
      const c = computeComparison(base, cand, { policy, policySource: "test", gate: true, aggregateFor: () => undefined, llmopsVersion: "test", createdAt: "2026-01-01T00:00:00Z" });
      const alpha = 1 - confidence;
      for (const m of c.metrics) {
        const where = `pair ${k}, ${m.name}: p ${m.p_value} [${m.ci}], p_holm ${m.p_holm} [${m.ci_holm}]`;
        expect(m.p_value! < alpha, where).toBe(excludes(m.ci!, 0));
        expect(m.p_holm! < alpha, where).toBe(excludes(m.ci_holm!, 0));
        if (excludes(m.ci!, 0)) seen.rowExcl++;
        if (excludes(m.ci_holm!, 0)) seen.holmExcl++;
        // The gate's non-inferiority check is the row's own test at −margin.
        const check = c.gate!.checks.find((ch) => ch.id === `${m.name}/max_regression`)!;
        const pAtMargin =
          m.name === "em"
            ? pairedScoreTest({ both: 0, neither: m.n - m.broke! - m.fixed!, broke: m.broke!, fixed: m.fixed! }, -margin).p
            : tTestAt(oneSampleT(cand.records.map((r, i) => r.scores.score!.value! - base.records[i]!.scores.score!.value!), confidence)!, -margin);
        const rejects = pAtMargin < alpha;
        const expected = rejects ? (m.delta! > -margin ? "pass" : "fail") : "inconclusive";
        expect(check.verdict, `${where}; p at −${margin} = ${pAtMargin}`).toBe(expected);
        seen[check.verdict]++;
      }
    }
    // Every outcome is exercised.
    expect(seen.rowExcl).toBeGreaterThan(40);
    expect(seen.holmExcl).toBeGreaterThan(30);
    expect(seen.pass).toBeGreaterThan(20);
    expect(seen.fail).toBeGreaterThan(20);
    expect(seen.inconclusive).toBeGreaterThan(20);
  });
});
