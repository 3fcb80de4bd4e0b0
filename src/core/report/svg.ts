// Inline SVG charts for the HTML report: a forest plot of Δ with its interval per metric, and the
// latency distribution of both runs. Pure; text goes through escapeHtml; colours by class only
// (the report's CSP forbids style attributes).
import type { Comparison, MetricComparison } from "../compare/types.js";
import type { Verdict } from "../gate/types.js";
import { quantileSorted } from "../stats/index.js";
import { escapeHtml, sanitizeText } from "./escape.js";
import { formatConfidence, formatDelta, formatInterval } from "./format.js";
import type { CaseDetail } from "./model.js";

const W = 720;

function n(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

function label(text: string, max = 28): string {
  const t = Array.from(sanitizeText(text).replace(/\s+/g, " "));
  return escapeHtml(t.length > max ? `${t.slice(0, max - 1).join("")}…` : t.join(""));
}

function metricClass(c: Comparison, m: MetricComparison): string {
  const checks = c.gate?.checks.filter((k) => k.subject === m.name) ?? [];
  const rank: Record<Verdict, number> = { pass: 0, inconclusive: 1, fail: 2 };
  const v = checks.reduce<Verdict | null>((a, k) => (a === null || rank[k.verdict] > rank[a] ? k.verdict : a), null);
  return v ?? "info";
}

function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((s) => s * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) out.push(Math.round(t / step) * step);
  return out;
}

