// Corpus aggregates by metric type, from the scorer registry with default options (a run read
// without its suite only knows each metric's type, from summary.json).
import { scorerDefinitions } from "../eval/scorers/registry.js";
import type { ScorerDefinition } from "../eval/scorers/types.js";

export function aggregateForType(type: string): ((summed: readonly number[]) => number) | undefined {
  const def = (scorerDefinitions as readonly ScorerDefinition[]).find((d) => d.type === type);
  if (!def) return undefined;
  const parsed = def.schema.safeParse({ type });
  if (!parsed.success) return undefined;
  const scorer = def.create(parsed.data);
  return scorer.corpus && scorer.aggregate ? (s) => scorer.aggregate!(s) : undefined;
}
