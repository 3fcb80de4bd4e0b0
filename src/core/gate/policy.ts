// The gate policy's YAML schema (strict: unknown keys are errors with did-you-mean) and loading it
// from a policy file or from a suite's `gate:` key, with file:line:col in every error.
import { z } from "zod";
import { ConfigError } from "../../errors.js";
import { parseYamlSource, validateConfig, type SourcedDocument } from "../config/index.js";
import type { GatePolicy, MarginSpec, MetricPolicy, ResolvedMargin } from "./types.js";

const percent = z
  .string()
  .regex(/^\d+(\.\d+)?%$/, 'expected a number or a percentage such as "5%"')
  .refine((s) => Number(s.slice(0, -1)) <= 1000, "expected a percentage of at most 1000%");
/** An absolute amount (0.02) or a share of the baseline mean ("5%"). Metric scores lie in [0, 1]. */
const marginSchema = z.union([z.number().nonnegative().max(1), percent]);
/** Budgets in ms or money: a number a run could meet (not 1e20). */
const budget = z.number().nonnegative().max(1e9);
/** Latency margins (ms or "20%") are not bounded by 1. */
const budgetMarginSchema = z.union([budget, percent]);

export const metricPolicySchema = z
  .strictObject({
    greater_is_better: z.boolean().optional(),
    threshold: z.number().min(0).max(1).optional(),
    max_regression: marginSchema.optional(),
    min_improvement: marginSchema.optional(),
    min_absolute_change: z.number().nonnegative().max(1).optional(),
    min_relative_change: z.number().nonnegative().max(10).optional(),
    gate: z.boolean().optional(),
  })
  .refine(
    (m) => m.threshold !== undefined || m.max_regression !== undefined || m.min_improvement !== undefined || m.min_absolute_change !== undefined || m.min_relative_change !== undefined,
    { message: "a gated metric needs at least one rule: threshold, max_regression, min_improvement, min_absolute_change or min_relative_change" },
  );

const latencySchema = z.strictObject({
  p95_max_ms: z.number().positive().max(86_400_000).optional(),
  p95_max_regression: budgetMarginSchema.optional(),
});

const costSchema = z.strictObject({
  max_per_case: budget.optional(),
  max_total: budget.optional(),
  max_regression: budgetMarginSchema.optional(),
});

/** The gate policy (a suite's `gate:` key, or a file passed with --policy). Exported for the suite schema. */
export const gatePolicySchema = z.strictObject({
  metrics: z.record(z.string().min(1).max(64), metricPolicySchema).default({}),
  latency: latencySchema.optional(),
  cost: costSchema.optional(),
  confidence: z.number().min(0.5).max(0.9999).default(0.95),
  inconclusive: z.enum(["fail", "pass", "neutral"]).default("fail"),
  bootstrap_resamples: z.number().int().min(200).max(1_000_000).default(10_000),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  require_metrics: z.boolean().default(true),
});
export type GatePolicyInput = z.input<typeof gatePolicySchema>;

/** Defaults for a comparison run without a policy (nothing gated). */
export function defaultPolicy(): GatePolicy {
  return gatePolicySchema.parse({}) as GatePolicy;
}

/**
 * The policy `llmops gate` applies when none is given: every metric the runs share must not be
 * worse than the baseline by more than 0.02 (two points on a [0, 1] scale).
 */
export function defaultGatePolicy(metrics: readonly string[]): GatePolicy {
  return gatePolicySchema.parse({ metrics: Object.fromEntries(metrics.map((m) => [m, { max_regression: 0.02 }])) }) as GatePolicy;
}

/**
 * Load a policy from YAML text: either a policy document, or a suite file whose `gate:` key holds
 * it (recognised by its `scorers:` key), or a document holding only that `gate:` key. Returns the policy and a description of its source.
 */
export function parseGatePolicy(text: string, file: string): { policy: GatePolicy; source: string } {
  const doc = parseYamlSource(text, file);
  const root = doc.value;
  const isMapping = root !== null && typeof root === "object" && !Array.isArray(root);
  // A policy file that kept the suite's `gate:` wrapper (the block copied out of a suite) is read as that block.
  const wrappedOnly = isMapping && Object.keys(root).length === 1 && "gate" in root;
  if (isMapping && ("scorers" in root || wrappedOnly)) {
    if (!("gate" in root) || (root as Record<string, unknown>).gate == null) {
      throw new ConfigError(`${file}: this suite has no gate: key`, { hint: "add a gate: mapping to the suite (docs/compare-and-gate.md) or pass a policy file" });
    }
    // Validate only the gate: key, but keep the suite's paths and positions ("gate.metrics…").
    const sub: SourcedDocument = { file, value: { gate: (root as Record<string, unknown>).gate }, locate: doc.locate };
    const wrapped = validateConfig(z.strictObject({ gate: gatePolicySchema }), sub, "gate policy");
    return { policy: wrapped.gate as GatePolicy, source: wrappedOnly ? file : `${file} (gate:)` };
  }
  return { policy: validateConfig(gatePolicySchema, doc, "gate policy") as GatePolicy, source: file };
}

/** Validate an already-parsed `gate:` value (the suite loader's path), naming positions through `doc`. */
export function validateGatePolicy(doc: SourcedDocument): GatePolicy {
  return validateConfig(gatePolicySchema, doc, "gate policy") as GatePolicy;
}

/**
 * Resolve a margin against the baseline mean: "5%" of a positive baseline, or the absolute number.
 * Null when a relative margin meets a baseline that is not positive (no meaningful reference).
 */
export function resolveMargin(spec: MarginSpec, baselineMean: number | null): ResolvedMargin | null {
  if (typeof spec === "number") return { spec, absolute: spec, relative: false };
  const pct = Number(spec.slice(0, -1)) / 100;
  if (baselineMean === null || !(baselineMean > 0)) return null;
  return { spec, absolute: pct * baselineMean, relative: true };
}

/** Superiority requirements of a metric rule, MLflow's names mapped onto min_improvement. */
export function improvementSpecs(m: MetricPolicy): { field: string; spec: MarginSpec }[] {
  const out: { field: string; spec: MarginSpec }[] = [];
  if (m.min_improvement !== undefined) out.push({ field: "min_improvement", spec: m.min_improvement });
  if (m.min_absolute_change !== undefined) out.push({ field: "min_absolute_change", spec: m.min_absolute_change });
  if (m.min_relative_change !== undefined) out.push({ field: "min_relative_change", spec: `${m.min_relative_change * 100}%` as MarginSpec });
  return out;
}
