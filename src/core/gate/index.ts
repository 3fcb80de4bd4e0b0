// The gate domain: policies and verdicts over a comparison.
export * from "./types.js";
export { gatePolicySchema, metricPolicySchema, parseGatePolicy, validateGatePolicy, defaultPolicy, defaultGatePolicy, resolveMargin, type GatePolicyInput } from "./policy.js";
export { conclusionFor, evaluateGate } from "./evaluate.js";
export { BINARY_SCORER_TYPES, casesToDecide, explainMargin, identicalRunsBound, planMargins, type MarginPlan } from "./decidable.js";
