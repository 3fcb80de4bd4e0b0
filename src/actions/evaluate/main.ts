// evaluate: inputs → runSuite → outputs results-dir and summary-json, job summary with the metric table.
import * as core from "@actions/core";
import { resolve } from "node:path";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { assertSomeAnswered, runSuite } from "../../app/eval/run-suite.js";
import { renderSummaryMarkdown } from "../../core/eval/render-summary.js";
import { TerminalProgress } from "../../adapters/console/progress.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const result = await runSuite({
    suitePath: inputs.suite,
    cwd,
    ...(inputs.out ? { out: resolve(cwd, inputs.out) } : {}),
    ...(inputs["base-url"] ? { baseUrl: inputs["base-url"] } : {}),
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.concurrency ? { concurrency: inputs.concurrency } : {}),
    noCache: inputs["no-cache"] ?? false,
    ...(inputs["cache-dir"] ? { cacheDir: resolve(cwd, inputs["cache-dir"]) } : {}),
    env: process.env,
    logger: new ActionsLogger(),
    // In a workflow log: the CLI's progress line, printed every few seconds rather than redrawn.
    progress: new TerminalProgress(process.stdout, false),
  });
  core.setOutput("results-dir", result.outDir);
  core.setOutput("summary-json", result.summaryPath);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummaryMarkdown(result.summary)).write();
  }
  core.info(`wrote ${result.resultsPath} and ${result.summaryPath}`);
  // The same failure the CLI reports (after the outputs, so the run directory can be uploaded).
  assertSomeAnswered(result);
}
