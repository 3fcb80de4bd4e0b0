#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  Hash64Map,
  fmix32,
  hash32,
  hash64,
  normalizeText,
  pow2,
  require_ajv
} from "./chunk-6IFSKJTY.js";
import {
  stableStringify
} from "./chunk-XYQJ7XHL.js";
import {
  cliFlag,
  defineOptions,
  json,
  pickOptions,
  quiet,
  readCliValues,
  renderCliHelp
} from "./chunk-KG2AKHTK.js";
import {
  closest
} from "./chunk-XQ6Z47X5.js";
import {
  ConfigError,
  InputError
} from "./chunk-LXVW643N.js";
import {
  __toESM
} from "./chunk-TQEUFEDE.js";

// src/core/data/types.ts
var FORMATS = ["chat", "instruction", "completion", "preference", "custom"];
function formatLocation(loc) {
  if (loc.line !== void 0) return `${loc.file}:${loc.line}`;
  if (loc.row !== void 0) return `${loc.file} (row group ${loc.rowGroup ?? 0}, row ${loc.row})`;
  return loc.file;
}
function formatIssue(issue) {
  const where = formatLocation(issue);
  const path = issue.path ? ` ${issue.path}:` : "";
  return `${where}: ${issue.severity} [${issue.kind}]${path} ${issue.message}`;
}

// src/core/options/data-validate.ts
var DATA_VALIDATE_OPTIONS = defineOptions("data", {
  files: {
    type: { kind: "list", commas: true },
    side: "action",
    why: "the CLI takes files as positional arguments",
    required: true,
    description: "data files to check (.jsonl, .jsonl.gz, .parquet), one per line or comma-separated; a * in the file name matches within its directory"
  },
  format: {
    type: { kind: "enum", values: ["auto", ...FORMATS] },
    side: "both",
    arg: "F",
    description: "record format: auto (detected per file), chat, instruction, completion, preference or custom (with a schema)",
    default: "auto"
  },
  schema: { type: { kind: "string" }, side: "both", arg: "FILE.json", description: "a JSON Schema file every record must match (implies format custom)" },
  "max-errors": { type: { kind: "int", min: 1 }, side: "both", arg: "N", description: "stop after this many errors", default: "1000" },
  report: {
    type: { kind: "int", min: 0 },
    side: "cli",
    why: "how many problems the terminal lists; the action annotates up to max-annotations",
    arg: "N",
    description: "list the first N problems",
    default: "50"
  },
  "max-line-bytes": { type: { kind: "int", min: 1 }, side: "both", arg: "N", description: "longest accepted line in bytes; a longer one is an error", default: "16777216" },
  strict: { type: { kind: "flag" }, side: "both", description: "warnings (BOM, CRLF, blank lines, duplicates) count as errors" },
  "allow-no-assistant": { type: { kind: "flag" }, side: "both", description: "chat records without an assistant turn (prompt-only data) are accepted" },
  "eval-cases": {
    type: { kind: "list", commas: true },
    side: "both",
    flag: "eval",
    arg: "FILE",
    description: "eval case files (JSONL {id, input|vars, expected}); training records that match a case are leakage, an error (repeat --eval on the CLI; one per line or comma-separated in an action)"
  },
  "allow-leakage": { type: { kind: "flag" }, side: "both", description: "report leakage as warnings instead of errors" },
  dedupe: {
    type: { kind: "enum", values: ["none", "exact", "near"] },
    side: "both",
    arg: "MODE",
    description: "duplicate detection: none, exact or near (MinHash)",
    default: { cli: "near for dedupe/manifest/card, none for validate, exact for clean", action: "near" }
  },
  "near-threshold": { type: { kind: "number", gt: 0, lte: 1 }, side: "both", flag: "threshold", arg: "J", description: "Jaccard threshold for near duplicates and near leakage", default: "0.9" },
  "fail-on-duplicates": { type: { kind: "flag" }, side: "both", description: "duplicates are errors, not warnings" },
  "max-annotations": { type: { kind: "int", min: 1 }, side: "action", why: "GitHub annotations on the PR's files", description: "annotate at most this many problems on the PR's files", default: "50" },
  "manifest-path": {
    type: { kind: "string" },
    side: "action",
    why: "the CLI writes a manifest with `llmops data manifest --out PATH`",
    description: "where to write the manifest",
    default: "data-manifest.json next to the first file"
  },
  "write-manifest": { type: { kind: "flag" }, side: "action", why: "the CLI writes a manifest with `llmops data manifest`", description: "write the manifest: true or false", default: "true" },
  "base-ref": {
    type: { kind: "string" },
    side: "both",
    flag: "base",
    arg: "REV",
    description: "a git revision (e.g. origin/main) whose manifest to compare with: the data diff (`llmops data diff --base REV`; in an action the job summary and diff-path; needs fetch-depth: 0)"
  },
  "fail-on-invalid": { type: { kind: "flag" }, side: "action", why: "the CLI always exits 1 on invalid data", description: "fail the step when the data is invalid: true or false", default: "true" },
  json,
  quiet
});

// src/cli/commands/data-common.ts
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative } from "node:path";

