#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  gitInfo
} from "./chunk-2QRRESIB.js";
import {
  F64List,
  NEW_CASES_DIR,
  newCaseSetOf
} from "./chunk-7BB4NWCM.js";
import {
  backoffDelay,
  compilePrompt,
  createScorers,
  loadSuite,
  parseRetryAfter,
  prepareRemoteScores,
  take
} from "./chunk-4H2JUU47.js";
import "./chunk-6W2UH7JM.js";
import {
  RESULT_LINE_TAG,
  SUMMARY_TAG,
  readResultLine,
  resultLineFormat,
  summaryFormat,
  writeResultLine
} from "./chunk-P72PG663.js";
import {
  bootstrapCorpus,
  capHeapGrowth,
  cohenKappa,
  collectGarbage,
  kappaBootstrap,
  observedAgreement,
  quantileSorted,
  tQuantile,
  wilsonInterval
} from "./chunk-6OGLGLVE.js";
import {
  evalShardFormat,
  responseCacheEntryFormat
} from "./chunk-466LK4FJ.js";
import "./chunk-OMAMCZPV.js";
import {
  neutralizeLogText
} from "./chunk-GJQNAOJI.js";
import "./chunk-FEQYUUYF.js";
import {
  sha256
} from "./chunk-XJB2EXL5.js";
import {
  displayPath
} from "./chunk-COWQ2BI6.js";
import "./chunk-6IFSKJTY.js";
import "./chunk-SDLTUNJ6.js";
import {
  sha256File
} from "./chunk-6SZRFP6W.js";
import {
  systemClock
} from "./chunk-7UTCAK64.js";
import "./chunk-RXEJENBW.js";
import "./chunk-LXJ4T7MW.js";
import "./chunk-GUNOHTC3.js";
import {
  ProviderError
} from "./chunk-YIDI3EDI.js";
import "./chunk-UO2TN4KU.js";
import {
  abortOnSignals
} from "./chunk-AISGCEWY.js";
import "./chunk-EI544OTC.js";
import {
  stableStringify
} from "./chunk-XYQJ7XHL.js";
import {
  cliParseConfig,
  defineOptions,
  json,
  quiet,
  readCliValues,
  renderCliHelp
} from "./chunk-KG2AKHTK.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import "./chunk-VQI3AYYW.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  requirePositional
} from "./chunk-OYI2I6OM.js";
import "./chunk-XQ6Z47X5.js";
import {
  ConfigError,
  ExternalError,
  InputError,
  InternalError,
  ProcessExitError
} from "./chunk-LXVW643N.js";
import "./chunk-H2E2EDID.js";
import "./chunk-TQEUFEDE.js";

