// `deploy/environments.yaml`: per environment, what serves the model (vLLM, TGI, Ollama, Kubernetes,
// KServe), which manifest file in the repository is its desired state, how a change lands (pull
// request or direct commit), and where and how to smoke-test it.
import { z } from "zod";
import { parseYamlSource } from "../config/yaml-source.js";
import { validateConfig } from "../config/validate.js";

export const TARGETS = ["vllm", "tgi", "ollama", "kubernetes", "kserve"] as const;
export type Target = (typeof TARGETS)[number];

const SmokePromptSchema = z.strictObject({
  prompt: z.string().min(1),
  /** The answer must contain this text (case-sensitive), or match `pattern`. */
  expect: z.string().optional(),
  pattern: z.string().optional(),
  max_tokens: z.number().int().positive().max(4096).default(32),
});

export const SmokeSpecSchema = z.strictObject({
  /** Seconds to wait for /health to answer 200. */
  ready_timeout_s: z.number().positive().max(3600).default(120),
  request_timeout_s: z.number().positive().max(600).default(30),
  api: z.enum(["chat", "completions"]).default("completions"),
  prompts: z.array(SmokePromptSchema).default([]),
  /** Check streaming (SSE chunks then [DONE]). */
  streaming: z.boolean().default(true),
  /** For an adapter: the same prompt to the base model must answer differently. */
  adapter_changes_output: z.boolean().default(true),
});

export const EnvironmentSchema = z.strictObject({
  target: z.enum(TARGETS),
  /** The file (relative to the repository root) that holds this environment's desired state. */
  manifest: z.string().min(1),
  /** How the manifest change lands: a pull request for review, or a direct commit where rules allow. */
  apply: z.enum(["pull-request", "direct"]).default("pull-request"),
  /** The branch the manifest lives on (default: the repository's default branch). */
  branch: z.string().min(1).optional(),
  /** The OpenAI-compatible base URL the smoke test calls (…/v1 is added when missing). */
  endpoint: z.string().regex(/^https?:\/\/\S+$/, "an http(s) URL").optional(),
  image: z.string().min(1).optional(),
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).default("default"),
  replicas: z.number().int().min(0).max(100).default(1),
  gpus: z.number().int().min(0).max(16).default(1),
  port: z.number().int().min(1).max(65535).optional(),
  max_model_len: z.number().int().positive().optional(),
  /** Export to GGUF before deploying (Ollama and llama.cpp need it). */
  gguf: z.boolean().default(false),
  /** Ollama: PARAMETER lines, SYSTEM and TEMPLATE. */
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).default({}),
  system: z.string().optional(),
  template: z.string().optional(),
  smoke: SmokeSpecSchema.default(SmokeSpecSchema.parse({})),
});

export const EnvironmentsFileSchema = z.strictObject({
  environments: z.record(z.string().regex(/^[a-z0-9]([a-z0-9\-/]*[a-z0-9])?$/, "a stage name: lowercase letters, digits, - and /"), EnvironmentSchema),
});

export type EnvironmentSpec = z.infer<typeof EnvironmentSchema>;
export type SmokeSpec = z.infer<typeof SmokeSpecSchema>;

export function parseEnvironments(text: string, file = "deploy/environments.yaml"): Record<string, EnvironmentSpec> {
  return validateConfig(EnvironmentsFileSchema, parseYamlSource(text, file), "deploy environments").environments;
}
