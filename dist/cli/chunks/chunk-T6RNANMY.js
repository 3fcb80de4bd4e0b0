#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  diffPrompts
} from "./chunk-OXETND2A.js";
import {
  COMPARISON_TAG,
  buildCaseDetails,
  buildNewCases,
  comparisonFormat,
  renderComment,
  reportRecordOf,
  reportTitle
} from "./chunk-MGIFSCUN.js";
import {
  NEW_CASES_DIR
} from "./chunk-HM2SULNL.js";
import {
  defaultGatePolicy,
  defaultPolicy,
  evaluateGate,
  parseGatePolicy,
  scorerDefinitions
} from "./chunk-IT4PQUIZ.js";
import {
  ResultsCollector,
  summaryFormat
} from "./chunk-3BMRD6X5.js";
import {
  bootstrapQuantile,
  casesNeeded,
  holmAdjust,
  holmLevels,
  mean,
  minimumDetectableEffect,
  normalQuantile,
  oneSampleT,
  pairedBootstrapCorpus,
  pairedScoreTest,
  quantileSorted,
  sd,
  summariseDraws,
  tIntervalAt,
  tangoInterval,
  wilsonInterval,
  withinClusterSd
} from "./chunk-6UGRYEFO.js";
import {
  ARMS_SCHEMA
} from "./chunk-OMAMCZPV.js";
import {
  stableStringify
} from "./chunk-KHVKHKQQ.js";
import {
  defineOptions,
  json,
  quiet
} from "./chunk-KG2AKHTK.js";
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  GateFailedError,
  InputError,
  exitCodeFor,
  formatError
} from "./chunk-LXVW643N.js";

// src/cli/commands/compare-runs.ts
import { existsSync as existsSync3 } from "node:fs";
import { join as join3 } from "node:path";