// src/app/eval/run-suite.ts
import { existsSync as existsSync3, mkdirSync as mkdirSync2, renameSync as renameSync3, rmSync as rmSync2, statSync as statSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { homedir } from "node:os";
import { dirname as dirname4, isAbsolute, join as join4, relative, resolve } from "node:path";

// src/core/eval/plan.ts
var INPUT_SLOT = "\0llmops:input\0";
var LLAMA_CPP_PENDING_URL = "http://127.0.0.1:0/v1";
function effectiveTarget(suite, o) {
  const provider = o.baseUrl !== void 0 ? "openai-compatible" : suite.target.provider;
  const base = o.baseUrl ?? suite.target.base_url ?? LLAMA_CPP_PENDING_URL;
  return { ...suite.target, provider, base_url: base, model: o.model ?? suite.target.model };
}
function flatParams(params) {
  const { extra, ...named } = params;
  const out = { ...extra };
  for (const [k, v] of Object.entries(named)) if (v !== void 0) out[k] = v;
  return out;
}
function requestParams(params, suiteSeed, repeat, repeats) {
  const out = flatParams(params);
  if (out.seed === void 0 && repeats > 1) out.seed = suiteSeed * 1e3 + repeat;
  return out;
}
var JobPlanner = class {
  constructor(suite, prompt, target, identity) {
    this.prompt = prompt;
    this.target = target;
    this.repeats = suite.repeats;
    this.paramsByRepeat = Array.from({ length: suite.repeats }, (_, repeat) => Object.freeze(requestParams(target.params, suite.seed, repeat, suite.repeats)));
    this.keyFrames = this.paramsByRepeat.map((params, repeat) => {
      const text = stableStringify({
        v: 1,
        provider: target.provider,
        base_url: identity ?? target.base_url.replace(/\/+$/, ""),
        model: target.model,
        api: target.api,
        params,
        input: INPUT_SLOT,
        repeat
      });
      const slot = `"input":${JSON.stringify(INPUT_SLOT)}`;
      const at = text.indexOf(slot) + '"input":'.length;
      return [text.slice(0, at), text.slice(at + JSON.stringify(INPUT_SLOT).length)];
    });
  }
  prompt;
  target;
  // One (frozen) parameters object per repeat, shared by every case's request.
  paramsByRepeat;
  repeats;
  keyFrames;
  /** The jobs of the case at `caseIndex` in the plan (after --limit and --shard), one per repeat. */
  jobsFor(c, caseIndex) {
    const { target } = this;
    const vars = c.input === void 0 ? { ...c.vars } : { ...c.vars, input: c.input };
    const rendered = this.prompt.render(vars, { caseId: c.id, where: c.where });
    const messagesJson = stableStringify(rendered.messages);
    const inputHash = sha256(messagesJson);
    const inputJson = target.api === "chat" ? messagesJson : stableStringify(rendered.text);
    const jobs = [];
    for (let repeat = 0; repeat < this.repeats; repeat++) {
      const params = this.paramsByRepeat[repeat];
      const request = target.api === "chat" ? { api: "chat", model: target.model, messages: rendered.messages, params, stream: target.stream } : { api: "completions", model: target.model, prompt: rendered.text, params, stream: target.stream };
      const [head, tail] = this.keyFrames[repeat];
      const key = sha256(head + inputJson + tail);
      jobs.push({ index: caseIndex * this.repeats + repeat, caseIndex, evalCase: c, repeat, key, inputHash, inputText: rendered.text, request });
    }
    return jobs;
  }
};

// src/core/eval/run-plan.ts
function planRun(cases, planner, select) {
  const limited = select.limit === void 0 ? cases.count : Math.max(0, Math.min(cases.count, select.limit));
  const shard = select.shard;
  const planned = shard ? Math.max(0, Math.ceil((limited - (shard.index - 1)) / shard.count)) : limited;
  const ordinalOf = (s) => {
    if (s < 0 || s >= limited) return -1;
    if (!shard) return s;
    return s % shard.count === shard.index - 1 ? Math.floor(s / shard.count) : -1;
  };
  const repeats = planner.repeats;
  const suiteCases = () => limited < cases.count ? take(cases.stream(), limited) : cases.stream();
  async function* plannedCases() {
    let s = 0;
    let n = 0;
    for await (const c of suiteCases()) {
      if (ordinalOf(s++) >= 0) {
        n++;
        yield c;
      }
    }
    if (n !== planned) throw changedWhileReading(n, planned);
  }
  return {
    size: planned * repeats,
    cases: planned,
    repeats,
    indexOf(caseId, repeat) {
      if (!Number.isInteger(repeat) || repeat < 0 || repeat >= repeats) return -1;
      const ordinal = ordinalOf(cases.ids.get(caseId));
      return ordinal < 0 ? -1 : ordinal * repeats + repeat;
    },
    plannedCases,
    releaseIndex() {
      const bytes = cases.ids.bytes;
      cases.ids.release();
      return bytes;
    },
    // plannedCases inlined (one generator, not two, between the case file and the runner: each is
    // a promise and an iterator result a case), and a loop rather than yield* over the case's jobs
    // (yield* over an array in an async generator wraps it in one more async iterator).
    async *jobs() {
      let s = 0;
      let ordinal = 0;
      for await (const c of suiteCases()) {
        if (ordinalOf(s++) < 0) continue;
        for (const job of planner.jobsFor(c, ordinal++)) yield job;
      }
      if (ordinal !== planned) throw changedWhileReading(ordinal, planned);
    }
  };
}
function changedWhileReading(read, planned) {
  return new ConfigError(`the cases changed while the run was reading them (${read} planned cases read, ${planned} when the suite was loaded)`, { hint: "do not rewrite the case file during a run; run again" });
}

// src/core/eval/deadlines.ts
var ADAPTIVE = { quantile: 0.99, factor: 3, floorMs: 1e3, minSamples: 16, window: 512 };
var HEDGE = { quantile: 0.95, factor: 1.5, floorMs: 50, minSamples: 16 };
var DeadlineExceeded = class extends Error {
  constructor(phase, limitMs, adaptive) {
    super(`${PHASE_WORDS[phase]} within ${formatSeconds(limitMs)}${adaptive ? " (adaptive deadline)" : ""}`);
    this.phase = phase;
    this.limitMs = limitMs;
    this.adaptive = adaptive;
  }
  phase;
  limitMs;
  adaptive;
  name = "DeadlineExceeded";
};
var HedgeLost = class extends Error {
  name = "HedgeLost";
  constructor() {
    super("the hedged copy answered first");
  }
};
var PHASE_WORDS = {
  connect: "no connection",
  headers: "no response headers",
  first_token: "no first token",
  idle: "the response stalled: no data",
  total: "no complete response"
};
function formatSeconds(ms2) {
  const s = ms2 / 1e3;
  return `${s >= 10 ? s.toFixed(0) : s >= 1 ? s.toFixed(1) : s.toFixed(2)}s`;
}
var LatencyWindow = class {
  buf;
  count = 0;
  head = 0;
  sinceSort = Infinity;
  sorted = new Float64Array(0);
  constructor(capacity = ADAPTIVE.window) {
    this.buf = new Float64Array(capacity);
  }
  get size() {
    return this.count;
  }
  add(ms2) {
    if (!Number.isFinite(ms2) || ms2 < 0) return;
    this.buf[this.head] = ms2;
    this.head = (this.head + 1) % this.buf.length;
    if (this.count < this.buf.length) this.count++;
    this.sinceSort++;
  }
  /** Type-7 quantile of the window; NaN when empty. Re-sorted at most every 1/16 of the window. */
  quantile(q) {
    if (this.count === 0) return Number.NaN;
    if (this.sinceSort > Math.max(1, this.count >> 4)) {
      this.sorted = this.buf.slice(0, this.count).sort();
      this.sinceSort = 0;
    }
    const s = this.sorted;
    const h = (s.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }
};
var AdaptiveDeadlines = class {
  constructor(policy) {
    this.policy = policy;
  }
  policy;
  windows = { headers: new LatencyWindow(), first_token: new LatencyWindow(), idle: new LatencyWindow(), request: new LatencyWindow() };
  observe(what, ms2) {
    this.windows[what].add(ms2);
  }
  /** The deadline for a phase now, and whether it came from observations. */
  current(phase) {
    const p = this.policy;
    switch (phase) {
      case "connect":
        return { ms: p.connectMs, adaptive: false };
      case "total":
        return { ms: p.totalMs, adaptive: false };
      case "headers":
        return this.adapt(this.windows.headers, p.headersMs);
      case "first_token":
        return this.adapt(this.windows.first_token, p.firstTokenMs);
      case "idle":
        return this.adapt(this.windows.idle, p.idleMs);
    }
  }
  /** How long a request may be outstanding before a hedge is sent; undefined until enough answers were seen. */
  hedgeDelay() {
    const w = this.windows.request;
    if (w.size < HEDGE.minSamples) return void 0;
    return Math.max(HEDGE.floorMs, HEDGE.factor * w.quantile(HEDGE.quantile));
  }
  /** What summary.json records: the configured maxima and the values in force at the end. */
  snapshot() {
    const ms2 = (phase) => Math.round(this.current(phase).ms);
    return { connect: ms2("connect"), headers: ms2("headers"), first_token: ms2("first_token"), idle: ms2("idle"), total: ms2("total") };
  }
  adapt(w, maxMs) {
    return adaptiveDeadline(this.policy.adaptive ? w : void 0, maxMs);
  }
};
function adaptiveDeadline(w, maxMs) {
  if (!w || w.size < ADAPTIVE.minSamples) return { ms: maxMs, adaptive: false };
  const ms2 = Math.min(maxMs, Math.max(ADAPTIVE.floorMs, ADAPTIVE.factor * w.quantile(ADAPTIVE.quantile)));
  return { ms: ms2, adaptive: ms2 < maxMs };
}
function deadlinePolicy(t) {
  return {
    connectMs: t.connect_s * 1e3,
    headersMs: t.headers_s * 1e3,
    firstTokenMs: t.first_token_s * 1e3,
    idleMs: t.idle_s * 1e3,
    totalMs: t.request_s * 1e3,
    adaptive: t.adaptive
  };
}
function isLoopbackUrl(url) {
  let host;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
function hedgeEnabled(setting, baseUrl) {
  return setting === "auto" ? isLoopbackUrl(baseUrl) : setting;
}

// src/core/eval/request-watch.ts
var RequestCanceller = class {
  aborted = false;
  reason = void 0;
  listeners;
  get signal() {
    return this;
  }
  abort(reason) {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const ls = this.listeners;
    this.listeners = void 0;
    if (ls) for (const l of ls) l();
  }
  addEventListener(_type, listener) {
    if (this.aborted) return;
    (this.listeners ??= []).push(listener);
  }
  removeEventListener(_type, listener) {
    const i = this.listeners?.indexOf(listener) ?? -1;
    if (i >= 0) this.listeners.splice(i, 1);
  }
};
var RequestWatch = class {
  constructor(deadlines, now) {
    this.deadlines = deadlines;
    this.now = now;
  }
  deadlines;
  now;
  live = /* @__PURE__ */ new Set();
  get size() {
    return this.live.size;
  }
  begin(stream, onHedgeDue) {
    const t = this.now();
    const r = { controller: new RequestCanceller(), startedAt: t, stream, phase: "connect", since: t, gotHeaders: false, tokens: 0, onHedgeDue, abandoned: void 0 };
    this.live.add(r);
    return r;
  }
  event(r, ev) {
    if (!this.live.has(r)) return;
    const t = this.now();
    switch (ev) {
      case "connected":
        if (r.phase === "connect") this.enter(r, "headers", t);
        return;
      case "headers":
        if (r.phase === "connect" || r.phase === "headers") {
          this.deadlines.observe("headers", t - r.since);
          r.gotHeaders = true;
          this.enter(r, r.stream ? "first_token" : "idle", t);
        }
        return;
      case "token":
        r.tokens++;
        if (r.phase === "first_token") {
          this.deadlines.observe("first_token", t - r.since);
          this.enter(r, "idle", t);
        }
        return;
      case "data":
        if (r.phase === "idle") {
          this.deadlines.observe("idle", t - r.since);
          r.since = t;
        }
        return;
    }
  }
  end(r, answered) {
    if (!this.live.delete(r)) return;
    if (answered) this.deadlines.observe("request", this.now() - r.startedAt);
  }
  /** Abandon what is overdue; offer a hedge for what has been silent past the hedge delay. */
  sweep() {
    const t = this.now();
    const hedgeAfter = this.deadlines.hedgeDelay();
    const total = this.deadlines.current("total");
    for (const r of this.live) {
      if (r.controller.signal.aborted) continue;
      if (t - r.startedAt > total.ms) {
        this.abandon(r, "total", total.ms, false);
        continue;
      }
      const d = this.deadlines.current(r.phase);
      if (t - r.since > d.ms) {
        this.abandon(r, r.phase, d.ms, d.adaptive);
        continue;
      }
      if (r.onHedgeDue && hedgeAfter !== void 0 && r.phase !== "idle" && t - r.startedAt > hedgeAfter) {
        if (r.onHedgeDue()) r.onHedgeDue = void 0;
      }
    }
  }
  /** Cancel everything in flight (the run is stopping) with this reason. */
  cancelAll(reason) {
    for (const r of this.live) if (!r.controller.signal.aborted) r.controller.abort(reason);
  }
  enter(r, phase, t) {
    r.phase = phase;
    r.since = t;
  }
  abandon(r, phase, ms2, adaptive) {
    r.abandoned = phase;
    r.controller.abort(new DeadlineExceeded(phase, ms2, adaptive));
  }
};

// src/core/eval/record.ts
function costOf(prices, promptTokens, completionTokens) {
  if (!prices || promptTokens === null || completionTokens === null) return null;
  return (promptTokens * prices.prompt_per_1k + completionTokens * prices.completion_per_1k) / 1e3;
}
function scoreInputOf(job, r, cost) {
  return {
    caseId: job.evalCase.id,
    repeat: job.repeat,
    output: r.text,
    expected: job.evalCase.expected,
    vars: job.evalCase.vars,
    prompt: job.inputText,
    latencyMs: r.latencyMs,
    ttftMs: r.ttftMs,
    promptTokens: r.promptTokens,
    completionTokens: r.completionTokens,
    cost
  };
}
function completionOf(r) {
  return { text: r.output ?? "", finishReason: r.finish_reason, promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, ttftMs: r.ttft_ms, latencyMs: r.latency_ms ?? 0 };
}
function scoreOutput(scorers, job, r, cost) {
  const scores = {};
  const input = scoreInputOf(job, r, cost);
  for (const s of scorers) {
    try {
      const res = s.score(input);
      const value = res.value === null || Number.isNaN(res.value) ? null : Math.min(1, Math.max(0, res.value));
      const score = { value };
      if (s.threshold !== void 0 && value !== null) score.pass = value >= s.threshold;
      if (res.stats) score.stats = res.stats;
      if (res.detail) score.detail = res.detail;
      scores[s.name] = score;
    } catch (err) {
      scores[s.name] = { value: null, detail: { error: err instanceof Error ? err.message : String(err) } };
    }
  }
  return scores;
}
function recordFor(job, fields) {
  return {
    schema: RESULT_LINE_TAG,
    case_id: job.evalCase.id,
    repeat: job.repeat,
    key: job.key,
    input_hash: job.inputHash,
    input: job.inputText,
    vars: job.evalCase.vars,
    expected: job.evalCase.expected,
    output: null,
    scores: {},
    latency_ms: null,
    ttft_ms: null,
    prompt_tokens: null,
    completion_tokens: null,
    cost: null,
    finish_reason: null,
    error: null,
    attempts: 0,
    cached: false,
    ...fields
  };
}
function success(r, cost, scorers, job, attempts, cached) {
  return {
    output: r.text,
    scores: scoreOutput(scorers, job, r, cost),
    latency_ms: round3(r.latencyMs),
    ttft_ms: r.ttftMs === null ? null : round3(r.ttftMs),
    prompt_tokens: r.promptTokens,
    completion_tokens: r.completionTokens,
    cost,
    finish_reason: r.finishReason,
    attempts,
    cached
  };
}
function round3(x) {
  return Math.round(x * 1e3) / 1e3;
}

// src/core/eval/live-run.ts
var SWEEP_MS = 50;
function retryCause(err) {
  if (err.failure === "timeout") return "deadline";
  if (err.status === 429) return "429";
  if (err.failure === "http") return "5xx";
  if (err.failure === "truncated") return "truncated";
  if (err.failure === "network" || err.failure === "refused") return "reset";
  return "other";
}
var LiveRun = class {
  /** `todo` streams the jobs to run (`count` of them), read ahead a few slots' worth at a time. */
  constructor(todo, count, deps, opts, progress) {
    this.todo = todo;
    this.deps = deps;
    this.opts = opts;
    this.done = progress.done;
    this.pending = count;
    this.watch = new RequestWatch(new AdaptiveDeadlines(opts.deadlines), () => deps.clock.now());
    this.hedgeCap = Math.max(1, Math.ceil(opts.concurrency / 8));
  }
  todo;
  deps;
  opts;
  watch;
  done;
  errors = 0;
  fromCache = 0;
  retries = 0;
  requestsSent = 0;
  fatal;
  active = 0;
  pending;
  hedgesInFlight = 0;
  ready = [];
  waiting = /* @__PURE__ */ new Set();
  retrying = /* @__PURE__ */ new Map();
  hedgeCap;
  stopped = false;
  wake;
  failed;
  /** Jobs read ahead of the slots, so a slot never waits on the case file. */
  buffered = [];
  filling = false;
  sourceDone = false;
  progressUpdate() {
    if (this.retryingNow === 0) return { done: this.done, errors: this.errors, retrying: {} };
    return { done: this.done, errors: this.errors, retrying: Object.fromEntries([...this.retrying].filter(([, n]) => n > 0)) };
  }
  /** Jobs waiting to retry or retrying now (the sum of `retrying`). */
  retryingNow = 0;
  /** Run every job; `onRecord` is called once per job with its final record and where it was written. */
  async run(onRecord) {
    this.onRecord = onRecord;
    const outer = this.deps.signal;
    const onAbort = () => this.stop(outer?.reason);
    if (outer?.aborted) return;
    outer?.addEventListener("abort", onAbort, { once: true });
    try {
      this.pump();
      while (!this.finished()) {
        let nextDue = this.deps.clock.now() + SWEEP_MS;
        for (const s of this.waiting) nextDue = Math.min(nextDue, s.readyAt);
        await new Promise((resolve3) => {
          this.wake = resolve3;
          void this.deps.clock.sleep(Math.max(0, Math.min(SWEEP_MS, nextDue - this.deps.clock.now()))).then(resolve3);
        });
        this.wake = void 0;
        if (this.failed !== void 0) throw this.failed;
        this.watch.sweep();
        const now = this.deps.clock.now();
        for (const s of this.waiting) {
          if (s.readyAt <= now) {
            this.waiting.delete(s);
            this.ready.push(s);
          }
        }
        this.pump();
      }
      if (this.failed !== void 0) throw this.failed;
    } finally {
      outer?.removeEventListener("abort", onAbort);
      void this.todo.return?.(void 0);
    }
  }
  onRecord = () => {
  };
  finished() {
    if (this.failed !== void 0) return true;
    if (this.stopped) return this.active === 0;
    return this.pending === 0 || this.sourceDone && this.buffered.length === 0 && this.active === 0 && this.ready.length === 0 && this.waiting.size === 0;
  }
  stop(reason) {
    this.stopped = true;
    this.watch.cancelAll(reason);
    this.wake?.();
  }
  pump() {
    while (!this.stopped && this.active < this.opts.concurrency) {
      const s = this.ready.shift() ?? this.fresh();
      if (!s) return;
      this.active++;
      this.attempt(s).then(
        () => {
          this.active--;
          this.pump();
          if (this.finished()) this.wake?.();
        },
        (err) => {
          this.active--;
          this.failed ??= err;
          this.stop(err);
        }
      );
    }
  }
  fresh() {
    if (this.buffered.length < this.opts.concurrency) this.refill();
    const job = this.buffered.shift();
    if (!job) return void 0;
    return { job, attempts: 0, retries: void 0, abandoned: void 0, hedge: void 0, retrying: void 0, readyAt: 0 };
  }
  /** Read ahead up to twice the concurrency (at least 64 jobs); wakes the pump when it has more. */
  refill() {
    if (this.filling || this.sourceDone || this.stopped) return;
    this.filling = true;
    const want = Math.max(64, this.opts.concurrency * 2);
    const step = async () => {
      while (this.buffered.length < want && !this.stopped) {
        const n = await this.todo.next();
        if (n.done) {
          this.sourceDone = true;
          return;
        }
        this.buffered.push(n.value);
      }
    };
    step().then(
      () => {
        this.filling = false;
        this.pump();
        if (this.finished()) this.wake?.();
      },
      (err) => {
        this.filling = false;
        this.failed ??= err;
        this.stop(err);
      }
    );
  }
  async attempt(s) {
    const { job } = s;
    if (s.attempts === 0 && this.deps.cache) {
      const cached = await this.deps.cache.get(job.key, job.request);
      if (cached) {
        this.fromCache++;
        const cost = costOf(this.opts.prices, cached.promptTokens, cached.completionTokens);
        this.finish(s, recordFor(job, success(cached, cost, this.deps.scorers, job, 0, true)));
        return;
      }
    }
    if (this.stopped) return;
    s.attempts++;
    const outcome = await this.send(s);
    if ("value" in outcome) {
      const { value } = outcome;
      if (this.deps.cache) await this.deps.cache.set(job.key, job.request, { ...value });
      const cost = costOf(this.opts.prices, value.promptTokens, value.completionTokens);
      const fields = success(value, cost, this.deps.scorers, job, s.attempts, false);
      if (s.retries || s.abandoned || s.hedge) Object.assign(fields, this.noise(s));
      this.finish(s, recordFor(job, fields));
      return;
    }
    const err = outcome.error;
    if (this.stopped) return;
    const mayRetry = err.retryable && s.attempts < Math.min(this.opts.retry.maxAttempts, err.opts.maxAttempts ?? Infinity);
    if (err.fatal && !mayRetry) {
      this.fatal ??= err;
      this.stop(err);
      return;
    }
    if (mayRetry) {
      const cause = retryCause(err);
      s.retries ??= {};
      s.retries[cause] = (s.retries[cause] ?? 0) + 1;
      this.retries++;
      this.setRetrying(s, cause);
      const delay = backoffDelay(this.opts.retry, s.attempts, this.deps.random(), err.opts.retryAfterMs);
      this.deps.logger.debug(`case ${job.evalCase.id}#${job.repeat}: ${err.message}; retry ${s.attempts} in ${Math.round(delay)} ms`);
      s.readyAt = this.deps.clock.now() + delay;
      this.waiting.add(s);
      this.wake?.();
      this.deps.progress.tick(this.progressUpdate());
      return;
    }
    const error = { kind: err.failure === "auth" || err.failure === "not_found" || err.failure === "refused" ? "http" : err.failure, message: err.message };
    if (err.status !== void 0) error.status = err.status;
    this.errors++;
    this.finish(s, recordFor(job, { error, attempts: s.attempts, ...this.noise(s) }));
  }
  noise(s) {
    return {
      ...s.retries ? { retries: s.retries } : {},
      ...s.abandoned ? { abandoned: s.abandoned } : {},
      ...s.hedge ? { hedge: s.hedge } : {}
    };
  }
  finish(s, record) {
    this.setRetrying(s, void 0);
    this.onRecord(s.job, this.deps.store.append(record), record);
    this.pending--;
    this.done++;
    this.deps.progress.tick(this.progressUpdate());
  }
  setRetrying(s, cause) {
    if (s.retrying) {
      this.retrying.set(s.retrying, (this.retrying.get(s.retrying) ?? 1) - 1);
      this.retryingNow--;
    }
    s.retrying = cause;
    if (cause) {
      this.retrying.set(cause, (this.retrying.get(cause) ?? 0) + 1);
      this.retryingNow++;
    }
  }
  /**
   * One attempt: the request, and a hedged copy if it stays silent past the hedge delay. The
   * first answer wins and the other copy is cancelled; settles once every copy has, so what the
   * loser was billed is known before the record is written.
   */
  send(s) {
    const { request } = s.job;
    return new Promise((resolve3) => {
      const copies = [];
      let winner;
      const failures = {};
      const settleIfDone = () => {
        if (copies.some((c) => !c.settled)) return;
        if (winner) resolve3({ value: winner.value });
        else resolve3({ error: failures.primary ?? failures.hedge ?? new ProviderError("request failed", "network", { retryable: true }) });
      };
      const launch = (hedge) => {
        const onHedgeDue = !hedge && this.opts.hedge ? () => this.hedgeDue(launch) : void 0;
        const r = this.watch.begin(request.stream, onHedgeDue);
        const copy = { r, hedge, settled: false };
        copies.push(copy);
        this.requestsSent++;
        if (hedge) {
          this.hedgesInFlight++;
          s.hedge ??= { sent: 0, won: false, extra_prompt_tokens: 0, extra_completion_tokens: 0 };
          s.hedge.sent++;
        }
        this.deps.provider.complete(request, r.controller.signal, (ev) => this.watch.event(r, ev)).then(
          (value) => {
            this.watch.end(r, true);
            if (!winner) {
              winner = { value, hedge };
              if (s.hedge) s.hedge.won = hedge;
              for (const c of copies) if (c !== copy && !c.settled) c.r.controller.abort(new HedgeLost());
            } else if (s.hedge) {
              s.hedge.extra_prompt_tokens += value.promptTokens ?? 0;
              s.hedge.extra_completion_tokens += value.completionTokens ?? 0;
            }
            this.settle(copy);
            settleIfDone();
          },
          (err) => {
            this.watch.end(r, false);
            if (r.controller.signal.reason instanceof HedgeLost) {
              if (s.hedge && winner) {
                if (r.gotHeaders) s.hedge.extra_prompt_tokens += winner.value.promptTokens ?? 0;
                s.hedge.extra_completion_tokens += r.tokens;
              }
            } else {
              if (r.abandoned) {
                s.abandoned ??= {};
                s.abandoned[r.abandoned] = (s.abandoned[r.abandoned] ?? 0) + 1;
              }
              const pe = err instanceof ProviderError ? err : new ProviderError(err instanceof Error ? err.message : String(err), "network", { retryable: true });
              failures[hedge ? "hedge" : "primary"] ??= pe;
            }
            this.settle(copy);
            settleIfDone();
          }
        );
      };
      launch(false);
    });
  }
  settle(copy) {
    copy.settled = true;
    if (copy.hedge) this.hedgesInFlight--;
  }
  /** Send the hedge unless the cap is reached (then the watch asks again at its next sweep). */
  hedgeDue(launch) {
    if (this.stopped || this.hedgesInFlight >= this.hedgeCap) return false;
    launch(true);
    return true;
  }
};

// src/core/eval/runner.ts
var DONE_BEFORE = 1;
var FAILED_BEFORE = 2;
var WRITTEN_NOW = 3;
async function runEval(plan, deps, opts) {
  const found = await locateRecords(plan, deps);
  const reused = found.done;
  const todo = plan.size - reused;
  if (reused > 0) deps.logger.info(`resuming: ${reused} of ${plan.size} records already done, ${todo} to go`);
  if (found.stale > 0) deps.logger.warn(`${found.stale} record(s) in the results file were produced by other requests (the prompt, target or params changed); they will be dropped`);
  if (found.outside > 0) deps.logger.warn(`${found.outside} record(s) in the results file are for cases or repeats outside this run (--limit, or cases removed from the suite); this run's results file will not hold them`);
  const dropped = found.stale + found.outside;
  const hasRemote = deps.scorers.some((s) => s.remote !== void 0);
  const writer = found.fresh && !hasRemote ? deps.store.inOrder?.() : void 0;
  const inOrder = writer ? new InOrderFeed(writer, deps.summary, Math.max(IN_ORDER_MIN_HELD, 16 * opts.concurrency)) : void 0;
  let live;
  try {
    live = await dispatch(plan, found, todo, deps, opts, inOrder);
  } catch (err) {
    inOrder?.discard();
    throw err;
  }
  const { done, fatal } = live;
  const remote = hasRemote && !deps.signal?.aborted && !fatal ? await scoreRemotely(plan, found, deps) : /* @__PURE__ */ new Map();
  let kept;
  if (inOrder?.complete(plan.size)) {
    inOrder.commit();
    kept = plan.size;
  } else {
    inOrder?.discard();
    kept = await finalizeResults(plan, found, deps, opts, dropped > 0, hasRemote, inOrder?.next ?? 0);
  }
  if (deps.signal?.aborted) {
    const reason = deps.signal.reason instanceof Error ? deps.signal.reason.message : "interrupted";
    throw new ProcessExitError(`eval ${reason} \u2014 ${done === 0 ? `before any of the ${plan.size} records was done` : `stopped after ${done} of ${plan.size} records (those are saved)`}`, null, null, {
      hint: "run the same command again to resume; only the missing records are requested"
    });
  }
  if (fatal) {
    const progress = done === 0 ? `no record was completed (0 of ${plan.size})` : `stopped after ${done} of ${plan.size} records (those are saved; run the same command again to resume)`;
    throw new ExternalError(`${fatal.message} \u2014 ${progress}`, {
      ...fatal.opts.hint ? { hint: fatal.opts.hint } : {}
    });
  }
  return {
    records: kept,
    requested: todo - live.fromCache,
    reused,
    fromCache: live.fromCache,
    stale: dropped,
    retries: live.retries,
    deadlines: live.requestsSent > 0 ? { ...live.watch.deadlines.snapshot(), adaptive: opts.deadlines.adaptive } : void 0,
    remote
  };
}
async function scoreRemotely(plan, found, deps) {
  if (!deps.remote) throw new ExternalError("this suite has judge or embedding scorers, but no way to reach their models was given");
  const { where } = found;
  const finals = /* @__PURE__ */ new Map();
  deps.store.load((r, at) => {
    const i = plan.indexOf(r.case_id, r.repeat);
    if (i >= 0 && where[i] === at.offset && r.error === null && r.output !== null) finals.set(i, r);
  });
  const samples = [];
  for await (const job of plan.jobs()) {
    const r = finals.get(job.index);
    if (r) samples.push(scoreInputOf(job, completionOf(r), r.cost));
  }
  return prepareRemoteScores(samples, deps.scorers, { ...deps.remote.deps, ...deps.signal ? { signal: deps.signal } : {} }, deps.remote.opts);
}
async function locateRecords(plan, deps) {
  const where = new Float64Array(plan.size).fill(-1);
  const lengths = new Uint32Array(plan.size);
  const state = new Uint8Array(plan.size);
  const found = { fresh: true, where, lengths, state, done: 0, stale: 0, outside: 0 };
  if (!deps.store.mayHoldRecords()) return found;
  found.fresh = false;
  const keys = new Uint32Array(plan.size * 2);
  for await (const job of plan.jobs()) keyDigest(job.key, keys, job.index);
  const probe = new Uint32Array(2);
  deps.store.load((r, at) => {
    const i = plan.indexOf(r.case_id, r.repeat);
    if (i < 0) {
      found.outside++;
      return;
    }
    keyDigest(r.key, probe, 0);
    if (probe[0] !== keys[2 * i] || probe[1] !== keys[2 * i + 1]) {
      found.stale++;
      return;
    }
    where[i] = at.offset;
    lengths[i] = at.length;
    state[i] = r.error === null ? DONE_BEFORE : FAILED_BEFORE;
  });
  for (let i = 0; i < plan.size; i++) if (state[i] === DONE_BEFORE) found.done++;
  return found;
}
function keyDigest(key, out, i) {
  out[2 * i] = Number.parseInt(key.slice(0, 8), 16) >>> 0;
  out[2 * i + 1] = Number.parseInt(key.slice(8, 16), 16) >>> 0;
}
async function dispatch(plan, found, todo, deps, opts, inOrder) {
  const { where, lengths, state } = found;
  async function* pending() {
    for await (const job of plan.jobs()) if (state[job.index] !== DONE_BEFORE) yield job;
  }
  const jobs = found.done === 0 ? plan.jobs() : pending();
  const live = new LiveRun(jobs[Symbol.asyncIterator](), todo, deps, opts, { done: found.done, total: plan.size });
  deps.progress.start(plan.size, "eval");
  deps.progress.tick(live.progressUpdate());
  try {
    await live.run((job, at, record) => {
      where[job.index] = at.offset;
      lengths[job.index] = at.length;
      state[job.index] = WRITTEN_NOW;
      inOrder?.add(job.index, record, at.text);
    });
  } finally {
    deps.progress.stop();
  }
  return live;
}
async function finalizeResults(plan, found, deps, opts, dropsRecords, hasRemote, summarisedBefore) {
  const { where, lengths, state } = found;
  const fromBefore = hasRemote || state.some((s) => s === DONE_BEFORE || s === FAILED_BEFORE);
  async function* locations() {
    if (!fromBefore) {
      for (let i = 0; i < plan.size; i++) if (where[i] >= 0) yield { offset: where[i], length: lengths[i], index: i, job: void 0 };
      return;
    }
    for await (const job of plan.jobs()) {
      const i = job.index;
      if (where[i] >= 0) yield { offset: where[i], length: lengths[i], index: i, job };
    }
  }
  let kept = 0;
  await deps.store.finalize(
    locations(),
    (r, { index, job }) => {
      kept++;
      let out = r;
      if (job !== void 0 && (state[index] !== WRITTEN_NOW || hasRemote) && r.error === null && r.output !== null) {
        const response = completionOf(r);
        const cost = costOf(opts.prices, r.prompt_tokens, r.completion_tokens);
        out = { ...r, cost, scores: scoreOutput(deps.scorers, job, response, cost) };
      }
      if (index >= summarisedBefore) deps.summary?.add(out);
      return out;
    },
    dropsRecords
  );
  return kept;
}
var IN_ORDER_MIN_HELD = 4096;
var InOrderFeed = class {
  constructor(writer, summary, maxHeld) {
    this.writer = writer;
    this.summary = summary;
    this.maxHeld = maxHeld;
  }
  writer;
  summary;
  maxHeld;
  /** Records written and summarised: jobs 0 … next − 1. */
  next = 0;
  /** Records that came early, with the line append() wrote for each. */
  held = /* @__PURE__ */ new Map();
  gaveUp = false;
  add(index, record, text) {
    if (this.gaveUp) return;
    if (index !== this.next) {
      this.held.set(index, [record, text]);
      if (this.held.size > this.maxHeld) {
        this.gaveUp = true;
        this.held = /* @__PURE__ */ new Map();
      }
      return;
    }
    this.emit(record, text);
    for (let r = this.held.get(this.next); r !== void 0; r = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.emit(r[0], r[1]);
    }
  }
  /** Every one of the plan's `size` records was written. */
  complete(size) {
    return !this.gaveUp && this.next === size;
  }
  commit() {
    this.writer.commit();
  }
  discard() {
    this.writer.discard();
  }
  emit(record, text) {
    this.summary?.add(record);
    this.writer.write(record, text);
    this.next++;
  }
};

// src/core/stats/quantile-sketch.ts
var EXACT_LIMIT = 4096;
var QuantileSketch = class _QuantileSketch {
  /** `exact`: keep every value (8 bytes each) however many there are. */
  constructor(alwaysExact = false) {
    this.alwaysExact = alwaysExact;
  }
  alwaysExact;
  static RELATIVE_ERROR = 5e-3;
  static GAMMA = (1 + _QuantileSketch.RELATIVE_ERROR) / (1 - _QuantileSketch.RELATIVE_ERROR);
  static LOG_GAMMA = Math.log(_QuantileSketch.GAMMA);
  values = new Float64Array(64);
  buckets = /* @__PURE__ */ new Map();
  zeros = 0;
  n = 0;
  get count() {
    return this.n;
  }
  /** True while every value is kept (quantiles are exact). */
  get exact() {
    return this.values !== null;
  }
  add(x) {
    if (!Number.isFinite(x)) return;
    if (this.values) {
      if (this.n === this.values.length) {
        if (this.n >= EXACT_LIMIT && !this.alwaysExact) {
          for (let i = 0; i < this.n; i++) this.bucket(this.values[i]);
          this.values = null;
        } else {
          const grown = new Float64Array(this.values.length * 2);
          grown.set(this.values);
          this.values = grown;
        }
      }
    }
    if (this.values) this.values[this.n] = x;
    else this.bucket(x);
    this.n++;
  }
  /** Type-7 quantile (exact while `exact`, else within RELATIVE_ERROR); null when empty. */
  quantile(q) {
    if (this.n === 0) return null;
    if (this.values) return quantileSorted(this.values.slice(0, this.n).sort(), q);
    const h = (this.n - 1) * q;
    const lo = Math.floor(h);
    const [a, b] = this.atRanks(lo, Math.min(lo + 1, this.n - 1));
    return a + (h - lo) * (b - a);
  }
  bucket(x) {
    if (x <= 1e-9) {
      this.zeros++;
      return;
    }
    const i = Math.ceil(Math.log(x) / _QuantileSketch.LOG_GAMMA);
    this.buckets.set(i, (this.buckets.get(i) ?? 0) + 1);
  }
  /** Estimated values at two 0-based ranks (r1 ≤ r2). */
  atRanks(r1, r2) {
    const out = [];
    const wanted = [r1, r2];
    let seen = this.zeros;
    let w = 0;
    while (w < 2 && wanted[w] < seen) {
      out.push(0);
      w++;
    }
    for (const i of [...this.buckets.keys()].sort((x, y) => x - y)) {
      seen += this.buckets.get(i);
      const v = 2 * _QuantileSketch.GAMMA ** i / (_QuantileSketch.GAMMA + 1);
      while (w < 2 && wanted[w] < seen) {
        out.push(v);
        w++;
      }
      if (w === 2) break;
    }
    return [out[0], out[1]];
  }
};

// src/core/eval/summary.ts
var LOWER_IS_BETTER = /* @__PURE__ */ new Set();
var SummaryAccumulator = class {
  /** `exactPercentiles`: keep every latency (8 bytes each) rather than sketch past 4,096 of them. */
  constructor(scorers, repeats, exactPercentiles = false) {
    this.repeats = repeats;
    this.metrics = scorers.map((s) => new MetricAccumulator(s, repeats));
    this.latency = new QuantileSketch(exactPercentiles);
    this.ttft = new QuantileSketch(exactPercentiles);
  }
  repeats;
  metrics;
  latency;
  ttft;
  latencySum = 0;
  records = 0;
  errors = 0;
  promptTokens = 0;
  completionTokens = 0;
  costSum = 0;
  costCount = 0;
  errorKinds = /* @__PURE__ */ new Map();
  requests = new RequestsAccumulator();
  /** Cases with some but not all of their `repeats` records seen. */
  openCases = /* @__PURE__ */ new Map();
  add(r) {
    this.records++;
    this.requests.add(r);
    this.addScores(r);
    if (this.repeats > 1) {
      const seen = (this.openCases.get(r.case_id) ?? 0) + 1;
      if (seen < this.repeats) this.openCases.set(r.case_id, seen);
      else {
        this.openCases.delete(r.case_id);
        for (const m of this.metrics) m.closeCase(r.case_id);
      }
    }
  }
  addScores(r) {
    if (r.error) {
      this.errors++;
      const e = this.errorKinds.get(r.error.kind);
      if (e) e.count++;
      else this.errorKinds.set(r.error.kind, { count: 1, example: r.error.message });
      return;
    }
    if (r.latency_ms !== null) {
      this.latency.add(r.latency_ms);
      this.latencySum += r.latency_ms;
    }
    if (r.ttft_ms !== null) this.ttft.add(r.ttft_ms);
    this.promptTokens += r.prompt_tokens ?? 0;
    this.completionTokens += r.completion_tokens ?? 0;
    if (r.cost !== null) {
      this.costSum += r.cost;
      this.costCount++;
    }
    for (const m of this.metrics) m.add(r);
  }
  summary(ctx) {
    const lat = this.latency;
    const ttft = this.ttft;
    const observed = {
      p50_ms: lat.quantile(0.5),
      p95_ms: lat.quantile(0.95),
      p99_ms: lat.quantile(0.99),
      ttft_p50_ms: ttft.quantile(0.5),
      ttft_p95_ms: ttft.quantile(0.95),
      ttft_p99_ms: ttft.quantile(0.99)
    };
    const metrics = {};
    let weighted = 0;
    let weights = 0;
    for (const acc of this.metrics) {
      const s = acc.scorer;
      const m = { ...acc.summary(ctx.provenance.seed, ctx.bootstrapResamples ?? 2e3), config: ctx.configs[s.name] ?? null };
      if (s.runBudgets && Object.keys(s.runBudgets).length > 0) {
        m.budgets = Object.fromEntries(
          Object.entries(s.runBudgets).map(([k, budget]) => {
            const o = observed[k] ?? null;
            return [k, { observed: o, budget, pass: o === null ? null : o <= budget }];
          })
        );
      }
      metrics[s.name] = m;
      if (m.mean !== null && s.weight > 0) {
        weighted += m.mean * s.weight;
        weights += s.weight;
      }
    }
    const requests = this.requests.summary(ctx.deadlines);
    const { extra_prompt_tokens: extraPrompt, extra_completion_tokens: extraCompletion } = requests.hedges;
    const promptTokens = this.promptTokens + extraPrompt;
    const completionTokens = this.completionTokens + extraCompletion;
    let costSum = this.costSum;
    let costCount = this.costCount;
    const hedgeCost = extraPrompt + extraCompletion > 0 ? costOf(ctx.prices, extraPrompt, extraCompletion) : null;
    if (hedgeCost !== null) {
      costSum += hedgeCost;
      costCount++;
    }
    const exact = lat.exact && ttft.exact;
    return {
      schema: SUMMARY_TAG,
      suite: ctx.suite,
      counts: { cases: ctx.cases, repeats: ctx.repeats, records: this.records, errors: this.errors },
      metrics,
      overall: { weighted_mean: weights > 0 ? weighted / weights : null },
      latency: {
        unit: "ms",
        mean: lat.count ? this.latencySum / lat.count : null,
        p50: observed.p50_ms,
        p95: observed.p95_ms,
        p99: observed.p99_ms,
        ttft_p50: observed.ttft_p50_ms,
        ttft_p95: observed.ttft_p95_ms,
        ttft_p99: observed.ttft_p99_ms,
        // Percentiles of more than a few thousand values come from a sketch: say how close they are.
        ...exact ? {} : { percentiles: { method: "ddsketch", relative_error: QuantileSketch.RELATIVE_ERROR } }
      },
      tokens: { prompt: promptTokens, completion: completionTokens, total: promptTokens + completionTokens },
      cost: ctx.currency !== void 0 && costCount > 0 ? { total: costSum, currency: ctx.currency } : null,
      errors: [...this.errorKinds].map(([kind, v]) => ({ kind, ...v })),
      requests,
      provenance: ctx.provenance
    };
  }
};
var MetricAccumulator = class {
  constructor(scorer, repeats) {
    this.scorer = scorer;
    this.repeats = repeats;
  }
  scorer;
  repeats;
  /** Cases awaiting more repeats: their shifted sum and count so far. */
  open = /* @__PURE__ */ new Map();
  /** Corpus metrics: per-case summed statistics, in the order cases first appeared. */
  corpusCases = [];
  /** Corpus metrics: where an open case's statistics are summed. */
  corpusSlots = /* @__PURE__ */ new Map();
  corpusTotal = null;
  corpusN = 0;
  // Plain metrics: sums over values shifted by the first value (no cancellation near the mean).
  shift;
  n = 0;
  sum = 0;
  sumSq = 0;
  ones = 0;
  binary = true;
  clusters = 0;
  clustered = false;
  clusterSumSq = 0;
  clusterSumN = 0;
  clusterNSq = 0;
  passes = 0;
  passCount = 0;
  /** A case has all its records: fold its sums into the cluster moments and forget it. */
  closeCase(caseId) {
    this.corpusSlots.delete(caseId);
    const g = this.open.get(caseId);
    if (!g) return;
    this.open.delete(caseId);
    this.closeCluster(g);
  }
  add(r) {
    const sc = r.scores[this.scorer.name];
    if (sc?.pass !== void 0) {
      this.passCount++;
      if (sc.pass) this.passes++;
    }
    if (this.scorer.corpus && this.scorer.aggregate) {
      const st = sc?.stats;
      if (!st) return;
      this.corpusN++;
      const slot = this.repeats > 1 ? this.corpusSlots.get(r.case_id) : void 0;
      if (slot === void 0) {
        const at = this.corpusCases.push([...st]) - 1;
        if (this.repeats > 1) this.corpusSlots.set(r.case_id, at);
      } else {
        const acc = this.corpusCases[slot];
        for (let i = 0; i < acc.length; i++) acc[i] += st[i] ?? 0;
      }
      this.corpusTotal = this.corpusTotal ? this.corpusTotal.map((v2, i) => v2 + (st[i] ?? 0)) : [...st];
      return;
    }
    const v = sc?.value;
    if (typeof v !== "number") return;
    this.shift ??= v;
    const y = v - this.shift;
    this.n++;
    this.sum += y;
    this.sumSq += y * y;
    if (v === 1) this.ones++;
    else if (v !== 0) this.binary = false;
    if (this.repeats === 1) {
      this.clusters++;
      this.closeCluster({ sum: y, n: 1 });
      return;
    }
    const g = this.open.get(r.case_id);
    if (g) {
      g.sum += y;
      g.n++;
      this.clustered = true;
    } else {
      this.open.set(r.case_id, { sum: y, n: 1 });
      this.clusters++;
    }
  }
  summary(seed, resamples) {
    const s = this.scorer;
    const base = {
      type: s.type,
      corpus: s.corpus,
      higher_is_better: !LOWER_IS_BETTER.has(s.type),
      threshold: s.threshold ?? null,
      weight: s.weight,
      signature: s.signature,
      pass_rate: this.passCount ? this.passes / this.passCount : null
    };
    if (s.corpus && s.aggregate) {
      if (!this.corpusTotal) return { ...base, mean: null, se: null, ci95: null, method: "none", n: 0, n_cases: 0 };
      const aggregate = s.aggregate.bind(s);
      const boot = bootstrapCorpus(this.corpusCases, aggregate, resamples, seed);
      return { ...base, mean: aggregate(this.corpusTotal), se: boot?.se ?? null, ci95: boot?.ci95 ?? null, method: boot ? "bootstrap" : "none", n: this.corpusN, n_cases: this.corpusCases.length };
    }
    const n = this.n;
    if (n === 0) return { ...base, mean: null, se: null, ci95: null, method: "none", n: 0, n_cases: 0 };
    const G = this.clusters;
    const d = this.sum / n;
    const m = (this.shift ?? 0) + d;
    const finite = (x) => Number.isFinite(x) ? x : null;
    const bounded = (lo, hi) => Number.isFinite(lo) ? [Math.max(0, lo), Math.min(1, hi)] : null;
    if (!this.clustered) {
      if (this.binary) {
        const se3 = n > 1 ? Math.sqrt(m * (1 - m) / n) : NaN;
        const ci = wilsonInterval(this.ones, n);
        return { ...base, mean: m, se: finite(se3), ci95: bounded(ci[0], ci[1]), method: "wilson", n, n_cases: G };
      }
      const ss = Math.max(0, this.sumSq - n * d * d);
      const se2 = n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN;
      const half2 = n > 1 ? tQuantile(0.975, n - 1) * se2 : NaN;
      return { ...base, mean: m, se: finite(se2), ci95: bounded(m - half2, m + half2), method: "t", n, n_cases: G };
    }
    for (const id of [...this.open.keys()]) this.closeCase(id);
    const acc = Math.max(0, this.clusterSumSq - 2 * d * this.clusterSumN + d * d * this.clusterNSq);
    const se = G > 1 ? Math.sqrt(G / (G - 1) * acc / (n * n)) : NaN;
    const half = G > 1 ? tQuantile(0.975, G - 1) * se : NaN;
    return { ...base, mean: m, se: finite(se), ci95: bounded(m - half, m + half), method: "t-clustered", n, n_cases: G };
  }
  closeCluster(g) {
    this.clusterSumSq += g.sum * g.sum;
    this.clusterSumN += g.sum * g.n;
    this.clusterNSq += g.n * g.n;
  }
};
var RETRY_CAUSES = ["429", "5xx", "reset", "truncated", "deadline", "other"];
var PHASES = ["connect", "headers", "first_token", "idle", "total"];
var RequestsAccumulator = class {
  retries = Object.fromEntries(RETRY_CAUSES.map((c) => [c, 0]));
  abandoned = Object.fromEntries(PHASES.map((p) => [p, 0]));
  hedges = { sent: 0, won: 0, extra_prompt_tokens: 0, extra_completion_tokens: 0 };
  attempts = 0;
  add(r) {
    if (!r.cached) this.attempts += r.attempts;
    for (const [c, n] of Object.entries(r.retries ?? {})) this.retries[c] = (this.retries[c] ?? 0) + (n ?? 0);
    for (const [p, n] of Object.entries(r.abandoned ?? {})) this.abandoned[p] = (this.abandoned[p] ?? 0) + (n ?? 0);
    if (r.hedge) {
      this.hedges.sent += r.hedge.sent;
      if (r.hedge.won) this.hedges.won++;
      this.hedges.extra_prompt_tokens += r.hedge.extra_prompt_tokens;
      this.hedges.extra_completion_tokens += r.hedge.extra_completion_tokens;
    }
  }
  summary(deadlines) {
    return { attempts: this.attempts, retries: { ...this.retries }, abandoned: { ...this.abandoned }, hedges: { ...this.hedges }, ...deadlines ? { deadlines_ms: deadlines } : {} };
  }
};

// src/adapters/fs/disk-cache.ts
import { createHmac, randomBytes } from "node:crypto";
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
var CACHE_SECRET_FILE = "cache-key";
function requestDigest(req) {
  const { stream: _s, ...what } = req;
  return sha256(stableStringify(what));
}
var DiskResponseCache = class {
  constructor(dir, logger) {
    this.dir = dir;
    this.logger = logger;
  }
  dir;
  logger;
  secret;
  /** Entries found that did not verify (forged, for another request, or corrupt). */
  rejected = 0;
  pathOf(key) {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
  async get(key, request) {
    const secret = this.loadSecret(false);
    if (!secret) return void 0;
    let text;
    try {
      const p = this.pathOf(key);
      if (!lstatSync(p).isFile()) return this.reject(key, "not a regular file");
      text = readFileSync(p, "utf8");
    } catch {
      return void 0;
    }
    let entry;
    try {
      entry = responseCacheEntryFormat.parse(text, this.pathOf(key));
    } catch (err) {
      return this.reject(key, err instanceof Error ? err.message : String(err));
    }
    if (entry.key !== key || entry.request_sha256 !== requestDigest(request)) return this.reject(key, "it answers another request");
    if (entry.mac !== mac(secret, entry)) return this.reject(key, "its MAC does not verify under this cache's key");
    return entry.response;
  }
  async set(key, request, value) {
    const secret = this.loadSecret(true);
    if (!secret) return;
    const body = { key, request_sha256: requestDigest(request), response: { ...value } };
    const entry = { schema: "llmops.response-cache-entry/v1", ...body, mac: mac(secret, body) };
    const p = this.pathOf(key);
    mkdirSync(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, responseCacheEntryFormat.serialize(entry));
    renameSync(tmp, p);
  }
  reject(key, why) {
    if (this.rejected++ === 0) this.logger?.warn(`response cache: ignored the entry ${key.slice(0, 12)}\u2026 in ${this.dir} (${why}); it is re-requested from the model`);
    return void 0;
  }
  /** The directory's secret, created on first write; null (cache off) when it is missing on read or cannot be trusted. */
  loadSecret(create) {
    if (this.secret !== void 0 && (this.secret !== null || !create)) return this.secret;
    const file = join(this.dir, CACHE_SECRET_FILE);
    const st = (() => {
      try {
        return lstatSync(file);
      } catch {
        return null;
      }
    })();
    if (!st) {
      if (!create) return null;
      mkdirSync(this.dir, { recursive: true, mode: 448 });
      const key = randomBytes(32);
      try {
        const fd = openSync(file, "wx", 384);
        writeSync(fd, key.toString("hex"));
        closeSync(fd);
        return this.secret = key;
      } catch {
        return this.loadSecret(false);
      }
    }
    const uid = process.getuid?.();
    const problem = !st.isFile() ? "is not a regular file" : (st.mode & 63) !== 0 ? `has mode ${(st.mode & 511).toString(8)}, readable by others (a checked-out file always is)` : uid !== void 0 && st.uid !== uid ? "belongs to another user" : null;
    if (problem) {
      this.logger?.warn(`response cache disabled: ${file} ${problem}; delete the cache directory or point cache-dir elsewhere`);
      return this.secret = null;
    }
    const hex = readFileSync(file, "utf8").trim();
    return this.secret = /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, "hex") : null;
  }
};
function mac(secret, e) {
  return createHmac("sha256", secret).update(stableStringify({ key: e.key, request_sha256: e.request_sha256, response: e.response })).digest("hex");
}

// src/adapters/fs/jsonl-results-store.ts
import { closeSync as closeSync2, existsSync, fstatSync, fsyncSync, openSync as openSync2, readdirSync, readFileSync as readFileSync2, readSync, renameSync as renameSync2, rmSync, statSync, truncateSync, unlinkSync, writeFileSync as writeFileSync2, writeSync as writeSync2 } from "node:fs";
import { basename, dirname as dirname2, join as join2 } from "node:path";
var CHUNK = 1 << 20;
var APPEND_BATCH = 64 * 1024;
var JsonlResultsStore = class {
  constructor(path) {
    this.path = path;
  }
  path;
  fd;
  /** Where the next appended line starts. */
  end = 0;
  /** Where this process's appends begin: lines from there on were written by writeResultLine here. */
  ownFrom = 0;
  droppedPartialLine = false;
  /** Set by finalize when records from disk were left out (another configuration, --limit): where the old file was kept. */
  keptPrevious;
  /** The old file, kept when finalizing would drop records that were on disk. */
  get previousPath() {
    return this.path.replace(/\.jsonl$/, "") + ".previous.jsonl";
  }
  /** Read the file a chunk at a time: memory holds one chunk and one line, not the file. */
  load(each) {
    this.flush();
    this.end = 0;
    if (!existsSync(this.path)) return;
    const fd = openSync2(this.path, "r");
    const size = fstatSync(fd).size;
    let carry = Buffer.alloc(0);
    let carryAt = 0;
    let pos = 0;
    let line = 0;
    try {
      while (pos < size) {
        const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - pos));
        const got = readSync(fd, chunk, 0, chunk.length, pos);
        const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, got)]) : chunk.subarray(0, got);
        const base = carry.length ? carryAt : pos;
        pos += got;
        let start = 0;
        for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
          line++;
          this.take(buf.subarray(start, nl), base + start, line, nl === buf.length - 1 && pos === size, each);
          start = nl + 1;
        }
        carry = Buffer.from(buf.subarray(start));
        carryAt = base + start;
      }
    } finally {
      closeSync2(fd);
    }
    if (carry.length > 0) {
      const parsed = readResultLine(carry.toString("utf8"), this.path, line + 1, true);
      if (parsed.kind === "record") {
        each(parsed.record, { offset: carryAt, length: carry.length });
        writeFileSync2(this.path, "\n", { flag: "a" });
        this.end = carryAt + carry.length + 1;
      } else {
        truncateSync(this.path, carryAt);
        this.droppedPartialLine = true;
        this.end = carryAt;
      }
    } else this.end = size;
    this.ownFrom = this.end;
  }
  /** One complete line (without its newline) at `offset`, by the format's one line reader. */
  take(bytes, offset, line, last, each) {
    const parsed = readResultLine(bytes.toString("utf8"), this.path, line, last);
    if (parsed.kind === "record") each(parsed.record, { offset, length: bytes.length });
    else if (parsed.kind === "partial") {
      truncateSync(this.path, offset);
      this.droppedPartialLine = true;
    }
  }
  append(record) {
    const text = writeResultLine(record);
    const length = Buffer.byteLength(text) - 1;
    const at = { offset: this.end, length, text };
    this.end += length + 1;
    this.batch.push(text);
    this.batchBytes += length + 1;
    if (this.batchBytes >= APPEND_BATCH) this.flush();
    else this.flushSoon ??= setImmediate(() => this.flush());
    return at;
  }
  batch = [];
  batchBytes = 0;
  flushSoon;
  /** Write the appended lines not yet on disk. */
  flush() {
    if (this.flushSoon !== void 0) clearImmediate(this.flushSoon);
    this.flushSoon = void 0;
    if (this.batch.length === 0) return;
    this.fd ??= openSync2(this.path, "a");
    const text = this.batch.length === 1 ? this.batch[0] : this.batch.join("");
    this.batch = [];
    this.batchBytes = 0;
    writeSync2(this.fd, text);
  }
  mayHoldRecords() {
    this.flush();
    return existsSync(this.path) && statSync(this.path).size > 0;
  }
  inOrder() {
    this.removeLeftovers();
    const tmp = `${this.path}.ordered-${process.pid}`;
    const fd = openSync2(tmp, "w");
    let pending = [];
    let bytes = 0;
    let open = true;
    const flush = () => {
      if (pending.length) writeSync2(fd, pending.length === 1 ? pending[0] : pending.join(""));
      pending = [];
      bytes = 0;
    };
    const end = () => {
      if (!open) return false;
      open = false;
      return true;
    };
    return {
      write: (record, appended) => {
        const text = appended ?? writeResultLine(record);
        pending.push(text);
        bytes += text.length;
        if (bytes > APPEND_BATCH) flush();
      },
      commit: () => {
        if (!end()) throw new InternalError(`${tmp} was already committed or discarded`);
        try {
          flush();
          fsyncSync(fd);
        } finally {
          closeSync2(fd);
        }
        this.close();
        renameSync2(tmp, this.path);
      },
      discard: () => {
        if (!end()) return;
        closeSync2(fd);
        rmSync(tmp, { force: true });
      }
    };
  }
  async finalize(locations, map, dropsRecords) {
    this.close();
    this.removeLeftovers();
    const tmp = `${this.path}.tmp-${process.pid}`;
    const out = openSync2(tmp, "w");
    const src = existsSync(this.path) ? openSync2(this.path, "r") : void 0;
    let pending = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pending.length) writeSync2(out, pending.join(""));
      pending = [];
      pendingBytes = 0;
    };
    try {
      let buf = Buffer.allocUnsafe(64 * 1024);
      for await (const at of locations) {
        if (src === void 0) throw new InternalError(`${this.path} is gone`);
        if (at.length > buf.length) buf = Buffer.allocUnsafe(at.length);
        readSync(src, buf, 0, at.length, at.offset);
        const line = buf.toString("utf8", 0, at.length);
        const own = at.offset >= this.ownFrom;
        const parsed = own ? JSON.parse(line) : resultLineFormat.parse(line, `${this.path}@${at.offset}`);
        const record = map(parsed, at);
        const text = own && record === parsed ? `${line}
` : writeResultLine(record);
        pending.push(text);
        pendingBytes += text.length;
        if (pendingBytes > APPEND_BATCH) flush();
      }
      flush();
      fsyncSync(out);
    } finally {
      closeSync2(out);
      if (src !== void 0) closeSync2(src);
    }
    if (dropsRecords && existsSync(this.path)) {
      renameSync2(this.path, this.previousPath);
      this.keptPrevious = this.previousPath;
    }
    renameSync2(tmp, this.path);
  }
  /**
   * Files a killed run left half-written (`results.jsonl.ordered-PID`, `results.jsonl.tmp-PID`):
   * the caller holds the directory's lock, so none is being written now.
   */
  removeLeftovers() {
    const dir = dirname2(this.path);
    const stem = `${basename(this.path)}.`;
    let names;
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) if (name.startsWith(stem) && /^(ordered|tmp)-\d+$/.test(name.slice(stem.length))) rmSync(join2(dir, name), { force: true });
  }
  close() {
    this.flush();
    if (this.fd !== void 0) closeSync2(this.fd);
    this.fd = void 0;
  }
};
function acquireDirLock(lockPath) {
  for (let i = 0; i < 2; i++) {
    try {
      writeFileSync2(lockPath, String(process.pid), { flag: "wx" });
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
        }
      };
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const pid = Number(readFileSync2(lockPath, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new InputError(`another llmops run (pid ${pid}) is writing to ${lockPath.replace(/\/\.lock$/, "")}`, {
          hint: "wait for it to finish, or choose another --out directory"
        });
      }
      unlinkSync(lockPath);
    }
  }
  throw new InputError(`could not lock ${lockPath}`);
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

