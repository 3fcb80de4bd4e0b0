import { describe, expect, it } from "vitest";
import { MENTION, renderGfm, tagNames, textOutsideCode } from "../../../test/support/markdown.js";
import { HOSTILE_TEXT, makeComparison, makeHostileModel, makeRecords } from "../../../test/support/report-fixture.js";
import { GITHUB_COMMENT_LIMIT, renderComment, renderJobSummary } from "./markdown.js";
import { buildCaseDetails, type ReportModel } from "./model.js";

function regression(): ReportModel {
  const records = makeRecords();
  const comparison = makeComparison(records);
  return {
    comparison,
    cases: buildCaseDetails(comparison, records.baseline, records.candidate),
    context: { runUrl: "https://github.com/acme/llm/actions/runs/123456789", links: [{ label: "HTML report", url: "https://github.com/acme/llm/actions/runs/123456789#artifacts" }] },
  };
}

describe("renderComment", () => {
  it("renders a realistic regression (snapshot, also the README example)", async () => {
    const { markdown, truncated } = renderComment(regression(), { marker: { kind: "eval", key: "qa" } });
    expect(truncated).toBe(false);
    await expect(markdown).toMatchFileSnapshot("./__snapshots__/comment.md");
    await expect(markdown).toMatchFileSnapshot("../../../reports/example-comment.md");
  });

  it("starts with the sticky marker and the verdict", () => {
    const { markdown } = renderComment(regression(), { marker: { kind: "eval", key: "qa" } });
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("<!-- llmops:eval:qa -->");
    expect(lines[2]).toBe("### ❌ FAIL — llmops eval: qa");
  });

  it("renders to HTML with no ping, no image, no script and balanced details", () => {
    const { markdown } = renderComment(regression());
    const html = renderGfm(markdown);
    expect(textOutsideCode(html)).not.toMatch(MENTION);
    const tags = tagNames(html);
    expect(tags).not.toContain("img");
    expect(tags).not.toContain("script");
    expect(tags.filter((t) => t === "details").length).toBe(tags.filter((t) => t === "/details").length);
    expect(html).not.toContain("\u202E");
    // The table has the two metrics and the six columns.
    const firstTable = /<table>[\s\S]*?<\/table>/.exec(html)![0];
    expect(firstTable.match(/<th[ >]/g)?.length).toBe(6);
    expect(firstTable.match(/<tr>/g)?.length).toBe(3);
    expect(firstTable).toContain(">exact_match</td>");
  });

  it("trims case details first, says so, and stays under the limit", () => {
    const model = regression();
    // Make every output huge: 10 broke cases of 30k characters cannot fit in 65,536.
    model.cases = model.cases.map((c) => ({ ...c, input: "q ".repeat(15_000), candidate: c.candidate && { ...c.candidate, output: "x".repeat(30_000) } }));
    const full = renderComment(model, { maxChars: 10_000_000 });
    expect(full.markdown.length).toBeGreaterThan(20_000);
    const { markdown, truncated, limits } = renderComment(model, { maxChars: 20_000 });
    expect(markdown.length).toBeLessThanOrEqual(20_000);
    expect(truncated).toBe(true);
    expect(limits.textChars).toBe(2000);
    expect(limits.perKind).toBeLessThan(5);
    expect(markdown).toMatch(new RegExp(`✂️ Trimmed to fit within 20,000 characters \\(GitHub caps a comment at 65,536\\): showing ${limits.perKind} of 10 broke cases\\. The HTML report has every case\\.`));
    // The verdict and the table survive.
    expect(markdown).toContain("### ❌ FAIL");
    expect(markdown).toContain("| exact\\_match |");
  });

  it("shortens texts once down to one case per direction", () => {
    const model = regression();
    model.cases = model.cases.map((c) => ({ ...c, candidate: c.candidate && { ...c.candidate, output: "y".repeat(5_000) } }));
    const { markdown, limits } = renderComment(model, { maxChars: 6000 });
    expect(markdown.length).toBeLessThanOrEqual(6000);
    expect(limits.perKind).toBe(1);
    expect(limits.textChars).toBeLessThan(2000);
    expect(markdown).toContain(`showing 1 of 10 broke cases, texts cut at ${limits.textChars} characters`);
    expect(markdown).toContain(`… ⟨${5000 - limits.textChars} more characters⟩`);
  });

  it("stays under GitHub's limit with thousands of huge cases", () => {
    const model = regression();
    const many = Array.from({ length: 3000 }, (_, i) => ({ case_id: `c${i}`, metric: "exact_match", direction: "broke" as const, baseline: 1, candidate: 0 }));
    model.comparison = { ...model.comparison, flips: many };
    model.cases = many.map((f) => ({ case_id: f.case_id, input: "i".repeat(50_000), expected: "e", baseline: null, candidate: null, flips: { exact_match: "broke" } }));
    const { markdown } = renderComment(model);
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT - 512);
    expect(markdown).toContain("3000 cases, top 5 shown");
  });

  it("cuts hard, closing any fence, when even the skeleton does not fit", () => {
    const { markdown, truncated } = renderComment(regression(), { maxChars: 1500 });
    expect(markdown.length).toBeLessThanOrEqual(1500);
    expect(truncated).toBe(true);
    expect(markdown).toContain("Cut here to fit");
    expect((markdown.match(/^`{3,}/gm) ?? []).length % 2).toBe(0);
  });
});

describe("renderJobSummary", () => {
  it("is the same report under a level-2 heading, without marker", () => {
    const { markdown } = renderJobSummary(regression());
    expect(markdown.startsWith("## ❌ FAIL — llmops eval: qa\n")).toBe(true);
    expect(markdown).not.toContain("<!-- llmops:");
    // Room for all 10 broke cases.
    expect(markdown).toContain("Broke (passed on the baseline, fail on the candidate): 10 cases<");
  });
});

describe("every untrusted field at once", () => {
  const EVIL = HOSTILE_TEXT;
  it.each([
    ["comment", (m: ReportModel) => renderComment(m, { marker: { kind: EVIL, key: EVIL } }).markdown],
    ["summary", (m: ReportModel) => renderJobSummary(m).markdown],
  ])("%s: only the renderer's own tags, one safe link, no ping, no hidden text", (_name, render) => {
    const md = render(makeHostileModel());
    expect(md).toContain("💥 Broke");
    const html = renderGfm(md);
    const allowed = new Set(["h2", "h3", "p", "strong", "em", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "pre", "code", "sub", "ul", "li", "blockquote", "a", "hr"]);
    const tags = tagNames(html).map((t) => t.replace("/", ""));
    expect([...new Set(tags)].filter((t) => !allowed.has(t))).toEqual([]);
    expect(tags.filter((t) => t === "details").length % 2).toBe(0);
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((x) => x[1]);
    expect(hrefs).toEqual(["https://github.com/acme/llm/actions/runs/7"]);
    expect(textOutsideCode(html)).not.toMatch(MENTION);
    expect(md).not.toMatch(/[\u202A-\u202E\u0000]/);
    // The only HTML comment that reaches GitHub is our own sticky marker (in code blocks it is text).
    expect(html.match(/<!--/g)?.length ?? 0).toBe(_name === "comment" ? 1 : 0);
    expect(md.split("\n")[0]).toMatch(_name === "comment" ? /^<!-- llmops:admin-img-src-x[A-Za-z0-9._/-]*:admin-img[A-Za-z0-9._/-]* -->$/ : /^## /);
  });
});
