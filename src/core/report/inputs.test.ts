import { describe, expect, it } from "vitest";
import { DataInvalidError } from "../../errors.js";
import { makeComparison } from "../../../test/support/report-fixture.js";
import { parseComparison, parseResultsJsonl } from "./inputs.js";

describe("parseComparison", () => {
  it("accepts what compare writes", () => {
    const c = makeComparison();
    expect(parseComparison(JSON.stringify(c), "c.json")).toEqual(c);
  });

  it.each([
    ["not json", "{", /c\.json: not valid JSON/],
    ["array", "[]", /c\.json: expected a JSON object/],
    ["wrong schema", JSON.stringify({ schema: "llmops.summary/v1" }), /schema is "llmops\.summary\/v1", expected "llmops\.comparison\/v1"/],
    ["missing fields", JSON.stringify({ schema: "llmops.comparison/v1", confidence: 0.95 }), /not a valid comparison — metrics: a list/],
  ])("%s → DataInvalidError naming the file", (_n, text, msg) => {
    expect(() => parseComparison(text, "c.json")).toThrow(DataInvalidError);
    expect(() => parseComparison(text, "c.json")).toThrow(msg);
  });
});

describe("parseResultsJsonl", () => {
  it("keeps the last record per case and repeat, skips broken lines", () => {
    const lines = [
      JSON.stringify({ case_id: 1, repeat: 0, input: "a", output: null, error: { kind: "timeout", message: "30s" }, scores: {} }),
      JSON.stringify({ case_id: "2", repeat: 0, input: "b", output: "B", scores: { em: { value: 1, pass: true } }, latency_ms: 12 }),
      JSON.stringify({ case_id: 1, repeat: 0, input: "a", output: "A", scores: { em: { value: 0, pass: false } }, latency_ms: 40 }),
      '{"case_id": "3", "repeat": 0, "inp',
    ];
    const { records, skipped } = parseResultsJsonl(lines.join("\n"));
    expect(skipped).toBe(1);
    expect(records.map((r) => [r.case_id, r.output, r.error])).toEqual([
      ["2", "B", null],
      ["1", "A", null],
    ]);
    expect(records[1]!.scores).toEqual({ em: { value: 0, pass: false } });
  });
});
