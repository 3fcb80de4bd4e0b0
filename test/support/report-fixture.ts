// A realistic regression for report tests: 50 QA cases, exact_match (binary) and token_f1
// (continuous), 10 cases broke and 1 fixed on exact_match, a faster candidate. Records are
// deterministic; each side's interval uses a plain normal approximation (good enough for rendering
// tests), while Δ's interval and p come from the stats library's methods (Tango score + McNemar
// asymptotic, paired t, Holm with step-level intervals) so the rendered pairs are coherent.
import type { Comparison, Flip, MetricComparison } from "../../src/core/compare/types.js";
import { holmAdjust, holmLevels, oneSampleT, pairedScoreTest, tangoInterval, tIntervalAt } from "../../src/core/stats/index.js";
import { buildCaseDetails, type ReportModel, type ReportRecord } from "../../src/core/report/model.js";

const QUESTIONS: Array<[string, string]> = [
  ["What is the capital of France?", "Paris"],
  ["Who wrote 'Pride and Prejudice'?", "Jane Austen"],
  ["What is 12 * 12?", "144"],
  ["Which planet is known as the Red Planet?", "Mars"],
  ["What is the chemical symbol for gold?", "Au"],
  ["In which year did the Berlin Wall fall?", "1989"],
  ["What is the largest ocean on Earth?", "Pacific Ocean"],
  ["Who painted the Mona Lisa?", "Leonardo da Vinci"],
  ["What is the boiling point of water at sea level in Celsius?", "100"],
  ["What gas do plants absorb from the air?", "Carbon dioxide"],
];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BROKE = new Set([3, 7, 12, 18, 21, 26, 30, 34, 41, 47]);
const FIXED = new Set([15]);
const BASE_FAIL = new Set([5, 9, 15, 22, 28, 33, 38, 44, 49, 2]);

function caseId(i: number): string {
  return `qa-${String(i + 1).padStart(3, "0")}`;
}

function record(i: number, side: "baseline" | "candidate", rnd: () => number): ReportRecord {
  const [q, a] = QUESTIONS[i % QUESTIONS.length]!;
  const input = `system: Answer with the shortest exact answer.\nuser: ${q} (variant ${Math.floor(i / QUESTIONS.length) + 1})`;
  const basePass = !BASE_FAIL.has(i);
  const pass = side === "baseline" ? basePass : (basePass && !BROKE.has(i)) || FIXED.has(i);
  let output = pass ? a : `I think the answer is probably not ${a}.`;
  if (side === "candidate" && i === 7) output = "Ask @octocat — or see <img src=x onerror=alert(1)> and ```\n</details>\n``` for details.";
  if (side === "candidate" && i === 12) output = `${"The model rambles. ".repeat(20)}\u202Etxt.exe`;
  const f1 = pass ? 0.9 + rnd() * 0.1 : 0.35 + rnd() * 0.35;
  const latency = side === "baseline" ? 600 + rnd() * 900 + (i % 9 === 0 ? 1800 : 0) : 450 + rnd() * 650 + (i % 11 === 0 ? 1200 : 0);
  return {
    case_id: caseId(i),
    repeat: 0,
    input,
    expected: a,
    output,
    scores: { exact_match: { value: pass ? 1 : 0, pass }, token_f1: { value: Math.round(f1 * 1000) / 1000 } },
    latency_ms: Math.round(latency),
    error: null,
  };
}

export function makeRecords(n = 50): { baseline: ReportRecord[]; candidate: ReportRecord[] } {
  const rb = lcg(7);
  const rc = lcg(11);
  return {
    baseline: Array.from({ length: n }, (_, i) => record(i, "baseline", rb)),
    candidate: Array.from({ length: n }, (_, i) => record(i, "candidate", rc)),
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return r4(s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo));
};

function metric(name: string, kind: "binary" | "continuous", b: number[], c: number[], extra: Partial<MetricComparison>): MetricComparison {
  const d = c.map((x, i) => x - b[i]!);
  const se = sd(d) / Math.sqrt(d.length);
  const delta = mean(d);
  const side = (xs: number[]) => {
    const m = mean(xs);
    const s = kind === "binary" ? Math.sqrt((m * (1 - m)) / xs.length) : sd(xs) / Math.sqrt(xs.length);
    return { mean: r4(m), ci: [r4(m - 1.96 * s), r4(m + 1.96 * s)] as [number, number], n_records: xs.length, n_null: 0, n_errors: 0 };
  };
  return {
    name,
    type: name,
    kind,
    higher_is_better: true,
    gated: true,
    n: d.length,
    repeats: { baseline: 1, candidate: 1 },
    baseline: side(b),
    candidate: side(c),
    delta: r4(delta),
    delta_relative: r4(delta / mean(b)),
    ci: null,
    interval_method: kind === "binary" ? "tango-score" : "t",
    test: kind === "binary" ? "mcnemar-asymptotic" : "paired-t",
    p_value: null,
    p_holm: null,
    ci_holm: null,
    ci_holm_confidence: null,
    sd_diff: r4(sd(d)),
    sd_within: null,
    mde: r4(2.8 * se),
    broke: null,
    fixed: null,
    notes: [],
    ...extra,
  };
}

