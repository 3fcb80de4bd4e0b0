// actions/validate-dataset: validate datasets, check duplicates and leakage, write the manifest,
// annotate the offending lines, put the dataset card in the job summary.
import * as core from "@actions/core";
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { tmpdir } from "node:os";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { gitShowFile } from "../../app/data/data-files.js";
import { neutralizeLogText } from "../../core/report/escape-log.js";
import { runDataCheck } from "../../app/data/run-check.js";
import { computeDataDiff } from "../../core/data/diff.js";
import { ConfigError, DataInvalidError } from "../../errors.js";
import { expandFiles } from "../../app/data/expand-files.js";
import { computeDataVerdict } from "../../core/data/verdict.js";
import { defaultDedupeOptions } from "../../core/data/dedupe.js";
import { DEFAULT_MANIFEST_NAME, parseManifest } from "../../core/data/manifest.js";
import { renderDataCard, renderDataDiffMarkdown } from "../../core/data/render.js";
import { formatIssue, type Issue } from "../../core/data/types.js";
import { compileUserSchema } from "../../core/data/user-schema.js";
import { DatasetValidator } from "../../core/data/validate.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";
import { dataManifestFormat } from "../../core/contracts/data-manifest.js";

export function parseValidateDatasetInputs(read?: (name: string) => string) {
  return parseInputs(INPUTS, read);
}

function annotate(issue: Issue): void {
  const props: core.AnnotationProperties = { file: issue.file, title: `${issue.kind}${issue.path ? ` (${issue.path})` : ""}` };
  if (issue.line !== undefined) props.startLine = issue.line;
  const msg = issue.line === undefined && issue.row !== undefined ? `row group ${issue.rowGroup ?? 0}, row ${issue.row}: ${issue.message}` : issue.message;
  if (issue.severity === "error") core.error(neutralizeLogText(msg), props);
  else core.warning(neutralizeLogText(msg), props);
}

export async function main(): Promise<void> {
  const inputs = parseValidateDatasetInputs();
  const logger = new ActionsLogger();
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  const files = expandFiles(inputs.files, root);
  let customCheck;
  if (inputs.schema) {
    const text = await readFile(resolve(root, inputs.schema), "utf8").catch(() => {
      throw new ConfigError(`input "schema": cannot read ${inputs.schema}`);
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ConfigError(`input "schema": ${inputs.schema} is not valid JSON`);
    }
    customCheck = compileUserSchema(parsed, inputs.schema);
  }
  const validator = new DatasetValidator({
    format: inputs.format ?? (customCheck ? "custom" : "auto"),
    strict: inputs.strict ?? false,
    maxErrors: inputs["max-errors"] ?? 1000,
    ...(inputs["max-line-bytes"] ? { maxLineBytes: inputs["max-line-bytes"] } : {}),
    formatOptions: { requireAssistant: !(inputs["allow-no-assistant"] ?? false) },
    reportLimit: Math.max(inputs["max-annotations"] ?? 50, 50),
    ...(customCheck ? { customCheck } : {}),
  });
  const threshold = inputs["near-threshold"] ?? 0.9;
  const dedupeMode = inputs.dedupe ?? "near";
  const manifestPath = inputs["manifest-path"] ? resolve(root, inputs["manifest-path"]) : join(dirname(files[0]!.path), DEFAULT_MANIFEST_NAME);
  const result = await runDataCheck(validator, files, {
    dedupe: dedupeMode === "none" ? null : { ...defaultDedupeOptions, near: dedupeMode === "near", threshold },
    evalFiles: (inputs["eval-cases"] ?? []).map((p) => ({ path: resolve(root, p), shown: p })),
    threshold,
    allowLeakage: inputs["allow-leakage"] ?? false,
    failOnDuplicates: inputs["fail-on-duplicates"] ?? false,
    manifestDir: dirname(manifestPath),
  });
  const { report, manifest } = result;

  const maxAnnotations = inputs["max-annotations"] ?? 50;
  report.issues.slice(0, maxAnnotations).forEach(annotate);
  for (const i of report.issues) logger.info(formatIssue(i));

  const wrote = inputs["write-manifest"] ?? true;
  if (wrote) {
    await mkdir(dirname(manifestPath), { recursive: true });
    await writeFile(manifestPath, dataManifestFormat.serialize(manifest));
  }
  const verdict = computeDataVerdict(report, inputs["fail-on-invalid"] ?? true);
  core.setOutput("valid", String(verdict.valid));
  core.setOutput("records", String(report.records));
  core.setOutput("manifest-path", wrote ? relative(root, manifestPath) : "");

  let diffMd = "";
  const baseRef = inputs["base-ref"];
  if (baseRef) {
    const baseText = await gitShowFile(manifestPath, baseRef);
    const base = baseText === undefined ? undefined : parseManifest(baseText, `${baseRef}:${relative(root, manifestPath)}`);
    diffMd = renderDataDiffMarkdown(computeDataDiff(base, manifest, baseRef));
    const diffPath = join(process.env.RUNNER_TEMP || tmpdir(), "llmops-data-diff.md");
    await writeFile(diffPath, diffMd);
    core.setOutput("diff-path", diffPath);
  }

  const card = renderDataCard({ title: files.map((f) => f.shown).join(", "), manifest, duplicates: result.profiler.duplicates(), leakage: result.profiler.leakage() });
  await core.summary.addRaw(`${verdict.headline}\n\n${diffMd ? `${diffMd}\n` : ""}${card}`).write();
  if (verdict.failure) throw new DataInvalidError(verdict.failure.message, { hint: verdict.failure.hint });
}