// src/app/compare/run-compare.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/core/compare/metric-compare.ts
function observe(r, metric, counts) {
  const s = r.scores[metric];
  if (s && s.value !== null) {
    counts.records++;
    return { value: s.value, pass: s.pass ?? null, stats: s.stats ?? null, errored: false };
  }
  if (r.error !== null) {
    counts.records++;
    counts.errors++;
    return { value: 0, pass: false, stats: null, errored: true };
  }
  counts.nulls++;
  return null;
}
function compareMetric(info, cases, baseline, candidate, settings) {
  const cb = { records: 0, nulls: 0, errors: 0 };
  const cc = { records: 0, nulls: 0, errors: 0 };
  let ids = [];
  let bObs = [];
  let cObs = [];
  let unpaired = 0;
  for (const id of cases) {
    const b = (baseline.get(id) ?? []).map((r) => observe(r, info.name, cb)).filter((o) => o !== null);
    const c = (candidate.get(id) ?? []).map((r) => observe(r, info.name, cc)).filter((o) => o !== null);
    if (b.length === 0 || c.length === 0) {
      if (b.length + c.length > 0) unpaired++;
      continue;
    }
    ids.push(id);
    bObs.push(b);
    cObs.push(c);
  }
  const notes = [];
  const all = [...bObs.flat(), ...cObs.flat()];
  const binary = all.length > 0 && all.every((o) => o.value === 0 || o.value === 1);
  let kind = binary ? "binary" : "continuous";
  if (info.corpus || all.some((o) => o.stats !== null)) {
    const why = corpusIneligibility(info, all);
    if (why) notes.push(`${why}; compared the mean of per-case values instead`);
    else {
      kind = "corpus";
      const dropped = all.filter((o) => o.errored).length;
      if (dropped > 0) {
        notes.push(`${dropped} errored record(s) have no sufficient statistics and are left out of the corpus scores`);
        const kept = ids.map((_, i) => ({ id: ids[i], b: bObs[i].filter((o) => !o.errored), c: cObs[i].filter((o) => !o.errored) }));
        const paired = kept.filter((k) => k.b.length > 0 && k.c.length > 0);
        unpaired += kept.length - paired.length;
        ids = paired.map((k) => k.id);
        bObs = paired.map((k) => k.b);
        cObs = paired.map((k) => k.c);
      }
    }
  }
  if (unpaired > 0) notes.push(`${unpaired} paired case(s) had a value on one side only for this metric and were left out`);
  const n = ids.length;
  const kB = bObs.reduce((k, o) => Math.max(k, o.length), 0);
  const kC = cObs.reduce((k, o) => Math.max(k, o.length), 0);
  const side = (counts) => ({ mean: null, ci: null, n_records: counts.records, n_null: counts.nulls, n_errors: counts.errors });
  const row = {
    name: info.name,
    type: info.type,
    kind,
    higher_is_better: info.higherIsBetter,
    gated: false,
    n,
    repeats: { baseline: kB, candidate: kC },
    baseline: side(cb),
    candidate: side(cc),
    delta: null,
    delta_relative: null,
    ci: null,
    interval_method: "none",
    test: "none",
    p_value: null,
    p_holm: null,
    ci_holm: null,
    ci_holm_confidence: null,
    sd_diff: null,
    sd_within: null,
    mde: null,
    broke: null,
    fixed: null,
    notes
  };
  if (n === 0) {
    notes.push("no case has a value on both sides");
    return { row, flips: [], intervalAt: null };
  }
  const caseMean = (os) => mean(os.map((o) => o.value));
  const mb = Float64Array.from(bObs, caseMean);
  const mc = Float64Array.from(cObs, caseMean);
  const diffs = mc.map((v, i) => v - mb[i]);
  const alpha = 1 - settings.confidence;
  let intervalAt;
  if (kind === "corpus") intervalAt = fillCorpus(row, bObs, cObs, info.aggregate, settings);
  else if (kind === "binary" && kB === 1 && kC === 1) intervalAt = fillBinary(row, mb, mc, settings.confidence);
  else intervalAt = fillT(row, mb, mc, diffs, kB > 1 || kC > 1, settings.confidence);
  if (kind !== "corpus") {
    row.sd_diff = n >= 2 ? sd(diffs) : null;
    if (kB > 1 || kC > 1) row.sd_within = withinSd(bObs, cObs, notes);
    row.mde = row.sd_diff === null ? null : minimumDetectableEffect(row.sd_diff, n, alpha);
  }
  if (row.baseline.mean !== null && row.candidate.mean !== null) {
    row.delta = row.candidate.mean - row.baseline.mean;
    row.delta_relative = row.baseline.mean > 0 ? row.delta / row.baseline.mean : null;
  }
  const flips = computeFlips(info.name, ids, bObs, cObs, mb, mc, binary);
  if (flips) {
    row.broke = flips.filter((f) => f.direction === "broke").length;
    row.fixed = flips.length - row.broke;
  }
  return { row, flips: flips ?? [], intervalAt };
}
function corpusIneligibility(info, all) {
  const scored = all.filter((o) => !o.errored);
  if (!info.aggregate) return `corpus aggregate unknown for type ${info.type ?? "(unknown)"}`;
  if (scored.length === 0 || scored.some((o) => o.stats === null)) return "some records lack sufficient statistics";
  if (new Set(scored.map((o) => o.stats.length)).size !== 1) return "sufficient statistics differ in length between records";
  return null;
}
function fillBinary(row, mb, mc, confidence) {
  const t = { both: 0, broke: 0, fixed: 0, neither: 0 };
  for (let i = 0; i < mb.length; i++) {
    if (mb[i] === 1 && mc[i] === 1) t.both++;
    else if (mb[i] === 1) t.broke++;
    else if (mc[i] === 1) t.fixed++;
    else t.neither++;
  }
  const n = mb.length;
  const kb = t.both + t.broke;
  const kc = t.both + t.fixed;
  row.baseline.mean = kb / n;
  row.candidate.mean = kc / n;
  row.baseline.ci = wilsonInterval(kb, n, confidence);
  row.candidate.ci = wilsonInterval(kc, n, confidence);
  row.ci = tangoInterval(t, confidence);
  row.interval_method = "tango-score";
  row.test = "mcnemar-asymptotic";
  row.p_value = pairedScoreTest(t).p;
  return (c) => tangoInterval(t, c);
}
function fillT(row, mb, mc, diffs, clustered, confidence) {
  row.baseline.mean = mean(mb);
  row.candidate.mean = mean(mc);
  row.baseline.ci = oneSampleT(mb, confidence)?.ci ?? null;
  row.candidate.ci = oneSampleT(mc, confidence)?.ci ?? null;
  const t = oneSampleT(diffs, confidence);
  if (!t) {
    row.notes.push("fewer than 2 paired cases: no interval or test");
    return null;
  }
  row.ci = t.ci;
  row.interval_method = clustered ? "t-clustered" : "t";
  row.test = clustered ? "paired-t-clustered" : "paired-t";
  row.p_value = t.p;
  return (c) => tIntervalAt(t, c);
}
function fillCorpus(row, bObs, cObs, aggregate, settings) {
  const width = bObs[0][0].stats.length;
  const n = bObs.length;
  const rows = (obs) => {
    const m = new Float64Array(n * width);
    obs.forEach((os, i) => {
      for (const o of os) for (let j = 0; j < width; j++) m[i * width + j] += o.stats[j];
    });
    return m;
  };
  const seed = metricSeed(settings.seed, row.name);
  const resamples = corpusResamples(settings.resamples, n, width);
  if (resamples < settings.resamples) row.notes.push(`corpus bootstrap capped at ${resamples} resamples for ${n} cases \xD7 ${width} statistics (time budget)`);
  const r = pairedBootstrapCorpus(rows(bObs), rows(cObs), width, aggregate, resamples, seed, settings.confidence);
  row.baseline.mean = r.baseline.estimate;
  row.candidate.mean = r.candidate.estimate;
  row.baseline.ci = r.baseline.bca ?? r.baseline.ci;
  row.candidate.ci = r.candidate.bca ?? r.candidate.ci;
  row.ci = r.delta.intervalAt(settings.confidence);
  row.interval_method = r.delta.method === "bca" ? "bootstrap-bca" : "bootstrap-percentile";
  row.test = "bootstrap";
  row.p_value = r.delta.p;
  if (row.p_value === 0) row.notes.push(`\u0394 = 0 lies beyond all ${r.delta.resamples} bootstrap resamples: p < ${formatTiny(1 / r.delta.resamples)}`);
  const alpha = 1 - settings.confidence;
  row.mde = (normalQuantile(1 - alpha / 2) + normalQuantile(0.8)) * r.delta.se;
  return r.delta.intervalAt;
}
var formatTiny = (x) => Number(x.toPrecision(2)).toString();
var CORPUS_WORK_BUDGET = 2e9;
function corpusResamples(requested, n, width) {
  return Math.min(requested, Math.max(1e3, Math.floor(CORPUS_WORK_BUDGET / (n * (2 * width + 1)))));
}
function withinSd(bObs, cObs, notes) {
  const sb = withinClusterSd(bObs.map((os) => os.map((o) => o.value)));
  const sc = withinClusterSd(cObs.map((os) => os.map((o) => o.value)));
  if (sb === null && sc === null) return null;
  if (sb === null || sc === null) notes.push("only one side has repeats; assumed the same within-case spread on the other");
  const b = sb ?? sc;
  const c = sc ?? sb;
  return Math.sqrt(b * b + c * c);
}
function computeFlips(metric, ids, bObs, cObs, mb, mc, binary) {
  const passOf = (o) => o.pass ?? (binary ? o.value === 1 : null);
  const casePass = (os) => {
    const ps = os.map(passOf);
    if (ps.some((p) => p === null)) return null;
    return ps.filter(Boolean).length * 2 > ps.length;
  };
  const flips = [];
  for (let i = 0; i < ids.length; i++) {
    const pb = casePass(bObs[i]);
    const pc = casePass(cObs[i]);
    if (pb === null || pc === null) return null;
    if (pb !== pc) flips.push({ case_id: ids[i], metric, direction: pb ? "broke" : "fixed", baseline: mb[i], candidate: mc[i] });
  }
  return flips;
}
function metricSeed(seed, name) {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return (h ^ seed) >>> 0;
}

