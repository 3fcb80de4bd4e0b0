// k-arm comparisons with the truth planted: the simulated model the loopback server serves
// (test/support/simulated-model.ts) answers each arm's prompts right with a known probability, so
// over many seeds we can count how often a wrong winner is named (it must stay within α).
import { describe, expect, it } from "vitest";
import { simulatedModel } from "../../../test/support/simulated-model.js";
import { armsFormat } from "../contracts/added-formats.js";
import { createRng } from "../stats/index.js";
import { computeArms, type ArmInput } from "./arms.js";
import type { LoadedRun, RecordForCompare } from "./run-records.js";
import { evalRecord } from "../../../test/support/contract-docs.js";

const opts = { confidence: 0.95, resamples: 1000, seed: 1, aggregateFor: () => ({ aggregate: undefined }), llmopsVersion: "test", createdAt: "2026-01-01T00:00:00Z" };

/** One arm's eval run: n addition cases ("a + b ="), answered by `model` through the simulated model. */
function armRun(model: string, skill: Record<string, number>, seed: number, n: number): LoadedRun {
  const answer = simulatedModel(skill);
  const rng = createRng(seed);
  const records: RecordForCompare[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(1000);
    const b = rng.int(1000);
    const prompt = `Q${seed}.${i}: ${a} + ${b} =`;
    const right = answer({ model, prompt }) === String(a + b);
    records.push(evalRecord({ case_id: `c${i}`, repeat: 0, scores: { exact_match: { value: right ? 1 : 0, pass: right } } }));
  }
  return { dir: model, resultsSha256: "0".repeat(64), records, summary: null, superseded: 0, warnings: [] };
}

function experiment(skill: Record<string, number>, seed: number, n: number): ArmInput[] {
  return Object.keys(skill).map((name) => ({ name, run: armRun(name, skill, seed, n) }));
}

describe("k-arm comparison with planted truth", { timeout: 120_000 }, () => {
  it("one arm better by 10 points, one equal to the control: over 150 seeds a wrong winner is named in at most α of them", () => {
    const skill = { control: 0.6, better: 0.7, same: 0.6 };
    let wrong = 0;
    let right = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const a = computeArms(experiment(skill, seed, 400), opts);
      const w = a.metrics[0]!.winner;
      if (w === "better") right++;
      else if (w !== null) wrong++;
    }
    expect(wrong / 150).toBeLessThanOrEqual(0.05);
    // Not vacuous: the better arm is found in a good share of experiments (power at n = 400).
    expect(right).toBeGreaterThan(40);
  });

  it("three equal arms: over 150 seeds any winner is wrong, and winners stay within α", () => {
    const skill = { control: 0.6, b: 0.6, c: 0.6 };
    let winners = 0;
    for (let seed = 1; seed <= 150; seed++) if (computeArms(experiment(skill, 1000 + seed, 300), opts).metrics[0]!.winner !== null) winners++;
    expect(winners / 150).toBeLessThanOrEqual(0.05);
  });

  it("names the winner only when its Holm interval excludes the control and every rival", () => {
    const a = computeArms(experiment({ control: 0.5, strong: 0.95, mid: 0.7 }, 7, 300), opts);
    const m = a.metrics[0]!;
    expect(m.winner).toBe("strong");
    expect(m.verdict).toMatch(/^strong wins/);
    // Every pair is present (k(k−1)/2 = 3) and Holm's family counts them all.
    expect(a.pairs.map((p) => `${p.arm}−${p.versus}`)).toEqual(["strong−control", "mid−control", "mid−strong"]);
    expect(a.holm_family).toBe(3);
    for (const p of a.pairs) expect(p.p_holm! < 0.05).toBe(p.ci_holm![0] > 0 || p.ci_holm![1] < 0);
    // arms.json round trip: what the one writer writes, the one reader reads back unchanged
    expect(armsFormat.parse(armsFormat.serialize(a), "arms.json")).toEqual(a);
  });

  it("without a winner, says which arms cannot be told apart and how many cases would separate them", () => {
    const a = computeArms(experiment({ control: 0.6, x: 0.64, y: 0.62 }, 3, 60), opts);
    const m = a.metrics[0]!;
    expect(m.winner).toBeNull();
    expect(m.indistinguishable.length).toBeGreaterThanOrEqual(2);
    expect(m.verdict).toMatch(/^no winner: .+ cannot be told apart \(.+(paired cases|no difference observed)/);
    const unresolved = a.pairs.filter((p) => p.cases_to_separate !== null);
    expect(unresolved.length).toBeGreaterThan(0);
    for (const p of unresolved) expect(p.cases_to_separate!).toBeGreaterThan(60);
  });

  it("lists the cases where the arms disagree most, and leaves out cases some arm lacks", () => {
    const arms = experiment({ control: 0.5, b: 0.5, c: 0.5 }, 11, 40);
    arms[2]!.run.records.pop(); // c39 missing from arm c
    const a = computeArms(arms, { ...opts, maxDisagreements: 5 });
    expect(a.shared_cases).toBe(39);
    expect(a.not_shared).toEqual({ control: ["c39"], b: ["c39"] });
    expect(a.disagreements.length).toBe(5);
    for (const d of a.disagreements) {
      expect(d.spread).toBe(1);
      expect(new Set(d.values).size).toBe(2);
    }
  });
});
