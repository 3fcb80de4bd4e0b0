// The file formats are a contract with users: files as released keep reading, every writer's output
// reads back to what was written, versions are checked before fields, and the generated reference
// (schemas/, docs/formats.md) is what the zod schemas say.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  FORMATS,
  collectResults,
  comparisonFormat,
  dataManifestFormat,
  pullRequestFormat,
  resultLineFormat,
  summaryFormat,
  trainRunFormat,
  writeResultLine,
  type Format,
} from "../src/core/contracts/index.js";
import { DataInvalidError } from "../src/errors.js";
import { VERSION } from "../src/version.js";
import { generatedReference } from "../scripts/formats-reference.js";
import { evalRecord, runSummary } from "./support/contract-docs.js";
import { makeComparison } from "./support/report-fixture.js";
import { repoRoot } from "./support/cli.js";

const released = join(repoRoot, "test", "fixtures", "contracts", "released-0.1.0");
const read = (p: string) => readFileSync(join(released, p), "utf8");

describe("files as released in llmops 0.1.0 keep reading", () => {
  it.each(["baseline", "candidate"])("%s/results.jsonl (untagged lines) and summary.json (v1)", (side) => {
    const { records, warnings } = collectResults(read(`${side}/results.jsonl`), `${side}/results.jsonl`);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(8);
    expect(records.every((r) => r.schema === "llmops.result/v1")).toBe(true);
    expect(records[0]!.scores.bleu!.stats).toHaveLength(6); // max_ngram_order: 2 → [sys, ref, 2 correct, 2 total]
    const s = summaryFormat.parse(read(`${side}/summary.json`), `${side}/summary.json`);
    expect(s.schema).toBe("llmops.summary/v3");
    expect(Object.keys(s.metrics)).toEqual(["exact_match", "contains_answer", "bleu", "latency"]);
    // v1 did not record scorer options: read as null, never guessed.
    expect(Object.values(s.metrics).map((m) => m.config)).toEqual([null, null, null, null]);
  });

  it("comparison/comparison.json and pull-request.json", () => {
    const c = comparisonFormat.parse(read("comparison/comparison.json"), "comparison.json");
    expect(c.gate?.verdict).toBe("inconclusive");
    expect(c.metrics.map((m) => m.name)).toEqual(["exact_match", "contains_answer", "bleu", "latency"]);
    // v1 named no repositories, so a bundle could be attached to another repository's PR: deliberately refused since v2.
    expect(() => pullRequestFormat.parse(read("comparison/pull-request.json"), "pull-request.json")).toThrow('pull-request.json: is "llmops.pull-request/v1", not llmops.pull-request/v2');
  });

  it("train/run.json (llmops.train.run/1, finished and running)", () => {
    const done = trainRunFormat.parse(read("train/run.json"), "run.json");
    expect(done).toMatchObject({ schema: "llmops.train-run/v2", status: "succeeded", backend: "reference" });
    const running = trainRunFormat.parse(read("train/run-running.json"), "run-running.json");
    expect(running).toEqual({ schema: "llmops.train-run/v2", status: "running", spec: { file: "pipelines/tiny-sft.yaml", hash: done.spec.hash } });
  });

  it("data/data-manifest.json", () => {
    const m = dataManifestFormat.parse(read("data/data-manifest.json"), "data-manifest.json");
    expect(m.totals.records).toBe(5);
    expect(m.files[0]!.index?.hashes).toHaveLength(5);
  });

  it("every registered format has a released fixture or is new since 0.1.0", () => {
    const tags = new Set<string>();
    for (const dir of readdirSync(released, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(join(released, dir.name))) {
        const text = read(`${dir.name}/${f}`);
        const first = JSON.parse(f.endsWith(".jsonl") ? text.split("\n")[0]! : text) as { schema?: string };
        tags.add(first.schema ?? "untagged results line");
      }
    }
    expect([...tags].sort()).toEqual(["llmops.comparison/v1", "llmops.data-manifest/v1", "llmops.pull-request/v1", "llmops.summary/v1", "llmops.train.run/1", "untagged results line"]);
  });
});

