// The k-arm report (arms.md): per metric the verdict (a winner, or which arms cannot be told apart
// and the cases that would separate them), the compact arms × metrics matrix (each variant's Δ
// against the control with its Holm interval), every pair, the cases where the arms disagree
// most, and the methods. Arm names, metric names and case ids are untrusted: escaped here.
import { markdownTable } from "markdown-table";
import type { MetricKind } from "../compare/types.js";
import type { ArmPair, ArmsComparison } from "../contracts/arms.js";
import { escapeMarkdownText } from "./escape.js";
import { formatConfidence, formatDelta, formatInterval, formatP, formatValue } from "./format.js";

const NAME_MAX = 60;
const esc = (s: string) => escapeMarkdownText(s, { maxLength: NAME_MAX });
const kindOf = (kind: string) => ({ kind: kind as MetricKind });

function pairOf(a: ArmsComparison, metric: string, arm: string, versus: string): ArmPair | undefined {
  return a.pairs.find((p) => p.metric === metric && p.arm === arm && p.versus === versus);
}

/** arm | metric… : the control's mean; each variant's mean and Δ vs the control [Holm interval]. */
function renderMatrix(a: ArmsComparison): string {
  const control = a.arms[0]!.name;
  const header = ["arm", ...a.metrics.map((m) => esc(m.name))];
  const rows = a.arms.map((arm, i) => [
    `${esc(arm.name)}${i === 0 ? " (control)" : ""}`,
    ...a.metrics.map((m) => {
      const k = kindOf(m.kind);
      const mean = formatValue(k, m.means[i] ?? null);
      if (i === 0) return mean;
      const p = pairOf(a, m.name, arm.name, control);
      if (!p) return mean;
      const win = m.winner === arm.name ? " 🏆" : "";
      return `${mean} · ${formatDelta(k, p.delta)} ${formatInterval(k, p.ci_holm)}${win}`.trim();
    }),
  ]);
  return markdownTable([header, ...rows], { align: ["l", ...a.metrics.map(() => "r" as const)] });
}

function renderPairs(a: ArmsComparison): string {
  const alpha = 1 - a.confidence;
  const rows = a.pairs.map((p) => {
    const m = a.metrics.find((x) => x.name === p.metric)!;
    const k = kindOf(m.kind);
    return [
      esc(p.metric),
      `${esc(p.arm)} − ${esc(p.versus)}`,
      `${formatDelta(k, p.delta)} ${formatInterval(k, p.ci)}`.trim(),
      formatP(p.p_value, alpha),
      `${formatP(p.p_holm, alpha)} ${formatInterval(k, p.ci_holm)}`.trim(),
      p.cases_to_separate === null ? "—" : `~${p.cases_to_separate.toLocaleString("en-US")}`,
    ];
  });
  return markdownTable(
    [["metric", "pair", `Δ (${formatConfidence(a.confidence)} CI)`, "p", "Holm p [interval at its step]", "cases to separate"], ...rows],
    { align: ["l", "l", "r", "r", "r", "r"] },
  );
}

function renderDisagreements(a: ArmsComparison): string {
  if (a.disagreements.length === 0) return "_The arms agree on every shared case._";
  const metric = a.disagreements[0]!.metric;
  const k = kindOf(a.metrics.find((m) => m.name === metric)?.kind ?? "continuous");
  // A 0/1 metric's case value is a pass or a fail (a share when there were repeats).
  const cell = (v: number) => (k.kind === "binary" && (v === 0 || v === 1) ? (v === 1 ? "pass" : "fail") : formatValue(k, v));
  const rows = a.disagreements.map((d) => [esc(d.case_id), ...d.values.map(cell)]);
  return `On ${esc(metric)}:\n\n${markdownTable([["case", ...a.arms.map((x) => esc(x.name))], ...rows], { align: ["l", ...a.arms.map(() => "r" as const)] })}`;
}

export function renderArmsMarkdown(a: ArmsComparison): string {
  const control = a.arms[0]!.name;
  const variants = a.arms.slice(1).map((x) => esc(x.name));
  const verdicts = a.metrics.map((m) => `- **${esc(m.name)}**: ${m.winner ? "🏆 " : ""}${escapeMarkdownText(m.verdict, { maxLength: 600 })}`);
  const missing = Object.entries(a.not_shared).map(([arm, ids]) => `${esc(arm)}: ${ids.length}`);
  return [
    `### llmops k-arm comparison: ${esc(control)} (control) vs ${variants.join(", ")}`,
    "",
    `${a.shared_cases} cases shared by all ${a.arms.length} arms${missing.length ? ` (not shared, left out — ${missing.join(", ")})` : ""} · ${formatConfidence(a.confidence)} intervals · Holm across ${a.holm_family} pairs × metrics.`,
    "",
    ...verdicts,
    "",
    `Each variant's mean, then Δ against the control with its Holm interval (the interval at Holm's step level for that pair; it excludes 0 exactly when the Holm-adjusted p < ${formatConfidence(1 - a.confidence)}):`,
    "",
    renderMatrix(a),
    "",
    "<details>",
    `<summary>Every pair (${a.pairs.length})</summary>`,
    "",
    "The Δ interval and p are the pair's own test (they agree with each other); the Holm columns are adjusted across the whole experiment and decide the verdicts.",
    "",
    renderPairs(a),
    "",
    "</details>",
    "",
    "<details>",
    `<summary>Cases where the arms disagree most (${a.disagreements.length})</summary>`,
    "",
    renderDisagreements(a),
    "",
    "</details>",
    "",
    "<details>",
    "<summary>Methods</summary>",
    "",
    ...a.provenance.methods.map((m) => `- ${escapeMarkdownText(m, { maxLength: 400 })}`),
    "",
    "</details>",
    "",
  ].join("\n");
}
