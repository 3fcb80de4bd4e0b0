// OpenAI-compatible request bodies `llmops serve` accepts, parsed into one generation request.
// Unknown fields are ignored (clients send many); known ones are checked, naming the field.
import { z } from "zod";

const stop = z.union([z.string(), z.array(z.string()).max(16)]).optional().nullable();

const common = {
  model: z.string().optional(),
  max_tokens: z.number().int().positive().optional().nullable(),
  max_completion_tokens: z.number().int().positive().optional().nullable(),
  temperature: z.number().min(0).max(2).optional().nullable(),
  top_p: z.number().gt(0).max(1).optional().nullable(),
  seed: z.number().int().optional().nullable(),
  stop,
  stream: z.boolean().optional().nullable(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional().nullable(),
  n: z.literal(1).optional().nullable(),
};

const message = z.object({
  role: z.enum(["system", "user", "assistant", "developer"]),
  content: z.union([z.string(), z.array(z.object({ type: z.literal("text"), text: z.string() }))]),
});

export const chatBodySchema = z.object({ ...common, messages: z.array(message).min(1), logprobs: z.boolean().optional().nullable(), top_logprobs: z.number().int().min(0).max(20).optional().nullable() });
export const completionBodySchema = z.object({ ...common, prompt: z.string(), logprobs: z.number().int().min(0).max(20).optional().nullable(), echo: z.literal(false).optional().nullable() });

export interface ChatMessage {
  role: string;
  content: string;
}

export interface GenerationRequest {
  api: "chat" | "completions";
  model: string | undefined;
  messages?: ChatMessage[];
  prompt?: string;
  maxTokens: number | undefined;
  temperature: number;
  topP: number | undefined;
  seed: number | undefined;
  stop: string[];
  stream: boolean;
  includeUsage: boolean;
  /** Return the chosen token's log-probability (and this many alternatives). */
  logprobs: { top: number } | undefined;
}

export type ParseResult = { ok: true; request: GenerationRequest } | { ok: false; message: string; param: string | null };

function fail(err: z.ZodError): ParseResult {
  const issue = err.issues[0]!;
  const param = issue.path.join(".") || null;
  return { ok: false, message: `${param ?? "body"}: ${issue.message}`, param };
}

export function parseGenerationBody(api: "chat" | "completions", body: unknown): ParseResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, message: "the request body must be a JSON object", param: null };
  const base = (b: z.infer<typeof chatBodySchema> | z.infer<typeof completionBodySchema>) => ({
    model: b.model ?? undefined,
    maxTokens: b.max_completion_tokens ?? b.max_tokens ?? undefined,
    // OpenAI's default temperature is 1.
    temperature: b.temperature ?? 1,
    topP: b.top_p ?? undefined,
    seed: b.seed ?? undefined,
    stop: b.stop == null ? [] : typeof b.stop === "string" ? [b.stop] : b.stop,
    stream: b.stream === true,
    includeUsage: b.stream_options?.include_usage === true,
  });
  if (api === "chat") {
    const r = chatBodySchema.safeParse(body);
    if (!r.success) return fail(r.error);
    const messages = r.data.messages.map((m) => ({ role: m.role, content: typeof m.content === "string" ? m.content : m.content.map((p) => p.text).join("") }));
    return { ok: true, request: { api, ...base(r.data), messages, logprobs: r.data.logprobs ? { top: r.data.top_logprobs ?? 0 } : undefined } };
  }
  const r = completionBodySchema.safeParse(body);
  if (!r.success) return fail(r.error);
  return { ok: true, request: { api, ...base(r.data), prompt: r.data.prompt, logprobs: r.data.logprobs == null ? undefined : { top: r.data.logprobs } } };
}
