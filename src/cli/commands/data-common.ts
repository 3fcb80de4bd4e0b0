// Options and set-up shared by the `llmops data` subcommands.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { ConfigError, InputError } from "../../errors.js";
import { FORMATS, type DataFormat } from "../../core/data/types.js";
import { DatasetValidator, type ValidateOptions } from "../../core/data/validate.js";
import { compileUserSchema } from "../../core/data/user-schema.js";
import { intOption } from "../command.js";
import type { CliContext } from "../context.js";

export const validationOptionHelp = `  --format F           chat | instruction | completion | preference | custom | auto (default auto: detected per file)
  --schema FILE.json   a JSON Schema every record must match (implies --format custom)
  --max-errors N       stop after N errors (default 1000)
  --report N           list the first N problems (default 50)
  --max-line-bytes N   longest accepted line (default 16777216)
  --strict             warnings (BOM, CRLF, blank lines, …) count as errors
  --allow-no-assistant chat records without an assistant turn are accepted`;

export const validationOptions = {
  format: { type: "string" },
  schema: { type: "string" },
  "max-errors": { type: "string" },
  report: { type: "string" },
  "max-line-bytes": { type: "string" },
  strict: { type: "boolean" },
  "allow-no-assistant": { type: "boolean" },
} as const;

export function parseFormat(v: unknown): DataFormat | "auto" {
  if (v === undefined) return "auto";
  const s = String(v);
  if (s === "auto" || (FORMATS as readonly string[]).includes(s)) return s as DataFormat | "auto";
  throw new InputError(`--format must be one of auto, ${FORMATS.join(", ")}; got ${JSON.stringify(s)}`);
}

export async function createValidator(ctx: CliContext, values: Record<string, unknown>): Promise<DatasetValidator> {
  const opts: Partial<ValidateOptions> = {
    format: parseFormat(values.format),
    strict: Boolean(values.strict),
    formatOptions: { requireAssistant: !values["allow-no-assistant"] },
  };
  const maxErrors = intOption(values, "max-errors");
  const report = intOption(values, "report", 0);
  const maxLine = intOption(values, "max-line-bytes");
  if (maxErrors !== undefined) opts.maxErrors = maxErrors;
  if (report !== undefined) opts.reportLimit = report;
  if (maxLine !== undefined) opts.maxLineBytes = maxLine;
  if (typeof values.schema === "string") {
    const path = ctx.resolvePath(values.schema);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch {
      throw new ConfigError(`--schema ${values.schema}: cannot read the file`);
    }
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`${values.schema}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    opts.customCheck = compileUserSchema(schema, values.schema);
    if (opts.format === "auto") opts.format = "custom";
  }
  return new DatasetValidator(opts);
}

/** Files as typed (for messages) and resolved (for reading). */
export function dataFiles(ctx: CliContext, names: string[], what = "data files"): { path: string; shown: string }[] {
  if (names.length === 0) throw new InputError(`no ${what} given`, { hint: "name one or more .jsonl, .jsonl.gz or .parquet files" });
  return names.map((n) => ({ path: ctx.resolvePath(n), shown: n }));
}

/** A path relative to the current directory, with forward slashes (stable in manifests). */
export function displayPath(ctx: CliContext, abs: string): string {
  return relative(ctx.cwd, abs).split("\\").join("/") || ".";
}
