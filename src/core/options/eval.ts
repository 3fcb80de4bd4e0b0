// `llmops eval` ↔ actions/evaluate: one table of options (src/core/options/spec.ts).
import { json, quiet } from "./common.js";
import { defineOptions } from "./spec.js";

export const EVAL_OPTIONS = defineOptions("eval", {
  suite: { type: { kind: "string" }, side: "action", why: "the CLI takes the suite as its positional argument", required: true, description: "path of the eval suite YAML, e.g. evals/qa.yaml" },
  yardstick: {
    type: { kind: "string" },
    side: "action",
    why: "the trusted-gate split of a base suite and a PR's prompts exists only in the workflow",
    description: "a trusted suite (the base branch's) supplying cases, scorers, repeats and the endpoint; `suite` then contributes only its prompt templates and sampling parameters",
  },
  out: {
    type: { kind: "string" },
    side: "both",
    arg: "DIR",
    description: "run directory for results.jsonl and summary.json",
    default: { cli: ".llmops/eval/<suite name>, or <suite name>@<variant>", action: ".llmops/eval/<suite name>" },
  },
  variant: {
    type: { kind: "string", min: 1 },
    side: "cli",
    why: "names an arm for `llmops compare --arm` on a laptop; the action's arms are separate steps",
    arg: "NAME",
    description: "evaluate the suite's variant NAME (its prompt, model, params) on the same cases; compare variants with llmops compare --control DIR --arm NAME=DIR",
  },
  "base-url": { type: { kind: "url" }, side: "both", arg: "URL", description: "override the suite's target.base_url, e.g. http://127.0.0.1:8000/v1" },
  "serve-model": {
    type: { kind: "string" },
    side: "action",
    why: "serves a GGUF for one workflow step; on a laptop `llmops serve` runs beside `llmops eval --base-url`, or a pipeline's service does",
    description: "a GGUF model file to serve with llmops serve on a free loopback port for this evaluation only (replaces base-url; served under a name carrying its content hash; stopped afterwards)",
  },
  model: { type: { kind: "string", min: 1 }, side: "both", arg: "NAME", description: "override the suite's target.model" },
  concurrency: { type: { kind: "int", min: 1 }, side: "both", arg: "N", description: "override the suite's concurrency limit" },
  limit: {
    type: { kind: "int", min: 1 },
    side: "cli",
    why: "a quick local try on the first N cases; a gate in CI must see every case, so the action has no way to cut the suite",
    arg: "N",
    description: "evaluate only the first N cases",
  },
  shard: {
    type: { kind: "string" },
    side: "cli",
    why: "a matrix shard is run by the CLI in each matrix job (docs/evaluation.md); the action evaluates whole suites",
    arg: "I/N",
    description: "evaluate only shard I of N (case i goes to shard i mod N + 1); writes shard.json beside the results, for `eval merge`",
  },
  "dry-run": { type: { kind: "flag" }, side: "cli", why: "shows the plan and the first request on a terminal", description: "print the plan and the first request; send nothing" },
  timeout: {
    type: { kind: "list" },
    side: "cli",
    why: "per-phase deadlines are tuned locally; CI keeps the suite's own",
    arg: "P=S",
    description: "deadline for phase P in seconds (repeatable): connect, headers, first_token, idle (adaptive maxima) or request (the whole request)",
  },
  "fixed-timeouts": { type: { kind: "flag" }, side: "cli", why: "pairs with --timeout", description: "do not adapt the headers/first_token/idle deadlines to the run" },
  hedge: {
    type: { kind: "enum", values: ["auto", "on", "off"] },
    side: "cli",
    why: "hedging is tuned locally; the action keeps the default (auto)",
    description: "send a second copy of a silent request (auto: on for a server on this machine, off for remote/paid APIs)",
    default: "auto",
  },
  "exact-percentiles": {
    type: { kind: "flag" },
    side: "cli",
    why: "a local diagnostic of latency percentiles",
    description: "exact latency percentiles however many records (8 bytes each); by default past 4,096 a sketch within 0.5% is used",
  },
  "no-cache": { type: { kind: "flag" }, side: "both", description: "skip the response cache: neither read nor write it", actionDefault: "false" },
  "cache-dir": {
    type: { kind: "string" },
    side: "both",
    arg: "DIR",
    description: "response cache directory; in an action it must lie outside the workspace",
    default: { cli: "~/.cache/llmops/responses, on a runner its tool cache or temp directory; env LLMOPS_CACHE_DIR", action: "the runner's tool cache, else its temp directory" },
  },
  json: { ...json, description: "print the summary as JSON on stdout" },
  quiet,
});
