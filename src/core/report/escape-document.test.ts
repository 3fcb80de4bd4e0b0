import { describe, expect, test } from "vitest";
import { sanitizeUntrustedMarkdown } from "./escape-document.js";

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

  // Inside code GitHub neither pings, references nor renders HTML: the text stays exactly as written.
  test.each([
    ["fenced", "```\nconst a = b < c && d@e; // @todo #1 GH-2 <img>\n```"],
    ["tilde fence with info", "~~~ts\n@octocat #3 &#64;x\n~~~"],
    ["indented", "para\n\n    @octocat <b>#4</b>\n"],
    ["inline span", "see `@octocat #5 <img src=x>` here"],
    ["double-backtick span holding a backtick", "``a ` @octocat``"],
    ["fence inside <details> after a blank line", "<details><summary>x</summary>\n\n```\n@octocat\n```\n\n</details>"],
  ])("leaves %s code exactly as written", (_n, md) => {
    expect(sanitizeUntrustedMarkdown(md)).toBe(md);
  });

  test.each([
    // An unbalanced backtick is literal text, so what follows is not code: it used to ping.
    ["unbalanced backtick", "`@octocat please", `\`@${WJ}octocat please`],
    ["backtick run with no closer of the same length", "``@octocat` x", `\`\`@${WJ}octocat\` x`],
    // A fence inside an HTML block (no blank line) is raw HTML, not code.
    ["fence inside an HTML block", "<details>\n```\n@octocat <img src=x>\n```\n</details>", `<details>\n\`\`\`\n@${WJ}octocat <${WJ}img src=x>\n\`\`\`\n</details>`],
    ["GH-123", "fixes GH-123 and gh-7", `fixes GH${WJ}-123 and gh${WJ}-7`],
    ["issue and PR URLs", "https://github.com/o/r/issues/12 and https://github.com/o/r/pull/3", `https://github.com/o/r/issues/${WJ}12 and https://github.com/o/r/pull/${WJ}3`],
    ["team mention", "cc @octo-org/security", `cc @${WJ}octo-org/security`],
  ])("neutralises %s", (_n, md, want) => {
    expect(sanitizeUntrustedMarkdown(md)).toBe(want.replaceAll("\\`", "`"));
  });

  test("a tag that hid a backtick is neutralised, and the code span it shifts is judged again", () => {
    // Parsed as given, `<a title='\``>` is a tag and `` `@x` `` a code span. Once the tag is
    // neutralised its backtick opens a span instead, and "@x" lands outside code: it must be caught.
    const out = sanitizeUntrustedMarkdown("<a title='`'>`@x` tail");
    expect(out).not.toMatch(/(^|[^A-Za-z0-9_])@x/);
  });
});
