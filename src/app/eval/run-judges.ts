// The judge and embedding scorers' side of a run: their providers (one per endpoint, keys from the
// environment like the target's), the response cache and retry policy they share with the run, the
// `judges` section of summary.json, and what `eval --dry-run` shows of them.
import { DiskResponseCache } from "../../adapters/fs/disk-cache.js";
import { OpenAiCompatibleProvider, requestBody } from "../../adapters/openai/openai-provider.js";
import type { RunSummary } from "../../core/contracts/summary.js";
import type { RemoteDeps, RemoteOptions, RemoteUsage } from "../../core/eval/judge/remote.js";
import { judgeWarnings, summarizeJudges, type HumanLabels } from "../../core/eval/judge/summarize.js";
import type { RemoteTarget } from "../../core/eval/judge/target.js";
import type { PlannedJob } from "../../core/eval/plan.js";
import { scoreInputOf } from "../../core/eval/record.js";
import type { Scorer } from "../../core/eval/scorers/types.js";
import type { SuiteConfig } from "../../core/eval/suite-schema.js";
import { systemClock, type Logger, type Provider } from "../../core/ports/index.js";
import { neutralizeLogText } from "../../core/report/escape-log.js";
import type { RunSuiteOptions } from "./run-suite.js";

export interface JudgePlanEntry {
  scorer: string;
  url: string;
  body: Record<string, unknown> | null;
}

/** How the runner reaches the judges' models. */
export function judgeRemote(o: RunSuiteOptions, suite: SuiteConfig, cacheDir: string): { deps: RemoteDeps; opts: RemoteOptions } {
  const providers = new Map<string, Provider>();
  const warned = new Set<string>();
  const providerFor = (t: RemoteTarget): Provider => {
    const id = `${t.base_url}\u0000${t.api_key_env ?? ""}`;
    let p = providers.get(id);
    if (!p) {
      const apiKey = t.api_key_env ? o.env[t.api_key_env] : undefined;
      if (t.api_key_env && !apiKey && !warned.has(t.api_key_env)) {
        warned.add(t.api_key_env);
        o.logger.warn(`environment variable ${t.api_key_env} (a judge's target.api_key_env) is not set; sending no API key to ${t.base_url}`);
      }
      p = new OpenAiCompatibleProvider({ baseUrl: t.base_url, ...(apiKey ? { apiKey } : {}), ...(t.api_key_env ? { apiKeyEnv: t.api_key_env } : {}) });
      providers.set(id, p);
    }
    return p;
  };
  return {
    deps: { providerFor, cache: o.noCache ? null : new DiskResponseCache(cacheDir, o.logger), clock: systemClock, random: Math.random, logger: o.logger },
    opts: {
      concurrency: o.concurrency ?? suite.concurrency,
      retry: { maxAttempts: suite.retries.max_attempts, baseDelayMs: suite.retries.base_delay_ms, maxDelayMs: suite.retries.max_delay_ms },
      requestTimeoutMs: (o.timeouts?.request_s ?? suite.timeouts.request_s) * 1000,
    },
  };
}

/** Add `judges` to the summary (when the suite has judge or embedding scorers) and log its warnings. */
export function withJudges(summary: RunSummary, scorers: readonly Scorer[], usage: ReadonlyMap<string, RemoteUsage>, labels: ReadonlyMap<string, HumanLabels>, logger: Pick<Logger, "warn">): void {
  const judges = summarizeJudges(scorers, { usage, labels });
  if (!judges) return;
  summary.judges = judges;
  // Judge answers are untrusted text: neutralised before they reach the runner's log.
  for (const w of judgeWarnings(judges)) logger.warn(neutralizeLogText(w));
}

/** For `eval --dry-run`: each remote scorer's first request on the first case, with a placeholder output. */
export function judgePlan(scorers: readonly Scorer[], first: PlannedJob | undefined): JudgePlanEntry[] {
  if (!first) return [];
  const input = scoreInputOf(first, { text: "(the model's output)", finishReason: null, promptTokens: null, completionTokens: null, ttftMs: null, latencyMs: 0 }, null);
  return scorers.flatMap((s): JudgePlanEntry[] => {
    if (!s.remote) return [];
    const req = s.remote.preview(input);
    const base = s.remote.target.base_url.replace(/\/+$/, "");
    if (req === null) return [{ scorer: s.name, url: base, body: null }];
    if (req.api === "embeddings") return [{ scorer: s.name, url: `${base}/embeddings`, body: { model: req.model, input: req.input } }];
    return [{ scorer: s.name, url: `${base}/chat/completions`, body: requestBody(req) }];
  });
}