// src/adapters/http/http1-client.ts
import net from "node:net";
import tls from "node:tls";
var Http1Error = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
  code;
  name = "Http1Error";
};
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var TOKEN_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) TOKEN_CHAR[c] = TOKEN.test(String.fromCharCode(c)) ? 1 : 0;
var STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: [^\r\n]*)?$/;
var FIELD_VALUE = /^[\t\x20-\x7e]*$/;
var OWN_HEADERS = /* @__PURE__ */ new Set(["host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "expect"]);
function parseEndpoint(url) {
  const u = new URL(url);
  const secure = u.protocol === "https:";
  if (!secure && u.protocol !== "http:") throw new ConfigError(`the scheme ${u.protocol} is not http: or https:`);
  const userinfo = u.username || u.password ? `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}` : void 0;
  return {
    secure,
    host: u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname,
    port: u.port ? Number(u.port) : secure ? 443 : 80,
    authority: u.host,
    path: `${u.pathname}${u.search}`,
    ...userinfo === void 0 ? {} : { userinfo }
  };
}
function requestHeadPrefix(endpoint, headers) {
  const fields = /* @__PURE__ */ new Map();
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (!TOKEN.test(name)) throw new ConfigError(`the header name ${JSON.stringify(rawName)} is not an HTTP token`);
    if (OWN_HEADERS.has(name)) throw new ConfigError(`the header ${rawName} is set by the HTTP client and cannot be given`);
    if (!FIELD_VALUE.test(value)) throw new ConfigError(`the value of the header ${rawName} has a line break, a control character or a character past ASCII, which this client does not send`);
    fields.set(name, value.trim());
  }
  if (endpoint.userinfo !== void 0 && !fields.has("authorization")) {
    fields.set("authorization", `Basic ${Buffer.from(endpoint.userinfo, "utf8").toString("base64")}`);
  }
  let head = `POST ${endpoint.path} HTTP/1.1\r
host: ${endpoint.authority}\r
`;
  for (const [name, value] of fields) head += `${name}: ${value}\r
`;
  return `${head}connection: keep-alive\r
content-length: `;
}
var MAX_HEAD_BYTES = 64 * 1024;
var MAX_CHUNK_LINE = 4096;
var MAX_BODY_BYTES = 256 * 1024 * 1024;
var Response = class {
  status = 0;
  fields = /* @__PURE__ */ new Map();
  chunks = [];
  ended = false;
  failure = null;
  wake = null;
  header(name) {
    return this.fields.get(name.toLowerCase()) ?? null;
  }
  push(chunk) {
    this.chunks.push(chunk);
    this.notify();
  }
  end() {
    this.ended = true;
    this.notify();
  }
  fail(err) {
    if (this.ended || this.failure) return;
    this.failure = err;
    this.notify();
  }
  notify() {
    const w = this.wake;
    if (w) {
      this.wake = null;
      w();
    }
  }
  text() {
    return new Promise((resolve3, reject) => {
      const settle = () => {
        if (this.failure) return reject(this.failure);
        if (!this.ended) {
          this.wake = settle;
          return;
        }
        const c = this.chunks;
        this.chunks = [];
        resolve3(c.length === 1 ? c[0].toString("utf8") : Buffer.concat(c).toString("utf8"));
      };
      settle();
    });
  }
  get body() {
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise((resolve3, reject) => {
          const settle = () => {
            if (this.chunks.length > 0) return resolve3({ value: this.chunks.shift(), done: false });
            if (this.failure) return reject(this.failure);
            if (this.ended) return resolve3({ value: void 0, done: true });
            this.wake = settle;
          };
          settle();
        })
      })
    };
  }
};
var Connection = class {
  constructor(socket, pool) {
    this.socket = socket;
    this.pool = pool;
    socket.on("data", (b) => this.read(b));
    socket.on("end", () => this.closed(null));
    socket.on("close", () => this.closed(null));
    socket.on("error", (e) => this.closed(e));
  }
  socket;
  pool;
  state = 7 /* Done */;
  /** The bytes of a head (or of a chunk-size or trailer line) not yet complete. */
  pending = null;
  remaining = 0;
  /** Body bytes of the current response so far. */
  bodyBytes = 0;
  reusable = false;
  res = null;
  resolveHead = null;
  rejectHead = null;
  onEvent = null;
  /** Counts the requests sent, so an abort meant for an earlier one does not touch a later one. */
  sent = 0;
  /** The idle time the server's last response allowed (its Keep-Alive timeout), when it said. */
  keepAliveMs;
  /** While idle in the pool: when it is too old to reuse (performance.now() ms). */
  idleUntil = 0;
  /** Send a request on this connection (it must be idle); its number and its response's head. */
  send(head, onEvent) {
    const n = ++this.sent;
    this.state = 0 /* Head */;
    this.pending = null;
    this.bodyBytes = 0;
    this.res = new Response();
    this.onEvent = onEvent;
    const p = new Promise((resolve3, reject) => {
      this.resolveHead = resolve3;
      this.rejectHead = reject;
    });
    this.socket.write(head);
    return { n, head: p };
  }
  /** Fails request `n` with `reason` and closes the connection, unless that response is complete. */
  abort(n, reason) {
    if (n !== this.sent || this.res === null) return;
    this.fail(reason);
    this.socket.destroy();
  }
  fail(err) {
    const reject = this.rejectHead;
    const res = this.res;
    this.res = null;
    this.resolveHead = this.rejectHead = null;
    this.onEvent = null;
    this.state = 7 /* Done */;
    if (reject) reject(err);
    else res?.fail(err);
  }
  closed(err) {
    this.pool.forget(this);
    if (this.res === null) return;
    if (err === null && this.state === 6 /* UntilClose */) {
      this.finish(null);
      return;
    }
    const headDone = this.resolveHead === null;
    this.fail(err ?? new Http1Error(headDone ? "the response was cut off" : "socket hang up", "ECONNRESET"));
    this.socket.destroy();
  }
  protocolError(why) {
    this.fail(new Http1Error(`the server's response is not valid HTTP/1.1: ${why}`, "HPE_INVALID_RESPONSE"));
    this.socket.destroy();
  }
  read(b) {
    if (this.res === null) {
      this.socket.destroy();
      return;
    }
    let buf = b;
    while (buf.length > 0 && this.res !== null) {
      switch (this.state) {
        case 0 /* Head */: {
          const rest = this.readHead(buf);
          if (rest === null) return;
          buf = rest;
          if (this.state === 7 /* Done */) {
            this.finish(buf);
            return;
          }
          break;
        }
        case 1 /* Length */: {
          const n = Math.min(this.remaining, buf.length);
          this.deliver(n === buf.length ? buf : buf.subarray(0, n));
          this.remaining -= n;
          buf = buf.subarray(n);
          if (this.remaining === 0 && this.res !== null) this.finish(buf);
          return;
        }
        case 2 /* ChunkSize */: {
          const line = this.readLine(buf, MAX_CHUNK_LINE);
          if (line === null) return;
          buf = line.rest;
          const m = /^([0-9A-Fa-f]{1,12})[\t ]*(?:;.*)?$/.exec(line.text);
          if (!m) return this.protocolError("a chunk size line is malformed");
          this.remaining = parseInt(m[1], 16);
          this.state = this.remaining === 0 ? 5 /* Trailers */ : 3 /* ChunkData */;
          break;
        }
        case 3 /* ChunkData */: {
          const n = Math.min(this.remaining, buf.length);
          this.deliver(n === buf.length ? buf : buf.subarray(0, n));
          this.remaining -= n;
          buf = buf.subarray(n);
          if (this.remaining === 0) this.state = 4 /* ChunkEnd */;
          break;
        }
        case 4 /* ChunkEnd */: {
          const line = this.readLine(buf, 2);
          if (line === null) return;
          if (line.text !== "") return this.protocolError("a chunk is longer than its size says");
          buf = line.rest;
          this.state = 2 /* ChunkSize */;
          break;
        }
        case 5 /* Trailers */: {
          const line = this.readLine(buf, MAX_HEAD_BYTES);
          if (line === null) return;
          buf = line.rest;
          if (line.text === "") this.finish(buf);
          break;
        }
        case 6 /* UntilClose */:
          this.deliver(buf);
          return;
        case 7 /* Done */:
          return;
      }
    }
  }
  /** Collects the head; once whole, parses it and returns the bytes after it (null: more needed). */
  readHead(b) {
    const before = this.pending === null ? 0 : this.pending.length;
    const buf = this.pending === null ? b : Buffer.concat([this.pending, b]);
    const end = buf.indexOf("\r\n\r\n", Math.max(0, before - 3), "latin1");
    if (end < 0) {
      if (buf.length > MAX_HEAD_BYTES) this.protocolError(`its head is longer than ${MAX_HEAD_BYTES} bytes`);
      else this.pending = buf;
      return null;
    }
    this.pending = null;
    if (end > MAX_HEAD_BYTES) {
      this.protocolError(`its head is longer than ${MAX_HEAD_BYTES} bytes`);
      return null;
    }
    if (!this.parseHead(buf.toString("latin1", 0, end))) return null;
    return buf.subarray(end + 4);
  }
  /** Parses a head; false where it failed (the exchange has failed too). */
  parseHead(head) {
    let eol = head.indexOf("\r\n");
    if (eol < 0) eol = head.length;
    const m = STATUS_LINE.exec(head.slice(0, eol));
    if (!m) {
      this.protocolError("the status line is malformed");
      return false;
    }
    const status = Number(m[2]);
    const res = this.res;
    const fields = res.fields;
    fields.clear();
    for (let pos = eol + 2; pos < head.length; ) {
      let end = head.indexOf("\r\n", pos);
      if (end < 0) end = head.length;
      const colon = head.indexOf(":", pos);
      let named = colon > pos && colon < end;
      for (let i = pos; named && i < colon; i++) {
        const c = head.charCodeAt(i);
        named = c < 128 && TOKEN_CHAR[c] === 1;
      }
      if (!named) {
        const first = head.charCodeAt(pos);
        this.protocolError(first === 32 || first === 9 ? "a header is folded over lines" : "a header line has no name");
        return false;
      }
      let from = colon + 1;
      let to = end;
      while (from < to && (head.charCodeAt(from) === 32 || head.charCodeAt(from) === 9)) from++;
      while (to > from && (head.charCodeAt(to - 1) === 32 || head.charCodeAt(to - 1) === 9)) to--;
      const key = head.slice(pos, colon).toLowerCase();
      const value = head.slice(from, to);
      const had = fields.get(key);
      fields.set(key, had === void 0 ? value : `${had}, ${value}`);
      pos = end + 2;
    }
    if (status < 200) {
      if (status === 101) {
        this.protocolError("the server switched protocols");
        return false;
      }
      return true;
    }
    res.status = status;
    const connection = (fields.get("connection") ?? "").toLowerCase();
    this.reusable = m[1] === "1" ? !/(?:^|,)\s*close\s*(?:,|$)/.test(connection) : /(?:^|,)\s*keep-alive\s*(?:,|$)/.test(connection);
    const hint = /(?:^|[\s,;])timeout\s*=\s*(\d{1,6})/i.exec(fields.get("keep-alive") ?? "");
    this.keepAliveMs = hint ? Number(hint[1]) * 1e3 : void 0;
    const te = fields.get("transfer-encoding");
    const cl = fields.get("content-length");
    if (status === 204 || status === 304) {
      this.state = 7 /* Done */;
    } else if (te !== void 0) {
      if (cl !== void 0) this.reusable = false;
      const codings = te.toLowerCase().split(",");
      if (codings[codings.length - 1].trim() === "chunked") this.state = 2 /* ChunkSize */;
      else {
        this.state = 6 /* UntilClose */;
        this.reusable = false;
      }
    } else if (cl !== void 0) {
      const values = cl.split(",").map((v) => v.trim());
      if (!values.every((v) => /^\d{1,15}$/.test(v) && v === values[0])) {
        this.protocolError("its Content-Length is not one number");
        return false;
      }
      this.remaining = Number(values[0]);
      if (this.remaining > this.pool.maxBodyBytes) {
        this.protocolError(`its Content-Length is larger than ${this.pool.maxBodyBytes} bytes`);
        return false;
      }
      this.state = this.remaining === 0 ? 7 /* Done */ : 1 /* Length */;
    } else {
      this.state = 6 /* UntilClose */;
      this.reusable = false;
    }
    const resolve3 = this.resolveHead;
    this.resolveHead = this.rejectHead = null;
    this.onEvent?.("headers");
    resolve3(res);
    return true;
  }
  /** A CRLF-terminated line from the pending bytes and `b`, or null (kept pending) when incomplete. */
  readLine(b, max) {
    const before = this.pending === null ? 0 : this.pending.length;
    const buf = this.pending === null ? b : Buffer.concat([this.pending, b]);
    const end = buf.indexOf("\r\n", Math.max(0, before - 1), "latin1");
    if (end < 0 || end > max) {
      if (end > max || buf.length > max + 1) this.protocolError("a chunk size or trailer line is too long");
      else this.pending = buf;
      return null;
    }
    this.pending = null;
    return { text: buf.toString("latin1", 0, end), rest: buf.subarray(end + 2) };
  }
  deliver(b) {
    if (b.length === 0) return;
    this.bodyBytes += b.length;
    if (this.bodyBytes > this.pool.maxBodyBytes) {
      this.protocolError(`its body is larger than ${this.pool.maxBodyBytes} bytes`);
      return;
    }
    this.onEvent?.("data");
    this.res.push(b);
  }
  /** The response is complete; `rest` is what followed it on the wire (should be nothing). */
  finish(rest) {
    const res = this.res;
    this.res = null;
    this.onEvent = null;
    this.state = 7 /* Done */;
    res.end();
    if (this.reusable && (rest === null || rest.length === 0) && !this.socket.destroyed) this.pool.release(this);
    else this.socket.destroy();
  }
};
var Http1Pool = class {
  constructor(endpoint, options = {}) {
    this.endpoint = endpoint;
    this.options = options;
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    this.maxIdleMs = options.maxIdleMs ?? 4e3;
  }
  endpoint;
  options;
  idle = [];
  maxBodyBytes;
  maxIdleMs;
  /**
   * Send `head` (the whole request, head and body) and wait for the response's head; `onEvent`
   * hears "connected" (at once on a kept-alive connection), "headers" and each "data".
   */
  request(head, onEvent) {
    let conn = this.idle.pop();
    if (conn !== void 0) {
      const now = performance.now();
      while (conn !== void 0 && (conn.socket.destroyed || now > conn.idleUntil)) {
        conn.socket.destroy();
        conn = this.idle.pop();
      }
    }
    if (conn === void 0) {
      const e = this.endpoint;
      const socket = e.secure ? tls.connect({
        host: e.host,
        port: e.port,
        ALPNProtocols: ["http/1.1"],
        ...net.isIP(e.host) ? {} : { servername: e.host },
        ...this.options.ca === void 0 ? {} : { ca: this.options.ca }
      }) : net.connect({ host: e.host, port: e.port });
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 1e3);
      conn = new Connection(socket, this);
      socket.once(e.secure ? "secureConnect" : "connect", () => onEvent("connected"));
    } else {
      conn.socket.ref();
      onEvent("connected");
    }
    const c = conn;
    const { n, head: response } = c.send(head, onEvent);
    return { response, abort: (reason) => c.abort(n, reason) };
  }
  /** A connection whose response is complete: kept for the next request, not keeping the process alive. */
  release(conn) {
    const ttl = conn.keepAliveMs === void 0 ? this.maxIdleMs : Math.min(this.maxIdleMs, conn.keepAliveMs - 1e3);
    if (ttl <= 0) {
      conn.socket.destroy();
      return;
    }
    conn.idleUntil = performance.now() + ttl;
    conn.socket.unref();
    this.idle.push(conn);
  }
  /** A connection that closed: never handed out again. */
  forget(conn) {
    const i = this.idle.indexOf(conn);
    if (i >= 0) this.idle.splice(i, 1);
  }
  /** Closes the idle connections (those in use close when their responses end). */
  close() {
    for (const c of this.idle.splice(0)) c.socket.destroy();
  }
};

