// The eval suite file (evals/<name>.yaml): cases, prompt, target, scorers, repeats and limits.
import { safeNameSchema } from "../config/names.js";
import { z } from "zod";

// Node's timers overflow past 2^31 ms (~24 days) and then fire at once: one day is plenty.
const MAX_TIMEOUT_S = 86_400;
import { gatePolicySchema } from "../gate/policy.js";
import { scorerConfigSchema } from "./scorers/registry.js";
import { apiKeyEnvSchema } from "./api-key-env.js";

const caseSchema = z.strictObject({
  id: z.union([z.string().min(1), z.number()]).optional(),
  input: z.string().optional(),
  vars: z.record(z.string(), z.unknown()).optional(),
  expected: z.unknown().optional(),
  tags: z.array(z.string()).optional(),
});
export type CaseConfig = z.output<typeof caseSchema>;

const casesSchema = z.union([
  z.array(caseSchema).min(1),
  z.strictObject({
    /** A JSONL (.jsonl, .jsonl.gz) or Parquet file of {id, input|vars, expected}, relative to the suite file. */
    file: z.string().min(1),
    /** Use only the first N cases (for quick runs). */
    limit: z.number().int().positive().max(100_000_000).optional(),
  }),
]);

const messageSchema = z.strictObject({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});

const promptSchema = z.union([
  z.string(),
  z.strictObject({
    /** An inline Jinja template rendered to one string (sent as the user message, or as the completion prompt). */
    template: z.string().optional(),
    /** Chat messages, each content a Jinja template. */
    messages: z.array(messageSchema).min(1).optional(),
    /** A file under prompts/ (relative to the suite file): .jinja/.txt for a template, .yaml for messages. */
    file: z.string().optional(),
  }),
]);

const priceSchema = z.strictObject({
  /** Price per 1,000 prompt tokens. */
  prompt_per_1k: z.number().nonnegative().max(1000),
  /** Price per 1,000 completion tokens. */
  completion_per_1k: z.number().nonnegative().max(1000),
  currency: z.string().regex(/^[A-Z]{3}$/, "a three-letter currency code such as USD").default("USD"),
});

/** Request fields that `target.params.extra` may not set: which model answers, and what it is asked. */
const REQUEST_FIELDS = ["model", "messages", "prompt", "stream", "stream_options"];

const paramsSchema = z
  .strictObject({
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    top_k: z.number().int().min(0).max(1_000_000).optional(),
    max_tokens: z.number().int().positive().max(10_000_000).optional(),
    stop: z.union([z.string(), z.array(z.string())]).optional(),
    seed: z.number().int().min(-(2 ** 63)).max(2 ** 64).optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    repetition_penalty: z.number().positive().max(10).optional(),
    min_p: z.number().min(0).max(1).optional(),
    /**
     * Anything else the server accepts, passed through as-is (and part of the cache key) — except the
     * fields that say which model answers what: a gate takes a pull request's sampling parameters under
     * the base's yardstick, so they must not swap the model or the request.
     */
    extra: z
      .record(z.string(), z.unknown())
      .superRefine((extra, ctx) => {
        for (const k of Object.keys(extra)) {
          if (REQUEST_FIELDS.includes(k)) ctx.addIssue({ code: "custom", path: [k], message: `"${k}" is not a sampling parameter: the request's ${k} is llmops's to set${k === "model" ? " (name the model in target.model)" : ""}` });
        }
      })
      .optional(),
  })
  .default({});

