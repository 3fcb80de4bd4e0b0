// Inputs of actions/comment. By convention every action exports its spec as INPUTS from
// src/actions/<name>/inputs.ts; a contract test checks it against actions/<name>/action.yml.
import { z } from "zod";
import { inputSchemas, type InputSpecs } from "../runtime/inputs.js";

export const INPUTS = {
  "report-path": {
    schema: inputSchemas.string,
    required: true,
    description: "The report to post: a markdown file, or a report bundle directory (report.md, comparison.json, pull-request.json) as written by actions/compare or downloaded from its artifact",
  },
  token: {
    schema: inputSchemas.string,
    required: true,
    description: "Token that posts the comment (needs pull-requests: write; checks: write or statuses: write for the check)",
  },
  "pr-number": {
    schema: inputSchemas.positiveInt,
    description: "Pull request to comment on; default: the event's pull request, or the bundle's pull-request.json (verified against the API in workflow_run jobs)",
  },
  "comment-key": {
    schema: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, "expected letters, digits, '.', '_', '/', '-'"),
    description: "Key of the sticky comment's hidden marker; use different keys for several reports on one PR (default: llmops)",
  },
  "comment-author": {
    schema: inputSchemas.string,
    description: "Login whose comments count as ours (default: the token's identity; github-actions[bot] for the workflow token)",
  },
  check: {
    schema: inputSchemas.boolean,
    description: "Also publish the gate as a check run (or a commit status where check runs are not allowed): true or false (default true)",
  },
  "check-name": {
    schema: z.string().min(1).max(100),
    description: "Name of the check run / status context (default: llmops / gate)",
  },
  verdict: {
    schema: z.enum(["pass", "fail", "inconclusive"], { message: "expected pass, fail or inconclusive" }),
    description: "The gate's verdict when the report has no comparison.json: pass, fail or inconclusive",
  },
} satisfies InputSpecs;
