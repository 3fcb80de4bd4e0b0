// The OpenAI-compatible HTTP server of `llmops serve`: /v1/chat/completions, /v1/completions (SSE
// streaming or not), /v1/models, /health (503 until the model is loaded and while draining),
// /metrics (Prometheus, vLLM's names). N requests generate at once; more wait in a bounded queue;
// past it a 503 with Retry-After. A client that disconnects cancels its generation.
import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../../core/ports/index.js";
import { ServeMetrics, renderPrometheus, type FinishReason } from "../../core/serve/metrics.js";
import { parseGenerationBody, type GenerationRequest } from "../../core/serve/requests.js";
import { StopMatcher } from "../../core/serve/stop.js";
import type { GeneratedToken, LlamaEngine } from "./llama-engine.js";

/** What the server needs from an engine (LlamaEngine implements it). */
export type Engine = Pick<LlamaEngine, "modelName" | "contextSize" | "slots" | "renderChat" | "tokenize" | "detokenize" | "isEnd" | "tokenText" | "acquire" | "release" | "generate" | "dispose">;

export interface ServerOptions {
  host: string;
  port: number;
  /** Bearer token required on /v1/* (from --api-key-env). */
  apiKey?: string;
  /** Requests that may wait for a slot before new ones get 503. */
  queueLimit: number;
  modelName: string;
  logger: Logger;
  maxBodyBytes?: number;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly type = "invalid_request_error", readonly param: string | null = null, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, e: HttpError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, e.status, { error: { message: e.message, type: e.type, param: e.param, code: e.status } }, e.headers);
}

