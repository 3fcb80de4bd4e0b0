// Before launching: find a Python interpreter with the backend's packages, query nvidia-smi (absent
// → CPU), check free disk and that the datasets and base model exist. Each missing piece gets its
// own message and fix.
import { ConfigError, ExternalError } from "../../errors.js";
import type { ProcessRunner, TrainWorkspace } from "../ports/index.js";
import type { TrainSpec } from "./spec.js";

export type { Gpu } from "../contracts/train-run.js";
import type { Gpu } from "../contracts/train-run.js";

export interface PythonInfo {
  path: string;
  version: string;
  packages: Record<string, string | null>;
  cuda: boolean;
}

export interface PreflightReport {
  python?: PythonInfo | undefined;
  gpus: Gpu[];
  device: "cuda" | "cpu";
  disk: { path: string; freeBytes?: number | undefined };
  warnings: string[];
  problems: string[];
}

export const MIN_FREE_BYTES = 512 * 1024 * 1024;

/** Parse `nvidia-smi --query-gpu=index,name,memory.total,memory.free,driver_version --format=csv,noheader,nounits`. */
export function parseNvidiaSmi(csv: string): Gpu[] {
  const gpus: Gpu[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const cells = line.split(",").map((c) => c.trim());
    if (cells.length < 5) continue;
    const [index, name, total, free, driver] = cells as [string, string, string, string, string];
    if (!/^\d+$/.test(index)) continue;
    gpus.push({ index: Number(index), name, memoryTotalMiB: Number(total), memoryFreeMiB: Number(free), driver });
  }
  return gpus;
}

/** Python modules each backend (and launcher) imports. */
export function requiredPackages(spec: TrainSpec): string[] {
  const need = new Set<string>();
  switch (spec.backend) {
    case "reference":
      need.add("torch");
      break;
    case "axolotl":
      ["torch", "transformers", "axolotl"].forEach((p) => need.add(p));
      if (spec.method !== "full") need.add("peft");
      if (spec.method === "qlora") need.add("bitsandbytes");
      break;
    case "torchtune":
      ["torch", "torchtune"].forEach((p) => need.add(p));
      break;
    case "command":
      break;
  }
  if (spec.launcher.type === "torchrun") need.add("torch");
  if (spec.launcher.type === "accelerate") need.add("accelerate");
  return [...need].sort();
}

// Prints one JSON line: interpreter version, each module's __version__ (null when missing), CUDA.
const PROBE = [
  "import importlib, json, sys",
  "mods = sys.argv[1:]",
  "out = {'version': sys.version.split()[0], 'packages': {}, 'cuda': False}",
  "for m in mods:",
  "    try:",
  "        mod = importlib.import_module(m)",
  "        out['packages'][m] = str(getattr(mod, '__version__', 'unknown'))",
  "        if m == 'torch': out['cuda'] = bool(mod.cuda.is_available())",
  "    except Exception:",
  "        out['packages'][m] = None",
  "print(json.dumps(out))",
].join("\n");

export async function probePython(runner: ProcessRunner, python: string, packages: readonly string[]): Promise<PythonInfo | undefined> {
  const r = await runner.capture({ program: python, args: ["-c", PROBE, ...packages] }, 120_000);
  if (r.notFound || r.code !== 0) return undefined;
  try {
    const o = JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "") as { version: string; packages: Record<string, string | null>; cuda: boolean };
    return { path: python, version: o.version, packages: o.packages, cuda: o.cuda };
  } catch {
    return undefined;
  }
}

export interface PreflightInput {
  spec: TrainSpec;
  /** Interpreters to try, in order (the spec's `python`, else python3 then /usr/bin/python3). */
  pythonCandidates: readonly string[];
  outDir: string;
  trainFile: string;
  validationFile?: string | undefined;
  /** The base model as a path when it names a local directory. */
  baseDir?: string | undefined;
  minFreeBytes?: number;
}

