// Parsing an eval run's results.jsonl and summary.json into what a comparison needs. Pure: the
// caller feeds lines (and the summary text); file access lives in src/app/eval/eval-run-reader.ts.
import { z } from "zod";
import { DataInvalidError } from "../../errors.js";
import { evalRecordSchema, parseResultsLine, type ResultsRecord } from "../eval/results-line.js";

/** The fields of an EvalRecord that a comparison reads; other fields are kept by the file, ignored here. */
export { evalRecordSchema };
export type RecordForCompare = ResultsRecord;

const summaryMetricSchema = z.looseObject({
  type: z.string().optional(),
  corpus: z.boolean().optional(),
  higher_is_better: z.boolean().optional(),
});

/** The parts of summary.json a comparison reads (the rest, such as provenance, is carried as-is). */
export const summarySchema = z.looseObject({
  schema: z.string().optional(),
  suite: z.looseObject({ name: z.string(), file: z.string(), hash: z.string() }).optional(),
  metrics: z.record(z.string(), summaryMetricSchema).default({}),
  cost: z.looseObject({ total: z.number().optional(), currency: z.string().optional() }).nullable().optional(),
  provenance: z.record(z.string(), z.unknown()).optional(),
});
export type SummaryForCompare = z.output<typeof summarySchema>;

/** An eval run as read: the last record per (case, repeat), in first-seen case order then repeat. */
export interface LoadedRun {
  dir: string;
  resultsSha256: string;
  records: RecordForCompare[];
  summary: SummaryForCompare | null;
  superseded: number;
  warnings: string[];
}

/**
 * Accumulates results.jsonl lines. A later record for the same (case_id, repeat) replaces an
 * earlier one (a resumed run appends retries). A bad line is an error naming file:line — except
 * the last line of a file that does not end in a newline, which is a write cut short by a kill:
 * ignored with a warning.
 */
export class ResultsCollector {
  private readonly byKey = new Map<string, RecordForCompare>();
  private readonly caseOrder = new Map<string, number>();
  superseded = 0;
  readonly warnings: string[] = [];
  private pending: { line: string; lineNo: number } | null = null;

  constructor(private readonly file: string) {}

  /** Feed one line (without its newline). The last fed line is held until `finish` says whether the file ended with a newline. */
  add(line: string, lineNo: number): void {
    if (this.pending) this.parse(this.pending.line, this.pending.lineNo, false);
    this.pending = { line, lineNo };
  }

  finish(endsWithNewline: boolean): { records: RecordForCompare[]; superseded: number; warnings: string[] } {
    if (this.pending) this.parse(this.pending.line, this.pending.lineNo, !endsWithNewline);
    this.pending = null;
    const records = [...this.byKey.values()].sort(
      (a, b) => this.caseOrder.get(a.case_id)! - this.caseOrder.get(b.case_id)! || a.repeat - b.repeat,
    );
    if (this.superseded > 0) this.warnings.push(`${this.file}: ${this.superseded} record(s) superseded by a later record for the same case and repeat (kept the last)`);
    return { records, superseded: this.superseded, warnings: this.warnings };
  }

  private parse(line: string, lineNo: number, mayBeTruncated: boolean): void {
    const parsed = parseResultsLine(line);
    if (parsed.kind === "blank") return;
    if (parsed.kind === "invalid-json") {
      if (mayBeTruncated) {
        this.warnings.push(`${this.file}:${lineNo}: ignored a partial last line (the run was probably killed while writing it)`);
        return;
      }
      throw new DataInvalidError(`${this.file}:${lineNo}: not valid JSON (${parsed.message})`, {
        hint: "results.jsonl holds one JSON object per line; re-run the eval or remove the broken line",
      });
    }
    if (parsed.kind === "invalid-record") {
      throw new DataInvalidError(`${this.file}:${lineNo}: invalid record: ${parsed.message}`, {
        hint: "the file does not match the llmops results format (docs/compare-and-gate.md); was it written by `llmops eval`?",
      });
    }
    const rec = parsed.record;
    const key = `${rec.case_id}\u0000${rec.repeat}`;
    if (this.byKey.has(key)) {
      this.superseded++;
      this.byKey.delete(key);
    }
    this.byKey.set(key, rec);
    if (!this.caseOrder.has(rec.case_id)) this.caseOrder.set(rec.case_id, this.caseOrder.size);
  }
}

/** Parse summary.json text; a malformed summary is an error naming the file. */
export function parseSummary(text: string, file: string): SummaryForCompare {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DataInvalidError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const r = summarySchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new DataInvalidError(`${file}: invalid summary: ${issue.path.map(String).join(".") || "(top level)"}: ${issue.message}`);
  }
  return r.data;
}
