import { describe, expect, it } from "vitest";
import { MENTION, REFERENCE, decodeEntities, renderGfm, tagNames, textOutsideCode, visibleText } from "../../../test/support/markdown.js";
import {
  WJ,
  escapeHtmlText,
  escapeMarkdownText,
  escapeScriptJson,
  renderCodeBlock,
  renderCodeSpan,
  safeUrl,
  sanitizeMarkerToken,
  sanitizeMermaidLabel,
  sanitizeText,
} from "./escape.js";

// Strings a model, a dataset or a PR author could put in front of a reviewer.
const NASTY: Array<[string, string]> = [
  ["mention", "@octocat please look"],
  ["team mention", "cc @org/team-name and @admin."],
  ["email autolink", "mail me: someone@example.com"],
  ["img onerror", "<img src=x onerror=alert(1)>"],
  ["html comment", "<!-- hidden --> visible"],
  ["backtick fence breakout", "```\n</details>\n```\n@owner"],
  ["tilde fence", "~~~\nfoo\n~~~"],
  ["long backtick run", "a ```````` b `` c"],
  ["markdown image", "![x](http://evil.example/pixel.png)"],
  ["javascript link", "[click](javascript:alert(1))"],
  ["reference link", "[ref]: http://evil.example\n\n[ref]"],
  ["details breakout", "</details><details open><summary>pwned</summary>"],
  ["summary breakout", "</summary><b>bold</b>"],
  ["table pipes", "a | b || c \\| d"],
  ["CRLF and CR", "line1\r\nline2\rline3"],
  ["NUL and controls", "nul\u0000byte\u0007bell\u001b[31mred\u007f"],
  ["bidi override", "invoice\u202Efdp.exe \u2066x\u2069"],
  ["script tag", "<script>alert(1)</script>"],
  ["style tag", "<style>body{display:none}</style>"],
  ["emphasis", "**bold** _em_ ~~strike~~ *x*"],
  ["issue references", "fixes #123 and owner/repo#45"],
  ["angle autolink", "<https://evil.example>"],
  ["bare autolinks", "www.evil.example and https://evil.example/path HTTP://X.Y"],
  ["pre-encoded entities", "&lt;img src=x&gt; &#64;user &amp;"],
  ["math", "$\\href{javascript:alert(1)}{x}$ and $$x$$"],
  ["backslashes", "trailing \\"],
  ["block syntax", "# heading\n- list\n1. item\n> quote\n    indented\n---\n==="],
  ["lone details", "<details>"],
  ["anchor", "<a href='https://evil'>x</a>"],
  ["kbd and emoji", ":+1: <kbd>x</kbd> Ünïcödé 😀"],
  ["lone surrogate", "bad \uD800 pair"],
  ["ordered list start", "1) first 2. second"],
  ["footnote and task", "[^1] [ ] [x] {{template}} %}"],
  ["nested image in link", "[![a](https://x/y.png)](https://x)"],
  ["extremely long line", `${"x".repeat(50_000)}@tail`],
];

/** What a reader must see for one-line contexts: the sanitised text, newlines shown as ⏎. */
function expectedOneLine(s: string, max = Infinity): string {
  const one = sanitizeText(s).replace(/\n/g, " ⏎ ").replace(/\t/g, " ");
  const points = Array.from(one);
  return points.length > max ? `${points.slice(0, max).join("")} … ⟨${points.length - max} more characters⟩` : one;
}

const stripWj = (s: string) => s.split(WJ).join("");

function assertNoPings(html: string) {
  const text = textOutsideCode(html);
  expect(text).not.toMatch(MENTION);
  expect(text).not.toMatch(REFERENCE);
}

function assertNothingHidden(out: string) {
  expect(out).not.toMatch(/[\u0000\u202A-\u202E\u2066-\u2069]/);
}

describe("escapeMarkdownText", () => {
  it.each(NASTY)("%s: reads verbatim in a paragraph, nothing interpreted", (_name, input) => {
    const md = `Output: ${escapeMarkdownText(input, { maxLength: 1000 })}\n\nEND\n`;
    const html = renderGfm(md);
    expect(tagNames(html)).toEqual(["p", "/p", "p", "/p"]);
    expect(stripWj(visibleText(html))).toBe(`Output: ${expectedOneLine(input, 1000)}\nEND\n`);
    assertNoPings(html);
    assertNothingHidden(md);
  });

  it.each(NASTY)("%s: stays in its table cell", (_name, input) => {
    const md = `| metric | value |\n| --- | --- |\n| ${escapeMarkdownText(input, { maxLength: 300 })} | 1 |\n`;
    const html = renderGfm(md);
    expect(tagNames(html)).toEqual(["table", "thead", "tr", "th", "/th", "th", "/th", "/tr", "/thead", "tbody", "tr", "td", "/td", "td", "/td", "/tr", "/tbody", "/table"]);
    const cell = /<td>([\s\S]*?)<\/td>/.exec(html)![1]!;
    expect(stripWj(decodeEntities(cell))).toBe(expectedOneLine(input, 300));
    assertNoPings(html);
  });

  it("says how much it cut", () => {
    expect(escapeMarkdownText("abcdef", { maxLength: 3 })).toBe("abc … ⟨3 more characters⟩");
  });
});

