import { describe, expect, test } from "vitest";
import { openFence, truncateLine, truncateMarkdown } from "./truncate.js";

describe("truncateMarkdown", () => {
  test("leaves short text alone", () => {
    expect(truncateMarkdown("abc", 10, "")).toEqual({ text: "abc", truncated: false, originalLength: 3 });
  });
  test.each([1000, 5000, 65_535])("fits within %i and states the cut", (max) => {
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join("\n");
    const t = truncateMarkdown(text, max, "Full report: artifact.");
    expect(t.truncated).toBe(true);
    expect(t.text.length).toBeLessThanOrEqual(max);
    expect(t.text).toMatch(/Truncated: [\d,]+ of [\d,]+ characters shown/);
  });
  test("closes a code fence left open by the cut", () => {
    const text = "intro\n\n````text\n" + "model output\n".repeat(2000) + "````\nafter";
    const t = truncateMarkdown(text, 3000, "");
    expect(openFence(t.text)).toBe("");
    expect(t.text).toContain("\n````\n\n> [!WARNING]");
  });
  test("never splits a surrogate pair", () => {
    const t = truncateMarkdown("😀".repeat(5000), 1000, "");
    expect(t.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("openFence", () => {
  test.each([
    ["```\ncode", "```"],
    ["```\ncode\n```", ""],
    ["~~~~\n```\n", "~~~~"],
    ["````\n```\n", "````"],
    ["````\n`````\n", ""],
    ["``` not `a` fence\n", ""],
    ["    ```\n", ""],
  ])("%j → %j", (md, want) => expect(openFence(md)).toBe(want));
});

describe("truncateLine", () => {
  test.each([
    ["short", 140, "short"],
    ["a\n  b", 140, "a b"],
    ["x".repeat(200), 140, "x".repeat(139) + "…"],
  ])("%j", (s, max, want) => {
    expect(truncateLine(s, max)).toBe(want);
    expect(truncateLine(s, max).length).toBeLessThanOrEqual(max);
  });
});
