// Progress for the CLI: a redrawn bar on a terminal; in CI (no terminal) a plain line every few
// seconds so logs stay readable.
import type { Progress } from "../../core/ports/index.js";

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--";
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m < 60) return `${m}m${String(s).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

export function renderProgressLine(p: { label: string; done: number; total: number; errors: number; elapsedS: number; width?: number; retrying?: Record<string, number> }): string {
  const rate = p.elapsedS > 0 ? p.done / p.elapsedS : 0;
  const eta = rate > 0 ? (p.total - p.done) / rate : NaN;
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const width = p.width ?? 24;
  const filled = Math.round(frac * width);
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  const retrying = Object.entries(p.retrying ?? {}).filter(([, n]) => n > 0);
  const inRetry = retrying.length ? ` retrying ${retrying.map(([cause, n]) => `${cause}:${n}`).join(" ")}` : "";
  return `${p.label} ${bar} ${p.done}/${p.total} ${(frac * 100).toFixed(0)}% ${rate.toFixed(1)}/s ETA ${formatDuration(eta)} errors ${p.errors}${inRetry}`;
}

export class TerminalProgress implements Progress {
  private total = 0;
  private label = "";
  private t0 = 0;
  private last = 0;
  private drawn = -1;
  private state: { done: number; errors: number; retrying?: Record<string, number> } = { done: 0, errors: 0 };
  constructor(
    private readonly stream: NodeJS.WriteStream & { isTTY?: boolean } = process.stderr,
    private readonly interactive = Boolean(process.stderr.isTTY),
    private readonly plainEveryMs = 5000,
  ) {}
  start(total: number, label: string): void {
    this.total = total;
    this.label = label;
    this.t0 = performance.now();
    this.last = 0;
    this.state = { done: 0, errors: 0 };
  }
  tick(update: { done: number; errors: number; retrying?: Record<string, number> }): void {
    this.state = update;
    const now = performance.now();
    const every = this.interactive ? 100 : this.plainEveryMs;
    if (now - this.last < every && update.done < this.total) return;
    this.last = now;
    this.draw(false);
  }
  stop(): void {
    if (this.interactive) this.draw(true);
    else if (this.drawn !== this.state.done) this.draw(true);
  }
  private draw(final: boolean): void {
    this.drawn = this.state.done;
    const line = renderProgressLine({ label: this.label, total: this.total, ...this.state, elapsedS: (performance.now() - this.t0) / 1000 });
    if (this.interactive) this.stream.write(`\r\x1b[2K${line}${final ? "\n" : ""}`);
    else this.stream.write(`${line}\n`);
  }
}
