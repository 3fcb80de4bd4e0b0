import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeComparison, makeRecords } from "../../../test/support/report-fixture.js";
import { REPORT_CSS, REPORT_SCRIPT } from "./html-assets.js";
import { renderHtmlReport } from "./html.js";
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
});
