// The ResponseCache port: completions stored by request key, so a rerun asks the model only once.
// Adapter: src/adapters/fs/disk-cache.ts.
import type { CompletionRequest, CompletionResult } from "../ports/provider.js";

/** A completion as the response cache stores it. */
export type CachedResponse = CompletionResult;

/** Responses by cache key. Each entry is bound to the request it answers: one for another request is a miss. */
export interface ResponseCache {
  get(key: string, request: CompletionRequest): Promise<CachedResponse | undefined>;
  set(key: string, request: CompletionRequest, value: CachedResponse): Promise<void>;
}
