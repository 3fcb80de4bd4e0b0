// The gate's verdict as comparison.json carries it (`gate`), with the policy as applied and every
// decided check. The comment step and the check run read it; it is decided where a PR cannot reach.
import { z } from "zod";

export const VerdictSchema = z.enum(["pass", "fail", "inconclusive"]);
export const InconclusivePolicySchema = z.enum(["fail", "pass", "neutral"]);
/** An absolute margin in the metric's units (0.02), or a percentage of the baseline mean ("5%"). */
export const MarginSpecSchema = z.union([z.number(), z.templateLiteral([z.number(), "%"])]);

export const MetricPolicySchema = z.object({
  greater_is_better: z.boolean().optional(),
  threshold: z.number().optional(),
  max_regression: MarginSpecSchema.optional(),
  min_improvement: MarginSpecSchema.optional(),
  min_absolute_change: z.number().optional(),
  min_relative_change: z.number().optional(),
  gate: z.boolean().optional(),
});

export const GatePolicySchema = z.object({
  metrics: z.record(z.string(), MetricPolicySchema),
  latency: z.object({ p95_max_ms: z.number().optional(), p95_max_regression: MarginSpecSchema.optional() }).optional(),
  cost: z.object({ max_per_case: z.number().optional(), max_total: z.number().optional(), max_regression: MarginSpecSchema.optional() }).optional(),
  confidence: z.number().gt(0).lt(1),
  inconclusive: InconclusivePolicySchema,
  bootstrap_resamples: z.number().int().positive(),
  seed: z.number(),
  require_metrics: z.boolean(),
});

export const CheckKindSchema = z.enum(["unchanged", "floor", "non_inferiority", "superiority", "latency_budget", "cost_budget", "presence"]);

const interval = z.tuple([z.number(), z.number()]);

export const GateCheckSchema = z.object({
  id: z.string().describe('Stable id, e.g. "accuracy/non_inferiority"'),
  subject: z.string(),
  kind: CheckKindSchema,
  verdict: VerdictSchema,
  estimate: z.number().nullable(),
  interval: interval.nullable(),
  limit: z.number().nullable(),
  message: z.string().max(2000),
  cases_needed: z.number().nullable(),
  repeats_needed: z.number().nullable(),
  undecidable: z.string().optional().describe("For INCONCLUSIVE: set when the margin is narrower than this suite can ever resolve"),
});

export const GateVerdictSchema = z.object({
  verdict: VerdictSchema,
  blocking: z.boolean().describe("Whether the gate blocks (exit code 1)"),
  conclusion: z.enum(["success", "failure", "neutral"]),
  checks: z.array(GateCheckSchema).max(1000),
  reasons: z.array(z.string().max(2000)).max(200).describe("One line per non-pass check, worst first"),
  policy: GatePolicySchema,
  policy_source: z.string(),
});

export type Verdict = z.infer<typeof VerdictSchema>;
export type InconclusivePolicy = z.infer<typeof InconclusivePolicySchema>;
export type MarginSpec = z.infer<typeof MarginSpecSchema>;
export type MetricPolicy = z.infer<typeof MetricPolicySchema>;
export type GatePolicy = z.infer<typeof GatePolicySchema>;
export type LatencyBudget = NonNullable<GatePolicy["latency"]>;
export type CostBudget = NonNullable<GatePolicy["cost"]>;
export type CheckKind = z.infer<typeof CheckKindSchema>;
export type GateCheck = z.infer<typeof GateCheckSchema>;
export type GateResult = z.infer<typeof GateVerdictSchema>;
