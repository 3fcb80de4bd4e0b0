import { describe, expect, test } from "vitest";
import { parseComparisonGate, parsePullRequestRef, summarizeGate } from "./report-bundle.js";

const SHA = "a".repeat(40);

describe("parsePullRequestRef", () => {
  test("accepts exactly the written shape", () => {
    expect(parsePullRequestRef(JSON.stringify({ schema: "llmops.pull-request/v1", number: 3, head_sha: SHA }), "pr.json")).toEqual({ schema: "llmops.pull-request/v1", number: 3, head_sha: SHA });
  });
  test.each([
    ["not json", "{", /pr.json is not valid JSON/],
    ["extra key", JSON.stringify({ schema: "llmops.pull-request/v1", number: 3, head_sha: SHA, url: "x" }), /Unrecognized key/],
    ["negative number", JSON.stringify({ schema: "llmops.pull-request/v1", number: -1, head_sha: SHA }), /number: /],
    ["short sha", JSON.stringify({ schema: "llmops.pull-request/v1", number: 1, head_sha: "abc" }), /head_sha: expected a 40-hex commit SHA/],
    ["wrong schema", JSON.stringify({ schema: "x", number: 1, head_sha: SHA }), /schema: /],
  ])("refuses %s", (_n, text, re) => expect(() => parsePullRequestRef(text, "pr.json")).toThrow(re));
});

describe("parseComparisonGate", () => {
  const gate = { verdict: "fail", conclusion: "failure", blocking: true, reasons: ["accuracy regressed"], checks: [] };
  test("reads the gate and ignores the rest", () => {
    expect(parseComparisonGate(JSON.stringify({ schema: "llmops.comparison/v1", gate, metrics: [] }), "c.json")).toMatchObject({ verdict: "fail", conclusion: "failure" });
    expect(parseComparisonGate(JSON.stringify({ schema: "llmops.comparison/v1", gate: null }), "c.json")).toBeNull();
  });
  test("refuses a verdict outside the enum", () => {
    expect(() => parseComparisonGate(JSON.stringify({ schema: "llmops.comparison/v1", gate: { ...gate, verdict: "PASS!!" } }), "c.json")).toThrow(/c.json does not match its schema: gate.verdict/);
  });
});

describe("summarizeGate", () => {
  test.each([
    [{ verdict: "pass", conclusion: "success", reasons: [] }, undefined, { conclusion: "success", headline: "PASS: every gated check passed" }],
    [{ verdict: "fail", conclusion: "failure", reasons: ["a", "b", "c"] }, undefined, { conclusion: "failure", headline: "FAIL: a (+2 more)" }],
    // The gate's reasons carry their own check's verdict: the title says it once, not "FAIL: FAIL: …".
    [{ verdict: "fail", conclusion: "failure", reasons: ["FAIL: exact_match: Δ -0.1", "INCONCLUSIVE: contains: x"] }, undefined, { conclusion: "failure", headline: "FAIL: exact_match: Δ -0.1 (+1 more)" }],
    [{ verdict: "pass", conclusion: "success", reasons: [], checks: [{ kind: "unchanged", message: "unchanged: all 60 records were produced by the same requests" }] }, undefined, { conclusion: "success", headline: "PASS: unchanged: all 60 records were produced by the same requests" }],
    [null, "inconclusive", { conclusion: "neutral", headline: "INCONCLUSIVE" }],
    [null, undefined, null],
  ] as const)("%j / %s", (gate, input, want) => {
    expect(summarizeGate(gate ? ({ ...gate, reasons: [...gate.reasons] } as Parameters<typeof summarizeGate>[0]) : null, input)).toEqual(want);
  });
});
