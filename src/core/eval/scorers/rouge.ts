// rouge1 / rouge2 / rouge_l: Google rouge-score's F-measures (default tokenizer, no stemming).
// With several references the best F-measure counts, as rouge-score's score_multi does.
import { z } from "zod";
import { ConfigError } from "../../../errors.js";
import { referencesOf, scorerSchema } from "./common.js";
import { rougeL, rougeN, rougeTokenize, type RougeScore } from "./rouge-math.js";
import { formatSignature } from "./signature.js";
import type { ScorerDefinition } from "./types.js";

type RougeType = "rouge1" | "rouge2" | "rouge_l";

function rougeDef<T extends RougeType>(type: T) {
  const schema = scorerSchema(type, {
    /** Porter stemming (rouge-score use_stemmer). Not implemented: must stay false. */
    use_stemmer: z.boolean().default(false),
  });
  const compute = (t: string[], p: string[]): RougeScore => (type === "rouge_l" ? rougeL(t, p) : rougeN(t, p, type === "rouge1" ? 1 : 2));
  const def: ScorerDefinition<typeof schema> = {
    type,
    schema,
    create(c) {
      if (c.use_stemmer) {
        throw new ConfigError(`scorer "${c.name ?? type}": use_stemmer: true is not supported (llmops has no Porter stemmer yet)`, {
          hint: "remove use_stemmer, or compare against rouge-score with use_stemmer=False",
        });
      }
      return {
        name: c.name ?? c.type,
        type: c.type,
        threshold: c.threshold,
        weight: c.weight,
        corpus: false,
        signature: formatSignature([
          ["type", type === "rouge_l" ? "rougeL" : type],
          ["tok", "rouge-score-default"],
          ["stem", "no"],
          ["multi", "max-f"],
        ]),
        score({ output, expected }) {
          const refs = referencesOf(expected);
          if (!refs || refs.length === 0) return { value: null };
          const prediction = rougeTokenize(output);
          let best: RougeScore | undefined;
          for (const ref of refs) {
            const s = compute(rougeTokenize(ref), prediction);
            if (best === undefined || s.fmeasure > best.fmeasure) best = s;
          }
          const b = best as RougeScore;
          return { value: b.fmeasure, detail: { precision: b.precision, recall: b.recall } };
        },
      };
    },
  };
  return def;
}

export const rouge1 = rougeDef("rouge1");
export const rouge2 = rougeDef("rouge2");
export const rougeLScorer = rougeDef("rouge_l");
