#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  abortOnSignals
} from "./chunk-AISGCEWY.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  intOption,
  requirePositional
} from "./chunk-OYI2I6OM.js";
import "./chunk-XQ6Z47X5.js";
import {
  ExternalError,
  InputError,
  InternalError
} from "./chunk-LXVW643N.js";
import {
  Template
} from "./chunk-H2E2EDID.js";
import "./chunk-TQEUFEDE.js";

// src/cli/commands/serve.ts
import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";

// src/app/serve/llama-engine.ts
var NODE_LLAMA_CPP_VERSION = "3.21.1";
async function importNodeLlamaCpp() {
  try {
    return await import("node-llama-cpp");
  } catch (err) {
    const code = err.code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new ExternalError(`llmops serve runs models with llama.cpp through node-llama-cpp, which is not installed`, {
        hint: `npm install --omit=optional node-llama-cpp@${NODE_LLAMA_CPP_VERSION} @node-llama-cpp/linux-x64@${NODE_LLAMA_CPP_VERSION} (on Linux x64, CPU only: ~80 MB), or npm install node-llama-cpp@${NODE_LLAMA_CPP_VERSION} (all GPU backends, ~700 MB); see docs/model.md`,
        cause: err
      });
    }
    throw err;
  }
}
var LlamaEngine = class _LlamaEngine {
  constructor(model, context, modelName, contextSize, chatTemplateSource) {
    this.model = model;
    this.context = context;
    this.modelName = modelName;
    this.contextSize = contextSize;
    this.chatTemplateSource = chatTemplateSource;
    for (let i = 0; i < context.totalSequences; i++) this.free.push(context.getSequence());
    this.template = chatTemplateSource ? new Template(chatTemplateSource) : void 0;
  }
  model;
  context;
  modelName;
  contextSize;
  chatTemplateSource;
  free = [];
  template;
  static async load(o, modelName) {
    const { getLlama, LlamaLogLevel } = await importNodeLlamaCpp();
    const llama = await getLlama({ gpu: false, build: "never", progressLogs: false, logLevel: LlamaLogLevel.error, maxThreads: o.threads });
    let model;
    try {
      model = await llama.loadModel({ modelPath: o.modelPath });
    } catch (err) {
      throw new InputError(`${o.modelPath}: llama.cpp could not load this GGUF (${err instanceof Error ? err.message : String(err)})`, { hint: "export it with llmops export gguf, or check it with another GGUF reader" });
    }
    const train = model.trainContextSize;
    const ctx = o.ctx ?? Math.min(train, 4096);
    const kv = o.kvCache === "f32" ? { experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32" } : {};
    let context;
    try {
      context = await model.createContext({
        contextSize: ctx,
        sequences: o.parallel,
        threads: { ideal: o.threads, min: o.threads },
        batchSize: Math.min(512, ctx),
        flashAttention: false,
        ...kv,
        ...o.adapterPath ? { lora: { adapters: [{ filePath: o.adapterPath, scale: 1 }] } } : {}
      });
    } catch (err) {
      await model.dispose();
      throw new InputError(`could not create a llama.cpp context (${err instanceof Error ? err.message : String(err)})${o.adapterPath ? `; is ${o.adapterPath} a GGUF LoRA adapter for this model?` : ""}`);
    }
    const template = model.fileInfo.metadata.tokenizer?.chat_template;
    return new _LlamaEngine(model, context, modelName, context.contextSize, template);
  }
  get slots() {
    return this.context.totalSequences;
  }
  /** The prompt of a chat request through the model's chat template. */
  renderChat(messages) {
    if (!this.template) throw new InputError(`the model has no chat template (tokenizer.chat_template); use /v1/completions, or export it with one`);
    return this.template.render({
      messages,
      add_generation_prompt: true,
      bos_token: this.model.tokens.bosString ?? "",
      eos_token: this.model.tokens.eosString ?? ""
    });
  }
  /** Prompt text → token ids, with BOS when the model wants it (and the text did not already start with it). */
  tokenize(text, special) {
    const bos = this.model.tokens.bos;
    const bosText = this.model.tokens.bosString;
    let body = text;
    if (special && bosText && body.startsWith(bosText)) body = body.slice(bosText.length);
    const ids = this.model.tokenize(body, special);
    return this.model.tokens.shouldPrependBosToken && bos !== null ? [bos, ...ids] : ids;
  }
  detokenize(tokens) {
    return this.model.detokenize(tokens, false);
  }
  isEnd(token) {
    return this.model.isEogToken(token);
  }
  tokenText(token) {
    return this.model.detokenize([token], true);
  }
  acquire() {
    const s = this.free.pop();
    if (!s) throw new InternalError("no free sequence (the server's slot accounting is wrong)");
    return s;
  }
  async release(seq) {
    await seq.clearHistory();
    this.free.push(seq);
  }
  /** Generated tokens one at a time; stops at end-of-generation, maxTokens, or the signal. */
  async *generate(seq, prompt, o) {
    const options = { temperature: o.temperature, ...o.topP !== void 0 ? { topP: o.topP } : {}, ...o.seed !== void 0 ? { seed: o.seed } : {} };
    let n = 0;
    if (o.logprobs) {
      for await (const out of seq.evaluateWithMetadata(prompt, { probabilities: true }, options)) {
        if (o.signal.aborted) return;
        const p = out.probabilities;
        const top = [...p.entries()].slice(0, o.logprobs.top).map(([token, prob]) => ({ token, logprob: Math.log(prob) }));
        yield { token: out.token, logprob: Math.log(p.get(out.token) ?? 0), top };
        if (this.isEnd(out.token) || ++n >= o.maxTokens) return;
      }
      return;
    }
    for await (const token of seq.evaluate(prompt, options)) {
      if (o.signal.aborted) return;
      yield { token };
      if (this.isEnd(token) || ++n >= o.maxTokens) return;
    }
  }
  async dispose() {
    await this.context.dispose();
    await this.model.dispose();
  }
};

// src/app/serve/openai-server.ts
import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

// src/core/serve/metrics.ts
var LATENCY_BUCKETS = [1e-3, 5e-3, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80];
var Histogram = class {
  counts = new Array(LATENCY_BUCKETS.length).fill(0);
  sum = 0;
  count = 0;
  observe(v) {
    this.sum += v;
    this.count++;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (v <= LATENCY_BUCKETS[i]) this.counts[i]++;
  }
};
var ServeMetrics = class {
  constructor(modelName) {
    this.modelName = modelName;
  }
  modelName;
  running = 0;
  waiting = 0;
  promptTokens = 0;
  generationTokens = 0;
  success = { stop: 0, length: 0, abort: 0 };
  rejected = {};
  ttft = new Histogram();
  e2e = new Histogram();
  reject(reason) {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
  }
};
function escapeLabel(v) {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
function renderPrometheus(m) {
  const l = `model_name="${escapeLabel(m.modelName)}"`;
  const lines = [];
  const scalar = (name, type, help, v) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name}{${l}} ${v}`);
  const hist = (name, help, h) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
    LATENCY_BUCKETS.forEach((b, i) => lines.push(`${name}_bucket{${l},le="${b}"} ${h.counts[i]}`));
    lines.push(`${name}_bucket{${l},le="+Inf"} ${h.count}`, `${name}_sum{${l}} ${h.sum}`, `${name}_count{${l}} ${h.count}`);
  };
  scalar("vllm:num_requests_running", "gauge", "Number of requests currently generating.", m.running);
  scalar("vllm:num_requests_waiting", "gauge", "Number of requests waiting for a slot.", m.waiting);
  scalar("vllm:prompt_tokens_total", "counter", "Number of prefill tokens processed.", m.promptTokens);
  scalar("vllm:generation_tokens_total", "counter", "Number of generation tokens processed.", m.generationTokens);
  lines.push("# HELP vllm:request_success_total Count of finished requests by finish reason.", "# TYPE vllm:request_success_total counter");
  for (const [reason, v] of Object.entries(m.success)) lines.push(`vllm:request_success_total{${l},finished_reason="${reason}"} ${v}`);
  hist("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", m.ttft);
  hist("vllm:e2e_request_latency_seconds", "Histogram of end to end request latency in seconds.", m.e2e);
  lines.push("# HELP llmops_serve_requests_rejected_total Requests refused before generation, by reason.", "# TYPE llmops_serve_requests_rejected_total counter");
  for (const reason of ["queue_full", "too_long", "bad_request", "unauthorized", "draining"]) lines.push(`llmops_serve_requests_rejected_total{${l},reason="${reason}"} ${m.rejected[reason] ?? 0}`);
  return `${lines.join("\n")}
`;
}

// src/core/serve/requests.ts
var stop = external_exports.union([external_exports.string(), external_exports.array(external_exports.string()).max(16)]).optional().nullable();
var common = {
  model: external_exports.string().optional(),
  max_tokens: external_exports.number().int().positive().optional().nullable(),
  max_completion_tokens: external_exports.number().int().positive().optional().nullable(),
  temperature: external_exports.number().min(0).max(2).optional().nullable(),
  top_p: external_exports.number().gt(0).max(1).optional().nullable(),
  seed: external_exports.number().int().optional().nullable(),
  stop,
  stream: external_exports.boolean().optional().nullable(),
  stream_options: external_exports.object({ include_usage: external_exports.boolean().optional() }).optional().nullable(),
  n: external_exports.literal(1).optional().nullable()
};
var message = external_exports.object({
  role: external_exports.enum(["system", "user", "assistant", "developer"]),
  content: external_exports.union([external_exports.string(), external_exports.array(external_exports.object({ type: external_exports.literal("text"), text: external_exports.string() }))])
});
var chatBodySchema = external_exports.object({ ...common, messages: external_exports.array(message).min(1), logprobs: external_exports.boolean().optional().nullable(), top_logprobs: external_exports.number().int().min(0).max(20).optional().nullable() });
var completionBodySchema = external_exports.object({ ...common, prompt: external_exports.string(), logprobs: external_exports.number().int().min(0).max(20).optional().nullable(), echo: external_exports.literal(false).optional().nullable() });
function fail(err) {
  const issue = err.issues[0];
  const param = issue.path.join(".") || null;
  return { ok: false, message: `${param ?? "body"}: ${issue.message}`, param };
}
function parseGenerationBody(api, body) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, message: "the request body must be a JSON object", param: null };
  const base = (b) => ({
    model: b.model ?? void 0,
    maxTokens: b.max_completion_tokens ?? b.max_tokens ?? void 0,
    // OpenAI's default temperature is 1.
    temperature: b.temperature ?? 1,
    topP: b.top_p ?? void 0,
    seed: b.seed ?? void 0,
    stop: b.stop == null ? [] : typeof b.stop === "string" ? [b.stop] : b.stop,
    stream: b.stream === true,
    includeUsage: b.stream_options?.include_usage === true
  });
  if (api === "chat") {
    const r2 = chatBodySchema.safeParse(body);
    if (!r2.success) return fail(r2.error);
    const messages = r2.data.messages.map((m) => ({ role: m.role, content: typeof m.content === "string" ? m.content : m.content.map((p) => p.text).join("") }));
    return { ok: true, request: { api, ...base(r2.data), messages, logprobs: r2.data.logprobs ? { top: r2.data.top_logprobs ?? 0 } : void 0 } };
  }
  const r = completionBodySchema.safeParse(body);
  if (!r.success) return fail(r.error);
  return { ok: true, request: { api, ...base(r.data), prompt: r.data.prompt, logprobs: r.data.logprobs == null ? void 0 : { top: r.data.logprobs } } };
}

// src/core/serve/stop.ts
var StopMatcher = class {
  constructor(stops) {
    this.stops = stops;
  }
  stops;
  pending = "";
  stopped = false;
  /** Feed new text; returns the text safe to emit now. */
  push(text) {
    if (this.stopped) return "";
    this.pending += text;
    let cut = -1;
    for (const s of this.stops) {
      if (!s) continue;
      const at = this.pending.indexOf(s);
      if (at >= 0 && (cut < 0 || at < cut)) cut = at;
    }
    if (cut >= 0) {
      this.stopped = true;
      const out2 = this.pending.slice(0, cut);
      this.pending = "";
      return out2;
    }
    let hold = 0;
    for (const s of this.stops) {
      for (let k = Math.min(s.length - 1, this.pending.length); k > hold; k--) {
        if (this.pending.endsWith(s.slice(0, k))) {
          hold = k;
          break;
        }
      }
    }
    const out = this.pending.slice(0, this.pending.length - hold);
    this.pending = this.pending.slice(this.pending.length - hold);
    return out;
  }
  /** At the end of generation: whatever was held back was not a stop string after all. */
  flush() {
    const out = this.stopped ? "" : this.pending;
    this.pending = "";
    return out;
  }
};

// src/app/serve/openai-server.ts
var HttpError = class extends Error {
  constructor(status, message2, type = "invalid_request_error", param = null, headers = {}) {
    super(message2);
    this.status = status;
    this.type = type;
    this.param = param;
    this.headers = headers;
  }
  status;
  type;
  param;
  headers;
};
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
function sendError(res, e) {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, e.status, { error: { message: e.message, type: e.type, param: e.param, code: e.status } }, e.headers);
}
async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the request body is over ${limit} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the request body is not valid JSON");
  }
}
var OpenAiServer = class {
  constructor(o) {
    this.o = o;
    this.metrics = new ServeMetrics(o.modelName);
  }
  o;
  metrics;
  engine;
  server;
  active = 0;
  waiting = [];
  draining = false;
  idle;
  created = Math.floor(Date.now() / 1e3);
  /** Listen (health answers 503 until setEngine); resolves with the URL. */
  async listen() {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        if (err instanceof HttpError) sendError(res, err);
        else {
          this.o.logger.error(`internal error on ${req.method} ${JSON.stringify((req.url ?? "").slice(0, 200))}: ${err instanceof Error ? err.stack : String(err)}`);
          sendError(res, new HttpError(500, "internal server error", "server_error"));
        }
      });
    });
    server.keepAliveTimeout = 5e3;
    this.server = server;
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.o.port, this.o.host, () => resolve());
    });
    const addr = server.address();
    const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
    return `http://${host}:${addr.port}`;
  }
  setEngine(engine) {
    this.engine = engine;
  }
  /** Stop taking requests, let running and queued ones finish (up to timeoutMs), then close. */
  async drain(timeoutMs) {
    this.draining = true;
    this.server?.close();
    this.server?.closeIdleConnections();
    if (this.active + this.waiting.length > 0) {
      await Promise.race([new Promise((r) => this.idle = r), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    }
    const unfinished = this.active + this.waiting.length;
    this.server?.closeAllConnections();
    return { unfinished };
  }
  authorized(req) {
    if (!this.o.apiKey) return true;
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const a = Buffer.from(given);
    const b = Buffer.from(this.o.apiKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  async handle(req, res) {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") {
      const ready = this.engine !== void 0 && !this.draining;
      return sendJson(res, ready ? 200 : 503, { status: ready ? "ok" : this.draining ? "draining" : "loading" });
    }
    if (path === "/metrics") {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(renderPrometheus(this.metrics));
      return;
    }
    if (path.startsWith("/v1/") && !this.authorized(req)) {
      this.metrics.reject("unauthorized");
      throw new HttpError(401, "missing or wrong API key (send Authorization: Bearer <key>)", "authentication_error", null, { "www-authenticate": "Bearer" });
    }
    if (path === "/v1/models") {
      return sendJson(res, 200, { object: "list", data: [{ id: this.o.modelName, object: "model", created: this.created, owned_by: "llmops" }] });
    }
    const api = path === "/v1/chat/completions" ? "chat" : path === "/v1/completions" ? "completions" : void 0;
    if (!api) throw new HttpError(404, `no route ${path}; this server answers /v1/chat/completions, /v1/completions, /v1/models, /health, /metrics`, "not_found_error");
    if (req.method !== "POST") throw new HttpError(405, `${path} takes POST`, "invalid_request_error", null, { allow: "POST" });
    if (this.draining) {
      this.metrics.reject("draining");
      throw new HttpError(503, "the server is shutting down", "server_error", null, { "retry-after": "1" });
    }
    const engine = this.engine;
    if (!engine) throw new HttpError(503, "the model is still loading", "server_error", null, { "retry-after": "1" });
    const body = await readBody(req, this.o.maxBodyBytes ?? 4 * 1024 * 1024);
    const parsed = parseGenerationBody(api, body);
    if (!parsed.ok) {
      this.metrics.reject("bad_request");
      throw new HttpError(400, parsed.message, "invalid_request_error", parsed.param);
    }
    await this.generate(engine, parsed.request, req, res);
  }
  /** A slot now, a place in the queue, or false when the queue is full. A freed slot passes straight
   * to the first waiter, so a newcomer can never take it in between. */
  async acquireSlot(engine, signal) {
    if (this.active < engine.slots && this.waiting.length === 0) {
      this.active++;
      return "slot";
    }
    if (this.waiting.length >= this.o.queueLimit) return "full";
    this.metrics.waiting++;
    const got = await new Promise((resolve) => {
      const entry = {
        resume: () => {
          signal.removeEventListener("abort", entry.cancel);
          resolve(true);
        },
        cancel: () => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve(false);
        }
      };
      signal.addEventListener("abort", entry.cancel, { once: true });
      this.waiting.push(entry);
    });
    this.metrics.waiting--;
    if (!got) this.checkIdle();
    return got ? "slot" : "cancelled";
  }
  releaseSlot() {
    const next = this.waiting.shift();
    if (next) next.resume();
    else this.active--;
    this.checkIdle();
  }
  checkIdle() {
    if (this.active === 0 && this.waiting.length === 0 && this.idle) this.idle();
  }
  async generate(engine, r, req, res) {
    const t0 = performance.now();
    let prompt;
    try {
      prompt = r.api === "chat" ? engine.renderChat(r.messages) : r.prompt;
    } catch (err) {
      this.metrics.reject("bad_request");
      throw new HttpError(400, `the model's chat template refused these messages: ${err instanceof Error ? err.message : String(err)}`, "invalid_request_error", "messages");
    }
    const tokens = engine.tokenize(prompt, r.api === "chat");
    const room = engine.contextSize - tokens.length;
    if (room <= 0) {
      this.metrics.reject("too_long");
      throw new HttpError(400, `the prompt is ${tokens.length} tokens; the context holds ${engine.contextSize} (prompt plus completion), so nothing can be generated. Shorten the prompt or restart serve with a larger --ctx`, "invalid_request_error", r.api === "chat" ? "messages" : "prompt");
    }
    const maxTokens = Math.min(r.maxTokens ?? room, room);
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const slot = await this.acquireSlot(engine, abort.signal);
    if (slot === "full") {
      this.metrics.reject("queue_full");
      throw new HttpError(503, `all ${engine.slots} slots are busy and ${this.o.queueLimit} requests are already waiting; retry later`, "server_error", null, { "retry-after": "1" });
    }
    if (slot === "cancelled") return;
    this.metrics.running++;
    this.metrics.promptTokens += tokens.length;
    const id = `${r.api === "chat" ? "chatcmpl" : "cmpl"}-${randomUUID().replace(/-/g, "")}`;
    const created = Math.floor(Date.now() / 1e3);
    const seq = engine.acquire();
    const stop2 = new StopMatcher(r.stop);
    const generated = [];
    const logprobs = [];
    let emitted = "";
    let text = "";
    let finish = "length";
    let firstTokenAt;
    const chunk = (delta, finishReason) => r.api === "chat" ? { id, object: "chat.completion.chunk", created, model: this.o.modelName, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] } : { id, object: "text_completion", created, model: this.o.modelName, choices: [{ index: 0, text: delta, finish_reason: finishReason, logprobs: null }] };
    const send = (obj) => res.write(`data: ${JSON.stringify(obj)}

`);
    if (r.stream) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      if (r.api === "chat") send(chunk({ role: "assistant", content: "" }, null));
    }
    const emit = (piece) => {
      if (!piece) return;
      text += piece;
      if (r.stream) send(chunk(r.api === "chat" ? { content: piece } : piece, null));
    };
    try {
      for await (const g of engine.generate(seq, tokens, { maxTokens, temperature: r.temperature, topP: r.topP, seed: r.seed, logprobs: r.logprobs, signal: abort.signal })) {
        firstTokenAt ??= performance.now();
        if (engine.isEnd(g.token)) {
          finish = "stop";
          break;
        }
        generated.push(g.token);
        if (r.logprobs) logprobs.push(g);
        const full = engine.detokenize(generated);
        const safe = full.endsWith("\uFFFD") ? full.slice(0, full.lastIndexOf("\uFFFD")) : full;
        if (safe.length > emitted.length) {
          const piece = safe.slice(emitted.length);
          emitted = safe;
          emit(stop2.push(piece));
          if (stop2.stopped) {
            finish = "stop";
            break;
          }
        }
      }
      if (abort.signal.aborted) finish = "abort";
      else if (finish !== "stop" && generated.length < maxTokens) finish = "stop";
      if (finish !== "abort" && !stop2.stopped) {
        const full = engine.detokenize(generated);
        if (full.length > emitted.length) emit(stop2.push(full.slice(emitted.length)));
        emit(stop2.flush());
        if (stop2.stopped) finish = "stop";
      }
    } finally {
      await engine.release(seq);
      this.metrics.running--;
      this.releaseSlot();
    }
    const t1 = performance.now();
    this.metrics.generationTokens += generated.length;
    this.metrics.success[finish]++;
    this.metrics.e2e.observe((t1 - t0) / 1e3);
    if (firstTokenAt !== void 0) this.metrics.ttft.observe((firstTokenAt - t0) / 1e3);
    if (finish === "abort") {
      res.destroy();
      return;
    }
    const usage = { prompt_tokens: tokens.length, completion_tokens: generated.length, total_tokens: tokens.length + generated.length };
    const lp = r.logprobs ? this.renderLogprobs(engine, r, logprobs) : null;
    if (r.stream) {
      const last = chunk(r.api === "chat" ? {} : "", finish);
      last.choices[0].logprobs = lp;
      send(last);
      if (r.includeUsage) send({ id, object: r.api === "chat" ? "chat.completion.chunk" : "text_completion", created, model: this.o.modelName, choices: [], usage });
      res.end("data: [DONE]\n\n");
      return;
    }
    const choice = r.api === "chat" ? { index: 0, message: { role: "assistant", content: text }, finish_reason: finish, logprobs: lp } : { index: 0, text, finish_reason: finish, logprobs: lp };
    sendJson(res, 200, { id, object: r.api === "chat" ? "chat.completion" : "text_completion", created, model: this.o.modelName, choices: [choice], usage });
  }
  renderLogprobs(engine, r, toks) {
    if (r.api === "chat") {
      return {
        content: toks.map((t) => ({
          token: engine.tokenText(t.token),
          logprob: t.logprob ?? null,
          top_logprobs: (t.top ?? []).map((a) => ({ token: engine.tokenText(a.token), logprob: a.logprob }))
        }))
      };
    }
    return {
      tokens: toks.map((t) => engine.tokenText(t.token)),
      token_logprobs: toks.map((t) => t.logprob ?? null),
      top_logprobs: toks.map((t) => Object.fromEntries((t.top ?? []).map((a) => [engine.tokenText(a.token), a.logprob]))),
      token_ids: toks.map((t) => t.token)
    };
  }
};

