// `llmops data validate` (and `data dedupe`): stream-validate datasets, optionally with duplicates
// and leakage against eval cases; exit 1 when any record is invalid or leaked.
import { validateFiles } from "../../app/data/data-files.js";
import { runDataCheck } from "../../app/data/run-check.js";
import { formatIssue, type ValidationReport } from "../../core/data/types.js";
import type { CliContext } from "../context.js";
import { checkOptionsFrom, createValidator, dataFiles } from "./data-common.js";

export async function runDataValidate(ctx: CliContext, values: Record<string, unknown>, files: string[], dedupeFallback: "none" | "near" = "none"): Promise<number> {
  const v = await createValidator(ctx, values);
  const df = dataFiles(ctx, files);
  const opts = checkOptionsFrom(ctx, values, df, dedupeFallback, "");
  let extra: Record<string, unknown> = {};
  if (opts.dedupe || opts.evalFiles.length) {
    const r = await runDataCheck(v, df, opts);
    extra = { duplicates: r.profiler.duplicates(), leakage: r.profiler.leakage() };
  } else {
    await validateFiles(v, df);
  }
  const report = v.report();
  if (values.json) ctx.printJson({ ...report, ...extra });
  else ctx.stdout.write(renderValidationText(report));
  return report.errors > 0 ? 1 : 0;
}

export function runDataDedupe(ctx: CliContext, values: Record<string, unknown>, files: string[]): Promise<number> {
  return runDataValidate(ctx, values, files, "near");
}

export function renderValidationText(r: ValidationReport): string {
  const lines = r.issues.map(formatIssue);
  const shown = r.issues.length;
  const total = r.errors + r.warnings;
  if (total > shown) lines.push(`… ${total - shown} more problem(s) not listed (raise --report to see them)`);
  for (const f of r.files) {
    lines.push(`${f.file}: ${f.records} records (${f.format ?? "format unknown"}), ${f.valid} valid, ${f.invalid} invalid${f.stoppedEarly ? " — stopped early" : ""}`);
  }
  const kinds = (m: Record<string, number>) =>
    Object.entries(m)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
  lines.push(
    `${r.errors === 0 ? "valid" : "INVALID"}: ${r.records} records, ${r.valid} valid, ${r.invalid} invalid; ${r.errors} error(s)${r.errors ? ` (${kinds(r.errorsByKind)})` : ""}, ${r.warnings} warning(s)${r.warnings ? ` (${kinds(r.warningsByKind)})` : ""}`,
  );
  if (r.stoppedEarly) lines.push("stopped after reaching --max-errors; the counts cover only what was read");
  return `${lines.join("\n")}\n`;
}
