// latency: per sample, 1 when the request finished (and its first token came) within budget;
// per run, the summary checks p50/p95/p99 and time-to-first-token percentile budgets.
import { z } from "zod";
import type { ScorerDefinition } from "./types.js";
import { scorerBase, scorerSchema } from "./common.js";

const budget = z.number().positive();

const schema = scorerSchema("latency", {
  /** Per-sample budget for the whole response, in ms. */
  max_ms: budget.optional(),
  /** Per-sample budget for the first token (streaming), in ms. */
  max_ttft_ms: budget.optional(),
  /** Run-level budgets on percentiles, in ms (checked in summary.json). */
  p50_ms: budget.optional(),
  p95_ms: budget.optional(),
  p99_ms: budget.optional(),
  ttft_p50_ms: budget.optional(),
  ttft_p95_ms: budget.optional(),
  ttft_p99_ms: budget.optional(),
});

export type LatencyScorerConfig = z.output<typeof schema>;

export const RUN_BUDGET_KEYS = ["p50_ms", "p95_ms", "p99_ms", "ttft_p50_ms", "ttft_p95_ms", "ttft_p99_ms"] as const;

export const latency: ScorerDefinition<typeof schema> = {
  type: "latency",
  schema,
  create(c) {
    const budgets = Object.fromEntries(RUN_BUDGET_KEYS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]!]));
    return {
      ...scorerBase(c),
      runBudgets: budgets,
      signature: `latency|max_ms:${c.max_ms ?? "-"}|max_ttft_ms:${c.max_ttft_ms ?? "-"}|${RUN_BUDGET_KEYS.map((k) => `${k}:${c[k] ?? "-"}`).join("|")}`,
      score({ latencyMs, ttftMs }) {
        if (c.max_ms === undefined && c.max_ttft_ms === undefined) return { value: null };
        let ok = true;
        if (c.max_ms !== undefined) ok &&= latencyMs <= c.max_ms;
        if (c.max_ttft_ms !== undefined) {
          if (ttftMs === null) return { value: null, detail: { reason: "no time to first token (not streaming)" } };
          ok &&= ttftMs <= c.max_ttft_ms;
        }
        return { value: ok ? 1 : 0 };
      },
    };
  },
};
