// Prompt templates are Jinja (the engine of HF chat templates), so one syntax serves prompts and
// chat templates. A prompt is one template string, or a list of chat messages. Templates are
// strict: a variable a case does not define is an error naming the template's file:line:col and
// the case (./template-check.ts), as are syntax errors and unknown filters — configuration errors
// (exit 2), caught by `eval --dry-run` for every case before anything is sent.
import { Template } from "@huggingface/jinja";
import { didYouMean } from "../config/suggest.js";
import { ConfigError } from "../../errors.js";
import type { ChatMessage } from "../ports/provider.js";
import { findFilter, findVariable, lineColAt, locateSyntaxError, templateVariables } from "./template-check.js";

export type PromptSpec = { kind: "template"; template: string } | { kind: "messages"; messages: ChatMessage[] };

/** Where a template's text starts: a file (line 1, col 1) or a value inside the suite's YAML. */
export interface TemplateOrigin {
  file: string;
  line: number;
  col: number;
  /** Columns stripped from every later line (a YAML block scalar's indentation). */
  indent?: number;
}

/** The case being rendered, for messages. */
export interface RenderContext {
  caseId: string;
  where?: string | undefined;
}

export interface CompiledPrompt {
  spec: PromptSpec;
  render(vars: Record<string, unknown>, context?: RenderContext): { messages: ChatMessage[]; text: string };
}

interface Part {
  role: ChatMessage["role"];
  source: string;
  origin: TemplateOrigin;
  template: Template;
  required: string[];
  /** Where the template is only text and `{{ name }}`: its pieces, in order (see `substituted`). */
  pieces: (string | { name: string })[] | undefined;
}

/** file:line:col of an offset in a template that starts at `origin`. */
function position(source: string, offset: number | null, origin: TemplateOrigin): string {
  if (offset === null) return `${origin.file}:${origin.line}:${origin.col}`;
  const p = lineColAt(source, offset);
  return `${origin.file}:${origin.line + p.line - 1}:${p.line === 1 ? origin.col + p.col - 1 : p.col + (origin.indent ?? 0)}`;
}

function compile(source: string, origin: TemplateOrigin, role: ChatMessage["role"]): Part {
  let template: Template;
  try {
    template = new Template(source);
  } catch (err) {
    // The parser meets the end of a block never closed as a TypeError of its own; say what it means.
    const why = err instanceof TypeError ? "a block or tag opened here is never closed" : err instanceof Error ? err.message : String(err);
    throw new ConfigError(`${position(source, locateSyntaxError(source), origin)}: invalid Jinja template: ${why}`, {
      hint: "check the tag there: {{ expression }}, {% if … %}…{% endif %}, {% for … %}…{% endfor %}",
    });
  }
  return { role, source, origin, template, required: templateVariables(template.parsed).required, pieces: piecesOf(template) };
}

/** The pieces of a template made only of text and bare variables (most prompts: "…{{ input }}…"), else undefined. */
function piecesOf(template: Template): (string | { name: string })[] | undefined {
  const pieces: (string | { name: string })[] = [];
  for (const node of template.parsed.body as { type: string; value?: unknown }[]) {
    if (node.type === "StringLiteral" && typeof node.value === "string") pieces.push(node.value);
    else if (node.type === "Identifier" && typeof node.value === "string") pieces.push({ name: node.value });
    else return undefined;
  }
  return pieces;
}

/**
 * The template's output without the engine, where every variable in it is a string: Jinja prints
 * a string as it is, so the output is the pieces joined. The engine makes and fills a fresh
 * environment for every render (1.5 µs and ~2 KB of garbage a case); undefined where a value is
 * not a string (a number, a list: the engine's own formatting applies).
 */
function substituted(pieces: readonly (string | { name: string })[], vars: Record<string, unknown>): string | undefined {
  let out = "";
  for (const piece of pieces) {
    if (typeof piece === "string") out += piece;
    else {
      const v = vars[piece.name];
      if (typeof v !== "string") return undefined;
      out += v;
    }
  }
  return out;
}

/**
 * Compile a prompt. `origins` says where each template starts (one per message for a message
 * list); `where` names the prompt when no origin is given.
 */
export function compilePrompt(spec: PromptSpec, where: string, origins: readonly TemplateOrigin[] = []): CompiledPrompt {
  const origin = (i: number, suffix: string): TemplateOrigin => origins[i] ?? { file: `${where}${suffix}`, line: 1, col: 1 };
  const parts =
    spec.kind === "template"
      ? [compile(spec.template, origin(0, ""), "user")]
      : spec.messages.map((m, i) => compile(m.content, origin(i, `.messages[${i}]`), m.role));
  return {
    spec,
    render(vars, context) {
      const messages = parts.map((p) => ({ role: p.role, content: renderPart(p, vars, context) }));
      const text = spec.kind === "template" ? messages[0]!.content : messages.map((m) => `${m.role}: ${m.content}`).join("\n");
      return { messages, text };
    },
  };
}

/** The case named in a message: `case "id" (file:line)`. */
function describeCase(context: RenderContext | undefined): string {
  return context ? `case "${context.caseId}"${context.where ? ` (${context.where})` : ""}` : "the case";
}

function renderPart(p: Part, vars: Record<string, unknown>, context: RenderContext | undefined): string {
  for (const name of p.required) {
    if (name in vars) continue;
    const who = describeCase(context);
    const known = Object.keys(vars);
    throw new ConfigError(`${position(p.source, findVariable(p.source, name), p.origin)}: undefined variable "${name}" in the prompt template for ${who}${didYouMean(name, known)}`, {
      hint: `the case's variables are: ${known.length ? known.join(", ") : "(none)"}; fix the name, add "${name}" to the case's vars, or guard it with {{ ${name} | default('') }}`,
    });
  }
  const fast = p.pieces === undefined ? undefined : substituted(p.pieces, vars);
  if (fast !== undefined) return fast;
  try {
    return p.template.render(vars);
  } catch (err) {
    const who = describeCase(context);
    const why = err instanceof Error ? err.message : String(err);
    const filter = /^Unknown \w* ?filter: (\w+)/.exec(why) ?? /^Cannot apply filter "(\w+)"/.exec(why);
    const at = filter ? findFilter(p.source, filter[1]!) : null;
    throw new ConfigError(`${position(p.source, at, p.origin)}: the prompt template failed for ${who}: ${why}`, {
      hint: filter ? `"${filter[1]}" is not a filter for that value; see the filters of @huggingface/jinja (upper, lower, trim, join, default, tojson, …)` : "fix the template at that place",
    });
  }
}
