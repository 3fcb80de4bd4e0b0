import { describe, expect, it } from "vitest";
import { makeComparison } from "../../../test/support/report-fixture.js";
import type { GateCheck } from "../gate/types.js";
import { explainCheck } from "./explain.js";

const c = makeComparison();
const check = (over: Partial<GateCheck>): GateCheck => ({
  id: "x",
  subject: "exact_match",
  kind: "non_inferiority",
  verdict: "pass",
  estimate: -0.01,
  interval: [-0.015, 0.03],
  limit: -0.02,
  message: "gate's own words",
  cases_needed: null,
  repeats_needed: null,
  ...over,
});

describe("explainCheck", () => {
  it.each<[Partial<GateCheck>, string]>([
    [{}, "exact_match got worse by 1.0 pp (95% CI −1.5 pp to +3.0 pp), within the allowed 2.0 pp"],
    [{ kind: "superiority", verdict: "fail", estimate: 0.01, interval: [-0.02, 0.04], limit: 0.05 }, "exact_match did not improve by the required 5.0 pp: Δ +1.0 pp (95% CI −2.0 pp to +4.0 pp)"],
    [{ kind: "superiority", verdict: "pass", estimate: 0.1, interval: [0.06, 0.14], limit: 0.05 }, "exact_match improved by 10.0 pp (95% CI +6.0 pp to +14.0 pp), more than the required 5.0 pp"],
    [{ kind: "floor", verdict: "fail", estimate: 0.62, interval: [0.48, 0.74], limit: 0.8 }, "exact_match is 62.0% (95% CI 48.0% to 74.0%), on the wrong side of the floor of 80.0%"],
    [{ subject: "token_f1", kind: "floor", verdict: "inconclusive", estimate: 0.79, interval: [0.74, 0.83], limit: 0.8 }, "token_f1 is 0.790 (95% CI 0.740 to 0.830), too close to the floor of 0.800 to tell"],
    [{ subject: "latency", kind: "latency_budget", message: "latency: p95 1716 ms [1056, 1847] must be ≤ 3000 ms" }, "latency: p95 1716 ms [1056, 1847] must be ≤ 3000 ms"],
    [{ subject: "gone", kind: "presence", message: "gone: missing from the candidate run (-1)" }, "gone: missing from the candidate run (−1)"],
  ])("%j", (over, expected) => {
    expect(explainCheck(c, check(over))).toBe(expected);
  });
});
