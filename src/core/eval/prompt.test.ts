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

describe("templates of text and bare variables", () => {
  // Rendered without the engine where every variable is a string; the engine's output is the oracle.
  const pick = (rng: () => number, from: string) => from[Math.floor(rng() * from.length)]!;
  const alphabet = "ab {}%#\n\t\"'\\é世🎉<>&-";
  const engine = (source: string, vars: Record<string, unknown>) => new Template(source).render(vars);
  let seed = 7;
  const rng = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it("give exactly what the engine gives, on 500 random templates and values", () => {
    for (let k = 0; k < 500; k++) {
      const names = ["input", "ctx", "q_1"];
      let source = "";
      for (let i = 0; i < 1 + Math.floor(rng() * 5); i++) {
        source += rng() < 0.5 ? `{{${rng() < 0.5 ? " " : ""}${names[Math.floor(rng() * 3)]}${rng() < 0.5 ? " " : ""}}}` : Array.from({ length: Math.floor(rng() * 6) }, () => pick(rng, "ab \n\t\"'é世:")).join("");
      }
      const vars = Object.fromEntries(names.map((n) => [n, Array.from({ length: Math.floor(rng() * 8) }, () => pick(rng, alphabet)).join("")]));
      const prompt = compilePrompt({ kind: "template", template: source }, "t.yaml");
      expect(prompt.render(vars).text, JSON.stringify({ source, vars })).toBe(engine(source, vars));
    }
  });

  it("leave values that are not strings to the engine's formatting", () => {
    const prompt = compilePrompt({ kind: "template", template: "[{{ input }}]" }, "t.yaml");
    for (const v of [3, 2.5, true, null, ["a", 1], { k: "v" }]) expect(prompt.render({ input: v }).text).toBe(engine("[{{ input }}]", { input: v }));
    expect(prompt.render({ input: 3 }).text).toBe("[3]");
  });

  it("a chat message list renders each message the same way", () => {
    const prompt = compilePrompt({ kind: "messages", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Q: {{ input }}\nA:" }] }, "t.yaml");
    expect(prompt.render({ input: "2+2" }).messages).toEqual([{ role: "system", content: "Be brief." }, { role: "user", content: "Q: 2+2\nA:" }]);
  });
});
