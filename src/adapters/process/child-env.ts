// The environment a child process (trainer, launcher, quantizer) gets: an allow-list, not the
// runner's environment. The runner's own credentials — ACTIONS_RUNTIME_TOKEN (cache writes),
// ACTIONS_ID_TOKEN_REQUEST_* (OIDC tokens), GITHUB_TOKEN, every INPUT_* (an action's token input) —
// never reach third-party code (axolotl, torchtune, remote model code) unless a spec names one.

/** Passed through by name: what a toolchain needs to find itself, its caches and its devices. */
const NAMES = new Set([
  "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM", "TZ", "LANG", "LANGUAGE", "TMPDIR", "TMP", "TEMP", "SYSTEMROOT",
  "VIRTUAL_ENV", "LD_LIBRARY_PATH", "CI",
  "MASTER_ADDR", "MASTER_PORT", "WORLD_SIZE", "RANK", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "NODE_RANK",
  "HF_HOME", "HF_HUB_CACHE", "HF_DATASETS_CACHE", "HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_CACHE", "TRANSFORMERS_OFFLINE", "HF_HUB_ENABLE_HF_TRANSFER",
  "RUNNER_TEMP", "RUNNER_TOOL_CACHE", "RUNNER_OS", "RUNNER_ARCH", "GITHUB_ACTIONS", "GITHUB_WORKSPACE", "GITHUB_SHA", "GITHUB_REPOSITORY", "GITHUB_RUN_ID",
]);
/** Passed through by prefix: locale, CUDA/NCCL/threading knobs, Python and conda, llmops' own settings. */
const PREFIXES = ["LC_", "CUDA_", "NVIDIA_", "NCCL_", "OMP_", "MKL_", "PYTORCH_", "TORCH_", "PYTHON", "CONDA_", "XDG_", "ACCELERATE_", "LLMOPS_"];

export function isAllowedChildVar(name: string): boolean {
  return NAMES.has(name) || PREFIXES.some((p) => name.startsWith(p));
}

/**
 * `env` reduced to the allow-list, plus the variables `passEnv` names explicitly (a spec's
 * `pass_env:`), each present only if set.
 */
export function childEnv(env: Readonly<Record<string, string | undefined>>, passEnv: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && isAllowedChildVar(k)) out[k] = v;
  for (const k of passEnv) if (env[k] !== undefined) out[k] = env[k]!;
  return out;
}
