import { describe, expect, it } from "vitest";
import { parseResultsLine } from "./results-line.js";

describe("parseResultsLine", () => {
  it("validates a record, normalises it, and keeps the line as written", () => {
    const line = JSON.stringify({ case_id: 7, repeat: 1, key: "k", scores: { em: { value: 1, pass: true } }, output: "x" });
    const r = parseResultsLine(line);
    expect(r.kind).toBe("record");
    if (r.kind !== "record") return;
    expect(r.record).toMatchObject({ case_id: "7", repeat: 1, latency_ms: null, cost: null, error: null, output: "x" });
    expect(r.raw.case_id).toBe(7);
  });

  it.each([
    ["", { kind: "blank" }],
    ["  \r", { kind: "blank" }],
    ['{"case_id": "a", "rep', { kind: "invalid-json" }],
    [JSON.stringify({ case_id: "a", repeat: -1, scores: {} }), { kind: "invalid-record", message: expect.stringMatching(/^repeat: /) }],
    [JSON.stringify({ case_id: "a", repeat: 0, scores: { em: { value: "high" } } }), { kind: "invalid-record", message: expect.stringMatching(/^scores\.em\.value: /) }],
    ["[1]", { kind: "invalid-record", message: expect.stringMatching(/^\(record\): /) }],
  ])("%j", (line, expected) => expect(parseResultsLine(line)).toMatchObject(expected));
});
