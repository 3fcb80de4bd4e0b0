// Numbers as a reviewer reads them: rates as percentages and Δ in percentage points for pass/fail
// metrics, three decimals for scores, a real minus sign, p-values that never print as 0.
import type { MetricComparison } from "../compare/types.js";
import type { Verdict } from "../gate/types.js";

const MINUS = "\u2212";

function signed(n: number, digits: number): string {
  const s = Math.abs(n).toFixed(digits);
  if (Number(s) === 0) return `±${s}`;
  return `${n < 0 ? MINUS : "+"}${s}`;
}

function plain(n: number, digits: number): string {
  const s = n.toFixed(digits);
  return n < 0 && Number(s) !== 0 ? `${MINUS}${s.slice(1)}` : s.replace(/^-/, "");
}

/** Whether a metric reads best as a percentage (binary, or scores kept in [0,1]). */
export function isRate(m: Pick<MetricComparison, "kind">): boolean {
  return m.kind === "binary";
}

export function formatValue(m: Pick<MetricComparison, "kind">, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "—";
  return isRate(m) ? `${(v * 100).toFixed(1)}%` : plain(v, Math.abs(v) >= 10 ? 2 : 3);
}

export function formatDelta(m: Pick<MetricComparison, "kind">, d: number | null): string {
  if (d === null || !Number.isFinite(d)) return "—";
  return isRate(m) ? `${signed(d * 100, 1)} pp` : signed(d, 3);
}

export function formatInterval(m: Pick<MetricComparison, "kind">, ci: [number, number] | null): string {
  if (!ci) return "";
  const digits = isRate(m) ? 1 : 3;
  const f = (x: number) => {
    const v = isRate(m) ? x * 100 : x;
    // An end that is not 0 never prints as 0: whether the interval excludes 0 must stay readable.
    return v !== 0 && Number(v.toFixed(digits)) === 0 ? plain(Number(v.toPrecision(1)), 20).replace(/0+$/, "") : plain(v, digits);
  };
  return `[${f(ci[0])}, ${f(ci[1])}]`;
}

/**
 * A p-value with two significant digits (0.012, 0.0042, 0.18, 1.0) that never prints as 0, and,
 * given α, never rounds across it: a p just below α gets the digits that show it is below.
 */
export function formatP(p: number | null, alpha?: number): string {
  if (p === null || !Number.isFinite(p)) return "—";
  if (p < 0.001) return "<0.001";
  if (p >= 0.995) return "1.0";
  let digits = 2;
  while (alpha !== undefined && p < alpha && Number(p.toPrecision(digits)) >= alpha && digits < 15) digits++;
  return Number(p.toPrecision(digits)).toString().replace(/^(0\.\d)$/, "$10");
}

/**
 * The p cell of a metric row: its own p and, when gated under Holm, the adjusted p with the interval
 * at Holm's step level (the one that agrees with it) — never an adjusted p next to an unadjusted
 * interval without saying which is which.
 */
export function formatPWithHolm(m: Pick<MetricComparison, "kind" | "p_value" | "p_holm" | "gated" | "ci_holm">, alpha: number): { p: string; holm: string | null } {
  const p = formatP(m.p_value, alpha);
  if (!m.gated || m.p_holm === null || m.p_holm === m.p_value) return { p, holm: null };
  const ci = m.ci_holm ? ` ${formatInterval(m, m.ci_holm)}` : "";
  return { p, holm: `Holm ${formatP(m.p_holm, alpha)}${ci}` };
}

export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms).toLocaleString("en-US")} ms`;
}

export function formatSignedMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  return `${ms < 0 ? MINUS : "+"}${formatMs(Math.abs(ms))}`;
}

export function formatCount(n: number | null): string {
  return n === null || !Number.isFinite(n) ? "—" : Math.round(n).toLocaleString("en-US");
}

/** A signed whole count: +12, −3, ±0. */
export function formatSignedCount(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return "—";
  const r = Math.round(n);
  return r === 0 ? "±0" : `${r < 0 ? MINUS : "+"}${Math.abs(r).toLocaleString("en-US")}`;
}

export function formatMoney(n: number | null, currency: string | null): string {
  if (n === null || !Number.isFinite(n)) return "—";
  const digits = Math.abs(n) >= 1 ? 2 : Math.abs(n) >= 0.01 ? 4 : 6;
  return `${n < 0 ? MINUS : ""}${Math.abs(n).toFixed(digits)}${currency ? ` ${currency}` : ""}`;
}

export function formatConfidence(c: number): string {
  return `${Math.round(c * 1000) / 10}%`;
}

export const VERDICT_LABEL: Record<Verdict, { emoji: string; word: string }> = {
  pass: { emoji: "✅", word: "PASS" },
  fail: { emoji: "❌", word: "FAIL" },
  inconclusive: { emoji: "⚠️", word: "INCONCLUSIVE" },
};
