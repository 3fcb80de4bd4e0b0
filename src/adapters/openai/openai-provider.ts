// The `openai-compatible` provider over llmops's HTTP/1.1 client: /chat/completions, /completions
// and /embeddings, streaming (for time to first token) or not. Speaks what vLLM, TGI, Ollama,
// llama.cpp's server and hosted APIs accept, and classifies every failure so the runner can retry,
// record or stop.
import { FIELD_VALUE, Http1Pool, parseEndpoint, requestHeadPrefix, type Http1Response as HttpResponse } from "../http/http1-client.js";
import { DeadlineExceeded } from "../../core/eval/deadlines.js";
import { ProviderError, type CancelSignal, type CompletionRequest, type CompletionResult, type EmbeddingRequest, type EmbeddingResult, type Provider, type RequestEvent } from "../../core/ports/provider.js";
import { parseRetryAfter } from "../../core/eval/retry.js";

export interface OpenAiProviderOptions {
  baseUrl: string;
  apiKey?: string;
  /** The environment variable the key came from, named in auth errors (never the key). */
  apiKeyEnv?: string;
  headers?: Record<string, string>;
  /** Told once when the server answers a streamed request with plain JSON (it does not stream). */
  onNotice?: (message: string) => void;
}

const NETWORK_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ENETUNREACH", "EHOSTUNREACH", "EAI_AGAIN", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Cancels one request: set by post() once the request exists, fired by the caller's signal. */
interface Cancel {
  fired: boolean;
  fire?: (err: Error) => void;
}

/** An endpoint's connections and its request head up to the Content-Length value. */
interface Route {
  pool: Http1Pool;
  head: string;
}

/** The endpoint a request goes to: <base>/chat/completions or <base>/completions. */
export function completionUrl(baseUrl: string, api: "chat" | "completions"): string {
  return `${baseUrl.replace(/\/+$/, "")}${api === "chat" ? "/chat/completions" : "/completions"}`;
}

/** The JSON body sent for a request: what `eval --dry-run` shows and what `complete` posts. */
export function requestBody(req: CompletionRequest): Record<string, unknown> {
  // Sampling parameters never name the model (the suite schema refuses it too; this holds for any caller).
  const body: Record<string, unknown> = { ...req.params, model: req.model, stream: req.stream };
  delete body.stream_options;
  if (req.api === "chat") body.messages = req.messages;
  else body.prompt = req.prompt;
  // Token counts arrive in a final stream event only when asked for.
  if (req.stream) body.stream_options = { include_usage: true };
  return body;
}

