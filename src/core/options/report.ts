// `llmops report` ↔ actions/comment: the CLI renders a comparison, the action posts a rendered bundle.
import { json, quiet, requiredToken } from "./common.js";
import { defineOptions, type OptionDef } from "./spec.js";

const RENDER = "file outputs of rendering; the action posts the bundle actions/compare rendered";
const POSTING = "posting to a pull request; the CLI posts nothing";

/** The report's heading: `llmops report --title`, actions/compare's title. */
export const reportTitle = {
  type: { kind: "string", min: 1, max: 200 },
  side: "cli",
  why: "set when the bundle is rendered (actions/compare's title)",
  description: "heading of the report",
  default: '"llmops eval: <suite name>"',
} as const satisfies OptionDef;

export const REPORT_OPTIONS = defineOptions("report", {
  comparison: { type: { kind: "string" }, side: "cli", why: "the CLI renders from comparison.json; the action posts a finished bundle (report-path)", arg: "FILE", description: "the comparison.json to render, or the compare --out DIR holding it (required)" },
  markdown: { type: { kind: "string" }, side: "cli", why: RENDER, arg: "OUT", description: "write the PR comment (fits GitHub's 65,536-character limit)" },
  summary: { type: { kind: "string" }, side: "cli", why: RENDER, arg: "OUT", description: "write the job summary markdown" },
  html: { type: { kind: "string" }, side: "cli", why: RENDER, arg: "OUT", description: "write the self-contained HTML report (no network; open it in a browser)" },
  baseline: { type: { kind: "string" }, side: "cli", why: "rendering reads the runs; the action reads a finished bundle", arg: "DIR", description: "the baseline eval run directory", default: "as recorded in the comparison" },
  candidate: { type: { kind: "string" }, side: "cli", why: "rendering reads the runs; the action reads a finished bundle", arg: "DIR", description: "the candidate eval run directory", default: "as recorded in the comparison" },
  "run-url": { type: { kind: "string" }, side: "cli", why: "a link the action takes from the workflow run itself", arg: "URL", description: "link to the workflow run, shown in the footer (http/https only)" },
  title: { ...reportTitle, arg: "TEXT" },
  "max-chars": {
    type: { kind: "int", min: 1000 },
    side: "cli",
    why: "the action's limit is GitHub's comment limit",
    arg: "N",
    description: "limit for the comment",
    default: "65024; GitHub allows 65536, 512 are left for the poster",
  },
  "prompts-base": {
    type: { kind: "string" },
    side: "cli",
    why: "the prompt diff goes into the report when it is rendered; the comment action posts a finished bundle (actions/compare renders it: prompts-base-dir)",
    arg: "REV",
    description: "add the prompts that differ from git revision REV, with their rendered diffs (`llmops prompts diff`), to the comment and the summary",
  },
  json: { ...json, description: "print what was written (paths, verdict, sizes) as JSON on stdout; with no output option the comment markdown is a field of it" },
  quiet,
  "report-path": {
    type: { kind: "string" },
    side: "action",
    why: "the bundle to post",
    required: true,
    description: "the report to post: a markdown file, or a report bundle directory (report.md, comparison.json, pull-request.json) as written by actions/compare or downloaded from its artifact",
  },
  token: requiredToken("token that posts the comment (needs pull-requests: write; checks: write or statuses: write for the check)"),
  "pr-number": {
    type: { kind: "int", min: 1 },
    side: "action",
    why: POSTING,
    description: "pull request to comment on",
    default: "the event's pull request, or the bundle's pull-request.json (verified against the API in workflow_run jobs)",
  },
  "comment-key": {
    type: { kind: "string", pattern: { re: /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, expected: "letters, digits, '.', '_', '/', '-'" } },
    side: "action",
    why: POSTING,
    description: "key of the sticky comment's hidden marker; use different keys for several reports on one PR",
    actionDefault: "llmops",
  },
  "comment-author": {
    type: { kind: "string" },
    side: "action",
    why: POSTING,
    description: "login whose comments count as ours",
    default: "the token's identity; github-actions[bot] for the workflow token",
  },
  check: {
    type: { kind: "flag" },
    side: "action",
    why: "posting a check run",
    description: "also publish the gate as a check run (or a commit status where check runs are not allowed): true or false",
    actionDefault: "true",
  },
  "check-name": { type: { kind: "string", min: 1, max: 100 }, side: "action", why: "posting a check run", description: "name of the check run / status context", actionDefault: "llmops / gate" },
  verdict: {
    type: { kind: "enum", values: ["pass", "fail", "inconclusive"] },
    side: "action",
    why: "posting a check run",
    description: "the gate's verdict when the report has no comparison.json: pass, fail or inconclusive",
  },
});
