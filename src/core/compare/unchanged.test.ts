import { describe, expect, it } from "vitest";
import type { LoadedRun } from "./run-records.js";
import { findUnchanged } from "./unchanged.js";

const rec = (id: string, over: Record<string, unknown> = {}) => ({ case_id: id, repeat: 0, key: `k-${id}`, output: `o-${id}`, scores: { em: { value: 1 } }, latency_ms: 10, prompt_tokens: 1, completion_tokens: 1, cost: null, error: null, ...over });
const run = (records: ReturnType<typeof rec>[], provenance?: Record<string, unknown>): LoadedRun =>
  ({ dir: "d", resultsSha256: "x", records, summary: provenance ? { metrics: {}, provenance } : null, superseded: 0, warnings: [] }) as unknown as LoadedRun;

describe("findUnchanged", () => {
  const base = run([rec("a"), rec("b")]);
  it("same requests, outputs and scores on every record", () => {
    expect(findUnchanged(base, run([rec("b"), rec("a")]))?.basis).toBe("requests-and-outputs");
  });
  it.each([
    ["another output", [rec("a"), rec("b", { output: "other" })]],
    ["another request", [rec("a"), rec("b", { key: "k2" })]],
    ["another score", [rec("a"), rec("b", { scores: { em: { value: 0 } } })]],
    ["an errored record", [rec("a"), rec("b", { error: { kind: "http", message: "500" } })]],
    ["a missing case", [rec("a")]],
  ])("not with %s", (_, records) => {
    expect(findUnchanged(base, run(records))).toBeNull();
  });
  it("not without request keys (files from before keys were recorded)", () => {
    const keyless = () => run([rec("a", { key: undefined }), rec("b", { key: undefined })]);
    expect(findUnchanged(keyless(), keyless())).toBeNull();
  });
  it("same model hash, prompt, cases, suite and params, even with sampled outputs", () => {
    const prov = (h: string, t = 0.7) => ({ prompt_hash: "p", dataset_hash: "d", suite_hash: "s", target: { model_hash: h, params: { temperature: t } } });
    const cand = run([rec("a", { output: "x" }), rec("b", { output: "y" })], prov("abc123"));
    expect(findUnchanged(run([rec("a"), rec("b")], prov("abc123")), cand)).toMatchObject({ basis: "model-and-prompt" });
    expect(findUnchanged(run([rec("a"), rec("b")], prov("def456")), cand)).toBeNull();
    expect(findUnchanged(run([rec("a"), rec("b")], prov("abc123", 0.9)), cand)).toBeNull();
  });
  it("names the model by the digest the eval wrote (sha256:…), without the prefix in the sentence", () => {
    const h = `sha256:${"ab".repeat(32)}`;
    const prov = { prompt_hash: "p", dataset_hash: "d", suite_hash: "s", target: { model_hash: h, params: {} } };
    const out = findUnchanged(run([rec("a"), rec("b")], prov), run([rec("a", { output: "x" }), rec("b", { output: "y" })], prov));
    expect(out?.reason).toContain("the same model (sha256 abababababab)");
  });
});
