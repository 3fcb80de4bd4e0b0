// `llmops export awq|gptq`: AWQ and GPTQ by launching llm-compressor (the real tool; llmops does not
// reimplement them) in the configured Python, with a recipe llmops writes, and a record beside the output.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { compressedExportFormat } from "../../core/contracts/added-formats.js";
import type { CompressedExport } from "../../core/contracts/compressed-export.js";
import { COMPRESSED_EXPORT_SCHEMA } from "../../core/contracts/compressed-export.js";
import { parseCompressScheme, renderCompressorRecipe, type CompressMethod } from "../../core/model/compressor-recipe.js";
import type { Logger } from "../../core/ports/index.js";
import { DataInvalidError, ExternalError, InputError, ProcessExitError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { childEnv } from "../../adapters/process/child-env.js";
import { NodeProcessRunner } from "../../adapters/process/node-process-runner.js";
import { NodeTrainWorkspace } from "../../adapters/fs/node-train-workspace.js";
import { sha256File } from "../fs/sha256-file.js";
import { locatePackageFile } from "../train/locate-trainer.js";

export interface CompressOptions {
  method: CompressMethod;
  modelDir: string;
  cwd: string;
  calibration: string;
  scheme?: string;
  /** A recipe file to use instead of the one llmops writes for the scheme. */
  recipe?: string;
  samples?: number;
  maxSeqLength?: number;
  out?: string;
  /** The Python that has llm-compressor (default $LLMOPS_PYTHON, else python3). */
  python?: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

export interface CompressResult {
  out: string;
  recordPath: string;
  record: CompressedExport;
}

function show(cwd: string, p: string): string {
  const r = relative(cwd, p);
  return r && !r.startsWith("..") ? r : p;
}

const INSTALL_HINT =
  "install it into that Python: `pip install llmcompressor` (it brings torch, transformers and datasets; AWQ/GPTQ calibration wants a GPU), " +
  "or point --python (or $LLMOPS_PYTHON) at a Python that has it; for a CPU-only llama.cpp deployment use `llmops export gguf --type q4_0` or q8_0 instead";

/** The llm-compressor version `python` imports, or an ExternalError saying what to install. */
async function probeLlmCompressor(runner: NodeProcessRunner, python: string, cwd: string, method: CompressMethod): Promise<string> {
  const r = await runner.capture({ program: python, args: ["-c", "import llmcompressor, importlib.metadata as m\ntry:\n  print(m.version('llmcompressor'))\nexcept Exception:\n  print(getattr(llmcompressor, '__version__', 'unknown'))"], cwd, env: {} }, 120_000);
  if (r.notFound) throw new ExternalError(`llmops export ${method} runs llm-compressor in Python, and ${JSON.stringify(python)} was not found`, { hint: `install Python 3 and llm-compressor, or pass --python /path/to/python (or set LLMOPS_PYTHON); ${INSTALL_HINT}` });
  if (r.code !== 0) {
    const why = (r.stderr || r.stdout).trim().split("\n").at(-1) ?? `exit ${r.code}`;
    throw new ExternalError(`llmops export ${method} needs llm-compressor, which ${python} cannot import (${why})`, { hint: INSTALL_HINT });
  }
  return r.stdout.trim().split("\n").at(-1) || "unknown";
}

function countRecords(path: string, shown: string): number {
  const lines = readFileSync(path, "utf8").split("\n");
  let n = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      throw new DataInvalidError(`${shown}:${i + 1}: not valid JSON (${(err as Error).message})`, { hint: "the calibration file is JSONL: one JSON object per line" });
    }
    const r = rec as Record<string, unknown>;
    const ok = typeof rec === "object" && rec !== null && (typeof r.text === "string" || (typeof r.prompt === "string" && typeof r.completion === "string") || (typeof r.instruction === "string" && typeof r.output === "string") || Array.isArray(r.messages));
    if (!ok) throw new DataInvalidError(`${shown}:${i + 1}: no text for calibration`, { hint: 'give each line "text", "prompt" + "completion", "instruction" + "output", or chat "messages"' });
    n++;
  });
  if (n === 0) throw new DataInvalidError(`${shown}: no records; AWQ and GPTQ calibrate on sample texts`, { hint: "pass a JSONL file with a few hundred texts like the model's real inputs (e.g. the training data)" });
  return n;
}

