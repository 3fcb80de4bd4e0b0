// One line of an eval run's results.jsonl: one case × repeat, appended as it completes. Lines
// written before formats were tagged carry no `schema` and are read as v1.
import { z } from "zod";
import { DataInvalidError } from "../../errors.js";
import { defineFormat } from "./format.js";

export const RESULT_LINE_TAG = "llmops.result/v1";

export const MetricScoreSchema = z.object({
  value: z.number().nullable().describe("In [0,1]; null when the scorer could not say"),
  pass: z.boolean().optional(),
  stats: z.array(z.number()).optional().describe("Per-sample sufficient statistics of a corpus metric (BLEU, chrF)"),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const RecordErrorKindSchema = z.enum(["http", "timeout", "network", "truncated", "bad_request", "scorer"]);

export const RecordErrorSchema = z.object({
  kind: RecordErrorKindSchema,
  message: z.string(),
  status: z.number().int().optional(),
});

const nullableNumber = z.number().nullable();

export const RetryCauseSchema = z.enum(["429", "5xx", "reset", "truncated", "deadline", "other"]);
export const DeadlinePhaseSchema = z.enum(["connect", "headers", "first_token", "idle", "total"]);
const counts = <K extends z.ZodEnum>(keys: K) => z.partialRecord(keys, z.number().int());

const fields = {
  case_id: z.string().min(1),
  repeat: z.number().int().min(0),
  key: z.string().describe("Cache key of the request (sha256 of target, prompt and parameters)"),
  input_hash: z.string(),
  input: z.string().describe("The prompt as sent (chat messages joined)"),
  vars: z.record(z.string(), z.unknown()),
  expected: z.unknown(),
  output: z.string().nullable(),
  scores: z.record(z.string(), MetricScoreSchema),
  latency_ms: nullableNumber,
  ttft_ms: nullableNumber,
  prompt_tokens: nullableNumber,
  completion_tokens: nullableNumber,
  cost: nullableNumber,
  finish_reason: z.string().nullable(),
  error: RecordErrorSchema.nullable(),
  attempts: z.number().int().min(0),
  cached: z.boolean(),
  retries: counts(RetryCauseSchema).optional().describe("Failed attempts before this record, by cause (absent when none)"),
  abandoned: counts(DeadlinePhaseSchema).optional().describe("Attempts abandoned by a deadline, by the phase that ran out (absent when none)"),
  hedge: z
    .object({ sent: z.number().int(), won: z.boolean(), extra_prompt_tokens: z.number(), extra_completion_tokens: z.number() })
    .optional()
    .describe("Hedged copies sent for this record, whether one won, and what the cancelled copies were billed (estimated)"),
};

export const ResultLineSchema = z.object({ schema: z.literal(RESULT_LINE_TAG), ...fields });
export type EvalRecord = z.infer<typeof ResultLineSchema>;
export type MetricScore = z.infer<typeof MetricScoreSchema>;
export type RecordError = z.infer<typeof RecordErrorSchema>;
export type RecordErrorKind = z.infer<typeof RecordErrorKindSchema>;
export type RetryCause = z.infer<typeof RetryCauseSchema>;
export type DeadlinePhase = z.infer<typeof DeadlinePhaseSchema>;

export const resultLineFormat = defineFormat({
  kind: "result",
  version: 1,
  schema: ResultLineSchema,
  title: "one line of results.jsonl (one case × repeat)",
  file: "<run>/results.jsonl",
  writer: "llmops eval, actions/evaluate (JsonlResultsStore, appended per record)",
  readers: "eval resume, llmops compare, gate and report, actions/compare",
  hint: "results.jsonl holds one record per line as `llmops eval` writes it; re-run the eval, or remove the broken line",
  lines: true,
  untagged: { version: 1, schema: z.object(fields), upgrade: (r: Omit<EvalRecord, "schema">): EvalRecord => ({ schema: RESULT_LINE_TAG, ...r }) },
});

/** What one line of results.jsonl is, by the one rule every reader follows. */
export type ResultLine = { kind: "blank" } | { kind: "partial" } | { kind: "record"; record: EvalRecord };

/**
 * Read one line (without its newline). A blank line is skipped. A last line that is not JSON is a
 * write cut short by a kill ("partial": the caller drops it with a warning). Any other bad line is
 * a DataInvalidError naming file:line and the field.
 */
export function readResultLine(text: string, file: string, lineNo: number, isLast: boolean): ResultLine {
  if (text.trim() === "") return { kind: "blank" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (isLast) return { kind: "partial" };
    throw new DataInvalidError(`${file}:${lineNo}: not valid JSON (${(err as Error).message})`, { hint: resultLineFormat.hint });
  }
  return { kind: "record", record: resultLineFormat.parseValue(value, `${file}:${lineNo}`) };
}

/** The writer: one line, newline-terminated, as appended to results.jsonl. */
export function writeResultLine(record: EvalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/**
 * Accumulates the records of a results.jsonl fed line by line: the last record per (case_id,
 * repeat) wins (a resumed run appends retries), in first-seen case order then repeat.
 */
export class ResultsCollector {
  private readonly byKey = new Map<string, EvalRecord>();
  private readonly caseOrder = new Map<string, number>();
  private pending: { line: string; lineNo: number } | null = null;
  superseded = 0;
  readonly warnings: string[] = [];

  constructor(private readonly file: string) {}

  /** Feed one line (without its newline); the last line is held until `finish`. */
  add(line: string, lineNo: number): void {
    if (this.pending) this.take(this.pending.line, this.pending.lineNo, false);
    this.pending = { line, lineNo };
  }

  finish(): { records: EvalRecord[]; superseded: number; warnings: string[] } {
    if (this.pending) this.take(this.pending.line, this.pending.lineNo, true);
    this.pending = null;
    const records = [...this.byKey.values()].sort((a, b) => this.caseOrder.get(a.case_id)! - this.caseOrder.get(b.case_id)! || a.repeat - b.repeat);
    if (this.superseded > 0) this.warnings.push(`${this.file}: ${this.superseded} record(s) superseded by a later record for the same case and repeat (kept the last)`);
    return { records, superseded: this.superseded, warnings: this.warnings };
  }

  private take(line: string, lineNo: number, isLast: boolean): void {
    const r = readResultLine(line, this.file, lineNo, isLast);
    if (r.kind === "blank") return;
    if (r.kind === "partial") {
      this.warnings.push(`${this.file}:${lineNo}: ignored a partial last line (the run was probably killed while writing it)`);
      return;
    }
    const rec = r.record;
    const key = `${rec.case_id}\u0000${rec.repeat}`;
    if (this.byKey.has(key)) {
      this.superseded++;
      this.byKey.delete(key);
    }
    this.byKey.set(key, rec);
    if (!this.caseOrder.has(rec.case_id)) this.caseOrder.set(rec.case_id, this.caseOrder.size);
  }
}

/** All the records of a results.jsonl text (the report and tests read whole files this way). */
export function collectResults(text: string, file: string): { records: EvalRecord[]; superseded: number; warnings: string[] } {
  const c = new ResultsCollector(file);
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((l, i) => c.add(l.endsWith("\r") ? l.slice(0, -1) : l, i + 1));
  return c.finish();
}
