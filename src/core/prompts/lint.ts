// `prompts lint`, the pure part: a parsed prompt file checked on its own (template syntax, variables
// used but not declared, declared but unused) and against the suites that use it (variables missing
// from a case or of the wrong type, with the case's file:line; templates that fail on a case; the
// longest rendered case against the target's context with max_tokens to spare, counted by a real
// tokenizer through the TokenCounter port).
import { Template } from "@huggingface/jinja";
import type { EvalCase } from "../eval/cases.js";
import { compilePrompt, type CompiledPrompt, type TemplateOrigin } from "../eval/prompt.js";
import { findVariable, lineColAt, locateSyntaxError, templateVariables } from "../eval/template-check.js";
import type { ChatMessage } from "../ports/provider.js";
import type { TokenCounter } from "../ports/tokenizer.js";
import type { PromptFile, PromptProblem } from "./prompt-file.js";
import { describeType, hasType, variableDecl, type VariableDecl } from "./schema.js";

export type LintRule = "config" | "syntax" | "undeclared" | "unused" | "unguarded-optional" | "missing" | "type" | "render" | "budget" | "api" | "tokenizer";

export interface LintFinding {
  severity: "error" | "warning";
  rule: LintRule;
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string | undefined;
}

/** A suite (or one of its variants) that uses the prompt: its cases and its target's budget. */
export interface PromptUse {
  /** "evals/qa.yaml" or "evals/qa.yaml --variant terse". */
  label: string;
  cases: readonly EvalCase[];
  api: "chat" | "completions";
  model: string;
  maxTokens: number | null;
  context: number | null;
  /** The tokenizer, or null when none is known (then no budget is checked, and the report says so). */
  counter: TokenCounter | null;
  /** Why there is no counter, when there is none. */
  noCounterReason?: string | undefined;
}

export interface BudgetResult {
  use: string;
  model: string;
  tokenizer: string | null;
  cases: number;
  /** The longest rendered case. */
  longest: { case: string; where: string | null; tokens: number } | null;
  max_tokens: number | null;
  context: number | null;
  /** context − longest − max_tokens; null when a number is unknown. */
  spare: number | null;
  note: string | null;
}

export interface PromptLintResult {
  file: string;
  version: string;
  semver: string | null;
  owner: string | null;
  description: string | null;
  /** Variables the template needs of every case / uses only guarded. */
  variables: { required: string[]; optional: string[] };
  uses: string[];
  budgets: BudgetResult[];
  findings: LintFinding[];
}

/** At most this many cases are named per variable and use; the rest are counted. */
const CASES_NAMED = 3;

interface Part {
  source: string;
  origin: TemplateOrigin;
  required: string[];
  optional: string[];
}

function at(part: Part, offset: number | null): { file: string; line: number; col: number } {
  if (offset === null) return { ...part.origin };
  const p = lineColAt(part.source, offset);
  return { file: part.origin.file, line: part.origin.line + p.line - 1, col: p.line === 1 ? part.origin.col + p.col - 1 : p.col + (part.origin.indent ?? 0) };
}

