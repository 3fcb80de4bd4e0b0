// Per-phase request deadlines that learn from the run: a request silent far longer than the
// answers seen so far is abandoned (and retried) in about the time a slow-but-alive one needs,
// instead of holding its slot until a fixed minute-long timeout. Also the hedging delay.
//
// The rule (docs/evaluation.md, "Deadlines"): for each adaptive phase the deadline is
//   clamp(FACTOR × q99(last WINDOW observations of that phase), FLOOR, configured max)
// once MIN_SAMPLES observations exist, and the configured max before that. `adaptive: false`
// pins every phase to its configured value. Connect and total deadlines are always fixed.

import type { DeadlinePhase } from "./types.js";

export type { DeadlinePhase };

export interface DeadlinePolicy {
  connectMs: number;
  /** Maximum wait from connection to response headers. */
  headersMs: number;
  /** Maximum wait from headers to the first streamed token. */
  firstTokenMs: number;
  /** Maximum gap between body chunks (stream events, or a non-streamed body's pieces). */
  idleMs: number;
  /** Whole request, start to end; never adaptive (a long answer streaming steadily is alive). */
  totalMs: number;
  adaptive: boolean;
}

export const ADAPTIVE = { quantile: 0.99, factor: 3, floorMs: 1000, minSamples: 16, window: 512 } as const;
/** Hedge after FACTOR × q95 of whole-request latency, never sooner than FLOOR. */
export const HEDGE = { quantile: 0.95, factor: 1.5, floorMs: 50, minSamples: 16 } as const;

/** Why a request was cancelled by the runner (the signal's reason), so the provider can say so. */
export class DeadlineExceeded extends Error {
  override readonly name = "DeadlineExceeded";
  constructor(
    readonly phase: DeadlinePhase,
    readonly limitMs: number,
    readonly adaptive: boolean,
  ) {
    super(`${PHASE_WORDS[phase]} within ${formatSeconds(limitMs)}${adaptive ? " (adaptive deadline)" : ""}`);
  }
}

/** The other copy of a hedged request answered first. */
export class HedgeLost extends Error {
  override readonly name = "HedgeLost";
  constructor() {
    super("the hedged copy answered first");
  }
}

const PHASE_WORDS: Record<DeadlinePhase, string> = {
  connect: "no connection",
  headers: "no response headers",
  first_token: "no first token",
  idle: "the response stalled: no data",
  total: "no complete response",
};

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 ? s.toFixed(0) : s >= 1 ? s.toFixed(1) : s.toFixed(2)}s`;
}

/** The last `capacity` observations, with a cached quantile recomputed after enough new ones. */
export class LatencyWindow {
  private readonly buf: Float64Array;
  private count = 0;
  private head = 0;
  private sinceSort = Infinity;
  private sorted: Float64Array = new Float64Array(0);
  constructor(capacity: number = ADAPTIVE.window) {
    this.buf = new Float64Array(capacity);
  }
  get size(): number {
    return this.count;
  }
  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.buf[this.head] = ms;
    this.head = (this.head + 1) % this.buf.length;
    if (this.count < this.buf.length) this.count++;
    this.sinceSort++;
  }
  /** Type-7 quantile of the window; NaN when empty. Re-sorted at most every 1/16 of the window. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    if (this.sinceSort > Math.max(1, this.count >> 4)) {
      this.sorted = this.buf.slice(0, this.count).sort();
      this.sinceSort = 0;
    }
    const s = this.sorted;
    const h = (s.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, s.length - 1);
    return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
  }
}

/** The adaptive deadlines and hedge delay of one run. */
export class AdaptiveDeadlines {
  private readonly windows = { headers: new LatencyWindow(), first_token: new LatencyWindow(), idle: new LatencyWindow(), request: new LatencyWindow() };
  constructor(readonly policy: DeadlinePolicy) {}

  observe(what: "headers" | "first_token" | "idle" | "request", ms: number): void {
    this.windows[what].add(ms);
  }

  /** The deadline for a phase now, and whether it came from observations. */
  current(phase: DeadlinePhase): { ms: number; adaptive: boolean } {
    const p = this.policy;
    switch (phase) {
      case "connect":
        return { ms: p.connectMs, adaptive: false };
      case "total":
        return { ms: p.totalMs, adaptive: false };
      case "headers":
        return this.adapt(this.windows.headers, p.headersMs);
      case "first_token":
        return this.adapt(this.windows.first_token, p.firstTokenMs);
      case "idle":
        return this.adapt(this.windows.idle, p.idleMs);
    }
  }

  /** How long a request may be outstanding before a hedge is sent; undefined until enough answers were seen. */
  hedgeDelay(): number | undefined {
    const w = this.windows.request;
    if (w.size < HEDGE.minSamples) return undefined;
    return Math.max(HEDGE.floorMs, HEDGE.factor * w.quantile(HEDGE.quantile));
  }

  /** What summary.json records: the configured maxima and the values in force at the end. */
  snapshot(): Record<DeadlinePhase, number> {
    const ms = (phase: DeadlinePhase) => Math.round(this.current(phase).ms);
    return { connect: ms("connect"), headers: ms("headers"), first_token: ms("first_token"), idle: ms("idle"), total: ms("total") };
  }

  private adapt(w: LatencyWindow, maxMs: number): { ms: number; adaptive: boolean } {
    return adaptiveDeadline(this.policy.adaptive ? w : undefined, maxMs);
  }
}

/** The rule itself, separately testable: clamp(FACTOR × q99, FLOOR, max) after MIN_SAMPLES. */
export function adaptiveDeadline(w: { size: number; quantile(q: number): number } | undefined, maxMs: number): { ms: number; adaptive: boolean } {
  if (!w || w.size < ADAPTIVE.minSamples) return { ms: maxMs, adaptive: false };
  const ms = Math.min(maxMs, Math.max(ADAPTIVE.floorMs, ADAPTIVE.factor * w.quantile(ADAPTIVE.quantile)));
  return { ms, adaptive: ms < maxMs };
}

/** The suite's `timeouts:` (seconds) as a policy (ms). */
export function deadlinePolicy(t: { connect_s: number; headers_s: number; first_token_s: number; idle_s: number; request_s: number; adaptive: boolean }): DeadlinePolicy {
  return {
    connectMs: t.connect_s * 1000,
    headersMs: t.headers_s * 1000,
    firstTokenMs: t.first_token_s * 1000,
    idleMs: t.idle_s * 1000,
    totalMs: t.request_s * 1000,
    adaptive: t.adaptive,
  };
}

/** Whether a URL's host is this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `hedge: auto` hedges only a server on this machine: a second copy costs nothing but its CPU there, while a paid API bills both. */
export function hedgeEnabled(setting: "auto" | boolean, baseUrl: string): boolean {
  return setting === "auto" ? isLoopbackUrl(baseUrl) : setting;
}
