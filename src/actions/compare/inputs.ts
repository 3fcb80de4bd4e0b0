// Inputs of actions/compare (convention: INPUTS in src/actions/<name>/inputs.ts, checked against
// actions/<name>/action.yml by the contract test).
import { z } from "zod";
import { inputSchemas, type InputSpecs } from "../runtime/inputs.js";

export const INPUTS = {
  baseline: { schema: inputSchemas.string, required: true, description: "Eval run directory of the baseline (results.jsonl, summary.json), e.g. the evaluate action's results-dir on the base commit" },
  candidate: { schema: inputSchemas.string, required: true, description: "Eval run directory of the candidate (the pull request)" },
  policy: {
    schema: inputSchemas.string,
    description: "Gate policy YAML, or a suite file with a gate: key; default: max_regression 0.02 on every metric both runs share",
  },
  out: { schema: inputSchemas.string, description: "Directory for the report bundle: comparison.json, report.md, pull-request.json (default: llmops-report)" },
  "fail-on-block": {
    schema: inputSchemas.boolean,
    description: "Fail this step when the gate blocks (fail, or inconclusive under inconclusive: fail): true or false (default true)",
  },
  title: { schema: z.string().min(1).max(200), description: 'Heading of the report (default: "llmops eval: <suite name>")' },
  "prompts-base-dir": {
    schema: inputSchemas.string,
    description:
      "A checkout of the pull request's base (e.g. .llmops/base): the comment then shows the prompts/ files the PR changes against it, with their rendered diffs on the first cases of the suites in evals/ that use them",
  },
  "prompts-head-dir": { schema: inputSchemas.string, description: "the checkout whose prompts are under review (default: the workspace); with prompts-base-dir: the workspace (e.g. .llmops/pr in a pull_request_target gate, read as data)" },
} satisfies InputSpecs;