// src/cli/commands/serve.ts
var LOOPBACK = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "::1"]);
var serveCommand = {
  name: "serve",
  maxPositionals: 1,
  summary: "serve a GGUF model as an OpenAI-compatible API (llama.cpp)",
  help: `
usage: llmops serve <model.gguf> [options]

An OpenAI-compatible server on llama.cpp through node-llama-cpp (CPU):
POST /v1/chat/completions (the model's chat template), POST /v1/completions,
streaming (SSE) or not, stop, max_tokens, temperature, top_p, seed, logprobs;
GET /v1/models; GET /health (503 while loading or draining, then 200);
GET /metrics (Prometheus text, vLLM's metric names).
Prints "listening on <url>" on stdout when the port is open. SIGTERM or Ctrl-C
stops taking requests, lets running ones finish, and exits 0.

options:
  --port N           port (default 8080; 0 picks a free one)
  --host H           address to bind (default 127.0.0.1); anything else needs
                     --api-key-env, or --insecure to serve without a key
  --api-key-env NAME require "Authorization: Bearer <key>" on /v1/*, the key
                     read from environment variable NAME
  --insecure         allow a non-loopback --host without an API key
  --threads N        CPU threads (default: half the cores, at least 1)
  --parallel N       requests generated at once (default 1)
  --queue N          requests that may wait for a slot; past it 503 with
                     Retry-After (default 64)
  --ctx N            context tokens per request (default: the model's, at most 4096)
  --adapter FILE     a GGUF LoRA adapter (llmops export gguf --adapter) to apply
  --kv-cache T       f16 (default) or f32 (bit-closer agreement with PyTorch)
  --name NAME        the model name /v1/models reports (default: the file name)
  --drain-timeout S  seconds to let running requests finish on shutdown (default 30)
  -q, --quiet        no log lines
  -h, --help         this help
`,
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "api-key-env": { type: "string" },
    insecure: { type: "boolean" },
    threads: { type: "string" },
    parallel: { type: "string" },
    queue: { type: "string" },
    ctx: { type: "string" },
    adapter: { type: "string" },
    "kv-cache": { type: "string" },
    name: { type: "string" },
    "drain-timeout": { type: "string" },
    quiet: { type: "boolean", short: "q" }
  },
  async run(ctx, { values, positionals }) {
    const modelPath = ctx.resolvePath(requirePositional(this, positionals, "the model file (a .gguf from llmops export gguf)"));
    const checkFile = (p, what) => {
      if (!existsSync(p)) throw new InputError(`${what} not found: ${p}`, { hint: "export one with: llmops export gguf <model-dir>" });
      if (statSync(p).isDirectory()) throw new InputError(`${p} is a directory; pass the .gguf file`, { hint: "export one with: llmops export gguf <model-dir>" });
    };
    checkFile(modelPath, "model file");
    const adapterPath = values.adapter ? ctx.resolvePath(values.adapter) : void 0;
    if (adapterPath) checkFile(adapterPath, "--adapter file");
    const port = intOption(values, "port", 0) ?? 8080;
    if (port > 65535) throw new InputError(`--port must be at most 65535, got ${port}`);
    const host = values.host ?? "127.0.0.1";
    const keyEnv = values["api-key-env"];
    if (keyEnv !== void 0 && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyEnv)) throw new InputError(`--api-key-env takes an environment variable name such as LLMOPS_SERVE_KEY, got ${JSON.stringify(keyEnv)}`);
    const apiKey = keyEnv ? ctx.env[keyEnv] : void 0;
    if (keyEnv && !apiKey) throw new InputError(`--api-key-env ${keyEnv}: the environment variable is not set or empty`, { hint: `export ${keyEnv}=<a long random key> before starting serve` });
    if (!LOOPBACK.has(host) && !apiKey && !values.insecure) {
      throw new InputError(`--host ${host} would expose the model to the network without an API key`, { hint: "add --api-key-env NAME (clients send Authorization: Bearer <key>), or --insecure if the network is trusted" });
    }
    const kvCache = (values["kv-cache"] ?? "f16").toLowerCase();
    if (kvCache !== "f16" && kvCache !== "f32") throw new InputError(`--kv-cache must be f16 or f32, got ${JSON.stringify(values["kv-cache"])}`);
    const threads = intOption(values, "threads") ?? Math.max(1, Math.floor(availableParallelism() / 2));
    const parallel = intOption(values, "parallel") ?? 1;
    const queueLimit = intOption(values, "queue", 0) ?? 64;
    const ctxTokens = intOption(values, "ctx", 16);
    const drainS = intOption(values, "drain-timeout", 0) ?? 30;
    const name = values.name ?? basename(modelPath).replace(/\.gguf$/i, "");
    await importNodeLlamaCpp();
    const server = new OpenAiServer({ host, port, queueLimit, modelName: name, logger: ctx.logger, ...apiKey ? { apiKey } : {} });
    let url;
    try {
      url = await server.listen();
    } catch (err) {
      const code = err.code;
      if (code === "EADDRINUSE") throw new InputError(`port ${port} on ${host} is already in use`, { hint: "pick another with --port N (0 picks a free one)" });
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new InputError(`--host ${host}: not an address of this machine`);
      if (code === "EACCES") throw new InputError(`port ${port}: permission denied (ports below 1024 need privileges)`);
      throw err;
    }
    ctx.stdout.write(`listening on ${url}
`);
    return abortOnSignals("stopped", async (signal) => {
      const t0 = performance.now();
      const engine = await LlamaEngine.load({ modelPath, ...adapterPath ? { adapterPath } : {}, threads, parallel, ...ctxTokens ? { ctx: ctxTokens } : {}, kvCache }, name).catch(async (err) => {
        await server.drain(0);
        throw err;
      });
      server.setEngine(engine);
      ctx.logger.info(
        `serving ${name} at ${url}/v1 (${threads} thread(s), ${parallel} parallel, context ${engine.contextSize}, KV cache ${kvCache}${adapterPath ? `, adapter ${basename(adapterPath)}` : ""}; loaded in ${Math.round(performance.now() - t0)} ms)${apiKey ? "; API key required" : ""}`
      );
      if (!signal.aborted) await new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
      ctx.logger.info(`stopping: letting running requests finish (up to ${drainS}s)`);
      const { unfinished } = await server.drain(drainS * 1e3);
      if (unfinished) ctx.logger.warn(`${unfinished} request(s) were still running after ${drainS}s and were cut off`);
      await engine.dispose();
      ctx.logger.info("stopped");
      return 0;
    });
  }
};
export {
  serveCommand
};
