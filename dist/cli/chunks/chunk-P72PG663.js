#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  markdownTable
} from "./chunk-EI544OTC.js";
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  escapeMarkdownText,
  renderCodeBlock,
  renderCodeSpan
} from "./chunk-VQI3AYYW.js";
import {
  DataInvalidError,
  InternalError
} from "./chunk-LXVW643N.js";

// src/core/contracts/result-line.ts
var RESULT_LINE_TAG = "llmops.result/v1";
var MetricScoreSchema = external_exports.object({
  value: external_exports.number().nullable().describe("In [0,1]; null when the scorer could not say"),
  pass: external_exports.boolean().optional(),
  stats: external_exports.array(external_exports.number()).optional().describe("Per-sample sufficient statistics of a corpus metric (BLEU, chrF)"),
  detail: external_exports.record(external_exports.string(), external_exports.unknown()).optional()
});
var RecordErrorKindSchema = external_exports.enum(["http", "timeout", "network", "truncated", "bad_request", "scorer"]);
var RecordErrorSchema = external_exports.object({
  kind: RecordErrorKindSchema,
  message: external_exports.string(),
  status: external_exports.number().int().optional()
});
var nullableNumber = external_exports.number().nullable();
var RetryCauseSchema = external_exports.enum(["429", "5xx", "reset", "truncated", "deadline", "other"]);
var DeadlinePhaseSchema = external_exports.enum(["connect", "headers", "first_token", "idle", "total"]);
var counts = (keys) => external_exports.partialRecord(keys, external_exports.number().int());
var fields = {
  case_id: external_exports.string().min(1),
  repeat: external_exports.number().int().min(0),
  key: external_exports.string().describe("Cache key of the request (sha256 of target, prompt and parameters)"),
  input_hash: external_exports.string(),
  input: external_exports.string().describe("The prompt as sent (chat messages joined)"),
  vars: external_exports.record(external_exports.string(), external_exports.unknown()),
  expected: external_exports.unknown(),
  output: external_exports.string().nullable(),
  scores: external_exports.record(external_exports.string(), MetricScoreSchema),
  latency_ms: nullableNumber,
  ttft_ms: nullableNumber,
  prompt_tokens: nullableNumber,
  completion_tokens: nullableNumber,
  cost: nullableNumber,
  finish_reason: external_exports.string().nullable(),
  error: RecordErrorSchema.nullable(),
  attempts: external_exports.number().int().min(0),
  cached: external_exports.boolean(),
  retries: counts(RetryCauseSchema).optional().describe("Failed attempts before this record, by cause (absent when none)"),
  abandoned: counts(DeadlinePhaseSchema).optional().describe("Attempts abandoned by a deadline, by the phase that ran out (absent when none)"),
  hedge: external_exports.object({ sent: external_exports.number().int(), won: external_exports.boolean(), extra_prompt_tokens: external_exports.number(), extra_completion_tokens: external_exports.number() }).optional().describe("Hedged copies sent for this record, whether one won, and what the cancelled copies were billed (estimated)")
};
var ResultLineSchema = external_exports.object({ schema: external_exports.literal(RESULT_LINE_TAG), ...fields });
var resultLineFormat = defineFormat({
  kind: "result",
  version: 1,
  schema: ResultLineSchema,
  title: "one line of results.jsonl (one case \xD7 repeat)",
  file: "<run>/results.jsonl",
  writer: "llmops eval, actions/evaluate (JsonlResultsStore, appended per record)",
  readers: "eval resume, llmops compare, gate and report, actions/compare",
  hint: "results.jsonl holds one record per line as `llmops eval` writes it; re-run the eval, or remove the broken line",
  lines: true,
  untagged: { version: 1, schema: external_exports.object(fields), upgrade: (r) => ({ schema: RESULT_LINE_TAG, ...r }) }
});
function readResultLine(text, file, lineNo, isLast) {
  if (text.trim() === "") return { kind: "blank" };
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (isLast) return { kind: "partial" };
    throw new DataInvalidError(`${file}:${lineNo}: not valid JSON (${err.message})`, { hint: resultLineFormat.hint });
  }
  return { kind: "record", record: resultLineFormat.parseValue(value, `${file}:${lineNo}`) };
}
function writeResultLine(record) {
  return `${JSON.stringify(record)}
`;
}
var ResultsCollector = class {
  constructor(file) {
    this.file = file;
  }
  file;
  byKey = /* @__PURE__ */ new Map();
  caseOrder = /* @__PURE__ */ new Map();
  pending = null;
  superseded = 0;
  warnings = [];
  /** Feed one line (without its newline); the last line is held until `finish`. */
  add(line, lineNo) {
    if (this.pending) this.take(this.pending.line, this.pending.lineNo, false);
    this.pending = { line, lineNo };
  }
  finish() {
    if (this.pending) this.take(this.pending.line, this.pending.lineNo, true);
    this.pending = null;
    const records = [...this.byKey.values()].sort((a, b) => this.caseOrder.get(a.case_id) - this.caseOrder.get(b.case_id) || a.repeat - b.repeat);
    if (this.superseded > 0) this.warnings.push(`${this.file}: ${this.superseded} record(s) superseded by a later record for the same case and repeat (kept the last)`);
    return { records, superseded: this.superseded, warnings: this.warnings };
  }
  take(line, lineNo, isLast) {
    const r = readResultLine(line, this.file, lineNo, isLast);
    if (r.kind === "blank") return;
    if (r.kind === "partial") {
      this.warnings.push(`${this.file}:${lineNo}: ignored a partial last line (the run was probably killed while writing it)`);
      return;
    }
    const rec = r.record;
    const key = `${rec.case_id}\0${rec.repeat}`;
    if (this.byKey.has(key)) {
      this.superseded++;
      this.byKey.delete(key);
    }
    this.byKey.set(key, rec);
    if (!this.caseOrder.has(rec.case_id)) this.caseOrder.set(rec.case_id, this.caseOrder.size);
  }
};
function collectResults(text, file) {
  const c = new ResultsCollector(file);
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((l, i) => c.add(l.endsWith("\r") ? l.slice(0, -1) : l, i + 1));
  return c.finish();
}

