// embedding_similarity: cosine similarity between the output's and the expected answer's
// embeddings from an OpenAI-compatible /v1/embeddings endpoint (cached like every request). The
// value is the cosine clipped at 0 (an opposite direction is as dissimilar as unrelated); the raw
// cosine is in the detail. With several references, the most similar one counts.
import type { ScorerDefinition, SampleScore } from "./types.js";
import { referencesOf, scorerBase, scorerSchema } from "./common.js";
import { remoteTargetSchema } from "../judge/target.js";
import { requestFailure, sampleKey } from "../judge/remote.js";
import { emptyTally, noteError } from "../judge/tally.js";

const schema = scorerSchema("embedding_similarity", {
  /** The embedding model's endpoint (…/v1; requests go to …/v1/embeddings). */
  target: remoteTargetSchema,
});

/** Cosine similarity; null when the vectors differ in length (a server that mixed models). */
export function cosine(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length) return null;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}

export const embeddingSimilarity: ScorerDefinition<typeof schema> = {
  type: "embedding_similarity",
  schema,
  create(c) {
    const tally = emptyTally([], undefined);
    const results = new Map<string, SampleScore>();
    return {
      ...scorerBase(c),
      signature: `embedding_similarity|model:${c.target.model}|cosine|clip:0`,
      tally: () => tally,
      score(input) {
        if (referencesOf(input.expected) === null) return { value: null };
        return results.get(sampleKey(input)) ?? { value: null, detail: { error: "not embedded yet" } };
      },
      remote: {
        target: c.target,
        preview: (input) => (referencesOf(input.expected) === null ? null : { api: "embeddings", model: c.target.model, input: [input.output] }),
        async prepare(input, ask) {
          const refs = referencesOf(input.expected);
          if (refs === null) return;
          tally.samples++;
          let vectors: number[][];
          try {
            // One request per text, so each embedding is cached on its own and a reference shared by many outputs is embedded once.
            vectors = await Promise.all([input.output, ...refs].map(async (text) => (await ask.embed({ api: "embeddings", model: c.target.model, input: [text] })).vectors[0]!));
          } catch (err) {
            const message = `embedding request failed: ${requestFailure(err)}`;
            noteError(tally, "request", message, null);
            results.set(sampleKey(input), { value: null, detail: { error: message } });
            return;
          }
          let best = -Infinity;
          for (const ref of vectors.slice(1)) {
            const c = cosine(vectors[0]!, ref);
            if (c === null) {
              const message = `embedding vectors differ in length (${vectors[0]!.length} and ${ref.length}); the endpoint answered with vectors of two sizes`;
              noteError(tally, "parse", message, null);
              results.set(sampleKey(input), { value: null, detail: { error: message } });
              return;
            }
            best = Math.max(best, c);
          }
          results.set(sampleKey(input), { value: Math.max(0, best), detail: { cosine: Math.round(best * 1e6) / 1e6 } });
        },
      },
    };
  },
};
