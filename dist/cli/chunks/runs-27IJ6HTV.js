#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  readRunRecords
} from "./chunk-RZWDOTXJ.js";
import {
  repoRoot
} from "./chunk-IGCEIUN2.js";
import "./chunk-466LK4FJ.js";
import "./chunk-OMAMCZPV.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import "./chunk-U3RUJJS6.js";
import {
  intOption
} from "./chunk-OYI2I6OM.js";
import "./chunk-XQ6Z47X5.js";
import "./chunk-LXVW643N.js";
import "./chunk-TQEUFEDE.js";

// src/cli/commands/runs.ts
var runsCommand = {
  name: "runs",
  maxPositionals: 0,
  summary: "list recent pipeline runs (reports/runs/*/run.json)",
  help: `
usage: llmops runs [--limit N] [--json]

Lists the pipeline runs recorded in reports/runs/, newest first: when, which
pipeline at which commit, the outcome, how many stages ran or came from the cache,
the baseline and gate verdicts of a --baseline run.

options:
  --limit N     at most N runs (default 20)
  --json        the run records as a JSON array
  -h, --help    this help
`,
  options: { limit: { type: "string" }, json: { type: "boolean" }, quiet: { type: "boolean", short: "q" } },
  async run(ctx, { values }) {
    const limit = intOption(values, "limit") ?? 20;
    const { runs, unreadable } = readRunRecords(repoRoot(ctx.cwd));
    for (const u of unreadable) ctx.logger.warn(`${u}; skipped`);
    const shown = runs.filter((r) => !r.run_id.endsWith("-baseline")).slice(0, limit);
    if (values.json) {
      ctx.printJson(shown);
      return 0;
    }
    if (!shown.length) {
      ctx.stdout.write("no pipeline runs recorded yet (llmops run writes reports/runs/<run-id>/run.json)\n");
      return 0;
    }
    for (const r of shown) {
      const n = (o) => r.stages.filter((s) => s.outcome === o).length;
      const gate = r.baseline ? `  vs ${r.baseline.rev} (${r.baseline.commit.slice(0, 7)}): ${r.baseline.comparisons.map((c) => `${c.stage} ${c.verdict.toUpperCase()}`).join(", ") || "no comparison"}` : "";
      ctx.stdout.write(
        `${r.run_id}  ${r.pipeline.name.padEnd(10)} ${(r.commit ?? "no git").slice(0, 7)}${r.dirty ? "+" : " "} ${r.status.padEnd(11)} ran ${n("ran")}, cached ${n("restored")}, up to date ${n("up-to-date")}${n("failed") ? `, failed ${n("failed")}` : ""}  ${r.duration_s.toFixed(1)}s${gate}
`
      );
    }
    return 0;
  }
};
export {
  runsCommand
};
