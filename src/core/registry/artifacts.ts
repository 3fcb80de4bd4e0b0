// `artifacts.yaml` at the repository root, in GTO's format (artifact name → type, path, description,
// labels, virtual, custom). llmops reads its own extras from `custom` so GTO still accepts the file.
import { z } from "zod";
import { ConfigError } from "../../errors.js";
import { parseYamlSource } from "../config/yaml-source.js";
import { validateConfig } from "../config/validate.js";
import { isValidArtifactName } from "./tag-grammar.js";

export const ARTIFACT_TYPES = ["model", "adapter", "prompt", "dataset"] as const;

const CustomSchema = z
  .looseObject({
    /** For an adapter: the base model it applies to (a repo path, hf:// URI or a served model name). */
    base_model: z.string().min(1).optional(),
    /** LoRA rank, for vLLM's --max-lora-rank. */
    lora_rank: z.number().int().positive().optional(),
    /** The weights' format: hf (safetensors directory) or gguf. */
    format: z.enum(["hf", "gguf"]).optional(),
  })
  .optional();

export const ArtifactSpecSchema = z.strictObject({
  type: z.enum(ARTIFACT_TYPES).optional(),
  path: z.string().min(1),
  description: z.string().optional(),
  labels: z.array(z.string()).optional(),
  virtual: z.boolean().optional(),
  custom: CustomSchema,
});

export type ArtifactSpec = z.infer<typeof ArtifactSpecSchema> & { name: string };

const ArtifactsFileSchema = z.record(z.string(), ArtifactSpecSchema).nullable();

export function parseArtifactsYaml(text: string, file = "artifacts.yaml"): ArtifactSpec[] {
  const doc = parseYamlSource(text, file);
  const value = validateConfig(ArtifactsFileSchema, doc, "artifacts.yaml") ?? {};
  return Object.entries(value).map(([name, spec]) => {
    if (!isValidArtifactName(name)) {
      const p = doc.locate([name], "key");
      throw new ConfigError(`${file}:${p.line}:${p.col}: artifact name "${name}" is not valid`, {
        hint: 'use lowercase letters, digits, "-" and "/", starting and ending with a letter or digit; a model in a subfolder as dir:name',
      });
    }
    return { name, ...spec };
  });
}
