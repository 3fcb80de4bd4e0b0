// Splits a stream of byte chunks into lines on 0x0A without readline (which is slow), in constant
// memory: a line longer than maxLineBytes is reported by its length and skipped, never buffered.

import { Buffer } from "node:buffer";

export interface LineSink {
  /**
   * One line, without its "\n". `bytes` may be a view into a reused buffer: use it before returning.
   * `terminated` is false only for a last line with no newline after it. `inChunk` is true when
   * the line lies whole inside the chunk just pushed (no bytes carried over from an earlier one).
   */
  line(bytes: Uint8Array, lineNo: number, terminated: boolean, inChunk: boolean): boolean | void;
  /** A line over the limit; its bytes were skipped. */
  tooLong(lineNo: number, byteLength: number): boolean | void;
}

/** Returned by a sink to stop reading early (error budget spent). */
export const STOP = true;

export class LineSplitter {
  // A Buffer (not a bare Uint8Array) so line views decode without another wrapper.
  private carry: Uint8Array = Buffer.alloc(0);
  private carryLen = 0;
  private skipping = false;
  private skippedBytes = 0;
  private lineNo = 0;
  stopped = false;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
  ) {}

  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    const n = chunk.length;
    while (pos < n && !this.stopped) {
      const nl = chunk.indexOf(0x0a, pos);
      const end = nl === -1 ? n : nl;
      if (this.skipping) {
        this.skippedBytes += end - pos;
      } else if (this.carryLen + (end - pos) > this.maxLineBytes) {
        this.skipping = true;
        this.skippedBytes = this.carryLen + (end - pos);
        this.carryLen = 0;
      } else if (nl !== -1 && this.carryLen === 0) {
        // Fast path: the whole line is inside this chunk; hand out a view, no copy.
        this.lineNo++;
        if (this.sink.line(chunk.subarray(pos, end), this.lineNo, true, true) === STOP) this.stopped = true;
        pos = nl + 1;
        continue;
      } else {
        this.append(chunk, pos, end);
      }
      if (nl === -1) break;
      this.finishLine(true);
      pos = nl + 1;
    }
  }

  /** Call once after the last chunk. */
  end(): void {
    if (this.stopped) return;
    if (this.skipping || this.carryLen > 0) this.finishLine(false);
  }

  private finishLine(terminated: boolean): void {
    this.lineNo++;
    let r: boolean | void;
    if (this.skipping) {
      r = this.sink.tooLong(this.lineNo, this.skippedBytes);
      this.skipping = false;
      this.skippedBytes = 0;
    } else {
      r = this.sink.line(this.carry.subarray(0, this.carryLen), this.lineNo, terminated, false);
      this.carryLen = 0;
    }
    if (r === STOP) this.stopped = true;
  }

  private append(chunk: Uint8Array, start: number, end: number): void {
    const need = this.carryLen + (end - start);
    if (need > this.carry.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, Math.min(Math.max(this.carry.length * 2, 64 * 1024), this.maxLineBytes)));
      grown.set(this.carry.subarray(0, this.carryLen));
      this.carry = grown;
    }
    this.carry.set(chunk.subarray(start, end), this.carryLen);
    this.carryLen = need;
  }
}
