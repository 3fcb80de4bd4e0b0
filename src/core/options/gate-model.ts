// actions/gate-model: the trusted gate's model build. It has no CLI counterpart (on a laptop,
// `llmops run` builds the pipeline from the working tree), so every option is the action's.
import { requiredToken } from "./common.js";
import { defineOptions } from "./spec.js";

const WORKFLOW = "the trusted gate (pull_request_target) builds the PR's model from the base's code; on a laptop `llmops run` builds the working tree";

export const GATE_MODEL_OPTIONS = defineOptions("gate-model", {
  "pr-data": {
    type: { kind: "list", comments: true },
    side: "action",
    why: WORKFLOW,
    required: true,
    description: "the pull request's files read as training DATA (repository-relative, one per line, # comments): the params file, training specs, committed data files; never the pipeline file or a program",
  },
  model: { type: { kind: "string" }, side: "action", why: WORKFLOW, required: true, description: "the model file the stage writes, relative to the repository root (e.g. .llmops/pipeline/model.gguf)" },
  "pr-dir": { type: { kind: "string" }, side: "action", why: WORKFLOW, description: "the pull request's checkout, read as data only", default: ".llmops/pr" },
  pipeline: { type: { kind: "string" }, side: "action", why: WORKFLOW, description: "the base's pipeline: a name under pipelines/ or a path", default: "main" },
  stage: {
    type: { kind: "string", pattern: { re: /^[A-Za-z0-9_-]+$/, expected: "a stage name" } },
    side: "action",
    why: WORKFLOW,
    description: "the stage that writes the model; it and the stages it reads are built",
    default: "export",
  },
  build: { type: { kind: "flag" }, side: "action", why: WORKFLOW, description: "restore or build the models (true), or only decide (false: the gate judges an external endpoint)", default: "true" },
  cache: { type: { kind: "flag" }, side: "action", why: WORKFLOW, description: "restore stage results from the base branch's GitHub Actions cache (never saves): true or false", default: "true" },
  "report-dir": {
    type: { kind: "string" },
    side: "action",
    why: WORKFLOW,
    description: "the gate's report bundle directory: gate-model.json and pull-request.json, and report.md when the gate does not judge a model",
    default: "llmops-gate-report",
  },
  token: requiredToken("token that reads the pull request, its comments and the commenters' permissions (pull-requests: read)"),
});
