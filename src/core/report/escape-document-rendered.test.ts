// The sanitizer judged by what GitHub's markdown parser (CommonMark + GFM, raw HTML kept) would
// make of its output: no images, no raw tags beyond the harmless ones, no HTML comments, and no
// @mention or #reference in text outside code.
import { describe, expect, test } from "vitest";
import { MENTION, REFERENCE, renderGfm, tagNames, textOutsideCode } from "../../../test/support/markdown.js";
import { sanitizeUntrustedMarkdown } from "./escape-document.js";

const ATTACKS = [
  "@octocat please merge",
  "cc @org/security-team",
  "see #1 and octo-org/other#2",
  "![pixel](https://tracker.example/p.gif)",
  '<img src="https://tracker.example/p.gif">',
  "<IMG SRC=x onerror=alert(1)>",
  '<a href="https://evil.example">click</a>',
  "<!-- llmops:report:llmops -->",
  "<script>alert(1)</script>",
  '<details><summary>x</summary><img src="x"></details>',
  "<details>\n```\n@octocat <img src=x>\n```\n</details>",
  "&#64;octocat and &#x40;octocat and &commat;octocat",
  "&#35;12 and &num;12",
  "<svg onload=alert(1)>",
  "[![nested](https://x/p.png)](https://x)",
  "<https://autolink.example>",
  "text\u202Ereversed",
  "<p>para</p><br/><b>bold</b>",
  "<table><tr><td>@octocat</td></tr></table>",
  "`code @not-a-mention` then @mention",
  "`unbalanced @mention",
  "``@one` @two",
  "<a title='`'>`@x` tail",
  "GH-12 and https://github.com/o/r/issues/3",
  "<details>\n```\n@octocat\n```\n\n```\n@again\n```",
  "text\n```\n@a\n\n```\n@b\n```\n@c",
];

const ALLOWED_TAGS = new Set(["p", "a", "details", "summary", "br", "sub", "sup", "b", "i", "em", "strong", "code", "kbd", "hr", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "del", "input"]);

describe("sanitizeUntrustedMarkdown, rendered through CommonMark + GFM", () => {
  test.each(ATTACKS)("%j", (attack) => {
    const html = renderGfm(sanitizeUntrustedMarkdown(attack));
    const tags = tagNames(html).map((t) => t.replace(/^\//, ""));
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(html).not.toContain("<!--");
    expect(html).not.toMatch(/<(img|script|svg|iframe)\b/i);
    // Attributes only from markdown's own output: link targets, details' open, task-list boxes.
    const attrs = [...html.matchAll(/<[a-z][a-z0-9]*((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/gi)].flatMap((m) => [...(m[1] ?? "").matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)].map((a) => [a[1]!.toLowerCase(), a[2] ?? ""]));
    for (const [name, value] of attrs) {
      expect(["href", "title", "open", "align", "checked", "disabled", "type"]).toContain(name);
      if (name === "href") expect(value).toMatch(/^https?:\/\//);
    }
    expect(textOutsideCode(html)).not.toMatch(MENTION);
    expect(textOutsideCode(html)).not.toMatch(REFERENCE);
  });
});

test("a report's own structure survives: tables, details, code blocks, bold", () => {
  const report = "## Verdict: **FAIL**\n\n| metric | Δ |\n| --- | --- |\n| exact_match | −0.04 |\n\n<details><summary>2 cases broke</summary>\n\n```\nmodel said <b>@x</b>\n```\n\n</details>\n";
  const html = renderGfm(sanitizeUntrustedMarkdown(report));
  expect(tagNames(html)).toEqual(expect.arrayContaining(["h2", "strong", "table", "td", "details", "summary", "pre", "code"]));
  expect(html).toContain("model said &lt;b&gt;@x&lt;/b&gt;"); // inert inside code: left exactly as written
});
