// The small interfaces through which the pure core talks to the world. Adapters in src/adapters/
// implement them with real technology; tests use hand-written fakes.

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** A collapsible phase in the log (a group on GitHub Actions, a heading on a terminal). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface Clock {
  /** Milliseconds, monotonic enough for durations. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Progress of a long phase: the CLI draws a bar on a terminal, plain lines in CI. */
export interface Progress {
  start(total: number, label: string): void;
  /** `retrying`: jobs between a failed attempt and their next outcome, by cause (429, 5xx, reset, deadline, …). */
  tick(update: { done: number; errors: number; retrying?: Record<string, number> }): void;
  stop(): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  group: (_name, fn) => fn(),
};

export const noProgress: Progress = { start() {}, tick() {}, stop() {} };

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(t);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};