// src/core/data/minhash.ts
var defaultMinHashOptions = { numPerm: 64, shingle: 3, threshold: 0.9, seed: 1 };
function lshParams(threshold, numPerm) {
  const integrate = (f, a, b) => {
    const steps = 200;
    const h = (b - a) / steps;
    let area = 0;
    for (let i = 0; i < steps; i++) area += f(a + (i + 0.5) * h) * h;
    return area;
  };
  let best = { bands: 1, rows: numPerm, err: Infinity };
  for (let b = 1; b <= numPerm; b++) {
    for (let r = 1; b * r <= numPerm; r++) {
      const p = (s) => 1 - (1 - s ** r) ** b;
      const fp = integrate(p, 0, threshold);
      const fn = integrate((s) => 1 - p(s), threshold, 1);
      const err = fp * 0.05 + fn * 0.95;
      if (err < best.err) best = { bands: b, rows: r, err };
    }
  }
  return { bands: best.bands, rows: best.rows };
}
var MULT = Uint32Array.from([2654435761, 2246822519, 3266489917, 668265263, 374761393, 3550635117, 4251993797, 3042594569]);
var MinHasher = class {
  constructor(opts = defaultMinHashOptions) {
    this.opts = opts;
    this.a = new Uint32Array(opts.numPerm);
    this.b = new Uint32Array(opts.numPerm);
    let s = opts.seed >>> 0 || 1;
    for (let i = 0; i < opts.numPerm; i++) {
      s = fmix32(s + 2654435769);
      this.a[i] = s | 1;
      s = fmix32(s + 2654435769);
      this.b[i] = s;
    }
    this.sig = new Uint32Array(opts.numPerm);
    this.filled = new Uint8Array(opts.numPerm);
  }
  opts;
  a;
  b;
  sig;
  shingles = [];
  filled;
  /** Signature of normalised text; the returned array is reused by the next call. */
  signature(normalized) {
    const words = normalized.split(" ");
    const n = this.opts.shingle;
    const sh = this.shingles;
    sh.length = 0;
    const wh = words.map((w) => hash32(w));
    if (wh.length <= n) {
      let h = 74565;
      for (const x of wh) h = fmix32(h ^ x) + 2654435769;
      sh.push(h >>> 0);
    } else {
      for (let i = 0; i + n <= wh.length; i++) {
        let h = 74565;
        for (let k = 0; k < n; k++) h = Math.imul(h, 16777619) ^ Math.imul(wh[i + k], MULT[k & 7]) | 0;
        sh.push(fmix32(h >>> 0));
      }
    }
    return this.densified(sh);
  }
  /**
   * One-permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle is
   * hashed once into one of numPerm bins (keeping the minimum per bin); an empty bin borrows the
   * value of a bin picked by a hash sequence. The fraction of equal bins estimates Jaccard like
   * classic MinHash at O(shingles + numPerm) instead of O(shingles × numPerm).
   */
  densified(sh) {
    const sig = this.sig;
    const k = sig.length;
    const seed = this.a[0];
    sig.fill(4294967295);
    const filled = this.filled;
    filled.fill(0);
    for (let j = 0; j < sh.length; j++) {
      const x = sh[j];
      const bin = x % k;
      const v = fmix32((x ^ seed) >>> 0);
      if (v < sig[bin] || !filled[bin]) {
        sig[bin] = v;
        filled[bin] = 1;
      }
    }
    for (let i = 0; i < k; i++) {
      if (filled[i]) continue;
      for (let attempt = 1; ; attempt++) {
        const src = fmix32((Math.imul(i + 1, 2654435761) ^ Math.imul(attempt, 2246822507)) >>> 0) % k;
        if (filled[src]) {
          sig[i] = sig[src];
          break;
        }
      }
    }
    return sig;
  }
};
var PAGE_BITS = 14;
var PAGE_RECORDS = 1 << PAGE_BITS;
var PAGE_MASK = PAGE_RECORDS - 1;
var LshIndex = class {
  constructor(numPerm, threshold) {
    this.numPerm = numPerm;
    this.threshold = threshold;
    const p = lshParams(threshold, numPerm);
    this.bands = p.bands;
    this.rows = p.rows;
    this.keys = new Int32Array(1024);
    this.vals = new Int32Array(1024);
  }
  numPerm;
  threshold;
  bands;
  rows;
  keys;
  vals;
  entries = 0;
  /** 8-bit signatures in fixed pages: growing never copies (no transient double memory). */
  pages = [];
  n = 0;
  get size() {
    return this.n;
  }
  /** Best match among indexed records: its index and estimated Jaccard, or undefined. */
  query(sig) {
    let best;
    const mask = this.keys.length - 1;
    for (let band = 0; band < this.bands; band++) {
      const key = this.bandKey(sig, band);
      let i = key & mask;
      while (this.keys[i] !== 0) {
        if (this.keys[i] === key) {
          const idx = this.vals[i];
          if (best === void 0 || best.index !== idx) {
            const sim = this.similarity(sig, idx);
            if (sim >= this.threshold && (best === void 0 || sim > best.similarity)) best = { index: idx, similarity: sim };
          }
        }
        i = i + 1 & mask;
      }
      if (best && best.similarity >= 0.999) break;
    }
    return best;
  }
  /** Index a signature; returns its index. */
  add(sig) {
    const idx = this.n++;
    if ((idx & PAGE_MASK) === 0) this.pages.push(new Uint8Array(PAGE_RECORDS * this.numPerm));
    const page = this.pages[idx >>> PAGE_BITS];
    const off = (idx & PAGE_MASK) * this.numPerm;
    for (let i = 0; i < this.numPerm; i++) page[off + i] = sig[i] & 255;
    for (let band = 0; band < this.bands; band++) this.insert(this.bandKey(sig, band), idx);
    return idx;
  }
  similarity(sig, idx) {
    const page = this.pages[idx >>> PAGE_BITS];
    const off = (idx & PAGE_MASK) * this.numPerm;
    let eq = 0;
    for (let i = 0; i < this.numPerm; i++) if (page[off + i] === (sig[i] & 255)) eq++;
    const c = 1 / 256;
    return Math.max(0, (eq / this.numPerm - c) / (1 - c));
  }
  bandKey(sig, band) {
    let h = fmix32(band + 5369127);
    const start = band * this.rows;
    for (let i = start; i < start + this.rows; i++) h = fmix32((h ^ sig[i]) >>> 0);
    return h === 0 ? 1 : h | 0;
  }
  insert(key, idx) {
    if ((this.entries + 1) * 4 > this.keys.length * 3) this.grow();
    const mask = this.keys.length - 1;
    let i = key & mask;
    while (this.keys[i] !== 0) i = i + 1 & mask;
    this.keys[i] = key;
    this.vals[i] = idx;
    this.entries++;
  }
  grow() {
    const { keys, vals } = this;
    this.keys = new Int32Array(pow2(keys.length * 2));
    this.vals = new Int32Array(this.keys.length);
    this.entries = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.insert(keys[i], vals[i]);
  }
};

