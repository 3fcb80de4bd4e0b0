// The gate-model action's inputs, declared once: action.yml must list exactly these (contract test).
import { z } from "zod";
import { inputSchemas, type InputSpecs } from "../runtime/inputs.js";

const list = z.string().transform((s) =>
  s
    .split("\n")
    .map((x) => x.replace(/#.*$/, "").trim())
    .filter(Boolean),
);

export const INPUTS = {
  "pr-data": { schema: list, required: true, description: "the pull request's files read as training DATA (repository-relative, one per line): the params file, training specs, committed data files; never the pipeline file or a program" },
  model: { schema: inputSchemas.string, required: true, description: "the model file the stage writes, relative to the repository root (e.g. .llmops/pipeline/model.gguf)" },
  "pr-dir": { schema: inputSchemas.string, description: "the pull request's checkout, read as data only (default .llmops/pr)" },
  pipeline: { schema: inputSchemas.string, description: "the base's pipeline: a name under pipelines/ (default main) or a path" },
  stage: { schema: z.string().regex(/^[A-Za-z0-9_-]+$/, "a stage name"), description: "the stage that writes the model (default export); it and the stages it reads are built" },
  build: { schema: inputSchemas.boolean, description: "true (default): restore or build the models; false: only decide (the gate judges an external endpoint)" },
  cache: { schema: inputSchemas.boolean, description: "true (default): restore stage results from the base branch's GitHub Actions cache (never saves)" },
  "report-dir": { schema: inputSchemas.string, description: "the gate's report bundle directory: gate-model.json and pull-request.json, and report.md when the gate does not judge a model (default llmops-gate-report)" },
  token: { schema: z.string().min(1), required: true, description: "token that reads the pull request, its comments and the commenters' permissions (pull-requests: read)" },
} satisfies InputSpecs;
