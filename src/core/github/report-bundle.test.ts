import { describe, expect, test } from "vitest";
import { makeComparison } from "../../../test/support/report-fixture.js";
import { parseComparisonGate, parsePullRequestRef, summarizeGate } from "./report-bundle.js";

const SHA = "a".repeat(40);

describe("parsePullRequestRef", () => {
  const ok = { schema: "llmops.pull-request/v2", number: 3, head_sha: SHA, head_repo: "fork/app", base_repo: "org/app" };
  test("accepts exactly the written shape", () => {
    expect(parsePullRequestRef(JSON.stringify(ok), "pr.json")).toEqual(ok);
    expect(parsePullRequestRef(JSON.stringify({ ...ok, head_repo: null }), "pr.json").head_repo).toBeNull();
  });
  test.each([
    ["not json", "{", /pr\.json: not valid JSON/],
    ["extra key", JSON.stringify({ ...ok, url: "x" }), /Unrecognized key/],
    ["negative number", JSON.stringify({ ...ok, number: -1 }), /number: /],
    ["short sha", JSON.stringify({ ...ok, head_sha: "abc" }), /head_sha: expected a 40-hex commit SHA/],
    ["wrong schema", JSON.stringify({ ...ok, schema: "x" }), /pr\.json: is "x", not llmops\.pull-request\/v2/],
    ["v1 (no repositories: could be attached to another repository's PR)", JSON.stringify({ schema: "llmops.pull-request/v1", number: 1, head_sha: SHA }), /pr\.json: is "llmops\.pull-request\/v1", not llmops\.pull-request\/v2/],
    ["a repository that is not owner/name", JSON.stringify({ ...ok, base_repo: "org/app/../x" }), /base_repo: expected owner\/name/],
  ])("refuses %s", (_n, text, re) => expect(() => parsePullRequestRef(text, "pr.json")).toThrow(re));
});

describe("parseComparisonGate", () => {
  const c = makeComparison();
  test("reads the gate of a whole comparison", () => {
    expect(parseComparisonGate(JSON.stringify(c), "c.json")).toMatchObject({ verdict: c.gate!.verdict, conclusion: c.gate!.conclusion });
    expect(parseComparisonGate(JSON.stringify({ ...c, gate: null }), "c.json")).toBeNull();
  });
  test.each([
    ["a verdict outside the enum", { ...c, gate: { ...c.gate!, verdict: "PASS!!" } }, /c\.json: not a valid llmops\.comparison\/v1 document — gate\.verdict/],
    ["a gate without the rest of the comparison", { schema: "llmops.comparison/v1", gate: c.gate }, /c\.json: not a valid llmops\.comparison\/v1 document/],
    ["too many reasons", { ...c, gate: { ...c.gate!, reasons: Array(201).fill("r") } }, /gate\.reasons/],
  ])("refuses %s", (_n, doc, re) => {
    expect(() => parseComparisonGate(JSON.stringify(doc), "c.json")).toThrow(re);
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
    [{ verdict: "inconclusive", conclusion: "neutral", reasons: ["x"], policy: { inconclusive: "neutral" } }, undefined, { conclusion: "neutral", headline: "INCONCLUSIVE: x" }],
    [{ verdict: "inconclusive", conclusion: "failure", reasons: ["x"] }, undefined, { conclusion: "failure", headline: "INCONCLUSIVE: x" }],
  ] as const)("%j / %s", (gate, input, want) => {
    expect(summarizeGate(gate ? ({ ...gate, reasons: [...gate.reasons] } as Parameters<typeof summarizeGate>[0]) : null, input)).toEqual(want);
  });

  // The conclusion is derived from the verdict; a bundle that says otherwise is forged and refused.
  test.each([
    [{ verdict: "fail", conclusion: "success" }, /verdict "fail" but conclusion "success"/],
    [{ verdict: "fail", conclusion: "neutral" }, /verdict "fail" but conclusion "neutral"/],
    [{ verdict: "inconclusive", conclusion: "success" }, /inconclusive: fail means "failure"/],
    [{ verdict: "inconclusive", conclusion: "neutral", policy: { inconclusive: "fail" as const } }, /refusing to publish a forged/],
    [{ verdict: "pass", conclusion: "failure" }, /verdict "pass" but conclusion "failure"/],
  ] as const)("refuses %j", (g, re) => {
    expect(() => summarizeGate({ reasons: [], ...g } as unknown as Parameters<typeof summarizeGate>[0], "pass")).toThrow(re);
  });
});
