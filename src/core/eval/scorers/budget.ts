// tokens / cost: budget checks per case. 1 when the case stayed within the budget, 0 when it went
// over, null when the count is unknown. Run-level totals are the summary's job, not these scorers'.
import { z } from "zod";
import { scorerBase, scorerSchema } from "./common.js";
import type { ScorerDefinition } from "./types.js";

const tokensSchema = scorerSchema("tokens", {
  /** Most completion tokens a case may use. */
  max_completion_tokens: z.number().int().positive(),
});

export const tokens: ScorerDefinition<typeof tokensSchema> = {
  type: "tokens",
  schema: tokensSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `tokens|max_completion_tokens:${c.max_completion_tokens}`,
      score({ completionTokens, promptTokens }) {
        const detail = { completion_tokens: completionTokens, prompt_tokens: promptTokens, max_completion_tokens: c.max_completion_tokens };
        if (completionTokens === null) return { value: null, detail };
        return { value: completionTokens <= c.max_completion_tokens ? 1 : 0, detail };
      },
    };
  },
};

const costSchema = scorerSchema("cost", {
  /** Most a case may cost, in the suite's price-table currency. */
  max_cost: z.number().nonnegative(),
});

export const cost: ScorerDefinition<typeof costSchema> = {
  type: "cost",
  schema: costSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `cost|max_cost:${c.max_cost}`,
      score({ cost: caseCost }) {
        const detail = { cost: caseCost, max_cost: c.max_cost };
        if (caseCost === null) return { value: null, detail };
        return { value: caseCost <= c.max_cost ? 1 : 0, detail };
      },
    };
  },
};
