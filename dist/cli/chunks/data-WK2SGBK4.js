#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects
} from "./chunk-HWO73YSV.js";
import {
  toCase
} from "./chunk-FEQYUUYF.js";
import "./chunk-XJB2EXL5.js";
import {
  DATA_VALIDATE_OPTIONS,
  Deduper,
  LineSplitter,
  LshIndex,
  MinHasher,
  checkFlags,
  checkOptionHelp,
  checkOptionsFrom,
  createValidator,
  dataFiles,
  dedupeFrom,
  defaultMinHashOptions,
  displayPath,
  formatIssue,
  formatLocation,
  isPlainObject,
  recordTexts,
  typeName,
  validationFlags,
  validationOptionHelp
} from "./chunk-COWQ2BI6.js";
import {
  Hash64Map,
  hash32,
  hash64,
  normalizeText
} from "./chunk-6IFSKJTY.js";
import "./chunk-SDLTUNJ6.js";
import {
  sha256File
} from "./chunk-6SZRFP6W.js";
import {
  markdownTable
} from "./chunk-EI544OTC.js";
import {
  stableStringify
} from "./chunk-XYQJ7XHL.js";
import {
  cliParseConfig
} from "./chunk-KG2AKHTK.js";
import {
  defineFormat
} from "./chunk-ID4IIHHH.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  escapeHtmlText,
  escapeMarkdownText,
  renderCodeSpan,
  sanitizeMermaidLabel
} from "./chunk-VQI3AYYW.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  intOption
} from "./chunk-OYI2I6OM.js";
import "./chunk-XQ6Z47X5.js";
import {
  ConfigError,
  DataInvalidError,
  ExternalError,
  InputError
} from "./chunk-LXVW643N.js";
import "./chunk-TQEUFEDE.js";

// src/cli/commands/data-clean.ts
import { join, resolve } from "node:path";

// src/app/data/jsonl-writer.ts
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
var JsonlWriter = class {
  constructor(path) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, "w");
  }
  path;
  fd;
  parts = [];
  pending = 0;
  lines = 0;
  write(value) {
    const line = `${JSON.stringify(value, (_k, v) => typeof v === "bigint" ? v.toString() : v)}
`;
    this.parts.push(line);
    this.pending += line.length;
    this.lines++;
    if (this.pending >= 1 << 20) this.flush();
  }
  flush() {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.pending = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
};

// src/app/data/data-files.ts
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { lstat, open } from "node:fs/promises";
import { basename, dirname as dirname2 } from "node:path";
import { createGunzip } from "node:zlib";
function dataFileKind(path) {
  if (path.endsWith(".parquet")) return "parquet";
  if (path.endsWith(".gz")) return "jsonl.gz";
  return "jsonl";
}
async function statDataFile(path, shown) {
  let s;
  try {
    s = await lstat(path);
  } catch {
    throw new InputError(`${shown}: no such file`, { hint: "check the path (relative paths start from the current directory)" });
  }
  if (s.isSymbolicLink()) throw new DataInvalidError(`${shown} is a symbolic link; a checked dataset may not contain links`, { hint: "commit the file itself, not a link to it" });
  if (s.isDirectory()) throw new InputError(`${shown} is a directory, not a data file`, { hint: `name the files, e.g. ${shown}/*.jsonl` });
  if (!s.isFile()) throw new InputError(`${shown} is not a regular file`);
  return s.size;
}
async function* readChunks(path, chunkBytes = 1 << 20) {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(chunkBytes);
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}
async function* readGzipChunks(path) {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }));
  for await (const chunk of stream) yield chunk;
}
function fileChunks(path) {
  return dataFileKind(path) === "jsonl.gz" ? readGzipChunks(path) : readChunks(path);
}
async function* parquetRowGroups(path) {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  let firstRow = 0;
  for (let g = 0; g < metadata.row_groups.length; g++) {
    const n = Number(metadata.row_groups[g].num_rows);
    const rows = await parquetReadObjects({ file, metadata, rowStart: firstRow, rowEnd: firstRow + n });
    yield { rowGroup: g, firstRow, rows };
    firstRow += n;
  }
}
async function validateFiles(v, files) {
  const sizes = await Promise.all(files.map((f) => statDataFile(f.path, f.shown)));
  for (const [i, f] of files.entries()) {
    const bytes = sizes[i];
    const kind = dataFileKind(f.path);
    if (kind === "parquet") await v.validateParquet(f.shown, bytes, parquetRowGroups(f.path));
    else await v.validateJsonl(f.shown, kind, bytes, fileChunks(f.path));
    if (v.budgetSpent) return;
  }
}
function gitShowFile(path, rev) {
  return new Promise((resolve2, reject) => {
    execFile("git", ["show", "--end-of-options", `${rev}:./${basename(path)}`], { cwd: dirname2(path), maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      if (!err) return resolve2(stdout);
      const msg = String(stderr);
      if (/does not exist|exists on disk, but not in/.test(msg)) return resolve2(void 0);
      if (/invalid object name|unknown revision|bad revision/i.test(msg)) {
        return reject(new InputError(`git revision ${JSON.stringify(rev)} not found`, { hint: "fetch it first (actions/checkout with fetch-depth: 0) or name an existing branch, tag or commit" }));
      }
      reject(new ExternalError(`git show ${rev}:${path} failed: ${msg.trim() || err.message}`));
    });
  });
}

// src/core/data/stats.ts
import { createHash } from "node:crypto";
var LENGTH_BINS = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
var whitespaceTokens = (text2) => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
};
function recordHash(rec) {
  return createHash("sha256").update(stableStringify(rec)).digest("hex").slice(0, 16);
}
var StatsCollector = class {
  constructor(countTokens = whitespaceTokens, unit = "whitespace tokens", indexLimit = 1e5) {
    this.countTokens = countTokens;
    this.unit = unit;
    this.indexLimit = indexLimit;
  }
  countTokens;
  unit;
  indexLimit;
  format = null;
  lengths = [];
  roles = {};
  turns = {};
  fields = /* @__PURE__ */ new Map();
  ids = [];
  hashes = [];
  indexOverflow = false;
  add(rec, format) {
    this.format ??= format;
    const t = recordTexts(format, rec);
    this.lengths.push(this.countTokens(t.full) + (t.system ? this.countTokens(t.system) : 0));
    for (const [k, v] of Object.entries(rec)) {
      let s = this.fields.get(k);
      if (!s) this.fields.set(k, s = /* @__PURE__ */ new Set());
      s.add(typeName(v));
    }
    const msgs = format === "chat" ? rec.messages : format === "preference" && Array.isArray(rec.chosen) ? rec.chosen : void 0;
    if (Array.isArray(msgs)) {
      this.turns[String(msgs.length)] = (this.turns[String(msgs.length)] ?? 0) + 1;
      for (const m of msgs) if (isPlainObject(m) && typeof m.role === "string") this.roles[m.role] = (this.roles[m.role] ?? 0) + 1;
    }
    if (this.ids.length < this.indexLimit) {
      this.ids.push(typeof rec.id === "string" || typeof rec.id === "number" ? String(rec.id) : null);
      this.hashes.push(recordHash(rec));
    } else this.indexOverflow = true;
  }
  stats() {
    const sorted = Float64Array.from(this.lengths).sort();
    const n = sorted.length;
    const q = (p) => n === 0 ? 0 : sorted[Math.min(n - 1, Math.floor(p * (n - 1) + 0.5))];
    const histogram = new Array(LENGTH_BINS.length + 1).fill(0);
    let total = 0;
    for (const len of this.lengths) {
      total += len;
      let b = LENGTH_BINS.findIndex((ub) => len <= ub);
      if (b === -1) b = LENGTH_BINS.length;
      histogram[b]++;
    }
    const fields = {};
    for (const k of [...this.fields.keys()].sort()) fields[k] = [...this.fields.get(k)].sort();
    return {
      format: this.format,
      records: n,
      lengths: { unit: this.unit, total, mean: n ? round(total / n) : 0, p50: q(0.5), p95: q(0.95), max: n ? sorted[n - 1] : 0, histogram },
      roles: sortObj(this.roles),
      turns: Object.fromEntries(Object.entries(this.turns).sort((a, b) => Number(a[0]) - Number(b[0]))),
      fields
    };
  }
  /** The per-record index, or null when there were more records than the limit. */
  index() {
    return this.indexOverflow ? null : { ids: this.ids, hashes: this.hashes };
  }
};
function round(x) {
  return Math.round(x * 100) / 100;
}
function sortObj(o) {
  return Object.fromEntries(Object.entries(o).sort((a, b) => a[0].localeCompare(b[0])));
}

