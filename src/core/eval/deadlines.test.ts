import { describe, expect, it } from "vitest";
import { ADAPTIVE, AdaptiveDeadlines, LatencyWindow, adaptiveDeadline, hedgeEnabled, isLoopbackUrl, type DeadlinePolicy } from "./deadlines.js";
import { RequestWatch } from "./request-watch.js";
import { DeadlineExceeded } from "./deadlines.js";

const policy: DeadlinePolicy = { connectMs: 10_000, headersMs: 60_000, firstTokenMs: 60_000, idleMs: 30_000, totalMs: 600_000, adaptive: true };

function windowOf(values: number[]): LatencyWindow {
  const w = new LatencyWindow(512);
  for (const v of values) w.add(v);
  return w;
}

describe("adaptiveDeadline: clamp(3 × q99 of the window, 1 s, max) after 16 samples", () => {
  it.each([
    ["too few samples: the configured max", Array(15).fill(50), 60_000, 60_000, false],
    ["fast answers: the floor", Array(100).fill(50), 60_000, 1000, true],
    // 100 values 1..100 s/100 → q99 = 99.01 (type 7 at h = 98.01) × 3
    ["3 × q99", Array.from({ length: 100 }, (_, i) => (i + 1) * 10), 60_000, 3 * (990 + 0.01 * 10), true],
    ["slow answers: capped at the max", Array(100).fill(30_000), 60_000, 60_000, false],
  ])("%s", (_name, values, max, expected, adaptive) => {
    const d = adaptiveDeadline(windowOf(values as number[]), max as number);
    expect(d.ms).toBeCloseTo(expected as number, 6);
    expect(d.adaptive).toBe(adaptive);
  });

  it("adaptive: false pins the configured values however much was observed", () => {
    const d = new AdaptiveDeadlines({ ...policy, adaptive: false });
    for (let i = 0; i < 100; i++) d.observe("headers", 20);
    expect(d.current("headers")).toEqual({ ms: 60_000, adaptive: false });
  });

  it("the window forgets: only the last `capacity` observations count", () => {
    const w = new LatencyWindow(32);
    for (let i = 0; i < 32; i++) w.add(5000);
    for (let i = 0; i < 32; i++) w.add(10);
    expect(w.quantile(ADAPTIVE.quantile)).toBe(10);
  });

  it("hedges after 1.5 × q95 of whole requests (not sooner than 50 ms), once 16 were seen", () => {
    const d = new AdaptiveDeadlines(policy);
    for (let i = 0; i < 15; i++) d.observe("request", 200);
    expect(d.hedgeDelay()).toBeUndefined();
    d.observe("request", 200);
    expect(d.hedgeDelay()).toBe(300);
    const fast = new AdaptiveDeadlines(policy);
    for (let i = 0; i < 20; i++) fast.observe("request", 1);
    expect(fast.hedgeDelay()).toBe(50);
  });
});

describe("RequestWatch", () => {
  it("abandons a request silent past its phase's deadline with the phase as the reason, and spares one making progress", () => {
    let now = 0;
    const d = new AdaptiveDeadlines({ ...policy, headersMs: 1000, firstTokenMs: 1000, idleMs: 1000, adaptive: false });
    const watch = new RequestWatch(d, () => now);
    const silent = watch.begin(true);
    const steady = watch.begin(true);
    watch.event(silent, "connected");
    watch.event(steady, "connected");
    watch.event(silent, "headers");
    watch.event(steady, "headers");
    for (let t = 100; t <= 5000; t += 100) {
      now = t;
      watch.event(steady, "data");
      watch.event(steady, "token");
      watch.sweep();
    }
    expect(silent.controller.signal.aborted).toBe(true);
    expect(silent.abandoned).toBe("first_token");
    const reason = silent.controller.signal.reason as DeadlineExceeded;
    expect(reason).toBeInstanceOf(DeadlineExceeded);
    expect(reason.message).toBe("no first token within 1.0s");
    expect(steady.controller.signal.aborted).toBe(false);
  });

  it("offers a hedge only for a silent request, once, after the hedge delay", () => {
    let now = 0;
    const d = new AdaptiveDeadlines(policy);
    for (let i = 0; i < 20; i++) d.observe("request", 100);
    const watch = new RequestWatch(d, () => now);
    const offers: string[] = [];
    const silent = watch.begin(true, () => (offers.push("silent"), true));
    const streaming = watch.begin(true, () => (offers.push("streaming"), true));
    watch.event(streaming, "headers");
    watch.event(streaming, "token");
    for (now = 50; now <= 1000; now += 50) watch.sweep();
    expect(offers).toEqual(["silent"]);
    expect(silent.controller.signal.aborted).toBe(false);
  });
});

describe("hedging default", () => {
  it.each([
    ["http://127.0.0.1:8000/v1", true],
    ["http://127.1.2.3:8000/v1", true],
    ["http://localhost:11434/v1", true],
    ["http://[::1]:8000/v1", true],
    ["https://api.openai.com/v1", false],
    ["http://10.0.0.5:8000/v1", false],
    ["http://127.0.0.1.evil.example/v1", false],
  ])("%s → %s under auto", (url, on) => {
    expect(isLoopbackUrl(url)).toBe(on);
    expect(hedgeEnabled("auto", url)).toBe(on);
    expect(hedgeEnabled(false, url)).toBe(false);
    expect(hedgeEnabled(true, url)).toBe(true);
  });
});
