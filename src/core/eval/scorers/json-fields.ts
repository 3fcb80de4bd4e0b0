// json_fields: field-level precision/recall/F1 of the parsed output object against the expected
// object. A field is correct when present on both sides with equal values (numbers within
// numeric_tolerance, strings optionally case-insensitive, recursively in arrays and objects).
import { z } from "zod";
import { scorerBase, scorerSchema } from "./common.js";
import { parseJsonOutput } from "./json-output.js";
import type { ScorerDefinition } from "./types.js";

const MAX_DETAIL_FIELDS = 50;

const jsonFieldsSchema = scorerSchema("json_fields", {
  /** Compare only these top-level fields (default: every field of either side). */
  fields: z.array(z.string().min(1)).min(1).optional(),
  /** Numbers are equal when they differ by at most this much (absolute). */
  numeric_tolerance: z.number().nonnegative().default(0),
  /** Compare strings case-insensitively. */
  ignore_case: z.boolean().default(false),
  /** Parse the first ``` fenced block (```json or bare) when the output has one. */
  fenced: z.boolean().default(false),
});

export interface ValueEquality {
  numeric_tolerance: number;
  ignore_case: boolean;
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

export function valuesEqual(a: unknown, b: unknown, o: ValueEquality): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= o.numeric_tolerance;
  if (typeof a === "string" && typeof b === "string") return o.ignore_case ? a.toLowerCase() === b.toLowerCase() : a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i], o));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k], b[k], o));
  }
  return a === b;
}

export type FieldVerdict = "correct" | "wrong" | "missing" | "extra";

export interface FieldScores {
  precision: number;
  recall: number;
  f1: number;
  fields: Record<string, FieldVerdict>;
}

/** Per-field comparison; `undefined` values count as absent, `null` as a value. */
export function compareFields(output: JsonObject, expected: JsonObject, fields: readonly string[] | undefined, o: ValueEquality): FieldScores {
  const present = (obj: JsonObject, k: string) => Object.hasOwn(obj, k) && obj[k] !== undefined;
  const names = fields ?? [...new Set([...Object.keys(expected), ...Object.keys(output)])];
  const verdicts: Record<string, FieldVerdict> = {};
  let predicted = 0;
  let relevant = 0;
  let correct = 0;
  for (const k of names) {
    const inOut = present(output, k);
    const inExp = present(expected, k);
    if (inOut) predicted++;
    if (inExp) relevant++;
    if (inOut && inExp) {
      const ok = valuesEqual(output[k], expected[k], o);
      if (ok) correct++;
      verdicts[k] = ok ? "correct" : "wrong";
    } else if (inExp) {
      verdicts[k] = "missing";
    } else if (inOut) {
      verdicts[k] = "extra";
    }
  }
  if (predicted === 0 && relevant === 0) return { precision: 1, recall: 1, f1: 1, fields: verdicts };
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = relevant === 0 ? 0 : correct / relevant;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, fields: verdicts };
}

function expectedObject(expected: unknown): JsonObject | null {
  if (isObject(expected)) return expected;
  if (typeof expected === "string") {
    try {
      const v: unknown = JSON.parse(expected);
      return isObject(v) ? v : null;
    } catch {
      return null;
    }
  }
  return null;
}

function truncated(fields: Record<string, FieldVerdict>): Record<string, FieldVerdict> {
  const entries = Object.entries(fields);
  return entries.length <= MAX_DETAIL_FIELDS ? fields : Object.fromEntries(entries.slice(0, MAX_DETAIL_FIELDS));
}

export const jsonFields: ScorerDefinition<typeof jsonFieldsSchema> = {
  type: "json_fields",
  schema: jsonFieldsSchema,
  create(c) {
    return {
      ...scorerBase(c),
      signature: `json_fields|fields:${c.fields ? c.fields.join(",") : "all"}|tol:${c.numeric_tolerance}|case:${c.ignore_case ? "ignore" : "keep"}|fenced:${c.fenced ? "yes" : "no"}`,
      score({ output, expected }) {
        const exp = expectedObject(expected);
        if (!exp) return { value: null, detail: { error: "expected value is not a JSON object" } };
        const parsed = parseJsonOutput(output, c.fenced);
        if (!parsed.ok) return { value: 0, detail: { error: parsed.error } };
        if (!isObject(parsed.value)) return { value: 0, detail: { error: "output is JSON but not an object" } };
        const s = compareFields(parsed.value, exp, c.fields, c);
        return { value: s.f1, detail: { precision: s.precision, recall: s.recall, fields: truncated(s.fields) } };
      },
    };
  },
};
