#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  DataInvalidError
} from "./chunk-LXVW643N.js";

// src/core/contracts/result-line.ts
var RESULT_LINE_TAG = "llmops.result/v1";
var MetricScoreSchema = external_exports.object({
  value: external_exports.number().nullable().describe("In [0,1]; null when the scorer could not say"),
  pass: external_exports.boolean().optional(),
  stats: external_exports.array(external_exports.number()).optional().describe("Per-sample sufficient statistics of a corpus metric (BLEU, chrF)"),
  detail: external_exports.record(external_exports.string(), external_exports.unknown()).optional()
});
var RecordErrorKindSchema = external_exports.enum(["http", "timeout", "network", "truncated", "bad_request", "scorer"]);
var RecordErrorSchema = external_exports.object({
  kind: RecordErrorKindSchema,
  message: external_exports.string(),
  status: external_exports.number().int().optional()
});
var nullableNumber = external_exports.number().nullable();
var RetryCauseSchema = external_exports.enum(["429", "5xx", "reset", "truncated", "deadline", "other"]);
var DeadlinePhaseSchema = external_exports.enum(["connect", "headers", "first_token", "idle", "total"]);
var counts = (keys) => external_exports.partialRecord(keys, external_exports.number().int());
var fields = {
  case_id: external_exports.string().min(1),
  repeat: external_exports.number().int().min(0),
  key: external_exports.string().describe("Cache key of the request (sha256 of target, prompt and parameters)"),
  input_hash: external_exports.string(),
  input: external_exports.string().describe("The prompt as sent (chat messages joined)"),
  vars: external_exports.record(external_exports.string(), external_exports.unknown()),
  expected: external_exports.unknown(),
  output: external_exports.string().nullable(),
  scores: external_exports.record(external_exports.string(), MetricScoreSchema),
  latency_ms: nullableNumber,
  ttft_ms: nullableNumber,
  prompt_tokens: nullableNumber,
  completion_tokens: nullableNumber,
  cost: nullableNumber,
  finish_reason: external_exports.string().nullable(),
  error: RecordErrorSchema.nullable(),
  attempts: external_exports.number().int().min(0),
  cached: external_exports.boolean(),
  retries: counts(RetryCauseSchema).optional().describe("Failed attempts before this record, by cause (absent when none)"),
  abandoned: counts(DeadlinePhaseSchema).optional().describe("Attempts abandoned by a deadline, by the phase that ran out (absent when none)"),
  hedge: external_exports.object({ sent: external_exports.number().int(), won: external_exports.boolean(), extra_prompt_tokens: external_exports.number(), extra_completion_tokens: external_exports.number() }).optional().describe("Hedged copies sent for this record, whether one won, and what the cancelled copies were billed (estimated)")
};
var ResultLineSchema = external_exports.object({ schema: external_exports.literal(RESULT_LINE_TAG), ...fields });
var resultLineFormat = defineFormat({
  kind: "result",
  version: 1,
  schema: ResultLineSchema,
  title: "one line of results.jsonl (one case \xD7 repeat)",
  file: "<run>/results.jsonl",
  writer: "llmops eval, actions/evaluate (JsonlResultsStore, appended per record)",
  readers: "eval resume, llmops compare, gate and report, actions/compare",
  hint: "results.jsonl holds one record per line as `llmops eval` writes it; re-run the eval, or remove the broken line",
  lines: true,
  untagged: { version: 1, schema: external_exports.object(fields), upgrade: (r) => ({ schema: RESULT_LINE_TAG, ...r }) }
});
function readResultLine(text, file, lineNo, isLast) {
  if (text.trim() === "") return { kind: "blank" };
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (isLast) return { kind: "partial" };
    throw new DataInvalidError(`${file}:${lineNo}: not valid JSON (${err.message})`, { hint: resultLineFormat.hint });
  }
  return { kind: "record", record: resultLineFormat.parseValue(value, `${file}:${lineNo}`) };
}
function writeResultLine(record) {
  return `${JSON.stringify(record)}
`;
}
var ResultsCollector = class {
  constructor(file) {
    this.file = file;
  }
  file;
  byKey = /* @__PURE__ */ new Map();
  caseOrder = /* @__PURE__ */ new Map();
  pending = null;
  superseded = 0;
  warnings = [];
  /** Feed one line (without its newline); the last line is held until `finish`. */
  add(line, lineNo) {
    if (this.pending) this.take(this.pending.line, this.pending.lineNo, false);
    this.pending = { line, lineNo };
  }
  finish() {
    if (this.pending) this.take(this.pending.line, this.pending.lineNo, true);
    this.pending = null;
    const records = [...this.byKey.values()].sort((a, b) => this.caseOrder.get(a.case_id) - this.caseOrder.get(b.case_id) || a.repeat - b.repeat);
    if (this.superseded > 0) this.warnings.push(`${this.file}: ${this.superseded} record(s) superseded by a later record for the same case and repeat (kept the last)`);
    return { records, superseded: this.superseded, warnings: this.warnings };
  }
  take(line, lineNo, isLast) {
    const r = readResultLine(line, this.file, lineNo, isLast);
    if (r.kind === "blank") return;
    if (r.kind === "partial") {
      this.warnings.push(`${this.file}:${lineNo}: ignored a partial last line (the run was probably killed while writing it)`);
      return;
    }
    const rec = r.record;
    const key = `${rec.case_id}\0${rec.repeat}`;
    if (this.byKey.has(key)) {
      this.superseded++;
      this.byKey.delete(key);
    }
    this.byKey.set(key, rec);
    if (!this.caseOrder.has(rec.case_id)) this.caseOrder.set(rec.case_id, this.caseOrder.size);
  }
};
function collectResults(text, file) {
  const c = new ResultsCollector(file);
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((l, i) => c.add(l.endsWith("\r") ? l.slice(0, -1) : l, i + 1));
  return c.finish();
}

export {
  RESULT_LINE_TAG,
  RetryCauseSchema,
  DeadlinePhaseSchema,
  resultLineFormat,
  readResultLine,
  writeResultLine,
  ResultsCollector,
  collectResults
};