async function readBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `the request body is over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the request body is not valid JSON");
  }
}

export class OpenAiServer {
  readonly metrics: ServeMetrics;
  private engine: Engine | undefined;
  private server: Server | undefined;
  private active = 0;
  private readonly waiting: { resume: () => void; cancel: () => void }[] = [];
  private draining = false;
  private idle: (() => void) | undefined;
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(private readonly o: ServerOptions) {
    this.metrics = new ServeMetrics(o.modelName);
  }

  /** Listen (health answers 503 until setEngine); resolves with the URL. */
  async listen(): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        if (err instanceof HttpError) sendError(res, err);
        else {
          // The path is the client's text: quoted and cut, so it cannot pose as a log line or a workflow command.
          this.o.logger.error(`internal error on ${req.method} ${JSON.stringify((req.url ?? "").slice(0, 200))}: ${err instanceof Error ? err.stack : String(err)}`);
          sendError(res, new HttpError(500, "internal server error", "server_error"));
        }
      });
    });
    server.keepAliveTimeout = 5_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.o.port, this.o.host, () => resolve());
    });
    const addr = server.address() as AddressInfo;
    const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
    return `http://${host}:${addr.port}`;
  }

  setEngine(engine: Engine): void {
    this.engine = engine;
  }

  /** Stop taking requests, let running and queued ones finish (up to timeoutMs), then close. */
  async drain(timeoutMs: number): Promise<{ unfinished: number }> {
    this.draining = true;
    this.server?.close();
    this.server?.closeIdleConnections();
    if (this.active + this.waiting.length > 0) {
      await Promise.race([new Promise<void>((r) => (this.idle = r)), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    }
    const unfinished = this.active + this.waiting.length;
    this.server?.closeAllConnections();
    return { unfinished };
  }

  private authorized(req: IncomingMessage): boolean {
    if (!this.o.apiKey) return true;
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const a = Buffer.from(given);
    const b = Buffer.from(this.o.apiKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/health") {
      const ready = this.engine !== undefined && !this.draining;
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
    const api = path === "/v1/chat/completions" ? "chat" : path === "/v1/completions" ? "completions" : undefined;
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
  private async acquireSlot(engine: Engine, signal: AbortSignal): Promise<"slot" | "cancelled" | "full"> {
    if (this.active < engine.slots && this.waiting.length === 0) {
      this.active++;
      return "slot";
    }
    if (this.waiting.length >= this.o.queueLimit) return "full";
    this.metrics.waiting++;
    const got = await new Promise<boolean>((resolve) => {
      const entry = {
        resume: () => {
          signal.removeEventListener("abort", entry.cancel);
          resolve(true);
        },
        cancel: () => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve(false);
        },
      };
      signal.addEventListener("abort", entry.cancel, { once: true });
      this.waiting.push(entry);
    });
    this.metrics.waiting--;
    if (!got) this.checkIdle();
    return got ? "slot" : "cancelled";
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next.resume();
    else this.active--;
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.active === 0 && this.waiting.length === 0 && this.idle) this.idle();
  }

  private async generate(engine: Engine, r: GenerationRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t0 = performance.now();
    let prompt: string;
    try {
      prompt = r.api === "chat" ? engine.renderChat(r.messages!) : r.prompt!;
    } catch (err) {
      // Templates refuse some conversations (raise_exception: roles must alternate, no system role…).
      this.metrics.reject("bad_request");
      throw new HttpError(400, `the model's chat template refused these messages: ${err instanceof Error ? err.message : String(err)}`, "invalid_request_error", "messages");
    }
    // Chat templates carry special-token text (<|im_start|>); raw completion prompts are plain text.
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
    if (slot === "cancelled") return; // the client left while queued
    this.metrics.running++;
    this.metrics.promptTokens += tokens.length;
    const id = `${r.api === "chat" ? "chatcmpl" : "cmpl"}-${randomUUID().replace(/-/g, "")}`;
    const created = Math.floor(Date.now() / 1000);
    const seq = engine.acquire();
    const stop = new StopMatcher(r.stop);
    const generated: number[] = [];
    const logprobs: GeneratedToken[] = [];
    let emitted = "";
    let text = "";
    let finish: FinishReason = "length";
    let firstTokenAt: number | undefined;
    const chunk = (delta: Record<string, unknown> | string, finishReason: string | null) =>
      r.api === "chat"
        ? { id, object: "chat.completion.chunk", created, model: this.o.modelName, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] }
        : { id, object: "text_completion", created, model: this.o.modelName, choices: [{ index: 0, text: delta, finish_reason: finishReason, logprobs: null }] };
    const send = (obj: unknown) => res.write(`data: ${JSON.stringify(obj)}\n\n`);
    if (r.stream) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      if (r.api === "chat") send(chunk({ role: "assistant", content: "" }, null));
    }
    const emit = (piece: string) => {
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
        // Decode the whole completion each step: a multi-byte character may span tokens.
        const full = engine.detokenize(generated);
        const safe = full.endsWith("\uFFFD") ? full.slice(0, full.lastIndexOf("\uFFFD")) : full;
        if (safe.length > emitted.length) {
          const piece = safe.slice(emitted.length);
          emitted = safe;
          emit(stop.push(piece));
          if (stop.stopped) {
            finish = "stop";
            break;
          }
        }
      }
      if (abort.signal.aborted) finish = "abort";
      // node-llama-cpp ends the stream at an end-of-generation token without yielding it.
      else if (finish !== "stop" && generated.length < maxTokens) finish = "stop";
      if (finish !== "abort" && !stop.stopped) {
        const full = engine.detokenize(generated);
        if (full.length > emitted.length) emit(stop.push(full.slice(emitted.length)));
        emit(stop.flush());
        if (stop.stopped) finish = "stop";
      }
    } finally {
      await engine.release(seq);
      this.metrics.running--;
      this.releaseSlot();
    }
    const t1 = performance.now();
    this.metrics.generationTokens += generated.length;
    this.metrics.success[finish]++;
    this.metrics.e2e.observe((t1 - t0) / 1000);
    if (firstTokenAt !== undefined) this.metrics.ttft.observe((firstTokenAt - t0) / 1000);
    if (finish === "abort") {
      res.destroy();
      return;
    }
    const usage = { prompt_tokens: tokens.length, completion_tokens: generated.length, total_tokens: tokens.length + generated.length };
    const lp = r.logprobs ? this.renderLogprobs(engine, r, logprobs) : null;
    if (r.stream) {
      const last = chunk(r.api === "chat" ? {} : "", finish) as { choices: { logprobs: unknown }[] };
      last.choices[0]!.logprobs = lp;
      send(last);
      if (r.includeUsage) send({ id, object: r.api === "chat" ? "chat.completion.chunk" : "text_completion", created, model: this.o.modelName, choices: [], usage });
      res.end("data: [DONE]\n\n");
      return;
    }
    const choice = r.api === "chat" ? { index: 0, message: { role: "assistant", content: text }, finish_reason: finish, logprobs: lp } : { index: 0, text, finish_reason: finish, logprobs: lp };
    sendJson(res, 200, { id, object: r.api === "chat" ? "chat.completion" : "text_completion", created, model: this.o.modelName, choices: [choice], usage });
  }

  private renderLogprobs(engine: Engine, r: GenerationRequest, toks: GeneratedToken[]): unknown {
    if (r.api === "chat") {
      return {
        content: toks.map((t) => ({
          token: engine.tokenText(t.token),
          logprob: t.logprob ?? null,
          top_logprobs: (t.top ?? []).map((a) => ({ token: engine.tokenText(a.token), logprob: a.logprob })),
        })),
      };
    }
    return {
      tokens: toks.map((t) => engine.tokenText(t.token)),
      token_logprobs: toks.map((t) => t.logprob ?? null),
      top_logprobs: toks.map((t) => Object.fromEntries((t.top ?? []).map((a) => [engine.tokenText(a.token), a.logprob]))),
      token_ids: toks.map((t) => t.token),
    };
  }
}
