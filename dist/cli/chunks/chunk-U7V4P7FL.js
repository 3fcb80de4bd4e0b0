#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  diffPrompts
} from "./chunk-PL4RDUIU.js";
import {
  LineReader,
  buildCaseDetails,
  buildNewCases,
  casesToDetail,
  readCaseRecords,
  readLines,
  renderComment,
  reportRecordOf,
  reportTitle
} from "./chunk-3EOHBWH5.js";
import {
  NEW_CASES_DIR,
  PairedStream,
  caseEvidence,
  compareMetric,
  groupByCase,
  metricInfo,
  metricNames
} from "./chunk-7BB4NWCM.js";
import {
  defaultGatePolicy,
  defaultPolicy,
  parseGatePolicy,
  scorerDefinitions
} from "./chunk-4H2JUU47.js";
import {
  ResultsCollector,
  readResultLine,
  serializeComparisonChunks,
  summaryFormat
} from "./chunk-P72PG663.js";
import {
  HeapCap,
  casesNeeded,
  collectGarbage,
  holmAdjust,
  holmLevels
} from "./chunk-6OGLGLVE.js";
import {
  ARMS_SCHEMA
} from "./chunk-OMAMCZPV.js";
import {
  hash32
} from "./chunk-6IFSKJTY.js";
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
import { existsSync as existsSync4 } from "node:fs";
import { join as join4 } from "node:path";

