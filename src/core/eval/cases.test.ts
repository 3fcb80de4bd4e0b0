import { describe, expect, it } from "vitest";
import { ConfigError } from "../../errors.js";
import { parseCasesJsonl } from "./cases.js";
import { caseSetOf, scanCases } from "./case-set.js";

describe("duplicate cases", () => {
  const text = ['{"id":"a","input":"24+19="}', "", '{"id":"b","input":"1+1="}', '{"id":"c","input":"24+19="}'].join("\n");
  const cases = parseCasesJsonl(text, "cases.jsonl");
  it("a repeated input is a warning naming both lines", async () => {
    expect((await caseSetOf(cases)).warnings).toEqual([
      'cases.jsonl:4: case "c" has the same input as case "a" (cases.jsonl:1); it is asked twice and counts twice in every mean — remove or change one',
    ]);
  });
  it("the same input with different vars is not a duplicate", async () => {
    const v = parseCasesJsonl('{"input":"x","vars":{"k":1}}\n{"input":"x","vars":{"k":2}}', "v.jsonl");
    expect((await caseSetOf(v)).warnings).toEqual([]);
  });
  it("a repeated id is an error naming both lines", async () => {
    const d = parseCasesJsonl('{"id":"z","input":"0"}\n{"id":"a","input":"1"}\n{"id":"a","input":"2"}', "d.jsonl");
    await expect(caseSetOf(d)).rejects.toThrow(ConfigError);
    await expect(caseSetOf(d)).rejects.toThrow('d.jsonl:3: duplicate case id "a" (first at d.jsonl:2)');
  });
  it("counts the cases and maps each id to its index", async () => {
    const { set } = await caseSetOf(cases);
    expect(set.count).toBe(3);
    expect(["a", "b", "c", "nope"].map((id) => set.ids.get(id))).toEqual([0, 1, 2, -1]);
  });
});

describe("scanCases sized from a line count", () => {
  it("takes the count as a hint with a ceiling: a file of a billion blank lines does not size a 12 GB table", async () => {
    const cases = parseCasesJsonl('{"id":"a","input":"x"}\n{"id":"b","input":"y"}', "cases.jsonl");
    async function* read() {
      yield* cases;
    }
    const { set } = await scanCases(read, 1_000_000_000);
    expect(set.count).toBe(2);
    expect(set.ids.get("b")).toBe(1);
    expect(set.ids.bytes).toBeLessThanOrEqual(2 ** 22 * 12); // the 2M-case ceiling: 2^22 slots of 12 bytes
  });
});
