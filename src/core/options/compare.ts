// `llmops compare` and `llmops gate` ↔ actions/compare (which compares, gates and renders the report).
import { json, quiet } from "./common.js";
import { reportTitle } from "./report.js";
import { defineOptions } from "./spec.js";

export const COMPARE_OPTIONS = defineOptions("compare", {
  baseline: { type: { kind: "string" }, side: "both", arg: "DIR", required: true, description: "eval run directory of the baseline (results.jsonl, summary.json), e.g. the evaluate action's results-dir on the base commit" },
  candidate: { type: { kind: "string" }, side: "both", arg: "DIR", required: true, description: "eval run directory of the candidate (the pull request)" },
  policy: {
    type: { kind: "string" },
    side: "both",
    arg: "FILE",
    description: "gate policy YAML, or a suite file with a gate: key",
    default: { cli: "llmops gate: max_regression 0.02 on every metric both runs share; llmops compare: no gate (with a policy it gates too, and exits 1 when the gate blocks)", action: "max_regression 0.02 on every metric both runs share" },
  },
  out: {
    type: { kind: "string" },
    side: "both",
    arg: "DIR",
    description: "directory for the report bundle: comparison.json and report.md (and pull-request.json in an action)",
    default: { cli: ".llmops/comparison for compare; gate writes nothing without it" },
    actionDefault: "llmops-report",
  },
  "prompts-base": {
    type: { kind: "string", min: 1 },
    side: "cli",
    commands: ["compare"],
    why: "the CLI diffs the working tree's prompts against a git revision; the action against a base checkout (prompts-base-dir)",
    arg: "REV",
    description: "report.md also shows the prompts/ files this working tree changes against the git revision REV, rendered on the first cases of the suites in evals/",
  },
  control: { type: { kind: "string" }, side: "cli", commands: ["compare"], why: "k-arm comparisons are a local analysis", arg: "[NAME=]DIR", description: "the control arm of a k-arm comparison (with --arm)" },
  arm: {
    type: { kind: "list" },
    side: "cli",
    commands: ["compare"],
    why: "pairs with --control",
    arg: "[NAME=]DIR",
    description: "a variant arm (repeatable): every pair compared, Holm across pairs × metrics, a winner per metric only when its interval excludes the control and every rival; writes arms.json and arms.md",
  },
  plan: {
    type: { kind: "string" },
    side: "cli",
    commands: ["gate"],
    why: "a power analysis before running, on a terminal",
    arg: "SUITE",
    description: "size SUITE's cases for the gate instead of comparing runs",
  },
  "fail-on-block": {
    type: { kind: "flag" },
    side: "action",
    why: "llmops gate always exits 1 when the gate blocks; llmops compare does with --policy",
    description: "fail this step when the gate blocks (fail, or inconclusive under inconclusive: fail): true or false",
    actionDefault: "true",
  },
  title: { ...reportTitle, side: "action", why: "the CLI sets it when it renders: llmops report --title" },
  "prompts-base-dir": {
    type: { kind: "string" },
    side: "action",
    why: "the CLI diffs prompts against a git revision when it renders: llmops report --prompts-base REV",
    description:
      "a checkout of the pull request's base (e.g. .llmops/base): the comment then shows the prompts/ files the PR changes against it, with their rendered diffs on the first cases of the suites in evals/ that use them",
  },
  "prompts-head-dir": {
    type: { kind: "string" },
    side: "action",
    why: "the trusted gate reads the PR's prompts from a data-only checkout; the CLI reads the working tree",
    description: "the checkout whose prompts are under review; in a pull_request_target gate, the PR's files (e.g. .llmops/pr, read as data) with prompts-base-dir: .",
    default: "the workspace",
  },
  json: { ...json, description: "print comparison.json (arms.json) on stdout instead of the summary" },
  quiet,
});
