// The records of a few cases (those a report shows in full) from a results.jsonl of any size: one
// streaming pass that keeps only those cases' records, by the format's rules (the last record per
// case × repeat wins; a broken line is an error naming file:line, a cut last line a warning).
import { readLines } from "../fs/line-reader.js";
import { collectGarbage } from "../process/collect-garbage.js";
import { readResultLine, resultLineFormat, type EvalRecord } from "../../core/contracts/result-line.js";
import { reportRecordOf } from "../../core/report/inputs.js";
import type { ReportRecord } from "../../core/report/model.js";

export async function readCaseRecords(file: string, ids: ReadonlySet<string>): Promise<{ records: ReportRecord[]; warnings: string[] }> {
  const warnings: string[] = [];
  const byKey = new Map<string, EvalRecord>();
  const order = new Map<string, number>();
  let lineNo = 0;
  let pending: string | null = null;
  const take = (text: string, no: number, isLast: boolean) => {
    const id0 = plainCaseId(text);
    if (id0 !== null && !ids.has(id0)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON: blank, a cut last line (a warning) or a broken line (the reader's error).
      const r = readResultLine(text, file, no, isLast);
      if (r.kind === "partial") warnings.push(`${file}:${no}: ignored a partial last line (the run was probably killed while writing it)`);
      return;
    }
    const id = (value as { case_id?: unknown } | null)?.case_id;
    if (typeof id !== "string" || !ids.has(id)) return;
    const rec = resultLineFormat.parseValue(value, `${file}:${no}`);
    const key = `${rec.case_id}\u0000${rec.repeat}`;
    byKey.delete(key);
    byKey.set(key, rec);
    if (!order.has(rec.case_id)) order.set(rec.case_id, order.size);
  };
  if (ids.size > 0) {
    for (const raw of readLines(file)) {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (pending !== null) take(pending, lineNo, false);
      if (lineNo % (1 << 16) === 0 && lineNo > 0) collectGarbage();
      pending = line;
      lineNo++;
    }
    if (pending !== null) take(pending, lineNo, true);
  }
  const records = [...byKey.values()].sort((a, b) => order.get(a.case_id)! - order.get(b.case_id)! || a.repeat - b.repeat);
  return { records: records.map(reportRecordOf), warnings };
}

const PREFIXES = ['{"schema":"llmops.result/v1","case_id":"', '{"case_id":"'];

/**
 * The case id of a line as `llmops eval` writes it, read without parsing the line; null when that
 * cannot be told for sure (then the line is parsed): the id must be the object's first key (after
 * the schema tag), plain (no escapes), and the only "case_id" key of the line — JSON.parse keeps the
 * last of duplicate keys, and a line with \u escapes could spell the key otherwise.
 */
function plainCaseId(text: string): string | null {
  const prefix = PREFIXES.find((p) => text.startsWith(p));
  if (prefix === undefined) return null;
  const end = text.indexOf('"', prefix.length);
  if (end < 0) return null;
  const id = text.slice(prefix.length, end);
  if (id.includes("\\") || text.includes('"case_id"', end) || text.includes("\\u")) return null;
  return id;
}