describe("renderCodeBlock", () => {
  it.each(NASTY)("%s: verbatim inside <details>, no breakout", (_name, input) => {
    const md = `<details>\n<summary>case</summary>\n\n${renderCodeBlock(input, { maxLength: 2000 })}\n</details>\n\nEND\n`;
    const html = renderGfm(md);
    expect(tagNames(html)).toEqual(["details", "summary", "/summary", "pre", "code", "/code", "/pre", "/details", "p", "/p"]);
    const code = /<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(html)![1]!;
    const clean = sanitizeText(input);
    const points = Array.from(clean);
    const expected = points.length > 2000 ? `${points.slice(0, 2000).join("")}\n… ⟨${points.length - 2000} more characters⟩` : clean;
    expect(decodeEntities(code)).toBe(`${expected}\n`);
    assertNothingHidden(md);
  });

  it("uses a fence longer than any backtick run inside", () => {
    expect(renderCodeBlock("a ```` b")).toBe("`````\na ```` b\n`````\n");
    expect(renderCodeBlock("plain", { lang: "json\"><x" })).toBe("```jsonx\nplain\n```\n");
  });
});

describe("escapeHtmlText", () => {
  it.each(NASTY)("%s: stays text inside <summary>", (_name, input) => {
    const md = `<details>\n<summary>Case ${escapeHtmlText(input, { maxLength: 500 })}</summary>\n\nbody\n\n</details>\n`;
    const html = renderGfm(md);
    expect(tagNames(html)).toEqual(["details", "summary", "/summary", "p", "/p", "/details"]);
    const summary = /<summary>([\s\S]*?)<\/summary>/.exec(html)![1]!;
    expect(stripWj(decodeEntities(summary))).toBe(`Case ${expectedOneLine(input, 500)}`);
    assertNoPings(html);
  });
});

describe("renderCodeSpan", () => {
  it.each(NASTY.filter(([n]) => n !== "extremely long line"))("%s: verbatim code in a table cell", (_name, input) => {
    const md = `| a |\n| --- |\n| ${renderCodeSpan(input)} |\n`;
    const html = renderGfm(md);
    const cell = /<td>([\s\S]*?)<\/td>/.exec(html)![1]!;
    expect(cell.startsWith("<code>") && cell.endsWith("</code>")).toBe(true);
    expect(stripWj(decodeEntities(cell.slice(6, -7))).trim()).toBe(expectedOneLine(input).trim());
  });
});

describe("escapeScriptJson", () => {
  it("cannot close the script element or open a comment, and parses back", () => {
    const value = { s: "</script><script>alert(1)</script><!-- x --> & \u2028 \u2029" };
    const out = escapeScriptJson(value);
    expect(out).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe("sanitizeMarkerToken", () => {
  it.each([
    ["eval", "eval"],
    ["qa suite", "qa-suite"],
    ["--> <script>", "script"],
    ["a--b", "a-b"],
    ["", "default"],
    ["évals/qa.yaml", "vals/qa.yaml"],
    ["x".repeat(300), "x".repeat(100)],
  ])("%j → %j", (input, expected) => {
    expect(sanitizeMarkerToken(input)).toBe(expected);
  });
});

describe("sanitizeMermaidLabel", () => {
  it.each([
    ["exact_match", "exact_match"],
    ['a"]; click A call evil()', "a click A call evil"],
    ["%%{init: {'theme':'dark'}}%%", "init: theme : dark"],
    ["line\nbreak", "line break"],
    ["", "?"],
  ])("%j → %j", (input, expected) => {
    expect(sanitizeMermaidLabel(input)).toBe(expected);
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://github.com/o/r/actions/runs/1", "https://github.com/o/r/actions/runs/1"],
    ["javascript:alert(1)", null],
    ["https://x.example/a)b(c", "https://x.example/a%29b%28c"],
    ["https://user:pw@x.example/", null],
    ["not a url", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});