// src/adapters/openai/openai-provider.ts
var NETWORK_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ENETUNREACH", "EHOSTUNREACH", "EAI_AGAIN", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
function completionUrl(baseUrl, api) {
  return `${baseUrl.replace(/\/+$/, "")}${api === "chat" ? "/chat/completions" : "/completions"}`;
}
function requestBody(req) {
  const body = { ...req.params, model: req.model, stream: req.stream };
  delete body.stream_options;
  if (req.api === "chat") body.messages = req.messages;
  else body.prompt = req.prompt;
  if (req.stream) body.stream_options = { include_usage: true };
  return body;
}
var OpenAiCompatibleProvider = class {
  constructor(opts) {
    this.opts = opts;
    this.baseUrl = opts.baseUrl.replace(/\/+$/, "");
  }
  opts;
  baseUrl;
  // Our own keep-alive HTTP/1.1 client: node:http's costs about twice its CPU a request, and
  // fetch's three to five times node:http's (bench/http-client.mjs), which matters when the harness
  // shares two cores with the server it measures.
  pools = /* @__PURE__ */ new Map();
  /** Per endpoint URL and Accept: its connections and its request head, built once. */
  routes = /* @__PURE__ */ new Map();
  noticed = false;
  route(url, accept) {
    const key = `${accept} ${url}`;
    let r = this.routes.get(key);
    if (r === void 0) {
      try {
        const endpoint = parseEndpoint(url);
        const origin = `${endpoint.secure ? "https" : "http"}://${endpoint.authority}`;
        let pool = this.pools.get(origin);
        if (pool === void 0) this.pools.set(origin, pool = new Http1Pool(endpoint));
        const headers = { "content-type": "application/json", accept, ...this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}, ...this.opts.headers };
        r = { pool, head: requestHeadPrefix(endpoint, headers) };
      } catch (err) {
        const env = this.opts.apiKeyEnv;
        throw new ProviderError(`cannot send a request to ${url}: ${err instanceof Error ? err.message : String(err)}`, "bad_request", {
          retryable: false,
          fatal: true,
          ...env && this.opts.apiKey && !FIELD_VALUE.test(this.opts.apiKey) ? { hint: `the API key in ${env} has a line break, a control character or a character past ASCII: set it without them` } : {}
        });
      }
      this.routes.set(key, r);
    }
    return r;
  }
  /** POSTs `payload` on `route`; resolves with the response once its head has arrived. */
  post(route, payload, cancel, observe) {
    if (cancel.fired) return Promise.reject(new Error("cancelled"));
    const x = route.pool.request(`${route.head}${Buffer.byteLength(payload)}\r
\r
${payload}`, observe);
    cancel.fire = (err) => x.abort(err);
    return x.response;
  }
  /** Closes the idle keep-alive connections (they do not keep the process alive meanwhile). */
  close() {
    for (const pool of this.pools.values()) pool.close();
  }
  async complete(req, signal, observe = () => {
  }) {
    const url = completionUrl(this.baseUrl, req.api);
    const body = requestBody(req);
    const cancel = { fired: false };
    const onAbort = () => {
      cancel.fired = true;
      cancel.fire?.(new Error("cancelled"));
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await this.send(url, body, req, cancel, signal, observe);
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }
  /** POST <base>/embeddings; the vectors in input order (sorted by `index` as the API numbers them). */
  async embed(req, signal) {
    const url = `${this.baseUrl}/embeddings`;
    const cancel = { fired: false };
    const onAbort = () => {
      cancel.fired = true;
      cancel.fire?.(new Error("cancelled"));
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const t0 = performance.now();
    try {
      const route = this.route(url, "application/json");
      let res;
      try {
        res = await this.post(route, JSON.stringify({ model: req.model, input: req.input }), cancel, () => {
        });
      } catch (err) {
        throw this.classifyThrown(err, url, signal);
      }
      if (res.status < 200 || res.status >= 300) throw await this.httpError(res, url, req.model);
      let text;
      try {
        text = await res.text();
      } catch (err) {
        throw this.classifyThrown(err, url, signal);
      }
      return parseEmbeddings(text, req.input.length, url, performance.now() - t0);
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }
  async send(url, body, req, cancel, signal, observe) {
    const route = this.route(url, req.stream ? "text/event-stream" : "application/json");
    const t0 = performance.now();
    let res;
    try {
      res = await this.post(route, JSON.stringify(body), cancel, observe);
    } catch (err) {
      throw this.classifyThrown(err, url, signal);
    }
    if (res.status < 200 || res.status >= 300) throw await this.httpError(res, url, req.model);
    const plainJson = req.stream && /application\/json/i.test(res.header("content-type") ?? "");
    if (plainJson && !this.noticed) {
      this.noticed = true;
      this.opts.onNotice?.(`${url} does not stream: it answered stream: true with plain JSON; reading whole responses (no time to first token). Set target.stream: false in the suite to stop asking`);
    }
    try {
      return req.stream && !plainJson ? await readStream(res, req.api, t0, url, observe) : await readJson(res, req.api, t0, url);
    } catch (err) {
      if (err instanceof ProviderError && !signal?.aborted) throw err;
      throw this.classifyThrown(err, url, signal);
    }
  }
  classifyThrown(err, url, signal) {
    if (signal?.aborted) {
      const why = signal.reason;
      if (why instanceof DeadlineExceeded) return new ProviderError(`${url}: ${why.message}`, "timeout", { retryable: true });
      return new ProviderError(`request to ${url} cancelled${why instanceof Error && why.name !== "AbortError" ? `: ${why.message}` : ""}`, "network", { retryable: false, fatal: true });
    }
    const code = errorCode(err);
    if (code === "ECONNREFUSED") {
      return new ProviderError(`cannot connect to ${url}: connection refused`, "refused", {
        retryable: true,
        fatal: true,
        maxAttempts: 3,
        hint: "is the model server running and listening there? Set target.base_url in the suite or pass --base-url"
      });
    }
    if (code === "ENOTFOUND") {
      return new ProviderError(`cannot resolve the host of ${url}`, "refused", { retryable: false, fatal: true, hint: "check target.base_url / --base-url" });
    }
    const cause = err?.cause;
    const what = code && NETWORK_CODES.has(code) ? code : cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
    return new ProviderError(`network error talking to ${url}: ${what}`, "network", { retryable: true });
  }
  async httpError(res, url, model) {
    let detail = "";
    try {
      detail = (await res.text()).slice(0, 2e3);
      const j = JSON.parse(detail);
      detail = typeof j.error === "string" ? j.error : j.error?.message ?? j.message ?? j.detail ?? detail;
    } catch {
    }
    detail = detail.replace(/\s+/g, " ").trim().slice(0, 300);
    const status = res.status;
    const suffix = detail ? `: ${detail}` : "";
    if (status === 401 || status === 403) {
      const env = this.opts.apiKeyEnv;
      return new ProviderError(`${url} answered ${status} ${status === 401 ? "Unauthorized" : "Forbidden"}${suffix}`, "auth", {
        status,
        retryable: false,
        fatal: true,
        hint: env ? `check the API key in the environment variable ${env}${this.opts.apiKey ? "" : " (it is not set)"}` : "the server wants an API key: name its environment variable in target.api_key_env"
      });
    }
    if (status === 404) {
      return new ProviderError(`${url} answered 404 Not Found${suffix}`, "not_found", {
        status,
        retryable: false,
        fatal: true,
        hint: `check target.base_url (it usually ends in /v1) and that the server serves model "${model}"`
      });
    }
    if (status === 429 || status === 408 || status >= 500) {
      const retryAfterMs = parseRetryAfter(res.header("retry-after"));
      return new ProviderError(`${url} answered ${status}${suffix}`, "http", { status, retryable: true, ...retryAfterMs === void 0 ? {} : { retryAfterMs } });
    }
    return new ProviderError(`${url} rejected the request (${status})${suffix}`, "bad_request", { status, retryable: false });
  }
};
function errorCode(err) {
  let e = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = e.code;
    if (typeof code === "string") return code;
    e = e.cause;
  }
  return void 0;
}
function truncated(url, why) {
  return new ProviderError(`incomplete response from ${url}: ${why}`, "truncated", { retryable: true });
}
async function readJson(res, api, t0, url) {
  const text = await res.text();
  let j;
  try {
    j = JSON.parse(text);
  } catch {
    throw truncated(url, `body is not valid JSON (${text.length} bytes)`);
  }
  const choice = j.choices?.[0];
  if (!choice) throw truncated(url, "no choices in the response");
  const out = api === "chat" ? choice.message?.content : choice.text;
  return {
    text: out ?? "",
    finishReason: choice.finish_reason ?? null,
    promptTokens: j.usage?.prompt_tokens ?? null,
    completionTokens: j.usage?.completion_tokens ?? null,
    ttftMs: null,
    latencyMs: performance.now() - t0
  };
}
async function readStream(res, api, t0, url, observe) {
  const decoder = new TextDecoder();
  let buf = "";
  let text = "";
  let ttft = null;
  let finish = null;
  let usage;
  let done = false;
  const handle = (data) => {
    if (data === "[DONE]") {
      done = true;
      return;
    }
    let chunk;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw truncated(url, "a stream event is not valid JSON");
    }
    if (chunk.usage) usage = chunk.usage;
    const c = chunk.choices?.[0];
    if (!c) return;
    const piece = api === "chat" ? c.delta?.content : c.text;
    if (piece) {
      observe("token");
      if (ttft === null) ttft = performance.now() - t0;
      text += piece;
    }
    if (c.finish_reason) finish = c.finish_reason;
  };
  for await (const bytes of res.body) {
    observe("data");
    buf += decoder.decode(bytes, { stream: true });
    let idx;
    while ((idx = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, idx).replace(/\r$/, "");
      buf = buf.slice(idx + 1);
      if (line.startsWith("data:")) handle(line.slice(5).trim());
    }
  }
  buf += decoder.decode();
  if (buf.startsWith("data:")) handle(buf.slice(5).trim());
  if (!done && finish === null) throw truncated(url, "the stream ended before [DONE]");
  return {
    text,
    finishReason: finish,
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    ttftMs: ttft,
    latencyMs: performance.now() - t0
  };
}
function parseEmbeddings(text, count, url, latencyMs) {
  let j;
  try {
    j = JSON.parse(text);
  } catch {
    throw truncated(url, `body is not valid JSON (${text.length} bytes)`);
  }
  const data = Array.isArray(j.data) ? [...j.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) : [];
  const vectors = data.map((d) => d.embedding);
  if (vectors.length !== count || !vectors.every((v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number" && Number.isFinite(x)))) {
    throw new ProviderError(`${url} did not answer ${count} embedding vector(s) of finite numbers (got ${vectors.length})`, "bad_request", {
      retryable: false,
      hint: "check that the model named in the scorer's target is an embedding model served at /v1/embeddings"
    });
  }
  return { vectors, promptTokens: j.usage?.prompt_tokens ?? null, latencyMs };
}

// src/app/serve/managed-serve.ts
import { spawn } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname3, join as join3 } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
function locateCliBundle(from = import.meta.url) {
  let dir = dirname3(fileURLToPath(from));
  for (; ; ) {
    const candidate = join3(dir, "dist", "cli", "index.js");
    if (existsSync2(candidate)) return candidate;
    if (existsSync2(join3(dir, "cli", "index.js")) && existsSync2(join3(dir, "..", "package.json"))) return join3(dir, "cli", "index.js");
    const parent = dirname3(dir);
    if (parent === dir) throw new InternalError("dist/cli/index.js was not found above this llmops installation; the package is incomplete");
    dir = parent;
  }
}
var PASS_ENV = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "SYSTEMROOT", "LLMOPS_DEBUG"];
async function startManagedServe(o) {
  const args = [locateCliBundle(), "serve", o.modelPath, "--port", "0", "--name", o.name, "--parallel", String(o.parallel), "--queue", String(o.queue)];
  if (o.threads) args.push("--threads", String(o.threads));
  if (o.ctx) args.push("--ctx", String(o.ctx));
  if (o.kvCache) args.push("--kv-cache", o.kvCache);
  if (o.adapterPath) args.push("--adapter", o.adapterPath);
  const env = {};
  for (const k of PASS_ENV) if (o.env[k] !== void 0) env[k] = o.env[k];
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"], shell: false });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr = (stderr + d.toString("utf8")).slice(-4e3);
  });
  const exited = new Promise((resolve3) => child.once("exit", (code, signal) => resolve3(code ?? (signal ? 128 : null))));
  let running = true;
  void exited.then(() => running = false);
  const stop = async () => {
    if (!running) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15e3);
    await exited;
    clearTimeout(timer);
  };
  const fail = async (why) => {
    await stop();
    const tail = stderr.trim().split("\n").slice(-4).join("\n");
    throw new ExternalError(`llmops serve ${o.modelPath} ${why}${tail ? `:
${tail}` : ""}`, { hint: "run the same llmops serve command by hand to see the whole log" });
  };
  const deadline = Date.now() + o.startupTimeoutMs;
  const url = await new Promise((resolve3) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const m = /^listening on (http:\/\/\S+)$/.exec(line);
      if (m) resolve3(m[1]);
    });
    void exited.then(() => resolve3(void 0));
    setTimeout(() => resolve3(void 0), o.startupTimeoutMs).unref();
  });
  if (!url) return fail(running ? `did not open a port within ${o.startupTimeoutMs / 1e3}s` : "exited before listening");
  o.logger.info(`started llmops serve for ${o.name} at ${url} (pid ${child.pid}); waiting for /health`);
  for (; ; ) {
    if (!running) return fail("exited while loading the model");
    try {
      const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5e3) });
      if (r.status === 200) break;
    } catch {
    }
    if (Date.now() > deadline) return fail(`was not healthy within ${o.startupTimeoutMs / 1e3}s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl: `${url}/v1`, stop };
}

// src/core/eval/judge/summarize.ts
var CALIBRATION_RESAMPLES = 2e3;
function computeCalibration(tally, human, ordinal) {
  const a = [];
  const b = [];
  let unmatched = 0;
  for (const [caseId, label] of human.labels) {
    const judged = tally.labels.get(caseId);
    if (!judged) {
      unmatched++;
      continue;
    }
    a.push(label);
    b.push(judged.label);
  }
  const weights = ordinal ? "quadratic" : "none";
  const k = tally.categories.length;
  const kappa = cohenKappa(a, b, k, weights);
  const { ci } = kappaBootstrap(a, b, k, weights, CALIBRATION_RESAMPLES, 1);
  return {
    labels_file: human.file,
    labels_sha256: human.sha256,
    n: a.length,
    statistic: "cohen_kappa",
    weights,
    kappa,
    ci95: ci,
    interval_method: "bootstrap-percentile",
    resamples: CALIBRATION_RESAMPLES,
    observed_agreement: observedAgreement(a, b),
    min_kappa: human.minKappa,
    below_min: kappa === null ? null : kappa < human.minKappa,
    unmatched_labels: unmatched
  };
}
function summarizeJudges(scorers, ctx) {
  const out = {};
  for (const s of scorers) {
    if (!s.remote || !s.tally) continue;
    const t = s.tally();
    const u = ctx.usage.get(s.name) ?? { requests: 0, cached: 0, retries: 0, prompt_tokens: 0, completion_tokens: 0, cost: s.remote.target.prices ? 0 : null };
    const j = {
      type: s.type,
      target: { base_url: s.remote.target.base_url, model: s.remote.target.model },
      prompt: t.prompt,
      samples: t.samples,
      errors: { ...t.errors },
      error_example: t.error_example,
      distribution: { ...t.distribution },
      usage: { ...u, currency: s.remote.target.prices?.currency ?? null }
    };
    if (t.pairwise) {
      const p = t.pairwise;
      j.position_bias = {
        ...p,
        flip_rate: p.pairs > 0 ? p.inconsistent / p.pairs : null,
        first_position_win_rate: p.decisive_verdicts > 0 ? p.first_position_wins / p.decisive_verdicts : null,
        first_position_ci95: p.decisive_verdicts > 0 ? wilsonInterval(p.first_position_wins, p.decisive_verdicts) : null
      };
    }
    const human = ctx.labels.get(s.name);
    if (human) j.calibration = computeCalibration(t, human, t.categories.length > 2);
    out[s.name] = j;
  }
  return Object.keys(out).length ? out : void 0;
}
function judgeWarnings(judges) {
  const out = [];
  for (const [name, j] of Object.entries(judges ?? {})) {
    const failed = j.errors.parse + j.errors.request;
    if (failed > 0) out.push(`scorer ${name}: ${failed} of ${j.samples} sample(s) have no verdict (${j.errors.parse} unparseable answer(s), ${j.errors.request} failed request(s)); first: ${j.error_example?.message ?? "?"}`);
    const c = j.calibration;
    if (c?.below_min) out.push(`scorer ${name}: agreement with human labels is below the suite's minimum \u2014 Cohen's kappa ${c.kappa.toFixed(3)} (95% CI ${fmtCi(c.ci95)}, n = ${c.n}) < min_kappa ${c.min_kappa}; do not trust this judge's scores until its prompt or model agrees better`);
    else if (c && c.kappa === null) out.push(`scorer ${name}: agreement with human labels is undefined (n = ${c.n}${c.n > 0 ? ", every label in one category" : ""}); add labels for more cases (${c.labels_file})`);
  }
  return out;
}
function fmtCi(ci) {
  return ci ? `${ci[0].toFixed(3)} to ${ci[1].toFixed(3)}` : "n/a";
}

