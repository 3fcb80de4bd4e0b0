// The data check's verdict, for the job summary and the exit: valid when no error was found; an
// invalid dataset fails the step unless fail-on-invalid is off.
import type { ValidationReport } from "./types.js";

export interface DataVerdict {
  valid: boolean;
  /** One markdown line for the job summary (numbers and kinds only: nothing from the data). */
  headline: string;
  /** Set when the step must fail. */
  failure: { message: string; hint: string } | null;
}

export function computeDataVerdict(report: Pick<ValidationReport, "records" | "errors" | "warnings" | "errorsByKind">, failOnInvalid: boolean): DataVerdict {
  const valid = report.errors === 0;
  const kinds = Object.entries(report.errorsByKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  return {
    valid,
    headline: valid ? `**Data valid**: ${report.records} records, ${report.warnings} warning(s).` : `**Data invalid**: ${report.errors} error(s) in ${report.records} records (${kinds}).`,
    failure:
      !valid && failOnInvalid
        ? { message: `${report.errors} error(s) in the data (see the annotations and the job summary)`, hint: "run `llmops data validate` locally for the full list" }
        : null,
  };
}
