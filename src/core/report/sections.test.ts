import { describe, expect, it } from "vitest";
import { makeComparison } from "../../../test/support/report-fixture.js";
import type { Comparison } from "../compare/types.js";
import { renderStickyMarker } from "./marker.js";
import { renderMermaidMetricChart } from "./mermaid.js";
import type { ReportModel } from "./model.js";
import { rankFlippedCases, renderMetricCaption, renderProvenance, renderVerdict } from "./sections.js";

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
      "## ℹ️ NO GATE — PR @\u2060evil &lt;b&gt;\n\nNo gate policy applies: the numbers below are for information; nothing was decided.\n",
    );
  });
});

describe("renderMermaidMetricChart", () => {
  it("puts baseline and candidate side by side on a 0–100 axis, labels sanitised", () => {
    const c = makeComparison();
    c.metrics[1] = { ...c.metrics[1]!, name: 'f1"]\n%%{init}%%' };
    expect(renderMermaidMetricChart(c)).toBe(
      [
        "xychart-beta",
        '    title "Baseline (base) vs candidate (cand) per metric"',
        '    x-axis ["exact_match · base", "exact_match · cand", "f1 init · base", "f1 init · cand"]',
        '    y-axis "score × 100" 0 --> 100',
        "    bar [80, 62, 85.6, 78.8]",
      ].join("\n"),
    );
  });

  it("says pass rate for binary metrics only, turns horizontal past three metrics, skips metrics outside [0,1]", () => {
    const c = makeComparison();
    const em = c.metrics[0]!;
    c.metrics = [em, { ...em, name: "b" }, { ...em, name: "c" }, { ...em, name: "d" }, { ...em, name: "bleu", baseline: { ...em.baseline, mean: 31.2 } }];
    const chart = renderMermaidMetricChart(c)!;
    expect(chart.split("\n")[0]).toBe("xychart-beta horizontal");
    expect(chart).toContain('y-axis "pass rate (%)" 0 --> 100');
    expect(chart).not.toContain("bleu");
  });

  it("gives nothing when no metric lives in [0,1]", () => {
    const c = makeComparison();
    c.metrics = c.metrics.map((m) => ({ ...m, baseline: { ...m.baseline, mean: null } }));
    expect(renderMermaidMetricChart(c)).toBeNull();
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

describe("warnings", () => {
  it("the caption flags unpaired cases and errored records; provenance lists run warnings and metric notes", () => {
    const c = makeComparison();
    c.one_sided = { baseline_only: ["q-9"], candidate_only: [] };
    c.candidate = { ...c.candidate, counts: { ...c.candidate.counts, errors: 3 }, warnings: ["results.jsonl: partial last line ignored"] };
    c.metrics[1] = { ...c.metrics[1]!, notes: ["2 null values excluded"] };
    const caption = renderMetricCaption(c);
    expect(caption).toContain("⚠️ Not paired: 1 case(s) only in the baseline, 0 only in the candidate.");
    expect(caption).toContain("⚠️ The candidate has 3 errored record(s) (timeouts, HTTP errors): scored as failures.");
    const prov = renderProvenance(model(c));
    expect(prov).toContain("- ⚠️ candidate: results.jsonl: partial last line ignored");
    expect(prov).toContain("- ⚠️ token\\_f1: 2 null values excluded");
  });
});

describe("rankFlippedCases", () => {
  it("keeps the first k of the full ranking (most flips, then most moved, then first flipped) without sorting them all", () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const flips: Comparison["flips"] = [];
    for (let i = 0; i < 3000; i++) {
      const id = `c${Math.floor(rand() * 900)}`;
      flips.push({ case_id: id, metric: `m${i % 3}`, direction: rand() < 0.6 ? "broke" : "fixed", baseline: Math.round(rand() * 4) / 4, candidate: Math.round(rand() * 4) / 4 });
    }
    const c: Comparison = { ...makeComparison(), flips };
    for (const direction of ["broke", "fixed"] as const) {
      // The reference: every flipped case ranked by one full sort.
      const by = new Map<string, { count: number; moved: number; order: number }>();
      flips.forEach((f, i) => {
        if (f.direction !== direction) return;
        const e = by.get(f.case_id) ?? { count: 0, moved: 0, order: i };
        e.count++;
        e.moved += Math.abs(f.candidate - f.baseline);
        by.set(f.case_id, e);
      });
      const all = [...by.entries()].sort((a, b) => b[1].count - a[1].count || b[1].moved - a[1].moved || a[1].order - b[1].order).map(([id]) => id);
      for (const k of [1, 5, 40, 1000]) {
        const got = rankFlippedCases(model(c), direction, k);
        expect(got.total).toBe(all.length);
        expect(got.ids).toEqual(all.slice(0, k));
      }
    }
  });
});
