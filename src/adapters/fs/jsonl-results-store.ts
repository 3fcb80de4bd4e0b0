// results.jsonl on disk: records appended as they complete, the lines of one turn of the event loop
// in one write (flushed before the next I/O is read, and at once past 64 KiB), so a kill (SIGKILL
// too) loses at most the records of that turn, re-requested on resume, and at most one line cut
// off; loading (the format's one line reader) drops such a cut-off line and truncates it away.
// A lock file keeps two runs from writing the same directory.
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError, InternalError } from "../../errors.js";
import type { InOrderWriter, RecordLocation, ResultsStore } from "../../core/ports/results-store.js";
import { readResultLine, resultLineFormat, writeResultLine, type EvalRecord } from "../../core/contracts/result-line.js";

const CHUNK = 1 << 20;
/** Appended lines are written together once they reach this size, or at the end of the event loop's turn. */
const APPEND_BATCH = 64 * 1024;

export class JsonlResultsStore implements ResultsStore {
  private fd: number | undefined;
  /** Where the next appended line starts. */
  private end = 0;
  /** Where this process's appends begin: lines from there on were written by writeResultLine here. */
  private ownFrom = 0;
  droppedPartialLine = false;
  /** Set by finalize when records from disk were left out (another configuration, --limit): where the old file was kept. */
  keptPrevious: string | undefined;
  constructor(readonly path: string) {}

  /** The old file, kept when finalizing would drop records that were on disk. */
  get previousPath(): string {
    return this.path.replace(/\.jsonl$/, "") + ".previous.jsonl";
  }

