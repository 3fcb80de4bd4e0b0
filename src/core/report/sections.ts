// The parts of the markdown report, each a pure function of the model. markdown.ts assembles them
// and fits the result in GitHub's size limit.
import { markdownTable } from "markdown-table";
import type { Comparison, Flip, MetricComparison, RunRef } from "../compare/types.js";
import type { GateCheck, Verdict } from "../gate/types.js";
import { escapeHtmlText, escapeMarkdownText, renderCodeBlock, renderCodeSpan, safeUrl } from "./escape.js";
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
import { renderMermaidMetricChart } from "./mermaid.js";
import type { CaseDetail, ReportModel } from "./model.js";

const NAME_MAX = 60;

export function reportTitle(model: ReportModel): string {
  return model.context.title ?? `llmops eval: ${model.comparison.candidate.suite?.name ?? model.comparison.baseline.suite?.name ?? "comparison"}`;
}

/** Heading with the verdict, then one sentence saying why. */
export function renderVerdict(model: ReportModel, level: 2 | 3): string {
  const c = model.comparison;
  const hashes = "#".repeat(level);
  const title = escapeMarkdownText(reportTitle(model), { maxLength: 120 });
  if (!c.gate) {
    return `${hashes} ℹ️ NO GATE — ${title}\n\nNo gate policy applies: the numbers below are for information; nothing was decided.\n`;
  }
  const { emoji, word } = VERDICT_LABEL[c.gate.verdict];
  return `${hashes} ${emoji} ${word} — ${title}\n\n${verdictSentence(c)}\n`;
}

function verdictSentence(c: Comparison): string {
  const gate = c.gate!;
  const gated = gate.checks.length;
  if (gate.verdict === "pass") {
    return `All ${gated} gate check${gated === 1 ? "" : "s"} passed on ${c.paired_cases} paired cases at ${formatConfidence(c.confidence)} confidence.`;
  }
  const bad = failingChecks(c);
  const first = bad[0] ? explainCheck(c, bad[0]) : (gate.reasons[0] ?? "a gate check did not pass").replace(/^(FAIL|INCONCLUSIVE): /, "");
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more below)` : "";
  const tail = gate.verdict === "inconclusive" ? ` ${inconclusiveAdvice(gate.checks, gate.blocking)}` : "";
  return `**${escapeMarkdownText(first, { maxLength: 300 })}**${more}.${tail}`;
}

function inconclusiveAdvice(checks: GateCheck[], blocking: boolean): string {
  const needed = checks.map((k) => k.cases_needed).filter((n): n is number => n !== null);
  const repeats = checks.map((k) => k.repeats_needed).filter((n): n is number => n !== null);
  const parts: string[] = [];
  if (needed.length) parts.push(`about ${formatCount(Math.max(...needed))} paired cases`);
  if (repeats.length) parts.push(`${Math.max(...repeats)} repeats per case`);
  const advice = parts.length ? `The data cannot decide yet; ${parts.join(" or ")} would likely settle it.` : "The data cannot decide yet.";
  return `${advice} ${blocking ? "This blocks the merge under the policy." : "This does not block the merge under the policy."}`;
}

const VERDICT_RANK: Record<Verdict, number> = { pass: 0, inconclusive: 1, fail: 2 };

function worst(checks: GateCheck[]): Verdict | null {
  return checks.reduce<Verdict | null>((acc, k) => (acc === null || VERDICT_RANK[k.verdict] > VERDICT_RANK[acc] ? k.verdict : acc), null);
}

function metricStatus(c: Comparison, m: MetricComparison): string {
  const v = worst(c.gate?.checks.filter((k) => k.subject === m.name) ?? []);
  if (v) return `${VERDICT_LABEL[v].emoji} ${VERDICT_LABEL[v].word.toLowerCase()}`;
  if (!m.ci || m.delta === null) return "not gated";
  const better = m.higher_is_better ? m.ci[0] > 0 : m.ci[1] < 0;
  const worse = m.higher_is_better ? m.ci[1] < 0 : m.ci[0] > 0;
  return better ? "▲ better · not gated" : worse ? "▼ worse · not gated" : "≈ unclear · not gated";
}

function pCell(m: MetricComparison, alpha: number): string {
  const { p, holm } = formatPWithHolm(m, alpha);
  return holm ? `${p} (${holm})` : p;
}

/** metric | baseline | candidate | Δ (CI) | p | status; at most `maxRows` rows, saying how many were left out. */
export function renderMetricTable(c: Comparison, maxRows = Number.POSITIVE_INFINITY): string {
  if (c.metrics.length === 0) return "_No metric in common between the two runs._\n";
  const rows = c.metrics.slice(0, maxRows).map((m) => [
    escapeMarkdownText(m.name, { maxLength: NAME_MAX }),
    formatValue(m, m.baseline.mean),
    formatValue(m, m.candidate.mean),
    `${formatDelta(m, m.delta)} ${formatInterval(m, m.ci)}`.trim(),
    pCell(m, 1 - c.confidence),
    metricStatus(c, m),
  ]);
  const table = markdownTable([["metric", "baseline", "candidate", `Δ (${formatConfidence(c.confidence)} CI)`, "p", "status"], ...rows], {
    align: ["l", "r", "r", "r", "r", "l"],
  });
  const hidden = c.metrics.length - rows.length;
  return `${table}\n${hidden > 0 ? `\n_${hidden} more metrics in the HTML report._\n` : ""}`;
}

/** What the p column's "Holm" means, once, when the table shows any. */
function holmCaption(c: Comparison): string {
  const family = c.metrics.filter((m) => m.gated && m.p_holm !== null).length;
  if (!c.metrics.some((m) => formatPWithHolm(m, 1 - c.confidence).holm)) return "";
  return `Δ interval and p: each metric alone, one test each (p < ${formatConfidence(1 - c.confidence)} exactly when the interval excludes 0) · Holm: p adjusted across ${family} gated metrics, with the interval at Holm's step level for that metric (agrees with the adjusted p; not simultaneous)`;
}

