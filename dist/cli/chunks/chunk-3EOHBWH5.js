#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  collectResults,
  comparisonFormat,
  readResultLine,
  renderJudges,
  resultLineFormat
} from "./chunk-P72PG663.js";
import {
  collectGarbage,
  quantileSorted
} from "./chunk-6OGLGLVE.js";
import {
  markdownTable
} from "./chunk-EI544OTC.js";
import {
  defineOptions,
  json,
  quiet,
  requiredToken
} from "./chunk-KG2AKHTK.js";
import {
  escapeHtml,
  escapeHtmlText,
  escapeMarkdownText,
  escapeScriptJson,
  renderCodeBlock,
  renderCodeSpan,
  safeUrl,
  sanitizeMarkerToken,
  sanitizeMermaidLabel,
  sanitizeText,
  truncateText
} from "./chunk-VQI3AYYW.js";

// src/core/report/model.ts
function mean(xs) {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}
function foldSide(records, metrics) {
  const names = new Set(metrics.map((m) => m.name));
  for (const r of records) for (const k of Object.keys(r.scores)) names.add(k);
  const kindOf2 = new Map(metrics.map((m) => [m.name, m.kind]));
  const scores = {};
  const pass = {};
  for (const name of names) {
    const values = records.map((r) => r.scores[name]?.value).filter((v) => typeof v === "number" && Number.isFinite(v));
    const flags = records.map((r) => r.scores[name]?.pass).filter((p) => typeof p === "boolean");
    const m = mean(values);
    scores[name] = m;
    if (flags.length > 0) pass[name] = flags.filter(Boolean).length * 2 > flags.length;
    else pass[name] = kindOf2.get(name) === "binary" && m !== null ? m >= 0.5 : null;
  }
  const withOutput = records.find((r) => r.output !== null) ?? records[0];
  const err = records.find((r) => r.error)?.error ?? null;
  return {
    output: withOutput?.output ?? null,
    error: err ? `${err.kind}: ${err.message}` : null,
    repeats: records.length,
    scores,
    pass,
    latency_ms: mean(records.map((r) => r.latency_ms).filter((v) => typeof v === "number" && Number.isFinite(v)))
  };
}
function groupByCase(records) {
  const byCase = /* @__PURE__ */ new Map();
  for (const r of records) {
    const list = byCase.get(r.case_id);
    if (list) list.push(r);
    else byCase.set(r.case_id, [r]);
  }
  for (const list of byCase.values()) list.sort((a, b) => a.repeat - b.repeat);
  return byCase;
}
function buildCaseDetails(comparison, baseline, candidate) {
  const base = groupByCase(baseline);
  const cand = groupByCase(candidate);
  const flips = /* @__PURE__ */ new Map();
  for (const f of comparison.flips) {
    const entry = flips.get(f.case_id) ?? {};
    entry[f.metric] = f.direction;
    flips.set(f.case_id, entry);
  }
  const ids = [...cand.keys(), ...[...base.keys()].filter((id) => !cand.has(id))];
  return ids.map((id) => {
    const b = base.get(id);
    const c = cand.get(id);
    const first = (c ?? b)[0];
    return {
      case_id: id,
      input: first.input,
      expected: first.expected,
      baseline: b ? foldSide(b, comparison.metrics) : null,
      candidate: c ? foldSide(c, comparison.metrics) : null,
      flips: flips.get(id) ?? {}
    };
  });
}

// src/core/report/format.ts
var MINUS = "\u2212";
function signed(n2, digits) {
  const s = Math.abs(n2).toFixed(digits);
  if (Number(s) === 0) return `\xB1${s}`;
  return `${n2 < 0 ? MINUS : "+"}${s}`;
}
function plain(n2, digits) {
  const s = n2.toFixed(digits);
  return n2 < 0 && Number(s) !== 0 ? `${MINUS}${s.slice(1)}` : s.replace(/^-/, "");
}
function isRate(m) {
  return m.kind === "binary";
}
function formatValue(m, v) {
  if (v === null || !Number.isFinite(v)) return "\u2014";
  return isRate(m) ? `${(v * 100).toFixed(1)}%` : plain(v, Math.abs(v) >= 10 ? 2 : 3);
}
function formatDelta(m, d) {
  if (d === null || !Number.isFinite(d)) return "\u2014";
  return isRate(m) ? `${signed(d * 100, 1)} pp` : signed(d, 3);
}
function formatInterval(m, ci) {
  if (!ci) return "";
  const digits = isRate(m) ? 1 : 3;
  const f = (x) => {
    const v = isRate(m) ? x * 100 : x;
    return v !== 0 && Number(v.toFixed(digits)) === 0 ? plain(Number(v.toPrecision(1)), 20).replace(/0+$/, "") : plain(v, digits);
  };
  return `[${f(ci[0])}, ${f(ci[1])}]`;
}
function formatP(p, alpha) {
  if (p === null || !Number.isFinite(p)) return "\u2014";
  if (p < 1e-3) return "<0.001";
  if (p >= 0.995) return "1.0";
  let digits = 2;
  while (alpha !== void 0 && p < alpha && Number(p.toPrecision(digits)) >= alpha && digits < 15) digits++;
  return Number(p.toPrecision(digits)).toString().replace(/^(0\.\d)$/, "$10");
}
function formatPWithHolm(m, alpha) {
  const p = formatP(m.p_value, alpha);
  if (!m.gated || m.p_holm === null || m.p_holm === m.p_value) return { p, holm: null };
  const ci = m.ci_holm ? ` ${formatInterval(m, m.ci_holm)}` : "";
  return { p, holm: `Holm ${formatP(m.p_holm, alpha)}${ci}` };
}
function formatMs(ms) {
  if (ms === null || !Number.isFinite(ms)) return "\u2014";
  return ms >= 1e4 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms).toLocaleString("en-US")} ms`;
}
function formatSignedMs(ms) {
  if (ms === null || !Number.isFinite(ms)) return "\u2014";
  return `${ms < 0 ? MINUS : "+"}${formatMs(Math.abs(ms))}`;
}
function formatCount(n2) {
  return n2 === null || !Number.isFinite(n2) ? "\u2014" : Math.round(n2).toLocaleString("en-US");
}
function formatSignedCount(n2) {
  if (n2 === null || !Number.isFinite(n2)) return "\u2014";
  const r = Math.round(n2);
  return r === 0 ? "\xB10" : `${r < 0 ? MINUS : "+"}${Math.abs(r).toLocaleString("en-US")}`;
}
function formatMoney(n2, currency) {
  if (n2 === null || !Number.isFinite(n2)) return "\u2014";
  const digits = Math.abs(n2) >= 1 ? 2 : Math.abs(n2) >= 0.01 ? 4 : 6;
  return `${n2 < 0 ? MINUS : ""}${Math.abs(n2).toFixed(digits)}${currency ? ` ${currency}` : ""}`;
}
function formatConfidence(c) {
  return `${Math.round(c * 1e3) / 10}%`;
}
var VERDICT_LABEL = {
  pass: { emoji: "\u2705", word: "PASS" },
  fail: { emoji: "\u274C", word: "FAIL" },
  inconclusive: { emoji: "\u26A0\uFE0F", word: "INCONCLUSIVE" }
};

// src/core/report/explain.ts
var MINUS2 = "\u2212";
function amount(m, x) {
  return isRate(m) ? `${(Math.abs(x) * 100).toFixed(1)} pp` : Math.abs(x).toFixed(3);
}
function interval(m, ci, conf, asDelta) {
  if (!ci) return "";
  const f = (x) => asDelta ? formatDelta(m, x) : formatValue(m, x);
  return ` (${conf} CI ${f(ci[0])} to ${f(ci[1])})`;
}
function metricSentence(k, m, conf) {
  if (k.estimate === null || k.limit === null) return null;
  const name = m.name;
  const ci = interval(m, k.interval, conf, k.kind !== "floor");
  switch (k.kind) {
    case "non_inferiority": {
      const worse = m.higher_is_better ? k.estimate < 0 : k.estimate > 0;
      const moved = worse ? `got worse by ${amount(m, k.estimate)}` : `changed by ${formatDelta(m, k.estimate)}`;
      if (k.verdict === "fail") return `${name} ${moved}${ci}, more than the ${amount(m, k.limit)} the policy allows`;
      if (k.verdict === "inconclusive") return `${name} ${moved}${ci}: a loss beyond the allowed ${amount(m, k.limit)} cannot be ruled out yet`;
      return `${name} ${moved}${ci}, within the allowed ${amount(m, k.limit)}`;
    }
    case "superiority": {
      if (k.verdict === "fail") return `${name} did not improve by the required ${amount(m, k.limit)}: \u0394 ${formatDelta(m, k.estimate)}${ci}`;
      if (k.verdict === "inconclusive") return `${name} moved by ${formatDelta(m, k.estimate)}${ci}, not yet shown to beat the required ${amount(m, k.limit)}`;
      return `${name} improved by ${amount(m, k.estimate)}${ci}, more than the required ${amount(m, k.limit)}`;
    }
    case "floor": {
      const bound = m.higher_is_better ? "floor" : "ceiling";
      const lim = formatValue(m, k.limit);
      if (k.verdict === "fail") return `${name} is ${formatValue(m, k.estimate)}${ci}, on the wrong side of the ${bound} of ${lim}`;
      if (k.verdict === "inconclusive") return `${name} is ${formatValue(m, k.estimate)}${ci}, too close to the ${bound} of ${lim} to tell`;
      return `${name} is ${formatValue(m, k.estimate)}${ci}, clear of the ${bound} of ${lim}`;
    }
    default:
      return null;
  }
}
function explainCheck(c, k) {
  const m = c.metrics.find((x) => x.name === k.subject);
  const own = m ? metricSentence(k, m, formatConfidence(c.confidence)) : null;
  return (own ?? k.message).replace(/-(?=\d)/g, MINUS2);
}
function failingChecks(c) {
  const checks = c.gate?.checks ?? [];
  return [...checks.filter((k) => k.verdict === "fail"), ...checks.filter((k) => k.verdict === "inconclusive")];
}

// src/core/report/mermaid.ts
var MAX_METRICS = 8;
function round(n2) {
  return Math.round(n2 * 10) / 10;
}
function renderMermaidMetricChart(c) {
  const inUnit = (v) => v !== null && Number.isFinite(v) && v >= 0 && v <= 1;
  const rows = c.metrics.filter((m) => inUnit(m.baseline.mean) && inUnit(m.candidate.mean)).slice(0, MAX_METRICS);
  if (rows.length === 0) return null;
  const labels = [];
  const values = [];
  for (const m of rows) {
    const name = sanitizeMermaidLabel(m.name, 20);
    labels.push(`"${name} \xB7 base"`, `"${name} \xB7 cand"`);
    values.push(round(m.baseline.mean * 100), round(m.candidate.mean * 100));
  }
  const axis = rows.every((m) => m.kind === "binary") ? "pass rate (%)" : "score \xD7 100";
  return [
    `xychart-beta${rows.length > 3 ? " horizontal" : ""}`,
    `    title "Baseline (base) vs candidate (cand) per metric"`,
    `    x-axis [${labels.join(", ")}]`,
    `    y-axis "${axis}" 0 --> 100`,
    `    bar [${values.join(", ")}]`
  ].join("\n");
}

// src/core/report/sections.ts
var NAME_MAX = 60;
function reportTitle(model) {
  return model.context.title ?? `llmops eval: ${model.comparison.candidate.suite?.name ?? model.comparison.baseline.suite?.name ?? "comparison"}`;
}
function renderVerdict(model, level) {
  const c = model.comparison;
  const hashes = "#".repeat(level);
  const title = escapeMarkdownText(reportTitle(model), { maxLength: 120 });
  if (!c.gate) {
    return `${hashes} \u2139\uFE0F NO GATE \u2014 ${title}

