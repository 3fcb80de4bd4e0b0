// Cases a pull request adds under a trusted yardstick: evaluated apart (the candidate's prompt, the
// base's scorers and endpoint) and reported in their own section, never gated — the base decides
// what the gate measures, and a PR's new cases become part of it only once they are merged.
import { markdownTable } from "markdown-table";
import type { MetricComparison } from "../compare/types.js";
import { escapeHtmlText, renderCodeSpan } from "./escape.js";
import { foldSide, groupByCase, type NewCasesReport, type ReportRecord } from "./model.js";
import type { CaseLimits } from "./sections.js";

/**
 * Fold the new-cases run's records by case (repeats averaged), in run order, with each metric's
 * mean; `metrics` (the comparison's) says which are pass/fail.
 */
export function buildNewCases(records: ReportRecord[], metrics: MetricComparison[] = []): NewCasesReport {
  const cases = [...groupByCase(records).entries()].map(([id, rs]) => ({ case_id: id, input: rs[0]!.input, expected: rs[0]!.expected, side: foldSide(rs, metrics) }));
  const names = [...new Set(cases.flatMap((c) => Object.keys(c.side.scores)))];
  const means = Object.fromEntries(
    names.map((n) => {
      const vs = cases.map((c) => c.side.scores[n]).filter((v): v is number => typeof v === "number");
      return [n, vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0) / vs.length];
    }),
  );
  return { cases, means };
}

function score(v: number | null | undefined, pass: boolean | null | undefined): string {
  if (v === null || v === undefined) return "—";
  const mark = pass === true ? "✅ " : pass === false ? "❌ " : "";
  return `${mark}${Number.isInteger(v) ? v : v.toFixed(2)}`;
}

/** "🆕 New cases (not gated)": a collapsed table of each new case's scores and output, or "" when there are none. */
export function renderNewCases(report: NewCasesReport | undefined, limits: CaseLimits): string {
  if (!report || report.cases.length === 0) return "";
  const metrics = Object.keys(report.means);
  const max = Math.max(10, limits.perKind * 10);
  const shown = report.cases.slice(0, max);
  const text = Math.max(40, Math.min(200, limits.textChars));
  const rows = shown.map((c) => [
    renderCodeSpan(c.case_id, { maxLength: 40 }),
    ...metrics.map((m) => score(c.side.scores[m], c.side.pass[m])),
    c.side.error !== null ? `error: ${renderCodeSpan(c.side.error, { maxLength: text })}` : c.side.output === null ? "—" : renderCodeSpan(c.side.output, { maxLength: text }),
  ]);
  const means = metrics.map((m) => `${renderCodeSpan(m, { maxLength: 40 })} ${score(report.means[m], null)}`).join(", ");
  const n = report.cases.length;
  const rest = n > shown.length ? `\n${n - shown.length} more new cases are in the candidate run's \`new-cases/results.jsonl\`.\n` : "";
  return [
    "<details>",
    `<summary>🆕 New cases (not gated): ${escapeHtmlText(String(n))} case${n === 1 ? "" : "s"} the base's suite does not have</summary>`,
    "",
    `Evaluated with this pull request's prompt under the base's scorers and endpoint; they do not move the verdict. Mean over them: ${means || "—"}. Merged, they join the yardstick for later pull requests.`,
    "",
    markdownTable([["case", ...metrics.map((m) => renderCodeSpan(m, { maxLength: 40 })), "output"], ...rows]),
    rest,
    "</details>",
    "",
  ].join("\n");
}
