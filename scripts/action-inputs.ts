// The `inputs:` block of each actions/<name>/action.yml, generated from the option spec the action
// shares with the CLI (src/core/options/). Run by the build, which rewrites the block in place;
// CI's dist check fails when a committed action.yml differs from what this produces.
import { stringify } from "yaml";
import { SHARED_SPECS } from "../src/core/options/index.js";
import { actionDescription, actionInput } from "../src/core/options/spec.js";

/** The YAML of one action's inputs (the `inputs:` line and its entries), from its spec. */
export function renderInputsBlock(action: string): string {
  const shared = SHARED_SPECS.find((s) => s.action === action);
  if (!shared) throw new Error(`no option spec for actions/${action} (add it to SHARED_SPECS in src/core/options/index.ts)`);
  const inputs: Record<string, { description: string; required: boolean; default?: string }> = {};
  for (const [key, def] of Object.entries(shared.specs)) {
    const input = actionInput(key, def);
    if (input === undefined) continue;
    // Required in code; the runner only needs to know when the workflow must set it (no default).
    inputs[input] = { description: actionDescription(def), required: Boolean(def.required) && def.actionDefault === undefined, ...(def.actionDefault !== undefined ? { default: def.actionDefault } : {}) };
  }
  return stringify({ inputs }, { lineWidth: 0 });
}

/** action.yml's text with its inputs block replaced by the generated one. */
export function withGeneratedInputs(action: string, text: string): string {
  const m = /^inputs:\n(?:[ \t]+.*\n|\n)*/m.exec(text);
  const block = renderInputsBlock(action);
  if (!m) throw new Error(`actions/${action}/action.yml has no top-level inputs: block to generate`);
  return text.slice(0, m.index) + block + text.slice(m.index + m[0].length);
}

export const ACTIONS_WITH_SPECS = SHARED_SPECS.map((s) => s.action);
