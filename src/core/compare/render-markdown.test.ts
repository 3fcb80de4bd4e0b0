import { describe, expect, it } from "vitest";
import { defaultPolicy } from "../gate/policy.js";
import { gatePolicySchema } from "../gate/policy.js";
import type { GatePolicy } from "../gate/types.js";
import { computeComparison } from "./compute.js";
import { escapeMarkdown, renderComparisonMarkdown } from "./render-markdown.js";
import type { LoadedRun, RecordForCompare } from "./run-records.js";

const rec = (case_id: string, v: number, latency: number): RecordForCompare => ({
  case_id,
  repeat: 0,
  scores: { exact_match: { value: v, pass: v === 1 } },
  latency_ms: latency,
  prompt_tokens: 10,
  completion_tokens: 2,
  cost: 0.001,
  error: null,
});
const run = (vals: number[], extra: RecordForCompare[] = []): LoadedRun => ({
  dir: "r",
  resultsSha256: "ab".repeat(32),
  records: [...vals.map((v, i) => rec(`q-${i}`, v, 100 + 10 * i)), ...extra],
  summary: { metrics: { exact_match: { type: "exact_match" } }, suite: { name: "qa", file: "evals/qa.yaml", hash: "cd".repeat(32) } },
  superseded: 0,
  warnings: [],
});

describe("report.md", () => {
  it("renders verdict, metrics, operational figures, flips, one-sided cases and provenance", async () => {
    const policy = gatePolicySchema.parse({ metrics: { exact_match: { max_regression: 0.05 } } }) as GatePolicy;
    const c = computeComparison(run([1, 1, 1, 0, 0, 1]), run([1, 1, 0, 1, 1, 1], [rec("@octocat <b>x</b>", 1, 50)]), {
      policy,
      policySource: "gate.yaml",
      gate: true,
      aggregateFor: () => undefined,
      llmopsVersion: "0.1.0",
      createdAt: "2026-01-01T00:00:00Z",
    });
    await expect(renderComparisonMarkdown(c)).toMatchFileSnapshot("__snapshots__/report.md");
  });

  it("escapes untrusted text: HTML, mentions, markdown, table pipes, newlines", () => {
    expect(escapeMarkdown("@team <img src=x> | *x*\n[a](b)")).toBe("@\u200bteam &lt;img src=x&gt; \\| \\*x\\* \\[a\\]\\(b\\)");
  });

  it("says when nothing was gated", () => {
    const c = computeComparison(run([1]), run([0]), { policy: defaultPolicy(), policySource: "default", gate: false, aggregateFor: () => undefined, llmopsVersion: "t", createdAt: "t" });
    expect(renderComparisonMarkdown(c)).toContain("Gate: not gated · 1 paired cases");
  });
});
