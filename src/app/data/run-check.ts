// One pass over the data files for the CLI and the action: validate, profile, dedupe, check
// leakage against eval cases, and assemble the manifest (file hashes read here).
import { dirname, relative } from "node:path";
import { DataInvalidError } from "../../errors.js";
import { VERSION } from "../../version.js";
import type { DedupeOptions } from "../../core/data/dedupe.js";
import { LeakageIndex, parseEvalCase, type EvalCase } from "../../core/data/leakage.js";
import { LineSplitter } from "../../core/data/line-splitter.js";
import { buildManifest, type DataManifest, type ManifestFile } from "../../core/data/manifest.js";
import { defaultMinHashOptions } from "../../core/data/minhash.js";
import { DataProfiler } from "../../core/data/profile.js";
import type { ValidationReport } from "../../core/data/types.js";
import type { DatasetValidator } from "../../core/data/validate.js";
import { dataFileKind, readChunks, statDataFile, validateFiles } from "./data-files.js";
import { sha256File } from "../fs/sha256-file.js";

export interface DataFile {
  /** Absolute path. */
  path: string;
  /** As the user typed it (messages, annotations). */
  shown: string;
}

export interface CheckOptions {
  dedupe: DedupeOptions | null;
  evalFiles: DataFile[];
  threshold: number;
  allowLeakage: boolean;
  failOnDuplicates: boolean;
  /** Directory the manifest's paths are relative to. */
  manifestDir: string;
  indexLimit?: number;
}

export interface CheckResult {
  report: ValidationReport;
  manifest: DataManifest;
  profiler: DataProfiler;
}

export async function runDataCheck(validator: DatasetValidator, files: DataFile[], opts: CheckOptions): Promise<CheckResult> {
  const leakage = opts.evalFiles.length ? new LeakageIndex(opts.evalFiles.map((f) => f.shown), await readEvalCases(opts.evalFiles), { ...defaultMinHashOptions, threshold: opts.threshold, exampleLimit: 20 }) : null;
  const profiler = new DataProfiler({
    dedupe: opts.dedupe,
    leakage,
    allowLeakage: opts.allowLeakage,
    failOnDuplicates: opts.failOnDuplicates,
    ...(opts.indexLimit ? { indexLimit: opts.indexLimit } : {}),
  }).attach(validator);
  await validateFiles(validator, files);
  const report = validator.report();
  const manifestFiles: ManifestFile[] = [];
  for (const f of files) {
    const summary = report.files.find((s) => s.file === f.shown);
    if (!summary) continue;
    const collector = profiler.statsFor(f.shown);
    manifestFiles.push({
      path: relative(opts.manifestDir, f.path).split("\\").join("/"),
      sha256: await sha256File(f.path),
      bytes: summary.bytes,
      kind: summary.kind,
      records: summary.records,
      valid: summary.valid,
      invalid: summary.invalid,
      stats: { ...collector.stats(), format: summary.format },
      index: collector.index(),
    });
  }
  return { report, manifest: buildManifest(VERSION, manifestFiles, profiler.duplicates(), profiler.leakage()), profiler };
}

/** Eval cases from JSONL files ({id, input|vars, expected} per line). */
export async function readEvalCases(files: DataFile[]): Promise<EvalCase[]> {
  const cases: EvalCase[] = [];
  for (const f of files) {
    await statDataFile(f.path, f.shown);
    if (dataFileKind(f.path) !== "jsonl") throw new DataInvalidError(`${f.shown}: eval cases must be a .jsonl file`);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let failure: Error | undefined;
    const splitter = new LineSplitter(
      {
        line: (bytes, lineNo) => {
          try {
            const text = decoder.decode(bytes).replace(/^\uFEFF/, "").trim();
            if (text === "") return;
            cases.push(parseEvalCase(JSON.parse(text), `${f.shown}:${lineNo}`));
          } catch (err) {
            failure = err instanceof DataInvalidError ? err : new DataInvalidError(`${f.shown}:${lineNo}: ${err instanceof Error ? err.message : String(err)}`);
            return true;
          }
        },
        tooLong: (lineNo) => {
          failure = new DataInvalidError(`${f.shown}:${lineNo}: eval case line too long`);
          return true;
        },
      },
      16 << 20,
    );
    try {
      for await (const c of readChunks(f.path)) {
        splitter.push(c);
        if (splitter.stopped) break;
      }
    } catch {
      throw new DataInvalidError(`${f.shown}: cannot read the eval cases file`, { hint: "check the path" });
    }
    splitter.end();
    if (failure) throw failure;
  }
  return cases;
}

export function manifestDirFor(files: DataFile[], out?: string): string {
  return out ? dirname(out) : dirname(files[0]!.path);
}
