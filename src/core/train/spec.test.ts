import { describe, expect, it } from "vitest";
import { ConfigError, InputError } from "../../errors.js";
import { applyOverrides, parseOverride, parseOverrideLines } from "./overrides.js";
import { parseTrainSpec } from "./spec.js";

const BASE = `name: t
base:
  model: scratch
datasets:
  format: chat
  train: train.jsonl
max_steps: 10
learning_rate: 1.0e-3
`;

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("parseTrainSpec", () => {
  it("fills defaults", () => {
    const s = parseTrainSpec(BASE, "t.yaml");
    expect(s.backend).toBe("reference");
    expect(s.launcher).toEqual({ type: "single" });
    expect(s.lora).toEqual({ r: 16, alpha: 32, dropout: 0.05, target_modules: ["q_proj", "k_proj", "v_proj", "o_proj"] });
    expect(s.divergence).toEqual({ factor: 3, window: 10 });
    expect(s.axolotl.attn_implementation).toBe("sdpa");
  });

  it("names file:line:col and suggests the key for a typo", () => {
    const e = errorOf(() => parseTrainSpec(BASE.replace("max_steps: 10", "max_step: 10"), "t.yaml"));
    expect(e.message).toContain('t.yaml:7:1: max_step: unknown key "max_step" (did you mean "max_steps"?)');
  });

  it("rejects a wrong enum value with its position", () => {
    const e = errorOf(() => parseTrainSpec(BASE.replace("format: chat", "format: chatt"), "t.yaml"));
    expect(e.message).toMatch(/t\.yaml:5:11: datasets\.format: expected one of "chat", "instruction", "completion"/);
  });

  it.each([
    [BASE.replace("max_steps: 10\n", ""), "set either epochs or max_steps"],
    [`${BASE}method: lora\n`, "adapts a pretrained model"],
    [`${BASE}backend: axolotl\n`, "axolotl needs a pretrained base"],
    [BASE.replace("model: scratch", "model: ./m") + "method: qlora\n", "no 4-bit quantization"],
    [`${BASE}launcher: {type: torchrun, nproc_per_node: 2}\n`, "runs in one process"],
    [BASE.replace("model: scratch", "model: meta-llama/Llama-3.2-1B") + "backend: torchtune\n", "needs a torchtune: {recipe, config} block"],
  ])("refuses inconsistent specs (%#)", (yaml, message) => {
    expect(errorOf(() => parseTrainSpec(yaml, "t.yaml")).message).toContain(message);
  });

  it("applies overrides before validation, typed as YAML", () => {
    const s = parseTrainSpec(BASE, "t.yaml", [parseOverride("max_steps=3", "--set"), parseOverride("lora.target_modules=[q_proj, v_proj]", "--set"), parseOverride("packing=true", "--set")]);
    expect(s.max_steps).toBe(3);
    expect(s.packing).toBe(true);
    expect(s.lora.target_modules).toEqual(["q_proj", "v_proj"]);
  });

  it("reports an override that breaks the schema", () => {
    const e = errorOf(() => parseTrainSpec(BASE, "t.yaml", [parseOverride("max_steps=-1", "--set")]));
    // The value was not in the file: the problem is the override's, named as such, not a line of the file.
    expect(e.message).toMatch(/--set \(max_steps=-1\): max_steps: expected .*found number -1/);
    expect(e.message).not.toContain("t.yaml:");
    expect(e).toBeInstanceOf(ConfigError);
  });

  it("names a misspelt override key as the override's problem", () => {
    const e = errorOf(() => parseTrainSpec(BASE, "t.yaml", [parseOverride("max_step=20", "--set #1")]));
    expect(e.message).toContain('--set #1 (max_step=20): max_step: unknown key "max_step" (did you mean "max_steps"?)');
    expect(e.hint).toContain("fix the override");
  });

  it.each([
    ["learning_rate", "30"],
    ["weight_decay", "9e15"],
    ["seed", "-1"],
    ["name", "x".repeat(300)],
    ["cancel_grace_s", "123456789012"],
  ])("refuses an absurd %s at load", (key, value) => {
    expect(() => parseTrainSpec(BASE, "t.yaml", [parseOverride(`${key}=${value}`, "--set")])).toThrow(ConfigError);
  });
});

describe("overrides", () => {
  it("parses lines, skipping blanks and comments, naming the line on error", () => {
    expect(parseOverrideLines("a.b=1\n\n# c\nname=x y\n", "input")).toEqual([
      { path: ["a", "b"], value: 1, source: "input line 1" },
      { path: ["name"], value: "x y", source: "input line 4" },
    ]);
    expect(() => parseOverrideLines("ok=1\nbroken", "input")).toThrow(/input line 2: expected key=value/);
  });

  it("refuses prototype keys and paths through scalars", () => {
    expect(() => applyOverrides({}, [parseOverride("__proto__.x=1", "s")])).toThrow(InputError);
    expect(() => applyOverrides({ a: 1 }, [parseOverride("a.b=1", "s")])).toThrow(/"a" is not a mapping/);
  });

  it("does not modify its input", () => {
    const root = { a: { b: 1 } };
    expect(applyOverrides(root, [parseOverride("a.b=2", "s")])).toEqual({ a: { b: 2 } });
    expect(root.a.b).toBe(1);
  });
});
