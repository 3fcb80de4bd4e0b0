#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  DigestIndex,
  evaluateGate
} from "./chunk-4H2JUU47.js";
import {
  COMPARISON_TAG
} from "./chunk-P72PG663.js";
import {
  bootstrapQuantile,
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
  sortFloat64,
  summariseDraws,
  tIntervalAt,
  tangoInterval,
  variance,
  wilsonInterval,
  withinClusterSd
} from "./chunk-6OGLGLVE.js";
import {
  stableStringify
} from "./chunk-XYQJ7XHL.js";

// src/core/eval/new-cases.ts
var NEW_CASES_DIR = "new-cases";
async function newCaseSetOf(yardstick, candidate) {
  async function* stream() {
    for await (const c of candidate.stream()) if (yardstick.ids.get(c.id) < 0) yield c;
  }
  const ids = new DigestIndex();
  let count = 0;
  for await (const c of stream()) ids.setIfAbsent(c.id, count++);
  return { stream, count, ids };
}

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
  const row = emptyMetricRow(info, kind, n, kB, kC, cb, cc, notes);
  if (n === 0) {
    notes.push("no case has a value on both sides");
    return { row, flips: [], intervalAt: null };
  }
  const caseMean2 = (os) => mean(os.map((o) => o.value));
  const mb = Float64Array.from(bObs, caseMean2);
  const mc = Float64Array.from(cObs, caseMean2);
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
function emptyMetricRow(info, kind, n, kB, kC, cb, cc, notes) {
  const side = (counts) => ({ mean: null, ci: null, n_records: counts.records, n_null: counts.nulls, n_errors: counts.errors });
  return {
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
  return fillCorpusRows(row, rows(bObs), rows(cObs), width, aggregate, settings);
}
function fillCorpusRows(row, rowsB, rowsC, width, aggregate, settings) {
  const n = rowsB.length / width;
  const seed = metricSeed(settings.seed, row.name);
  const resamples = corpusResamples(settings.resamples, n, width);
  if (resamples < settings.resamples) row.notes.push(`corpus bootstrap capped at ${resamples} resamples for ${n} cases \xD7 ${width} statistics (time budget)`);
  const r = pairedBootstrapCorpus(rowsB, rowsC, width, aggregate, resamples, seed, settings.confidence);
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
  return combineWithinSd(sb, sc, notes);
}
function combineWithinSd(sb, sc, notes) {
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
function distributionOfSorted(sorted) {
  const n = sorted.length;
  return { n, mean: n ? mean(sorted) : null, p50: n ? quantileSorted(sorted, 0.5) : null, p95: n ? quantileSorted(sorted, 0.95) : null };
}
function latencyDeltas(db, dc, lb, lc, opts) {
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
  return {
    baseline: db,
    candidate: dc,
    delta_p50: db.p50 !== null && dc.p50 !== null ? dc.p50 - db.p50 : null,
    delta_p95: db.p95 !== null && dc.p95 !== null ? dc.p95 - db.p95 : null,
    candidate_p95_ci: candidateP95Ci,
    delta_p95_ci: deltaP95Ci
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

// src/core/compare/unchanged.ts
function scoreValues(scores) {
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.value]));
}
var str = (v) => typeof v === "string" && v !== "" ? v : null;
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
function modelHash(run) {
  return str(obj(obj(run.summary?.provenance).target).model_hash);
}
function sameModelAndPrompt(baseline, candidate) {
  const bm = modelHash(baseline);
  if (bm === null || bm !== modelHash(candidate)) return null;
  const bp = obj(baseline.summary?.provenance);
  const cp = obj(candidate.summary?.provenance);
  for (const k of ["prompt_hash", "dataset_hash", "suite_hash"]) if (str(bp[k]) === null || bp[k] !== cp[k]) return null;
  const params = (p) => stableStringify(obj(obj(p.target).params));
  if (params(bp) !== params(cp)) return null;
  return bm;
}
function decideUnchanged(e, baseline, candidate) {
  if (e.sameRecords) {
    return {
      basis: "requests-and-outputs",
      reason: `unchanged: all ${e.candidateRecords} records were produced by the same requests and returned the same outputs as the baseline`
    };
  }
  const hash = e.sameCases ? sameModelAndPrompt(baseline, candidate) : null;
  if (hash !== null) {
    return {
      basis: "model-and-prompt",
      reason: `unchanged: the same model (sha256 ${hash.replace(/^sha256:/, "").slice(0, 12)}), prompt, cases, suite and sampling parameters as the baseline`
    };
  }
  return null;
}

// src/core/compare/compute.ts
function metricNames(...runs) {
  const names = new Set(runs.flatMap((run) => Object.keys(run.summary?.metrics ?? {})));
  for (const run of runs) for (const r of run.records) for (const k of Object.keys(r.scores)) names.add(k);
  return [...names];
}
function metricInfo(name, runs, greaterIsBetter, aggregateFor) {
  const sm = [...runs].reverse().map((run) => run.summary?.metrics[name]).find((m) => m !== void 0);
  const type = sm?.type ?? null;
  return {
    name,
    type,
    corpus: sm?.corpus ?? false,
    higherIsBetter: greaterIsBetter ?? sm?.higher_is_better ?? true,
    aggregate: type ? aggregateFor(type, sm?.config ?? null).aggregate : void 0
  };
}
function corpusNotes(name, runs, aggregateFor) {
  const sms = runs.map((run) => run.summary?.metrics[name]);
  const sm = [...sms].reverse().find((m) => m !== void 0);
  if (!sm?.corpus) return [];
  const notes = [];
  const note = aggregateFor(sm.type, sm.config).note;
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
var currencyOf = (baseline, candidate) => candidate.summary?.cost?.currency ?? baseline.summary?.cost?.currency ?? null;
function assembleComparison(parts, operational, unchanged, opts) {
  const { rows, intervals, flips } = parts;
  const policy = opts.policy;
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
  const comparison = {
    schema: COMPARISON_TAG,
    confidence: policy.confidence,
    bootstrap: { resamples: policy.bootstrap_resamples, seed: policy.seed },
    baseline: parts.baseline,
    candidate: parts.candidate,
    paired_cases: parts.paired,
    one_sided: parts.oneSided,
    metrics: rows,
    flips,
    operational: operational(),
    unchanged,
    provenance: { llmops_version: opts.llmopsVersion, created_at: opts.createdAt, policy_source: opts.policySource, methods: METHODS }
  };
  return { ...comparison, gate: opts.gate ? evaluateGate(comparison, policy, opts.policySource) : null };
}

// src/core/compare/paired-stream.ts
var F64List = class {
  buf;
  length = 0;
  constructor(capacity = 1024) {
    this.buf = new Float64Array(Math.max(16, capacity));
  }
  push(v) {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  view() {
    return this.buf.subarray(0, this.length);
  }
};
var Column = class {
  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }
  capacity;
  bytes;
  f64 = null;
  length = 0;
  push(v) {
    if (this.bytes !== null && (v === 0 || v === 1)) {
      if (this.length === this.bytes.length) {
        const next = new Uint8Array(this.bytes.length * 2);
        next.set(this.bytes);
        this.bytes = next;
      }
      this.bytes[this.length++] = v;
      return;
    }
    if (this.f64 === null) {
      this.f64 = new F64List(Math.max(this.capacity, this.length * 2));
      for (let i = 0; i < this.length; i++) this.f64.push(this.bytes[i]);
      this.bytes = null;
    }
    this.f64.push(v);
    this.length++;
  }
  /** The values (the same numbers whichever way they are held; no copy). */
  view() {
    return this.f64 !== null ? this.f64.view() : this.bytes.subarray(0, this.length);
  }
};
var Variant = class {
  constructor(metric, capacity, width) {
    this.metric = metric;
    this.width = width;
    this.mb = new Column(capacity);
    this.mc = new Column(capacity);
    this.rowsB = width === null ? null : new F64List(capacity * width);
    this.rowsC = width === null ? null : new F64List(capacity * width);
  }
  metric;
  width;
  n = 0;
  kB = 0;
  kC = 0;
  mb;
  mc;
  rowsB;
  rowsC;
  broke = [];
  fixed = [];
  /** Some observation had no pass flag: flips exist only if every value is 0/1. */
  missingPass = false;
  flipsDead = false;
  ssB = 0;
  dfB = 0;
  ssC = 0;
  dfC = 0;
  add(id, bo, co, binarySoFar) {
    this.n++;
    this.kB = Math.max(this.kB, bo.length);
    this.kC = Math.max(this.kC, co.length);
    const vb = bo.map((o) => o.value);
    const vc = co.map((o) => o.value);
    const mB = mean(vb);
    const mC = mean(vc);
    this.mb.push(mB);
    this.mc.push(mC);
    if (vb.length >= 2) {
      this.ssB += variance(vb) * (vb.length - 1);
      this.dfB += vb.length - 1;
    }
    if (vc.length >= 2) {
      this.ssC += variance(vc) * (vc.length - 1);
      this.dfC += vc.length - 1;
    }
    if (this.width !== null) {
      sumRows(bo, this.width, this.rowsB);
      sumRows(co, this.width, this.rowsC);
    }
    this.addFlip(id, bo, co, mB, mC, binarySoFar);
  }
  /** The case's majority pass on each side, reading a missing flag as value === 1 (right only if the metric is binary). */
  addFlip(id, bo, co, mB, mC, binarySoFar) {
    if (this.flipsDead) return;
    const majority = (os) => {
      let passes = 0;
      for (const o of os) {
        if (o.pass === null) this.missingPass = true;
        if (o.pass ?? o.value === 1) passes++;
      }
      return passes * 2 > os.length;
    };
    const pb = majority(bo);
    const pc = majority(co);
    if (this.missingPass && !binarySoFar) {
      this.flipsDead = true;
      this.broke = [];
      this.fixed = [];
      return;
    }
    if (pb !== pc) (pb ? this.broke : this.fixed).push({ case_id: id, metric: this.metric, direction: pb ? "broke" : "fixed", baseline: mB, candidate: mC });
  }
  flips(binary) {
    if (this.flipsDead || this.missingPass && !binary) return null;
    return [...this.broke, ...this.fixed];
  }
};
function sumRows(os, width, out) {
  const row = new Float64Array(width);
  for (const o of os) for (let j = 0; j < width; j++) row[j] += o.stats[j];
  for (let j = 0; j < width; j++) out.push(row[j]);
}
var MetricStream = class {
  constructor(name, info, capacity) {
    this.name = name;
    this.info = info;
    this.capacity = capacity;
    this.all = new Variant(name, capacity, null);
  }
  name;
  info;
  capacity;
  cb = { records: 0, nulls: 0, errors: 0 };
  cc = { records: 0, nulls: 0, errors: 0 };
  unpaired = 0;
  nObs = 0;
  allBinary = true;
  anyStats = false;
  scored = 0;
  scoredWithoutStats = false;
  width = -1;
  widthsDiffer = false;
  dropped = 0;
  all;
  /** The non-errored observations, while the metric may still turn out a corpus metric. */
  ne = null;
  corpusImpossible = false;
  addCase(id, b, c) {
    const bo = observeAll(b, this.name, this.cb);
    const co = observeAll(c, this.name, this.cc);
    if (bo.length === 0 || co.length === 0) {
      if (bo.length + co.length > 0) this.unpaired++;
      return;
    }
    for (const os of [bo, co]) {
      for (const o of os) {
        this.nObs++;
        if (o.value !== 0 && o.value !== 1) this.allBinary = false;
        if (o.stats !== null) this.anyStats = true;
        if (o.errored) this.dropped++;
        else {
          this.scored++;
          if (o.stats === null) this.scoredWithoutStats = true;
          else if (this.width < 0) this.width = o.stats.length;
          else if (o.stats.length !== this.width) this.widthsDiffer = true;
        }
      }
    }
    this.all.add(id, bo, co, this.allBinary);
    this.addCorpusCase(id, bo, co);
  }
  /** The corpus variant, kept only while every scored observation has statistics of one width. */
  addCorpusCase(id, bo, co) {
    if (this.corpusImpossible) return;
    if (this.scoredWithoutStats || this.widthsDiffer || this.info.aggregate === void 0) {
      this.corpusImpossible = true;
      this.ne = null;
      return;
    }
    if (this.width < 0) return;
    this.ne ??= new Variant(this.name, this.capacity, this.width);
    const bn = bo.filter((o) => !o.errored);
    const cn = co.filter((o) => !o.errored);
    if (bn.length > 0 && cn.length > 0) this.ne.add(id, bn, cn, this.allBinary);
  }
  /** `scratch(n)`: a work array of n values, shared by the metrics (one is finished at a time). */
  finish(info, confidence, resamples, seed, scratch) {
    const notes = [];
    const binary = this.nObs > 0 && this.allBinary;
    let kind = binary ? "binary" : "continuous";
    let v = this.all;
    let unpaired = this.unpaired;
    if (info.corpus || this.anyStats) {
      const why = !info.aggregate ? `corpus aggregate unknown for type ${info.type ?? "(unknown)"}` : this.scored === 0 || this.scoredWithoutStats ? "some records lack sufficient statistics" : this.widthsDiffer ? "sufficient statistics differ in length between records" : null;
      if (why) notes.push(`${why}; compared the mean of per-case values instead`);
      else {
        kind = "corpus";
        if (this.dropped > 0) notes.push(`${this.dropped} errored record(s) have no sufficient statistics and are left out of the corpus scores`);
        v = this.ne;
        unpaired += this.all.n - v.n;
      }
    }
    if (unpaired > 0) notes.push(`${unpaired} paired case(s) had a value on one side only for this metric and were left out`);
    const n = v.n;
    const { kB, kC } = v;
    const row = emptyMetricRow(info, kind, n, kB, kC, this.cb, this.cc, notes);
    if (n === 0) {
      notes.push("no case has a value on both sides");
      return { row, flips: [], intervalAt: null };
    }
    const mb = v.mb.view();
    const mc = v.mc.view();
    const diffs = scratch(n);
    for (let i = 0; i < n; i++) diffs[i] = mc[i] - mb[i];
    let intervalAt;
    if (kind === "corpus") intervalAt = fillCorpusRows(row, v.rowsB.view(), v.rowsC.view(), v.width, info.aggregate, { confidence, resamples, seed });
    else if (kind === "binary" && kB === 1 && kC === 1) intervalAt = fillBinary(row, mb, mc, confidence);
    else intervalAt = fillT(row, mb, mc, diffs, kB > 1 || kC > 1, confidence);
    if (kind !== "corpus") {
      row.sd_diff = n >= 2 ? sd(diffs) : null;
      if (kB > 1 || kC > 1) row.sd_within = combineWithinSd(v.dfB > 0 ? Math.sqrt(v.ssB / v.dfB) : null, v.dfC > 0 ? Math.sqrt(v.ssC / v.dfC) : null, notes);
      row.mde = row.sd_diff === null ? null : minimumDetectableEffect(row.sd_diff, n, 1 - confidence);
    }
    if (row.baseline.mean !== null && row.candidate.mean !== null) {
      row.delta = row.candidate.mean - row.baseline.mean;
      row.delta_relative = row.baseline.mean > 0 ? row.delta / row.baseline.mean : null;
    }
    const flips = v.flips(binary);
    if (flips) {
      row.broke = v.broke.length;
      row.fixed = v.fixed.length;
    }
    return { row, flips: flips ?? [], intervalAt };
  }
};
function observeAll(records, name, counts) {
  const out = [];
  for (const r of records) {
    const o = observe(r, name, counts);
    if (o !== null) out.push(o);
  }
  return out;
}
var OperationalStream = class {
  constructor(capacity) {
    this.capacity = capacity;
    this.lb = new F64List(capacity);
    this.lc = new F64List(capacity);
  }
  capacity;
  lb;
  lc;
  tok = { b: { prompt: 0, completion: 0, perSum: 0, perN: 0 }, c: { prompt: 0, completion: 0, perSum: 0, perN: 0 } };
  cost = { b: { total: 0, perSum: 0, perN: 0 }, c: { total: 0, perSum: 0, perN: 0 } };
  /** Per-case mean cost (NaN for none), allocated at the first cost seen. */
  costB = null;
  costC = null;
  paired = 0;
  anyCost = false;
  /** Candidate costs of every candidate record, to sum them in the candidate's own order. */
  candOrder = new F64List(16);
  candCost = new F64List(16);
  addCase(b, c) {
    for (const r of b) if (r.latency_ms !== null) this.lb.push(r.latency_ms);
    for (const r of c) if (r.latency_ms !== null) this.lc.push(r.latency_ms);
    tokens(this.tok.b, b);
    tokens(this.tok.c, c);
    const mB = caseMean(b, (r) => r.cost);
    const mC = caseMean(c, (r) => r.cost);
    if (this.costB === null && (b.some((r) => r.cost !== null) || c.some((r) => r.cost !== null))) {
      this.costB = nanList(this.capacity, this.paired);
      this.costC = nanList(this.capacity, this.paired);
    }
    if (b.some((r) => r.cost !== null)) this.anyCost = true;
    for (const [acc, rs, m] of [
      [this.cost.b, b, mB],
      [this.cost.c, c, mC]
    ]) {
      for (const r of rs) acc.total += r.cost ?? 0;
      if (!Number.isNaN(m)) {
        acc.perSum += m;
        acc.perN++;
      }
    }
    this.costB?.push(mB);
    this.costC?.push(mC);
    this.paired++;
  }
  /** Every candidate record (paired or not), with its place in the candidate's order. */
  addCandidateCosts(order, c) {
    for (let i = 0; i < c.length; i++) {
      const cost = c[i].cost;
      if (cost === null) continue;
      this.anyCost = true;
      this.candOrder.push(order + i / (c.length + 1));
      this.candCost.push(cost);
    }
  }
  finish(confidence, resamples, seed, currency) {
    const tokenSide = (t) => ({
      prompt: t.prompt,
      completion: t.completion,
      total: t.prompt + t.completion,
      per_case: t.perN ? t.perSum / t.perN : null
    });
    const tb = tokenSide(this.tok.b);
    const tc = tokenSide(this.tok.c);
    const work = new Float64Array(Math.max(this.lb.length, this.lc.length));
    const sortedB = sortFloat64(this.lb.view(), work);
    const sortedC = sortFloat64(this.lc.view(), work);
    return {
      latency: latencyDeltas(distributionOfSorted(sortedB), distributionOfSorted(sortedC), sortedB, sortedC, { confidence, resamples, seed }),
      tokens: { baseline: tb, candidate: tc, delta_total: tc.total - tb.total, delta_per_case: tb.per_case !== null && tc.per_case !== null ? tc.per_case - tb.per_case : null },
      cost: this.anyCost ? this.costs(confidence, currency) : null
    };
  }
  costs(confidence, currency) {
    const side = (acc) => ({ total: acc.total, per_case: acc.perN ? acc.perSum / acc.perN : null, n: acc.perN });
    const b = side(this.cost.b);
    const c = side(this.cost.c);
    const mb = this.costB?.view() ?? new Float64Array(0);
    const mc = this.costC?.view() ?? new Float64Array(0);
    const diffs = mc.map((v, i) => v - mb[i]).filter((v) => !Number.isNaN(v));
    const order = this.candOrder.view();
    const cost = this.candCost.view();
    const idx = Uint32Array.from(order, (_, i) => i).sort((x, y) => order[x] - order[y]);
    let runTotal = 0;
    for (const i of idx) runTotal += cost[i];
    return {
      currency,
      baseline: b,
      candidate: c,
      delta_total: c.total - b.total,
      delta_per_case: b.per_case !== null && c.per_case !== null ? c.per_case - b.per_case : null,
      candidate_per_case_ci: oneSampleT(mc.filter((v) => !Number.isNaN(v)), confidence)?.ci ?? null,
      delta_per_case_ci: oneSampleT(diffs, confidence)?.ci ?? null,
      candidate_run_total: runTotal
    };
  }
};
function nanList(capacity, n) {
  const l = new F64List(capacity);
  for (let i = 0; i < n; i++) l.push(Number.NaN);
  return l;
}
function tokens(acc, rs) {
  for (const r of rs) acc.prompt += r.prompt_tokens ?? 0;
  for (const r of rs) acc.completion += r.completion_tokens ?? 0;
  const m = caseMean(rs, (r) => r.prompt_tokens === null && r.completion_tokens === null ? null : (r.prompt_tokens ?? 0) + (r.completion_tokens ?? 0));
  if (!Number.isNaN(m)) {
    acc.perSum += m;
    acc.perN++;
  }
}
function caseMean(rs, pick) {
  const vs = [];
  for (const r of rs) {
    const v = pick(r);
    if (v !== null) vs.push(v);
  }
  return vs.length ? mean(vs) : Number.NaN;
}
var SideTally = class {
  cases = 0;
  records = 0;
  repeats = 0;
  errors = 0;
  add(rs) {
    this.cases++;
    this.records += rs.length;
    for (const r of rs) {
      this.repeats = Math.max(this.repeats, r.repeat + 1);
      if (r.error !== null) this.errors++;
    }
  }
};
function caseEvidence(b, c) {
  let same = true;
  for (const r of c) {
    const x = b.find((y) => y.repeat === r.repeat);
    if (!x) return { inBaseline: false, same: false };
    if (same && (x.key === void 0 || x.key !== r.key || (x.output ?? null) !== (r.output ?? null) || stableStringify(scoreValues(x.scores)) !== stableStringify(scoreValues(r.scores)))) same = false;
  }
  return { inBaseline: true, same };
}
var PairedStream = class {
  constructor(baseline, candidate, o) {
    this.baseline = baseline;
    this.candidate = candidate;
    this.o = o;
    const capacity = o.capacity ?? 1024;
    this.metrics = o.metrics.map((name) => new MetricStream(name, metricInfo(name, [baseline, candidate], void 0, o.aggregateFor), capacity));
    this.op = new OperationalStream(capacity);
  }
  baseline;
  candidate;
  o;
  metrics;
  op;
  tallyB = new SideTally();
  tallyC = new SideTally();
  paired = 0;
  baselineOnly = [];
  candidateOnly = [];
  anyError = false;
  candidateInBaseline = true;
  sameRecords = true;
  /**
   * A case of the baseline, in the baseline's order; `c` null when the candidate lacks it, else
   * with its place in the candidate's order (and `caseEvidence` of the case when the records
   * given no longer carry their keys and outputs).
   */
  addCase(id, b, c) {
    this.tallyB.add(b);
    this.noteErrors(b);
    if (c === null) {
      this.baselineOnly.push(id);
      return;
    }
    this.tallyC.add(c.records);
    this.noteErrors(c.records);
    this.op.addCandidateCosts(c.order, c.records);
    this.paired++;
    for (const m of this.metrics) m.addCase(id, b, c.records);
    this.op.addCase(b, c.records);
    this.compareRecords(c.evidence ?? caseEvidence(b, c.records));
  }
  addCandidateOnly(id, order, c) {
    this.tallyC.add(c);
    this.noteErrors(c);
    this.op.addCandidateCosts(order, c);
    this.candidateOnly.push({ order, id });
    this.candidateInBaseline = false;
  }
  noteErrors(rs) {
    if (!this.anyError && rs.some((r) => r.error !== null)) this.anyError = true;
  }
  compareRecords(e) {
    if (!e.inBaseline) this.candidateInBaseline = false;
    if (!e.same) this.sameRecords = false;
  }
  finish(opts) {
    const policy = opts.policy;
    const rows = [];
    const intervals = /* @__PURE__ */ new Map();
    const flips = [];
    const runs = [this.baseline, this.candidate];
    let work = new Float64Array(0);
    const scratch = (n) => {
      if (work.length < n) work = new Float64Array(n);
      return work.subarray(0, n);
    };
    for (const m of this.metrics) {
      const rule = policy.metrics[m.name];
      const info = metricInfo(m.name, runs, rule?.greater_is_better, opts.aggregateFor);
      const { row, flips: f, intervalAt } = m.finish(info, policy.confidence, policy.bootstrap_resamples, policy.seed, scratch);
      intervals.set(row, intervalAt);
      row.notes.push(...corpusNotes(m.name, runs, opts.aggregateFor));
      row.gated = opts.gate && rule !== void 0 && rule.gate !== false;
      if (!this.baseline.summary?.metrics[m.name] && !this.o.recordMetrics.baseline.has(m.name)) row.notes.push("metric absent from the baseline run");
      if (!this.candidate.summary?.metrics[m.name] && !this.o.recordMetrics.candidate.has(m.name)) row.notes.push("metric absent from the candidate run");
      rows.push(row);
      for (const flip of f) flips.push(flip);
    }
    const sameCases = this.tallyB.records > 0 && this.tallyB.records === this.tallyC.records && this.candidateInBaseline && !this.anyError;
    const unchanged = decideUnchanged({ sameCases, sameRecords: sameCases && this.sameRecords, candidateRecords: this.tallyC.records }, this.baseline, this.candidate);
    const candidateOnly = [...this.candidateOnly].sort((x, y) => x.order - y.order).map((x) => x.id);
    return assembleComparison(
      {
        rows,
        intervals,
        flips,
        paired: this.paired,
        oneSided: { baseline_only: [...this.baselineOnly], candidate_only: candidateOnly },
        baseline: this.runRef(this.baseline, this.tallyB),
        candidate: this.runRef(this.candidate, this.tallyC)
      },
      () => this.op.finish(policy.confidence, policy.bootstrap_resamples, policy.seed, currencyOf(this.baseline, this.candidate)),
      unchanged,
      opts
    );
  }
  runRef(run, t) {
    return {
      dir: run.dir,
      results_sha256: run.resultsSha256,
      summary_present: run.summary !== null,
      suite: run.summary?.suite ? { name: run.summary.suite.name, file: run.summary.suite.file, hash: run.summary.suite.hash } : null,
      provenance: run.summary?.provenance ?? null,
      counts: { cases: t.cases, records: t.records, superseded: run.superseded, repeats: t.repeats, errors: t.errors },
      warnings: run.warnings,
      ...run.summary?.judges ? { judges: run.summary.judges } : {}
    };
  }
};

export {
  NEW_CASES_DIR,
  newCaseSetOf,
  compareMetric,
  groupByCase,
  metricNames,
  metricInfo,
  F64List,
  caseEvidence,
  PairedStream
};
