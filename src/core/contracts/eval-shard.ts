// shard.json in an eval run directory written by `llmops eval --shard I/N`: which deterministic
// slice of the suite's cases the run holds, so `llmops eval merge` can refuse overlaps, gaps and
// shards of different suites.
import { z } from "zod";

export const EvalShardSchema = z.object({
  schema: z.literal("llmops.eval-shard/v1"),
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  suite: z.object({ name: z.string(), file: z.string(), hash: z.string() }),
  total_cases: z.number().int().nonnegative(),
  case_ids: z.array(z.string()),
});
export type EvalShard = z.infer<typeof EvalShardSchema>;
