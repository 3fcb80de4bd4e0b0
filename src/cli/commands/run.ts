// `llmops run [pipeline]`: run a pipeline's stages that its changes require, restoring the rest
// from the stage cache; with --baseline REV, also the pipeline at REV (from the cache where it can)
// and the comparison, gate and report between the two.
import { abortOnSignals } from "../../app/process/abort-on-signals.js";
import { pipelinePathFor } from "../../app/pipeline/load-pipeline.js";
import { repoRoot } from "../../app/pipeline/repo-root.js";
import { runPipeline } from "../../app/pipeline/run-pipeline.js";
import { runWithBaseline } from "../../app/pipeline/run-baseline.js";
import type { PipelineRun } from "../../core/contracts/pipeline-run.js";
import type { Command } from "../command.js";
import { RUN_OPTIONS } from "../../core/options/run.js";
import { cliParseConfig, readCliValues, renderCliHelp } from "../../core/options/spec.js";
import type { CliContext } from "../context.js";
import { displayPath } from "./data-common.js";

export const runCommand: Command = {
  name: "run",
  maxPositionals: 1,
  summary: "run a pipeline: only the stages its changes require, the rest from the stage cache",
  help: `
usage: llmops run [pipeline] [--stages a,b] [--baseline REV] [options]

Runs pipelines/<pipeline>.yaml (default: main; or a path). Each stage's key is the
hash of its definition, the contents of its dependencies, its parameters, the
llmops version and its upstream stages' keys. A stage whose outputs here match its
key is up to date; one whose key is in the stage cache is restored (every file
verified); the rest run, and their outputs are stored under their keys. A failing
stage stops the stages that depend on it; finished outputs stay, and running the
same command again continues from there. Writes reports/runs/<run-id>/run.json.

options:
${renderCliHelp(RUN_OPTIONS)}

Exit codes: 0 every stage done (and the gate passed), 1 a stage failed or the gate
blocked, 2 a configuration or usage error.
`,
  options: cliParseConfig(RUN_OPTIONS),
  async run(ctx, { values, positionals }) {
    const root = repoRoot(ctx.cwd);
    const pipelineFile = pipelinePathFor(positionals[0], root, ctx.cwd);
    const v = readCliValues(RUN_OPTIONS, values);
    const stages = v.stages !== undefined ? v.stages.split(",").map((s) => s.trim()).filter(Boolean) : undefined;
    const cacheDir = v["cache-dir"] !== undefined ? ctx.resolvePath(v["cache-dir"]) : undefined;
    const common = { root, pipelineFile, ...(stages ? { stages } : {}), ...(cacheDir ? { cacheDir } : {}), llmops: [process.execPath, process.argv[1]!], env: ctx.env, logger: ctx.logger };
    return abortOnSignals("interrupted", async (signal) => {
      const t0 = performance.now();
      if (v.baseline !== undefined) {
        const r = await runWithBaseline({ ...common, signal, baselineRev: v.baseline });
        if (values.json) ctx.printJson(r.run);
        else {
          printRun(ctx, r.run, r.recordPath, t0);
          for (const c of r.run.baseline?.comparisons ?? []) {
            ctx.stdout.write(`${c.stage}: gate ${c.verdict.toUpperCase()} against ${values.baseline} (${r.run.baseline!.commit.slice(0, 7)})\n  comment: ${displayPath(ctx, c.comment)}\n  report:  ${displayPath(ctx, c.html)}\n`);
          }
        }
        return r.run.status === "passed" ? 0 : 1;
      }
      const r = await runPipeline({ ...common, signal });
      if (values.json) ctx.printJson(r.run);
      else printRun(ctx, r.run, r.recordPath, t0);
      return r.run.status === "passed" ? 0 : 1;
    });
  },
};

export function printRun(ctx: CliContext, run: PipelineRun, recordPath: string, t0: number): void {
  const count = (o: string) => run.stages.filter((s) => s.outcome === o).length;
  const ran = count("ran");
  const wall = (performance.now() - t0) / 1000;
  const lines = run.stages.map((s) => `  ${s.outcome.padEnd(12)} ${s.name.padEnd(14)} ${s.duration_s.toFixed(1).padStart(6)}s  ${s.reason}`);
  const tail =
    ran === 0 && run.status === "passed"
      ? `nothing to run: every stage came from the cache or was up to date (${wall.toFixed(2)}s)`
      : `${ran} ran, ${count("restored")} restored from the cache, ${count("up-to-date")} up to date${count("failed") ? `, ${count("failed")} FAILED` : ""}${count("skipped") ? `, ${count("skipped")} skipped` : ""} (${wall.toFixed(1)}s)`;
  ctx.stdout.write(`pipeline ${run.pipeline.name}: ${run.status}\n${lines.join("\n")}\n${tail}\nrun record: ${displayPath(ctx, recordPath)}\n`);
  if (run.status === "failed") ctx.stdout.write(`a rerun of the same command continues from the failed stage (finished stages are kept)\n`);
}