// src/core/contracts/summary.ts
var SUMMARY_TAG = "llmops.summary/v3";
var interval = external_exports.tuple([external_exports.number(), external_exports.number()]);
var budgetSchema = external_exports.object({ observed: external_exports.number().nullable(), budget: external_exports.number(), pass: external_exports.boolean().nullable() });
var metricV1 = {
  type: external_exports.string().describe("Scorer type, e.g. exact_match, bleu"),
  corpus: external_exports.boolean(),
  higher_is_better: external_exports.boolean(),
  mean: external_exports.number().nullable(),
  se: external_exports.number().nullable(),
  ci95: interval.nullable(),
  method: external_exports.enum(["wilson", "t", "t-clustered", "bootstrap", "none"]),
  n: external_exports.number().int(),
  n_cases: external_exports.number().int(),
  pass_rate: external_exports.number().nullable(),
  threshold: external_exports.number().nullable(),
  weight: external_exports.number(),
  signature: external_exports.string(),
  budgets: external_exports.record(external_exports.string(), budgetSchema).optional().describe("Run-level budgets (latency scorer): observed percentile vs budget, in ms")
};
var MetricSummarySchema = external_exports.object({
  ...metricV1,
  config: external_exports.record(external_exports.string(), external_exports.unknown()).nullable().describe("The scorer's full configuration as the run used it (suite entry with defaults filled); null when read from a v1 summary, which did not record it")
});
var ProvenanceSchema = external_exports.object({
  llmops_version: external_exports.string(),
  git: external_exports.object({ commit: external_exports.string().nullable(), dirty: external_exports.boolean().nullable() }),
  suite_hash: external_exports.string(),
  dataset_hash: external_exports.string(),
  prompt_hash: external_exports.string(),
  variant: external_exports.string().optional().describe("The suite variant evaluated (llmops eval --variant), when one was"),
  target: external_exports.object({
    provider: external_exports.string(),
    base_url: external_exports.string(),
    model: external_exports.string(),
    api: external_exports.string(),
    params: external_exports.record(external_exports.string(), external_exports.unknown()),
    model_hash: external_exports.string().optional().describe("The served weights' content hash (`sha256:<gguf>`, `+sha256:<adapter>` when one is loaded), when llmops knows them (a llama-cpp target); two runs with equal model, prompt, cases and parameters are 'unchanged'")
  }),
  scorers: external_exports.record(external_exports.string(), external_exports.string()).describe("Metric name \u2192 scorer signature"),
  seed: external_exports.number(),
  started_at: external_exports.string(),
  finished_at: external_exports.string(),
  node: external_exports.string()
});
var body = {
  suite: external_exports.object({ name: external_exports.string(), file: external_exports.string(), hash: external_exports.string() }),
  counts: external_exports.object({ cases: external_exports.number().int(), repeats: external_exports.number().int(), records: external_exports.number().int(), errors: external_exports.number().int() }),
  overall: external_exports.object({ weighted_mean: external_exports.number().nullable() }),
  latency: external_exports.object({
    unit: external_exports.literal("ms"),
    mean: external_exports.number().nullable(),
    p50: external_exports.number().nullable(),
    p95: external_exports.number().nullable(),
    p99: external_exports.number().nullable(),
    ttft_p50: external_exports.number().nullable(),
    ttft_p95: external_exports.number().nullable(),
    ttft_p99: external_exports.number().nullable(),
    percentiles: external_exports.object({ method: external_exports.literal("ddsketch"), relative_error: external_exports.number() }).optional().describe("Present when percentiles came from a sketch (more than 4,096 values): each is within relative_error of the exact one")
  }),
  tokens: external_exports.object({ prompt: external_exports.number(), completion: external_exports.number(), total: external_exports.number() }),
  cost: external_exports.object({ total: external_exports.number(), currency: external_exports.string() }).nullable(),
  errors: external_exports.array(external_exports.object({ kind: external_exports.string(), count: external_exports.number().int(), example: external_exports.string() })),
  requests: external_exports.object({
    attempts: external_exports.number().int(),
    retries: external_exports.record(RetryCauseSchema, external_exports.number().int()),
    abandoned: external_exports.record(DeadlinePhaseSchema, external_exports.number().int()),
    hedges: external_exports.object({ sent: external_exports.number().int(), won: external_exports.number().int(), extra_prompt_tokens: external_exports.number(), extra_completion_tokens: external_exports.number() }),
    deadlines_ms: external_exports.record(DeadlinePhaseSchema, external_exports.number()).and(external_exports.object({ adaptive: external_exports.boolean() })).optional()
  }).optional().describe("How noisy the run was: attempts, retries and abandoned requests by cause, hedges, and the deadlines in force"),
  provenance: ProvenanceSchema
};
var count = external_exports.number().int().nonnegative();
var JudgeSummarySchema = external_exports.object({
  type: external_exports.string().describe("judge_rubric, judge_pairwise or embedding_similarity"),
  target: external_exports.object({ base_url: external_exports.string(), model: external_exports.string() }),
  prompt: external_exports.object({ source: external_exports.string(), sha256: external_exports.string() }).nullable().describe("The judge prompt's file (builtin:\u2026 for a built-in template) and content hash; null for embeddings"),
  samples: count.describe("Outputs sent to the judge (or embedded)"),
  errors: external_exports.object({ parse: count, request: count }).describe("Samples with no verdict: the answer did not parse, or the request failed after retries"),
  error_example: external_exports.object({ message: external_exports.string(), raw: external_exports.string().nullable() }).nullable().describe("The first failure, with the judge's raw answer (untrusted text)"),
  distribution: external_exports.record(external_exports.string(), count).describe("How often each verdict was given"),
  usage: external_exports.object({
    requests: count,
    cached: count,
    retries: count,
    prompt_tokens: external_exports.number(),
    completion_tokens: external_exports.number(),
    cost: external_exports.number().nullable(),
    currency: external_exports.string().nullable()
  }),
  position_bias: external_exports.object({
    pairs: count,
    wins: count,
    losses: count,
    ties: count,
    inconsistent: count.describe("Pairs whose verdict changed when the answers swapped places"),
    flip_rate: external_exports.number().nullable().describe("inconsistent / pairs"),
    decisive_verdicts: count,
    first_position_wins: count,
    first_position_win_rate: external_exports.number().nullable().describe("Share of single-order verdicts (ties excluded) that chose the answer shown first; 0.5 = no position bias"),
    first_position_ci95: interval.nullable().describe("Wilson interval of first_position_win_rate")
  }).optional().describe("Pairwise judges: each pair judged in both orders"),
  calibration: external_exports.object({
    labels_file: external_exports.string(),
    labels_sha256: external_exports.string(),
    n: count.describe("Cases with both a human label and a judge verdict"),
    statistic: external_exports.literal("cohen_kappa"),
    weights: external_exports.enum(["none", "quadratic"]),
    kappa: external_exports.number().nullable(),
    ci95: interval.nullable(),
    interval_method: external_exports.literal("bootstrap-percentile"),
    resamples: count,
    observed_agreement: external_exports.number().nullable(),
    min_kappa: external_exports.number(),
    below_min: external_exports.boolean().nullable().describe("kappa < min_kappa; null when kappa is undefined"),
    unmatched_labels: count.describe("Labels for cases this run did not judge")
  }).optional()
});
var SummarySchema = external_exports.object({
  schema: external_exports.literal(SUMMARY_TAG),
  ...body,
  metrics: external_exports.record(external_exports.string(), MetricSummarySchema),
  judges: external_exports.record(external_exports.string(), JudgeSummarySchema).optional().describe("Judge and embedding scorers, by metric name")
});
var SummaryV2Schema = external_exports.object({ schema: external_exports.literal("llmops.summary/v2"), ...body, metrics: external_exports.record(external_exports.string(), MetricSummarySchema) });
var SummaryV1Schema = external_exports.object({ schema: external_exports.literal("llmops.summary/v1"), ...body, metrics: external_exports.record(external_exports.string(), external_exports.object(metricV1)) });
var summaryFormat = defineFormat({
  kind: "summary",
  version: 3,
  schema: SummarySchema,
  title: "an eval run's summary.json",
  file: "<run>/summary.json",
  writer: "llmops eval, actions/evaluate (app/eval/run-suite.ts)",
  readers: "llmops compare and gate, actions/compare",
  hint: "pass the directory `llmops eval --out` wrote (results.jsonl and summary.json)",
  previous: [
    { version: 2, schema: SummaryV2Schema, upgrade: (v2) => ({ ...v2, schema: SUMMARY_TAG }) },
    {
      version: 1,
      schema: SummaryV1Schema,
      upgrade: (v1) => ({
        ...v1,
        schema: SUMMARY_TAG,
        metrics: Object.fromEntries(Object.entries(v1.metrics).map(([k, m]) => [k, { ...m, config: null }]))
      })
    }
  ]
});

