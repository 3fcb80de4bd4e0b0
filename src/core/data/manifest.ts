// The dataset manifest: what a revision's data is (hash, counts, format, fields, statistics, a
// per-record index), written next to the data so another revision can be compared with it.
import { DataInvalidError } from "../../errors.js";
import type { DedupeSummary } from "./dedupe.js";
import type { LeakageSummary } from "./leakage.js";
import type { FileStats, RecordIndex } from "./stats.js";
import type { FileSummary } from "./types.js";

export const MANIFEST_SCHEMA = "llmops.data-manifest/v1";
export const DEFAULT_MANIFEST_NAME = "data-manifest.json";

export interface ManifestFile {
  /** Relative to the manifest's directory, forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
  kind: FileSummary["kind"];
  records: number;
  valid: number;
  invalid: number;
  stats: FileStats;
  index: RecordIndex | null;
}

export interface DataManifest {
  schema: typeof MANIFEST_SCHEMA;
  llmops_version: string;
  files: ManifestFile[];
  totals: { files: number; records: number; valid: number; invalid: number; bytes: number };
  duplicates: Omit<DedupeSummary, "examples"> | null;
  leakage: Omit<LeakageSummary, "examples"> | null;
}

export function buildManifest(version: string, files: ManifestFile[], duplicates: DedupeSummary | null, leakage: LeakageSummary | null): DataManifest {
  const sum = (f: (m: ManifestFile) => number) => files.reduce((n, m) => n + f(m), 0);
  return {
    schema: MANIFEST_SCHEMA,
    llmops_version: version,
    files,
    totals: { files: files.length, records: sum((m) => m.records), valid: sum((m) => m.valid), invalid: sum((m) => m.invalid), bytes: sum((m) => m.bytes) },
    duplicates: duplicates ? withoutExamples(duplicates) : null,
    leakage: leakage ? withoutExamples(leakage) : null,
  };
}

function withoutExamples<T extends { examples: unknown }>(x: T): Omit<T, "examples"> {
  const { examples: _drop, ...rest } = x;
  return rest;
}

/** Parse a manifest read from disk or from git; throws DataInvalidError naming where it came from. */
export function parseManifest(text: string, where: string): DataManifest {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new DataInvalidError(`${where}: the manifest is not valid JSON (${err instanceof Error ? err.message : String(err)})`, { hint: "regenerate it with `llmops data manifest`" });
  }
  const m = v as Partial<DataManifest> | null;
  if (!m || typeof m !== "object" || m.schema !== MANIFEST_SCHEMA || !Array.isArray(m.files)) {
    throw new DataInvalidError(`${where}: not an llmops data manifest (expected "schema": "${MANIFEST_SCHEMA}")`, { hint: "regenerate it with `llmops data manifest`" });
  }
  return m as DataManifest;
}
