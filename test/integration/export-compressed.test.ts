// `llmops export awq|gptq` launches llm-compressor. The real tool cannot be installed here (no network,
// no wheel in the local mirror), so: the ABSENT path is tested for real (a real Python without it), and
// the LAUNCH path with an honest STAND-IN put on PYTHONPATH — a tiny `llmcompressor` module (and a
// `datasets` one, the real tool's dependency) written below, which records how llmops launched it and
// writes the output layout llm-compressor writes (config.json with a compressed-tensors
// quantization_config, safetensors, recipe.yaml). It quantizes nothing; it checks llmops' side.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressedExportFormat } from "../../src/core/contracts/added-formats.js";
import { repoRoot, runCli, tempDir } from "../support/cli.js";
import { writeTinyLlama } from "../support/tiny-llama.js";

const PY = "/usr/bin/python3";
const noPython = spawnSync(PY, ["-c", "import json"]).status !== 0 ? `${PY} is missing` : undefined;
if (noPython) console.warn(`skipping the llm-compressor launch tests: ${noPython}`);

const STANDIN_LLMCOMPRESSOR = `# STAND-IN for llm-compressor (not installable on this machine): records its launch, writes its layout.
import json, os, shutil, sys
__version__ = "0.0.0+llmops-standin"

# llmops gives the tool an allow-listed environment, so the test steers the stand-in through a file beside it.
CONTROL = json.load(open(os.path.join(os.path.dirname(__file__), "..", "control.json")))

def oneshot(**kw):
    with open(CONTROL["log"], "w") as f:
        json.dump({"argv": sys.argv, "kwargs": {k: v for k, v in kw.items() if k not in ("dataset", "recipe")},
                   "recipe_path": kw["recipe"], "recipe": open(kw["recipe"]).read(), "texts": kw["dataset"].columns["text"]}, f)
    if CONTROL.get("fail"):
        print("CUDA out of memory (stand-in)", file=sys.stderr)
        sys.exit(3)
    out, src = kw["output_dir"], kw["model"]
    os.makedirs(out)
    cfg = json.load(open(os.path.join(src, "config.json")))
    if not CONTROL.get("no_quant"):
        cfg["quantization_config"] = {"quant_method": "compressed-tensors", "format": "pack-quantized", "ignore": ["lm_head"],
                                      "config_groups": {"group_0": {"targets": ["Linear"], "weights": {"num_bits": 4, "group_size": 128}}}}
    json.dump(cfg, open(os.path.join(out, "config.json"), "w"))
    for name in os.listdir(src):
        if name.endswith(".safetensors") or name.startswith("tokenizer"):
            shutil.copy(os.path.join(src, name), out)
    shutil.copy(kw["recipe"], os.path.join(out, "recipe.yaml"))
`;
const STANDIN_DATASETS = `# STAND-IN for Hugging Face datasets (llm-compressor's dependency): only what the launcher uses.
class Dataset:
    def __init__(self, columns):
        self.columns = columns
    @classmethod
    def from_dict(cls, columns):
        return cls(columns)
`;

