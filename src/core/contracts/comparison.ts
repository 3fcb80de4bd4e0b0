// comparison.json: two eval runs paired by case id — per-metric rows with paired intervals and
// tests, flips, one-sided cases, operational deltas, the gate verdict and both runs' provenance.
import { z } from "zod";
import { JudgeSummarySchema } from "./summary.js";
import { defineFormat } from "./format.js";
import { GateVerdictSchema } from "./gate-verdict.js";
import { InternalError } from "../../errors.js";

export const COMPARISON_TAG = "llmops.comparison/v1";

const interval = z.tuple([z.number(), z.number()]);
const num = z.number().nullable();

export const MetricKindSchema = z.enum(["binary", "continuous", "corpus"]);
export const TestMethodSchema = z.enum(["mcnemar-asymptotic", "mcnemar-exact", "paired-t", "paired-t-clustered", "bootstrap", "none"]);
export const IntervalMethodSchema = z.enum(["tango-score", "newcombe", "t", "t-clustered", "bootstrap-percentile", "bootstrap-bca", "none"]);

export const SideStatsSchema = z.object({
  mean: num,
  ci: interval.nullable(),
  n_records: z.number().int(),
  n_null: z.number().int(),
  n_errors: z.number().int(),
});

export const MetricComparisonSchema = z.object({
  name: z.string(),
  type: z.string().nullable(),
  kind: MetricKindSchema,
  higher_is_better: z.boolean(),
  gated: z.boolean(),
  n: z.number().int(),
  repeats: z.object({ baseline: z.number().int(), candidate: z.number().int() }),
  baseline: SideStatsSchema,
  candidate: SideStatsSchema,
  delta: num,
  delta_relative: num,
  ci: interval.nullable(),
  interval_method: IntervalMethodSchema,
  test: TestMethodSchema,
  p_value: num,
  p_holm: num,
  ci_holm: interval.nullable().optional().describe("Δ's interval at Holm's step level (confidence ci_holm_confidence = 1 − α/k); absent in files written by earlier versions"),
  ci_holm_confidence: num.optional(),
  sd_diff: num,
  sd_within: num,
  mde: num,
  broke: num,
  fixed: num,
  notes: z.array(z.string()),
});

export const FlipSchema = z.object({
  case_id: z.string(),
  metric: z.string(),
  direction: z.enum(["broke", "fixed"]),
  baseline: z.number(),
  candidate: z.number(),
});

export const OneSidedSchema = z.object({ baseline_only: z.array(z.string()), candidate_only: z.array(z.string()) });

export const DistributionSchema = z.object({ n: z.number().int(), mean: num, p50: num, p95: num });

const tokenSide = z.object({ prompt: z.number(), completion: z.number(), total: z.number(), per_case: num });
const costSide = z.object({ total: z.number(), per_case: num, n: z.number().int() });

export const OperationalDeltasSchema = z.object({
  latency: z.object({
    baseline: DistributionSchema,
    candidate: DistributionSchema,
    delta_p50: num,
    delta_p95: num,
    candidate_p95_ci: interval.nullable(),
    delta_p95_ci: interval.nullable(),
  }),
  tokens: z.object({ baseline: tokenSide, candidate: tokenSide, delta_total: z.number(), delta_per_case: num }),
  cost: z
    .object({
      currency: z.string().nullable(),
      baseline: costSide,
      candidate: costSide,
      delta_total: z.number(),
      delta_per_case: num,
      candidate_per_case_ci: interval.nullable(),
      delta_per_case_ci: interval.nullable(),
      candidate_run_total: z.number(),
    })
    .nullable(),
});

export const RunRefSchema = z.object({
  dir: z.string(),
  results_sha256: z.string(),
  summary_present: z.boolean(),
  suite: z.object({ name: z.string(), file: z.string(), hash: z.string() }).nullable(),
  provenance: z.record(z.string(), z.unknown()).nullable().describe("summary.json's provenance, as recorded by the eval run"),
  counts: z.object({ cases: z.number().int(), records: z.number().int(), superseded: z.number().int(), repeats: z.number().int(), errors: z.number().int() }),
  warnings: z.array(z.string()),
  judges: z.record(z.string(), JudgeSummarySchema).optional().describe("summary.json's judges (judge and embedding scorers: errors, position bias, calibration); absent in older files and for runs without judges"),
});