// src/app/compare/run-compare.ts
import { closeSync as closeSync2, existsSync as existsSync3, openSync as openSync2, writeSync as writeSync2 } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";

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
  const caseMeans = /* @__PURE__ */ new Map();
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
    caseMeans.set(name, groups.map((g) => perCaseMean(g, shared, name)));
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
    disagreements: primary ? disagreements(primary, caseMeans.get(primary), shared, opts.maxDisagreements ?? 10) : [],
    provenance: { llmops_version: opts.llmopsVersion, created_at: opts.createdAt, methods: ARMS_METHODS }
  };
}
function perCaseMean(group2, shared, metric) {
  const out = /* @__PURE__ */ new Map();
  for (const id of shared) {
    const vals = [];
    for (const r of group2.get(id) ?? []) {
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
    const spread2 = Math.max(...vs) - Math.min(...vs);
    if (spread2 > 0) rows.push({ case_id: id, metric, values: vs, spread: spread2 });
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
function resultsFileOf(dir, label) {
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
  return resultsFile;
}
async function readEvalRun(dir, label) {
  const resultsFile = resultsFileOf(dir, label);
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

// src/app/compare/stream-runs.ts
import { createHash as createHash2 } from "node:crypto";
import { appendFileSync, closeSync, existsSync as existsSync2, mkdtempSync, openSync, readFileSync as readFileSync2, rmSync, statSync as statSync2, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
var COLLECT_EVERY = 1 << 16;
var PARTITION_BYTES = 8 * 1024 * 1024;
var MAX_PARTITIONS = 512;
var FLUSH_BYTES = 1 << 16;
function compact(r) {
  const scores = {};
  for (const [k, s] of Object.entries(r.scores)) scores[k] = { value: s.value, ...s.pass !== void 0 ? { pass: s.pass } : {}, ...s.stats !== void 0 ? { stats: s.stats } : {} };
  return {
    case_id: r.case_id,
    repeat: r.repeat,
    scores,
    error: r.error,
    key: r.key,
    output: r.output,
    latency_ms: r.latency_ms,
    prompt_tokens: r.prompt_tokens,
    completion_tokens: r.completion_tokens,
    cost: r.cost
  };
}
function slim(r) {
  const { key: _key, output: _output, ...rest } = r;
  return rest;
}
var Partitions = class {
  constructor(n, dir) {
    this.n = n;
    this.dir = dir;
    this.bufs = dir === null ? [] : Array.from({ length: n }, () => Buffer.allocUnsafe(FLUSH_BYTES));
    this.used = new Array(n).fill(0);
    this.mem = dir === null ? [[[]], [[]]] : null;
  }
  n;
  dir;
  side = "b";
  bufs;
  used;
  mem;
  file(side, p) {
    return join2(this.dir, `${side}-${p}.jsonl`);
  }
  open(side) {
    this.side = side;
  }
  add(side, line, r) {
    if (this.mem) {
      this.mem[side === "b" ? 0 : 1][0].push([line, r]);
      return;
    }
    const p = hash32(r.case_id) % this.n;
    const text = `${JSON.stringify([line, r])}
`;
    const bytes = Buffer.byteLength(text);
    if (this.used[p] + bytes > FLUSH_BYTES) this.flush(p);
    if (bytes > FLUSH_BYTES) appendFileSync(this.file(this.side, p), text);
    else this.used[p] += this.bufs[p].write(text, this.used[p]);
  }
  flush(p) {
    if (this.used[p] === 0) return;
    appendFileSync(this.file(this.side, p), this.bufs[p].subarray(0, this.used[p]));
    this.used[p] = 0;
  }
  close() {
    if (this.dir === null) return;
    for (let p = 0; p < this.n; p++) this.flush(p);
  }
};
function spread(file, side, parts) {
  const hash = createHash2("sha256");
  const warnings = [];
  let lineNo = 0;
  let pending = null;
  const take = (text, no, isLast) => {
    const r = readResultLine(text, file, no, isLast);
    if (r.kind === "blank") return;
    if (r.kind === "partial") {
      warnings.push(`${file}:${no}: ignored a partial last line (the run was probably killed while writing it)`);
      return;
    }
    parts.add(side, no, compact(r.record));
  };
  const feed = (text) => {
    if (pending) take(pending.text, pending.lineNo, false);
    if (lineNo % COLLECT_EVERY === 0 && lineNo > 0) collectGarbage();
    pending = { text: text.endsWith("\r") ? text.slice(0, -1) : text, lineNo: ++lineNo };
  };
  parts.open(side);
  try {
    for (const text of readLines(file, 1 << 16, (bytes) => hash.update(bytes))) feed(text);
    const last = pending;
    if (last) take(last.text, last.lineNo, true);
  } finally {
    parts.close();
  }
  return { sha256: hash.digest("hex"), warnings, lines: lineNo };
}
function group(placed) {
  const byKey = /* @__PURE__ */ new Map();
  const first = /* @__PURE__ */ new Map();
  let superseded = 0;
  for (const [line, r] of placed) {
    const key = `${r.case_id}\0${r.repeat}`;
    if (byKey.has(key)) superseded++;
    byKey.set(key, r);
    if (!first.has(r.case_id)) first.set(r.case_id, line);
  }
  const cases = /* @__PURE__ */ new Map();
  for (const r of byKey.values()) {
    const c = cases.get(r.case_id);
    if (c) c.records.push(r);
    else cases.set(r.case_id, { first: first.get(r.case_id), records: [r] });
  }
  for (const c of cases.values()) c.records.sort((a, b) => a.repeat - b.repeat);
  return { cases, superseded };
}
function placedLines(file) {
  const out = [];
  if (!existsSync2(file)) return out;
  for (const line of readLines(file)) if (line !== "") out.push(JSON.parse(line));
  return out;
}
var NameOrder = class {
  seen = /* @__PURE__ */ new Map();
  note(name, at) {
    const was = this.seen.get(name);
    if (!was || (at[0] - was[0] || at[1] - was[1] || at[2] - was[2]) < 0) this.seen.set(name, at);
  }
  has(name) {
    return this.seen.has(name);
  }
  ordered() {
    return [...this.seen.entries()].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1] || a[1][2] - b[1][2]).map(([n]) => n);
  }
};
function noteNames(order, g) {
  for (const { first, records } of g.cases.values()) {
    for (const r of records) {
      let i = 0;
      for (const k in r.scores) order.note(k, [first, r.repeat, i++]);
    }
  }
}
function header(dir, file, sha256, superseded, warnings) {
  if (superseded > 0) warnings.push(`${file}: ${superseded} record(s) superseded by a later record for the same case and repeat (kept the last)`);
  const summaryFile = join2(dir, "summary.json");
  let summary = null;
  if (existsSync2(summaryFile)) summary = summaryFormat.parse(readFileSync2(summaryFile, "utf8"), summaryFile);
  else warnings.push(`${summaryFile} is missing: metric types, directions and provenance are unknown (was the run interrupted?)`);
  return { dir, resultsSha256: sha256, summary, superseded, warnings };
}
async function streamPairedRuns(baselineDir, candidateDir, opts = {}) {
  const bFile = resultsFileOf(baselineDir, "baseline");
  const cFile = resultsFileOf(candidateDir, "candidate");
  const bytes = statSync2(bFile).size + statSync2(cFile).size;
  const n = Math.min(MAX_PARTITIONS, Math.max(1, Math.ceil(bytes / (opts.partitionBytes ?? PARTITION_BYTES))));
  const dir = n > 1 ? mkdtempSync(join2(tmpdir(), "llmops-compare-")) : null;
  try {
    const parts = new Partitions(n, dir);
    const bRead = spread(bFile, "b", parts);
    const cRead = spread(cFile, "c", parts);
    const bNames = new NameOrder();
    const cNames = new NameOrder();
    let bSuperseded = 0;
    let cSuperseded = 0;
    let bRecords = 0;
    let cRecords = 0;
    const candidateOnly = [];
    const candidateOnlyFile = dir === null ? null : join2(dir, "candidate-only.jsonl");
    const sortedFiles = [];
    const inMemory = [];
    for (let p = 0; p < n; p++) {
      const gb = group(parts.mem ? parts.mem[0][0] : placedLines(parts.file("b", p)));
      const gc = group(parts.mem ? parts.mem[1][0] : placedLines(parts.file("c", p)));
      if (parts.mem) parts.mem.length = 0;
      bSuperseded += gb.superseded;
      cSuperseded += gc.superseded;
      noteNames(bNames, gb);
      noteNames(cNames, gc);
      const merged = [];
      for (const [id, b] of gb.cases) {
        bRecords += b.records.length;
        const c = gc.cases.get(id);
        if (dir === null) merged.push([b.first, id, b.records, c ? [c.first, c.records] : null]);
        else merged.push([b.first, id, b.records.map(slim), c ? [c.first, c.records.map(slim), caseEvidence(b.records, c.records)] : null]);
      }
      for (const [id, c] of gc.cases) {
        cRecords += c.records.length;
        if (gb.cases.has(id)) continue;
        if (candidateOnlyFile === null) candidateOnly.push([c.first, id, c.records]);
        else appendFileSync(candidateOnlyFile, `${JSON.stringify([c.first, id, c.records])}
`);
      }
      merged.sort((x, y) => x[0] - y[0]);
      if (dir === null) inMemory.push(...merged);
      else {
        const f = join2(dir, `sorted-${p}.jsonl`);
        const fd = openSync(f, "w");
        try {
          const batch = [];
          for (const m of merged) {
            batch.push(JSON.stringify(m));
            if (batch.length >= 2048) writeSync(fd, `${batch.splice(0).join("\n")}
`);
          }
          if (batch.length > 0) writeSync(fd, `${batch.join("\n")}
`);
        } finally {
          closeSync(fd);
        }
        rmSync(parts.file("b", p), { force: true });
        rmSync(parts.file("c", p), { force: true });
        sortedFiles.push(f);
        collectGarbage();
      }
    }
    if (bRecords === 0) throw new InputError(`baseline run has no records: ${bFile} is empty`);
    if (cRecords === 0) throw new InputError(`candidate run has no records: ${cFile} is empty`);
    const baseline = header(baselineDir, bFile, bRead.sha256, bSuperseded, bRead.warnings);
    const candidate = header(candidateDir, cFile, cRead.sha256, cSuperseded, cRead.warnings);
    const summaryNames = [.../* @__PURE__ */ new Set([...Object.keys(baseline.summary?.metrics ?? {}), ...Object.keys(candidate.summary?.metrics ?? {})])];
    const metrics = [.../* @__PURE__ */ new Set([...summaryNames, ...bNames.ordered(), ...cNames.ordered()])];
    const stream = new PairedStream(baseline, candidate, {
      metrics,
      recordMetrics: { baseline: bNames, candidate: cNames },
      aggregateFor,
      capacity: Math.min(bRead.lines, cRead.lines)
    });
    for (const [first, id, records] of candidateOnly) stream.addCandidateOnly(id, first, records);
    if (candidateOnlyFile !== null && existsSync2(candidateOnlyFile)) {
      for (const line of readLines(candidateOnlyFile)) {
        if (line === "") continue;
        const [first, id, records] = JSON.parse(line);
        stream.addCandidateOnly(id, first, records);
      }
    }
    const add = ([, id, b, c]) => stream.addCase(id, b, c ? { order: c[0], records: c[1], ...c[2] ? { evidence: c[2] } : {} } : null);
    if (dir === null) for (const m of inMemory) add(m);
    else mergeSorted(sortedFiles, add);
    return { stream, baseline, candidate, partitions: n };
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}
function mergeSorted(files, add) {
  const readers = files.map((f) => new LineReader(f, 16 * 1024));
  try {
    const next = (i) => {
      for (let line = readers[i].next(); line !== null; line = readers[i].next()) if (line !== "") return JSON.parse(line);
      return null;
    };
    const heads = readers.map((_, i) => next(i));
    let merged = 0;
    for (; ; ) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) if (heads[i] && (best < 0 || heads[i][0] < heads[best][0])) best = i;
      if (best < 0) return;
      add(heads[best]);
      heads[best] = next(best);
      if (++merged % COLLECT_EVERY === 0) collectGarbage();
    }
  } finally {
    for (const r of readers) r.close();
  }
}

// src/app/compare/run-compare.ts
async function loadPolicyFile(path, file, missing) {
  if (!existsSync3(path)) throw new InputError(missing, { hint: "pass a gate policy YAML file, or a suite file with a gate: key" });
  return parseGatePolicy(await readFile(path, "utf8"), file);
}
async function compareRuns(o) {
  const { comparison, baseline, candidate } = await streamComparison(o);
  collectGarbage();
  const newCases = await readNewCases(o.candidateDir, comparison, o.logger);
  const shown = casesToDetail(comparison);
  const b = await readCaseRecords(join3(o.baselineDir, "results.jsonl"), shown);
  const c = await readCaseRecords(join3(o.candidateDir, "results.jsonl"), shown);
  const model = {
    comparison,
    cases: buildCaseDetails(comparison, b.records, c.records),
    context: o.context ?? {},
    ...newCases ? { newCases } : {},
    ...o.promptDiff && o.promptDiff.changes.length > 0 ? { promptDiff: o.promptDiff } : {}
  };
  const comment = renderComment(model);
  let files = null;
  if (o.outDir !== null) {
    await mkdir(o.outDir, { recursive: true });
    files = { comparison: join3(o.outDir, BUNDLE_FILES.comparison), report: join3(o.outDir, BUNDLE_FILES.report) };
    writeChunks(files.comparison, serializeComparisonChunks(comparison));
    await writeFile(files.report, comment.markdown);
  }
  return { baseline, candidate, comparison, model, comment, files };
}
function writeChunks(path, chunks) {
  const cap = new HeapCap();
  const fd = openSync2(path, "w");
  try {
    for (const c of chunks) {
      writeSync2(fd, c);
      cap.check();
    }
  } finally {
    closeSync2(fd);
  }
}
async function streamComparison(o) {
  const { stream, baseline, candidate } = await streamPairedRuns(o.baselineDir, o.candidateDir);
  for (const w of [...baseline.warnings, ...candidate.warnings]) o.logger.warn(w);
  return { comparison: compareWithPolicy(stream, o.policy, o.gate), baseline, candidate };
}
async function readNewCases(candidateDir, comparison, logger) {
  const dir = join3(candidateDir, NEW_CASES_DIR);
  if (!existsSync3(join3(dir, "results.jsonl"))) return void 0;
  const run = await readEvalRun(dir, "new cases");
  for (const w of run.warnings) logger.warn(w);
  return buildNewCases(run.records.map(reportRecordOf), comparison.metrics);
}
function compareWithPolicy(stream, loaded, gate) {
  const base = { aggregateFor, llmopsVersion: VERSION, createdAt: (/* @__PURE__ */ new Date()).toISOString() };
  if (loaded) return stream.finish({ ...base, policy: loaded.policy, policySource: loaded.source, gate: true });
  const first = stream.finish({ ...base, policy: defaultPolicy(), policySource: "default", gate: false });
  if (!gate) return first;
  const shared = first.metrics.filter((m) => m.n > 0).map((m) => m.name);
  return stream.finish({ ...base, policy: defaultGatePolicy(shared), policySource: "default (max_regression 0.02 on every metric both runs share)", gate: true });
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
  const promptDiff = promptsBase !== void 0 && existsSync4(join4(ctx.cwd, "prompts")) ? await diffPrompts({ cwd: ctx.cwd, base: promptsBase, paths: ["prompts"], suitesDir: join4(ctx.cwd, "evals"), samples: 3 }) : void 0;
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
