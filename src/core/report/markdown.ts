// The PR comment and the job summary: one markdown report from one model, fitted under a size
// limit by trimming the case details first (fewer cases, then shorter texts), and saying so.
import { renderStickyMarker } from "./marker.js";
import { renderPromptDiffSection } from "./prompt-diff.js";
import type { ReportModel } from "./model.js";
import { renderNewCases } from "./new-cases.js";
import {
  type CaseLimits,
  renderCaseSections,
  renderChart,
  renderFooter,
  renderGateChecks,
  renderMetricCaption,
  renderMetricTable,
  renderOperationalTable,
  renderProvenance,
  renderVerdict,
} from "./sections.js";

/** GitHub rejects issue and PR comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Left free by default for what a poster adds around the report (its own marker, a header line). */
export const COMMENT_HEADROOM = 512;
/** GitHub's limit on one step's job summary (1 MiB). */
export const GITHUB_SUMMARY_LIMIT = 1_048_576;

// Generous first; each step shows fewer cases, and once down to one case per direction, shorter texts.
const COMMENT_LEVELS: CaseLimits[] = [
  { perKind: 5, textChars: 2000 },
  { perKind: 3, textChars: 2000 },
  { perKind: 2, textChars: 2000 },
  { perKind: 1, textChars: 2000 },
  { perKind: 1, textChars: 800 },
  { perKind: 1, textChars: 300 },
  { perKind: 1, textChars: 100 },
  { perKind: 0, textChars: 0 },
];
const SUMMARY_LEVELS: CaseLimits[] = [{ perKind: 10, textChars: 4000 }, ...COMMENT_LEVELS];

export interface MarkdownOptions {
  /** Most characters the result may have. Default: GitHub's comment limit less COMMENT_HEADROOM (the summary limit for the summary). */
  maxChars?: number;
  /** Put `<!-- llmops:<kind>:<key> -->` first, for a sticky comment. */
  marker?: { kind: string; key: string };
}

export interface RenderedMarkdown {
  markdown: string;
  /** Whether case details were trimmed (or the whole text cut) to fit. */
  truncated: boolean;
  /** The case limits used. */
  limits: CaseLimits;
}

function trimNote(limit: number, shown: Record<"broke" | "fixed", number>, total: Record<"broke" | "fixed", number>, limits: CaseLimits, first: CaseLimits): string {
  const cut = (["broke", "fixed"] as const).filter((d) => shown[d] < Math.min(total[d], first.perKind));
  const shorter = limits.textChars < first.textChars && limits.perKind > 0;
  if (cut.length === 0 && !shorter) return "";
  const what = [
    ...cut.map((d) => `showing ${shown[d]} of ${total[d]} ${d} cases`),
    ...(shorter ? [`texts cut at ${limits.textChars} characters`] : []),
  ];
  return `> ✂️ Trimmed to fit within ${limit.toLocaleString("en-US")} characters (GitHub caps a comment at 65,536): ${what.join(", ")}. The HTML report has every case.\n`;
}

function assemble(model: ReportModel, variant: "comment" | "summary", limits: CaseLimits, first: CaseLimits, limit: number, opts: MarkdownOptions, maxMetricRows: number): { text: string; trimmed: boolean } {
  const cases = renderCaseSections(model, limits);
  const note = trimNote(limit, cases.shown, cases.total, limits, first);
  const parts = [
    opts.marker ? `${renderStickyMarker(opts.marker.kind, opts.marker.key)}\n` : "",
    renderVerdict(model, variant === "comment" ? 3 : 2),
    renderMetricTable(model.comparison, maxMetricRows),
    renderMetricCaption(model.comparison),
    renderChart(model.comparison),
    renderOperationalTable(model.comparison),
    renderGateChecks(model.comparison),
    renderPromptDiffSection(model.promptDiff),
    note,
    cases.text,
    renderNewCases(model.newCases, limits),
    renderProvenance(model),
    renderFooter(model),
  ];
  return { text: parts.filter(Boolean).join("\n"), trimmed: note !== "" };
}

function fit(model: ReportModel, variant: "comment" | "summary", levels: CaseLimits[], limit: number, opts: MarkdownOptions): RenderedMarkdown {
  const first = levels[0]!;
  for (const rows of [Number.POSITIVE_INFINITY, 50, 10]) {
    for (const limits of levels) {
      const { text, trimmed } = assemble(model, variant, limits, first, limit, opts, rows);
      if (text.length <= limit) return { markdown: text, truncated: trimmed || rows !== Number.POSITIVE_INFINITY, limits };
    }
  }
  // Only a pathological model (thousands of gate checks, megabyte names) gets here: cut hard, say so.
  const last = levels[levels.length - 1]!;
  const { text } = assemble(model, variant, last, first, limit, opts, 10);
  const tail = "\n\n> ✂️ Cut here to fit GitHub's size limit. The HTML report has everything.\n";
  let head = text.slice(0, Math.max(0, limit - tail.length));
  // Never leave half a surrogate pair or an open fence behind.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const fences = head.match(/^`{3,}/gm) ?? [];
  const closing = fences.length % 2 === 1 ? `\n${fences[fences.length - 1]}` : "";
  return { markdown: `${head.slice(0, Math.max(0, limit - tail.length - closing.length))}${closing}${tail}`, truncated: true, limits: last };
}

/** The PR comment: verdict, table, chart, flipped cases, provenance; at most `maxChars` characters. */
export function renderComment(model: ReportModel, opts: MarkdownOptions = {}): RenderedMarkdown {
  return fit(model, "comment", COMMENT_LEVELS, opts.maxChars ?? GITHUB_COMMENT_LIMIT - COMMENT_HEADROOM, opts);
}

/** The job summary: the same report under a level-2 heading, with room for more cases. */
export function renderJobSummary(model: ReportModel, opts: MarkdownOptions = {}): RenderedMarkdown {
  return fit(model, "summary", SUMMARY_LEVELS, opts.maxChars ?? GITHUB_SUMMARY_LIMIT, opts);
}
