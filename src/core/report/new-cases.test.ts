import { describe, expect, it } from "vitest";
import { newCasesOf } from "../eval/new-cases.js";
import type { ReportRecord } from "./model.js";
import { buildNewCases, renderNewCases } from "./new-cases.js";
import { renderGfm } from "../../../test/support/markdown.js";

const rec = (case_id: string, repeat: number, output: string | null, em: number | null, extra: Partial<ReportRecord> = {}): ReportRecord => ({
  case_id,
  repeat,
  input: `${case_id}?`,
  expected: "x",
  output,
  scores: { exact_match: em === null ? undefined : { value: em, pass: em === 1 } },
  latency_ms: 5,
  error: null,
  ...extra,
});
const limits = { perKind: 5, textChars: 2000 };

describe("new cases (not gated)", () => {
  it.each([
    [["a", "b"], ["a", "b"], []],
    [["a", "b"], ["b", "c", "a", "d"], ["c", "d"]],
    [["a"], [], []],
    [[], ["z"], ["z"]],
  ])("newCasesOf(%j, %j) = %j", (yard, cand, added) => {
    const cases = (ids: string[]) => ids.map((id) => ({ id, input: id, expected: null }) as never);
    expect(newCasesOf(cases(yard), cases(cand)).map((c) => c.id)).toEqual(added);
  });

  it("folds repeats per case, averages each metric over the cases, and renders one row per case", () => {
    const report = buildNewCases([rec("n1", 0, "x", 1), rec("n1", 1, "y", 0), rec("n2", 0, "x", 1)]);
    expect(report.cases.map((c) => [c.case_id, c.side.scores.exact_match, c.side.repeats])).toEqual([["n1", 0.5, 2], ["n2", 1, 1]]);
    expect(report.means.exact_match).toBeCloseTo(0.75, 12);
    const md = renderNewCases(report, limits);
    expect(md).toContain("<summary>🆕 New cases (not gated): 2 cases the base's suite does not have</summary>");
    expect(md).toContain("Mean over them: `exact_match` 0.75.");
    expect(md).toMatch(/^\| `n2` +\| ✅ 1 +\| `x` +\|$/m);
  });

  it("renders nothing without new cases", () => {
    expect(renderNewCases(undefined, limits)).toBe("");
    expect(renderNewCases(buildNewCases([]), limits)).toBe("");
  });

  it("neutralises a hostile case id and output: no ping, no table break, no HTML, no fence escape", () => {
    const md = renderNewCases(buildNewCases([rec("@admin|<b>", 0, "@team/all | </details><img src=x> ``` #12", 0)]), limits);
    const row = md.split("\n").find((l) => l.includes("admin"))!;
    // Exactly four cell borders: the pipes inside the texts are escaped.
    expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(5);
    // Rendered as GitHub does: one table cell holds the whole output as code; no tag survives.
    const html = renderGfm(md);
    expect(html.match(/<\/details>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain("<code>@team/all | &lt;/details&gt;&lt;img src=x&gt; ``` #12</code>");
  });

  it("shows an errored case's error instead of an output, and caps the rows", () => {
    const many = Array.from({ length: 30 }, (_, i) => rec(`c${i}`, 0, "x", 1));
    const md = renderNewCases(buildNewCases([rec("e", 0, null, null, { error: { kind: "timeout", message: "no answer in 30 s" } }), ...many]), { perKind: 1, textChars: 100 });
    expect(md).toMatch(/\| `e` +\| — +\| error: `timeout: no answer in 30 s` +\|/);
    expect(md).toContain("21 more new cases are in the candidate run's `new-cases/results.jsonl`.");
  });
});
