// Options and set-up shared by the `llmops data` subcommands.
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative } from "node:path";
import type { CheckOptions, DataFile } from "../../app/data/run-check.js";
import { defaultDedupeOptions, type DedupeOptions } from "../../core/data/dedupe.js";
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
/** A path as the user would type it: relative to their directory when inside it, else absolute (never ../../../tmp/x). */
export function displayPath(ctx: CliContext, abs: string): string {
  const rel = relative(ctx.cwd, abs).split("\\").join("/");
  if (rel === "") return ".";
  return rel === ".." || rel.startsWith("../") || isAbsolute(rel) ? abs : rel;
}

export const checkOptionHelp = `  --eval FILE          eval cases (JSONL {id, input|vars, expected}); training records that match one are errors (repeatable)
  --allow-leakage      report leakage as warnings instead of errors
  --dedupe MODE        none | exact | near (default near for manifest/card/dedupe, none for validate)
  --threshold J        near-duplicate / near-leakage Jaccard threshold (default 0.9)
  --fail-on-duplicates duplicates are errors, not warnings`;

export const checkOptions = {
  eval: { type: "string", multiple: true },
  "allow-leakage": { type: "boolean" },
  dedupe: { type: "string" },
  threshold: { type: "string" },
  "fail-on-duplicates": { type: "boolean" },
} as const;

export function parseThreshold(v: unknown): number {
  if (v === undefined) return 0.9;
  const n = Number(v);
  if (!(n > 0 && n <= 1)) throw new InputError(`--threshold must be a number in (0, 1], got ${JSON.stringify(v)}`);
  return n;
}

export function parseDedupe(v: unknown, fallback: "none" | "exact" | "near", threshold: number): DedupeOptions | null {
  const mode = v === undefined ? fallback : String(v);
  if (mode === "none") return null;
  if (mode !== "exact" && mode !== "near") throw new InputError(`--dedupe must be none, exact or near; got ${JSON.stringify(mode)}`);
  return { ...defaultDedupeOptions, near: mode === "near", threshold };
}

export function checkOptionsFrom(ctx: CliContext, values: Record<string, unknown>, files: DataFile[], dedupeFallback: "none" | "exact" | "near", manifestDir: string): CheckOptions {
  const threshold = parseThreshold(values.threshold);
  const evals = (values.eval as string[] | undefined) ?? [];
  return {
    dedupe: parseDedupe(values.dedupe, dedupeFallback, threshold),
    evalFiles: evals.map((e) => ({ path: ctx.resolvePath(e), shown: e })),
    threshold,
    allowLeakage: Boolean(values["allow-leakage"]),
    failOnDuplicates: Boolean(values["fail-on-duplicates"]),
    manifestDir: manifestDir || dirname(files[0]!.path),
  };
}