// src/app/eval/run-judges.ts
function judgeRemote(o, suite, cacheDir) {
  const providers = /* @__PURE__ */ new Map();
  const warned = /* @__PURE__ */ new Set();
  const providerFor = (t) => {
    const id = `${t.base_url}\0${t.api_key_env ?? ""}`;
    let p = providers.get(id);
    if (!p) {
      const apiKey = t.api_key_env ? o.env[t.api_key_env] : void 0;
      if (t.api_key_env && !apiKey && !warned.has(t.api_key_env)) {
        warned.add(t.api_key_env);
        o.logger.warn(`environment variable ${t.api_key_env} (a judge's target.api_key_env) is not set; sending no API key to ${t.base_url}`);
      }
      p = new OpenAiCompatibleProvider({ baseUrl: t.base_url, ...apiKey ? { apiKey } : {}, ...t.api_key_env ? { apiKeyEnv: t.api_key_env } : {} });
      providers.set(id, p);
    }
    return p;
  };
  return {
    deps: { providerFor, cache: o.noCache ? null : new DiskResponseCache(cacheDir, o.logger), clock: systemClock, random: Math.random, logger: o.logger },
    opts: {
      concurrency: o.concurrency ?? suite.concurrency,
      retry: { maxAttempts: suite.retries.max_attempts, baseDelayMs: suite.retries.base_delay_ms, maxDelayMs: suite.retries.max_delay_ms },
      requestTimeoutMs: (o.timeouts?.request_s ?? suite.timeouts.request_s) * 1e3
    }
  };
}
function withJudges(summary, scorers, usage, labels, logger) {
  const judges = summarizeJudges(scorers, { usage, labels });
  if (!judges) return;
  summary.judges = judges;
  for (const w of judgeWarnings(judges)) logger.warn(neutralizeLogText(w));
}
function judgePlan(scorers, first) {
  if (!first) return [];
  const input = scoreInputOf(first, { text: "(the model's output)", finishReason: null, promptTokens: null, completionTokens: null, ttftMs: null, latencyMs: 0 }, null);
  return scorers.flatMap((s) => {
    if (!s.remote) return [];
    const req = s.remote.preview(input);
    const base = s.remote.target.base_url.replace(/\/+$/, "");
    if (req === null) return [{ scorer: s.name, url: base, body: null }];
    if (req.api === "embeddings") return [{ scorer: s.name, url: `${base}/embeddings`, body: { model: req.model, input: req.input } }];
    return [{ scorer: s.name, url: `${base}/chat/completions`, body: requestBody(req) }];
  });
}