describe("round trip: what a writer writes, its reader reads back unchanged", () => {
  const trainRun = trainRunFormat.parse(read("train/run.json"), "run.json");
  const manifest = dataManifestFormat.parse(read("data/data-manifest.json"), "m.json");
  const cases: [Format, unknown][] = [
    [resultLineFormat, evalRecord({ case_id: "a", scores: { bleu: { value: 0.5, stats: [1, 2, 3], detail: { n: 1 } } }, error: { kind: "http", message: "502", status: 502 } })],
    [summaryFormat, runSummary({ bleu: { type: "bleu", corpus: true, config: { type: "bleu", max_ngram_order: 2 } } })],
    [comparisonFormat, makeComparison()],
    [pullRequestFormat, { schema: "llmops.pull-request/v2", number: 7, head_sha: "a".repeat(40), head_repo: null, base_repo: "org/app" }],
    [trainRunFormat, trainRun],
    [dataManifestFormat, manifest],
  ];
  it("covers every format of the eval → compare → report chain, training and data", () => expect(cases.map(([f]) => f.tag)).toEqual(FORMATS.slice(0, 6).map((f) => f.tag)));
  it.each(cases.map(([f, doc]) => [f.tag, f, doc] as const))("%s", (_tag, f, doc) => {
    const text = f.serialize(doc);
    expect(f.parse(text, "x")).toEqual(doc);
    expect(f.lines ? text.split("\n").length : 2).toBe(2); // a line format writes exactly one line
  });
  it("results lines: the writer is the one the store appends with", () => {
    const r = evalRecord({ case_id: "a" });
    expect(writeResultLine(r)).toBe(resultLineFormat.serialize(r));
  });
  it("a writer refuses to write what its reader would refuse (a bug, not a user error)", () => {
    expect(() => summaryFormat.serialize({ ...runSummary(), counts: undefined } as never)).toThrow(/llmops built an invalid llmops\.summary\/v3 document: counts/);
  });
});

describe("summary.json v2 (before judges) keeps reading", () => {
  it("is read as v3, metrics and provenance unchanged, no judges", () => {
    const v3 = runSummary({ bleu: { type: "bleu", corpus: true, config: { type: "bleu", max_ngram_order: 2 } } });
    const v2 = JSON.parse(JSON.stringify({ ...v3, schema: "llmops.summary/v2" }));
    const s = summaryFormat.parse(JSON.stringify(v2), "summary.json");
    expect(s.schema).toBe("llmops.summary/v3");
    expect(s.judges).toBeUndefined();
    expect(s.metrics).toEqual(v2.metrics);
    expect(s.provenance).toEqual(v2.provenance);
  });
});

describe("versions are checked before fields", () => {
  it.each(FORMATS.map((f) => [f.tag, f] as const))("%s: a newer version says which llmops wrote it and to upgrade", (_tag, f) => {
    const newer = { schema: `llmops.${f.kind}/v${f.version + 1}`, llmops_version: "9.1.0" };
    expect(() => f.parseValue(newer, "out/file.json")).toThrow(DataInvalidError);
    expect(() => f.parseValue(newer, "out/file.json")).toThrow(`out/file.json: written by llmops 9.1.0 as llmops.${f.kind}/v${f.version + 1}; this is llmops ${VERSION}, which reads ${f.tag}`);
    expect(() => f.parseValue(newer, "out/file.json")).toThrow(/: upgrade llmops$/);
  });
  it.each(FORMATS.map((f) => [f.tag, f] as const))("%s: another kind of document is named as such", (_tag, f) => {
    const other = FORMATS.find((g) => g !== f)!;
    expect(() => f.parseValue({ schema: other.tag }, "x.json")).toThrow(`x.json: is "${other.tag}", not ${f.tag}`);
  });
  it("a writer version that is not a version is not repeated", () => {
    expect(() => summaryFormat.parseValue({ schema: "llmops.summary/v4", provenance: { llmops_version: "<img src=x>" } }, "s.json")).toThrow(/written by a newer llmops as/);
  });
  it("registering a format is one line: tags and kinds are unique and each schema's tag is its own", () => {
    expect(new Set(FORMATS.map((f) => f.kind)).size).toBe(FORMATS.length);
    for (const f of FORMATS) expect(f.tag).toMatch(/^llmops\.[a-z][a-z0-9-]*\/v\d+$/);
  });
});

describe("the generated reference", () => {
  it("schemas/ and docs/formats.md are what the zod schemas give (run npm run build)", () => {
    for (const [path, text] of generatedReference()) expect(readFileSync(join(repoRoot, path), "utf8"), path).toBe(text);
    const onDisk = readdirSync(join(repoRoot, "schemas")).map((f) => `schemas/${f}`);
    expect(onDisk.sort()).toEqual([...generatedReference().keys()].filter((p) => p.startsWith("schemas/")).sort());
  });
});
