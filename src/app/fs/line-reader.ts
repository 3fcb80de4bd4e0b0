// A file's lines, read synchronously through one reused off-heap buffer: a line becomes a string
// only when it is asked for, so lines waiting their turn (one file of many in a merge) never pile
// up as strings that outlive the young generation and linger in the old one as garbage.
import { closeSync, openSync, readSync } from "node:fs";

export class LineReader {
  private readonly fd: number;
  private buf: Buffer;
  private start = 0;
  private end = 0;
  private eof = false;

  /** `onChunk` sees every byte of the file once, in order (to hash it as it is read). */
  constructor(
    path: string,
    chunkBytes = 64 * 1024,
    private readonly onChunk?: (bytes: Buffer) => void,
  ) {
    this.fd = openSync(path, "r");
    this.buf = Buffer.allocUnsafe(chunkBytes);
  }

  /** The next line without its "\n" (a "\r" before it is kept), or null at the end of the file. */
  next(): string | null {
    for (;;) {
      const nl = this.buf.indexOf(0x0a, this.start);
      if (nl !== -1 && nl < this.end) {
        const line = this.buf.toString("utf8", this.start, nl);
        this.start = nl + 1;
        return line;
      }
      if (this.eof) {
        if (this.start === this.end) return null;
        const line = this.buf.toString("utf8", this.start, this.end);
        this.start = this.end;
        return line;
      }
      this.fill();
    }
  }

  /** Move what is left to the front (growing the buffer for a line longer than it) and read more. */
  private fill(): void {
    const left = this.end - this.start;
    if (left === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, this.start, this.end);
      this.buf = bigger;
    } else if (this.start > 0) this.buf.copy(this.buf, 0, this.start, this.end);
    this.start = 0;
    this.end = left;
    const got = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (got === 0) this.eof = true;
    else this.onChunk?.(this.buf.subarray(this.end, this.end + got));
    this.end += got;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Every line of a file, through a LineReader (closed at the end or on an early exit). */
export function* readLines(path: string, chunkBytes?: number, onChunk?: (bytes: Buffer) => void): Generator<string> {
  const r = new LineReader(path, chunkBytes, onChunk);
  try {
    for (let line = r.next(); line !== null; line = r.next()) yield line;
  } finally {
    r.close();
  }
}
