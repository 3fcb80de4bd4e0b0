import { describe, expect, it } from "vitest";
import { ConfigError } from "../../errors.js";
import { checkUniqueIds, findDuplicateInputs, parseCasesJsonl } from "./cases.js";

describe("duplicate cases", () => {
  const text = ['{"id":"a","input":"24+19="}', "", '{"id":"b","input":"1+1="}', '{"id":"c","input":"24+19="}'].join("\n");
  const cases = parseCasesJsonl(text, "cases.jsonl");
  it("a repeated input is a warning naming both lines", () => {
    expect(findDuplicateInputs(cases, (i) => cases[i]!.where!)).toEqual([
      'cases.jsonl:4: case "c" has the same input as case "a" (cases.jsonl:1); it is asked twice and counts twice in every mean — remove or change one',
    ]);
  });
  it("the same input with different vars is not a duplicate", () => {
    const v = parseCasesJsonl('{"input":"x","vars":{"k":1}}\n{"input":"x","vars":{"k":2}}', "v.jsonl");
    expect(findDuplicateInputs(v, (i) => v[i]!.where!)).toEqual([]);
  });
  it("a repeated id is an error naming both lines", () => {
    const d = parseCasesJsonl('{"id":"a","input":"1"}\n{"id":"a","input":"2"}', "d.jsonl");
    expect(() => checkUniqueIds(d, (i) => d[i]!.where!)).toThrow(ConfigError);
    expect(() => checkUniqueIds(d, (i) => d[i]!.where!)).toThrow('d.jsonl:2: duplicate case id "a" (first at d.jsonl:1)');
  });
});
