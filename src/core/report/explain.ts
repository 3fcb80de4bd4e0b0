// One plain sentence per gate check, in the metric's own units (pp for rates), for the verdict
// line and the checks list. Checks this module does not know keep the gate's own message.
import type { Comparison, MetricComparison } from "../compare/types.js";
import type { GateCheck } from "../gate/types.js";
import { formatConfidence, formatDelta, formatValue, isRate } from "./format.js";

const MINUS = "\u2212";

function amount(m: MetricComparison, x: number): string {
  return isRate(m) ? `${(Math.abs(x) * 100).toFixed(1)} pp` : Math.abs(x).toFixed(3);
}

function interval(m: MetricComparison, ci: [number, number] | null, conf: string, asDelta: boolean): string {
  if (!ci) return "";
  const f = (x: number) => (asDelta ? formatDelta(m, x) : formatValue(m, x));
  return ` (${conf} CI ${f(ci[0])} to ${f(ci[1])})`;
}

function metricSentence(k: GateCheck, m: MetricComparison, conf: string): string | null {
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
      if (k.verdict === "fail") return `${name} did not improve by the required ${amount(m, k.limit)}: Δ ${formatDelta(m, k.estimate)}${ci}`;
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

/** A reader's sentence for a check (no trailing period). Untrusted: escape before rendering. */
export function explainCheck(c: Comparison, k: GateCheck): string {
  const m = c.metrics.find((x) => x.name === k.subject);
  const own = m ? metricSentence(k, m, formatConfidence(c.confidence)) : null;
  return (own ?? k.message).replace(/-(?=\d)/g, MINUS);
}

/** Non-pass checks, fails first, in the gate's order otherwise. */
export function failingChecks(c: Comparison): GateCheck[] {
  const checks = c.gate?.checks ?? [];
  return [...checks.filter((k) => k.verdict === "fail"), ...checks.filter((k) => k.verdict === "inconclusive")];
}