No gate policy applies: the numbers below are for information; nothing was decided.
`;
  }
  const { emoji, word } = VERDICT_LABEL[c.gate.verdict];
  return `${hashes} ${emoji} ${word} \u2014 ${title}

${verdictSentence(c)}
`;
}
function verdictSentence(c) {
  const gate = c.gate;
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
function inconclusiveAdvice(checks, blocking) {
  const needed = checks.map((k) => k.cases_needed).filter((n2) => n2 !== null);
  const repeats = checks.map((k) => k.repeats_needed).filter((n2) => n2 !== null);
  const parts = [];
  if (needed.length) parts.push(`about ${formatCount(Math.max(...needed))} paired cases`);
  if (repeats.length) parts.push(`${Math.max(...repeats)} repeats per case`);
  const advice = parts.length ? `The data cannot decide yet; ${parts.join(" or ")} would likely settle it.` : "The data cannot decide yet.";
  return `${advice} ${blocking ? "This blocks the merge under the policy." : "This does not block the merge under the policy."}`;
}
var VERDICT_RANK = { pass: 0, inconclusive: 1, fail: 2 };
function worst(checks) {
  return checks.reduce((acc, k) => acc === null || VERDICT_RANK[k.verdict] > VERDICT_RANK[acc] ? k.verdict : acc, null);
}
function metricStatus(c, m) {
  const v = worst(c.gate?.checks.filter((k) => k.subject === m.name) ?? []);
  if (v) return `${VERDICT_LABEL[v].emoji} ${VERDICT_LABEL[v].word.toLowerCase()}`;
  if (!m.ci || m.delta === null) return "not gated";
  const better = m.higher_is_better ? m.ci[0] > 0 : m.ci[1] < 0;
  const worse = m.higher_is_better ? m.ci[1] < 0 : m.ci[0] > 0;
  return better ? "\u25B2 better \xB7 not gated" : worse ? "\u25BC worse \xB7 not gated" : "\u2248 unclear \xB7 not gated";
}
function pCell(m, alpha) {
  const { p, holm } = formatPWithHolm(m, alpha);
  return holm ? `${p} (${holm})` : p;
}
function renderMetricTable(c, maxRows = Number.POSITIVE_INFINITY) {
  if (c.metrics.length === 0) return "_No metric in common between the two runs._\n";
  const rows = c.metrics.slice(0, maxRows).map((m) => [
    escapeMarkdownText(m.name, { maxLength: NAME_MAX }),
    formatValue(m, m.baseline.mean),
    formatValue(m, m.candidate.mean),
    `${formatDelta(m, m.delta)} ${formatInterval(m, m.ci)}`.trim(),
    pCell(m, 1 - c.confidence),
    metricStatus(c, m)
  ]);
  const table = markdownTable([["metric", "baseline", "candidate", `\u0394 (${formatConfidence(c.confidence)} CI)`, "p", "status"], ...rows], {
    align: ["l", "r", "r", "r", "r", "l"]
  });
  const hidden = c.metrics.length - rows.length;
  return `${table}
