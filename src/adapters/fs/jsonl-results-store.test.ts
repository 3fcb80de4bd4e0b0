import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { JsonlResultsStore, acquireDirLock } from "./jsonl-results-store.js";
import type { EvalRecord } from "../../core/eval/types.js";
import type { RecordLocation } from "../../core/ports/results-store.js";

const rec = (id: string): EvalRecord => ({
  schema: "llmops.result/v1",
  case_id: id, repeat: 0, key: `k-${id}`, input_hash: "h", input: "i", vars: {}, expected: null, output: "o", scores: {},
  latency_ms: 1, ttft_ms: null, prompt_tokens: null, completion_tokens: null, cost: null, finish_reason: "stop", error: null, attempts: 1, cached: false,
});

/** Load, returning the records' case ids and where each lies. */
function loadAll(s: JsonlResultsStore): { ids: string[]; at: RecordLocation[] } {
  const ids: string[] = [];
  const at: RecordLocation[] = [];
  s.load((r, loc) => {
    ids.push(r.case_id);
    at.push(loc);
  });
  return { ids, at };
}

describe("JsonlResultsStore", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "store-"));

  it("drops a cut-off last line and truncates it so appends stay clean", () => {
    const p = join(dir(), "results.jsonl");
    writeFileSync(p, `${JSON.stringify(rec("a"))}\n${JSON.stringify(rec("b")).slice(0, 30)}`);
    const s = new JsonlResultsStore(p);
    expect(loadAll(s).ids).toEqual(["a"]);
    expect(s.droppedPartialLine).toBe(true);
    s.append(rec("c"));
    s.close();
    expect(loadAll(new JsonlResultsStore(p)).ids).toEqual(["a", "c"]);
  });

  it("keeps a whole last record whose newline was not written", () => {
    const p = join(dir(), "results.jsonl");
    writeFileSync(p, `${JSON.stringify(rec("a"))}\n${JSON.stringify(rec("b"))}`);
    const s = new JsonlResultsStore(p);
    expect(loadAll(s).ids).toEqual(["a", "b"]);
    expect(readFileSync(p, "utf8").endsWith("}\n")).toBe(true);
  });

  it("names file:line for a corrupted middle line", () => {
    const p = join(dir(), "results.jsonl");
    writeFileSync(p, `${JSON.stringify(rec("a"))}\nnot json\n${JSON.stringify(rec("b"))}\n`);
    expect(() => loadAll(new JsonlResultsStore(p))).toThrow(/results\.jsonl:2: not valid JSON/);
  });

  it("finalize rewrites exactly the records at the given locations, in that order, through map", async () => {
    const p = join(dir(), "results.jsonl");
    const s = new JsonlResultsStore(p);
    const a1 = s.append(rec("a"));
    const a2 = s.append({ ...rec("a"), output: "second" });
    const b = s.append(rec("b"));
    await s.finalize([{ ...b, index: 0 }, { ...a2, index: 1 }], (r, at) => ({ ...r, input: `#${at.index}` }), false);
    const lines = readFileSync(p, "utf8").trim().split("\n").map((l) => JSON.parse(l) as EvalRecord);
    expect(lines.map((r) => [r.case_id, r.output, r.input])).toEqual([["b", "o", "#0"], ["a", "second", "#1"]]);
    expect(a1.offset).toBe(0);
    expect(s.keptPrevious).toBeUndefined();
  });

  it("locations from load and from appends after it point at the right lines, across read chunks", async () => {
    const p = join(dir(), "results.jsonl");
    const big = (id: string): EvalRecord => ({ ...rec(id), input: "x".repeat(300_000) }); // several lines per 1 MiB chunk, and lines across chunk edges
    writeFileSync(p, ["a", "b", "c", "d", "e"].map((id) => `${JSON.stringify(big(id))}\n`).join(""));
    const s = new JsonlResultsStore(p);
    const { ids, at } = loadAll(s);
    expect(ids).toEqual(["a", "b", "c", "d", "e"]);
    const f = s.append(rec("f"));
    await s.finalize((async function* () {
      yield* [f, at[3]!, at[0]!];
    })(), (r) => r, true);
    expect(readFileSync(p, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as EvalRecord).case_id)).toEqual(["f", "d", "a"]);
    expect(s.keptPrevious).toBe(s.previousPath);
    expect(readFileSync(s.previousPath, "utf8").trim().split("\n")).toHaveLength(6);
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
