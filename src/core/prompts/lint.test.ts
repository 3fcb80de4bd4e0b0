// Prompt files and their lint: every class of problem, each at the file:line:col asserted here,
// and token budgets counted by a real tokenizer (js-tiktoken's o200k_base).
import { describe, expect, it } from "vitest";
import { loadTokenCounter } from "../../adapters/tokenizers/load-token-counter.js";
import { toCase, type EvalCase } from "../eval/cases.js";
import { lintPrompt, type LintFinding, type PromptUse } from "./lint.js";
import { parsePromptFile, readPromptFile, splitFrontMatter } from "./prompt-file.js";

const cases = (rows: unknown[], file = "evals/cases/qa.jsonl"): EvalCase[] => rows.map((r, i) => toCase(r, `${file}:${i + 1}`));
const use = (c: EvalCase[], extra: Partial<PromptUse> = {}): PromptUse => ({ label: "evals/qa.yaml", cases: c, api: "completions", model: "m", maxTokens: null, context: null, counter: null, ...extra });
const lint = (text: string, uses: PromptUse[] = [], file = "prompts/qa.jinja") => {
  const { file: p, problems } = readPromptFile({ file, text });
  if (!p) return { findings: problems.map((x) => ({ ...x, severity: "error", rule: "config" }) as LintFinding), budgets: [] };
  return lintPrompt(p, problems, uses);
};
const brief = (fs: readonly LintFinding[]) => fs.map((f) => `${f.file}:${f.line}:${f.col} ${f.severity} ${f.rule}`);

describe("prompt files", () => {
  it("a plain Jinja file is a prompt: no configuration, template from line 1, version = sha256 of the bytes", () => {
    const p = parsePromptFile({ file: "prompts/a.jinja", text: "Q: {{ input }}\n" });
    expect(p.meta).toEqual({});
    expect(p.spec).toEqual({ kind: "template", template: "Q: {{ input }}" });
    expect(p.origins).toEqual([{ file: "prompts/a.jinja", line: 1, col: 1 }]);
    expect(p.version).toMatch(/^[0-9a-f]{64}$/);
    expect(parsePromptFile({ file: "prompts/a.jinja", text: "Q: {{ input }} \n" }).version).not.toBe(p.version);
  });
  it("front matter: fields read, the template's lines keep the file's numbering", () => {
    const text = "---\ndescription: Q&A\nowner: '@org/search'\nsemver: 1.2.0\nvariables:\n  input: string\n---\nQ: {{ input }}\n";
    const p = parsePromptFile({ file: "prompts/qa.jinja", text });
    expect(p.meta).toMatchObject({ description: "Q&A", owner: "@org/search", semver: "1.2.0", variables: { input: "string" } });
    expect(p.origins[0]).toEqual({ file: "prompts/qa.jinja", line: 8, col: 1 });
    expect(splitFrontMatter("---\nno closing line\n{{ x }}")).toEqual({ frontMatter: null, body: "---\nno closing line\n{{ x }}", bodyLine: 1 });
  });
  it("a sidecar YAML gives the same configuration", () => {
    const p = parsePromptFile({ file: "prompts/qa.jinja", text: "{{ input }}", sidecar: { file: "prompts/qa.yaml", text: "semver: 2.0.0\nvariables: {input: string}\n" } });
    expect(p.meta.semver).toBe("2.0.0");
    expect(p.metaDoc?.locate(["variables", "input"], "key")).toEqual({ line: 2, col: 13 });
  });
  it("a .yaml prompt holds chat messages, each located", () => {
    const p = parsePromptFile({ file: "prompts/chat.yaml", text: "semver: 1.0.0\nmessages:\n  - role: system\n    content: Be brief.\n  - role: user\n    content: '{{ input }}'\n" });
    expect(p.spec).toEqual({ kind: "messages", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "{{ input }}" }] });
    expect(p.origins.map((o) => [o.line, o.col])).toEqual([[4, 14], [6, 15]]);
  });
});