// src/core/compare/operational.ts
var LATENCY_RESAMPLES_MAX = 2e3;
function distribution(values) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return { n, mean: n ? mean(sorted) : null, p50: n ? quantileSorted(sorted, 0.5) : null, p95: n ? quantileSorted(sorted, 0.95) : null };
}
function recordsOf(side, cases) {
  return cases.flatMap((id) => side.get(id) ?? []);
}
function caseMeans(side, cases, pick) {
  return cases.map((id) => {
    const vs = (side.get(id) ?? []).map(pick).filter((v) => v !== null);
    return vs.length ? mean(vs) : Number.NaN;
  });
}
function computeOperational(baseline, candidate, cases, opts) {
  const rb = recordsOf(baseline, cases);
  const rc = recordsOf(candidate, cases);
  const lat = (rs) => rs.map((r) => r.latency_ms).filter((v) => v !== null);
  const lb = lat(rb);
  const lc = lat(rc);
  const db = distribution(lb);
  const dc = distribution(lc);
  let candidateP95Ci = null;
  let deltaP95Ci = null;
  const B = Math.min(opts.resamples, LATENCY_RESAMPLES_MAX);
  if (lc.length >= 2) {
    const drawsC = bootstrapQuantile(lc, 0.95, B, opts.seed ^ 6782);
    candidateP95Ci = summariseDraws(dc.p95, drawsC, opts.confidence, opts.seed).ci;
    if (lb.length >= 2) {
      const drawsB = bootstrapQuantile(lb, 0.95, B, opts.seed ^ 46174);
      const d = drawsC.map((v, i) => v - drawsB[i]);
      deltaP95Ci = summariseDraws(dc.p95 - db.p95, d, opts.confidence, opts.seed).ci;
    }
  }
  const tokens = (side, rs) => {
    const prompt = rs.reduce((a, r) => a + (r.prompt_tokens ?? 0), 0);
    const completion = rs.reduce((a, r) => a + (r.completion_tokens ?? 0), 0);
    const per = caseMeans(side, cases, (r) => r.prompt_tokens === null && r.completion_tokens === null ? null : (r.prompt_tokens ?? 0) + (r.completion_tokens ?? 0)).filter(
      (v) => !Number.isNaN(v)
    );
    return { prompt, completion, total: prompt + completion, per_case: per.length ? mean(per) : null };
  };
  const tb = tokens(baseline, rb);
  const tc = tokens(candidate, rc);
  return {
    latency: {
      baseline: db,
      candidate: dc,
      delta_p50: db.p50 !== null && dc.p50 !== null ? dc.p50 - db.p50 : null,
      delta_p95: db.p95 !== null && dc.p95 !== null ? dc.p95 - db.p95 : null,
      candidate_p95_ci: candidateP95Ci,
      delta_p95_ci: deltaP95Ci
    },
    tokens: {
      baseline: tb,
      candidate: tc,
      delta_total: tc.total - tb.total,
      delta_per_case: tb.per_case !== null && tc.per_case !== null ? tc.per_case - tb.per_case : null
    },
    cost: computeCost(baseline, candidate, cases, rb, rc, opts)
  };
}
function computeCost(baseline, candidate, cases, rb, rc, opts) {
  const allCandidate = [...candidate.values()].flat();
  if (![...rb, ...allCandidate].some((r) => r.cost !== null)) return null;
  const side = (s, rs) => {
    const per = caseMeans(s, cases, (r) => r.cost).filter((v) => !Number.isNaN(v));
    return { total: rs.reduce((a, r) => a + (r.cost ?? 0), 0), per_case: per.length ? mean(per) : null, n: per.length };
  };
  const b = side(baseline, rb);
  const c = side(candidate, rc);
  const mb = caseMeans(baseline, cases, (r) => r.cost);
  const mc = caseMeans(candidate, cases, (r) => r.cost);
  const diffs = mc.map((v, i) => v - mb[i]).filter((v) => !Number.isNaN(v));
  return {
    currency: opts.currency,
    baseline: b,
    candidate: c,
    delta_total: c.total - b.total,
    delta_per_case: b.per_case !== null && c.per_case !== null ? c.per_case - b.per_case : null,
    candidate_per_case_ci: oneSampleT(mc.filter((v) => !Number.isNaN(v)), opts.confidence)?.ci ?? null,
    delta_per_case_ci: oneSampleT(diffs, opts.confidence)?.ci ?? null,
    candidate_run_total: allCandidate.reduce((a, r) => a + (r.cost ?? 0), 0)
  };
}

// src/core/compare/pairing.ts
function groupByCase(records) {
  const out = /* @__PURE__ */ new Map();
  for (const r of records) {
    const list = out.get(r.case_id);
    if (list) list.push(r);
    else out.set(r.case_id, [r]);
  }
  return out;
}
function pairCases(baseline, candidate) {
  const paired = [];
  const baselineOnly = [];
  for (const id of baseline.keys()) (candidate.has(id) ? paired : baselineOnly).push(id);
  const candidateOnly = [...candidate.keys()].filter((id) => !baseline.has(id));
  return { paired, oneSided: { baseline_only: baselineOnly, candidate_only: candidateOnly } };
}

// src/core/compare/unchanged.ts
var idOf = (caseId, repeat) => `${caseId}\0${repeat}`;
function sameRecords(baseline, candidate) {
  if (!sameCases(baseline, candidate)) return false;
  const byId = new Map(baseline.records.map((r) => [idOf(r.case_id, r.repeat), r]));
  for (const c of candidate.records) {
    const b = byId.get(idOf(c.case_id, c.repeat));
    if (!b || b.key === void 0 || b.key !== c.key) return false;
    if ((b.output ?? null) !== (c.output ?? null)) return false;
    if (stableStringify(scoreValues(b.scores)) !== stableStringify(scoreValues(c.scores))) return false;
  }
  return true;
}
function sameCases(baseline, candidate) {
  if (baseline.records.length === 0 || baseline.records.length !== candidate.records.length) return false;
  const ids = new Set(baseline.records.map((r) => idOf(r.case_id, r.repeat)));
  return candidate.records.every((r) => ids.has(idOf(r.case_id, r.repeat))) && [...baseline.records, ...candidate.records].every((r) => r.error === null);
}
function scoreValues(scores) {
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.value]));
}
var str = (v) => typeof v === "string" && v !== "" ? v : null;
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
function modelHash(run) {
  return str(obj(obj(run.summary?.provenance).target).model_hash);
}
function sameModelAndPrompt(baseline, candidate) {
  if (!sameCases(baseline, candidate)) return null;
  const bm = modelHash(baseline);
  if (bm === null || bm !== modelHash(candidate)) return null;
  const bp = obj(baseline.summary?.provenance);
  const cp = obj(candidate.summary?.provenance);
  for (const k of ["prompt_hash", "dataset_hash", "suite_hash"]) if (str(bp[k]) === null || bp[k] !== cp[k]) return null;
  const params = (p) => stableStringify(obj(obj(p.target).params));
  if (params(bp) !== params(cp)) return null;
  return bm;
}
function findUnchanged(baseline, candidate) {
  if (sameRecords(baseline, candidate)) {
    return {
      basis: "requests-and-outputs",
      reason: `unchanged: all ${candidate.records.length} records were produced by the same requests and returned the same outputs as the baseline`
    };
  }
  const hash = sameModelAndPrompt(baseline, candidate);
  if (hash !== null) {
    return {
      basis: "model-and-prompt",
      reason: `unchanged: the same model (sha256 ${hash.replace(/^sha256:/, "").slice(0, 12)}), prompt, cases, suite and sampling parameters as the baseline`
    };
  }
  return null;
}

