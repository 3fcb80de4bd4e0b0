import { describe, expect, it } from "vitest";
import { LeakageIndex, parseEvalCase } from "./leakage.js";
import { toCase } from "../eval/cases.js";
import { DataInvalidError } from "../../errors.js";
import { defaultMinHashOptions } from "./minhash.js";

const opts = { ...defaultMinHashOptions, exampleLimit: 10 };

describe("leakage", () => {
  // Word 3-gram shingles: one changed word changes 3 shingles, so J ≥ 0.9 needs ~60+ words; 150 gives J ≈ 0.96.
  const long = `Summarise: ${Array.from({ length: 150 }, (_, i) => `word${(i * 37) % 151}`).join(" ")}`;
  const cases = [
    parseEvalCase({ id: "q1", input: "What is 12 + 7?", expected: "19" }, "e:1"),
    parseEvalCase({ id: 2, vars: { text: long, n: 3 }, expected: { summary: "terns fly far" } }, "e:2"),
  ];

  it("reads input, the string values of vars and of expected", () => {
    expect(cases[0]).toEqual({ id: "q1", input: "What is 12 + 7?", full: "What is 12 + 7?\n19" });
    expect(cases[1]).toEqual({ id: "2", input: long, full: `${long}\nterns fly far` });
    expect(() => parseEvalCase({ id: "x", expected: "y" }, "e.jsonl:3")).toThrow(/e.jsonl:3: a case needs "input" or "vars"/);
  });

  // Bug: leakage had its own case parser: a case without an id was "#N" there and "h-<hash>" in the
  // eval, and leakage read message-list inputs the eval refuses, so it reported ids no run has.
  it("reads cases exactly as the eval does: the same ids, the same refusals", () => {
    const raw = { input: "What is 3 + 4?", expected: "7" };
    expect(parseEvalCase(raw, "e:5").id).toBe(toCase(raw, "e:5").id);
    const messages = { id: "m", input: [{ role: "user", content: "hi" }] };
    expect(() => toCase(messages, "e:6")).toThrow(/"input" must be a string/);
    expect(() => parseEvalCase(messages, "e:6")).toThrow(/e:6: "input" must be a string/);
    expect(() => parseEvalCase(messages, "e:6")).toThrow(DataInvalidError);
  });

  it.each([
    { prompt: "what is 12  + 7?", kind: "exact", caseId: "q1" },
    { prompt: "What is 12 + 8?", kind: undefined },
    { prompt: long.replace("word37", "changed"), kind: "near", caseId: "2" },
    { prompt: "Reverse the word: apple", kind: undefined },
  ])("$prompt → $kind", ({ prompt, kind, caseId }) => {
    const ix = new LeakageIndex(["e"], cases, opts);
    const hit = ix.check(prompt, `${prompt}\nanswer`, { file: "t", line: 1 });
    expect(hit?.kind).toBe(kind);
    if (caseId) expect(hit?.caseId).toBe(caseId);
  });

  it("summarises distinct leaked cases", () => {
    const ix = new LeakageIndex(["e"], cases, opts);
    ix.check("What is 12 + 7?", "", { file: "t", line: 1 });
    ix.check("what is 12 + 7?", "", { file: "t", line: 2 });
    ix.check("unrelated", "unrelated", { file: "t", line: 3 });
    expect(ix.result()).toMatchObject({ cases: 2, records: 3, exact: 2, near: 0, casesLeaked: 1 });
  });
});
