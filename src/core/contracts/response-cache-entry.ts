// One entry of the eval response cache (<cache dir>/<2 hex>/<key>.json). It records the request it
// answers and a MAC under the cache's own key, so an entry planted under a computable key — by a
// pull request's tree, an artifact, another job — is detected and ignored rather than scored.
import { z } from "zod";

export const ResponseCacheEntrySchema = z.strictObject({
  schema: z.literal("llmops.response-cache-entry/v1"),
  /** The cache key (sha256 of provider, base URL, model, API, params, input, repeat). */
  key: z.string().regex(/^[0-9a-f]{64}$/),
  /** sha256 of the canonical request this entry answers (model, messages or prompt, params). */
  request_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  response: z.strictObject({
    text: z.string(),
    finishReason: z.string().nullable(),
    promptTokens: z.number().nullable(),
    completionTokens: z.number().nullable(),
    ttftMs: z.number().nullable(),
    latencyMs: z.number(),
    /** An embedding request's vectors (the embedding-similarity scorer); absent for completions. */
    embedding: z.array(z.array(z.number())).optional(),
  }),
  /** HMAC-SHA256 (hex) under the cache directory's secret of the canonical {key, request_sha256, response}. */
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ResponseCacheEntry = z.infer<typeof ResponseCacheEntrySchema>;