/** One line under the table: pairing, repeats, flips, tests. */
export function renderMetricCaption(c: Comparison): string {
  const repeats = Math.max(c.baseline.counts.repeats, c.candidate.counts.repeats);
  const flips = c.metrics
    .filter((m) => m.broke !== null && m.fixed !== null && (m.broke > 0 || m.fixed > 0))
    .map((m) => `${escapeMarkdownText(m.name, { maxLength: NAME_MAX })}: ${m.broke} broke, ${m.fixed} fixed`);
  const tests = [...new Set(c.metrics.map((m) => m.test).filter((t) => t !== "none"))];
  const parts = [
    `${c.paired_cases} paired cases`,
    `${repeats} repeat${repeats === 1 ? "" : "s"}`,
    ...flips,
    tests.length ? `tests: ${tests.join(", ")}` : "",
    holmCaption(c),
  ].filter(Boolean);
  const oneSided = c.one_sided.baseline_only.length + c.one_sided.candidate_only.length;
  const warnings = [
    oneSided ? `Not paired: ${c.one_sided.baseline_only.length} case(s) only in the baseline, ${c.one_sided.candidate_only.length} only in the candidate.` : "",
    ...(["baseline", "candidate"] as const).map((side) =>
      c[side].counts.errors > 0 ? `The ${side} has ${c[side].counts.errors} errored record(s) (timeouts, HTTP errors): scored as failures.` : "",
    ),
  ].filter(Boolean);
  const warn = warnings.map((w) => `\n\n⚠️ ${w}`).join("");
  return `<sub>${parts.join(" · ")}</sub>${warn}\n`;
}

/** Latency, tokens and cost, baseline vs candidate. */
export function renderOperationalTable(c: Comparison): string {
  const o = c.operational;
  const status = (subject: string) => {
    const v = worst(c.gate?.checks.filter((k) => k.subject === subject) ?? []);
    return v ? `${VERDICT_LABEL[v].emoji} ${VERDICT_LABEL[v].word.toLowerCase()}` : "";
  };
  const rows: string[][] = [
    ["latency p50", formatMs(o.latency.baseline.p50), formatMs(o.latency.candidate.p50), formatSignedMs(o.latency.delta_p50), ""],
    [
      "latency p95",
      formatMs(o.latency.baseline.p95),
      formatMs(o.latency.candidate.p95),
      `${formatSignedMs(o.latency.delta_p95)}${o.latency.delta_p95_ci ? ` [${formatSignedMs(o.latency.delta_p95_ci[0])}, ${formatSignedMs(o.latency.delta_p95_ci[1])}]` : ""}`,
      status("latency"),
    ],
    [
      "tokens per case",
      formatCount(o.tokens.baseline.per_case),
      formatCount(o.tokens.candidate.per_case),
      formatSignedCount(o.tokens.delta_per_case),
      "",
    ],
  ];
  if (o.cost) {
    const cur = o.cost.currency ? escapeMarkdownText(o.cost.currency, { maxLength: 8 }) : null;
    rows.push([
      "cost per case",
      formatMoney(o.cost.baseline.per_case, cur),
      formatMoney(o.cost.candidate.per_case, cur),
      o.cost.delta_per_case === null ? "—" : `${o.cost.delta_per_case >= 0 ? "+" : ""}${formatMoney(o.cost.delta_per_case, cur)}`,
      status("cost"),
    ]);
  }
  const hasStatus = rows.some((r) => r[4] !== "");
  const header = ["", "baseline", "candidate", "Δ", ...(hasStatus ? ["status"] : [])];
  return `${markdownTable([header, ...rows.map((r) => (hasStatus ? r : r.slice(0, 4)))], { align: ["l", "r", "r", "r", "l"] })}\n`;
}

