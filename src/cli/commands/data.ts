// `llmops data <subcommand>`: validate, clean, dedupe, split, manifest, diff, card.
import { InputError } from "../../errors.js";
import type { Command } from "../command.js";
import { validationOptionHelp, validationOptions } from "./data-common.js";
import { runDataValidate } from "./data-validate.js";

type Sub = (ctx: Parameters<Command["run"]>[0], values: Record<string, unknown>, positionals: string[]) => Promise<number>;

const subcommands: Record<string, { run: Sub; options: readonly string[] }> = {
  validate: { run: runDataValidate, options: [...Object.keys(validationOptions), "json", "quiet"] },
};

export const dataCommand: Command = {
  name: "data",
  summary: "validate, clean, dedupe, split, version and describe datasets (JSONL, Parquet)",
  help: `usage: llmops data <subcommand> [options] FILE…

subcommands:
  validate FILE…       stream-validate records; every problem with file:line and field path; exit 1 if invalid

validation options (validate, clean, dedupe, manifest, card):
${validationOptionHelp}
  --json               print the report as JSON
`,
  options: {
    ...validationOptions,
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
  },
  async run(ctx, { values, positionals }) {
    const [name, ...rest] = positionals;
    const sub = name === undefined ? undefined : subcommands[name];
    if (!sub) {
      throw new InputError(name === undefined ? "llmops data: missing subcommand" : `llmops data: unknown subcommand "${name}"`, {
        hint: `one of: ${Object.keys(subcommands).join(", ")}`,
      });
    }
    for (const k of Object.keys(values)) {
      if (k !== "help" && values[k] !== undefined && !sub.options.includes(k)) throw new InputError(`llmops data ${name}: option --${k} does not apply here`, { hint: `run "llmops data --help"` });
    }
    return sub.run(ctx, values, rest);
  },
};