// src/core/data/clean.ts
var defaultCleanOptions = { nfc: true, trim: true, dropEmpty: true, tokens: whitespaceTokens };
function cleanRecord(format, rec, opts) {
  const state = { changed: false };
  const out = cleanValue(rec, opts, state);
  if (opts.dropEmpty && isEmpty(format, out)) return { record: null, reason: "empty" };
  if (opts.minTokens !== void 0 || opts.maxTokens !== void 0) {
    const n = opts.tokens(recordTexts(format, out).full);
    if (opts.minTokens !== void 0 && n < opts.minTokens) return { record: null, reason: "too_short" };
    if (opts.maxTokens !== void 0 && n > opts.maxTokens) return { record: null, reason: "too_long" };
  }
  return { record: out, changed: state.changed };
}
function cleanValue(v, opts, state) {
  if (typeof v === "string") {
    let s = opts.nfc ? v.normalize("NFC") : v;
    if (opts.trim) s = s.trim();
    if (s !== v) state.changed = true;
    return s;
  }
  if (Array.isArray(v)) return v.map((x) => cleanValue(x, opts, state));
  if (isPlainObject(v)) {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = cleanValue(x, opts, state);
    return o;
  }
  return v;
}
function isEmpty(format, r) {
  switch (format) {
    case "chat": {
      const msgs = Array.isArray(r.messages) ? r.messages : [];
      return !msgs.some((m) => isPlainObject(m) && m.role === "assistant" && (typeof m.content === "string" && m.content !== "" || Array.isArray(m.content) || Array.isArray(m.tool_calls)));
    }
    case "instruction":
      return r.output === "" || r.instruction === "";
    case "completion":
      return r.completion === "";
    case "preference":
      return r.chosen === "" || r.rejected === "";
    case "custom":
      return Object.keys(r).length === 0;
  }
}

// src/core/data/split.ts
import { createHash as createHash2 } from "node:crypto";
function parseSplitRatios(s) {
  const parts = s.split(",").map((p) => p.trim()).filter(Boolean);
  const names = [];
  const ratios = [];
  for (const p of parts) {
    const m = /^([A-Za-z0-9_.-]+)=([0-9]*\.?[0-9]+)$/.exec(p);
    if (!m) throw new InputError(`--ratios: cannot read ${JSON.stringify(p)}; write NAME=RATIO pairs such as train=0.9,val=0.1`);
    if (names.includes(m[1])) throw new InputError(`--ratios: split "${m[1]}" is named twice`);
    names.push(m[1]);
    ratios.push(Number(m[2]));
  }
  const total = ratios.reduce((a, b) => a + b, 0);
  if (names.length < 2 || !(total > 0)) throw new InputError("--ratios needs at least two splits with positive ratios, e.g. train=0.9,val=0.1");
  if (ratios.every((r) => r <= 1) && Math.abs(total - 1) > 1e-6) {
    throw new InputError(`--ratios: the fractions add up to ${Number(total.toFixed(6))}, not 1`, { hint: "e.g. train=0.9,val=0.1; or give whole-number weights such as train=8,val=1,test=1" });
  }
  const norm = ratios.map((r) => r / total);
  let acc = 0;
  const bounds = norm.map((r) => acc += r);
  bounds[bounds.length - 1] = 1;
  return { names, bounds, ratios: norm };
}
function parseSplitKey(s) {
  if (s === void 0 || s === "auto" || s === "id" || s === "content") return s ?? "auto";
  return { field: s };
}
function splitKeyOf(rec, key2, where) {
  if (key2 === "content") return stableStringify(rec);
  const field = key2 === "auto" || key2 === "id" ? "id" : key2.field;
  const v = rec[field];
  if (v === void 0 || v === null) {
    if (key2 === "auto") return stableStringify(rec);
    throw new InputError(`${where}: the record has no "${field}" to split by`, { hint: "use --key content, or give every record the field" });
  }
  return `${field}:${typeof v === "string" ? v : stableStringify(v)}`;
}
function splitPoint(key2, seed) {
  const d = createHash2("sha256").update(seed).update("\0").update(key2).digest();
  return d.readUInt32BE(0) / 2 ** 32;
}
function assignSplit(point, spec) {
  for (let i = 0; i < spec.bounds.length; i++) if (point < spec.bounds[i]) return i;
  return spec.bounds.length - 1;
}
function assignStratified(points, strata, spec) {
  const out = new Uint8Array(points.length);
  const groups = /* @__PURE__ */ new Map();
  strata.forEach((s, i) => {
    let g = groups.get(s);
    if (!g) groups.set(s, g = []);
    g.push(i);
  });
  for (const idx of groups.values()) {
    idx.sort((a, b) => points[a] - points[b]);
    const n = idx.length;
    idx.forEach((recIdx, rank) => {
      out[recIdx] = assignSplit((rank + 0.5) / n, spec);
    });
  }
  return out;
}

// src/app/data/run-check.ts
import { dirname as dirname3, relative } from "node:path";

