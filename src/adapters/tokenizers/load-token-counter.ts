// TokenCounter adapters. A tokenizer spec names an OpenAI encoding (o200k_base, cl100k_base), an
// OpenAI model (gpt-4o → o200k_base, through js-tiktoken's table), or a HF tokenizer.json (a file,
// or a directory holding one; tokenizer_config.json beside it supplies the chat template). The
// tokenizer libraries and the encodings' rank tables are imported only when a spec needs them.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { ChatMessage } from "../../core/ports/provider.js";
import type { TokenCounter } from "../../core/ports/tokenizer.js";
import { ConfigError } from "../../errors.js";

export const TIKTOKEN_ENCODINGS = ["o200k_base", "cl100k_base"] as const;
type Encoding = (typeof TIKTOKEN_ENCODINGS)[number];

async function ranksOf(enc: Encoding): Promise<unknown> {
  // Literal specifiers, so the bundler makes each table a chunk of its own, loaded on use.
  if (enc === "o200k_base") return (await import("js-tiktoken/ranks/o200k_base")).default;
  return (await import("js-tiktoken/ranks/cl100k_base")).default;
}

/** The encoding of an OpenAI model name, or null when it is not one. */
export async function encodingForModel(model: string): Promise<Encoding | null> {
  const { getEncodingNameForModel } = await import("js-tiktoken/lite");
  let name: string | null = null;
  try {
    name = getEncodingNameForModel(model as Parameters<typeof getEncodingNameForModel>[0]);
  } catch {
    // Newer models than js-tiktoken's table: OpenAI's o-series and gpt-4o/4.1/5 families use o200k_base.
    if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o)(-|$)/.test(model)) name = "o200k_base";
  }
  return name === "o200k_base" || name === "cl100k_base" ? name : null;
}

const cache = new Map<string, Promise<TokenCounter>>();

/**
 * The counter for a spec. Paths are relative to `baseDir` (the file that names the tokenizer);
 * `where` names that place in errors.
 */
export function loadTokenCounter(spec: string, baseDir: string, cwd: string, where: string): Promise<TokenCounter> {
  const key = `${baseDir}\0${spec}`;
  let p = cache.get(key);
  if (!p) {
    p = resolveCounter(spec, baseDir, cwd, where);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

async function resolveCounter(spec: string, baseDir: string, cwd: string, where: string): Promise<TokenCounter> {
  if ((TIKTOKEN_ENCODINGS as readonly string[]).includes(spec)) return tiktokenCounter(spec as Encoding);
  const openai = spec.startsWith("openai:") ? spec.slice(7) : null;
  if (openai !== null || !/[/\\]|\.json$/.test(spec)) {
    const enc = await encodingForModel(openai ?? spec);
    if (enc) return tiktokenCounter(enc, openai ?? spec);
    throw new ConfigError(`${where}: tokenizer "${spec}" is neither an encoding llmops bundles (${TIKTOKEN_ENCODINGS.join(", ")}), an OpenAI model name, nor a path to a tokenizer.json`, {
      hint: "name the encoding (o200k_base for gpt-4o/4.1/5 and o-series, cl100k_base for gpt-4/3.5) or the model's tokenizer.json (relative to this file)",
    });
  }
  let path = resolve(baseDir, spec);
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "tokenizer.json");
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) throw new ConfigError(`${where}: tokenizer file not found: ${shown}`, { hint: "paths are relative to the file that names the tokenizer; download the model's tokenizer.json next to it" });
  return hfCounter(path, shown, where);
}

/** An OpenAI encoding through js-tiktoken. */
export class TiktokenCounter implements TokenCounter {
  readonly chatMethod = "3 tokens per message + 3 for the reply (OpenAI's accounting)";
  constructor(
    readonly name: string,
    private readonly tiktoken: { encode(text: string, allowed: string[], disallowed: string[]): number[] },
  ) {}
  /** Special-token text in a case is counted as the text it is, never as a control token. */
  encode(text: string): number[] {
    return this.tiktoken.encode(text, [], []);
  }
  countText(text: string): number {
    return this.encode(text).length;
  }
  /** OpenAI's documented accounting for chat models: 3 tokens per message around its role and content, 3 that prime the reply (<|start|>assistant<|message|>). */
  countChat(messages: readonly ChatMessage[]): number {
    return messages.reduce((n, m) => n + 3 + this.countText(m.role) + this.countText(m.content), 3);
  }
}

