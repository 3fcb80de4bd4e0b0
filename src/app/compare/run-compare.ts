// The compare-and-gate flow that `llmops compare|gate` and actions/compare share: read both runs,
// compare them under the policy, build the report model, and write comparison.json and report.md
// (the PR comment). Printing, exit codes, action outputs and pull-request.json stay with the callers.
import { closeSync, existsSync, openSync, writeSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { aggregateFor, type Comparison } from "../../core/compare/index.js";
import type { PairedStream, RunHeader } from "../../core/compare/paired-stream.js";
import { defaultGatePolicy, defaultPolicy, parseGatePolicy, type GatePolicy } from "../../core/gate/index.js";
import { BUNDLE_FILES } from "../../core/github/index.js";
import type { PromptDiffReport } from "../../core/prompts/diff-model.js";
import type { Logger } from "../../core/ports/index.js";
import { buildCaseDetails, renderComment, type RenderedMarkdown, type ReportContext, type ReportModel } from "../../core/report/index.js";
import { reportRecordOf } from "../../core/report/inputs.js";
import { casesToDetail } from "../../core/report/sections.js";
import { buildNewCases } from "../../core/report/new-cases.js";
import type { NewCasesReport } from "../../core/report/model.js";
import { NEW_CASES_DIR } from "../../core/eval/new-cases.js";
import { InputError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { readEvalRun } from "../eval/eval-run-reader.js";
import { serializeComparisonChunks } from "../../core/contracts/comparison.js";
import { readCaseRecords } from "./case-records.js";
import { streamPairedRuns } from "./stream-runs.js";
import { HeapCap, collectGarbage } from "../process/collect-garbage.js";

export interface LoadedPolicy {
  policy: GatePolicy;
  source: string;
}

/** Read a gate policy (or a suite with a gate: key). `file` names it in messages; `missing` is the not-found message. */
export async function loadPolicyFile(path: string, file: string, missing: string): Promise<LoadedPolicy> {
  if (!existsSync(path)) throw new InputError(missing, { hint: "pass a gate policy YAML file, or a suite file with a gate: key" });
  return parseGatePolicy(await readFile(path, "utf8"), file);
}

export interface CompareRunsOptions {
  baselineDir: string;
  candidateDir: string;
  policy: LoadedPolicy | null;
  /** Without a policy: true gates every metric both runs share with the default rule; false only compares. */
  gate: boolean;
  /** Where comparison.json and report.md go; null writes nothing. */
  outDir: string | null;
  context?: ReportContext;
  /** The prompts the change edits, with their rendered diffs (a section of the comment). */
  promptDiff?: PromptDiffReport;
  logger: Logger;
}

export interface CompareRunsResult {
  baseline: RunHeader;
  candidate: RunHeader;
  comparison: Comparison;
  model: ReportModel;
  /** report.md: the PR comment. */
  comment: RenderedMarkdown;
  files: { comparison: string; report: string } | null;
}

export async function compareRuns(o: CompareRunsOptions): Promise<CompareRunsResult> {
  const { comparison, baseline, candidate } = await streamComparison(o);
  collectGarbage();
  const newCases = await readNewCases(o.candidateDir, comparison, o.logger);
  // Only the cases the comment and the job summary show in full are read back (one more pass each).
  const shown = casesToDetail(comparison);
  const b = await readCaseRecords(join(o.baselineDir, "results.jsonl"), shown);
  const c = await readCaseRecords(join(o.candidateDir, "results.jsonl"), shown);
  const model: ReportModel = {
    comparison,
    cases: buildCaseDetails(comparison, b.records, c.records),
    context: o.context ?? {},
    ...(newCases ? { newCases } : {}),
    ...(o.promptDiff && o.promptDiff.changes.length > 0 ? { promptDiff: o.promptDiff } : {}),
  };
  const comment = renderComment(model);
  let files: CompareRunsResult["files"] = null;
  if (o.outDir !== null) {
    await mkdir(o.outDir, { recursive: true });
    files = { comparison: join(o.outDir, BUNDLE_FILES.comparison), report: join(o.outDir, BUNDLE_FILES.report) };
    writeChunks(files.comparison, serializeComparisonChunks(comparison));
    await writeFile(files.report, comment.markdown);
  }
  return { baseline, candidate, comparison, model, comment, files };
}

/** Write a document given in pieces (a big comparison's flips are never one string), its garbage kept in check as it goes. */
function writeChunks(path: string, chunks: Iterable<string>): void {
  const cap = new HeapCap();
  const fd = openSync(path, "w");
  try {
    for (const c of chunks) {
      writeSync(fd, c);
      cap.check();
    }
  } finally {
    closeSync(fd);
  }
}

/** Both runs streamed and paired by case id (bounded memory at any size; see stream-runs.ts), compared under the policy. */
async function streamComparison(o: CompareRunsOptions): Promise<{ comparison: Comparison; baseline: RunHeader; candidate: RunHeader }> {
  const { stream, baseline, candidate } = await streamPairedRuns(o.baselineDir, o.candidateDir);
  for (const w of [...baseline.warnings, ...candidate.warnings]) o.logger.warn(w);
  return { comparison: compareWithPolicy(stream, o.policy, o.gate), baseline, candidate };
}

/**
 * The cases a candidate evaluated under a yardstick adds (`<candidate>/new-cases`, written by
 * `runSuite`): reported apart, never part of the comparison or the gate.
 */
async function readNewCases(candidateDir: string, comparison: Comparison, logger: Logger): Promise<NewCasesReport | undefined> {
  const dir = join(candidateDir, NEW_CASES_DIR);
  if (!existsSync(join(dir, "results.jsonl"))) return undefined;
  const run = await readEvalRun(dir, "new cases");
  for (const w of run.warnings) logger.warn(w);
  return buildNewCases(run.records.map(reportRecordOf), comparison.metrics);
}

/** With no policy, compare with the defaults; to gate, then apply max_regression 0.02 to every metric both runs share. */
function compareWithPolicy(stream: PairedStream, loaded: LoadedPolicy | null, gate: boolean): Comparison {
  const base = { aggregateFor: aggregateFor, llmopsVersion: VERSION, createdAt: new Date().toISOString() };
  if (loaded) return stream.finish({ ...base, policy: loaded.policy, policySource: loaded.source, gate: true });
  const first = stream.finish({ ...base, policy: defaultPolicy(), policySource: "default", gate: false });
  if (!gate) return first;
  const shared = first.metrics.filter((m) => m.n > 0).map((m) => m.name);
  return stream.finish({ ...base, policy: defaultGatePolicy(shared), policySource: "default (max_regression 0.02 on every metric both runs share)", gate: true });
}
