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
      "a git revision (e.g. the pull request's base SHA or origin/main) to run the pipeline at as well, in a temporary worktree, restoring what the cache holds; each eval stage's run is then compared with the baseline's under the baseline's gate and the PR comment and HTML report are written to reports/runs/<run-id>/; the run fails when the gate blocks",
  },
  cache: {
    type: { kind: "flag" },
    side: "action",
    why: "the workflow's @actions/cache for the stage cache",
    description: "restore and save stage results with the GitHub Actions cache: true or false",
    actionDefault: "true",
  },
  "cache-dir": { type: { kind: "string" }, side: "both", arg: "DIR", description: "the local stage cache directory", default: ".llmops/cache in the repository" },
  "report-dir": {
    type: { kind: "string" },
    side: "action",
    why: "the report bundle actions/comment posts (the CLI writes the comment and HTML report under reports/runs/<run-id>/)",
    description:
      "with a baseline, write the first eval stage's report bundle here (report.md, comparison.json, report.html, and pull-request.json on pull_request and pull_request_target events): what actions/comment posts, also from a fork's artifact; not under a dot-directory if you upload it (upload-artifact skips hidden paths)",
  },
  "fail-on-block": {
    type: { kind: "flag" },
    side: "action",
    why: "the CLI exits 1 when the gate blocks; a workflow may leave the decision to the check actions/comment publishes",
    description: "fail the step when the gate blocks: true or false; false leaves the decision to the check actions/comment publishes (a stage that fails still fails the step)",
    actionDefault: "true",
  },
  json: { ...json, description: "print the run record as JSON on stdout" },
  quiet: { ...quiet, description: "no progress lines" },
});
