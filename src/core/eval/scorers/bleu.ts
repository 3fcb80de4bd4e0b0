// bleu: sacreBLEU's BLEU. Per sample: sentence BLEU (sentence_bleu semantics: effective order) as
// `value` and sufficient statistics as `stats`; `aggregate` gives corpus BLEU (corpus_bleu). In [0,1].
import { z } from "zod";
import { bleuSentenceStats, computeBleu, MAX_NGRAM_ORDER, SMOOTH_DEFAULTS, type SmoothMethod } from "./bleu-math.js";
import { referencesOf, scorerBase, scorerSchema } from "./common.js";
import { formatSignature, ReferenceCountTracker } from "./signature.js";
import { bleuTokenizerNames, preprocessForBleu } from "./tokenizers.js";
import type { ScorerDefinition } from "./types.js";

const bleuSchema = scorerSchema("bleu", {
  /** sacreBLEU tokenizer: 13a (default, mteval-v13a), intl (mteval-v14 international), char, none. */
  tokenize: z.enum(bleuTokenizerNames).default("13a"),
  /** Lower-case hypothesis and references (sacreBLEU `-lc`). */
  lowercase: z.boolean().default(false),
  /** Smoothing of zero n-gram precisions: exp (default), floor, add-k, none. */
  smooth_method: z.enum(["exp", "floor", "add-k", "none"]).default("exp"),
  /** Value for floor (default 0.1) and add-k (default 1). */
  smooth_value: z.number().nonnegative().optional(),
  /** Use effective n-gram order for the CORPUS score too (sacreBLEU default: no). Sentence values always do. */
  effective_order: z.boolean().default(false),
  /** Highest n-gram order (sacreBLEU default 4); stats are [sys_len, ref_len, correct_1..N, total_1..N]. */
  max_ngram_order: z.number().int().min(1).max(10).default(MAX_NGRAM_ORDER),
});

function smoothLabel(method: SmoothMethod, value: number | undefined): string {
  const def = SMOOTH_DEFAULTS[method];
  return def === null ? method : `${method}[${(value ?? def).toFixed(2)}]`;
}

export const bleu: ScorerDefinition<typeof bleuSchema> = {
  type: "bleu",
  schema: bleuSchema,
  create(c) {
    const tracker = new ReferenceCountTracker();
    const common = { smoothMethod: c.smooth_method, smoothValue: c.smooth_value ?? null, maxOrder: c.max_ngram_order };
    const corpusOptions = { ...common, effectiveOrder: c.effective_order };
    const sentenceOptions = { ...common, effectiveOrder: true };
    return {
      ...scorerBase(c, true),
      get signature() {
        return formatSignature([
          ["nrefs", tracker.nrefs],
          ["case", c.lowercase ? "lc" : "mixed"],
          ["eff", c.effective_order ? "yes" : "no"],
          ["tok", c.tokenize],
          ["smooth", smoothLabel(c.smooth_method, c.smooth_value)],
          // sacreBLEU's signature omits the order; we print it when it is not the default.
          ...(c.max_ngram_order === MAX_NGRAM_ORDER ? [] : [["ngram", c.max_ngram_order] as const]),
        ]);
      },
      score({ output, expected }) {
        const refs = referencesOf(expected);
        if (!refs || refs.length === 0) return { value: null };
        tracker.note(refs.length);
        const prep = (s: string) => preprocessForBleu(s, c.tokenize, c.lowercase);
        const stats = bleuSentenceStats(prep(output), refs.map(prep), c.max_ngram_order);
        const sentence = computeBleu(stats, sentenceOptions);
        return {
          value: sentence.score / 100,
          stats,
          detail: { bleu: sentence.score, nrefs: refs.length, precisions: sentence.precisions, bp: sentence.bp, sys_len: sentence.sysLen, ref_len: sentence.refLen },
        };
      },
      aggregate(summed) {
        return computeBleu(summed, corpusOptions).score / 100;
      },
    };
  },
};
