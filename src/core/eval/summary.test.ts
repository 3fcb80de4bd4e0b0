import { describe, expect, it } from "vitest";
import { computeSummary } from "./summary.js";
import { createScorers, scorerConfigSchema } from "./scorers/registry.js";
import type { EvalRecord, Provenance } from "./types.js";
import { renderSummaryMarkdown, renderSummaryText } from "./render-summary.js";

const provenance: Provenance = {
  llmops_version: "0.1.0",
  git: { commit: "0123456789abcdef0123", dirty: false },
  suite_hash: "a".repeat(64),
  dataset_hash: "b".repeat(64),
  prompt_hash: "c".repeat(64),
  target: { provider: "openai-compatible", base_url: "http://127.0.0.1:1/v1", model: "tiny", api: "chat", params: { temperature: 0 } },
  scorers: {},
  seed: 1,
  started_at: "2026-01-01T00:00:00.000Z",
  finished_at: "2026-01-01T00:00:01.000Z",
  node: "v20",
};

function rec(id: string, repeat: number, output: string, expected: string, latency: number, extra: Partial<EvalRecord> = {}): EvalRecord {
  return {
    schema: "llmops.result/v1",
    case_id: id, repeat, key: `${id}-${repeat}`, input_hash: "h", input: "i", vars: {}, expected, output, scores: {},
    latency_ms: latency, ttft_ms: latency / 2, prompt_tokens: 10, completion_tokens: 2, cost: 0.001, finish_reason: "stop", error: null, attempts: 1, cached: false, ...extra,
  };
}

describe("computeSummary", () => {
  const scorers = createScorers(
    [
      { type: "exact_match", threshold: 1, weight: 2 },
      { type: "latency", max_ms: 100, p95_ms: 150, ttft_p50_ms: 10 },
    ].map((c) => scorerConfigSchema.parse(c)),
  );

  function score(r: EvalRecord): EvalRecord {
    const s = scorers[0]!.score({ output: r.output!, expected: r.expected, vars: {}, prompt: "", latencyMs: r.latency_ms!, ttftMs: r.ttft_ms, promptTokens: 10, completionTokens: 2, cost: 0.001 });
    const l = scorers[1]!.score({ output: r.output!, expected: r.expected, vars: {}, prompt: "", latencyMs: r.latency_ms!, ttftMs: r.ttft_ms, promptTokens: 10, completionTokens: 2, cost: 0.001 });
    return { ...r, scores: { exact_match: { value: s.value, pass: s.value === 1 }, latency: { value: l.value } } };
  }

  const records = [
    score(rec("a", 0, "1", "1", 50)),
    score(rec("b", 0, "2", "3", 80)),
    score(rec("c", 0, "4", "4", 120)),
    score(rec("d", 0, "5", "5", 200)),
    { ...rec("e", 0, "", "6", 0), output: null, latency_ms: null, ttft_ms: null, error: { kind: "http" as const, message: "503 after 6 attempts", status: 503 } },
  ];
  const configs = { exact_match: { type: "exact_match", threshold: 1, weight: 2 }, latency: { type: "latency", max_ms: 100 } };
  const s = computeSummary({ suite: { name: "t", file: "t.yaml", hash: "x" }, cases: 5, repeats: 1, records, scorers, configs, currency: "USD", provenance });

  it("records each scorer's full configuration, so a comparison rebuilds the same scorer", () => {
    expect(s.schema).toBe("llmops.summary/v3");
    expect(s.metrics.exact_match!.config).toEqual(configs.exact_match);
    expect(s.metrics.latency!.config).toEqual(configs.latency);
  });

  it("computes means over successful records, with Wilson for 0/1", () => {
    expect(s.metrics.exact_match!.mean).toBe(0.75);
    expect(s.metrics.exact_match!.n).toBe(4);
    expect(s.metrics.exact_match!.method).toBe("wilson");
    expect(s.metrics.exact_match!.pass_rate).toBe(0.75);
    expect(s.metrics.latency!.mean).toBe(0.5);
  });

  it("checks run-level latency budgets against percentiles", () => {
    // latencies 50, 80, 120, 200 → p95 = 188 (linear), TTFT p50 = 50
    expect(s.latency.p95).toBeCloseTo(188, 10);
    const b = s.metrics.latency!.budgets!;
    expect(Object.keys(b)).toEqual(["p95_ms", "ttft_p50_ms"]);
    expect(b.p95_ms!.observed).toBeCloseTo(188, 10);
    expect(b.p95_ms).toMatchObject({ budget: 150, pass: false });
    expect(b.ttft_p50_ms).toEqual({ observed: 50, budget: 10, pass: false });
  });

  it("counts tokens, cost and errors by kind", () => {
    expect(s.tokens).toEqual({ prompt: 40, completion: 8, total: 48 });
    expect(s.cost!.total).toBeCloseTo(0.004, 12);
    expect(s.counts).toEqual({ cases: 5, repeats: 1, records: 5, errors: 1 });
    expect(s.errors).toEqual([{ kind: "http", count: 1, example: "503 after 6 attempts" }]);
    expect(s.overall.weighted_mean).toBeCloseTo((0.75 * 2 + 0.5) / 3, 12);
  });

  it("renders the job summary table", () => {
    expect(renderSummaryMarkdown(s)).toMatchInlineSnapshot(`
      "### llmops eval: t

      5 cases × 1 repeat(s) against \`tiny\`; 1 error(s).

      | metric      | mean ×100 |    95% CI    | SE ×100 |  pass |  n | interval |
      | :---------- | --------: | :----------: | ------: | ----: | -: | :------- |
      | exact_match |      75.0 | [30.1, 95.4] |    21.7 | 75.0% |  4 | wilson   |
      | latency     |      50.0 | [15.0, 85.0] |    25.0 |     – |  4 | wilson   |

      | latency ms | mean | p50 | p95 | p99 | TTFT p50 | TTFT p95 |
      | :--------- | ---: | --: | --: | --: | -------: | -------: |
      |            |  113 | 100 | 188 | 198 |       50 |       94 |

      - latency p95_ms: 188 (budget 150) OVER BUDGET
      - latency ttft_p50_ms: 50 (budget 10) OVER BUDGET

      Tokens: 40 prompt + 8 completion; cost 0.0040 USD.

      <sub>llmops 0.1.0 · commit 0123456789ab · suite aaaaaaaaaaaa · dataset bbbbbbbbbbbb · prompt cccccccccccc</sub>
      "
    `);
    expect(renderSummaryText(s)).toContain("latency p95_ms: 188 (budget 150) OVER BUDGET");
  });

  it("escapes a hostile suite or model name through the report's escaping", () => {
    const hostile = { ...s, suite: { ...s.suite, name: "x <img src=y> @team" }, provenance: { ...s.provenance, target: { ...s.provenance.target, model: "m`|@org/team" } } };
    const md = renderSummaryMarkdown(hostile);
    const heading = md.split("\n")[0]!;
    expect(heading).not.toContain("<img");
    expect(heading).not.toContain(" @team"); // a joiner keeps GitHub from pinging
    // The model name sits whole inside a code span (no mention, no HTML), its backtick fenced out.
    expect(md).toContain("against ``m`\\|@org/team``;");
  });
});
