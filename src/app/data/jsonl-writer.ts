// A JSONL writer usable from synchronous record visitors: lines are batched and written with
// writeSync, so memory stays bounded whatever the file size.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export class JsonlWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private pending = 0;
  lines = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, "w");
  }

  write(value: unknown): void {
    const line = `${JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}\n`;
    this.parts.push(line);
    this.pending += line.length;
    this.lines++;
    if (this.pending >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.pending = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