// src/app/eval/run-suite.ts
async function prepareSuite(o) {
  let loaded;
  let added;
  if (o.yardstickPath) {
    const yard = await loadSuite(o.yardstickPath, o.cwd);
    const cand = await loadSuite(o.suitePath, o.cwd, o.variant, checkoutRoot(resolve(o.cwd, o.suitePath)));
    loaded = withYardstick(yard, cand, o.logger);
    added = { cases: await newCaseSetOf(yard.cases, cand.cases), datasetHash: cand.hashes.dataset };
  } else {
    loaded = await loadSuite(o.suitePath, o.cwd, o.variant);
  }
  for (const w of loaded.warnings) o.logger.warn(w);
  const { suite } = loaded;
  const target = effectiveTarget(suite, { ...o.baseUrl ? { baseUrl: o.baseUrl } : {}, ...o.model ? { model: o.model } : {} });
  const scorers = createScorers(suite.scorers);
  const prompt = compilePrompt(loaded.prompt, `${loaded.displayFile}: prompt`, loaded.promptOrigins);
  const local = target.provider === "llama-cpp" ? await localModel(loaded.file, loaded.displayFile, target) : void 0;
  const selection = { ...o.limit !== void 0 ? { limit: o.limit } : {}, ...o.shard ? { shard: o.shard } : {} };
  const planner = (t) => new JobPlanner(suite, prompt, t, local?.identity);
  const planFor = (t) => planRun(loaded.cases, planner(t), selection);
  const limitedCases = o.limit !== void 0 ? Math.min(loaded.cases.count, Math.max(0, o.limit)) : loaded.cases.count;
  for await (const first of planFor(target).plannedCases()) {
    planner(target).jobsFor(first, 0);
    break;
  }
  const newCases = o.limit === void 0 && !o.shard && added && added.cases.count > 0 ? added.cases : null;
  const newPlanFor = (t) => newCases ? planRun(newCases, planner(t), {}) : null;
  return { loaded, suite, target, scorers, limitedCases, local, planFor, newPlanFor, newDatasetHash: added?.datasetHash ?? "" };
}
function checkoutRoot(suiteFile) {
  for (let d = dirname4(suiteFile); ; d = dirname4(d)) {
    if (existsSync3(join4(d, ".git"))) return d;
    if (dirname4(d) === d) return dirname4(suiteFile);
  }
}
function withYardstick(yard, cand, logger) {
  const ignored = [];
  if (cand.hashes.dataset !== yard.hashes.dataset) ignored.push("its cases (the yardstick's are gated; cases it adds are evaluated apart, not gated)");
  if (stableStringify(cand.suite.scorers) !== stableStringify(yard.suite.scorers)) ignored.push("its scorers");
  if (cand.suite.target.base_url !== yard.suite.target.base_url || cand.suite.target.model !== yard.suite.target.model || cand.suite.target.api_key_env !== yard.suite.target.api_key_env) ignored.push("its target endpoint, model or key");
  if (stableStringify(cand.suite.gate ?? null) !== stableStringify(yard.suite.gate ?? null)) ignored.push("its gate policy");
  const seedOf = (p) => p.seed ?? p.extra?.seed;
  const { extra: candExtra, ...candNamed } = cand.suite.target.params;
  const { seed: _extraSeed, ...extraRest } = candExtra ?? {};
  const yardSeed = seedOf(yard.suite.target.params);
  const params = {
    ...candNamed,
    seed: yard.suite.target.params.seed,
    ...candExtra !== void 0 || yard.suite.target.params.extra?.seed !== void 0 ? { extra: { ...extraRest, ...yard.suite.target.params.extra?.seed !== void 0 ? { seed: yard.suite.target.params.extra.seed } : {} } } : {}
  };
  if (params.seed === void 0) delete params.seed;
  if (stableStringify(seedOf(cand.suite.target.params) ?? null) !== stableStringify(yardSeed ?? null)) ignored.push("its sampling seed");
  if (ignored.length > 0) logger.warn(`${cand.displayFile} changes ${ignored.join(", ")}; evaluated with ${yard.displayFile}'s instead (only the prompt and sampling parameters, not the seed, come from ${cand.displayFile})`);
  return {
    ...yard,
    suite: { ...yard.suite, target: { ...yard.suite.target, params } },
    prompt: cand.prompt,
    promptOrigins: cand.promptOrigins,
    promptFile: cand.promptFile,
    hashes: { ...yard.hashes, prompt: cand.hashes.prompt },
    warnings: [...yard.warnings, ...cand.warnings]
  };
}
async function localModel(suiteFile, displayFile, target) {
  const key = target.gguf !== void 0 ? "gguf" : "model_path";
  const check = async (field, value) => {
    const p = resolve(dirname4(suiteFile), value);
    if (!existsSync3(p)) throw new ConfigError(`${displayFile}: target.${field}: model file not found: ${p}`, { hint: "paths are relative to the suite file; export one with llmops export gguf <model-dir>" });
    if (statSync2(p).isDirectory()) throw new ConfigError(`${displayFile}: target.${field}: ${p} is a directory; name the .gguf file`, { hint: "export one with llmops export gguf <model-dir>" });
    return { path: p, hash: `sha256:${await sha256File(p)}` };
  };
  const model = await check(key, target.gguf ?? target.model_path);
  const adapter = target.serve?.adapter ? await check("serve.adapter", target.serve.adapter) : void 0;
  return { modelPath: model.path, ...adapter ? { adapterPath: adapter.path } : {}, identity: `llama-cpp:${model.hash}${adapter ? `+${adapter.hash}` : ""}` };
}
async function planSuite(o) {
  const { suite, target, planFor, scorers } = await prepareSuite(o);
  const plan = planFor(target);
  let firstJob;
  for await (const job of plan.jobs()) {
    firstJob = job;
    break;
  }
  const first = firstJob?.request;
  return {
    suite: suite.name,
    cases: plan.cases,
    repeats: suite.repeats,
    requests: plan.size,
    target: { base_url: target.base_url, model: target.model, api: target.api },
    first_request: first ? { url: completionUrl(target.base_url, first.api), body: requestBody(first) } : null,
    ...withJudgesPlan(judgePlan(scorers, firstJob))
  };
}
async function runSuite(o) {
  const t0 = performance.now();
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const prepared = await prepareSuite(o);
  const { loaded, suite, scorers, limitedCases, planFor, newPlanFor, newDatasetHash, local } = prepared;
  let target = prepared.target;
  let served;
  if (local) {
    const concurrency = o.concurrency ?? suite.concurrency;
    served = await startManagedServe({
      modelPath: local.modelPath,
      ...local.adapterPath ? { adapterPath: local.adapterPath } : {},
      name: target.model,
      parallel: target.serve?.parallel ?? Math.min(concurrency, 4),
      queue: Math.max(64, concurrency),
      ...target.serve?.threads ? { threads: target.serve.threads } : {},
      ...target.serve?.ctx ? { ctx: target.serve.ctx } : {},
      ...target.serve?.kv_cache ? { kvCache: target.serve.kv_cache } : {},
      startupTimeoutMs: (target.serve?.startup_timeout_s ?? 120) * 1e3,
      env: o.env,
      logger: o.logger
    });
    target = { ...target, base_url: served.baseUrl };
  }
  try {
    const newPlan = newPlanFor(target);
    const result = await runPlanned(o, t0, startedAt, { loaded, suite, target, scorers, limitedCases, plan: planFor(target), identity: local?.identity, releaseIndex: !newPlan || newPlan.cases === 0 });
    const newDir = join4(result.outDir, NEW_CASES_DIR);
    if (!newPlan || newPlan.cases === 0) {
      rmSync2(newDir, { recursive: true, force: true });
      return result;
    }
    o.logger.info(`new cases (not gated): ${newPlan.cases} case(s) that ${o.yardstickPath} does not have, evaluated apart into ${newDir}`);
    const added = await runPlanned({ ...o, out: newDir }, performance.now(), (/* @__PURE__ */ new Date()).toISOString(), {
      loaded: { ...loaded, hashes: { ...loaded.hashes, dataset: newDatasetHash } },
      suite,
      target,
      scorers,
      limitedCases: newPlan.cases,
      plan: newPlan,
      identity: local?.identity,
      releaseIndex: true
    });
    return { ...result, newCases: added };
  } finally {
    await served?.stop();
  }
}
async function runPlanned(o, t0, startedAt, p) {
  const { loaded, suite, target, scorers, limitedCases, plan } = p;
  const outDir = resolve(o.cwd, o.out ?? join4(".llmops", "eval", loaded.variant ? `${suite.name}@${loaded.variant}` : suite.name));
  mkdirSync2(outDir, { recursive: true });
  const release = acquireDirLock(join4(outDir, ".lock"));
  try {
    const store = new JsonlResultsStore(join4(outDir, "results.jsonl"));
    const apiKey = target.api_key_env ? o.env[target.api_key_env] : void 0;
    if (apiKey) o.onSecret?.(apiKey);
    if (target.api_key_env && !apiKey) o.logger.warn(`environment variable ${target.api_key_env} (target.api_key_env) is not set; sending no API key`);
    const provider = new OpenAiCompatibleProvider({
      baseUrl: target.base_url,
      ...apiKey ? { apiKey } : {},
      ...target.api_key_env ? { apiKeyEnv: target.api_key_env } : {},
      onNotice: (m) => o.logger.warn(m)
    });
    const cacheDir = o.cacheDir ?? defaultResponseCacheDir(o.env);
    o.logger.info(
      `eval ${suite.name}: ${plan.cases} cases \xD7 ${suite.repeats} repeat(s) against ${target.model} at ${target.base_url} (concurrency ${o.concurrency ?? suite.concurrency}${o.noCache ? ", no cache" : ""})`
    );
    const accumulator = new SummaryAccumulator(scorers, suite.repeats, o.exactPercentiles ?? false);
    if (p.releaseIndex && !store.mayHoldRecords() && !scorers.some((s) => s.remote !== void 0) && plan.releaseIndex() >= 4 << 20) collectGarbage();
    const uncapHeap = capHeapGrowth();
    const outcome = await runEval(
      plan,
      {
        summary: accumulator,
        provider,
        cache: o.noCache ? null : new DiskResponseCache(cacheDir, o.logger),
        store,
        scorers,
        clock: systemClock,
        logger: o.logger,
        progress: o.progress,
        random: Math.random,
        ...o.signal ? { signal: o.signal } : {},
        remote: judgeRemote(o, suite, cacheDir)
      },
      {
        concurrency: o.concurrency ?? suite.concurrency,
        retry: { maxAttempts: suite.retries.max_attempts, baseDelayMs: suite.retries.base_delay_ms, maxDelayMs: suite.retries.max_delay_ms },
        prices: target.prices,
        deadlines: deadlinePolicy({ ...suite.timeouts, ...o.timeouts }),
        hedge: hedgeEnabled(o.hedge ?? suite.hedge, target.base_url)
      }
    ).finally(uncapHeap);
    if (store.keptPrevious) {
      const summaryPath2 = join4(outDir, "summary.json");
      if (existsSync3(summaryPath2)) renameSync3(summaryPath2, join4(outDir, "summary.previous.json"));
      o.logger.warn(`${outDir} held records this run does not keep; the previous run is kept as results.previous.jsonl and summary.previous.json there (use another --out to keep runs side by side)`);
    }
    if (store.droppedPartialLine) o.logger.warn("the results file ended in a cut-off line (an earlier run was killed); it was dropped and that case re-run");
    const params = flatParams(target.params);
    const summary = accumulator.summary({
      suite: { name: suite.name, file: relative(o.cwd, loaded.file) || loaded.file, hash: loaded.hashes.suite },
      cases: plan.cases,
      repeats: suite.repeats,
      scorers,
      configs: Object.fromEntries(scorers.map((s, i) => [s.name, suite.scorers[i]])),
      currency: target.prices?.currency,
      provenance: {
        llmops_version: VERSION,
        git: gitInfo(o.cwd),
        suite_hash: loaded.hashes.suite,
        dataset_hash: loaded.hashes.dataset,
        prompt_hash: loaded.hashes.prompt,
        ...loaded.variant ? { variant: loaded.variant } : {},
        // A llama-cpp target is named by its files' hashes (the port changes every run).
        target: {
          provider: target.provider,
          base_url: p.identity ?? target.base_url,
          model: target.model,
          api: target.api,
          params,
          ...p.identity ? { model_hash: p.identity.replace(/^llama-cpp:/, "") } : {}
        },
        scorers: Object.fromEntries(scorers.map((s) => [s.name, s.signature])),
        seed: suite.seed,
        started_at: startedAt,
        finished_at: (/* @__PURE__ */ new Date()).toISOString(),
        node: process.version
      },
      bootstrapResamples: 2e3,
      prices: target.prices,
      deadlines: outcome.deadlines
    });
    withJudges(summary, scorers, outcome.remote, loaded.judgeLabels, o.logger);
    const summaryPath = join4(outDir, "summary.json");
    writeFileSync3(summaryPath, summaryFormat.serialize(summary));
    const shardPath = join4(outDir, "shard.json");
    if (o.shard) {
      const caseIds = [];
      for await (const c of plan.plannedCases()) caseIds.push(c.id);
      const shard = {
        schema: "llmops.eval-shard/v1",
        index: o.shard.index,
        count: o.shard.count,
        suite: { name: suite.name, file: relative(o.cwd, loaded.file) || loaded.file, hash: loaded.hashes.suite },
        total_cases: limitedCases,
        case_ids: caseIds
      };
      writeFileSync3(shardPath, evalShardFormat.serialize(shard));
    } else if (existsSync3(shardPath)) rmSync2(shardPath);
    return { outDir, resultsPath: store.path, summaryPath, summary, outcome, wallMs: performance.now() - t0 };
  } finally {
    release();
  }
}
function assertSomeAnswered(r) {
  const { errors, records } = r.summary.counts;
  if (records === 0 || errors < records) return;
  const kinds = r.summary.errors.map((e) => `${e.count} \xD7 ${e.kind}: ${e.example}`).join("; ");
  throw new ExternalError(`every request failed (${errors} of ${records}) \u2014 ${kinds || "see results.jsonl"}`, {
    hint: `the model server answered no request successfully; check target.base_url, the model name and the server's log (the errors are in ${r.resultsPath})`
  });
}
function defaultResponseCacheDir(env) {
  const base = env.RUNNER_TOOL_CACHE || env.RUNNER_TEMP || env.XDG_CACHE_HOME || join4(env.HOME || homedir(), ".cache");
  return join4(base, "llmops", "responses");
}
function withJudgesPlan(judges) {
  return judges.length ? { judges } : {};
}

