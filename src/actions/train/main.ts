// The train action: refuse fork PRs on self-hosted runners, train from a spec, set outputs
// (model-path, model-hash, metrics) and write a job summary with the loss curve and rendered config.
import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { loadTrainSpec, trainHere } from "../../app/train/train-here.js";
import { OctokitGitHubClient } from "../../adapters/github/octokit-github-client.js";
import { decideRunnerTrust } from "../../core/github/runner-guard.js";
import { InputError } from "../../errors.js";
import { parseOverrideLines, renderProgressLine } from "../../core/train/index.js";
import { renderTrainFailureSummary, renderTrainSummary } from "../../core/train/render-summary.js";
import { parseMetricsLines } from "../../core/train/run-record.js";
import { readEventPayload } from "../runtime/event.js";
import { parseInputs } from "../runtime/inputs.js";
import { INPUTS } from "./inputs.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  const env = process.env;
  if (inputs.token) core.setSecret(inputs.token);
  await guardRunner(inputs["runner-guard"] ?? "enforce", inputs.token);

  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(workspace, p));
  const specPath = abs(inputs.spec);
  const { spec, name } = await loadTrainSpec(specPath, inputs.spec, parseOverrideLines((inputs.overrides ?? []).join("\n"), 'input "overrides"'), {
    message: `cannot read the training spec ${specPath} (input "spec")`,
    hint: "the path is relative to the repository checkout; did the workflow run actions/checkout?",
  });
  const outDir = abs(inputs.out ?? `.llmops/train/${name}`);
  const logger = new ActionsLogger();
  let lastLog = 0;
  const result = await trainHere({
    spec,
    specPath,
    specFile: inputs.spec,
    outDir,
    resume: inputs.resume ?? false,
    dryRun: inputs["dry-run"] ?? false,
    env,
    gitCommitFallback: env.GITHUB_SHA,
    // A cancelled workflow sends SIGINT, then SIGTERM: passed on so the trainer checkpoints.
    interruptedBy: "cancelled",
    logger,
    onProgress: (p) => {
      if (Date.now() - lastLog > 15_000 || p.step === p.totalSteps) {
        lastLog = Date.now();
        logger.info(renderProgressLine(p));
      }
    },
  }).catch(async (err: unknown) => {
    await writeFailureSummary(name, outDir, err);
    throw err;
  });
  core.setOutput("out-dir", outDir);
  if (result.dryRun) {
    core.setOutput("metrics", "{}");
    await core.summary.addRaw(renderTrainSummary(result, { name: `${name} (dry run)` })).write();
    return;
  }
  core.setOutput("model-path", result.modelDir ?? "");
  core.setOutput("model-hash", result.modelHash ?? "");
  core.setOutput("metrics", JSON.stringify(result.metrics ?? {}));
  await core.summary.addRaw(renderTrainSummary(result, { name })).write();
}

/** Best effort: a failed run still shows why and its curve so far; a summary error only warns. */
async function writeFailureSummary(name: string, outDir: string, err: unknown): Promise<void> {
  try {
    const metrics = await readFile(`${outDir}/metrics.jsonl`, "utf8").catch(() => "");
    const message = err instanceof Error ? err.message : String(err);
    await core.summary.addRaw(renderTrainFailureSummary(name, message, parseMetricsLines(metrics))).write();
  } catch (e) {
    new ActionsLogger().warn(`could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Self-hosted runners run only provably trusted code; the guard refuses whatever it cannot prove. */
async function guardRunner(mode: "enforce" | "off", token: string | undefined): Promise<void> {
  const env = process.env;
  const logger = new ActionsLogger();
  const path = env.GITHUB_EVENT_PATH;
  const event = path
    ? await readEventPayload(path).then((payload) => ({ ok: true as const, payload }), (err: Error) => ({ ok: false as const, reason: err.message }))
    : { ok: false as const, reason: "GITHUB_EVENT_PATH is not set" };
  const repository = env.GITHUB_REPOSITORY;
  const api = token && repository ? new OctokitGitHubClient({ token, repository, baseUrl: env.GITHUB_API_URL || "https://api.github.com", logger }) : null;
  const verdict = await decideRunnerTrust(
    { eventName: env.GITHUB_EVENT_NAME, event, ref: env.GITHUB_REF, runnerEnvironment: env.RUNNER_ENVIRONMENT, repository, optOut: mode === "off" },
    api,
  );
  if (!verdict.allowed) {
    throw new InputError(verdict.reason, { hint: 'see "Self-hosted runners" in actions/train/README.md; input runner-guard: off turns the guard off for a private repository' });
  }
  if (mode === "off") logger.warn(verdict.reason);
  else logger.info(`runner guard: ${verdict.reason}`);
}
