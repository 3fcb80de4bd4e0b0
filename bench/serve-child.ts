// Loaded by bench/serve.mjs (bundled): the floor — the same LlamaEngine serve uses, generating the
// same greedy tokens in-process, no HTTP and no queue.
import { LlamaEngine } from "../src/app/serve/llama-engine.js";

export async function openFloor(model: string) {
  const engine = await LlamaEngine.load({ modelPath: model, threads: 1, parallel: 1, kvCache: "f16", ctx: 512 }, "bench");
  return {
    async run(prompt: string, maxTokens: number): Promise<{ ms: number; tokens: number }> {
      const t0 = performance.now();
      const seq = engine.acquire();
      const generated: number[] = [];
      for await (const g of engine.generate(seq, engine.tokenize(prompt, false), { maxTokens, temperature: 0, topP: undefined, seed: undefined, logprobs: undefined, signal: new AbortController().signal })) {
        if (engine.isEnd(g.token)) break;
        generated.push(g.token);
        engine.detokenize(generated); // serve decodes the completion so far after every token
      }
      await engine.release(seq);
      return { ms: performance.now() - t0, tokens: generated.length };
    },
    close: () => engine.dispose(),
  };
}
