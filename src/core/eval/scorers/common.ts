// Fields every scorer accepts, and the helper that builds a scorer's strict YAML schema.
import { z } from "zod";

export const commonScorerFields = {
  /** Metric name in results (defaults to the type; set it to use one type twice). */
  name: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, '_', '.', '-' only")
    .optional(),
  /** Pass when the score is ≥ threshold (≤ for lower-is-better metrics). */
  threshold: z.number().min(0).max(1).optional(),
  /** Weight in the suite's weighted overall score. */
  weight: z.number().nonnegative().max(1e6).default(1),
};

export function scorerSchema<T extends string, S extends z.ZodRawShape>(type: T, fields: S) {
  return z.strictObject({ type: z.literal(type), ...commonScorerFields, ...fields });
}

/** Expected value as a list of reference strings (a string, or a list of strings). */
export function referencesOf(expected: unknown): string[] | null {
  if (typeof expected === "string") return [expected];
  if (Array.isArray(expected) && expected.every((e) => typeof e === "string")) return expected as string[];
  if (typeof expected === "number" || typeof expected === "boolean") return [String(expected)];
  return null;
}


/** What every scorer copies from its config: the metric name (defaults to the type), type, threshold, weight, corpus. */
export function scorerBase(c: { name?: string | undefined; type: string; threshold?: number | undefined; weight: number }, corpus = false) {
  return { name: c.name ?? c.type, type: c.type, threshold: c.threshold, weight: c.weight, corpus };
}
