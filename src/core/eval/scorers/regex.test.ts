import { describe, expect, it } from "vitest";
import { regex } from "./regex.js";

const baseInput = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };
const make = (options: Record<string, unknown>) => regex.create(regex.schema.parse({ type: "regex", ...options }));

describe("regex scorer", () => {
  it.each([
    [{ pattern: "^\\d{3}-\\d{4}$" }, "555-1234", undefined, 1],
    [{ pattern: "^\\d{3}-\\d{4}$" }, "call 555-1234", undefined, 0],
    [{ pattern: "answer: (yes|no)", flags: "i" }, "ANSWER: Yes", undefined, 1],
    [{ pattern: "^b", flags: "m" }, "a\nb", undefined, 1],
    [{ pattern: "a.b", flags: "s" }, "a\nb", undefined, 1],
    [{ pattern: "sorry", must_not_match: true }, "Here you go", undefined, 1],
    [{ pattern: "sorry", must_not_match: true }, "I'm sorry", undefined, 0],
    [{}, "the answer is 42", "\\b42\\b", 1],
    [{}, "the answer is 420", ["\\b42\\b", "\\b41\\b"], 0],
    [{}, "x", undefined, null],
  ])("%j on %j (expected %j) → %s", (options, output, expected, value) => {
    expect(make(options).score({ ...baseInput, output, expected }).value).toBe(value);
  });

  it("reports what matched", () => {
    expect(make({ pattern: "\\d+" }).score({ ...baseInput, output: "id 123 ok", expected: null }).detail).toEqual({ matched: "123" });
  });

  it("gives null with the reason when a per-case pattern is invalid", () => {
    const r = make({}).score({ ...baseInput, output: "x", expected: "(" });
    expect(r.value).toBeNull();
    expect(String(r.detail?.error)).toMatch(/not a valid regular expression/);
  });

  it.each([
    [{ pattern: "(" }, "pattern"],
    [{ pattern: "a", flags: "g" }, "flags"],
    [{ pattern: "a", flag: "i" }, ""],
  ])("rejects %j in the schema", (options, path) => {
    const r = regex.schema.safeParse({ type: "regex", ...options });
    expect(r.success).toBe(false);
    if (path) expect(r.error?.issues[0]?.path).toEqual([path]);
  });
});
