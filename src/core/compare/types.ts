// The Comparison model: what `llmops compare` writes to comparison.json and what every renderer
// (PR comment, job summary, HTML report) reads. The schema is core/contracts/comparison.ts; these
// are the types inferred from it.
export { COMPARISON_TAG as COMPARISON_SCHEMA } from "../contracts/comparison.js";
export type {
  Comparison,
  Distribution,
  Flip,
  IntervalMethod,
  MetricComparison,
  MetricKind,
  OneSided,
  OperationalDeltas,
  RunRef,
  SideStats,
  TestMethod,
} from "../contracts/comparison.js";
