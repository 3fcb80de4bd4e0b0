// A Mermaid xychart GitHub draws inline in the comment: baseline and candidate side by side for
// each metric, on one 0–100 axis. (xychart draws every bar up from the axis minimum, so bars of a
// negative Δ would read as the wrong region; Δ with its interval is in the table and in the HTML
// report's forest plot.) Labels pass through the Mermaid sanitiser.
import type { Comparison } from "../compare/types.js";
import { sanitizeMermaidLabel } from "./escape.js";

const MAX_METRICS = 8;

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Mermaid source (without the fence), or null when no metric has both means in [0,1] — only those
 * share the 0–100 axis (×100: a rate in %, a score in points). Horizontal past three metrics, so
 * the labels have room.
 */
export function renderMermaidMetricChart(c: Comparison): string | null {
  const inUnit = (v: number | null): v is number => v !== null && Number.isFinite(v) && v >= 0 && v <= 1;
  const rows = c.metrics.filter((m) => inUnit(m.baseline.mean) && inUnit(m.candidate.mean)).slice(0, MAX_METRICS);
  if (rows.length === 0) return null;
  const labels: string[] = [];
  const values: number[] = [];
  for (const m of rows) {
    const name = sanitizeMermaidLabel(m.name, 20);
    labels.push(`"${name} · base"`, `"${name} · cand"`);
    values.push(round(m.baseline.mean! * 100), round(m.candidate.mean! * 100));
  }
  const axis = rows.every((m) => m.kind === "binary") ? "pass rate (%)" : "score × 100";
  return [
    `xychart-beta${rows.length > 3 ? " horizontal" : ""}`,
    `    title "Baseline (base) vs candidate (cand) per metric"`,
    `    x-axis [${labels.join(", ")}]`,
    `    y-axis "${axis}" 0 --> 100`,
    `    bar [${values.join(", ")}]`,
  ].join("\n");
}
