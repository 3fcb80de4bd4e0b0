// Decide a gate from a comparison's confidence bounds. Each check passes when its whole interval
// clears the limit, fails when its whole interval lies beyond it, and is inconclusive otherwise;
// inconclusive checks come with the number of cases (or repeats) that would likely decide them.
import { ConfigError } from "../../errors.js";
import { didYouMean } from "../config/suggest.js";
import { casesNeeded, casesNeededFromSe, normalQuantile, repeatsNeeded } from "../stats/index.js";
import type { Comparison, MetricComparison } from "../compare/types.js";
import { casesToDecide, explainMargin, identicalRunsBound } from "./decidable.js";
import { improvementSpecs, resolveMargin } from "./policy.js";
import type { GateCheck, GatePolicy, GateResult, InconclusivePolicy, MetricPolicy, Verdict } from "./types.js";

const fmt = (x: number | null | undefined, digits = 4): string => (x === null || x === undefined || !Number.isFinite(x) ? "n/a" : Number(x.toPrecision(digits)).toString());
const fmtCi = (ci: [number, number] | null): string => (ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : "n/a");

/**
 * Verdict of "the quantity is at least `limit`" given its (closed) interval. A limit on the
 * interval's edge is inside it — the test against that limit does not reject (p = α) — so the
 * check passes or fails only when the whole interval lies strictly on one side.
 */
function atLeast(ci: [number, number], limit: number): Verdict {
  if (ci[0] > limit) return "pass";
  if (ci[1] < limit) return "fail";
  return "inconclusive";
}

/** Verdict of "the quantity is at most `limit`" (strict on both sides, as atLeast). */
function atMost(ci: [number, number], limit: number): Verdict {
  if (ci[1] < limit) return "pass";
  if (ci[0] > limit) return "fail";
  return "inconclusive";
}

interface Advice {
  cases_needed: number | null;
  repeats_needed: number | null;
}

/** Cases (and repeats) at which a comparative check would likely be decided, from the observed spread. */
function adviseDelta(row: MetricComparison, gap: number, alpha: number): Advice {
  if (!(Math.abs(gap) > 0)) return { cases_needed: null, repeats_needed: null };
  let cases: number | null = null;
  if (row.sd_diff !== null && row.sd_diff > 0) cases = casesNeeded(row.sd_diff, gap, alpha);
  else if (row.ci) cases = casesNeededFromSe((row.ci[1] - row.ci[0]) / (2 * normalQuantile(1 - alpha / 2)), row.n, gap, alpha);
  let repeats: number | null = null;
  const k = Math.max(row.repeats.baseline, row.repeats.candidate);
  if (row.sd_diff !== null && row.sd_within !== null && k >= 1) {
    // Var(case-mean difference) = σ_b² + σ_w²/K: estimate σ_b² from the observed K.
    const between = Math.sqrt(Math.max(0, row.sd_diff ** 2 - row.sd_within ** 2 / k));
    repeats = repeatsNeeded(between, row.sd_within, row.n, gap, alpha);
  }
  return { cases_needed: cases, repeats_needed: repeats };
}

function adviseSide(ci: [number, number] | null, n: number, gap: number, alpha: number): Advice {
  if (!ci || !(Math.abs(gap) > 0)) return { cases_needed: null, repeats_needed: null };
  return { cases_needed: casesNeededFromSe((ci[1] - ci[0]) / (2 * normalQuantile(1 - alpha / 2)), n, gap, alpha), repeats_needed: null };
}

/** When a 0/1 metric's margin is narrower than the interval of two runs that agree on every case. */
function undecidable(name: string, row: MetricComparison, margin: number, confidence: number): { undecidable?: string } {
  if (row.kind !== "binary" || row.repeats.baseline > 1 || row.repeats.candidate > 1) return {};
  const smallest = identicalRunsBound(row.n, confidence);
  if (margin > smallest) return {};
  return { undecidable: explainMargin(name, margin, row.n, smallest, casesToDecide(margin, confidence)) };
}