export function makeComparison(records = makeRecords()): Comparison {
  const { baseline, candidate } = records;
  const em = (rs: ReportRecord[]) => rs.map((r) => r.scores.exact_match!.value!);
  const f1 = (rs: ReportRecord[]) => rs.map((r) => r.scores.token_f1!.value!);
  const flips: Flip[] = [];
  baseline.forEach((b, i) => {
    const bv = b.scores.exact_match!.value!;
    const cv = candidate[i]!.scores.exact_match!.value!;
    if (bv !== cv) flips.push({ case_id: b.case_id, metric: "exact_match", direction: bv > cv ? "broke" : "fixed", baseline: bv, candidate: cv });
  });
  flips.sort((a, b) => (a.direction === b.direction ? a.case_id.localeCompare(b.case_id) : a.direction === "broke" ? -1 : 1));
  const broke = flips.filter((f) => f.direction === "broke").length;
  const fixed = flips.length - broke;
  const lat = (rs: ReportRecord[]) => rs.map((r) => r.latency_ms!);
  const dist = (xs: number[]) => ({ n: xs.length, mean: r4(mean(xs)), p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
  const bl = dist(lat(baseline));
  const cl = dist(lat(candidate));
  const table = { both: 0, broke, fixed, neither: 0 };
  em(baseline).forEach((b, i) => {
    if (b === 1 && em(candidate)[i] === 1) table.both++;
    else if (b === 0 && em(candidate)[i] === 0) table.neither++;
  });
  const t = oneSampleT(
    f1(candidate).map((x, i) => x - f1(baseline)[i]!),
    0.95,
  )!;
  const exact = metric("exact_match", "binary", em(baseline), em(candidate), { ci: tangoInterval(table, 0.95), p_value: pairedScoreTest(table).p, broke, fixed });
  const tf1 = metric("token_f1", "continuous", f1(baseline), f1(candidate), { ci: t.ci, p_value: t.p });
  const ps = [exact.p_value!, tf1.p_value!];
  const levels = holmLevels(ps, 1 - 0.95);
  holmAdjust(ps).forEach((p, i) => {
    const m = [exact, tf1][i]!;
    m.p_holm = p;
    m.ci_holm_confidence = 1 - levels[i]!;
    m.ci_holm = i === 0 ? tangoInterval(table, m.ci_holm_confidence) : tIntervalAt(t, m.ci_holm_confidence);
  });
  const prov = (commit: string, model: string) => ({
    llmops_version: "0.1.0",
    git: { commit, dirty: false },
    suite_hash: "5f2c0e9a1b7d3c4e8f6a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e",
    dataset_hash: "a3f1c9e07b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a",
    prompt_hash: model === "qa-7b" ? "0c7e1d2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d" : "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
    target: { provider: "openai-compatible", base_url: "http://127.0.0.1:8080/v1", model, api: "chat", params: { temperature: 0 } },
    started_at: "2026-11-26T20:00:00Z",
    finished_at: "2026-11-26T20:03:10Z",
    node: "v20.20.2",
  });
  const suite = { name: "qa", file: "evals/qa.yaml", hash: "5f2c0e9a1b7d3c4e8f6a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e" };
  const tokens = (completion: number) => ({ prompt: 2150, completion, total: 2150 + completion, per_case: (2150 + completion) / 50 });
  return {
    schema: "llmops.comparison/v1",
    confidence: 0.95,
    bootstrap: { resamples: 10_000, seed: 1 },
    baseline: {
      dir: "runs/baseline",
      results_sha256: "1e0c4b7a9d2f5e8c3b6a1d4f7e0c9b2a5d8f1e4c7b0a3d6f9e2c5b8a1d4f7e0c",
      summary_present: true,
      suite,
      provenance: prov("4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f9e8d7c6b5a", "qa-7b"),
      counts: { cases: 50, records: 50, superseded: 0, repeats: 1, errors: 0 },
      warnings: [],
    },
    candidate: {
      dir: "runs/candidate",
      results_sha256: "7a0d3f6c9b2e5a8d1c4f7b0e3a6d9c2f5b8e1a4d7c0f3b6e9a2d5c8f1b4e7a0d",
      summary_present: true,
      suite,
      provenance: prov("b5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f9e8d7c6", "qa-3b-distilled"),
      counts: { cases: 50, records: 50, superseded: 0, repeats: 1, errors: 0 },
      warnings: [],
    },
    paired_cases: 50,
    one_sided: { baseline_only: [], candidate_only: [] },
    metrics: [exact, tf1],
    flips,
    operational: {
      latency: { baseline: bl, candidate: cl, delta_p50: r4(cl.p50 - bl.p50), delta_p95: r4(cl.p95 - bl.p95), candidate_p95_ci: [cl.p95 - 180, cl.p95 + 140], delta_p95_ci: [cl.p95 - bl.p95 - 420, cl.p95 - bl.p95 + 260] },
      tokens: { baseline: tokens(410), candidate: tokens(385), delta_total: -25, delta_per_case: -0.5 },
      cost: null,
    },
    gate: {
      verdict: "fail",
      blocking: true,
      conclusion: "failure",
      checks: [
        {
          id: "exact_match/non_inferiority",
          subject: "exact_match",
          kind: "non_inferiority",
          verdict: "fail",
          estimate: exact.delta,
          interval: exact.ci,
          limit: -0.02,
          message: `exact_match fell by ${Math.abs(exact.delta! * 100).toFixed(1)} pp; even the upper 95% bound (${(exact.ci![1] * 100).toFixed(1)} pp) is below the allowed −2.0 pp`,
          cases_needed: null,
          repeats_needed: null,
        },
        {
          id: "token_f1/non_inferiority",
          subject: "token_f1",
          kind: "non_inferiority",
          verdict: "inconclusive",
          estimate: tf1.delta,
          interval: tf1.ci,
          limit: -0.1,
          message: `token_f1 changed by ${tf1.delta!.toFixed(3)}; the 95% interval [${tf1.ci![0].toFixed(3)}, ${tf1.ci![1].toFixed(3)}] straddles the allowed −0.100`,
          cases_needed: 140,
          repeats_needed: null,
        },
        {
          id: "latency/p95_max_ms",
          subject: "latency",
          kind: "latency_budget",
          verdict: "pass",
          estimate: cl.p95,
          interval: [cl.p95 - 180, cl.p95 + 140],
          limit: 3000,
          message: `candidate p95 latency ${Math.round(cl.p95)} ms; upper bound ${Math.round(cl.p95 + 140)} ms is within the 3000 ms budget`,
          cases_needed: null,
          repeats_needed: null,
        },
      ],
      reasons: [
        `exact_match fell by ${Math.abs(exact.delta! * 100).toFixed(1)} pp; even the upper 95% bound (${(exact.ci![1] * 100).toFixed(1)} pp) is below the allowed −2.0 pp`,
        `token_f1 is inconclusive: the 95% interval straddles the allowed −0.100`,
      ],
      policy: {
        metrics: { exact_match: { max_regression: 0.02 }, token_f1: { max_regression: 0.1 } },
        latency: { p95_max_ms: 3000 },
        confidence: 0.95,
        inconclusive: "fail",
        bootstrap_resamples: 10_000,
        seed: 1,
        require_metrics: true,
      },
      policy_source: "evals/qa.yaml (gate:)",
    },
    provenance: {
      llmops_version: "0.1.0",
      created_at: "2026-11-26T20:04:00Z",
      policy_source: "evals/qa.yaml (gate:)",
      methods: [
        "exact_match: Tango's score interval for the paired difference and the McNemar asymptotic (score) test it inverts.",
        "token_f1: paired t on per-case differences; Holm adjustment across gated metrics, with intervals at Holm's step levels.",
        "latency: paired bootstrap (10,000 resamples, seed 1) of the p95.",
      ],
    },
  };
}

/** One string with every trick: a ping, an image, a script-ish tag, a link, breakouts, a comment, a fence, a pipe, a reference, a bidi override. */
export const HOSTILE_TEXT = "@admin <img src=x onerror=alert(1)> ![i](https://e.example/p.png) [l](javascript:alert(1)) </details></summary> <!-- x --> ``` | #1 \u202E";

/** The regression with every untrusted field (names, ids, messages, provenance, texts, links) set to HOSTILE_TEXT. */
export function makeHostileModel(): ReportModel {
  const EVIL = HOSTILE_TEXT;
  const records = makeRecords();
  const c = makeComparison(records);
  const evilMetric = { ...c.metrics[0]!, name: `em ${EVIL}`, notes: [EVIL] };
  const comparison: Comparison = {
    ...c,
    metrics: [evilMetric, c.metrics[1]!],
    flips: c.flips.map((f) => ({ ...f, case_id: `${f.case_id} ${EVIL}`, metric: evilMetric.name })),
    baseline: { ...c.baseline, dir: EVIL, suite: { name: EVIL, file: EVIL, hash: EVIL }, warnings: [EVIL], provenance: { git: { commit: EVIL }, dataset_hash: EVIL, prompt_hash: EVIL, target: { model: EVIL, provider: EVIL } } },
    gate: { ...c.gate!, checks: c.gate!.checks.map((k) => ({ ...k, id: EVIL, subject: EVIL, message: EVIL })), reasons: [EVIL], policy_source: EVIL },
    provenance: { ...c.provenance, llmops_version: EVIL, created_at: EVIL, methods: [EVIL] },
  };
  const cases = buildCaseDetails(c, records.baseline, records.candidate).map((d) => ({
    ...d,
    case_id: `${d.case_id} ${EVIL}`,
    input: EVIL,
    expected: { EVIL },
    flips: Object.fromEntries(Object.values(d.flips).map((dir) => [evilMetric.name, dir])),
    candidate: d.candidate && { ...d.candidate, output: EVIL, error: EVIL },
  }));
  return {
    comparison,
    cases,
    context: { title: EVIL, runUrl: "javascript:alert(1)", links: [{ label: EVIL, url: "https://github.com/acme/llm/actions/runs/7" }, { label: "x", url: "data:text/html,hi" }] },
  };
}
