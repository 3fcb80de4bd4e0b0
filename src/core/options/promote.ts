// `llmops promote` / `llmops rollback` ↔ actions/promote.
import { json, quiet, requiredToken } from "./common.js";
import { defineOptions } from "./spec.js";

export const PROMOTE_OPTIONS = defineOptions("promote", {
  tag: { type: { kind: "string" }, side: "both", commands: ["promote"], arg: "TAG", description: "promote what a pushed registry tag asks for: NAME#STAGE#N or NAME@vX.Y.Z", default: { action: "the pushed tag, from GITHUB_REF" } },
  artifact: { type: { kind: "string" }, side: "action", why: "the CLI takes the artifact as its positional argument", description: "promote this artifact instead of a tag (with version and stage, or rollback)" },
  version: { type: { kind: "string" }, side: "both", commands: ["promote"], arg: "vX.Y.Z", description: "the registered version to promote, e.g. v0.1.0" },
  stage: { type: { kind: "string" }, side: "both", commands: ["promote"], arg: "STAGE", description: "the environment (a key of deploy/environments.yaml)" },
  rollback: { type: { kind: "flag" }, side: "action", why: "the CLI has `llmops rollback NAME STAGE`", description: "re-point the stage to the version it held before: true or false", actionDefault: "false" },
  repo: { type: { kind: "string" }, side: "cli", why: "the action promotes in its own repository (GITHUB_REPOSITORY)", arg: "DIR", description: "the repository clone", default: "the current directory" },
  remote: { type: { kind: "string" }, side: "both", arg: "NAME", description: "the git remote for tags, branches and the GitOps change", default: "origin" },
  endpoint: { type: { kind: "url" }, side: "both", arg: "URL", description: "the OpenAI-compatible URL to smoke-test", default: "the environment's endpoint" },
  "gate-check": { type: { kind: "string" }, side: "both", arg: "NAME", description: "the required check that must have passed", default: '"llmops / gate"' },
  token: requiredToken("token for the gate lookup, the pull request and the release (contents: write, pull-requests: write, checks: read)"),
  json,
  quiet,
});
