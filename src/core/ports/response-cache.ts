// The ResponseCache port: completions stored by request key, so a rerun asks the model only once.
// Adapter: src/adapters/fs/disk-cache.ts.
import type { CompletionResult } from "../ports/provider.js";

/** A completion as the response cache stores it. */
export type CachedResponse = CompletionResult;

export interface ResponseCache {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): Promise<void>;
}