export async function compressModel(o: CompressOptions): Promise<CompressResult> {
  const modelDir = resolve(o.cwd, o.modelDir);
  const shown = show(o.cwd, modelDir);
  if (!existsSync(join(modelDir, "config.json"))) throw new InputError(`${shown}: no config.json; pass a model directory in HF layout (config.json + safetensors)`, { hint: "e.g. the model/ a training run wrote; merge a LoRA adapter into its base first" });
  const calibration = resolve(o.cwd, o.calibration);
  const calShown = show(o.cwd, calibration);
  if (!existsSync(calibration) || !statSync(calibration).isFile()) throw new InputError(`--calibration ${calShown}: no such file`, { hint: "pass a JSONL file of sample texts (text, prompt+completion, instruction+output or messages per line)" });
  const records = countRecords(calibration, calShown);
  const samples = o.samples ?? 256;
  const maxSeqLength = o.maxSeqLength ?? 512;
  for (const [name, v] of [["--samples", samples], ["--seq-len", maxSeqLength]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new InputError(`${name} must be a positive integer, got ${v}`);
  }
  const scheme = o.recipe ? "recipe" : parseCompressScheme(o.method, o.scheme);
  if (o.recipe && o.scheme) throw new InputError("--scheme and --recipe both set: the recipe names its own scheme", { hint: "drop one of them" });
  const out = resolve(o.cwd, o.out ?? join(dirname(modelDir), `${basename(modelDir)}-${o.method}`));
  const outShown = show(o.cwd, out);
  if (existsSync(out)) throw new InputError(`--out ${outShown} already exists`, { hint: "remove it or pass another --out; llmops does not overwrite a quantized model" });

  const python = o.python ?? o.env.LLMOPS_PYTHON ?? "python3";
  const runner = new NodeProcessRunner(childEnv(o.env));
  const version = await probeLlmCompressor(runner, python, o.cwd, o.method);

  const recipePath = o.recipe ? resolve(o.cwd, o.recipe) : `${out}.recipe.yaml`;
  if (o.recipe && !existsSync(recipePath)) throw new InputError(`--recipe ${show(o.cwd, recipePath)}: no such file`);
  if (!o.recipe) writeFileSync(recipePath, renderCompressorRecipe(o.method, scheme));
  const partial = `${out}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const args = [locatePackageFile("trainers/llm-compressor/oneshot.py"), "--model", modelDir, "--recipe", recipePath, "--output-dir", partial, "--calibration", calibration, "--samples", String(samples), "--max-seq-length", String(maxSeqLength)];
  o.logger.info(`llm-compressor ${version} (${python}): ${o.method.toUpperCase()} ${scheme} on ${shown} → ${outShown} (${Math.min(samples, records)} calibration texts of ≤ ${maxSeqLength} tokens)`);
  let quantMethod: string;
  try {
    const proc = runner.start({ program: python, args, cwd: o.cwd, env: {} });
    const tail: string[] = [];
    proc.onLine((line) => {
      o.logger.info(line);
      tail.push(line);
      if (tail.length > 5) tail.shift();
    });
    const exit = await proc.exit;
    if (exit.code !== 0) {
      throw new ProcessExitError(`llm-compressor (${python} ${basename(args[0]!)}) ${exit.signal ? `was killed by ${exit.signal}` : `exited ${exit.code}`} quantizing ${shown}: ${tail.join(" / ")}`, exit.code, exit.signal);
    }
    quantMethod = checkOutput(partial, outShown);
    renameSync(partial, out);
  } catch (err) {
    // Nothing half-made stays behind: no partial output, and no recipe llmops wrote for it.
    rmSync(partial, { recursive: true, force: true });
    if (!o.recipe) rmSync(recipePath, { force: true });
    throw err;
  }

  const ws = new NodeTrainWorkspace();
  const record: CompressedExport = {
    schema: COMPRESSED_EXPORT_SCHEMA,
    method: o.method,
    scheme,
    recipe: { file: show(o.cwd, recipePath), sha256: `sha256:${await sha256File(recipePath)}` },
    calibration: { file: calShown, sha256: `sha256:${await sha256File(calibration)}`, records, samples: Math.min(samples, records), max_seq_length: maxSeqLength },
    tool: { name: "llm-compressor", version, python },
    source: { dir: shown, hash: (await ws.hashDirectory(modelDir)).hash },
    output: { dir: outShown, hash: (await ws.hashDirectory(out)).hash, quant_method: quantMethod },
    llmops_version: VERSION,
    created_at: new Date().toISOString(),
  };
  const recordPath = `${out}.export.json`;
  writeFileSync(recordPath, compressedExportFormat.serialize(record));
  return { out, recordPath, record };
}

/** What llm-compressor writes: config.json with a quantization_config, and safetensors weights. */
function checkOutput(dir: string, shown: string): string {
  const cfgPath = join(dir, "config.json");
  if (!existsSync(cfgPath)) throw new ExternalError(`llm-compressor exited 0 but wrote no ${shown}/config.json`, { hint: "check its log above; the output directory is left out" });
  let qc: { quant_method?: unknown } | undefined;
  try {
    qc = (JSON.parse(readFileSync(cfgPath, "utf8")) as { quantization_config?: { quant_method?: unknown } }).quantization_config;
  } catch (err) {
    throw new ExternalError(`llm-compressor wrote ${shown}/config.json that is not JSON (${(err as Error).message})`);
  }
  if (!qc || typeof qc.quant_method !== "string") throw new ExternalError(`llm-compressor exited 0 but ${shown}/config.json has no quantization_config: the model was not quantized`, { hint: "check the recipe and the log above" });
  if (!readdirSync(dir).some((f) => f.endsWith(".safetensors"))) throw new ExternalError(`llm-compressor exited 0 but wrote no safetensors weights in ${shown}`);
  return qc.quant_method;
}
