// results.jsonl on disk: each record appended as one write of one line, so a kill (SIGKILL too)
// loses at most the line being written; loading (the format's one line reader) drops such a cut-off
// line and truncates it away.
// A lock file keeps two runs from writing the same directory.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { InputError } from "../../errors.js";
import type { ResultsStore } from "../../core/ports/results-store.js";
import { readResultLine, writeResultLine, type EvalRecord } from "../../core/contracts/result-line.js";

export class JsonlResultsStore implements ResultsStore {
  private fd: number | undefined;
  private loaded = new Set<string>();
  droppedPartialLine = false;
  /** Set by finalize when records from disk were left out (another configuration, --limit): where the old file was kept. */
  keptPrevious: string | undefined;
  constructor(readonly path: string) {}

  /** The old file, kept when finalizing would drop records that were on disk. */
  get previousPath(): string {
    return this.path.replace(/\.jsonl$/, "") + ".previous.jsonl";
  }

  load(): EvalRecord[] {
    const records = this.read();
    this.loaded = new Set(records.map(recordId));
    return records;
  }

  private read(): EvalRecord[] {
    if (!existsSync(this.path)) return [];
    const buf = readFileSync(this.path);
    const records: EvalRecord[] = [];
    let start = 0;
    let line = 0;
    while (start < buf.length) {
      line++;
      const nl = buf.indexOf(0x0a, start);
      const end = nl === -1 ? buf.length : nl;
      const isLast = nl === -1 || nl === buf.length - 1;
      const parsed = readResultLine(buf.subarray(start, end).toString("utf8"), this.path, line, isLast);
      if (parsed.kind === "partial") {
        // The last line was cut off by a kill: drop it so appends start on a clean line.
        truncateSync(this.path, start);
        this.droppedPartialLine = true;
        break;
      }
      if (parsed.kind === "record") records.push(parsed.record);
      if (nl === -1) {
        // Whole record, only its newline missing: keep it and finish the line.
        if (parsed.kind === "record") writeFileSync(this.path, "\n", { flag: "a" });
        break;
      }
      start = end + 1;
    }
    return records;
  }

  append(record: EvalRecord): void {
    this.fd ??= openSync(this.path, "a");
    writeSync(this.fd, writeResultLine(record));
  }

  finalize(records: readonly EvalRecord[]): void {
    this.close();
    const tmp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(tmp, records.map(writeResultLine).join(""));
    const fd = openSync(tmp, "r");
    fsyncSync(fd);
    closeSync(fd);
    // Records that were on disk and are not kept (a run of another model or prompt, cases beyond
    // --limit) are never destroyed: the old file is moved aside first.
    const kept = new Set(records.map(recordId));
    if (existsSync(this.path) && [...this.loaded].some((id) => !kept.has(id))) {
      renameSync(this.path, this.previousPath);
      this.keptPrevious = this.previousPath;
    }
    renameSync(tmp, this.path);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function recordId(r: EvalRecord): string {
  return `${r.case_id}\u0000${r.repeat}\u0000${r.key}`;
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
