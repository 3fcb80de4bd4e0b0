// levenshtein: normalised edit similarity 1 - distance / max(length), counted in code points.
// Distance is lower-is-better; this scorer reports the similarity so that higher is better.
import { z } from "zod";
import { referencesOf, scorerBase, scorerSchema } from "./common.js";
import type { ScorerDefinition } from "./types.js";

const levenshteinSchema = scorerSchema("levenshtein", {
  /** Lower-case both sides first. */
  ignore_case: z.boolean().default(false),
  /** Trim both sides first. */
  trim: z.boolean().default(true),
});

function toCodes(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (const ch of s) out[n++] = ch.codePointAt(0) as number;
  return out.subarray(0, n);
}

/** Edit distance (insert, delete, substitute; unit costs) between code point sequences. */
export function levenshteinDistance(a: string, b: string): number {
  let x = toCodes(a);
  let y = toCodes(b);
  if (x.length < y.length) [x, y] = [y, x];
  if (y.length === 0) return x.length;
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] as number) + (xi === y[j - 1] ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length] as number;
}

/** 1 - distance / max(length in code points); 1 for two empty strings. */
export function levenshteinSimilarity(a: string, b: string): { similarity: number; distance: number } {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  const distance = levenshteinDistance(a, b);
  return { similarity: longest === 0 ? 1 : 1 - distance / longest, distance };
}

export const levenshtein: ScorerDefinition<typeof levenshteinSchema> = {
  type: "levenshtein",
  schema: levenshteinSchema,
  create(c) {
    const prep = (s: string) => {
      const t = c.trim ? s.trim() : s;
      return c.ignore_case ? t.toLowerCase() : t;
    };
    return {
      ...scorerBase(c),
      signature: `levenshtein|unit:codepoint|norm:max-len|case:${c.ignore_case ? "ignore" : "keep"}|trim:${c.trim ? "yes" : "no"}`,
      score({ output, expected }) {
        const refs = referencesOf(expected);
        if (!refs || refs.length === 0) return { value: null };
        const out = prep(output);
        let best = { similarity: -1, distance: 0 };
        for (const r of refs) {
          const s = levenshteinSimilarity(out, prep(r));
          if (s.similarity > best.similarity) best = s;
        }
        return { value: best.similarity, detail: { distance: best.distance } };
      },
    };
  },
};
