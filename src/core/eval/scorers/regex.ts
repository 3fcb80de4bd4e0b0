// regex: 1 when the output matches the pattern (or, with must_not_match, when it does not).
// The pattern comes from the scorer config or, when absent, from the case's expected value.
import { z } from "zod";
import { ConfigError } from "../../../errors.js";
import { referencesOf, scorerBase, scorerSchema } from "./common.js";
import type { ScorerDefinition } from "./types.js";

const ALLOWED_FLAGS = /^[imsu]*$/;

function compile(pattern: string, flags: string): RegExp | string {
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    return (e as Error).message;
  }
}

const regexSchema = scorerSchema("regex", {
  /** A JavaScript regular expression; defaults to the case's expected value (any of a list). */
  pattern: z.string().min(1).optional(),
  /** Flags: any of i (ignore case), m (multiline ^$), s (dot matches newline), u (Unicode). */
  flags: z.string().regex(ALLOWED_FLAGS, "use only the flags i, m, s, u").default(""),
  /** Invert: 1 when the output does NOT match. */
  must_not_match: z.boolean().default(false),
}).superRefine((c, ctx) => {
  if (c.pattern === undefined) return;
  const re = compile(c.pattern, c.flags);
  if (typeof re === "string") ctx.addIssue({ code: "custom", path: ["pattern"], message: `not a valid regular expression: ${re}` });
});

export const regex: ScorerDefinition<typeof regexSchema> = {
  type: "regex",
  schema: regexSchema,
  create(c) {
    const fixed = c.pattern === undefined ? undefined : compile(c.pattern, c.flags);
    if (typeof fixed === "string") throw new ConfigError(`scorer "${c.name ?? c.type}": pattern is not a valid regular expression: ${fixed}`);
    return {
      ...scorerBase(c),
      signature: `regex|flags:${c.flags || "none"}|invert:${c.must_not_match ? "yes" : "no"}|pattern:${c.pattern === undefined ? "expected" : JSON.stringify(c.pattern)}`,
      score({ output, expected }) {
        const patterns = fixed ? [fixed] : referencesOf(expected)?.map((p) => compile(p, c.flags));
        if (!patterns || patterns.length === 0) return { value: null };
        const bad = patterns.find((p): p is string => typeof p === "string");
        if (bad !== undefined) return { value: null, detail: { error: `expected value is not a valid regular expression: ${bad}` } };
        const hit = (patterns as RegExp[]).find((re) => re.test(output));
        const matched = hit !== undefined;
        return {
          value: matched !== c.must_not_match ? 1 : 0,
          detail: matched ? { matched: (output.match(hit) ?? [""])[0].slice(0, 200) } : { matched: null },
        };
      },
    };
  },
};