function metricChecks(name: string, rule: MetricPolicy, row: MetricComparison | undefined, policy: GatePolicy, known: readonly string[], source: string): GateCheck[] {
  const alpha = 1 - policy.confidence;
  const base = { subject: name, cases_needed: null, repeats_needed: null };
  if (!row && policy.require_metrics) {
    // Neither run has the metric: a name the policy got wrong, not a candidate that failed.
    throw new ConfigError(`${source}: gate.metrics.${name}: neither run has a metric named "${name}"${didYouMean(name, known)}`, {
      hint: known.length ? `the runs' metrics are: ${known.join(", ")}` : "the runs have no metrics; check that both are eval run directories",
    });
  }
  if (!row || row.n === 0 || row.delta === null) {
    const verdict: Verdict = policy.require_metrics ? "fail" : "inconclusive";
    return [
      {
        ...base,
        id: `${name}/presence`,
        kind: "presence",
        verdict,
        estimate: null,
        interval: null,
        limit: null,
        message: row ? `${name}: no case has a value on both sides` : `${name}: the policy gates this metric but neither run has it${didYouMean(name, known)}`,
      },
    ];
  }
  const up = rule.greater_is_better ?? row.higher_is_better;
  const s = up ? 1 : -1;
  const checks: GateCheck[] = [];
  // Work in "improvement" units (s·Δ) so one rule serves both directions.
  const imp = s * row.delta;
  const impCi: [number, number] | null = row.ci ? (up ? [row.ci[0], row.ci[1]] : [-row.ci[1], -row.ci[0]]) : null;

  if (rule.threshold !== undefined) {
    const ci = row.candidate.ci;
    const thr = rule.threshold;
    const verdict = ci ? (up ? atLeast(ci, thr) : atMost(ci, thr)) : "inconclusive";
    checks.push({
      ...base,
      ...(verdict === "inconclusive" ? adviseSide(ci, row.n, (row.candidate.mean ?? thr) - thr, alpha) : {}),
      id: `${name}/threshold`,
      kind: "floor",
      verdict,
      estimate: row.candidate.mean,
      interval: ci,
      limit: thr,
      message: `${name}: candidate ${fmt(row.candidate.mean)} ${fmtCi(ci)} must be ${up ? "≥" : "≤"} ${fmt(thr)}`,
    });
  }
  if (rule.max_regression !== undefined) {
    const m = resolveMargin(rule.max_regression, row.baseline.mean);
    if (!m) {
      checks.push({ ...base, id: `${name}/max_regression`, kind: "non_inferiority", verdict: "inconclusive", estimate: row.delta, interval: row.ci, limit: null, message: `${name}: max_regression ${rule.max_regression} is relative but the baseline mean is ${fmt(row.baseline.mean)} (not positive); use an absolute margin` });
    } else {
      const verdict = impCi ? atLeast(impCi, -m.absolute) : "inconclusive";
      checks.push({
        ...base,
        ...(verdict === "inconclusive" ? adviseDelta(row, imp + m.absolute, alpha) : {}),
        ...(verdict === "inconclusive" ? undecidable(name, row, m.absolute, policy.confidence) : {}),
        id: `${name}/max_regression`,
        kind: "non_inferiority",
        verdict,
        estimate: row.delta,
        interval: row.ci,
        limit: -s * m.absolute,
        message: `${name}: Δ ${fmt(row.delta)} ${fmtCi(row.ci)} must not be ${up ? "below" : "above"} ${fmt(-s * m.absolute)} (max_regression ${m.relative ? `${m.spec} of ${fmt(row.baseline.mean)}` : m.spec})`,
      });
    }
  }
  for (const { field, spec } of improvementSpecs(rule)) {
    const g = resolveMargin(spec, row.baseline.mean);
    if (!g) {
      checks.push({ ...base, id: `${name}/${field}`, kind: "superiority", verdict: "inconclusive", estimate: row.delta, interval: row.ci, limit: null, message: `${name}: ${field} ${spec} is relative but the baseline mean is not positive` });
      continue;
    }
    const verdict = impCi ? atLeast(impCi, g.absolute) : "inconclusive";
    checks.push({
      ...base,
      ...(verdict === "inconclusive" ? adviseDelta(row, imp - g.absolute, alpha) : {}),
      id: `${name}/${field}`,
      kind: "superiority",
      verdict,
      estimate: row.delta,
      interval: row.ci,
      limit: s * g.absolute,
      message: `${name}: Δ ${fmt(row.delta)} ${fmtCi(row.ci)} must be ${up ? "at least" : "at most"} ${fmt(s * g.absolute)} (${field} ${g.relative ? `${g.spec} of ${fmt(row.baseline.mean)}` : g.spec})`,
    });
  }
  return checks;
}

