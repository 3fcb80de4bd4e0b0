// The Progress port: progress of a long phase; the CLI draws a bar on a terminal, plain lines in CI.

export interface Progress {
  start(total: number, label: string): void;
  /** `retrying`: jobs between a failed attempt and their next outcome, by cause (429, 5xx, reset, deadline, …). */
  tick(update: { done: number; errors: number; retrying?: Record<string, number> }): void;
  stop(): void;
}

export const noProgress: Progress = { start() {}, tick() {}, stop() {} };