export class OpenAiCompatibleProvider implements Provider {
  readonly baseUrl: string;
  // Our own keep-alive HTTP/1.1 client: node:http's costs about twice its CPU a request, and
  // fetch's three to five times node:http's (bench/http-client.mjs), which matters when the harness
  // shares two cores with the server it measures.
  private readonly pools = new Map<string, Http1Pool>();
  /** Per endpoint URL and Accept: its connections and its request head, built once. */
  private readonly routes = new Map<string, Route>();
  private noticed = false;
  constructor(private readonly opts: OpenAiProviderOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, "");
  }

  private route(url: string, accept: string): Route {
    const key = `${accept} ${url}`;
    let r = this.routes.get(key);
    if (r === undefined) {
      try {
        const endpoint = parseEndpoint(url);
        const origin = `${endpoint.secure ? "https" : "http"}://${endpoint.authority}`;
        let pool = this.pools.get(origin);
        if (pool === undefined) this.pools.set(origin, (pool = new Http1Pool(endpoint)));
        const headers = { "content-type": "application/json", accept, ...(this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}), ...this.opts.headers };
        r = { pool, head: requestHeadPrefix(endpoint, headers) };
      } catch (err) {
        // A URL or header that cannot be sent is the configuration's fault, the same for every request.
        const env = this.opts.apiKeyEnv;
        throw new ProviderError(`cannot send a request to ${url}: ${err instanceof Error ? err.message : String(err)}`, "bad_request", {
          retryable: false,
          fatal: true,
          ...(env && this.opts.apiKey && !FIELD_VALUE.test(this.opts.apiKey) ? { hint: `the API key in ${env} has a line break, a control character or a character past ASCII: set it without them` } : {}),
        });
      }
      this.routes.set(key, r);
    }
    return r;
  }

  /** POSTs `payload` on `route`; resolves with the response once its head has arrived. */
  private post(route: Route, payload: string, cancel: Cancel, observe: Observe): Promise<HttpResponse> {
    // Cancelled before it was sent (a deadline, the user): nothing goes out.
    if (cancel.fired) return Promise.reject(new Error("cancelled"));
    const x = route.pool.request(`${route.head}${Buffer.byteLength(payload)}\r\n\r\n${payload}`, observe);
    // Aborting closes the connection, so a response being read (a hung stream) is cut off too.
    cancel.fire = (err) => x.abort(err);
    return x.response;
  }

  /** Closes the idle keep-alive connections (they do not keep the process alive meanwhile). */
  close(): void {
    for (const pool of this.pools.values()) pool.close();
  }

  async complete(req: CompletionRequest, signal?: CancelSignal, observe: Observe = () => {}): Promise<CompletionResult> {
    const url = completionUrl(this.baseUrl, req.api);
    const body = requestBody(req);

    // The caller's signal is this request's own (the runner makes one per attempt), so it carries
    // one listener, and its reason says why it fired: a deadline, a won hedge, or the user.
    // Deadlines are the runner's: it sees every request in flight and what the run has observed.
    const cancel: Cancel = { fired: false };
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
  async embed(req: EmbeddingRequest, signal?: AbortSignal): Promise<EmbeddingResult> {
    const url = `${this.baseUrl}/embeddings`;
    const cancel: Cancel = { fired: false };
    const onAbort = () => {
      cancel.fired = true;
      cancel.fire?.(new Error("cancelled"));
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const t0 = performance.now();
    try {
      const route = this.route(url, "application/json");
      let res: HttpResponse;
      try {
        res = await this.post(route, JSON.stringify({ model: req.model, input: req.input }), cancel, () => {});
      } catch (err) {
        throw this.classifyThrown(err, url, signal);
      }
      if (res.status < 200 || res.status >= 300) throw await this.httpError(res, url, req.model);
      let text: string;
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

  private async send(
    url: string,
    body: Record<string, unknown>,
    req: CompletionRequest,
    cancel: Cancel,
    signal: CancelSignal | undefined,
    observe: Observe,
  ): Promise<CompletionResult> {
    const route = this.route(url, req.stream ? "text/event-stream" : "application/json");
    const t0 = performance.now();
    let res: HttpResponse;
    try {
      res = await this.post(route, JSON.stringify(body), cancel, observe);
    } catch (err) {
      throw this.classifyThrown(err, url, signal);
    }
    if (res.status < 200 || res.status >= 300) throw await this.httpError(res, url, req.model);
    // A server that ignores stream: true answers one JSON document: read it as such (no time to
    // first token) instead of reporting a stream cut short and retrying it.
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

  private classifyThrown(err: unknown, url: string, signal?: CancelSignal): ProviderError {
    if (signal?.aborted) {
      const why: unknown = signal.reason;
      if (why instanceof DeadlineExceeded) return new ProviderError(`${url}: ${why.message}`, "timeout", { retryable: true });
      return new ProviderError(`request to ${url} cancelled${why instanceof Error && why.name !== "AbortError" ? `: ${why.message}` : ""}`, "network", { retryable: false, fatal: true });
    }
    const code = errorCode(err);
    if (code === "ECONNREFUSED") {
      return new ProviderError(`cannot connect to ${url}: connection refused`, "refused", {
        retryable: true,
        fatal: true,
        maxAttempts: 3,
        hint: "is the model server running and listening there? Set target.base_url in the suite or pass --base-url",
      });
    }
    if (code === "ENOTFOUND") {
      return new ProviderError(`cannot resolve the host of ${url}`, "refused", { retryable: false, fatal: true, hint: "check target.base_url / --base-url" });
    }
    const cause = (err as { cause?: unknown } | null)?.cause;
    const what = code && NETWORK_CODES.has(code) ? code : cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
    return new ProviderError(`network error talking to ${url}: ${what}`, "network", { retryable: true });
  }

  private async httpError(res: HttpResponse, url: string, model: string): Promise<ProviderError> {
    let detail = "";
    try {
      detail = (await res.text()).slice(0, 2000);
      const j = JSON.parse(detail) as { error?: { message?: string } | string; message?: string; detail?: string };
      detail = typeof j.error === "string" ? j.error : (j.error?.message ?? j.message ?? j.detail ?? detail);
    } catch {
      /* keep the raw text */
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
        hint: env
          ? `check the API key in the environment variable ${env}${this.opts.apiKey ? "" : " (it is not set)"}`
          : "the server wants an API key: name its environment variable in target.api_key_env",
      });
    }
    if (status === 404) {
      return new ProviderError(`${url} answered 404 Not Found${suffix}`, "not_found", {
        status,
        retryable: false,
        fatal: true,
        hint: `check target.base_url (it usually ends in /v1) and that the server serves model "${model}"`,
      });
    }
    if (status === 429 || status === 408 || status >= 500) {
      const retryAfterMs = parseRetryAfter(res.header("retry-after"));
      return new ProviderError(`${url} answered ${status}${suffix}`, "http", { status, retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
    }
    return new ProviderError(`${url} rejected the request (${status})${suffix}`, "bad_request", { status, retryable: false });
  }
}

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

type Observe = (event: RequestEvent) => void;

interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

function truncated(url: string, why: string): ProviderError {
  return new ProviderError(`incomplete response from ${url}: ${why}`, "truncated", { retryable: true });
}

async function readJson(res: HttpResponse, api: "chat" | "completions", t0: number, url: string): Promise<CompletionResult> {
  const text = await res.text();
  let j: { choices?: { message?: { content?: string | null }; text?: string; finish_reason?: string | null }[]; usage?: Usage };
  try {
    j = JSON.parse(text) as typeof j;
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
    latencyMs: performance.now() - t0,
  };
}

async function readStream(res: HttpResponse, api: "chat" | "completions", t0: number, url: string, observe: Observe): Promise<CompletionResult> {
  const decoder = new TextDecoder();
  let buf = "";
  let text = "";
  let ttft: number | null = null;
  let finish: string | null = null;
  let usage: Usage | undefined;
  let done = false;
  const handle = (data: string): void => {
    if (data === "[DONE]") {
      done = true;
      return;
    }
    let chunk: { choices?: { delta?: { content?: string | null }; text?: string; finish_reason?: string | null }[]; usage?: Usage | null };
    try {
      chunk = JSON.parse(data) as typeof chunk;
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
    let idx: number;
    while ((idx = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, idx).replace(/\r$/, "");
      buf = buf.slice(idx + 1);
      if (line.startsWith("data:")) handle(line.slice(5).trim());
    }
  }
  buf += decoder.decode();
  if (buf.startsWith("data:")) handle(buf.slice(5).trim());
  // A stream that stopped without [DONE] or a finish reason was cut off.
  if (!done && finish === null) throw truncated(url, "the stream ended before [DONE]");
  return {
    text,
    finishReason: finish,
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    ttftMs: ttft,
    latencyMs: performance.now() - t0,
  };
}

function parseEmbeddings(text: string, count: number, url: string, latencyMs: number): EmbeddingResult {
  let j: { data?: { index?: number; embedding?: unknown }[]; usage?: Usage };
  try {
    j = JSON.parse(text) as typeof j;
  } catch {
    throw truncated(url, `body is not valid JSON (${text.length} bytes)`);
  }
  const data = Array.isArray(j.data) ? [...j.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) : [];
  const vectors = data.map((d) => d.embedding);
  if (vectors.length !== count || !vectors.every((v): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number" && Number.isFinite(x)))) {
    throw new ProviderError(`${url} did not answer ${count} embedding vector(s) of finite numbers (got ${vectors.length})`, "bad_request", {
      retryable: false,
      hint: "check that the model named in the scorer's target is an embedding model served at /v1/embeddings",
    });
  }
  return { vectors, promptTokens: j.usage?.prompt_tokens ?? null, latencyMs };
}
