// The shape of a subcommand and argument parsing that turns mistakes into usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "../core/config/suggest.js";
import { InputError } from "../errors.js";
import type { CliContext } from "./context.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface Command {
  name: string;
  summary: string;
  /** Full help text shown by `llmops <name> --help`. */
  help: string;
  options: OptionSpec;
  /** The most positional arguments the command takes (extra ones are a usage error, not silently ignored). */
  maxPositionals?: number;
  /** Returns the exit code (0 ok, 1 expected failure). Errors are thrown, not returned. */
  run(ctx: CliContext, args: { values: Record<string, unknown>; positionals: string[] }): Promise<number>;
}

export function parseCommandArgs(cmd: Command, argv: string[]): { values: Record<string, unknown>; positionals: string[] } {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    const r = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    parsed = { values: r.values as Record<string, unknown>, positionals: r.positionals };
  } catch (err) {
    const msg = err instanceof Error ? err.message.replace(/\. To specify .*$/s, "") : String(err);
    const unknown = /^Unknown option '(-{1,2})([^']+)'/.exec(msg);
    const near = unknown ? closest(unknown[2]!, [...Object.keys(cmd.options), "help"]) : undefined;
    throw new InputError(`llmops ${cmd.name}: ${msg}${near ? ` (did you mean "--${near}"?)` : ""}`, { hint: `run "llmops ${cmd.name} --help" for usage` });
  }
  // "-" is not stdout here: it would silently become a file named "-" in the current directory.
  for (const name of OUTPUT_OPTIONS) {
    if (parsed.values[name] === "-") {
      throw new InputError(`llmops ${cmd.name}: --${name} - would write a file named "-"; name a file or directory`, {
        hint: "with no output option, data card and report print to stdout; --json prints the result as JSON",
      });
    }
  }
  const max = cmd.maxPositionals;
  if (max !== undefined && parsed.positionals.length > max) {
    const extra = parsed.positionals.slice(max).map((p) => JSON.stringify(p)).join(", ");
    throw new InputError(`llmops ${cmd.name}: unexpected argument${parsed.positionals.length - max > 1 ? "s" : ""} ${extra} (it takes ${max === 0 ? "only options" : `${max} file`})`, {
      hint: `run "llmops ${cmd.name} --help" for usage${max === 1 ? `; run it once per file` : ""}`,
    });
  }
  return parsed;
}

const OUTPUT_OPTIONS = ["out", "out-dir", "markdown", "summary", "html"];

/** Parse a numeric option, naming it in the error. */
export function intOption(values: Record<string, unknown>, name: string, min = 1): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InputError(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
  return n;
}

export function requirePositional(cmd: Command, positionals: string[], what: string, index = 0): string {
  const v = positionals[index];
  if (v === undefined) throw new InputError(`llmops ${cmd.name}: missing ${what}`, { hint: `run "llmops ${cmd.name} --help" for usage` });
  return v;
}
