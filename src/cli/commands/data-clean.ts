// `llmops data clean` and `llmops data split`: write cleaned, deduplicated records, or stable splits.
import { join, resolve } from "node:path";
import { JsonlWriter } from "../../app/data/jsonl-writer.js";
import { validateFiles } from "../../app/data/data-files.js";
import { InputError } from "../../errors.js";
import { cleanRecord, defaultCleanOptions, type CleanOptions } from "../../core/data/clean.js";
import { Deduper } from "../../core/data/dedupe.js";
import { recordTexts } from "../../core/data/formats.js";
import { assignSplit, assignStratified, parseSplitKey, parseSplitRatios, splitKeyOf, splitPoint } from "../../core/data/split.js";
import { formatLocation } from "../../core/data/types.js";
import { intOption } from "../command.js";
import type { CliContext } from "../context.js";
import { createValidator, dataFiles, displayPath, dedupeFrom } from "./data-common.js";
import { renderValidationText } from "./data-validate.js";

const byteCount = (s: string) => Buffer.byteLength(s);

export async function runDataClean(ctx: CliContext, values: Record<string, unknown>, files: string[]): Promise<number> {
  if (typeof values.out !== "string") throw new InputError("llmops data clean: --out FILE.jsonl is required");
  const out = ctx.resolvePath(values.out);
  const df = dataFiles(ctx, files);
  if (df.some((f) => resolve(f.path) === out)) throw new InputError("--out must not be one of the input files");
  const unit = values.unit === undefined ? "words" : String(values.unit);
  if (unit !== "words" && unit !== "bytes") throw new InputError(`--unit must be words or bytes, got ${JSON.stringify(unit)}`);
  const opts: CleanOptions = {
    ...defaultCleanOptions,
    nfc: !values["no-nfc"],
    trim: !values["no-trim"],
    dropEmpty: !values["keep-empty"],
    ...(unit === "bytes" ? { tokens: byteCount } : {}),
  };
  const min = intOption(values, "min-tokens", 0);
  const max = intOption(values, "max-tokens");
  if (min !== undefined) opts.minTokens = min;
  if (max !== undefined) opts.maxTokens = max;
  const { dedupe } = dedupeFrom(values, "exact");
  const deduper = dedupe ? new Deduper(dedupe) : null;
  const v = await createValidator(ctx, values);
  const writer = new JsonlWriter(out);
  const dropped: Record<string, number> = {};
  let changed = 0;
  v.onRecord((rec, at) => {
    const r = cleanRecord(at.format, rec, opts);
    if (r.record === null) {
      dropped[r.reason] = (dropped[r.reason] ?? 0) + 1;
      return;
    }
    if (deduper?.check(recordTexts(at.format, r.record).full, at)) {
      dropped.duplicate = (dropped.duplicate ?? 0) + 1;
      return;
    }
    if (r.changed) changed++;
    writer.write(r.record);
  });
  try {
    await validateFiles(v, df);
  } finally {
    writer.close();
  }
  const report = v.report();
  const invalid = report.invalid;
  const summary = { input: report.records, written: writer.lines, changed, dropped: { invalid, ...dropped }, out: displayPath(ctx, out) };
  if (values.json) ctx.printJson({ ...summary, validation: report });
  else {
    if (report.issues.length) ctx.stderr.write(renderValidationText(report));
    const d = Object.entries(summary.dropped).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ");
    ctx.stdout.write(`clean: ${summary.input} records in, ${summary.written} written to ${summary.out} (${changed} changed${d ? `; dropped: ${d}` : ""})\n`);
  }
  return 0;
}

export async function runDataSplit(ctx: CliContext, values: Record<string, unknown>, files: string[]): Promise<number> {
  if (typeof values["out-dir"] !== "string") throw new InputError("llmops data split: --out-dir DIR is required");
  const outDir = ctx.resolvePath(values["out-dir"]);
  const spec = parseSplitRatios(typeof values.ratios === "string" ? values.ratios : "train=0.9,val=0.1");
  const key = parseSplitKey(typeof values.key === "string" ? values.key : undefined);
  const seed = typeof values.seed === "string" ? values.seed : "llmops";
  const stratify = typeof values.stratify === "string" ? values.stratify : undefined;
  const df = dataFiles(ctx, files);
  const ext = ".jsonl";
  // A record without the --key field is the user's mistake (a usage error naming file:line), not a
  // read error of the file: remember it and rethrow once the validator has stopped.
  let keyError: unknown;
  const keyOf = (rec: Record<string, unknown>, where: string) => {
    try {
      return splitKeyOf(rec, key, where);
    } catch (err) {
      keyError ??= err;
      throw err;
    }
  };
  let assigned: Uint8Array | undefined;
  if (stratify) {
    // First pass: every record's point and stratum, to rank within strata.
    const points: number[] = [];
    const strata: string[] = [];
    const v1 = await createValidator(ctx, values);
    v1.onRecord((rec, at) => {
      points.push(splitPoint(keyOf(rec, formatLocation(at)), seed));
      const s = rec[stratify];
      strata.push(s === undefined ? "(none)" : typeof s === "string" ? s : JSON.stringify(s));
    });
    await validateFiles(v1, df);
    if (keyError !== undefined) throw keyError;
    assigned = assignStratified(Float64Array.from(points), strata, spec);
  }
  const writers = spec.names.map((n) => new JsonlWriter(join(outDir, `${n}${ext}`)));
  const v = await createValidator(ctx, values);
  let i = 0;
  v.onRecord((rec, at) => {
    const s = assigned ? assigned[i]! : assignSplit(splitPoint(keyOf(rec, formatLocation(at)), seed), spec);
    i++;
    writers[s]!.write(rec);
  });
  try {
    await validateFiles(v, df);
  } finally {
    for (const w of writers) w.close();
  }
  if (keyError !== undefined) throw keyError;
  const report = v.report();
  const counts = Object.fromEntries(spec.names.map((n, j) => [n, writers[j]!.lines]));
  if (values.json) ctx.printJson({ counts, ratios: Object.fromEntries(spec.names.map((n, j) => [n, spec.ratios[j]])), key: typeof key === "string" ? key : key.field, seed, stratify: stratify ?? null, invalid: report.invalid });
  else {
    if (report.issues.length) ctx.stderr.write(renderValidationText(report));
    ctx.stdout.write(`split: ${spec.names.map((n) => `${n} ${counts[n]} → ${displayPath(ctx, join(outDir, n + ext))}`).join(", ")}${report.invalid ? ` (${report.invalid} invalid record(s) skipped)` : ""}\n`);
  }
  return 0;
}
