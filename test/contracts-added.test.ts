// The formats beside the eval → compare chain (k-arm comparisons, shards, GGUF export records,
// pipeline files, training metrics, the response cache): each is written and read through its one
// format, and the real writers' files read back to what was written.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiskResponseCache } from "../src/adapters/fs/disk-cache.js";
import { FileHasher } from "../src/app/pipeline/file-hasher.js";
import { readRunRecords, writeRunRecord } from "../src/app/pipeline/run-record.js";
import { exportBundle, importBundle, StageStore } from "../src/app/pipeline/stage-store.js";
import {
  FORMATS,
  armsFormat,
  compressedExportFormat,
  evalShardFormat,
  ggufExportFormat,
  hashMemoFormat,
  pipelineRunFormat,
  pipelineStateFormat,
  responseCacheEntryFormat,
  stageCacheEntryFormat,
  trainMetricsFormat,
  type Format,
} from "../src/core/contracts/index.js";
import { judgeLabelsFormat } from "../src/core/contracts/judge-labels.js";
import { gateModelFormat } from "../src/core/contracts/gate-model.js";
import type { PipelineRun, StageCacheEntry } from "../src/core/contracts/pipeline-run.js";
import type { CompletionRequest } from "../src/core/ports/provider.js";

const sha = (c: string) => c.repeat(64);
const parts = { definition: sha("a"), deps: { "data/x.jsonl": sha("b") }, params: { lr: 0.1 }, upstream: {}, llmops_version: "0.1.0" };
const file = { path: "out/model.bin", sha256: sha("c"), size: 12, executable: false };

const stageEntry: StageCacheEntry = { schema: "llmops.stage-cache-entry/v1", key: sha("d"), pipeline: "tiny", stage: "train", outs: ["out"], dirs: ["out"], files: [file], parts, created_at: "2026-01-01T00:00:00.000Z", duration_s: 1.5, commit: null };

const pipelineRun: PipelineRun = {
  schema: "llmops.pipeline-run/v1",
  run_id: "20260101T000000Z-abc123",
  pipeline: { name: "tiny", file: "pipelines/tiny.yaml", sha256: sha("e") },
  status: "passed",
  commit: "f".repeat(40),
  dirty: false,
  baseline: null,
  selected: null,
  started_at: "2026-01-01T00:00:00.000Z",
  finished_at: "2026-01-01T00:00:02.000Z",
  duration_s: 2,
  stages: [{ name: "train", key: sha("d"), outcome: "ran", reason: "never ran here", duration_s: 1.5, started_at: "2026-01-01T00:00:00.100Z", exit_code: 0, outs: [{ path: file.path, sha256: file.sha256, size: 12 }], services: [] }],
  machine: { hostname: "h", platform: "linux", arch: "x64", cpus: 2, cpu_model: null, memory_bytes: 1e9, gpus: [] },
  llmops_version: "0.1.0",
  node: "v20.0.0",
};

