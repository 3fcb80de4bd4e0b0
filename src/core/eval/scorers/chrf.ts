// chrf: sacreBLEU's chrF (chrF++ with word_order: 2). Per sample: sentence chrF against the
// best-scoring reference as `value`, its statistics as `stats`; `aggregate` gives corpus chrF. In [0,1].
import { z } from "zod";
import { chrfSegmentStats, computeChrf, type ChrfOptions } from "./chrf-math.js";
import { referencesOf, scorerBase, scorerSchema } from "./common.js";
import { formatSignature, ReferenceCountTracker } from "./signature.js";
import type { ScorerDefinition } from "./types.js";

const chrfSchema = scorerSchema("chrf", {
  /** Character n-gram order (sacreBLEU default 6). */
  char_order: z.number().int().min(1).max(20).default(6),
  /** Word n-gram order: 0 for chrF (default), 2 for chrF++. */
  word_order: z.number().int().min(0).max(10).default(0),
  /** Recall weight (sacreBLEU default 2). */
  beta: z.number().int().min(1).max(10).default(2),
  /** Lower-case hypothesis and references. */
  lowercase: z.boolean().default(false),
  /** Keep whitespace inside character n-grams (sacreBLEU default: removed). */
  whitespace: z.boolean().default(false),
  /** chrF++.py-style epsilon smoothing (sacreBLEU default: no, it averages the effective orders). */
  eps_smoothing: z.boolean().default(false),
});

export const chrf: ScorerDefinition<typeof chrfSchema> = {
  type: "chrf",
  schema: chrfSchema,
  create(c) {
    const tracker = new ReferenceCountTracker();
    const o: ChrfOptions = {
      charOrder: c.char_order,
      wordOrder: c.word_order,
      beta: c.beta,
      whitespace: c.whitespace,
      epsSmoothing: c.eps_smoothing,
    };
    const prep = (s: string) => (c.lowercase ? s.toLowerCase() : s);
    return {
      ...scorerBase(c, true),
      get signature() {
        return formatSignature([
          ["nrefs", tracker.nrefs],
          ["case", c.lowercase ? "lc" : "mixed"],
          ["eff", c.eps_smoothing ? "no" : "yes"],
          ["nc", c.char_order],
          ["nw", c.word_order],
          ["space", c.whitespace ? "yes" : "no"],
        ]);
      },
      score({ output, expected }) {
        const refs = referencesOf(expected);
        if (!refs || refs.length === 0) return { value: null };
        tracker.note(refs.length);
        const { stats, score } = chrfSegmentStats(prep(output), refs.map(prep), o);
        return { value: score / 100, stats, detail: { chrf: score, nrefs: refs.length } };
      },
      aggregate(summed) {
        return computeChrf(summed, o) / 100;
      },
    };
  },
};