/** Lint one prompt. `problems` are those found reading its configuration. */
export function lintPrompt(prompt: PromptFile, problems: readonly PromptProblem[], uses: readonly PromptUse[]): PromptLintResult {
  const findings: LintFinding[] = problems.map((p) => ({ severity: "error", rule: "config", ...p }));
  const sources = prompt.spec.kind === "template" ? [prompt.spec.template] : prompt.spec.messages.map((m) => m.content);
  const parts: Part[] = [];
  sources.forEach((source, i) => {
    const origin = prompt.origins[i] ?? { file: prompt.file, line: 1, col: 1 };
    try {
      const t = new Template(source);
      const v = templateVariables(t.parsed);
      parts.push({ source, origin, ...v });
    } catch (err) {
      const part = { source, origin, required: [], optional: [] };
      findings.push({
        severity: "error",
        rule: "syntax",
        ...at(part, locateSyntaxError(source)),
        // The parser meets the end of a block never closed as a TypeError of its own; say what it means.
        message: `invalid Jinja template: ${err instanceof TypeError ? "a block or tag opened here is never closed" : err instanceof Error ? err.message : String(err)}`,
        hint: "check the tag there: {{ expression }}, {% if … %}…{% endif %}, {% for … %}…{% endfor %}",
      });
    }
  });
  const required = [...new Set(parts.flatMap((p) => p.required))].sort();
  const optional = [...new Set(parts.flatMap((p) => p.optional))].filter((v) => !required.includes(v)).sort();
  const declared = new Map<string, VariableDecl>(Object.entries(prompt.meta.variables ?? {}).map(([k, v]) => [k, variableDecl(v)]));
  const firstUse = (name: string) => {
    for (const p of parts) {
      const o = findVariable(p.source, name);
      if (o !== null) return at(p, o);
    }
    return { ...prompt.origins[0]!, file: prompt.file };
  };
  const declaredAt = (name: string) => {
    const pos = prompt.metaDoc?.locate(["variables", name], "key") ?? { line: 1, col: 1 };
    return { file: prompt.metaDoc?.file ?? prompt.file, ...pos };
  };

  if (prompt.meta.variables !== undefined && parts.length === sources.length) {
    for (const name of [...required, ...optional]) {
      if (declared.has(name)) continue;
      findings.push({ severity: "error", rule: "undeclared", ...firstUse(name), message: `variable "${name}" is used but not declared under variables:`, hint: `declare it (variables: {${name}: string}) or fix the name` });
    }
    for (const [name, decl] of declared) {
      if (!required.includes(name) && !optional.includes(name)) {
        findings.push({ severity: "warning", rule: "unused", ...declaredAt(name), message: `variable "${name}" is declared but the template never uses it`, hint: "remove the declaration, or use the variable" });
      } else if (!decl.required && required.includes(name)) {
        findings.push({ severity: "error", rule: "unguarded-optional", ...firstUse(name), message: `variable "${name}" is declared optional (required: false) but used without a guard; a case without it fails`, hint: `write {{ ${name} | default('') }} or {% if ${name} is defined %}…{% endif %}, or make it required` });
      }
    }
  }

  const budgets: BudgetResult[] = [];
  const compiled = parts.length === sources.length ? compileQuiet(prompt) : null;
  for (const use of uses) {
    if (prompt.meta.model?.api && prompt.meta.model.api !== use.api) {
      findings.push({ severity: "warning", rule: "api", file: prompt.file, line: prompt.metaDoc?.locate(["model", "api"]).line ?? 1, col: prompt.metaDoc?.locate(["model", "api"]).col ?? 1, message: `written for the ${prompt.meta.model.api} API, but ${use.label} sends it to ${use.api}`, hint: "align the prompt's model.api with the suite's target.api" });
    }
    const needed = new Set([...required, ...[...declared].filter(([, d]) => d.required).map(([k]) => k)]);
    const missing = new Map<string, EvalCase[]>();
    const wrongType = new Map<string, { c: EvalCase; value: unknown }[]>();
    const renderable: { c: EvalCase; vars: Record<string, unknown> }[] = [];
    for (const c of use.cases) {
      const vars = c.input === undefined ? c.vars : { ...c.vars, input: c.input };
      let ok = true;
      for (const name of needed) {
        if (name in vars) continue;
        ok = false;
        if (!missing.has(name)) missing.set(name, []);
        missing.get(name)!.push(c);
      }
      for (const [name, decl] of declared) {
        if (!(name in vars) || hasType(vars[name], decl.type)) continue;
        if (!wrongType.has(name)) wrongType.set(name, []);
        wrongType.get(name)!.push({ c, value: vars[name] });
      }
      if (ok) renderable.push({ c, vars });
    }
    for (const [name, cases] of missing) {
      const first = cases[0]!;
      const place = locateCase(first, prompt.file);
      const listed = cases.slice(0, CASES_NAMED).map((c) => `"${c.id}"${c.where ? ` (${c.where})` : ""}`).join(", ");
      const use0 = firstUse(name);
      findings.push({
        severity: "error",
        rule: "missing",
        ...place,
        message: `${cases.length} case${cases.length === 1 ? "" : "s"} of ${use.label} lack${cases.length === 1 ? "s" : ""} "${name}", which ${declared.get(name)?.required ? "the prompt declares required" : `${prompt.file}:${use0.line}:${use0.col} uses`}: ${listed}${cases.length > CASES_NAMED ? `, and ${cases.length - CASES_NAMED} more` : ""}`,
        hint: `add "${name}" to those cases' vars, or guard it in the template with {{ ${name} | default('') }}`,
      });
    }
    for (const [name, bad] of wrongType) {
      const decl = declared.get(name)!;
      const listed = bad.slice(0, CASES_NAMED).map(({ c, value }) => `"${c.id}"${c.where ? ` (${c.where})` : ""} has ${describeType(value)}`).join(", ");
      findings.push({
        severity: "error",
        rule: "type",
        ...locateCase(bad[0]!.c, prompt.file),
        message: `"${name}" is declared ${decl.type}, but ${bad.length} case${bad.length === 1 ? "" : "s"} of ${use.label} give another type: ${listed}${bad.length > CASES_NAMED ? `, and ${bad.length - CASES_NAMED} more` : ""}`,
        hint: `fix the cases, or declare "${name}" with the type they hold (${declaredAt(name).file}:${declaredAt(name).line})`,
      });
    }
    budgets.push(checkBudget(prompt, use, compiled, renderable, findings));
  }
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1));
  return {
    file: prompt.file,
    version: prompt.version,
    semver: prompt.meta.semver ?? null,
    owner: prompt.meta.owner ?? null,
    description: prompt.meta.description ?? null,
    variables: { required, optional },
    uses: uses.map((u) => u.label),
    budgets,
    findings,
  };
}