// src/core/eval/render-summary.ts
function pct(x) {
  return x === null ? "\u2013" : (x * 100).toFixed(1);
}
function ms(x) {
  return x === null ? "\u2013" : x < 10 ? x.toFixed(2) : x.toFixed(0);
}
function summaryRows(s) {
  return Object.entries(s.metrics).map(([name, m]) => [
    name,
    pct(m.mean),
    m.ci95 ? `[${pct(m.ci95[0])}, ${pct(m.ci95[1])}]` : "\u2013",
    m.se === null ? "\u2013" : pct(m.se),
    m.pass_rate === null ? "\u2013" : `${pct(m.pass_rate)}%`,
    `${m.n}${m.n !== m.n_cases ? ` (${m.n_cases} cases)` : ""}`,
    m.method
  ]);
}
function budgetLines(s) {
  const out = [];
  for (const [name, m] of Object.entries(s.metrics)) {
    for (const [k, b] of Object.entries(m.budgets ?? {})) {
      const mark = b.pass === null ? "n/a" : b.pass ? "ok" : "OVER BUDGET";
      out.push(`${name} ${k}: ${b.observed === null ? "\u2013" : ms(b.observed)} (budget ${b.budget}) ${mark}`);
    }
  }
  return out;
}
var HEADER = ["metric", "mean \xD7100", "95% CI", "SE \xD7100", "pass", "n", "interval"];
function renderSummaryText(s) {
  const rows = [HEADER, ...summaryRows(s)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const table = rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
  const lat = `latency ms: p50 ${ms(s.latency.p50)}  p95 ${ms(s.latency.p95)}  p99 ${ms(s.latency.p99)}  TTFT p50 ${ms(s.latency.ttft_p50)}`;
  const tok = `tokens: ${s.tokens.prompt} prompt + ${s.tokens.completion} completion${s.cost ? `  cost ${s.cost.total.toFixed(4)} ${s.cost.currency}` : ""}`;
  const err = s.counts.errors ? `errors: ${s.errors.map((e) => `${e.count} ${e.kind} (e.g. ${e.example})`).join("; ")}` : "errors: 0";
  const budgets = budgetLines(s);
  const judges = judgeLines(s);
  return `${table}
${lat}
${budgets.length ? `${budgets.join("\n")}
` : ""}${tok}
${err}
${judges.length ? `${judges.join("\n")}
` : ""}`;
}
function judgeLines(s) {
  return Object.entries(s.judges ?? {}).map(([name, j]) => {
    const failed = j.errors.parse + j.errors.request;
    const parts = [`judge ${name} (${j.target.model}): ${j.samples - failed}/${j.samples} verdicts`];
    if (failed) parts.push(`${j.errors.parse} unparsed, ${j.errors.request} failed`);
    const b = j.position_bias;
    if (b) parts.push(`order flips ${pct(b.flip_rate)}%, first-position wins ${pct(b.first_position_win_rate)}%`);
    const c = j.calibration;
    if (c) parts.push(`kappa ${c.kappa === null ? "undefined" : c.kappa.toFixed(3)}${c.ci95 ? ` [${c.ci95[0].toFixed(3)}, ${c.ci95[1].toFixed(3)}]` : ""} (n ${c.n})${c.below_min ? ` BELOW min ${c.min_kappa}` : ""}`);
    parts.push(`${j.usage.requests} requests, ${j.usage.cached} cached, ${j.usage.retries} retries, ${j.usage.prompt_tokens}+${j.usage.completion_tokens} tokens${j.usage.cost !== null ? `, cost ${j.usage.cost.toFixed(4)} ${j.usage.currency ?? ""}` : ""}`);
    return parts.join("; ");
  });
}

// src/core/options/eval.ts
var EVAL_OPTIONS = defineOptions("eval", {
  suite: { type: { kind: "string" }, side: "action", why: "the CLI takes the suite as its positional argument", required: true, description: "path of the eval suite YAML, e.g. evals/qa.yaml" },
  yardstick: {
    type: { kind: "string" },
    side: "action",
    why: "the trusted-gate split of a base suite and a PR's prompts exists only in the workflow",
    description: "a trusted suite (the base branch's) supplying cases, scorers, repeats and the endpoint; `suite` then contributes only its prompt templates and sampling parameters"
  },
  out: {
    type: { kind: "string" },
    side: "both",
    arg: "DIR",
    description: "run directory for results.jsonl and summary.json",
    default: { cli: ".llmops/eval/<suite name>, or <suite name>@<variant>", action: ".llmops/eval/<suite name>" }
  },
  variant: {
    type: { kind: "string", min: 1 },
    side: "cli",
    why: "names an arm for `llmops compare --arm` on a laptop; the action's arms are separate steps",
    arg: "NAME",
    description: "evaluate the suite's variant NAME (its prompt, model, params) on the same cases; compare variants with llmops compare --control DIR --arm NAME=DIR"
  },
  "base-url": { type: { kind: "url" }, side: "both", arg: "URL", description: "override the suite's target.base_url, e.g. http://127.0.0.1:8000/v1" },
  "serve-model": {
    type: { kind: "string" },
    side: "action",
    why: "serves a GGUF for one workflow step; on a laptop `llmops serve` runs beside `llmops eval --base-url`, or a pipeline's service does",
    description: "a GGUF model file to serve with llmops serve on a free loopback port for this evaluation only (replaces base-url; served under a name carrying its content hash; stopped afterwards)"
  },
  model: { type: { kind: "string", min: 1 }, side: "both", arg: "NAME", description: "override the suite's target.model" },
  concurrency: { type: { kind: "int", min: 1 }, side: "both", arg: "N", description: "override the suite's concurrency limit" },
  limit: {
    type: { kind: "int", min: 1 },
    side: "cli",
    why: "a quick local try on the first N cases; a gate in CI must see every case, so the action has no way to cut the suite",
    arg: "N",
    description: "evaluate only the first N cases"
  },
  shard: {
    type: { kind: "string" },
    side: "cli",
    why: "a matrix shard is run by the CLI in each matrix job (docs/evaluation.md); the action evaluates whole suites",
    arg: "I/N",
    description: "evaluate only shard I of N (case i goes to shard i mod N + 1); writes shard.json beside the results, for `eval merge`"
  },
  "dry-run": { type: { kind: "flag" }, side: "cli", why: "shows the plan and the first request on a terminal", description: "print the plan and the first request; send nothing" },
  timeout: {
    type: { kind: "list" },
    side: "cli",
    why: "per-phase deadlines are tuned locally; CI keeps the suite's own",
    arg: "P=S",
    description: "deadline for phase P in seconds (repeatable): connect, headers, first_token, idle (adaptive maxima) or request (the whole request)"
  },
  "fixed-timeouts": { type: { kind: "flag" }, side: "cli", why: "pairs with --timeout", description: "do not adapt the headers/first_token/idle deadlines to the run" },
  hedge: {
    type: { kind: "enum", values: ["auto", "on", "off"] },
    side: "cli",
    why: "hedging is tuned locally; the action keeps the default (auto)",
    description: "send a second copy of a silent request (auto: on for a server on this machine, off for remote/paid APIs)",
    default: "auto"
  },
  "exact-percentiles": {
    type: { kind: "flag" },
    side: "cli",
    why: "a local diagnostic of latency percentiles",
    description: "exact latency percentiles however many records (8 bytes each); by default past 4,096 a sketch within 0.5% is used"
  },
  "no-cache": { type: { kind: "flag" }, side: "both", description: "skip the response cache: neither read nor write it", actionDefault: "false" },
  "cache-dir": {
    type: { kind: "string" },
    side: "both",
    arg: "DIR",
    description: "response cache directory; in an action it must lie outside the workspace",
    default: { cli: "~/.cache/llmops/responses, on a runner its tool cache or temp directory; env LLMOPS_CACHE_DIR", action: "the runner's tool cache, else its temp directory" }
  },
  json: { ...json, description: "print the summary as JSON on stdout" },
  quiet
});

// src/app/eval/merge-shards.ts
import { appendFileSync, closeSync as closeSync3, existsSync as existsSync4, mkdirSync as mkdirSync3, openSync as openSync3, readFileSync as readFileSync3, readSync as readSync2, writeFileSync as writeFileSync4 } from "node:fs";
import { join as join5, resolve as resolve2 } from "node:path";

// src/core/eval/shard.ts
function parseShard(text, option = "--shard") {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`${option} must be I/N with 1 \u2264 I \u2264 N (e.g. 2/4), got ${JSON.stringify(text)}`, { hint: "in a matrix: --shard ${{ matrix.shard }}/4 with shard: [1, 2, 3, 4]" });
  }
  return { index, count };
}
function checkShardSet(shards) {
  const problems = [];
  if (shards.length === 0) return ["no shard directories given"];
  const first = shards[0].shard;
  for (const { dir, shard } of shards) {
    if (shard.suite.hash !== first.suite.hash) problems.push(`${dir} is a shard of suite ${shard.suite.name} (${shard.suite.hash.slice(0, 19)}\u2026), not of ${first.suite.name} (${first.suite.hash.slice(0, 19)}\u2026) like ${shards[0].dir}`);
    if (shard.count !== first.count) problems.push(`${dir} is shard ${shard.index}/${shard.count}, but ${shards[0].dir} is one of ${first.count}`);
  }
  if (problems.length) return problems;
  const seen = /* @__PURE__ */ new Map();
  for (const { dir, shard } of shards) {
    const other = seen.get(shard.index);
    if (other) problems.push(`overlap: ${other} and ${dir} are both shard ${shard.index}/${shard.count}`);
    seen.set(shard.index, dir);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) problems.push(`gap: shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${first.count}`).join(", ")} missing`);
  const owner = /* @__PURE__ */ new Map();
  for (const { dir, shard } of shards) {
    for (const id of shard.case_ids) {
      const o = owner.get(id);
      if (o && o !== dir) {
        problems.push(`overlap: case ${id} is in both ${o} and ${dir}`);
        break;
      }
      owner.set(id, dir);
    }
  }
  if (!problems.length && owner.size !== first.total_cases) problems.push(`gap: the shards hold ${owner.size} cases, the suite has ${first.total_cases}`);
  return problems;
}

// src/app/eval/merge-shards.ts
async function mergeShards(o) {
  if (o.dirs.length < 1) throw new InputError("llmops eval merge: name the shard run directories to merge", { hint: "llmops eval merge shard-1 shard-2 \u2026 --out DIR" });
  const shards = o.dirs.map((d) => ({ dir: d, abs: resolve2(o.cwd, d), shard: readShard(resolve2(o.cwd, d), d) }));
  const problems = checkShardSet(shards);
  if (problems.length) {
    throw new InputError(`cannot merge these shards:
  ${problems.join("\n  ")}`, { hint: "pass every shard 1..N of one run of one suite, each once" });
  }
  const first = shards[0].shard;
  const loaded = await loadSuite(first.suite.file, o.cwd);
  if (loaded.hashes.suite !== first.suite.hash) {
    throw new InputError(`${first.suite.file} changed since the shards ran (hash ${loaded.hashes.suite.slice(0, 19)}\u2026, the shards say ${first.suite.hash.slice(0, 19)}\u2026)`, {
      hint: "merge with the suite the shards were evaluated with (check out that commit), or rerun the shards"
    });
  }
  const order = loaded.cases.ids;
  const repeats = loaded.suite.repeats;
  const at = { index: new F64List(), repeat: new F64List(), shard: new F64List(), offset: new F64List(), length: new F64List() };
  const summaries = [];
  shards.forEach((s, si) => {
    const own = new Set(s.shard.case_ids);
    new JsonlResultsStore(join5(s.abs, "results.jsonl")).load((r, loc) => {
      if (!own.has(r.case_id)) throw new InputError(`${s.dir}/results.jsonl holds case ${r.case_id}, which is not in its shard ${s.shard.index}/${s.shard.count}`, { hint: "the directory was reused by another run; rerun that shard into a fresh --out" });
      at.index.push(order.get(r.case_id));
      at.repeat.push(r.repeat);
      at.shard.push(si);
      at.offset.push(loc.offset);
      at.length.push(loc.length);
    });
    summaries.push(summaryFormat.parse(readFileSync3(join5(s.abs, "summary.json"), "utf8"), join5(s.dir, "summary.json")));
  });
  const [index, repeat, shardOf, offset, length] = [at.index.view(), at.repeat.view(), at.shard.view(), at.offset.view(), at.length.view()];
  const sorted = Uint32Array.from(index, (_, i) => i).sort((a, b) => index[a] - index[b] || repeat[a] - repeat[b] || a - b);
  const prov = summaries[0].provenance;
  const starts = summaries.map((s) => s.provenance.started_at).sort();
  const ends = summaries.map((s) => s.provenance.finished_at).sort();
  const scorers = createScorers(loaded.suite.scorers);
  const acc = new SummaryAccumulator(scorers, repeats);
  const outDir = resolve2(o.cwd, o.out);
  mkdirSync3(outDir, { recursive: true });
  const outFile = join5(outDir, "results.jsonl");
  writeFileSync4(outFile, "");
  const fds = shards.map((s) => openSync3(join5(s.abs, "results.jsonl"), "r"));
  try {
    let batch = [];
    let size = 0;
    for (const i of sorted) {
      const buf = Buffer.allocUnsafe(length[i]);
      readSync2(fds[shardOf[i]], buf, 0, buf.length, offset[i]);
      const record = resultLineFormat.parseValue(JSON.parse(buf.toString("utf8")), `${shards[shardOf[i]].dir}/results.jsonl`);
      acc.add(record);
      const line = writeResultLine(record);
      batch.push(line);
      size += line.length;
      if (size > 1 << 20) {
        appendFileSync(outFile, batch.join(""));
        batch = [];
        size = 0;
      }
    }
    appendFileSync(outFile, batch.join(""));
  } finally {
    for (const fd of fds) closeSync3(fd);
  }
  const summary = acc.summary({
    suite: summaries[0].suite,
    cases: first.total_cases,
    repeats,
    scorers,
    configs: Object.fromEntries(scorers.map((sc, i) => [sc.name, loaded.suite.scorers[i]])),
    currency: summaries[0].cost?.currency,
    provenance: { ...prov, started_at: starts[0], finished_at: ends.at(-1) },
    bootstrapResamples: 2e3
  });
  writeFileSync4(join5(outDir, "summary.json"), summaryFormat.serialize(summary));
  const records = sorted.length;
  return { outDir, summary, shards: shards.length, records };
}
function readShard(abs, dir) {
  const p = join5(abs, "shard.json");
  if (!existsSync4(p)) {
    throw new InputError(`${dir} has no shard.json: it is not the run directory of \`llmops eval --shard I/N\``, { hint: "merge only sharded runs; an unsharded run is already whole" });
  }
  return evalShardFormat.parse(readFileSync3(p, "utf8"), p);
}

