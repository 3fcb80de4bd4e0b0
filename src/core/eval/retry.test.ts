import { describe, expect, it } from "vitest";
import type { Clock } from "../ports/index.js";
import { ProviderError } from "../ports/provider.js";
import { backoffDelay, parseRetryAfter, withRetries } from "./retry.js";

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

function fakeClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => 0, sleep: async (ms) => void slept.push(ms) };
}

describe("backoff", () => {
  it("grows exponentially with jitter in [50%, 100%] and caps", () => {
    expect(backoffDelay(policy, 1, 0)).toBe(50);
    expect(backoffDelay(policy, 1, 0.999999)).toBeCloseTo(100, 3);
    expect(backoffDelay(policy, 3, 0)).toBe(200);
    expect(backoffDelay(policy, 10, 0)).toBe(500);
  });
  it("never retries before Retry-After", () => {
    expect(backoffDelay(policy, 1, 0, 3000)).toBe(3000);
    expect(backoffDelay(policy, 1, 0, 10)).toBe(50);
  });
  it.each([
    ["2", 2000],
    ["0.5", 500],
    ["", undefined],
    ["soon", undefined],
  ])("parseRetryAfter(%s)", (v, ms) => expect(parseRetryAfter(v)).toBe(ms));
  it("parses an HTTP date", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", now)).toBe(5000);
  });
});

describe("withRetries", () => {
  it("retries retryable errors and reports the attempts", async () => {
    const clock = fakeClock();
    let calls = 0;
    const r = await withRetries(
      async () => {
        if (++calls < 3) throw new ProviderError("503", "http", { status: 503, retryable: true });
        return "ok";
      },
      policy,
      clock,
      () => 0,
    );
    expect(r).toEqual({ value: "ok", attempts: 3 });
    expect(clock.slept).toEqual([50, 100]);
  });
  it("does not retry 400/401/404", async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new ProviderError("401", "auth", { status: 401, retryable: false, fatal: true });
        },
        policy,
        fakeClock(),
        () => 0,
      ),
    ).rejects.toThrow("401");
    expect(calls).toBe(1);
  });
  it("gives up after maxAttempts (or the error's own limit)", async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new ProviderError("refused", "refused", { retryable: true, fatal: true, maxAttempts: 3 });
        },
        policy,
        fakeClock(),
        () => 0,
      ),
    ).rejects.toThrow("refused");
    expect(calls).toBe(3);
  });
});
