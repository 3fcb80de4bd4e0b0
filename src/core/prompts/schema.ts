// The prompt file's own configuration (user input): YAML front matter in a template file, a sidecar
// `<name>.yaml` beside it, or the top of a `.yaml` prompt that holds chat messages. Every field is
// optional, so a plain Jinja file is a valid prompt.
import { z } from "zod";

/** Semantic Versioning 2.0.0 (semver.org), without a leading "v". */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const VARIABLE_TYPES = ["string", "number", "integer", "boolean", "array", "object", "any"] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

const variableTypeSchema = z.enum(VARIABLE_TYPES);

/** A declared variable: a type name, or {type, description, required}. */
const variableSchema = z.union([
  variableTypeSchema,
  z.strictObject({
    type: variableTypeSchema.default("any"),
    description: z.string().max(2000).optional(),
    /** false: a case may leave it out (the template must then guard it: `| default(…)` or `is defined`). */
    required: z.boolean().default(true),
  }),
]);

export const promptMetaFields = {
  description: z.string().max(10_000).optional(),
  /** Who answers for the prompt (a person or team, e.g. "@org/search-team"). */
  owner: z.string().min(1).max(200).optional(),
  /** A human version shown next to the content hash (which is the version llmops compares by). */
  semver: z.string().regex(SEMVER, "a semantic version such as 1.4.0 (no leading v)").optional(),
  /** The variables a case must (or may) provide, with types checked against every case. */
  variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a template variable name (letters, digits, _)"), variableSchema).optional(),
  /** What the prompt was written for; a suite's target overrides each of these. */
  model: z
    .strictObject({
      api: z.enum(["chat", "completions"]).optional(),
      max_tokens: z.number().int().positive().max(10_000_000).optional(),
      /** The context window in tokens (prompt + completion). */
      context: z.number().int().positive().max(100_000_000).optional(),
      /** o200k_base, cl100k_base, an OpenAI model name, or a path to a HF tokenizer.json (relative to this file). */
      tokenizer: z.string().min(1).max(1000).optional(),
    })
    .optional(),
  /** Variables of sample cases, rendered by `prompts render`/`diff` when no suite uses the prompt. */
  examples: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
};

export const PromptMetaSchema = z.strictObject(promptMetaFields);
export type PromptMeta = z.output<typeof PromptMetaSchema>;

const messageSchema = z.strictObject({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});

/** A `.yaml` prompt: the same fields, and the prompt itself as `messages:` (or one `template:`). */
export const PromptYamlSchema = z.strictObject({
  ...promptMetaFields,
  messages: z.array(messageSchema).min(1).optional(),
  template: z.string().optional(),
});

/** A declared variable in its long form. */
export interface VariableDecl {
  type: VariableType;
  description?: string | undefined;
  required: boolean;
}

export function variableDecl(v: NonNullable<PromptMeta["variables"]>[string]): VariableDecl {
  return typeof v === "string" ? { type: v, required: true } : v;
}

/** Whether a case's value has the declared type. */
export function hasType(value: unknown, type: VariableType): boolean {
  switch (type) {
    case "any":
      return true;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
  }
}

/** "a string", "the number 3", … for messages. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}
