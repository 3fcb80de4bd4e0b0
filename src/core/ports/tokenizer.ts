// The TokenCounter port: counts tokens the way a target model's tokenizer does. Adapters implement
// it with real tokenizers (js-tiktoken for OpenAI encodings, @huggingface/tokenizers for a HF
// tokenizer.json); the core never estimates from words or characters.
import type { ChatMessage } from "./provider.js";

export interface TokenCounter {
  /** What counts, as shown: "o200k_base (js-tiktoken)", "models/x/tokenizer.json (HF tokenizers)". */
  readonly name: string;
  /** Token ids of a text (no special tokens added: text that looks like one is counted as text). */
  encode(text: string): number[];
  /** Tokens of a completion prompt as the server receives it. */
  countText(text: string): number;
  /** Tokens of a chat request's messages as the model sees them, and how they were counted. */
  countChat(messages: readonly ChatMessage[]): number;
  /** How chat messages are counted (the template or the documented per-message overhead). */
  readonly chatMethod: string;
}
