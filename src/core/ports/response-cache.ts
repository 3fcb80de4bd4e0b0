// The ResponseCache port: completions stored by request key, so a rerun asks the model only once.
// Adapter: src/adapters/fs/disk-cache.ts.
import type { CompletionRequest, CompletionResult, EmbeddingRequest } from "../ports/provider.js";

/** A completion as the response cache stores it; an embedding request's answer keeps its vectors in `embedding`. */
export type CachedResponse = CompletionResult & { embedding?: number[][] };

/** What a cache entry answers: a completion or an embedding request. */
export type CachedRequest = CompletionRequest | EmbeddingRequest;

/** Responses by cache key. Each entry is bound to the request it answers: one for another request is a miss. */
export interface ResponseCache {
  get(key: string, request: CachedRequest): Promise<CachedResponse | undefined>;
  set(key: string, request: CachedRequest, value: CachedResponse): Promise<void>;
}
