import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../errors.js";
import { createScorers, scorerConfigSchema, scorerDefinitions, scorerTypes } from "./registry.js";

describe("scorer registry", () => {
  it("lists every scorer type once", () => {
    expect(scorerTypes).toEqual([
      "exact_match", "contains", "icontains", "regex", "json_valid", "json_schema", "json_fields",
      "levenshtein", "bleu", "chrf", "rouge1", "rouge2", "rouge_l", "tokens", "cost", "latency",
      "judge_rubric", "judge_pairwise", "embedding_similarity",
    ]);
  });

  it("creates every scorer from its defaults (the minimal config)", () => {
    const minimal: Record<string, Record<string, unknown>> = {
      json_schema: { schema: { type: "object" } },
      tokens: { max_completion_tokens: 10 },
      cost: { max_cost: 1 },
      judge_rubric: { target: { base_url: "http://127.0.0.1:1/v1", model: "j" }, rubric: "r" },
      judge_pairwise: { target: { base_url: "http://127.0.0.1:1/v1", model: "j" }, criteria: "c" },
      embedding_similarity: { target: { base_url: "http://127.0.0.1:1/v1", model: "e" } },
    };
    for (const def of scorerDefinitions) {
      const config = scorerConfigSchema.parse({ type: def.type, ...minimal[def.type] });
      const [s] = createScorers([config]);
      expect(s?.name).toBe(def.type);
      expect(s?.signature.length).toBeGreaterThan(0);
      expect(s?.corpus).toBe(def.type === "bleu" || def.type === "chrf");
      if (s?.corpus) expect(s.aggregate).toBeTypeOf("function");
    }
  });

  it("keeps refinements inside the discriminated union", () => {
    expect(scorerConfigSchema.safeParse({ type: "regex", pattern: "(" }).success).toBe(false);
    expect(scorerConfigSchema.safeParse({ type: "json_schema" }).success).toBe(false);
  });

  it("refuses two scorers with one name", () => {
    const configs = [scorerConfigSchema.parse({ type: "bleu" }), scorerConfigSchema.parse({ type: "bleu" })];
    expect(() => createScorers(configs)).toThrow(ConfigError);
  });
});