// src/core/report/judges.ts
var NAME_MAX = 64;
function pct(x) {
  return x === null || x === void 0 ? "\u2014" : `${(x * 100).toFixed(1)}%`;
}
function ci(c, f) {
  return c ? ` [${f(c[0])}, ${f(c[1])}]` : "";
}
function kappaCell(j) {
  const c = j.calibration;
  if (!c) return "\u2014";
  if (c.kappa === null) return `undefined (n = ${c.n})`;
  return `\u03BA ${c.kappa.toFixed(2)}${ci(c.ci95, (x) => x.toFixed(2))} (n = ${c.n})${c.below_min ? " \u26A0\uFE0F" : ""}`;
}
function biasCell(j) {
  const b = j.position_bias;
  if (!b) return "\u2014";
  return `flips ${pct(b.flip_rate)} \xB7 1st wins ${pct(b.first_position_win_rate)}${ci(b.first_position_ci95, (x) => (x * 100).toFixed(0))}`;
}
function rows(judges, side) {
  return Object.entries(judges).map(([name, j]) => {
    const failed = j.errors.parse + j.errors.request;
    return [
      escapeMarkdownText(name, { maxLength: NAME_MAX }),
      ...side ? [side] : [],
      renderCodeSpan(j.target.model, { maxLength: 80 }),
      `${j.samples - failed}/${j.samples}${failed ? ` (${j.errors.parse} unparsed, ${j.errors.request} failed)` : ""}`,
      biasCell(j),
      kappaCell(j)
    ];
  });
}
function warnings(judges, side) {
  const out = [];
  const who = (name) => `${escapeMarkdownText(name, { maxLength: NAME_MAX })}${side ? ` (${side})` : ""}`;
  for (const [name, j] of Object.entries(judges)) {
    const c = j.calibration;
    if (c?.below_min) out.push(`> \u26A0\uFE0F ${who(name)} agrees with human labels less than the suite asks: \u03BA ${c.kappa.toFixed(2)} < ${c.min_kappa} (n = ${c.n}).`);
    if (j.error_example) {
      const raw = j.error_example.raw ? `

${renderCodeBlock(j.error_example.raw, { maxLength: 500 })}` : "\n";
      out.push(`<details>
<summary>${who(name)}: ${j.errors.parse + j.errors.request} sample(s) without a verdict</summary>

${escapeMarkdownText(j.error_example.message, { maxLength: 300 })}${raw}
</details>`);
    }
  }
  return out;
}
var CAPTION = "<sub>Pairwise judges see each pair in both orders; a preference counts only when it survives the swap. Flips: pairs whose verdict changed with the order; 1st wins: share of decisive verdicts that chose the answer shown first (50% = no position bias; Wilson 95% CI). \u03BA: Cohen's kappa with human labels (quadratic weights for ordinal scales), 95% bootstrap percentile interval.</sub>";
function renderJudges(sides) {
  const present = sides.filter((s) => s.judges !== void 0 && Object.keys(s.judges).length > 0);
  if (present.length === 0) return "";
  const labelled = present.length > 1 || present.some((s) => s.label !== null);
  const header = ["judge", ...labelled ? ["run"] : [], "model", "verdicts", "position bias", "agreement"];
  const body2 = present.flatMap((s) => rows(s.judges, labelled ? s.label ?? "" : null));
  const notes = present.flatMap((s) => warnings(s.judges, labelled ? s.label : null));
  return [`**Judges**`, "", markdownTable([header, ...body2], { align: header.map(() => "l") }), "", CAPTION, ...notes.flatMap((n) => ["", n]), ""].join("\n");
}

