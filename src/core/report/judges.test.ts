import { describe, expect, it } from "vitest";
import { MENTION, renderGfm, tagNames, textOutsideCode } from "../../../test/support/markdown.js";
import { HOSTILE_TEXT, makeComparison, makeRecords } from "../../../test/support/report-fixture.js";
import type { JudgeSummary } from "../contracts/summary.js";
import { renderJudges } from "./judges.js";
import { renderComment } from "./markdown.js";
import { buildCaseDetails, type ReportModel } from "./model.js";

function judges(overrides: Partial<JudgeSummary> = {}): Record<string, JudgeSummary> {
  const usage = { requests: 100, cached: 0, retries: 3, prompt_tokens: 41_200, completion_tokens: 3_100, cost: 0.0505, currency: "USD" };
  return {
    quality: {
      type: "judge_rubric",
      target: { base_url: "https://api.example.com/v1", model: "judge-large" },
      prompt: { source: "builtin:rubric.jinja", sha256: "a".repeat(64) },
      samples: 50,
      errors: { parse: 2, request: 0 },
      error_example: { message: "judge answer did not parse: no score found: expected JSON {\"score\": 1-5, \"reason\": …}", raw: "I would rather not say." },
      distribution: { "1": 10, "4": 18, "5": 20 },
      usage,
      calibration: { labels_file: "evals/labels.jsonl", labels_sha256: "b".repeat(64), n: 30, statistic: "cohen_kappa", weights: "quadratic", kappa: 0.48, ci95: [0.21, 0.7], interval_method: "bootstrap-percentile", resamples: 2000, observed_agreement: 0.6, min_kappa: 0.6, below_min: true, unmatched_labels: 0 },
      ...overrides,
    },
    preference: {
      type: "judge_pairwise",
      target: { base_url: "https://api.example.com/v1", model: "judge-large" },
      prompt: { source: "builtin:pairwise.jinja", sha256: "c".repeat(64) },
      samples: 50,
      errors: { parse: 0, request: 0 },
      error_example: null,
      distribution: { win: 21, loss: 12, inconsistent: 17 },
      usage: { ...usage, requests: 100 },
      position_bias: { pairs: 50, wins: 21, losses: 12, ties: 0, inconsistent: 17, flip_rate: 0.34, decisive_verdicts: 100, first_position_wins: 67, first_position_win_rate: 0.67, first_position_ci95: [0.5729, 0.7536] },
    },
  };
}

function withJudges(): ReportModel {
  const records = makeRecords();
  const comparison = makeComparison(records);
  comparison.baseline.judges = judges({ calibration: undefined, errors: { parse: 0, request: 0 }, error_example: null });
  comparison.candidate.judges = judges();
  return { comparison, cases: buildCaseDetails(comparison, records.baseline, records.candidate), context: {} };
}

describe("renderJudges", () => {
  it("renders both sides: verdicts, failures, position bias, agreement, warnings (snapshot, also the example)", async () => {
    const { markdown } = renderComment(withJudges(), { marker: { kind: "eval", key: "qa" } });
    const section = markdown.slice(markdown.indexOf("**Judges**"), markdown.indexOf("<details>\n<summary>Gate checks"));
    await expect(section).toMatchFileSnapshot("./__snapshots__/judges.md");
    expect(section).toMatch(/\| preference +\| candidate \| `judge-large` \| 50\/50 +\| flips 34\.0% · 1st wins 67\.0% \[57, 75\] \| — +\|/);
    expect(section).toContain("κ 0.48 [0.21, 0.70] (n = 30) ⚠️");
    expect(section).toContain("agrees with human labels less than the suite asks: κ 0.48 < 0.6 (n = 30)");
  });

  it("is empty without judges, and the comment without judges is unchanged", () => {
    expect(renderJudges([{ label: null, judges: undefined }])).toBe("");
    const m = withJudges();
    delete m.comparison.baseline.judges;
    delete m.comparison.candidate.judges;
    expect(renderComment(m).markdown).not.toContain("Judges");
  });

  it("neutralises a judge's raw answer and hostile names: no mention, tag or workflow fence outside code", () => {
    const j = judges({ error_example: { message: HOSTILE_TEXT, raw: `${HOSTILE_TEXT}\n\`\`\`\n::error::x` } });
    const hostile = { [`@team ${HOSTILE_TEXT}`.slice(0, 60)]: j.quality! };
    const md = renderJudges([{ label: "candidate", judges: hostile }]);
    const html = renderGfm(md);
    expect(textOutsideCode(html)).not.toMatch(MENTION);
    expect(tagNames(html).filter((t) => !["p", "table", "thead", "tbody", "tr", "th", "td", "code", "strong", "sub", "blockquote", "details", "summary", "pre", "/p", "/table", "/thead", "/tbody", "/tr", "/th", "/td", "/code", "/strong", "/sub", "/blockquote", "/details", "/summary", "/pre"].includes(t))).toEqual([]);
  });
});
