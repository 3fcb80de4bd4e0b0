import { describe, expect, it } from "vitest";
import { computeDataDiff, diffRecords } from "./diff.js";
import { buildManifest, parseManifest, type ManifestFile } from "./manifest.js";
import { renderDataCard, renderDataDiffMarkdown } from "./render.js";

function file(path: string, ids: (string | null)[], hashes: string[], over: Partial<ManifestFile> = {}): ManifestFile {
  return {
    path,
    sha256: hashes.join("").padEnd(64, "0").slice(0, 64),
    bytes: 100 * hashes.length,
    kind: "jsonl",
    records: hashes.length,
    valid: hashes.length,
    invalid: 0,
    stats: {
      format: "chat",
      records: hashes.length,
      lengths: { unit: "whitespace tokens", total: 90, mean: 30, p50: 25, p95: 60, max: 70, histogram: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0] },
      roles: { assistant: 3, system: 3, user: 3 },
      turns: { "3": 3 },
      fields: { id: ["string"], messages: ["array"] },
    },
    index: { ids, hashes },
    ...over,
  };
}

describe("diffRecords", () => {
  it("by id: added, removed, modified", () => {
    const r = diffRecords({ ids: ["a", "b", "c"], hashes: ["1", "2", "3"] }, { ids: ["a", "b", "d"], hashes: ["1", "9", "4"] });
    expect(r).toMatchObject({ by: "id", added: 1, removed: 1, modified: 1, unchanged: 1 });
    expect(r.examples).toEqual({ added: ["d"], removed: ["c"], modified: ["b"] });
  });
  it("by hash when some record has no id (a modification is a removal and an addition)", () => {
    const r = diffRecords({ ids: [null, "b"], hashes: ["1", "2"] }, { ids: [null, "b", null], hashes: ["1", "5", "1"] });
    expect(r).toMatchObject({ by: "hash", added: 2, removed: 1, modified: 0, unchanged: 1 });
  });
  it("repeated ids are told apart by occurrence", () => {
    const r = diffRecords({ ids: ["a"], hashes: ["1"] }, { ids: ["a", "a"], hashes: ["1", "1"] });
    expect(r).toMatchObject({ by: "id", added: 1, removed: 0, modified: 0 });
    expect(r.examples.added).toEqual(["a#2"]);
  });
});

describe("computeDataDiff and renderers", () => {
  const base = buildManifest("0.1.0", [file("train.jsonl", ["a", "b", "c"], ["11", "22", "33"]), file("old.jsonl", ["x"], ["77"])], null, null);
  const head = buildManifest(
    "0.1.0",
    [
      file("train.jsonl", ["a", "b", "d"], ["11", "29", "44"], {
        stats: { ...base.files[0]!.stats, lengths: { ...base.files[0]!.stats.lengths, mean: 41 }, roles: { assistant: 3, system: 1, user: 3 }, fields: { id: ["string"], messages: ["array"], source: ["string"] } },
      }),
      file("new|file.jsonl", ["n"], ["88"]),
    ],
    null,
    null,
  );

  it("says which files and records changed", () => {
    const d = computeDataDiff(base, head, "origin/main");
    expect(d.files.map((f) => [f.path, f.status])).toEqual([
      ["new|file.jsonl", "added"],
      ["old.jsonl", "removed"],
      ["train.jsonl", "changed"],
    ]);
    const t = d.files[2]!;
    expect(t.records).toMatchObject({ added: 1, removed: 1, modified: 1 });
    expect(t.fieldsAdded).toEqual(["source"]);
    expect(t.shifts.map((s) => s.metric)).toContain("mean length (whitespace tokens)");
  });

  it("renders the diff as markdown", async () => {
    await expect(renderDataDiffMarkdown(computeDataDiff(base, head, "origin/main"))).toMatchFileSnapshot("__snapshots__/data-diff.md");
  });

  it("renders no base and no change", () => {
    expect(renderDataDiffMarkdown(computeDataDiff(undefined, head, "v1"))).toContain("No data manifest at `v1`");
    expect(renderDataDiffMarkdown(computeDataDiff(head, head, "v1"))).toContain("No data changed (4 records in 2 file(s)).");
  });

  it("renders the dataset card", async () => {
    const card = renderDataCard({
      title: "train <script>",
      manifest: head,
      duplicates: { records: 4, unique: 3, exact: 1, near: 0, threshold: 0.9, method: "exact", examples: [{ kind: "exact", at: { file: "train.jsonl", line: 3 }, of: { file: "train.jsonl", line: 1 }, similarity: 1 }] },
      leakage: { evalFiles: ["cases.jsonl"], cases: 10, records: 4, exact: 1, near: 0, contained: 0, casesLeaked: 1, threshold: 0.9, examples: [{ caseId: "q-1", kind: "exact", on: "prompt", similarity: 1, at: { file: "train.jsonl", line: 2 } }] },
    });
    expect(card).not.toContain("<script>");
    expect(card).toContain("xychart-beta");
    await expect(card).toMatchFileSnapshot("__snapshots__/data-card.md");
  });

  it("parseManifest rejects what is not a manifest, naming where", () => {
    expect(() => parseManifest("{", "main:data/m.json")).toThrow(/main:data\/m.json: not valid JSON/);
    expect(() => parseManifest("{}", "x")).toThrow(/x: not an llmops data-manifest document: no "schema" field/);
    expect(parseManifest(JSON.stringify(head), "x").totals.records).toBe(4);
  });
});