/** Δ (candidate − baseline) with its interval, one row per metric, zero line marked. */
export function renderDeltaSvg(c: Comparison): string {
  const rows = c.metrics.filter((m) => m.delta !== null);
  if (rows.length === 0) return `<p class="muted">No metric has a Δ to chart.</p>`;
  const unit = rows.every((m) => [m.baseline.mean, m.candidate.mean].every((v) => v === null || Math.abs(v) <= 1)) ? 100 : 1;
  const lo = Math.min(0, ...rows.map((m) => (m.ci?.[0] ?? m.delta!) * unit));
  const hi = Math.max(0, ...rows.map((m) => (m.ci?.[1] ?? m.delta!) * unit));
  const pad = (hi - lo || 1) * 0.08;
  const [min, max] = [lo - pad, hi + pad];
  const left = 170;
  const right = W - 190;
  const rowH = 30;
  const top = 28;
  const height = top + rows.length * rowH + 34;
  const x = (v: number) => left + ((v - min) / (max - min)) * (right - left);
  const parts: string[] = [];
  for (const t of ticks(min, max)) {
    parts.push(`<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${top - 6}" y2="${height - 28}"/>`);
    parts.push(`<text class="tick" x="${n(x(t))}" y="${height - 12}" text-anchor="middle">${n(t)}</text>`);
  }
  parts.push(`<line class="zero" x1="${n(x(0))}" x2="${n(x(0))}" y1="${top - 10}" y2="${height - 28}"/>`);
  rows.forEach((m, i) => {
    const y = top + i * rowH + rowH / 2;
    const cls = metricClass(c, m);
    const [a, b] = m.ci ? [m.ci[0] * unit, m.ci[1] * unit] : [m.delta! * unit, m.delta! * unit];
    parts.push(`<text class="name" x="${left - 10}" y="${n(y + 4)}" text-anchor="end">${label(m.name)}</text>`);
    parts.push(`<line class="ci ${cls}" x1="${n(x(a))}" x2="${n(x(b))}" y1="${n(y)}" y2="${n(y)}"/>`);
    parts.push(`<line class="ci ${cls}" x1="${n(x(a))}" x2="${n(x(a))}" y1="${n(y - 6)}" y2="${n(y + 6)}"/>`);
    parts.push(`<line class="ci ${cls}" x1="${n(x(b))}" x2="${n(x(b))}" y1="${n(y - 6)}" y2="${n(y + 6)}"/>`);
    parts.push(`<circle class="pt ${cls}" cx="${n(x(m.delta! * unit))}" cy="${n(y)}" r="5"/>`);
    parts.push(`<text class="val" x="${right + 12}" y="${n(y + 4)}">${escapeHtml(`${formatDelta(m, m.delta)} ${formatInterval(m, m.ci)}`)}</text>`);
  });
  const title = `Δ candidate − baseline${unit === 100 ? " (points)" : ""}, ${formatConfidence(c.confidence)} CI`;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title><text class="ctitle" x="${left}" y="16">${escapeHtml(title)}</text>${parts.join("")}</svg>`;
}

/** Histogram of per-case latency, baseline and candidate side by side, with p50 and p95 marks. */
export function renderLatencySvg(c: Comparison, cases: CaseDetail[]): string {
  const pick = (side: "baseline" | "candidate") => cases.map((d) => d[side]?.latency_ms).filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
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
  const count = (xs: number[]) => {
    const h = new Array<number>(bins).fill(0);
    for (const v of xs) h[Math.min(bins - 1, Math.floor(v / width))]! += 1;
    return h;
  };
  const hb = count(b);
  const hk = count(k);
  const peak = Math.max(1, ...hb, ...hk);
  const left = 50;
  const right = W - 70;
  const top = 30;
  const bottom = 200;
  const bw = (right - left) / bins;
  const y = (v: number) => bottom - (v / peak) * (bottom - top);
  const parts: string[] = [];
  for (const t of ticks(0, peak, 4)) {
    parts.push(`<line class="grid" x1="${left}" x2="${right}" y1="${n(y(t))}" y2="${n(y(t))}"/><text class="tick" x="${left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  for (let i = 0; i < bins; i++) {
    const x0 = left + i * bw;
    if (hb[i]) parts.push(`<rect class="bar base" x="${n(x0 + 1)}" y="${n(y(hb[i]!))}" width="${n(bw / 2 - 1)}" height="${n(bottom - y(hb[i]!))}"><title>baseline ${Math.round(i * width)}–${Math.round((i + 1) * width)} ms: ${hb[i]}</title></rect>`);
    if (hk[i]) parts.push(`<rect class="bar cand" x="${n(x0 + bw / 2)}" y="${n(y(hk[i]!))}" width="${n(bw / 2 - 1)}" height="${n(bottom - y(hk[i]!))}"><title>candidate ${Math.round(i * width)}–${Math.round((i + 1) * width)} ms: ${hk[i]}</title></rect>`);
  }
  for (const t of ticks(0, max, 6)) {
    parts.push(`<text class="tick" x="${n(left + (t / (bins * width)) * (right - left))}" y="${bottom + 16}" text-anchor="middle">${t}</text>`);
  }
  const mark = (xs: number[], cls: string, row: number) =>
    xs.length === 0
      ? ""
      : [0.5, 0.95]
          .map((q) => {
            const v = quantileSorted(xs, q);
            const px = left + (v / (bins * width)) * (right - left);
            return `<line class="mark ${cls}" x1="${n(px)}" x2="${n(px)}" y1="${top - 4}" y2="${bottom}"/><text class="mlabel ${cls}" x="${n(px + 3)}" y="${top - 8 + row * 11}">p${q * 100} ${Math.round(v)}</text>`;
          })
          .join("");
  parts.push(mark(b, "base", 0), mark(k, "cand", 1));
  const legend = `<rect class="bar base" x="${right - 250}" y="${bottom + 26}" width="10" height="10"/><text class="tick" x="${right - 236}" y="${bottom + 35}">baseline (n=${b.length})</text><rect class="bar cand" x="${right - 120}" y="${bottom + 26}" width="10" height="10"/><text class="tick" x="${right - 106}" y="${bottom + 35}">candidate (n=${k.length})</text>`;
  const title = "Latency per case (ms)";
  return `<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${W} ${bottom + 44}" width="${W}" height="${bottom + 44}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title><text class="ctitle" x="${left}" y="12">${title}</text>${parts.join("")}<text class="tick" x="${left}" y="${bottom + 35}">ms →</text>${legend}</svg>`;
}