export function renderChart(c: Comparison): string {
  const chart = renderMermaidMetricChart(c);
  return chart ? `\`\`\`mermaid\n${chart}\n\`\`\`\n` : "";
}

/** Every gate check with its sentence, worst first. */
export function renderGateChecks(c: Comparison): string {
  if (!c.gate || c.gate.checks.length === 0) return "";
  const checks = [...c.gate.checks].sort((a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict]);
  const lines = checks.map((k) => {
    const advice = k.verdict === "inconclusive" && (k.cases_needed !== null || k.repeats_needed !== null)
      ? ` — would likely be decided with ${[k.cases_needed !== null ? `~${formatCount(k.cases_needed)} cases` : "", k.repeats_needed !== null ? `${k.repeats_needed} repeats` : ""].filter(Boolean).join(" or ")}`
      : "";
    return `- ${VERDICT_LABEL[k.verdict].emoji} ${renderCodeSpan(k.id, { maxLength: NAME_MAX })}: ${escapeMarkdownText(explainCheck(c, k), { maxLength: 400 })}${advice}`;
  });
  const policy = `Policy: ${escapeMarkdownText(c.gate.policy_source, { maxLength: 200 })}; inconclusive counts as ${c.gate.policy.inconclusive}.`;
  return `<details>\n<summary>Gate checks (${checks.length})</summary>\n\n${lines.join("\n")}\n\n${policy}\n\n</details>\n`;
}

export interface CaseLimits {
  /** Cases shown per direction (broke, fixed). */
  perKind: number;
  /** Characters kept of each input, expected value and output. */
  textChars: number;
}

function expectedText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? v : JSON.stringify(v, null, 2);
}

/** The comparison's flips by case id, built once per comparison (a big run has many flips and many renders). */
const flipsIndex = new WeakMap<Comparison, Map<string, Flip[]>>();
function flipsOf(c: Comparison, caseId: string): Flip[] {
  let index = flipsIndex.get(c);
  if (!index) {
    index = new Map();
    for (const f of c.flips) {
      const list = index.get(f.case_id);
      if (list) list.push(f);
      else index.set(f.case_id, [f]);
    }
    flipsIndex.set(c, index);
  }
  return index.get(caseId) ?? [];
}

function flipScores(model: ReportModel, caseId: string, direction: "broke" | "fixed"): string {
  return flipsOf(model.comparison, caseId)
    .filter((f) => f.direction === direction)
    .map((f) => {
      const m = model.comparison.metrics.find((x) => x.name === f.metric);
      const fmt = (v: number) => (m?.kind === "binary" && (v === 0 || v === 1) ? (v === 1 ? "pass" : "fail") : m ? formatValue(m, v) : v.toFixed(2));
      return `${f.metric} ${fmt(f.baseline)} → ${fmt(f.candidate)}`;
    })
    .join(", ");
}

/** Flipped cases a rendering names, per direction: the most shown in full (the job summary's 10) and the 30 listed after them. */
export const FLIPPED_CASES_NAMED = 40;
/** The most cases per direction any rendering shows in full (the job summary's first level). */
export const FLIPPED_CASES_SHOWN = 10;

/**
 * Cases that flipped in one direction, most flips first, then by how much they moved, then in
 * flip order: the first `limit` of them (kept by insertion into a list of at most `limit`, never
 * sorting them all) and how many there are.
 */