const targetSchema = z
  .strictObject({
    /** openai-compatible: a running server at base_url. llama-cpp: llmops starts `llmops serve` on the GGUF itself. */
    provider: z.enum(["openai-compatible", "llama-cpp"]).default("openai-compatible"),
    /** Base URL including /v1, e.g. http://127.0.0.1:8000/v1 for vLLM. */
    base_url: z.string().url().optional(),
    /** provider llama-cpp: the .gguf to serve, relative to the suite file (`model_path:` is the same). */
    gguf: z.string().min(1).optional(),
    model_path: z.string().min(1).optional(),
    /** provider llama-cpp: how `llmops serve` runs it. */
    serve: z
      .strictObject({
        adapter: z.string().min(1).optional(),
        threads: z.number().int().min(1).max(256).optional(),
        parallel: z.number().int().min(1).max(256).optional(),
        ctx: z.number().int().min(16).optional(),
        kv_cache: z.enum(["f16", "f32"]).optional(),
        startup_timeout_s: z.number().positive().max(MAX_TIMEOUT_S).default(120),
      })
      .optional(),
    model: z.string().min(1).max(500),
    /** chat → /chat/completions; completions → /completions. */
    api: z.enum(["chat", "completions"]).default("chat"),
    /** Stream responses to measure time to first token. */
    stream: z.boolean().default(true),
    /** Name of the environment variable holding the API key (never the key itself). */
    api_key_env: apiKeyEnvSchema.optional(),
    params: paramsSchema,
    prices: priceSchema.optional(),
    /** The model's context window in tokens, for `prompts lint`'s budget (llama-cpp: serve.ctx when unset). */
    context: z.number().int().positive().max(100_000_000).optional(),
    /** How `prompts lint` counts tokens: o200k_base, cl100k_base, an OpenAI model name, or a tokenizer.json path (relative to the suite). */
    tokenizer: z.string().min(1).max(1000).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.provider === "openai-compatible") {
      if (t.base_url === undefined) ctx.addIssue({ code: "custom", path: ["base_url"], message: "base_url is required for provider openai-compatible (e.g. http://127.0.0.1:8000/v1)" });
      for (const key of ["gguf", "model_path", "serve"] as const) {
        if (t[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} applies to provider: llama-cpp only` });
      }
    } else {
      if ((t.gguf === undefined) === (t.model_path === undefined)) ctx.addIssue({ code: "custom", path: ["gguf"], message: "provider llama-cpp needs the model file as gguf: (or model_path:), exactly one of them" });
      if (t.base_url !== undefined) ctx.addIssue({ code: "custom", path: ["base_url"], message: "provider llama-cpp starts its own server; drop base_url (or use provider: openai-compatible)" });
    }
  });

const TIMEOUT_DEFAULTS = { connect_s: 10, headers_s: 60, first_token_s: 60, idle_s: 30, request_s: 600, adaptive: true };
/** Per-phase deadlines in seconds (docs/evaluation.md, "Deadlines"); an abandoned request is retried. */
const timeoutsSchema = z
  .strictObject({
    /** Establishing the connection. */
    connect_s: z.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.connect_s),
    /** Most time from connection to response headers (adaptive below it). */
    headers_s: z.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.headers_s),
    /** Most time from headers to the first streamed token (adaptive below it). */
    first_token_s: z.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.first_token_s),
    /** Most time between two pieces of the body (adaptive below it). */
    idle_s: z.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.idle_s),
    /** The whole request, start to end (never adaptive). */
    request_s: z.number().positive().max(MAX_TIMEOUT_S).default(TIMEOUT_DEFAULTS.request_s),
    /** Learn headers/first-token/idle deadlines from the run; false pins them to the values above. */
    adaptive: z.boolean().default(TIMEOUT_DEFAULTS.adaptive),
  })
  .default(TIMEOUT_DEFAULTS);

const retriesSchema = z
  .strictObject({
    max_attempts: z.number().int().min(1).max(20).default(6),
    base_delay_ms: z.number().int().min(0).max(600_000).default(250),
    max_delay_ms: z.number().int().min(0).max(3_600_000).default(20_000),
  })
  .default({ max_attempts: 6, base_delay_ms: 250, max_delay_ms: 20_000 });

/**
 * A variant of the suite's prompt and/or target, evaluated on the same cases with the same seed
 * (`llmops eval SUITE --variant NAME`); its run is one arm of `llmops compare --control … --arm …`.
 */
const variantSchema = z.strictObject({
  name: z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only"),
  description: z.string().max(10_000).optional(),
  /** Replaces the suite's prompt. */
  prompt: promptSchema.optional(),
  /** Replace target.model / target.base_url. */
  model: z.string().min(1).optional(),
  base_url: z.string().url().optional(),
  /** Merged over target.params (`extra` merged key by key). */
  params: paramsSchema,
});

export const suiteSchema = z.strictObject({
  // The name becomes a directory (.llmops/eval/<name>): a file-name-safe, bounded string.
  name: safeNameSchema,
  description: z.string().max(10_000).optional(),
  cases: casesSchema,
  prompt: promptSchema,
  target: targetSchema,
  scorers: z.array(scorerConfigSchema).min(1),
  repeats: z.number().int().min(1).max(100).default(1),
  seed: z.number().int().min(0).max(0xffffffff).default(0),
  concurrency: z.number().int().min(1).max(1024).default(8),
  timeouts: timeoutsSchema,
  retries: retriesSchema,
  /** Hedged requests: "auto" = on for a loopback server, off elsewhere (a paid API bills both copies). */
  hedge: z.union([z.literal("auto"), z.boolean()]).default("auto"),
  /** Gate policy for `llmops compare --policy <suite>` / `llmops gate` (docs/compare-and-gate.md). */
  gate: gatePolicySchema.optional(),
  /** Prompt and/or target variants for a k-arm experiment (docs/evaluation.md#variants). */
  variants: z.array(variantSchema).optional(),
});

export type SuiteConfig = z.output<typeof suiteSchema>;
export type TargetConfig = SuiteConfig["target"];
export type PromptConfig = SuiteConfig["prompt"];
export type VariantConfig = NonNullable<SuiteConfig["variants"]>[number];
export type TimeoutsConfig = SuiteConfig["timeouts"];
