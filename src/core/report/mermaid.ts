// A Mermaid xychart GitHub draws inline in the comment: Δ per metric as bars, the lower and upper
// bounds of its interval as two lines. Labels pass through the Mermaid sanitiser.
import type { Comparison } from "../compare/types.js";
import { sanitizeMermaidLabel } from "./escape.js";
import { formatConfidence } from "./format.js";

const MAX_METRICS = 12;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function niceBound(x: number, up: boolean): number {
  const step = Math.abs(x) <= 2 ? 0.5 : Math.abs(x) <= 10 ? 1 : Math.abs(x) <= 50 ? 5 : 10;
  return (up ? Math.ceil(x / step) : Math.floor(x / step)) * step;
}

/**
 * Mermaid source (without the fence) or null when no metric has a Δ. Values in [0,1] are shown ×100
 * (points), so rates and scores share one axis.
 */
export function renderMermaidDeltaChart(c: Comparison): string | null {
  const rows = c.metrics.filter((m) => m.delta !== null && Number.isFinite(m.delta)).slice(0, MAX_METRICS);
  if (rows.length === 0) return null;
  const unitRange = rows.every((m) => [m.baseline.mean, m.candidate.mean].every((v) => v === null || Math.abs(v) <= 1));
  const scale = unitRange ? 100 : 1;
  const delta = rows.map((m) => round(m.delta! * scale));
  const lo = rows.map((m) => round((m.ci?.[0] ?? m.delta!) * scale));
  const hi = rows.map((m) => round((m.ci?.[1] ?? m.delta!) * scale));
  const min = niceBound(Math.min(0, ...lo, ...delta), false);
  let max = niceBound(Math.max(0, ...hi, ...delta), true);
  if (max === min) max = min + 1;
  const labels = rows.map((m) => `"${sanitizeMermaidLabel(m.name, 24)}"`).join(", ");
  const unit = scale === 100 ? "points" : "units";
  return [
    "xychart-beta",
    `    title "Δ candidate − baseline in ${unit} · bars Δ · lines ${formatConfidence(c.confidence)} CI bounds"`,
    `    x-axis [${labels}]`,
    `    y-axis "Δ (${unit})" ${min} --> ${max}`,
    `    bar [${delta.join(", ")}]`,
    `    line [${lo.join(", ")}]`,
    `    line [${hi.join(", ")}]`,
  ].join("\n");
}
