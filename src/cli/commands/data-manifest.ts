// `llmops data manifest | card | diff`: version the data (a manifest next to it), describe it (a
// dataset card), and say what a change did to it compared with another git revision.
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { gitShowFile } from "../../app/data/data-files.js";
import { runDataCheck } from "../../app/data/run-check.js";
import { InputError } from "../../errors.js";
import { computeDataDiff } from "../../core/data/diff.js";
import { DEFAULT_MANIFEST_NAME, parseManifest, type DataManifest } from "../../core/data/manifest.js";
import { renderDataCard, renderDataDiffMarkdown } from "../../core/data/render.js";
import type { CliContext } from "../context.js";
import { checkOptionsFrom, createValidator, dataFiles, displayPath } from "./data-common.js";
import { renderValidationText } from "./data-validate.js";
import { dataManifestFormat } from "../../core/contracts/data-manifest.js";

async function check(ctx: CliContext, values: Record<string, unknown>, files: string[], manifestPath: string) {
  const v = await createValidator(ctx, values);
  const df = dataFiles(ctx, files);
  return runDataCheck(v, df, checkOptionsFrom(ctx, values, df, "near", dirname(manifestPath)));
}

function manifestPathFor(ctx: CliContext, values: Record<string, unknown>, files: string[], outIsManifest = true): string {
  if (typeof values.out === "string") {
    const out = ctx.resolvePath(values.out);
    // `--out data/` means the manifest in that directory, as when --out is left out.
    return outIsManifest && existsSync(out) && statSync(out).isDirectory() ? join(out, DEFAULT_MANIFEST_NAME) : out;
  }
  if (typeof values.manifest === "string") return ctx.resolvePath(values.manifest);
  const first = files[0];
  if (first === undefined) throw new InputError("no data files given", { hint: "name one or more .jsonl, .jsonl.gz or .parquet files" });
  return `${dirname(ctx.resolvePath(first))}/${DEFAULT_MANIFEST_NAME}`;
}

export async function runDataManifest(ctx: CliContext, values: Record<string, unknown>, files: string[]): Promise<number> {
  const out = manifestPathFor(ctx, values, files);
  const r = await check(ctx, values, files, out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, dataManifestFormat.serialize(r.manifest));
  if (values.json) ctx.printJson(r.manifest);
  else ctx.stdout.write(renderValidationText(r.report) + `manifest: ${displayPath(ctx, out)} (${r.manifest.totals.records} records in ${r.manifest.totals.files} file(s))\n`);
  return r.report.errors > 0 ? 1 : 0;
}

export async function runDataCard(ctx: CliContext, values: Record<string, unknown>, files: string[]): Promise<number> {
  const r = await check(ctx, values, files, manifestPathFor(ctx, values, files, false));
  const md = renderDataCard({
    title: typeof values.title === "string" ? values.title : files.join(", "),
    manifest: r.manifest,
    duplicates: r.profiler.duplicates(),
    leakage: r.profiler.leakage(),
  });
  const out = typeof values.out === "string" ? ctx.resolvePath(values.out) : null;
  if (out !== null) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, md);
    ctx.stderr.write(`card: ${displayPath(ctx, out)}\n`);
  }
  // --json: stdout carries one JSON document (the card's path, or the card itself, and the check's counts).
  if (values.json) ctx.printJson({ card: out, ...(out === null ? { markdown: md } : {}), records: r.manifest.totals.records, errors: r.report.errors, warnings: r.report.warnings });
  else if (out === null) ctx.stdout.write(md);
  return r.report.errors > 0 ? 1 : 0;
}

export async function runDataDiff(ctx: CliContext, values: Record<string, unknown>, files: string[]): Promise<number> {
  const base = typeof values.base === "string" ? values.base : undefined;
  if (!base) throw new InputError("llmops data diff: --base REV is required", { hint: "e.g. --base origin/main" });
  const manifestPath = typeof values.manifest === "string" ? ctx.resolvePath(values.manifest) : files.length ? manifestPathFor(ctx, values, files) : ctx.resolvePath(`data/${DEFAULT_MANIFEST_NAME}`);
  const shown = displayPath(ctx, manifestPath);
  let head: DataManifest;
  if (files.length > 0) head = (await check(ctx, values, files, manifestPath)).manifest;
  else {
    let text: string;
    try {
      text = await readFile(manifestPath, "utf8");
    } catch {
      throw new InputError(`${shown}: no manifest here`, { hint: "write one with `llmops data manifest FILE…`, pass --manifest PATH, or name the data files to compute it" });
    }
    head = parseManifest(text, shown);
  }
  const baseText = await gitShowFile(manifestPath, base);
  const baseManifest = baseText === undefined ? undefined : parseManifest(baseText, `${base}:${basename(manifestPath)}`);
  const diff = computeDataDiff(baseManifest, head, base);
  if (values.json) ctx.printJson(diff);
  else ctx.stdout.write(renderDataDiffMarkdown(diff));
  return 0;
}
