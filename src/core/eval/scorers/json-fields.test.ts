import { describe, expect, it } from "vitest";
import { jsonFields } from "./json-fields.js";

const baseInput = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };
const make = (options: Record<string, unknown> = {}) => jsonFields.create(jsonFields.schema.parse({ type: "json_fields", ...options }));

const expected = { name: "Ada Lovelace", year: 1815, tags: ["math", "poetry"], city: "London" };

describe("json_fields", () => {
  it.each([
    ["all correct", {}, { name: "Ada Lovelace", year: 1815, tags: ["math", "poetry"], city: "London" }, 1, 1, 1],
    // 3 of 4 predicted correct, 3 of 4 expected found.
    ["one wrong", {}, { name: "Ada Lovelace", year: 1816, tags: ["math", "poetry"], city: "London" }, 0.75, 0.75, 0.75],
    // 2 predicted, both right: P 1, R 0.5.
    ["two missing", {}, { name: "Ada Lovelace", year: 1815 }, 1, 0.5, 2 / 3],
    // 5 predicted, 4 right: P 0.8, R 1.
    ["one extra", {}, { ...expected, extra: true }, 0.8, 1, 8 / 9],
    ["tolerance", { numeric_tolerance: 1 }, { ...expected, year: 1816 }, 1, 1, 1],
    ["case", { ignore_case: true }, { ...expected, city: "LONDON" }, 1, 1, 1],
    ["case kept", {}, { ...expected, city: "LONDON" }, 0.75, 0.75, 0.75],
    ["subset", { fields: ["name", "year"] }, { name: "Ada Lovelace", year: 1815, city: "Paris" }, 1, 1, 1],
    ["array order matters", {}, { ...expected, tags: ["poetry", "math"] }, 0.75, 0.75, 0.75],
    ["nothing", {}, {}, 0, 0, 0],
  ])("%s", (_label, options, output, precision, recall, f1) => {
    const r = make(options).score({ ...baseInput, output: JSON.stringify(output), expected });
    expect(r.value).toBeCloseTo(f1, 12);
    expect(r.detail?.precision).toBeCloseTo(precision, 12);
    expect(r.detail?.recall).toBeCloseTo(recall, 12);
  });

  it("reports each field's verdict", () => {
    const r = make().score({ ...baseInput, output: JSON.stringify({ name: "Ada Lovelace", year: 1, x: null }), expected });
    expect(r.detail?.fields).toEqual({ name: "correct", year: "wrong", tags: "missing", city: "missing", x: "extra" });
  });

  it.each([
    ["not json", 0],
    ["[1, 2]", 0],
  ])("scores 0 for %j", (output, value) => {
    const r = make().score({ ...baseInput, output, expected });
    expect(r.value).toBe(value);
    expect(r.detail?.error).toBeTypeOf("string");
  });

  it("accepts an expected object given as a JSON string, null for non-objects", () => {
    expect(make().score({ ...baseInput, output: '{"a": 1}', expected: '{"a": 1}' }).value).toBe(1);
    expect(make().score({ ...baseInput, output: '{"a": 1}', expected: "plain text" }).value).toBeNull();
  });

  it("compares nested objects with the same rules", () => {
    const r = make({ numeric_tolerance: 0.01, ignore_case: true }).score({
      ...baseInput,
      output: '{"p": {"x": 1.005, "s": "A"}}',
      expected: { p: { x: 1, s: "a" } },
    });
    expect(r.value).toBe(1);
  });
});
