// Gate policy and verdict types. A policy says, per metric, what a candidate must show against a
// baseline; the verdict is decided from confidence bounds (never point estimates) and carries the
// numbers behind each check. The schemas are core/contracts/gate-verdict.ts (the verdict travels in
// comparison.json); these are the types inferred from them.
export type {
  CheckKind,
  CostBudget,
  GateCheck,
  GatePolicy,
  GateResult,
  InconclusivePolicy,
  LatencyBudget,
  MarginSpec,
  MetricPolicy,
  Verdict,
} from "../contracts/gate-verdict.js";
import type { MarginSpec } from "../contracts/gate-verdict.js";

/** A margin resolved against the baseline: always absolute, in metric units, ≥ 0. */
export interface ResolvedMargin {
  spec: MarginSpec;
  /** Absolute amount in metric units. */
  absolute: number;
  relative: boolean;
}
