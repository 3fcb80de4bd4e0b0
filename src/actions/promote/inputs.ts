// The promote action's inputs, declared once: action.yml must list exactly these (contract test).
import { inputSchemas, type InputSpecs } from "../runtime/inputs.js";

export const INPUTS = {
  tag: { schema: inputSchemas.string, description: "the registry tag to act on (default: the pushed tag, from GITHUB_REF)" },
  artifact: { schema: inputSchemas.string, description: "promote this artifact instead of a tag (with version and stage, or rollback)" },
  version: { schema: inputSchemas.string, description: "the registered version to promote, e.g. v0.1.0" },
  stage: { schema: inputSchemas.string, description: "the environment (a key of deploy/environments.yaml)" },
  rollback: { schema: inputSchemas.boolean, description: "true: re-point the stage to the version it held before" },
  endpoint: { schema: inputSchemas.url, description: "the OpenAI-compatible URL to smoke-test (default: the environment's endpoint)" },
  "gate-check": { schema: inputSchemas.string, description: 'the required check that must have passed (default "llmops / gate")' },
  remote: { schema: inputSchemas.string, description: "the git remote for tags and the GitOps branch (default origin)" },
  token: { schema: inputSchemas.string, required: true, description: "token for the gate lookup, the pull request and the release (contents: write, pull-requests: write, checks: read)" },
} satisfies InputSpecs;
