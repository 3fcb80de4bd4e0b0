// The loss curve as a Mermaid xychart (for PR comments and job summaries) and as a standalone SVG
// (for the HTML report). Pure; numbers formatted deterministically.
import type { MetricRecord } from "./log-parse.js";

export interface LossSeries {
  train: { step: number; loss: number }[];
  eval: { step: number; loss: number }[];
}

export function lossSeries(records: readonly { kind: "train" | "eval"; record: MetricRecord }[]): LossSeries {
  const train: { step: number; loss: number }[] = [];
  const evals: { step: number; loss: number }[] = [];
  for (const { kind, record } of records) {
    if (kind === "train" && record.loss !== undefined && Number.isFinite(record.loss)) train.push({ step: record.step, loss: record.loss });
    if (kind === "eval" && record.eval_loss !== undefined && Number.isFinite(record.eval_loss)) evals.push({ step: record.step, loss: record.eval_loss });
  }
  return { train, eval: evals };
}

/** At most `max` points, evenly spaced, always keeping the last. */
export function downsample<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round((i * (points.length - 1)) / (max - 1))]!);
  return out;
}

function round(n: number, digits = 4): string {
  return Number(n.toPrecision(digits)).toString();
}

export function renderLossMermaid(series: LossSeries, opts: { title?: string; maxPoints?: number } = {}): string {
  const pts = downsample(series.train, opts.maxPoints ?? 40);
  if (pts.length === 0) return "";
  const lo = Math.min(...pts.map((p) => p.loss));
  const hi = Math.max(...pts.map((p) => p.loss));
  const yMin = Math.max(0, lo - (hi - lo) * 0.05);
  const yMax = hi + (hi - lo) * 0.05 || hi + 1;
  const title = (opts.title ?? "Training loss").replace(/["\n\r`]/g, "'");
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis "step" [${pts.map((p) => p.step).join(", ")}]`,
    `  y-axis "loss" ${round(yMin)} --> ${round(yMax)}`,
    `  line [${pts.map((p) => round(p.loss)).join(", ")}]`,
    "```",
  ].join("\n");
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(10)));
  return ticks;
}

export function renderLossSvg(series: LossSeries, opts: { title?: string; width?: number; height?: number } = {}): string {
  const W = opts.width ?? 640;
  const H = opts.height ?? 320;
  const m = { l: 56, r: 16, t: 32, b: 40 };
  const all = [...series.train, ...series.eval];
  const title = esc(opts.title ?? "Training loss");
  if (all.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}"><text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-family="sans-serif" font-size="13">no loss values logged</text></svg>\n`;
  }
  const xs = all.map((p) => p.step);
  const ys = all.map((p) => p.loss);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs) === x0 ? x0 + 1 : Math.max(...xs);
  const yLo = Math.max(0, Math.min(...ys));
  const yHi = Math.max(...ys) === yLo ? yLo + 1 : Math.max(...ys);
  const px = (s: number) => m.l + ((s - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (v: number) => H - m.b - ((v - yLo) / (yHi - yLo)) * (H - m.t - m.b);
  const f = (n: number) => n.toFixed(1);
  const path = (pts: { step: number; loss: number }[]) => pts.map((p) => `${f(px(p.step))},${f(py(p.loss))}`).join(" ");
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}" font-family="sans-serif" font-size="11">`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${title}</text>`,
    `<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#888"/>`,
    `<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#888"/>`,
  ];
  for (const t of niceTicks(yLo, yHi, 5)) {
    out.push(`<line x1="${m.l}" y1="${f(py(t))}" x2="${W - m.r}" y2="${f(py(t))}" stroke="#eee"/>`);
    out.push(`<text x="${m.l - 6}" y="${f(py(t) + 4)}" text-anchor="end">${round(t)}</text>`);
  }
  for (const t of niceTicks(x0, x1, 6).filter((t) => Number.isInteger(t))) {
    out.push(`<text x="${f(px(t))}" y="${H - m.b + 16}" text-anchor="middle">${t}</text>`);
  }
  out.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle">step</text>`);
  if (series.train.length) out.push(`<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${path(series.train)}"><title>train loss</title></polyline>`);
  if (series.eval.length) {
    out.push(`<polyline fill="none" stroke="#ff7f0e" stroke-width="2" stroke-dasharray="5,3" points="${path(series.eval)}"><title>eval loss</title></polyline>`);
    for (const p of series.eval) out.push(`<circle cx="${f(px(p.step))}" cy="${f(py(p.loss))}" r="3" fill="#ff7f0e"/>`);
  }
  const lx = W - m.r - 120;
  out.push(`<line x1="${lx}" y1="${m.t}" x2="${lx + 20}" y2="${m.t}" stroke="#1f77b4" stroke-width="2"/><text x="${lx + 26}" y="${m.t + 4}">train</text>`);
  if (series.eval.length) out.push(`<line x1="${lx + 60}" y1="${m.t}" x2="${lx + 80}" y2="${m.t}" stroke="#ff7f0e" stroke-width="2" stroke-dasharray="5,3"/><text x="${lx + 86}" y="${m.t + 4}">eval</text>`);
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
