import { describe, expect, it } from "vitest";
import { isCompressMethod, parseCompressScheme, renderCompressorRecipe } from "./compressor-recipe.js";

describe("llm-compressor recipes", () => {
  it.each([
    ["awq", undefined, "W4A16_ASYM"],
    ["awq", "w4a16", "W4A16"],
    ["gptq", undefined, "W4A16"],
    ["gptq", "W8A8", "W8A8"],
  ] as const)("%s with scheme %s → %s", (method, scheme, want) => {
    expect(parseCompressScheme(method, scheme)).toBe(want);
  });
  it("refuses a scheme the method does not have, listing the ones it has", () => {
    expect(() => parseCompressScheme("awq", "W8A8")).toThrowError('--scheme "W8A8" is not a AWQ scheme; use one of W4A16_ASYM, W4A16');
  });
  it("knows only awq and gptq", () => {
    expect(["awq", "gptq", "gguf", "toString", "constructor"].map(isCompressMethod)).toEqual([true, true, false, false, false]);
  });
  it("renders one oneshot stage with the method's modifier on Linear layers, lm_head kept", () => {
    expect(renderCompressorRecipe("gptq", "W4A16")).toBe(
      "# llm-compressor recipe written by llmops export gptq\nquant_stage:\n  quant_modifiers:\n    GPTQModifier:\n      scheme: W4A16\n      targets: [Linear]\n      ignore: [lm_head]\n",
    );
    expect(renderCompressorRecipe("awq", "W4A16_ASYM")).toContain("    AWQModifier:\n      scheme: W4A16_ASYM\n");
  });
});
