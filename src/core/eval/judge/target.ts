// Where a judge or embedding scorer sends its requests: any OpenAI-compatible endpoint, configured
// in the scorer like the suite's own target (base_url, model, the key's environment variable, prices).
import { z } from "zod";
import { apiKeyEnvSchema } from "../api-key-env.js";

export const remoteTargetSchema = z.strictObject({
  /** Base URL including /v1, e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1. */
  base_url: z.string().url(),
  model: z.string().min(1).max(500),
  /** Name of the environment variable holding the API key (never the key itself). */
  api_key_env: apiKeyEnvSchema.optional(),
  /** Sampling parameters sent with each judge request (default temperature 0), as the API names them. */
  params: z.record(z.string(), z.unknown()).default({ temperature: 0 }),
  prices: z
    .strictObject({
      prompt_per_1k: z.number().nonnegative().max(1000),
      completion_per_1k: z.number().nonnegative().max(1000),
      currency: z.string().regex(/^[A-Z]{3}$/, "a three-letter currency code such as USD").default("USD"),
    })
    .optional(),
});

export type RemoteTarget = z.output<typeof remoteTargetSchema>;

/**
 * A judge's prompt, as a suite names its own: an inline template, chat messages, or a file (the
 * suite loader reads the file and fills `template` or `messages`). Omitted: the built-in template
 * for the scorer's type (templates/judges/ in the llmops package).
 */
export const judgePromptSchema = z.union([
  z.string(),
  z.strictObject({
    template: z.string().optional(),
    messages: z.array(z.strictObject({ role: z.enum(["system", "user", "assistant"]), content: z.string() })).min(1).optional(),
    file: z.string().optional(),
  }),
]);

/** Calibration against human labels (docs/judges.md#calibration). */
export const calibrationSchema = z.strictObject({
  /** A JSONL file of {"case_id", "label"} (llmops.judge-labels/v1), relative to the suite file. */
  labels: z.string().min(1),
  /** Warn when Cohen's kappa with the labels is below this (the point estimate). */
  min_kappa: z.number().min(-1).max(1).default(0.6),
});
