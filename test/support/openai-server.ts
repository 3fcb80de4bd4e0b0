// A loopback OpenAI-compatible server for tests, benchmarks and the demo: /v1/chat/completions and
// /v1/completions, streaming or not, with configurable latency and fault injection (429 with
// Retry-After (integer or fractional), 500/503, connection resets, hung requests, headers then
// silence, streams that stall midway, bodies cut off mid-transfer, well-framed truncated JSON,
// answers a few seconds late), and /v1/embeddings (a bag-of-words vector by default). It records every
// request so tests can assert what was asked, and how often.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRng } from "../../src/core/stats/prng.js";

export type Fault = "400" | "429" | "429-fractional" | "500" | "503" | "reset" | "hang" | "truncate" | "cutoff" | "stall" | "stall-mid" | "late";

/** Every fault a real server produces, for fault-mix benchmarks and tests. */
export const ALL_FAULTS: readonly Fault[] = ["429", "429-fractional", "500", "503", "reset", "hang", "truncate", "cutoff", "stall", "stall-mid", "late"];

export interface ServedRequest {
  path: string;
  model: string;
  /** The prompt as text: chat messages' contents joined with "\n", or the completion prompt. */
  prompt: string;
  stream: boolean;
  body: Record<string, unknown>;
  /** What the server did: "ok", or the fault it injected. */
  outcome: "ok" | Fault | "401" | "404";
  authorization: string | undefined;
}

export interface OpenAiTestServerOptions {
  /** Latency before the response (ms), or a function of the request. */
  latencyMs?: number | ((req: ServedRequest) => number);
  /** Delay between stream chunks (ms), or a function of the request. */
  chunkDelayMs?: number | ((req: ServedRequest) => number);
  /** The model's answer. Default: "echo: <last line of the prompt>". */
  respond?: (req: ServedRequest) => string;
  /** Probability that a request gets a fault (deterministic sequence from `seed`). */
  faultRate?: number;
  faults?: Fault[];
  /** Force a fault for specific prompts (first N times each), for targeted tests. */
  faultFor?: (req: ServedRequest, attempt: number) => Fault | undefined;
  retryAfterS?: number;
  /** Retry-After sent with "429-fractional" (default 0.5). */
  fractionalRetryAfterS?: number;
  /** Extra delay of a "late" answer (default 3000 ms). */
  lateMs?: number;
  seed?: number;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Models served; others get 404. Default: any. */
  models?: string[];
  /** Answer plain JSON even when the request asks for a stream (servers that ignore `stream`). */
  ignoreStream?: boolean;
  /** Port on 127.0.0.1; default: any free one. */
  port?: number;
  /** GET /health answers 503 (loading) until this many ms after start, then 200. */
  readyAfterMs?: number;
  /** /v1/embeddings: the vector of one input (default: bagOfWordsEmbedding). */
  embed?: (text: string) => number[];
  /**
   * Keep every request in `requests` and count attempts per prompt (default true). Benchmarks at a
   * million requests turn it off, so the server's heap (and its garbage collection, which shares
   * the cores with the client measured) does not grow with the run.
   */
  record?: boolean;
}

/** A deterministic embedding: each lower-cased word adds 1 to one of 64 hashed dimensions. */
export function bagOfWordsEmbedding(text: string): number[] {
  const v = new Array<number>(64).fill(0);
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619) >>> 0;
    v[h % 64]! += 1;
  }
  return v;
}

