#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/adapters/process/child-env.ts
var NAMES = /* @__PURE__ */ new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "TERM",
  "TZ",
  "LANG",
  "LANGUAGE",
  "TMPDIR",
  "TMP",
  "TEMP",
  "SYSTEMROOT",
  "VIRTUAL_ENV",
  "LD_LIBRARY_PATH",
  "CI",
  "MASTER_ADDR",
  "MASTER_PORT",
  "WORLD_SIZE",
  "RANK",
  "LOCAL_RANK",
  "LOCAL_WORLD_SIZE",
  "NODE_RANK",
  "HF_HOME",
  "HF_HUB_CACHE",
  "HF_DATASETS_CACHE",
  "HF_HUB_OFFLINE",
  "HF_DATASETS_OFFLINE",
  "TRANSFORMERS_CACHE",
  "TRANSFORMERS_OFFLINE",
  "HF_HUB_ENABLE_HF_TRANSFER",
  "RUNNER_TEMP",
  "RUNNER_TOOL_CACHE",
  "RUNNER_OS",
  "RUNNER_ARCH",
  "GITHUB_ACTIONS",
  "GITHUB_WORKSPACE",
  "GITHUB_SHA",
  "GITHUB_REPOSITORY",
  "GITHUB_RUN_ID"
]);
var PREFIXES = ["LC_", "CUDA_", "NVIDIA_", "NCCL_", "OMP_", "MKL_", "PYTORCH_", "TORCH_", "PYTHON", "CONDA_", "XDG_", "ACCELERATE_", "LLMOPS_"];
function isAllowedChildVar(name) {
  return NAMES.has(name) || PREFIXES.some((p) => name.startsWith(p));
}
function childEnv(env, passEnv = []) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0 && isAllowedChildVar(k)) out[k] = v;
  for (const k of passEnv) if (env[k] !== void 0) out[k] = env[k];
  return out;
}

export {
  childEnv
};
