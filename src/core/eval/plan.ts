// A run plan: every case × repeat with its rendered request and cache key. Job i is case
// ⌊i / repeats⌋'s repeat i mod repeats, so the runner knows which records a finished run must
// contain from the case count alone, and renders each case only when its turn comes.
import type { SuiteConfig } from "./suite-schema.js";
import type { EvalCase } from "./cases.js";
import type { CompiledPrompt } from "./prompt.js";
import type { CompletionRequest } from "../ports/provider.js";
import { stableStringify } from "../stable-json.js";
import { sha256 } from "./hash.js";

export interface PlannedJob {
  index: number;
  caseIndex: number;
  evalCase: EvalCase;
  repeat: number;
  key: string;
  inputHash: string;
  inputText: string;
  request: CompletionRequest;
}

/** Stands for the per-case input while a key's frame is cut (no rendered prompt can equal it as JSON text). */
const INPUT_SLOT = "\u0000llmops:input\u0000";

export interface TargetOverrides {
  baseUrl?: string;
  model?: string;
}

/** The target as run: base_url always set (a placeholder until a llama-cpp server is started). */
export type EffectiveTarget = SuiteConfig["target"] & { base_url: string };

/** Where llmops will start `llmops serve` for a llama-cpp target (the port is picked at start). */
export const LLAMA_CPP_PENDING_URL = "http://127.0.0.1:0/v1";

export function effectiveTarget(suite: SuiteConfig, o: TargetOverrides): EffectiveTarget {
  // --base-url on a llama-cpp suite points it at a server already running that model.
  const provider = o.baseUrl !== undefined ? "openai-compatible" : suite.target.provider;
  const base = o.baseUrl ?? suite.target.base_url ?? LLAMA_CPP_PENDING_URL;
  return { ...suite.target, provider, base_url: base, model: o.model ?? suite.target.model };
}

/** The suite's sampling parameters as one flat object: the named ones (when set) over `extra`. */
export function flatParams(params: SuiteConfig["target"]["params"]): Record<string, unknown> {
  const { extra, ...named } = params;
  const out: Record<string, unknown> = { ...extra };
  for (const [k, v] of Object.entries(named)) if (v !== undefined) out[k] = v;
  return out;
}

/** Sampling parameters as sent: flatParams, with a per-repeat seed when none is set. */
export function requestParams(params: SuiteConfig["target"]["params"], suiteSeed: number, repeat: number, repeats: number): Record<string, unknown> {
  const out = flatParams(params);
  // Distinct, reproducible samples per repeat on servers that honour `seed`.
  if (out.seed === undefined && repeats > 1) out.seed = suiteSeed * 1000 + repeat;
  return out;
}

/**
 * Renders one case's jobs at a time: the plan is a stream, in the suite's order, never an array.
 * `identity` names the model behind the target in cache keys where the URL does not (a llama-cpp
 * target's port changes every run; its GGUF's sha256 does not).
 */
export class JobPlanner {
  // One (frozen) parameters object per repeat, shared by every case's request.
  private readonly paramsByRepeat: Readonly<Record<string, unknown>>[];
  readonly repeats: number;

  constructor(
    suite: SuiteConfig,
    private readonly prompt: CompiledPrompt,
    private readonly target: EffectiveTarget,
    identity?: string,
  ) {
    this.repeats = suite.repeats;
    this.paramsByRepeat = Array.from({ length: suite.repeats }, (_, repeat) => Object.freeze(requestParams(target.params, suite.seed, repeat, suite.repeats)));
    // The cache key's canonical JSON around its one per-case member, cut once per repeat: a key
    // is then one concatenation and one hash (the same text stableStringify gives the whole object).
    this.keyFrames = this.paramsByRepeat.map((params, repeat) => {
      const text = stableStringify({
        v: 1,
        provider: target.provider,
        base_url: identity ?? target.base_url.replace(/\/+$/, ""),
        model: target.model,
        api: target.api,
        params,
        input: INPUT_SLOT,
        repeat,
      });
      // Found after its key: inside a JSON string a quote is escaped, so this text occurs once.
      const slot = `"input":${JSON.stringify(INPUT_SLOT)}`;
      const at = text.indexOf(slot) + '"input":'.length;
      return [text.slice(0, at), text.slice(at + JSON.stringify(INPUT_SLOT).length)] as const;
    });
  }

  private readonly keyFrames: (readonly [string, string])[];

  /** The jobs of the case at `caseIndex` in the plan (after --limit and --shard), one per repeat. */
  jobsFor(c: EvalCase, caseIndex: number): PlannedJob[] {
    const { target } = this;
    const vars = c.input === undefined ? { ...c.vars } : { ...c.vars, input: c.input };
    const rendered = this.prompt.render(vars, { caseId: c.id, where: c.where });
    const messagesJson = stableStringify(rendered.messages);
    const inputHash = sha256(messagesJson);
    const inputJson = target.api === "chat" ? messagesJson : stableStringify(rendered.text);
    const jobs: PlannedJob[] = [];
    for (let repeat = 0; repeat < this.repeats; repeat++) {
      const params = this.paramsByRepeat[repeat]!;
      const request: CompletionRequest =
        target.api === "chat"
          ? { api: "chat", model: target.model, messages: rendered.messages, params, stream: target.stream }
          : { api: "completions", model: target.model, prompt: rendered.text, params, stream: target.stream };
      const [head, tail] = this.keyFrames[repeat]!;
      const key = sha256(head + inputJson + tail);
      jobs.push({ index: caseIndex * this.repeats + repeat, caseIndex, evalCase: c, repeat, key, inputHash, inputText: rendered.text, request });
    }
    return jobs;
  }
}

/** Every job of `cases`, in order (small plans and tests; runs stream through JobPlanner). */
export function planJobs(suite: SuiteConfig, cases: readonly EvalCase[], prompt: CompiledPrompt, target: EffectiveTarget, identity?: string): PlannedJob[] {
  const planner = new JobPlanner(suite, prompt, target, identity);
  return cases.flatMap((c, i) => planner.jobsFor(c, i));
}
