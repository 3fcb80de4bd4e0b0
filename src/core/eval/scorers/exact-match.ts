// exact_match / contains / icontains: string comparisons after optional normalisation.
import { z } from "zod";
import type { ScorerDefinition } from "./types.js";
import { referencesOf, scorerBase, scorerSchema } from "./common.js";

const normaliseFields = {
  /** Lower-case both sides. */
  ignore_case: z.boolean().default(false),
  /** Trim and collapse runs of whitespace. */
  normalize_whitespace: z.boolean().default(true),
  /** Drop ASCII and Unicode punctuation. */
  ignore_punctuation: z.boolean().default(false),
  /** Drop the articles a, an, the (SQuAD-style normalisation). */
  ignore_articles: z.boolean().default(false),
  /** Apply Unicode NFKC before comparing. */
  unicode_nfkc: z.boolean().default(true),
};

export interface NormaliseOptions {
  ignore_case: boolean;
  normalize_whitespace: boolean;
  ignore_punctuation: boolean;
  ignore_articles: boolean;
  unicode_nfkc: boolean;
}

export function normalise(s: string, o: NormaliseOptions): string {
  let t = o.unicode_nfkc ? s.normalize("NFKC") : s;
  if (o.ignore_case) t = t.toLowerCase();
  if (o.ignore_punctuation) t = t.replace(/[\p{P}\p{S}]/gu, " ");
  if (o.ignore_articles) t = t.replace(/\b(a|an|the)\b/giu, " ");
  if (o.normalize_whitespace) t = t.replace(/\s+/gu, " ").trim();
  return t;
}

const exactSchema = scorerSchema("exact_match", normaliseFields);
export const exactMatch: ScorerDefinition<typeof exactSchema> = {
  type: "exact_match",
  schema: exactSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `exact_match|case:${c.ignore_case ? "ignore" : "keep"}|ws:${c.normalize_whitespace ? "norm" : "keep"}|punct:${c.ignore_punctuation ? "drop" : "keep"}|articles:${c.ignore_articles ? "drop" : "keep"}|nfkc:${c.unicode_nfkc ? "yes" : "no"}`,
      score({ output, expected }) {
        const refs = referencesOf(expected);
        if (!refs) return { value: null };
        const out = normalise(output, c);
        return { value: refs.some((r) => normalise(r, c) === out) ? 1 : 0 };
      },
    };
  },
};

function containsDef<T extends "contains" | "icontains">(type: T) {
  const schema = scorerSchema(type, {
    /** The text to look for; defaults to the case's expected value(s). */
    value: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    /** With several values: all must appear (default) or any one. */
    mode: z.enum(["all", "any"]).default("all"),
  });
  const def: ScorerDefinition<typeof schema> = {
    type,
    schema,
    create(c) {
      const fold = (s: string) => (type === "icontains" ? s.normalize("NFKC").toLowerCase() : s);
      return {
        ...scorerBase(c),
        signature: `${type}|mode:${c.mode}`,
        score({ output, expected }) {
          const needles = c.value === undefined ? referencesOf(expected) : typeof c.value === "string" ? [c.value] : c.value;
          if (!needles) return { value: null };
          const hay = fold(output);
          const hits = needles.map((n) => hay.includes(fold(n)));
          const ok = c.mode === "all" ? hits.every(Boolean) : hits.some(Boolean);
          return { value: ok ? 1 : 0 };
        },
      };
    },
  };
  return def;
}

export const contains = containsDef("contains");
export const icontains = containsDef("icontains");
