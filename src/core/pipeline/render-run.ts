// The job summary of a pipeline run: one row per stage (what happened and why), then the verdicts.
import { markdownTable } from "markdown-table";
import type { PipelineRun } from "../contracts/pipeline-run.js";
import { escapeMarkdownText as escapeMarkdown } from "../report/escape.js";

const ICON: Record<string, string> = { ran: "▶ ran", restored: "↺ cached", "up-to-date": "= up to date", failed: "✗ failed", skipped: "■ skipped", "not-selected": "· not selected" };

export function renderRunSummary(run: PipelineRun): string {
  const rows = run.stages.map((s) => [escapeMarkdown(s.name), ICON[s.outcome] ?? s.outcome, `${s.duration_s.toFixed(1)} s`, `\`${s.key.slice(0, 12)}\``, escapeMarkdown(s.reason)]);
  const ran = run.stages.filter((s) => s.outcome === "ran").length;
  const lines = [
    `### llmops pipeline \`${escapeMarkdown(run.pipeline.name)}\`: ${run.status}`,
    "",
    `${ran} stage(s) ran, ${run.stages.filter((s) => s.outcome === "restored").length} restored from the cache, in ${run.duration_s.toFixed(1)} s${run.commit ? ` at \`${run.commit.slice(0, 7)}\`` : ""}.`,
    "",
    markdownTable([["stage", "outcome", "time", "key", "why"], ...rows]),
  ];
  if (run.baseline) {
    lines.push("", `Baseline \`${escapeMarkdown(run.baseline.rev)}\` (\`${run.baseline.commit.slice(0, 7)}\`):`);
    for (const c of run.baseline.comparisons) lines.push(`- ${escapeMarkdown(c.stage)}: **${c.verdict.toUpperCase()}**`);
  }
  return `${lines.join("\n")}\n`;
}
