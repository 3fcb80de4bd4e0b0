// The Progress port: progress of a long phase; the CLI draws a bar on a terminal, plain lines in CI.

export interface Progress {
  start(total: number, label: string): void;
  tick(update: { done: number; errors: number }): void;
  stop(): void;
}

export const noProgress: Progress = { start() {}, tick() {}, stop() {} };