// src/core/data/dedupe.ts
var defaultDedupeOptions = { ...defaultMinHashOptions, near: true, exampleLimit: 20 };
var Locations = class {
  files = [];
  fileIdx = new Uint16Array(1024);
  pos = new Int32Array(1024);
  isRow = new Uint8Array(1024);
  n = 0;
  push(loc) {
    let f = this.files.length > 0 && this.files[this.files.length - 1] === loc.file ? this.files.length - 1 : this.files.indexOf(loc.file);
    if (f === -1) f = this.files.push(loc.file) - 1;
    if (this.n === this.pos.length) {
      const grow = (a, make) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.fileIdx = grow(this.fileIdx, (n) => new Uint16Array(n));
      this.pos = grow(this.pos, (n) => new Int32Array(n));
      this.isRow = grow(this.isRow, (n) => new Uint8Array(n));
    }
    this.fileIdx[this.n] = f;
    this.pos[this.n] = loc.line ?? loc.row ?? 0;
    this.isRow[this.n] = loc.line === void 0 ? 1 : 0;
    return this.n++;
  }
  get(i) {
    const file = this.files[this.fileIdx[i]];
    return this.isRow[i] ? { file, row: this.pos[i] } : { file, line: this.pos[i] };
  }
};
var Deduper = class {
  constructor(opts = defaultDedupeOptions) {
    this.opts = opts;
    if (opts.near) {
      this.hasher = new MinHasher(opts);
      this.lsh = new LshIndex(opts.numPerm, opts.threshold);
    }
    this.summary = {
      records: 0,
      unique: 0,
      exact: 0,
      near: 0,
      threshold: opts.threshold,
      method: opts.near ? `exact: 64-bit hash of NFC/lower-cased/whitespace-collapsed text; near: MinHash (${opts.numPerm} permutations, ${opts.shingle}-word shingles), LSH ${this.lsh.bands}\xD7${this.lsh.rows}, Jaccard \u2265 ${opts.threshold}` : "exact: 64-bit hash of NFC/lower-cased/whitespace-collapsed text",
      examples: []
    };
  }
  opts;
  exactMap = new Hash64Map(1024);
  hasher;
  lsh;
  locs = new Locations();
  /** LSH index → location index (only kept records are indexed). */
  lshToLoc = new Int32Array(1024);
  summary;
  /** Check a record's text; a record that is not a duplicate is remembered for later ones. */
  check(text, at) {
    this.summary.records++;
    const norm = normalizeText(text);
    const [hi, lo] = hash64(norm);
    const locIdx = this.locs.push(at);
    const prev = this.exactMap.setIfAbsent(hi, lo, locIdx);
    if (prev !== -1) return this.hit({ kind: "exact", of: this.locs.get(prev), similarity: 1 }, at, "exact");
    if (this.hasher && this.lsh) {
      const sig = this.hasher.signature(norm);
      const near = this.lsh.query(sig);
      if (near) return this.hit({ kind: "near", of: this.locs.get(this.lshToLoc[near.index]), similarity: near.similarity }, at, "near");
      const idx = this.lsh.add(sig);
      if (idx >= this.lshToLoc.length) {
        const g = new Int32Array(this.lshToLoc.length * 2);
        g.set(this.lshToLoc);
        this.lshToLoc = g;
      }
      this.lshToLoc[idx] = locIdx;
    }
    this.summary.unique++;
    return void 0;
  }
  result() {
    return this.summary;
  }
  hit(h, at, kind) {
    this.summary[kind]++;
    if (this.summary.examples.length < this.opts.exampleLimit) this.summary.examples.push({ ...h, at });
    return h;
  }
};

// src/core/data/validate.ts
import { Buffer as Buffer2, isUtf8 } from "node:buffer";

