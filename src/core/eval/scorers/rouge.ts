// rouge1 / rouge2 / rouge_l: Google rouge-score's F-measures (its default tokenizer; Porter
// stemming as NLTK's with use_stemmer: true).
// With several references the best F-measure counts, as rouge-score's score_multi does.
import { z } from "zod";
import { referencesOf, scorerBase, scorerSchema } from "./common.js";
import { rougeL, rougeN, rougeTokenize, type RougeScore } from "./rouge-math.js";
import { porterStem } from "./porter.js";
import { formatSignature } from "./signature.js";
import type { ScorerDefinition } from "./types.js";

type RougeType = "rouge1" | "rouge2" | "rouge_l";

const STEM_CACHE_LIMIT = 100_000;

/** Stemming is the costly part and words repeat: remember results, within a bound. */
function memoised(fn: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let s = cache.get(word);
    if (s === undefined) {
      if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
      s = fn(word);
      cache.set(word, s);
    }
    return s;
  };
}

function rougeDef<T extends RougeType>(type: T) {
  const schema = scorerSchema(type, {
    /** Porter-stem tokens longer than 3 characters (rouge-score use_stemmer; NLTK's Porter). */
    use_stemmer: z.boolean().default(false),
  });
  const compute = (t: string[], p: string[]): RougeScore => (type === "rouge_l" ? rougeL(t, p) : rougeN(t, p, type === "rouge1" ? 1 : 2));
  const def: ScorerDefinition<typeof schema> = {
    type,
    schema,
    create(c) {
      const stem = c.use_stemmer ? memoised(porterStem) : undefined;
      return {
        ...scorerBase(c),
        signature: formatSignature([
          ["type", type === "rouge_l" ? "rougeL" : type],
          ["tok", "rouge-score-default"],
          ["stem", c.use_stemmer ? "porter-nltk" : "no"],
          ["multi", "max-f"],
        ]),
        score({ output, expected }) {
          const refs = referencesOf(expected);
          if (!refs || refs.length === 0) return { value: null };
          const prediction = rougeTokenize(output, stem);
          let best: RougeScore | undefined;
          for (const ref of refs) {
            const s = compute(rougeTokenize(ref, stem), prediction);
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
