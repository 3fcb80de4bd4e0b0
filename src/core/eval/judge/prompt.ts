// A judge's prompt after the suite loader has read it: the spec to render, where it came from, and
// the request it becomes.
import { ConfigError } from "../../../errors.js";
import type { CompletionRequest } from "../../ports/provider.js";
import { compilePrompt, type CompiledPrompt, type PromptSpec, type TemplateOrigin } from "../prompt.js";
import type { RemoteTarget } from "./target.js";
import { stableStringify } from "../../stable-json.js";
import { sha256 } from "../hash.js";

/** Set on a judge scorer's configuration by the suite loader (app/eval/judge-prompts.ts). */
export interface LoadedJudgePrompt {
  spec: PromptSpec;
  /** The file it came from ("builtin:…" for a built-in template), or "inline". */
  source: string;
  origins: TemplateOrigin[];
}

export interface JudgePrompt {
  source: string;
  hash: string;
  render(vars: Record<string, unknown>, caseId: string | undefined): CompletionRequest;
}

export function judgePrompt(loaded: LoadedJudgePrompt | undefined, scorer: string, target: RemoteTarget): JudgePrompt {
  if (!loaded) throw new ConfigError(`scorer "${scorer}": its judge prompt was not loaded`, { hint: "judge scorers are created from a suite file by the suite loader" });
  const compiled: CompiledPrompt = compilePrompt(loaded.spec, `${scorer}: prompt`, loaded.origins);
  return {
    source: loaded.source,
    hash: sha256(stableStringify(loaded.spec)),
    render(vars, caseId) {
      const { messages } = compiled.render(vars, { caseId: caseId ?? "?" });
      return { api: "chat", model: target.model, messages, params: { ...target.params }, stream: false };
    },
  };
}
