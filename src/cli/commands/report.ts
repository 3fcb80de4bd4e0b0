// `llmops report`: render a comparison.json as the PR comment markdown, the job summary and the
// self-contained HTML report. Reads the two runs' results.jsonl (when found) for case details.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { InputError } from "../../errors.js";
import type { Comparison } from "../../core/compare/types.js";
import { parseComparison, parseResultsJsonl } from "../../core/report/inputs.js";
import { renderComment, renderHtmlReport, renderJobSummary, buildCaseDetails, type ReportModel, type ReportRecord } from "../../core/report/index.js";
import type { Command } from "../command.js";
import { REPORT_OPTIONS } from "../../core/options/report.js";
import { cliParseConfig, readCliValues, renderCliHelp } from "../../core/options/spec.js";
import { readCaseRecords } from "../../app/compare/case-records.js";
import { collectGarbage } from "../../app/process/collect-garbage.js";
import { casesToDetail } from "../../core/report/sections.js";
import type { CliContext } from "../context.js";

/** Larger results files are not read for details (the numbers come from comparison.json anyway). */
const MAX_RESULTS_BYTES = 512 * 1024 * 1024;

function readRequired(ctx: CliContext, path: string, option: string): string {
  const abs = comparisonFile(ctx, path);
  if (!existsSync(abs)) throw new InputError(`--${option} ${path}: no such file`, { hint: "write one with `llmops compare --out DIR`" });
  if (statSync(abs).isDirectory()) throw new InputError(`--${option} ${path}: is a directory with no comparison.json in it`, { hint: "pass the comparison.json written by `llmops compare --out DIR`, or that DIR" });
  return readFileSync(abs, "utf8");
}

/** The comparison file the user meant: the path itself, or DIR/comparison.json when they named the compare --out DIR. */
function comparisonFile(ctx: CliContext, path: string): string {
  const abs = ctx.resolvePath(path);
  const inside = join(abs, "comparison.json");
  return existsSync(abs) && statSync(abs).isDirectory() && existsSync(inside) ? inside : abs;
}

/** Where a run's results.jsonl is: the option, else the dir recorded in the comparison (from cwd, then beside the comparison). */
function findResults(ctx: CliContext, explicit: string | undefined, recorded: string, comparisonFile: string): string | null {
  const dirs = explicit !== undefined ? [ctx.resolvePath(explicit)] : isAbsolute(recorded) ? [recorded] : [ctx.resolvePath(recorded), resolve(dirname(comparisonFile), recorded)];
  for (const d of dirs) {
    const f = join(d, "results.jsonl");
    if (existsSync(f)) return f;
  }
  if (explicit !== undefined) throw new InputError(`no results.jsonl in ${explicit}`, { hint: "pass the eval run directory (it holds results.jsonl and summary.json)" });
  return null;
}

/**
 * A run's records for the report: for the HTML report every case (it lists them all); for the
 * markdown only the cases it shows in full, kept from one streaming pass (any size of run).
 */
async function readRecords(ctx: CliContext, side: "baseline" | "candidate", file: string | null, shown: ReadonlySet<string> | "all"): Promise<ReportRecord[]> {
  if (file === null) {
    ctx.logger.warn(`${side} results.jsonl not found: the report shows numbers and flips but no case inputs or outputs (pass --${side} DIR)`);
    return [];
  }
  if (shown !== "all") {
    const { records, warnings } = await readCaseRecords(file, shown);
    for (const w of warnings) ctx.logger.warn(w);
    return records;
  }
  if (statSync(file).size > MAX_RESULTS_BYTES) {
    ctx.logger.warn(`${file}: larger than ${MAX_RESULTS_BYTES / 1024 / 1024} MiB, case details skipped`);
    return [];
  }
  const { records, warnings } = parseResultsJsonl(readFileSync(file, "utf8"), file);
  for (const w of warnings) ctx.logger.warn(w);
  return records;
}

