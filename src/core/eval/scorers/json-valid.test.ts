import { describe, expect, it } from "vitest";
import { parseJsonOutput } from "./json-output.js";
import { jsonValid } from "./json-valid.js";

const baseInput = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };
const make = (options: Record<string, unknown> = {}) => jsonValid.create(jsonValid.schema.parse({ type: "json_valid", ...options }));

describe("json_valid", () => {
  it.each([
    [{}, '{"a": 1}', 1],
    [{}, "  [1, 2]\n", 1],
    [{}, '"str"', 1],
    [{}, "{'a': 1}", 0],
    [{}, 'Sure! ```json\n{"a": 1}\n```', 0],
    [{ fenced: true }, 'Sure!\n```json\n{"a": 1}\n```\nDone.', 1],
    [{ fenced: true }, '```\n{"a": 1}\n```', 1],
    [{ fenced: true }, '```json {"a": 1}```', 1],
    [{ fenced: true }, '{"a": 1}', 1],
    [{ fenced: true }, "```json\n{broken\n```", 0],
  ])("%j %j → %i", (options, output, value) => {
    expect(make(options).score({ ...baseInput, output, expected: null }).value).toBe(value);
  });

  it("says which part failed to parse", () => {
    const r = parseJsonOutput("```json\n{x}\n```", true);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^fenced block is not JSON/);
  });
});
