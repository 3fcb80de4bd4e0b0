// evaluate: inputs → runSuite → outputs results-dir and summary-json, job summary with the metric table.
import * as core from "@actions/core";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { childEnv } from "../../adapters/process/child-env.js";
import { sha256File } from "../../app/fs/sha256-file.js";
import { startService } from "../../app/pipeline/services.js";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { assertSomeAnswered, isInside, runSuite } from "../../app/eval/run-suite.js";
import { InputError } from "../../errors.js";
import { renderSummaryMarkdown } from "../../core/eval/render-summary.js";
import { TerminalProgress } from "../../adapters/console/progress.js";
import { workflowSafe } from "../../adapters/console/workflow-safe.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";

/** `llmops serve <model>` (the CLI bundle next to this one) on a free loopback port, until the evaluation ends. */
async function serveModel(file: string, logger: ActionsLogger): Promise<{ url: string; name: string; stop: () => Promise<void> }> {
  if (!existsSync(file)) throw new InputError(`input "serve-model": ${file} does not exist`, { hint: "pass the GGUF file a previous step wrote (e.g. actions/gate-model's candidate-model output)" });
  // The name carries the content hash, so responses cached for one model never answer for another.
  // Hashed as a stream: a model file can be larger than the runner's memory.
  const name = `gguf-${(await sha256File(file)).slice(0, 16)}`;
  const svc = await startService(
    { name: "model", command: { llmops: true, argv: ["serve", file, "--port", "${port}", "--host", "127.0.0.1", "--name", name] }, deps: [], ready: "/health", urlPath: "/v1", timeoutS: 180, env: {}, passEnv: [], definition: null },
    { cwd: dirname(file), env: childEnv(process.env), llmops: [process.execPath, fileURLToPath(new URL("../cli/index.js", import.meta.url))], logger },
  );
  return { url: svc.url, name, stop: () => svc.stop() };
}

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
  const served = inputs["serve-model"] ? await serveModel(resolve(cwd, inputs["serve-model"]), logger) : null;
  const result = await runSuite({
    suitePath: inputs.suite,
    ...(inputs.yardstick ? { yardstickPath: inputs.yardstick } : {}),
    cwd,
    ...(inputs.out ? { out: resolve(cwd, inputs.out) } : {}),
    ...(served ? { baseUrl: served.url, model: served.name } : inputs["base-url"] ? { baseUrl: inputs["base-url"] } : {}),
    ...(!served && inputs.model ? { model: inputs.model } : {}),
    ...(inputs.concurrency ? { concurrency: inputs.concurrency } : {}),
    noCache: inputs["no-cache"] ?? false,
    ...(cacheDir ? { cacheDir } : {}),
    env: process.env,
    onSecret: (value) => core.setSecret(value),
    logger,
    // In a workflow log: the CLI's progress line, printed every few seconds rather than redrawn.
    progress: new TerminalProgress(workflowSafe(process.stdout, process.env), false),
  }).finally(() => served?.stop());
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
