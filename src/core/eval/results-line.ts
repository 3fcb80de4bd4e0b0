// One line of results.jsonl: the schema of an EvalRecord as read back, and the pure line parser
// that the eval store (resume), compare and the report all use. Each reader keeps its own policy
// (strict with file:line, or tolerant skip; truncate or ignore a cut-off last line); what a valid
// record is, is decided here once.
import { z } from "zod";

const scoreSchema = z.looseObject({
  value: z.number().nullable(),
  pass: z.boolean().optional(),
  stats: z.array(z.number()).optional(),
});

const nullableNumber = z.number().nullable().optional().transform((v) => v ?? null);

/**
 * The fields of an EvalRecord (./types.ts) that readers rely on; other fields are kept as they
 * are (loose object). A numeric case_id is read as its string.
 */
export const evalRecordSchema = z.looseObject({
  case_id: z.union([z.string().min(1), z.number()]).transform(String),
  repeat: z.number().int().min(0),
  /** Which request produced the record (the plan's cache key) and what came back: compared to tell an unchanged candidate. */
  key: z.string().optional(),
  output: z.string().nullable().optional(),
  scores: z.record(z.string(), scoreSchema),
  latency_ms: nullableNumber,
  prompt_tokens: nullableNumber,
  completion_tokens: nullableNumber,
  cost: nullableNumber,
  error: z
    .looseObject({ kind: z.string(), message: z.string() })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type ResultsRecord = z.output<typeof evalRecordSchema>;

export type ResultsLine =
  | { kind: "blank" }
  /** Not JSON: `message` is the parser's. */
  | { kind: "invalid-json"; message: string }
  /** JSON, but not a record: `message` is "path: problem". */
  | { kind: "invalid-record"; message: string }
  /** `raw` is the parsed JSON as written; `record` the validated, normalised view of it. */
  | { kind: "record"; raw: Record<string, unknown>; record: ResultsRecord };

/** Parse and validate one line of results.jsonl (without its newline). Never throws. */
export function parseResultsLine(line: string): ResultsLine {
  if (line.trim() === "") return { kind: "blank" };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { kind: "invalid-json", message: (err as Error).message };
  }
  const r = evalRecordSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.map(String).join(".") : "(record)";
    return { kind: "invalid-record", message: `${where}: ${issue.message}` };
  }
  return { kind: "record", raw: json as Record<string, unknown>, record: r.data };
}
