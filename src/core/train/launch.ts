// Spec → the exact process to start (program + argument array), the rendered config files to write
// first, and where the trained model will be. Launchers (torchrun, accelerate) wrap the trainer.
import { ConfigError } from "../../errors.js";
import { renderAxolotlConfig, renderAxolotlYaml } from "./render-axolotl.js";
import { renderReferenceArgs, type RenderPaths } from "./render-reference.js";
import { renderTorchtune } from "./render-torchtune.js";
import type { Launcher, TrainSpec } from "./spec.js";

export interface RenderedFile {
  /** Relative to the run's output directory. */
  name: string;
  content: string;
}

export interface LaunchPlan {
  program: string;
  args: string[];
  /** Extra environment for the trainer. */
  env: Record<string, string>;
  files: RenderedFile[];
  /** Where the finished model lands, relative to the output directory. */
  modelDir: string;
  /** Whether stdout carries the reference trainer's JSON lines (else HF / torchtune text). */
  logFormat: "reference-json" | "text";
}

export interface LaunchContext {
  paths: RenderPaths;
  python: string;
  /** Absolute path of trainers/reference/train.py. */
  referenceTrainer: string;
  resume: boolean;
}

function launcherArgs(l: Launcher): { program: string; args: string[] } | undefined {
  switch (l.type) {
    case "single":
      return undefined;
    case "torchrun": {
      const a = [`--nproc_per_node=${l.nproc_per_node}`, `--nnodes=${l.nnodes}`];
      if (l.node_rank !== undefined) a.push(`--node_rank=${l.node_rank}`);
      if (l.rdzv_endpoint) a.push("--rdzv_backend=c10d", `--rdzv_endpoint=${l.rdzv_endpoint}`);
      return { program: "torchrun", args: a };
    }
    case "accelerate": {
      const a = ["launch", `--num_processes=${l.num_processes}`, `--num_machines=${l.num_machines}`];
      if (l.machine_rank !== undefined) a.push(`--machine_rank=${l.machine_rank}`);
      if (l.main_process_ip) a.push(`--main_process_ip=${l.main_process_ip}`);
      if (l.main_process_port !== undefined) a.push(`--main_process_port=${l.main_process_port}`);
      if (l.config_file) a.push(`--config_file=${l.config_file}`);
      return { program: "accelerate", args: a };
    }
  }
}

/** A Python module run under the launcher: `python -m mod`, `torchrun … -m mod`, `accelerate launch … -m mod`. */
function pythonModule(spec: TrainSpec, python: string, module: string, rest: string[]): { program: string; args: string[] } {
  const l = launcherArgs(spec.launcher);
  if (!l) return { program: python, args: ["-m", module, ...rest] };
  return { program: l.program, args: [...l.args, "-m", module, ...rest] };
}

export function planLaunch(spec: TrainSpec, ctx: LaunchContext): LaunchPlan {
  const env = { PYTHONUNBUFFERED: "1" };
  switch (spec.backend) {
    case "reference": {
      const args = renderReferenceArgs(spec, ctx.paths, { resume: ctx.resume });
      return {
        program: ctx.python,
        args: ["-u", ctx.referenceTrainer, ...args],
        env,
        files: [{ name: "config/reference-args.json", content: `${JSON.stringify(args, null, 2)}\n` }],
        modelDir: "model",
        logFormat: "reference-json",
      };
    }
    case "axolotl": {
      const yaml = renderAxolotlYaml(renderAxolotlConfig(spec, ctx.paths, { resume: ctx.resume }));
      const cfg = `${ctx.paths.outDir}/config/axolotl.yaml`;
      return { ...pythonModule(spec, ctx.python, "axolotl.cli.train", [cfg]), env, files: [{ name: "config/axolotl.yaml", content: yaml }], modelDir: "trainer", logFormat: "text" };
    }
    case "torchtune": {
      const t = renderTorchtune(spec, ctx.paths, { resume: ctx.resume });
      const l = spec.launcher;
      const dist = l.type === "torchrun" ? [`--nnodes=${l.nnodes}`, `--nproc_per_node=${l.nproc_per_node}`] : [];
      const args = ["run", ...dist, t.recipe, "--config", t.config, ...t.overrides];
      return {
        program: "tune",
        args,
        env,
        files: [{ name: "config/torchtune-command.txt", content: `tune ${args.join(" ")}\n` }],
        modelDir: "trainer",
        logFormat: "text",
      };
    }
    case "command": {
      const cmd = spec.command;
      if (!cmd) throw new ConfigError("backend command needs a command: {argv: [...]} block");
      const l = launcherArgs(spec.launcher);
      const [program, ...rest] = cmd.argv as [string, ...string[]];
      const launched = l ? { program: l.program, args: [...l.args, program, ...rest, ...spec.backend_args] } : { program, args: [...rest, ...spec.backend_args] };
      return {
        ...launched,
        env: {
          ...env,
          LLMOPS_OUTPUT_DIR: ctx.paths.outDir,
          LLMOPS_MODEL_DIR: `${ctx.paths.outDir}/${cmd.model_dir}`,
          LLMOPS_TRAIN_FILE: ctx.paths.train,
          ...(ctx.paths.validation ? { LLMOPS_VALIDATION_FILE: ctx.paths.validation } : {}),
          LLMOPS_RESUME: ctx.resume ? "1" : "0",
          // The base model (a resolved directory, "scratch" or a hub id) and the validated spec
          // (after --set overrides) as JSON, so a script trains what the spec says.
          LLMOPS_BASE_MODEL: ctx.paths.base,
          LLMOPS_SPEC_JSON: `${ctx.paths.outDir}/config/spec.json`,
        },
        files: [
          { name: "config/command.json", content: `${JSON.stringify([launched.program, ...launched.args], null, 2)}\n` },
          { name: "config/spec.json", content: `${JSON.stringify(spec, null, 2)}\n` },
        ],
        modelDir: cmd.model_dir,
        logFormat: "text",
      };
    }
  }
}
