// The inputs of actions/validate-dataset, declared once: the parser reads them and a contract test
// compares them with action.yml.
import { z } from "zod";
import { inputSchemas, type InputSpecs } from "../runtime/inputs.js";
import { FORMATS } from "../../core/data/types.js";

const list = z.string().transform((s) =>
  s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean),
);

export const INPUTS = {
  files: { schema: list, required: true, description: "Data files to check (.jsonl, .jsonl.gz, .parquet), one per line or comma-separated; a * in the file name matches within its directory" },
  format: { schema: z.enum(["auto", ...FORMATS], { message: `expected auto, ${FORMATS.join(", ")}` }), description: "Record format: auto (detected per file), chat, instruction, completion, preference or custom (with schema). Default auto" },
  schema: { schema: inputSchemas.string, description: "A JSON Schema file every record must match (implies format custom)" },
  "eval-cases": { schema: list, description: "Eval case files (JSONL {id, input|vars, expected}); training records that match a case are leakage" },
  "allow-leakage": { schema: inputSchemas.boolean, description: "Report leakage as warnings instead of errors. Default false" },
  dedupe: { schema: z.enum(["none", "exact", "near"], { message: "expected none, exact or near" }), description: "Duplicate detection: none, exact or near (MinHash). Default near" },
  "near-threshold": {
    schema: z
      .string()
      .transform(Number)
      .pipe(z.number().gt(0, "expected a number in (0, 1]").lte(1, "expected a number in (0, 1]")),
    description: "Jaccard threshold for near duplicates and near leakage. Default 0.9",
  },
  "fail-on-duplicates": { schema: inputSchemas.boolean, description: "Duplicates are errors, not warnings. Default false" },
  strict: { schema: inputSchemas.boolean, description: "Warnings (BOM, CRLF, blank lines, duplicates) count as errors. Default false" },
  "max-errors": { schema: inputSchemas.positiveInt, description: "Stop after this many errors. Default 1000" },
  "max-annotations": { schema: inputSchemas.positiveInt, description: "Annotate at most this many problems on the PR's files. Default 50" },
  "manifest-path": { schema: inputSchemas.string, description: "Where to write the manifest. Default data-manifest.json next to the first file" },
  "write-manifest": { schema: inputSchemas.boolean, description: "Write the manifest. Default true" },
  "base-ref": { schema: inputSchemas.string, description: "A git revision (e.g. origin/main) whose manifest to compare with: the data diff goes to the job summary and to diff-path (needs fetch-depth: 0)" },
  "fail-on-invalid": { schema: inputSchemas.boolean, description: "Fail the step when the data is invalid. Default true" },
} satisfies InputSpecs;