export async function runPreflight(input: PreflightInput, runner: ProcessRunner, ws: TrainWorkspace): Promise<PreflightReport> {
  const { spec } = input;
  const problems: string[] = [];
  const warnings: string[] = [];
  const packages = requiredPackages(spec);

  let python: PythonInfo | undefined;
  const tried: string[] = [];
  if (spec.backend !== "command" || packages.length > 0) {
    for (const candidate of input.pythonCandidates) {
      const info = await probePython(runner, candidate, packages);
      tried.push(info ? `${candidate} (missing ${packages.filter((p) => !info.packages[p]).join(", ") || "nothing"})` : `${candidate} (not runnable)`);
      if (info && (python === undefined || packages.every((p) => info.packages[p]))) python = info;
      if (info && packages.every((p) => info.packages[p])) break;
    }
    if (!python) {
      problems.push(`no Python interpreter could be run (tried ${input.pythonCandidates.join(", ")}); install Python 3, set python: in the spec, or point $LLMOPS_PYTHON at an interpreter`);
    } else {
      const missing = packages.filter((p) => !python!.packages[p]);
      for (const p of missing) problems.push(`Python package "${p}" is missing from ${python.path} (tried: ${tried.join("; ")}); ${installHint(p)}`);
    }
  } else if (spec.python) {
    // A command script's interpreter: nothing is required, but its versions go into run.json.
    python = await probePython(runner, spec.python, ["torch", "transformers", "peft", "accelerate"]);
    if (!python) warnings.push(`python: ${spec.python} could not be run to record its versions`);
  }

  const smi = await runner.capture({ program: "nvidia-smi", args: ["--query-gpu=index,name,memory.total,memory.free,driver_version", "--format=csv,noheader,nounits"] }, 30_000);
  const gpus = smi.code === 0 ? parseNvidiaSmi(smi.stdout) : [];
  if (!smi.notFound && smi.code !== 0) warnings.push(`nvidia-smi failed (exit ${smi.code}): ${smi.stderr.trim().split("\n")[0] ?? ""}; assuming no GPU`);
  const device = gpus.length > 0 && python?.cuda !== false ? "cuda" : "cpu";
  if (gpus.length > 0 && python && !python.cuda && python.packages.torch) warnings.push(`nvidia-smi sees ${gpus.length} GPU(s) but torch ${python.packages.torch} in ${python.path} has no CUDA; training will run on the CPU`);
  if (spec.backend !== "reference" && spec.backend !== "command" && device === "cpu") problems.push(`backend ${spec.backend} needs a CUDA GPU and none was found (nvidia-smi ${smi.notFound ? "is not installed" : "lists no GPU"}); run on a GPU runner or use backend: reference`);
  const procs = spec.launcher.type === "torchrun" ? spec.launcher.nproc_per_node : spec.launcher.type === "accelerate" ? spec.launcher.num_processes / spec.launcher.num_machines : 1;
  if (device === "cuda" && procs > gpus.length) problems.push(`the launcher starts ${procs} processes per node but this machine has ${gpus.length} GPU(s); lower nproc_per_node/num_processes`);
  if (spec.method === "qlora" && device === "cpu") problems.push("qlora needs a CUDA GPU (bitsandbytes 4-bit)");

  const freeBytes = await ws.freeBytes(input.outDir);
  const min = input.minFreeBytes ?? MIN_FREE_BYTES;
  if (freeBytes !== undefined && freeBytes < min) problems.push(`only ${(freeBytes / 2 ** 20).toFixed(0)} MiB free at ${input.outDir}; need at least ${(min / 2 ** 20).toFixed(0)} MiB for checkpoints and the model — free space or choose another --out`);

  if (!(await ws.exists(input.trainFile))) problems.push(`training data ${input.trainFile} does not exist (datasets.train in the spec, relative to the spec file)`);
  if (input.validationFile && !(await ws.exists(input.validationFile))) problems.push(`validation data ${input.validationFile} does not exist (datasets.validation in the spec)`);
  if (input.baseDir !== undefined && spec.backend === "reference") {
    if (!(await ws.exists(`${input.baseDir}/config.json`))) problems.push(`base model ${input.baseDir} has no config.json; the reference trainer needs HF layout (config.json + model.safetensors)`);
    if (!(await ws.exists(`${input.baseDir}/model.safetensors`)) && !(await ws.exists(`${input.baseDir}/model.safetensors.index.json`))) {
      problems.push(`base model ${input.baseDir} has no model.safetensors (nor a sharded model.safetensors.index.json); convert .bin weights to safetensors first`);
    }
  }
  return { python, gpus, device, disk: { path: input.outDir, freeBytes }, warnings, problems };
}

function installHint(pkg: string): string {
  if (pkg === "torch") return "install PyTorch (Debian/Ubuntu: apt-get install python3-torch; elsewhere: pip install torch)";
  return `install it with pip install ${pkg}`;
}

/** Throw when the report has problems: every problem on its own line. */
export function assertPreflight(report: PreflightReport): void {
  if (report.problems.length === 0) return;
  const msg = `preflight found ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}:\n  - ${report.problems.join("\n  - ")}`;
  const onlyMissingFiles = report.problems.every((p) => p.includes("does not exist") || p.includes("base model"));
  if (onlyMissingFiles) throw new ConfigError(msg, { hint: "fix the paths in the training spec" });
  throw new ExternalError(msg, { hint: "fix the environment, or run `llmops train <spec> --dry-run` to see the rendered config without training" });
}
