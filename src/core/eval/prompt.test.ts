// Strict prompt templates: undefined variables, unknown filters and syntax errors are configuration
// errors at the template's file:line:col, naming the case.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../errors.js";
import { compilePrompt, type PromptSpec } from "./prompt.js";
import { locateSyntaxError, templateVariables } from "./template-check.js";
import { Template } from "@huggingface/jinja";

const origin = { file: "prompts/qa.jinja", line: 1, col: 1 };
const tpl = (template: string): PromptSpec => ({ kind: "template", template });
const renderErr = (template: string, vars: Record<string, unknown>): ConfigError => {
  try {
    compilePrompt(tpl(template), "s.yaml: prompt", [origin]).render(vars, { caseId: "add-001", where: "cases.jsonl:1" });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("rendered without an error");
};

describe("strict templates", () => {
  it("a typo'd variable names file:line:col, the case and the closest field", () => {
    const e = renderErr("Answer with the sum.\nQ: {{ inptu }}\nA:", { input: "1+1=" });
    expect(e.message).toBe('prompts/qa.jinja:2:7: undefined variable "inptu" in the prompt template for case "add-001" (cases.jsonl:1) (did you mean "input"?)');
    expect(e.hint).toContain("the case's variables are: input");
  });
  it("the same typo under a filter is the same configuration error, not a crash", () => {
    expect(renderErr("{{ inptu | upper }}", { input: "x" }).message).toMatch(/^prompts\/qa\.jinja:1:4: undefined variable "inptu"/);
  });
  it("an unknown filter is located at the filter", () => {
    expect(renderErr("Q: {{ input | nosuch }}", { input: "x" }).message).toBe('prompts/qa.jinja:1:15: the prompt template failed for case "add-001" (cases.jsonl:1): Unknown StringValue filter: nosuch');
  });
  it("guarded, set and loop variables are not required", () => {
    const p = compilePrompt(tpl("{% set s = 'x' %}{% for m in msgs %}{{ m.role }}{{ loop.index }}{% endfor %}{{ s }}{{ sys | default('') }}{% if extra is defined %}{{ extra }}{% endif %}"), "w", [origin]);
    expect(p.render({ msgs: [{ role: "u" }] }).text).toBe("u1x");
    expect(templateVariables(new Template("{{ a.b }}{{ c[d] }}{{ f(g=h) }}").parsed)).toEqual({ required: ["a", "c", "d", "f", "h"], optional: [] });
  });
  it.each([
    ["a {{ x + }} b", "prompts/qa.jinja:1:3"],
    ["line one\n{% if x %}\nno end", "prompts/qa.jinja:2:1"],
    ["ok {{ x }}\n\n  {{ y }", "prompts/qa.jinja:3:3"],
    ["{{ a }}{% endif %}", "prompts/qa.jinja:1:8"],
  ])("a syntax error in %j is located at %s", (source, at) => {
    expect(() => compilePrompt(tpl(source), "w", [origin])).toThrow(ConfigError);
    expect(() => compilePrompt(tpl(source), "w", [origin])).toThrow(new RegExp(`^${at.replace(/\./g, "\\.")}: invalid Jinja template`));
  });
  it("an inline template is located inside the suite file", () => {
    expect(() => compilePrompt(tpl("Q: {{ x +}}"), "w", [{ file: "evals/s.yaml", line: 4, col: 9 }])).toThrow(/^evals\/s\.yaml:4:12: invalid Jinja template/);
    expect(locateSyntaxError("fine {{ x }}")).toBeNull();
  });
});
