// A plain markdown rendering of a comparison for report.md. Interim: the report domain's renderer
// (src/core/report) replaces this call when the branches are merged. Untrusted text (case ids,
// metric names, run paths) goes through escapeMarkdown.
import type { Comparison, MetricComparison } from "./types.js";

/** Neutralise markdown, raw HTML, @mentions and table pipes in untrusted text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(/@/g, "@\u200b");
}

const num = (x: number | null, digits = 4): string => (x === null || !Number.isFinite(x) ? "–" : Number(x.toPrecision(digits)).toString());
const signed = (x: number | null, digits = 4): string => (x === null || !Number.isFinite(x) ? "–" : `${x > 0 ? "+" : ""}${num(x, digits)}`);
const ci = (c: [number, number] | null): string => (c ? `[${signed(c[0], 3)}, ${signed(c[1], 3)}]` : "–");
const p = (x: number | null): string => (x === null ? "–" : x < 1e-4 ? "<0.0001" : num(x, 2));

function metricLine(m: MetricComparison): string {
  const flips = m.broke === null ? "–" : `${m.broke} / ${m.fixed}`;
  return `| ${escapeMarkdown(m.name)}${m.gated ? " (gated)" : ""} | ${num(m.baseline.mean)} | ${num(m.candidate.mean)} | ${signed(m.delta)} | ${ci(m.ci)} | ${m.test} | ${p(m.p_value)} | ${p(m.p_holm)} | ${m.n} | ${num(m.mde, 2)} | ${flips} |`;
}

export function renderComparisonMarkdown(c: Comparison): string {
  const lines: string[] = [];
  const verdict = c.gate ? `**${c.gate.verdict.toUpperCase()}**${c.gate.blocking ? " (blocking)" : ""}` : "not gated";
  lines.push(`# Comparison: candidate vs baseline`, "", `Gate: ${verdict} · ${c.paired_cases} paired cases · ${Math.round(c.confidence * 100)}% intervals`, "");
  if (c.gate && c.gate.reasons.length) lines.push(...c.gate.reasons.map((r) => `- ${escapeMarkdown(r)}`), "");
  lines.push(
    "| metric | baseline | candidate | Δ | CI for Δ | test | p | p (Holm) | n | MDE | broke / fixed |",
    "| --- | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...c.metrics.map(metricLine),
    "",
  );
  const lat = c.operational.latency;
  lines.push(
    "| operational | baseline | candidate | Δ |",
    "| --- | ---: | ---: | ---: |",
    `| latency p50 (ms) | ${num(lat.baseline.p50)} | ${num(lat.candidate.p50)} | ${signed(lat.delta_p50)} |`,
    `| latency p95 (ms) | ${num(lat.baseline.p95)} | ${num(lat.candidate.p95)} | ${signed(lat.delta_p95)} ${ci(lat.delta_p95_ci)} |`,
    `| tokens per case | ${num(c.operational.tokens.baseline.per_case)} | ${num(c.operational.tokens.candidate.per_case)} | ${signed(c.operational.tokens.delta_per_case)} |`,
  );
  const cost = c.operational.cost;
  if (cost) lines.push(`| cost per case${cost.currency ? ` (${escapeMarkdown(cost.currency)})` : ""} | ${num(cost.baseline.per_case)} | ${num(cost.candidate.per_case)} | ${signed(cost.delta_per_case)} ${ci(cost.delta_per_case_ci)} |`);
  lines.push("");
  const broke = c.flips.filter((f) => f.direction === "broke");
  const fixed = c.flips.filter((f) => f.direction === "fixed");
  for (const [title, list] of [
    ["Broke (pass → fail)", broke],
    ["Fixed (fail → pass)", fixed],
  ] as const) {
    if (list.length === 0) continue;
    lines.push(`## ${title}: ${list.length}`, "", ...list.slice(0, 50).map((f) => `- ${escapeMarkdown(f.metric)}: ${escapeMarkdown(f.case_id)}`));
    if (list.length > 50) lines.push(`- … and ${list.length - 50} more`);
    lines.push("");
  }
  const os = c.one_sided;
  if (os.baseline_only.length || os.candidate_only.length) {
    lines.push(
      "## Cases on one side only (not paired)",
      "",
      `- baseline only (${os.baseline_only.length}): ${os.baseline_only.slice(0, 20).map(escapeMarkdown).join(", ")}${os.baseline_only.length > 20 ? ", …" : ""}`,
      `- candidate only (${os.candidate_only.length}): ${os.candidate_only.slice(0, 20).map(escapeMarkdown).join(", ")}${os.candidate_only.length > 20 ? ", …" : ""}`,
      "",
    );
  }
  const warnings = [...c.baseline.warnings, ...c.candidate.warnings, ...c.metrics.flatMap((m) => m.notes.map((n) => `${m.name}: ${n}`))];
  if (warnings.length) lines.push("## Notes", "", ...warnings.map((w) => `- ${escapeMarkdown(w)}`), "");
  lines.push(
    "## Provenance",
    "",
    `- baseline: \`${c.baseline.results_sha256.slice(0, 12)}\` results.jsonl, ${c.baseline.counts.records} records${c.baseline.suite ? `, suite ${escapeMarkdown(c.baseline.suite.name)} (${c.baseline.suite.hash.slice(0, 12)})` : ""}`,
    `- candidate: \`${c.candidate.results_sha256.slice(0, 12)}\` results.jsonl, ${c.candidate.counts.records} records${c.candidate.suite ? `, suite ${escapeMarkdown(c.candidate.suite.name)} (${c.candidate.suite.hash.slice(0, 12)})` : ""}`,
    `- policy: ${escapeMarkdown(c.provenance.policy_source)}; bootstrap ${c.bootstrap.resamples} resamples, seed ${c.bootstrap.seed}; llmops ${c.provenance.llmops_version}`,
    "",
  );
  return lines.join("\n");
}