export interface OpenAiTestServer {
  url: string;
  baseUrl: string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

export function tokenCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export async function startOpenAiTestServer(opts: OpenAiTestServerOptions = {}): Promise<OpenAiTestServer> {
  const requests: ServedRequest[] = [];
  const keep = opts.record ?? true;
  const rng = createRng(opts.seed ?? 1);
  const rand = () => rng.next();
  const faults = opts.faults ?? ["429", "500", "503", "reset", "hang", "truncate"];
  const attempts = new Map<string, number>();
  const hung = new Set<ServerResponse>();
  const startedAt = Date.now();
  const hold = (res: ServerResponse) => {
    hung.add(res);
    res.on("close", () => hung.delete(res));
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? "").split("?")[0]!;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
    } catch {
      return json(res, 400, { error: { message: "invalid JSON body" } });
    }
    // Readiness and identity, as llama.cpp's server and vLLM answer them.
    if (req.method === "GET" && (path === "/health" || path === "/v1/health")) {
      const ready = Date.now() - startedAt >= (opts.readyAfterMs ?? 0);
      return json(res, ready ? 200 : 503, ready ? { status: "ok" } : { error: { code: 503, message: "Loading model", type: "unavailable_error" } });
    }
    if (req.method === "GET" && path === "/v1/models") {
      return json(res, 200, { object: "list", data: (opts.models ?? []).map((id) => ({ id, object: "model", owned_by: "llmops-test" })) });
    }
    if (path.endsWith("/embeddings")) return embeddings(req, res, path, body);
    const isChat = path.endsWith("/chat/completions");
    const isCompletion = !isChat && path.endsWith("/completions");
    const messages = (body.messages as { role: string; content: string }[] | undefined) ?? [];
    const prompt = isChat ? messages.map((m) => m.content).join("\n") : String(body.prompt ?? "");
    const served: ServedRequest = {
      path,
      model: String(body.model ?? ""),
      prompt,
      stream: body.stream === true && !opts.ignoreStream,
      body,
      outcome: "ok",
      authorization: req.headers.authorization,
    };
    if (keep) requests.push(served);
    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      served.outcome = "401";
      return json(res, 401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
    }
    if ((!isChat && !isCompletion) || (opts.models && !opts.models.includes(served.model))) {
      served.outcome = "404";
      return json(res, 404, { error: { message: `The model '${served.model}' does not exist or the route is unknown` } });
    }
    const n = (attempts.get(prompt) ?? 0) + 1;
    if (keep) attempts.set(prompt, n);
    let fault = opts.faultFor?.(served, n);
    if (!fault && opts.faultRate && rand() < opts.faultRate) fault = faults[Math.floor(rand() * faults.length)];
    const latency = typeof opts.latencyMs === "function" ? opts.latencyMs(served) : (opts.latencyMs ?? 0);
    if (latency > 0) await sleep(latency);
    if (fault) {
      served.outcome = fault;
      switch (fault) {
        case "429":
          res.setHeader("retry-after", String(opts.retryAfterS ?? 0));
          return json(res, 429, { error: { message: "Rate limit reached" } });
        case "400":
          return json(res, 400, { error: { message: "unsupported parameter" } });
        case "429-fractional":
          res.setHeader("retry-after", String(opts.fractionalRetryAfterS ?? 0.5));
          return json(res, 429, { error: { message: "Rate limit reached" } });
        case "late":
          await sleep(opts.lateMs ?? 3000);
          break; // then a normal answer
        case "stall":
          res.writeHead(200, { "content-type": served.stream ? "text/event-stream" : "application/json" });
          res.flushHeaders();
          hold(res);
          return; // headers, then nothing: the client's first-token (or idle) deadline must fire
        case "500":
          return json(res, 500, { error: { message: "internal server error" } });
        case "503":
          return json(res, 503, { error: { message: "model is loading" } });
        case "reset":
          req.socket.destroy();
          return;
        case "hang":
          hold(res);
          return; // never answers; the client's timeout must fire
        case "truncate":
        case "cutoff":
        case "stall-mid":
          break; // handled below, with the answer cut short
      }
    }
    const text = opts.respond ? opts.respond(served) : `echo: ${prompt.split("\n").pop() ?? ""}`;
    const usage = { prompt_tokens: tokenCount(prompt), completion_tokens: tokenCount(text), total_tokens: tokenCount(prompt) + tokenCount(text) };
    const id = `cmpl-${requests.length}`;
    if (!served.stream) {
      const payload = JSON.stringify({
        id,
        object: isChat ? "chat.completion" : "text_completion",
        model: served.model,
        choices: [isChat ? { index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" } : { index: 0, text, finish_reason: "stop" }],
        usage,
      });
      if (fault === "truncate" || fault === "cutoff" || fault === "stall-mid") {
        // truncate: a well-framed response whose JSON is cut short; cutoff: the connection drops
        // mid-body; stall-mid: half the body, then silence.
        const half = payload.slice(0, Math.floor(payload.length / 2));
        if (fault === "truncate") {
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(half) });
          res.end(half);
          return;
        }
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
        res.write(half);
        if (fault === "cutoff") setTimeout(() => req.socket.destroy(), 5);
        else hold(res);
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
      res.end(payload);
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const pieces = text.match(/\S+\s*|\s+/g) ?? [];
    const send = (o: unknown) => res.write(`data: ${JSON.stringify(o)}\n\n`);
    const cut = fault === "truncate" || fault === "cutoff" || fault === "stall-mid" ? Math.floor(pieces.length / 2) : Infinity;
    for (let i = 0; i < pieces.length; i++) {
      if (i >= cut) {
        if (fault === "truncate") res.end();
        else if (fault === "cutoff") req.socket.destroy();
        else hold(res);
        return;
      }
      send({ id, choices: [isChat ? { index: 0, delta: { content: pieces[i] }, finish_reason: null } : { index: 0, text: pieces[i], finish_reason: null }] });
      const gap = typeof opts.chunkDelayMs === "function" ? opts.chunkDelayMs(served) : opts.chunkDelayMs;
      if (gap) await sleep(gap);
    }
    if (fault === "truncate") {
      res.end();
      return;
    }
    send({ id, choices: [isChat ? { index: 0, delta: {}, finish_reason: "stop" } : { index: 0, text: "", finish_reason: "stop" }] });
    send({ id, choices: [], usage });
    res.end("data: [DONE]\n\n");
  }

  function embeddings(req: IncomingMessage, res: ServerResponse, path: string, body: Record<string, unknown>): void {
    const inputs = typeof body.input === "string" ? [body.input] : Array.isArray(body.input) ? body.input.map(String) : [];
    const prompt = inputs.join("\n");
    const served: ServedRequest = { path, model: String(body.model ?? ""), prompt, stream: false, body, outcome: "ok", authorization: req.headers.authorization };
    if (keep) requests.push(served);
    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      served.outcome = "401";
      return json(res, 401, { error: { message: "Incorrect API key provided" } });
    }
    const n = (attempts.get(`embed:${prompt}`) ?? 0) + 1;
    if (keep) attempts.set(`embed:${prompt}`, n);
    const fault = opts.faultFor?.(served, n);
    if (fault === "500" || fault === "503" || fault === "429") {
      served.outcome = fault;
      return json(res, Number(fault), { error: { message: "try again" } });
    }
    const embed = opts.embed ?? bagOfWordsEmbedding;
    json(res, 200, {
      object: "list",
      model: served.model,
      data: inputs.map((t, index) => ({ object: "embedding", index, embedding: embed(t) })),
      usage: { prompt_tokens: tokenCount(prompt), total_tokens: tokenCount(prompt) },
    });
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hung) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