// src/core/data/line-splitter.ts
import { Buffer } from "node:buffer";
var STOP = true;
var LineSplitter = class {
  constructor(sink, maxLineBytes) {
    this.sink = sink;
    this.maxLineBytes = maxLineBytes;
  }
  sink;
  maxLineBytes;
  // A Buffer (not a bare Uint8Array) so line views decode without another wrapper.
  carry = Buffer.alloc(0);
  carryLen = 0;
  skipping = false;
  skippedBytes = 0;
  lineNo = 0;
  stopped = false;
  get lines() {
    return this.lineNo;
  }
  push(chunk) {
    let pos = 0;
    const n = chunk.length;
    while (pos < n && !this.stopped) {
      const nl = chunk.indexOf(10, pos);
      const end = nl === -1 ? n : nl;
      if (this.skipping) {
        this.skippedBytes += end - pos;
      } else if (this.carryLen + (end - pos) > this.maxLineBytes) {
        this.skipping = true;
        this.skippedBytes = this.carryLen + (end - pos);
        this.carryLen = 0;
      } else if (nl !== -1 && this.carryLen === 0) {
        this.lineNo++;
        if (this.sink.line(chunk.subarray(pos, end), this.lineNo, true, true) === STOP) this.stopped = true;
        pos = nl + 1;
        continue;
      } else {
        this.append(chunk, pos, end);
      }
      if (nl === -1) break;
      this.finishLine(true);
      pos = nl + 1;
    }
  }
  /** Call once after the last chunk. */
  end() {
    if (this.stopped) return;
    if (this.skipping || this.carryLen > 0) this.finishLine(false);
  }
  finishLine(terminated) {
    this.lineNo++;
    let r;
    if (this.skipping) {
      r = this.sink.tooLong(this.lineNo, this.skippedBytes);
      this.skipping = false;
      this.skippedBytes = 0;
    } else {
      r = this.sink.line(this.carry.subarray(0, this.carryLen), this.lineNo, terminated, false);
      this.carryLen = 0;
    }
    if (r === STOP) this.stopped = true;
  }
  append(chunk, start, end) {
    const need = this.carryLen + (end - start);
    if (need > this.carry.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, Math.min(Math.max(this.carry.length * 2, 64 * 1024), this.maxLineBytes)));
      grown.set(this.carry.subarray(0, this.carryLen));
      this.carry = grown;
    }
    this.carry.set(chunk.subarray(start, end), this.carryLen);
    this.carryLen = need;
  }
};

