// One input specification per command, shared by the two shells: each option is declared once
// (name, flag, input, type, range, default, description, and on which side it exists and why);
// the CLI's parseArgs config, its help lines and value checks, the action's input reader and each
// actions/<name>/action.yml `inputs:` block are all derived from it (scripts/action-inputs.ts).
import { z } from "zod";
import { InputError, InternalError } from "../../errors.js";

const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The value an option takes, parsed from its text (a CLI flag's value or an action input). */
export const ValueTypeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("string"), min: z.number().int().nonnegative().optional(), max: z.number().int().positive().optional(), pattern: z.object({ re: z.instanceof(RegExp), expected: z.string().min(3) }).strict().optional() }).strict(),
  z.object({ kind: z.literal("flag") }).strict(),
  z.object({ kind: z.literal("int"), min: z.number().int() }).strict(),
  z.object({ kind: z.literal("number"), gt: z.number(), lte: z.number() }).strict(),
  z.object({ kind: z.literal("url") }).strict(),
  z.object({ kind: z.literal("enum"), values: z.array(z.string().min(1)).min(2).readonly() }).strict(),
  /**
   * A repeatable flag on the CLI; in an action, one per line (blank lines kept as "", so messages
   * can number lines), or with `commas` separated by lines or commas, or with `comments` one per
   * line after "#…" is cut (blanks dropped in both).
   */
  z.object({ kind: z.literal("list"), commas: z.boolean().optional(), comments: z.boolean().optional() }).strict(),
]);
export type ValueType = z.infer<typeof ValueTypeSchema>;