// src/core/data/contain.ts
var NGRAM = 13;
var B1 = 16777619;
var B2 = 1540483477;
function words(text2) {
  return text2.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
function key(h1, h2, len) {
  return `${len}:${h1 >>> 0}:${h2 >>> 0}`;
}
function* windows(hs, len) {
  if (hs.length < len) return;
  let h1 = 0;
  let h2 = 0;
  let p1 = 1;
  let p2 = 1;
  for (let i = 0; i < len; i++) {
    h1 = Math.imul(h1, B1) + hs[i] | 0;
    h2 = Math.imul(h2, B2) + (hs[i] ^ 1515870810) | 0;
    if (i > 0) {
      p1 = Math.imul(p1, B1);
      p2 = Math.imul(p2, B2);
    }
  }
  yield key(h1, h2, len);
  for (let i = len; i < hs.length; i++) {
    const out = hs[i - len];
    h1 = Math.imul(h1 - Math.imul(out, p1), B1) + hs[i] | 0;
    h2 = Math.imul(h2 - Math.imul(out ^ 1515870810, p2), B2) + (hs[i] ^ 1515870810) | 0;
    yield key(h1, h2, len);
  }
}
var wordHashes = (ws) => Uint32Array.from(ws, (w) => hash32(w));
var ContainmentIndex = class {
  constructor(inputs, minWords = 2) {
    this.minWords = minWords;
    inputs.forEach((input, idx) => {
      const hs = wordHashes(words(input));
      if (hs.length < minWords) return;
      if (hs.length < NGRAM) {
        for (const k of windows(hs, hs.length)) if (!this.short.has(k)) this.short.set(k, idx);
        this.shortLengths.add(hs.length);
      } else {
        for (const k of windows(hs, NGRAM)) if (!this.long.has(k)) this.long.set(k, idx);
      }
    });
  }
  minWords;
  /** Short cases: whole-sequence key → case index; and the lengths present. */
  short = /* @__PURE__ */ new Map();
  shortLengths = /* @__PURE__ */ new Set();
  long = /* @__PURE__ */ new Map();
  get empty() {
    return this.short.size === 0 && this.long.size === 0;
  }
  /** The index of a case contained in the record, or -1. */
  find(prompt, full) {
    if (this.short.size > 0) {
      const hs = wordHashes(words(prompt));
      for (const len of this.shortLengths) {
        if (len * 2 < hs.length || len > hs.length) continue;
        for (const k of windows(hs, len)) {
          const hit = this.short.get(k);
          if (hit !== void 0) return hit;
        }
      }
    }
    if (this.long.size > 0) {
      for (const k of windows(wordHashes(words(full)), NGRAM)) {
        const hit = this.long.get(k);
        if (hit !== void 0) return hit;
      }
    }
    return -1;
  }
};

// src/core/data/leakage.ts
function strings(v, out) {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
}
function parseEvalCase(value, where) {
  let c;
  try {
    c = toCase(value, where);
  } catch (err) {
    if (err instanceof ConfigError) throw new DataInvalidError(err.message, err.hint ? { hint: err.hint } : void 0);
    throw err;
  }
  const parts = [];
  if (c.input !== void 0) parts.push(c.input);
  else for (const x of Object.values(c.vars)) if (typeof x === "string") parts.push(x);
  const input = parts.join("\n");
  if (input === "") throw new DataInvalidError(`${where}: an eval case needs "input" (a string) or "vars" with string values`);
  const exp = [];
  strings(c.expected, exp);
  return { id: c.id, input, full: [input, ...exp].join("\n") };
}
var LeakageIndex = class {
  constructor(evalFiles, cases, opts = { ...defaultMinHashOptions, exampleLimit: 20 }) {
    this.opts = opts;
    this.hasher = new MinHasher(opts);
    this.promptLsh = new LshIndex(opts.numPerm, opts.threshold);
    this.fullLsh = new LshIndex(opts.numPerm, opts.threshold);
    for (const c of cases) {
      const i = this.cases.push(c) - 1;
      const norm = normalizeText(c.input);
      const [hi, lo] = hash64(norm);
      this.exact.setIfAbsent(hi, lo, i);
      this.promptLsh.add(this.hasher.signature(norm));
      this.fullLsh.add(this.hasher.signature(normalizeText(c.full)));
    }
    this.contain = new ContainmentIndex(cases.map((c) => c.input));
    this.summary = { evalFiles, cases: cases.length, records: 0, exact: 0, near: 0, contained: 0, casesLeaked: 0, threshold: opts.threshold, examples: [] };
  }
  opts;
  exact = new Hash64Map(256);
  hasher;
  promptLsh;
  fullLsh;
  cases = [];
  contain;
  leaked = /* @__PURE__ */ new Set();
  summary;
  /** Does this training record (its prompt text and all its text) contain an eval case? */
  check(prompt, full, at) {
    this.summary.records++;
    if (this.cases.length === 0) return void 0;
    const np = normalizeText(prompt);
    const [hi, lo] = hash64(np);
    const ex = np === "" ? -1 : this.exact.get(hi, lo);
    if (ex !== -1) return this.hit(ex, { caseId: this.cases[ex].id, kind: "exact", similarity: 1, on: "prompt" }, at);
    const p = np === "" ? void 0 : this.promptLsh.query(this.hasher.signature(np));
    if (p) return this.hit(p.index, { caseId: this.cases[p.index].id, kind: "near", similarity: p.similarity, on: "prompt" }, at);
    const f = this.fullLsh.query(this.hasher.signature(normalizeText(full)));
    if (f) return this.hit(f.index, { caseId: this.cases[f.index].id, kind: f.similarity >= 0.999 ? "exact" : "near", similarity: f.similarity, on: "full" }, at);
    const c = this.contain.find(prompt, full);
    if (c !== -1) return this.hit(c, { caseId: this.cases[c].id, kind: "contained", similarity: 1, on: "prompt" }, at);
    return void 0;
  }
  result() {
    return { ...this.summary, casesLeaked: this.leaked.size };
  }
  hit(caseIdx, h, at) {
    this.leaked.add(caseIdx);
    this.summary[h.kind]++;
    if (this.summary.examples.length < this.opts.exampleLimit) this.summary.examples.push({ ...h, at });
    return h;
  }
};

// src/core/contracts/data-manifest.ts
var DATA_MANIFEST_TAG = "llmops.data-manifest/v1";
var DataFormatSchema = external_exports.enum(["chat", "instruction", "completion", "preference", "custom"]);
var LengthStatsSchema = external_exports.object({
  unit: external_exports.string(),
  total: external_exports.number(),
  mean: external_exports.number(),
  p50: external_exports.number(),
  p95: external_exports.number(),
  max: external_exports.number(),
  histogram: external_exports.array(external_exports.number().int()).describe("Counts per length bin; the last bin is > 4096")
});
var FileStatsSchema = external_exports.object({
  format: DataFormatSchema.nullable(),
  records: external_exports.number().int(),
  lengths: LengthStatsSchema,
  roles: external_exports.record(external_exports.string(), external_exports.number().int()),
  turns: external_exports.record(external_exports.string(), external_exports.number().int()),
  fields: external_exports.record(external_exports.string(), external_exports.array(external_exports.string()))
});
var RecordIndexSchema = external_exports.object({
  ids: external_exports.array(external_exports.string().nullable()),
  hashes: external_exports.array(external_exports.string()).describe("First 16 hex digits of sha256 of each record's canonical JSON")
});
var ManifestFileSchema = external_exports.object({
  path: external_exports.string().describe("Relative to the manifest's directory, forward slashes"),
  sha256: external_exports.string(),
  bytes: external_exports.number().int(),
  kind: external_exports.enum(["jsonl", "jsonl.gz", "parquet"]),
  records: external_exports.number().int(),
  valid: external_exports.number().int(),
  invalid: external_exports.number().int(),
  stats: FileStatsSchema,
  index: RecordIndexSchema.nullable()
});
var DataManifestSchema = external_exports.object({
  schema: external_exports.literal(DATA_MANIFEST_TAG),
  llmops_version: external_exports.string(),
  files: external_exports.array(ManifestFileSchema),
  totals: external_exports.object({ files: external_exports.number().int(), records: external_exports.number().int(), valid: external_exports.number().int(), invalid: external_exports.number().int(), bytes: external_exports.number().int() }),
  duplicates: external_exports.object({ records: external_exports.number().int(), unique: external_exports.number().int(), exact: external_exports.number().int(), near: external_exports.number().int(), threshold: external_exports.number(), method: external_exports.string() }).nullable(),
  leakage: external_exports.object({
    evalFiles: external_exports.array(external_exports.string()),
    cases: external_exports.number().int(),
    records: external_exports.number().int(),
    exact: external_exports.number().int(),
    near: external_exports.number().int(),
    contained: external_exports.number().int(),
    casesLeaked: external_exports.number().int(),
    threshold: external_exports.number()
  }).nullable()
});
var dataManifestFormat = defineFormat({
  kind: "data-manifest",
  version: 1,
  schema: DataManifestSchema,
  title: "a dataset manifest (hashes, counts, statistics, per-record index)",
  file: "data-manifest.json (beside the data, or --out)",
  writer: "llmops data manifest, actions/validate-dataset",
  readers: "llmops data diff, actions/validate-dataset (the base revision's manifest)",
  hint: "regenerate it with `llmops data manifest`"
});

// src/core/data/manifest.ts
var DEFAULT_MANIFEST_NAME = "data-manifest.json";
function buildManifest(version, files, duplicates, leakage) {
  const sum = (f) => files.reduce((n, m) => n + f(m), 0);
  return {
    schema: DATA_MANIFEST_TAG,
    llmops_version: version,
    files,
    totals: { files: files.length, records: sum((m) => m.records), valid: sum((m) => m.valid), invalid: sum((m) => m.invalid), bytes: sum((m) => m.bytes) },
    duplicates: duplicates ? withoutExamples(duplicates) : null,
    leakage: leakage ? withoutExamples(leakage) : null
  };
}
function withoutExamples(x) {
  const { examples: _drop, ...rest } = x;
  return rest;
}
function parseManifest(text2, where) {
  return dataManifestFormat.parse(text2, where);
}

// src/core/data/profile.ts
var defaultProfileOptions = {
  dedupe: null,
  leakage: null,
  allowLeakage: false,
  failOnDuplicates: false,
  tokens: whitespaceTokens,
  tokenUnit: "whitespace tokens",
  indexLimit: 1e5
};
var DataProfiler = class {
  stats = /* @__PURE__ */ new Map();
  deduper;
  opts;
  constructor(opts = {}) {
    this.opts = { ...defaultProfileOptions, ...opts };
    this.deduper = this.opts.dedupe ? new Deduper(this.opts.dedupe) : null;
  }
  attach(v) {
    v.onRecord((rec, ctx) => {
      let s = this.stats.get(ctx.file);
      if (!s) this.stats.set(ctx.file, s = new StatsCollector(this.opts.tokens, this.opts.tokenUnit, this.opts.indexLimit));
      s.add(rec, ctx.format);
      if (!this.deduper && !this.opts.leakage) return;
      const texts = recordTexts(ctx.format, rec);
      const dup = this.deduper?.check(texts.full, ctx);
      if (dup) {
        v.addIssue(ctx, this.opts.failOnDuplicates ? "error" : "warning", `duplicate_${dup.kind}`, "", `${dup.kind === "exact" ? "exact" : `near (Jaccard \u2248 ${dup.similarity.toFixed(2)})`} duplicate of ${formatLocation(dup.of)}`);
      }
      const leak = this.opts.leakage?.check(texts.prompt, texts.full, ctx);
      if (leak) {
        v.addIssue(ctx, this.opts.allowLeakage ? "warning" : "error", "leakage", "", leak.kind === "contained" ? `contains the words of eval case ${JSON.stringify(leak.caseId)} in order (another template around the same input); evaluation cases must not be trained on` : `${leak.kind} match with eval case ${JSON.stringify(leak.caseId)} (${leak.on === "prompt" ? "prompt vs case input" : "whole record vs case"}, similarity ${leak.similarity.toFixed(2)}); evaluation cases must not be trained on`);
      }
    });
    return this;
  }
  statsFor(file) {
    return this.stats.get(file) ?? new StatsCollector(this.opts.tokens, this.opts.tokenUnit, this.opts.indexLimit);
  }
  duplicates() {
    return this.deduper?.result() ?? null;
  }
  leakage() {
    return this.opts.leakage?.result() ?? null;
  }
};

// src/app/data/run-check.ts
async function runDataCheck(validator, files, opts) {
  const leakage = opts.evalFiles.length ? new LeakageIndex(opts.evalFiles.map((f) => f.shown), await readEvalCases(opts.evalFiles), { ...defaultMinHashOptions, threshold: opts.threshold, exampleLimit: 20 }) : null;
  const profiler = new DataProfiler({
    dedupe: opts.dedupe,
    leakage,
    allowLeakage: opts.allowLeakage,
    failOnDuplicates: opts.failOnDuplicates,
    ...opts.indexLimit ? { indexLimit: opts.indexLimit } : {}
  }).attach(validator);
  await validateFiles(validator, files);
  const report = validator.report();
  const manifestFiles = [];
  for (const f of files) {
    const summary = report.files.find((s) => s.file === f.shown);
    if (!summary) continue;
    const collector = profiler.statsFor(f.shown);
    manifestFiles.push({
      path: relative(opts.manifestDir, f.path).split("\\").join("/"),
      sha256: await sha256File(f.path),
      bytes: summary.bytes,
      kind: summary.kind,
      records: summary.records,
      valid: summary.valid,
      invalid: summary.invalid,
      stats: { ...collector.stats(), format: summary.format },
      index: collector.index()
    });
  }
  return { report, manifest: buildManifest(VERSION, manifestFiles, profiler.duplicates(), profiler.leakage()), profiler };
}
async function readEvalCases(files) {
  const cases = [];
  for (const f of files) {
    await statDataFile(f.path, f.shown);
    if (dataFileKind(f.path) !== "jsonl") throw new DataInvalidError(`${f.shown}: eval cases must be a .jsonl file`);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let failure;
    const splitter = new LineSplitter(
      {
        line: (bytes, lineNo) => {
          try {
            const text2 = decoder.decode(bytes).replace(/^\uFEFF/, "").trim();
            if (text2 === "") return;
            cases.push(parseEvalCase(JSON.parse(text2), `${f.shown}:${lineNo}`));
          } catch (err) {
            failure = err instanceof DataInvalidError ? err : new DataInvalidError(`${f.shown}:${lineNo}: ${err instanceof Error ? err.message : String(err)}`);
            return true;
          }
        },
        tooLong: (lineNo) => {
          failure = new DataInvalidError(`${f.shown}:${lineNo}: eval case line too long`);
          return true;
        }
      },
      16 << 20
    );
    try {
      for await (const c of readChunks(f.path)) {
        splitter.push(c);
        if (splitter.stopped) break;
      }
    } catch {
      throw new DataInvalidError(`${f.shown}: cannot read the eval cases file`, { hint: "check the path" });
    }
    splitter.end();
    if (failure) throw failure;
  }
  return cases;
}

// src/cli/commands/data-validate.ts
async function runDataValidate(ctx, values, files, dedupeFallback = "none") {
  const v = await createValidator(ctx, values);
  const df = dataFiles(ctx, files);
  const opts = checkOptionsFrom(ctx, values, df, dedupeFallback, "");
  let extra = {};
  if (opts.dedupe || opts.evalFiles.length) {
    const r = await runDataCheck(v, df, opts);
    extra = { duplicates: r.profiler.duplicates(), leakage: r.profiler.leakage() };
  } else {
    await validateFiles(v, df);
  }
  const report = v.report();
  if (values.json) ctx.printJson({ ...report, ...extra });
  else ctx.stdout.write(renderValidationText(report));
  return report.errors > 0 ? 1 : 0;
}
function runDataDedupe(ctx, values, files) {
  return runDataValidate(ctx, values, files, "near");
}
function renderValidationText(r) {
  const lines = r.issues.map(formatIssue);
  const shown = r.issues.length;
  const total = r.errors + r.warnings;
  if (total > shown) lines.push(`\u2026 ${total - shown} more problem(s) not listed (raise --report to see them)`);
  for (const f of r.files) {
    lines.push(`${f.file}: ${f.records} records (${f.format ?? "format unknown"}), ${f.valid} valid, ${f.invalid} invalid${f.stoppedEarly ? " \u2014 stopped early" : ""}`);
  }
  const kinds = (m) => Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
  lines.push(
    `${r.errors === 0 ? "valid" : "INVALID"}: ${r.records} records, ${r.valid} valid, ${r.invalid} invalid; ${r.errors} error(s)${r.errors ? ` (${kinds(r.errorsByKind)})` : ""}, ${r.warnings} warning(s)${r.warnings ? ` (${kinds(r.warningsByKind)})` : ""}`
  );
  if (r.stoppedEarly) lines.push("stopped after reaching --max-errors; the counts cover only what was read");
  return `${lines.join("\n")}
`;
}

// src/cli/commands/data-clean.ts
var byteCount = (s) => Buffer.byteLength(s);
async function runDataClean(ctx, values, files) {
  if (typeof values.out !== "string") throw new InputError("llmops data clean: --out FILE.jsonl is required");
  const out = ctx.resolvePath(values.out);
  const df = dataFiles(ctx, files);
  if (df.some((f) => resolve(f.path) === out)) throw new InputError("--out must not be one of the input files");
  const unit = values.unit === void 0 ? "words" : String(values.unit);
  if (unit !== "words" && unit !== "bytes") throw new InputError(`--unit must be words or bytes, got ${JSON.stringify(unit)}`);
  const opts = {
    ...defaultCleanOptions,
    nfc: !values["no-nfc"],
    trim: !values["no-trim"],
    dropEmpty: !values["keep-empty"],
    ...unit === "bytes" ? { tokens: byteCount } : {}
  };
  const min = intOption(values, "min-tokens", 0);
  const max = intOption(values, "max-tokens");
  if (min !== void 0) opts.minTokens = min;
  if (max !== void 0) opts.maxTokens = max;
  const { dedupe } = dedupeFrom(values, "exact");
  const deduper = dedupe ? new Deduper(dedupe) : null;
  const v = await createValidator(ctx, values);
  const writer = new JsonlWriter(out);
  const dropped = {};
  let changed = 0;
  v.onRecord((rec, at) => {
    const r = cleanRecord(at.format, rec, opts);
    if (r.record === null) {
      dropped[r.reason] = (dropped[r.reason] ?? 0) + 1;
      return;
    }
    if (deduper?.check(recordTexts(at.format, r.record).full, at)) {
      dropped.duplicate = (dropped.duplicate ?? 0) + 1;
      return;
    }
    if (r.changed) changed++;
    writer.write(r.record);
  });
  try {
    await validateFiles(v, df);
  } finally {
    writer.close();
  }
  const report = v.report();
  const invalid = report.invalid;
  const summary = { input: report.records, written: writer.lines, changed, dropped: { invalid, ...dropped }, out: displayPath(ctx, out) };
  if (values.json) ctx.printJson({ ...summary, validation: report });
  else {
    if (report.issues.length) ctx.stderr.write(renderValidationText(report));
    const d = Object.entries(summary.dropped).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ");
    ctx.stdout.write(`clean: ${summary.input} records in, ${summary.written} written to ${summary.out} (${changed} changed${d ? `; dropped: ${d}` : ""})
`);
  }
  return 0;
}
async function runDataSplit(ctx, values, files) {
  if (typeof values["out-dir"] !== "string") throw new InputError("llmops data split: --out-dir DIR is required");
  const outDir = ctx.resolvePath(values["out-dir"]);
  const spec = parseSplitRatios(typeof values.ratios === "string" ? values.ratios : "train=0.9,val=0.1");
  const key2 = parseSplitKey(typeof values.key === "string" ? values.key : void 0);
  const seed = typeof values.seed === "string" ? values.seed : "llmops";
  const stratify = typeof values.stratify === "string" ? values.stratify : void 0;
  const df = dataFiles(ctx, files);
  const ext = ".jsonl";
  let keyError;
  const keyOf = (rec, where) => {
    try {
      return splitKeyOf(rec, key2, where);
    } catch (err) {
      keyError ??= err;
      throw err;
    }
  };
  let assigned;
  if (stratify) {
    const points = [];
    const strata = [];
    const v1 = await createValidator(ctx, values);
    v1.onRecord((rec, at) => {
      points.push(splitPoint(keyOf(rec, formatLocation(at)), seed));
      const s = rec[stratify];
      strata.push(s === void 0 ? "(none)" : typeof s === "string" ? s : JSON.stringify(s));
    });
    await validateFiles(v1, df);
    if (keyError !== void 0) throw keyError;
    assigned = assignStratified(Float64Array.from(points), strata, spec);
  }
  const writers = spec.names.map((n) => new JsonlWriter(join(outDir, `${n}${ext}`)));
  const v = await createValidator(ctx, values);
  let i = 0;
  v.onRecord((rec, at) => {
    const s = assigned ? assigned[i] : assignSplit(splitPoint(keyOf(rec, formatLocation(at)), seed), spec);
    i++;
    writers[s].write(rec);
  });
  try {
    await validateFiles(v, df);
  } finally {
    for (const w of writers) w.close();
  }
  if (keyError !== void 0) throw keyError;
  const report = v.report();
  const counts = Object.fromEntries(spec.names.map((n, j) => [n, writers[j].lines]));
  if (values.json) ctx.printJson({ counts, ratios: Object.fromEntries(spec.names.map((n, j) => [n, spec.ratios[j]])), key: typeof key2 === "string" ? key2 : key2.field, seed, stratify: stratify ?? null, invalid: report.invalid });
  else {
    if (report.issues.length) ctx.stderr.write(renderValidationText(report));
    ctx.stdout.write(`split: ${spec.names.map((n) => `${n} ${counts[n]} \u2192 ${displayPath(ctx, join(outDir, n + ext))}`).join(", ")}${report.invalid ? ` (${report.invalid} invalid record(s) skipped)` : ""}
`);
  }
  return 0;
}

// src/cli/commands/data-manifest.ts
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename as basename2, dirname as dirname4, join as join2 } from "node:path";

