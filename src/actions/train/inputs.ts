// Inputs of actions/train (convention: INPUTS in src/actions/<name>/inputs.ts, checked against
// actions/train/action.yml by the contract test).
import { z } from "zod";
import { inputSchemas, type InputSpecs } from "../runtime/inputs.js";

export const INPUTS = {
  spec: { schema: inputSchemas.string, required: true, description: "Path of the training spec (YAML), relative to the workspace" },
  overrides: { schema: z.string(), description: "Spec overrides, one key=value per line (dotted paths, YAML values), e.g. max_steps=50" },
  out: { schema: inputSchemas.string, description: "Output directory (default .llmops/train/<spec name>)" },
  resume: { schema: inputSchemas.boolean, description: "Continue from the newest checkpoint in the output directory (true/false, default false)" },
  "dry-run": { schema: inputSchemas.boolean, description: "Render the trainer config and run preflight only (true/false, default false)" },
  "runner-guard": {
    schema: z.enum(["enforce", "off"], { message: "expected enforce or off" }),
    description: "enforce (default): on a self-hosted runner, refuse code that is not provably trusted (fork PRs, untrusted authors without a collaborator's /llmops train <sha> approval, unknown events, an unreadable event file, an unset RUNNER_ENVIRONMENT); off: only for a private repository whose every contributor may run code on the runner",
  },
  token: { schema: inputSchemas.string, description: "Token the runner guard uses to check a pull request's author and approvals (needs pull-requests: read; default: the workflow token)" },
} satisfies InputSpecs;
