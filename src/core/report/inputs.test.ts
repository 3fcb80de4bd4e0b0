import { describe, expect, it } from "vitest";
import { DataInvalidError } from "../../errors.js";
import { makeComparison } from "../../../test/support/report-fixture.js";
import { parseComparison, parseResultsJsonl } from "./inputs.js";
import { evalRecord } from "../../../test/support/contract-docs.js";

describe("parseComparison", () => {
  it("accepts what compare writes", () => {
    const c = makeComparison();
    expect(parseComparison(JSON.stringify(c), "c.json")).toEqual(c);
  });

  it.each([
    ["not json", "{", /c\.json: not valid JSON/],
    ["array", "[]", /c\.json: expected a JSON object/],
    ["wrong schema", JSON.stringify({ schema: "llmops.summary/v1" }), /c\.json: is "llmops\.summary\/v1", not llmops\.comparison\/v1/],
    ["newer version", JSON.stringify({ schema: "llmops.comparison/v2", provenance: { llmops_version: "0.3.0" } }), /c\.json: written by llmops 0\.3\.0 as llmops\.comparison\/v2; this is llmops .*: upgrade llmops/],
    ["missing fields", JSON.stringify({ schema: "llmops.comparison/v1", confidence: 0.95 }), /c\.json: not a valid llmops\.comparison\/v1 document — bootstrap: /],
  ])("%s → DataInvalidError naming the file", (_n, text, msg) => {
    expect(() => parseComparison(text, "c.json")).toThrow(DataInvalidError);
    expect(() => parseComparison(text, "c.json")).toThrow(msg);
  });
});

describe("parseResultsJsonl", () => {
  it("keeps the last record per case and repeat, drops a cut-off last line with a warning", () => {
    const lines = [
      JSON.stringify(evalRecord({ case_id: "1", input: "a", output: null, error: { kind: "timeout", message: "30s" } })),
      JSON.stringify(evalRecord({ case_id: "2", input: "b", output: "B", scores: { em: { value: 1, pass: true } }, latency_ms: 12 })),
      JSON.stringify(evalRecord({ case_id: "1", input: "a", output: "A", scores: { em: { value: 0, pass: false } }, latency_ms: 40 })),
      '{"case_id": "3", "repeat": 0, "inp',
    ];
    const { records, warnings } = parseResultsJsonl(lines.join("\n"), "r.jsonl");
    expect(warnings.join(" ")).toMatch(/r\.jsonl:4: ignored a partial last line/);
    expect(records.map((r) => [r.case_id, r.output, r.error])).toEqual([
      ["1", "A", null],
      ["2", "B", null],
    ]);
    expect(records[0]!.scores).toEqual({ em: { value: 0, pass: false } });
  });

  it("stops at a broken line in the middle, naming file:line", () => {
    expect(() => parseResultsJsonl(`{broken\n${JSON.stringify(evalRecord({ case_id: "1" }))}\n`, "r.jsonl")).toThrow(/r\.jsonl:1: not valid JSON/);
  });
});
