// Retries with exponential backoff and full jitter, honouring a server's Retry-After.
import type { Clock } from "../ports/index.js";
import { ProviderError } from "../ports/provider.js";

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Delay before attempt `attempt` (1-based count of failures so far). `random` in [0,1). */
export function backoffDelay(policy: RetryPolicy, failures: number, random: number, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  const jittered = exp * (0.5 + random / 2);
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
    // The server said when; never earlier than that, capped so a bad header cannot stall a run.
    return Math.min(Math.max(retryAfterMs, jittered), Math.max(policy.maxDelayMs, retryAfterMs > 120_000 ? 120_000 : retryAfterMs));
  }
  return jittered;
}

/** Parse Retry-After: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - nowMs);
}

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
}

export async function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  random: () => number,
  onRetry?: (err: ProviderError, attempt: number, delayMs: number) => void,
): Promise<RetryOutcome<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await fn(attempt), attempts: attempt };
    } catch (err) {
      if (!(err instanceof ProviderError) || !err.retryable || attempt >= Math.min(policy.maxAttempts, err.opts.maxAttempts ?? Infinity)) {
        if (err instanceof ProviderError) (err as ProviderError & { attempts?: number }).attempts = attempt;
        throw err;
      }
      const delay = backoffDelay(policy, attempt, random(), err.opts.retryAfterMs);
      onRetry?.(err, attempt, delay);
      await clock.sleep(delay);
    }
  }
}
