import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { parseFilePattern, selectMatches } from "./file-pattern.js";

const names = ["a.jsonl", "b.jsonl", "a.jsonl.gz", "notes.txt", "x.y.jsonl", "ab.parquet", "[1].jsonl"];

describe("data file patterns", () => {
  it.each([
    ["data/train.jsonl", null],
    ["train.jsonl", null],
    ["data/*.jsonl", ["[1].jsonl", "a.jsonl", "b.jsonl", "x.y.jsonl"]],
    ["*.jsonl*", ["[1].jsonl", "a.jsonl", "a.jsonl.gz", "b.jsonl", "x.y.jsonl"]],
    ["/abs/a*", ["a.jsonl", "a.jsonl.gz", "ab.parquet"]],
    ["data/?.jsonl*", "no match"], // ? is literal
    ["data/[1].jsonl", null], // no *: one file, brackets and all
    ["data/[1]*", ["[1].jsonl"]], // brackets are literal inside a glob too
    ["data/x.y*", ["x.y.jsonl"]], // . is literal
    ["data/*", names.slice().sort()],
    ["data/*.csv", "no match"],
  ] as const)("%s → %j", (pattern, expected) => {
    const p = parseFilePattern(pattern, 'input "files"');
    if (expected === null) return expect(p).toEqual({ kind: "file", path: pattern });
    expect(p.kind).toBe("glob");
    if (p.kind !== "glob") return;
    if (expected === "no match") return expect(() => selectMatches(pattern, p, names, 'input "files"')).toThrow(`input "files": ${pattern} matches no file`);
    expect(selectMatches(pattern, p, names, 'input "files"')).toEqual(expected);
  });

  it.each([
    ["data/*.jsonl", "data"],
    ["*.jsonl", "."],
    ["/*.jsonl", "/"],
    ["/srv/d/*.jsonl", "/srv/d"],
  ])("%s lists %s", (pattern, dir) => {
    expect(parseFilePattern(pattern, "x")).toMatchObject({ kind: "glob", dir });
  });

  it("refuses a * in a directory (it would silently name one literal path), naming the input", () => {
    expect(() => parseFilePattern("data/*/train.jsonl", 'input "files"')).toThrow(InputError);
    expect(() => parseFilePattern("data/*/train.jsonl", 'input "files"')).toThrow('input "files": data/*/train.jsonl has a * in a directory; only the file name may hold one');
  });

  it("says when the directory could not be listed", () => {
    const p = parseFilePattern("gone/*.jsonl", "x");
    if (p.kind !== "glob") throw new Error("expected a glob");
    expect(() => selectMatches("gone/*.jsonl", p, null, 'input "files"')).toThrow('input "files": gone/*.jsonl matches no file (cannot list gone)');
  });
});