// src/core/data/diff.ts
var EXAMPLES = 5;
function computeDataDiff(base, head, baseRef) {
  const baseFiles = new Map((base?.files ?? []).map((f) => [f.path, f]));
  const headFiles = new Map(head.files.map((f) => [f.path, f]));
  const paths = [.../* @__PURE__ */ new Set([...baseFiles.keys(), ...headFiles.keys()])].sort();
  const files = paths.map((p) => diffFile(p, baseFiles.get(p), headFiles.get(p)));
  return { baseRef, hasBase: base !== void 0, files, totals: { base: base?.totals.records ?? 0, head: head.totals.records } };
}
function side(f) {
  return f ? { records: f.records, sha256: f.sha256, format: f.stats.format } : null;
}
function diffFile(path, b, h) {
  const status = !b ? "added" : !h ? "removed" : b.sha256 === h.sha256 ? "unchanged" : "changed";
  const d = { path, status, base: side(b), head: side(h), records: null, shifts: [], fieldsAdded: [], fieldsRemoved: [] };
  if (!b || !h || status === "unchanged") return d;
  if (b.index && h.index) d.records = diffRecords(b.index, h.index);
  d.shifts = shifts(b, h);
  const bf = Object.keys(b.stats.fields);
  const hf = Object.keys(h.stats.fields);
  d.fieldsAdded = hf.filter((k) => !bf.includes(k));
  d.fieldsRemoved = bf.filter((k) => !hf.includes(k));
  return d;
}
function diffRecords(b, h) {
  const idsUsable = (ix) => ix.ids.length > 0 && ix.ids.every((x) => x !== null);
  const keyed = (ix) => {
    const seen = /* @__PURE__ */ new Map();
    return ix.ids.map((id) => {
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      return n === 1 ? id : `${id}#${n}`;
    });
  };
  const ex = { added: [], removed: [], modified: [] };
  const note = (list, v) => {
    if (list.length < EXAMPLES) list.push(v);
  };
  if (idsUsable(b) && idsUsable(h)) {
    const bm = new Map(keyed(b).map((id, i) => [id, b.hashes[i]]));
    const hm = new Map(keyed(h).map((id, i) => [id, h.hashes[i]]));
    let added2 = 0;
    let removed2 = 0;
    let modified = 0;
    let unchanged2 = 0;
    for (const [id, hash] of hm) {
      const old = bm.get(id);
      if (old === void 0) {
        added2++;
        note(ex.added, id);
      } else if (old !== hash) {
        modified++;
        note(ex.modified, id);
      } else unchanged2++;
    }
    for (const id of bm.keys()) {
      if (!hm.has(id)) {
        removed2++;
        note(ex.removed, id);
      }
    }
    return { added: added2, removed: removed2, modified, unchanged: unchanged2, by: "id", examples: ex };
  }
  const counts = /* @__PURE__ */ new Map();
  for (const x of b.hashes) counts.set(x, (counts.get(x) ?? 0) + 1);
  let added = 0;
  let unchanged = 0;
  for (const x of h.hashes) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      counts.set(x, c - 1);
      unchanged++;
    } else {
      added++;
      note(ex.added, x);
    }
  }
  let removed = 0;
  for (const [x, c] of counts) {
    removed += c;
    if (c > 0) note(ex.removed, x);
  }
  return { added, removed, modified: 0, unchanged, by: "hash", examples: ex };
}
function shifts(b, h) {
  const out = [];
  const push = (metric, x, y) => {
    if (x !== y) out.push({ metric, base: x, head: y });
  };
  push("records", b.records, h.records);
  push(`mean length (${h.stats.lengths.unit})`, b.stats.lengths.mean, h.stats.lengths.mean);
  push(`p95 length (${h.stats.lengths.unit})`, b.stats.lengths.p95, h.stats.lengths.p95);
  push("max length", b.stats.lengths.max, h.stats.lengths.max);
  const share = (o, k) => {
    const t = Object.values(o).reduce((a, c) => a + c, 0);
    return t === 0 ? 0 : Math.round((o[k] ?? 0) / t * 1e3) / 10;
  };
  for (const role of /* @__PURE__ */ new Set([...Object.keys(b.stats.roles), ...Object.keys(h.stats.roles)])) {
    const x = share(b.stats.roles, role);
    const y = share(h.stats.roles, role);
    if (Math.abs(x - y) >= 1) out.push({ metric: `share of ${role} messages (%)`, base: x, head: y });
  }
  return out;
}