${hidden > 0 ? `
_${hidden} more metrics in the HTML report._
` : ""}`;
}
function holmCaption(c) {
  const family = c.metrics.filter((m) => m.gated && m.p_holm !== null).length;
  if (!c.metrics.some((m) => formatPWithHolm(m, 1 - c.confidence).holm)) return "";
  return `\u0394 interval and p: each metric alone, one test each (p < ${formatConfidence(1 - c.confidence)} exactly when the interval excludes 0) \xB7 Holm: p adjusted across ${family} gated metrics, with the interval at Holm's step level for that metric (agrees with the adjusted p; not simultaneous)`;
}
function renderMetricCaption(c) {
  const repeats = Math.max(c.baseline.counts.repeats, c.candidate.counts.repeats);
  const flips = c.metrics.filter((m) => m.broke !== null && m.fixed !== null && (m.broke > 0 || m.fixed > 0)).map((m) => `${escapeMarkdownText(m.name, { maxLength: NAME_MAX })}: ${m.broke} broke, ${m.fixed} fixed`);
  const tests = [...new Set(c.metrics.map((m) => m.test).filter((t) => t !== "none"))];
  const parts = [
    `${c.paired_cases} paired cases`,
    `${repeats} repeat${repeats === 1 ? "" : "s"}`,
    ...flips,
    tests.length ? `tests: ${tests.join(", ")}` : "",
    holmCaption(c)
  ].filter(Boolean);
  const oneSided = c.one_sided.baseline_only.length + c.one_sided.candidate_only.length;
  const warnings = [
    oneSided ? `Not paired: ${c.one_sided.baseline_only.length} case(s) only in the baseline, ${c.one_sided.candidate_only.length} only in the candidate.` : "",
    ...["baseline", "candidate"].map(
      (side) => c[side].counts.errors > 0 ? `The ${side} has ${c[side].counts.errors} errored record(s) (timeouts, HTTP errors): scored as failures.` : ""
    )
  ].filter(Boolean);
  const warn = warnings.map((w) => `

\u26A0\uFE0F ${w}`).join("");
  return `<sub>${parts.join(" \xB7 ")}</sub>${warn}
`;
}
function renderOperationalTable(c) {
  const o = c.operational;
  const status = (subject) => {
    const v = worst(c.gate?.checks.filter((k) => k.subject === subject) ?? []);
    return v ? `${VERDICT_LABEL[v].emoji} ${VERDICT_LABEL[v].word.toLowerCase()}` : "";
  };
  const rows = [
    ["latency p50", formatMs(o.latency.baseline.p50), formatMs(o.latency.candidate.p50), formatSignedMs(o.latency.delta_p50), ""],
    [
      "latency p95",
      formatMs(o.latency.baseline.p95),
      formatMs(o.latency.candidate.p95),
      `${formatSignedMs(o.latency.delta_p95)}${o.latency.delta_p95_ci ? ` [${formatSignedMs(o.latency.delta_p95_ci[0])}, ${formatSignedMs(o.latency.delta_p95_ci[1])}]` : ""}`,
      status("latency")
    ],
    [
      "tokens per case",
      formatCount(o.tokens.baseline.per_case),
      formatCount(o.tokens.candidate.per_case),
      formatSignedCount(o.tokens.delta_per_case),
      ""
    ]
  ];
  if (o.cost) {
    const cur = o.cost.currency ? escapeMarkdownText(o.cost.currency, { maxLength: 8 }) : null;
    rows.push([
      "cost per case",
      formatMoney(o.cost.baseline.per_case, cur),
      formatMoney(o.cost.candidate.per_case, cur),
      o.cost.delta_per_case === null ? "\u2014" : `${o.cost.delta_per_case >= 0 ? "+" : ""}${formatMoney(o.cost.delta_per_case, cur)}`,
      status("cost")
    ]);
  }
  const hasStatus = rows.some((r) => r[4] !== "");
  const header = ["", "baseline", "candidate", "\u0394", ...hasStatus ? ["status"] : []];
  return `${markdownTable([header, ...rows.map((r) => hasStatus ? r : r.slice(0, 4))], { align: ["l", "r", "r", "r", "l"] })}
`;
}
function renderChart(c) {
  const chart = renderMermaidMetricChart(c);
  return chart ? `\`\`\`mermaid
${chart}
\`\`\`
` : "";
}
function renderGateChecks(c) {
  if (!c.gate || c.gate.checks.length === 0) return "";
  const checks = [...c.gate.checks].sort((a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict]);
  const lines = checks.map((k) => {
    const advice = k.verdict === "inconclusive" && (k.cases_needed !== null || k.repeats_needed !== null) ? ` \u2014 would likely be decided with ${[k.cases_needed !== null ? `~${formatCount(k.cases_needed)} cases` : "", k.repeats_needed !== null ? `${k.repeats_needed} repeats` : ""].filter(Boolean).join(" or ")}` : "";
    return `- ${VERDICT_LABEL[k.verdict].emoji} ${renderCodeSpan(k.id, { maxLength: NAME_MAX })}: ${escapeMarkdownText(explainCheck(c, k), { maxLength: 400 })}${advice}`;
  });
  const policy = `Policy: ${escapeMarkdownText(c.gate.policy_source, { maxLength: 200 })}; inconclusive counts as ${c.gate.policy.inconclusive}.`;
  return `<details>
<summary>Gate checks (${checks.length})</summary>

${lines.join("\n")}

${policy}

</details>
`;
}
function expectedText(v) {
  if (v === null || v === void 0) return null;
  return typeof v === "string" ? v : JSON.stringify(v, null, 2);
}
var flipsIndex = /* @__PURE__ */ new WeakMap();
function flipsOf(c, caseId) {
  let index = flipsIndex.get(c);
  if (!index) {
    const model = { comparison: c };
    index = new Map([...rankFlippedCases(model, "broke").ids, ...rankFlippedCases(model, "fixed").ids].map((id) => [id, []]));
    for (const f of c.flips) index.get(f.case_id)?.push(f);
    flipsIndex.set(c, index);
  }
  return index.get(caseId) ?? c.flips.filter((f) => f.case_id === caseId);
}
function flipScores(model, caseId, direction) {
  return flipsOf(model.comparison, caseId).filter((f) => f.direction === direction).map((f) => {
    const m = model.comparison.metrics.find((x) => x.name === f.metric);
    const fmt = (v) => m?.kind === "binary" && (v === 0 || v === 1) ? v === 1 ? "pass" : "fail" : m ? formatValue(m, v) : v.toFixed(2);
    return `${f.metric} ${fmt(f.baseline)} \u2192 ${fmt(f.candidate)}`;
  }).join(", ");
}
var FLIPPED_CASES_NAMED = 40;
var FLIPPED_CASES_SHOWN = 10;
function rankFlippedCases(model, direction, limit = FLIPPED_CASES_NAMED) {
  if (limit <= FLIPPED_CASES_NAMED) {
    const cached = rankCache.get(model.comparison) ?? {};
    const ranked = cached[direction] ??= rankFlips(model.comparison, direction, FLIPPED_CASES_NAMED);
    rankCache.set(model.comparison, cached);
    return { ids: ranked.ids.slice(0, limit), total: ranked.total };
  }
  return rankFlips(model.comparison, direction, limit);
}
var rankCache = /* @__PURE__ */ new WeakMap();
function rankFlips(comparison, direction, limit) {
  const byCase = /* @__PURE__ */ new Map();
  comparison.flips.forEach((f, i) => {
    if (f.direction !== direction) return;
    const e = byCase.get(f.case_id) ?? { id: f.case_id, count: 0, moved: 0, order: i };
    e.count += 1;
    e.moved += Math.abs(f.candidate - f.baseline);
    byCase.set(f.case_id, e);
  });
  const before = (a, b) => b.count - a.count || b.moved - a.moved || a.order - b.order;
  const top = [];
  for (const e of byCase.values()) {
    if (top.length === limit && before(e, top[top.length - 1]) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (before(top[mid], e) < 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, e);
    if (top.length > limit) top.pop();
  }
  return { ids: top.map((e) => e.id), total: byCase.size };
}
function casesToDetail(comparison) {
  const model = { comparison };
  return /* @__PURE__ */ new Set([...rankFlippedCases(model, "broke", FLIPPED_CASES_SHOWN).ids, ...rankFlippedCases(model, "fixed", FLIPPED_CASES_SHOWN).ids]);
}
function renderOneCase(model, id, direction, detail, limits) {
  const summary = `${escapeHtmlText(id, { maxLength: NAME_MAX })} \xB7 ${escapeHtmlText(flipScores(model, id, direction), { maxLength: 200 })}`;
  const parts = [`<details>
<summary>${summary}</summary>
`];
  if (!detail) {
    parts.push("_Inputs and outputs unavailable: the runs' results.jsonl were not given to the report._\n");
  } else {
    const block = (label2, text) => text === null ? "" : `**${label2}**

${renderCodeBlock(text, { maxLength: limits.textChars })}`;
    const side = (label2, s) => s === null ? `**${label2}**: _absent from this run_
` : s.error && s.output === null ? `**${label2}**: error ${renderCodeSpan(s.error, { maxLength: 300 })}
` : block(s.repeats > 1 ? `${label2} (first of ${s.repeats} repeats)` : label2, s.output ?? "");
    parts.push(block("Input", detail.input), block("Expected", expectedText(detail.expected)), side("Baseline output", detail.baseline), side("Candidate output", detail.candidate));
  }
  parts.push("</details>\n");
  return parts.filter(Boolean).join("\n");
}
function renderCaseSections(model, limits) {
  const byId = new Map(model.cases.map((d) => [d.case_id, d]));
  const shown = { broke: 0, fixed: 0 };
  const total = { broke: 0, fixed: 0 };
  const sections = [];
  for (const direction of ["broke", "fixed"]) {
    const { ids, total: all } = rankFlippedCases(model, direction, limits.perKind + 30);
    total[direction] = all;
    if (all === 0) continue;
    const picked = ids.slice(0, limits.perKind);
    shown[direction] = picked.length;
    const label2 = direction === "broke" ? "\u{1F4A5} Broke (passed on the baseline, fail on the candidate)" : "\u{1FA79} Fixed (failed on the baseline, pass on the candidate)";
    const count = picked.length < all ? `${all} cases, top ${picked.length} shown` : `${all} case${all === 1 ? "" : "s"}`;
    const body = picked.map((id) => renderOneCase(model, id, direction, byId.get(id), limits)).join("\n");
    const rest = all - picked.length;
    const restLine = rest > 0 ? `
${rest} more: ${ids.slice(limits.perKind, limits.perKind + 30).map((id) => renderCodeSpan(id, { maxLength: 40 })).join(", ")}${rest > 30 ? ", \u2026" : ""}
` : "";
    sections.push(`<details>
<summary>${label2}: ${count}</summary>

${body}${restLine}
</details>
`);
  }
  return { text: sections.join("\n"), shown, total };
}
function prov(run, ...path) {
  let v = run.provenance;
  for (const k of path) v = v && typeof v === "object" ? v[k] : void 0;
  return typeof v === "string" && v !== "" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;
}
function hash(h2) {
  return h2 ? renderCodeSpan(h2.slice(0, 12)) : "\u2014";
}
function target(run) {
  const model = prov(run, "target", "model");
  const provider = prov(run, "target", "provider");
  if (!model && !provider) return "\u2014";
  return [model ? renderCodeSpan(model, { maxLength: 80 }) : null, provider ? escapeMarkdownText(provider, { maxLength: 40 }) : null].filter(Boolean).join(" via ");
}
function commit(run) {
  const sha = prov(run, "git", "commit");
  const dirty = prov(run, "git", "dirty") === "true" ? " (dirty)" : "";
  return sha ? `${renderCodeSpan(sha.slice(0, 12))}${dirty}` : "\u2014";
}
function renderProvenance(model) {
  const c = model.comparison;
  const row = (label2, f) => [label2, f(c.baseline), f(c.candidate)];
  const table = markdownTable([
    ["", "baseline", "candidate"],
    row("commit", commit),
    row("suite", (r) => r.suite ? `${escapeMarkdownText(r.suite.name, { maxLength: NAME_MAX })} ${hash(r.suite.hash)}` : "\u2014"),
    row("dataset hash", (r) => hash(prov(r, "dataset_hash"))),
    row("prompt hash", (r) => hash(prov(r, "prompt_hash"))),
    row("target", target),
    row("results.jsonl sha256", (r) => hash(r.results_sha256)),
    row("cases \xB7 records \xB7 errors", (r) => `${r.counts.cases} \xB7 ${r.counts.records} \xB7 ${r.counts.errors}`)
  ]);
  const methods = c.provenance.methods.map((m) => `- ${escapeMarkdownText(m, { maxLength: 300 })}`).join("\n");
  const warnings = [
    ...c.baseline.warnings.map((w) => `baseline: ${w}`),
    ...c.candidate.warnings.map((w) => `candidate: ${w}`),
    ...c.metrics.flatMap((m) => m.notes.map((n2) => `${m.name}: ${n2}`))
  ].slice(0, 20).map((w) => `- \u26A0\uFE0F ${escapeMarkdownText(w, { maxLength: 300 })}`).join("\n");
  const body = [table, methods ? `Methods:

${methods}` : "", warnings ? `Warnings and notes:

${warnings}` : ""].filter(Boolean).join("\n\n");
  return `<details>
<summary>Provenance and methods</summary>

${body}

</details>
`;
}
function renderFooter(model) {
  const c = model.comparison;
  const links = [
    ...safeUrl(model.context.runUrl) ? [`[workflow run](${safeUrl(model.context.runUrl)})`] : [],
    ...(model.context.links ?? []).flatMap((l) => {
      const url = safeUrl(l.url);
      return url ? [`[${escapeMarkdownText(l.label, { maxLength: 40 })}](${url})`] : [];
    })
  ];
  const parts = [
    `baseline ${commit(c.baseline)} \u2192 candidate ${commit(c.candidate)}`,
    `llmops ${escapeMarkdownText(c.provenance.llmops_version, { maxLength: 20 })}`,
    `compared ${escapeMarkdownText(c.provenance.created_at, { maxLength: 40 })}`,
    ...links
  ];
  return `<sub>${parts.join(" \xB7 ")}</sub>
`;
}

// src/core/report/marker.ts
function renderStickyMarker(kind, key) {
  return `<!-- llmops:${sanitizeMarkerToken(kind)}:${sanitizeMarkerToken(key)} -->`;
}

// src/core/report/prompt-diff.ts
var MAX_PROMPTS = 10;
var MAX_CASES = 3;
var TEMPLATE_CHARS = 3e3;
var CASE_CHARS = 1500;
var version = (v) => v ? `sha256:${v.version.slice(0, 12)}${v.semver ? ` v${v.semver}` : ""}` : "none";
function renderPromptDiffSection(diff) {
  if (!diff || diff.changes.length === 0) return "";
  const out = [`#### Prompts changed (${diff.changes.length}, against ${renderCodeSpan(diff.base_commit.slice(0, 12))})`, ""];
  for (const c of diff.changes.slice(0, MAX_PROMPTS)) {
    const changedCases = c.rendered.filter((r) => r.changed);
    const summary = `${renderCodeSpan(c.file, { maxLength: 200 })} ${c.status}: ${renderCodeSpan(version(c.base))} \u2192 ${renderCodeSpan(version(c.head))}${c.cases_from ? `, rendered on ${c.rendered.length} case${c.rendered.length === 1 ? "" : "s"} of ${renderCodeSpan(c.cases_from, { maxLength: 200 })} (${changedCases.length} differ)` : ""}`;
    out.push("<details>", `<summary>${summary}</summary>`, "", "Template:", "", renderCodeBlock(c.template_diff, { lang: "diff", maxLength: TEMPLATE_CHARS }));
    for (const r of changedCases.slice(0, MAX_CASES)) out.push(`Rendered, case ${renderCodeSpan(r.case, { maxLength: 100 })}:`, "", renderCodeBlock(r.diff, { lang: "diff", maxLength: CASE_CHARS }));
    if (changedCases.length > MAX_CASES) out.push(`\u2026 and ${changedCases.length - MAX_CASES} more cases render differently (\`llmops prompts diff\` shows them).`, "");
    for (const n2 of c.notes.slice(0, 3)) out.push(`> ${escapeMarkdownText(n2.slice(0, 500))}`, "");
    out.push("</details>", "");
  }
  if (diff.changes.length > MAX_PROMPTS) out.push(`\u2026 and ${diff.changes.length - MAX_PROMPTS} more prompts (\`llmops prompts diff --base ${diff.base_commit.slice(0, 12)}\`).`, "");
  return out.join("\n");
}

// src/core/report/new-cases.ts
function buildNewCases(records, metrics = []) {
  const cases = [...groupByCase(records).entries()].map(([id, rs]) => ({ case_id: id, input: rs[0].input, expected: rs[0].expected, side: foldSide(rs, metrics) }));
  const names = [...new Set(cases.flatMap((c) => Object.keys(c.side.scores)))];
  const means = Object.fromEntries(
    names.map((n2) => {
      const vs = cases.map((c) => c.side.scores[n2]).filter((v) => typeof v === "number");
      return [n2, vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0) / vs.length];
    })
  );
  return { cases, means };
}
function score(v, pass) {
  if (v === null || v === void 0) return "\u2014";
  const mark = pass === true ? "\u2705 " : pass === false ? "\u274C " : "";
  return `${mark}${Number.isInteger(v) ? v : v.toFixed(2)}`;
}
function renderNewCases(report, limits) {
  if (!report || report.cases.length === 0) return "";
  const metrics = Object.keys(report.means);
  const max = Math.max(10, limits.perKind * 10);
  const shown = report.cases.slice(0, max);
  const text = Math.max(40, Math.min(200, limits.textChars));
  const rows = shown.map((c) => [
    renderCodeSpan(c.case_id, { maxLength: 40 }),
    ...metrics.map((m) => score(c.side.scores[m], c.side.pass[m])),
    c.side.error !== null ? `error: ${renderCodeSpan(c.side.error, { maxLength: text })}` : c.side.output === null ? "\u2014" : renderCodeSpan(c.side.output, { maxLength: text })
  ]);
  const means = metrics.map((m) => `${renderCodeSpan(m, { maxLength: 40 })} ${score(report.means[m], null)}`).join(", ");
  const n2 = report.cases.length;
  const rest = n2 > shown.length ? `
${n2 - shown.length} more new cases are in the candidate run's \`new-cases/results.jsonl\`.
` : "";
  return [
    "<details>",
    `<summary>\u{1F195} New cases (not gated): ${escapeHtmlText(String(n2))} case${n2 === 1 ? "" : "s"} the base's suite does not have</summary>`,
    "",
    `Evaluated with this pull request's prompt under the base's scorers and endpoint; they do not move the verdict. Mean over them: ${means || "\u2014"}. Merged, they join the yardstick for later pull requests.`,
    "",
    markdownTable([["case", ...metrics.map((m) => renderCodeSpan(m, { maxLength: 40 })), "output"], ...rows]),
    rest,
    "</details>",
    ""
  ].join("\n");
}

