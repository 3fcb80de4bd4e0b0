import { describe, expect, it } from "vitest";
import { DataInvalidError } from "../../errors.js";
import { ResultsCollector, parseSummary } from "./run-records.js";

const line = (case_id: string | number, repeat: number, value: number) => JSON.stringify({ case_id, repeat, scores: { em: { value } }, latency_ms: 5, error: null });

function collect(lines: string[], endsWithNewline = true) {
  const c = new ResultsCollector("runs/x/results.jsonl");
  lines.forEach((l, i) => c.add(l, i + 1));
  return c.finish(endsWithNewline);
}

describe("reading results.jsonl", () => {
  it("keeps the last record per (case, repeat), in case order then repeat", () => {
    const r = collect([line("b", 1, 0), line("b", 0, 0), line(7, 0, 0), line("b", 1, 1)]);
    expect(r.records.map((x) => `${x.case_id}/${x.repeat}=${x.scores.em!.value}`)).toEqual(["b/0=0", "b/1=1", "7/0=0"]);
    expect(r.superseded).toBe(1);
    expect(r.warnings[0]).toMatch(/1 record\(s\) superseded/);
  });

  it("ignores a partial last line (no trailing newline) with a warning", () => {
    const r = collect([line("a", 0, 1), '{"case_id":"b","rep'], false);
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toEqual(["runs/x/results.jsonl:2: ignored a partial last line (the run was probably killed while writing it)"]);
  });

  it.each([
    [["{not json", line("a", 0, 1)], /results\.jsonl:1: not valid JSON/],
    [[line("a", 0, 1), JSON.stringify({ case_id: "b", repeat: -1, scores: {} })], /results\.jsonl:2: invalid record: repeat:/],
    [[JSON.stringify({ case_id: "b", repeat: 0, scores: { em: { value: "high" } } })], /results\.jsonl:1: invalid record: scores\.em\.value:/],
    [[JSON.stringify({ repeat: 0, scores: {} })], /results\.jsonl:1: invalid record: case_id:/],
    // A broken line that is last but followed by a newline was written whole: an error, not a cut.
    [[line("a", 0, 1), "{broken"], /results\.jsonl:2: not valid JSON/],
  ])("names file:line for a bad line (%#)", (lines, msg) => {
    expect(() => collect(lines)).toThrow(DataInvalidError);
    expect(() => collect(lines)).toThrow(msg);
  });

  it("skips blank lines and tolerates unknown fields", () => {
    const r = collect(["", JSON.stringify({ case_id: "a", repeat: 0, scores: {}, future_field: 1 })]);
    expect(r.records[0]!.case_id).toBe("a");
    expect(r.records[0]!.cost).toBeNull();
  });
});

describe("summary.json", () => {
  it("reads metric types and directions, keeps provenance opaque", () => {
    const s = parseSummary(JSON.stringify({ metrics: { bleu: { type: "bleu", corpus: true, higher_is_better: true } }, provenance: { git: { commit: "abc" } } }), "s.json");
    expect(s.metrics.bleu).toMatchObject({ type: "bleu", corpus: true });
    expect(s.provenance).toEqual({ git: { commit: "abc" } });
  });
  it("names the file when it is malformed", () => {
    expect(() => parseSummary("{", "runs/x/summary.json")).toThrow(/runs\/x\/summary\.json: not valid JSON/);
    expect(() => parseSummary(JSON.stringify({ metrics: [] }), "s.json")).toThrow(/s\.json: invalid summary: metrics/);
  });
});
