// `llmops train <spec.yaml>`: train a model from a training spec (reference trainer, axolotl,
// torchtune or a command), writing the model, its hash, metrics and run.json under --out.
import { loadTrainSpec, trainHere } from "../../app/train/train-here.js";
import { assertPreflight } from "../../core/train/preflight.js";
import { exitCodeFor } from "../../errors.js";
import { parseOverride, renderProgressLine, type TrainProgress } from "../../core/train/index.js";
import { requirePositional, type Command } from "../command.js";
import { TRAIN_OPTIONS } from "../../core/options/train.js";
import { cliParseConfig, readCliValues, renderCliHelp } from "../../core/options/spec.js";
import type { CliContext } from "../context.js";

export const trainCommand: Command = {
  name: "train",
  maxPositionals: 1,
  summary: "train a model from a training spec (reference trainer, axolotl, torchtune, or a command)",
  help: `
usage: llmops train <spec.yaml> [--out DIR] [--set key=value]... [--resume] [--dry-run] [--json]

Trains as the spec says and writes, under --out (default .llmops/train/<spec name>):
  model/ (or trainer/)  the model in HF layout, hashed (sha256 over sorted names + contents)
  config/               the rendered trainer config (axolotl YAML, torchtune command, reference args)
  metrics.jsonl         one line per logged step and evaluation
  loss.svg              the loss curve
  run.json              spec hash, git commit, versions, durations, machine, final metrics
  train.log             the trainer's raw output

options:
${renderCliHelp(TRAIN_OPTIONS)}

Ctrl-C sends SIGTERM to the trainer, which saves a checkpoint; --resume continues from it.
The reference trainer needs Python 3 with PyTorch (python3 or /usr/bin/python3, or $LLMOPS_PYTHON).
`,
  options: cliParseConfig(TRAIN_OPTIONS),
  async run(ctx, { values, positionals }) {
    const specPath = ctx.resolvePath(requirePositional(trainCommand, positionals, "the training spec (a YAML file)"));
    const v = readCliValues(TRAIN_OPTIONS, values);
    const overrides = (v.overrides ?? []).map((s, i) => parseOverride(s, `--set #${i + 1}`));
    const { spec, name } = await loadTrainSpec(specPath, specPath, overrides, {
      message: `cannot read the training spec ${specPath}`,
      hint: "check the path (it is relative to the directory you ran llmops from)",
    });
    const outDir = ctx.resolvePath(v.out ?? `.llmops/train/${name}`);
    const result = await trainHere({
      spec,
      specPath,
      specFile: specPath,
      outDir,
      resume: v.resume ?? false,
      dryRun: v["dry-run"] ?? false,
      env: ctx.env,
      interruptedBy: "interrupted",
      logger: ctx.logger,
      onProgress: progressReporter(ctx, Boolean(values.quiet)),
    });
    if (result.dryRun) {
      if (values.json) ctx.printJson({ dry_run: true, command: [result.plan.program, ...result.plan.args], files: result.renderedConfig, preflight: result.preflight });
      else {
        for (const f of result.renderedConfig) ctx.stdout.write(`# ${outDir}/${f.name}\n${f.content}\n`);
        const pf = result.preflight;
        ctx.stdout.write(`preflight: device ${pf.device}; python ${pf.python ? `${pf.python.path} ${pf.python.version}` : "not found"}\n`);
        for (const p of pf.problems) ctx.stdout.write(`  problem: ${p}\n`);
        for (const w of pf.warnings) ctx.stdout.write(`  warning: ${w}\n`);
      }
      // The same exit code the run would give for these problems (a missing interpreter is 2 either way).
      try {
        assertPreflight(result.preflight);
      } catch (err) {
        return exitCodeFor(err);
      }
      return 0;
    }
    if (values.json) {
      ctx.printJson({ out_dir: outDir, model_path: result.modelDir, model_hash: result.modelHash, metrics: result.metrics, run_record: `${outDir}/run.json` });
    } else {
      const m = result.metrics;
      ctx.stdout.write(
        `trained ${m?.steps ?? 0} steps in ${m?.train_s ?? 0}s; loss ${fmt(m?.loss)}${m?.eval_loss !== undefined && m.eval_loss !== null ? `, eval loss ${fmt(m.eval_loss)}` : ""}\n` +
          `model: ${result.modelDir}\nhash:  ${result.modelHash}\nrun:   ${outDir}/run.json\n`,
      );
    }
    return 0;
  },
};

function fmt(n: number | null | undefined): string {
  return n === undefined ? "?" : n === null ? "NaN" : Number.isFinite(n) ? n.toFixed(4) : String(n);
}

function progressReporter(ctx: CliContext, quiet: boolean): ((p: TrainProgress) => void) | undefined {
  if (quiet) return undefined;
  let last = 0;
  const every = ctx.interactive ? 1000 : 10_000;
  return (p) => {
    const now = Date.now();
    if (now - last < every && p.step !== p.totalSteps) return;
    last = now;
    ctx.logger.info(renderProgressLine(p));
  };
}