// src/core/compare/compute.ts
function runRef(run) {
  const cases = new Set(run.records.map((r) => r.case_id));
  return {
    dir: run.dir,
    results_sha256: run.resultsSha256,
    summary_present: run.summary !== null,
    suite: run.summary?.suite ? { name: run.summary.suite.name, file: run.summary.suite.file, hash: run.summary.suite.hash } : null,
    provenance: run.summary?.provenance ?? null,
    counts: {
      cases: cases.size,
      records: run.records.length,
      superseded: run.superseded,
      repeats: run.records.reduce((k, r) => Math.max(k, r.repeat + 1), 0),
      errors: run.records.filter((r) => r.error !== null).length
    },
    warnings: run.warnings,
    ...run.summary?.judges ? { judges: run.summary.judges } : {}
  };
}
function metricNames(...runs) {
  const names = new Set(runs.flatMap((run) => Object.keys(run.summary?.metrics ?? {})));
  for (const run of runs) for (const r of run.records) for (const k of Object.keys(r.scores)) names.add(k);
  return [...names];
}
function metricInfo(name, runs, greaterIsBetter, aggregateFor2) {
  const sm = [...runs].reverse().map((run) => run.summary?.metrics[name]).find((m) => m !== void 0);
  const type = sm?.type ?? null;
  return {
    name,
    type,
    corpus: sm?.corpus ?? false,
    higherIsBetter: greaterIsBetter ?? sm?.higher_is_better ?? true,
    aggregate: type ? aggregateFor2(type, sm?.config ?? null).aggregate : void 0
  };
}
function corpusNotes(name, runs, aggregateFor2) {
  const sms = runs.map((run) => run.summary?.metrics[name]);
  const sm = [...sms].reverse().find((m) => m !== void 0);
  if (!sm?.corpus) return [];
  const notes = [];
  const note = aggregateFor2(sm.type, sm.config).note;
  if (note) notes.push(note);
  const configs = [...new Set(sms.filter((m) => m?.config).map((m) => stableStringify(m.config)))];
  if (configs.length > 1) notes.push(`the runs configure ${name} differently (${configs.join(" vs ")}); the ${runs.length > 2 ? "last" : "candidate"}'s configuration rebuilt the corpus score`);
  return notes;
}
var METHODS = [
  "Cases are paired by case id; cases on one side only are listed and left out of every paired statistic.",
  "Repeats are averaged within each case before pairing: the case is the unit of inference (clustered).",
  "Errored records (timeouts, HTTP errors) with no score count as 0 (fail); null scores are left out.",
  "Each interval and its p-value come from one test: the interval is the set of differences the test does not reject, so p < \u03B1 exactly when the (1 \u2212 \u03B1) interval excludes 0, and a gate limit outside the interval is one the test rejects.",
  "0/1 metrics with one repeat: Tango's (1998) score interval for the paired difference and the score test it inverts, which at \u0394 = 0 is McNemar's asymptotic test z = (fixed \u2212 broke)/\u221A(fixed + broke).",
  "Other metrics, or any metric with repeats: Student t on the per-case differences of means (interval and p from the same t test).",
  "Corpus metrics (BLEU, chrF): paired bootstrap resampling cases, the corpus score recomputed from summed sufficient statistics; BCa interval (percentile when BCa is degenerate), and p = the largest \u03B1 whose interval still contains 0.",
  "p-values of the gated metrics (all metrics when nothing is gated) are Holm-adjusted; next to each adjusted p is the interval at the level Holm's step tested that metric (1 \u2212 \u03B1/k), which excludes 0 exactly when the adjusted p < \u03B1 \u2014 it agrees with Holm's decisions but is not a simultaneous interval. The \u0394 column's interval and p are per metric, unadjusted.",
  "MDE is the smallest |\u0394| detectable with 80% power at two-sided \u03B1 = 1 \u2212 confidence.",
  "The gate reads the same unadjusted intervals, not point estimates: PASS when every interval lies strictly on the allowed side of its limit, FAIL when some interval lies strictly beyond it, INCONCLUSIVE otherwise."
];
function computeComparison(baseline, candidate, opts) {
  const policy = opts.policy;
  const gb = groupByCase(baseline.records);
  const gc = groupByCase(candidate.records);
  const { paired, oneSided } = pairCases(gb, gc);
  const settings = { confidence: policy.confidence, resamples: policy.bootstrap_resamples, seed: policy.seed };
  const rows = [];
  const intervals = /* @__PURE__ */ new Map();
  const flips = [];
  for (const name of metricNames(baseline, candidate)) {
    const rule = policy.metrics[name];
    const info = metricInfo(name, [baseline, candidate], rule?.greater_is_better, opts.aggregateFor);
    const { row, flips: f, intervalAt } = compareMetric(info, paired, gb, gc, settings);
    intervals.set(row, intervalAt);
    row.notes.push(...corpusNotes(name, [baseline, candidate], opts.aggregateFor));
    row.gated = opts.gate && rule !== void 0 && rule.gate !== false;
    if (!baseline.summary?.metrics[name] && !baseline.records.some((r) => name in r.scores)) row.notes.push("metric absent from the baseline run");
    if (!candidate.summary?.metrics[name] && !candidate.records.some((r) => name in r.scores)) row.notes.push("metric absent from the candidate run");
    rows.push(row);
    for (const flip of f.sort((a, b) => a.direction === b.direction ? 0 : a.direction === "broke" ? -1 : 1)) flips.push(flip);
  }
  const family = rows.some((r) => r.gated) ? rows.filter((r) => r.gated && r.p_value !== null) : rows.filter((r) => r.p_value !== null);
  const familyPs = family.map((r) => r.p_value);
  const alpha = 1 - policy.confidence;
  const levels = holmLevels(familyPs, alpha);
  holmAdjust(familyPs).forEach((p, i) => {
    const row = family[i];
    row.p_holm = p;
    row.ci_holm_confidence = 1 - levels[i];
    row.ci_holm = intervals.get(row)?.(row.ci_holm_confidence) ?? null;
  });
  const currency = candidate.summary?.cost?.currency ?? baseline.summary?.cost?.currency ?? null;
  const comparison = {
    schema: COMPARISON_TAG,
    confidence: policy.confidence,
    bootstrap: { resamples: policy.bootstrap_resamples, seed: policy.seed },
    baseline: runRef(baseline),
    candidate: runRef(candidate),
    paired_cases: paired.length,
    one_sided: oneSided,
    metrics: rows,
    flips,
    operational: computeOperational(gb, gc, paired, { ...settings, currency }),
    unchanged: findUnchanged(baseline, candidate),
    provenance: { llmops_version: opts.llmopsVersion, created_at: opts.createdAt, policy_source: opts.policySource, methods: METHODS }
  };
  return { ...comparison, gate: opts.gate ? evaluateGate(comparison, policy, opts.policySource) : null };
}