function write(ctx: CliContext, path: string, text: string, what: string): void {
  const abs = ctx.resolvePath(path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  ctx.logger.info(`wrote ${what}: ${path} (${text.length.toLocaleString("en-US")} characters)`);
}

export async function loadReportModel(ctx: CliContext, values: Record<string, unknown>): Promise<ReportModel> {
  const file = values.comparison as string | undefined;
  if (!file) throw new InputError("llmops report: --comparison FILE is required", { hint: 'run "llmops report --help" for usage' });
  const text = readRequired(ctx, file, "comparison");
  const comparison: Comparison = parseComparison(text, file);
  // A large file's text and raw parse are garbage now (20 MB of text at a million cases, and the
  // objects zod copied): freed before the records are read, not at V8's next full collection.
  if (text.length >= 4 << 20) collectGarbage();
  const abs = comparisonFile(ctx, file);
  const shown = values.html !== undefined ? "all" : casesToDetail(comparison);
  const baseline = await readRecords(ctx, "baseline", findResults(ctx, values.baseline as string | undefined, comparison.baseline.dir, abs), shown);
  const candidate = await readRecords(ctx, "candidate", findResults(ctx, values.candidate as string | undefined, comparison.candidate.dir, abs), shown);
  const runUrl = values["run-url"] as string | undefined;
  if (runUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(runUrl)) {
    throw new InputError(`--run-url must be an http(s) URL, got ${JSON.stringify(runUrl)}`, { hint: "e.g. --run-url https://github.com/OWNER/REPO/actions/runs/ID (other schemes are never linked)" });
  }
  return {
    comparison,
    cases: baseline.length + candidate.length > 0 ? buildCaseDetails(comparison, baseline, candidate) : [],
    context: { ...(values.title ? { title: values.title as string } : {}), runUrl: runUrl ?? null },
  };
}

export const reportCommand: Command = {
  name: "report",
  maxPositionals: 0,
  summary: "render a comparison as PR-comment markdown, a job summary and a self-contained HTML report",
  help: `
usage: llmops report --comparison FILE [--markdown OUT] [--summary OUT] [--html OUT] [options]

Renders comparison.json (written by \`llmops compare\`). With no output option, prints the PR
comment markdown on stdout. Case inputs and outputs come from the two runs' results.jsonl, found
in the run directories recorded in the comparison, or given with --baseline / --candidate: the
markdown keeps only the top flipped cases it shows (one streaming pass, any size of run); the
HTML report lists every case, so --html reads every record (runs up to 512 MiB of results).

options:
${renderCliHelp(REPORT_OPTIONS)}
`,
  options: cliParseConfig(REPORT_OPTIONS),
  async run(ctx, { values }) {
    const maxChars = readCliValues(REPORT_OPTIONS, values)["max-chars"];
    const model = await loadReportModel(ctx, values);
    if (typeof values["prompts-base"] === "string") {
      const { diffPrompts } = await import("../../app/prompts/diff-prompts.js");
      model.promptDiff = await diffPrompts({ cwd: ctx.cwd, base: values["prompts-base"], paths: ["prompts"].filter((p) => existsSync(ctx.resolvePath(p))), suitesDir: ctx.resolvePath("evals"), samples: 3 });
    }
    const comment = renderComment(model, maxChars === undefined ? {} : { maxChars });
    if (comment.truncated) ctx.logger.warn(`the comment was trimmed to fit ${maxChars ?? 65_024} characters (showing ${comment.limits.perKind} case(s) per direction)`);
    const wants = values.markdown !== undefined || values.summary !== undefined || values.html !== undefined;
    if (values.markdown !== undefined) write(ctx, values.markdown as string, comment.markdown, "PR comment");
    if (values.summary !== undefined) write(ctx, values.summary as string, renderJobSummary(model).markdown, "job summary");
    if (values.html !== undefined) write(ctx, values.html as string, renderHtmlReport(model), "HTML report");
    if (values.json) {
      const out = (k: string) => (typeof values[k] === "string" ? ctx.resolvePath(values[k] as string) : null);
      ctx.printJson({
        comparison: comparisonFile(ctx, values.comparison as string),
        verdict: model.comparison.gate?.verdict ?? null,
        markdown: out("markdown"),
        summary: out("summary"),
        html: out("html"),
        comment_chars: comment.markdown.length,
        truncated: comment.truncated,
        ...(wants ? {} : { comment: comment.markdown }),
      });
    } else if (!wants) ctx.stdout.write(comment.markdown);
    return 0;
  },
};