function compileQuiet(prompt: PromptFile): CompiledPrompt | null {
  try {
    return compilePrompt(prompt.spec, prompt.file, prompt.origins);
  } catch {
    return null;
  }
}

/** file:line of a case ("cases/x.jsonl:12" or "evals/x.yaml:30:5"), for annotations. */
function locateCase(c: EvalCase, fallback: string): { file: string; line: number; col: number } {
  const m = c.where ? /^(.*?):(\d+)(?::(\d+))?$/.exec(c.where) : null;
  return m ? { file: m[1]!, line: Number(m[2]), col: Number(m[3] ?? 1) } : { file: fallback, line: 1, col: 1 };
}

function checkBudget(prompt: PromptFile, use: PromptUse, compiled: CompiledPrompt | null, cases: { c: EvalCase; vars: Record<string, unknown> }[], findings: LintFinding[]): BudgetResult {
  const result: BudgetResult = { use: use.label, model: use.model, tokenizer: use.counter?.name ?? null, cases: use.cases.length, longest: null, max_tokens: use.maxTokens, context: use.context, spare: null, note: null };
  if (!compiled) {
    result.note = "not rendered: the template does not parse";
    return result;
  }
  let longest: { c: EvalCase; tokens: number } | null = null;
  const reportedRender = new Set<string>();
  for (const { c, vars } of cases) {
    let messages: ChatMessage[];
    let text: string;
    try {
      ({ messages, text } = compiled.render(vars, { caseId: c.id, where: c.where }));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const m = /^(.*?):(\d+):(\d+): (.*)$/s.exec(why);
      const key = m ? `${m[1]}:${m[2]}:${m[3]}` : why;
      if (!reportedRender.has(key)) {
        reportedRender.add(key);
        findings.push({ severity: "error", rule: "render", ...(m ? { file: m[1]!, line: Number(m[2]), col: Number(m[3]) } : { file: prompt.file, line: 1, col: 1 }), message: m ? m[4]! : why });
      }
      continue;
    }
    if (!use.counter) continue;
    const tokens = use.api === "chat" ? use.counter.countChat(messages) : use.counter.countText(text);
    if (!longest || tokens > longest.tokens) longest = { c, tokens };
  }
  if (!use.counter) {
    result.note = use.noCounterReason ?? "no tokenizer known for this target";
    return result;
  }
  if (!longest) {
    result.note = "no case could be rendered";
    return result;
  }
  result.longest = { case: longest.c.id, where: longest.c.where ?? null, tokens: longest.tokens };
  if (use.context === null) {
    result.note = "no context window declared (target.context or the prompt's model.context)";
    return result;
  }
  const reserve = use.maxTokens ?? 0;
  result.spare = use.context - longest.tokens - reserve;
  if (use.maxTokens === null) result.note = "no max_tokens: nothing reserved for the answer";
  if (result.spare < 0) {
    const where = prompt.origins[0] ?? { file: prompt.file, line: 1, col: 1 };
    findings.push({
      severity: "error",
      rule: "budget",
      file: where.file,
      line: where.line,
      col: where.col,
      message: `case "${longest.c.id}"${longest.c.where ? ` (${longest.c.where})` : ""} of ${use.label} renders to ${longest.tokens} tokens (${use.counter.name}); with max_tokens ${reserve} that is ${longest.tokens + reserve} of the ${use.context}-token context of ${use.model}: ${-result.spare} over`,
      hint: "shorten the prompt or that case, lower max_tokens, or use a target with a larger context",
    });
  }
  return result;
}
