// Every subcommand, in the order `llmops --help` lists them. Adding one is a file and a line here.
// Each is loaded only when run (a separate chunk of the bundle), so `llmops --help`, `--version`
// and usage errors start near Node's own start-up; commands.test.ts checks each summary here
// against its module's.
import type { Command } from "./command.js";

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: "data", summary: "validate, clean, dedupe, split, version and describe datasets (JSONL, JSONL.gz, Parquet)", load: async () => (await import("./commands/data.js")).dataCommand },
  { name: "train", summary: "train a model from a training spec (reference trainer, axolotl, torchtune, or a command)", load: async () => (await import("./commands/train.js")).trainCommand },
  { name: "eval", summary: "run an eval suite against an OpenAI-compatible server", load: async () => (await import("./commands/eval.js")).evalCommand },
  { name: "compare", summary: "compare a candidate eval run with a baseline (paired statistics, flips, deltas)", load: async () => (await import("./commands/compare.js")).compareCommand },
  { name: "gate", summary: "decide pass/fail/inconclusive for a candidate run against a baseline under a policy", load: async () => (await import("./commands/gate.js")).gateCommand },
  { name: "report", summary: "render a comparison as PR-comment markdown, a job summary and a self-contained HTML report", load: async () => (await import("./commands/report.js")).reportCommand },
  { name: "export", summary: "export a model as GGUF (f32, f16, bf16, q8_0, q4_0; K-quants via llama-quantize), or AWQ/GPTQ via llm-compressor", load: async () => (await import("./commands/export.js")).exportCommand },
  { name: "serve", summary: "serve a GGUF model as an OpenAI-compatible API (llama.cpp)", load: async () => (await import("./commands/serve.js")).serveCommand },
  { name: "run", summary: "run a pipeline: only the stages its changes require, the rest from the stage cache", load: async () => (await import("./commands/run.js")).runCommand },
  { name: "status", summary: "say which pipeline stages would run, come from the cache or are up to date, and why", load: async () => (await import("./commands/status.js")).statusCommand },
  { name: "runs", summary: "list recent pipeline runs (reports/runs/*/run.json)", load: async () => (await import("./commands/runs.js")).runsCommand },
  { name: "prompts", summary: "lint, render and diff the prompt templates in prompts/ (variables, cases, token budgets)", load: async () => (await import("./commands/prompts.js")).promptsCommand },
  { name: "init", summary: "write a starter eval suite, prompt, pipeline and workflows into this repository", load: async () => (await import("./commands/init.js")).initCommand },
  { name: "registry", summary: "model versions and stages as annotated git tags (GTO-compatible), with evidence", load: async () => (await import("./commands/registry.js")).registryCommand },
  { name: "promote", summary: "promote a registered version to a stage: evidence, gate, GitOps change, smoke test, release", load: async () => (await import("./commands/promote.js")).promoteCommand },
  { name: "rollback", summary: "re-point a stage to the version it held before, through the same evidence-checked path", load: async () => (await import("./commands/promote.js")).rollbackCommand },
];