// src/core/data/markdown.ts
function table(head, rows) {
  return markdownTable([head, ...rows.map((r) => r.map(String))], { align: head.map((_, i) => i === 0 ? "l" : "r") });
}
function fmtInt(n) {
  return n.toLocaleString("en-US");
}
function fmtSigned(n) {
  return n > 0 ? `+${fmtInt(n)}` : n < 0 ? `\u2212${fmtInt(-n)}` : "0";
}

// src/core/data/render.ts
var code = (s) => renderCodeSpan(s, { maxLength: 200 });
var text = (s) => escapeMarkdownText(s, { maxLength: 300 });
function renderDataDiffMarkdown(diff) {
  const out = [`### Data changes since ${code(diff.baseRef)}`, ""];
  if (!diff.hasBase) out.push(`No data manifest at ${code(diff.baseRef)}: every file below is new.`, "");
  const changed = diff.files.filter((f) => f.status !== "unchanged");
  if (changed.length === 0) {
    out.push(`No data changed (${fmtInt(diff.totals.head)} records in ${diff.files.length} file(s)).`);
    return `${out.join("\n")}
`;
  }
  out.push(
    table(
      ["file", "status", "records", "added", "removed", "modified"],
      diff.files.map((f) => {
        const r = f.records;
        const recs = `${f.base ? fmtInt(f.base.records) : "\u2014"} \u2192 ${f.head ? fmtInt(f.head.records) : "\u2014"}`;
        const added = r ? fmtInt(r.added) : f.status === "added" ? fmtInt(f.head.records) : f.status === "removed" ? "0" : "?";
        const removed = r ? fmtInt(r.removed) : f.status === "removed" ? fmtInt(f.base.records) : f.status === "added" ? "0" : "?";
        const modified = r ? r.by === "id" ? fmtInt(r.modified) : "n/a (no ids)" : f.status === "unchanged" ? "0" : f.status === "changed" ? "?" : "\u2014";
        return [code(f.path), f.status, recs, f.status === "unchanged" ? "0" : added, f.status === "unchanged" ? "0" : removed, modified];
      })
    ),
    "",
    `Total: ${fmtInt(diff.totals.base)} \u2192 ${fmtInt(diff.totals.head)} records (${fmtSigned(diff.totals.head - diff.totals.base)}).`
  );
  for (const f of changed) out.push(...renderFileDetails(f));
  return `${out.join("\n")}
`;
}
function renderFileDetails(f) {
  const lines = [];
  if (f.base && f.head && f.base.format !== f.head.format) lines.push(`- format changed: ${f.base.format ?? "unknown"} \u2192 ${f.head.format ?? "unknown"}`);
  if (f.fieldsAdded.length) lines.push(`- fields added: ${f.fieldsAdded.map(code).join(", ")}`);
  if (f.fieldsRemoved.length) lines.push(`- fields removed: ${f.fieldsRemoved.map(code).join(", ")}`);
  for (const s of f.shifts) if (s.metric !== "records") lines.push(`- ${s.metric}: ${s.base} \u2192 ${s.head}`);
  const r = f.records;
  if (r) {
    const ex = (label, xs) => xs.length ? [`- ${label} (${r.by}): ${xs.map(code).join(", ")}${xs.length >= 5 ? ", \u2026" : ""}`] : [];
    lines.push(...ex("added", r.examples.added), ...ex("removed", r.examples.removed), ...ex("modified", r.examples.modified));
  } else if (f.status === "changed") lines.push("- record-level changes unknown: a manifest has no per-record index (over the index limit)");
  if (lines.length === 0) return [];
  return ["", `<details><summary>${escapeHtmlText(f.path, { maxLength: 200 })}</summary>`, "", ...lines, "", "</details>"];
}
function binLabel(i) {
  const lo = i === 0 ? 0 : LENGTH_BINS[i - 1] + 1;
  return i < LENGTH_BINS.length ? `${lo}-${LENGTH_BINS[i]}` : `>${LENGTH_BINS[LENGTH_BINS.length - 1]}`;
}
function lastBin(h) {
  let last = h.length - 1;
  while (last > 0 && h[last] === 0) last--;
  return last;
}
function renderLengthChart(title, stats) {
  const h = stats.lengths.histogram;
  const last = lastBin(h);
  const labels = h.slice(0, last + 1).map((_, i) => `"${binLabel(i)}"`);
  const max = Math.max(1, ...h);
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${sanitizeMermaidLabel(title, 60)}"`,
    `    x-axis "${stats.lengths.unit}" [${labels.join(", ")}]`,
    `    y-axis "records" 0 --> ${max}`,
    `    bar [${h.slice(0, last + 1).join(", ")}]`,
    "```"
  ].join("\n");
}
function renderDataCard(input) {
  const m = input.manifest;
  const out = [`## Dataset card: ${text(input.title)}`, ""];
  out.push(
    table(
      ["file", "format", "records", "valid", "invalid", "size", "sha256"],
      m.files.map((f) => [code(f.path), f.stats.format ?? "unknown", fmtInt(f.records), fmtInt(f.valid), fmtInt(f.invalid), `${fmtInt(f.bytes)} B`, code(f.sha256.slice(0, 12))])
    ),
    "",
    `Total: ${fmtInt(m.totals.records)} records in ${m.totals.files} file(s), ${fmtInt(m.totals.valid)} valid.`
  );
  for (const f of m.files) {
    const s = f.stats;
    out.push("", `### ${text(f.path)}`, "");
    out.push(`Length (${s.lengths.unit}): mean ${s.lengths.mean}, median ${s.lengths.p50}, p95 ${s.lengths.p95}, max ${s.lengths.max}.`, "");
    out.push(renderLengthChart(`${f.path}: record length`, s), "");
    out.push(
      table(
        ["length", "records"],
        s.lengths.histogram.map((c, i) => [binLabel(i), fmtInt(c)]).slice(0, lastBin(s.lengths.histogram) + 1)
      )
    );
    const roleTotal = Object.values(s.roles).reduce((a, c) => a + c, 0);
    if (roleTotal > 0) {
      out.push("", table(["role", "messages", "share"], Object.entries(s.roles).map(([r, c]) => [text(r), fmtInt(c), `${(c / roleTotal * 100).toFixed(1)}%`])));
      out.push("", table(["messages per record", "records"], Object.entries(s.turns).map(([t, c]) => [t, fmtInt(c)])));
    }
    out.push("", `Fields: ${Object.entries(s.fields).map(([k, t]) => `${code(k)} (${t.join("|")})`).join(", ") || "none"}.`);
  }
  out.push("", "### Duplicates", "");
  const d = input.duplicates;
  if (!d) out.push("Not checked.");
  else {
    out.push(`${fmtInt(d.exact)} exact and ${fmtInt(d.near)} near duplicate(s) in ${fmtInt(d.records)} records (${fmtInt(d.unique)} unique). Method: ${text(d.method)}.`);
    if (d.examples.length) out.push("", table(["record", "duplicates", "kind", "similarity"], d.examples.map((e) => [code(formatLocation(e.at)), code(formatLocation(e.of)), e.kind, e.similarity.toFixed(2)])));
  }
  out.push("", "### Leakage (training data vs evaluation cases)", "");
  const l = input.leakage;
  if (!l) out.push("Not checked (no eval cases given).");
  else {
    out.push(
      l.exact + l.near + (l.contained ?? 0) === 0 ? `None found: ${fmtInt(l.records)} records checked against ${fmtInt(l.cases)} eval case(s) (exact, near at Jaccard \u2265 ${l.threshold}, and contained).` : `**${fmtInt(l.exact + l.near + (l.contained ?? 0))} leaked record(s)** (${fmtInt(l.exact)} exact, ${fmtInt(l.near)} near, ${fmtInt(l.contained ?? 0)} contained) covering ${fmtInt(l.casesLeaked)} of ${fmtInt(l.cases)} eval case(s).`
    );
    if (l.examples.length) out.push("", table(["record", "eval case", "kind", "matched on", "similarity"], l.examples.map((e) => [code(formatLocation(e.at)), code(e.caseId), e.kind, e.on, e.similarity.toFixed(2)])));
  }
  return `${out.join("\n")}
`;
}