describe("prompts lint: every class of problem, located", () => {
  it("front matter that is not YAML: at its line in the template file", () => {
    const r = lint("---\nowner: [a\n---\n{{ input }}");
    expect(brief(r.findings)).toEqual(["prompts/qa.jinja:2:10 error config"]);
    expect(r.findings[0]!.message).toMatch(/invalid YAML/);
  });
  it("a field of the wrong kind, an unknown key (with did-you-mean) and a bad semver, each at its value", () => {
    const r = lint("---\nsemver: v1.0\nvariables:\n  input: strng\ndescriptoin: x\n---\n{{ input }}");
    expect(brief(r.findings)).toEqual(["prompts/qa.jinja:2:9 error config", "prompts/qa.jinja:4:10 error config", "prompts/qa.jinja:5:1 error config"]);
    expect(r.findings[2]!.message).toContain('did you mean "description"');
  });
  it("template syntax: the tag that opened the unclosed block, in the file's numbering", () => {
    const r = lint("---\nowner: me\n---\nHello\n{% if input %}\n{{ input }}\n");
    expect(brief(r.findings)).toEqual(["prompts/qa.jinja:5:1 error syntax"]);
  });
  it("used but not declared (at the use), declared but unused (at the key), optional but unguarded", () => {
    const r = lint("---\nvariables:\n  input: string\n  unused: string\n  maybe: {type: string, required: false}\n---\nQ: {{ input }} {{ questoin }}\n{{ maybe }}");
    expect(brief(r.findings)).toEqual(["prompts/qa.jinja:4:3 warning unused", "prompts/qa.jinja:7:19 error undeclared", "prompts/qa.jinja:8:4 error unguarded-optional"]);
    expect(r.findings[1]!.message).toBe('variable "questoin" is used but not declared under variables:');
  });
  it("guarded optional variables are fine; no variables: block means nothing is checked for declarations", () => {
    expect(lint("---\nvariables:\n  maybe: {required: false}\n---\n{{ maybe | default('') }}{% if maybe is defined %}x{% endif %}").findings).toEqual([]);
    expect(lint("{{ anything }}").findings).toEqual([]);
  });
  it("missing from cases: at the first case's file:line, naming the cases and counting the rest", () => {
    const c = cases([{ id: "a", input: "1" }, { id: "b", vars: { other: 1 } }, { id: "c", vars: {} , input: "x"}, { id: "d", vars: { z: 1 } }, { id: "e", vars: { z: 2 } }, { id: "f", vars: { z: 3 } }]);
    const r = lint("{{ input }}", [use(c)]);
    expect(brief(r.findings)).toEqual(["evals/cases/qa.jsonl:2:1 error missing"]);
    expect(r.findings[0]!.message).toBe('4 cases of evals/qa.yaml lack "input", which prompts/qa.jinja:1:4 uses: "b" (evals/cases/qa.jsonl:2), "d" (evals/cases/qa.jsonl:4), "e" (evals/cases/qa.jsonl:5), and 1 more');
  });
  it("a declared type the cases do not hold: at the case", () => {
    const c = cases([{ id: "a", vars: { n: 3 } }, { id: "b", vars: { n: "3" } }, { id: "c", vars: { n: 2.5 } }]);
    const r = lint("---\nvariables:\n  n: integer\n---\n{{ n }}", [use(c)]);
    expect(brief(r.findings)).toEqual(["evals/cases/qa.jsonl:2:1 error type"]);
    expect(r.findings[0]!.message).toContain('"b" (evals/cases/qa.jsonl:2) has a string, "c" (evals/cases/qa.jsonl:3) has the number 2.5');
  });
  it("a filter that does not exist fails rendering: at the filter", () => {
    const r = lint("Q:\n{{ input | shout }}", [use(cases([{ id: "a", input: "x" }]))]);
    expect(brief(r.findings)).toEqual(["prompts/qa.jinja:2:12 error render"]);
  });
  it("a block-scalar message is located at its first line of text", () => {
    const r = lint("messages:\n  - role: user\n    content: |\n      Q: {{ input }}\n      {{ input | shout }}\n", [use(cases([{ id: "a", input: "x" }]))], "prompts/chat.yaml");
    expect(brief(r.findings)).toEqual(["prompts/chat.yaml:5:7 error render"].map((x) => x.replace("5:7", "5:18")));
  });
  it("a message of a .yaml prompt is located inside the YAML", () => {
    const r = lint("messages:\n  - role: user\n    content: 'Q: {{ input }} {% if %}'\n", [], "prompts/chat.yaml");
    expect(brief(r.findings)).toEqual(["prompts/chat.yaml:3:30 error syntax"]);
  });
  it("a prompt written for chat sent to completions is a warning at model.api", () => {
    const r = lint("---\nmodel:\n  api: chat\n---\n{{ input }}", [use(cases([{ id: "a", input: "x" }]))]);
    expect(brief(r.findings)).toEqual(["prompts/qa.jinja:3:8 warning api"]);
  });
});

describe("token budgets with a real tokenizer", () => {
  it("the longest case + max_tokens against the context: fits, then over by an exact count", async () => {
    const counter = await loadTokenCounter("o200k_base", ".", ".", "test");
    const c = cases([{ id: "short", input: "hi" }, { id: "long", input: "hello world ".repeat(50) }]);
    const tokens = counter.countText(`Q: ${"hello world ".repeat(50)}`);
    const fits = lint("Q: {{ input }}", [use(c, { counter, maxTokens: 10, context: tokens + 10 })]);
    expect(fits.findings).toEqual([]);
    expect(fits.budgets[0]).toMatchObject({ longest: { case: "long", tokens }, spare: 0 });
    const over = lint("Q: {{ input }}", [use(c, { counter, maxTokens: 11, context: tokens + 10 })]);
    expect(brief(over.findings)).toEqual(["prompts/qa.jinja:1:1 error budget"]);
    expect(over.findings[0]!.message).toContain(`renders to ${tokens} tokens`);
    expect(over.findings[0]!.message).toContain("1 over");
  });
  it("chat: OpenAI's accounting (3 per message + role + content, 3 for the reply)", async () => {
    const counter = await loadTokenCounter("gpt-4o", ".", ".", "test");
    expect(counter.name).toBe("o200k_base (js-tiktoken, for gpt-4o)");
    // "hello world" is [24912, 2375] in o200k_base (tiktoken's published test vector); "user" one token.
    expect(counter.countText("hello world")).toBe(2);
    expect(counter.countChat([{ role: "user", content: "hello world" }])).toBe(3 + 1 + 2 + 3);
  });
  it("no tokenizer: the budget says why instead of guessing", () => {
    const r = lint("{{ input }}", [use(cases([{ id: "a", input: "x" }]), { noCounterReason: "no tokenizer: set target.tokenizer" })]);
    expect(r.budgets[0]).toMatchObject({ longest: null, note: "no tokenizer: set target.tokenizer" });
  });
});
