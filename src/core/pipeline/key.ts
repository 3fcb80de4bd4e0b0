// A stage's cache key: the hash of its definition, the contents of the files it reads, the
// parameters it declares, the llmops version and the keys of the stages it reads from. The same
// key on `main` and on a pull request means the same result, so the result is reused.
import type { StageKeyParts } from "../contracts/pipeline-run.js";
import { stableStringify } from "../stable-json.js";
import { sha256Hex, type Stage } from "./load.js";

export function computeKeyParts(stage: Stage, depHashes: Record<string, string>, upstreamKeys: Record<string, string>, llmopsVersion: string): StageKeyParts {
  return { definition: stage.definitionHash, deps: depHashes, params: stage.params, upstream: upstreamKeys, llmops_version: llmopsVersion };
}

export function computeStageKey(parts: StageKeyParts): string {
  return sha256Hex(stableStringify({ v: 1, ...parts }));
}

/**
 * Why a stage's key differs from the one it had: the first few differences, each naming the file,
 * parameter or upstream stage that moved. Empty when the parts are equal.
 */
export function explainKeyChange(before: StageKeyParts | undefined, now: StageKeyParts, limit = 5): string[] {
  if (!before) return ["never ran here"];
  const out: string[] = [];
  if (before.llmops_version !== now.llmops_version) out.push(`llmops version ${before.llmops_version} → ${now.llmops_version}`);
  if (before.definition !== now.definition) out.push("its definition changed");
  for (const [k, v] of Object.entries(now.params)) {
    if (!(k in before.params)) out.push(`new parameter ${k}`);
    else if (stableStringify(before.params[k]) !== stableStringify(v)) out.push(`parameter ${k}: ${short(before.params[k])} → ${short(v)}`);
  }
  for (const k of Object.keys(before.params)) if (!(k in now.params)) out.push(`parameter ${k} no longer read`);
  for (const [u, key] of Object.entries(now.upstream)) {
    if (before.upstream[u] !== key) out.push(`upstream stage ${u} changed`);
  }
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [p, h] of Object.entries(now.deps)) {
    if (!(p in before.deps)) added.push(p);
    else if (before.deps[p] !== h) changed.push(p);
  }
  for (const p of Object.keys(before.deps)) if (!(p in now.deps)) removed.push(p);
  const list = (xs: string[]) => `${xs.slice(0, 3).join(", ")}${xs.length > 3 ? ` and ${xs.length - 3} more` : ""}`;
  if (changed.length) out.push(`modified: ${list(changed)}`);
  if (added.length) out.push(`new dependency: ${list(added)}`);
  if (removed.length) out.push(`removed dependency: ${list(removed)}`);
  if (!out.length) out.push("its inputs are the same but the key differs (an older record)");
  return out.slice(0, limit);
}

function short(v: unknown): string {
  const s = stableStringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
