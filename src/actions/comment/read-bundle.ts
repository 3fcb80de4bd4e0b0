// Reads the report bundle from disk with size caps, refusing links and special files: an artifact
// from a fork is untrusted data. Parsing and sanitizing happen in the core.
import { lstat, open } from "node:fs/promises";
import { join } from "node:path";
import { DataInvalidError, InputError } from "../../errors.js";
import { BUNDLE_FILES, BUNDLE_LIMITS, parseComparisonGate, parsePullRequestRef, type ComparisonGate, type PullRequestRef } from "../../core/github/report-bundle.js";

export interface ReportBundle {
  /** The markdown as read (not yet sanitized). */
  report: string;
  reportFile: string;
  gate: ComparisonGate | null;
  pullRequest: PullRequestRef | null;
}

export async function readReportBundle(path: string): Promise<ReportBundle> {
  const st = await lstat(path).catch(() => null);
  if (!st) throw new InputError(`input "report-path": ${path} does not exist`, { hint: "point it at report.md or at the directory actions/compare wrote" });
  if (st.isFile()) return { report: await readCapped(path, BUNDLE_LIMITS.report, true), reportFile: path, gate: null, pullRequest: null };
  if (!st.isDirectory()) throw new InputError(`input "report-path": ${path} is neither a regular file nor a directory`);
  const reportFile = join(path, BUNDLE_FILES.report);
  const report = await readCapped(reportFile, BUNDLE_LIMITS.report, true);
  const cmpFile = join(path, BUNDLE_FILES.comparison);
  const cmp = await readCapped(cmpFile, BUNDLE_LIMITS.comparison, false);
  const prFile = join(path, BUNDLE_FILES.pullRequest);
  const pr = await readCapped(prFile, BUNDLE_LIMITS.pullRequest, false);
  return {
    report,
    reportFile,
    gate: cmp === "" ? null : parseComparisonGate(cmp, cmpFile),
    pullRequest: pr === "" ? null : parsePullRequestRef(pr, prFile),
  };
}

/** The file's text, or "" when it is optional and absent. Never follows a link; never reads past the cap. */
async function readCapped(file: string, cap: number, required: boolean): Promise<string> {
  const st = await lstat(file).catch(() => null);
  if (!st) {
    if (required) throw new DataInvalidError(`${file} is missing from the report bundle`);
    return "";
  }
  if (!st.isFile()) throw new DataInvalidError(`${file} is not a regular file (links are refused in a report bundle)`);
  if (st.size > cap) throw new DataInvalidError(`${file} is ${st.size} bytes; the limit is ${cap}`, { hint: "the report bundle is untrusted input; a report this large was not written by actions/compare" });
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(Math.min(st.size, cap));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString("utf8");
  } finally {
    await fh.close();
  }
}
