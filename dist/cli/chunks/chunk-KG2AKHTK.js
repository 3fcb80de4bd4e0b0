#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  InputError,
  InternalError
} from "./chunk-LXVW643N.js";

// src/core/options/spec.ts
var kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
var ValueTypeSchema = external_exports.discriminatedUnion("kind", [
  external_exports.object({ kind: external_exports.literal("string"), min: external_exports.number().int().nonnegative().optional(), max: external_exports.number().int().positive().optional(), pattern: external_exports.object({ re: external_exports.instanceof(RegExp), expected: external_exports.string().min(3) }).strict().optional() }).strict(),
  external_exports.object({ kind: external_exports.literal("flag") }).strict(),
  external_exports.object({ kind: external_exports.literal("int"), min: external_exports.number().int() }).strict(),
  external_exports.object({ kind: external_exports.literal("number"), gt: external_exports.number(), lte: external_exports.number() }).strict(),
  external_exports.object({ kind: external_exports.literal("url") }).strict(),
  external_exports.object({ kind: external_exports.literal("enum"), values: external_exports.array(external_exports.string().min(1)).min(2).readonly() }).strict(),
  /**
   * A repeatable flag on the CLI; in an action, one per line (blank lines kept as "", so messages
   * can number lines), or with `commas` separated by lines or commas, or with `comments` one per
   * line after "#…" is cut (blanks dropped in both).
   */
  external_exports.object({ kind: external_exports.literal("list"), commas: external_exports.boolean().optional(), comments: external_exports.boolean().optional() }).strict()
]);
var OptionDefSchema = external_exports.object({
  type: ValueTypeSchema,
  /** What it does, in one place: the CLI's help line and the action.yml description. */
  description: external_exports.string().min(10).refine((d) => !/\(default/i.test(d), "put the default in `default`, not in the description"),
  /** The default as users read it (appended to the description); per side where the shells differ. */
  default: external_exports.union([external_exports.string().min(1), external_exports.object({ cli: external_exports.string().min(1).optional(), action: external_exports.string().min(1).optional() }).strict()]).optional(),
  /** Which shell has it; `why` is required when only one does. */
  side: external_exports.enum(["both", "cli", "action"]),
  why: external_exports.string().min(3).optional(),
  /** Where one spec serves several CLI commands (compare and gate): the ones that have it. */
  commands: external_exports.array(external_exports.string().regex(kebab)).min(1).readonly().optional(),
  /** The CLI flag when it is not the option's key; a one-letter alias; the value's name in help. */
  flag: external_exports.string().regex(kebab).optional(),
  short: external_exports.string().regex(/^[a-zA-Z]$/).optional(),
  arg: external_exports.string().regex(/^[A-Za-z[][A-Za-z0-9_=|.[\]/,-]*$/).optional(),
  /** The action input when it is not the option's key; required in an action; action.yml's default. */
  input: external_exports.string().regex(kebab).optional(),
  required: external_exports.boolean().optional(),
  actionDefault: external_exports.string().min(1).optional()
}).strict().superRefine((o, ctx) => {
  if (o.side !== "both" && !o.why) ctx.addIssue({ code: "custom", message: `exists on the ${o.side} side only: say why (why:)` });
  if (o.side === "both" && o.why) ctx.addIssue({ code: "custom", message: "why: is for options on one side only" });
  if (o.side === "cli" && (o.input || o.required || o.actionDefault)) ctx.addIssue({ code: "custom", message: "a CLI-only option has no input, required or actionDefault" });
  if (o.side === "action" && (o.flag || o.short || o.arg || o.commands)) ctx.addIssue({ code: "custom", message: "an action-only option has no flag, short, arg or commands" });
  if (o.type.kind === "flag" && o.arg) ctx.addIssue({ code: "custom", message: "a flag takes no value name (arg)" });
  if (o.type.kind === "number" && !(o.type.gt < o.type.lte)) ctx.addIssue({ code: "custom", message: "an empty range: gt must be below lte" });
  if (o.type.kind === "string" && o.type.min !== void 0 && o.type.max !== void 0 && o.type.min > o.type.max) ctx.addIssue({ code: "custom", message: "an empty range: min must not exceed max" });
});
function pickOptions(specs, keys) {
  return Object.fromEntries(keys.map((k) => [k, specs[k]]));
}
function defineOptions(command, specs) {
  const flags = /* @__PURE__ */ new Map();
  const inputs = /* @__PURE__ */ new Map();
  for (const [key, def] of Object.entries(specs)) {
    const r = OptionDefSchema.safeParse(def);
    if (!r.success) throw new InternalError(`option spec of ${command}: "${key}": ${r.error.issues.map((i) => `${i.path.join(".") || "option"}: ${i.message}`).join("; ")}`);
    if (!kebab.test(key)) throw new InternalError(`option spec of ${command}: "${key}" is not kebab-case`);
    const flag = cliFlag(key, def);
    const input = actionInput(key, def);
    if (flag !== void 0) {
      if (flags.has(flag)) throw new InternalError(`option spec of ${command}: --${flag} is declared by "${flags.get(flag)}" and "${key}"`);
      flags.set(flag, key);
    }
    if (input !== void 0) {
      if (inputs.has(input)) throw new InternalError(`option spec of ${command}: input "${input}" is declared by "${inputs.get(input)}" and "${key}"`);
      inputs.set(input, key);
    }
  }
  return specs;
}
function cliFlag(key, def, command) {
  if (def.side === "action") return void 0;
  if (command !== void 0 && def.commands && !def.commands.includes(command)) return void 0;
  return def.flag ?? key;
}
function actionInput(key, def) {
  return def.side === "cli" ? void 0 : def.input ?? key;
}
function defaultFor(def, side) {
  return typeof def.default === "string" ? def.default : def.default?.[side];
}
function expectedText(t) {
  switch (t.kind) {
    case "int":
      return `a whole number \u2265 ${t.min}`;
    case "number":
      return `a number in (${t.gt}, ${t.lte}]`;
    case "url":
      return "an http(s) URL such as http://127.0.0.1:8000/v1";
    case "enum":
      return orList(t.values);
    case "flag":
      return "true or false";
    case "list":
      return t.commas ? "a list, one per line or comma-separated" : "one value per line";
    case "string":
      if (t.pattern) return t.pattern.expected;
      return t.max !== void 0 ? `text of ${t.min ?? 0} to ${t.max} characters` : t.min ? `at least ${t.min} character(s)` : "text";
  }
}
function orList(values) {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}
function parseScalar(t, raw) {
  switch (t.kind) {
    case "int": {
      if (!/^\d+$/.test(raw)) return { ok: false };
      const n = Number(raw);
      return Number.isSafeInteger(n) && n >= t.min ? { ok: true, value: n } : { ok: false };
    }
    case "number": {
      const n = raw.trim() === "" ? Number.NaN : Number(raw);
      return n > t.gt && n <= t.lte ? { ok: true, value: n } : { ok: false };
    }
    case "url":
      return /^https?:\/\/[^\s/?#]+[^\s]*$/.test(raw) ? { ok: true, value: raw } : { ok: false };
    case "enum":
      return t.values.includes(raw) ? { ok: true, value: raw } : { ok: false };
    case "flag": {
      const s = raw.toLowerCase();
      return s === "true" || s === "false" ? { ok: true, value: s === "true" } : { ok: false };
    }
    case "list":
      return { ok: true, value: raw };
    case "string":
      if (t.min !== void 0 && raw.length < t.min || t.max !== void 0 && raw.length > t.max) return { ok: false };
      if (t.pattern && !t.pattern.re.test(raw)) return { ok: false };
      return { ok: true, value: raw };
  }
}
function cliParseConfig(specs, command) {
  const out = {};
  for (const [key, def] of Object.entries(specs)) {
    const flag = cliFlag(key, def, command);
    if (flag === void 0) continue;
    out[flag] = { type: def.type.kind === "flag" ? "boolean" : "string", ...def.short ? { short: def.short } : {}, ...def.type.kind === "list" ? { multiple: true } : {} };
  }
  return out;
}
function readCliValues(specs, values) {
  const out = {};
  for (const [key, def] of Object.entries(specs)) {
    const flag = cliFlag(key, def);
    if (flag === void 0) continue;
    const v = values[flag];
    if (v === void 0) continue;
    if (def.type.kind === "flag" || def.type.kind === "list") {
      out[key] = v;
      continue;
    }
    const r = parseScalar(def.type, String(v));
    if (!r.ok) {
      const t = def.type;
      throw new InputError(`--${flag} must be ${t.kind === "enum" ? "one of " : ""}${expectedText(t)}, got ${JSON.stringify(v)}`, { hint: `--${flag}: ${cliDescription(def)}` });
    }
    out[key] = r.value;
  }
  return Object.freeze(out);
}
function cliDescription(def) {
  const d = defaultFor(def, "cli");
  return d ? `${def.description} (default: ${d})` : def.description;
}
function renderCliHelp(specs, opts = {}) {
  const width = opts.width ?? 96;
  const rows = [];
  for (const [key, def] of Object.entries(specs)) {
    const flag = cliFlag(key, def, opts.command);
    if (flag === void 0) continue;
    const arg = def.type.kind === "flag" ? "" : ` ${def.arg ?? (def.type.kind === "enum" ? def.type.values.join("|") : "VALUE")}`;
    rows.push([`${def.short ? `-${def.short}, ` : ""}--${flag}${arg}`, cliDescription(def)]);
  }
  if (opts.helpLine !== false) rows.push(["-h, --help", "this help"]);
  const cap = opts.column ?? 26;
  const col = opts.column ?? Math.max(...rows.map(([l]) => l.length + 4).filter((w) => w <= cap), 8);
  const indent = " ".repeat(col);
  const lines = [];
  for (const [left, text] of rows) {
    let line = `  ${left}`;
    if (line.length > col - 1) {
      lines.push(line);
      line = indent;
    } else line = line.padEnd(col);
    let fresh = true;
    for (const w of text.split(/\s+/)) {
      if (!fresh && line.length + 1 + w.length > width) {
        lines.push(line);
        line = indent;
        fresh = true;
      }
      line += fresh ? w : ` ${w}`;
      fresh = false;
    }
    lines.push(line);
  }
  return lines.join("\n");
}

// src/core/options/common.ts
var TERMINAL = "terminal output: the action writes outputs and a job summary instead";
var json = { type: { kind: "flag" }, side: "cli", why: TERMINAL, description: "print the result as JSON on stdout" };
var quiet = { type: { kind: "flag" }, side: "cli", why: TERMINAL, short: "q", description: "no progress or log lines on stderr" };
var TOKEN = "the GitHub token: the CLI runs without one, or reads GITHUB_TOKEN from its environment";
function token(description) {
  return { type: { kind: "string" }, side: "action", why: TOKEN, description, actionDefault: "${{ github.token }}" };
}
function requiredToken(description) {
  return { ...token(description), required: true };
}

export {
  json,
  quiet,
  token,
  requiredToken,
  pickOptions,
  defineOptions,
  cliFlag,
  cliParseConfig,
  readCliValues,
  renderCliHelp
};
