// Scorers that ask another model (judges, embeddings) cannot score synchronously. After the run's
// own requests are done, this pass sends their requests — through the signed response cache, the
// suite's retry policy and a whole-request deadline, at the suite's concurrency — and each scorer
// keeps what it learned, so its `score()` stays a pure lookup when the results are written.
import { ExternalError } from "../../../errors.js";
import type { Clock, Logger } from "../../ports/index.js";
import { ProviderError, type CompletionRequest, type CompletionResult, type EmbeddingRequest, type EmbeddingResult, type Provider } from "../../ports/provider.js";
import type { CachedRequest, ResponseCache } from "../../ports/response-cache.js";
import { stableStringify } from "../../stable-json.js";
import { sha256 } from "../hash.js";
import { withRetries, type RetryPolicy } from "../retry.js";
import type { Scorer, ScoreInput } from "../scorers/types.js";
import type { RemoteTarget } from "./target.js";

/** What a remote scorer may send; both throw a ProviderError once the retry policy is spent. */
export interface Ask {
  complete(req: CompletionRequest): Promise<CompletionResult>;
  embed(req: EmbeddingRequest): Promise<EmbeddingResult>;
}

export interface RemoteScoring {
  readonly target: RemoteTarget;
  /** Fetch what scoring `input` needs and keep it for `score`. A non-fatal failure is kept as that sample's error. */
  prepare(input: ScoreInput, ask: Ask): Promise<void>;
  /** The first request `prepare` would send for `input` (for `eval --dry-run`); null when it would send none. */
  preview(input: ScoreInput): CompletionRequest | EmbeddingRequest | null;
}

/** Requests, cache hits, retries, tokens and cost of one scorer's remote calls. */
export interface RemoteUsage {
  requests: number;
  cached: number;
  retries: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** In the target's price currency; null without prices. */
  cost: number | null;
}

export interface RemoteDeps {
  providerFor(target: RemoteTarget): Provider;
  cache: ResponseCache | null;
  clock: Clock;
  random: () => number;
  logger: Pick<Logger, "info" | "debug">;
  signal?: AbortSignal;
}

export interface RemoteOptions {
  concurrency: number;
  retry: RetryPolicy;
  /** Whole-request deadline for each remote request. */
  requestTimeoutMs: number;
}

/** Cache key of a remote request: where it goes and exactly what it asks. */
export function remoteKey(baseUrl: string, req: CachedRequest): string {
  return sha256(stableStringify({ remote: baseUrl.replace(/\/+$/, ""), req }));
}

/** Run every remote scorer's `prepare` over every sample; usage by scorer name. */
export async function prepareRemoteScores(samples: readonly ScoreInput[], scorers: readonly Scorer[], deps: RemoteDeps, opts: RemoteOptions): Promise<Map<string, RemoteUsage>> {
  const remote = scorers.filter((s): s is Scorer & { remote: RemoteScoring } => s.remote !== undefined);
  const usage = new Map<string, RemoteUsage>();
  if (remote.length === 0 || samples.length === 0) return usage;
  const asks = remote.map((s) => {
    const u: RemoteUsage = { requests: 0, cached: 0, retries: 0, prompt_tokens: 0, completion_tokens: 0, cost: s.remote.target.prices ? 0 : null };
    usage.set(s.name, u);
    return makeAsk(s.remote.target, deps.providerFor(s.remote.target), u, deps, opts);
  });
  deps.logger.info(`scoring ${samples.length} output(s) with ${remote.map((s) => `${s.name} (${s.remote.target.model})`).join(", ")}`);
  const total = samples.length * remote.length;
  let next = 0;
  let fatal: unknown;
  const worker = async () => {
    while (fatal === undefined && !deps.signal?.aborted) {
      const i = next++;
      if (i >= total) return;
      const s = remote[i % remote.length]!;
      try {
        await s.remote.prepare(samples[Math.floor(i / remote.length)]!, asks[i % remote.length]!);
      } catch (err) {
        fatal ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, total)) }, worker));
  if (fatal !== undefined) {
    if (fatal instanceof ProviderError) throw new ExternalError(`scorer request failed: ${fatal.message}`, fatal.opts.hint ? { hint: fatal.opts.hint } : {});
    throw fatal;
  }
  return usage;
}