// src/core/compare/aggregates.ts
function aggregateFor(type, config) {
  const def = scorerDefinitions.find((d) => d.type === type);
  if (!def) return { aggregate: void 0 };
  const parsed = def.schema.safeParse(config ?? { type });
  if (!parsed.success) return { aggregate: void 0, note: `the recorded configuration of this ${type} scorer is not valid for this llmops (${parsed.error.issues[0]?.message ?? "invalid"})` };
  const scorer = def.create(parsed.data);
  if (!scorer.corpus || !scorer.aggregate) return { aggregate: void 0 };
  const aggregate = (s) => scorer.aggregate(s);
  return config === null ? { aggregate, note: `summary.json (v1) does not record the ${type} scorer's options: the corpus score uses its default options` } : { aggregate };
}

// src/core/compare/arms.ts
var ARMS_METHODS = [
  "Every arm is paired with every other by case id over the cases all arms share; the first arm is the control.",
  "Each pair and metric uses the two-run method (0/1: Tango score interval with the McNemar asymptotic test it inverts; other metrics: paired t on case means; corpus metrics: paired bootstrap), so an interval and its p never disagree.",
  "Holm's adjustment runs over every pair of arms \xD7 every metric; each adjusted p comes with \u0394's interval at Holm's step level for that pair, which excludes 0 exactly when the adjusted p < \u03B1.",
  "A metric's winner is the arm whose Holm interval against the control and against every rival lies wholly on the better side of 0: the chance of naming a wrong winner is at most \u03B1 across the whole experiment.",
  "Without a winner, the arms whose Holm interval against the best-looking arm contains 0 are listed as indistinguishable, with the paired cases at which a paired t test would likely separate them (80% power at the pair's Holm level, from the observed SD of differences)."
];
function sharedCases(groups, names) {
  const shared = [...groups[0].keys()].filter((id) => groups.every((g) => g.has(id)));
  const inShared = new Set(shared);
  const notShared = {};
  groups.forEach((g, i) => {
    const missing = [...g.keys()].filter((id) => !inShared.has(id));
    if (missing.length) notShared[names[i]] = missing;
  });
  return { shared, notShared };
}
function armRef(a, control) {
  return {
    name: a.name,
    control,
    dir: a.run.dir,
    results_sha256: a.run.resultsSha256,
    provenance: a.run.summary?.provenance ?? null,
    counts: { cases: new Set(a.run.records.map((r) => r.case_id)).size, records: a.run.records.length }
  };
}
var favours = (ci, up) => ci !== null && (up ? ci[0] > 0 : ci[1] < 0);
function computeArms(arms, opts) {
  if (arms.length < 2) throw new RangeError("a k-arm comparison needs a control and at least one variant");
  const names = arms.map((a) => a.name);
  const groups = arms.map((a) => groupByCase(a.run.records));
  const { shared, notShared } = sharedCases(groups, names);
  const settings = { confidence: opts.confidence, resamples: opts.resamples, seed: opts.seed };
  const alpha = 1 - opts.confidence;
  const work = [];
  const metrics = [];
  const caseMeans2 = /* @__PURE__ */ new Map();
  for (const name of metricNames(...arms.map((a) => a.run))) {
    const info = metricInfo(name, arms.map((a) => a.run), void 0, opts.aggregateFor);
    const means = new Array(arms.length).fill(null);
    let kind = "continuous";
    for (let j = 1; j < arms.length; j++) {
      for (let i = 0; i < j; i++) {
        const { row, intervalAt } = compareMetric(info, shared, groups[i], groups[j], settings);
        kind = row.kind;
        means[i] ??= row.baseline.mean;
        means[j] ??= row.candidate.mean;
        work.push({
          intervalAt,
          pair: {
            metric: name,
            arm: names[j],
            versus: names[i],
            n: row.n,
            delta: row.delta,
            ci: row.ci,
            p_value: row.p_value,
            interval_method: row.interval_method,
            test: row.test,
            p_holm: null,
            ci_holm: null,
            ci_holm_confidence: null,
            sd_diff: row.sd_diff,
            cases_to_separate: null
          }
        });
      }
    }
    caseMeans2.set(name, groups.map((g) => perCaseMean(g, shared, name)));
    metrics.push({ name, kind, higher_is_better: info.higherIsBetter, means, winner: null, indistinguishable: [], verdict: "" });
  }
  const family = work.filter((w) => w.pair.p_value !== null);
  const ps = family.map((w) => w.pair.p_value);
  const levels = holmLevels(ps, alpha);
  holmAdjust(ps).forEach((p, i) => {
    const w = family[i];
    w.pair.p_holm = p;
    w.pair.ci_holm_confidence = 1 - levels[i];
    w.pair.ci_holm = w.intervalAt?.(w.pair.ci_holm_confidence) ?? null;
    const separated = w.pair.ci_holm !== null && (w.pair.ci_holm[0] > 0 || w.pair.ci_holm[1] < 0);
    if (!separated && w.pair.sd_diff !== null && w.pair.sd_diff > 0 && w.pair.delta !== null && w.pair.delta !== 0) {
      w.pair.cases_to_separate = casesNeeded(w.pair.sd_diff, w.pair.delta, levels[i]);
    }
  });
  const pairs = work.map((w) => w.pair);
  for (const m of metrics) decide(m, names, pairs.filter((p) => p.metric === m.name));
  const primary = metrics.find((m) => m.means.every((x) => x !== null))?.name ?? null;
  return {
    schema: ARMS_SCHEMA,
    confidence: opts.confidence,
    bootstrap: { resamples: opts.resamples, seed: opts.seed },
    arms: arms.map((a, i) => armRef(a, i === 0)),
    shared_cases: shared.length,
    not_shared: notShared,
    metrics,
    pairs,
    holm_family: family.length,
    disagreements: primary ? disagreements(primary, caseMeans2.get(primary), shared, opts.maxDisagreements ?? 10) : [],
    provenance: { llmops_version: opts.llmopsVersion, created_at: opts.createdAt, methods: ARMS_METHODS }
  };
}
function perCaseMean(group, shared, metric) {
  const out = /* @__PURE__ */ new Map();
  for (const id of shared) {
    const vals = [];
    for (const r of group.get(id) ?? []) {
      const s = r.scores[metric];
      if (s && s.value !== null) vals.push(s.value);
      else if (r.error !== null) vals.push(0);
    }
    if (vals.length) out.set(id, vals.reduce((a, b) => a + b, 0) / vals.length);
  }
  return out;
}
function oriented(pairs, a, b) {
  const p = pairs.find((x) => x.arm === a && x.versus === b || x.arm === b && x.versus === a);
  if (!p) return null;
  const flip = p.arm !== a;
  const ci = p.ci_holm ? flip ? [-p.ci_holm[1], -p.ci_holm[0]] : p.ci_holm : null;
  return { delta: p.delta === null ? null : flip ? -p.delta : p.delta, ci, cases: p.cases_to_separate };
}
function decide(m, names, pairs) {
  const up = m.higher_is_better;
  const winner = names.find((a) => names.every((b) => b === a || favours(oriented(pairs, a, b)?.ci ?? null, up))) ?? null;
  if (winner) {
    m.winner = winner;
    m.verdict = `${winner} wins: its Holm interval excludes ${names.filter((b) => b !== winner).join(", ")}`;
    return;
  }
  const order = names.map((a, i) => ({ a, v: m.means[i] })).filter((x) => x.v !== null && x.v !== void 0);
  if (order.length === 0) {
    m.verdict = "no arm has a value on the shared cases";
    return;
  }
  order.sort((x, y) => up ? y.v - x.v : x.v - y.v);
  const best = order[0].a;
  const tied = names.filter((b) => b !== best && !favours(oriented(pairs, best, b)?.ci ?? null, up));
  m.indistinguishable = [best, ...tied];
  const need = tied.map((b) => ({ b, cases: oriented(pairs, best, b)?.cases ?? null })).map(({ b, cases }) => `${best} vs ${b}: ${cases === null ? "no difference observed" : `~${cases} paired cases`}`);
  m.verdict = `no winner: ${m.indistinguishable.join(", ")} cannot be told apart (${need.join("; ")})`;
}
function disagreements(metric, perArm, shared, max) {
  const rows = [];
  for (const id of shared) {
    const values = perArm.map((m) => m.get(id));
    if (values.some((v) => v === void 0)) continue;
    const vs = values;
    const spread = Math.max(...vs) - Math.min(...vs);
    if (spread > 0) rows.push({ case_id: id, metric, values: vs, spread });
  }
  const offMedian = (vs) => {
    const s = [...vs].sort((a, b) => a - b);
    const med = s[Math.floor(s.length / 2)];
    return vs.filter((v) => v !== med).length;
  };
  rows.sort((a, b) => b.spread - a.spread || offMedian(b.values) - offMedian(a.values) || (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0));
  return rows.slice(0, max);
}

