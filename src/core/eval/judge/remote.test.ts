import { describe, expect, it } from "vitest";
import { ExternalError } from "../../../errors.js";
import { systemClock } from "../../ports/clock.js";
import { ProviderError, type CompletionRequest, type CompletionResult, type Provider } from "../../ports/provider.js";
import { createScorers, scorerConfigSchema } from "../scorers/registry.js";
import type { ScoreInput } from "../scorers/types.js";
import { prepareRemoteScores } from "./remote.js";

const target = { base_url: "http://judge.test/v1", model: "j" };

function rubric() {
  const config = scorerConfigSchema.parse({ type: "judge_rubric", name: "q", target, rubric: "r", scale: 3 });
  Object.assign(config, { loaded_prompt: { spec: { kind: "template", template: "{{ output }}" }, source: "inline", origins: [] } });
  return createScorers([config])[0]!;
}

const input = (output: string): ScoreInput => ({ caseId: output, repeat: 0, output, expected: null, vars: {}, prompt: "p", latencyMs: 1, ttftMs: null, promptTokens: null, completionTokens: null, cost: null });
const answer = (text: string): CompletionResult => ({ text, finishReason: "stop", promptTokens: 3, completionTokens: 2, ttftMs: null, latencyMs: 1 });

function provider(complete: (req: CompletionRequest, signal?: AbortSignal) => Promise<CompletionResult>): Provider {
  return { baseUrl: target.base_url, complete };
}

const deps = (p: Provider) => ({ providerFor: () => p, cache: null, clock: systemClock, random: () => 0.5, logger: { info: () => {}, debug: () => {} } });
const opts = { concurrency: 4, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, requestTimeoutMs: 50 };

describe("prepareRemoteScores", () => {
  it("abandons a silent judge at the whole-request deadline, retries it, and records that sample's failure", async () => {
    let calls = 0;
    const silent = provider((req, signal) => {
      calls++;
      const text = req.messages![0]!.content;
      if (text === "ok") return Promise.resolve(answer('{"score": 3}'));
      return new Promise((_, reject) => signal!.addEventListener("abort", () => reject(new Error("aborted"))));
    });
    const s = rubric();
    const usage = await prepareRemoteScores([input("ok"), input("hangs")], [s], deps(silent), opts);
    expect(calls).toBe(1 + 3);
    expect(usage.get("q")).toMatchObject({ requests: 1, retries: 2, prompt_tokens: 3, completion_tokens: 2 });
    expect(s.score(input("ok"))).toMatchObject({ value: 1, detail: { verdict: "3" } });
    const failed = s.score(input("hangs"));
    expect(failed.value).toBeNull();
    expect(failed.detail!.error).toMatch(/judge request failed: http:\/\/judge\.test\/v1: no answer within 50 ms \(timeouts\.request_s\)/);
    expect(s.tally!().errors).toEqual({ parse: 0, request: 1 });
  });

  it("stops on a fatal judge failure with an ExternalError carrying the hint", async () => {
    const denied = provider(() => Promise.reject(new ProviderError("http://judge.test/v1/chat/completions answered 401 Unauthorized", "auth", { status: 401, retryable: false, fatal: true, hint: "check JUDGE_KEY" })));
    const err = await prepareRemoteScores([input("a"), input("b")], [rubric()], deps(denied), opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExternalError);
    expect((err as ExternalError).message).toMatch(/scorer request failed: .*401/);
    expect((err as ExternalError).hint).toBe("check JUDGE_KEY");
  });
});
