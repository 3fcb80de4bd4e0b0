#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  loadPipeline,
  openWorkspace,
  pipelinePathFor,
  planPipeline
} from "./chunk-GST47YQU.js";
import {
  repoRoot
} from "./chunk-IGCEIUN2.js";
import "./chunk-6W2UH7JM.js";
import "./chunk-466LK4FJ.js";
import "./chunk-OMAMCZPV.js";
import "./chunk-XJB2EXL5.js";
import "./chunk-6SZRFP6W.js";
import "./chunk-GUNOHTC3.js";
import "./chunk-UO2TN4KU.js";
import "./chunk-XYQJ7XHL.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import "./chunk-U3RUJJS6.js";
import "./chunk-XQ6Z47X5.js";
import "./chunk-LXVW643N.js";
import "./chunk-TQEUFEDE.js";

// src/cli/commands/status.ts
var statusCommand = {
  name: "status",
  maxPositionals: 1,
  summary: "say which pipeline stages would run, come from the cache or are up to date, and why",
  help: `
usage: llmops status [pipeline] [--cache-dir DIR] [--json]

For each stage of pipelines/<pipeline>.yaml (default: main; or a path), in run order:
  up-to-date   its outputs here are what its current key produced
  cached       its key is in the stage cache: a run restores it
  run          a run computes it, because (for example) "modified: data/train.jsonl",
               "parameter lr: 0.003 \u2192 0.03", "upstream stage train changed", "never ran here"
Exit code 0 when nothing would run, 1 when something would (scripts can test it).

options:
  --cache-dir DIR    the stage cache (default .llmops/cache in the repository)
  --json             the same as JSON: {pipeline, stages: [{name, key, status, reasons}]}
  -h, --help         this help
`,
  options: { "cache-dir": { type: "string" }, json: { type: "boolean" }, quiet: { type: "boolean", short: "q" } },
  async run(ctx, { values, positionals }) {
    const root = repoRoot(ctx.cwd);
    const file = pipelinePathFor(positionals[0], root, ctx.cwd);
    const p = loadPipeline(file, root);
    const ws = openWorkspace(root, p.name, typeof values["cache-dir"] === "string" ? ctx.resolvePath(values["cache-dir"]) : void 0);
    const plans = await planPipeline(p, ws);
    const stages = plans.map((pl) => ({ name: pl.stage.name, key: pl.key, status: pl.status, reasons: pl.reasons, upstream: pl.stage.upstream }));
    const pending = stages.some((s) => s.status !== "up-to-date");
    if (values.json) ctx.printJson({ pipeline: p.name, file: p.file, up_to_date: !pending, stages });
    else {
      for (const s of stages) {
        ctx.stdout.write(`${s.status.padEnd(11)} ${s.name}${s.reasons.length ? `
              ${s.reasons.join("\n              ")}` : ""}
`);
      }
      ctx.stdout.write(pending ? `${stages.filter((s) => s.status === "run").length} stage(s) to run, ${stages.filter((s) => s.status === "cached").length} to restore from the cache: llmops run ${positionals[0] ?? ""}`.trimEnd() + "\n" : "everything is up to date\n");
    }
    return pending ? 1 : 0;
  }
};
export {
  statusCommand
};