// src/core/contracts/gate-verdict.ts
var VerdictSchema = external_exports.enum(["pass", "fail", "inconclusive"]);
var InconclusivePolicySchema = external_exports.enum(["fail", "pass", "neutral"]);
var MarginSpecSchema = external_exports.union([external_exports.number(), external_exports.templateLiteral([external_exports.number(), "%"])]);
var MetricPolicySchema = external_exports.object({
  greater_is_better: external_exports.boolean().optional(),
  threshold: external_exports.number().optional(),
  max_regression: MarginSpecSchema.optional(),
  min_improvement: MarginSpecSchema.optional(),
  min_absolute_change: external_exports.number().optional(),
  min_relative_change: external_exports.number().optional(),
  gate: external_exports.boolean().optional()
});
var GatePolicySchema = external_exports.object({
  metrics: external_exports.record(external_exports.string(), MetricPolicySchema),
  latency: external_exports.object({ p95_max_ms: external_exports.number().optional(), p95_max_regression: MarginSpecSchema.optional() }).optional(),
  cost: external_exports.object({ max_per_case: external_exports.number().optional(), max_total: external_exports.number().optional(), max_regression: MarginSpecSchema.optional() }).optional(),
  confidence: external_exports.number().gt(0).lt(1),
  inconclusive: InconclusivePolicySchema,
  bootstrap_resamples: external_exports.number().int().positive(),
  seed: external_exports.number(),
  require_metrics: external_exports.boolean()
});
var CheckKindSchema = external_exports.enum(["unchanged", "floor", "non_inferiority", "superiority", "latency_budget", "cost_budget", "presence"]);
var interval2 = external_exports.tuple([external_exports.number(), external_exports.number()]);
var GateCheckSchema = external_exports.object({
  id: external_exports.string().describe('Stable id, e.g. "accuracy/non_inferiority"'),
  subject: external_exports.string(),
  kind: CheckKindSchema,
  verdict: VerdictSchema,
  estimate: external_exports.number().nullable(),
  interval: interval2.nullable(),
  limit: external_exports.number().nullable(),
  message: external_exports.string().max(2e3),
  cases_needed: external_exports.number().nullable(),
  repeats_needed: external_exports.number().nullable(),
  undecidable: external_exports.string().optional().describe("For INCONCLUSIVE: set when the margin is narrower than this suite can ever resolve")
});
var GateVerdictSchema = external_exports.object({
  verdict: VerdictSchema,
  blocking: external_exports.boolean().describe("Whether the gate blocks (exit code 1)"),
  conclusion: external_exports.enum(["success", "failure", "neutral"]),
  checks: external_exports.array(GateCheckSchema).max(1e3),
  reasons: external_exports.array(external_exports.string().max(2e3)).max(200).describe("One line per non-pass check, worst first"),
  policy: GatePolicySchema,
  policy_source: external_exports.string()
});

