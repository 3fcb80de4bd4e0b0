// The k-arm report: a deterministic 3-arm experiment rendered (snapshot, also reports/example-arms.md),
// and hostile arm names, metric names and case ids neutralised.
import { describe, expect, it } from "vitest";
import { simulatedModel } from "../../../test/support/simulated-model.js";
import { HOSTILE_TEXT } from "../../../test/support/report-fixture.js";
import { computeArms } from "../compare/arms.js";
import type { LoadedRun, RecordForCompare } from "../compare/run-records.js";
import { renderArmsMarkdown } from "./arms.js";
import { evalRecord } from "../../../test/support/contract-docs.js";

const opts = { confidence: 0.95, resamples: 1000, seed: 1, aggregateFor: () => ({ aggregate: undefined }), llmopsVersion: "0.1.0", createdAt: "2026-12-04T18:00:00Z" };

/** n cases of "a + b ="; exact_match from the simulated model, token_f1 a deterministic partial score. */
function run(model: string, skill: Record<string, number>, n: number, caseId = (i: number) => `case-${String(i).padStart(3, "0")}`): LoadedRun {
  const answer = simulatedModel(skill);
  const records: RecordForCompare[] = Array.from({ length: n }, (_, i) => {
    const prompt = `${i * 7 % 90} + ${i * 11 % 70} =`;
    const right = answer({ model, prompt }) === String((i * 7 % 90) + (i * 11 % 70));
    const partial = right ? 1 : 0.5 + ((i * 37) % 40) / 100;
    return evalRecord({ case_id: caseId(i), repeat: 0, scores: { exact_match: { value: right ? 1 : 0, pass: right }, token_f1: { value: partial } } });
  });
  return { dir: `runs/${model}`, resultsSha256: "0".repeat(64), records, summary: null, superseded: 0, warnings: [] };
}

describe("renderArmsMarkdown", () => {
  it("renders a 3-arm experiment: verdicts, the arms × metrics matrix, every pair, disagreements (snapshot)", async () => {
    const skill = { "prompt-v1": 0.6, "prompt-v2-concise": 0.78, "prompt-v3-cot": 0.64 };
    const a = computeArms(Object.keys(skill).map((name) => ({ name, run: run(name, skill, 200) })), opts);
    const md = renderArmsMarkdown(a);
    expect(md).toContain("### llmops k-arm comparison: prompt-v1 (control) vs prompt-v2-concise, prompt-v3-cot");
    expect(md).toContain("| arm ");
    await expect(md).toMatchFileSnapshot("../../../reports/example-arms.md");
  });

  it("escapes untrusted arm names, metric names and case ids", () => {
    const skill = { [HOSTILE_TEXT]: 0.5, b: 0.6 };
    const runs = Object.keys(skill).map((name) => {
      const r = run(name, skill, 30, (i) => `${HOSTILE_TEXT} ${i}`);
      for (const rec of r.records) rec.scores = { [`m ${HOSTILE_TEXT}`]: rec.scores.exact_match! };
      return { name, run: r };
    });
    const md = renderArmsMarkdown(computeArms(runs, opts));
    expect(md).not.toContain("@admin");
    expect(md).not.toContain("<img");
    expect(md).not.toContain("</details></summary>");
    expect(md).not.toContain("\u202E");
  });
});