// src/core/report/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var COMMENT_HEADROOM = 512;
var GITHUB_SUMMARY_LIMIT = 1048576;
var COMMENT_LEVELS = [
  { perKind: 5, textChars: 2e3 },
  { perKind: 3, textChars: 2e3 },
  { perKind: 2, textChars: 2e3 },
  { perKind: 1, textChars: 2e3 },
  { perKind: 1, textChars: 800 },
  { perKind: 1, textChars: 300 },
  { perKind: 1, textChars: 100 },
  { perKind: 0, textChars: 0 }
];
var SUMMARY_LEVELS = [{ perKind: 10, textChars: 4e3 }, ...COMMENT_LEVELS];
function trimNote(limit, shown, total, limits, first) {
  const cut = ["broke", "fixed"].filter((d) => shown[d] < Math.min(total[d], first.perKind));
  const shorter = limits.textChars < first.textChars && limits.perKind > 0;
  if (cut.length === 0 && !shorter) return "";
  const what = [
    ...cut.map((d) => `showing ${shown[d]} of ${total[d]} ${d} cases`),
    ...shorter ? [`texts cut at ${limits.textChars} characters`] : []
  ];
  return `> \u2702\uFE0F Trimmed to fit within ${limit.toLocaleString("en-US")} characters (GitHub caps a comment at 65,536): ${what.join(", ")}. The HTML report has every case.
`;
}
function assemble(model, variant, limits, first, limit, opts, maxMetricRows) {
  const cases = renderCaseSections(model, limits);
  const note = trimNote(limit, cases.shown, cases.total, limits, first);
  const parts = [
    opts.marker ? `${renderStickyMarker(opts.marker.kind, opts.marker.key)}
` : "",
    renderVerdict(model, variant === "comment" ? 3 : 2),
    renderMetricTable(model.comparison, maxMetricRows),
    renderMetricCaption(model.comparison),
    renderChart(model.comparison),
    renderOperationalTable(model.comparison),
    renderJudges([
      { label: "baseline", judges: model.comparison.baseline.judges },
      { label: "candidate", judges: model.comparison.candidate.judges }
    ]),
    renderGateChecks(model.comparison),
    renderPromptDiffSection(model.promptDiff),
    note,
    cases.text,
    renderNewCases(model.newCases, limits),
    renderProvenance(model),
    renderFooter(model)
  ];
  return { text: parts.filter(Boolean).join("\n"), trimmed: note !== "" };
}
function fit(model, variant, levels, limit, opts) {
  const first = levels[0];
  for (const rows of [Number.POSITIVE_INFINITY, 50, 10]) {
    for (const limits of levels) {
      const { text: text2, trimmed } = assemble(model, variant, limits, first, limit, opts, rows);
      if (text2.length <= limit) return { markdown: text2, truncated: trimmed || rows !== Number.POSITIVE_INFINITY, limits };
    }
  }
  const last = levels[levels.length - 1];
  const { text } = assemble(model, variant, last, first, limit, opts, 10);
  const tail = "\n\n> \u2702\uFE0F Cut here to fit GitHub's size limit. The HTML report has everything.\n";
  let head = text.slice(0, Math.max(0, limit - tail.length));
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const fences = head.match(/^`{3,}/gm) ?? [];
  const closing = fences.length % 2 === 1 ? `
${fences[fences.length - 1]}` : "";
  return { markdown: `${head.slice(0, Math.max(0, limit - tail.length - closing.length))}${closing}${tail}`, truncated: true, limits: last };
}
function renderComment(model, opts = {}) {
  return fit(model, "comment", COMMENT_LEVELS, opts.maxChars ?? GITHUB_COMMENT_LIMIT - COMMENT_HEADROOM, opts);
}
function renderJobSummary(model, opts = {}) {
  return fit(model, "summary", SUMMARY_LEVELS, opts.maxChars ?? GITHUB_SUMMARY_LIMIT, opts);
}

// src/core/report/html.ts
import { createHash } from "node:crypto";

// src/core/report/html-assets.ts
var REPORT_CSS = `
:root { color-scheme: light dark; --fg:#1f2328; --muted:#59636e; --bg:#fff; --line:#d1d9e0; --soft:#f6f8fa;
  --pass:#1a7f37; --fail:#cf222e; --inconclusive:#9a6700; --info:#59636e; --base:#8c959f; --cand:#0969da; }
@media (prefers-color-scheme: dark) { :root { --fg:#e6edf3; --muted:#9198a1; --bg:#0d1117; --line:#3d444d; --soft:#151b23;
  --pass:#3fb950; --fail:#f85149; --inconclusive:#d29922; --info:#9198a1; --base:#6e7681; --cand:#4493f8; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.verdict { border-left: 6px solid var(--info); padding: 8px 16px; background: var(--soft); border-radius: 6px; }
.verdict.pass { border-color: var(--pass); } .verdict.fail { border-color: var(--fail); } .verdict.inconclusive { border-color: var(--inconclusive); }
.verdict p { margin: 4px 0 0; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); } code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px; margin: 4px 0 10px; max-height: 320px; overflow: auto; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; } .chart { max-width: 100%; height: auto; }
.chart text { fill: var(--fg); font-size: 12px; } .chart .tick, .chart .mlabel { fill: var(--muted); font-size: 11px; } .chart .ctitle { font-weight: 600; }
.chart .grid { stroke: var(--line); } .chart .zero { stroke: var(--fg); stroke-dasharray: 3 3; }
.chart .ci { stroke-width: 2; } .ci.pass { stroke: var(--pass); } .ci.fail { stroke: var(--fail); } .ci.inconclusive { stroke: var(--inconclusive); } .ci.info { stroke: var(--info); }
.pt.pass { fill: var(--pass); } .pt.fail { fill: var(--fail); } .pt.inconclusive { fill: var(--inconclusive); } .pt.info { fill: var(--info); }
.bar.base { fill: var(--base); } .bar.cand { fill: var(--cand); } .mark { stroke-width: 1.5; stroke-dasharray: 4 2; } .mark.base { stroke: var(--base); } .mark.cand { stroke: var(--cand); }
.status-pass { color: var(--pass); } .status-fail { color: var(--fail); } .status-inconclusive { color: var(--inconclusive); }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
.filters button { font: inherit; padding: 4px 12px; border: 1px solid var(--line); border-radius: 16px; background: var(--bg); color: var(--fg); cursor: pointer; }
.filters button[aria-pressed="true"] { background: var(--cand); border-color: var(--cand); color: #fff; }
.filters input, .filters select { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.filters input { flex: 1; min-width: 200px; }
#case-table tbody tr.case { cursor: pointer; } #case-table tbody tr.case:hover { background: var(--soft); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 10px; margin-right: 4px; border: 1px solid currentColor; }
.badge.broke, .badge.error { color: var(--fail); } .badge.fixed { color: var(--pass); } .badge.failing, .badge.one-sided { color: var(--inconclusive); }
.detail-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; } .detail-grid h4 { margin: 6px 0 0; font-size: 12px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
`;
var REPORT_SCRIPT = `
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("llmops-data").textContent);
  var state = { filter: "all", metric: "", q: "" };
  var tbody = document.querySelector("#case-table tbody");
  var shown = document.getElementById("shown");
  var buttons = Array.prototype.slice.call(document.querySelectorAll(".filters button[data-filter]"));
  var kinds = {};
  data.metrics.forEach(function (m) { kinds[m.name] = m.kind; });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function metricsOf(c) {
    if (state.metric) return [state.metric];
    var names = data.metrics.map(function (m) { return m.name; });
    return names.length ? names : Object.keys((c.candidate || c.baseline || { scores: {} }).scores);
  }
  function fmt(name, v) {
    if (v === null || v === undefined) return "\u2014";
    if (kinds[name] === "binary" && (v === 0 || v === 1)) return v === 1 ? "pass" : "fail";
    return (Math.round(v * 1000) / 1000).toString();
  }
  function flipped(c, dir) {
    return metricsOf(c).some(function (m) { return c.flips[m] === dir; });
  }
  function failing(c) {
    var s = c.candidate;
    if (!s) return false;
    if (s.error && s.output === null) return true;
    return metricsOf(c).some(function (m) { return s.pass[m] === false; });
  }
  var tests = {
    all: function () { return true; },
    broke: function (c) { return flipped(c, "broke"); },
    fixed: function (c) { return flipped(c, "fixed"); },
    failing: failing
  };
  function haystack(c) {
    if (!c._text) {
      c._text = [c.id, c.input, c.expected, c.baseline && c.baseline.output, c.candidate && c.candidate.output,
        c.baseline && c.baseline.error, c.candidate && c.candidate.error].join("\\n").toLowerCase();
    }
    return c._text;
  }
  function visible(c, filter) {
    return tests[filter](c) && (state.q === "" || haystack(c).indexOf(state.q) !== -1);
  }
  function detailRow(c) {
    var tr = el("tr", null, "detail");
    var td = el("td");
    td.colSpan = 4;
    var grid = el("div", null, "detail-grid");
    function block(title, text) {
      var box = el("div");
      box.appendChild(el("h4", title));
      box.appendChild(el("pre", text === null || text === undefined ? "\u2014" : text));
      grid.appendChild(box);
    }
    block("Input", c.input);
    block("Expected", c.expected);
    block("Baseline output", c.baseline ? (c.baseline.output !== null ? c.baseline.output : "error: " + c.baseline.error) : "absent from the baseline run");
    block("Candidate output", c.candidate ? (c.candidate.output !== null ? c.candidate.output : "error: " + c.candidate.error) : "absent from the candidate run");
    td.appendChild(grid);
    tr.appendChild(td);
    return tr;
  }
  function row(c) {
    var tr = el("tr", null, "case");
    tr.setAttribute("data-case-id", c.id);
    tr.appendChild(el("td", c.id));
    var status = el("td");
    ["broke", "fixed"].forEach(function (d) { if (flipped(c, d)) status.appendChild(el("span", d, "badge " + d)); });
    if (failing(c)) status.appendChild(el("span", "failing", "badge failing"));
    if (c.candidate && c.candidate.error) status.appendChild(el("span", "error", "badge error"));
    if (!c.baseline || !c.candidate) status.appendChild(el("span", c.baseline ? "baseline only" : "candidate only", "badge one-sided"));
    tr.appendChild(status);
    var scores = metricsOf(c).map(function (m) {
      var b = c.baseline ? c.baseline.scores[m] : null;
      var k = c.candidate ? c.candidate.scores[m] : null;
      return m + " " + fmt(m, b) + " \u2192 " + fmt(m, k);
    });
    tr.appendChild(el("td", scores.join(" \xB7 ")));
    var lat = function (s) { return s && s.latency_ms !== null ? Math.round(s.latency_ms) + " ms" : "\u2014"; };
    tr.appendChild(el("td", lat(c.baseline) + " \u2192 " + lat(c.candidate), "num"));
    tr.addEventListener("click", function () {
      var next = tr.nextSibling;
      if (next && next.className === "detail") { next.remove(); tr.setAttribute("aria-expanded", "false"); }
      else { tr.parentNode.insertBefore(detailRow(c), tr.nextSibling); tr.setAttribute("aria-expanded", "true"); }
    });
    return tr;
  }
  function render() {
    var rows = data.cases.filter(function (c) { return visible(c, state.filter); });
    tbody.replaceChildren.apply(tbody, rows.map(row));
    shown.textContent = "Showing " + rows.length + " of " + data.cases.length + " cases";
    buttons.forEach(function (b) {
      var f = b.getAttribute("data-filter");
      b.setAttribute("aria-pressed", String(f === state.filter));
      var n = data.cases.filter(function (c) { return visible(c, f); }).length;
      b.querySelector(".count").textContent = String(n);
    });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { state.filter = b.getAttribute("data-filter"); render(); });
  });
  document.getElementById("metric").addEventListener("change", function (e) { state.metric = e.target.value; render(); });
  document.getElementById("search").addEventListener("input", function (e) { state.q = e.target.value.trim().toLowerCase(); render(); });
  render();
})();
`;

// src/core/report/svg.ts
var W = 720;
function n(x) {
  return (Math.round(x * 10) / 10).toString();
}
function label(text, max = 28) {
  const t = Array.from(sanitizeText(text).replace(/\s+/g, " "));
  return escapeHtml(t.length > max ? `${t.slice(0, max - 1).join("")}\u2026` : t.join(""));
}
function metricClass(c, m) {
  const checks = c.gate?.checks.filter((k) => k.subject === m.name) ?? [];
  const rank = { pass: 0, inconclusive: 1, fail: 2 };
  const v = checks.reduce((a, k) => a === null || rank[k.verdict] > rank[a] ? k.verdict : a, null);
  return v ?? "info";
}
function ticks(min, max, count = 5) {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((s) => s * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) out.push(Math.round(t / step) * step);
  return out;
}
function renderDeltaSvg(c) {
  const rows = c.metrics.filter((m) => m.delta !== null);
  if (rows.length === 0) return `<p class="muted">No metric has a \u0394 to chart.</p>`;
  const unit = rows.every((m) => [m.baseline.mean, m.candidate.mean].every((v) => v === null || Math.abs(v) <= 1)) ? 100 : 1;
  const lo = Math.min(0, ...rows.map((m) => (m.ci?.[0] ?? m.delta) * unit));
  const hi = Math.max(0, ...rows.map((m) => (m.ci?.[1] ?? m.delta) * unit));
  const pad = (hi - lo || 1) * 0.08;
  const [min, max] = [lo - pad, hi + pad];
  const left = 170;
  const right = W - 190;
  const rowH = 30;
  const top = 28;
  const height = top + rows.length * rowH + 34;
  const x = (v) => left + (v - min) / (max - min) * (right - left);
  const parts = [];
  for (const t of ticks(min, max)) {
    parts.push(`<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${top - 6}" y2="${height - 28}"/>`);
    parts.push(`<text class="tick" x="${n(x(t))}" y="${height - 12}" text-anchor="middle">${n(t)}</text>`);
  }
  parts.push(`<line class="zero" x1="${n(x(0))}" x2="${n(x(0))}" y1="${top - 10}" y2="${height - 28}"/>`);
  rows.forEach((m, i) => {
    const y = top + i * rowH + rowH / 2;
    const cls = metricClass(c, m);
    const [a, b] = m.ci ? [m.ci[0] * unit, m.ci[1] * unit] : [m.delta * unit, m.delta * unit];
    parts.push(`<text class="name" x="${left - 10}" y="${n(y + 4)}" text-anchor="end">${label(m.name)}</text>`);
    parts.push(`<line class="ci ${cls}" x1="${n(x(a))}" x2="${n(x(b))}" y1="${n(y)}" y2="${n(y)}"/>`);
    parts.push(`<line class="ci ${cls}" x1="${n(x(a))}" x2="${n(x(a))}" y1="${n(y - 6)}" y2="${n(y + 6)}"/>`);
    parts.push(`<line class="ci ${cls}" x1="${n(x(b))}" x2="${n(x(b))}" y1="${n(y - 6)}" y2="${n(y + 6)}"/>`);
    parts.push(`<circle class="pt ${cls}" cx="${n(x(m.delta * unit))}" cy="${n(y)}" r="5"/>`);
    parts.push(`<text class="val" x="${right + 12}" y="${n(y + 4)}">${escapeHtml(`${formatDelta(m, m.delta)} ${formatInterval(m, m.ci)}`)}</text>`);
  });
  const title = `\u0394 candidate \u2212 baseline${unit === 100 ? " (points)" : ""}, ${formatConfidence(c.confidence)} CI`;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title><text class="ctitle" x="${left}" y="16">${escapeHtml(title)}</text>${parts.join("")}</svg>`;
}
function renderLatencySvg(c, cases) {
  const pick = (side) => cases.map((d) => d[side]?.latency_ms).filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b2) => a - b2);
  const b = pick("baseline");
  const k = pick("candidate");
  if (b.length + k.length === 0) {
    const o = c.operational.latency;
    if (o.baseline.p50 === null && o.candidate.p50 === null) return `<p class="muted">No latency recorded.</p>`;
    return `<p class="muted">Per-case latencies not available: baseline p50 ${escapeHtml(String(o.baseline.p50))} ms, p95 ${escapeHtml(String(o.baseline.p95))} ms; candidate p50 ${escapeHtml(String(o.candidate.p50))} ms, p95 ${escapeHtml(String(o.candidate.p95))} ms.</p>`;
  }
  const all = [...b, ...k];
  const max = Math.max(...all);
  const bins = 20;
  const width = max / bins || 1;
  const count = (xs) => {
    const h2 = new Array(bins).fill(0);
    for (const v of xs) h2[Math.min(bins - 1, Math.floor(v / width))] += 1;
    return h2;
  };
  const hb = count(b);
  const hk = count(k);
  const peak = Math.max(1, ...hb, ...hk);
  const left = 50;
  const right = W - 70;
  const top = 30;
  const bottom = 200;
  const bw = (right - left) / bins;
  const y = (v) => bottom - v / peak * (bottom - top);
  const parts = [];
  for (const t of ticks(0, peak, 4)) {
    parts.push(`<line class="grid" x1="${left}" x2="${right}" y1="${n(y(t))}" y2="${n(y(t))}"/><text class="tick" x="${left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  for (let i = 0; i < bins; i++) {
    const x0 = left + i * bw;
    if (hb[i]) parts.push(`<rect class="bar base" x="${n(x0 + 1)}" y="${n(y(hb[i]))}" width="${n(bw / 2 - 1)}" height="${n(bottom - y(hb[i]))}"><title>baseline ${Math.round(i * width)}\u2013${Math.round((i + 1) * width)} ms: ${hb[i]}</title></rect>`);
    if (hk[i]) parts.push(`<rect class="bar cand" x="${n(x0 + bw / 2)}" y="${n(y(hk[i]))}" width="${n(bw / 2 - 1)}" height="${n(bottom - y(hk[i]))}"><title>candidate ${Math.round(i * width)}\u2013${Math.round((i + 1) * width)} ms: ${hk[i]}</title></rect>`);
  }
  for (const t of ticks(0, max, 6)) {
    parts.push(`<text class="tick" x="${n(left + t / (bins * width) * (right - left))}" y="${bottom + 16}" text-anchor="middle">${t}</text>`);
  }
  const mark = (xs, cls, row) => xs.length === 0 ? "" : [0.5, 0.95].map((q) => {
    const v = quantileSorted(xs, q);
    const px = left + v / (bins * width) * (right - left);
    return `<line class="mark ${cls}" x1="${n(px)}" x2="${n(px)}" y1="${top - 4}" y2="${bottom}"/><text class="mlabel ${cls}" x="${n(px + 3)}" y="${top - 8 + row * 11}">p${q * 100} ${Math.round(v)}</text>`;
  }).join("");
  parts.push(mark(b, "base", 0), mark(k, "cand", 1));
  const legend = `<rect class="bar base" x="${right - 250}" y="${bottom + 26}" width="10" height="10"/><text class="tick" x="${right - 236}" y="${bottom + 35}">baseline (n=${b.length})</text><rect class="bar cand" x="${right - 120}" y="${bottom + 26}" width="10" height="10"/><text class="tick" x="${right - 106}" y="${bottom + 35}">candidate (n=${k.length})</text>`;
  const title = "Latency per case (ms)";
  return `<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${W} ${bottom + 44}" width="${W}" height="${bottom + 44}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title><text class="ctitle" x="${left}" y="12">${title}</text>${parts.join("")}<text class="tick" x="${left}" y="${bottom + 35}">ms \u2192</text>${legend}</svg>`;
}