// The table itself is checked with zod when a spec is defined: a mistake in it is a bug (exit 70)
// that the first test touching the command reports, not a flag that silently misbehaves.
export const OptionDefSchema = z
  .object({
    type: ValueTypeSchema,
    /** What it does, in one place: the CLI's help line and the action.yml description. */
    description: z.string().min(10).refine((d) => !/\(default/i.test(d), "put the default in `default`, not in the description"),
    /** The default as users read it (appended to the description); per side where the shells differ. */
    default: z.union([z.string().min(1), z.object({ cli: z.string().min(1).optional(), action: z.string().min(1).optional() }).strict()]).optional(),
    /** Which shell has it; `why` is required when only one does. */
    side: z.enum(["both", "cli", "action"]),
    why: z.string().min(3).optional(),
    /** Where one spec serves several CLI commands (compare and gate): the ones that have it. */
    commands: z.array(z.string().regex(kebab)).min(1).readonly().optional(),
    /** The CLI flag when it is not the option's key; a one-letter alias; the value's name in help. */
    flag: z.string().regex(kebab).optional(),
    short: z.string().regex(/^[a-zA-Z]$/).optional(),
    arg: z.string().regex(/^[A-Za-z[][A-Za-z0-9_=|.[\]/,-]*$/).optional(),
    /** The action input when it is not the option's key; required in an action; action.yml's default. */
    input: z.string().regex(kebab).optional(),
    required: z.boolean().optional(),
    actionDefault: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.side !== "both" && !o.why) ctx.addIssue({ code: "custom", message: `exists on the ${o.side} side only: say why (why:)` });
    if (o.side === "both" && o.why) ctx.addIssue({ code: "custom", message: "why: is for options on one side only" });
    if (o.side === "cli" && (o.input || o.required || o.actionDefault)) ctx.addIssue({ code: "custom", message: "a CLI-only option has no input, required or actionDefault" });
    if (o.side === "action" && (o.flag || o.short || o.arg || o.commands)) ctx.addIssue({ code: "custom", message: "an action-only option has no flag, short, arg or commands" });
    if (o.type.kind === "flag" && o.arg) ctx.addIssue({ code: "custom", message: "a flag takes no value name (arg)" });
    if (o.type.kind === "number" && !(o.type.gt < o.type.lte)) ctx.addIssue({ code: "custom", message: "an empty range: gt must be below lte" });
    if (o.type.kind === "string" && o.type.min !== undefined && o.type.max !== undefined && o.type.min > o.type.max) ctx.addIssue({ code: "custom", message: "an empty range: min must not exceed max" });
  });

export type OptionDef = z.input<typeof OptionDefSchema>;
export type Side = OptionDef["side"];

export type OptionSpecs = Record<string, OptionDef>;

/** The options of `keys` only, in that order (a section of a help text). */
export function pickOptions<S extends OptionSpecs, K extends keyof S & string>(specs: S, keys: readonly K[]): Pick<S, K> {
  return Object.fromEntries(keys.map((k) => [k, specs[k]])) as Pick<S, K>;
}

// The table itself is checked with zod when a spec is defined: a mistake in it is a bug (exit 70)
// that the first test touching the command reports, not a flag that silently misbehaves.
/** Declare a command's options; the table is validated (an inconsistent one is an InternalError). */
export function defineOptions<const S extends OptionSpecs>(command: string, specs: S): S {
  const flags = new Map<string, string>();
  const inputs = new Map<string, string>();
  for (const [key, def] of Object.entries(specs)) {
    const r = OptionDefSchema.safeParse(def);
    if (!r.success) throw new InternalError(`option spec of ${command}: "${key}": ${r.error.issues.map((i) => `${i.path.join(".") || "option"}: ${i.message}`).join("; ")}`);
    if (!kebab.test(key)) throw new InternalError(`option spec of ${command}: "${key}" is not kebab-case`);
    const flag = cliFlag(key, def);
    const input = actionInput(key, def);
    if (flag !== undefined) {
      if (flags.has(flag)) throw new InternalError(`option spec of ${command}: --${flag} is declared by "${flags.get(flag)}" and "${key}"`);
      flags.set(flag, key);
    }
    if (input !== undefined) {
      if (inputs.has(input)) throw new InternalError(`option spec of ${command}: input "${input}" is declared by "${inputs.get(input)}" and "${key}"`);
      inputs.set(input, key);
    }
  }
  return specs;
}

/** The option's CLI flag (in `command`, where the spec serves several), or undefined. */
export function cliFlag(key: string, def: OptionDef, command?: string): string | undefined {
  if (def.side === "action") return undefined;
  if (command !== undefined && def.commands && !def.commands.includes(command)) return undefined;
  return def.flag ?? key;
}

export function actionInput(key: string, def: OptionDef): string | undefined {
  return def.side === "cli" ? undefined : (def.input ?? key);
}

/** The default as shown on one side, if any. */
export function defaultFor(def: OptionDef, side: "cli" | "action"): string | undefined {
  return typeof def.default === "string" ? def.default : def.default?.[side];
}

// ---- values ----------------------------------------------------------------------------------

type Parse = { ok: true; value: unknown } | { ok: false };

/** What a valid value looks like, for messages: "a whole number ≥ 1", "none, exact or near". */
export function expectedText(t: ValueType): string {
  switch (t.kind) {
    case "int":
      return `a whole number ≥ ${t.min}`;
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
      return t.max !== undefined ? `text of ${t.min ?? 0} to ${t.max} characters` : t.min ? `at least ${t.min} character(s)` : "text";
  }
}

function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/** Parse one value from its text. Lists and flags are handled per side; here they are scalars. */
export function parseScalar(t: ValueType, raw: string): Parse {
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
      if ((t.min !== undefined && raw.length < t.min) || (t.max !== undefined && raw.length > t.max)) return { ok: false };
      if (t.pattern && !t.pattern.re.test(raw)) return { ok: false };
      return { ok: true, value: raw };
  }
}

/** The parsed value's type, for the typed readers below. */
export type ValueOf<T extends ValueType> = T extends { kind: "flag" }
  ? boolean
  : T extends { kind: "int" } | { kind: "number" }
    ? number
    : T extends { kind: "list" }
      ? string[]
      : T extends { kind: "enum"; values: readonly (infer V extends string)[] }
        ? V
        : string;

// ---- the action side -------------------------------------------------------------------------

/** One action input as src/actions/runtime/inputs.ts reads it: a zod schema from the input's text. */
export interface InputSpec<T extends z.ZodType = z.ZodType> {
  schema: T;
  required?: boolean;
  description: string;
}

export type InputSpecs = Record<string, InputSpec>;

type ActionKeys<S extends OptionSpecs> = { [K in keyof S]: S[K]["side"] extends "cli" ? never : K }[keyof S];
type InputName<S extends OptionSpecs, K extends keyof S> = S[K] extends { input: infer N extends string } ? N : K & string;

