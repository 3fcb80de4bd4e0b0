// Command lines for vLLM's and TGI's OpenAI-compatible servers (their documented flags), serving the
// model under its name and the versioned alias, LoRA adapters through vLLM's --enable-lora.
import type { EnvironmentSpec } from "./environments.js";
import { servedNames, weightsSource, type DeployArtifact } from "./model-ref.js";

/** vLLM accepts only these ranks for --max-lora-rank. */
const VLLM_LORA_RANKS = [1, 8, 16, 32, 64, 128, 256, 320, 512];

export function maxLoraRank(rank: number | null): number {
  const r = rank ?? 16;
  return VLLM_LORA_RANKS.find((x) => x >= r) ?? 512;
}

/** The path the server reads downloaded weights from (an emptyDir or compose volume at /models). */
export const MODELS_DIR = "/models";

function modelArg(a: DeployArtifact): { model: string; revision: string | null } {
  const w = weightsSource(a);
  if (w.kind === "hub") return { model: w.file ? `${MODELS_DIR}/${w.file}` : w.repo, revision: w.file ? null : w.revision };
  return { model: `${MODELS_DIR}/${w.file}`, revision: null };
}

export function vllmArgs(a: DeployArtifact, env: EnvironmentSpec): string[] {
  const port = env.port ?? 8000;
  const names = servedNames(a);
  const args: string[] = [];
  if (a.type === "adapter") {
    const base = a.baseModel ?? "";
    args.push("--model", base.replace(/^hf:\/\//, "").replace(/@.*$/, ""));
    const rev = /^hf:\/\/[^@]+@(.+)$/.exec(base)?.[1];
    if (rev) args.push("--revision", rev);
    args.push("--served-model-name", baseServedName(a)!);
    const { model } = modelArg(a);
    args.push("--enable-lora", "--lora-modules", `${names.name}=${model}`, `${names.versioned}=${model}`, "--max-lora-rank", String(maxLoraRank(a.loraRank)));
  } else {
    const { model, revision } = modelArg(a);
    args.push("--model", model);
    if (revision) args.push("--revision", revision);
    args.push("--served-model-name", names.name, names.versioned);
  }
  args.push("--host", "0.0.0.0", "--port", String(port));
  if (env.max_model_len) args.push("--max-model-len", String(env.max_model_len));
  return args;
}

export function tgiArgs(a: DeployArtifact, env: EnvironmentSpec): { args: string[]; env: Record<string, string> } {
  const port = env.port ?? 80;
  const names = servedNames(a);
  const vars: Record<string, string> = {};
  const args: string[] = [];
  if (a.type === "adapter") {
    const base = a.baseModel ?? "";
    args.push("--model-id", base.replace(/^hf:\/\//, "").replace(/@.*$/, ""));
    const rev = /^hf:\/\/[^@]+@(.+)$/.exec(base)?.[1];
    if (rev) args.push("--revision", rev);
    vars.LORA_ADAPTERS = `${names.name}=${modelArg(a).model}`;
  } else {
    const { model, revision } = modelArg(a);
    args.push("--model-id", model);
    if (revision) args.push("--revision", revision);
  }
  args.push("--served-model-name", names.versioned, "--port", String(port));
  if (env.max_model_len) args.push("--max-total-tokens", String(env.max_model_len));
  return { args, env: vars };
}

/** A POSIX sh script (values passed as $1.. so nothing is interpolated) that fetches and verifies weights. */
export const FETCH_SCRIPT = 'set -eu; curl -fsSL --retry 3 -o "$2.part" "$1"; echo "$3  $2.part" | sha256sum -c -; mv "$2.part" "$2"';

export function fetchCommand(a: DeployArtifact): string[] | null {
  const w = weightsSource(a);
  if (w.kind === "hub" && !w.file) return null;
  if (w.kind === "hub") {
    const url = `https://huggingface.co/${w.repo}/resolve/${w.revision}/${w.file}`;
    return ["sh", "-c", FETCH_SCRIPT, "fetch-weights", url, `${MODELS_DIR}/${w.file}`, a.sha256.replace(/^sha256:/, "")];
  }
  return ["sh", "-c", FETCH_SCRIPT, "fetch-weights", w.url, `${MODELS_DIR}/${w.file}`, w.sha256];
}

/** The name the base model of an adapter is served under (what the adapter's answer is compared with). */
export function baseServedName(a: DeployArtifact): string | null {
  if (a.type !== "adapter" || !a.baseModel) return null;
  return a.baseModel.replace(/^hf:\/\//, "").replace(/@.*$/, "").split("/").pop()!;
}
