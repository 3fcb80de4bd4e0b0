// The in-memory oracle for `llmops eval`'s summary, for bench/eval-scale.mjs --equivalence: every
// record of a run's results.jsonl held at once and summarised by the in-memory code the streaming
// accumulators replaced (test/support/summary-reference.ts, kept verbatim), then held against the
// run's summary.json: counts, tokens, errors and requests equal (key order aside); each metric's mean, SE and CI equal
// to 12 significant digits; the printed summary (renderSummaryText) identical line for line but for
// the latency percentiles, which must lie within the sketch's stated relative error (summary.json
// says which: exact up to 4,096 records, DDSketch at 0.5% past that).
// Prints one JSON line: {equal, checked, differences[], maxPercentileRelErr, bound}; exits 1 when
// the summaries differ.
// Usage (bundled by the bench): node --max-old-space-size=N summary-in-memory.mjs RUN_DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collectResults } from "../src/core/contracts/result-line.js";
import { summaryFormat } from "../src/core/contracts/summary.js";
import { stableStringify } from "../src/core/stable-json.js";
import { renderSummaryText } from "../src/core/eval/render-summary.js";
import { createScorers, scorerConfigSchema } from "../src/core/eval/scorers/registry.js";
import type { RunSummary } from "../src/core/eval/types.js";
import { computeSummaryInMemory } from "../test/support/summary-reference.js";

const dir = process.argv[2]!;
const summaryFile = join(dir, "summary.json");
const streamed = summaryFormat.parse(readFileSync(summaryFile, "utf8"), summaryFile);
const { records } = collectResults(readFileSync(join(dir, "results.jsonl"), "utf8"), join(dir, "results.jsonl"));
// The scorers as the run configured them (summary.json records each metric's config, in order).
const scorers = createScorers(Object.values(streamed.metrics).map((m) => scorerConfigSchema.parse(m.config)));
const reference = computeSummaryInMemory({
  suite: streamed.suite,
  cases: streamed.counts.cases,
  repeats: streamed.counts.repeats,
  records,
  scorers,
  currency: streamed.cost?.currency,
  provenance: streamed.provenance,
  bootstrapResamples: 2000,
  deadlines: streamed.requests?.deadlines_ms,
});

const differences: string[] = [];
let checked = 0;
const same = (what: string, a: unknown, b: unknown) => {
  checked++;
  if (stableStringify(a) !== stableStringify(b)) differences.push(`${what}: ${JSON.stringify(a)} (streamed) vs ${JSON.stringify(b)} (in memory)`);
};
const close = (what: string, a: number | null | undefined, b: number | null | undefined) => {
  checked++;
  if (a === b) return;
  if (a === null || b === null || a === undefined || b === undefined || Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(b))) differences.push(`${what}: ${a} (streamed) vs ${b} (in memory)`);
};
same("counts", streamed.counts, reference.counts);
same("metric names", Object.keys(streamed.metrics), Object.keys(reference.metrics));
for (const [name, m] of Object.entries(reference.metrics)) {
  const s = streamed.metrics[name];
  if (!s) continue;
  // `config` is the suite's scorer config copied through (the reference predates the field).
  same(`${name} (all but mean, se, ci95, config)`, { ...s, mean: 0, se: 0, ci95: 0, config: null }, { ...m, mean: 0, se: 0, ci95: 0, config: null });
  close(`${name}.mean`, s.mean, m.mean);
  close(`${name}.se`, s.se, m.se);
  close(`${name}.ci95[0]`, s.ci95?.[0], m.ci95?.[0]);
  close(`${name}.ci95[1]`, s.ci95?.[1], m.ci95?.[1]);
}
same("overall", streamed.overall, reference.overall);
same("tokens", streamed.tokens, reference.tokens);
close("cost.total", streamed.cost?.total ?? null, reference.cost?.total ?? null);
same("errors", streamed.errors.map((e) => [e.kind, e.count]).sort(), reference.errors.map((e) => [e.kind, e.count]).sort());
same("requests", streamed.requests, reference.requests);
close("latency.mean", streamed.latency.mean, reference.latency.mean);
// Percentiles: exact where summary.json says nothing, else within the sketch's stated relative error.
const bound = streamed.latency.percentiles?.relative_error ?? 0;
let maxPercentileRelErr = 0;
for (const k of ["p50", "p95", "p99", "ttft_p50", "ttft_p95", "ttft_p99"] as const) {
  checked++;
  const a = streamed.latency[k];
  const b = reference.latency[k];
  if (a === null || b === null || a === undefined || b === undefined) {
    if (a !== b) differences.push(`latency.${k}: ${a} vs ${b}`);
    continue;
  }
  const rel = b === 0 ? Math.abs(a) : Math.abs(a - b) / b;
  maxPercentileRelErr = Math.max(maxPercentileRelErr, rel);
  if (rel > bound + 1e-12) differences.push(`latency.${k}: ${a} (streamed) vs ${b} (in memory): ${(rel * 100).toFixed(3)}% off, bound ${(bound * 100).toFixed(1)}%`);
}
// The printed summary, with the reference's percentiles put in the streamed one's place (checked above).
const printed = (s: RunSummary) => renderSummaryText(s).split("\n");
const withReferencePercentiles: RunSummary = { ...streamed, latency: { ...streamed.latency, ...pick(reference.latency) } };
const a = printed(withReferencePercentiles);
const b = printed(reference);
checked++;
if (a.length !== b.length || a.some((line, i) => line !== b[i])) differences.push(`printed summary differs:\n${a.join("\n")}\n--- in memory:\n${b.join("\n")}`);

function pick(l: RunSummary["latency"]) {
  return { p50: l.p50, p95: l.p95, p99: l.p99, ttft_p50: l.ttft_p50, ttft_p95: l.ttft_p95, ttft_p99: l.ttft_p99 };
}

process.stdout.write(`${JSON.stringify({ equal: differences.length === 0, records: records.length, checked, differences, maxPercentileRelErr, bound })}\n`);
if (differences.length > 0) process.exitCode = 1;