export function rankFlippedCases(model: Pick<ReportModel, "comparison">, direction: "broke" | "fixed", limit = FLIPPED_CASES_NAMED): { ids: string[]; total: number } {
  if (limit <= FLIPPED_CASES_NAMED) {
    // A comment is rendered at several levels of detail: rank a comparison's flips once.
    const cached = rankCache.get(model.comparison) ?? {};
    const ranked = (cached[direction] ??= rankFlips(model.comparison, direction, FLIPPED_CASES_NAMED));
    rankCache.set(model.comparison, cached);
    return { ids: ranked.ids.slice(0, limit), total: ranked.total };
  }
  return rankFlips(model.comparison, direction, limit);
}

const rankCache = new WeakMap<Comparison, Partial<Record<"broke" | "fixed", { ids: string[]; total: number }>>>();

function rankFlips(comparison: Comparison, direction: "broke" | "fixed", limit: number): { ids: string[]; total: number } {
  type Entry = { id: string; count: number; moved: number; order: number };
  const byCase = new Map<string, Entry>();
  comparison.flips.forEach((f, i) => {
    if (f.direction !== direction) return;
    const e = byCase.get(f.case_id) ?? { id: f.case_id, count: 0, moved: 0, order: i };
    e.count += 1;
    e.moved += Math.abs(f.candidate - f.baseline);
    byCase.set(f.case_id, e);
  });
  const before = (a: Entry, b: Entry) => b.count - a.count || b.moved - a.moved || a.order - b.order;
  const top: Entry[] = [];
  for (const e of byCase.values()) {
    if (top.length === limit && before(e, top[top.length - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(top[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, e);
    if (top.length > limit) top.pop();
  }
  return { ids: top.map((e) => e.id), total: byCase.size };
}

/** The cases whose inputs and outputs any rendering may show: the top flipped cases of each direction. */
export function casesToDetail(comparison: Comparison): Set<string> {
  const model = { comparison };
  return new Set([...rankFlippedCases(model, "broke", FLIPPED_CASES_SHOWN).ids, ...rankFlippedCases(model, "fixed", FLIPPED_CASES_SHOWN).ids]);
}

function renderOneCase(model: ReportModel, id: string, direction: "broke" | "fixed", detail: CaseDetail | undefined, limits: CaseLimits): string {
  const summary = `${escapeHtmlText(id, { maxLength: NAME_MAX })} · ${escapeHtmlText(flipScores(model, id, direction), { maxLength: 200 })}`;
  const parts = [`<details>\n<summary>${summary}</summary>\n`];
  if (!detail) {
    parts.push("_Inputs and outputs unavailable: the runs' results.jsonl were not given to the report._\n");
  } else {
    const block = (label: string, text: string | null) => (text === null ? "" : `**${label}**\n\n${renderCodeBlock(text, { maxLength: limits.textChars })}`);
    const side = (label: string, s: CaseDetail["baseline"]) =>
      s === null
        ? `**${label}**: _absent from this run_\n`
        : s.error && s.output === null
          ? `**${label}**: error ${renderCodeSpan(s.error, { maxLength: 300 })}\n`
          : block(s.repeats > 1 ? `${label} (first of ${s.repeats} repeats)` : label, s.output ?? "");
    parts.push(block("Input", detail.input), block("Expected", expectedText(detail.expected)), side("Baseline output", detail.baseline), side("Candidate output", detail.candidate));
  }
  parts.push("</details>\n");
  return parts.filter(Boolean).join("\n");
}

/** `<details>` sections with the top broke and fixed cases; says how many it leaves out. */
export function renderCaseSections(model: ReportModel, limits: CaseLimits): { text: string; shown: Record<"broke" | "fixed", number>; total: Record<"broke" | "fixed", number> } {
  const byId = new Map(model.cases.map((d) => [d.case_id, d]));
  const shown = { broke: 0, fixed: 0 };
  const total = { broke: 0, fixed: 0 };
  const sections: string[] = [];
  for (const direction of ["broke", "fixed"] as const) {
    const { ids, total: all } = rankFlippedCases(model, direction, limits.perKind + 30);
    total[direction] = all;
    if (all === 0) continue;
    const picked = ids.slice(0, limits.perKind);
    shown[direction] = picked.length;
    const label = direction === "broke" ? "💥 Broke (passed on the baseline, fail on the candidate)" : "🩹 Fixed (failed on the baseline, pass on the candidate)";
    const count = picked.length < all ? `${all} cases, top ${picked.length} shown` : `${all} case${all === 1 ? "" : "s"}`;
    const body = picked.map((id) => renderOneCase(model, id, direction, byId.get(id), limits)).join("\n");
    const rest = all - picked.length;
    const restLine = rest > 0 ? `\n${rest} more: ${ids.slice(limits.perKind, limits.perKind + 30).map((id) => renderCodeSpan(id, { maxLength: 40 })).join(", ")}${rest > 30 ? ", …" : ""}\n` : "";
    sections.push(`<details>\n<summary>${label}: ${count}</summary>\n\n${body}${restLine}\n</details>\n`);
  }
  return { text: sections.join("\n"), shown, total };
}

function prov(run: RunRef, ...path: string[]): string | null {
  let v: unknown = run.provenance;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === "string" && v !== "" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;
}

function hash(h: string | null | undefined): string {
  return h ? renderCodeSpan(h.slice(0, 12)) : "—";
}

function target(run: RunRef): string {
  const model = prov(run, "target", "model");
  const provider = prov(run, "target", "provider");
  if (!model && !provider) return "—";
  return [model ? renderCodeSpan(model, { maxLength: 80 }) : null, provider ? escapeMarkdownText(provider, { maxLength: 40 }) : null].filter(Boolean).join(" via ");
}

function commit(run: RunRef): string {
  const sha = prov(run, "git", "commit");
  const dirty = prov(run, "git", "dirty") === "true" ? " (dirty)" : "";
  return sha ? `${renderCodeSpan(sha.slice(0, 12))}${dirty}` : "—";
}

/** Commits, hashes and targets of both runs, methods, and the links (run URL passed in as data). */
export function renderProvenance(model: ReportModel): string {
  const c = model.comparison;
  const row = (label: string, f: (r: RunRef) => string) => [label, f(c.baseline), f(c.candidate)];
  const table = markdownTable([
    ["", "baseline", "candidate"],
    row("commit", commit),
    row("suite", (r) => (r.suite ? `${escapeMarkdownText(r.suite.name, { maxLength: NAME_MAX })} ${hash(r.suite.hash)}` : "—")),
    row("dataset hash", (r) => hash(prov(r, "dataset_hash"))),
    row("prompt hash", (r) => hash(prov(r, "prompt_hash"))),
    row("target", target),
    row("results.jsonl sha256", (r) => hash(r.results_sha256)),
    row("cases · records · errors", (r) => `${r.counts.cases} · ${r.counts.records} · ${r.counts.errors}`),
  ]);
  const methods = c.provenance.methods.map((m) => `- ${escapeMarkdownText(m, { maxLength: 300 })}`).join("\n");
  const warnings = [
    ...c.baseline.warnings.map((w) => `baseline: ${w}`),
    ...c.candidate.warnings.map((w) => `candidate: ${w}`),
    ...c.metrics.flatMap((m) => m.notes.map((n) => `${m.name}: ${n}`)),
  ]
    .slice(0, 20)
    .map((w) => `- ⚠️ ${escapeMarkdownText(w, { maxLength: 300 })}`)
    .join("\n");
  const body = [table, methods ? `Methods:\n\n${methods}` : "", warnings ? `Warnings and notes:\n\n${warnings}` : ""].filter(Boolean).join("\n\n");
  return `<details>\n<summary>Provenance and methods</summary>\n\n${body}\n\n</details>\n`;
}

/** The one-line footer: commits, llmops version, when, and links. */
export function renderFooter(model: ReportModel): string {
  const c = model.comparison;
  const links = [
    ...(safeUrl(model.context.runUrl) ? [`[workflow run](${safeUrl(model.context.runUrl)})`] : []),
    ...(model.context.links ?? []).flatMap((l) => {
      const url = safeUrl(l.url);
      return url ? [`[${escapeMarkdownText(l.label, { maxLength: 40 })}](${url})`] : [];
    }),
  ];
  const parts = [
    `baseline ${commit(c.baseline)} → candidate ${commit(c.candidate)}`,
    `llmops ${escapeMarkdownText(c.provenance.llmops_version, { maxLength: 20 })}`,
    `compared ${escapeMarkdownText(c.provenance.created_at, { maxLength: 40 })}`,
    ...links,
  ];
  return `<sub>${parts.join(" · ")}</sub>\n`;
}