async function tiktokenCounter(enc: Encoding, model?: string): Promise<TokenCounter> {
  const { Tiktoken } = await import("js-tiktoken/lite");
  const ranks = (await ranksOf(enc)) as ConstructorParameters<typeof Tiktoken>[0];
  return new TiktokenCounter(`${enc} (js-tiktoken${model ? `, for ${model}` : ""})`, new Tiktoken({ ...ranks, pat_str: unicodeWhitespace(ranks.pat_str) }));
}

/**
 * tiktoken's patterns run on Rust's regex engines, where \s is Unicode's White_Space; JavaScript's
 * \s differs (it lacks U+0085 and has U+FEFF), so js-tiktoken splits " \u0085" otherwise than
 * tiktoken does. Under the u flag, \p{White_Space} is exactly Rust's \s, inside a class or out.
 */
export function unicodeWhitespace(pattern: string): string {
  return pattern.replace(/(?<!\\)((?:\\\\)*)\\([sS])/g, (_m, pre: string, c: string) => `${pre}${c === "s" ? "\\p{White_Space}" : "\\P{White_Space}"}`);
}

async function hfCounter(path: string, shown: string, where: string): Promise<TokenCounter> {
  const readJson = (p: string, what: string): Record<string, unknown> => {
    try {
      return JSON.parse(readFileSync(p, "utf8")) as Record<string, unknown>;
    } catch (err) {
      throw new ConfigError(`${where}: ${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const json = readJson(path, shown);
  const configPath = join(dirname(path), "tokenizer_config.json");
  const config = existsSync(configPath) ? readJson(configPath, join(dirname(shown), "tokenizer_config.json")) : {};
  const { Tokenizer } = await import("@huggingface/tokenizers");
  let tok: InstanceType<typeof Tokenizer>;
  try {
    tok = new Tokenizer(json, config);
  } catch (err) {
    throw new ConfigError(`${where}: ${shown} is not a tokenizer @huggingface/tokenizers can load: ${err instanceof Error ? err.message : String(err)}`);
  }
  const chatTemplate = typeof config.chat_template === "string" ? config.chat_template : null;
  const special = (k: string) => {
    const v = config[k];
    return typeof v === "string" ? v : v && typeof v === "object" && typeof (v as { content?: unknown }).content === "string" ? (v as { content: string }).content : "";
  };
  let template = null;
  if (chatTemplate !== null) {
    const { Template } = await import("@huggingface/jinja");
    try {
      template = new Template(chatTemplate);
    } catch (err) {
      throw new ConfigError(`${where}: the chat_template in ${join(dirname(shown), "tokenizer_config.json")} does not parse: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return new HfTokenizerCounter(`${shown} (HF tokenizers)`, tok, template, { bos_token: special("bos_token"), eos_token: special("eos_token") });
}

/** A Hugging Face tokenizer.json through @huggingface/tokenizers, with the model's chat template when it has one. */
export class HfTokenizerCounter implements TokenCounter {
  readonly chatMethod: string;
  constructor(
    readonly name: string,
    private readonly tok: { encode(text: string, options?: { add_special_tokens?: boolean }): { ids: number[] } },
    private readonly chatTemplate: { render(vars: Record<string, unknown>): string } | null,
    private readonly specialTokens: { bos_token: string; eos_token: string },
  ) {
    this.chatMethod = chatTemplate ? "the model's chat template (tokenizer_config.json), with the generation prompt" : "message contents only (no chat_template in tokenizer_config.json)";
  }
  encode(text: string): number[] {
    return this.tok.encode(text, { add_special_tokens: false }).ids;
  }
  /** With the tokenizer's special tokens (BOS), as a server adds them to a completion prompt. */
  countText(text: string): number {
    return this.tok.encode(text).ids.length;
  }
  countChat(messages: readonly ChatMessage[]): number {
    if (!this.chatTemplate) return messages.reduce((n, m) => n + this.encode(m.content).length, 0);
    return this.encode(this.chatTemplate.render({ messages, add_generation_prompt: true, ...this.specialTokens })).length;
  }
}
