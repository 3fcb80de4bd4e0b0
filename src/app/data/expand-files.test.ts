import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandFiles } from "./expand-files.js";

const root = mkdtempSync(join(tmpdir(), "llmops-expand-"));
mkdirSync(join(root, "data"));
for (const f of ["b.jsonl", "a.jsonl", "c.parquet"]) writeFileSync(join(root, "data", f), "");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("expandFiles (the validate-dataset action's files input, on disk)", () => {
  it("lists a glob's matches sorted, passes plain paths through, and shows paths relative to the workspace", () => {
    expect(expandFiles(["data/*.jsonl", "data/c.parquet", "data/missing.jsonl"], root)).toEqual([
      { path: join(root, "data", "a.jsonl"), shown: "data/a.jsonl" },
      { path: join(root, "data", "b.jsonl"), shown: "data/b.jsonl" },
      { path: join(root, "data", "c.parquet"), shown: "data/c.parquet" },
      { path: join(root, "data", "missing.jsonl"), shown: "data/missing.jsonl" },
    ]);
    expect(expandFiles([join(root, "data", "*.parquet")], root)).toEqual([{ path: join(root, "data", "c.parquet"), shown: "data/c.parquet" }]);
  });
  it("refuses a glob that matches nothing, or lists a directory that is not there", () => {
    expect(() => expandFiles(["data/*.csv"], root)).toThrow('input "files": data/*.csv matches no file');
    expect(() => expandFiles(["nope/*.jsonl"], root)).toThrow('input "files": nope/*.jsonl matches no file (cannot list nope)');
  });
});
