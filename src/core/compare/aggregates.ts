// Corpus aggregates rebuilt from the scorer's configuration as the run recorded it (summary v2's
// `config`), so a comparison scores the corpus exactly as the eval did. A v1 summary recorded only
// the type: then the type's default options are the best guess, and the row says so.
import { scorerDefinitions } from "../eval/scorers/registry.js";
import type { ScorerDefinition } from "../eval/scorers/types.js";

export type Aggregate = (summed: readonly number[]) => number;

export interface AggregateFor {
  aggregate: Aggregate | undefined;
  /** Why the aggregate may not be the one the run used. */
  note?: string;
}

export function aggregateFor(type: string, config: Record<string, unknown> | null): AggregateFor {
  const def = (scorerDefinitions as readonly ScorerDefinition[]).find((d) => d.type === type);
  if (!def) return { aggregate: undefined };
  const parsed = def.schema.safeParse(config ?? { type });
  if (!parsed.success) return { aggregate: undefined, note: `the recorded configuration of this ${type} scorer is not valid for this llmops (${parsed.error.issues[0]?.message ?? "invalid"})` };
  const scorer = def.create(parsed.data);
  if (!scorer.corpus || !scorer.aggregate) return { aggregate: undefined };
  const aggregate: Aggregate = (s) => scorer.aggregate!(s);
  return config === null ? { aggregate, note: `summary.json (v1) does not record the ${type} scorer's options: the corpus score uses its default options` } : { aggregate };
}
