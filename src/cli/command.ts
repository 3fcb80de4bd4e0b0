// The shape of a subcommand and argument parsing that turns mistakes into usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../errors.js";
import type { CliContext } from "./context.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface Command {
  name: string;
  summary: string;
  /** Full help text shown by `llmops <name> --help`. */
  help: string;
  options: OptionSpec;
  /** Returns the exit code (0 ok, 1 expected failure). Errors are thrown, not returned. */
  run(ctx: CliContext, args: { values: Record<string, unknown>; positionals: string[] }): Promise<number>;
}

export function parseCommandArgs(cmd: Command, argv: string[]): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const r = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: r.values as Record<string, unknown>, positionals: r.positionals };
  } catch (err) {
    const msg = err instanceof Error ? err.message.replace(/\. To specify .*$/s, "") : String(err);
    throw new InputError(`llmops ${cmd.name}: ${msg}`, { hint: `run "llmops ${cmd.name} --help" for usage` });
  }
}

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
