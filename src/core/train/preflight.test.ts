import { describe, expect, it } from "vitest";
import { ConfigError, ExternalError } from "../../errors.js";
import { FakeRunner, MemoryWorkspace } from "../../../test/support/train-fakes.js";
import { assertPreflight, parseNvidiaSmi, requiredPackages, runPreflight } from "./preflight.js";
import { parseTrainSpec } from "./spec.js";

const SPEC = "base: {model: scratch}\ndatasets: {format: chat, train: t.jsonl}\nmax_steps: 3\nlearning_rate: 0.001\n";
const AXO = "base: {model: /m}\ndatasets: {format: chat, train: t.jsonl}\nmax_steps: 3\nlearning_rate: 0.001\nbackend: axolotl\nmethod: qlora\nlauncher: {type: accelerate, num_processes: 4}\n";

describe("nvidia-smi", () => {
  it("parses the CSV query", () => {
    expect(parseNvidiaSmi("0, NVIDIA H100 80GB HBM3, 81559, 80000, 550.54.15\n1, NVIDIA H100 80GB HBM3, 81559, 1024, 550.54.15\n")).toEqual([
      { index: 0, name: "NVIDIA H100 80GB HBM3", memoryTotalMiB: 81559, memoryFreeMiB: 80000, driver: "550.54.15" },
      { index: 1, name: "NVIDIA H100 80GB HBM3", memoryTotalMiB: 81559, memoryFreeMiB: 1024, driver: "550.54.15" },
    ]);
    expect(parseNvidiaSmi("No devices were found")).toEqual([]);
  });
});

describe("preflight", () => {
  const input = (spec: string) => ({ spec: parseTrainSpec(spec, "s.yaml"), pythonCandidates: ["python3", "/usr/bin/python3"], outDir: "/out", trainFile: "/d/t.jsonl" });

  it("lists packages per backend", () => {
    expect(requiredPackages(parseTrainSpec(SPEC, "s"))).toEqual(["torch"]);
    expect(requiredPackages(parseTrainSpec(AXO, "s"))).toEqual(["accelerate", "axolotl", "bitsandbytes", "peft", "torch", "transformers"]);
  });

  it("passes on a CPU machine with torch and the data", async () => {
    const ws = new MemoryWorkspace({ "/d/t.jsonl": "{}" });
    const r = await runPreflight(input(SPEC), new FakeRunner(ws, [], { nvidiaSmi: null }), ws);
    expect(r).toMatchObject({ device: "cpu", gpus: [], problems: [], python: { path: "python3", version: "3.11.2", packages: { torch: "1.13.0" } } });
  });

  it("falls back to the next interpreter that has torch", async () => {
    const ws = new MemoryWorkspace({ "/d/t.jsonl": "{}" });
    const runner = new FakeRunner(ws, [], { python: { version: "3.12.0", packages: {}, cuda: false } });
    const r = await runPreflight(input(SPEC), runner, ws);
    expect(r.problems).toEqual([
      'Python package "torch" is missing from python3 (tried: python3 (missing torch); /usr/bin/python3 (missing torch)); install PyTorch (Debian/Ubuntu: apt-get install python3-torch; elsewhere: pip install torch)',
    ]);
  });

  it("records a command script's interpreter versions without requiring packages", async () => {
    const ws = new MemoryWorkspace({ "/d/t.jsonl": "{}" });
    const cmd = "base: {model: scratch}\ndatasets: {format: chat, train: t.jsonl}\nmax_steps: 3\nlearning_rate: 0.001\nbackend: command\ncommand: {argv: [x]}\npython: /venv/bin/python\n";
    const runner = new FakeRunner(ws, [], { python: { version: "3.11.7", packages: { torch: "2.13.0", transformers: "5.18.0", peft: null }, cuda: false }, nvidiaSmi: null });
    const r = await runPreflight(input(cmd), runner, ws);
    expect(r).toMatchObject({ problems: [], python: { path: "/venv/bin/python", packages: { torch: "2.13.0", transformers: "5.18.0" } } });
    const without = await runPreflight(input(cmd.replace("python: /venv/bin/python\n", "")), runner, ws);
    expect(without.python).toBeUndefined();
    expect(without.problems).toEqual([]);
  });

  it("names every missing piece", async () => {
    const ws = new MemoryWorkspace();
    ws.free = 100 * 2 ** 20;
    const r = await runPreflight(input(AXO), new FakeRunner(ws, [], { python: { version: "3.11.2", packages: { torch: "2.4.0" }, cuda: false }, nvidiaSmi: null }), ws);
    expect(r.problems.map((p) => p.split(" (")[0]!.split(";")[0])).toEqual([
      'Python package "accelerate" is missing from python3',
      'Python package "axolotl" is missing from python3',
      'Python package "bitsandbytes" is missing from python3',
      'Python package "peft" is missing from python3',
      'Python package "transformers" is missing from python3',
      "backend axolotl needs a CUDA GPU and none was found",
      "qlora needs a CUDA GPU",
      "only 100 MiB free at /out",
      "training data /d/t.jsonl does not exist",
    ]);
    expect(() => assertPreflight(r)).toThrow(ExternalError);
  });

  it("sees GPUs and checks the process count against them", async () => {
    const ws = new MemoryWorkspace({ "/d/t.jsonl": "{}" });
    const runner = new FakeRunner(ws, [], {
      python: { version: "3.11", packages: { torch: "2.5", transformers: "4.50", axolotl: "0.9", peft: "0.14", bitsandbytes: "0.45", accelerate: "1.2" }, cuda: true },
      nvidiaSmi: "0, NVIDIA A10G, 23028, 22000, 535.1\n",
    });
    const r = await runPreflight(input(AXO), runner, ws);
    expect(r.device).toBe("cuda");
    expect(r.problems).toEqual(["the launcher starts 4 processes per node but this machine has 1 GPU(s); lower nproc_per_node/num_processes"]);
  });

  it("treats only-missing-files as a configuration error", () => {
    expect(() => assertPreflight({ gpus: [], device: "cpu", disk: { path: "/" }, warnings: [], problems: ["training data /x does not exist (…)"] })).toThrow(ConfigError);
  });
});
