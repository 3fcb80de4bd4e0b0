// `llmops data validate` (and the data subcommands that check: dedupe, manifest, card, diff) ↔
// actions/validate-dataset.
import { FORMATS } from "../data/types.js";
import { json, quiet } from "./common.js";
import { defineOptions } from "./spec.js";

export const DATA_VALIDATE_OPTIONS = defineOptions("data", {
  files: {
    type: { kind: "list", commas: true },
    side: "action",
    why: "the CLI takes files as positional arguments",
    required: true,
    description: "data files to check (.jsonl, .jsonl.gz, .parquet), one per line or comma-separated; a * in the file name matches within its directory",
  },
  format: {
    type: { kind: "enum", values: ["auto", ...FORMATS] },
    side: "both",
    arg: "F",
    description: "record format: auto (detected per file), chat, instruction, completion, preference or custom (with a schema)",
    default: "auto",
  },
  schema: { type: { kind: "string" }, side: "both", arg: "FILE.json", description: "a JSON Schema file every record must match (implies format custom)" },
  "max-errors": { type: { kind: "int", min: 1 }, side: "both", arg: "N", description: "stop after this many errors", default: "1000" },
  report: {
    type: { kind: "int", min: 0 },
    side: "cli",
    why: "how many problems the terminal lists; the action annotates up to max-annotations",
    arg: "N",
    description: "list the first N problems",
    default: "50",
  },
  "max-line-bytes": { type: { kind: "int", min: 1 }, side: "both", arg: "N", description: "longest accepted line in bytes; a longer one is an error", default: "16777216" },
  strict: { type: { kind: "flag" }, side: "both", description: "warnings (BOM, CRLF, blank lines, duplicates) count as errors" },
  "allow-no-assistant": { type: { kind: "flag" }, side: "both", description: "chat records without an assistant turn (prompt-only data) are accepted" },
  "eval-cases": {
    type: { kind: "list", commas: true },
    side: "both",
    flag: "eval",
    arg: "FILE",
    description: "eval case files (JSONL {id, input|vars, expected}); training records that match a case are leakage, an error (repeat --eval on the CLI; one per line or comma-separated in an action)",
  },
  "allow-leakage": { type: { kind: "flag" }, side: "both", description: "report leakage as warnings instead of errors" },
  dedupe: {
    type: { kind: "enum", values: ["none", "exact", "near"] },
    side: "both",
    arg: "MODE",
    description: "duplicate detection: none, exact or near (MinHash)",
    default: { cli: "near for dedupe/manifest/card, none for validate, exact for clean", action: "near" },
  },
  "near-threshold": { type: { kind: "number", gt: 0, lte: 1 }, side: "both", flag: "threshold", arg: "J", description: "Jaccard threshold for near duplicates and near leakage", default: "0.9" },
  "fail-on-duplicates": { type: { kind: "flag" }, side: "both", description: "duplicates are errors, not warnings" },
  "max-annotations": { type: { kind: "int", min: 1 }, side: "action", why: "GitHub annotations on the PR's files", description: "annotate at most this many problems on the PR's files", default: "50" },
  "manifest-path": {
    type: { kind: "string" },
    side: "action",
    why: "the CLI writes a manifest with `llmops data manifest --out PATH`",
    description: "where to write the manifest",
    default: "data-manifest.json next to the first file",
  },
  "write-manifest": { type: { kind: "flag" }, side: "action", why: "the CLI writes a manifest with `llmops data manifest`", description: "write the manifest: true or false", default: "true" },
  "base-ref": {
    type: { kind: "string" },
    side: "both",
    flag: "base",
    arg: "REV",
    description: "a git revision (e.g. origin/main) whose manifest to compare with: the data diff (`llmops data diff --base REV`; in an action the job summary and diff-path; needs fetch-depth: 0)",
  },
  "fail-on-invalid": { type: { kind: "flag" }, side: "action", why: "the CLI always exits 1 on invalid data", description: "fail the step when the data is invalid: true or false", default: "true" },
  json,
  quiet,
});