const docs: [Format, unknown][] = [
  [evalShardFormat, { schema: "llmops.eval-shard/v1", index: 2, count: 3, suite: { name: "arith", file: "evals/arith.yaml", hash: sha("1") }, total_cases: 9, case_ids: ["c2", "c5", "c8"] }],
  [
    ggufExportFormat,
    {
      schema: "llmops.gguf-export/v1",
      gguf: { file: "model-q8_0.gguf", bytes: 1234, sha256: `sha256:${sha("2")}` },
      kind: "model",
      type: "q8_0",
      architecture: "llama",
      tensors: 21,
      parameters: 9000,
      tokenizer: "bpe",
      source: { dir: "runs/a/model", hash: `sha256:${sha("3")}` },
      llmops_version: "0.1.0",
      created_at: "2026-01-01T00:00:00.000Z",
    },
  ],
  [
    compressedExportFormat,
    {
      schema: "llmops.compressed-export/v1",
      method: "awq",
      scheme: "W4A16_ASYM",
      recipe: { file: "runs/a/model-awq.recipe.yaml", sha256: `sha256:${sha("7")}` },
      calibration: { file: "data/cal.jsonl", sha256: `sha256:${sha("8")}`, records: 300, samples: 256, max_seq_length: 512 },
      tool: { name: "llm-compressor", version: "0.14.0.1", python: "python3" },
      source: { dir: "runs/a/model", hash: `sha256:${sha("3")}` },
      output: { dir: "runs/a/model-awq", hash: `sha256:${sha("9")}`, quant_method: "compressed-tensors" },
      llmops_version: "0.1.0",
      created_at: "2026-01-01T00:00:00.000Z",
    },
  ],
  [pipelineRunFormat, pipelineRun],
  [pipelineStateFormat, { schema: "llmops.pipeline-state/v1", pipeline: "tiny", stages: { train: { key: sha("d"), parts, files: [file], finished_at: "2026-01-01T00:00:02.000Z" } } }],
  [stageCacheEntryFormat, stageEntry],
  [hashMemoFormat, { schema: "llmops.hash-memo/v1", entries: { "data/x.jsonl": [12, 1735689600000, 42, sha("b")] } }],
  [responseCacheEntryFormat, { schema: "llmops.response-cache-entry/v1", key: sha("4"), request_sha256: sha("5"), response: { text: "4", finishReason: "stop", promptTokens: 3, completionTokens: 1, ttftMs: null, latencyMs: 12 }, mac: sha("6") }],
  [trainMetricsFormat, { schema: "llmops.train-metrics/v1", kind: "train", t_ms: 412, step: 2, loss: "nan", lr: 0.003, grad_norm: "inf" }],
  [judgeLabelsFormat, { schema: "llmops.judge-labels/v1", case_id: "c-7", label: 4, rater: "ana" }],
  [
    gateModelFormat,
    {
      schema: "llmops.gate-model/v1",
      pull_request: { number: 7, head_sha: "c".repeat(40), head_repo: "mallory/llm-app" },
      base_commit: "b".repeat(40),
      decision: "trained",
      reason: "training inputs changed (stages train, export); trained by the base's code from the pull request's data",
      approved_by: "maintainer",
      pr_data: [{ path: "pipelines/params.yaml", sha256: sha("7"), changed: true }, { path: "pipelines/reviews-sft.yaml", sha256: null, changed: false }],
      keys: { baseline: { train: sha("8") }, candidate: { train: sha("9") } },
      baseline_model: { path: ".llmops/pipeline/model.gguf", sha256: sha("a"), stages: [{ name: "train", key: sha("8"), outcome: "restored" }] },
      candidate_model: { path: ".llmops/pipeline/model.gguf", sha256: sha("c"), stages: [{ name: "train", key: sha("9"), outcome: "ran" }] },
      llmops_version: "0.1.0",
      created_at: "2026-01-01T00:00:00.000Z",
    },
  ],
];

describe("round trip of the added formats", () => {
  it("covers every registered format after the eval → compare → report chain, training and data, except arms (computed in src/core/compare/arms.test.ts)", () => {
    expect([armsFormat, ...docs.map(([f]) => f)].map((f) => f.tag).sort()).toEqual(FORMATS.slice(6).map((f) => f.tag).sort());
  });
  it.each(docs.map(([f, doc]) => [f.tag, f, doc] as const))("%s", (_tag, f, doc) => {
    const text = f.serialize(doc);
    expect(f.parse(text, "x")).toEqual(doc);
    expect(f.lines ? text.split("\n").length : 2).toBe(2);
  });
  it.each(docs.map(([f, doc]) => [f.tag, f, doc] as const))("%s: a writer refuses a document its reader would refuse", (_tag, f, doc) => {
    expect(() => f.serialize({ ...(doc as object), schema: "llmops.other/v1" })).toThrow(new RegExp(`llmops built an invalid ${f.tag.replace(/[./]/g, "\\$&")} document: schema`));
  });
});

