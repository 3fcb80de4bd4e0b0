#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  closest
} from "./chunk-XQ6Z47X5.js";
import {
  InputError
} from "./chunk-LXVW643N.js";

// src/cli/command.ts
import { parseArgs } from "node:util";
function parseCommandArgs(cmd, argv) {
  let parsed;
  try {
    const r = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true
    });
    parsed = { values: r.values, positionals: r.positionals };
  } catch (err) {
    const msg = err instanceof Error ? err.message.replace(/\. To specify .*$/s, "") : String(err);
    const unknown = /^Unknown option '(-{1,2})([^']+)'/.exec(msg);
    const near = unknown ? closest(unknown[2], [...Object.keys(cmd.options), "help"]) : void 0;
    throw new InputError(`llmops ${cmd.name}: ${msg}${near ? ` (did you mean "--${near}"?)` : ""}`, { hint: `run "llmops ${cmd.name} --help" for usage` });
  }
  for (const name of OUTPUT_OPTIONS) {
    if (parsed.values[name] === "-") {
      throw new InputError(`llmops ${cmd.name}: --${name} - would write a file named "-"; name a file or directory`, {
        hint: "with no output option, data card and report print to stdout; --json prints the result as JSON"
      });
    }
  }
  const max = cmd.maxPositionals;
  if (max !== void 0 && parsed.positionals.length > max) {
    const extra = parsed.positionals.slice(max).map((p) => JSON.stringify(p)).join(", ");
    throw new InputError(`llmops ${cmd.name}: unexpected argument${parsed.positionals.length - max > 1 ? "s" : ""} ${extra} (it takes ${max === 0 ? "only options" : `${max} file`})`, {
      hint: `run "llmops ${cmd.name} --help" for usage${max === 1 ? `; run it once per file` : ""}`
    });
  }
  return parsed;
}
var OUTPUT_OPTIONS = ["out", "out-dir", "markdown", "summary", "html"];
function intOption(values, name, min = 1) {
  const v = values[name];
  if (v === void 0) return void 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InputError(`--${name} must be a whole number \u2265 ${min}, got ${JSON.stringify(v)}`);
  return n;
}
function requirePositional(cmd, positionals, what, index = 0) {
  const v = positionals[index];
  if (v === void 0) throw new InputError(`llmops ${cmd.name}: missing ${what}`, { hint: `run "llmops ${cmd.name} --help" for usage` });
  return v;
}

export {
  parseCommandArgs,
  intOption,
  requirePositional
};