function makeAsk(target: RemoteTarget, provider: Provider, u: RemoteUsage, deps: RemoteDeps, opts: RemoteOptions): Ask {
  const bill = (p: number | null, c: number | null) => {
    u.prompt_tokens += p ?? 0;
    u.completion_tokens += c ?? 0;
    if (u.cost !== null && target.prices) u.cost += ((p ?? 0) * target.prices.prompt_per_1k + (c ?? 0) * target.prices.completion_per_1k) / 1000;
  };
  // One attempt under the whole-request deadline; the deadline fires through the Clock port.
  const attempt = async <T>(send: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const onOuter = () => controller.abort(deps.signal?.reason);
    deps.signal?.addEventListener("abort", onOuter, { once: true });
    let timedOut = false;
    const timer = new AbortController();
    deps.clock.sleep(opts.requestTimeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        controller.abort(new Error("deadline"));
      },
      () => {},
    );
    try {
      return await send(controller.signal);
    } catch (err) {
      if (timedOut) throw new ProviderError(`${target.base_url}: no answer within ${opts.requestTimeoutMs >= 1000 ? `${Math.round(opts.requestTimeoutMs / 1000)} s` : `${opts.requestTimeoutMs} ms`} (timeouts.request_s)`, "timeout", { retryable: true });
      throw err;
    } finally {
      timer.abort();
      deps.signal?.removeEventListener("abort", onOuter);
    }
  };
  const retried = <T>(send: (signal: AbortSignal) => Promise<T>) =>
    withRetries(
      () => attempt(send),
      opts.retry,
      deps.clock,
      deps.random,
      (err, n) => {
        u.retries++;
        deps.logger.debug(`${target.base_url}: ${err.message}; retry ${n}`);
      },
    );
  return {
    async complete(req) {
      const key = remoteKey(target.base_url, req);
      const hit = await deps.cache?.get(key, req);
      if (hit) {
        u.cached++;
        return hit;
      }
      const { value } = await retried((signal) => provider.complete(req, signal));
      u.requests++;
      bill(value.promptTokens, value.completionTokens);
      await deps.cache?.set(key, req, value);
      return value;
    },
    async embed(req) {
      if (!provider.embed) throw new ProviderError(`${target.base_url}: this provider has no /embeddings`, "bad_request", { retryable: false, fatal: true });
      const key = remoteKey(target.base_url, req);
      const hit = await deps.cache?.get(key, req);
      if (hit?.embedding) {
        u.cached++;
        return { vectors: hit.embedding, promptTokens: hit.promptTokens, latencyMs: hit.latencyMs };
      }
      const { value } = await retried((signal) => provider.embed!(req, signal));
      u.requests++;
      bill(value.promptTokens, 0);
      await deps.cache?.set(key, req, { text: "", finishReason: null, promptTokens: value.promptTokens, completionTokens: null, ttftMs: null, latencyMs: value.latencyMs, embedding: value.vectors });
      return value;
    },
  };
}

/** The key a remote scorer files a sample's result under: everything `score()` is given that matters. */
export function sampleKey(input: ScoreInput): string {
  return sha256(stableStringify({ o: input.output, p: input.prompt, e: input.expected ?? null, v: input.vars }));
}

/** A failed remote request as a sample's error (fatal ones stop the run: every sample would fail alike). */
export function requestFailure(err: unknown): string {
  if (err instanceof ProviderError && err.fatal) throw err;
  if (err instanceof ProviderError) return err.message;
  throw err;
}
