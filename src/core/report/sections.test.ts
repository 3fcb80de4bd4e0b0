import { describe, expect, it } from "vitest";
import { makeComparison } from "../../../test/support/report-fixture.js";
import type { Comparison } from "../compare/types.js";
import { renderStickyMarker } from "./marker.js";
import { renderMermaidDeltaChart } from "./mermaid.js";
import type { ReportModel } from "./model.js";
import { renderVerdict } from "./sections.js";

const model = (c: Comparison): ReportModel => ({ comparison: c, cases: [], context: {} });

describe("renderVerdict", () => {
  const base = makeComparison();

  it("PASS says how many checks passed on how many cases", () => {
    const c: Comparison = { ...base, gate: { ...base.gate!, verdict: "pass", blocking: false, conclusion: "success", reasons: [] } };
    expect(renderVerdict(model(c), 3)).toBe("### ✅ PASS — llmops eval: qa\n\nAll 3 gate checks passed on 50 paired cases at 95% confidence.\n");
  });

  it("INCONCLUSIVE gives the reason, what would decide it and whether it blocks", () => {
    const checks = base.gate!.checks.map((k) => (k.verdict === "fail" ? { ...k, verdict: "pass" as const } : k));
    const c: Comparison = { ...base, gate: { ...base.gate!, checks, verdict: "inconclusive", blocking: false, conclusion: "neutral", reasons: ["INCONCLUSIVE: token_f1 …"] } };
    expect(renderVerdict(model(c), 3)).toBe(
      "### ⚠️ INCONCLUSIVE — llmops eval: qa\n\n**token\\_f1 got worse by 0.068 (95% CI −0.128 to −0.008): a loss beyond the allowed 0.100 cannot be ruled out yet**. The data cannot decide yet; about 140 paired cases would likely settle it. This does not block the merge under the policy.\n",
    );
  });

  it("no gate: says nothing was decided", () => {
    expect(renderVerdict({ ...model({ ...base, gate: null }), context: { title: "PR @evil <b>" } }, 2)).toBe(
      "## ℹ️ NO GATE — PR @\u200Devil &lt;b&gt;\n\nNo gate policy applies: the numbers below are for information; nothing was decided.\n",
    );
  });
});

describe("renderMermaidDeltaChart", () => {
  it("charts Δ and its bounds in points, labels sanitised", () => {
    const c = makeComparison();
    c.metrics[1] = { ...c.metrics[1]!, name: 'f1"]\n%%{init}%%' };
    expect(renderMermaidDeltaChart(c)).toBe(
      [
        "xychart-beta",
        '    title "Δ candidate − baseline in points · bars Δ · lines 95% CI bounds"',
        '    x-axis ["exact_match", "f1 init"]',
        '    y-axis "Δ (points)" -35 --> 0',
        "    bar [-18, -6.77]",
        "    line [-30.44, -12.75]",
        "    line [-5.56, -0.79]",
      ].join("\n"),
    );
  });

  it("gives nothing when no metric has a Δ", () => {
    const c = makeComparison();
    c.metrics = c.metrics.map((m) => ({ ...m, delta: null }));
    expect(renderMermaidDeltaChart(c)).toBeNull();
  });
});

describe("renderStickyMarker", () => {
  it.each([
    ["eval", "qa", "<!-- llmops:eval:qa -->"],
    ["eval", "evals/qa.yaml", "<!-- llmops:eval:evals/qa.yaml -->"],
    ["x --> <script>", "a:b", "<!-- llmops:x-script:a-b -->"],
    ["", "", "<!-- llmops:default:default -->"],
  ])("(%j, %j) → %s", (kind, key, expected) => {
    expect(renderStickyMarker(kind, key)).toBe(expected);
  });
});
