// `llmops run` ↔ actions/pipeline.
import { json, quiet } from "./common.js";
import { defineOptions } from "./spec.js";

export const RUN_OPTIONS = defineOptions("run", {
  pipeline: { type: { kind: "string" }, side: "action", why: "the CLI takes the pipeline as its positional argument", description: "the pipeline: a name under pipelines/ or a path", default: "main" },
  stages: {
    type: { kind: "string", pattern: { re: /^[A-Za-z0-9_,\s-]+$/, expected: "a comma-separated list of stage names" } },
    side: "both",
    arg: "A,B",
    description: "run only these stages (comma-separated); the stages they depend on must be up to date or in the cache (outputs handed over from another job)",
  },
  baseline: {
    type: { kind: "string", min: 1 },
    side: "both",
    arg: "REV",
    description:
      "also run the pipeline as it is at REV (a git revision, e.g. the pull request's base SHA or origin/main) in a temporary worktree, restoring what the cache holds; then compare each eval stage's run with the baseline's under the baseline's gate and write the PR comment and HTML report to reports/runs/<run-id>/; fail when the gate blocks",
  },
  cache: {
    type: { kind: "flag" },
    side: "action",
    why: "the workflow's @actions/cache for the stage cache",
    description: "restore and save stage results with the GitHub Actions cache: true or false",
    actionDefault: "true",
  },
  "cache-dir": { type: { kind: "string" }, side: "both", arg: "DIR", description: "the local stage cache directory", default: ".llmops/cache in the repository" },
  json: { ...json, description: "print the run record as JSON on stdout" },
  quiet: { ...quiet, description: "no progress lines" },
});
