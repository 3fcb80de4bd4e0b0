// Logger for the CLI: human lines on stderr so stdout stays for results (and --json).
import type { Logger } from "../../core/ports/index.js";

export class ConsoleLogger implements Logger {
  constructor(
    private readonly stream: NodeJS.WritableStream = process.stderr,
    private readonly verbose = false,
  ) {}
  debug(message: string): void {
    if (this.verbose) this.stream.write(`debug: ${message}\n`);
  }
  info(message: string): void {
    this.stream.write(`${message}\n`);
  }
  warn(message: string): void {
    this.stream.write(`warning: ${message}\n`);
  }
  error(message: string): void {
    this.stream.write(`error: ${message}\n`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.stream.write(`▸ ${name}\n`);
    return fn();
  }
}