// src/cli/commands/data-manifest.ts
async function check(ctx, values, files, manifestPath) {
  const v = await createValidator(ctx, values);
  const df = dataFiles(ctx, files);
  return runDataCheck(v, df, checkOptionsFrom(ctx, values, df, "near", dirname4(manifestPath)));
}
function manifestPathFor(ctx, values, files, outIsManifest = true) {
  if (typeof values.out === "string") {
    const out = ctx.resolvePath(values.out);
    return outIsManifest && existsSync(out) && statSync(out).isDirectory() ? join2(out, DEFAULT_MANIFEST_NAME) : out;
  }
  if (typeof values.manifest === "string") return ctx.resolvePath(values.manifest);
  const first = files[0];
  if (first === void 0) throw new InputError("no data files given", { hint: "name one or more .jsonl, .jsonl.gz or .parquet files" });
  return `${dirname4(ctx.resolvePath(first))}/${DEFAULT_MANIFEST_NAME}`;
}
async function runDataManifest(ctx, values, files) {
  const out = manifestPathFor(ctx, values, files);
  const r = await check(ctx, values, files, out);
  await mkdir(dirname4(out), { recursive: true });
  await writeFile(out, dataManifestFormat.serialize(r.manifest));
  if (values.json) ctx.printJson(r.manifest);
  else ctx.stdout.write(renderValidationText(r.report) + `manifest: ${displayPath(ctx, out)} (${r.manifest.totals.records} records in ${r.manifest.totals.files} file(s))
`);
  return r.report.errors > 0 ? 1 : 0;
}
async function runDataCard(ctx, values, files) {
  const r = await check(ctx, values, files, manifestPathFor(ctx, values, files, false));
  const md = renderDataCard({
    title: typeof values.title === "string" ? values.title : files.join(", "),
    manifest: r.manifest,
    duplicates: r.profiler.duplicates(),
    leakage: r.profiler.leakage()
  });
  const out = typeof values.out === "string" ? ctx.resolvePath(values.out) : null;
  if (out !== null) {
    await mkdir(dirname4(out), { recursive: true });
    await writeFile(out, md);
    ctx.stderr.write(`card: ${displayPath(ctx, out)}
`);
  }
  if (values.json) ctx.printJson({ card: out, ...out === null ? { markdown: md } : {}, records: r.manifest.totals.records, errors: r.report.errors, warnings: r.report.warnings });
  else if (out === null) ctx.stdout.write(md);
  return r.report.errors > 0 ? 1 : 0;
}
async function runDataDiff(ctx, values, files) {
  const base = typeof values.base === "string" ? values.base : void 0;
  if (!base) throw new InputError("llmops data diff: --base REV is required", { hint: "e.g. --base origin/main" });
  const manifestPath = typeof values.manifest === "string" ? ctx.resolvePath(values.manifest) : files.length ? manifestPathFor(ctx, values, files) : ctx.resolvePath(`data/${DEFAULT_MANIFEST_NAME}`);
  const shown = displayPath(ctx, manifestPath);
  let head;
  if (files.length > 0) head = (await check(ctx, values, files, manifestPath)).manifest;
  else {
    let text2;
    try {
      text2 = await readFile(manifestPath, "utf8");
    } catch {
      throw new InputError(`${shown}: no manifest here`, { hint: "write one with `llmops data manifest FILE\u2026`, pass --manifest PATH, or name the data files to compute it" });
    }
    head = parseManifest(text2, shown);
  }
  const baseText = await gitShowFile(manifestPath, base);
  const baseManifest = baseText === void 0 ? void 0 : parseManifest(baseText, `${base}:${basename2(manifestPath)}`);
  const diff = computeDataDiff(baseManifest, head, base);
  if (values.json) ctx.printJson(diff);
  else ctx.stdout.write(renderDataDiffMarkdown(diff));
  return 0;
}

