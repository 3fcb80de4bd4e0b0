import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { HOSTILE_TEXT, makeComparison, makeHostileModel, makeRecords } from "../../../test/support/report-fixture.js";
import { REPORT_CSS, REPORT_SCRIPT } from "./html-assets.js";
import { htmlTextLimit, renderHtmlReport } from "./html.js";
import { buildCaseDetails, type ReportModel } from "./model.js";

function regression(): ReportModel {
  const records = makeRecords();
  const comparison = makeComparison(records);
  return { comparison, cases: buildCaseDetails(comparison, records.baseline, records.candidate), context: { runUrl: "https://github.com/acme/llm/actions/runs/123456789" } };
}

const sha = (s: string) => createHash("sha256").update(s).digest("base64");

describe("renderHtmlReport", () => {
  it("is deterministic (snapshot)", async () => {
    const html = renderHtmlReport(regression());
    expect(renderHtmlReport(regression())).toBe(html);
    await expect(html).toMatchFileSnapshot("./__snapshots__/report.html");
  });

  it("allows only its own style and script, by hash, and loads nothing", () => {
    const html = renderHtmlReport(regression());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${sha(REPORT_SCRIPT)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha(REPORT_CSS)}'`);
    expect(csp).not.toContain("unsafe");
    // Exactly one executable script and one stylesheet, both the hashed constants.
    expect(html.match(/<script>/g)?.length).toBe(1);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(html).not.toMatch(/\b(src|href)="(?!https:\/\/github\.com\/acme)/);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it("embeds every case as JSON that cannot break out of its script element", () => {
    const model = regression();
    model.cases[0] = { ...model.cases[0]!, input: "</script><script>alert(1)</script><!-- <script>", expected: { a: "</SCRIPT >" } };
    const html = renderHtmlReport(model);
    const m = /<script type="application\/json" id="llmops-data">([\s\S]*?)<\/script>/.exec(html)!;
    const data = JSON.parse(m[1]!) as { cases: Array<{ id: string; input: string; expected: string }> };
    expect(data.cases).toHaveLength(50);
    expect(data.cases[0]!.input).toBe("</script><script>alert(1)</script><!-- <script>");
    expect(data.cases[0]!.expected).toBe('{\n  "a": "</SCRIPT >"\n}');
    expect(m[1]).not.toMatch(/<\/script|<!--/i);
  });

  it("escapes names from the PR in the page itself", () => {
    const model = regression();
    model.context.title = "<img src=x onerror=alert(1)>";
    model.comparison.metrics[0] = { ...model.comparison.metrics[0]!, name: "<b>m</b>" };
    const html = renderHtmlReport(model);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>m</b>");
    expect(html).toContain("&lt;b&gt;m&lt;/b&gt;");
  });

  it("keeps every untrusted field as text: only its own tags and attributes, one safe link", () => {
    const html = renderHtmlReport(makeHostileModel());
    const data = /<script type="application\/json" id="llmops-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect((JSON.parse(data) as { cases: Array<{ input: string }> }).cases[0]!.input).toBe(HOSTILE_TEXT.replace("\u202E", "⟦U+202E⟧"));
    const page = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<style>[\s\S]*?<\/style>/, "");
    const tags = new Set([...page.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase()));
    const allowed = ["html", "head", "meta", "title", "body", "header", "h1", "h2", "p", "section", "table", "thead", "tbody", "tr", "th", "td", "span", "div", "svg", "text", "line", "circle", "rect", "ul", "li", "code", "a", "footer", "button", "label", "select", "option", "input"];
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
    const realTags = page.match(/<[a-zA-Z][^>]*>/g) ?? [];
    // Attribute values are quoted with `"` escaped inside, so what is outside the quotes is ours.
    expect(realTags.map((t) => t.replace(/"[^"]*"/g, '""')).filter((t) => /\son[a-z]+=/i.test(t))).toEqual([]);
    expect([...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(["https://github.com/acme/llm/actions/runs/7"]);
    expect(page).not.toContain("<!-- x");
    expect(html).not.toContain("\u202E");
  });

  it("lowers the per-text limit for huge runs so the file stays openable", () => {
    expect(htmlTextLimit(50)).toBe(50_000);
    expect(htmlTextLimit(1_000)).toBe(12_800);
    expect(htmlTextLimit(1_000_000)).toBe(2_000);
    const model = regression();
    model.cases = model.cases.map((d) => ({ ...d, input: "q".repeat(60_000) }));
    const data = JSON.parse(/<script type="application\/json" id="llmops-data">([\s\S]*?)<\/script>/.exec(renderHtmlReport(model))![1]!) as { cases: Array<{ input: string }> };
    expect(data.cases[0]!.input).toBe(`${"q".repeat(50_000)}\n… ⟨10000 more characters⟩`);
  });
});
