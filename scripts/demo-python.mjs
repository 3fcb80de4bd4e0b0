// The demo's PyTorch: a Python interpreter that imports torch (and numpy, which the reference
// trainer's safetensors writer needs), found or installed, in this order:
//   1. $LLMOPS_PYTHON, when set (the user's choice; never replaced)
//   2. /usr/bin/python3 (Debian's python3-torch, what scripts/test.sh installs)
//   3. .llmops/torch-venv, created from a LOCAL pip mirror when the machine has one
//      (/opt/wheels, file:///opt/pypi/simple — the same mirror scripts/setup-hf-venv.sh uses)
//   4. apt-get install python3-torch (as root, or with passwordless sudo; a few minutes)
// Every command is an argument array; nothing reaches the network except through apt.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const CHECK = "import torch, numpy; print(torch.__version__)";

function torchVersion(python) {
  const r = spawnSync(python, ["-c", CHECK], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return r.status === 0 ? r.stdout.trim() : null;
}

function run(argv, say) {
  say(`  $ ${argv.join(" ")}`);
  const r = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (r.status !== 0) say(`    (exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout || "").trim().split("\n").filter((l) => !/is ignored: it is neither/.test(l)).slice(-2).join(" / ")})`);
  return r.status === 0;
}

/** Returns { python, version, how } or throws with what to do. */
export function findTorchPython(root, say) {
  if (process.env.LLMOPS_PYTHON) {
    const v = torchVersion(process.env.LLMOPS_PYTHON);
    if (v) return { python: process.env.LLMOPS_PYTHON, version: v, how: "$LLMOPS_PYTHON" };
    throw new Error(`$LLMOPS_PYTHON (${process.env.LLMOPS_PYTHON}) cannot import torch and numpy: install them there, or unset LLMOPS_PYTHON to let the demo find or install PyTorch`);
  }
  const system = "/usr/bin/python3";
  let v = torchVersion(system);
  if (v) return { python: system, version: v, how: "Debian's python3-torch" };
  const venv = join(root, ".llmops", "torch-venv");
  const venvPython = join(venv, "bin", "python");
  if (existsSync(venvPython) && (v = torchVersion(venvPython))) return { python: venvPython, version: v, how: ".llmops/torch-venv" };

  const wheels = "/opt/wheels";
  const index = "/opt/pypi/simple";
  if (existsSync(wheels) || existsSync(index)) {
    say(`PyTorch is not installed for ${system}; creating .llmops/torch-venv from the local package mirror (about a minute)`);
    const pip = [venvPython, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"];
    pip.push(...(existsSync(index) ? ["--index-url", `file://${index}`] : ["--no-index"]));
    if (existsSync(wheels)) pip.push("--find-links", wheels);
    if (run(["python3", "-m", "venv", venv], say) && run([...pip, "torch", "numpy"], say) && (v = torchVersion(venvPython))) {
      return { python: venvPython, version: v, how: ".llmops/torch-venv (local mirror)" };
    }
  }
  const root_ = process.getuid?.() === 0;
  const sudo = root_ ? [] : ["sudo", "-n"];
  if (root_ || spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0) {
    say("installing Debian's python3-torch with apt-get (a few minutes, once)");
    if (run([...sudo, "apt-get", "update", "-qq"], say) && run([...sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "python3-torch", "python3-numpy"], say) && (v = torchVersion(system))) {
      return { python: system, version: v, how: "Debian's python3-torch (just installed)" };
    }
  }
  throw new Error(`the reference trainer needs PyTorch and none could be installed: run \`apt-get install python3-torch\` as root (Debian/Ubuntu), or \`pip install torch numpy\` into a Python 3 and set LLMOPS_PYTHON to that interpreter`);
}