export type ActionInputsOf<S extends OptionSpecs> = {
  [K in ActionKeys<S> as InputName<S, K>]: InputSpec<z.ZodType<ValueOf<S[K]["type"]>, string>> & (S[K] extends { required: true } ? { required: true } : { required?: false });
};

/** The action's input table, derived: zod schemas that report "expected …" as the CLI does. */
export function actionInputs<S extends OptionSpecs>(specs: S): ActionInputsOf<S> {
  const out: Record<string, InputSpec> = {};
  for (const [key, def] of Object.entries(specs)) {
    const input = actionInput(key, def);
    if (input === undefined) continue;
    const t = def.type;
    const schema = z.string().transform((raw, ctx) => {
      if (t.kind === "list") {
        const items = raw.split(t.commas ? /\r?\n|,/ : /\r?\n/).map((x) => (t.comments ? x.replace(/#.*$/, "") : x).trim());
        // One per line: blank lines stay (empty strings), so a message can name the line it is about.
        return t.commas || t.comments ? items.filter(Boolean) : items;
      }
      const r = parseScalar(t, raw);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: `expected ${expectedText(t)}` });
      return z.NEVER;
    });
    out[input] = { schema, ...(def.required ? { required: true } : {}), description: actionDescription(def) };
  }
  return out as ActionInputsOf<S>;
}

/** The description as action.yml shows it: capitalised, with the action's default. */
export function actionDescription(def: OptionDef): string {
  const d = defaultFor(def, "action");
  const text = def.description.charAt(0).toUpperCase() + def.description.slice(1);
  return d ? `${text} (default: ${d})` : text;
}

// ---- the CLI side ----------------------------------------------------------------------------

/** node:util parseArgs's option config, derived. */
export function cliParseConfig(specs: OptionSpecs, command?: string): Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> {
  const out: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [key, def] of Object.entries(specs)) {
    const flag = cliFlag(key, def, command);
    if (flag === undefined) continue;
    out[flag] = { type: def.type.kind === "flag" ? "boolean" : "string", ...(def.short ? { short: def.short } : {}), ...(def.type.kind === "list" ? { multiple: true } : {}) };
  }
  return out;
}

type CliKeys<S extends OptionSpecs> = { [K in keyof S]: S[K]["side"] extends "action" ? never : K }[keyof S];
export type CliValuesOf<S extends OptionSpecs> = { readonly [K in CliKeys<S>]?: ValueOf<S[K]["type"]> };

/**
 * Check and convert parseArgs's values for the options of this spec, keyed by option key; a bad
 * value is an InputError naming the flag ("--limit must be a whole number ≥ 1, got "x"").
 */
export function readCliValues<S extends OptionSpecs>(specs: S, values: Record<string, unknown>): CliValuesOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(specs)) {
    const flag = cliFlag(key, def);
    if (flag === undefined) continue;
    const v = values[flag];
    if (v === undefined) continue;
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
  return Object.freeze(out) as CliValuesOf<S>;
}

export function cliDescription(def: OptionDef): string {
  const d = defaultFor(def, "cli");
  return d ? `${def.description} (default: ${d})` : def.description;
}

/** The help lines of these options ("  --limit N          evaluate only the first N cases"), wrapped; -h, --help last (every command has it). */
export function renderCliHelp(specs: OptionSpecs, opts: { command?: string; width?: number; column?: number; helpLine?: boolean } = {}): string {
  const width = opts.width ?? 96;
  const rows: [string, string][] = [];
  for (const [key, def] of Object.entries(specs)) {
    const flag = cliFlag(key, def, opts.command);
    if (flag === undefined) continue;
    const arg = def.type.kind === "flag" ? "" : ` ${def.arg ?? (def.type.kind === "enum" ? def.type.values.join("|") : "VALUE")}`;
    rows.push([`${def.short ? `-${def.short}, ` : ""}--${flag}${arg}`, cliDescription(def)]);
  }
  if (opts.helpLine !== false) rows.push(["-h, --help", "this help"]);
  // Text starts in one column (at most 26); a longer flag gets a line of its own.
  const cap = opts.column ?? 26;
  const col = opts.column ?? Math.max(...rows.map(([l]) => l.length + 4).filter((w) => w <= cap), 8);
  const indent = " ".repeat(col);
  const lines: string[] = [];
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
