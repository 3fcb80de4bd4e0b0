// This repository's own LLM project must pass its own checks: the training data validates, has
// no eval case in it, and the eval suite with its gate loads.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

describe("the example project", () => {
  it("trains on data that validates and does not leak the eval suite's cases", async () => {
    const r = await runCli(["data", "validate", "pipelines/data/tiny-sft/train.jsonl", "pipelines/data/tiny-sft/validation.jsonl", "data/train.jsonl", "--eval", "evals/cases/arithmetic.jsonl", "--eval", "data/eval/cases.jsonl", "--json"]);
    expect(r.stderr).not.toMatch(/leakage/);
    expect(r.code).toBe(0);
  });

  it("has an eval suite (with its gate) that loads and plans", async () => {
    const r = await runCli(["eval", "evals/arithmetic.yaml", "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ suite: "arithmetic", cases: 60, requests: 60 });
    // No case asked twice (24+19= was), and a gate its 60 cases can decide.
    expect(r.stderr).toBe("");
  });
});
