#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  REPORT_OPTIONS,
  buildCaseDetails,
  casesToDetail,
  parseComparison,
  parseResultsJsonl,
  readCaseRecords,
  renderComment,
  renderHtmlReport,
  renderJobSummary
} from "./chunk-3EOHBWH5.js";
import "./chunk-P72PG663.js";
import {
  collectGarbage
} from "./chunk-6OGLGLVE.js";
import "./chunk-EI544OTC.js";
import {
  cliParseConfig,
  readCliValues,
  renderCliHelp
} from "./chunk-KG2AKHTK.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import "./chunk-VQI3AYYW.js";
import "./chunk-U3RUJJS6.js";
import {
  InputError
} from "./chunk-LXVW643N.js";
import "./chunk-TQEUFEDE.js";

// src/cli/commands/report.ts
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
var MAX_RESULTS_BYTES = 512 * 1024 * 1024;
function readRequired(ctx, path, option) {
  const abs = comparisonFile(ctx, path);
  if (!existsSync(abs)) throw new InputError(`--${option} ${path}: no such file`, { hint: "write one with `llmops compare --out DIR`" });
  if (statSync(abs).isDirectory()) throw new InputError(`--${option} ${path}: is a directory with no comparison.json in it`, { hint: "pass the comparison.json written by `llmops compare --out DIR`, or that DIR" });
  return readFileSync(abs, "utf8");
}
function comparisonFile(ctx, path) {
  const abs = ctx.resolvePath(path);
  const inside = join(abs, "comparison.json");
  return existsSync(abs) && statSync(abs).isDirectory() && existsSync(inside) ? inside : abs;
}
function findResults(ctx, explicit, recorded, comparisonFile2) {
  const dirs = explicit !== void 0 ? [ctx.resolvePath(explicit)] : isAbsolute(recorded) ? [recorded] : [ctx.resolvePath(recorded), resolve(dirname(comparisonFile2), recorded)];
  for (const d of dirs) {
    const f = join(d, "results.jsonl");
    if (existsSync(f)) return f;
  }
  if (explicit !== void 0) throw new InputError(`no results.jsonl in ${explicit}`, { hint: "pass the eval run directory (it holds results.jsonl and summary.json)" });
  return null;
}
async function readRecords(ctx, side, file, shown) {
  if (file === null) {
    ctx.logger.warn(`${side} results.jsonl not found: the report shows numbers and flips but no case inputs or outputs (pass --${side} DIR)`);
    return [];
  }
  if (shown !== "all") {
    const { records: records2, warnings: warnings2 } = await readCaseRecords(file, shown);
    for (const w of warnings2) ctx.logger.warn(w);
    return records2;
  }
  if (statSync(file).size > MAX_RESULTS_BYTES) {
    ctx.logger.warn(`${file}: larger than ${MAX_RESULTS_BYTES / 1024 / 1024} MiB, case details skipped`);
    return [];
  }
  const { records, warnings } = parseResultsJsonl(readFileSync(file, "utf8"), file);
  for (const w of warnings) ctx.logger.warn(w);
  return records;
}
function write(ctx, path, text, what) {
  const abs = ctx.resolvePath(path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  ctx.logger.info(`wrote ${what}: ${path} (${text.length.toLocaleString("en-US")} characters)`);
}
async function loadReportModel(ctx, values) {
  const file = values.comparison;
  if (!file) throw new InputError("llmops report: --comparison FILE is required", { hint: 'run "llmops report --help" for usage' });
  const text = readRequired(ctx, file, "comparison");
  const comparison = parseComparison(text, file);
  if (text.length >= 4 << 20) collectGarbage();
  const abs = comparisonFile(ctx, file);
  const shown = values.html !== void 0 ? "all" : casesToDetail(comparison);
  const baseline = await readRecords(ctx, "baseline", findResults(ctx, values.baseline, comparison.baseline.dir, abs), shown);
  const candidate = await readRecords(ctx, "candidate", findResults(ctx, values.candidate, comparison.candidate.dir, abs), shown);
  const runUrl = values["run-url"];
  if (runUrl !== void 0 && !/^https?:\/\/[^\s]+$/i.test(runUrl)) {
    throw new InputError(`--run-url must be an http(s) URL, got ${JSON.stringify(runUrl)}`, { hint: "e.g. --run-url https://github.com/OWNER/REPO/actions/runs/ID (other schemes are never linked)" });
  }
  return {
    comparison,
    cases: baseline.length + candidate.length > 0 ? buildCaseDetails(comparison, baseline, candidate) : [],
    context: { ...values.title ? { title: values.title } : {}, runUrl: runUrl ?? null }
  };
}
var reportCommand = {
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
      const { diffPrompts } = await import("./diff-prompts-UHRMNCOA.js");
      model.promptDiff = await diffPrompts({ cwd: ctx.cwd, base: values["prompts-base"], paths: ["prompts"].filter((p) => existsSync(ctx.resolvePath(p))), suitesDir: ctx.resolvePath("evals"), samples: 3 });
    }
    const comment = renderComment(model, maxChars === void 0 ? {} : { maxChars });
    if (comment.truncated) ctx.logger.warn(`the comment was trimmed to fit ${maxChars ?? 65024} characters (showing ${comment.limits.perKind} case(s) per direction)`);
    const wants = values.markdown !== void 0 || values.summary !== void 0 || values.html !== void 0;
    if (values.markdown !== void 0) write(ctx, values.markdown, comment.markdown, "PR comment");
    if (values.summary !== void 0) write(ctx, values.summary, renderJobSummary(model).markdown, "job summary");
    if (values.html !== void 0) write(ctx, values.html, renderHtmlReport(model), "HTML report");
    if (values.json) {
      const out = (k) => typeof values[k] === "string" ? ctx.resolvePath(values[k]) : null;
      ctx.printJson({
        comparison: comparisonFile(ctx, values.comparison),
        verdict: model.comparison.gate?.verdict ?? null,
        markdown: out("markdown"),
        summary: out("summary"),
        html: out("html"),
        comment_chars: comment.markdown.length,
        truncated: comment.truncated,
        ...wants ? {} : { comment: comment.markdown }
      });
    } else if (!wants) ctx.stdout.write(comment.markdown);
    return 0;
  }
};
export {
  loadReportModel,
  reportCommand
};
