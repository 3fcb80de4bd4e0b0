import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { JsonlResultsStore, acquireDirLock } from "./jsonl-results-store.js";
import type { EvalRecord } from "../../core/eval/types.js";

const rec = (id: string): EvalRecord => ({
  schema: "llmops.result/v1",
  case_id: id, repeat: 0, key: `k-${id}`, input_hash: "h", input: "i", vars: {}, expected: null, output: "o", scores: {},
  latency_ms: 1, ttft_ms: null, prompt_tokens: null, completion_tokens: null, cost: null, finish_reason: "stop", error: null, attempts: 1, cached: false,
});

describe("JsonlResultsStore", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "store-"));

  it("drops a cut-off last line and truncates it so appends stay clean", () => {
    const p = join(dir(), "results.jsonl");
    writeFileSync(p, `${JSON.stringify(rec("a"))}\n${JSON.stringify(rec("b")).slice(0, 30)}`);
    const s = new JsonlResultsStore(p);
    expect(s.load().map((r) => r.case_id)).toEqual(["a"]);
    expect(s.droppedPartialLine).toBe(true);
    s.append(rec("c"));
    s.close();
    expect(new JsonlResultsStore(p).load().map((r) => r.case_id)).toEqual(["a", "c"]);
  });

  it("keeps a whole last record whose newline was not written", () => {
    const p = join(dir(), "results.jsonl");
    writeFileSync(p, `${JSON.stringify(rec("a"))}\n${JSON.stringify(rec("b"))}`);
    const s = new JsonlResultsStore(p);
    expect(s.load().map((r) => r.case_id)).toEqual(["a", "b"]);
    expect(readFileSync(p, "utf8").endsWith("}\n")).toBe(true);
  });

  it("names file:line for a corrupted middle line", () => {
    const p = join(dir(), "results.jsonl");
    writeFileSync(p, `${JSON.stringify(rec("a"))}\nnot json\n${JSON.stringify(rec("b"))}\n`);
    expect(() => new JsonlResultsStore(p).load()).toThrow(/results\.jsonl:2: not valid JSON/);
  });

  it("finalize rewrites exactly the given records", () => {
    const p = join(dir(), "results.jsonl");
    const s = new JsonlResultsStore(p);
    s.append(rec("a"));
    s.append(rec("a"));
    s.finalize([rec("a")]);
    expect(readFileSync(p, "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("locks a directory against a second live writer and takes over a dead one's lock", () => {
    const d = dir();
    const lock = join(d, ".lock");
    writeFileSync(lock, "999999999");
    const release = acquireDirLock(lock);
    writeFileSync(lock, String(process.ppid));
    expect(() => acquireDirLock(lock)).toThrow(/another llmops run \(pid \d+\) is writing/);
    writeFileSync(lock, String(process.pid));
    release();
  });
});
