// The metric table of one run, as markdown (job summary, CLI) and as plain text (terminal).
import { markdownTable } from "markdown-table";
import { escapeMarkdownText, renderCodeSpan } from "../report/escape.js";
import type { RunSummary } from "./types.js";
import { renderJudges } from "../report/judges.js";

function pct(x: number | null): string {
  return x === null ? "–" : (x * 100).toFixed(1);
}

function ms(x: number | null): string {
  return x === null ? "–" : x < 10 ? x.toFixed(2) : x.toFixed(0);
}

export function summaryRows(s: RunSummary): string[][] {
  return Object.entries(s.metrics).map(([name, m]) => [
    name,
    pct(m.mean),
    m.ci95 ? `[${pct(m.ci95[0])}, ${pct(m.ci95[1])}]` : "–",
    m.se === null ? "–" : pct(m.se),
    m.pass_rate === null ? "–" : `${pct(m.pass_rate)}%`,
    `${m.n}${m.n !== m.n_cases ? ` (${m.n_cases} cases)` : ""}`,
    m.method,
  ]);
}

/** "p95_ms 412 ≤ 800 ✓" lines for run-level budgets. */
export function budgetLines(s: RunSummary): string[] {
  const out: string[] = [];
  for (const [name, m] of Object.entries(s.metrics)) {
    for (const [k, b] of Object.entries(m.budgets ?? {})) {
      const mark = b.pass === null ? "n/a" : b.pass ? "ok" : "OVER BUDGET";
      out.push(`${name} ${k}: ${b.observed === null ? "–" : ms(b.observed)} (budget ${b.budget}) ${mark}`);
    }
  }
  return out;
}

const HEADER = ["metric", "mean ×100", "95% CI", "SE ×100", "pass", "n", "interval"];

/** Markdown for a job summary or a local report. Suite and model names go through the report's escaping. */
export function renderSummaryMarkdown(s: RunSummary): string {
  const lines = [
    `### llmops eval: ${escapeMarkdownText(s.suite.name, { maxLength: 120 })}`,
    "",
    `${s.counts.cases} cases × ${s.counts.repeats} repeat(s) against ${renderCodeSpan(s.provenance.target.model, { maxLength: 200 })}; ${s.counts.errors} error(s).`,
    "",
    markdownTable([HEADER, ...summaryRows(s)], { align: ["l", "r", "c", "r", "r", "r", "l"] }),
    "",
    markdownTable(
      [
        ["latency ms", "mean", "p50", "p95", "p99", "TTFT p50", "TTFT p95"],
        ["", ms(s.latency.mean), ms(s.latency.p50), ms(s.latency.p95), ms(s.latency.p99), ms(s.latency.ttft_p50), ms(s.latency.ttft_p95)],
      ],
      { align: ["l", "r", "r", "r", "r", "r", "r"] },
    ),
    "",
    ...budgetLines(s).map((l) => `- ${l}`),
    "",
    `Tokens: ${s.tokens.prompt} prompt + ${s.tokens.completion} completion${s.cost ? `; cost ${s.cost.total.toFixed(4)} ${s.cost.currency}` : ""}.`,
    "",
    ...(s.judges ? [renderJudges([{ label: null, judges: s.judges }])] : []),
    `<sub>llmops ${s.provenance.llmops_version} · commit ${s.provenance.git.commit?.slice(0, 12) ?? "n/a"}${s.provenance.git.dirty ? " (dirty)" : ""} · suite ${s.provenance.suite_hash.slice(0, 12)} · dataset ${s.provenance.dataset_hash.slice(0, 12)} · prompt ${s.provenance.prompt_hash.slice(0, 12)}</sub>`,
  ];
  return `${lines.join("\n")}\n`;
}

/** Aligned plain text for a terminal. */
export function renderSummaryText(s: RunSummary): string {
  const rows = [HEADER, ...summaryRows(s)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
  const lat = `latency ms: p50 ${ms(s.latency.p50)}  p95 ${ms(s.latency.p95)}  p99 ${ms(s.latency.p99)}  TTFT p50 ${ms(s.latency.ttft_p50)}`;
  const tok = `tokens: ${s.tokens.prompt} prompt + ${s.tokens.completion} completion${s.cost ? `  cost ${s.cost.total.toFixed(4)} ${s.cost.currency}` : ""}`;
  const err = s.counts.errors ? `errors: ${s.errors.map((e) => `${e.count} ${e.kind} (e.g. ${e.example})`).join("; ")}` : "errors: 0";
  const budgets = budgetLines(s);
  const judges = judgeLines(s);
  return `${table}\n${lat}\n${budgets.length ? `${budgets.join("\n")}\n` : ""}${tok}\n${err}\n${judges.length ? `${judges.join("\n")}\n` : ""}`;
}

/** One line per judge for a terminal: verdicts, failures, position bias, agreement. Names and models come from the suite. */
export function judgeLines(s: RunSummary): string[] {
  return Object.entries(s.judges ?? {}).map(([name, j]) => {
    const failed = j.errors.parse + j.errors.request;
    const parts = [`judge ${name} (${j.target.model}): ${j.samples - failed}/${j.samples} verdicts`];
    if (failed) parts.push(`${j.errors.parse} unparsed, ${j.errors.request} failed`);
    const b = j.position_bias;
    if (b) parts.push(`order flips ${pct(b.flip_rate)}%, first-position wins ${pct(b.first_position_win_rate)}%`);
    const c = j.calibration;
    if (c) parts.push(`kappa ${c.kappa === null ? "undefined" : c.kappa.toFixed(3)}${c.ci95 ? ` [${c.ci95[0].toFixed(3)}, ${c.ci95[1].toFixed(3)}]` : ""} (n ${c.n})${c.below_min ? ` BELOW min ${c.min_kappa}` : ""}`);
    parts.push(`${j.usage.requests} requests, ${j.usage.cached} cached, ${j.usage.retries} retries, ${j.usage.prompt_tokens}+${j.usage.completion_tokens} tokens${j.usage.cost !== null ? `, cost ${j.usage.cost.toFixed(4)} ${j.usage.currency ?? ""}` : ""}`);
    return parts.join("; ");
  });
}