  /** Read the file a chunk at a time: memory holds one chunk and one line, not the file. */
  load(each: (record: EvalRecord, at: RecordLocation) => void): void {
    this.flush();
    this.end = 0;
    if (!existsSync(this.path)) return;
    const fd = openSync(this.path, "r");
    const size = fstatSync(fd).size;
    let carry: Buffer = Buffer.alloc(0);
    let carryAt = 0;
    let pos = 0;
    let line = 0;
    try {
      while (pos < size) {
        const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - pos));
        const got = readSync(fd, chunk, 0, chunk.length, pos);
        const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, got)]) : chunk.subarray(0, got);
        const base = carry.length ? carryAt : pos;
        pos += got;
        let start = 0;
        for (let nl = buf.indexOf(0x0a, start); nl !== -1; nl = buf.indexOf(0x0a, start)) {
          line++;
          this.take(buf.subarray(start, nl), base + start, line, nl === buf.length - 1 && pos === size, each);
          start = nl + 1;
        }
        carry = Buffer.from(buf.subarray(start));
        carryAt = base + start;
      }
    } finally {
      closeSync(fd);
    }
    if (carry.length > 0) {
      // The last line has no newline: a whole record is kept (its newline added), anything else
      // was cut off by a kill and is truncated away so appends start on a clean line.
      const parsed = readResultLine(carry.toString("utf8"), this.path, line + 1, true);
      if (parsed.kind === "record") {
        each(parsed.record, { offset: carryAt, length: carry.length });
        writeFileSync(this.path, "\n", { flag: "a" });
        this.end = carryAt + carry.length + 1;
      } else {
        truncateSync(this.path, carryAt);
        this.droppedPartialLine = true;
        this.end = carryAt;
      }
    } else this.end = size;
    this.ownFrom = this.end;
  }

  /** One complete line (without its newline) at `offset`, by the format's one line reader. */
  private take(bytes: Buffer, offset: number, line: number, last: boolean, each: (record: EvalRecord, at: RecordLocation) => void): void {
    const parsed = readResultLine(bytes.toString("utf8"), this.path, line, last);
    if (parsed.kind === "record") each(parsed.record, { offset, length: bytes.length });
    else if (parsed.kind === "partial") {
      // A kill between the line and its newline being written left a torn last line.
      truncateSync(this.path, offset);
      this.droppedPartialLine = true;
    }
  }

  append(record: EvalRecord): RecordLocation & { text: string } {
    const text = writeResultLine(record);
    const length = Buffer.byteLength(text) - 1;
    const at = { offset: this.end, length, text };
    this.end += length + 1;
    // One write a turn, not one a record: at thousands of records a second the syscalls add up.
    this.batch.push(text);
    this.batchBytes += length + 1;
    if (this.batchBytes >= APPEND_BATCH) this.flush();
    else this.flushSoon ??= setImmediate(() => this.flush());
    return at;
  }

  private batch: string[] = [];
  private batchBytes = 0;
  private flushSoon: NodeJS.Immediate | undefined;

  /** Write the appended lines not yet on disk. */
  flush(): void {
    if (this.flushSoon !== undefined) clearImmediate(this.flushSoon);
    this.flushSoon = undefined;
    if (this.batch.length === 0) return;
    this.fd ??= openSync(this.path, "a");
    const text = this.batch.length === 1 ? this.batch[0]! : this.batch.join("");
    this.batch = [];
    this.batchBytes = 0;
    writeSync(this.fd, text);
  }

  mayHoldRecords(): boolean {
    this.flush();
    return existsSync(this.path) && statSync(this.path).size > 0;
  }

  inOrder(): InOrderWriter {
    this.removeLeftovers();
    const tmp = `${this.path}.ordered-${process.pid}`;
    const fd = openSync(tmp, "w");
    let pending: string[] = [];
    let bytes = 0;
    let open = true;
    const flush = () => {
      if (pending.length) writeSync(fd, pending.length === 1 ? pending[0]! : pending.join(""));
      pending = [];
      bytes = 0;
    };
    const end = () => {
      if (!open) return false;
      open = false;
      return true;
    };
    return {
      write: (record, appended) => {
        // The line append() wrote is this record's line: writeResultLine is the one serializer.
        const text = appended ?? writeResultLine(record);
        pending.push(text);
        bytes += text.length;
        if (bytes > APPEND_BATCH) flush();
      },
      commit: () => {
        if (!end()) throw new InternalError(`${tmp} was already committed or discarded`);
        try {
          flush();
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        this.close();
        renameSync(tmp, this.path);
      },
      discard: () => {
        if (!end()) return;
        closeSync(fd);
        rmSync(tmp, { force: true });
      },
    };
  }

  async finalize<L extends RecordLocation>(locations: Iterable<L> | AsyncIterable<L>, map: (record: EvalRecord, at: L) => EvalRecord, dropsRecords: boolean): Promise<void> {
    this.close();
    this.removeLeftovers();
    const tmp = `${this.path}.tmp-${process.pid}`;
    const out = openSync(tmp, "w");
    const src = existsSync(this.path) ? openSync(this.path, "r") : undefined;
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pending.length) writeSync(out, pending.join(""));
      pending = [];
      pendingBytes = 0;
    };
    try {
      let buf = Buffer.allocUnsafe(64 * 1024);
      for await (const at of locations) {
        if (src === undefined) throw new InternalError(`${this.path} is gone`);
        if (at.length > buf.length) buf = Buffer.allocUnsafe(at.length);
        readSync(src, buf, 0, at.length, at.offset);
        const line = buf.toString("utf8", 0, at.length);
        // A line this process appended is read back as written; one from before is checked.
        const own = at.offset >= this.ownFrom;
        const parsed = own ? (JSON.parse(line) as EvalRecord) : resultLineFormat.parse(line, `${this.path}@${at.offset}`);
        const record = map(parsed, at);
        // Unchanged (map gave back what it was given) and written here by writeResultLine: the
        // line is what serializing the record again would give, so it is copied as it is.
        const text = own && record === parsed ? `${line}\n` : writeResultLine(record);
        pending.push(text);
        pendingBytes += text.length;
        // Written in 64 KiB pieces: a joined string past 128 KiB would be allocated straight into
        // V8's old generation (large-object space) and grow the heap a megabyte at a time.
        if (pendingBytes > APPEND_BATCH) flush();
      }
      flush();
      fsyncSync(out);
    } finally {
      closeSync(out);
      if (src !== undefined) closeSync(src);
    }
    // Records that were on disk and are not kept (a run of another model or prompt, cases beyond
    // --limit) are never destroyed: the old file is moved aside first.
    if (dropsRecords && existsSync(this.path)) {
      renameSync(this.path, this.previousPath);
      this.keptPrevious = this.previousPath;
    }
    renameSync(tmp, this.path);
  }

  /**
   * Files a killed run left half-written (`results.jsonl.ordered-PID`, `results.jsonl.tmp-PID`):
   * the caller holds the directory's lock, so none is being written now.
   */
  private removeLeftovers(): void {
    const dir = dirname(this.path);
    const stem = `${basename(this.path)}.`;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) if (name.startsWith(stem) && /^(ordered|tmp)-\d+$/.test(name.slice(stem.length))) rmSync(join(dir, name), { force: true });
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** An exclusive lock on an output directory; a lock left by a dead process is taken over. */
export function acquireDirLock(lockPath: string): () => void {
  for (let i = 0; i < 2; i++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new InputError(`another llmops run (pid ${pid}) is writing to ${lockPath.replace(/\/\.lock$/, "")}`, {
          hint: "wait for it to finish, or choose another --out directory",
        });
      }
      unlinkSync(lockPath);
    }
  }
  throw new InputError(`could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
