// The one reader of results.jsonl: what a line is, which bad lines are errors (file:line), which are
// a write cut short by a kill, and which record wins when a resumed run appended a retry.
import { describe, expect, it } from "vitest";
import { DataInvalidError } from "../../errors.js";
import { evalRecord } from "../../../test/support/contract-docs.js";
import { ResultsCollector, collectResults, readResultLine, writeResultLine } from "./result-line.js";

const line = (case_id: string, repeat: number, value: number) => writeResultLine(evalRecord({ case_id, repeat, scores: { em: { value } } })).trimEnd();
const untagged = (case_id: string) => {
  const { schema: _tag, ...rest } = evalRecord({ case_id });
  return JSON.stringify(rest);
};

function collect(lines: string[]) {
  const c = new ResultsCollector("runs/x/results.jsonl");
  lines.forEach((l, i) => c.add(l, i + 1));
  return c.finish();
}

describe("reading results.jsonl", () => {
  it("keeps the last record per (case, repeat), in case order then repeat", () => {
    const r = collect([line("b", 1, 0), line("b", 0, 0), line("7", 0, 0), line("b", 1, 1)]);
    expect(r.records.map((x) => `${x.case_id}/${x.repeat}=${x.scores.em!.value}`)).toEqual(["b/0=0", "b/1=1", "7/0=0"]);
    expect(r.superseded).toBe(1);
    expect(r.warnings[0]).toMatch(/1 record\(s\) superseded/);
  });

  it("ignores a partial last line with a warning", () => {
    const r = collect([line("a", 0, 1), '{"case_id":"b","rep']);
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toEqual(["runs/x/results.jsonl:2: ignored a partial last line (the run was probably killed while writing it)"]);
  });

  it("reads lines written before the format was tagged as v1", () => {
    const r = collect([untagged("a")]);
    expect(r.records[0]).toMatchObject({ schema: "llmops.result/v1", case_id: "a" });
  });

  it.each([
    [["{not json", line("a", 0, 1)], /results\.jsonl:1: not valid JSON/],
    [[line("a", 0, 1), JSON.stringify({ ...evalRecord({ case_id: "b" }), repeat: -1 })], /results\.jsonl:2: not a valid llmops\.result\/v1 document — repeat:/],
    [[JSON.stringify({ ...evalRecord({ case_id: "b" }), scores: { em: { value: "high" } } })], /results\.jsonl:1: .*scores\.em\.value:/],
    [[JSON.stringify({ ...evalRecord({ case_id: "b" }), case_id: undefined })], /results\.jsonl:1: .*case_id:/],
    [[JSON.stringify({ ...evalRecord({ case_id: "b" }), schema: "llmops.result/v9", provenance: undefined })], /results\.jsonl:1: written by a newer llmops as llmops\.result\/v9; this is llmops .*: upgrade llmops/],
    [[JSON.stringify({ ...evalRecord({ case_id: "b" }), schema: "llmops.summary/v2" })], /results\.jsonl:1: is "llmops\.summary\/v2", not llmops\.result\/v1/],
  ])("names file:line and the field for a bad line (%#)", (lines, msg) => {
    expect(() => collect(lines)).toThrow(DataInvalidError);
    expect(() => collect(lines)).toThrow(msg);
  });

  it("skips blank lines; a whole text reads the same as fed lines", () => {
    const text = `${line("a", 0, 1)}\n\n${line("b", 0, 0)}\r\n`;
    expect(collectResults(text, "f").records.map((r) => r.case_id)).toEqual(["a", "b"]);
    expect(readResultLine("  ", "f", 1, false)).toEqual({ kind: "blank" });
  });
});
