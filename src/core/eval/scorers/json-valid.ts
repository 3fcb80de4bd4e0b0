// json_valid: 1 when the output (or its ```json block, with fenced: true) parses as JSON.
import { z } from "zod";
import { scorerBase, scorerSchema } from "./common.js";
import { parseJsonOutput } from "./json-output.js";
import type { ScorerDefinition } from "./types.js";

const jsonValidSchema = scorerSchema("json_valid", {
  /** Parse the first ``` fenced block (```json or bare) when the output has one. */
  fenced: z.boolean().default(false),
});

export const jsonValid: ScorerDefinition<typeof jsonValidSchema> = {
  type: "json_valid",
  schema: jsonValidSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `json_valid|fenced:${c.fenced ? "yes" : "no"}`,
      score({ output }) {
        const parsed = parseJsonOutput(output, c.fenced);
        return parsed.ok ? { value: 1, detail: { source: parsed.source } } : { value: 0, detail: { error: parsed.error } };
      },
    };
  },
};
