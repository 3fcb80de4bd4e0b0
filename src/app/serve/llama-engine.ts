// llama.cpp through node-llama-cpp: one model, one context with N sequences (the N requests served
// at once), chat templates rendered with @huggingface/jinja from the GGUF's tokenizer.chat_template.
// node-llama-cpp is loaded lazily: it is optional for the installed package and never bundled.
import { Template } from "@huggingface/jinja";
import type { LlamaContext, LlamaContextSequence, LlamaModel, Token } from "node-llama-cpp";
import type { ChatMessage } from "../../core/serve/requests.js";
import { ExternalError, InputError, InternalError } from "../../errors.js";

export const NODE_LLAMA_CPP_VERSION = "3.21.1";

export interface EngineOptions {
  modelPath: string;
  adapterPath?: string;
  threads: number;
  parallel: number;
  /** Tokens per sequence. */
  ctx?: number;
  /** KV cache precision: f16 (llama.cpp's default) or f32 (exact agreement with PyTorch). */
  kvCache: "f16" | "f32";
}

export interface GenerateOptions {
  maxTokens: number;
  temperature: number;
  topP: number | undefined;
  seed: number | undefined;
  logprobs: { top: number } | undefined;
  signal: AbortSignal;
}

export interface GeneratedToken {
  token: number;
  logprob?: number;
  top?: { token: number; logprob: number }[];
}

type NodeLlamaCpp = typeof import("node-llama-cpp");

/** Import node-llama-cpp, or say exactly what to install. */
export async function importNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  try {
    return await import("node-llama-cpp");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new ExternalError(`llmops serve runs models with llama.cpp through node-llama-cpp, which is not installed`, {
        hint: `npm install --omit=optional node-llama-cpp@${NODE_LLAMA_CPP_VERSION} @node-llama-cpp/linux-x64@${NODE_LLAMA_CPP_VERSION} (on Linux x64, CPU only: ~80 MB), or npm install node-llama-cpp@${NODE_LLAMA_CPP_VERSION} (all GPU backends, ~700 MB); see docs/model.md`,
        cause: err,
      });
    }
    throw err;
  }
}

export class LlamaEngine {
  private readonly free: LlamaContextSequence[] = [];
  private readonly template: Template | undefined;

  private constructor(
    readonly model: LlamaModel,
    private readonly context: LlamaContext,
    readonly modelName: string,
    readonly contextSize: number,
    readonly chatTemplateSource: string | undefined,
  ) {
    for (let i = 0; i < context.totalSequences; i++) this.free.push(context.getSequence());
    this.template = chatTemplateSource ? new Template(chatTemplateSource) : undefined;
  }

  static async load(o: EngineOptions, modelName: string): Promise<LlamaEngine> {
    const { getLlama, LlamaLogLevel } = await importNodeLlamaCpp();
    const llama = await getLlama({ gpu: false, build: "never", progressLogs: false, logLevel: LlamaLogLevel.error, maxThreads: o.threads });
    let model: LlamaModel;
    try {
      model = await llama.loadModel({ modelPath: o.modelPath });
    } catch (err) {
      throw new InputError(`${o.modelPath}: llama.cpp could not load this GGUF (${err instanceof Error ? err.message : String(err)})`, { hint: "export it with llmops export gguf, or check it with another GGUF reader" });
    }
    const train = model.trainContextSize;
    const ctx = o.ctx ?? Math.min(train, 4096);
    const kv = o.kvCache === "f32" ? { experimentalKvCacheKeyType: "F32" as const, experimentalKvCacheValueType: "F32" as const } : {};
    let context: LlamaContext;
    try {
      context = await model.createContext({
        contextSize: ctx,
        sequences: o.parallel,
        threads: { ideal: o.threads, min: o.threads },
        batchSize: Math.min(512, ctx),
        flashAttention: false,
        ...kv,
        ...(o.adapterPath ? { lora: { adapters: [{ filePath: o.adapterPath, scale: 1 }] } } : {}),
      });
    } catch (err) {
      await model.dispose();
      throw new InputError(`could not create a llama.cpp context (${err instanceof Error ? err.message : String(err)})${o.adapterPath ? `; is ${o.adapterPath} a GGUF LoRA adapter for this model?` : ""}`);
    }
    const template = (model.fileInfo.metadata as { tokenizer?: { chat_template?: string } }).tokenizer?.chat_template;
    return new LlamaEngine(model, context, modelName, context.contextSize, template);
  }

  get slots(): number {
    return this.context.totalSequences;
  }

  /** The prompt of a chat request through the model's chat template. */
  renderChat(messages: readonly ChatMessage[]): string {
    if (!this.template) throw new InputError(`the model has no chat template (tokenizer.chat_template); use /v1/completions, or export it with one`);
    return this.template.render({
      messages,
      add_generation_prompt: true,
      bos_token: this.model.tokens.bosString ?? "",
      eos_token: this.model.tokens.eosString ?? "",
    });
  }

  /** Prompt text → token ids, with BOS when the model wants it (and the text did not already start with it). */
  tokenize(text: string, special: boolean): number[] {
    const bos = this.model.tokens.bos;
    const bosText = this.model.tokens.bosString;
    let body = text;
    if (special && bosText && body.startsWith(bosText)) body = body.slice(bosText.length);
    const ids = this.model.tokenize(body, special) as number[];
    return this.model.tokens.shouldPrependBosToken && bos !== null ? [bos as number, ...ids] : ids;
  }

  detokenize(tokens: readonly number[]): string {
    return this.model.detokenize(tokens as Token[], false);
  }

  isEnd(token: number): boolean {
    return this.model.isEogToken(token as Token);
  }

  tokenText(token: number): string {
    return this.model.detokenize([token as Token], true);
  }

  acquire(): LlamaContextSequence {
    const s = this.free.pop();
    if (!s) throw new InternalError("no free sequence (the server's slot accounting is wrong)");
    return s;
  }

  async release(seq: LlamaContextSequence): Promise<void> {
    await seq.clearHistory();
    this.free.push(seq);
  }

  /** Generated tokens one at a time; stops at end-of-generation, maxTokens, or the signal. */
  async *generate(seq: LlamaContextSequence, prompt: readonly number[], o: GenerateOptions): AsyncGenerator<GeneratedToken> {
    const options = { temperature: o.temperature, ...(o.topP !== undefined ? { topP: o.topP } : {}), ...(o.seed !== undefined ? { seed: o.seed } : {}) };
    let n = 0;
    if (o.logprobs) {
      for await (const out of seq.evaluateWithMetadata(prompt as Token[], { probabilities: true }, options)) {
        if (o.signal.aborted) return;
        const p = out.probabilities;
        const top = [...p.entries()].slice(0, o.logprobs.top).map(([token, prob]) => ({ token: token as number, logprob: Math.log(prob) }));
        yield { token: out.token as number, logprob: Math.log(p.get(out.token) ?? 0), top };
        if (this.isEnd(out.token as number) || ++n >= o.maxTokens) return;
      }
      return;
    }
    for await (const token of seq.evaluate(prompt as Token[], options)) {
      if (o.signal.aborted) return;
      yield { token: token as number };
      if (this.isEnd(token as number) || ++n >= o.maxTokens) return;
    }
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
  }
}
