// The dataset manifest: what a revision's data is (hash, counts, format, fields, statistics, a
// per-record index), written next to the data so another revision can be compared with it.
import { z } from "zod";
import { defineFormat } from "./format.js";

export const DATA_MANIFEST_TAG = "llmops.data-manifest/v1";

export const DataFormatSchema = z.enum(["chat", "instruction", "completion", "preference", "custom"]);

export const LengthStatsSchema = z.object({
  unit: z.string(),
  total: z.number(),
  mean: z.number(),
  p50: z.number(),
  p95: z.number(),
  max: z.number(),
  histogram: z.array(z.number().int()).describe("Counts per length bin; the last bin is > 4096"),
});

export const FileStatsSchema = z.object({
  format: DataFormatSchema.nullable(),
  records: z.number().int(),
  lengths: LengthStatsSchema,
  roles: z.record(z.string(), z.number().int()),
  turns: z.record(z.string(), z.number().int()),
  fields: z.record(z.string(), z.array(z.string())),
});

export const RecordIndexSchema = z.object({
  ids: z.array(z.string().nullable()),
  hashes: z.array(z.string()).describe("First 16 hex digits of sha256 of each record's canonical JSON"),
});

export const ManifestFileSchema = z.object({
  path: z.string().describe("Relative to the manifest's directory, forward slashes"),
  sha256: z.string(),
  bytes: z.number().int(),
  kind: z.enum(["jsonl", "jsonl.gz", "parquet"]),
  records: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  stats: FileStatsSchema,
  index: RecordIndexSchema.nullable(),
});

export const DataManifestSchema = z.object({
  schema: z.literal(DATA_MANIFEST_TAG),
  llmops_version: z.string(),
  files: z.array(ManifestFileSchema),
  totals: z.object({ files: z.number().int(), records: z.number().int(), valid: z.number().int(), invalid: z.number().int(), bytes: z.number().int() }),
  duplicates: z
    .object({ records: z.number().int(), unique: z.number().int(), exact: z.number().int(), near: z.number().int(), threshold: z.number(), method: z.string() })
    .nullable(),
  leakage: z
    .object({
      evalFiles: z.array(z.string()),
      cases: z.number().int(),
      records: z.number().int(),
      exact: z.number().int(),
      near: z.number().int(),
      contained: z.number().int(),
      casesLeaked: z.number().int(),
      threshold: z.number(),
    })
    .nullable(),
});

export type DataManifest = z.infer<typeof DataManifestSchema>;
export type ManifestFile = z.infer<typeof ManifestFileSchema>;
export type FileStats = z.infer<typeof FileStatsSchema>;
export type LengthStats = z.infer<typeof LengthStatsSchema>;
export type RecordIndex = z.infer<typeof RecordIndexSchema>;

export const dataManifestFormat = defineFormat({
  kind: "data-manifest",
  version: 1,
  schema: DataManifestSchema,
  title: "a dataset manifest (hashes, counts, statistics, per-record index)",
  file: "data-manifest.json (beside the data, or --out)",
  writer: "llmops data manifest, actions/validate-dataset",
  readers: "llmops data diff, actions/validate-dataset (the base revision's manifest)",
  hint: "regenerate it with `llmops data manifest`",
});
