// Every request in flight, the phase each is waiting in, and one sweep that abandons the overdue
// (with a DeadlineExceeded reason on the request's own signal) and says which are due a hedge.
// Phase durations of requests that answered feed the adaptive deadlines.
import { AdaptiveDeadlines, DeadlineExceeded, type DeadlinePhase } from "./deadlines.js";
import type { CancelSignal, RequestEvent } from "../ports/provider.js";

type WaitPhase = Exclude<DeadlinePhase, "total">;

/**
 * Cancels one request: an AbortController's shape (`signal.aborted`, `signal.reason`, `abort`)
 * without its EventTarget (a provider adds one listener a request). One is made per request sent.
 */
export class RequestCanceller implements CancelSignal {
  aborted = false;
  reason: unknown = undefined;
  private listeners: (() => void)[] | undefined;
  get signal(): RequestCanceller {
    return this;
  }
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const ls = this.listeners;
    this.listeners = undefined;
    if (ls) for (const l of ls) l();
  }
  addEventListener(_type: "abort", listener: () => void): void {
    if (this.aborted) return;
    (this.listeners ??= []).push(listener);
  }
  removeEventListener(_type: "abort", listener: () => void): void {
    const i = this.listeners?.indexOf(listener) ?? -1;
    if (i >= 0) this.listeners!.splice(i, 1);
  }
}

export interface WatchedRequest {
  readonly controller: RequestCanceller;
  readonly startedAt: number;
  readonly stream: boolean;
  phase: WaitPhase;
  /** When the current wait began. */
  since: number;
  gotHeaders: boolean;
  /** Streamed content tokens received (what a cancelled copy was billed for, roughly). */
  tokens: number;
  /** Called when the request has been silent past the hedge delay, until it returns true (hedge sent). */
  onHedgeDue: (() => boolean) | undefined;
  /** Set when a deadline abandoned it. */
  abandoned: DeadlinePhase | undefined;
}

export class RequestWatch {
  private readonly live = new Set<WatchedRequest>();
  constructor(
    readonly deadlines: AdaptiveDeadlines,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.live.size;
  }

  begin(stream: boolean, onHedgeDue?: () => boolean): WatchedRequest {
    const t = this.now();
    const r: WatchedRequest = { controller: new RequestCanceller(), startedAt: t, stream, phase: "connect", since: t, gotHeaders: false, tokens: 0, onHedgeDue, abandoned: undefined };
    this.live.add(r);
    return r;
  }

  event(r: WatchedRequest, ev: RequestEvent): void {
    if (!this.live.has(r)) return;
    const t = this.now();
    switch (ev) {
      case "connected":
        if (r.phase === "connect") this.enter(r, "headers", t);
        return;
      case "headers":
        if (r.phase === "connect" || r.phase === "headers") {
          this.deadlines.observe("headers", t - r.since);
          r.gotHeaders = true;
          this.enter(r, r.stream ? "first_token" : "idle", t);
        }
        return;
      case "token":
        r.tokens++;
        if (r.phase === "first_token") {
          this.deadlines.observe("first_token", t - r.since);
          this.enter(r, "idle", t);
        }
        return;
      case "data":
        if (r.phase === "idle") {
          this.deadlines.observe("idle", t - r.since);
          r.since = t;
        }
        return;
    }
  }

  end(r: WatchedRequest, answered: boolean): void {
    if (!this.live.delete(r)) return;
    if (answered) this.deadlines.observe("request", this.now() - r.startedAt);
  }

  /** Abandon what is overdue; offer a hedge for what has been silent past the hedge delay. */
  sweep(): void {
    const t = this.now();
    const hedgeAfter = this.deadlines.hedgeDelay();
    const total = this.deadlines.current("total");
    for (const r of this.live) {
      if (r.controller.signal.aborted) continue;
      if (t - r.startedAt > total.ms) {
        this.abandon(r, "total", total.ms, false);
        continue;
      }
      const d = this.deadlines.current(r.phase);
      if (t - r.since > d.ms) {
        this.abandon(r, r.phase, d.ms, d.adaptive);
        continue;
      }
      // Only a silent request is hedged: one streaming steadily is alive, however long it takes.
      if (r.onHedgeDue && hedgeAfter !== undefined && r.phase !== "idle" && t - r.startedAt > hedgeAfter) {
        if (r.onHedgeDue()) r.onHedgeDue = undefined;
      }
    }
  }

  /** Cancel everything in flight (the run is stopping) with this reason. */
  cancelAll(reason: unknown): void {
    for (const r of this.live) if (!r.controller.signal.aborted) r.controller.abort(reason);
  }

  private enter(r: WatchedRequest, phase: WaitPhase, t: number): void {
    r.phase = phase;
    r.since = t;
  }

  private abandon(r: WatchedRequest, phase: DeadlinePhase, ms: number, adaptive: boolean): void {
    r.abandoned = phase;
    r.controller.abort(new DeadlineExceeded(phase, ms, adaptive));
  }
}
