// What every report renderer reads: the comparison (from `llmops compare`), the cases behind it
// (inputs, expected values and both sides' outputs, from the two runs' results.jsonl) and a little
// context the caller passes in (title, workflow-run link). Built once, rendered many ways.
import type { Comparison, MetricComparison } from "../compare/types.js";
import type { PromptDiffReport } from "../prompts/diff-model.js";

/** The subset of a results.jsonl record the report reads. */
export interface ReportRecord {
  case_id: string;
  repeat: number;
  input: string;
  expected: unknown;
  output: string | null;
  scores: Record<string, { value: number | null; pass?: boolean } | undefined>;
  latency_ms: number | null;
  error: { kind: string; message: string } | null;
}

/** One side of a case, repeats folded: first output shown, scores averaged. */
export interface CaseSide {
  output: string | null;
  /** First error met across repeats ("timeout: …"), or null. */
  error: string | null;
  repeats: number;
  /** Mean over repeats per metric; null when no repeat had a value. */
  scores: Record<string, number | null>;
  /** Majority of repeats passing per metric; null when the metric has no pass/fail. */
  pass: Record<string, boolean | null>;
  /** Mean latency over repeats (ms). */
  latency_ms: number | null;
}

export interface CaseDetail {
  case_id: string;
  input: string;
  expected: unknown;
  baseline: CaseSide | null;
  candidate: CaseSide | null;
  /** Metrics on which this case flipped, from the comparison's flips. */
  flips: Record<string, "broke" | "fixed">;
}

export interface ReportLink {
  label: string;
  url: string;
}

/** Passed in by the caller (an action reads GITHUB_SERVER_URL etc.; the core never reads env). */
export interface ReportContext {
  /** Heading; default "llmops eval: <suite name>". */
  title?: string;
  /** The workflow run that produced the report. */
  runUrl?: string | null;
  /** Further links (the HTML report artifact, the check run). */
  links?: ReportLink[];
}

export interface ReportModel {
  comparison: Comparison;
  /** Every case of either run, in run order; empty when the runs' records were not available. */
  cases: CaseDetail[];
  context: ReportContext;
  /** Cases the candidate's suite adds to the yardstick's, evaluated apart and not gated. */
  newCases?: NewCasesReport;
  /** The prompts the pull request changes, with their rendered diffs (`llmops prompts diff`). */
  promptDiff?: PromptDiffReport;
}

/** One case a pull request adds, as the candidate answered it. */
export interface NewCase {
  case_id: string;
  input: string;
  expected: unknown;
  side: CaseSide;
}

export interface NewCasesReport {
  cases: NewCase[];
  /** Mean of each metric over the new cases (null when none had a value). */
  means: Record<string, number | null>;
}

function mean(xs: number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function foldSide(records: ReportRecord[], metrics: MetricComparison[]): CaseSide {
  const names = new Set<string>(metrics.map((m) => m.name));
  for (const r of records) for (const k of Object.keys(r.scores)) names.add(k);
  const kindOf = new Map(metrics.map((m) => [m.name, m.kind]));
  const scores: Record<string, number | null> = {};
  const pass: Record<string, boolean | null> = {};
  for (const name of names) {
    const values = records.map((r) => r.scores[name]?.value).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    const flags = records.map((r) => r.scores[name]?.pass).filter((p): p is boolean => typeof p === "boolean");
    const m = mean(values);
    scores[name] = m;
    if (flags.length > 0) pass[name] = flags.filter(Boolean).length * 2 > flags.length;
    else pass[name] = kindOf.get(name) === "binary" && m !== null ? m >= 0.5 : null;
  }
  const withOutput = records.find((r) => r.output !== null) ?? records[0];
  const err = records.find((r) => r.error)?.error ?? null;
  return {
    output: withOutput?.output ?? null,
    error: err ? `${err.kind}: ${err.message}` : null,
    repeats: records.length,
    scores,
    pass,
    latency_ms: mean(records.map((r) => r.latency_ms).filter((v): v is number => typeof v === "number" && Number.isFinite(v))),
  };
}

export function groupByCase(records: ReportRecord[]): Map<string, ReportRecord[]> {
  const byCase = new Map<string, ReportRecord[]>();
  for (const r of records) {
    const list = byCase.get(r.case_id);
    if (list) list.push(r);
    else byCase.set(r.case_id, [r]);
  }
  for (const list of byCase.values()) list.sort((a, b) => a.repeat - b.repeat);
  return byCase;
}

/** Pair the two runs' records by case id into CaseDetails, candidate order first, then baseline-only cases. */
export function buildCaseDetails(comparison: Comparison, baseline: ReportRecord[], candidate: ReportRecord[]): CaseDetail[] {
  const base = groupByCase(baseline);
  const cand = groupByCase(candidate);
  const flips = new Map<string, Record<string, "broke" | "fixed">>();
  for (const f of comparison.flips) {
    const entry = flips.get(f.case_id) ?? {};
    entry[f.metric] = f.direction;
    flips.set(f.case_id, entry);
  }
  const ids = [...cand.keys(), ...[...base.keys()].filter((id) => !cand.has(id))];
  return ids.map((id) => {
    const b = base.get(id);
    const c = cand.get(id);
    const first = (c ?? b)![0]!;
    return {
      case_id: id,
      input: first.input,
      expected: first.expected,
      baseline: b ? foldSide(b, comparison.metrics) : null,
      candidate: c ? foldSide(c, comparison.metrics) : null,
      flips: flips.get(id) ?? {},
    };
  });
}