// src/core/report/html.ts
var SYMBOL = { pass: "\u2714", fail: "\u2718", inconclusive: "\u26A0" };
var HTML_TEXT_LIMIT = 5e4;
var HTML_TEXT_BUDGET = 64e6;
var HTML_TEXT_FLOOR = 2e3;
function htmlTextLimit(cases) {
  return Math.max(HTML_TEXT_FLOOR, Math.min(HTML_TEXT_LIMIT, Math.floor(HTML_TEXT_BUDGET / Math.max(1, cases * 5))));
}
function sha256Base64(text) {
  return createHash("sha256").update(text, "utf8").digest("base64");
}
function reportCsp() {
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
    "form-action 'none'"
  ].join("; ");
}
var h = (text) => escapeHtml(sanitizeText(text));
function clip(text, limit) {
  if (text === null) return null;
  const { text: kept, cut } = truncateText(sanitizeText(text), limit);
  return cut > 0 ? `${kept}
\u2026 \u27E8${cut} more characters\u27E9` : kept;
}
function cleanKeys(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [sanitizeText(k), v]));
}
function sideData(s, limit) {
  if (!s) return null;
  return { output: clip(s.output, limit), error: clip(s.error, limit), scores: cleanKeys(s.scores), pass: cleanKeys(s.pass), latency_ms: s.latency_ms, repeats: s.repeats };
}
function caseData(d, limit) {
  const expected = d.expected === null || d.expected === void 0 ? null : typeof d.expected === "string" ? d.expected : JSON.stringify(d.expected, null, 2);
  return { id: sanitizeText(d.case_id), input: clip(d.input, limit), expected: clip(expected, limit), baseline: sideData(d.baseline, limit), candidate: sideData(d.candidate, limit), flips: cleanKeys(d.flips) };
}
function verdictBlock(model) {
  const c = model.comparison;
  const title = h(reportTitle(model));
  if (!c.gate) return `<header class="verdict info"><h1 id="verdict">\u2139 NO GATE \u2014 ${title}</h1><p id="why">No gate policy applies: the numbers are for information; nothing was decided.</p></header>`;
  const { word } = VERDICT_LABEL[c.gate.verdict];
  const emoji = SYMBOL[c.gate.verdict];
  const why = c.gate.verdict === "pass" ? `All ${c.gate.checks.length} gate checks passed on ${c.paired_cases} paired cases at ${formatConfidence(c.confidence)} confidence.` : failingChecks(c)[0] ? `${explainCheck(c, failingChecks(c)[0])}.` : c.gate.reasons[0] ?? "A gate check did not pass.";
  return `<header class="verdict ${c.gate.verdict}"><h1 id="verdict">${emoji} ${word} \u2014 ${title}</h1><p id="why">${h(why)}</p></header>`;
}
function statusOf(c, subject) {
  const checks = c.gate?.checks.filter((k) => k.subject === subject) ?? [];
  const v = checks.find((k) => k.verdict === "fail") ?? checks.find((k) => k.verdict === "inconclusive") ?? checks[0];
  return v ? `<span class="status-${v.verdict}">${SYMBOL[v.verdict]} ${v.verdict}</span>` : `<span class="muted">not gated</span>`;
}
function pHtml(m, alpha) {
  const { p, holm } = formatPWithHolm(m, alpha);
  return `${h(p)}${holm ? ` <span class="muted">(${h(holm)})</span>` : ""}`;
}
function holmNote(c) {
  if (!c.metrics.some((m) => formatPWithHolm(m, 1 - c.confidence).holm)) return "";
  const family = c.metrics.filter((m) => m.gated && m.p_holm !== null).length;
  return ` The \u0394 interval and p of each row come from one test (p &lt; ${h(formatConfidence(1 - c.confidence))} exactly when the interval excludes 0). Holm: p adjusted across ${family} gated metrics, shown with the interval at Holm's step level for that metric, which agrees with it (not a simultaneous interval).`;
}
function metricTable(c) {
  const rows = c.metrics.map(
    (m) => `<tr><td>${h(m.name)}</td><td class="num">${formatValue(m, m.baseline.mean)}</td><td class="num">${formatValue(m, m.candidate.mean)}</td><td class="num">${h(`${formatDelta(m, m.delta)} ${formatInterval(m, m.ci)}`)}</td><td class="num">${pHtml(m, 1 - c.confidence)}</td><td class="num">${m.broke ?? "\u2014"} / ${m.fixed ?? "\u2014"}</td><td>${statusOf(c, m.name)}</td></tr>`
  );
  return `<table class="metrics"><thead><tr><th>metric</th><th class="num">baseline</th><th class="num">candidate</th><th class="num">\u0394 (${formatConfidence(c.confidence)} CI)</th><th class="num">p</th><th class="num">broke / fixed</th><th>status</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
function operationalTable(c) {
  const o = c.operational;
  const rows = [
    ["latency p50", formatMs(o.latency.baseline.p50), formatMs(o.latency.candidate.p50), formatSignedMs(o.latency.delta_p50)],
    ["latency p95", formatMs(o.latency.baseline.p95), formatMs(o.latency.candidate.p95), formatSignedMs(o.latency.delta_p95)],
    ["tokens per case", formatCount(o.tokens.baseline.per_case), formatCount(o.tokens.candidate.per_case), formatSignedCount(o.tokens.delta_per_case)]
  ];
  if (o.cost) rows.push(["cost per case", formatMoney(o.cost.baseline.per_case, o.cost.currency), formatMoney(o.cost.candidate.per_case, o.cost.currency), formatMoney(o.cost.delta_per_case, o.cost.currency)]);
  return `<table><thead><tr><th></th><th class="num">baseline</th><th class="num">candidate</th><th class="num">\u0394</th></tr></thead><tbody>${rows.map((r) => `<tr><td>${r[0]}</td>${r.slice(1).map((v) => `<td class="num">${h(v)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}
function gateList(c) {
  if (!c.gate || c.gate.checks.length === 0) return `<p class="muted">No gate checks.</p>`;
  const items = c.gate.checks.map((k) => `<li><span class="status-${k.verdict}">${SYMBOL[k.verdict]} ${k.verdict}</span> <code>${h(k.id)}</code>: ${h(explainCheck(c, k))}</li>`);
  return `<ul>${items.join("")}</ul><p class="muted">Policy: ${h(c.gate.policy_source)}; inconclusive counts as ${h(c.gate.policy.inconclusive)}.</p>`;
}
function prov2(run, ...path) {
  let v = run.provenance;
  for (const k of path) v = v && typeof v === "object" ? v[k] : void 0;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : "\u2014";
}
function provenance(model) {
  const c = model.comparison;
  const row = (label2, f) => `<tr><td>${label2}</td><td><code>${h(f(c.baseline))}</code></td><td><code>${h(f(c.candidate))}</code></td></tr>`;
  const links = [
    ...safeUrl(model.context.runUrl) ? [{ label: "workflow run", url: safeUrl(model.context.runUrl) }] : [],
    ...(model.context.links ?? []).flatMap((l) => safeUrl(l.url) ? [{ label: l.label, url: safeUrl(l.url) }] : [])
  ];
  return `<table><thead><tr><th></th><th>baseline</th><th>candidate</th></tr></thead><tbody>${[
    row("run directory", (r) => r.dir),
    row("commit", (r) => prov2(r, "git", "commit")),
    row("suite", (r) => r.suite ? `${r.suite.name} ${r.suite.hash}` : "\u2014"),
    row("dataset hash", (r) => prov2(r, "dataset_hash")),
    row("prompt hash", (r) => prov2(r, "prompt_hash")),
    row("target", (r) => `${prov2(r, "target", "model")} via ${prov2(r, "target", "provider")}`),
    row("results.jsonl sha256", (r) => r.results_sha256),
    row("cases \xB7 records \xB7 errors", (r) => `${r.counts.cases} \xB7 ${r.counts.records} \xB7 ${r.counts.errors}`)
  ].join("")}</tbody></table>
<ul class="muted">${[
    ...c.provenance.methods,
    ...c.baseline.warnings.map((w) => `\u26A0 baseline: ${w}`),
    ...c.candidate.warnings.map((w) => `\u26A0 candidate: ${w}`),
    ...c.metrics.flatMap((m) => m.notes.map((n2) => `\u26A0 ${m.name}: ${n2}`))
  ].map((m) => `<li>${h(m)}</li>`).join("")}</ul>
<p class="muted">llmops ${h(c.provenance.llmops_version)} \xB7 compared ${h(c.provenance.created_at)}${links.map((l) => ` \xB7 <a href="${escapeHtml(l.url)}" rel="noopener noreferrer">${h(l.label)}</a>`).join("")}</p>`;
}
function casesSection(model) {
  const options = model.comparison.metrics.map((m) => `<option value="${h(m.name)}">${h(m.name)}</option>`).join("");
  const note = model.cases.length === 0 ? `<p class="muted">The runs' results.jsonl were not given to the report: no case details.</p>` : "";
  return `<section id="cases"><h2>Cases</h2>${note}
<div class="filters" role="toolbar" aria-label="Filter cases">
<button type="button" data-filter="all" aria-pressed="true">All <span class="count"></span></button>
<button type="button" data-filter="broke" aria-pressed="false">Broke <span class="count"></span></button>
<button type="button" data-filter="fixed" aria-pressed="false">Fixed <span class="count"></span></button>
<button type="button" data-filter="failing" aria-pressed="false">Failing <span class="count"></span></button>
<label>Metric <select id="metric"><option value="">all metrics</option>${options}</select></label>
<input id="search" type="search" placeholder="Search case id, input, expected, outputs\u2026" aria-label="Search cases">
</div>
<p id="shown" class="muted" aria-live="polite"></p>
<table id="case-table"><thead><tr><th>case</th><th>status</th><th>scores (baseline \u2192 candidate)</th><th class="num">latency</th></tr></thead><tbody></tbody></table>
<p class="muted">Click a row for its input, expected value and both outputs (each cut at ${htmlTextLimit(model.cases.length).toLocaleString("en-US")} characters).</p></section>`;
}
function renderHtmlReport(model) {
  const c = model.comparison;
  const limit = htmlTextLimit(model.cases.length);
  const data = {
    metrics: c.metrics.map((m) => ({ name: sanitizeText(m.name), kind: m.kind, higher_is_better: m.higher_is_better })),
    cases: model.cases.map((d) => caseData(d, limit))
  };
  const title = `${c.gate ? VERDICT_LABEL[c.gate.verdict].word : "NO GATE"} \u2014 ${reportTitle(model)}`;
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
<p class="muted">${c.paired_cases} paired cases${c.one_sided.baseline_only.length + c.one_sided.candidate_only.length > 0 ? ` \xB7 not paired: ${c.one_sided.baseline_only.length} baseline-only, ${c.one_sided.candidate_only.length} candidate-only` : ""}.${holmNote(c)}</p>
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

// src/core/report/arms.ts
var NAME_MAX2 = 60;
var esc = (s) => escapeMarkdownText(s, { maxLength: NAME_MAX2 });
var kindOf = (kind) => ({ kind });
function pairOf(a, metric, arm, versus) {
  return a.pairs.find((p) => p.metric === metric && p.arm === arm && p.versus === versus);
}
function renderMatrix(a) {
  const control = a.arms[0].name;
  const header = ["arm", ...a.metrics.map((m) => esc(m.name))];
  const rows = a.arms.map((arm, i) => [
    `${esc(arm.name)}${i === 0 ? " (control)" : ""}`,
    ...a.metrics.map((m) => {
      const k = kindOf(m.kind);
      const mean2 = formatValue(k, m.means[i] ?? null);
      if (i === 0) return mean2;
      const p = pairOf(a, m.name, arm.name, control);
      if (!p) return mean2;
      const win = m.winner === arm.name ? " \u{1F3C6}" : "";
      return `${mean2} \xB7 ${formatDelta(k, p.delta)} ${formatInterval(k, p.ci_holm)}${win}`.trim();
    })
  ]);
  return markdownTable([header, ...rows], { align: ["l", ...a.metrics.map(() => "r")] });
}
function renderPairs(a) {
  const alpha = 1 - a.confidence;
  const rows = a.pairs.map((p) => {
    const m = a.metrics.find((x) => x.name === p.metric);
    const k = kindOf(m.kind);
    return [
      esc(p.metric),
      `${esc(p.arm)} \u2212 ${esc(p.versus)}`,
      `${formatDelta(k, p.delta)} ${formatInterval(k, p.ci)}`.trim(),
      formatP(p.p_value, alpha),
      `${formatP(p.p_holm, alpha)} ${formatInterval(k, p.ci_holm)}`.trim(),
      p.cases_to_separate === null ? "\u2014" : `~${p.cases_to_separate.toLocaleString("en-US")}`
    ];
  });
  return markdownTable(
    [["metric", "pair", `\u0394 (${formatConfidence(a.confidence)} CI)`, "p", "Holm p [interval at its step]", "cases to separate"], ...rows],
    { align: ["l", "l", "r", "r", "r", "r"] }
  );
}
function renderDisagreements(a) {
  if (a.disagreements.length === 0) return "_The arms agree on every shared case._";
  const metric = a.disagreements[0].metric;
  const k = kindOf(a.metrics.find((m) => m.name === metric)?.kind ?? "continuous");
  const cell = (v) => k.kind === "binary" && (v === 0 || v === 1) ? v === 1 ? "pass" : "fail" : formatValue(k, v);
  const rows = a.disagreements.map((d) => [esc(d.case_id), ...d.values.map(cell)]);
  return `On ${esc(metric)}:

${markdownTable([["case", ...a.arms.map((x) => esc(x.name))], ...rows], { align: ["l", ...a.arms.map(() => "r")] })}`;
}
function renderArmsMarkdown(a) {
  const control = a.arms[0].name;
  const variants = a.arms.slice(1).map((x) => esc(x.name));
  const verdicts = a.metrics.map((m) => `- **${esc(m.name)}**: ${m.winner ? "\u{1F3C6} " : ""}${escapeMarkdownText(m.verdict, { maxLength: 600 })}`);
  const missing = Object.entries(a.not_shared).map(([arm, ids]) => `${esc(arm)}: ${ids.length}`);
  return [
    `### llmops k-arm comparison: ${esc(control)} (control) vs ${variants.join(", ")}`,
    "",
    `${a.shared_cases} cases shared by all ${a.arms.length} arms${missing.length ? ` (not shared, left out \u2014 ${missing.join(", ")})` : ""} \xB7 ${formatConfidence(a.confidence)} intervals \xB7 Holm across ${a.holm_family} pairs \xD7 metrics.`,
    "",
    ...verdicts,
    "",
    `Each variant's mean, then \u0394 against the control with its Holm interval (the interval at Holm's step level for that pair; it excludes 0 exactly when the Holm-adjusted p < ${formatConfidence(1 - a.confidence)}):`,
    "",
    renderMatrix(a),
    "",
    "<details>",
    `<summary>Every pair (${a.pairs.length})</summary>`,
    "",
    "The \u0394 interval and p are the pair's own test (they agree with each other); the Holm columns are adjusted across the whole experiment and decide the verdicts.",
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
    ""
  ].join("\n");
}

// src/core/report/inputs.ts
function parseComparison(text, file) {
  return comparisonFormat.parse(text, file);
}
function reportRecordOf(r) {
  const scores = {};
  for (const [k, sc] of Object.entries(r.scores)) scores[k] = { value: sc.value, ...sc.pass !== void 0 ? { pass: sc.pass } : {} };
  return {
    case_id: r.case_id,
    repeat: r.repeat,
    input: r.input,
    expected: r.expected ?? null,
    output: r.output,
    scores,
    latency_ms: r.latency_ms,
    error: r.error ? { kind: r.error.kind, message: r.error.message } : null
  };
}
function parseResultsJsonl(text, file) {
  const { records, warnings } = collectResults(text, file);
  return { records: records.map(reportRecordOf), warnings };
}

// src/app/fs/line-reader.ts
import { closeSync, openSync, readSync } from "node:fs";
var LineReader = class {
  /** `onChunk` sees every byte of the file once, in order (to hash it as it is read). */
  constructor(path, chunkBytes = 64 * 1024, onChunk) {
    this.onChunk = onChunk;
    this.fd = openSync(path, "r");
    this.buf = Buffer.allocUnsafe(chunkBytes);
  }
  onChunk;
  fd;
  buf;
  start = 0;
  end = 0;
  eof = false;
  /** The next line without its "\n" (a "\r" before it is kept), or null at the end of the file. */
  next() {
    for (; ; ) {
      const nl = this.buf.indexOf(10, this.start);
      if (nl !== -1 && nl < this.end) {
        const line = this.buf.toString("utf8", this.start, nl);
        this.start = nl + 1;
        return line;
      }
      if (this.eof) {
        if (this.start === this.end) return null;
        const line = this.buf.toString("utf8", this.start, this.end);
        this.start = this.end;
        return line;
      }
      this.fill();
    }
  }
  /** Move what is left to the front (growing the buffer for a line longer than it) and read more. */
  fill() {
    const left = this.end - this.start;
    if (left === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, this.start, this.end);
      this.buf = bigger;
    } else if (this.start > 0) this.buf.copy(this.buf, 0, this.start, this.end);
    this.start = 0;
    this.end = left;
    const got = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (got === 0) this.eof = true;
    else this.onChunk?.(this.buf.subarray(this.end, this.end + got));
    this.end += got;
  }
  close() {
    closeSync(this.fd);
  }
};
function* readLines(path, chunkBytes, onChunk) {
  const r = new LineReader(path, chunkBytes, onChunk);
  try {
    for (let line = r.next(); line !== null; line = r.next()) yield line;
  } finally {
    r.close();
  }
}

// src/app/compare/case-records.ts
async function readCaseRecords(file, ids) {
  const warnings = [];
  const byKey = /* @__PURE__ */ new Map();
  const order = /* @__PURE__ */ new Map();
  let lineNo = 0;
  let pending = null;
  const take = (text, no, isLast) => {
    const id0 = plainCaseId(text);
    if (id0 !== null && !ids.has(id0)) return;
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      const r = readResultLine(text, file, no, isLast);
      if (r.kind === "partial") warnings.push(`${file}:${no}: ignored a partial last line (the run was probably killed while writing it)`);
      return;
    }
    const id = value?.case_id;
    if (typeof id !== "string" || !ids.has(id)) return;
    const rec = resultLineFormat.parseValue(value, `${file}:${no}`);
    const key = `${rec.case_id}\0${rec.repeat}`;
    byKey.delete(key);
    byKey.set(key, rec);
    if (!order.has(rec.case_id)) order.set(rec.case_id, order.size);
  };
  if (ids.size > 0) {
    for (const raw of readLines(file)) {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (pending !== null) take(pending, lineNo, false);
      if (lineNo % (1 << 16) === 0 && lineNo > 0) collectGarbage();
      pending = line;
      lineNo++;
    }
    if (pending !== null) take(pending, lineNo, true);
  }
  const records = [...byKey.values()].sort((a, b) => order.get(a.case_id) - order.get(b.case_id) || a.repeat - b.repeat);
  return { records: records.map(reportRecordOf), warnings };
}
var PREFIXES = ['{"schema":"llmops.result/v1","case_id":"', '{"case_id":"'];
function plainCaseId(text) {
  const prefix = PREFIXES.find((p) => text.startsWith(p));
  if (prefix === void 0) return null;
  const end = text.indexOf('"', prefix.length);
  if (end < 0) return null;
  const id = text.slice(prefix.length, end);
  if (id.includes("\\") || text.includes('"case_id"', end) || text.includes("\\u")) return null;
  return id;
}

// src/core/options/report.ts
var RENDER = "file outputs of rendering; the action posts the bundle actions/compare rendered";
var POSTING = "posting to a pull request; the CLI posts nothing";
var reportTitle2 = {
  type: { kind: "string", min: 1, max: 200 },
  side: "cli",
  why: "set when the bundle is rendered (actions/compare's title)",
  description: "heading of the report",
  default: '"llmops eval: <suite name>"'
};
var REPORT_OPTIONS = defineOptions("report", {
  comparison: { type: { kind: "string" }, side: "cli", why: "the CLI renders from comparison.json; the action posts a finished bundle (report-path)", arg: "FILE", description: "the comparison.json to render, or the compare --out DIR holding it (required)" },
  markdown: { type: { kind: "string" }, side: "cli", why: RENDER, arg: "OUT", description: "write the PR comment (fits GitHub's 65,536-character limit)" },
  summary: { type: { kind: "string" }, side: "cli", why: RENDER, arg: "OUT", description: "write the job summary markdown" },
  html: { type: { kind: "string" }, side: "cli", why: RENDER, arg: "OUT", description: "write the self-contained HTML report (no network; open it in a browser)" },
  baseline: { type: { kind: "string" }, side: "cli", why: "rendering reads the runs; the action reads a finished bundle", arg: "DIR", description: "the baseline eval run directory", default: "as recorded in the comparison" },
  candidate: { type: { kind: "string" }, side: "cli", why: "rendering reads the runs; the action reads a finished bundle", arg: "DIR", description: "the candidate eval run directory", default: "as recorded in the comparison" },
  "run-url": { type: { kind: "string" }, side: "cli", why: "a link the action takes from the workflow run itself", arg: "URL", description: "link to the workflow run, shown in the footer (http/https only)" },
  title: { ...reportTitle2, arg: "TEXT" },
  "max-chars": {
    type: { kind: "int", min: 1e3 },
    side: "cli",
    why: "the action's limit is GitHub's comment limit",
    arg: "N",
    description: "limit for the comment",
    default: "65024; GitHub allows 65536, 512 are left for the poster"
  },
  "prompts-base": {
    type: { kind: "string" },
    side: "cli",
    why: "the prompt diff goes into the report when it is rendered; the comment action posts a finished bundle (actions/compare renders it: prompts-base-dir)",
    arg: "REV",
    description: "add the prompts that differ from git revision REV, with their rendered diffs (`llmops prompts diff`), to the comment and the summary"
  },
  json: { ...json, description: "print what was written (paths, verdict, sizes) as JSON on stdout; with no output option the comment markdown is a field of it" },
  quiet,
  "report-path": {
    type: { kind: "string" },
    side: "action",
    why: "the bundle to post",
    required: true,
    description: "the report to post: a markdown file, or a report bundle directory (report.md, comparison.json, pull-request.json) as written by actions/compare or downloaded from its artifact"
  },
  token: requiredToken("token that posts the comment (needs pull-requests: write; checks: write or statuses: write for the check)"),
  "pr-number": {
    type: { kind: "int", min: 1 },
    side: "action",
    why: POSTING,
    description: "pull request to comment on",
    default: "the event's pull request, or the bundle's pull-request.json (verified against the API in workflow_run jobs)"
  },
  "comment-key": {
    type: { kind: "string", pattern: { re: /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, expected: "letters, digits, '.', '_', '/', '-'" } },
    side: "action",
    why: POSTING,
    description: "key of the sticky comment's hidden marker; use different keys for several reports on one PR",
    actionDefault: "llmops"
  },
  "comment-author": {
    type: { kind: "string" },
    side: "action",
    why: POSTING,
    description: "login whose comments count as ours",
    default: "the token's identity; github-actions[bot] for the workflow token"
  },
  check: {
    type: { kind: "flag" },
    side: "action",
    why: "posting a check run",
    description: "also publish the gate as a check run (or a commit status where check runs are not allowed): true or false",
    actionDefault: "true"
  },
  "check-name": { type: { kind: "string", min: 1, max: 100 }, side: "action", why: "posting a check run", description: "name of the check run / status context", actionDefault: "llmops / gate" },
  verdict: {
    type: { kind: "enum", values: ["pass", "fail", "inconclusive"] },
    side: "action",
    why: "posting a check run",
    description: "the gate's verdict when the report has no comparison.json: pass, fail or inconclusive"
  }
});

export {
  buildCaseDetails,
  buildNewCases,
  casesToDetail,
  renderComment,
  renderJobSummary,
  renderHtmlReport,
  renderArmsMarkdown,
  parseComparison,
  reportRecordOf,
  parseResultsJsonl,
  LineReader,
  readLines,
  readCaseRecords,
  reportTitle2 as reportTitle,
  REPORT_OPTIONS
};
