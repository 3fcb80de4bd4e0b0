#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  Template,
  parse,
  tokenize
} from "./chunk-H2E2EDID.js";
import {
  didYouMean
} from "./chunk-XQ6Z47X5.js";
import {
  ConfigError
} from "./chunk-LXVW643N.js";

// src/core/eval/template-check.ts
var BUILTINS = /* @__PURE__ */ new Set(["true", "false", "none", "True", "False", "None", "raise_exception", "range", "strftime_now", "namespace", "loop", "caller"]);
var isNode = (v) => v !== null && typeof v === "object" && typeof v.type === "string";
function templateVariables(program) {
  const declared = /* @__PURE__ */ new Set();
  const used = /* @__PURE__ */ new Set();
  const guarded = /* @__PURE__ */ new Set();
  const declare = (n) => {
    if (!isNode(n)) return;
    if (n.type === "Identifier") declared.add(n.value);
    else if (n.type === "TupleLiteral" || n.type === "ArrayLiteral") for (const x of n.value) declare(x);
    else if (n.type === "KeywordArgumentExpression") declare(n.key);
  };
  const visit = (n) => {
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
        used.add(n.value);
        return;
      case "MemberExpression":
        visit(n.object);
        if (n.computed) visit(n.property);
        return;
      case "FilterExpression": {
        const f = n.filter;
        const name = f.type === "Identifier" ? f.value : isNode(f.callee) ? f.callee.value : "";
        if ((name === "default" || name === "d") && isNode(n.operand) && n.operand.type === "Identifier") guarded.add(n.operand.value);
        visit(n.operand);
        if (f.type === "CallExpression") visit(f.args);
        return;
      }
      case "FilterStatement": {
        const f = n.filter;
        if (f.type === "CallExpression") visit(f.args);
        visit(n.body);
        return;
      }
      case "TestExpression": {
        const test = n.test.value;
        if ((test === "defined" || test === "undefined") && isNode(n.operand) && n.operand.type === "Identifier") guarded.add(n.operand.value);
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
        for (const a of n.args) {
          declare(a);
          if (isNode(a) && a.type === "KeywordArgumentExpression") visit(a.value);
        }
        visit(n.body);
        return;
      case "CallStatement":
        for (const a of n.callerArgs ?? []) declare(a);
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
function lineColAt(source, offset) {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const line = before.split("\n").length;
  return { line, col: offset - (before.lastIndexOf("\n") + 1) + 1 };
}
function tags(source) {
  const out = [];
  const re = /\{([{%#])[\s\S]*?(?:[}%#]\}|$)/g;
  for (let m = re.exec(source); m && out.length < 2e3; m = re.exec(source)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
function findVariable(source, name) {
  const word = new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, "\\$&")}(?!\\w)`);
  for (const t of tags(source)) {
    const m = word.exec(source.slice(t.start + 2, t.end));
    if (m) return t.start + 2 + m.index;
  }
  return null;
}
function findFilter(source, name) {
  const m = new RegExp(`\\|\\s*(${name.replace(/[^\w]/g, "\\$&")})(?!\\w)`).exec(source);
  return m ? m.index + m[0].length - name.length : null;
}
var parses = (source) => {
  try {
    parse(tokenize(source, { lstrip_blocks: true, trim_blocks: true }));
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
};
function locateSyntaxError(source) {
  const whole = parses(source);
  if (whole === null) return null;
  for (const t of tags(source)) if (parses(source.slice(0, t.end)) === whole) return t.start;
  return tags(source).at(-1)?.start ?? 0;
}

// src/core/eval/prompt.ts
function position(source, offset, origin) {
  if (offset === null) return `${origin.file}:${origin.line}:${origin.col}`;
  const p = lineColAt(source, offset);
  return `${origin.file}:${origin.line + p.line - 1}:${p.line === 1 ? origin.col + p.col - 1 : p.col + (origin.indent ?? 0)}`;
}
function compile(source, origin, role) {
  let template;
  try {
    template = new Template(source);
  } catch (err) {
    const why = err instanceof TypeError ? "a block or tag opened here is never closed" : err instanceof Error ? err.message : String(err);
    throw new ConfigError(`${position(source, locateSyntaxError(source), origin)}: invalid Jinja template: ${why}`, {
      hint: "check the tag there: {{ expression }}, {% if \u2026 %}\u2026{% endif %}, {% for \u2026 %}\u2026{% endfor %}"
    });
  }
  return { role, source, origin, template, required: templateVariables(template.parsed).required };
}
function compilePrompt(spec, where, origins = []) {
  const origin = (i, suffix) => origins[i] ?? { file: `${where}${suffix}`, line: 1, col: 1 };
  const parts = spec.kind === "template" ? [compile(spec.template, origin(0, ""), "user")] : spec.messages.map((m, i) => compile(m.content, origin(i, `.messages[${i}]`), m.role));
  return {
    spec,
    render(vars, context) {
      const messages = parts.map((p) => ({ role: p.role, content: renderPart(p, vars, context) }));
      const text = spec.kind === "template" ? messages[0].content : messages.map((m) => `${m.role}: ${m.content}`).join("\n");
      return { messages, text };
    }
  };
}
function renderPart(p, vars, context) {
  const who = context ? `case "${context.caseId}"${context.where ? ` (${context.where})` : ""}` : "the case";
  for (const name of p.required) {
    if (name in vars) continue;
    const known = Object.keys(vars);
    throw new ConfigError(`${position(p.source, findVariable(p.source, name), p.origin)}: undefined variable "${name}" in the prompt template for ${who}${didYouMean(name, known)}`, {
      hint: `the case's variables are: ${known.length ? known.join(", ") : "(none)"}; fix the name, add "${name}" to the case's vars, or guard it with {{ ${name} | default('') }}`
    });
  }
  try {
    return p.template.render(vars);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const filter = /^Unknown \w* ?filter: (\w+)/.exec(why) ?? /^Cannot apply filter "(\w+)"/.exec(why);
    const at = filter ? findFilter(p.source, filter[1]) : null;
    throw new ConfigError(`${position(p.source, at, p.origin)}: the prompt template failed for ${who}: ${why}`, {
      hint: filter ? `"${filter[1]}" is not a filter for that value; see the filters of @huggingface/jinja (upper, lower, trim, join, default, tojson, \u2026)` : "fix the template at that place"
    });
  }
}

export {
  templateVariables,
  lineColAt,
  findVariable,
  locateSyntaxError,
  compilePrompt
};