// src/core/github/events.ts
var repo = external_exports.looseObject({ full_name: external_exports.string() });
var sha = external_exports.string().regex(/^[0-9a-f]{40}$/i, "expected a 40-hex commit SHA");
var pullRequestEvent = external_exports.looseObject({
  pull_request: external_exports.looseObject({
    number: external_exports.number().int().positive(),
    head: external_exports.looseObject({ sha, ref: external_exports.string(), repo: repo.nullable() }),
    base: external_exports.looseObject({ sha, ref: external_exports.string(), repo })
  })
});
var workflowRunEvent = external_exports.looseObject({
  workflow_run: external_exports.looseObject({
    id: external_exports.number().int(),
    event: external_exports.string(),
    head_sha: sha,
    head_branch: external_exports.string().nullable(),
    head_repository: repo.nullable(),
    repository: repo,
    conclusion: external_exports.string().nullable(),
    html_url: external_exports.string().optional(),
    pull_requests: external_exports.array(external_exports.looseObject({ number: external_exports.number().int().positive(), head: external_exports.looseObject({ sha: external_exports.string() }) })).default([])
  })
});

// src/core/contracts/report-bundle.ts
var PULL_REQUEST_TAG = "llmops.pull-request/v2";
var sha2 = external_exports.string().regex(/^[0-9a-f]{40}$/, "expected a 40-hex commit SHA");
var repoName = external_exports.string().regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/, "expected owner/name");
var PullRequestRefSchema = external_exports.strictObject({
  schema: external_exports.literal(PULL_REQUEST_TAG),
  number: external_exports.number().int().positive(),
  head_sha: sha2,
  head_repo: repoName.nullable().describe("owner/name the head commit lives in; null when the fork was deleted"),
  base_repo: repoName.describe("owner/name of the repository the pull request is in")
});
var pullRequestFormat = defineFormat({
  kind: "pull-request",
  version: 2,
  schema: PullRequestRefSchema,
  title: "the report bundle's pull-request.json (which PR and head commit it reports on)",
  file: "<bundle>/pull-request.json",
  writer: "actions/compare on pull_request events",
  readers: "actions/comment",
  hint: "the bundle must come from actions/compare of the same llmops version"
});

// src/core/github/report-bundle.ts
var BUNDLE_FILES = { report: "report.md", comparison: "comparison.json", pullRequest: "pull-request.json" };
var BUNDLE_LIMITS = { report: 1024 * 1024, comparison: 16 * 1024 * 1024, pullRequest: 4 * 1024 };

