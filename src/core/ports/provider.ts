// The model Provider port: one request in, one completion out, or a classified failure the
// runner knows how to treat (retry, record, or stop the run).
import { ExternalError } from "../../errors.js";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface CompletionRequest {
  api: "chat" | "completions";
  model: string;
  /** For api "chat". */
  messages?: ChatMessage[];
  /** For api "completions". */
  prompt?: string;
  /** Sampling parameters, sent as-is (snake_case, OpenAI names). */
  params: Record<string, unknown>;
  stream: boolean;
}

/**
 * What a provider reports while a request is under way, so the runner's deadlines can tell a
 * silent request from a slow-but-alive one: the connection is up, the headers arrived, a piece
 * of the body arrived, a streamed content token arrived.
 */
export type RequestEvent = "connected" | "headers" | "data" | "token";

export interface CompletionResult {
  text: string;
  finishReason: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Time to first token (first content delta) when streaming, else null. */
  ttftMs: number | null;
  latencyMs: number;
}

export type ProviderErrorKind = "http" | "timeout" | "network" | "truncated" | "bad_request" | "auth" | "not_found" | "refused";

/**
 * A failed request. `retryable` failures (429, 5xx, resets, timeouts, truncated bodies) are retried
 * with backoff; `fatal` ones (401/403/404, connection refused after retries) stop the whole run
 * because every other case would fail the same way; the rest are recorded on the case.
 * It is an ExternalError (exit 2 where it reaches a shell); what went wrong with the request is
 * `failure` — `kind` is the hierarchy's own field.
 */
export class ProviderError extends ExternalError {
  override readonly name: string = "ProviderError";
  constructor(
    message: string,
    readonly failure: ProviderErrorKind,
    readonly opts: { status?: number; retryable: boolean; fatal?: boolean; retryAfterMs?: number; hint?: string; maxAttempts?: number },
  ) {
    super(message, opts.hint === undefined ? undefined : { hint: opts.hint });
  }
  get retryable(): boolean {
    return this.opts.retryable;
  }
  get fatal(): boolean {
    return this.opts.fatal ?? false;
  }
  get status(): number | undefined {
    return this.opts.status;
  }
}

/** An `/embeddings` request: one vector per input string. */
export interface EmbeddingRequest {
  api: "embeddings";
  model: string;
  input: string[];
}

export interface EmbeddingResult {
  vectors: number[][];
  promptTokens: number | null;
  latencyMs: number;
}

/**
 * What a provider needs of the signal that cancels a request: an AbortSignal has it, and so has
 * the runner's own per-request canceller (request-watch.ts), which costs a fraction of an
 * AbortController at thousands of requests a second.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export interface Provider {
  /** Base URL, for messages and provenance. */
  readonly baseUrl: string;
  /** `/embeddings` (the embedding-similarity scorer); providers without it omit the method. */
  embed?(req: EmbeddingRequest, signal?: AbortSignal): Promise<EmbeddingResult>;
  /**
   * One request. `signal` cancels it (its reason says why: a deadline, a won hedge, the user);
   * `observe` hears its progress.
   */
  complete(req: CompletionRequest, signal?: CancelSignal, observe?: (event: RequestEvent) => void): Promise<CompletionResult>;
}