// src/core/contracts/comparison.ts
var COMPARISON_TAG = "llmops.comparison/v1";
var interval3 = external_exports.tuple([external_exports.number(), external_exports.number()]);
var num = external_exports.number().nullable();
var MetricKindSchema = external_exports.enum(["binary", "continuous", "corpus"]);
var TestMethodSchema = external_exports.enum(["mcnemar-asymptotic", "mcnemar-exact", "paired-t", "paired-t-clustered", "bootstrap", "none"]);
var IntervalMethodSchema = external_exports.enum(["tango-score", "newcombe", "t", "t-clustered", "bootstrap-percentile", "bootstrap-bca", "none"]);
var SideStatsSchema = external_exports.object({
  mean: num,
  ci: interval3.nullable(),
  n_records: external_exports.number().int(),
  n_null: external_exports.number().int(),
  n_errors: external_exports.number().int()
});
var MetricComparisonSchema = external_exports.object({
  name: external_exports.string(),
  type: external_exports.string().nullable(),
  kind: MetricKindSchema,
  higher_is_better: external_exports.boolean(),
  gated: external_exports.boolean(),
  n: external_exports.number().int(),
  repeats: external_exports.object({ baseline: external_exports.number().int(), candidate: external_exports.number().int() }),
  baseline: SideStatsSchema,
  candidate: SideStatsSchema,
  delta: num,
  delta_relative: num,
  ci: interval3.nullable(),
  interval_method: IntervalMethodSchema,
  test: TestMethodSchema,
  p_value: num,
  p_holm: num,
  ci_holm: interval3.nullable().optional().describe("\u0394's interval at Holm's step level (confidence ci_holm_confidence = 1 \u2212 \u03B1/k); absent in files written by earlier versions"),
  ci_holm_confidence: num.optional(),
  sd_diff: num,
  sd_within: num,
  mde: num,
  broke: num,
  fixed: num,
  notes: external_exports.array(external_exports.string())
});
var FlipSchema = external_exports.object({
  case_id: external_exports.string(),
  metric: external_exports.string(),
  direction: external_exports.enum(["broke", "fixed"]),
  baseline: external_exports.number(),
  candidate: external_exports.number()
});
var OneSidedSchema = external_exports.object({ baseline_only: external_exports.array(external_exports.string()), candidate_only: external_exports.array(external_exports.string()) });
var DistributionSchema = external_exports.object({ n: external_exports.number().int(), mean: num, p50: num, p95: num });
var tokenSide = external_exports.object({ prompt: external_exports.number(), completion: external_exports.number(), total: external_exports.number(), per_case: num });
var costSide = external_exports.object({ total: external_exports.number(), per_case: num, n: external_exports.number().int() });
var OperationalDeltasSchema = external_exports.object({
  latency: external_exports.object({
    baseline: DistributionSchema,
    candidate: DistributionSchema,
    delta_p50: num,
    delta_p95: num,
    candidate_p95_ci: interval3.nullable(),
    delta_p95_ci: interval3.nullable()
  }),
  tokens: external_exports.object({ baseline: tokenSide, candidate: tokenSide, delta_total: external_exports.number(), delta_per_case: num }),
  cost: external_exports.object({
    currency: external_exports.string().nullable(),
    baseline: costSide,
    candidate: costSide,
    delta_total: external_exports.number(),
    delta_per_case: num,
    candidate_per_case_ci: interval3.nullable(),
    delta_per_case_ci: interval3.nullable(),
    candidate_run_total: external_exports.number()
  }).nullable()
});
var RunRefSchema = external_exports.object({
  dir: external_exports.string(),
  results_sha256: external_exports.string(),
  summary_present: external_exports.boolean(),
  suite: external_exports.object({ name: external_exports.string(), file: external_exports.string(), hash: external_exports.string() }).nullable(),
  provenance: external_exports.record(external_exports.string(), external_exports.unknown()).nullable().describe("summary.json's provenance, as recorded by the eval run"),
  counts: external_exports.object({ cases: external_exports.number().int(), records: external_exports.number().int(), superseded: external_exports.number().int(), repeats: external_exports.number().int(), errors: external_exports.number().int() }),
  warnings: external_exports.array(external_exports.string()),
  judges: external_exports.record(external_exports.string(), JudgeSummarySchema).optional().describe("summary.json's judges (judge and embedding scorers: errors, position bias, calibration); absent in older files and for runs without judges")
});
var ComparisonSchema = external_exports.object({
  schema: external_exports.literal(COMPARISON_TAG),
  confidence: external_exports.number().gt(0).lt(1),
  bootstrap: external_exports.object({ resamples: external_exports.number().int(), seed: external_exports.number() }),
  baseline: RunRefSchema,
  candidate: RunRefSchema,
  paired_cases: external_exports.number().int(),
  one_sided: OneSidedSchema,
  metrics: external_exports.array(MetricComparisonSchema),
  flips: external_exports.array(FlipSchema),
  operational: OperationalDeltasSchema,
  unchanged: external_exports.object({ basis: external_exports.enum(["requests-and-outputs", "model-and-prompt"]), reason: external_exports.string() }).nullable().optional().describe('Set when the thing under test did not change: the gate then passes "unchanged" without a test; absent in older files'),
  gate: GateVerdictSchema.nullable().describe("The gate's verdict; null when compare ran without gating"),
  provenance: external_exports.object({ llmops_version: external_exports.string(), created_at: external_exports.string(), policy_source: external_exports.string(), methods: external_exports.array(external_exports.string()) })
});
var comparisonFormat = defineFormat({
  kind: "comparison",
  version: 1,
  schema: ComparisonSchema,
  title: "a comparison of two eval runs, with the gate's verdict",
  file: "<out>/comparison.json (report bundle)",
  writer: "llmops compare and gate, actions/compare (app/compare/run-compare.ts)",
  readers: "llmops report, actions/comment (gate verdict and check run)",
  hint: "pass the comparison.json written by `llmops compare` (or actions/compare) of the same llmops version",
  repair: unknownIntervalsAsNull
});
var INTERVAL_KEYS = /* @__PURE__ */ new Set(["ci", "ci_holm", "interval", "candidate_p95_ci", "delta_p95_ci", "candidate_per_case_ci", "delta_per_case_ci"]);
function unknownIntervalsAsNull(value) {
  if (Array.isArray(value)) return value.map(unknownIntervalsAsNull);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, INTERVAL_KEYS.has(k) && Array.isArray(v) && v.some((x) => typeof x !== "number") ? null : unknownIntervalsAsNull(v)])
  );
}
function* serializeComparisonChunks(c, batch = 4096) {
  const head = comparisonFormat.serialize({ ...c, flips: [] });
  const slot = '\n  "flips": []';
  const at = head.indexOf(slot);
  if (at < 0 || head.indexOf(slot, at + 1) >= 0) throw new InternalError("comparison.json: the flips field was not found once in the serialized document");
  if (c.flips.length === 0) {
    yield head;
    return;
  }
  yield `${head.slice(0, at)}
  "flips": [
`;
  for (let i = 0; i < c.flips.length; i += batch) {
    const parts = [];
    for (const f of c.flips.slice(i, i + batch)) {
      const json = JSON.parse(JSON.stringify(f));
      const r = FlipSchema.safeParse(json);
      if (!r.success) throw new InternalError(`llmops built an invalid ${COMPARISON_TAG} document: flips: ${r.error.issues[0].message}`);
      parts.push(`    ${JSON.stringify(json, null, 2).replace(/\n/g, "\n    ")}`);
    }
    yield `${parts.join(",\n")}${i + batch < c.flips.length ? ",\n" : ""}`;
  }
  yield `
  ]${head.slice(at + slot.length)}`;
}

export {
  RESULT_LINE_TAG,
  resultLineFormat,
  readResultLine,
  writeResultLine,
  ResultsCollector,
  collectResults,
  SUMMARY_TAG,
  summaryFormat,
  renderJudges,
  COMPARISON_TAG,
  comparisonFormat,
  serializeComparisonChunks
};
