// Every scorer type a suite may name. Adding one is a module and a line here.
import { z } from "zod";
import { ConfigError } from "../../../errors.js";
import { bleu } from "./bleu.js";
import { cost, tokens } from "./budget.js";
import { chrf } from "./chrf.js";
import { contains, exactMatch, icontains } from "./exact-match.js";
import { jsonFields } from "./json-fields.js";
import { judgePairwise } from "./judge-pairwise.js";
import { judgeRubric } from "./judge-rubric.js";
import { embeddingSimilarity } from "./embedding-similarity.js";
import { latency } from "./latency.js";
import { jsonSchema } from "./json-schema.js";
import { jsonValid } from "./json-valid.js";
import { levenshtein } from "./levenshtein.js";
import { regex } from "./regex.js";
import { rouge1, rouge2, rougeLScorer } from "./rouge.js";
import type { Scorer, ScorerDefinition } from "./types.js";

export const scorerDefinitions = [
  exactMatch,
  contains,
  icontains,
  regex,
  jsonValid,
  jsonSchema,
  jsonFields,
  levenshtein,
  bleu,
  chrf,
  rouge1,
  rouge2,
  rougeLScorer,
  tokens,
  cost,
  latency,
  judgeRubric,
  judgePairwise,
  embeddingSimilarity,
] as const satisfies readonly ScorerDefinition[];

export const scorerTypes: string[] = scorerDefinitions.map((d) => d.type);

export const scorerConfigSchema = z.discriminatedUnion(
  "type",
  scorerDefinitions.map((d) => d.schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
);
export type ScorerConfig = z.output<typeof scorerConfigSchema>;

export function createScorers(configs: readonly ScorerConfig[]): Scorer[] {
  const scorers = configs.map((c) => {
    const def = scorerDefinitions.find((d) => d.type === (c as { type: string }).type) as ScorerDefinition | undefined;
    if (!def) throw new ConfigError(`unknown scorer type "${(c as { type: string }).type}"`);
    return def.create(c);
  });
  const seen = new Set<string>();
  for (const s of scorers) {
    if (seen.has(s.name)) throw new ConfigError(`two scorers are named "${s.name}"`, { hint: `give one of them a distinct "name:"` });
    seen.add(s.name);
  }
  return scorers;
}
