// The eval suite file (evals/<name>.yaml): cases, prompt, target, scorers, repeats and limits.
import { z } from "zod";
import { gatePolicySchema } from "../gate/policy.js";
import { scorerConfigSchema } from "./scorers/registry.js";

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
    /** Anything else the server accepts, passed through as-is (and part of the cache key). */
    extra: z.record(z.string(), z.unknown()).optional(),
  })
  .default({});

const targetSchema = z.strictObject({
  provider: z.literal("openai-compatible").default("openai-compatible"),
  /** Base URL including /v1, e.g. http://127.0.0.1:8000/v1 for vLLM. */
  base_url: z.string().url(),
  model: z.string().min(1).max(500),
  /** chat → /chat/completions; completions → /completions. */
  api: z.enum(["chat", "completions"]).default("chat"),
  /** Stream responses to measure time to first token. */
  stream: z.boolean().default(true),
  /** Name of the environment variable holding the API key (never the key itself). */
  api_key_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name such as OPENAI_API_KEY")
    .optional(),
  params: paramsSchema,
  prices: priceSchema.optional(),
});

const timeoutsSchema = z
  .strictObject({
    /** Per-request timeout in seconds (a hung server is retried after this). */
    // Node's timers overflow past 2^31 ms (~24 days) and then fire at once: one day is plenty.
    request_s: z.number().positive().max(86_400).default(60),
  })
  .default({ request_s: 60 });

const retriesSchema = z
  .strictObject({
    max_attempts: z.number().int().min(1).max(20).default(6),
    base_delay_ms: z.number().int().min(0).max(600_000).default(250),
    max_delay_ms: z.number().int().min(0).max(3_600_000).default(20_000),
  })
  .default({ max_attempts: 6, base_delay_ms: 250, max_delay_ms: 20_000 });

export const suiteSchema = z.strictObject({
  // The name becomes a directory (.llmops/eval/<name>): a file-name-safe, bounded string.
  name: z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only"),
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
  /** Gate policy for `llmops compare --policy <suite>` / `llmops gate` (docs/compare-and-gate.md). */
  gate: gatePolicySchema.optional(),
});

export type SuiteConfig = z.output<typeof suiteSchema>;
export type TargetConfig = SuiteConfig["target"];
export type PromptConfig = SuiteConfig["prompt"];
