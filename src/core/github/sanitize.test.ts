import { describe, expect, test } from "vitest";
import { sanitizeUntrustedMarkdown } from "./sanitize.js";

const WJ = "\u2060";

describe("sanitizeUntrustedMarkdown", () => {
  test.each([
    ["mention", "ping @octocat and @org/team", `ping @${WJ}octocat and @${WJ}org/team`],
    ["email stays", "mail me at a@b.io", "mail me at a@b.io"],
    ["issue refs", "fixes #12 and other/repo#3", `fixes #${WJ}12 and other/repo#${WJ}3`],
    ["heading stays", "## Results #1", `## Results #${WJ}1`],
    ["image becomes a link", "![x](https://evil.test/p.png)", `!${WJ}[x](https://evil.test/p.png)`],
    ["forged marker", "<!-- llmops:eval:qa -->", `<${WJ}!-- llmops:eval:qa -->`],
    ["raw html", '<img src=x onerror=alert(1)><a href="x">', `<${WJ}img src=x onerror=alert(1)><${WJ}a href="x">`],
    ["allowed tags", "<details open><summary>More</summary>\n\nx</details><br/>", "<details open><summary>More</summary>\n\nx</details><br/>"],
    ["details with other attrs is not allowed", '<details class="x">', `<${WJ}details class="x">`],
    ["entity mention", "&#64;octocat &#x40;octocat &commat;octocat", `&${WJ}#${WJ}64;octocat &${WJ}#x40;octocat &${WJ}commat;octocat`],
    ["safe entities stay", "a &lt; b &amp; c &#955; &mdash;", "a &lt; b &amp; c &#955; &mdash;"],
    ["bidi and controls", "a\u202Eb\u0007c\r\nd", "abc\nd"],
    ["comparison stays", "1 < 2 and 3 > 2", "1 < 2 and 3 > 2"],
  ])("%s", (_name, input, want) => {
    expect(sanitizeUntrustedMarkdown(input)).toBe(want);
  });

  test("is idempotent", () => {
    const nasty = "@a #1 ![i](u) <img> <!-- x --> &#64;b &commat;c <details open>ok</details> `@code` \u202E";
    const once = sanitizeUntrustedMarkdown(nasty);
    expect(sanitizeUntrustedMarkdown(once)).toBe(once);
  });

  test("text in code blocks reads the same once the invisible joiners are removed", () => {
    const code = "```\nconst a = b < c && d@e; // @todo #1\n```";
    expect(sanitizeUntrustedMarkdown(code).replaceAll(WJ, "")).toBe(code);
  });
});
