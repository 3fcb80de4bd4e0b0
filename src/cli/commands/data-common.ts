// Options and set-up shared by the `llmops data` subcommands.
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative } from "node:path";
import type { CheckOptions, DataFile } from "../../app/data/run-check.js";
import { defaultDedupeOptions, type DedupeOptions } from "../../core/data/dedupe.js";
import { ConfigError, InputError } from "../../errors.js";
import { DatasetValidator, type ValidateOptions } from "../../core/data/validate.js";
import { compileUserSchema } from "../../core/data/user-schema.js";
import { DATA_VALIDATE_OPTIONS } from "../../core/options/data-validate.js";
import { cliFlag, pickOptions, readCliValues, renderCliHelp, type CliValuesOf } from "../../core/options/spec.js";
import type { CliContext } from "../context.js";

// The options data validate shares with actions/validate-dataset (src/core/options/data-validate.ts),
// in the two sections of the help: validation, then duplicates and leakage.
const VALIDATION = ["format", "schema", "max-errors", "report", "max-line-bytes", "strict", "allow-no-assistant"] as const;
const CHECKS = ["eval-cases", "allow-leakage", "dedupe", "near-threshold", "fail-on-duplicates"] as const;
export const validationFlags = flagsOf(VALIDATION);
export const checkFlags = flagsOf(CHECKS);
export const validationOptionHelp = renderCliHelp(pickOptions(DATA_VALIDATE_OPTIONS, VALIDATION), { column: 23, helpLine: false });
export const checkOptionHelp = renderCliHelp(pickOptions(DATA_VALIDATE_OPTIONS, CHECKS), { column: 23, helpLine: false });

function flagsOf(keys: readonly (keyof typeof DATA_VALIDATE_OPTIONS)[]): string[] {
  return keys.map((k) => cliFlag(k, DATA_VALIDATE_OPTIONS[k])!);
}

/** The shared options' values, checked (a bad one names its flag). */
export function dataValues(values: Record<string, unknown>): CliValuesOf<typeof DATA_VALIDATE_OPTIONS> {
  return readCliValues(DATA_VALIDATE_OPTIONS, values);
}

export async function createValidator(ctx: CliContext, values: Record<string, unknown>): Promise<DatasetValidator> {
  const v = dataValues(values);
  const opts: Partial<ValidateOptions> = {
    format: v.format ?? "auto",
    strict: v.strict ?? false,
    formatOptions: { requireAssistant: !v["allow-no-assistant"] },
  };
  const maxErrors = v["max-errors"];
  const report = v.report;
  const maxLine = v["max-line-bytes"];
  if (maxErrors !== undefined) opts.maxErrors = maxErrors;
  if (report !== undefined) opts.reportLimit = report;
  if (maxLine !== undefined) opts.maxLineBytes = maxLine;
  if (v.schema !== undefined) {
    const path = ctx.resolvePath(v.schema);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch {
      throw new ConfigError(`--schema ${v.schema}: cannot read the file`);
    }
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`${v.schema}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    opts.customCheck = compileUserSchema(schema, v.schema);
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

/** The duplicate detection a subcommand runs: its own default mode unless --dedupe says otherwise. */
export function dedupeFrom(values: Record<string, unknown>, fallback: "none" | "exact" | "near"): { dedupe: DedupeOptions | null; threshold: number } {
  const v = dataValues(values);
  const threshold = v["near-threshold"] ?? 0.9;
  const mode = v.dedupe ?? fallback;
  return { dedupe: mode === "none" ? null : { ...defaultDedupeOptions, near: mode === "near", threshold }, threshold };
}

export function checkOptionsFrom(ctx: CliContext, values: Record<string, unknown>, files: DataFile[], dedupeFallback: "none" | "exact" | "near", manifestDir: string): CheckOptions {
  const v = dataValues(values);
  const { dedupe, threshold } = dedupeFrom(values, dedupeFallback);
  return {
    dedupe,
    evalFiles: (v["eval-cases"] ?? []).map((e) => ({ path: ctx.resolvePath(e), shown: e })),
    threshold,
    allowLeakage: v["allow-leakage"] ?? false,
    failOnDuplicates: v["fail-on-duplicates"] ?? false,
    manifestDir: manifestDir || dirname(files[0]!.path),
  };
}
