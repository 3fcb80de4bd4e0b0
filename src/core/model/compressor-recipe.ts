// AWQ and GPTQ through llm-compressor (vLLM's quantization library): the methods and schemes llmops
// offers, and the recipe file it hands the tool. Pure: the recipe is text rendered from the choice.
import { InputError } from "../../errors.js";

export const COMPRESS_METHODS = {
  // AWQ's usual 4-bit form is asymmetric with groups of 128 (vLLM's AWQ kernels); GPTQ's is symmetric.
  awq: { modifier: "AWQModifier", schemes: ["W4A16_ASYM", "W4A16"], defaultScheme: "W4A16_ASYM" },
  gptq: { modifier: "GPTQModifier", schemes: ["W4A16", "W8A16", "W8A8", "W4A16_ASYM"], defaultScheme: "W4A16" },
} as const;

export type CompressMethod = keyof typeof COMPRESS_METHODS;

export function isCompressMethod(s: string): s is CompressMethod {
  return Object.hasOwn(COMPRESS_METHODS, s);
}

/** The scheme to use: the given one (case-insensitive) if the method has it, else the method's default. */
export function parseCompressScheme(method: CompressMethod, scheme: string | undefined): string {
  const m = COMPRESS_METHODS[method];
  if (scheme === undefined) return m.defaultScheme;
  const s = scheme.toUpperCase();
  if (!(m.schemes as readonly string[]).includes(s)) throw new InputError(`--scheme ${JSON.stringify(scheme)} is not a ${method.toUpperCase()} scheme; use one of ${m.schemes.join(", ")}`);
  return s;
}

/**
 * llm-compressor's recipe YAML: one oneshot stage with the method's modifier on every Linear layer
 * except the output head (quantizing lm_head costs accuracy and vLLM keeps it in 16 bits).
 */
export function renderCompressorRecipe(method: CompressMethod, scheme: string): string {
  const m = COMPRESS_METHODS[method];
  return [
    `# llm-compressor recipe written by llmops export ${method}`,
    "quant_stage:",
    "  quant_modifiers:",
    `    ${m.modifier}:`,
    `      scheme: ${scheme}`,
    "      targets: [Linear]",
    "      ignore: [lm_head]",
    "",
  ].join("\n");
}
