// The evaluate action's inputs, declared once: action.yml must list exactly these (contract test).
import { z } from "zod";
import { inputSchemas, type InputSpecs } from "../runtime/inputs.js";

export const INPUTS = {
  suite: { schema: inputSchemas.string, required: true, description: "path of the eval suite YAML, e.g. evals/qa.yaml" },
  yardstick: { schema: inputSchemas.string, description: "a trusted suite (the base branch's) supplying cases, scorers, repeats and the endpoint; `suite` then contributes only its prompt templates and sampling parameters" },
  out: { schema: inputSchemas.string, description: "run directory for results.jsonl and summary.json (default .llmops/eval/<suite name>)" },
  "base-url": { schema: inputSchemas.url, description: "override the suite's target.base_url, e.g. http://127.0.0.1:8000/v1" },
  "serve-model": { schema: inputSchemas.string, description: "a GGUF model file to serve with llmops serve on a free loopback port for this evaluation only (replaces base-url; served under a name carrying its content hash; stopped afterwards)" },
  model: { schema: z.string().min(1), description: "override the suite's target.model" },
  concurrency: { schema: inputSchemas.positiveInt, description: "override the suite's concurrency limit" },
  "no-cache": { schema: inputSchemas.boolean, description: "true to skip the response cache" },
  "cache-dir": { schema: inputSchemas.string, description: "response cache directory outside the workspace (default: the runner's tool cache, else its temp directory)" },
} satisfies InputSpecs;
