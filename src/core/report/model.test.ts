import { describe, expect, it } from "vitest";
import { makeComparison } from "../../../test/support/report-fixture.js";
import { buildCaseDetails, type ReportRecord } from "./model.js";

const rec = (case_id: string, repeat: number, em: number, extra: Partial<ReportRecord> = {}): ReportRecord => ({
  case_id,
  repeat,
  input: `in ${case_id}`,
  expected: "x",
  output: `out ${case_id}/${repeat}`,
  scores: { exact_match: { value: em }, token_f1: { value: em * 0.5 } },
  latency_ms: 100 * (repeat + 1),
  error: null,
  ...extra,
});

describe("buildCaseDetails", () => {
  const comparison = { ...makeComparison(), flips: [{ case_id: "a", metric: "exact_match", direction: "broke" as const, baseline: 1, candidate: 0.33 }] };

  it("folds repeats: mean scores, majority pass for binary metrics, first output, mean latency", () => {
    const cases = buildCaseDetails(comparison, [rec("a", 0, 1), rec("a", 1, 1)], [rec("a", 1, 0), rec("a", 0, 1), rec("a", 2, 0)]);
    expect(cases).toHaveLength(1);
    const c = cases[0]!;
    expect(c.flips).toEqual({ exact_match: "broke" });
    expect(c.candidate!.repeats).toBe(3);
    expect(c.candidate!.output).toBe("out a/0");
    expect(c.candidate!.scores.exact_match).toBeCloseTo(1 / 3);
    expect(c.candidate!.pass).toEqual({ exact_match: false, token_f1: null });
    expect(c.baseline!.pass.exact_match).toBe(true);
    expect(c.candidate!.latency_ms).toBe(200);
  });

  it("uses the records' own pass flags when present, and keeps errors", () => {
    const err = rec("b", 0, 0, { output: null, error: { kind: "timeout", message: "after 30 s" }, scores: { token_f1: { value: 0.9, pass: false } } });
    const [c] = buildCaseDetails(comparison, [], [err]);
    expect(c!.baseline).toBeNull();
    expect(c!.candidate!.error).toBe("timeout: after 30 s");
    expect(c!.candidate!.output).toBeNull();
    expect(c!.candidate!.pass.token_f1).toBe(false);
  });

  it("lists candidate cases in run order, then baseline-only ones", () => {
    const cases = buildCaseDetails(comparison, [rec("z", 0, 1), rec("a", 0, 1)], [rec("b", 0, 1), rec("a", 0, 1)]);
    expect(cases.map((c) => c.case_id)).toEqual(["b", "a", "z"]);
    expect(cases[2]!.candidate).toBeNull();
  });
});