function budgetChecks(c: Comparison, policy: GatePolicy): GateCheck[] {
  const out: GateCheck[] = [];
  const none = { cases_needed: null, repeats_needed: null };
  const lat = c.operational.latency;
  if (policy.latency?.p95_max_ms !== undefined) {
    const b = policy.latency.p95_max_ms;
    const ci = lat.candidate_p95_ci;
    out.push({
      ...none,
      id: "latency/p95_max_ms",
      subject: "latency",
      kind: "latency_budget",
      verdict: ci ? atMost(ci, b) : "inconclusive",
      estimate: lat.candidate.p95,
      interval: ci,
      limit: b,
      message: `latency: candidate p95 ${fmt(lat.candidate.p95)} ms ${fmtCi(ci)} must be ≤ ${fmt(b)} ms`,
    });
  }
  if (policy.latency?.p95_max_regression !== undefined) {
    const m = resolveMargin(policy.latency.p95_max_regression, lat.baseline.p95);
    const ci = lat.delta_p95_ci;
    out.push({
      ...none,
      id: "latency/p95_max_regression",
      subject: "latency",
      kind: "latency_budget",
      verdict: ci && m ? atMost(ci, m.absolute) : "inconclusive",
      estimate: lat.delta_p95,
      interval: ci,
      limit: m?.absolute ?? null,
      message: `latency: Δp95 ${fmt(lat.delta_p95)} ms ${fmtCi(ci)} must be ≤ ${m ? `${fmt(m.absolute)} ms` : "n/a (no baseline latency)"}`,
    });
  }
  const cost = c.operational.cost;
  const cb = policy.cost;
  if (cb && (cb.max_per_case !== undefined || cb.max_total !== undefined || cb.max_regression !== undefined) && !cost) {
    out.push({ ...none, id: "cost/presence", subject: "cost", kind: "cost_budget", verdict: policy.require_metrics ? "fail" : "inconclusive", estimate: null, interval: null, limit: null, message: "cost: the policy sets a cost budget but neither run recorded costs (configure prices in the suite)" });
    return out;
  }
  if (cb?.max_per_case !== undefined && cost) {
    const ci = cost.candidate_per_case_ci;
    out.push({ ...none, id: "cost/max_per_case", subject: "cost", kind: "cost_budget", verdict: ci ? atMost(ci, cb.max_per_case) : "inconclusive", estimate: cost.candidate.per_case, interval: ci, limit: cb.max_per_case, message: `cost: candidate per case ${fmt(cost.candidate.per_case)} ${fmtCi(ci)} must be ≤ ${fmt(cb.max_per_case)}` });
  }
  if (cb?.max_total !== undefined && cost) {
    out.push({ ...none, id: "cost/max_total", subject: "cost", kind: "cost_budget", verdict: cost.candidate_run_total <= cb.max_total ? "pass" : "fail", estimate: cost.candidate_run_total, interval: null, limit: cb.max_total, message: `cost: candidate run total ${fmt(cost.candidate_run_total)} must be ≤ ${fmt(cb.max_total)}` });
  }
  if (cb?.max_regression !== undefined && cost) {
    const m = resolveMargin(cb.max_regression, cost.baseline.per_case);
    const ci = cost.delta_per_case_ci;
    out.push({ ...none, id: "cost/max_regression", subject: "cost", kind: "cost_budget", verdict: ci && m ? atMost(ci, m.absolute) : "inconclusive", estimate: cost.delta_per_case, interval: ci, limit: m?.absolute ?? null, message: `cost: Δ per case ${fmt(cost.delta_per_case)} ${fmtCi(ci)} must be ≤ ${m ? fmt(m.absolute) : "n/a (baseline cost not positive)"}` });
  }
  return out;
}

const RANK: Record<Verdict, number> = { fail: 0, inconclusive: 1, pass: 2 };

/**
 * The check run's conclusion, a function of the verdict alone (and, for inconclusive, the policy's
 * `inconclusive:` rule). actions/comment derives it again from a bundle's verdict instead of
 * trusting the bundle's own `conclusion` field.
 */
export function conclusionFor(verdict: Verdict, inconclusive: InconclusivePolicy): GateResult["conclusion"] {
  if (verdict === "pass") return "success";
  if (verdict === "fail") return "failure";
  return inconclusive === "neutral" ? "neutral" : inconclusive === "pass" ? "success" : "failure";
}

/** The gate's verdict on a comparison under a policy. */
export function evaluateGate(c: Omit<Comparison, "gate">, policy: GatePolicy, source: string): GateResult {
  if (c.unchanged) {
    // The candidate is the baseline: there is nothing for a test to decide.
    const check: GateCheck = { id: "unchanged", subject: "candidate", kind: "unchanged", verdict: "pass", estimate: null, interval: null, limit: null, message: c.unchanged.reason, cases_needed: null, repeats_needed: null };
    return { verdict: "pass", blocking: false, conclusion: "success", checks: [check], reasons: [], policy, policy_source: source };
  }
  const checks: GateCheck[] = [];
  for (const [name, rule] of Object.entries(policy.metrics)) {
    if (rule.gate === false) continue;
    checks.push(...metricChecks(name, rule, c.metrics.find((m) => m.name === name), policy, c.metrics.map((m) => m.name), source));
  }
  checks.push(...budgetChecks(c as Comparison, policy));
  const verdict: Verdict = checks.length === 0 ? "inconclusive" : checks.reduce<Verdict>((v, ch) => (RANK[ch.verdict] < RANK[v] ? ch.verdict : v), "pass");
  const blocking = verdict === "fail" || (verdict === "inconclusive" && policy.inconclusive === "fail");
  const conclusion = conclusionFor(verdict, policy.inconclusive);
  const reasons = checks
    .filter((ch) => ch.verdict !== "pass")
    .sort((a, b) => RANK[a.verdict] - RANK[b.verdict])
    .map((ch) => {
      const more = [ch.cases_needed !== null ? `~${ch.cases_needed} paired cases` : null, ch.repeats_needed !== null ? `or ${ch.repeats_needed} repeats per case` : null].filter(Boolean).join(" ");
      if (ch.undecidable) return `${ch.verdict.toUpperCase()}: ${ch.message} — ${ch.undecidable}`;
      return `${ch.verdict.toUpperCase()}: ${ch.message}${ch.verdict === "inconclusive" && more ? ` — would likely be decided at ${more}` : ""}`;
    });
  if (checks.length === 0) reasons.push("INCONCLUSIVE: the policy has no rules that apply");
  return { verdict, blocking, conclusion, checks, reasons, policy, policy_source: source };
}
