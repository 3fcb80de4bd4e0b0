// Streaming validation of JSONL (plain or gzip) and Parquet datasets in constant memory. Every
// problem names its place (file:line or row group and row) and field path; an error budget stops
// the scan after N errors while keeping the first K for the report and counting everything by kind.
import { Buffer, isUtf8 } from "node:buffer";
import { LineSplitter, STOP } from "./line-splitter.js";
import { countParsedKeys, countRawKeys, findDuplicateKey } from "./json-keys.js";
import { checkRecord, defaultFormatOptions, detectFormat, isPlainObject, typeName, type FormatOptions } from "./formats.js";
import type { DataFormat, FileSummary, Issue, Location, Severity, ValidationReport } from "./types.js";

export interface CustomIssue {
  path: string;
  message: string;
}

export interface ValidateOptions {
  /** Declared format, or "auto" to detect it from the first record of each file. */
  format: DataFormat | "auto";
  /** Checks records of format "custom" (a user's JSON Schema compiled by the shell). */
  customCheck?: (rec: Record<string, unknown>) => CustomIssue[];
  /** Stop after this many errors (over all files). */
  maxErrors: number;
  /** Keep this many problems for the report. */
  reportLimit: number;
  maxLineBytes: number;
  /** Warnings count as errors (the data is then invalid). */
  strict: boolean;
  formatOptions: FormatOptions;
}

export const defaultValidateOptions: ValidateOptions = {
  format: "auto",
  maxErrors: 1000,
  reportLimit: 50,
  maxLineBytes: 16 * 1024 * 1024,
  strict: false,
  formatOptions: defaultFormatOptions,
};

/** Where a valid record came from, handed to visitors (stats, dedupe, manifests). */
export interface RecordContext extends Location {
  format: DataFormat;
}

export type RecordVisitor = (rec: Record<string, unknown>, ctx: RecordContext) => void;

export interface ParquetRowGroup {
  rowGroup: number;
  /** Index in the file of the group's first row. */
  firstRow: number;
  rows: Record<string, unknown>[];
}

const BOM = [0xef, 0xbb, 0xbf];

export class DatasetValidator {
  private readonly opts: ValidateOptions;
  private readonly files: FileSummary[] = [];
  private readonly issues: Issue[] = [];
  private readonly errorsByKind: Record<string, number> = {};
  private readonly warningsByKind: Record<string, number> = {};
  private errors = 0;
  private warnings = 0;
  private stopped = false;
  private readonly visitors: RecordVisitor[] = [];

  // per-file state
  private cur!: FileSummary;
  private loc: Location = { file: "" };
  private recordErrors = 0;

  constructor(opts: Partial<ValidateOptions> = {}) {
    this.opts = { ...defaultValidateOptions, ...opts };
    if (this.opts.format === "custom" && !this.opts.customCheck) {
      this.opts.customCheck = () => [];
    }
  }

  /** Call `fn` with each valid record. */
  onRecord(fn: RecordVisitor): this {
    this.visitors.push(fn);
    return this;
  }

  get budgetSpent(): boolean {
    return this.stopped;
  }

