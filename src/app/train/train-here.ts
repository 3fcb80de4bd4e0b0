// Training on this machine, as `llmops train` and actions/train both run it: read the spec, then
// run the trainer with this machine's description, the spec's git revision, the reference trainer
// and Python candidates filled in, SIGINT/SIGTERM passed on so the trainer checkpoints.
import { existsSync } from "node:fs";
import { childEnv } from "../../adapters/process/child-env.js";
import { SAFE_NAME_RULE, isSafeName } from "../../core/config/names.js";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import { parseYamlSource } from "../../core/config/index.js";
import { systemClock, type Logger } from "../../core/ports/index.js";
import { parseTrainSpec, runTraining, type TrainProgress, type TrainRunResult, type TrainSpec } from "../../core/train/index.js";
import { ConfigError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { NodeTrainWorkspace } from "../../adapters/fs/node-train-workspace.js";
import { defaultPythons, locateReferenceTrainer } from "./locate-trainer.js";
import { describeMachine, gitRevision } from "./machine.js";
import { abortOnSignals } from "../process/abort-on-signals.js";
import { NodeProcessRunner } from "../../adapters/process/node-process-runner.js";

type Overrides = Parameters<typeof parseTrainSpec>[2];

/**
 * Read and validate a training spec. `shownAs` names it in messages; `unreadable` is the error when
 * the file cannot be read. The run's name is the spec's, else the file's stem.
 */
export async function loadTrainSpec(specPath: string, shownAs: string, overrides: Overrides, unreadable: { message: string; hint: string }): Promise<{ spec: TrainSpec; name: string }> {
  let text: string;
  try {
    text = await readFile(specPath, "utf8");
  } catch {
    throw new ConfigError(unreadable.message, { hint: unreadable.hint });
  }
  const spec = parseTrainSpec(text, shownAs, overrides);
  checkDatasets(spec, specPath, text, shownAs, overrides ?? []);
  const name = spec.name ?? basename(specPath, extname(specPath));
  if (!isSafeName(name)) {
    throw new ConfigError(`${shownAs}: the run's name ${JSON.stringify(name)} (from ${spec.name ? "name:" : "the file name"}) is not safe as a directory name`, { hint: `set name: to ${SAFE_NAME_RULE}` });
  }
  return { spec, name };
}

/** A dataset path that does not exist is the spec's mistake: name the key at its file:line:col (or the override that set it). */
function checkDatasets(spec: TrainSpec, specPath: string, text: string, shownAs: string, overrides: NonNullable<Overrides>): void {
  for (const key of ["train", "validation"] as const) {
    const rel = spec.datasets[key];
    if (rel === undefined) continue;
    const abs = resolve(dirname(specPath), rel);
    if (existsSync(abs)) continue;
    const override = [...overrides].reverse().find((o) => o.path.join(".") === `datasets.${key}`);
    const pos = parseYamlSource(text, shownAs).locate(["datasets", key]);
    const where = override ? `${override.source} (datasets.${key})` : `${shownAs}:${pos.line}:${pos.col}`;
    throw new ConfigError(`${where}: datasets.${key}: no such file: ${rel} (looked for ${abs})`, { hint: "dataset paths are relative to the spec file" });
  }
}

export interface TrainHereOptions {
  spec: TrainSpec;
  /** The spec's absolute path (its directory anchors relative paths and the git revision). */
  specPath: string;
  /** The spec as recorded in the run's provenance. */
  specFile: string;
  outDir: string;
  resume: boolean;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  /** The commit to record when the spec is not in a git checkout (e.g. GITHUB_SHA). */
  gitCommitFallback?: string | undefined;
  /** What an abort by SIGINT/SIGTERM says ("interrupted", "cancelled"). */
  interruptedBy: string;
  logger: Logger;
  onProgress?: ((p: TrainProgress) => void) | undefined;
}

export async function trainHere(o: TrainHereOptions): Promise<TrainRunResult> {
  // The trainer and its launcher run third-party code: they get the allow-listed environment.
  const runner = new NodeProcessRunner(childEnv(o.env, o.spec.pass_env));
  const git = await gitRevision(runner, dirname(o.specPath));
  return abortOnSignals(o.interruptedBy, (signal) =>
    runTraining(
      {
        spec: o.spec,
        specFile: o.specFile,
        specDir: dirname(o.specPath),
        outDir: o.outDir,
        resume: o.resume,
        dryRun: o.dryRun,
        referenceTrainer: locateReferenceTrainer(),
        llmopsVersion: VERSION,
        gitCommit: git.commit ?? o.gitCommitFallback,
        gitDirty: git.dirty,
        machine: describeMachine(),
        defaultPythons: defaultPythons(o.env),
        signal,
      },
      { runner, workspace: new NodeTrainWorkspace(), clock: systemClock, logger: o.logger, ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
    ),
  );
}
