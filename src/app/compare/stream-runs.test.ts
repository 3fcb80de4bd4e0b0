// The streamed comparison (hash partitions on disk, merged in the baseline's order, accumulators)
// equals the in-memory one (computeComparison over every record) byte for byte, on random runs
// written in shuffled order with superseded lines, repeats, errors, nulls, one-sided cases, a corpus
// metric, costs and a partial last line — in one partition and in many.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { aggregateFor } from "../../core/compare/aggregates.js";
import { computeComparison, type CompareOptions } from "../../core/compare/compute.js";
import { writeResultLine, type EvalRecord } from "../../core/contracts/result-line.js";
import { summaryFormat } from "../../core/contracts/summary.js";
import { comparisonFormat, serializeComparisonChunks } from "../../core/contracts/comparison.js";
import { defaultGatePolicy, defaultPolicy } from "../../core/gate/index.js";
import { evalRecord, runSummary } from "../../../test/support/contract-docs.js";
import { readEvalRun } from "../eval/eval-run-reader.js";
import { streamPairedRuns } from "./stream-runs.js";

const work = mkdtempSync(join(tmpdir(), "llmops-stream-runs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  cases: number;
  repeats: number;
  /** Probability a case is on this side only. */
  oneSided: number;
  errors: number;
  nulls: number;
  corpus: boolean;
  cost: boolean;
  /** A metric found only in records (not in summary.json), on the candidate only. */
  extraMetric: boolean;
  superseded: number;
  shuffle: boolean;
}

function bleuStats(r: () => number): number[] {
  const sys = 3 + Math.floor(r() * 15);
  const ref = 3 + Math.floor(r() * 15);
  const totals = [1, 2, 3, 4].map((k) => Math.max(0, sys - k + 1));
  return [sys, ref, ...totals.map((t) => Math.floor(r() * (t + 1))), ...totals];
}

function writeSide(dir: string, side: "b" | "c", shape: Shape, seed: number): void {
  const r = rng(seed);
  const lines: string[] = [];
  for (let i = 0; i < shape.cases; i++) {
    const u = rng(i * 7919 + 17)();
    if (u < shape.oneSided) {
      // Half the one-sided cases are baseline-only, half candidate-only.
      if ((u < shape.oneSided / 2) !== (side === "b")) continue;
    }
    const reps = shape.repeats > 1 ? 1 + Math.floor(r() * shape.repeats) : 1;
    for (let k = 0; k < reps; k++) {
      const errored = r() < shape.errors;
      const pass = r() < (side === "b" ? 0.7 : 0.75);
      const scores: EvalRecord["scores"] = {};
      if (!errored) {
        scores.em = { value: pass ? 1 : 0, pass };
        scores.sim = { value: r() < shape.nulls ? null : Math.round(r() * 1000) / 1000 };
        if (shape.corpus) scores.bleu = { value: r(), stats: bleuStats(r) };
        if (shape.extraMetric && side === "c") scores.extra = { value: r() };
      }
      lines.push(
        writeResultLine(
          evalRecord({
            case_id: `case-${i}`,
            repeat: k,
            output: errored ? null : pass ? "right" : `wrong ${i}`,
            key: `k${i}-${k}`,
            scores,
            latency_ms: errored ? null : 20 + Math.floor(r() * 400),
            prompt_tokens: errored ? null : 10 + (i % 13),
            completion_tokens: errored ? null : 1 + (i % 5),
            cost: shape.cost && !errored ? Math.round(r() * 1e6) / 1e9 : null,
            error: errored ? { kind: "timeout", message: "no answer in 30 s" } : null,
          }),
        ),
      );
    }
  }
  // Superseded: earlier attempts of some records, written first (the last one wins).
  const stale = lines.filter(() => r() < shape.superseded).map((l) => l.replace(/"latency_ms":\d+/, '"latency_ms":99999'));
  const all = [...stale, ...lines];
  if (shape.shuffle) {
    // Shuffle whole cases' positions but keep each stale line before its replacement.
    for (let i = stale.length; i < all.length; i++) {
      const j = stale.length + Math.floor(r() * (all.length - stale.length));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "results.jsonl"), `${all.join("")}{"case_id": "cut sho`);
  const metrics: Parameters<typeof runSummary>[0] = { em: { type: "exact_match" }, sim: { type: "embedding_similarity" } };
  if (shape.corpus) metrics.bleu = { type: "bleu", corpus: true, config: { type: "bleu" } };
  writeFileSync(join(dir, "summary.json"), summaryFormat.serialize(runSummary(metrics)));
}

const opts = (over: Partial<CompareOptions> = {}): CompareOptions => ({
  policy: defaultPolicy(),
  policySource: "default",
  gate: false,
  aggregateFor,
  llmopsVersion: "test",
  createdAt: "2026-01-01T00:00:00Z",
  ...over,
});

const base: Shape = { cases: 500, repeats: 1, oneSided: 0.02, errors: 0.02, nulls: 0.05, corpus: true, cost: true, extraMetric: true, superseded: 0.05, shuffle: true };
const shapes: [string, Shape][] = [
  ["one repeat, shuffled, corpus, costs, one-sided, superseded", base],
  ["up to 3 repeats", { ...base, repeats: 3, corpus: false }],
  ["corpus with errors, repeats", { ...base, repeats: 2, errors: 0.1, extraMetric: false, cost: false }],
  ["in order, no errors or one-sided cases", { ...base, oneSided: 0, errors: 0, superseded: 0, shuffle: false, cost: false }],
];

describe("streamed comparison = in-memory comparison", () => {
  shapes.forEach(([name, shape], s) => {
    it(`${name}: one partition and many, with and without a gate`, async () => {
      const b = join(work, `b${s}`);
      const c = join(work, `c${s}`);
      writeSide(b, "b", shape, 11 + s);
      writeSide(c, "c", shape, 23 + s);
      const [rb, rc] = [await readEvalRun(b, "baseline"), await readEvalRun(c, "candidate")];
      for (const o of [opts(), opts({ gate: true, policy: defaultGatePolicy(shape.corpus ? ["em", "sim", "bleu"] : ["em", "sim"]), policySource: "default gate" })]) {
        const want = JSON.stringify(computeComparison(rb, rc, o));
        const one = await streamPairedRuns(b, c);
        expect(one.partitions).toBe(1);
        expect(JSON.stringify(one.stream.finish(o))).toBe(want);
        const many = await streamPairedRuns(b, c, { partitionBytes: 20_000 });
        expect(many.partitions).toBeGreaterThan(10);
        const got = many.stream.finish(o);
        expect(JSON.stringify(got)).toBe(want);
        // comparison.json written in pieces is the one-piece text, byte for byte.
        expect(got.flips.length).toBeGreaterThan(0);
        expect([...serializeComparisonChunks(got, 7)].join("")).toBe(comparisonFormat.serialize(got));
      }
    }, 60_000);
  });

  it("identical runs are unchanged (requests and outputs), as in memory", async () => {
    const b = join(work, "same-b");
    const c = join(work, "same-c");
    const shape = { ...base, oneSided: 0, errors: 0, extraMetric: false };
    writeSide(b, "b", shape, 5);
    writeSide(c, "b", shape, 5);
    const o = opts({ gate: true, policy: defaultGatePolicy(["em"]), policySource: "default gate" });
    const want = computeComparison(await readEvalRun(b, "baseline"), await readEvalRun(c, "candidate"), o);
    expect(want.unchanged?.basis).toBe("requests-and-outputs");
    const got = (await streamPairedRuns(b, c, { partitionBytes: 40_000 })).stream.finish(o);
    expect(JSON.stringify(got)).toBe(JSON.stringify(want));
    expect(got.flips).toEqual([]);
    expect([...serializeComparisonChunks(got)].join("")).toBe(comparisonFormat.serialize(got));
  }, 60_000);
});