  /** Validate one JSONL file given as a stream of byte chunks (chunks may reuse one buffer). */
  async validateJsonl(file: string, kind: "jsonl" | "jsonl.gz", bytes: number, chunks: AsyncIterable<Uint8Array>): Promise<FileSummary> {
    this.beginFile(file, kind, bytes);
    const lineLoc: Location = { file, line: 0 };
    let chunkUtf8 = false;
    let sawBytes = false;
    let crlf = 0;
    const splitter = new LineSplitter(
      {
        line: (buf, lineNo, terminated, inChunk) => {
          // Mutated in place (one object per file, not per line); issues and visitors copy it.
          lineLoc.line = lineNo;
          this.loc = lineLoc;
          let end = buf.length;
          if (end > 0 && buf[end - 1] === 0x0d) {
            end--;
            if (crlf++ === 0) this.add("warning", "crlf", "", "lines end with CRLF (\\r\\n); JSONL tools accept it, `llmops data clean` rewrites them with \\n");
          }
          let start = 0;
          if (lineNo === 1 && end >= 3 && buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2]) {
            start = 3;
            this.add("warning", "bom", "", "the file starts with a UTF-8 byte order mark; it was skipped (`llmops data clean` removes it)");
          }
          this.line(start === 0 && end === buf.length ? buf : buf.subarray(start, end), terminated, inChunk && chunkUtf8);
          return this.stopped ? STOP : undefined;
        },
        tooLong: (lineNo, len) => {
          this.loc = { file, line: lineNo };
          this.cur.records++;
          this.cur.invalid++;
          this.add("error", "line_too_long", "", `line is ${len} bytes, over the limit of ${this.opts.maxLineBytes} bytes (raise --max-line-bytes if it is meant to be)`);
          return this.stopped ? STOP : undefined;
        },
      },
      this.opts.maxLineBytes,
    );
    try {
      for await (const chunk of chunks) {
        if (chunk.length > 0) sawBytes = true;
        // One UTF-8 check over the chunk's complete lines (simdutf, no per-line call); lines that
        // straddle chunks, or any line of a chunk that fails, are checked one by one.
        const lastNl = chunk.lastIndexOf(0x0a);
        chunkUtf8 = lastNl >= 0 && isUtf8(chunk.subarray(0, lastNl + 1));
        splitter.push(chunk);
        if (splitter.stopped) break;
      }
      splitter.end();
    } catch (err) {
      this.loc = { file, line: splitter.lines + 1 };
      this.add("error", "read_error", "", `cannot read the file: ${err instanceof Error ? err.message : String(err)}${kind === "jsonl.gz" ? " (is the gzip file truncated or corrupted?)" : ""}`);
    }
    if (!sawBytes) {
      this.loc = { file };
      this.add("error", "empty_file", "", "the file is empty");
    }
    if (splitter.stopped || this.stopped) this.cur.stoppedEarly = true;
    return this.endFile();
  }

  /** Validate a Parquet file, row group by row group; a read failure is reported, not thrown. */
  async validateParquet(file: string, bytes: number, groups: AsyncIterable<ParquetRowGroup>): Promise<FileSummary> {
    this.beginFile(file, "parquet", bytes);
    try {
      outer: for await (const g of groups) {
        for (let i = 0; i < g.rows.length; i++) {
          this.loc = { file, rowGroup: g.rowGroup, row: g.firstRow + i };
          this.cur.records++;
          this.record(g.rows[i]);
          if (this.stopped) {
            this.cur.stoppedEarly = true;
            break outer;
          }
        }
      }
    } catch (err) {
      this.loc = { file };
      this.add("error", "invalid_parquet", "", `cannot read as Parquet: ${err instanceof Error ? err.message : String(err)} (is the file truncated or corrupted?)`);
    }
    if (this.cur.records === 0 && this.errors === 0) {
      this.loc = { file };
      this.add("error", "empty_file", "", "the Parquet file has no rows");
    }
    return this.endFile();
  }

  /** Record a problem with a whole file (unreadable, unsupported). */
  fileError(file: string, kind: string, message: string): void {
    this.loc = { file };
    this.add("error", kind, "", message);
  }

  /** Report a problem found by a visitor (duplicate, leakage) at a record's location. */
  addIssue(loc: Location, severity: Severity, kind: string, path: string, message: string): void {
    const saved = this.loc;
    this.loc = { ...loc };
    this.add(severity, kind, path, message);
    this.loc = saved;
  }

  report(): ValidationReport {
    const valid = this.files.reduce((n, f) => n + f.valid, 0);
    const records = this.files.reduce((n, f) => n + f.records, 0);
    return {
      files: this.files,
      records,
      valid,
      invalid: records - valid,
      errors: this.errors,
      warnings: this.warnings,
      errorsByKind: this.errorsByKind,
      warningsByKind: this.warningsByKind,
      issues: this.issues,
      stoppedEarly: this.stopped,
    };
  }

  private beginFile(file: string, kind: FileSummary["kind"], bytes: number): void {
    this.cur = { file, kind, bytes, records: 0, valid: 0, invalid: 0, format: this.opts.format === "auto" ? null : this.opts.format, stoppedEarly: false };
    this.loc = { file };
  }

  private endFile(): FileSummary {
    this.files.push(this.cur);
    return this.cur;
  }

  private line(bytes: Uint8Array, terminated: boolean, knownUtf8: boolean): void {
    this.cur.records++;
    if (bytes.length === 0 || isBlank(bytes)) {
      this.cur.records--;
      this.add("warning", "blank_line", "", "blank line (skipped)");
      return;
    }
    let text: string;
    // isUtf8 (simdutf) then a plain decode is faster than TextDecoder({fatal}) here; the
    // fatal decoder is the fallback that confirms and locates the error.
    if (knownUtf8 || isUtf8(bytes)) text = decodeUtf8(bytes);
    else {
      this.cur.invalid++;
      const at = firstInvalidUtf8(bytes);
      this.add("error", "invalid_utf8", "", `invalid UTF-8 at byte ${at + 1} of the line (re-encode the file as UTF-8)`);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.cur.invalid++;
      const why = err instanceof Error ? err.message : String(err);
      if (!terminated) this.add("error", "truncated_line", "", `the last line is cut off (no newline at the end and not valid JSON: ${why}); was the file written completely?`);
      else this.add("error", "invalid_json", "", `not valid JSON: ${why}`);
      return;
    }
    if (!isPlainObject(value)) {
      this.cur.invalid++;
      this.add("error", "not_an_object", "", `each line must be a JSON object, got ${typeName(value)}`);
      return;
    }
    if (countRawKeys(text) !== countParsedKeys(value)) {
      const dup = findDuplicateKey(text);
      if (dup) {
        this.cur.invalid++;
        this.add("error", "duplicate_key", dup.path === "" ? dup.key : `${dup.path}.${dup.key}`, `key ${JSON.stringify(dup.key)} appears twice in the same object; JSON parsers silently keep only the last`);
        return;
      }
    }
    this.record(value);
  }

  private record(value: unknown): void {
    if (!isPlainObject(value)) {
      this.cur.invalid++;
      this.add("error", "not_an_object", "", `a record must be an object, got ${typeName(value)}`);
      return;
    }
    let format = this.cur.format;
    const detected = format === "custom" ? undefined : detectFormat(value);
    if (format === null) {
      if (!detected) {
        this.cur.invalid++;
        this.add("error", "unknown_format", "", `cannot tell the format from the keys ${JSON.stringify(Object.keys(value).slice(0, 8))}; expected chat (messages), instruction (instruction/output), completion (prompt/completion) or preference (prompt/chosen/rejected); pass --format or --schema`);
        return;
      }
      format = this.cur.format = detected;
    } else if (format !== "custom" && detected !== undefined && detected !== format) {
      this.cur.invalid++;
      this.add("error", "format_mismatch", "", `this record looks like ${detected} but the file is ${format}`);
      return;
    }
    this.recordErrors = 0;
    if (format === "custom") {
      for (const i of this.opts.customCheck!(value)) this.add("error", "schema", i.path, i.message);
    } else {
      checkRecord(format, value, this.reportFn, this.opts.formatOptions);
    }
    if (this.recordErrors > 0) {
      this.cur.invalid++;
      return;
    }
    this.cur.valid++;
    if (this.visitors.length > 0) {
      const ctx: RecordContext = { ...this.loc, format };
      for (const v of this.visitors) v(value, ctx);
    }
  }

  private readonly reportFn = (severity: Severity, kind: string, path: string, message: string): void => this.add(severity, kind, path, message);

  private add(severity: Severity, kind: string, path: string, message: string): void {
    if (severity === "warning" && this.opts.strict) severity = "error";
    if (severity === "error") {
      this.errors++;
      this.recordErrors++;
      this.errorsByKind[kind] = (this.errorsByKind[kind] ?? 0) + 1;
      if (this.errors >= this.opts.maxErrors) this.stopped = true;
    } else {
      this.warnings++;
      this.warningsByKind[kind] = (this.warningsByKind[kind] ?? 0) + 1;
    }
    if (this.issues.length < this.opts.reportLimit) this.issues.push({ ...this.loc, severity, kind, path, message });
  }
}

function decodeUtf8(b: Uint8Array): string {
  return b instanceof Buffer ? b.toString("utf8") : Buffer.from(b.buffer, b.byteOffset, b.length).toString("utf8");
}

function isBlank(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** Byte offset of the first invalid UTF-8 sequence (only called once decoding failed). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}