describe.skipIf(noPython !== undefined)("llmops export awq|gptq (llm-compressor)", () => {
  let root: string;
  let model: string;
  let cal: string;
  let standin: string;
  beforeAll(() => {
    root = tempDir("llmops-compress-");
    model = writeTinyLlama(join(root, "model"), { hidden: 32, ffn: 64 });
    cal = join(root, "cal.jsonl");
    writeFileSync(cal, [{ text: "the quick brown fox" }, { prompt: "2+2=", completion: "4" }, {}, { instruction: "Reverse", input: "abc", output: "cba" }].map((r, i) => (i === 2 ? "" : JSON.stringify(r))).join("\n") + "\n");
    standin = join(root, "standin");
    mkdirSync(join(standin, "llmcompressor"), { recursive: true });
    mkdirSync(join(standin, "datasets"), { recursive: true });
    writeFileSync(join(standin, "llmcompressor", "__init__.py"), STANDIN_LLMCOMPRESSOR);
    writeFileSync(join(standin, "datasets", "__init__.py"), STANDIN_DATASETS);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const withStandin = (control: { log: string; fail?: boolean; no_quant?: boolean }) => {
    writeFileSync(join(standin, "control.json"), JSON.stringify(control));
    return { env: { PYTHONPATH: standin } };
  };

  it("without llm-compressor in the Python (for real): exit 2 naming the Python, the import error and what to install; nothing written", async () => {
    const r = await runCli(["export", "gptq", model, "--calibration", cal, "--python", PY, "--out", join(root, "absent")], { env: { PYTHONPATH: undefined } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/llmops export gptq needs llm-compressor, which \/usr\/bin\/python3 cannot import \(ModuleNotFoundError: No module named 'llmcompressor'\)/);
    expect(r.stderr).toMatch(/pip install llmcompressor/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(root, "absent"))).toBe(false);
    expect(existsSync(join(root, "absent.recipe.yaml"))).toBe(false);
    const missing = await runCli(["export", "awq", model, "--calibration", cal, "--python", join(root, "no-such-python")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${JSON.stringify(join(root, "no-such-python"))} was not found`);
  }, 60_000);

  it("launches the tool with an argument array, the model, llmops' recipe, the calibration texts and an output dir; records what produced the result", async () => {
    const log = join(root, "launch.json");
    const out = join(root, "model-awq");
    const r = await runCli(["export", "awq", model, "--calibration", cal, "--python", PY, "--seq-len", "128", "--json"], withStandin({ log }));
    expect(r.code, r.stderr).toBe(0);
    const launch = JSON.parse(readFileSync(log, "utf8")) as { argv: string[]; kwargs: Record<string, unknown>; recipe_path: string; recipe: string; texts: string[] };
    expect(launch.argv[0]).toBe(join(repoRoot, "trainers/llm-compressor/oneshot.py"));
    expect(launch.argv.slice(1)).toEqual(["--model", model, "--recipe", `${out}.recipe.yaml`, "--output-dir", `${out}.partial`, "--calibration", cal, "--samples", "256", "--max-seq-length", "128"]);
    expect(launch.kwargs).toEqual({ model, output_dir: `${out}.partial`, max_seq_length: 128, num_calibration_samples: 3 });
    expect(launch.recipe).toMatch(/quant_stage:\n {2}quant_modifiers:\n {4}AWQModifier:\n {6}scheme: W4A16_ASYM\n {6}targets: \[Linear\]\n {6}ignore: \[lm_head\]/);
    expect(launch.texts).toEqual(["the quick brown fox", "2+2=4", "Reverse\nabc\ncba"]);

    const rec = compressedExportFormat.parse(readFileSync(`${out}.export.json`, "utf8"), "record");
    expect(JSON.parse(r.stdout)).toMatchObject({ out, method: "awq" });
    expect(rec).toMatchObject({ method: "awq", scheme: "W4A16_ASYM", tool: { name: "llm-compressor", version: "0.0.0+llmops-standin", python: PY }, output: { quant_method: "compressed-tensors" } });
    expect(rec.calibration).toMatchObject({ records: 3, samples: 3, max_seq_length: 128 });
    expect(rec.source.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(join(out, "config.json"), "utf8")).quantization_config.quant_method).toBe("compressed-tensors");
    expect(existsSync(`${out}.partial`)).toBe(false);
    // A second run refuses to overwrite the result.
    const again = await runCli(["export", "awq", model, "--calibration", cal, "--python", PY], withStandin({ log }));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  }, 60_000);

  it("GPTQ with a scheme; the tool failing or writing an unquantized model is an error with its words, and no output is left", async () => {
    const log = join(root, "gptq.json");
    const out = join(root, "gptq-out");
    const failed = await runCli(["export", "gptq", model, "--calibration", cal, "--python", PY, "--scheme", "w8a8", "--out", out], withStandin({ log, fail: true }));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/llm-compressor \(\/usr\/bin\/python3 oneshot\.py\) exited 3 quantizing .*CUDA out of memory \(stand-in\)/);
    expect(JSON.parse(readFileSync(log, "utf8")).recipe).toMatch(/GPTQModifier:\n {6}scheme: W8A8/);
    expect([existsSync(out), existsSync(`${out}.partial`), existsSync(`${out}.recipe.yaml`)]).toEqual([false, false, false]);
    const unquantized = await runCli(["export", "gptq", model, "--calibration", cal, "--python", PY, "--out", out], withStandin({ log, no_quant: true }));
    expect(unquantized.code).toBe(2);
    expect(unquantized.stderr).toMatch(/config\.json has no quantization_config: the model was not quantized/);
    expect([existsSync(out), existsSync(`${out}.partial`), existsSync(`${out}.recipe.yaml`)]).toEqual([false, false, false]);
  }, 60_000);

  it("bad input is refused before anything runs, naming the place", async () => {
    const bad = join(root, "bad.jsonl");
    writeFileSync(bad, '{"text": "ok"}\n{"label": 1}\n');
    const cases: [string[], number, RegExp][] = [
      [["export", "awq", model, "--calibration", bad, "--python", PY], 1, /bad\.jsonl:2: no text for calibration/],
      [["export", "awq", model, "--python", PY], 2, /--calibration FILE\.jsonl is required/],
      [["export", "awq", model, "--calibration", cal, "--scheme", "W8A8"], 2, /--scheme "W8A8" is not a AWQ scheme; use one of W4A16_ASYM, W4A16/],
      [["export", "gptq", model, "--calibration", cal, "--samples", "0"], 2, /--samples must be a positive integer, got "0"/],
      [["export", "gguf", model, "--type", "awq"], 2, /AWQ and GPTQ are not GGUF types[\s\S]*llmops export awq <model-dir> --calibration/],
      [["export", "gguf", model, "--calibration", cal], 2, /--calibration applies to llmops export awq\|gptq, not gguf/],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(args, withStandin({ log: join(root, "never.json") }));
      expect([r.code, r.stderr], args.join(" ")).toEqual([code, expect.stringMatching(message)]);
    }
    expect(existsSync(join(root, "never.json"))).toBe(false);
  }, 60_000);
});