// src/cli/commands/eval.ts
async function runMerge(ctx, values, dirs) {
  if (typeof values.out !== "string") throw new InputError("llmops eval merge: --out DIR is required (where the merged run goes)");
  const r = await mergeShards({ dirs, out: values.out, cwd: ctx.cwd });
  if (values.json) ctx.printJson({ out: r.outDir, shards: r.shards, records: r.records, summary: r.summary });
  else ctx.stdout.write(`${renderSummaryText(r.summary)}merged ${r.shards} shards, ${r.records} records \u2192 ${displayPath(ctx, r.outDir)}
`);
  return 0;
}
var evalCommand = {
  name: "eval",
  summary: "run an eval suite against an OpenAI-compatible server",
  help: `
usage: llmops eval <suite.yaml> [options]
       llmops eval merge <shard-dir>\u2026 --out DIR

Runs every case \xD7 repeat of the suite against its target, streaming records to
<out>/results.jsonl (a killed run resumes where it stopped when run again) and
writing <out>/summary.json (means, standard errors, 95% intervals, latency,
tokens, cost, provenance).

options:
${renderCliHelp(EVAL_OPTIONS)}

\`llmops eval merge DIR\u2026 --out DIR\` joins the run directories of every shard 1..N of
one suite into one run (results in the suite's order, one summary), as if it had
run unsharded; it refuses overlapping or missing shards and shards of different
(or since changed) suites.
`,
  options: cliParseConfig(EVAL_OPTIONS),
  async run(ctx, { values, positionals }) {
    if (positionals[0] === "merge") return runMerge(ctx, values, positionals.slice(1));
    if (positionals.length > 1) {
      throw new InputError(`llmops eval: unexpected arguments ${positionals.slice(1).map((p) => JSON.stringify(p)).join(", ")} (it takes 1 suite file)`, { hint: 'run it once per suite; "llmops eval merge DIR\u2026 --out DIR" joins shards' });
    }
    const suitePath = requirePositional(this, positionals, "the suite file (e.g. evals/qa.yaml)");
    const v = readCliValues(EVAL_OPTIONS, values);
    const { concurrency, limit, "base-url": baseUrl } = v;
    const cacheDir = values["cache-dir"] ?? ctx.env.LLMOPS_CACHE_DIR;
    const options = {
      suitePath,
      cwd: ctx.cwd,
      ...values.out ? { out: ctx.resolvePath(values.out) } : {},
      ...baseUrl ? { baseUrl } : {},
      ...values.model ? { model: values.model } : {},
      ...values.variant ? { variant: values.variant } : {},
      ...concurrency ? { concurrency } : {},
      ...limit ? { limit } : {},
      ...typeof values.shard === "string" ? { shard: parseShard(values.shard) } : {},
      ...timeoutOptions(v),
      ...values["exact-percentiles"] ? { exactPercentiles: true } : {},
      noCache: Boolean(values["no-cache"]),
      ...cacheDir ? { cacheDir: ctx.resolvePath(cacheDir) } : {},
      env: ctx.env,
      logger: ctx.logger,
      progress: ctx.progress
    };
    if (values["dry-run"]) {
      const plan = await planSuite(options);
      if (values.json) ctx.printJson(plan);
      else {
        ctx.stdout.write(`${plan.requests} request(s): ${plan.cases} case(s) \xD7 ${plan.repeats} repeat(s) to ${plan.target.model} at ${plan.target.base_url} (${plan.target.api})
first request, as it is sent:${plan.first_request ? ` POST ${plan.first_request.url}
${JSON.stringify(plan.first_request.body, null, 2)}` : " none"}
`);
        for (const j of plan.judges ?? []) ctx.stdout.write(`scorer ${j.scorer}, first request (first case, a placeholder output):${j.body ? ` POST ${j.url}
${JSON.stringify(j.body, null, 2)}` : " none (the case has no reference)"}
`);
      }
      return 0;
    }
    return abortOnSignals("interrupted", async (signal) => {
      const r = await runSuite({ ...options, signal });
      if (values.json) {
        ctx.printJson({ out: r.outDir, results: r.resultsPath, summary_path: r.summaryPath, summary: r.summary });
      } else {
        ctx.stdout.write(renderSummaryText(r.summary));
        const o = r.outcome;
        ctx.stdout.write(
          `requested ${o.requested}, from cache ${o.fromCache}, resumed ${o.reused}, ${renderNoise(r.summary)}; ${(r.wallMs / 1e3).toFixed(1)}s
wrote ${displayPath(ctx, r.resultsPath)} and ${displayPath(ctx, r.summaryPath)}
`
        );
      }
      assertSomeAnswered(r);
      const errors = r.summary.counts.errors;
      if (errors > 0) ctx.logger.warn(`${errors} of ${r.summary.counts.records} records failed after retries; running the same command again retries only those`);
      return 0;
    });
  }
};
var TIMEOUT_PHASES = ["connect", "headers", "first_token", "idle", "request"];
function timeoutOptions(values) {
  const timeouts = {};
  for (const item of values.timeout ?? []) {
    const m = /^([a-z_]+)=(.+)$/.exec(item.trim());
    const phase = m?.[1];
    const seconds = Number(m?.[2]);
    if (!m || !phase || !TIMEOUT_PHASES.includes(phase) || !Number.isFinite(seconds) || seconds <= 0) {
      throw new InputError(`--timeout must be PHASE=SECONDS with PHASE one of ${TIMEOUT_PHASES.join(", ")} and SECONDS > 0, got ${JSON.stringify(item)}`, {
        hint: "for example --timeout headers=10 --timeout idle=5"
      });
    }
    timeouts[`${phase}_s`] = seconds;
  }
  if (values["fixed-timeouts"]) timeouts.adaptive = false;
  const hedge = values.hedge;
  return {
    ...Object.keys(timeouts).length ? { timeouts } : {},
    ...hedge === void 0 ? {} : { hedge: hedge === "auto" ? "auto" : hedge === "on" }
  };
}
function renderNoise(summary) {
  const q = summary.requests;
  if (!q) return "retries 0";
  const byCause = (counts) => {
    const parts = Object.entries(counts).filter(([, n]) => n > 0);
    const total = parts.reduce((a, [, n]) => a + n, 0);
    return `${total}${parts.length ? ` (${parts.map(([k, n]) => `${k} ${n}`).join(", ")})` : ""}`;
  };
  const abandoned = Object.values(q.abandoned).some((n) => n > 0) ? `, abandoned ${byCause(q.abandoned)}` : "";
  const hedges = q.hedges.sent > 0 ? `, hedges ${q.hedges.sent} (won ${q.hedges.won})` : "";
  return `retries ${byCause(q.retries)}${abandoned}${hedges}`;
}
export {
  evalCommand
};
