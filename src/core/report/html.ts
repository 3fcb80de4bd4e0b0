// The HTML report: one self-contained file for the workflow artifact and for local runs. No
// network (a CSP that allows only its own inline style and script, by hash), every case embedded
// as JSON and browsable with filters and search, charts as inline SVG.
import { createHash } from "node:crypto";
import type { Comparison, RunRef } from "../compare/types.js";
import { escapeHtml, escapeScriptJson, safeUrl, sanitizeText, truncateText } from "./escape.js";
import {
  VERDICT_LABEL,
  formatConfidence,
  formatCount,
  formatDelta,
  formatInterval,
  formatMoney,
  formatMs,
  formatPWithHolm,
  formatSignedCount,
  formatSignedMs,
  formatValue,
} from "./format.js";
import { explainCheck, failingChecks } from "./explain.js";
import { REPORT_CSS, REPORT_SCRIPT } from "./html-assets.js";
import type { CaseDetail, CaseSide, ReportModel } from "./model.js";
import type { Verdict } from "../gate/types.js";

// Text symbols every system font has (colour emoji are missing on many Linux desktops).
const SYMBOL: Record<Verdict, string> = { pass: "✔", fail: "✘", inconclusive: "⚠" };
import { reportTitle } from "./sections.js";
import { renderDeltaSvg, renderLatencySvg } from "./svg.js";

/** Characters kept of each embedded text (input, expected, output); the rest is cut, saying so. */
export const HTML_TEXT_LIMIT = 50_000;
/** Budget for all embedded texts together, so a huge run still gives a file a browser opens. */
export const HTML_TEXT_BUDGET = 64_000_000;
const HTML_TEXT_FLOOR = 2_000;

/** Per-text limit: HTML_TEXT_LIMIT, lowered for runs whose texts would exceed the budget. */
export function htmlTextLimit(cases: number): number {
  return Math.max(HTML_TEXT_FLOOR, Math.min(HTML_TEXT_LIMIT, Math.floor(HTML_TEXT_BUDGET / Math.max(1, cases * 5))));
}

function sha256Base64(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64");
}

/** The Content-Security-Policy: nothing from anywhere, except our own style and script. */
export function reportCsp(): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(REPORT_SCRIPT)}'`,
    `style-src 'sha256-${sha256Base64(REPORT_CSS)}'`,
    "img-src 'none'",
    "connect-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const h = (text: string) => escapeHtml(sanitizeText(text));

function clip(text: string | null, limit: number): string | null {
  if (text === null) return null;
  const { text: kept, cut } = truncateText(sanitizeText(text), limit);
  return cut > 0 ? `${kept}\n… ⟨${cut} more characters⟩` : kept;
}

/** Object keys are metric names: untrusted too. */
function cleanKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [sanitizeText(k), v]));
}

function sideData(s: CaseSide | null, limit: number) {
  if (!s) return null;
  return { output: clip(s.output, limit), error: clip(s.error, limit), scores: cleanKeys(s.scores), pass: cleanKeys(s.pass), latency_ms: s.latency_ms, repeats: s.repeats };
}

function caseData(d: CaseDetail, limit: number) {
  const expected = d.expected === null || d.expected === undefined ? null : typeof d.expected === "string" ? d.expected : JSON.stringify(d.expected, null, 2);
  return { id: sanitizeText(d.case_id), input: clip(d.input, limit), expected: clip(expected, limit), baseline: sideData(d.baseline, limit), candidate: sideData(d.candidate, limit), flips: cleanKeys(d.flips) };
}

function verdictBlock(model: ReportModel): string {
  const c = model.comparison;
  const title = h(reportTitle(model));
  if (!c.gate) return `<header class="verdict info"><h1 id="verdict">ℹ NO GATE — ${title}</h1><p id="why">No gate policy applies: the numbers are for information; nothing was decided.</p></header>`;
  const { word } = VERDICT_LABEL[c.gate.verdict];
  const emoji = SYMBOL[c.gate.verdict];
  const why =
    c.gate.verdict === "pass"
      ? `All ${c.gate.checks.length} gate checks passed on ${c.paired_cases} paired cases at ${formatConfidence(c.confidence)} confidence.`
      : failingChecks(c)[0] ? `${explainCheck(c, failingChecks(c)[0]!)}.` : (c.gate.reasons[0] ?? "A gate check did not pass.");
  return `<header class="verdict ${c.gate.verdict}"><h1 id="verdict">${emoji} ${word} — ${title}</h1><p id="why">${h(why)}</p></header>`;
}

