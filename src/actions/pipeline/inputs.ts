// The pipeline action's inputs, declared once: action.yml must list exactly these (contract test).
import { z } from "zod";
import { inputSchemas, type InputSpecs } from "../runtime/inputs.js";

export const INPUTS = {
  pipeline: { schema: inputSchemas.string, description: "the pipeline: a name under pipelines/ (default main) or a path" },
  stages: { schema: z.string().regex(/^[A-Za-z0-9_,\s-]+$/, "a comma-separated list of stage names"), description: "run only these stages (comma-separated); the stages they read must be up to date or cached" },
  baseline: { schema: z.string().min(1), description: "a git revision to compare with (e.g. the pull request's base SHA): its stages are restored from the cache, compared, gated and reported" },
  cache: { schema: inputSchemas.boolean, description: "true (default) to restore and save stage results with the GitHub Actions cache" },
  "cache-dir": { schema: inputSchemas.string, description: "the local stage cache directory (default .llmops/cache)" },
  "report-dir": {
    schema: inputSchemas.string,
    description: "with a baseline: write the first eval stage's report bundle here (report.md, comparison.json, report.html, and pull-request.json on pull_request and pull_request_target events), the bundle actions/comment posts and llmops-pr-comment.yml accepts from a fork's artifact",
  },
  "fail-on-block": { schema: inputSchemas.boolean, description: "fail the step when the gate blocks (default true); false leaves the decision to the check actions/comment publishes" },
} satisfies InputSpecs;