// src/app/eval/eval-run-reader.ts
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";
async function readEvalRun(dir, label) {
  if (existsSync(dir) && statSync(dir).isFile() && basename(dir) === "results.jsonl") {
    throw new InputError(`${label} run: ${dir} is the results file; pass its directory`, { hint: `--${label} ${dirname(dir)}` });
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`${label} run directory not found: ${dir}`, { hint: "pass the directory that holds results.jsonl (the --out of `llmops eval`)" });
  }
  const resultsFile = join(dir, "results.jsonl");
  if (!existsSync(resultsFile)) {
    const runs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "results.jsonl"))).map((e) => join(dir, e.name));
    throw new InputError(`${label} run has no results.jsonl: ${resultsFile}`, {
      hint: runs.length > 0 ? `runs found inside it: ${runs.slice(0, 5).join(", ")}${runs.length > 5 ? ", \u2026" : ""}` : "pass the directory that holds results.jsonl (the --out of `llmops eval`)"
    });
  }
  const collector = new ResultsCollector(resultsFile);
  const hash = createHash("sha256");
  let lineNo = 0;
  let rest = "";
  const decoder = new StringDecoder("utf8");
  for await (const chunk of createReadStream(resultsFile)) {
    const buf = chunk;
    hash.update(buf);
    const text = rest + decoder.write(buf);
    const parts = text.split("\n");
    rest = parts.pop();
    for (const p of parts) collector.add(p.endsWith("\r") ? p.slice(0, -1) : p, ++lineNo);
  }
  rest += decoder.end();
  if (rest !== "") collector.add(rest, ++lineNo);
  const { records, superseded, warnings } = collector.finish();
  const summaryFile = join(dir, "summary.json");
  let summary = null;
  if (existsSync(summaryFile)) summary = summaryFormat.parse(readFileSync(summaryFile, "utf8"), summaryFile);
  else warnings.push(`${summaryFile} is missing: metric types, directions and provenance are unknown (was the run interrupted?)`);
  if (records.length === 0) throw new InputError(`${label} run has no records: ${resultsFile} is empty`);
  return { dir, resultsSha256: hash.digest("hex"), records, summary, superseded, warnings };
}

// src/app/compare/run-compare.ts
async function loadPolicyFile(path, file, missing) {
  if (!existsSync2(path)) throw new InputError(missing, { hint: "pass a gate policy YAML file, or a suite file with a gate: key" });
  return parseGatePolicy(await readFile(path, "utf8"), file);
}
async function compareRuns(o) {
  const [baseline, candidate] = await Promise.all([readEvalRun(o.baselineDir, "baseline"), readEvalRun(o.candidateDir, "candidate")]);
  for (const w of [...baseline.warnings, ...candidate.warnings]) o.logger.warn(w);
  const comparison = compareWithPolicy(baseline, candidate, o.policy, o.gate);
  const newCases = await readNewCases(o.candidateDir, comparison, o.logger);
  const model = {
    comparison,
    cases: buildCaseDetails(comparison, baseline.records.map(reportRecordOf), candidate.records.map(reportRecordOf)),
    context: o.context ?? {},
    ...newCases ? { newCases } : {},
    ...o.promptDiff && o.promptDiff.changes.length > 0 ? { promptDiff: o.promptDiff } : {}
  };
  const comment = renderComment(model);
  let files = null;
  if (o.outDir !== null) {
    await mkdir(o.outDir, { recursive: true });
    files = { comparison: join2(o.outDir, BUNDLE_FILES.comparison), report: join2(o.outDir, BUNDLE_FILES.report) };
    await writeFile(files.comparison, comparisonFormat.serialize(comparison));
    await writeFile(files.report, comment.markdown);
  }
  return { baseline, candidate, comparison, model, comment, files };
}
async function readNewCases(candidateDir, comparison, logger) {
  const dir = join2(candidateDir, NEW_CASES_DIR);
  if (!existsSync2(join2(dir, "results.jsonl"))) return void 0;
  const run = await readEvalRun(dir, "new cases");
  for (const w of run.warnings) logger.warn(w);
  return buildNewCases(run.records.map(reportRecordOf), comparison.metrics);
}
function compareWithPolicy(baseline, candidate, loaded, gate) {
  const base = { aggregateFor, llmopsVersion: VERSION, createdAt: (/* @__PURE__ */ new Date()).toISOString() };
  if (loaded) return computeComparison(baseline, candidate, { ...base, policy: loaded.policy, policySource: loaded.source, gate: true });
  const first = computeComparison(baseline, candidate, { ...base, policy: defaultPolicy(), policySource: "default", gate: false });
  if (!gate) return first;
  const shared = first.metrics.filter((m) => m.n > 0).map((m) => m.name);
  return computeComparison(baseline, candidate, { ...base, policy: defaultGatePolicy(shared), policySource: "default (max_regression 0.02 on every metric both runs share)", gate: true });
}

