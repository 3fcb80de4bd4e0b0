// `llmops train` ↔ actions/train.
import { json, quiet, token } from "./common.js";
import { defineOptions } from "./spec.js";

export const TRAIN_OPTIONS = defineOptions("train", {
  spec: { type: { kind: "string" }, side: "action", why: "the CLI takes the spec as its positional argument", required: true, description: "path of the training spec (YAML), relative to the workspace" },
  overrides: {
    type: { kind: "list" },
    side: "both",
    flag: "set",
    arg: "KEY=VALUE",
    description: "override a spec field (dotted path, YAML value), e.g. max_steps=50 or lora.r=8; repeat --set on the CLI, one per line in an action",
  },
  out: { type: { kind: "string" }, side: "both", arg: "DIR", description: "output directory", default: ".llmops/train/<spec name>" },
  resume: { type: { kind: "flag" }, side: "both", description: "continue from the newest checkpoint in the output directory (same spec required)" },
  "dry-run": { type: { kind: "flag" }, side: "both", description: "render the trainer config and run the preflight checks only" },
  "runner-guard": {
    type: { kind: "enum", values: ["enforce", "off"] },
    side: "action",
    why: "self-hosted runner protection exists only in a workflow",
    description:
      "self-hosted runner protection. enforce: on a self-hosted runner, refuse code that is not provably trusted (fork PRs, untrusted authors without a collaborator's /llmops train <sha> approval, unknown events, an unreadable event file, an unset RUNNER_ENVIRONMENT); off: only for a private repository whose every contributor may run code on the runner",
    actionDefault: "enforce",
  },
  token: token("token the runner guard uses to check a pull request's author and approvals (needs pull-requests: read)"),
  json,
  quiet: { ...quiet, description: "no progress output" },
});