// src/cli/commands/data.ts
var V = [...validationFlags, "json", "quiet"];
var C = checkFlags;
var subcommands = {
  validate: { run: runDataValidate, options: [...V, ...C] },
  dedupe: { run: runDataDedupe, options: [...V, ...C] },
  clean: { run: runDataClean, options: [...V, "out", "no-nfc", "no-trim", "keep-empty", "min-tokens", "max-tokens", "unit", "dedupe", "threshold"] },
  split: { run: runDataSplit, options: [...V, "out-dir", "ratios", "key", "seed", "stratify"] },
  manifest: { run: runDataManifest, options: [...V, ...C, "out"] },
  card: { run: runDataCard, options: [...V, ...C, "out", "title"] },
  diff: { run: runDataDiff, options: [...V, ...C, "base", "manifest"] }
};
var dataCommand = {
  name: "data",
  summary: "validate, clean, dedupe, split, version and describe datasets (JSONL, JSONL.gz, Parquet)",
  help: `usage: llmops data <subcommand> [options] FILE\u2026

subcommands:
  validate FILE\u2026        stream-validate records (file:line and field path for every problem); exit 1 if invalid
  dedupe FILE\u2026          validate and report exact and near duplicates (MinHash + LSH)
  clean FILE\u2026 --out F   write cleaned records: NFC, trimmed, empty/invalid/duplicate/over-length dropped
      --no-nfc --no-trim --keep-empty --min-tokens N --max-tokens N --unit words|bytes --dedupe none|exact|near (default exact)
  split FILE\u2026 --out-dir D  stable split by a hash of each record's key; adding records never moves others
      --ratios train=0.9,val=0.1  --key auto|id|content|FIELD  --seed S  --stratify FIELD (exact ratios per stratum)
  manifest FILE\u2026        write a manifest next to the data (sha256, counts, format, fields, stats, record index)
      --out PATH (default: data-manifest.json in the first file's directory)
  card FILE\u2026            markdown dataset card (counts, length histogram, roles, turns, duplicates, leakage)
      --out FILE.md  --title T
  diff --base REV [FILE\u2026]  compare with the manifest at another git revision (added/removed/modified records, shifts)
      --manifest PATH (default data/data-manifest.json; with FILE\u2026 the head side is computed from the files)

validation options:
${validationOptionHelp}
  --json               print the result as JSON
  -q, --quiet          no progress or log lines

duplicates and leakage (validate, dedupe, manifest, card, diff):
${checkOptionHelp}
`,
  options: {
    // Shared with actions/validate-dataset; the rest belong to the subcommands that write files.
    ...cliParseConfig(DATA_VALIDATE_OPTIONS),
    out: { type: "string", short: "o" },
    "no-nfc": { type: "boolean" },
    "no-trim": { type: "boolean" },
    "keep-empty": { type: "boolean" },
    "min-tokens": { type: "string" },
    "max-tokens": { type: "string" },
    unit: { type: "string" },
    "out-dir": { type: "string" },
    ratios: { type: "string" },
    key: { type: "string" },
    seed: { type: "string" },
    stratify: { type: "string" },
    title: { type: "string" },
    manifest: { type: "string" }
  },
  async run(ctx, { values, positionals }) {
    const [name, ...rest] = positionals;
    const sub = name === void 0 ? void 0 : subcommands[name];
    if (!sub) {
      throw new InputError(name === void 0 ? "llmops data: missing subcommand" : `llmops data: unknown subcommand "${name}"`, {
        hint: `one of: ${Object.keys(subcommands).join(", ")}`
      });
    }
    for (const k of Object.keys(values)) {
      if (k !== "help" && values[k] !== void 0 && !sub.options.includes(k)) throw new InputError(`llmops data ${name}: option --${k} does not apply here`, { hint: `run "llmops data --help"` });
    }
    return sub.run(ctx, values, rest);
  }
};
export {
  dataCommand
};
