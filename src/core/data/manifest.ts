// The dataset manifest: what a revision's data is (hash, counts, format, fields, statistics, a
// per-record index), written next to the data so another revision can be compared with it.
import { DATA_MANIFEST_TAG, dataManifestFormat, type DataManifest, type ManifestFile } from "../contracts/data-manifest.js";
import type { DedupeSummary } from "./dedupe.js";
import type { LeakageSummary } from "./leakage.js";

export { DATA_MANIFEST_TAG as MANIFEST_SCHEMA, type DataManifest, type ManifestFile } from "../contracts/data-manifest.js";
export const DEFAULT_MANIFEST_NAME = "data-manifest.json";

export function buildManifest(version: string, files: ManifestFile[], duplicates: DedupeSummary | null, leakage: LeakageSummary | null): DataManifest {
  const sum = (f: (m: ManifestFile) => number) => files.reduce((n, m) => n + f(m), 0);
  return {
    schema: DATA_MANIFEST_TAG,
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

/** Parse a manifest read from disk or from git, by the format's one reader; errors name where it came from. */
export function parseManifest(text: string, where: string): DataManifest {
  return dataManifestFormat.parse(text, where);
}
