// Strictness and positions for Jinja prompt templates. @huggingface/jinja renders an undefined
// variable as "" and reports syntax errors without a place; a typo'd {{ inptu }} would then
// silently score the wrong prompt. Here: the template's free variables (those not set, looped
// over, or a macro's parameters) are required of every case unless the template guards them
// (`is defined`, `| default`), and every error is located at line:col of the template source.
import { parse, tokenize } from "@huggingface/jinja";

type Node = { type: string } & Record<string, unknown>;

/** Names the renderer itself defines (setupGlobals) or that exist inside blocks. */
const BUILTINS = new Set(["true", "false", "none", "True", "False", "None", "raise_exception", "range", "strftime_now", "namespace", "loop", "caller"]);

export interface TemplateVariables {
  /** Free variables the template uses unguarded: every case must define them. */
  required: string[];
  /** Free variables used only behind `is defined` / `| default`. */
  optional: string[];
}

const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && typeof (v as { type?: unknown }).type === "string";

/** The free variables of a parsed template (a Program node). */
export function templateVariables(program: unknown): TemplateVariables {
  const declared = new Set<string>();
  const used = new Set<string>();
  const guarded = new Set<string>();
  const declare = (n: unknown) => {
    if (!isNode(n)) return;
    if (n.type === "Identifier") declared.add(n.value as string);
    else if (n.type === "TupleLiteral" || n.type === "ArrayLiteral") for (const x of n.value as unknown[]) declare(x);
    else if (n.type === "KeywordArgumentExpression") declare(n.key);
  };
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (n instanceof Map) {
      for (const [k, v] of n) {
        visit(k);
        visit(v);
      }
      return;
    }
    if (!isNode(n)) return;
    switch (n.type) {
      case "Identifier":
        used.add(n.value as string);
        return;
      case "MemberExpression":
        visit(n.object);
        if (n.computed) visit(n.property);
        return;
      case "FilterExpression": {
        const f = n.filter as Node;
        const name = f.type === "Identifier" ? (f.value as string) : isNode(f.callee) ? (f.callee.value as string) : "";
        if ((name === "default" || name === "d") && isNode(n.operand) && n.operand.type === "Identifier") guarded.add(n.operand.value as string);
        visit(n.operand);
        if (f.type === "CallExpression") visit(f.args);
        return;
      }
      case "FilterStatement": {
        const f = n.filter as Node;
        if (f.type === "CallExpression") visit(f.args);
        visit(n.body);
        return;
      }
      case "TestExpression": {
        const test = (n.test as Node).value as string;
        if ((test === "defined" || test === "undefined") && isNode(n.operand) && n.operand.type === "Identifier") guarded.add(n.operand.value as string);
        visit(n.operand);
        return;
      }
      case "KeywordArgumentExpression":
        visit(n.value);
        return;
      case "Set":
        declare(n.assignee);
        visit(n.value);
        visit(n.body);
        return;
      case "For":
        declare(n.loopvar);
        visit(n.iterable);
        visit(n.body);
        visit(n.defaultBlock);
        return;
      case "Macro":
        declare(n.name);
        for (const a of n.args as unknown[]) {
          declare(a);
          if (isNode(a) && a.type === "KeywordArgumentExpression") visit(a.value);
        }
        visit(n.body);
        return;
      case "CallStatement":
        for (const a of (n.callerArgs as unknown[] | undefined) ?? []) declare(a);
        visit(n.call);
        visit(n.body);
        return;
      default:
        for (const [k, v] of Object.entries(n)) if (k !== "type") visit(v);
    }
  };
  visit(program);
  const free = [...used].filter((x) => !declared.has(x) && !BUILTINS.has(x));
  return { required: free.filter((x) => !guarded.has(x)).sort(), optional: free.filter((x) => guarded.has(x)).sort() };
}

/** 1-based line and column of a character offset. */
export function lineColAt(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const line = before.split("\n").length;
  return { line, col: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/** Offsets of each tag ({{ }}, {% %}, {# #}): where it starts and where it ends. */
function tags(source: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\{([{%#])[\s\S]*?(?:[}%#]\}|$)/g;
  for (let m = re.exec(source); m && out.length < 2000; m = re.exec(source)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Offset of a variable's first use inside a tag (the place to point at), or null. */
export function findVariable(source: string, name: string): number | null {
  const word = new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, "\\$&")}(?!\\w)`);
  for (const t of tags(source)) {
    const m = word.exec(source.slice(t.start + 2, t.end));
    if (m) return t.start + 2 + m.index;
  }
  return null;
}

/** Offset of a filter's use (`| name`), or null. */
export function findFilter(source: string, name: string): number | null {
  const m = new RegExp(`\\|\\s*(${name.replace(/[^\w]/g, "\\$&")})(?!\\w)`).exec(source);
  return m ? m.index + m[0].length - name.length : null;
}

const parses = (source: string): string | null => {
  try {
    parse(tokenize(source, { lstrip_blocks: true, trim_blocks: true }));
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
};

/**
 * Where a template that does not parse goes wrong: the start of the first tag at which the source
 * read so far fails the way the whole template does (for a block never closed, the tag that opened
 * it). Null when the template parses.
 */
export function locateSyntaxError(source: string): number | null {
  const whole = parses(source);
  if (whole === null) return null;
  for (const t of tags(source)) if (parses(source.slice(0, t.end)) === whole) return t.start;
  return tags(source).at(-1)?.start ?? 0;
}
