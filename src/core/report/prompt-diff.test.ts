// The PR comment's prompt section: snapshot of a changed prompt, and hostile prompt text (fences,
// HTML, mentions, details tags) kept inert inside the rendered comment.
import { describe, expect, it } from "vitest";
import { MENTION, renderGfm, tagNames, textOutsideCode } from "../../../test/support/markdown.js";
import { HOSTILE_TEXT, makeComparison, makeRecords } from "../../../test/support/report-fixture.js";
import { unifiedDiff } from "../prompts/line-diff.js";
import type { PromptDiffReport } from "../prompts/diff-model.js";
import { renderComment } from "./markdown.js";
import { buildCaseDetails } from "./model.js";
import { renderPromptDiffSection } from "./prompt-diff.js";

const diff = (before: string, after: string, caseText = (t: string) => t.replace("{{ input }}", "2+2")): PromptDiffReport => ({
  base: "main",
  base_commit: "0123456789abcdef0123456789abcdef01234567",
  changes: [
    {
      file: "prompts/qa.jinja",
      status: "modified",
      base: { version: "a".repeat(64), semver: "1.0.0" },
      head: { version: "b".repeat(64), semver: "1.1.0" },
      template_diff: unifiedDiff(before, after, { a: "a/prompts/qa.jinja", b: "b/prompts/qa.jinja" }),
      cases_from: "evals/qa.yaml",
      rendered: [
        { case: "c1", where: "evals/cases/qa.jsonl:1", changed: true, diff: unifiedDiff(caseText(before), caseText(after), { a: "base (case c1)", b: "head (case c1)" }), before: caseText(before), after: caseText(after) },
        { case: "c2", where: "evals/cases/qa.jsonl:2", changed: false, diff: "", before: "x", after: "x" },
      ],
      notes: [],
    },
  ],
});

describe("renderPromptDiffSection", () => {
  it("shows versions, the template diff and the changed renderings (snapshot)", () => {
    expect(renderPromptDiffSection(diff("Answer briefly.\nQ: {{ input }}\nA:", "Answer in one word.\nQ: {{ input }}\nA:"))).toMatchSnapshot();
  });
  it("is empty when no prompt changed", () => {
    expect(renderPromptDiffSection({ base: "main", base_commit: "0".repeat(40), changes: [] })).toBe("");
    expect(renderPromptDiffSection(undefined)).toBe("");
  });
  it("hostile prompt text stays inside its code block: no tags, no mentions, the comment's structure intact", () => {
    const hostile = `${HOSTILE_TEXT}\n\`\`\`\n</details>\n@admin {{ input }}`;
    const records = makeRecords(10);
    const comparison = makeComparison(records);
    const model = { comparison, cases: buildCaseDetails(comparison, records.baseline, records.candidate), context: {}, promptDiff: diff("Q: {{ input }}", hostile) };
    const { markdown } = renderComment(model);
    expect(markdown).toContain("#### Prompts changed (1, against `0123456789ab`)");
    const html = renderGfm(markdown);
    expect(tagNames(html).filter((t) => t === "img" || t === "script")).toEqual([]);
    expect(tagNames(html).filter((t) => t === "details").length).toBe(tagNames(html).filter((t) => t === "/details").length);
    expect(textOutsideCode(html)).not.toMatch(MENTION);
  });
});