// src/cli/commands/compare-runs.ts
function required(values, name, cmd) {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new InputError(`llmops ${cmd}: --${name} DIR is required`, { hint: `run "llmops ${cmd} --help" for usage` });
  return v;
}
async function runCompare(ctx, values, mode) {
  const baselineDir = required(values, "baseline", mode);
  const candidateDir = required(values, "candidate", mode);
  const policyFile = typeof values.policy === "string" ? values.policy : void 0;
  const policyPath = policyFile ? ctx.resolvePath(policyFile) : null;
  const loaded = policyFile && policyPath ? await loadPolicyFile(policyPath, policyFile, `policy file not found: ${policyPath}`) : null;
  if (ctx.resolvePath(baselineDir) === ctx.resolvePath(candidateDir)) {
    ctx.logger.warn(`--baseline and --candidate are the same run (${ctx.resolvePath(baselineDir)}): every difference is 0; pass the candidate's own --out directory`);
  }
  const outDir = typeof values.out === "string" ? ctx.resolvePath(values.out) : mode === "compare" ? ctx.resolvePath(".llmops/comparison") : null;
  const promptsBase = typeof values["prompts-base"] === "string" ? values["prompts-base"] : void 0;
  const promptDiff = promptsBase !== void 0 && existsSync3(join3(ctx.cwd, "prompts")) ? await diffPrompts({ cwd: ctx.cwd, base: promptsBase, paths: ["prompts"], suitesDir: join3(ctx.cwd, "evals"), samples: 3 }) : void 0;
  const { comparison, files } = await compareRuns({
    baselineDir: ctx.resolvePath(baselineDir),
    candidateDir: ctx.resolvePath(candidateDir),
    policy: loaded,
    gate: mode === "gate",
    outDir,
    ...promptDiff ? { promptDiff } : {},
    logger: ctx.logger
  });
  if (files) ctx.logger.info(`wrote ${files.comparison} and report.md`);
  if (values.json) ctx.printJson(comparison);
  else ctx.stdout.write(`${renderSummary(comparison)}
`);
  const g = comparison.gate;
  if (g?.blocking) {
    const why = g.policy_source.startsWith("default") ? "INCONCLUSIVE blocks under the default policy" : `inconclusive: fail in ${g.policy_source}`;
    const err = new GateFailedError(`gate ${g.verdict.toUpperCase()}${g.verdict === "inconclusive" ? ` (${why})` : ""}:
  ${g.reasons.join("\n  ")}`, {
      hint: g.verdict === "inconclusive" ? "add cases or repeats (see the estimates above), or set inconclusive: neutral|pass in the policy" : void 0
    });
    if (values.json) {
      ctx.stderr.write(`${formatError(err)}
`);
      return exitCodeFor(err);
    }
    throw err;
  }
  return 0;
}
function renderSummary(c) {
  const f = (x) => x === null ? "\u2013" : Number(x.toPrecision(4)).toString();
  const lines = c.metrics.map(
    (m) => `${m.name.padEnd(16)} ${f(m.baseline.mean).padStart(8)} \u2192 ${f(m.candidate.mean).padStart(8)}  \u0394 ${f(m.delta).padStart(8)}  CI ${m.ci ? `[${f(m.ci[0])}, ${f(m.ci[1])}]` : "\u2013"}  ${m.test} p=${f(m.p_value)}  n=${m.n}${m.broke !== null ? `  broke ${m.broke} fixed ${m.fixed}` : ""}`
  );
  const os = c.one_sided;
  if (os.baseline_only.length || os.candidate_only.length) lines.push(`unpaired: ${os.baseline_only.length} baseline-only, ${os.candidate_only.length} candidate-only case(s)`);
  const unchanged = c.gate?.checks.find((k) => k.kind === "unchanged");
  if (c.gate) lines.push(`gate: ${c.gate.verdict.toUpperCase()}${unchanged ? ` (${unchanged.message})` : ""}${c.gate.reasons.length ? `
  ${c.gate.reasons.join("\n  ")}` : ""}`);
  return lines.join("\n");
}

// src/core/options/compare.ts
var COMPARE_OPTIONS = defineOptions("compare", {
  baseline: { type: { kind: "string" }, side: "both", arg: "DIR", required: true, description: "eval run directory of the baseline (results.jsonl, summary.json), e.g. the evaluate action's results-dir on the base commit" },
  candidate: { type: { kind: "string" }, side: "both", arg: "DIR", required: true, description: "eval run directory of the candidate (the pull request)" },
  policy: {
    type: { kind: "string" },
    side: "both",
    arg: "FILE",
    description: "gate policy YAML, or a suite file with a gate: key",
    default: { cli: "llmops gate: max_regression 0.02 on every metric both runs share; llmops compare: no gate (with a policy it gates too, and exits 1 when the gate blocks)", action: "max_regression 0.02 on every metric both runs share" }
  },
  out: {
    type: { kind: "string" },
    side: "both",
    arg: "DIR",
    description: "directory for the report bundle: comparison.json and report.md (and pull-request.json in an action)",
    default: { cli: ".llmops/comparison for compare; gate writes nothing without it" },
    actionDefault: "llmops-report"
  },
  "prompts-base": {
    type: { kind: "string", min: 1 },
    side: "cli",
    commands: ["compare"],
    why: "the CLI diffs the working tree's prompts against a git revision; the action against a base checkout (prompts-base-dir)",
    arg: "REV",
    description: "report.md also shows the prompts/ files this working tree changes against the git revision REV, rendered on the first cases of the suites in evals/"
  },
  control: { type: { kind: "string" }, side: "cli", commands: ["compare"], why: "k-arm comparisons are a local analysis", arg: "[NAME=]DIR", description: "the control arm of a k-arm comparison (with --arm)" },
  arm: {
    type: { kind: "list" },
    side: "cli",
    commands: ["compare"],
    why: "pairs with --control",
    arg: "[NAME=]DIR",
    description: "a variant arm (repeatable): every pair compared, Holm across pairs \xD7 metrics, a winner per metric only when its interval excludes the control and every rival; writes arms.json and arms.md"
  },
  plan: {
    type: { kind: "string" },
    side: "cli",
    commands: ["gate"],
    why: "a power analysis before running, on a terminal",
    arg: "SUITE",
    description: "size SUITE's cases for the gate instead of comparing runs"
  },
  "fail-on-block": {
    type: { kind: "flag" },
    side: "action",
    why: "llmops gate always exits 1 when the gate blocks; llmops compare does with --policy",
    description: "fail this step when the gate blocks (fail, or inconclusive under inconclusive: fail): true or false",
    actionDefault: "true"
  },
  title: { ...reportTitle, side: "action", why: "the CLI sets it when it renders: llmops report --title" },
  "prompts-base-dir": {
    type: { kind: "string" },
    side: "action",
    why: "the CLI diffs prompts against a git revision when it renders: llmops report --prompts-base REV",
    description: "a checkout of the pull request's base (e.g. .llmops/base): the comment then shows the prompts/ files the PR changes against it, with their rendered diffs on the first cases of the suites in evals/ that use them"
  },
  "prompts-head-dir": {
    type: { kind: "string" },
    side: "action",
    why: "the trusted gate reads the PR's prompts from a data-only checkout; the CLI reads the working tree",
    description: "the checkout whose prompts are under review; in a pull_request_target gate, the PR's files (e.g. .llmops/pr, read as data) with prompts-base-dir: .",
    default: "the workspace"
  },
  json: { ...json, description: "print comparison.json (arms.json) on stdout instead of the summary" },
  quiet
});

export {
  aggregateFor,
  computeArms,
  readEvalRun,
  loadPolicyFile,
  runCompare,
  COMPARE_OPTIONS
};
