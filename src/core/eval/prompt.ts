// Prompt templates are Jinja (the engine of HF chat templates), so one syntax serves prompts and
// chat templates. A prompt is one template string, or a list of chat messages.
import { Template } from "@huggingface/jinja";
import { ConfigError } from "../../errors.js";
import type { ChatMessage } from "../ports/provider.js";

export type PromptSpec = { kind: "template"; template: string } | { kind: "messages"; messages: ChatMessage[] };

export interface CompiledPrompt {
  spec: PromptSpec;
  render(vars: Record<string, unknown>): { messages: ChatMessage[]; text: string };
}

export function compilePrompt(spec: PromptSpec, where: string): CompiledPrompt {
  const compile = (source: string, at: string): Template => {
    try {
      return new Template(source);
    } catch (err) {
      throw new ConfigError(`${at}: invalid Jinja template: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const parts =
    spec.kind === "template"
      ? [{ role: "user" as const, t: compile(spec.template, where) }]
      : spec.messages.map((m, i) => ({ role: m.role, t: compile(m.content, `${where}.messages[${i}]`) }));
  return {
    spec,
    render(vars) {
      const messages = parts.map((p) => ({ role: p.role, content: p.t.render(vars) }));
      const text = spec.kind === "template" ? messages[0]!.content : messages.map((m) => `${m.role}: ${m.content}`).join("\n");
      return { messages, text };
    },
  };
}