describe("the real writers and readers go through the formats", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const temp = () => (dir = mkdtempSync(join(tmpdir(), "llmops-formats-")));

  it("pipeline run records: what writeRunRecord writes, readRunRecords reads; another version is skipped with the format's reason", () => {
    const root = temp();
    const p = writeRunRecord(root, pipelineRun);
    expect(pipelineRunFormat.parse(readFileSync(p, "utf8"), p)).toEqual(pipelineRun);
    mkdirSync(join(root, "reports", "runs", "later"), { recursive: true });
    writeFileSync(join(root, "reports", "runs", "later", "run.json"), JSON.stringify({ schema: "llmops.pipeline-run/v2", llmops_version: "0.9.0" }));
    const { runs, unreadable } = readRunRecords(root);
    expect(runs).toEqual([pipelineRun]);
    expect(unreadable).toEqual([expect.stringMatching(/later\/run\.json: written by llmops 0\.9\.0 as llmops\.pipeline-run\/v2; .*: upgrade llmops$/)]);
  });

  it("stage cache entries: saved, exported as a bundle and imported again; a bundle of another kind is a damaged entry", async () => {
    const root = temp();
    mkdirSync(join(root, "out"));
    writeFileSync(join(root, "out", "model.bin"), "twelve bytes");
    const hasher = new FileHasher(root, join(root, ".llmops", "hash-memo.json"));
    const hashed = await hasher.hashFile("out/model.bin");
    const entry: StageCacheEntry = { ...stageEntry, files: [{ ...file, sha256: hashed.sha256 }] };
    const store = new StageStore(join(root, "cache"));
    store.save(entry, root, [hashed]);
    expect(stageCacheEntryFormat.parse(readFileSync(store.entryPath(entry.key), "utf8"), "entry")).toEqual(entry);
    const lookup = store.lookup(entry.key);
    expect(lookup.hit && lookup.entry).toEqual(entry);
    expect(exportBundle(store, entry.key, join(root, "bundle"))).toBe(true);
    const other = new StageStore(join(root, "cache2"));
    await importBundle(other, entry.key, join(root, "bundle"));
    expect(other.lookup(entry.key)).toEqual({ hit: true, entry });
    writeFileSync(join(root, "bundle", "entry.json"), JSON.stringify({ schema: "llmops.pipeline-state/v1" }));
    await expect(importBundle(other, entry.key, join(root, "bundle"))).rejects.toThrow(/is not a stage cache entry \(.*entry\.json: is "llmops\.pipeline-state\/v1", not llmops\.stage-cache-entry\/v1/);
  });

  it("the file hasher's memo is a hash-memo/v1 file it reads back (a second hasher hashes nothing again)", async () => {
    const root = temp();
    writeFileSync(join(root, "a.txt"), "a");
    utimesSync(join(root, "a.txt"), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000)); // older than the racy window
    const memo = join(root, ".llmops", "hash-memo.json");
    const first = new FileHasher(root, memo);
    const a = await first.hashFile("a.txt");
    first.save();
    const written = hashMemoFormat.parse(readFileSync(memo, "utf8"), memo);
    expect(Object.values(written.entries).map((e) => e[3])).toEqual([a.sha256]);
    const second = new FileHasher(root, memo);
    expect(await second.hashFile("a.txt")).toEqual(a);
    expect(second.bytesHashed).toBe(0);
  });

  it("response cache entries: set writes a response-cache-entry/v1 that get returns; a newer entry is ignored with the format's reason", async () => {
    const root = temp();
    const warnings: string[] = [];
    const cache = new DiskResponseCache(join(root, "cache"), { warn: (m: string) => warnings.push(m) });
    const req: CompletionRequest = { api: "chat", model: "m", messages: [{ role: "user", content: "2+2" }], params: {}, stream: false };
    const value = { text: "4", finishReason: "stop", promptTokens: 3, completionTokens: 1, ttftMs: null, latencyMs: 12 };
    const key = sha("7");
    await cache.set(key, req, value);
    const path = join(root, "cache", key.slice(0, 2), `${key}.json`);
    expect(responseCacheEntryFormat.parse(readFileSync(path, "utf8"), path).response).toEqual(value);
    expect(await cache.get(key, req)).toEqual(value);
    writeFileSync(path, JSON.stringify({ schema: "llmops.response-cache-entry/v2", key }));
    expect(await new DiskResponseCache(join(root, "cache"), { warn: (m: string) => warnings.push(m) }).get(key, req)).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/ignored the entry 777777777777… .*llmops\.response-cache-entry\/v2; .*upgrade llmops\); it is re-requested/)]);
  });
});