function statusOf(c: Comparison, subject: string): string {
  const checks = c.gate?.checks.filter((k) => k.subject === subject) ?? [];
  const v = checks.find((k) => k.verdict === "fail") ?? checks.find((k) => k.verdict === "inconclusive") ?? checks[0];
  return v ? `<span class="status-${v.verdict}">${SYMBOL[v.verdict]} ${v.verdict}</span>` : `<span class="muted">not gated</span>`;
}

function pHtml(m: Comparison["metrics"][number], alpha: number): string {
  const { p, holm } = formatPWithHolm(m, alpha);
  return `${h(p)}${holm ? ` <span class="muted">(${h(holm)})</span>` : ""}`;
}

/** Under the metric table, once: which interval goes with which p. */
function holmNote(c: Comparison): string {
  if (!c.metrics.some((m) => formatPWithHolm(m, 1 - c.confidence).holm)) return "";
  const family = c.metrics.filter((m) => m.gated && m.p_holm !== null).length;
  return ` The Δ interval and p of each row come from one test (p &lt; ${h(formatConfidence(1 - c.confidence))} exactly when the interval excludes 0). Holm: p adjusted across ${family} gated metrics, shown with the interval at Holm's step level for that metric, which agrees with it (not a simultaneous interval).`;
}

function metricTable(c: Comparison): string {
  const rows = c.metrics.map(
    (m) =>
      `<tr><td>${h(m.name)}</td><td class="num">${formatValue(m, m.baseline.mean)}</td><td class="num">${formatValue(m, m.candidate.mean)}</td><td class="num">${h(`${formatDelta(m, m.delta)} ${formatInterval(m, m.ci)}`)}</td><td class="num">${pHtml(m, 1 - c.confidence)}</td><td class="num">${m.broke ?? "—"} / ${m.fixed ?? "—"}</td><td>${statusOf(c, m.name)}</td></tr>`,
  );
  return `<table class="metrics"><thead><tr><th>metric</th><th class="num">baseline</th><th class="num">candidate</th><th class="num">Δ (${formatConfidence(c.confidence)} CI)</th><th class="num">p</th><th class="num">broke / fixed</th><th>status</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function operationalTable(c: Comparison): string {
  const o = c.operational;
  const rows = [
    ["latency p50", formatMs(o.latency.baseline.p50), formatMs(o.latency.candidate.p50), formatSignedMs(o.latency.delta_p50)],
    ["latency p95", formatMs(o.latency.baseline.p95), formatMs(o.latency.candidate.p95), formatSignedMs(o.latency.delta_p95)],
    ["tokens per case", formatCount(o.tokens.baseline.per_case), formatCount(o.tokens.candidate.per_case), formatSignedCount(o.tokens.delta_per_case)],
  ];
  if (o.cost) rows.push(["cost per case", formatMoney(o.cost.baseline.per_case, o.cost.currency), formatMoney(o.cost.candidate.per_case, o.cost.currency), formatMoney(o.cost.delta_per_case, o.cost.currency)]);
  return `<table><thead><tr><th></th><th class="num">baseline</th><th class="num">candidate</th><th class="num">Δ</th></tr></thead><tbody>${rows
    .map((r) => `<tr><td>${r[0]}</td>${r.slice(1).map((v) => `<td class="num">${h(v!)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

function gateList(c: Comparison): string {
  if (!c.gate || c.gate.checks.length === 0) return `<p class="muted">No gate checks.</p>`;
  const items = c.gate.checks.map((k) => `<li><span class="status-${k.verdict}">${SYMBOL[k.verdict]} ${k.verdict}</span> <code>${h(k.id)}</code>: ${h(explainCheck(c, k))}</li>`);
  return `<ul>${items.join("")}</ul><p class="muted">Policy: ${h(c.gate.policy_source)}; inconclusive counts as ${h(c.gate.policy.inconclusive)}.</p>`;
}

function prov(run: RunRef, ...path: string[]): string {
  let v: unknown = run.provenance;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : "—";
}

function provenance(model: ReportModel): string {
  const c = model.comparison;
  const row = (label: string, f: (r: RunRef) => string) => `<tr><td>${label}</td><td><code>${h(f(c.baseline))}</code></td><td><code>${h(f(c.candidate))}</code></td></tr>`;
  const links = [
    ...(safeUrl(model.context.runUrl) ? [{ label: "workflow run", url: safeUrl(model.context.runUrl)! }] : []),
    ...(model.context.links ?? []).flatMap((l) => (safeUrl(l.url) ? [{ label: l.label, url: safeUrl(l.url)! }] : [])),
  ];
  return `<table><thead><tr><th></th><th>baseline</th><th>candidate</th></tr></thead><tbody>${[
    row("run directory", (r) => r.dir),
    row("commit", (r) => prov(r, "git", "commit")),
    row("suite", (r) => (r.suite ? `${r.suite.name} ${r.suite.hash}` : "—")),
    row("dataset hash", (r) => prov(r, "dataset_hash")),
    row("prompt hash", (r) => prov(r, "prompt_hash")),
    row("target", (r) => `${prov(r, "target", "model")} via ${prov(r, "target", "provider")}`),
    row("results.jsonl sha256", (r) => r.results_sha256),
    row("cases · records · errors", (r) => `${r.counts.cases} · ${r.counts.records} · ${r.counts.errors}`),
  ].join("")}</tbody></table>
<ul class="muted">${[
    ...c.provenance.methods,
    ...c.baseline.warnings.map((w) => `⚠ baseline: ${w}`),
    ...c.candidate.warnings.map((w) => `⚠ candidate: ${w}`),
    ...c.metrics.flatMap((m) => m.notes.map((n) => `⚠ ${m.name}: ${n}`)),
  ]
    .map((m) => `<li>${h(m)}</li>`)
    .join("")}</ul>
<p class="muted">llmops ${h(c.provenance.llmops_version)} · compared ${h(c.provenance.created_at)}${links.map((l) => ` · <a href="${escapeHtml(l.url)}" rel="noopener noreferrer">${h(l.label)}</a>`).join("")}</p>`;
}

function casesSection(model: ReportModel): string {
  const options = model.comparison.metrics.map((m) => `<option value="${h(m.name)}">${h(m.name)}</option>`).join("");
  const note = model.cases.length === 0 ? `<p class="muted">The runs' results.jsonl were not given to the report: no case details.</p>` : "";
  return `<section id="cases"><h2>Cases</h2>${note}
<div class="filters" role="toolbar" aria-label="Filter cases">
<button type="button" data-filter="all" aria-pressed="true">All <span class="count"></span></button>
<button type="button" data-filter="broke" aria-pressed="false">Broke <span class="count"></span></button>
<button type="button" data-filter="fixed" aria-pressed="false">Fixed <span class="count"></span></button>
<button type="button" data-filter="failing" aria-pressed="false">Failing <span class="count"></span></button>
<label>Metric <select id="metric"><option value="">all metrics</option>${options}</select></label>
<input id="search" type="search" placeholder="Search case id, input, expected, outputs…" aria-label="Search cases">
</div>
<p id="shown" class="muted" aria-live="polite"></p>
<table id="case-table"><thead><tr><th>case</th><th>status</th><th>scores (baseline → candidate)</th><th class="num">latency</th></tr></thead><tbody></tbody></table>
<p class="muted">Click a row for its input, expected value and both outputs (each cut at ${htmlTextLimit(model.cases.length).toLocaleString("en-US")} characters).</p></section>`;
}

/** The whole report as one HTML document. Pure: the same model gives the same bytes. */
export function renderHtmlReport(model: ReportModel): string {
  const c = model.comparison;
  const limit = htmlTextLimit(model.cases.length);
  const data = {
    metrics: c.metrics.map((m) => ({ name: sanitizeText(m.name), kind: m.kind, higher_is_better: m.higher_is_better })),
    cases: model.cases.map((d) => caseData(d, limit)),
  };
  const title = `${c.gate ? VERDICT_LABEL[c.gate.verdict].word : "NO GATE"} — ${reportTitle(model)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${verdictBlock(model)}
<section><h2>Metrics</h2>${metricTable(c)}
<p class="muted">${c.paired_cases} paired cases${c.one_sided.baseline_only.length + c.one_sided.candidate_only.length > 0 ? ` · not paired: ${c.one_sided.baseline_only.length} baseline-only, ${c.one_sided.candidate_only.length} candidate-only` : ""}.${holmNote(c)}</p>
<div class="charts">${renderDeltaSvg(c)}${renderLatencySvg(c, model.cases)}</div></section>
<section><h2>Latency, tokens, cost</h2>${operationalTable(c)}</section>
<section><h2>Gate checks</h2>${gateList(c)}</section>
${casesSection(model)}
<section><h2>Provenance</h2>${provenance(model)}</section>
<footer>Generated by llmops. This file is self-contained and makes no network request.</footer>
<script type="application/json" id="llmops-data">${escapeScriptJson(data)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
