// Shared types of the data domain: record formats, problems found in a dataset, and summaries.

export const FORMATS = ["chat", "instruction", "completion", "preference", "custom"] as const;
export type DataFormat = (typeof FORMATS)[number];

export type Severity = "error" | "warning";

/** Where a problem is: a JSONL line (1-based) or a Parquet row group and row (0-based). */
export interface Location {
  file: string;
  line?: number;
  rowGroup?: number;
  /** Row index within the file (0-based). */
  row?: number;
}

export interface Issue extends Location {
  severity: Severity;
  /** Stable machine name, e.g. "invalid_json", "unknown_role". */
  kind: string;
  /** Field path inside the record, e.g. "messages[2].role"; "" for the whole line. */
  path: string;
  message: string;
}

export interface FileSummary {
  file: string;
  kind: "jsonl" | "jsonl.gz" | "parquet";
  bytes: number;
  records: number;
  valid: number;
  invalid: number;
  format: DataFormat | null;
  /** True when validation stopped early because the error budget was spent. */
  stoppedEarly: boolean;
}

export interface ValidationReport {
  files: FileSummary[];
  records: number;
  valid: number;
  invalid: number;
  errors: number;
  warnings: number;
  errorsByKind: Record<string, number>;
  warningsByKind: Record<string, number>;
  /** The first problems found, up to the report limit. */
  issues: Issue[];
  stoppedEarly: boolean;
}

/** Render a location as file:line or file[row group g, row r]. */
export function formatLocation(loc: Location): string {
  if (loc.line !== undefined) return `${loc.file}:${loc.line}`;
  if (loc.row !== undefined) return `${loc.file} (row group ${loc.rowGroup ?? 0}, row ${loc.row})`;
  return loc.file;
}

export function formatIssue(issue: Issue): string {
  const where = formatLocation(issue);
  const path = issue.path ? ` ${issue.path}:` : "";
  return `${where}: ${issue.severity} [${issue.kind}]${path} ${issue.message}`;
}