// src/core/data/json-keys.ts
function countRawKeys(text) {
  let count = 0;
  let i = text.indexOf('"');
  while (i !== -1) {
    let j = text.indexOf('"', i + 1);
    while (j !== -1 && isEscaped(text, j)) j = text.indexOf('"', j + 1);
    if (j === -1) return count;
    let k = j + 1;
    let c = text.charCodeAt(k);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++k);
    if (c === 58) count++;
    i = text.indexOf('"', k);
  }
  return count;
}
function isEscaped(text, quote) {
  let n = 0;
  for (let p = quote - 1; text.charCodeAt(p) === 92; p--) n++;
  return (n & 1) === 1;
}
function countParsedKeys(value) {
  if (value === null || typeof value !== "object") return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      if (typeof x === "object" && x !== null) n += countParsedKeys(x);
    }
    return n;
  }
  const obj = value;
  for (const k in obj) {
    n++;
    const x = obj[k];
    if (typeof x === "object" && x !== null) n += countParsedKeys(x);
  }
  return n;
}
function findDuplicateKey(text) {
  const s = new Scanner(text);
  try {
    s.value("");
  } catch (found) {
    if (found instanceof Found) return found.dup;
    throw found;
  }
  return void 0;
}
var Found = class {
  constructor(dup) {
    this.dup = dup;
  }
  dup;
};
var Scanner = class {
  constructor(t) {
    this.t = t;
  }
  t;
  pos = 0;
  value(path) {
    this.ws();
    const c = this.t[this.pos];
    if (c === "{") return this.object(path);
    if (c === "[") return this.array(path);
    if (c === '"') {
      this.string();
      return;
    }
    while (this.pos < this.t.length && !",]} 	\r\n".includes(this.t[this.pos])) this.pos++;
  }
  object(path) {
    this.pos++;
    const seen = /* @__PURE__ */ new Set();
    this.ws();
    if (this.t[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (; ; ) {
      this.ws();
      const key = this.string();
      if (seen.has(key)) throw new Found({ path, key });
      seen.add(key);
      this.ws();
      this.pos++;
      this.value(path === "" ? key : `${path}.${key}`);
      this.ws();
      if (this.t[this.pos++] === "}") return;
    }
  }
  array(path) {
    this.pos++;
    this.ws();
    if (this.t[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      this.value(`${path}[${i}]`);
      this.ws();
      if (this.t[this.pos++] === "]") return;
    }
  }
  string() {
    const start = this.pos;
    let j = this.t.indexOf('"', start + 1);
    while (j !== -1 && isEscaped(this.t, j)) j = this.t.indexOf('"', j + 1);
    this.pos = j + 1;
    return JSON.parse(this.t.slice(start, j + 1));
  }
  ws() {
    let c = this.t.charCodeAt(this.pos);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = this.t.charCodeAt(++this.pos);
  }
};

// src/core/data/formats.ts
var ROLES = ["system", "user", "assistant", "tool"];
var ROLE_SET = new Set(ROLES);
var defaultFormatOptions = { requireAssistant: true };
function detectFormat(rec) {
  if ("messages" in rec) return "chat";
  if ("chosen" in rec && "rejected" in rec) return "preference";
  if ("instruction" in rec && "output" in rec) return "instruction";
  if ("prompt" in rec && "completion" in rec) return "completion";
  return void 0;
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
function checkRecord(format, rec, report, opts) {
  switch (format) {
    case "chat":
      return checkMessages(rec.messages, "messages", report, opts.requireAssistant);
    case "instruction":
      return checkString(rec, "instruction", report, true) & checkString(rec, "input", report, false) & checkString(rec, "output", report, true) ? true : false;
    case "completion":
      return checkString(rec, "prompt", report, true) & checkString(rec, "completion", report, true) ? true : false;
    case "preference":
      return checkPreference(rec, report, opts);
  }
}
function checkString(rec, key, report, required) {
  const v = rec[key];
  if (typeof v === "string") {
    if (required && v.trim() === "") report("warning", "empty_field", key, `"${key}" is empty`);
    return 1;
  }
  if (v === void 0) {
    if (!required) return 1;
    report("error", "missing_field", key, `"${key}" is required`);
    return 0;
  }
  report("error", "wrong_type", key, `"${key}" must be a string, got ${typeName(v)}`);
  return 0;
}
function checkPreference(rec, report, opts) {
  let ok = true;
  for (const key of ["prompt", "chosen", "rejected"]) {
    const v = rec[key];
    if (typeof v === "string") continue;
    if (Array.isArray(v)) {
      ok = checkMessages(v, key, report, key !== "prompt" && opts.requireAssistant) && ok;
      continue;
    }
    if (v === void 0 && key === "prompt") continue;
    report("error", v === void 0 ? "missing_field" : "wrong_type", key, `"${key}" must be a string or a list of messages, got ${typeName(v)}`);
    ok = false;
  }
  if (ok && JSON.stringify(rec.chosen) === JSON.stringify(rec.rejected)) {
    report("warning", "chosen_equals_rejected", "chosen", `"chosen" and "rejected" are identical: the pair teaches nothing`);
  }
  return ok;
}
function checkMessages(v, path, report, requireAssistant) {
  if (!Array.isArray(v)) {
    report("error", v === void 0 ? "missing_field" : "wrong_type", path, `"${path}" must be a list of messages, got ${typeName(v)}`);
    return false;
  }
  if (v.length === 0) {
    report("error", "empty_messages", path, `"${path}" is empty`);
    return false;
  }
  let ok = true;
  let assistantTurns = 0;
  let pendingToolCalls = false;
  for (let i = 0; i < v.length; i++) {
    const m = v[i];
    if (!isPlainObject(m)) {
      report("error", "wrong_type", `${path}[${i}]`, `a message must be an object, got ${typeName(m)}`);
      ok = false;
      continue;
    }
    const role = m.role;
    if (role === void 0) {
      report("error", "missing_role", `${path}[${i}].role`, `message has no "role" (one of ${ROLES.join(", ")})`);
      ok = false;
      continue;
    }
    if (typeof role !== "string" || !ROLE_SET.has(role)) {
      const hint = typeof role === "string" ? closest(role, ROLES) : void 0;
      report("error", "unknown_role", `${path}[${i}].role`, `unknown role ${JSON.stringify(role)}; expected one of ${ROLES.join(", ")}${hint ? ` (did you mean "${hint}"?)` : ""}`);
      ok = false;
      continue;
    }
    const hasToolCalls = role === "assistant" && m.tool_calls !== void 0 && m.tool_calls !== null;
    if (hasToolCalls && !checkToolCalls(m.tool_calls, `${path}[${i}].tool_calls`, report)) ok = false;
    if (!checkContent(m.content, `${path}[${i}].content`, report, hasToolCalls)) ok = false;
    if (role === "system" && i > 0) report("warning", "late_system", `${path}[${i}].role`, `a system message after the first turn is unusual; most chat templates expect it first`);
    if (role === "tool" && !pendingToolCalls) report("warning", "orphan_tool_message", `${path}[${i}]`, `a tool message with no assistant tool call before it`);
    if (role === "assistant") {
      assistantTurns++;
      pendingToolCalls = hasToolCalls;
    } else if (role !== "tool") pendingToolCalls = false;
  }
  if (ok && requireAssistant && assistantTurns === 0) {
    report("error", "no_assistant_turn", path, `no assistant turn: training needs at least one assistant message to learn from`);
    return false;
  }
  return ok;
}
function checkContent(c, path, report, nullable) {
  if (typeof c === "string") return true;
  if ((c === null || c === void 0) && nullable) return true;
  if (c === void 0) {
    report("error", "missing_field", path, `message has no "content"`);
    return false;
  }
  if (Array.isArray(c)) {
    for (let j = 0; j < c.length; j++) {
      const part = c[j];
      if (!isPlainObject(part) || typeof part.type !== "string") {
        report("error", "wrong_type", `${path}[${j}]`, `a content part must be an object with a string "type"`);
        return false;
      }
      if (part.type === "text" && typeof part.text !== "string") {
        report("error", "wrong_type", `${path}[${j}].text`, `a text part needs a string "text", got ${typeName(part.text)}`);
        return false;
      }
    }
    return true;
  }
  report("error", "wrong_type", path, `"content" must be a string or a list of parts, got ${typeName(c)}`);
  return false;
}
function checkToolCalls(v, path, report) {
  if (!Array.isArray(v)) {
    report("error", "wrong_type", path, `"tool_calls" must be a list, got ${typeName(v)}`);
    return false;
  }
  for (let j = 0; j < v.length; j++) {
    const call = v[j];
    const fn = isPlainObject(call) ? call.function : void 0;
    if (!isPlainObject(fn) || typeof fn.name !== "string" || fn.name === "") {
      report("error", "wrong_type", `${path}[${j}].function.name`, `a tool call needs "function": {"name": string, "arguments": string|object}`);
      return false;
    }
    if (fn.arguments !== void 0 && typeof fn.arguments !== "string" && !isPlainObject(fn.arguments)) {
      report("error", "wrong_type", `${path}[${j}].function.arguments`, `"arguments" must be a JSON string or an object, got ${typeName(fn.arguments)}`);
      return false;
    }
  }
  return true;
}
function contentText(c) {
  if (typeof c === "string") return c;
  if (Array.isArray(c)) {
    let s = "";
    for (const p of c) if (isPlainObject(p) && typeof p.text === "string") s += (s ? "\n" : "") + p.text;
    return s;
  }
  return "";
}
function recordTexts(format, rec) {
  switch (format) {
    case "chat": {
      const msgs = Array.isArray(rec.messages) ? rec.messages : [];
      let prompt = "";
      let full = "";
      let system = "";
      for (const m of msgs) {
        if (!isPlainObject(m)) continue;
        const t = contentText(m.content);
        if (m.role === "user") prompt += (prompt ? "\n" : "") + t;
        if (m.role !== "system") full += (full ? "\n" : "") + t;
        else system += (system ? "\n" : "") + t;
      }
      return { prompt, full, system };
    }
    case "instruction": {
      const prompt = [rec.instruction, rec.input].filter((s) => typeof s === "string" && s !== "").join("\n");
      return { prompt, full: `${prompt}
${typeof rec.output === "string" ? rec.output : ""}` };
    }
    case "completion":
      return { prompt: String(rec.prompt ?? ""), full: `${String(rec.prompt ?? "")}${String(rec.completion ?? "")}` };
    case "preference": {
      const p = side(rec.prompt);
      return { prompt: p, full: `${p}
${side(rec.chosen)}
${side(rec.rejected)}` };
    }
    case "custom": {
      const s = stableStringify(rec);
      return { prompt: s, full: s };
    }
  }
}
function side(v) {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((m) => isPlainObject(m) ? contentText(m.content) : "").join("\n");
  return "";
}

// src/core/data/validate.ts
var defaultValidateOptions = {
  format: "auto",
  maxErrors: 1e3,
  reportLimit: 50,
  maxLineBytes: 16 * 1024 * 1024,
  strict: false,
  formatOptions: defaultFormatOptions
};
var BOM = [239, 187, 191];
var DatasetValidator = class {
  opts;
  files = [];
  issues = [];
  errorsByKind = {};
  warningsByKind = {};
  errors = 0;
  warnings = 0;
  stopped = false;
  visitors = [];
  // per-file state
  cur;
  loc = { file: "" };
  recordErrors = 0;
  constructor(opts = {}) {
    this.opts = { ...defaultValidateOptions, ...opts };
    if (this.opts.format === "custom" && !this.opts.customCheck) {
      this.opts.customCheck = () => [];
    }
  }
  /** Call `fn` with each valid record. */
  onRecord(fn) {
    this.visitors.push(fn);
    return this;
  }
  get budgetSpent() {
    return this.stopped;
  }
  /** Validate one JSONL file given as a stream of byte chunks (chunks may reuse one buffer). */
  async validateJsonl(file, kind, bytes, chunks) {
    this.beginFile(file, kind, bytes);
    const lineLoc = { file, line: 0 };
    let chunkUtf8 = false;
    let sawBytes = false;
    let crlf = 0;
    const splitter = new LineSplitter(
      {
        line: (buf, lineNo, terminated, inChunk) => {
          lineLoc.line = lineNo;
          this.loc = lineLoc;
          let end = buf.length;
          if (end > 0 && buf[end - 1] === 13) {
            end--;
            if (crlf++ === 0) this.add("warning", "crlf", "", "lines end with CRLF (\\r\\n); JSONL tools accept it, `llmops data clean` rewrites them with \\n");
          }
          let start = 0;
          if (lineNo === 1 && end >= 3 && buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2]) {
            start = 3;
            this.add("warning", "bom", "", "the file starts with a UTF-8 byte order mark; it was skipped (`llmops data clean` removes it)");
          }
          this.line(start === 0 && end === buf.length ? buf : buf.subarray(start, end), terminated, inChunk && chunkUtf8);
          return this.stopped ? STOP : void 0;
        },
        tooLong: (lineNo, len) => {
          this.loc = { file, line: lineNo };
          this.cur.records++;
          this.cur.invalid++;
          this.add("error", "line_too_long", "", `line is ${len} bytes, over the limit of ${this.opts.maxLineBytes} bytes (raise --max-line-bytes if it is meant to be)`);
          return this.stopped ? STOP : void 0;
        }
      },
      this.opts.maxLineBytes
    );
    try {
      for await (const chunk of chunks) {
        if (chunk.length > 0) sawBytes = true;
        const lastNl = chunk.lastIndexOf(10);
        chunkUtf8 = lastNl >= 0 && isUtf8(chunk.subarray(0, lastNl + 1));
        splitter.push(chunk);
        if (splitter.stopped) break;
      }
      splitter.end();
    } catch (err) {
      this.loc = { file, line: splitter.lines + 1 };
      this.add("error", "read_error", "", `cannot read the file: ${err instanceof Error ? err.message : String(err)}${kind === "jsonl.gz" ? " (is the gzip file truncated or corrupted?)" : ""}`);
    }
    if (!sawBytes) {
      this.loc = { file };
      this.add("error", "empty_file", "", "the file is empty");
    }
    if (splitter.stopped || this.stopped) this.cur.stoppedEarly = true;
    return this.endFile();
  }
  /** Validate a Parquet file, row group by row group; a read failure is reported, not thrown. */
  async validateParquet(file, bytes, groups) {
    this.beginFile(file, "parquet", bytes);
    try {
      outer: for await (const g of groups) {
        for (let i = 0; i < g.rows.length; i++) {
          this.loc = { file, rowGroup: g.rowGroup, row: g.firstRow + i };
          this.cur.records++;
          this.record(g.rows[i]);
          if (this.stopped) {
            this.cur.stoppedEarly = true;
            break outer;
          }
        }
      }
    } catch (err) {
      this.loc = { file };
      this.add("error", "invalid_parquet", "", `cannot read as Parquet: ${err instanceof Error ? err.message : String(err)} (is the file truncated or corrupted?)`);
    }
    if (this.cur.records === 0 && this.errors === 0) {
      this.loc = { file };
      this.add("error", "empty_file", "", "the Parquet file has no rows");
    }
    return this.endFile();
  }
  /** Record a problem with a whole file (unreadable, unsupported). */
  fileError(file, kind, message) {
    this.loc = { file };
    this.add("error", kind, "", message);
  }
  /** Report a problem found by a visitor (duplicate, leakage) at a record's location. */
  addIssue(loc, severity, kind, path, message) {
    const saved = this.loc;
    this.loc = { ...loc };
    this.add(severity, kind, path, message);
    this.loc = saved;
  }
  report() {
    const valid = this.files.reduce((n, f) => n + f.valid, 0);
    const records = this.files.reduce((n, f) => n + f.records, 0);
    return {
      files: this.files,
      records,
      valid,
      invalid: records - valid,
      errors: this.errors,
      warnings: this.warnings,
      errorsByKind: this.errorsByKind,
      warningsByKind: this.warningsByKind,
      issues: this.issues,
      stoppedEarly: this.stopped
    };
  }
  beginFile(file, kind, bytes) {
    this.cur = { file, kind, bytes, records: 0, valid: 0, invalid: 0, format: this.opts.format === "auto" ? null : this.opts.format, stoppedEarly: false };
    this.loc = { file };
  }
  endFile() {
    this.files.push(this.cur);
    return this.cur;
  }
  line(bytes, terminated, knownUtf8) {
    this.cur.records++;
    if (bytes.length === 0 || isBlank(bytes)) {
      this.cur.records--;
      this.add("warning", "blank_line", "", "blank line (skipped)");
      return;
    }
    let text;
    if (knownUtf8 || isUtf8(bytes)) text = decodeUtf8(bytes);
    else {
      this.cur.invalid++;
      const at = firstInvalidUtf8(bytes);
      this.add("error", "invalid_utf8", "", `invalid UTF-8 at byte ${at + 1} of the line (re-encode the file as UTF-8)`);
      return;
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.cur.invalid++;
      const why = err instanceof Error ? err.message : String(err);
      if (!terminated) this.add("error", "truncated_line", "", `the last line is cut off (no newline at the end and not valid JSON: ${why}); was the file written completely?`);
      else this.add("error", "invalid_json", "", `not valid JSON: ${why}`);
      return;
    }
    if (!isPlainObject(value)) {
      this.cur.invalid++;
      this.add("error", "not_an_object", "", `each line must be a JSON object, got ${typeName(value)}`);
      return;
    }
    if (countRawKeys(text) !== countParsedKeys(value)) {
      const dup = findDuplicateKey(text);
      if (dup) {
        this.cur.invalid++;
        this.add("error", "duplicate_key", dup.path === "" ? dup.key : `${dup.path}.${dup.key}`, `key ${JSON.stringify(dup.key)} appears twice in the same object; JSON parsers silently keep only the last`);
        return;
      }
    }
    this.record(value);
  }
  record(value) {
    if (!isPlainObject(value)) {
      this.cur.invalid++;
      this.add("error", "not_an_object", "", `a record must be an object, got ${typeName(value)}`);
      return;
    }
    let format = this.cur.format;
    const detected = format === "custom" ? void 0 : detectFormat(value);
    if (format === null) {
      if (!detected) {
        this.cur.invalid++;
        this.add("error", "unknown_format", "", `cannot tell the format from the keys ${JSON.stringify(Object.keys(value).slice(0, 8))}; expected chat (messages), instruction (instruction/output), completion (prompt/completion) or preference (prompt/chosen/rejected); pass --format or --schema`);
        return;
      }
      format = this.cur.format = detected;
    } else if (format !== "custom" && detected !== void 0 && detected !== format) {
      this.cur.invalid++;
      this.add("error", "format_mismatch", "", `this record looks like ${detected} but the file is ${format}`);
      return;
    }
    this.recordErrors = 0;
    if (format === "custom") {
      for (const i of this.opts.customCheck(value)) this.add("error", "schema", i.path, i.message);
    } else {
      checkRecord(format, value, this.reportFn, this.opts.formatOptions);
    }
    if (this.recordErrors > 0) {
      this.cur.invalid++;
      return;
    }
    this.cur.valid++;
    if (this.visitors.length > 0) {
      const ctx = { ...this.loc, format };
      for (const v of this.visitors) v(value, ctx);
    }
  }
  reportFn = (severity, kind, path, message) => this.add(severity, kind, path, message);
  add(severity, kind, path, message) {
    if (severity === "warning" && this.opts.strict) severity = "error";
    if (severity === "error") {
      this.errors++;
      this.recordErrors++;
      this.errorsByKind[kind] = (this.errorsByKind[kind] ?? 0) + 1;
      if (this.errors >= this.opts.maxErrors) this.stopped = true;
    } else {
      this.warnings++;
      this.warningsByKind[kind] = (this.warningsByKind[kind] ?? 0) + 1;
    }
    if (this.issues.length < this.opts.reportLimit) this.issues.push({ ...this.loc, severity, kind, path, message });
  }
};
function decodeUtf8(b) {
  return b instanceof Buffer2 ? b.toString("utf8") : Buffer2.from(b.buffer, b.byteOffset, b.length).toString("utf8");
}
function isBlank(b) {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
function firstInvalidUtf8(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 128 ? 0 : c >= 194 && c < 224 ? 1 : c >= 224 && c < 240 ? 2 : c >= 240 && c < 245 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 192) !== 128) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

// src/core/data/user-schema.ts
var import_ajv = __toESM(require_ajv(), 1);
var Ajv = import_ajv.default.default ?? import_ajv.default;
function compileUserSchema(schema, file) {
  if (typeof schema !== "object" || schema === null) throw new ConfigError(`${file}: a JSON Schema must be an object`);
  let validate;
  try {
    validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
  } catch (err) {
    throw new ConfigError(`${file}: not a valid JSON Schema: ${err instanceof Error ? err.message : String(err)}`);
  }
  return (rec) => {
    if (validate(rec)) return [];
    return (validate.errors ?? []).map((e) => ({
      path: e.instancePath.replace(/^\//, "").replace(/\/(\d+)(?=\/|$)/g, "[$1]").replace(/\//g, "."),
      message: `${e.message ?? "does not match the schema"}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`
    }));
  };
}

// src/cli/commands/data-common.ts
var VALIDATION = ["format", "schema", "max-errors", "report", "max-line-bytes", "strict", "allow-no-assistant"];
var CHECKS = ["eval-cases", "allow-leakage", "dedupe", "near-threshold", "fail-on-duplicates"];
var validationFlags = flagsOf(VALIDATION);
var checkFlags = flagsOf(CHECKS);
var validationOptionHelp = renderCliHelp(pickOptions(DATA_VALIDATE_OPTIONS, VALIDATION), { column: 23, helpLine: false });
var checkOptionHelp = renderCliHelp(pickOptions(DATA_VALIDATE_OPTIONS, CHECKS), { column: 23, helpLine: false });
function flagsOf(keys) {
  return keys.map((k) => cliFlag(k, DATA_VALIDATE_OPTIONS[k]));
}
function dataValues(values) {
  return readCliValues(DATA_VALIDATE_OPTIONS, values);
}
async function createValidator(ctx, values) {
  const v = dataValues(values);
  const opts = {
    format: v.format ?? "auto",
    strict: v.strict ?? false,
    formatOptions: { requireAssistant: !v["allow-no-assistant"] }
  };
  const maxErrors = v["max-errors"];
  const report = v.report;
  const maxLine = v["max-line-bytes"];
  if (maxErrors !== void 0) opts.maxErrors = maxErrors;
  if (report !== void 0) opts.reportLimit = report;
  if (maxLine !== void 0) opts.maxLineBytes = maxLine;
  if (v.schema !== void 0) {
    const path = ctx.resolvePath(v.schema);
    let text;
    try {
      text = await readFile(path, "utf8");
    } catch {
      throw new ConfigError(`--schema ${v.schema}: cannot read the file`);
    }
    let schema;
    try {
      schema = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`${v.schema}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    opts.customCheck = compileUserSchema(schema, v.schema);
    if (opts.format === "auto") opts.format = "custom";
  }
  return new DatasetValidator(opts);
}
function dataFiles(ctx, names, what = "data files") {
  if (names.length === 0) throw new InputError(`no ${what} given`, { hint: "name one or more .jsonl, .jsonl.gz or .parquet files" });
  return names.map((n) => ({ path: ctx.resolvePath(n), shown: n }));
}
function displayPath(ctx, abs) {
  const rel = relative(ctx.cwd, abs).split("\\").join("/");
  if (rel === "") return ".";
  return rel === ".." || rel.startsWith("../") || isAbsolute(rel) ? abs : rel;
}
function dedupeFrom(values, fallback) {
  const v = dataValues(values);
  const threshold = v["near-threshold"] ?? 0.9;
  const mode = v.dedupe ?? fallback;
  return { dedupe: mode === "none" ? null : { ...defaultDedupeOptions, near: mode === "near", threshold }, threshold };
}
function checkOptionsFrom(ctx, values, files, dedupeFallback, manifestDir) {
  const v = dataValues(values);
  const { dedupe, threshold } = dedupeFrom(values, dedupeFallback);
  return {
    dedupe,
    evalFiles: (v["eval-cases"] ?? []).map((e) => ({ path: ctx.resolvePath(e), shown: e })),
    threshold,
    allowLeakage: v["allow-leakage"] ?? false,
    failOnDuplicates: v["fail-on-duplicates"] ?? false,
    manifestDir: manifestDir || dirname(files[0].path)
  };
}

export {
  isPlainObject,
  typeName,
  recordTexts,
  defaultMinHashOptions,
  MinHasher,
  LshIndex,
  Deduper,
  formatLocation,
  formatIssue,
  LineSplitter,
  DATA_VALIDATE_OPTIONS,
  validationFlags,
  checkFlags,
  validationOptionHelp,
  checkOptionHelp,
  createValidator,
  dataFiles,
  displayPath,
  dedupeFrom,
  checkOptionsFrom
};
