// The train action: refuse fork PRs on self-hosted runners, train from a spec, set outputs
// (model-path, model-hash, metrics) and write a job summary with the loss curve and rendered config.
import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { NodeTrainWorkspace } from "../../adapters/fs/node-train-workspace.js";
import { ActionsLogger } from "../../adapters/actions/actions-logger.js";
import { defaultPythons, locateReferenceTrainer } from "../../adapters/process/locate-trainer.js";
import { describeMachine, gitRevision } from "../../adapters/process/machine.js";
import { NodeProcessRunner } from "../../adapters/process/node-process-runner.js";
import { systemClock } from "../../core/ports.js";
import { assertForkPolicy, decideForkPolicy } from "../../core/train/fork-policy.js";
import { parseOverrideLines, parseTrainSpec, renderProgressLine, runTraining } from "../../core/train/index.js";
import { renderTrainFailureSummary, renderTrainSummary } from "../../core/train/render-summary.js";
import { parseMetricsLines } from "../../core/train/run-record.js";
import { ConfigError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { inputSchemas, parseInputs, type InputSpecs } from "../runtime/inputs.js";

export const INPUTS = {
  spec: { schema: inputSchemas.string, required: true, description: "Path of the training spec (YAML), relative to the workspace" },
  overrides: { schema: z.string(), description: "Spec overrides, one key=value per line (dotted paths, YAML values), e.g. max_steps=50" },
  out: { schema: inputSchemas.string, description: "Output directory (default .llmops/train/<spec name>)" },
  resume: { schema: inputSchemas.boolean, description: "Continue from the newest checkpoint in the output directory (true/false, default false)" },
  "dry-run": { schema: inputSchemas.boolean, description: "Render the trainer config and run preflight only (true/false, default false)" },
} satisfies InputSpecs;

export async function main(): Promise<void> {
  const inputs = parseInputs(INPUTS);
  const env = process.env;
  const verdict = decideForkPolicy({
    event: await readEvent(env.GITHUB_EVENT_PATH),
    runnerEnvironment: env.RUNNER_ENVIRONMENT,
    repository: env.GITHUB_REPOSITORY,
  });
  assertForkPolicy(verdict);

  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(workspace, p));
  const specPath = abs(inputs.spec);
  let text: string;
  try {
    text = await readFile(specPath, "utf8");
  } catch {
    throw new ConfigError(`cannot read the training spec ${specPath} (input "spec")`, { hint: "the path is relative to the repository checkout; did the workflow run actions/checkout?" });
  }
  const spec = parseTrainSpec(text, inputs.spec, parseOverrideLines(inputs.overrides ?? "", 'input "overrides"'));
  const name = spec.name ?? basename(specPath, extname(specPath));
  const outDir = abs(inputs.out ?? `.llmops/train/${name}`);
  const runner = new NodeProcessRunner(env);
  const git = await gitRevision(runner, dirname(specPath));
  const logger = new ActionsLogger();
  let lastLog = 0;
  // A cancelled workflow sends SIGINT, then SIGTERM: pass it on so the trainer checkpoints.
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error("cancelled"));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const result = await runTraining(
    {
      spec,
      specFile: inputs.spec,
      specDir: dirname(specPath),
      outDir,
      resume: inputs.resume ?? false,
      dryRun: inputs["dry-run"] ?? false,
      referenceTrainer: locateReferenceTrainer(),
      llmopsVersion: VERSION,
      gitCommit: git.commit ?? env.GITHUB_SHA,
      gitDirty: git.dirty,
      machine: describeMachine(),
      defaultPythons: defaultPythons(env),
      signal: controller.signal,
    },
    {
      runner,
      workspace: new NodeTrainWorkspace(),
      clock: systemClock,
      logger,
      onProgress: (p) => {
        if (Date.now() - lastLog > 15_000 || p.step === p.totalSteps) {
          lastLog = Date.now();
          logger.info(renderProgressLine(p));
        }
      },
    },
  ).catch(async (err: unknown) => {
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
    core.warning(`could not write the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function readEvent(path: string | undefined): Promise<unknown> {
  if (!path) return undefined;
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}
