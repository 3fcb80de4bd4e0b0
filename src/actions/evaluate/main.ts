// evaluate: inputs → runSuite → outputs results-dir and summary-json, job summary with the metric table.
import * as core from "@actions/core";
import { resolve } from "node:path";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { assertSomeAnswered, isInside, runSuite } from "../../app/eval/run-suite.js";
import { InputError } from "../../errors.js";
import { renderSummaryMarkdown } from "../../core/eval/render-summary.js";
import { TerminalProgress } from "../../adapters/console/progress.js";
import { workflowSafe } from "../../adapters/console/workflow-safe.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  const logger = new ActionsLogger();
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const cacheDir = inputs["cache-dir"] ? resolve(cwd, inputs["cache-dir"]) : undefined;
  if (cacheDir && isInside(cacheDir, cwd)) {
    throw new InputError(`input "cache-dir": ${cacheDir} is inside the checked-out workspace ${cwd}, where a pull request can commit cache entries`, {
      hint: "leave cache-dir unset (the runner's tool cache or temp directory), or use a path under ${{ runner.temp }}",
    });
  }
  const result = await runSuite({
    suitePath: inputs.suite,
    ...(inputs.yardstick ? { yardstickPath: inputs.yardstick } : {}),
    cwd,
    ...(inputs.out ? { out: resolve(cwd, inputs.out) } : {}),
    ...(inputs["base-url"] ? { baseUrl: inputs["base-url"] } : {}),
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.concurrency ? { concurrency: inputs.concurrency } : {}),
    noCache: inputs["no-cache"] ?? false,
    ...(cacheDir ? { cacheDir } : {}),
    env: process.env,
    onSecret: (value) => core.setSecret(value),
    logger,
    // In a workflow log: the CLI's progress line, printed every few seconds rather than redrawn.
    progress: new TerminalProgress(workflowSafe(process.stdout, process.env), false),
  });
  core.setOutput("results-dir", result.outDir);
  core.setOutput("summary-json", result.summaryPath);
  core.setOutput("new-cases-dir", result.newCases?.outDir ?? "");
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummaryMarkdown(result.summary)).write();
  }
  logger.info(`wrote ${result.resultsPath} and ${result.summaryPath}`);
  // The same failure the CLI reports (after the outputs, so the run directory can be uploaded).
  assertSomeAnswered(result);
}