export const ComparisonSchema = z.object({
  schema: z.literal(COMPARISON_TAG),
  confidence: z.number().gt(0).lt(1),
  bootstrap: z.object({ resamples: z.number().int(), seed: z.number() }),
  baseline: RunRefSchema,
  candidate: RunRefSchema,
  paired_cases: z.number().int(),
  one_sided: OneSidedSchema,
  metrics: z.array(MetricComparisonSchema),
  flips: z.array(FlipSchema),
  operational: OperationalDeltasSchema,
  unchanged: z
    .object({ basis: z.enum(["requests-and-outputs", "model-and-prompt"]), reason: z.string() })
    .nullable()
    .optional()
    .describe("Set when the thing under test did not change: the gate then passes \"unchanged\" without a test; absent in older files"),
  gate: GateVerdictSchema.nullable().describe("The gate's verdict; null when compare ran without gating"),
  provenance: z.object({ llmops_version: z.string(), created_at: z.string(), policy_source: z.string(), methods: z.array(z.string()) }),
});

export type MetricKind = z.infer<typeof MetricKindSchema>;
export type TestMethod = z.infer<typeof TestMethodSchema>;
export type IntervalMethod = z.infer<typeof IntervalMethodSchema>;
export type SideStats = z.infer<typeof SideStatsSchema>;
export type MetricComparison = z.infer<typeof MetricComparisonSchema>;
export type Flip = z.infer<typeof FlipSchema>;
export type OneSided = z.infer<typeof OneSidedSchema>;
export type Distribution = z.infer<typeof DistributionSchema>;
export type OperationalDeltas = z.infer<typeof OperationalDeltasSchema>;
export type RunRef = z.infer<typeof RunRefSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;

export const comparisonFormat = defineFormat({
  kind: "comparison",
  version: 1,
  schema: ComparisonSchema,
  title: "a comparison of two eval runs, with the gate's verdict",
  file: "<out>/comparison.json (report bundle)",
  writer: "llmops compare and gate, actions/compare (app/compare/run-compare.ts)",
  readers: "llmops report, actions/comment (gate verdict and check run)",
  hint: "pass the comparison.json written by `llmops compare` (or actions/compare) of the same llmops version",
  repair: unknownIntervalsAsNull,
});

const INTERVAL_KEYS = new Set(["ci", "ci_holm", "interval", "candidate_p95_ci", "delta_p95_ci", "candidate_per_case_ci", "delta_per_case_ci"]);

/**
 * An interval with a NaN bound (llmops 0.1.0 aggregated a corpus metric with the wrong options)
 * reached the file as [null, null]: read it as what it is, an unknown interval (null).
 */
function unknownIntervalsAsNull(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unknownIntervalsAsNull);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, INTERVAL_KEYS.has(k) && Array.isArray(v) && v.some((x) => typeof x !== "number") ? null : unknownIntervalsAsNull(v)]),
  );
}

/**
 * comparison.json as `comparisonFormat.serialize` writes it, byte for byte, in pieces: the document
 * without its flips is checked and written whole; the flips (one per flipped case and metric: the
 * bulk of a big run's file) are checked and written a batch at a time, so neither the whole text nor
 * a checked copy of every flip is ever held.
 */
export function* serializeComparisonChunks(c: Comparison, batch = 4096): Generator<string> {
  const head = comparisonFormat.serialize({ ...c, flips: [] });
  const slot = '\n  "flips": []';
  const at = head.indexOf(slot);
  if (at < 0 || head.indexOf(slot, at + 1) >= 0) throw new InternalError("comparison.json: the flips field was not found once in the serialized document");
  if (c.flips.length === 0) {
    yield head;
    return;
  }
  yield `${head.slice(0, at)}\n  "flips": [\n`;
  for (let i = 0; i < c.flips.length; i += batch) {
    const parts: string[] = [];
    for (const f of c.flips.slice(i, i + batch)) {
      // As serialize does: check what lands in the file.
      const json: unknown = JSON.parse(JSON.stringify(f));
      const r = FlipSchema.safeParse(json);
      if (!r.success) throw new InternalError(`llmops built an invalid ${COMPARISON_TAG} document: flips: ${r.error.issues[0]!.message}`);
      parts.push(`    ${JSON.stringify(json, null, 2).replace(/\n/g, "\n    ")}`);
    }
    yield `${parts.join(",\n")}${i + batch < c.flips.length ? ",\n" : ""}`;
  }
  yield `\n  ]${head.slice(at + slot.length)}`;
}
